"""Use cases: tasks made from other services' events, and what people do with their tasks. Each takes
`(uow or session, actor, now, *, params, dependencies)`; the caller commits."""
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update

from kam.errors import NotFound
from kam.pagination import keyset_page
from kam.privacy import erase_customer_events
from services.notifications import domain
from services.notifications.contracts import APPROVABLE
from services.notifications.models import customer_facts, deliveries, metadata, notifications, tasks
from services.notifications.repository import (
    create_task,
    load_task,
    notify,
    save_early_decision,
    save_task,
    task_title,
    task_view,
)
from services.notifications.series import (
    cancel_stale_outreach,
    date_key,
    refresh_outreach,
    refresh_return_visits,
)
from services.notifications.terms import ANALYST, COORDINATOR, MANAGER
from services.notifications.work_orders import erase_customer_messages

ERASED_TEXT = "（客户信息已按要求删除）"


def create_callback(uow, actor, now, *, visit, policy):
    """Within one week of a visit the visitor calls the customer again: due `occurred_at` + 7 days."""
    create_task(uow, kind="callback", dedupe_key=f"callback:{visit['visit_id']}", customer_id=visit["customer_id"],
                subject={"type": "visit", "id": visit["visit_id"]},
                due_at=visit["occurred_at"] + policy.callback_after, now=now, assignee_id=visit["visitor_id"],
                details={"visited_at": visit["occurred_at"].isoformat(), "visitor_id": visit["visitor_id"]},
                customer_name=_customer_name(uow.session, visit["customer_id"]))


def schedule_return_visits(uow, actor, now, *, delivery, policy):
    deal = {key: delivery[key] for key in ("deal_id", "customer_id", "seller_id", "delivered_at")}
    exists = uow.session.execute(select(deliveries.c.deal_id).where(deliveries.c.deal_id == deal["deal_id"])).first()
    if not exists:
        uow.session.execute(deliveries.insert().values(**deal))
    refresh_return_visits(uow, deal, now, policy)


def record_customer_facts(uow, actor, now, *, customer, policy):
    """Keep what outreach needs; a date keeps the time it first became known (it decides 'due at once')."""
    old = uow.session.execute(select(customer_facts).where(
        customer_facts.c.customer_id == customer["customer_id"])).mappings().first()
    key_dates = [{"kind": d["kind"], "date": d["date"].isoformat()} for d in customer["key_dates"]]
    known_before = old["known_since"] if old else {}
    known_since = {date_key(d["kind"], d["date"]): known_before.get(date_key(d["kind"], d["date"]), now.isoformat())
                   for d in key_dates}
    holdings = [{"piece": h["piece"], "style": h.get("style"), "carat": None if h.get("carat") is None else str(h["carat"])}
                for h in customer["holdings"]]
    facts = {"customer_id": customer["customer_id"], "owner_id": customer["owner_id"], "name": customer.get("name"),
             "key_dates": key_dates, "outreach_opt_out": customer["outreach_opt_out"], "known_since": known_since,
             "holdings": holdings}
    if old:
        uow.session.execute(update(customer_facts).where(customer_facts.c.customer_id == customer["customer_id"])
                            .values(**facts))
    else:
        uow.session.execute(customer_facts.insert().values(**facts))
    cancel_stale_outreach(uow, facts)
    refresh_outreach(uow, facts, now, policy)


def erase_customer(uow, actor, now, *, customer_id):
    """PIPL: names, dates, holdings and free text go; the tasks stay as anonymous figures."""
    uow.session.execute(delete(customer_facts).where(customer_facts.c.customer_id == customer_id))
    uow.session.execute(update(tasks).where(tasks.c.customer_id == customer_id)
                        .values(notes=None, outcome=None, details={}))
    uow.session.execute(update(tasks).where(tasks.c.customer_id == customer_id, tasks.c.status == "open",
                                            tasks.c.kind == "anniversary_outreach").values(status="cancelled"))
    uow.session.execute(update(notifications).where(notifications.c.customer_id == customer_id)
                        .values(body=ERASED_TEXT))
    erase_customer_messages(uow.session, customer_id)
    erase_customer_events(uow.session, metadata, customer_id)


