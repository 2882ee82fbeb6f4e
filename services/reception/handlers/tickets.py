"""After-sales service tickets: open, start, resolve, read (work orders' steps: handlers/work_orders.py)."""
from dataclasses import asdict

from sqlalchemy import insert, select

from kam.db import new_id
from kam.records import save
from services.reception.domain.access import ensure_may, ensure_reader
from services.reception.domain.money import balance_due
from services.reception.domain.tickets import SEEN, WORKFLOW, ServiceTicket, open_ticket, workflow_of
from services.reception.handlers.common import customer_of_caller, list_page
from services.reception.models import service_tickets, ticket_images, ticket_steps


def as_output(ticket, actor):
    out = asdict(ticket)
    if ticket.quote is not None:
        out["balance_due"] = balance_due(ticket.quote, ticket.deposit_paid)
    out["actions"] = workflow_of(ticket.kind).actions(actor, out)
    return out


def with_history(session, ticket, actor):
    """The ticket with every step it took (who, when, its figures) and its pictures."""
    steps = session.execute(select(ticket_steps).where(ticket_steps.c.ticket_id == ticket.id)
                            .order_by(ticket_steps.c.at, ticket_steps.c.id)).mappings()
    images = session.execute(select(ticket_images).where(ticket_images.c.ticket_id == ticket.id)
                             .order_by(ticket_images.c.created_at, ticket_images.c.id)).mappings()
    return {**as_output(ticket, actor), "history": [dict(step) for step in steps],
            "images": [image_view(image) for image in images]}


def image_view(image):
    url = f"/api/service-tickets/{image['ticket_id']}/images/{image['id']}"
    return {**image, "url": url, "thumbnail_url": f"{url}/thumbnail"}


def record_step(session, ticket, action, previous, actor, now, figures=None):
    session.execute(insert(ticket_steps).values(
        ticket_id=ticket.id, action=action, from_status=previous, to_status=ticket.status, by=actor.user_id,
        by_role=actor.role, at=now, figures=figures or {}))


def create_ticket(uow, actor, now, *, data, customers):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    ticket = open_ticket(id=new_id(), customer=customer, owner_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(service_tickets).values(**asdict(ticket)))
    record_step(uow.session, ticket, "open", "", actor, now,
                {"valuation": str(ticket.valuation)} if ticket.valuation is not None else {})
    uow.collect(ticket.opened())
    return with_history(uow.session, ticket, actor)


def start_ticket(uow, actor, now, *, ticket_id):
    ticket = _load_for_change(uow, actor, ticket_id, "start")
    ticket.start(now)
    save(uow.session, service_tickets, {"id": ticket.id}, {"status": ticket.status, "started_at": now,
                                                          "updated_at": now})
    record_step(uow.session, ticket, "start", "open", actor, now)
    return with_history(uow.session, ticket, actor)


def resolve_ticket(uow, actor, now, *, ticket_id, data):
    ticket = _load_for_change(uow, actor, ticket_id, "resolve")
    uow.collect(ticket.resolve(data["resolution"], now))
    save(uow.session, service_tickets, {"id": ticket.id}, {"status": ticket.status, "resolution": ticket.resolution,
                                                          "resolved_at": now, "updated_at": now})
    record_step(uow.session, ticket, "resolve", "in_progress", actor, now, {"resolution": ticket.resolution})
    return with_history(uow.session, ticket, actor)


def get_ticket(session, actor, now, *, ticket_id):
    ensure_reader(actor)
    return with_history(session, ServiceTicket(**SEEN.load(session, service_tickets, actor, ticket_id)), actor)


def list_tickets(session, actor, now, *, args):
    return list_page(session, actor, service_tickets, SEEN, order_column=service_tickets.c.opened_at,
                     filters={name: args.get(name) for name in ("customer_id", "status", "kind")},
                     args=args, to_item=lambda row: as_output(ServiceTicket(**row), actor))


def _load_for_change(uow, actor, ticket_id, action):
    row = SEEN.load(uow.session, service_tickets, actor, ticket_id, lock=True)
    ensure_may(WORKFLOW, actor, row, action)
    return ServiceTicket(**row)
