"""After-sales service tickets: open, start, resolve, read."""
from dataclasses import asdict

from sqlalchemy import insert

from kam.db import new_id
from kam.records import save
from services.reception.domain.access import ensure_may, ensure_reader
from services.reception.domain.tickets import SEEN, WORKFLOW, ServiceTicket, open_ticket
from services.reception.handlers.common import customer_of_caller, list_page
from services.reception.models import service_tickets


def as_output(ticket, actor):
    out = asdict(ticket)
    out["actions"] = WORKFLOW.actions(actor, out)
    return out


def create_ticket(uow, actor, now, *, data, customers):
    customer = customer_of_caller(customers, actor, data["customer_id"])
    ticket = open_ticket(id=new_id(), customer=customer, owner_id=actor.user_id, data=data, now=now)
    uow.session.execute(insert(service_tickets).values(**asdict(ticket)))
    uow.collect(ticket.opened())
    return as_output(ticket, actor)


def start_ticket(uow, actor, now, *, ticket_id):
    ticket = _load_for_change(uow, actor, ticket_id, "start")
    ticket.start(now)
    save(uow.session, service_tickets, {"id": ticket.id}, {"status": ticket.status, "started_at": now,
                                                          "updated_at": now})
    return as_output(ticket, actor)


def resolve_ticket(uow, actor, now, *, ticket_id, data):
    ticket = _load_for_change(uow, actor, ticket_id, "resolve")
    uow.collect(ticket.resolve(data["resolution"], now))
    save(uow.session, service_tickets, {"id": ticket.id}, {"status": ticket.status, "resolution": ticket.resolution,
                                                          "resolved_at": now, "updated_at": now})
    return as_output(ticket, actor)


def get_ticket(session, actor, now, *, ticket_id):
    ensure_reader(actor)
    return as_output(ServiceTicket(**SEEN.load(session, service_tickets, actor, ticket_id)), actor)


def list_tickets(session, actor, now, *, args):
    return list_page(session, actor, service_tickets, SEEN, order_column=service_tickets.c.opened_at,
                     filters={name: args.get(name) for name in ("customer_id", "status", "kind")},
                     args=args, to_item=lambda row: as_output(ServiceTicket(**row), actor))


def _load_for_change(uow, actor, ticket_id, action):
    row = SEEN.load(uow.session, service_tickets, actor, ticket_id, lock=True)
    ensure_may(WORKFLOW, actor, row, action)
    return ServiceTicket(**row)
