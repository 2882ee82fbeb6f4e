"""Events: plan, submit, approve or reject, cancel, report; the calendar."""
from datetime import UTC, datetime

from sqlalchemy import func, insert, select

from kam.db import new_id
from kam.errors import Forbidden
from kam.pagination import keyset_page
from kam.records import save
from services.events.domain import events as rules
from services.events.domain import invitations as guests
from services.events.models import events, invitations
from services.events.terms import BUSINESS_TZ, READER_ROLES, RUNNER_ROLES


def as_output(session, actor, event, now, counts=None):
    counts = counts if counts is not None else counts_of(session, [event["id"]]).get(event["id"], {})
    out = {**event, "counts": {status: counts.get(status, 0) for status in guests.WORKFLOW.statuses}}
    out["counts"]["invited"] = sum(counts.values())
    if event["report"] is not None:
        out["report"] = {**event["report"], "reported_at": event["reported_at"]}
    out["actions"] = rules.actions(actor, event, now)
    return out


def counts_of(session, event_ids):
    """Invitations by status for each event, in one query for a whole page."""
    rows = session.execute(select(invitations.c.event_id, invitations.c.status, func.count())
                           .where(invitations.c.event_id.in_(event_ids))
                           .group_by(invitations.c.event_id, invitations.c.status))
    found = {}
    for event_id, status, count in rows:
        found.setdefault(event_id, {})[status] = count
    return found


def create_event(uow, actor, now, *, data):
    actor.require_role(*RUNNER_ROLES)
    event = rules.plan_event(id=new_id(), planner_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(events).values(**event))
    return as_output(uow.session, actor, event, now, counts={})


def get_event(session, actor, now, *, event_id):
    actor.require_role(*READER_ROLES)
    return as_output(session, actor, rules.SEEN.load(session, events, actor, event_id), now)


def list_events(session, actor, now, *, args):
    """The calendar: a month's events in the order they happen."""
    actor.require_role(*READER_ROLES)
    query = select(events).where(rules.SEEN.where(actor, events))
    if args.get("month"):
        start, end = _month(args["month"])
        query = query.where(events.c.starts_at >= start, events.c.starts_at < end)
    for name in ("status", "kind"):
        if args.get(name):
            query = query.where(events.c[name] == args[name])
    page = keyset_page(session, query, [events.c.starts_at, events.c.id], limit=args.get("limit"),
                       cursor=args.get("cursor"), newest_first=False, row_to_item=dict)
    counts = counts_of(session, [event["id"] for event in page["items"]])
    page["items"] = [as_output(session, actor, event, now, counts.get(event["id"], {})) for event in page["items"]]
    return page


def edit_event(uow, actor, now, *, event_id, changes):
    event = _own_event(uow, actor, event_id, "edit")
    return as_output(uow.session, actor, save(uow.session, events, event, rules.edit(event, changes, now)), now)


def withdraw_event(uow, actor, now, *, event_id):
    event = _own_event(uow, actor, event_id, "withdraw")
    return as_output(uow.session, actor, save(uow.session, events, event, rules.withdraw(event, now)), now)


def redraft_event(uow, actor, now, *, event_id):
    event = _own_event(uow, actor, event_id, "redraft")
    return as_output(uow.session, actor, save(uow.session, events, event, rules.redraft(event, now)), now)


def _own_event(uow, actor, event_id, action):
    """Only the event's own planner edits, withdraws or takes back its plan (403 for anyone else)."""
    event = rules.SEEN.load(uow.session, events, actor, event_id, lock=True)
    _ensure_may(actor, event, action)
    return event


def submit_event(uow, actor, now, *, event_id):
    return _decide(uow, actor, now, event_id, "submit", lambda event: rules.submit(event, now))


def approve_event(uow, actor, now, *, event_id, data):
    return _decide(uow, actor, now, event_id, "approve",
                   lambda event: rules.approve(event, actor.user_id, data["funded_amount"], now))


def reject_event(uow, actor, now, *, event_id, data):
    return _decide(uow, actor, now, event_id, "reject",
                   lambda event: rules.reject(event, actor.user_id, data["reason"], now))


def cancel_event(uow, actor, now, *, event_id, data):
    def cancel(event):
        rows = uow.session.execute(select(invitations).where(invitations.c.event_id == event_id,
                                                             invitations.c.status.in_(("invited", "accepted"))))
        told = [{"invitation_id": row.id, "customer_id": row.customer_id, "owner_id": row.customer_owner_id}
                for row in rows]
        return rules.cancel(event, data["reason"], told, now)

    return _decide(uow, actor, now, event_id, "cancel", cancel)


def report_event(uow, actor, now, *, event_id, data):
    """The report after the event; accepted guests who did not come are then no-shows."""
    def report(event):
        absent = uow.session.execute(select(invitations).where(
            invitations.c.event_id == event_id, invitations.c.status == "accepted").with_for_update())
        for row in absent.mappings():
            changes, fact = guests.no_show(dict(row), event, now)
            save(uow.session, invitations, dict(row), changes)
            uow.collect(fact)
        attended = uow.session.scalar(select(func.count()).select_from(invitations).where(
            invitations.c.event_id == event_id, invitations.c.status == "attended"))
        return rules.report(event, data, attended, now)

    return _decide(uow, actor, now, event_id, "report", report)


def _decide(uow, actor, now, event_id, action, decide):
    event = rules.SEEN.load(uow.session, events, actor, event_id, lock=True)
    _ensure_may(actor, event, action)
    changes, fact = decide(event)
    uow.collect(fact)
    return as_output(uow.session, actor, save(uow.session, events, event, changes), now)


def _ensure_may(actor, event, action):
    """A role that may not take this step at all is 403, before whether the event is where it may (409)."""
    if not any(step.action == action and step.by(actor, event) for step in rules.WORKFLOW.steps):
        raise Forbidden(f"role {actor.role!r} may not do this", code="forbidden")


def _month(month):
    """The month's bounds in the department's zone: an event at 00:30 on the 1st in Shanghai is that
    month's, though it is still the last day of the month before in UTC."""
    year, number = (int(part) for part in month.split("-"))
    start = datetime(year, number, 1, tzinfo=BUSINESS_TZ)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=BUSINESS_TZ)
    return start.astimezone(UTC), end.astimezone(UTC)
