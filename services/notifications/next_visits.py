"""约定下次拜访: a visit record's `next_visit_at` is a `next_visit` task for the visitor, due then. It moves
when the returned record is revised, and it is done when the next visit to that customer is recorded."""
from dataclasses import replace

from sqlalchemy import select

from services.notifications import domain
from services.notifications.models import tasks
from services.notifications.repository import create_task, load_task, save_task

KIND = "next_visit"


def _of_visit(session, visit_id):
    return [load_task(session, task_id, lock=True) for task_id in session.scalars(select(tasks.c.id).where(
        tasks.c.kind == KIND, tasks.c.subject_type == "visit", tasks.c.subject_id == visit_id)
        .order_by(tasks.c.created_at, tasks.c.id))]


def _create(uow, visit, now, dedupe_key):
    return create_task(uow, kind=KIND, dedupe_key=dedupe_key, customer_id=visit["customer_id"],
                       subject={"type": "visit", "id": visit["visit_id"]}, due_at=visit["next_visit_at"], now=now,
                       assignee_id=visit["visitor_id"], details={"agreed_on": visit["occurred_at"].isoformat()})


def visit_recorded(uow, now, *, visit):
    """This visit is the next visit the customer's earlier records agreed; it may agree the next one."""
    earlier = uow.session.scalars(select(tasks.c.id).where(
        tasks.c.kind == KIND, tasks.c.status == "open", tasks.c.customer_id == visit["customer_id"],
        tasks.c.subject_id != visit["visit_id"]))
    for task_id in list(earlier):
        task = domain.complete_by_event(load_task(uow.session, task_id, lock=True), by=visit["visitor_id"],
                                        outcome="已再次拜访", at=visit["occurred_at"])
        save_task(uow.session, task)
        uow.collect(domain.completed(task))
    if visit.get("next_visit_at") is not None:
        _create(uow, visit, now, f"{KIND}:{visit['visit_id']}")


def visit_revised(uow, now, *, visit):
    """The open task moves to the revised date, or is cancelled when the record no longer agrees one; a
    date agreed only now is a new task."""
    found = _of_visit(uow.session, visit["visit_id"])
    if any(task.status == "done" for task in found):
        return  # the next visit has happened already
    due = visit.get("next_visit_at")
    open_task = next((task for task in found if task.status == "open"), None)
    if open_task is not None and due is None:
        save_task(uow.session, domain.cancel_task(open_task))
    elif open_task is not None and open_task.due_at != due:
        save_task(uow.session, replace(open_task, due_at=due, original_due_at=due, overdue_at=None))
    elif open_task is None and due is not None:
        _create(uow, visit, now, f"{KIND}:{visit['visit_id']}" + (f":{visit['revised_at'].isoformat()}" if found else ""))
