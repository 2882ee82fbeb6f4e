"""`kam db backup` and `kam db restore`: every database, on PostgreSQL and on the embedded SQLite."""
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from kam import migrate
from kam.backup import backup, restore
from kam.config import Settings
from kam.identity import Actor
from kam.service import open_store
from services.customers import handlers
from services.customers.models import customers, metadata
from services.customers.plugin import plugin
from tests.services import SERVICES


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
        handlers.create_customer(uow, actor, {"name": name})
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


def test_kam_db_backup_writes_every_database_into_one_dated_folder(tmp_path):
    env = {"KAM_DATA_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "kam", "db", "upgrade"], env=env, check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "kam", "db", "backup", "--to", str(tmp_path / "b")], env=env,
                            check=True, capture_output=True, text=True)
    folder = result.stdout.strip().splitlines()[-1]
    written = sorted(path.name for path in (tmp_path / "b").glob("*/*.db"))
    assert written == sorted(f"{name}.db" for name in
                             ("gateway", *SERVICES))
    assert folder.startswith(str(tmp_path / "b"))
