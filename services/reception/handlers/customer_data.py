"""PIPL: everything the service holds on one customer, and its erasure (free text and addresses go,
statuses, dates and amounts stay as anonymous figures)."""
from sqlalchemy import select, update

from kam.privacy import erase_customer_events
from services.reception.domain import receptions as reception_domain
from services.reception.domain import return_visits as return_visit_domain
from services.reception.domain import tickets as ticket_domain
from services.reception.domain.access import ensure_reader
from services.reception.handlers import deals as deal_cases
from services.reception.handlers import receptions as reception_cases
from services.reception.handlers import tickets as ticket_cases
from services.reception.models import deals, metadata, receptions, return_visits, service_tickets


def export_customer(session, actor, now, *, customer_id):
    ensure_reader(actor)

    def rows(table, seen):
        query = select(table).where(table.c.customer_id == customer_id, seen.where(actor, table))
        return session.execute(query).mappings().all()

    return {
        "receptions": [reception_cases.as_output(reception_domain.Reception(**row), actor)
                       for row in rows(receptions, reception_domain.SEEN)],
        "deals": deal_cases.deals_of_customer(session, actor, customer_id),
        "service_tickets": [ticket_cases.as_output(ticket_domain.ServiceTicket(**row), actor)
                            for row in rows(service_tickets, ticket_domain.SEEN)],
        "return_visits": [dict(row) for row in rows(return_visits, return_visit_domain.SEEN)],
    }


def erase_customer(uow, event):
    customer_id = event["data"]["customer_id"]
    session = uow.session
    for reception in session.execute(select(receptions.c.id, receptions.c.report, receptions.c.arrangements)
                                     .where(receptions.c.customer_id == customer_id)).mappings().all():
        report = reception["report"] and {"outcome": reception["report"].get("outcome"),
                                          "experience": None, "products_viewed": [], "notes": None}
        arrangements = {**(reception["arrangements"] or {}), "note": None}
        session.execute(update(receptions).where(receptions.c.id == reception["id"])
                        .values(needs=None, reason=None, report=report, arrangements=arrangements))
    session.execute(update(deals).where(deals.c.customer_id == customer_id).values(delivery_address=None))
    session.execute(update(service_tickets).where(service_tickets.c.customer_id == customer_id).values(
        description=None, piece=None, intake_notes=None, resolution=None))
    session.execute(update(return_visits).where(return_visits.c.customer_id == customer_id).values(
        content=None, feedback=None, next_steps=None))
    erase_customer_events(session, metadata, customer_id)
    uow.commit()
