"""Use cases of the analytics service: log each event and project it onto the read models (the caller
commits)."""
from datetime import datetime

from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from kam.errors import NotFound
from kam.privacy import erase_customer_events
from services.analytics.contracts import PROJECTED
from services.analytics.domain.figures import as_utc
from services.analytics.domain.projections import furthest_stage, newer, project, replaces
from services.analytics.domain.scrub import scrub_envelope
from services.analytics.models import (
    READ_MODELS,
    customer_profiles,
    event_costs,
    event_guests,
    event_log,
    event_profiles,
    facts,
    metadata,
    stages_reached,
)

TIMESTAMPED = {"owner_id": "owner_at", "category": "category_at", "source_channel": "source_channel_at"}


def record_event(uow, event):
    """Keep the event in the log and move every read model it feeds, in one transaction."""
    if event["data"].get("customer_id") and _erased(uow.session, event["data"]["customer_id"]):
        event = scrub_envelope(event)
    uow.session.execute(insert(event_log).values(
        event_id=event["id"], type=event["type"],
        occurred_at=datetime.fromisoformat(event["occurred_at"]), envelope=event))
    apply_event(uow.session, event)


def rebuild_read_models(uow, postgres=False):
    """Clear the read models and apply every logged event again, in log order; returns how many."""
    if postgres:  # live events wait until the rebuild has committed, then apply on top of it
        uow.session.execute(text("LOCK TABLE event_log IN SHARE ROW EXCLUSIVE MODE"))
    for table in READ_MODELS:
        uow.session.execute(delete(table))
    applied = 0
    for envelope in uow.session.scalars(select(event_log.c.envelope).order_by(event_log.c.seq)):
        apply_event(uow.session, envelope)
        applied += 1
    return applied


def apply_event(session, envelope):
    contract = PROJECTED.get(envelope["type"])
    if contract is None or envelope.get("version", 1) != contract.version:
        return
    data = contract().load(envelope["data"])
    projection = project(envelope["type"], data, datetime.fromisoformat(envelope["occurred_at"]))
    _lock_profiles(session, projection.customer_ids())
    for change in projection.changes:
        _change_profile(session, change)
    for reached in projection.reached:
        _reach_stage(session, reached)
    for fact in projection.facts:
        _add_fact(session, fact)
    if projection.forecast:
        _record_forecast(session, projection.forecast)
    for seen in projection.events:
        _see_event(session, seen)
    for change in projection.guests:
        _change_guest(session, change)
    for cost in projection.costs:
        _insert_new(session, event_costs, claim_id=cost.claim_id, event_id=cost.event_id,
                    claimant_id=cost.claimant_id, amount=cost.amount, reimbursed_at=cost.reimbursed_at)
    if projection.erased:
        _erase_customer(session, projection.erased, envelope["occurred_at"])


def _profile(session, customer_id):
    return session.execute(select(customer_profiles).where(
        customer_profiles.c.customer_id == customer_id)).mappings().one()


def _lock_profiles(session, customer_ids):
    """Create the customers' rows if new and lock them: events of one customer apply one at a time,
    even when several workers take events from the queue at once."""
    for customer_id in sorted(customer_ids):
        _insert_new(session, customer_profiles, customer_id=customer_id)
    if customer_ids:
        session.execute(select(customer_profiles.c.customer_id).where(
            customer_profiles.c.customer_id.in_(sorted(customer_ids))).with_for_update())


