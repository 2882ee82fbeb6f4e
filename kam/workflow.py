"""Workflows: a record's status moves only by its steps, and the steps tell the caller what they may do now.

    VISIT = Workflow(
        Step("submit", "draft", "pending_approval", by=owner("visitor_id")),
        Step("approve", "pending_approval", "approved", by=role("manager")),
    )
    VISIT.target(visit["status"], "approve")   # "approved", or 409 invalid_transition
    VISIT.actions(actor, visit)                # what this caller may do on it now (API.md `actions`)
"""
from collections.abc import Callable
from dataclasses import dataclass

from kam.errors import InvalidTransition


def role(*roles):
    return lambda actor, record: actor.role in roles


def owner(*columns):
    return lambda actor, record: actor.user_id is not None and any(record.get(c) == actor.user_id for c in columns)


def anyone(actor, record):
    return True


@dataclass(frozen=True)
class Step:
    action: str
    source: str | tuple
    target: str
    by: Callable = anyone  # (actor, record) -> may this caller take the step at all

    def starts_at(self, status):
        return status == self.source if isinstance(self.source, str) else status in self.source


class Workflow:
    def __init__(self, *steps, field="status"):
        self.steps = steps
        self.field = field

    def step(self, status, action):
        for step in self.steps:
            if step.action == action and step.starts_at(status):
                return step
        raise InvalidTransition(f"cannot {action.replace('_', ' ')} a record that is {status}")

    def target(self, status, action):
        """The status `action` leads to from `status`; anything else, repeating a step too, is a 409."""
        return self.step(status, action).target

    def actions(self, actor, record):
        status = record[self.field]
        return [step.action for step in self.steps if step.starts_at(status) and step.by(actor, record)]

    @property
    def statuses(self):
        found = []
        for step in self.steps:
            for status in (step.source,) if isinstance(step.source, str) else step.source:
                found.append(status)
            found.append(step.target)
        return list(dict.fromkeys(found))