def complete_return_visit(uow, actor, now, *, recorded):
    """The given task, or else the customer's earliest open return visit, is done: one of this customer's
    that the recorder sees (a task id of another developer's completes nothing)."""
    query = select(tasks.c.id).where(tasks.c.kind == "return_visit", tasks.c.status == "open",
                                     tasks.c.customer_id == recorded["customer_id"])
    if not actor.is_manager:
        query = query.where(domain.VISIBLE.addressed(actor, tasks))
    query = (query.where(tasks.c.id == recorded["task_id"]) if recorded["task_id"]
             else query.where(tasks.c.customer_id == recorded["customer_id"]).order_by(tasks.c.due_at, tasks.c.id))
    task_id = uow.session.scalar(query.limit(1))
    if task_id is not None:
        _complete_by_event(uow, task_id, by=recorded["developer_id"], outcome="已回访",
                           at=recorded["occurred_at"])


def ask_for_restock(uow, actor, now, *, low):
    """Counted stock fell below its reorder level: the analyst restocks (one task per dip)."""
    create_task(uow, kind="restock", dedupe_key=f"restock:{low['product_id']}:{now.isoformat()}", customer_id=None,
                subject={"type": "product", "id": low["product_id"]}, due_at=now + timedelta(days=3), now=now,
                assignee_role=ANALYST, details={key: low[key] for key in ("sku", "name", "quantity", "reorder_level")})


def chase_overdue_piece(uow, actor, now, *, overdue):
    """A piece still out a day after its visit: the coordinator gets it back."""
    create_task(uow, kind="piece_overdue", dedupe_key=f"piece_overdue:{overdue['reservation_id']}",
                customer_id=overdue["customer_id"], subject={"type": "reservation", "id": overdue["reservation_id"]},
                due_at=overdue["due_back_at"], now=now, assignee_role=COORDINATOR,
                details={"sku": overdue["sku"], "name": overdue["name"]})


def note_piece_returned(uow, actor, now, *, returned):
    task_id = uow.session.scalar(select(tasks.c.id).where(
        tasks.c.kind == "piece_overdue", tasks.c.status == "open", tasks.c.subject_id == returned["reservation_id"]))
    if task_id is not None:
        _complete_by_event(uow, task_id, by=actor.user_id, outcome="已归还", at=returned["returned_at"])


def track_approval(uow, actor, now, *, event_type, data, policy, occurred_at=None):
    """Something submitted is an approval task for the managers; its decision completes it.

    Consumers run in parallel (several workers, several instances), so a decision can be handled before
    the submission it decides. It then leaves a task already done, marked `decided_at`; the late
    submission finds that mark and makes no task that would stay open for ever."""
    subject_type, action = event_type.split(".")
    id_field, decider_field, _ = APPROVABLE[subject_type]
    subject = {"type": subject_type, "id": data[id_field]}
    at = occurred_at or now
    rows = _approvals_of(uow.session, subject)
    dedupe_key = f"approval:{subject_type}:{subject['id']}:{len(rows) + 1}"
    if action == "submitted":
        # an open round submitted earlier is one whose decision is still on its way: this is a new round
        this_round_open = any(_submitted_at(row) is None or _submitted_at(row) >= at
                              for row in rows if row["status"] == "open")
        if not this_round_open and not _early_decision_for(uow.session, rows, at):
            made = create_task(uow, kind="approval", dedupe_key=dedupe_key, customer_id=data.get("customer_id"),
                               subject=subject, due_at=now + policy.approval_within, now=now,
                               assignee_role=MANAGER, details={"submitted_by": actor.user_id,
                                                               "submitted_at": at.isoformat()})
            if made is None:  # the decision's worker wrote that round a moment ago
                _early_decision_for(uow.session, _approvals_of(uow.session, subject), at)
        return
    outcome = "已批准" if action == "approved" else "已驳回"
    decided_by = data.get(decider_field) or actor.user_id
    open_task = _round_decided(rows, at)
    if open_task is None:
        if save_early_decision(uow.session, subject=subject, customer_id=data.get("customer_id"),
                               dedupe_key=dedupe_key, decided_by=decided_by, outcome=outcome, decided_at=at, now=now):
            return
        open_task = _round_decided(_approvals_of(uow.session, subject), at)
    if open_task is not None:
        _complete_by_event(uow, open_task, by=decided_by, outcome=outcome, at=now)


def _round_decided(rows, decided_at):
    """The open round a decision at `decided_at` decides: the latest submitted by then (a round submitted
    after it is a resubmission whose own decision is still to come)."""
    rounds = [row for row in rows if row["status"] == "open"
              and (_submitted_at(row) is None or _submitted_at(row) <= decided_at)]
    return max(rounds, key=lambda row: _submitted_at(row) or decided_at)["id"] if rounds else None


