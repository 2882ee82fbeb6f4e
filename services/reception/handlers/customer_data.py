"""PIPL: everything the service holds on one customer, and its erasure (free text and addresses go,
statuses, dates and amounts stay as anonymous figures)."""
from sqlalchemy import select, update

from services.reception.domain.receptions import Reception
from services.reception.domain.return_visits import ReturnVisit
from services.reception.domain.tickets import ServiceTicket
from services.reception.domain.workflow import ensure_reader
from services.reception.handlers import deals as deal_cases
from services.reception.handlers import receptions as reception_cases
from services.reception.handlers import return_visits as return_visit_cases
from services.reception.handlers import tickets as ticket_cases
from services.reception.handlers.common import visible_rows
from services.reception.models import deals, receptions, return_visits, service_tickets


def export_customer(session, actor, customer_id):
    ensure_reader(actor)

    def rows(table, owner_column, entity, as_output):
        query = select(table).where(table.c.customer_id == customer_id,
                                    visible_rows(actor, table, owner_column))
        return [as_output(entity(**row)) for row in session.execute(query).mappings()]

    return {
        "receptions": rows(receptions, receptions.c.host_id, Reception, reception_cases.as_output),
        "deals": deal_cases.deals_of_customer(session, customer_id,
                                              visible_rows(actor, deals, deals.c.seller_id)),
        "service_tickets": rows(service_tickets, service_tickets.c.owner_id, ServiceTicket,
                                ticket_cases.as_output),
        "return_visits": rows(return_visits, return_visits.c.developer_id, ReturnVisit,
                              return_visit_cases.as_output),
    }


def erase_customer(uow, event):
    customer_id = event["data"]["customer_id"]
    session = uow.session
    for reception in session.execute(select(receptions.c.id, receptions.c.report)
                                     .where(receptions.c.customer_id == customer_id)).mappings().all():
        report = reception["report"] and {"outcome": reception["report"].get("outcome"),
                                          "experience": None, "products_viewed": [], "notes": None}
        session.execute(update(receptions).where(receptions.c.id == reception["id"])
                        .values(needs=None, reason=None, report=report))
    session.execute(update(deals).where(deals.c.customer_id == customer_id).values(delivery_address=None))
    session.execute(update(service_tickets).where(service_tickets.c.customer_id == customer_id).values(
        description=None, piece=None, intake_notes=None, resolution=None))
    session.execute(update(return_visits).where(return_visits.c.customer_id == customer_id).values(
        content=None, feedback=None, next_steps=None))
    uow.commit()

