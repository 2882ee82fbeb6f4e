"""Keyset pagination: `{"items": [...], "next_cursor": ...}`, stable under concurrent inserts."""
import base64
import binascii
import json
from datetime import datetime

from sqlalchemy import and_, or_

from kam.errors import Invalid

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
BIGINT = 2**63


def encode_cursor(values):
    raw = json.dumps([v.isoformat() if isinstance(v, datetime) else v for v in values], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _bad_cursor(why="不是本接口给出的游标 not a cursor this API gave out"):
    return Invalid("游标无效 invalid cursor", errors={"cursor": [why]})


def decode_cursor(cursor):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.b64decode(padded.encode(), altchars=b"-_", validate=True).decode())
    except (ValueError, TypeError, RecursionError, binascii.Error) as error:
        raise _bad_cursor() from error
    if not isinstance(values, list):
        raise _bad_cursor()
    return values


def keyset_page(session, query, order, limit=None, cursor=None, newest_first=True, row_to_item=dict):
    """One page of `query` ordered by the unique tuple of columns `order` (e.g. created_at, id).

    Rows after the cursor's position only, so inserts elsewhere never shift or repeat a page."""
    limit = min(max(int(limit or DEFAULT_LIMIT), 1), MAX_LIMIT)
    if cursor:
        values = decode_cursor(cursor)
        if len(values) != len(order):
            raise _bad_cursor("不是这个列表的游标 not a cursor for this list")
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
    """The cursor's value as the column compares it; anything else a client made up is a 422, never a 500."""
    python_type = _python_type(column)
    if python_type is datetime:
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise _bad_cursor()
        return parsed
    if python_type is int:
        if isinstance(value, bool) or not isinstance(value, int) or not -BIGINT <= value < BIGINT:
            raise _bad_cursor()
        return value
    if not isinstance(value, python_type) or (isinstance(value, str) and "\x00" in value):
        raise _bad_cursor()
    return value


def _python_type(column):
    try:
        return column.type.python_type
    except NotImplementedError:
        return str