def _submitted_at(row):
    submitted = (row["details"] or {}).get("submitted_at")
    return datetime.fromisoformat(submitted) if submitted else None


def _approvals_of(session, subject):
    return session.execute(select(tasks).where(
        tasks.c.kind == "approval", tasks.c.subject_type == subject["type"], tasks.c.subject_id == subject["id"])
        .with_for_update()).mappings().all()


def _early_decision_for(session, rows, submitted_at):
    """Attach a submission to the decision that came before it; whether there was one."""
    early = next((row for row in rows if _decided_before_submission(row, submitted_at)), None)
    if early is not None:
        session.execute(update(tasks).where(tasks.c.id == early["id"]).values(
            details={**early["details"], "submitted_at": submitted_at.isoformat()}))
    return early is not None


def _decided_before_submission(row, submitted_at):
    details = row["details"] or {}
    return ("decided_at" in details and "submitted_at" not in details
            and datetime.fromisoformat(details["decided_at"]) >= submitted_at)


def list_tasks(session, actor, now, *, args):
    """`assignee=me` (also what is addressed to the caller's role); managers may list anyone's or all."""
    query = select(tasks)
    if args.get("assignee") == "me" or not actor.is_manager:
        query = query.where(domain.VISIBLE.addressed(actor, tasks))
    elif args.get("assignee"):
        query = query.where(tasks.c.assignee_id == args["assignee"])
    for name in ("status", "kind", "customer_id"):
        if args.get(name):
            query = query.where(tasks.c[name] == args[name])
    if args.get("due_before"):
        query = query.where(tasks.c.due_at < args["due_before"])
    return keyset_page(session, query, [tasks.c.due_at, tasks.c.id], args.get("limit"), args.get("cursor"),
                       newest_first=False, row_to_item=lambda row: task_view(domain.Task(**row), actor, now))


def get_task(session, actor, now, *, task_id):
    return task_view(domain.Task(**domain.VISIBLE.load(session, tasks, actor, task_id)), actor, now)


def complete_task(uow, actor, now, *, task_id, data):
    task = domain.complete_task(load_task(uow.session, task_id, lock=True), actor, outcome=data["outcome"],
                                notes=data.get("notes"), now=now)
    save_task(uow.session, task)
    uow.collect(domain.completed(task))
    return task_view(task, actor, now)


def reassign_task(uow, actor, now, *, task_id, assignee_id):
    task = load_task(uow.session, task_id, lock=True)
    task = domain.reassign_task(task, actor, assignee_id)
    save_task(uow.session, task)
    title = task_title(task.kind, task.details, task.subject_type)
    notify(uow.session, recipient_id=assignee_id, recipient_role=None, kind="task_reassigned",
           title=f"转交给您的任务：{title}", body=title, task_id=task.id, customer_id=task.customer_id,
           dedupe_key=f"task_reassigned:{task.id}:{assignee_id}:{now.isoformat()}", now=now)
    return task_view(task, actor, now)


def snooze_task(uow, actor, now, *, task_id, until, policy):
    task = domain.snooze_task(load_task(uow.session, task_id, lock=True), actor, until, now, policy)
    save_task(uow.session, task)
    return task_view(task, actor, now)


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


def export_customer(session, actor, customer_id):
    """For the customer's owner (as this service last heard) and managers; anyone else: no such customer."""
    facts = session.execute(select(customer_facts).where(customer_facts.c.customer_id == customer_id)).mappings().first()
    ensure_exporter(actor, facts)
    held = session.execute(select(tasks).where(tasks.c.customer_id == customer_id).order_by(tasks.c.created_at))
    inbox = session.execute(select(notifications).where(notifications.c.customer_id == customer_id)
                            .order_by(notifications.c.created_at))
    return {"customer_facts": dict(facts) if facts else None,
            "tasks": [dict(row) for row in held.mappings()],
            "notifications": [dict(row) for row in inbox.mappings()]}


def ensure_exporter(actor, facts):
    actor.require_role(MANAGER, "developer")
    if not actor.is_manager and (facts is None or facts["owner_id"] != actor.user_id):
        raise NotFound("no such customer")


def _complete_by_event(uow, task_id, *, by, outcome, at):
    task = domain.complete_by_event(load_task(uow.session, task_id, lock=True), by=by, outcome=outcome, at=at)
    save_task(uow.session, task)
    uow.collect(domain.completed(task))


def _customer_name(session, customer_id):
    return session.scalar(select(customer_facts.c.name).where(customer_facts.c.customer_id == customer_id))
