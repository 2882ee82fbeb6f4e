"""Hospitality caps: read by everyone signed in, set by managers; approvals above a cap need the manager's
override, which is logged here: a visit's with its approval, a reception's from its `reception.approved` (the
reception service asks `review_hospitality` first, which only checks, so an approval that does not commit
logs nothing)."""
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.pagination import keyset_page
from services.visits.domain import hospitality as rules
from services.visits.models import hospitality_caps, hospitality_overrides


def caps(session):
    return rules.policy_of(session.execute(select(hospitality_caps)).mappings())["caps"]


def get_hospitality_policy(session, actor, now):
    return {"caps": caps(session)}


def set_hospitality_policy(uow, actor, now, *, policy):
    rules.ensure_may_set(actor)
    uow.session.execute(delete(hospitality_caps))
    rows = rules.cap_rows(policy["caps"], actor.user_id, now)
    if rows:
        uow.session.execute(insert(hospitality_caps), rows)
    return get_hospitality_policy(uow.session, actor, now)


def checked(session, actor, now, *, subject_type, subject_id, customer_id, category, kind, amount, override_reason,
            kept=None):
    """Refuse an approval above the cap without a reason (409); log the override with one."""
    override = rules.override_needed(kept or caps(session), category, kind, amount, override_reason)
    if override is not None:
        log_override(session, subject_type=subject_type, subject_id=subject_id, customer_id=customer_id,
                     override=override, approver_id=actor.user_id, at=now)
    return override


def log_override(session, *, subject_type, subject_id, customer_id, override, approver_id, at):
    """Logged once per subject and kind: a repeat (a retried approval, a redelivery) changes nothing."""
    row = {"id": new_id(), "subject_type": subject_type, "subject_id": subject_id, "customer_id": customer_id,
           **{key: override[key] for key in ("category", "kind", "amount", "cap", "reason")},
           "approver_id": approver_id, "at": at}
    try:
        with session.begin_nested():
            session.execute(insert(hospitality_overrides).values(**row))
    except IntegrityError:
        pass  # already logged


def note_reception_override(uow, event):
    data = event["data"]
    if data.get("hospitality_override"):
        log_override(uow.session, subject_type="reception", subject_id=data["reception_id"],
                     customer_id=data["customer_id"], override=data["hospitality_override"],
                     approver_id=data["approver_id"], at=datetime.fromisoformat(event["occurred_at"]))


def review_hospitality(session, actor, now, *, data):
    """For the reception service approving a reception: its meal out per head against the cap, and the
    override its approval will carry (logged when that approval is committed, from its event)."""
    actor.require_role("manager")
    override = rules.override_needed(caps(session), data.get("category"), data["kind"], data.get("amount"),
                                     data.get("override_reason"))
    return {"over_cap": override is not None, "override": override}


def list_hospitality_overrides(session, actor, now, *, args):
    rules.ensure_may_list_overrides(actor)
    query = select(hospitality_overrides)
    for name in ("subject_type", "category"):
        if args.get(name):
            query = query.where(hospitality_overrides.c[name] == args[name])
    return keyset_page(session, query, [hospitality_overrides.c.at, hospitality_overrides.c.id], args.get("limit"),
                       args.get("cursor"))


def check_gift(session, actor, now, *, visit, catalog, override_reason):
    """The visit's gift at its catalog list price against the cap of the customer's category; the catalog
    is asked only when there is a cap, and a gift not from the catalog has no price to hold against it."""
    kept, category = caps(session), visit.get("customer_category")
    product_id = (visit.get("preparation") or {}).get("gift_product_id")
    if not product_id or (kept.get(category) or {}).get("gift_value") is None:
        return None
    return checked(session, actor, now, subject_type="visit", subject_id=visit["id"], customer_id=visit["customer_id"],
                   category=category, kind="gift_value", amount=catalog.get_product(product_id).get("list_price"),
                   override_reason=override_reason, kept=kept)
