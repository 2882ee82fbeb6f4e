"""The rules of an event's figures: who counts as invited, accepted and attended, which deals follow an
event, what it cost, and whose part a caller sees."""
from datetime import timedelta

from services.analytics.domain.figures import as_utc, money, return_on_spend
from services.analytics.terms import DAYS_AFTER_AN_EVENT, DEAL, EVENT_DEPARTMENT_READERS, EVENT_READERS


def event_scope(actor):
    """Whose guests and claims the caller sees: None for the department (managers, the analyst, the
    planner), else a developer's own customers and claims, as on every other figure."""
    actor.require_role(*EVENT_READERS)
    return None if actor.role in EVENT_DEPARTMENT_READERS else actor.user_id


def came(guest):
    return guest["attended_at"] is not None


def guest_counts(guests):
    """Every invitation is invited; a guest whose latest answer is yes, or who came, accepted; a guest who
    checked in attended."""
    return {"invited": len(guests),
            "accepted": sum(1 for guest in guests if came(guest) or guest["response"] == "accepted"),
            "attended": sum(1 for guest in guests if came(guest))}


def follows_the_event(ends_at, came_at, closed_at):
    """A deal follows an event when its customer closed it after coming to the event and no later than
    DAYS_AFTER_AN_EVENT days after the event ended."""
    return as_utc(came_at) <= as_utc(closed_at) <= as_utc(ends_at) + timedelta(days=DAYS_AFTER_AN_EVENT)


def deals_after(ends_at, guests, revenue_facts):
    """The deals (and the revenue: deals, and the custom centre's money) of the guests who came, in the
    window that follows the event: (count, revenue)."""
    arrived = {guest["customer_id"]: guest["attended_at"] for guest in guests if came(guest)}
    following = [fact for fact in revenue_facts if fact["customer_id"] in arrived
                 and follows_the_event(ends_at, arrived[fact["customer_id"]], fact["occurred_at"])]
    return (sum(1 for fact in following if fact["metric"] == DEAL),
            money(sum((money(fact["amount"]) for fact in following), money(0))))


def event_cost(claims):
    """What the event cost: its reimbursed claims (a claim only reaches analytics once reimbursed)."""
    return money(sum((money(claim["amount"]) for claim in claims), money(0)))


def event_figures(event, guests, revenue_facts, claims):
    deals, revenue = deals_after(event["ends_at"], guests, revenue_facts)
    return {"event_id": event["event_id"], **guest_counts(guests), "cost": event_cost(claims),
            "deals_after": deals, "revenue_after": revenue}


def listed(event, figures):
    """A row of the events list: the figures with what names the event, and revenue per yuan spent."""
    return {**figures, "title": event["title"], "kind": event["kind"], "status": event["status"],
            "starts_at": as_utc(event["starts_at"]), "ends_at": as_utc(event["ends_at"]),
            "return_on_spend": return_on_spend(figures["revenue_after"], figures["cost"])}
