"""Receptions at the company (客户接待): the booking, its plan and arrangements, approval, the report."""
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from kam.contracts import wire
from kam.errors import Conflict, Invalid
from kam.workflow import Step, Workflow, owner, role
from services.reception.contracts import (
    ReceptionApproved,
    ReceptionRejected,
    ReceptionReported,
    ReceptionReviewed,
    ReceptionSubmitted,
)
from services.reception.domain import review
from services.reception.domain.access import visible
from services.reception.terms import WRITER_ROLES

APPROVERS = ("manager",)


def _another_approver(actor, record):
    """Segregation of duties: a manager who hosts a reception does not approve it (another does)."""
    return actor.role in APPROVERS and record.get("host_id") != actor.user_id


WORKFLOW = Workflow(
    Step("submit", "draft", "pending_approval", by=role(*WRITER_ROLES)),
    Step("edit", "draft", "draft", by=owner("host_id")),
    Step("withdraw", "draft", "withdrawn", by=owner("host_id")),
    Step("redraft", "rejected", "draft", by=owner("host_id")),
    Step("approve", "pending_approval", "approved", by=_another_approver),
    Step("reject", "pending_approval", "rejected", by=role(*APPROVERS)),
    Step("report", "approved", "reported", by=role(*WRITER_ROLES)),
)
SEEN = visible("reception", "host_id")
EDITABLE = ("scheduled_at", "party_size", "needs", "location", "hosts", "arrangements")


@dataclass
class Reception:
    id: str
    customer_id: str
    customer_owner_id: str | None
    host_id: str
    status: str
    scheduled_at: datetime
    party_size: int
    needs: str | None
    location: str | None
    hosts: list = field(default_factory=list)
    arrangements: dict = field(default_factory=dict)
    funded_amount: Decimal | None = None
    approver_id: str | None = None
    decided_at: datetime | None = None
    reason: str | None = None
    report: dict | None = None
    reported_at: datetime | None = None
    review_status: str | None = None
    review_comment: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    versions: list | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def revise(self, changes, now):
        """The plan changes while it is a draft; once submitted, the manager decides on what they saw."""
        if self.status != "draft":
            raise Conflict(f"the plan of a {self.status} reception is fixed", code="plan_locked")
        fixed = sorted(set(changes) - set(EDITABLE))
        if fixed:
            raise Invalid("only the plan of a reception is revised", errors={name: ["not editable"] for name in fixed})
        if "arrangements" in changes:
            check_arrangements(changes["arrangements"])
            changes = {**changes, "arrangements": wire(changes["arrangements"])}
        for name, value in changes.items():
            setattr(self, name, value)
        self.updated_at = now

    def withdraw(self, now):
        """A draft its host no longer means to submit; it stays on file as withdrawn."""
        if self.status != "draft":
            raise Conflict("only a draft reception can be withdrawn", code="not_a_draft")
        self._move("withdraw", now)

    def redraft(self, now):
        """A rejected plan goes back to its host as a draft; the reason stays until the next decision."""
        self._move("redraft", now)

    def submit(self, now):
        self._move("submit", now)
        return self._decision(ReceptionSubmitted)

    def approve(self, approver_id, funded_amount, now, hospitality_override=None):
        self._move("approve", now)
        self.approver_id, self.funded_amount, self.decided_at, self.reason = approver_id, funded_amount, now, None
        return self._decision(ReceptionApproved, hospitality_override=hospitality_override)

    def reject(self, approver_id, reason, now):
        self._move("reject", now)
        self.approver_id, self.reason, self.decided_at = approver_id, reason, now
        return self._decision(ReceptionRejected)

    def record_report(self, report, now):
        """Only an approved reception is reported (its report then unlocks the expense claim)."""
        self._move("report", now)
        self.report, self.reported_at = report, now
        self._apply({"review_status": "pending", "versions": review.with_version(None, report, self.host_id, now)})
        return ReceptionReported.of({"reception_id": self.id, "customer_id": self.customer_id,
                                     "host_id": self.host_id, "reported_at": now, "outcome": report["outcome"]})

    def review(self, actor, decision, comment, now):
        """接待报告的审查: accepted, or returned to its host with what to revise."""
        self._apply(review.decide(self.__dict__, actor, decision, comment, now))
        self.updated_at = now
        return ReceptionReviewed.of({"reception_id": self.id, "customer_id": self.customer_id, "host_id": self.host_id,
                                     "scheduled_at": self.scheduled_at, "decision": self.review_status,
                                     "comment": self.review_comment, "reviewed_by": actor.user_id})

    def revise_report(self, actor, changes, now):
        self._apply(review.revise(self.__dict__, changes, actor.user_id, now))
        self.updated_at = now

    def _apply(self, changes):
        for name, value in changes.items():
            setattr(self, name, value)

    def _move(self, action, now):
        self.status = WORKFLOW.target(self.status, action)
        self.updated_at = now

    def _decision(self, contract, **more):
        return contract.of({
            "reception_id": self.id, "customer_id": self.customer_id, "host_id": self.host_id,
            "scheduled_at": self.scheduled_at, "party_size": self.party_size, "funded_amount": self.funded_amount,
            "reason": self.reason, "approver_id": self.approver_id, **more})


def ensure_not_own_approval(actor, record):
    if actor.role in APPROVERS and record["host_id"] == actor.user_id:
        raise Conflict("a manager may not approve their own reception", code="own_submission")


def check_arrangements(arrangements):
    """A meal out is accompanied by a senior leader (or their delegate), to the company's standard: the
    plan names who."""
    meal = (arrangements or {}).get("meal_out")
    if meal and not (meal.get("accompanying_leader") or "").strip():
        raise Invalid("a meal out needs the accompanying senior leader",
                      errors={"arrangements": {"meal_out": {"accompanying_leader": ["required for a meal out"]}}})


def meal_per_head(arrangements):
    """The meal out's cost per head, when the plan states one (the free-text standard stays as written)."""
    meal = (arrangements or {}).get("meal_out") or {}
    value = meal.get("meal_per_head")
    return None if value in (None, "") else Decimal(str(value))


def hospitality_review(reception, category, override_reason):
    """What the visits service (keeper of the caps) is asked when a manager approves this reception."""
    return {"subject_type": "reception", "subject_id": reception.id, "customer_id": reception.customer_id,
            "category": category, "kind": "meal_per_head", "amount": meal_per_head(reception.arrangements),
            "override_reason": override_reason}


def plan_reception(*, id, customer, host_id, data, now):
    arrangements = wire(data.get("arrangements") or {})  # kept as JSON: money as strings
    check_arrangements(arrangements)
    return Reception(
        id=id, customer_id=customer["id"], customer_owner_id=customer.get("owner_id"), host_id=host_id,
        status="draft", scheduled_at=data["scheduled_at"], party_size=data["party_size"],
        needs=data.get("needs"), location=data.get("location"), hosts=list(data.get("hosts") or []),
        arrangements=arrangements, created_at=now, updated_at=now)
