"""Pictures people upload (product photos, design images, intake photos): JPEG or PNG by their bytes,
at most 10 MB, decoded by Pillow to be sure, with a thumbnail."""
import io

from PIL import Image, UnidentifiedImageError

from kam.errors import Invalid, UnsupportedMedia

MAX_IMAGE_BYTES = 10 * 1024 * 1024
THUMBNAIL_PIXELS = (320, 320)
Image.MAX_IMAGE_PIXELS = 40_000_000  # a small file that declares a huge picture is refused, not decoded
SIGNATURES = ((b"\xff\xd8\xff", "image/jpeg", "jpg", "JPEG"), (b"\x89PNG\r\n\x1a\n", "image/png", "png", "PNG"))


def checked_image(content):
    """(content type, extension) of an acceptable picture; 422 if empty, too large or broken, 415 if not
    a JPEG or PNG."""
    if not content:
        raise Invalid("the picture is empty", errors={"file": ["empty file"]})
    if len(content) > MAX_IMAGE_BYTES:
        raise Invalid("the picture is too large", errors={"file": ["at most 10 MB"]})
    found = next((s for s in SIGNATURES if content.startswith(s[0])), None)
    if found is None:
        raise UnsupportedMedia("a picture is a JPEG or PNG file", errors={"file": ["not a JPEG or PNG file"]})
    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.format != found[3]:
                raise UnidentifiedImageError(image.format)
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise Invalid("the picture cannot be read", errors={"file": ["a damaged or unreadable picture"]}) from error
    return found[1], found[2]


def thumbnail(content, size=THUMBNAIL_PIXELS):
    """A JPEG thumbnail no larger than `size`, keeping the picture's proportions."""
    with Image.open(io.BytesIO(content)) as image:
        image = image.convert("RGB")
        image.thumbnail(size)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=82)
        return out.getvalue()