def _insert_new(session, table, **values):
    """Insert unless a row with the same key exists (also one another worker is inserting right now)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())


def _change_profile(session, change):
    profile, values = _profile(session, change.customer_id), {}
    for name, value in change.values.items():
        if name == "registered_at":
            if profile["registered_at"] is None or change.at < as_utc(profile["registered_at"]):
                values["registered_at"] = change.at
        elif newer(as_utc(profile[TIMESTAMPED[name]]), change.at):
            values[name], values[TIMESTAMPED[name]] = value, change.at
    _update_profile(session, change.customer_id, values)


def _update_profile(session, customer_id, values):
    if values:
        session.execute(update(customer_profiles).where(customer_profiles.c.customer_id == customer_id)
                        .values(**values))


def _reach_stage(session, reached):
    key = (stages_reached.c.customer_id == reached.customer_id) & (stages_reached.c.stage == reached.stage)
    row = session.execute(select(stages_reached).where(key)).mappings().first()
    existing = row and type(reached)(**{**row, "reached_at": as_utc(row["reached_at"])})
    if not replaces(existing, reached):
        return
    values = {"reached_at": reached.reached_at, "previous_stage": reached.previous_stage,
              "skipped": reached.skipped}
    if row is None:
        session.execute(insert(stages_reached).values(customer_id=reached.customer_id, stage=reached.stage,
                                                      **values))
    else:
        session.execute(update(stages_reached).where(key).values(**values))
    current = _profile(session, reached.customer_id)["stage"]
    _update_profile(session, reached.customer_id, {"stage": furthest_stage(current, reached.stage)})


def _add_fact(session, fact):
    """A subject counts once per metric: a second announcement of the same deal changes nothing."""
    occurred_at = as_utc(fact.occurred_at)
    _insert_new(session, facts, metric=fact.metric, subject_id=fact.subject_id, customer_id=fact.customer_id,
                developer_id=fact.developer_id, occurred_at=occurred_at, occurred_on=occurred_at.date(),
                amount=fact.amount)


def _see_event(session, seen):
    """A new event is recorded as first described; the event's own latest fact sets its status."""
    _insert_new(session, event_profiles, event_id=seen.event_id, **seen.values)
    if seen.status is None:
        return
    key = event_profiles.c.event_id == seen.event_id
    stored_at = session.scalar(select(event_profiles.c.status_at).where(key).with_for_update())
    if newer(as_utc(stored_at), seen.at):
        session.execute(update(event_profiles).where(key).values(**seen.values, status=seen.status,
                                                                 status_at=seen.at))


def _change_guest(session, change):
    """An invitation's answer is its latest one; the guest came at their first check-in."""
    key = event_guests.c.invitation_id == change.invitation_id
    _insert_new(session, event_guests, invitation_id=change.invitation_id, event_id=change.event_id,
                customer_id=change.customer_id, owner_id=change.owner_id)
    guest = session.execute(select(event_guests).where(key).with_for_update()).mappings().one()
    values = {"owner_id": change.owner_id} if change.owner_id else {}
    for name in ("invited_at", "attended_at"):
        if name in change.values and (guest[name] is None or change.values[name] < as_utc(guest[name])):
            values[name] = change.values[name]
    if "response" in change.values and newer(as_utc(guest["responded_at"]), change.values["responded_at"]):
        values.update(response=change.values["response"], responded_at=change.values["responded_at"])
    if values:
        session.execute(update(event_guests).where(key).values(**values))


def _record_forecast(session, forecast):
    """The latest assessment is the customer's forecast."""
    if newer(as_utc(_profile(session, forecast.customer_id)["assessed_at"]), forecast.assessed_at):
        _update_profile(session, forecast.customer_id, {
            "assessed_at": forecast.assessed_at, "expected_revenue": forecast.expected_revenue,
            "expected_profit": forecast.expected_profit, "total_cost": forecast.total_cost,
            "worth_developing": forecast.worth_developing})


def _erase_customer(session, customer_id, occurred_at):
    """Keep the anonymous figures; scrub what could identify the customer from the stored log."""
    _update_profile(session, customer_id, {"erased_at": datetime.fromisoformat(occurred_at)})
    logged = session.execute(select(event_log.c.seq, event_log.c.envelope)).all()
    for seq, envelope in logged:
        if envelope.get("data", {}).get("customer_id") == customer_id:
            scrubbed = scrub_envelope(envelope)
            if scrubbed != envelope:
                session.execute(update(event_log).where(event_log.c.seq == seq).values(envelope=scrubbed))
    erase_customer_events(session, metadata, customer_id)


def _erased(session, customer_id):
    return session.scalar(select(customer_profiles.c.erased_at).where(
        customer_profiles.c.customer_id == customer_id)) is not None


def export_customer(session, actor, customer_id):
    """Everything analytics holds on one customer: its profile, its facts and its event invitations; for the
    customer's owner (as analytics last heard) and managers, anyone else: no such customer."""
    actor.require_role("manager", "developer")
    profile = session.execute(select(customer_profiles).where(
        customer_profiles.c.customer_id == customer_id)).mappings().first()
    if actor.role == "developer" and (profile is None or profile["owner_id"] != actor.user_id):
        raise NotFound("no such customer")
    if profile is None:
        return {}
    counted = session.execute(select(facts).where(facts.c.customer_id == customer_id)
                              .order_by(facts.c.occurred_at)).mappings().all()
    invited = session.execute(select(event_guests).where(event_guests.c.customer_id == customer_id)
                              .order_by(event_guests.c.invited_at)).mappings().all()
    return {"profile": dict(profile), "facts": [dict(row) for row in counted],
            "event_guests": [dict(row) for row in invited]}
