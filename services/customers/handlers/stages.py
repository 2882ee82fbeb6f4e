"""Moving a customer's stage forward, from this service's own work and from other services' events."""
from sqlalchemy import insert, select, update

from services.customers.contracts import CustomerStageChanged
from services.customers.domain.customer import STAGE_REACHED_BY, further_stage
from services.customers.models import customers, deals


def advance_stage(uow, row, cause, now):
    """Move to the stage `cause` reaches if it is further; publish `customer.stage_changed` if it moved."""
    reached = further_stage(row["stage"], STAGE_REACHED_BY[cause])
    if reached is None:
        return False
    uow.session.execute(update(customers).where(customers.c.id == row["id"]).values(stage=reached, updated_at=now))
    uow.publish(CustomerStageChanged, {"customer_id": row["id"], "owner_id": row["owner_id"], "stage": reached,
                                       "previous_stage": row["stage"], "cause": cause})
    row.update(stage=reached, updated_at=now)
    return True


def apply_milestone(uow, event, now):
    """`visit.completed`, `reception.reported`, `deal.delivered`: the customer got that far."""
    row = _known_customer(uow.session, event["data"]["customer_id"])
    if row is not None:
        advance_stage(uow, row, event["type"], now)


def record_deal(uow, event, now):
    """`deal.closed`: the customer is won, and the deal counts in its revenue (and its referrer's credit)."""
    data = event["data"]
    row = _known_customer(uow.session, data["customer_id"])
    already = uow.session.scalar(select(deals.c.deal_id).where(deals.c.deal_id == data["deal_id"]))
    if row is not None and already is None:
        uow.session.execute(insert(deals).values(deal_id=data["deal_id"], customer_id=data["customer_id"],
                                                 total=data["total"], closed_at=data.get("closed_at")))
        uow.session.execute(update(customers).where(customers.c.id == data["customer_id"])
                            .values(revenue=customers.c.revenue + data["total"]))
        advance_stage(uow, row, event["type"], now)


def _known_customer(session, customer_id):
    """Events about a customer this service never registered change nothing here."""
    row = session.execute(select(customers).where(customers.c.id == customer_id)).mappings().first()
    return dict(row) if row else None
