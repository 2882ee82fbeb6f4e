"""实施开发计划: a development plan's step still open the day after its due date is its owner's task, once,
whichever instance runs; the task is done when the step is."""
from datetime import datetime, timedelta

from sqlalchemy import select, update

from services.notifications import domain
from services.notifications.models import customer_facts, plan_step_deadlines, tasks
from services.notifications.repository import create_task, insert_once, load_task, save_task
from services.notifications.schedule import BUSINESS_TZ, business_day

KIND = "plan_step_overdue"


def dedupe_key(step_id):
    return f"{KIND}:{step_id}"


def step_added(uow, now, *, step):
    """Watch the step's date; a step whose completion arrived first is already closed."""
    insert_once(uow.session, plan_step_deadlines, _row(step), keys=("step_id",))


def step_completed(uow, now, *, step):
    """The step is done: its date is no longer watched, and its task, if raised, is done."""
    done_at = step["done_at"]
    if not insert_once(uow.session, plan_step_deadlines, {**_row(step), "closed_at": done_at}, keys=("step_id",)):
        uow.session.execute(update(plan_step_deadlines).where(
            plan_step_deadlines.c.step_id == step["step_id"], plan_step_deadlines.c.closed_at.is_(None))
            .values(closed_at=done_at))
    task_id = uow.session.scalar(select(tasks.c.id).where(tasks.c.dedupe_key == dedupe_key(step["step_id"]),
                                                          tasks.c.status == "open"))
    if task_id is not None:
        task = domain.complete_by_event(load_task(uow.session, task_id, lock=True), by=step.get("completed_by"),
                                        outcome="开发步骤已完成", at=done_at)
        save_task(uow.session, task)
        uow.collect(domain.completed(task))


def raise_overdue_steps(uow, now):
    """Each open step past its due day becomes its owner's task for today (the claim decides who)."""
    today = business_day(now)
    tonight = datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=BUSINESS_TZ)
    raised = 0
    due = uow.session.execute(select(plan_step_deadlines).where(
        plan_step_deadlines.c.closed_at.is_(None), plan_step_deadlines.c.raised_at.is_(None),
        plan_step_deadlines.c.due_on < today)).mappings().all()
    for step in due:
        claimed = uow.session.execute(update(plan_step_deadlines).where(
            plan_step_deadlines.c.step_id == step["step_id"], plan_step_deadlines.c.raised_at.is_(None))
            .values(raised_at=now)).rowcount == 1
        if claimed and create_task(
                uow, kind=KIND, dedupe_key=dedupe_key(step["step_id"]), customer_id=step["customer_id"],
                subject={"type": "development_plan", "id": step["plan_id"]}, due_at=tonight, now=now,
                assignee_id=step["owner_id"],
                details={"step_id": step["step_id"], "method": step["method"], "due_on": step["due_on"].isoformat()},
                customer_name=uow.session.scalar(select(customer_facts.c.name).where(
                    customer_facts.c.customer_id == step["customer_id"]))):
            raised += 1
    return raised


def _row(step):
    return {"step_id": step["step_id"], "plan_id": step["plan_id"], "customer_id": step["customer_id"],
            "owner_id": step["developer_id"], "method": step["method"], "due_on": step["due_on"],
            "closed_at": None, "raised_at": None}
