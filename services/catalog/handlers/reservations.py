"""Reservations: reserve a piece for a visit or reception, hand it out, take it back, cancel; released
when their visit or reception is rejected or their customer erased; announced when overdue."""
from sqlalchemy import and_, insert, select, true, update

from kam.db import new_id
from kam.errors import Conflict, Forbidden, NotFound
from kam.pagination import keyset_page
from kam.records import load, save
from services.catalog.contracts import ReservationOverdue, ReservationReturned
from services.catalog.domain import reservations as rules
from services.catalog.domain.products import ensure_reader
from services.catalog.models import products, reservations
from services.catalog.terms import HELD


def reservation_out(row, actor, now):
    reservation = dict(row)
    return {**reservation, "subject": {"type": reservation["subject_type"], "id": reservation["subject_id"]},
            "overdue": reservation["status"] == "checked_out" and bool(
                reservation.get("due_back_at") and reservation["due_back_at"] <= now),
            "actions": rules.RESERVATION.actions(actor, reservation)}


def _joined():
    return select(reservations, products.c.sku, products.c.name).join(
        products, products.c.id == reservations.c.product_id)


def _load(session, reservation_id, lock=False):
    query = _joined().where(reservations.c.id == reservation_id)
    row = session.execute(query.with_for_update(of=reservations) if lock else query).mappings().first()
    if row is None:
        raise NotFound("no such reservation")
    return dict(row)


def move_piece(session, product_id, source, target, now):
    """A conditional update: the piece moves only from the status named, so of two callers at once exactly
    one changes it (its row count is 1, the other's 0)."""
    moved = session.execute(update(products).where(
        products.c.id == product_id, products.c.tracking == "piece", products.c.status == source)
        .values(status=target, updated_at=now))
    return moved.rowcount == 1


def _subject(subject_type, subject_id, visits, reception):
    if subject_type == "visit":
        return visits.get_visit(subject_id)
    return reception.get_reception(subject_id)


def reserve_piece(uow, actor, now, *, data, visits, reception):
    actor.require_role("developer")
    subject_type, subject_id = data["subject"]["type"], data["subject"]["id"]
    subject = rules.reservable_subject(subject_type, _subject(subject_type, subject_id, visits, reception), actor)
    load(uow.session, products, data["product_id"], "product")
    if not move_piece(uow.session, data["product_id"], "in_stock", "reserved", now):
        raise Conflict("the piece is not available", code="not_available")
    reservation = rules.new_reservation(id=new_id(), product_id=data["product_id"], subject_type=subject_type,
                                        subject=subject, actor=actor, now=now)
    uow.session.execute(insert(reservations).values(**reservation))
    return reservation_out(_load(uow.session, reservation["id"]), actor, now)


def _step(uow, actor, now, reservation_id, action):
    reservation = _seen(_load(uow.session, reservation_id, lock=True), actor)
    rules.RESERVATION.target(reservation["status"], action)  # a step out of order: 409
    if action not in rules.RESERVATION.actions(actor, reservation):
        raise Forbidden(f"role {actor.role!r} may not do this", code="forbidden")
    changes = rules.moved(reservation, action, actor, now)
    if not move_piece(uow.session, reservation["product_id"], rules.PIECE_BEFORE[action],
                      rules.PIECE_AFTER[action], now):
        raise Conflict("the piece is not where its reservation says", code="not_available")
    reservation = save(uow.session, reservations, reservation, changes)
    if action == "check_in":
        uow.collect(ReservationReturned.of(_event(reservation)))
    return reservation_out(reservation, actor, now)


def check_out(uow, actor, now, *, reservation_id):
    return _step(uow, actor, now, reservation_id, "check_out")


def check_in(uow, actor, now, *, reservation_id):
    return _step(uow, actor, now, reservation_id, "check_in")


def cancel_reservation(uow, actor, now, *, reservation_id):
    return _step(uow, actor, now, reservation_id, "cancel")


