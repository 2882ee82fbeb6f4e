"""The coordinator's view: approved visits and receptions of the coming days, with their logistics.

Receptions come from reception's events, kept here as a read model; those events carry the party size
but no arrangements (car, gifts), so a reception's line shows what is known."""
from datetime import timedelta

from sqlalchemy import select

from services.visits.domain.check_in import today
from services.visits.models import receptions, visits


def list_logistics(session, actor, now, *, days):
    actor.require_role("coordinator", "manager")
    until = now + timedelta(days=days)
    planned = session.execute(select(visits).where(
        visits.c.status == "approved", visits.c.planned_at >= now, visits.c.planned_at < until)).mappings().all()
    hosted = session.execute(select(receptions).where(
        receptions.c.status == "approved", receptions.c.scheduled_at >= now,
        receptions.c.scheduled_at < until)).mappings().all()
    items = [_visit_line(row) for row in planned] + [_reception_line(row) for row in hosted]
    items.sort(key=lambda item: (item["at"], item["id"]))
    return {"days": days, "items": items, "checked_in": checked_in_today(session, now), "next_cursor": None}


def checked_in_today(session, now):
    """Who is where today: the visits checked in during the department's day, latest first."""
    start, end = today(now)
    found = session.execute(select(visits).where(visits.c.checked_in_at >= start, visits.c.checked_in_at < end)
                            .order_by(visits.c.checked_in_at.desc(), visits.c.id)).mappings()
    return [{"visit_id": row["id"], "visitor_id": row["visitor_id"], "customer_id": row["customer_id"],
             "customer_name": row["customer_name"], "status": row["status"], "at": row["checked_in_at"],
             "place": row["check_in_place"], "location": row["check_in_location"]} for row in found]


def _visit_line(visit):
    transport = visit["preparation"].get("transport") or {}
    people = [visit["visitor_id"], *visit["companions"]]
    return {"type": "visit", "id": visit["id"], "customer_id": visit["customer_id"],
            "customer_name": visit["customer_name"], "at": visit["planned_at"], "place": visit["place"],
            "method": visit["method"], "transport": transport, "company_car": bool(transport.get("company_car")),
            "gift": visit["preparation"].get("gift"), "party_size": len(people), "people": people,
            "lead_id": visit["visitor_id"]}


def _reception_line(reception):
    return {"type": "reception", "id": reception["reception_id"], "customer_id": reception["customer_id"],
            "customer_name": None, "at": reception["scheduled_at"], "place": None, "method": "in_person",
            "transport": None, "company_car": None, "gift": None, "party_size": reception["party_size"],
            "people": [reception["host_id"]] if reception["host_id"] else [], "lead_id": reception["host_id"]}


def note_reception_approved(uow, event, now):
    data = event["data"]
    values = {"customer_id": data["customer_id"], "host_id": data.get("host_id"), "status": "approved",
              "scheduled_at": data["scheduled_at"], "party_size": data.get("party_size"),
              "funded_amount": data.get("funded_amount"), "updated_at": now}
    known = uow.session.execute(select(receptions.c.status).where(
        receptions.c.reception_id == data["reception_id"])).scalar()
    if known is None:
        uow.session.execute(receptions.insert().values(reception_id=data["reception_id"], **values))
    elif known == "approved":
        uow.session.execute(receptions.update().where(receptions.c.reception_id == data["reception_id"])
                            .values(**values))


def note_reception_reported(uow, event, now):
    """A reported reception leaves the view; a report seen before its approval is remembered as such."""
    data = event["data"]
    moved = uow.session.execute(receptions.update().where(receptions.c.reception_id == data["reception_id"])
                                .values(status="reported", updated_at=now)).rowcount
    if not moved:
        uow.session.execute(receptions.insert().values(
            reception_id=data["reception_id"], customer_id=data["customer_id"], status="reported",
            scheduled_at=data["reported_at"], updated_at=now))
