"""Where a service keeps files (receipts, pictures): under the data directory, behind three calls that an
object store (S3-compatible) can answer instead.

    files = Files("receipts")   # a DependencyProvider: <KAM_DATA_DIR>/receipts/
    stored_as = self.files.save(claim_id, "r1.pdf", content)
"""
import os
import shutil
from pathlib import Path

from nameko.extensions import DependencyProvider

from kam.service import settings_of


class FileStore:
    def __init__(self, root):
        self.root = Path(root)

    def _path(self, stored_as):
        path = (self.root / stored_as).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError(f"not a stored file: {stored_as}")
        return path

    def save(self, folder, name, content):
        """Writes atomically; returns the file's name relative to the root, as kept in the database."""
        target = self._path(f"{folder}/{name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{name}.partial")
        partial.write_bytes(content)
        os.replace(partial, target)
        return f"{folder}/{name}"

    def read(self, stored_as):
        return self._path(stored_as).read_bytes()

    def delete(self, stored_as):
        self._path(stored_as).unlink(missing_ok=True)

    def delete_folder(self, folder):
        shutil.rmtree(self._path(folder), ignore_errors=True)


def file_store(settings, kind):
    return FileStore(Path(settings.data_dir) / kind)


class Files(DependencyProvider):
    """The service's files of one kind; the store is made once, at setup, never per worker."""

    def __init__(self, kind):
        self.kind = kind

    def setup(self):
        self.store = file_store(settings_of(self.container), self.kind)

    def get_dependency(self, worker_ctx):
        return self.store

    def outside_container(self, settings):
        store = file_store(settings, self.kind)
        return lambda: store