def _seen(reservation, actor):
    """A developer sees their own reservations only; anyone else's is 404 to them."""
    if actor.role == "developer" and reservation["developer_id"] != actor.user_id:
        raise NotFound("no such reservation")
    return reservation


def _visible(actor, table):
    return table.c.developer_id == actor.user_id if actor.role == "developer" else true()


def get_reservation(session, actor, now, *, reservation_id):
    ensure_reader(actor)
    return reservation_out(_seen(_load(session, reservation_id), actor), actor, now)


def list_reservations(session, actor, now, *, args):
    """A developer's own; the coordinator's (and everyone else's who keeps stock) all."""
    ensure_reader(actor)
    query = _joined().where(_visible(actor, reservations))
    for name, column in (("status", "status"), ("product_id", "product_id"), ("for_type", "subject_type"),
                         ("for_id", "subject_id")):
        if args.get(name):
            query = query.where(reservations.c[column] == args[name])
    return keyset_page(session, query, [reservations.c.created_at, reservations.c.id], args.get("limit"),
                       args.get("cursor"), row_to_item=lambda row: reservation_out(row, actor, now))


def held_for(session, subject_type, subject_id):
    return [dict(row) for row in session.execute(_joined().where(
        reservations.c.subject_type == subject_type, reservations.c.subject_id == subject_id,
        reservations.c.status.in_(HELD)).order_by(reservations.c.created_at)).mappings()]


def release_reserved(uow, now, condition, reason):
    """Reservations not yet handed out let their pieces go back in stock; pieces already out come back
    through the coordinator's check-in."""
    rows = uow.session.execute(select(reservations).where(condition, reservations.c.status == "reserved")
                               .with_for_update()).mappings().all()
    for row in rows:
        uow.session.execute(update(reservations).where(reservations.c.id == row["id"]).values(
            status="cancelled", release_reason=reason, updated_at=now))
        move_piece(uow.session, row["product_id"], "reserved", "in_stock", now)
    return len(rows)


def release_for_subject(uow, now, subject_type, subject_id):
    return release_reserved(uow, now, and_(reservations.c.subject_type == subject_type,
                                           reservations.c.subject_id == subject_id), f"{subject_type}_rejected")


def release_for_erased_customer(uow, now, customer_id):
    released = release_reserved(uow, now, reservations.c.customer_id == customer_id, "customer_erased")
    uow.session.execute(update(reservations).where(reservations.c.customer_id == customer_id)
                        .values(customer_id=None))
    return released


def announce_overdue(uow, now):
    """Each piece still out a day after its visit is announced once, whichever instance gets there first."""
    due = uow.session.execute(_joined().where(reservations.c.status == "checked_out",
                                              reservations.c.overdue_at.is_(None),
                                              reservations.c.due_back_at <= now)).mappings().all()
    announced = 0
    for row in due:
        claimed = uow.session.execute(update(reservations).where(
            reservations.c.id == row["id"], reservations.c.overdue_at.is_(None)).values(overdue_at=now))
        if claimed.rowcount == 1 and rules.is_overdue(dict(row), now):
            uow.collect(ReservationOverdue.of({**_event(dict(row)), "due_back_at": row["due_back_at"]}))
            announced += 1
    return announced


def _event(reservation):
    return {**reservation, "reservation_id": reservation["id"],
            "subject": {"type": reservation["subject_type"], "id": reservation["subject_id"]}}


def transfer_customer(uow, transfer):
    """客户移交: a reservation still held (reserved or checked out) goes with its visit or reception to the
    customer's new owner; one returned, cancelled or sold keeps who made it."""
    uow.session.execute(update(reservations).where(
        reservations.c.customer_id == transfer["customer_id"], reservations.c.developer_id == transfer["from_owner_id"],
        reservations.c.status.in_(HELD)).values(developer_id=transfer["to_owner_id"]))
