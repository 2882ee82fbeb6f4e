"""Keyset pagination: `{"items": [...], "next_cursor": ...}`, stable under concurrent inserts."""
import base64
import json
from datetime import datetime

from sqlalchemy import and_, or_

from kam.errors import Invalid

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


def encode_cursor(values):
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(values, list):
            raise ValueError(cursor)
        return values
    except (ValueError, UnicodeDecodeError) as error:
        raise Invalid("invalid cursor", errors={"cursor": ["not a cursor this API gave out"]}) from error


def keyset_page(session, query, order, limit=None, cursor=None, newest_first=True, row_to_item=dict):
    """One page of `query` ordered by the unique tuple of columns `order` (e.g. created_at, id).

    Rows after the cursor's position only, so inserts elsewhere never shift or repeat a page."""
    limit = min(max(int(limit or DEFAULT_LIMIT), 1), MAX_LIMIT)
    if cursor:
        values = decode_cursor(cursor)
        if len(values) != len(order):
            raise Invalid("invalid cursor", errors={"cursor": ["not a cursor for this list"]})
        values = [_typed(column, value) for column, value in zip(order, values, strict=True)]
        query = query.where(_after(order, values, newest_first))
    ordering = [column.desc() if newest_first else column.asc() for column in order]
    rows = session.execute(query.order_by(*ordering).limit(limit + 1)).mappings().all()
    items = [row_to_item(row) for row in rows[:limit]]
    next_cursor = encode_cursor([rows[limit - 1][column.name] for column in order]) if len(rows) > limit else None
    return {"items": items, "next_cursor": next_cursor}


def _after(order, values, newest_first):
    """(a, b) < (x, y) written out, which every database plans well: a < x or (a = x and b < y)."""
    clauses = []
    for index, column in enumerate(order):
        beyond = column < values[index] if newest_first else column > values[index]
        equal_before = [order[i] == values[i] for i in range(index)]
        clauses.append(and_(*equal_before, beyond))
    return or_(*clauses)


def _typed(column, value):
    python_type = getattr(column.type, "python_type", str)
    if python_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value
