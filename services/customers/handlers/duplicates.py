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


def holders(session, keys_of_rows):
    """{(column, key): the customer holding it} for every key among `keys_of_rows`, one query a column."""
    held = {}
    for column in KEYED.values():
        wanted = list({keys[column] for keys in keys_of_rows if keys.get(column)})
        for first in range(0, len(wanted), 900):  # SQLite's bound-parameter limit is 999 on old builds
            query = select(customers.c.id, customers.c.name, customers.c.owner_id, customers.c[column]).where(
                customers.c[column].in_(wanted[first:first + 900]))
            held.update({(column, row[column]): dict(row) for row in session.execute(query).mappings()})
    return held


def refuse_if_held(actor, held, keys):
    """`ensure_unique` against the `holders` of a batch."""
    for field, column in KEYED.items():
        existing = held.get((column, keys.get(column)))
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
