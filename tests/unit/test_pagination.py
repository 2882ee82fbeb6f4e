"""Cursors are the client's to send back: a tampered one is refused as 422 before any query runs."""
import base64
import json

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, select

from kam.db import UtcDateTime
from kam.errors import Invalid
from kam.pagination import decode_cursor, encode_cursor, keyset_page

rows = Table("rows", MetaData(), Column("at", UtcDateTime()), Column("id", String(32)), Column("n", Integer))
ORDER = [rows.c.at, rows.c.id]


def _cursor(values):
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def test_a_cursor_round_trips():
    assert decode_cursor(encode_cursor(["2026-01-01T00:00:00+00:00", "c1"])) == ["2026-01-01T00:00:00+00:00", "c1"]


@pytest.mark.parametrize("cursor", [
    "%%%not-base64%%%",
    base64.urlsafe_b64encode(b"\xff\xfe not utf-8").decode(),
    _cursor({"at": "2026-01-01"}),
    "W" * 3,
    base64.urlsafe_b64encode(b"[" * 100_000).decode(),
    _cursor(["2026-01-01T00:00:00+00:00"]),
    _cursor(["yesterday", "c1"]),
    _cursor([12345, "c1"]),
    _cursor([None, "c1"]),
    _cursor(["2026-01-01T00:00:00+00:00", ["c1"]]),
    _cursor(["2026-01-01T00:00:00+00:00", {"$gt": ""}]),
    _cursor(["2026-01-01T00:00:00+00:00", "c\u00001"]),
])
def test_a_tampered_cursor_is_invalid_never_a_server_error(cursor):
    with pytest.raises(Invalid) as refused:
        keyset_page(None, select(rows), ORDER, cursor=cursor)
    assert "cursor" in refused.value.errors


@pytest.mark.parametrize("value", [True, "7", 2**70, 1.5])
def test_an_integer_cursor_value_must_be_an_integer_the_database_holds(value):
    with pytest.raises(Invalid):
        keyset_page(None, select(rows), [rows.c.n, rows.c.id], cursor=_cursor([value, "c1"]))
