"""Expense claims: open, submit (the subject's rules), approve (over-funding needs an override), reject,
reimburse once only."""
from decimal import Decimal

from sqlalchemy import delete, func, insert, select, update

from kam.db import new_id
from kam.errors import InvalidTransition
from kam.pagination import keyset_page
from kam.records import load, save
from services.visits.domain import claims as rules
from services.visits.domain.access import CLAIMS
from services.visits.domain.review import ensure_accepted, review_of
from services.visits.models import claim_items, claims, receipts, visits


def subject_of(actor, subject_type, subject_id, session, customers, reception, events):
    """What a claim is for: a visit here, a development plan, a reception or an event by RPC (each callee
    enforces the caller's visibility too). A developer claims only on their own subjects, an event's
    claims are its runner's."""
    if subject_type == "visit":
        subject = load(session, visits, subject_id, "visit")
    elif subject_type == "development_plan":
        subject = customers.get_development_plan(subject_id)
    elif subject_type == "event":
        subject = events.get_event(subject_id)
    else:
        subject = reception.get_reception(subject_id)
    return rules.SUBJECTS[subject_type].ensure(actor, subject)


def reviewed_subject(session, claim, reception):
    """The review of a claim's visit (here) or reception (by RPC, as the manager sees it); none for others."""
    if claim["subject_type"] == "visit":
        return {"review": review_of(load(session, visits, claim["subject_id"], "visit"))}
    if claim["subject_type"] == "reception":
        return reception.get_reception(claim["subject_id"])
    return {}


def claims_out(session, found, actor):
    """Claims as shown, with their items and receipts: two queries for the whole page, not two per claim."""
    ids = [claim["id"] for claim in found]
    items, attached = {}, {}
    for row in session.execute(select(claim_items).where(claim_items.c.claim_id.in_(ids))
                               .order_by(claim_items.c.claim_id, claim_items.c.position)).mappings():
        items.setdefault(row["claim_id"], []).append(
            {"category": row["category"], "amount": row["amount"], "note": row["note"]})
    for row in session.execute(select(receipts).where(receipts.c.claim_id.in_(ids))
                               .order_by(receipts.c.created_at, receipts.c.id)).mappings():
        attached.setdefault(row["claim_id"], []).append(dict(row))
    return [{**claim, "subject": {"type": claim["subject_type"], "id": claim["subject_id"]},
             "items": items.get(claim["id"], []), "receipts": attached.get(claim["id"], []),
             "actions": rules.CLAIM.actions(actor, claim)} for claim in found]


def claim_out(session, claim, actor):
    return claims_out(session, [claim], actor)[0]


def _decided(uow, actor, claim_id):
    actor.require_role("manager")
    return CLAIMS.load(uow.session, claims, actor, claim_id, lock=True)


def _moved(uow, actor, claim, action, changes):
    claim = save(uow.session, claims, claim, changes)
    uow.collect(rules.event_of(action, claim))
    return claim_out(uow.session, claim, actor)


def open_claim(uow, actor, now, *, data, customers, reception, events):
    subject_type, subject_id = data["subject"]["type"], data["subject"]["id"]
    actor.require_role(*rules.filers(subject_type))
    subject = subject_of(actor, subject_type, subject_id, uow.session, customers, reception, events)
    claim, items = rules.open_claim(id=new_id(), claimant_id=actor.user_id, subject_type=subject_type,
                                    subject=subject, items=data["items"], now=now)
    uow.session.execute(insert(claims).values(**claim))
    _write_items(uow.session, claim["id"], items)
    return claim_out(uow.session, claim, actor)


def _write_items(session, claim_id, items):
    session.execute(delete(claim_items).where(claim_items.c.claim_id == claim_id))
    session.execute(insert(claim_items), [
        {"claim_id": claim_id, "position": index, "category": item["category"], "amount": item["amount"],
         "note": item.get("note")} for index, item in enumerate(items)])


def _own_claim(uow, actor, claim_id):
    return CLAIMS.ensure_owner(actor, CLAIMS.load(uow.session, claims, actor, claim_id, lock=True), "claimant_id")


