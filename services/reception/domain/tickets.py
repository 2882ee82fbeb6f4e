"""After-sales service tickets (售后维护、增值服务): one for each thing the company offers a key account."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from kam.errors import Invalid
from kam.workflow import Step, Workflow, role
from services.reception.contracts import ServiceTicketOpened, ServiceTicketResolved
from services.reception.domain.access import visible
from services.reception.domain.work_orders import FIRST_STATUS, WORKFLOWS

HANDLERS = ("developer", "manager", "coordinator")  # coordinators carry tickets through workshop, appraisal
WORKFLOW = Workflow(
    Step("start", "open", "in_progress", by=role(*HANDLERS)),
    Step("resolve", "in_progress", "resolved", by=role(*HANDLERS)),
)
SEEN = visible("service ticket", "owner_id")


def workflow_of(kind):
    """A custom design, repair or resale has its own stages; every other kind is open → in_progress → resolved."""
    return WORKFLOWS.get(kind, WORKFLOW)


@dataclass
class ServiceTicket:
    id: str
    customer_id: str
    customer_owner_id: str | None
    owner_id: str
    kind: str
    status: str
    description: str | None
    piece: dict | None
    intake_notes: str | None
    resale_mode: str | None
    valuation: Decimal | None
    scheduled_at: datetime | None
    resolution: str | None
    opened_at: datetime
    started_at: datetime | None = None
    resolved_at: datetime | None = None
    updated_at: datetime | None = None
    notify_channel: str | None = None
    quote: Decimal | None = None
    deposit: Decimal | None = None
    deposit_paid: Decimal | None = None
    estimate: Decimal | None = None
    asking_price: Decimal | None = None
    sale_price: Decimal | None = None
    commission: Decimal | None = None
    payout: Decimal | None = None
    commission_rate: Decimal | None = None
    due_date: date | None = None
    until: date | None = None
    buyer_customer_id: str | None = None
    deal_id: str | None = None

    def opened(self):
        return self._event(ServiceTicketOpened)

    def start(self, now):
        self.status = WORKFLOW.target(self.status, "start")
        self.started_at = self.updated_at = now

    def resolve(self, resolution, now):
        self.status = WORKFLOW.target(self.status, "resolve")
        self.resolution, self.resolved_at, self.updated_at = resolution, now, now
        return self._event(ServiceTicketResolved)

    def _event(self, contract):
        return contract.of({"ticket_id": self.id, "customer_id": self.customer_id, "owner_id": self.owner_id,
                            "kind": self.kind, "status": self.status})


def check_kind_requirements(kind, data):
    """A repair takes in a known piece with intake notes; a resale or consignment starts from a
    valuation."""
    errors = {}
    if kind == "repair":
        if not (data.get("intake_notes") or "").strip():
            errors["intake_notes"] = ["required for a repair"]
        if not ((data.get("piece") or {}).get("description") or "").strip():
            errors["piece"] = ["a repair names the piece it takes in"]
    if kind == "resale":
        if data.get("valuation") is None:
            errors["valuation"] = ["required for a resale or consignment"]
        if not data.get("resale_mode"):
            errors["resale_mode"] = ["resale or consignment"]
    elif data.get("resale_mode"):
        errors["resale_mode"] = ["only for a resale ticket"]
    if errors:
        raise Invalid(f"a {kind} ticket is missing what it needs", errors=errors)


def open_ticket(*, id, customer, owner_id, data, now):
    kind = data["kind"]
    check_kind_requirements(kind, data)
    return ServiceTicket(
        id=id, customer_id=customer["id"], customer_owner_id=customer.get("owner_id"), owner_id=owner_id,
        kind=kind, status=FIRST_STATUS.get(kind, "open"), description=data.get("description"), piece=data.get("piece"),
        intake_notes=data.get("intake_notes"), resale_mode=data.get("resale_mode"),
        valuation=data.get("valuation"), scheduled_at=data.get("scheduled_at"), resolution=None,
        notify_channel=data.get("notify_channel"), opened_at=now, updated_at=now)
