"""客户移交: the customer's new owner takes over its receptions not yet held and its open service tickets
and work orders; what was done keeps who did it, and the new owner sees all of it (customer_owner_id)."""
from sqlalchemy import update

from services.reception.models import deals, receptions, return_visits, service_tickets

RECEPTIONS_NOT_YET_HELD = ("draft", "pending_approval", "approved")


def transfer_customer(uow, event):
    data = event["data"]
    customer_id, old, new = data["customer_id"], data["from_owner_id"], data["to_owner_id"]
    session = uow.session
    session.execute(update(receptions).where(
        receptions.c.customer_id == customer_id, receptions.c.host_id == old,
        receptions.c.status.in_(RECEPTIONS_NOT_YET_HELD)).values(host_id=new))
    session.execute(update(service_tickets).where(
        service_tickets.c.customer_id == customer_id, service_tickets.c.owner_id == old,
        service_tickets.c.resolved_at.is_(None)).values(owner_id=new))
    for table in (receptions, deals, service_tickets, return_visits):
        session.execute(update(table).where(table.c.customer_id == customer_id).values(customer_owner_id=new))
