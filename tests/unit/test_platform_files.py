"""Files under the data directory and pictures checked by their bytes."""
import io

import pytest
from PIL import Image

from kam.errors import Invalid, UnsupportedMedia
from kam.images import checked_image, thumbnail
from kam.storage import FileStore


def picture(kind="PNG", size=(800, 600)):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 160, 40)).save(out, kind)
    return out.getvalue()


def test_files_are_kept_under_their_root_and_never_outside(tmp_path):
    store = FileStore(tmp_path / "receipts")
    stored_as = store.save("claim-1", "r1.pdf", b"%PDF-1.4")
    assert stored_as == "claim-1/r1.pdf" and store.read(stored_as) == b"%PDF-1.4"
    with pytest.raises(ValueError):
        store.read("../outside.txt")
    store.delete(stored_as)
    assert not (tmp_path / "receipts" / "claim-1" / "r1.pdf").exists()


def test_a_picture_is_a_jpeg_or_png_by_its_bytes_and_gets_a_thumbnail():
    assert checked_image(picture("PNG")) == ("image/png", "png")
    assert checked_image(picture("JPEG")) == ("image/jpeg", "jpg")
    with Image.open(io.BytesIO(thumbnail(picture(size=(1600, 1200))))) as small:
        assert small.format == "JPEG" and max(small.size) <= 320


def test_anything_else_is_refused():
    with pytest.raises(UnsupportedMedia):
        checked_image(b"GIF89a....")
    with pytest.raises(Invalid):
        checked_image(b"")
    with pytest.raises(Invalid):
        checked_image(b"\x89PNG\r\n\x1a\n" + b"broken")
