"""Refusing a second file for the same person: checked before writing, and enforced by the database's
unique indexes when two registrations race (the loser gets the same 409, inside a savepoint so an
import's other rows stay)."""
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from services.customers.domain.access import CUSTOMERS
from services.customers.domain.duplicates import KEYED, duplicate
from services.customers.models import customers


def ensure_unique(session, actor, keys, customer_id=None):
    for field, column in KEYED.items():
        existing = _holder(session, column, keys.get(column), customer_id)
        if existing:
            raise duplicate(field, existing, CUSTOMERS.sees(actor, existing))


def write_unique(session, actor, statement, keys, customer_id=None):
    """Run `statement` (an insert or update carrying `keys`); a racing registration's unique-index
    violation becomes 409 `duplicate_customer` naming the winner as `ensure_unique` would."""
    ensure_unique(session, actor, keys, customer_id)
    try:
        with session.begin_nested():
            session.execute(statement)
    except IntegrityError:
        ensure_unique(session, actor, keys, customer_id)
        raise


def _holder(session, column, key, customer_id):
    if not key:
        return None
    query = select(customers.c.id, customers.c.name, customers.c.owner_id).where(customers.c[column] == key)
    if customer_id:
        query = query.where(customers.c.id != customer_id)
    row = session.execute(query).mappings().first()
    return dict(row) if row else None
