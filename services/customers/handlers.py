"""Use cases of the customers service: load, decide, save, record events."""
from dataclasses import asdict

from sqlalchemy import insert, select

from kam.db import new_id, utcnow
from kam.errors import NotFound
from services.customers.domain import Customer, register_customer
from services.customers.models import customers
from services.customers.schemas import CustomerCreated


def create_customer(uow, actor, data):
    customer = register_customer(id=new_id(), name=data["name"], kind=data.get("kind"),
                                 category=data.get("category"), owner_id=actor.user_id, now=utcnow())
    uow.session.execute(insert(customers).values(**asdict(customer)))
    uow.publish(CustomerCreated, {"customer_id": customer.id, **asdict(customer)})
    uow.commit()
    return asdict(customer)


def get_customer(session, actor, customer_id):
    row = session.execute(select(customers).where(customers.c.id == customer_id)).mappings().first()
    if row is None:
        raise NotFound("no such customer")
    customer = Customer(**row)
    if not actor.sees_all():
        actor.ensure_owner_or_manager(customer.owner_id, "customer")
    return asdict(customer)
