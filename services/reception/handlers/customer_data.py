"""PIPL: everything the service holds on one customer, and its erasure (free text and addresses go,
statuses, dates and amounts stay as anonymous figures)."""
from sqlalchemy import delete, select, update

from kam.privacy import erase_customer_events
from services.reception.domain import receptions as reception_domain
from services.reception.domain import return_visits as return_visit_domain
from services.reception.domain import tickets as ticket_domain
from services.reception.domain.access import ensure_reader
from services.reception.handlers import deals as deal_cases
from services.reception.handlers import receptions as reception_cases
from services.reception.handlers import tickets as ticket_cases
from services.reception.models import (
    deals,
    metadata,
    receptions,
    return_visits,
    service_tickets,
    ticket_images,
    ticket_steps,
)

FREE_TEXT_FIGURES = ("note", "resolution")


def export_customer(session, actor, now, *, customer_id):
    ensure_reader(actor)

    def rows(table, seen):
        query = select(table).where(table.c.customer_id == customer_id, seen.where(actor, table))
        return session.execute(query).mappings().all()

    return {
        "receptions": [reception_cases.as_output(reception_domain.Reception(**row), actor)
                       for row in rows(receptions, reception_domain.SEEN)],
        "deals": deal_cases.deals_of_customer(session, actor, customer_id),
        "service_tickets": [ticket_cases.with_history(session, ticket_domain.ServiceTicket(**row), actor)
                            for row in rows(service_tickets, ticket_domain.SEEN)],
        "return_visits": [dict(row) for row in rows(return_visits, return_visit_domain.SEEN)],
    }


def _erased_report(report):
    return {"outcome": report.get("outcome"), "experience": None, "products_viewed": [], "notes": None}


def erase_customer(uow, event, picture_files=None):
    customer_id = event["data"]["customer_id"]
    session = uow.session
    _erase_work_orders(session, customer_id, picture_files)
    for reception in session.execute(select(receptions.c.id, receptions.c.report, receptions.c.arrangements,
                                            receptions.c.versions)
                                     .where(receptions.c.customer_id == customer_id)).mappings().all():
        report = reception["report"] and _erased_report(reception["report"])
        versions = [{**_erased_report(kept), "version": kept["version"], "at": kept["at"], "by": kept["by"],
                     "review": kept["review"] and {**kept["review"], "comment": None}}
                    for kept in reception["versions"] or []]
        arrangements = {**(reception["arrangements"] or {}), "note": None}
        session.execute(update(receptions).where(receptions.c.id == reception["id"])
                        .values(needs=None, reason=None, report=report, arrangements=arrangements, versions=versions,
                                review_comment=None))
    session.execute(update(deals).where(deals.c.customer_id == customer_id).values(delivery_address=None))
    session.execute(update(service_tickets).where(service_tickets.c.customer_id == customer_id).values(
        description=None, piece=None, intake_notes=None, resolution=None))
    session.execute(update(return_visits).where(return_visits.c.customer_id == customer_id).values(
        content=None, feedback=None, next_steps=None))
    erase_customer_events(session, metadata, customer_id)
    uow.commit()


def _erase_work_orders(session, customer_id, picture_files):
    """The pieces' pictures go, and the free text of every step; the steps' figures stay."""
    ticket_ids = list(session.scalars(select(service_tickets.c.id).where(service_tickets.c.customer_id == customer_id)))
    if not ticket_ids:
        return
    for step in session.execute(select(ticket_steps.c.id, ticket_steps.c.figures)
                                .where(ticket_steps.c.ticket_id.in_(ticket_ids))).mappings().all():
        kept = {k: v for k, v in (step["figures"] or {}).items() if k not in FREE_TEXT_FIGURES}
        session.execute(update(ticket_steps).where(ticket_steps.c.id == step["id"]).values(figures=kept))
    session.execute(delete(ticket_images).where(ticket_images.c.ticket_id.in_(ticket_ids)))
    if picture_files is not None:
        for ticket_id in ticket_ids:
            picture_files.delete_folder(ticket_id)
