"""`kam db backup` and `kam db restore`: every database and the files beside them, on PostgreSQL and on the
embedded SQLite."""
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from kam import migrate
from kam.backup import backup, restore
from kam.config import Settings
from kam.identity import Actor
from kam.plugins import discover
from kam.service import open_store
from kam.storage import file_store
from services.customers.handlers import files
from services.customers.models import customers, metadata
from services.customers.plugin import plugin
from services.customers.rules import load_rules
from services.customers.sealing import Sealer


def count_customers(settings):
    store = open_store("customers", metadata, settings)
    with store.session() as session:
        total = session.scalar(select(func.count()).select_from(customers))
    store.close()
    return total


def add_customer(settings, name):
    store = open_store("customers", metadata, settings)
    actor = Actor("dev-1", "developer")
    with store.unit_of_work(actor=actor.as_dict()) as uow:
        files.create_customer(uow, actor, datetime.now(UTC), data={"name": name}, sealer=Sealer(settings),
                              rules=load_rules())
        uow.commit()
    store.close()


@pytest.fixture(params=["postgresql", "sqlite"])
def settings(request, database_url, tmp_path):
    if request.param == "postgresql":
        return Settings(database_url=database_url, data_dir=tmp_path)
    embedded = Settings(data_dir=tmp_path / "var")
    migrate.upgrade("customers", plugin.migrations, embedded)
    return embedded


def test_a_backup_restores_what_was_there_when_it_was_taken(settings, tmp_path):
    add_customer(settings, "上官云")
    folder = backup(["customers"], settings, tmp_path / "backups")
    add_customer(settings, "慕容雪")
    assert count_customers(settings) == 2

    restore(["customers"], settings, folder)

    assert count_customers(settings) == 1


def test_a_restore_drill_finds_the_databases_and_the_receipt_and_picture_files_as_they_were(settings, tmp_path):
    receipts, pictures = file_store(settings, "receipts"), file_store(settings, "pictures")
    add_customer(settings, "上官云")
    receipt = receipts.save("claim-1", "r1.pdf", b"%PDF-1.4 the taxi")
    picture = pictures.save("product-1", "ring.png", b"\x89PNG the ring")
    folder = backup(["customers"], settings, settings.data_dir / "backups")

    add_customer(settings, "慕容雪")
    receipts.save("claim-1", "r1.pdf", b"%PDF-1.4 overwritten")
    later = receipts.save("claim-2", "r2.pdf", b"%PDF-1.4 after the backup")
    pictures.delete(picture)
    restore(["customers"], settings, folder)

    assert count_customers(settings) == 1
    assert receipts.read(receipt) == b"%PDF-1.4 the taxi" and pictures.read(picture) == b"\x89PNG the ring"
    assert not (settings.data_dir / "receipts" / later).exists()
    assert folder.exists() and not (folder / "files" / "backups").exists()


def test_kam_db_backup_writes_every_database_into_one_dated_folder(tmp_path):
    env = {"KAM_DATA_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "kam", "db", "upgrade"], env=env, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "kam", "db", "backup", "--to", str(tmp_path / "b")], env=env,
                            check=True, capture_output=True, text=True)
    folder = result.stdout.strip().splitlines()[-1]
    written = sorted(path.name for path in (tmp_path / "b").glob("*/*.db"))
    assert written == sorted(f"{name}.db" for name in ("gateway", *discover()))
    assert folder.startswith(str(tmp_path / "b"))
