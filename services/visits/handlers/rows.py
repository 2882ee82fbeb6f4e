"""Reading and writing the service's rows as plain dicts."""
from sqlalchemy import select, update

from kam.errors import NotFound


def load(session, table, key, value, what, lock=False):
    query = select(table).where(table.c[key] == value)
    row = session.execute(query.with_for_update() if lock else query).mappings().first()
    if row is None:
        raise NotFound(f"no such {what}")
    return dict(row)


def save(session, table, key, record, changes):
    if changes:
        session.execute(update(table).where(table.c[key] == record[key]).values(**changes))
    return {**record, **changes}
