"""Decisions reach the person who asked: an approval, a rejection (with its reason) or a reimbursement
of their plan, visit, reception, event or claim is a notice in its owner's inbox, naming the item; so is
the review of their visit's or reception's report (accepted, or returned with what to revise)."""
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from services.notifications.contracts import APPROVABLE, REVIEWABLE
from services.notifications.models import customer_facts
from services.notifications.repository import _shown, notify

NOUNS = {"visit": "拜访计划", "reception": "接待申请", "development_plan": "开发方案", "event": "活动方案",
         "expense_claim": "费用报销"}
OUTCOMES = {"approved": "已获批准", "rejected": "已被驳回", "reimbursed": "已报销"}
SHORT = {"approved": "已批准", "reimbursed": "已报销"}
REPORTS = {"visit": "拜访报告", "reception": "接待报告"}


def tell_decision(uow, actor, now, *, event_id, event_type, data):
    """Once per decision (the inbox and the notice's key both say so); a claim's notice links to it."""
    subject_type, outcome = event_type.split(".")
    id_field, _, owner_field = APPROVABLE[subject_type]
    subject_id = data[id_field]
    name = item_name(subject_type, data, _customer_name(uow.session, data.get("customer_id")))
    title, body = notice(subject_type, outcome, name, data.get("reason"))
    notify(uow.session, recipient_id=data[owner_field], recipient_role=None, kind="decision", title=title,
           body=body, customer_id=data.get("customer_id"), subject={"type": subject_type, "id": subject_id},
           dedupe_key=f"decision:{subject_type}:{subject_id}:{outcome}:{event_id}", now=now)


def tell_review(uow, actor, now, *, event_id, event_type, data):
    """Once per review: 您的拜访报告「王丽 · 2026-03-05 10:00」被退回修改：请补充客户的预算"""
    subject_type = event_type.split(".")[0]
    id_field, owner_field, when_field = REVIEWABLE[subject_type]
    customer_name = _customer_name(uow.session, data["customer_id"])
    name = " · ".join(part for part in (customer_name, data.get(when_field) and _shown(data[when_field])) if part)
    report = REPORTS[subject_type]
    if data["decision"] == "returned":
        title = f"{report}被退回"
        body = f"您的{report}「{name or report}」被退回修改：{(data.get('comment') or '').strip() or '未注明意见'}"
    else:
        title, body = f"{report}已通过检查", f"您的{report}「{name or report}」已通过检查"
    notify(uow.session, recipient_id=data[owner_field], recipient_role=None, kind="decision", title=title, body=body,
           customer_id=data["customer_id"], subject={"type": subject_type, "id": data[id_field]},
           dedupe_key=f"review:{subject_type}:{data[id_field]}:{data['decision']}:{event_id}", now=now)


def notice(subject_type, outcome, name, reason=None):
    """(title, body) in zh-CN: 您的拜访计划「王丽 · 2026-03-05 10:00」已被驳回：客户近期出国，请改期"""
    noun = NOUNS[subject_type]
    body = f"您的{noun}「{name}」{OUTCOMES[outcome]}"
    if outcome == "rejected":
        return f"{noun}被驳回", f"{body}：{(reason or '').strip() or '未注明理由'}"
    return f"{noun}{SHORT[outcome]}", body


def item_name(subject_type, data, customer_name):
    """What the owner knows the item by: the event's title, the customer and the planned time, a claim's total."""
    if subject_type == "event":
        return data.get("title") or "活动"
    parts = [customer_name]
    when = data.get("planned_at") or data.get("scheduled_at")
    if when is not None and subject_type in ("visit", "reception"):
        parts.append(_shown(when))
    if subject_type == "expense_claim" and data.get("total") is not None:
        parts.append(f"{_money(data['total'])} 元")
    return " · ".join(part for part in parts if part) or NOUNS[subject_type]


def _money(amount):
    try:
        return f"{Decimal(str(amount)):,.2f}"
    except InvalidOperation:
        return str(amount)


def _customer_name(session, customer_id):
    if customer_id is None:
        return None
    return session.scalar(select(customer_facts.c.name).where(customer_facts.c.customer_id == customer_id))
