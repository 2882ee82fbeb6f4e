"""Return visits (定期回访): the record that completes a return-visit task."""
from dataclasses import dataclass
from datetime import datetime

from kam.errors import Invalid
from services.reception.contracts import ReturnVisitRecorded
from services.reception.domain.access import visible

SEEN = visible("return visit", "developer_id")


@dataclass
class ReturnVisit:
    id: str
    customer_id: str
    customer_owner_id: str | None
    developer_id: str
    task_id: str | None
    occurred_at: datetime
    method: str
    content: str | None
    feedback: str | None
    next_steps: str | None
    recorded_at: datetime

    def recorded(self):
        return ReturnVisitRecorded.of({"return_visit_id": self.id, "customer_id": self.customer_id,
                                       "developer_id": self.developer_id, "task_id": self.task_id,
                                       "occurred_at": self.occurred_at})


def record_return_visit(*, id, customer, developer_id, data, now):
    """A return visit is recorded after it happened, never ahead of time."""
    if data["occurred_at"] > now:
        raise Invalid("a return visit is recorded after it happened",
                      errors={"occurred_at": ["in the future"]})
    return ReturnVisit(
        id=id, customer_id=customer["id"], customer_owner_id=customer.get("owner_id"), developer_id=developer_id,
        task_id=data.get("task_id"), occurred_at=data["occurred_at"], method=data["method"],
        content=data.get("content"), feedback=data.get("feedback"), next_steps=data.get("next_steps"),
        recorded_at=now)
