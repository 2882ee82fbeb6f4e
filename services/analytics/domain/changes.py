"""What a projection changes in the read models, as plain values: no database, no bus."""
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Fact:
    metric: str
    subject_id: str
    customer_id: str | None
    developer_id: str | None
    occurred_at: datetime
    amount: Decimal | None = None


@dataclass(frozen=True)
class StageReached:
    customer_id: str
    stage: str
    reached_at: datetime
    previous_stage: str | None
    skipped: bool


@dataclass(frozen=True)
class CustomerChange:
    """Attributes an event sets on a customer (only the keys present), as of `at`."""

    customer_id: str
    at: datetime
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Forecast:
    customer_id: str
    assessed_at: datetime
    expected_revenue: Decimal
    expected_profit: Decimal
    total_cost: Decimal
    worth_developing: bool | None


@dataclass(frozen=True)
class EventSeen:
    """An event as one of the events service's facts describes it; `status` only from the event's own."""

    event_id: str
    at: datetime
    values: dict
    status: str | None = None


@dataclass(frozen=True)
class GuestChange:
    """What one fact tells of an invitation: only the keys present in `values`."""

    invitation_id: str
    event_id: str
    customer_id: str
    owner_id: str | None
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class EventCost:
    claim_id: str
    event_id: str
    claimant_id: str
    amount: Decimal
    reimbursed_at: datetime


@dataclass
class Projection:
    facts: list = field(default_factory=list)
    reached: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    forecast: Forecast | None = None
    erased: str | None = None
    events: list = field(default_factory=list)
    guests: list = field(default_factory=list)
    costs: list = field(default_factory=list)

    def customer_ids(self):
        ids = {fact.customer_id for fact in self.facts} | {r.customer_id for r in self.reached}
        ids |= {change.customer_id for change in self.changes}
        if self.forecast:
            ids.add(self.forecast.customer_id)
        if self.erased:
            ids.add(self.erased)
        return {customer_id for customer_id in ids if customer_id}
