"""Events' guests: the invitation and the cancellation reach the customer's owner through their channels
(never for a customer who opted out of outreach), and a guest who came is followed up."""
from datetime import timedelta

from sqlalchemy import select

from services.notifications.models import customer_facts
from services.notifications.repository import _shown, create_task, notify

FOLLOW_UP_AFTER_EVENT = timedelta(days=3)


def deliver_invitation(uow, actor, now, *, invitation):
    facts = _facts(uow.session, invitation["customer_id"])
    if facts and facts["outreach_opt_out"]:
        return
    who = f"{facts['name']}：" if facts and facts["name"] else ""
    notify(uow.session, recipient_id=invitation["owner_id"], recipient_role=None, kind="event_invitation",
           title=f"活动邀请：{invitation['title']}",
           body=f"{who}诚邀出席「{invitation['title']}」，{_shown(invitation['starts_at'])}，{invitation['venue']}",
           customer_id=invitation["customer_id"], dedupe_key=f"event_invitation:{invitation['invitation_id']}", now=now)


def tell_cancellation(uow, actor, now, *, cancelled):
    for guest in cancelled["guests"]:
        facts = _facts(uow.session, guest["customer_id"])
        if facts and facts["outreach_opt_out"]:
            continue
        who = f"{facts['name']}：" if facts and facts["name"] else ""
        notify(uow.session, recipient_id=guest["owner_id"], recipient_role=None, kind="event_cancelled",
               title=f"活动取消：{cancelled['title']}",
               body=f"{who}原定 {_shown(cancelled['starts_at'])} 的「{cancelled['title']}」已取消（{cancelled['reason']}）",
               customer_id=guest["customer_id"], dedupe_key=f"event_cancelled:{guest['invitation_id']}", now=now)


def create_event_follow_up(uow, actor, now, *, checked_in):
    """The owner follows up a guest who came, within three days after the event ends."""
    facts = _facts(uow.session, checked_in["customer_id"])
    create_task(uow, kind="event_follow_up", dedupe_key=f"event_follow_up:{checked_in['invitation_id']}",
                customer_id=checked_in["customer_id"], subject={"type": "event", "id": checked_in["event_id"]},
                due_at=checked_in["ends_at"] + FOLLOW_UP_AFTER_EVENT, now=now, assignee_id=checked_in["owner_id"],
                details={"event_title": checked_in["title"]}, customer_name=facts["name"] if facts else None)


def _facts(session, customer_id):
    return session.execute(select(customer_facts).where(customer_facts.c.customer_id == customer_id)).mappings().first()
