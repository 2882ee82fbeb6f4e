"""What the events service's facts add to the event figures: the event itself, each invitation's
answer and attendance, and attendance as a fact counted for the guest's owner.

Order-tolerant like every projection: an event's latest own fact sets its status, an invitation's
latest answer wins, and the first check-in is when the guest came.
"""
from services.analytics.domain.changes import EventSeen, Fact, GuestChange, Projection
from services.analytics.terms import EVENT_ATTENDED, EVENT_STATUS_AFTER


def _described(data):
    return {name: data[name] for name in ("title", "kind", "starts_at", "ends_at") if name in data}


def _event_moved(event_type):
    def project(data, at):
        values = {**_described(data), "planner_id": data["planner_id"]}
        return Projection(events=[EventSeen(data["event_id"], at, values, EVENT_STATUS_AFTER[event_type])])

    return project


def _guest(data, **values):
    return GuestChange(data["invitation_id"], data["event_id"], data["customer_id"], data.get("owner_id"), values)


def _invitation_sent(data, at):
    """The invitation describes its event too, so a guest never waits for an event not yet seen."""
    return Projection(guests=[_guest(data, invited_at=at)],
                      events=[EventSeen(data["event_id"], at, _described(data))])


def _invitation_answered(data, at):
    return Projection(guests=[_guest(data, response=data["response"], responded_at=at)])


def _guest_checked_in(data, at):
    """Attendance: the guest came, and it counts for the guest's owner (their events attended)."""
    came = data["checked_in_at"]
    return Projection(guests=[_guest(data, attended_at=came)],
                      facts=[Fact(EVENT_ATTENDED, data["invitation_id"], data["customer_id"], data.get("owner_id"),
                                  came)])


EVENT_PROJECTORS = {
    **{event_type: _event_moved(event_type) for event_type in EVENT_STATUS_AFTER},
    "invitation.sent": _invitation_sent,
    "invitation.answered": _invitation_answered,
    "guest.checked_in": _guest_checked_in,
}
