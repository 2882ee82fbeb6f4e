"""Import jobs: run in the background a batch at a time, each batch committed with the job's progress, so
a job whose process died is taken over where its last batch ended."""
import base64
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from kam.config import Settings
from kam.errors import NotFound
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.customers.handlers import import_jobs
from services.customers.models import customers, metadata
from services.customers.models import import_jobs as jobs
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)
OWNER = Actor("dev-1", "developer")
SEALER = Sealer(Settings(secret_key="unit-test-secret"))
SHEET = "姓名,手机\n王丽,13800000001\n李娜,13800000002\n张敏,13800000003\n刘洋,13800000004\n陈静,13800000001\n"


class OneStore:
    """Every unit of work is the same fake one (its commits count)."""

    def __init__(self, uow):
        self.uow = uow

    def unit_of_work(self, actor=None):
        return self.uow


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as uow:
        yield uow


def queue(uow, text=SHEET, filename="客户.csv"):
    job = import_jobs.queue_import(uow, OWNER, NOW, filename=filename,
                                   content_base64=base64.b64encode(text.encode()).decode())
    uow.commit()
    return job


def run(uow, at=NOW):
    return import_jobs.run_next_import(OneStore(uow), lambda: at, sealer=SEALER, rules=load_rules(), pause=lambda: None)


def test_a_queued_import_runs_to_its_end_with_its_rejected_rows(uow):
    job = queue(uow)
    assert run(uow) and not run(uow)  # one job, then none left
    done = import_jobs.get_import(uow.session, OWNER, NOW, job_id=job["id"])
    assert (done["status"], done["total"], done["done"], done["imported"], done["rejected"]) == ("done", 5, 5, 4, 1)
    assert [(row["row"], row["errors"]) for row in done["rejected_rows"]] == [(6, {"phone": ["手机号已登记（重复）"]})]
    assert uow.session.scalar(select(jobs.c.content).where(jobs.c.id == job["id"])) is None  # the file is not kept


def test_a_job_whose_process_died_is_taken_over_where_its_last_batch_ended(uow):
    job = queue(uow)
    uow.session.execute(update(jobs).where(jobs.c.id == job["id"]).values(  # three rows were committed, then the crash
        status="running", done=3, imported=3, updated_at=NOW - timedelta(minutes=1)))
    assert not run(uow)  # still within its time: its process may be alive
    assert run(uow, NOW + import_jobs.STALE)
    done = import_jobs.get_import(uow.session, OWNER, NOW, job_id=job["id"])
    assert (done["status"], done["done"], done["imported"], done["rejected"]) == ("done", 5, 5, 0)
    assert set(uow.session.scalars(select(customers.c.name))) == {"刘洋", "陈静"}  # rows 5 and 6 only (here 王丽 of
    # row 2 was never written, so 陈静's phone repeats no one)


def test_a_file_without_a_name_column_fails_its_job_with_the_reason(uow):
    job = queue(uow, "手机\n13800000001\n")
    run(uow)
    failed = import_jobs.get_import(uow.session, OWNER, NOW, job_id=job["id"])
    assert failed["status"] == "failed" and "姓名" in failed["error"]


def test_an_import_job_is_hidden_from_other_developers(uow):
    job = queue(uow)
    with pytest.raises(NotFound):
        import_jobs.get_import(uow.session, Actor("dev-2", "developer"), NOW, job_id=job["id"])
    assert import_jobs.get_import(uow.session, Actor("m-1", "manager"), NOW, job_id=job["id"])["id"] == job["id"]
