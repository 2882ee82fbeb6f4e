"""PIPL: everything held on a customer, and its erasure (names and free text go, figures stay)."""
from sqlalchemy import delete, select, update

from kam.privacy import erase_customer_events
from services.visits.domain import visits as rules
from services.visits.handlers.claims import claims_out
from services.visits.handlers.visits import visit_out
from services.visits.models import (
    claim_items,
    claims,
    metadata,
    receipts,
    visit_advice,
    visit_support,
    visits,
)


def export_customer(session, actor, now, *, customer_id):
    actor.require_role("manager", "developer")
    held = session.execute(select(visits).where(visits.c.customer_id == customer_id)
                           .order_by(visits.c.created_at)).mappings().all()
    if actor.role == "developer":
        held = [row for row in held if row["visitor_id"] == actor.user_id]
    visit_ids = [row["id"] for row in held]
    advice = session.execute(select(visit_advice).where(visit_advice.c.visit_id.in_(visit_ids))
                             .order_by(visit_advice.c.created_at)).mappings().all()
    claim_query = select(claims).where(claims.c.customer_id == customer_id).order_by(claims.c.created_at)
    if actor.role == "developer":
        claim_query = claim_query.where(claims.c.claimant_id == actor.user_id)
    return {
        "visits": [visit_out(row, actor) for row in held],
        "visit_advice": [dict(row) for row in advice],
        "visit_support": [dict(row) for row in session.execute(select(visit_support).where(
            visit_support.c.visit_id.in_(visit_ids)).order_by(visit_support.c.added_at)).mappings()],
        "expense_claims": claims_out(session, [dict(row) for row in session.execute(claim_query).mappings()], actor),
    }


def erase_customer(uow, event, receipt_files):
    """Receipts go whole (a scan shows names, addresses, cards); the database rows first, the files once
    that has committed, so a failed erasure never leaves rows pointing at missing files."""
    customer_id = event["data"]["customer_id"]
    held = uow.session.execute(select(visits).where(visits.c.customer_id == customer_id)).mappings().all()
    for visit in held:
        uow.session.execute(update(visits).where(visits.c.id == visit["id"]).values(**rules.erased_visit(visit)))
    visit_ids = [visit["id"] for visit in held]
    if visit_ids:
        uow.session.execute(update(visit_advice).where(visit_advice.c.visit_id.in_(visit_ids)).values(text=None))
        uow.session.execute(update(visit_support).where(visit_support.c.visit_id.in_(visit_ids)).values(note=None))
    claim_ids = select(claims.c.id).where(claims.c.customer_id == customer_id).scalar_subquery()
    uow.session.execute(update(claim_items).where(claim_items.c.claim_id.in_(claim_ids)).values(note=None))
    uow.session.execute(update(claims).where(claims.c.customer_id == customer_id)
                        .values(reason=None, override_reason=None))
    files = uow.session.scalars(select(receipts.c.stored_as).where(receipts.c.claim_id.in_(claim_ids))).all()
    uow.session.execute(delete(receipts).where(receipts.c.claim_id.in_(claim_ids)))
    erase_customer_events(uow.session, metadata, customer_id)
    uow.commit()
    for stored_as in files:
        receipt_files.delete(stored_as)
