"""A large file imported over HTTP: queued with its bytes, then run in the background by the service's
timer. Each batch commits together with the job's progress and its rejected rows, so a job whose process
died is taken over where its last batch ended, and the console can show how far it is."""
import base64
import logging
from datetime import timedelta

from sqlalchemy import insert, or_, select, update

from kam.db import new_id
from kam.errors import KamError
from kam.identity import Actor
from kam.records import Visibility
from services.customers.domain.access import ensure_may_change
from services.customers.handlers.spreadsheets import checked_batches, import_checked
from services.customers.models import import_job_rows, import_jobs
from services.customers.spreadsheets import ensure_importable

log = logging.getLogger(__name__)
IMPORTS = Visibility("import", everyone=("manager",), owners=("owner_id",))
STALE = timedelta(minutes=2)  # a running job whose batches stopped this long ago has lost its process
SHOWN_ROWS = 1000
KEPT = ("id", "owner_id", "filename", "status", "total", "done", "imported", "rejected", "error", "created_at",
        "updated_at", "finished_at")


def queue_import(uow, actor, now, *, filename, content_base64):
    ensure_may_change(actor)
    ensure_importable(filename)
    job = {"id": new_id(), "owner_id": actor.user_id, "owner_role": actor.role, "filename": filename, "status": "queued",
           "content": base64.b64decode(content_base64), "total": None, "done": 0, "imported": 0, "rejected": 0,
           "error": None, "created_at": now, "updated_at": now, "finished_at": None}
    uow.session.execute(insert(import_jobs).values(**job))
    return {**_shown(job), "rejected_rows": []}


def get_import(session, actor, now, *, job_id):
    job = IMPORTS.ensure(actor, _job(session, job_id))
    rows = session.execute(select(import_job_rows).where(import_job_rows.c.job_id == job_id)
                           .order_by(import_job_rows.c.row).limit(SHOWN_ROWS)).mappings()
    return {**_shown(job), "rejected_rows": [{**row, "status": "rejected"} for row in rows]}


def list_imports(session, actor, now):
    """The caller's own jobs, the newest first."""
    ensure_may_change(actor)
    jobs = session.execute(select(*(import_jobs.c[column] for column in KEPT))
                           .where(import_jobs.c.owner_id == actor.user_id)
                           .order_by(import_jobs.c.created_at.desc()).limit(20)).mappings()
    return {"items": [dict(job) for job in jobs]}


def run_next_import(store, now, *, sealer, rules, pause):
    """Take the oldest queued job (or one whose process died) and run it to the end; False if none."""
    with store.unit_of_work() as uow:
        job = _claim(uow.session, now())
        uow.commit()
    if job is None:
        return False
    actor = Actor(job["owner_id"], job["owner_role"])  # who uploaded it: their rights, their name on the events
    with store.unit_of_work(actor=actor.as_dict()) as uow:
        try:
            _run(uow, job, actor, now, sealer=sealer, rules=rules, pause=pause)
        except KamError as error:
            uow.session.rollback()
            _finish(uow, job["id"], now(), status="failed", error=_reason(error))
        except Exception:
            log.exception("import %s failed", job["id"])
            uow.session.rollback()
            _finish(uow, job["id"], now(), status="failed", error="导入中断，请重新上传 the import broke off: upload it again")
        uow.commit()
    return True


def _run(uow, job, actor, now, *, sealer, rules, pause):
    total, batches = checked_batches(job["filename"], job["content"], skip=job["done"])
    _save_progress(uow, job["id"], now(), total=total)
    uow.commit()
    done = [job["done"]]

    def progress(_, __, batch):
        done[0] += len(batch)
        _save_progress(uow, job["id"], now(), total=total, done=done[0], batch=batch)

    import_checked(uow, actor, now(), total, _pausing(batches, pause), sealer=sealer, rules=rules, progress=progress)
    _finish(uow, job["id"], now(), status="done")


def _pausing(batches, pause):
    """Another request runs between two batches (the services share a process under `kam dev`)."""
    for batch in batches:
        yield batch
        pause()


def _claim(session, now):
    candidates = session.execute(
        select(import_jobs.c.id).where(or_(import_jobs.c.status == "queued",
                                           (import_jobs.c.status == "running") & (import_jobs.c.updated_at < now - STALE)))
        .order_by(import_jobs.c.created_at).limit(3)).scalars().all()
    for job_id in candidates:  # another instance may take it first: the update says who won
        claimed = session.execute(update(import_jobs).where(
            import_jobs.c.id == job_id,
            or_(import_jobs.c.status == "queued", import_jobs.c.updated_at < now - STALE))
            .values(status="running", updated_at=now)).rowcount
        if claimed:
            return _job(session, job_id)
    return None


def _save_progress(uow, job_id, at, *, total, done=None, batch=()):
    rejected = [row for row in batch if row["status"] == "rejected"]
    values = {"total": total, "updated_at": at}
    if done is not None:
        values.update(done=done, imported=import_jobs.c.imported + len(batch) - len(rejected),
                      rejected=import_jobs.c.rejected + len(rejected))
    uow.session.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(**values))
    if rejected:
        uow.session.execute(insert(import_job_rows), [
            {"job_id": job_id, "row": row["row"], "name": row.get("name"), "errors": row["errors"],
             "customer_id": row.get("customer_id")} for row in rejected])


def _finish(uow, job_id, at, *, status, error=None):
    uow.session.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(
        status=status, error=error, content=None, updated_at=at, finished_at=at))


def _reason(error):
    details = "; ".join(f"{field}: {', '.join(map(str, messages))}" for field, messages in error.errors.items())
    return f"{error.detail} ({details})" if details else error.detail


def _job(session, job_id):
    row = session.execute(select(import_jobs).where(import_jobs.c.id == job_id)).mappings().first()
    return dict(row) if row else None


def _shown(job):
    return {column: job[column] for column in KEPT}

