"""Use cases: tasks made from other services' events, and what people do with their tasks."""
from sqlalchemy import delete, func, or_, select, update

from kam.pagination import keyset_page
from services.notifications import domain
from services.notifications.models import customer_facts, deliveries, notifications, tasks
from services.notifications.repository import (
    create_task,
    load_task,
    notify,
    publish_completed,
    save_task,
    task_title,
    task_view,
)
from services.notifications.schemas import APPROVABLE
from services.notifications.series import (
    cancel_stale_outreach,
    date_key,
    refresh_outreach,
    refresh_return_visits,
)
from services.notifications.terms import MANAGER

ERASED_TEXT = "（客户信息已按要求删除）"


def create_callback(uow, data, now, policy):
    """Within one week of a visit the visitor calls the customer again: due `occurred_at` + 7 days."""
    create_task(uow, kind="callback", dedupe_key=f"callback:{data['visit_id']}", customer_id=data["customer_id"],
                subject={"type": "visit", "id": data["visit_id"]},
                due_at=data["occurred_at"] + policy.callback_after, now=now, assignee_id=data["visitor_id"],
                customer_name=_customer_name(uow.session, data["customer_id"]))
    uow.commit()


def schedule_return_visits(uow, data, now, policy):
    deal = {key: data[key] for key in ("deal_id", "customer_id", "seller_id", "delivered_at")}
    exists = uow.session.execute(select(deliveries.c.deal_id).where(deliveries.c.deal_id == deal["deal_id"])).first()
    if not exists:
        uow.session.execute(deliveries.insert().values(**deal))
    refresh_return_visits(uow, deal, now, policy)
    uow.commit()


def record_customer_facts(uow, data, now, policy):
    """Keep what outreach needs; a date keeps the time it first became known (it decides 'due at once')."""
    old = uow.session.execute(select(customer_facts).where(
        customer_facts.c.customer_id == data["customer_id"])).mappings().first()
    key_dates = [{"kind": d["kind"], "date": d["date"].isoformat()} for d in data["key_dates"]]
    known_before = old["known_since"] if old else {}
    known_since = {date_key(d["kind"], d["date"]): known_before.get(date_key(d["kind"], d["date"]), now.isoformat())
                   for d in key_dates}
    facts = {"customer_id": data["customer_id"], "owner_id": data["owner_id"], "name": data.get("name"),
             "key_dates": key_dates, "outreach_opt_out": data["outreach_opt_out"], "known_since": known_since,
             "holdings": [{"piece": h["piece"], "style": h.get("style"),
                           "carat": None if h.get("carat") is None else str(h["carat"])} for h in data["holdings"]]}
    if old:
        uow.session.execute(update(customer_facts).where(customer_facts.c.customer_id == data["customer_id"])
                            .values(**facts))
    else:
        uow.session.execute(customer_facts.insert().values(**facts))
    cancel_stale_outreach(uow, facts)
    refresh_outreach(uow, facts, now, policy)
    uow.commit()


def erase_customer(uow, customer_id):
    """PIPL: names, dates, holdings and free text go; the tasks stay as anonymous figures."""
    uow.session.execute(delete(customer_facts).where(customer_facts.c.customer_id == customer_id))
    uow.session.execute(update(tasks).where(tasks.c.customer_id == customer_id)
                        .values(notes=None, outcome=None, details={}))
    uow.session.execute(update(tasks).where(tasks.c.customer_id == customer_id, tasks.c.status == "open",
                                            tasks.c.kind == "anniversary_outreach").values(status="cancelled"))
    uow.session.execute(update(notifications).where(notifications.c.customer_id == customer_id)
                        .values(body=ERASED_TEXT))
    uow.commit()


def complete_return_visit(uow, data):
    """The given task, or else the customer's earliest open return visit, is done."""
    query = select(tasks.c.id).where(tasks.c.kind == "return_visit", tasks.c.status == "open")
    query = (query.where(tasks.c.id == data["task_id"]) if data["task_id"]
             else query.where(tasks.c.customer_id == data["customer_id"]).order_by(tasks.c.due_at, tasks.c.id))
    task_id = uow.session.scalar(query.limit(1))
    if task_id is not None:
        _complete_by_event(uow, task_id, by=data["developer_id"], outcome="已回访", at=data["occurred_at"])
    uow.commit()


