"""Tasks: what someone must do by when, and how a task moves (open → done, or cancelled)."""
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from kam.errors import Forbidden, Invalid, InvalidTransition, NotFound
from services.notifications.terms import MANAGER


@dataclass(frozen=True)
class Policy:
    """The department's timings; every figure can be changed without touching the rules."""

    callback_after: timedelta = timedelta(days=7)
    return_visit_offsets: tuple = (timedelta(days=7), timedelta(days=30), timedelta(days=180))
    return_visit_yearly: bool = True
    anniversary_leads: tuple = (60, 30)
    birthday_leads: tuple = ()
    approval_within: timedelta = timedelta(days=2)
    escalate_after: timedelta = timedelta(hours=24)
    snooze_limit: timedelta = timedelta(days=14)
    digest_hour: int = 8


@dataclass(frozen=True)
class Task:
    id: str
    kind: str
    customer_id: str | None
    subject_type: str
    subject_id: str
    assignee_id: str | None
    assignee_role: str | None
    due_at: datetime
    original_due_at: datetime
    status: str
    dedupe_key: str
    created_at: datetime
    details: dict = field(default_factory=dict)
    completed_at: datetime | None = None
    completed_by: str | None = None
    outcome: str | None = None
    notes: str | None = None
    overdue_at: datetime | None = None
    escalated_at: datetime | None = None

    def is_overdue(self, now):
        return self.status == "open" and self.due_at < now

    def addressed_to(self, actor):
        if self.assignee_id is not None:
            return self.assignee_id == actor.user_id
        return self.assignee_role is not None and self.assignee_role == actor.role


def ensure_visible(task, actor):
    """Managers see every task; anyone else only what is addressed to them (else: no such task)."""
    if actor.is_manager or task.addressed_to(actor):
        return
    raise NotFound("no such task")


def complete_task(task, actor, *, outcome, notes, now):
    ensure_visible(task, actor)
    _require_open(task, "complete")
    return replace(task, status="done", completed_at=now, completed_by=actor.user_id, outcome=outcome,
                   notes=notes)


def complete_by_event(task, *, by, outcome, at):
    """A fact elsewhere (an approval decided, a return visit recorded) did the task."""
    _require_open(task, "complete")
    return replace(task, status="done", completed_at=at, completed_by=by, outcome=outcome)


def reassign_task(task, actor, assignee_id):
    actor.require_role(MANAGER)
    _require_open(task, "reassign")
    if task.assignee_id == assignee_id:
        raise InvalidTransition("the task is already assigned to that person")
    return replace(task, assignee_id=assignee_id, assignee_role=None)


def snooze_task(task, actor, until, now, policy):
    """The assignee may push the due time forward, never past the limit after the original due time.
    Snoozing moves the reminder only: on-time and escalation still count from the original due time."""
    ensure_visible(task, actor)
    if not task.addressed_to(actor):
        raise Forbidden("only the assignee may snooze a task", code="forbidden")
    _require_open(task, "snooze")
    limit = task.original_due_at + policy.snooze_limit
    if until <= now:
        raise Invalid("cannot snooze into the past", errors={"until": ["must be later than now"]})
    if until > limit:
        raise Invalid("snoozed too far", errors={"until": [f"must not be later than {limit.isoformat()}"]})
    return replace(task, due_at=until, overdue_at=None)


def cancel_task(task):
    _require_open(task, "cancel")
    return replace(task, status="cancelled")


def completed_on_time(task):
    return task.completed_at is not None and task.completed_at <= task.original_due_at


def needs_overdue_mark(task, now):
    return task.status == "open" and task.overdue_at is None and task.due_at < now


def needs_escalation(task, now, policy):
    """A callback still open a day past its due time goes to the manager (day 8 after the visit)."""
    return (task.kind == "callback" and task.status == "open" and task.escalated_at is None
            and now >= task.original_due_at + policy.escalate_after)


def _require_open(task, action):
    if task.status != "open":
        raise InvalidTransition(f"cannot {action} a task that is {task.status}")
