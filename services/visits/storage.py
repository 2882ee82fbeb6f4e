"""Where receipt files live: under the data directory (`<data_dir>/receipts/<claim_id>/`).

Production wants an object store (S3-compatible) behind the same two calls; not built yet."""
import os
from pathlib import Path

from nameko.extensions import DependencyProvider

from kam.service import settings_of


class ReceiptFiles:
    def __init__(self, root):
        self.root = Path(root)

    def save(self, claim_id, name, content):
        """Writes atomically; returns the file's name relative to the root, as kept in the database."""
        folder = self.root / claim_id
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{name}.partial"
        partial.write_bytes(content)
        os.replace(partial, folder / name)
        return f"{claim_id}/{name}"

    def read(self, stored_as):
        path = (self.root / stored_as).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"not a receipt path: {stored_as}")
        return path.read_bytes()


def receipt_files(settings):
    return ReceiptFiles(Path(settings.data_dir) / "receipts")


class Receipts(DependencyProvider):
    def setup(self):
        self.files = receipt_files(settings_of(self.container))

    def get_dependency(self, worker_ctx):
        return self.files