def track_approval(uow, event, now, policy):
    """Something submitted is an approval task for the managers; its decision completes it."""
    subject_type, action = event["type"].split(".")
    id_field, decider_field = APPROVABLE[subject_type]
    data = event["data"]
    subject = {"type": subject_type, "id": data[id_field]}
    open_task = uow.session.scalar(select(tasks.c.id).where(
        tasks.c.kind == "approval", tasks.c.status == "open", tasks.c.subject_type == subject_type,
        tasks.c.subject_id == subject["id"]))
    if action == "submitted" and open_task is None:
        rounds = uow.session.scalar(select(func.count()).select_from(tasks).where(
            tasks.c.kind == "approval", tasks.c.subject_type == subject_type, tasks.c.subject_id == subject["id"]))
        create_task(uow, kind="approval", dedupe_key=f"approval:{subject_type}:{subject['id']}:{rounds + 1}",
                    customer_id=data.get("customer_id"), subject=subject, due_at=now + policy.approval_within,
                    now=now, assignee_role=MANAGER, details={"submitted_by": event["actor"].get("user_id")})
    elif action != "submitted" and open_task is not None:
        outcome = "已批准" if action == "approved" else "已驳回"
        decided_by = data.get(decider_field) or event["actor"].get("user_id")
        _complete_by_event(uow, open_task, by=decided_by, outcome=outcome, at=now)
    uow.commit()


def list_tasks(session, actor, args, now):
    """`assignee=me` (also what is addressed to the caller's role); managers may list anyone's or all."""
    query = select(tasks)
    if args.get("assignee") == "me" or not actor.is_manager:
        query = query.where(or_(tasks.c.assignee_id == actor.user_id,
                                (tasks.c.assignee_id.is_(None)) & (tasks.c.assignee_role == actor.role)))
    elif args.get("assignee"):
        query = query.where(tasks.c.assignee_id == args["assignee"])
    for name in ("status", "kind", "customer_id"):
        if args.get(name):
            query = query.where(tasks.c[name] == args[name])
    if args.get("due_before"):
        query = query.where(tasks.c.due_at < args["due_before"])
    return keyset_page(session, query, [tasks.c.due_at, tasks.c.id], args.get("limit"), args.get("cursor"),
                       newest_first=False, row_to_item=lambda row: task_view(domain.Task(**row), now))


def get_task(session, actor, task_id, now):
    task = load_task(session, task_id)
    domain.ensure_visible(task, actor)
    return task_view(task, now)


def complete_task(uow, actor, task_id, data, now):
    task = domain.complete_task(load_task(uow.session, task_id, lock=True), actor, outcome=data["outcome"],
                                notes=data.get("notes"), now=now)
    save_task(uow.session, task)
    publish_completed(uow, task)
    uow.commit()
    return task_view(task, now)


def reassign_task(uow, actor, task_id, assignee_id, now):
    task = load_task(uow.session, task_id, lock=True)
    task = domain.reassign_task(task, actor, assignee_id)
    save_task(uow.session, task)
    title = task_title(task.kind, task.details, task.subject_type)
    notify(uow.session, recipient_id=assignee_id, recipient_role=None, kind="task_reassigned",
           title=f"转交给您的任务：{title}", body=title, task_id=task.id, customer_id=task.customer_id,
           dedupe_key=f"task_reassigned:{task.id}:{assignee_id}:{now.isoformat()}", now=now)
    uow.commit()
    return task_view(task, now)


def snooze_task(uow, actor, task_id, until, now, policy):
    task = domain.snooze_task(load_task(uow.session, task_id, lock=True), actor, until, now, policy)
    save_task(uow.session, task)
    uow.commit()
    return task_view(task, now)


def overdue_counts(session, actor, now):
    """Per assignee: open tasks past due, and callbacks already escalated to the manager."""
    actor.require_role(MANAGER)
    overdue = func.count().filter(tasks.c.due_at < now)
    escalated = func.count().filter(tasks.c.escalated_at.is_not(None))
    rows = session.execute(select(tasks.c.assignee_id, tasks.c.assignee_role, overdue.label("overdue"),
                                  escalated.label("escalated"))
                           .where(tasks.c.status == "open")
                           .group_by(tasks.c.assignee_id, tasks.c.assignee_role)).mappings().all()
    items = [dict(row) for row in rows if row["overdue"] or row["escalated"]]
    return {"items": sorted(items, key=lambda item: (-item["overdue"], item["assignee_id"] or ""))}


def export_customer(session, customer_id):
    facts = session.execute(select(customer_facts).where(customer_facts.c.customer_id == customer_id)).mappings().first()
    held = session.execute(select(tasks).where(tasks.c.customer_id == customer_id).order_by(tasks.c.created_at))
    inbox = session.execute(select(notifications).where(notifications.c.customer_id == customer_id)
                            .order_by(notifications.c.created_at))
    return {"customer_facts": dict(facts) if facts else None,
            "tasks": [dict(row) for row in held.mappings()],
            "notifications": [dict(row) for row in inbox.mappings()]}


def _complete_by_event(uow, task_id, *, by, outcome, at):
    task = domain.complete_by_event(load_task(uow.session, task_id, lock=True), by=by, outcome=outcome, at=at)
    save_task(uow.session, task)
    publish_completed(uow, task)


def _customer_name(session, customer_id):
    return session.scalar(select(customer_facts.c.name).where(customer_facts.c.customer_id == customer_id))
