"""签到: the visitor checks in on an approved visit with the time, the place and, if the iPad's browser
gave it, the location. The record form then takes the visit's time from the check-in."""
from datetime import datetime, time, timedelta

from kam.errors import Invalid, InvalidTransition
from services.visits.terms import BUSINESS_TZ, CHECK_IN_LEEWAY


def may_check_in(actor, visit):
    return actor.user_id is not None and visit.get("visitor_id") == actor.user_id and visit.get("checked_in_at") is None


def check_in(visit, data, now):
    """Once, on an approved visit; not ahead of the clock (a minute's leeway for the iPad's clock)."""
    if visit["status"] != "approved":
        raise InvalidTransition(f"cannot check in a record that is {visit['status']}")
    if visit.get("checked_in_at") is not None:
        raise InvalidTransition("the visit was checked in already")
    at = data.get("at") or now
    if at > now + CHECK_IN_LEEWAY:
        raise Invalid("a check-in is made on arrival", errors={"at": ["must not be in the future"]})
    location = data.get("location")
    return {"checked_in_at": at, "check_in_place": (data.get("place") or "").strip() or visit.get("place"),
            "check_in_location": dict(location) if location else None, "updated_at": now}


def check_in_of(visit):
    if visit.get("checked_in_at") is None:
        return None
    return {"at": visit["checked_in_at"], "place": visit.get("check_in_place"), "location": visit.get("check_in_location")}


def record_form(visit, form):
    """The record form's time and place default to the check-in's; without either, the time is required."""
    occurred_at = form.get("occurred_at") or visit.get("checked_in_at")
    if occurred_at is None:
        raise Invalid("when did the visit happen", errors={"occurred_at": ["required unless the visit was checked in"]})
    return {**form, "occurred_at": occurred_at, "place": form.get("place") or visit.get("check_in_place")}


def today(now):
    """The department's day around `now`, as UTC bounds."""
    start = datetime.combine(now.astimezone(BUSINESS_TZ).date(), time(), tzinfo=BUSINESS_TZ)
    return start, start + timedelta(days=1)
