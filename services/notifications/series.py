"""Task series kept up to date from durable facts: outreach before key dates, return visits after deliveries."""
from datetime import datetime

from sqlalchemy import select, update

from services.notifications.domain import Task, cancel_task
from services.notifications.models import customer_facts, deliveries, tasks
from services.notifications.repository import create_task, save_task
from services.notifications.schedule import (
    outreach_due_at,
    outreach_plan,
    return_visit_plan,
    suggest_offer,
)


def refresh_outreach(uow, facts, now, policy):
    """Create the outreach tasks due now or next for one customer, and remember when to look again."""
    wanted, next_check = ([], None) if facts["outreach_opt_out"] else outreach_plan(facts["key_dates"], now, policy)
    created = 0
    for occurrence in wanted:
        known_at = datetime.fromisoformat(facts["known_since"][_date_key(occurrence.details)])
        details = {**occurrence.details,
                   "suggestion": suggest_offer(facts["holdings"], occurrence.details["occasion_kind"],
                                               occurrence.details["years"])}
        created += create_task(uow, kind="anniversary_outreach", dedupe_key=f"outreach:{facts['customer_id']}:{occurrence.key}",
                    customer_id=facts["customer_id"], subject={"type": "customer", "id": facts["customer_id"]},
                    due_at=outreach_due_at(occurrence.nominal_due, known_at), now=now,
                    assignee_id=facts["owner_id"], details=details, customer_name=facts["name"]) is not None
    uow.session.execute(update(customer_facts).where(customer_facts.c.customer_id == facts["customer_id"])
                        .values(next_check_at=next_check))
    return created


def cancel_stale_outreach(uow, facts):
    """Outreach for a date no longer on file, or for a customer who opted out, is no longer wanted;
    outreach still open follows the customer to a new owner."""
    current = {date_key(d["kind"], d["date"]) for d in facts["key_dates"]}
    open_outreach = uow.session.execute(select(tasks).where(
        tasks.c.customer_id == facts["customer_id"], tasks.c.kind == "anniversary_outreach",
        tasks.c.status == "open")).mappings().all()
    for row in open_outreach:
        task = Task(**row)
        if facts["outreach_opt_out"] or _date_key(task.details) not in current:
            save_task(uow.session, cancel_task(task))
        elif task.assignee_id != facts["owner_id"]:
            uow.session.execute(update(tasks).where(tasks.c.id == task.id).values(assignee_id=facts["owner_id"]))


def refresh_return_visits(uow, deal, now, policy):
    wanted, next_check = return_visit_plan(deal["delivered_at"], now, policy)
    created = 0
    for occurrence in wanted:
        created += create_task(uow, kind="return_visit", dedupe_key=f"return_visit:{deal['deal_id']}:{occurrence.key}",
                    customer_id=deal["customer_id"], subject={"type": "deal", "id": deal["deal_id"]},
                    due_at=occurrence.nominal_due, now=now, assignee_id=deal["seller_id"],
                    details=occurrence.details) is not None
    uow.session.execute(update(deliveries).where(deliveries.c.deal_id == deal["deal_id"])
                        .values(next_check_at=next_check))
    return created


def facts_due(session, table, key, now):
    """Rows whose series reach their next occurrence by `now`, in a fixed order (so that instances
    working at once take their locks in the same order)."""
    return session.execute(select(table).where(table.c.next_check_at <= now).order_by(key)).mappings().all()


def date_key(kind, original_date):
    return f"{kind}:{original_date}"


def _date_key(details):
    return date_key(details["occasion_kind"], details["original_date"])
