"""Invitations (邀约): who is invited, their answer, the door. Seats are counted by the database."""
from kam.errors import Conflict, InvalidTransition, NotFound
from kam.records import Visibility
from kam.workflow import Step, Workflow, owner, role
from services.events.contracts import GuestCheckedIn, GuestNoShow, InvitationAnswered, InvitationSent
from services.events.domain.events import has_ended, is_open
from services.events.terms import RUNNER_ROLES


def _answers(actor, invitation):
    """The planner and managers record a guest's answer, and so does the developer who owns the guest."""
    return role(*RUNNER_ROLES)(actor, invitation) or owner("customer_owner_id")(actor, invitation)


WORKFLOW = Workflow(
    Step("accept", ("invited", "declined"), "accepted", by=_answers),
    Step("decline", ("invited", "accepted"), "declined", by=_answers),
    Step("check_in", ("invited", "accepted"), "attended", by=role(*RUNNER_ROLES)),
    Step("no_show", "accepted", "no_show", by=role(*RUNNER_ROLES)),
)
SEEN = Visibility("invitation", everyone=("planner", "manager", "coordinator", "analyst"),
                  owners=("customer_owner_id",))
ACTION_OF_RESPONSE = {"accepted": "accept", "declined": "decline"}
HOLDS_A_SEAT = ("accepted", "attended")


def actions(actor, invitation, event, now):
    """What the caller may do on the invitation now: answers before the end, the door while it is open."""
    if event["status"] != "approved":
        return []
    ended, door_open = has_ended(event, now), is_open(event, now)
    return [action for action in WORKFLOW.actions(actor, invitation)
            if (action in ("accept", "decline") and not ended) or (action == "check_in" and door_open)]


def choose_guests(candidates, already_invited, actor):
    """Who of `candidates` is invited now, and who is skipped and why. Nobody is invited twice, a customer
    who opted out of outreach is not invited, and a developer invites only their own customers (anyone
    else's is, to them, no customer at all)."""
    invited, skipped, seen = [], [], set(already_invited)
    for customer in candidates:
        if actor.role == "developer" and customer.get("owner_id") != actor.user_id:
            raise NotFound("no such customer")
        if customer["id"] in seen:
            skipped.append({"customer_id": customer["id"], "reason": "already_invited"})
        elif customer.get("outreach_opt_out"):
            skipped.append({"customer_id": customer["id"], "reason": "opted_out"})
        else:
            invited.append(customer)
        seen.add(customer["id"])
    return invited, skipped


def new_invitation(*, id, event, customer, invited_by, now):
    invitation = {
        "id": id, "event_id": event["id"], "customer_id": customer["id"], "customer_owner_id": customer.get("owner_id"),
        "customer_name": customer.get("name"), "customer_phone": customer.get("phone"), "status": "invited",
        "invited_by": invited_by, "responded_at": None, "checked_in_at": None, "created_at": now, "updated_at": now}
    return invitation, InvitationSent.of({
        **_identity(invitation), "invited_by": invited_by, "title": event["title"], "kind": event["kind"],
        "starts_at": event["starts_at"], "ends_at": event["ends_at"], "venue": event["venue"]})


def answer(invitation, event, response, now):
    """The guest's answer, before the event ends. Returns the changes, the seat it takes (+1), gives back
    (-1) or neither (0), and the fact."""
    _ensure_approved(event)
    if has_ended(event, now):
        raise Conflict("the event is over", code="event_over")
    target = WORKFLOW.target(invitation["status"], ACTION_OF_RESPONSE[response])
    seat = _seat_change(invitation["status"], target)
    changes = {"status": target, "responded_at": now, "updated_at": now}
    return changes, seat, InvitationAnswered.of({**_identity(invitation), "response": response})


def check_in(invitation, event, now):
    """At the door, only while it is open: from an hour before the start to the end."""
    _ensure_approved(event)
    if not is_open(event, now):
        raise Conflict("check-in is open from an hour before the event starts until it ends", code="not_open")
    target = WORKFLOW.target(invitation["status"], "check_in")
    changes = {"status": target, "checked_in_at": now, "updated_at": now}
    return changes, _seat_change(invitation["status"], target), GuestCheckedIn.of({
        **_identity(invitation), "title": event["title"], "kind": event["kind"], "ends_at": event["ends_at"],
        "checked_in_at": now})


def no_show(invitation, event, now):
    """An accepted guest who did not come, once the event has ended."""
    if not has_ended(event, now):
        raise Conflict("an event is reported after it ends", code="not_ended")
    changes = {"status": WORKFLOW.target(invitation["status"], "no_show"), "updated_at": now}
    return changes, GuestNoShow.of(_identity(invitation))


def capacity_reached():
    return Conflict("the event is full", code="capacity_reached")


def _seat_change(source, target):
    return (target in HOLDS_A_SEAT) - (source in HOLDS_A_SEAT)


def _ensure_approved(event):
    if event["status"] != "approved":
        raise InvalidTransition("only an approved event takes answers and guests")


def _identity(invitation):
    return {"invitation_id": invitation["id"], "event_id": invitation["event_id"],
            "customer_id": invitation["customer_id"], "owner_id": invitation["customer_owner_id"]}
