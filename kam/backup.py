"""Backups of every database (the gateway's and each service's) and of the files beside them (receipts,
pictures: every folder under KAM_DATA_DIR) into one dated folder, and restores.

SQLite files are copied with SQLite's online backup API (safe while the system runs); PostgreSQL
schemas are dumped with `pg_dump --format=custom`, one file per schema, and restored with pg_restore.
The files go to `files/` in the backup. The keys (KAM_DATA_DIR/dev-keys.json, or the environment's) are
never in a backup: keep them apart, as docs/SECURITY.md says.
"""
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from kam.db import driver_url

FILES = "files"


class BackupError(RuntimeError):
    pass


def backup(names, settings, into):
    """Back up the databases `names` into a new folder under `into`; returns the folder."""
    folder = Path(into) / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    for name in names:
        url, schema = settings.database_for(name)
        if schema:
            _run(["pg_dump", "--format=custom", f"--schema={schema}", f"--file={folder / f'{name}.dump'}",
                  _libpq_url(url)])
        else:
            with sqlite3.connect(_sqlite_path(url)) as source, sqlite3.connect(folder / f"{name}.db") as copy:
                source.backup(copy)
    for stored in _file_folders(settings.data_dir, apart_from=folder):
        shutil.copytree(stored, folder / FILES / stored.name, ignore=shutil.ignore_patterns(".*.partial"))
    return folder


def restore(names, settings, folder):
    """Put back the databases `names` from a backup folder (stop the services first)."""
    folder = Path(folder)
    for name in names:
        url, schema = settings.database_for(name)
        if schema:
            dump = _existing(folder / f"{name}.dump")
            _run(["pg_restore", "--clean", "--if-exists", "--single-transaction", f"--schema={schema}",
                  f"--dbname={_libpq_url(url)}", str(dump)])
        else:
            copy = _existing(folder / f"{name}.db")
            with sqlite3.connect(copy) as source, sqlite3.connect(_sqlite_path(url)) as target:
                source.backup(target)
    restore_files(settings.data_dir, folder)


def restore_files(data_dir, folder):
    """Every file folder the backup holds is put back as it was: files added since are gone."""
    for kept in sorted((Path(folder) / FILES).glob("*")):
        live = Path(data_dir) / kept.name
        shutil.rmtree(live, ignore_errors=True)
        shutil.copytree(kept, live)


def _file_folders(data_dir, apart_from):
    """The folders of files under the data directory: not hidden, and not the one the backups go to."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return []
    backups = Path(apart_from).resolve()
    return [path for path in sorted(data_dir.iterdir()) if path.is_dir() and not path.name.startswith(".")
            and path.resolve() not in backups.parents and path.resolve() != backups]


def _existing(path):
    if not path.exists():
        raise BackupError(f"{path} is not in this backup")
    return path


def _sqlite_path(url):
    return url.removeprefix("sqlite:///")


def _libpq_url(url):
    parts = urlsplit(driver_url(url))
    return parts._replace(scheme="postgresql").geturl()


def _run(command):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client)")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
