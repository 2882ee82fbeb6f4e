"""Loading and saving a service's rows as plain dicts, and who may see them.

A record the caller may not see does not exist to them: it is 404, wherever it is named."""
from functools import cache

from sqlalchemy import bindparam, false, or_, select, true, update

from kam.errors import Forbidden, NotFound


def load(session, table, record_id, what, *, lock=False, key="id"):
    row = session.execute(_by_key(table, key, lock), {"record_key": record_id}).mappings().first()
    if row is None:
        raise NotFound(f"no such {what}")
    return dict(row)


@cache
def _by_key(table, key, lock):
    """Built once a table: building the expression cost more than running it on every read."""
    query = select(table).where(table.c[key] == bindparam("record_key"))
    return query.with_for_update() if lock else query


def save(session, table, record, changes, *, key="id"):
    """Write `changes` to the row of `record`; returns the record as it now is."""
    if changes:
        session.execute(update(table).where(table.c[key] == record[key]).values(**changes))
    return {**record, **changes}


class Visibility:
    """Roles that see every record of a kind, and the columns naming the users a record belongs to
    (its owner, its visitor, the owner of its customer…)."""

    def __init__(self, what, *, everyone=(), owners=("owner_id",)):
        self.what = what
        self.everyone = tuple(everyone)
        self.owners = tuple(owners)

    def owns(self, actor, record):
        return actor.user_id is not None and any(record.get(column) == actor.user_id for column in self.owners)

    def sees(self, actor, record):
        return actor.role in self.everyone or self.owns(actor, record)

    def ensure(self, actor, record):
        if record is None or not self.sees(actor, record):
            raise NotFound(f"no such {self.what}")
        return record

    def ensure_owner(self, actor, record, column=None):
        """Visible first (404), then only its own user may do this (403)."""
        self.ensure(actor, record)
        owner = record.get(column) if column else None
        if not (owner == actor.user_id if column else self.owns(actor, record)):
            raise Forbidden(f"only the {self.what}'s own user may do this", code="forbidden")
        return record

    def load(self, session, table, actor, record_id, *, lock=False):
        return self.ensure(actor, load(session, table, record_id, self.what, lock=lock))

    def where(self, actor, table):
        """The SQL condition of the rows the caller sees, for lists."""
        if actor.role in self.everyone:
            return true()
        if actor.user_id is None:
            return false()
        return or_(*(table.c[column] == actor.user_id for column in self.owners))
