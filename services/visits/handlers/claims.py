"""Expense claims: open, submit (the subject's rules), approve (over-funding needs an override), reject,
reimburse once only."""
from decimal import Decimal

from sqlalchemy import func, insert, select, update

from kam.db import new_id
from kam.errors import InvalidTransition
from kam.pagination import keyset_page
from services.visits.contracts import (
    ExpenseClaimApproved,
    ExpenseClaimReimbursed,
    ExpenseClaimRejected,
    ExpenseClaimSubmitted,
)
from services.visits.domain import claims as rules
from services.visits.domain.access import CLAIM_READERS, ensure_acts_as_owner, ensure_manager, ensure_sees
from services.visits.handlers.rows import load, save
from services.visits.models import claim_items, claims, receipts, visits

SUBJECT_OWNER = {"visit": "visitor_id", "development_plan": "developer_id", "reception": "host_id"}


class Subjects:
    """What a claim is for: a visit here, a development plan or a reception by RPC (each enforces the
    caller's visibility). A developer claims only on their own subjects."""

    def __init__(self, session, remote_getters):
        self.session = session
        self.remote_getters = remote_getters

    def get(self, actor, subject_type, subject_id):
        if subject_type == "visit":
            subject = load(self.session, visits, "id", subject_id, "visit")
        else:
            subject = self.remote_getters[subject_type](subject_id)
        ensure_sees(actor, subject[SUBJECT_OWNER[subject_type]], (), subject_type.replace("_", " "))
        return subject


def claim_out(session, claim):
    items = session.execute(select(claim_items.c.category, claim_items.c.amount, claim_items.c.note)
                            .where(claim_items.c.claim_id == claim["id"]).order_by(claim_items.c.position))
    attached = session.execute(select(receipts).where(receipts.c.claim_id == claim["id"])
                               .order_by(receipts.c.created_at, receipts.c.id))
    return {**claim, "subject": {"type": claim["subject_type"], "id": claim["subject_id"]},
            "items": [dict(row) for row in items.mappings()], "receipts": [dict(row) for row in attached.mappings()]}


def _event(claim):
    return {"claim_id": claim["id"], **claim, "subject": {"type": claim["subject_type"], "id": claim["subject_id"]}}


def load_visible_claim(session, actor, claim_id, lock=False):
    claim = load(session, claims, "id", claim_id, "expense claim", lock=lock)
    ensure_sees(actor, claim["claimant_id"], CLAIM_READERS, "expense claim")
    return claim


def open_claim(uow, actor, data, subjects, now):
    actor.require_role("developer")
    subject_type, subject_id = data["subject"]["type"], data["subject"]["id"]
    subject = subjects.get(actor, subject_type, subject_id)
    claim, items = rules.open_claim(id=new_id(), claimant_id=actor.user_id, subject_type=subject_type,
                                    subject=subject, items=data["items"], now=now)
    uow.session.execute(insert(claims).values(**claim))
    uow.session.execute(insert(claim_items), [
        {"claim_id": claim["id"], "position": index, "category": item["category"], "amount": item["amount"],
         "note": item.get("note")} for index, item in enumerate(items)])
    uow.commit()
    return claim_out(uow.session, claim)


def _already_claimed(session, claim):
    counted = select(func.coalesce(func.sum(claims.c.total), 0)).where(
        claims.c.subject_type == claim["subject_type"], claims.c.subject_id == claim["subject_id"],
        claims.c.id != claim["id"], claims.c.status.in_(rules.COUNTED_STATUSES))
    return Decimal(str(session.scalar(counted)))


def submit_claim(uow, actor, claim_id, subjects, now):
    claim = load_visible_claim(uow.session, actor, claim_id, lock=True)
    ensure_acts_as_owner(actor, claim["claimant_id"], CLAIM_READERS, "expense claim")
    subject = subjects.get(actor, claim["subject_type"], claim["subject_id"])
    changes = rules.submit_claim(claim, subject, _already_claimed(uow.session, claim), now)
    claim = save(uow.session, claims, "id", claim, changes)
    uow.publish(ExpenseClaimSubmitted, _event(claim))
    uow.commit()
    return claim_out(uow.session, claim)


def approve_claim(uow, actor, claim_id, override_reason, now):
    ensure_manager(actor)
    claim = load_visible_claim(uow.session, actor, claim_id, lock=True)
    claim = save(uow.session, claims, "id", claim, rules.approve_claim(claim, actor.user_id, override_reason, now))
    uow.publish(ExpenseClaimApproved, _event(claim))
    uow.commit()
    return claim_out(uow.session, claim)


def reject_claim(uow, actor, claim_id, reason, now):
    ensure_manager(actor)
    claim = load_visible_claim(uow.session, actor, claim_id, lock=True)
    claim = save(uow.session, claims, "id", claim, rules.reject_claim(claim, actor.user_id, reason, now))
    uow.publish(ExpenseClaimRejected, _event(claim))
    uow.commit()
    return claim_out(uow.session, claim)


def reimburse_claim(uow, actor, claim_id, now):
    """Once only: the UPDATE moves the claim only if it is still approved, so of two concurrent requests
    exactly one pays and publishes; the other changes nothing and is told so."""
    ensure_manager(actor)
    claim = load_visible_claim(uow.session, actor, claim_id)
    changes = rules.reimburse_claim(claim, actor.user_id, now)
    moved = uow.session.execute(update(claims).where(claims.c.id == claim_id, claims.c.status == "approved")
                                .values(**changes)).rowcount
    if moved != 1:
        raise InvalidTransition("the claim has already been reimbursed")
    claim = {**claim, **changes}
    uow.publish(ExpenseClaimReimbursed, _event(claim))
    uow.commit()
    return claim_out(uow.session, claim)


def get_claim(session, actor, claim_id):
    return claim_out(session, load_visible_claim(session, actor, claim_id))


def list_claims(session, actor, args):
    actor.require_role("developer", *CLAIM_READERS)
    query = select(claims)
    if actor.role == "developer":
        query = query.where(claims.c.claimant_id == actor.user_id)
    for name in ("status", "customer_id", "subject_type", "subject_id"):
        if args.get(name):
            query = query.where(claims.c[name] == args[name])
    return keyset_page(session, query, [claims.c.created_at, claims.c.id], args.get("limit"), args.get("cursor"),
                       row_to_item=lambda row: claim_out(session, dict(row)))
