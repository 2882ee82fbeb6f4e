"""After-sales service tickets: open, start, resolve, read."""
from dataclasses import asdict

from sqlalchemy import insert, update

from kam.db import new_id
from services.reception.contracts import ServiceTicketOpened, ServiceTicketResolved
from services.reception.domain.tickets import ServiceTicket, open_ticket
from services.reception.domain.workflow import ensure_may_change, ensure_reader, ensure_visible
from services.reception.handlers.common import customer_of_caller, list_page, load_row
from services.reception.models import service_tickets

WHAT = "service ticket"
HANDLERS = ("developer", "manager", "coordinator")


def as_output(ticket):
    out = asdict(ticket)
    out.pop("customer_owner_id")
    return out


def create_ticket(uow, actor, now, customers, data):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    ticket = open_ticket(id=new_id(), customer=customer, owner_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(service_tickets).values(**asdict(ticket)))
    return _publish(uow, ticket, ServiceTicketOpened)


def start_ticket(uow, actor, now, ticket_id):
    ticket = _load_for_change(uow, actor, ticket_id)
    ticket.start(now)
    uow.session.execute(update(service_tickets).where(service_tickets.c.id == ticket.id).values(
        status=ticket.status, started_at=now, updated_at=now))
    uow.commit()
    return as_output(ticket)


def resolve_ticket(uow, actor, now, ticket_id, data):
    ticket = _load_for_change(uow, actor, ticket_id)
    ticket.resolve(data["resolution"], now)
    uow.session.execute(update(service_tickets).where(service_tickets.c.id == ticket.id).values(
        status=ticket.status, resolution=ticket.resolution, resolved_at=now, updated_at=now))
    return _publish(uow, ticket, ServiceTicketResolved)


def get_ticket(session, actor, ticket_id):
    ensure_reader(actor)
    ticket = ServiceTicket(**load_row(session, service_tickets, ticket_id, WHAT))
    ensure_visible(actor, ticket.owner_id, ticket.customer_owner_id, WHAT)
    return as_output(ticket)


def list_tickets(session, actor, args):
    return list_page(session, actor, service_tickets, owner_column=service_tickets.c.owner_id,
                     order_column=service_tickets.c.opened_at,
                     filters={name: args.get(name) for name in ("customer_id", "status", "kind")},
                     args=args, to_item=lambda row: as_output(ServiceTicket(**row)))


def _load_for_change(uow, actor, ticket_id):
    """Coordinators carry tickets through the other departments (workshop, appraisal), so they may too."""
    ticket = ServiceTicket(**load_row(uow.session, service_tickets, ticket_id, WHAT, for_update=True))
    ensure_may_change(actor, ticket.owner_id, ticket.customer_owner_id, WHAT, roles=HANDLERS)
    return ticket


def _publish(uow, ticket, contract):
    uow.publish(contract, {"ticket_id": ticket.id, "customer_id": ticket.customer_id,
                           "owner_id": ticket.owner_id, "kind": ticket.kind, "status": ticket.status})
    uow.commit()
    return as_output(ticket)
