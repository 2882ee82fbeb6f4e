"""The custom centre's follow-up: a ready piece is a task for its owner and a message to the customer; a
repair past its promised date and a consignment past its end are tasks once, whichever instance runs."""
from datetime import timedelta

from sqlalchemy import select, update

from kam.db import new_id, utcnow
from services.notifications import domain
from services.notifications.channels import Message
from services.notifications.models import customer_facts, customer_messages, tasks, work_order_deadlines
from services.notifications.repository import create_task, insert_once, load_task, save_task
from services.notifications.schedule import business_day

READY_WITHIN = timedelta(days=1)
DEADLINES = {"estimate": ("repair_overdue", "due_date"), "agree": ("consignment_ending", "until"),
             "extend": ("consignment_ending", "until")}
ENDS_DEADLINES = ("ready", "returned", "picked_up", "sold", "paid_out", "handed_over")
READY_TEXT = {"custom_design": "您定制的珠宝已制作完成", "repair": "您送修的珠宝已修好"}
MAX_ATTEMPTS = 5


def follow_work_order(uow, actor, now, *, step):
    """One step of a work order, as reception announced it (`work_order.advanced`)."""
    subject = {"type": "service_ticket", "id": step["ticket_id"]}
    if step["status"] in ENDS_DEADLINES:
        _close_deadlines(uow, step["ticket_id"], now)
    if step["status"] == "ready" and step["previous_status"] != "ready":
        create_task(uow, kind="piece_ready", dedupe_key=f"piece_ready:{step['ticket_id']}",
                    customer_id=step["customer_id"], subject=subject, due_at=now + READY_WITHIN, now=now,
                    assignee_id=step["owner_id"], details={"work_order_kind": step["kind"],
                                                           "customer_told": step["notice"] is not None},
                    customer_name=_customer_name(uow.session, step["customer_id"]))
        if step["notice"]:
            tell_customer(uow.session, step, now)
    deadline = DEADLINES.get(step["action"])
    if deadline and step.get(deadline[1]) and (step["kind"] == "repair" or step.get("mode") == "consignment"):
        _complete_deadline_tasks(uow, step["ticket_id"], now)
        _watch(uow.session, step, kind=deadline[0], due_on=step[deadline[1]])


def tell_customer(session, step, now):
    """The customer's message, once per ready piece; the timer sends it by their channel."""
    text = READY_TEXT.get(step["kind"], "您的珠宝已准备好")
    insert_once(session, customer_messages, {
        "id": new_id(), "dedupe_key": f"ready:{step['ticket_id']}", "customer_id": step["customer_id"],
        "channel": step["notice"]["channel"], "address": step["notice"]["address"], "title": "取件通知",
        "body": f"{text}，欢迎到店取件。如需预约时间，请联系您的客户经理。", "created_at": now, "attempts": 0})


def raise_deadlines(uow, now):
    """Each deadline passed and still open becomes its owner's task, once (the claim decides who)."""
    today = business_day(now)
    raised = 0
    due = uow.session.execute(select(work_order_deadlines).where(
        work_order_deadlines.c.closed_at.is_(None), work_order_deadlines.c.raised_at.is_(None),
        work_order_deadlines.c.due_on < today)).mappings().all()
    for deadline in due:
        key = (work_order_deadlines.c.ticket_id == deadline["ticket_id"]) & (
            work_order_deadlines.c.kind == deadline["kind"])
        claimed = uow.session.execute(update(work_order_deadlines).where(
            key, work_order_deadlines.c.raised_at.is_(None)).values(raised_at=now)).rowcount == 1
        if claimed and create_task(
                uow, kind=deadline["kind"],
                dedupe_key=f"{deadline['kind']}:{deadline['ticket_id']}:{deadline['due_on'].isoformat()}",
                customer_id=deadline["customer_id"], subject={"type": "service_ticket", "id": deadline["ticket_id"]},
                due_at=now, now=now, assignee_id=deadline["owner_id"],
                details={"due_on": deadline["due_on"].isoformat()},
                customer_name=_customer_name(uow.session, deadline["customer_id"])):
            raised += 1
    return raised


def dispatch_customer_messages(session, channels, limit=100):
    """Send what waits for customers, each row claimed by one instance; failures are retried later."""
    query = (select(customer_messages).where(customer_messages.c.sent_at.is_(None),
                                             customer_messages.c.attempts < MAX_ATTEMPTS)
             .order_by(customer_messages.c.created_at, customer_messages.c.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    sent = 0
    for row in session.execute(query).mappings().all():
        try:
            channels[row["channel"]].send(row["address"], Message(row["title"], row["body"]))
            changes, sent = {"sent_at": utcnow(), "error": None}, sent + 1
        except Exception as error:  # noqa: BLE001 - any failure of a channel is kept and retried
            changes = {"error": f"{type(error).__name__}: {error}"[:2000]}
        session.execute(update(customer_messages).where(customer_messages.c.id == row["id"])
                        .values(attempts=customer_messages.c.attempts + 1, **changes))
    session.commit()
    return sent


def erase_customer_messages(session, customer_id):
    session.execute(update(customer_messages).where(customer_messages.c.customer_id == customer_id)
                    .values(address=None, body="（客户信息已按要求删除）"))


def _watch(session, step, *, kind, due_on):
    key = (work_order_deadlines.c.ticket_id == step["ticket_id"]) & (work_order_deadlines.c.kind == kind)
    if not insert_once(session, work_order_deadlines, {
            "ticket_id": step["ticket_id"], "kind": kind, "customer_id": step["customer_id"],
            "owner_id": step["owner_id"], "due_on": due_on}, keys=("ticket_id", "kind")):
        session.execute(update(work_order_deadlines).where(key).values(due_on=due_on, closed_at=None,
                                                                        raised_at=None))


def _close_deadlines(uow, ticket_id, now):
    """The piece moved on: its deadlines are met, and a task already raised for them is done."""
    uow.session.execute(update(work_order_deadlines).where(
        work_order_deadlines.c.ticket_id == ticket_id, work_order_deadlines.c.closed_at.is_(None))
        .values(closed_at=now))
    _complete_deadline_tasks(uow, ticket_id, now)


def _complete_deadline_tasks(uow, ticket_id, now):
    for task_id in uow.session.scalars(select(tasks.c.id).where(
            tasks.c.subject_type == "service_ticket", tasks.c.subject_id == ticket_id, tasks.c.status == "open",
            tasks.c.kind.in_([kind for kind, _ in DEADLINES.values()]))):
        task = domain.complete_by_event(load_task(uow.session, task_id, lock=True), by=None, outcome="已处理",
                                        at=now)
        save_task(uow.session, task)
        uow.collect(domain.completed(task))


def _customer_name(session, customer_id):
    return session.scalar(select(customer_facts.c.name).where(customer_facts.c.customer_id == customer_id))
