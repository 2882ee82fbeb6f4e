"""What the events service holds on one customer: the PIPL export and erasure."""
from sqlalchemy import select, update

from services.events.domain.invitations import SEEN
from services.events.models import invitations
from services.events.terms import READER_ROLES


def export_customer(session, actor, now, *, customer_id):
    actor.require_role(*READER_ROLES)
    rows = session.execute(select(invitations).where(invitations.c.customer_id == customer_id,
                                                     SEEN.where(actor, invitations))).mappings()
    return {"invitations": [dict(row) for row in rows]}


def erase_customer(uow, event):
    """The guest list keeps the seat, not the person."""
    uow.session.execute(update(invitations).where(invitations.c.customer_id == event["data"]["customer_id"])
                        .values(customer_name=None, customer_phone=None))


def transfer_customer(uow, transfer):
    """客户移交: the invitations' copy of the customer's owner follows it (who sees the guest, who is told);
    `invited_by` keeps who invited."""
    uow.session.execute(update(invitations).where(invitations.c.customer_id == transfer["customer_id"])
                        .values(customer_owner_id=transfer["to_owner_id"]))
