"""Work orders: take a step (recorded in the history), close the custom design's deal, attach pictures."""
import base64
import hashlib
from dataclasses import replace

from sqlalchemy import func, insert, select

from kam.db import new_id
from kam.errors import Invalid, NotFound
from kam.images import checked_image
from kam.images import thumbnail as thumbnail_of
from kam.records import load, save
from services.reception.contracts import DealClosed
from services.reception.domain.access import ensure_may, ensure_reader
from services.reception.domain.deals import close_deal
from services.reception.domain.tickets import SEEN, ServiceTicket, workflow_of
from services.reception.domain.work_orders import advance, advanced, customer_notice, history_row
from services.reception.handlers.deals import _insert as insert_deal
from services.reception.handlers.tickets import image_view, with_history
from services.reception.models import deals, service_tickets, ticket_images, ticket_steps
from services.reception.schemas import STEP_BODIES


def advance_work_order(uow, actor, now, *, ticket_id, action, data, customers):
    """One step of a custom design, repair or resale: checked, applied, recorded, announced."""
    body = _body_of(action, data)
    row = SEEN.load(uow.session, service_tickets, actor, ticket_id, lock=True)
    ensure_may(workflow_of(row["kind"]), actor, row, action)
    ticket = ServiceTicket(**row)
    step = advance(ticket, action, body, now)
    previous, ticket = ticket.status, replace(ticket, **step.changes)
    notice = None
    if step.status == "ready" and previous != "ready":
        notice = customer_notice(ticket.notify_channel, customers.customer_summary(ticket.customer_id))
    if action == "hand-over":
        step.changes["deal_id"] = ticket.deal_id = _close_design_deal(uow, ticket, now)
    save(uow.session, service_tickets, row, step.changes)
    uow.session.execute(insert(ticket_steps).values(**history_row(ticket.id, action, previous, step, actor, now)))
    uow.collect(advanced(ticket, action, previous, step, actor, now, notice))
    return with_history(uow.session, ticket, actor)


def _body_of(action, data):
    errors = STEP_BODIES[action]().validate(data)
    if errors:
        raise Invalid(f"the {action} step is missing what it needs", errors=errors)
    return STEP_BODIES[action]().load(data)


def _close_design_deal(uow, ticket, now):
    """The handed-over design is a deal for the quoted amount; its deposit was paid (and counted) before."""
    previous = uow.session.scalar(select(func.count()).select_from(deals)
                                  .where(deals.c.customer_id == ticket.customer_id))
    deal = close_deal(id=new_id(), customer={"id": ticket.customer_id, "owner_id": ticket.customer_owner_id},
                      seller_id=ticket.owner_id, previous_deals=previous, now=now, data={
                          "origin": {"type": "service_ticket", "id": ticket.id}, "discount": None,
                          "delivery": {"method": "pickup"},
                          "items": [{"sku": f"CUSTOM-{ticket.id[:12]}", "quantity": 1, "unit_price": ticket.quote,
                                     "description": (ticket.description or "私人定制")[:500]}]})
    insert_deal(uow.session, deal)
    closed = deal.closed()
    uow.collect(DealClosed.of({**closed.data, "prepaid": ticket.deposit_paid or 0}))
    return deal.id


def attach_image(uow, actor, now, *, ticket_id, upload, picture_files):
    """A design image or intake photo: JPEG or PNG by its bytes, at most 10 MB, kept with a thumbnail."""
    row = SEEN.load(uow.session, service_tickets, actor, ticket_id, lock=True)
    ensure_may(workflow_of(row["kind"]), actor, row, _any_action(row))
    content = base64.b64decode(upload["content_b64"])
    content_type, extension = checked_image(content)
    image_id = new_id()
    image = {"id": image_id, "ticket_id": ticket_id, "purpose": upload["purpose"],
             "filename": (upload.get("filename") or "")[:255] or None, "content_type": content_type,
             "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
             "stored_as": picture_files.save(ticket_id, f"{image_id}.{extension}", content),
             "thumbnail_as": picture_files.save(ticket_id, f"{image_id}.thumb.jpg", thumbnail_of(content)),
             "uploaded_by": actor.user_id, "created_at": now}
    uow.session.execute(insert(ticket_images).values(**image))
    return image_view(image)


def read_image(session, actor, now, *, ticket_id, image_id, thumbnail, picture_files):
    ensure_reader(actor)
    SEEN.load(session, service_tickets, actor, ticket_id)
    image = load(session, ticket_images, image_id, "picture")
    if image["ticket_id"] != ticket_id:
        raise NotFound("no such picture")
    content = picture_files.read(image["thumbnail_as"] if thumbnail else image["stored_as"])
    return {"id": image_id, "content_type": "image/jpeg" if thumbnail else image["content_type"],
            "content_b64": base64.b64encode(content).decode()}


def _any_action(row):
    """Pictures are added by whoever may work on the ticket (any of its workflow's steps)."""
    return workflow_of(row["kind"]).steps[0].action