def edit_claim(uow, actor, now, *, claim_id, changes):
    """Its claimant changes a draft's lines (PATCH {"items": [...]})."""
    claim = _own_claim(uow, actor, claim_id)
    claim_changes, items = rules.edit_claim(claim, changes["items"], now)
    claim = save(uow.session, claims, claim, claim_changes)
    _write_items(uow.session, claim_id, items)
    return claim_out(uow.session, claim, actor)


def withdraw_claim(uow, actor, now, *, claim_id):
    claim = _own_claim(uow, actor, claim_id)
    return claim_out(uow.session, save(uow.session, claims, claim, rules.withdraw_claim(claim, now)), actor)


def redraft_claim(uow, actor, now, *, claim_id):
    claim = _own_claim(uow, actor, claim_id)
    return claim_out(uow.session, save(uow.session, claims, claim, rules.redraft_claim(claim, now)), actor)


def _already_claimed(session, claim):
    counted = select(func.coalesce(func.sum(claims.c.total), 0)).where(
        claims.c.subject_type == claim["subject_type"], claims.c.subject_id == claim["subject_id"],
        claims.c.id != claim["id"], claims.c.status.in_(rules.COUNTED_STATUSES))
    return Decimal(str(session.scalar(counted)))


def submit_claim(uow, actor, now, *, claim_id, customers, reception, events):
    """The subject is asked for (perhaps over RPC) before the claim's row is locked, so no lock waits on
    another service; the claim is then read again under the lock and decided."""
    claim = CLAIMS.ensure_owner(actor, CLAIMS.load(uow.session, claims, actor, claim_id), "claimant_id")
    subject = subject_of(actor, claim["subject_type"], claim["subject_id"], uow.session, customers, reception,
                         events)
    claim = CLAIMS.load(uow.session, claims, actor, claim_id, lock=True)
    changes = rules.submit_claim(claim, subject, _already_claimed(uow.session, claim), now)
    return _moved(uow, actor, claim, "submit", changes)


def approve_claim(uow, actor, now, *, claim_id, override_reason, reception):
    """Only once the visit's or reception's report was accepted (报告检查); the subject is asked for before
    the claim's row is locked, as on submit."""
    actor.require_role("manager")
    claim = CLAIMS.load(uow.session, claims, actor, claim_id)
    subject = reviewed_subject(uow.session, claim, reception)
    claim = _decided(uow, actor, claim_id)
    rules.CLAIM.target(claim["status"], "approve")
    ensure_accepted(claim["subject_type"], subject)
    return _moved(uow, actor, claim, "approve", rules.approve_claim(claim, actor.user_id, override_reason, now))


def reject_claim(uow, actor, now, *, claim_id, reason):
    claim = _decided(uow, actor, claim_id)
    return _moved(uow, actor, claim, "reject", rules.reject_claim(claim, actor.user_id, reason, now))


def reimburse_claim(uow, actor, now, *, claim_id):
    """Once only: the UPDATE moves the claim only if it is still approved, so of two concurrent requests
    exactly one pays and publishes; the other changes nothing and is told so."""
    actor.require_role("manager")
    claim = CLAIMS.load(uow.session, claims, actor, claim_id)
    changes = rules.reimburse_claim(claim, actor.user_id, now)
    moved = uow.session.execute(update(claims).where(claims.c.id == claim_id, claims.c.status == "approved")
                                .values(**changes)).rowcount
    if moved != 1:
        raise InvalidTransition("the claim has already been reimbursed")
    claim = {**claim, **changes}
    uow.collect(rules.event_of("reimburse", claim))
    return claim_out(uow.session, claim, actor)


def get_claim(session, actor, now, *, claim_id):
    return claim_out(session, CLAIMS.load(session, claims, actor, claim_id), actor)


def list_claims(session, actor, now, *, args):
    actor.require_role(*rules.DEVELOPERS, *rules.FILERS["event"], *CLAIMS.everyone)
    query = select(claims).where(CLAIMS.where(actor, claims))
    for name in ("status", "customer_id", "subject_type", "subject_id"):
        if args.get(name):
            query = query.where(claims.c[name] == args[name])
    page = keyset_page(session, query, [claims.c.created_at, claims.c.id], args.get("limit"), args.get("cursor"))
    return {**page, "items": claims_out(session, page["items"], actor)}
