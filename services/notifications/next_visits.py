"""约定下次拜访: a visit record's `next_visit_at` is a `next_visit` task for the visitor, due then. It moves
when the returned record is revised, and it is done when the next visit to that customer is recorded."""
from dataclasses import asdict, replace
from datetime import datetime

from sqlalchemy import select

from kam.db import new_id
from services.notifications import domain
from services.notifications.domain import Task
from services.notifications.models import tasks
from services.notifications.repository import create_task, insert_once, load_task, save_task

KIND = "next_visit"


def _of_visit(session, visit_id):
    return [load_task(session, task_id, lock=True) for task_id in session.scalars(select(tasks.c.id).where(
        tasks.c.kind == KIND, tasks.c.subject_type == "visit", tasks.c.subject_id == visit_id)
        .order_by(tasks.c.created_at, tasks.c.id))]


def _create(uow, visit, now, dedupe_key):
    return create_task(uow, kind=KIND, dedupe_key=dedupe_key, customer_id=visit["customer_id"],
                       subject={"type": "visit", "id": visit["visit_id"]}, due_at=visit["next_visit_at"], now=now,
                       assignee_id=visit["visitor_id"], details=_details(visit))


def _details(visit):
    revised_at = visit.get("revised_at")
    return {"agreed_on": visit["occurred_at"].isoformat(), **({"revised_at": revised_at.isoformat()} if revised_at else {})}


def _withdrawn_before_recorded(uow, visit, now):
    """The revision that agrees no next visit is handled before the record's own visit.completed (another
    queue): a task born cancelled holds the record's key, so that event, when it comes, agrees nothing."""
    insert_once(uow.session, tasks, asdict(Task(
        id=new_id(), kind=KIND, customer_id=visit["customer_id"], subject_type="visit", subject_id=visit["visit_id"],
        assignee_id=visit["visitor_id"], assignee_role=None, due_at=now, original_due_at=now, status="cancelled",
        dedupe_key=f"{KIND}:{visit['visit_id']}", created_at=now, details=_details(visit))))


def _newest_revision(found):
    return max((datetime.fromisoformat(task.details["revised_at"]) for task in found if task.details.get("revised_at")),
               default=None)


def visit_recorded(uow, now, *, visit):
    """This visit is the next visit the customer's earlier records agreed; it may agree the next one. The
    queue may hand visits over out of order: a record made earlier does not do a later one's next visit,
    and its own next visit is done at once when a later visit to the customer is known already."""
    open_ids = uow.session.scalars(select(tasks.c.id).where(
        tasks.c.kind == KIND, tasks.c.status == "open", tasks.c.customer_id == visit["customer_id"],
        tasks.c.subject_id != visit["visit_id"]))
    for task in [load_task(uow.session, task_id, lock=True) for task_id in list(open_ids)]:
        if datetime.fromisoformat(task.details["agreed_on"]) < visit["occurred_at"]:
            _done_by(uow, task, visitor_id=visit["visitor_id"], at=visit["occurred_at"])
    if visit.get("next_visit_at") is not None:
        task = _create(uow, visit, now, f"{KIND}:{visit['visit_id']}")
        later = _first_visit_after(uow.session, visit)
        if task is not None and later is not None:
            _done_by(uow, task, visitor_id=later["visitor_id"], at=later["visited_at"])


def _done_by(uow, task, *, visitor_id, at):
    task = domain.complete_by_event(task, by=visitor_id, outcome="已再次拜访", at=at)
    save_task(uow.session, task)
    uow.collect(domain.completed(task))


def _first_visit_after(session, visit):
    """The customer's first visit recorded here after `visit`, known by its callback task."""
    callbacks = session.scalars(select(tasks.c.details).where(
        tasks.c.kind == "callback", tasks.c.customer_id == visit["customer_id"],
        tasks.c.subject_id != visit["visit_id"]))
    later = [{"visitor_id": details["visitor_id"], "visited_at": datetime.fromisoformat(details["visited_at"])}
             for details in callbacks if (details or {}).get("visited_at")]
    later = [found for found in later if found["visited_at"] > visit["occurred_at"]]
    return min(later, key=lambda found: found["visited_at"], default=None)


def visit_revised(uow, now, *, visit):
    """The open task moves to the revised date, or is cancelled when the record no longer agrees one; a
    date agreed only now is a new task. A revision older than one already handled changes nothing."""
    found = _of_visit(uow.session, visit["visit_id"])
    if any(task.status == "done" for task in found):
        return  # the next visit has happened already
    newest = _newest_revision(found)
    if newest is not None and visit["revised_at"] <= newest:
        return
    due = visit.get("next_visit_at")
    open_task = next((task for task in found if task.status == "open"), None)
    if open_task is not None and due is None:
        save_task(uow.session, replace(domain.cancel_task(open_task), details=_details(visit)))
    elif open_task is not None:
        save_task(uow.session, replace(open_task, due_at=due, original_due_at=due, overdue_at=None,
                                       details=_details(visit)))
    elif due is not None:
        _create(uow, visit, now, f"{KIND}:{visit['visit_id']}" + (f":{visit['revised_at'].isoformat()}" if found else ""))
    elif not found:
        _withdrawn_before_recorded(uow, visit, now)
