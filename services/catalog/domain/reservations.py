"""Reservations: a developer holds a piece for their own approved visit or reception; the coordinator
hands it out and takes it back. A piece is never promised twice (the database decides, see handlers)."""
from datetime import timedelta

from kam.errors import Conflict, NotFound
from kam.workflow import Step, Workflow, owner, role
from services.catalog.terms import COORDINATOR, OVERDUE_AFTER_DAYS

RESERVATION = Workflow(
    Step("check_out", "reserved", "checked_out", by=role(COORDINATOR)),
    Step("check_in", "checked_out", "returned", by=role(COORDINATOR)),
    Step("cancel", "reserved", "cancelled", by=lambda actor, record: (
        owner("developer_id")(actor, record) or role(COORDINATOR, "manager")(actor, record))),
)
# What the piece becomes when its reservation takes each step.
PIECE_AFTER = {"check_out": "checked_out", "check_in": "in_stock", "cancel": "in_stock"}
PIECE_BEFORE = {"check_out": "reserved", "check_in": "checked_out", "cancel": "reserved"}
APPROVED = {"visit": ("approved",), "reception": ("approved",)}
OWNER_FIELD = {"visit": "visitor_id", "reception": "host_id"}
WHEN_FIELD = {"visit": "planned_at", "reception": "scheduled_at"}


def reservable_subject(subject_type, subject, actor):
    """Only the developer's own visit or reception: anyone else's does not exist to them (404); and only
    once it is approved (409)."""
    if subject.get(OWNER_FIELD[subject_type]) != actor.user_id:
        raise NotFound(f"no such {subject_type}")
    if subject["status"] not in APPROVED[subject_type]:
        raise Conflict(f"pieces are reserved for an approved {subject_type}", code="not_approved")
    return subject


def new_reservation(*, id, product_id, subject_type, subject, actor, now):
    at = subject.get(WHEN_FIELD[subject_type])
    return {"id": id, "product_id": product_id, "subject_type": subject_type, "subject_id": subject["id"],
            "customer_id": subject.get("customer_id"), "developer_id": actor.user_id, "status": "reserved",
            "subject_at": at, "due_back_at": due_back(at), "created_at": now, "updated_at": now}


def due_back(subject_at):
    """A piece goes back the day after its visit or reception."""
    return subject_at + timedelta(days=OVERDUE_AFTER_DAYS) if subject_at else None


def moved(reservation, action, actor, now):
    status = RESERVATION.target(reservation["status"], action)
    changes = {"status": status, "updated_at": now}
    if action == "check_out":
        changes.update(checked_out_at=now, checked_out_by=actor.user_id)
    if action == "check_in":
        changes.update(returned_at=now, returned_by=actor.user_id)
    if action == "cancel":
        changes.update(release_reason="cancelled")
    return changes


def is_overdue(reservation, now):
    """Still out a day after its visit, and not yet announced."""
    return (reservation["status"] == "checked_out" and reservation.get("overdue_at") is None
            and reservation.get("due_back_at") is not None and reservation["due_back_at"] <= now)


def may_be_sold_to(reservation, customer_id):
    """A held piece may be sold only to the customer it is held for."""
    return reservation is None or reservation.get("customer_id") == customer_id
