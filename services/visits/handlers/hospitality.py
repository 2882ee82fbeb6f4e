"""Hospitality caps: read by everyone signed in, set by managers; approvals above a cap need the manager's
override, which is logged here for visits and (over RPC, `review_hospitality`) for receptions."""
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
    """Refuse an approval above the cap without a reason (409); log the override with one. Logged once per
    subject and kind: a repeated call (a retried approval) changes nothing."""
    override = rules.override_needed(kept or caps(session), category, kind, amount, override_reason)
    if override is None:
        return None
    row = {"id": new_id(), "subject_type": subject_type, "subject_id": subject_id, "customer_id": customer_id,
           **override, "approver_id": actor.user_id, "at": now}
    try:
        with session.begin_nested():
            session.execute(insert(hospitality_overrides).values(**row))
    except IntegrityError:
        pass  # already logged
    return override


def review_hospitality(uow, actor, now, *, data):
    """For the reception service approving a reception: its meal out per head against the cap."""
    actor.require_role("manager")
    override = checked(uow.session, actor, now, override_reason=data.get("override_reason"),
                       **{key: data.get(key) for key in ("subject_type", "subject_id", "customer_id", "category",
                                                         "kind", "amount")})
    return {"over_cap": override is not None, "cap": override["cap"] if override else None}


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
