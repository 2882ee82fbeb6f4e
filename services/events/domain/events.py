"""Events (活动): planned with a budget, approved by a manager with a funded amount, run, reported."""
from datetime import timedelta

from kam.errors import Conflict, Invalid
from kam.records import Visibility
from kam.workflow import Step, Workflow, owner, role
from services.events.contracts import (
    EventApproved,
    EventCancelled,
    EventRejected,
    EventReported,
    EventSubmitted,
)
from services.events.terms import (
    APPROVER_ROLES,
    DOORS_OPEN_BEFORE_MINUTES,
    INVITER_ROLES,
    READER_ROLES,
    RUNNER_ROLES,
)

WORKFLOW = Workflow(
    Step("submit", "draft", "pending_approval", by=role(*RUNNER_ROLES)),
    Step("edit", "draft", "draft", by=owner("planner_id")),
    Step("withdraw", "draft", "withdrawn", by=owner("planner_id")),
    Step("redraft", "rejected", "draft", by=owner("planner_id")),
    Step("approve", "pending_approval", "approved", by=role(*APPROVER_ROLES)),
    Step("reject", "pending_approval", "rejected", by=role(*APPROVER_ROLES)),
    # A draft is withdrawn, not cancelled: nobody has been invited to it or told of it yet.
    Step("cancel", ("pending_approval", "approved"), "cancelled", by=role(*RUNNER_ROLES)),
    Step("invite", "approved", "approved", by=role(*INVITER_ROLES)),
    Step("report", "approved", "reported", by=role(*RUNNER_ROLES)),
)
# Every role of the department sees the calendar; a developer needs it to invite their customers.
SEEN = Visibility("event", everyone=READER_ROLES, owners=("planner_id",))


def has_ended(event, now):
    return now >= event["ends_at"]


def is_open(event, now):
    """The door is open from an hour before the start to the end."""
    return event["starts_at"] - timedelta(minutes=DOORS_OPEN_BEFORE_MINUTES) <= now <= event["ends_at"]


def actions(actor, event, now):
    """What the caller may do on the event now: reporting waits for the end, inviting stops there."""
    possible = WORKFLOW.actions(actor, event)
    ended = has_ended(event, now)
    return [action for action in possible
            if not (action == "report" and not ended) and not (action == "invite" and ended)]


def plan_event(*, id, planner_id, data, now):
    return {**data, "id": id, "planner_id": planner_id, "status": "draft", "seats_taken": 0,
            "funded_amount": None, "approver_id": None, "decided_at": None, "reason": None, "report": None,
            "reported_at": None, "created_at": now, "updated_at": now}


EDITABLE = ("title", "kind", "starts_at", "ends_at", "venue", "capacity", "budget", "description")


def edit(event, changes, now):
    """Its planner changes a draft; once submitted the manager decides on what they saw (409 not_a_draft)."""
    if event["status"] != "draft":
        raise Conflict("only a draft event can be edited", code="not_a_draft")
    edited = {key: value for key, value in changes.items() if key in EDITABLE}
    if edited.get("ends_at", event["ends_at"]) <= edited.get("starts_at", event["starts_at"]):
        raise Invalid("an event ends after it starts", errors={"ends_at": ["an event ends after it starts"]})
    return {**edited, "updated_at": now}


def withdraw(event, now):
    if event["status"] != "draft":
        raise Conflict("only a draft event can be withdrawn", code="not_a_draft")
    return move(event, "withdraw", now)


def redraft(event, now):
    """A rejected event goes back to its planner as a draft; the reason stays until the next decision."""
    return move(event, "redraft", now)


def move(event, action, now, **changes):
    """The event's changes after `action` (409 invalid_transition from where it is)."""
    return {"status": WORKFLOW.target(event["status"], action), "updated_at": now, **changes}


def submit(event, now):
    changes = move(event, "submit", now)
    return changes, _decision(EventSubmitted, {**event, **changes})


def approve(event, approver_id, funded_amount, now):
    changes = move(event, "approve", now, approver_id=approver_id, funded_amount=funded_amount, decided_at=now,
                   reason=None)
    return changes, _decision(EventApproved, {**event, **changes})


def reject(event, approver_id, reason, now):
    changes = move(event, "reject", now, approver_id=approver_id, reason=reason, decided_at=now)
    return changes, _decision(EventRejected, {**event, **changes})


def cancel(event, reason, guests, now):
    """Cancelling tells everyone invited: the guests go with the fact."""
    changes = move(event, "cancel", now, reason=reason)
    return changes, EventCancelled.of({**_identity(event), "venue": event["venue"], "reason": reason,
                                       "guests": guests})


def report(event, report, attended, now):
    """Only after the event has ended; its report unlocks the event's expense claims."""
    if not has_ended(event, now):
        raise Conflict("an event is reported after it ends", code="not_ended")
    changes = move(event, "report", now, report=report, reported_at=now)
    return changes, EventReported.of({**_identity(event), "reported_at": now, "attended": attended})


def ensure_invitable(event, now):
    WORKFLOW.step(event["status"], "invite")
    if has_ended(event, now):
        raise Conflict("the event is over", code="event_over")


def _identity(event):
    return {"event_id": event["id"], "title": event["title"], "kind": event["kind"],
            "planner_id": event["planner_id"], "starts_at": event["starts_at"], "ends_at": event["ends_at"]}


def _decision(contract, event):
    return contract.of({**_identity(event), "budget": event["budget"], "funded_amount": event["funded_amount"],
                        "approver_id": event["approver_id"], "reason": event["reason"]})
