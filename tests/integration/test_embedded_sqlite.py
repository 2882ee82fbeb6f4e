"""The embedded default: times keep their zone on SQLite, as the API and the event contracts require."""
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import Column, Integer, MetaData, Table, insert, select

from kam.db import UtcDateTime, make_engine


def test_times_come_back_aware_and_in_utc_from_sqlite(tmp_path):
    metadata = MetaData()
    moments = Table("moments", metadata, Column("id", Integer, primary_key=True), Column("at", UtcDateTime()))
    engine = make_engine(f"sqlite:///{tmp_path / 'moments.db'}")
    metadata.create_all(engine)
    beijing = timezone(timedelta(hours=8))
    with engine.begin() as connection:
        connection.execute(insert(moments), [{"at": datetime(2026, 5, 20, 14, 0, tzinfo=beijing)},
                                             {"at": datetime(2026, 5, 20, 6, 0)}])
        stored = connection.execute(select(moments.c.at).order_by(moments.c.id)).scalars().all()
    engine.dispose()
    assert stored == [datetime(2026, 5, 20, 6, 0, tzinfo=UTC)] * 2
    assert all(moment.tzinfo is UTC for moment in stored)


def test_keyset_cursors_over_aware_times(tmp_path):
    from kam.pagination import keyset_page

    metadata = MetaData()
    rows = Table("rows", metadata, Column("id", Integer, primary_key=True), Column("at", UtcDateTime()))
    engine = make_engine(f"sqlite:///{tmp_path / 'rows.db'}")
    metadata.create_all(engine)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(insert(rows), [{"id": i, "at": start + timedelta(hours=i)} for i in range(5)])
    with engine.connect() as session:
        first = keyset_page(session, select(rows), [rows.c.at, rows.c.id], limit=2)
        second = keyset_page(session, select(rows), [rows.c.at, rows.c.id], limit=2, cursor=first["next_cursor"])
    engine.dispose()
    assert [row["id"] for row in first["items"] + second["items"]] == [4, 3, 2, 1]
