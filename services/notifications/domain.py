"""Tasks: what someone must do by when, who sees them, and how a task moves (open → done, or cancelled)."""
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, false, or_

from kam.errors import Invalid, InvalidTransition
from kam.records import Visibility
from kam.workflow import Step, Workflow, role
from services.notifications.contracts import TaskCompleted, TaskCreated, TaskOverdue
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


def addressed_to(actor, record):
    """A task is its assignee's or, with no assignee, every member's of the role it is addressed to."""
    if record.get("assignee_id") is not None:
        return actor.user_id is not None and record["assignee_id"] == actor.user_id
    return record.get("assignee_role") is not None and record["assignee_role"] == actor.role


class TaskVisibility(Visibility):
    """Managers see every task; anyone else only what is addressed to them (else: no such task)."""

    def owns(self, actor, record):
        return addressed_to(actor, record)

    def addressed(self, actor, table):
        """The SQL condition of the tasks addressed to the caller (`assignee=me`), whoever they are."""
        mine = table.c.assignee_id == actor.user_id if actor.user_id is not None else false()
        return or_(mine, and_(table.c.assignee_id.is_(None), table.c.assignee_role == actor.role))


VISIBLE = TaskVisibility("task", everyone=(MANAGER,))

TASK = Workflow(
    Step("complete", "open", "done", by=VISIBLE.sees),
    Step("reassign", "open", "open", by=role(MANAGER)),
    Step("snooze", "open", "open", by=addressed_to),
    Step("cancel", "open", "cancelled", by=lambda actor, record: False),  # the system's, when outreach is moot
)


def actions(actor, task):
    return TASK.actions(actor, asdict(task))


def complete_task(task, actor, *, outcome, notes, now):
    VISIBLE.ensure(actor, asdict(task))
    return replace(task, status=TASK.target(task.status, "complete"), completed_at=now,
                   completed_by=actor.user_id, outcome=outcome, notes=notes)


def complete_by_event(task, *, by, outcome, at):
    """A fact elsewhere (an approval decided, a return visit recorded) did the task."""
    return replace(task, status=TASK.target(task.status, "complete"), completed_at=at, completed_by=by,
                   outcome=outcome)


def reassign_task(task, actor, assignee_id):
    actor.require_role(MANAGER)
    status = TASK.target(task.status, "reassign")
    if task.assignee_id == assignee_id:
        raise InvalidTransition("the task is already assigned to that person")
    return replace(task, status=status, assignee_id=assignee_id, assignee_role=None)


def snooze_task(task, actor, until, now, policy):
    """The assignee may push the due time forward, never past the limit after the original due time.
    Snoozing moves the reminder only: on-time and escalation still count from the original due time."""
    VISIBLE.ensure_owner(actor, asdict(task))
    status = TASK.target(task.status, "snooze")
    limit = task.original_due_at + policy.snooze_limit
    if until <= now:
        raise Invalid("cannot snooze into the past", errors={"until": ["must be later than now"]})
    if until > limit:
        raise Invalid("snoozed too far", errors={"until": [f"must not be later than {limit.isoformat()}"]})
    return replace(task, status=status, due_at=until, overdue_at=None)


def cancel_task(task):
    return replace(task, status=TASK.target(task.status, "cancel"))


def created(task):
    return TaskCreated.of(_event(task))


def completed(task):
    return TaskCompleted.of({**_event(task), "completed_at": task.completed_at, "completed_by": task.completed_by,
                             "on_time": completed_on_time(task)})


def overdue(task):
    return TaskOverdue.of(_event(task))


def _event(task):
    return {"task_id": task.id, "kind": task.kind, "customer_id": task.customer_id,
            "subject": {"type": task.subject_type, "id": task.subject_id}, "assignee_id": task.assignee_id,
            "assignee_role": task.assignee_role, "due_at": task.due_at}


def completed_on_time(task):
    return task.completed_at is not None and task.completed_at <= task.original_due_at


def needs_overdue_mark(task, now):
    return task.status == "open" and task.overdue_at is None and task.due_at < now


def needs_escalation(task, now, policy):
    """A callback still open a day past its due time goes to the manager (day 8 after the visit)."""
    return (task.kind == "callback" and task.status == "open" and task.escalated_at is None
            and now >= task.original_due_at + policy.escalate_after)
