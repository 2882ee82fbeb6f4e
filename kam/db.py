"""Each service's own database: engines, and the platform tables every service database carries."""
import json
import time
import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    create_engine,
    event,
    text,
)
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import sessionmaker

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow():
    return datetime.now(UTC)


def new_id():
    return uuid.uuid4().hex


class UtcDateTime(TypeDecorator):
    """Aware UTC datetimes on every database: SQLite would hand back naive ones, which then leave the
    API and the events without a time zone. A naive value given to it is taken as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self):
        return datetime

    def process_bind_param(self, value, dialect):
        return _as_utc(value)

    def process_result_value(self, value, dialect):
        return _as_utc(value)


def _as_utc(value):
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def service_metadata():
    """A MetaData for one service, with the outbox, inbox and failed-events tables already in it."""
    metadata = MetaData(naming_convention=NAMING)
    add_platform_tables(metadata)
    return metadata


def add_platform_tables(metadata):
    Table(
        "outbox", metadata,
        Column("seq", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(32), nullable=False, unique=True),
        Column("type", String(100), nullable=False),
        Column("envelope", JSON, nullable=False),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("published_at", UtcDateTime()),
        Index("ix_outbox_unpublished", "seq", sqlite_where=text("published_at IS NULL"),
              postgresql_where=text("published_at IS NULL")),
    )
    Table(
        "inbox", metadata,
        Column("event_id", String(32), primary_key=True),
        Column("consumer", String(100), primary_key=True),
        Column("applied_at", UtcDateTime(), nullable=False),
    )
    Table(
        "failed_events", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(32), nullable=False),
        Column("consumer", String(100), nullable=False),
        Column("queue", String(200), nullable=False),
        Column("envelope", JSON, nullable=False),
        Column("error", Text, nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("failed_at", UtcDateTime(), nullable=False),
        Column("replayed_at", UtcDateTime()),
    )


def platform_table(metadata, name):
    return metadata.tables[name]


def driver_url(url):
    """psycopg2 for PostgreSQL: it is green under eventlet (SQLAlchemy 2.1 would pick psycopg 3)."""
    return "postgresql+psycopg2://" + url.split("://", 1)[1] if url.startswith("postgresql://") else url


def make_engine(url, schema=None, **kwargs):
    """An engine for one service database; on PostgreSQL its schema is the search path. Its errors never
    carry the statement's parameters (customers' names and phones would land in logs and failed events)."""
    url = driver_url(url)
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               json_serializer=_dumps, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
    engine = create_engine(url, connect_args=connect_args, json_serializer=_dumps, **kwargs)
    event.listen(engine, "connect", _note_checkin)
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", _ping_if_idle)
    return engine


PING_AFTER_IDLE_S = 2.0


def _note_checkin(_dbapi_connection, record):
    record.info["checked_in_at"] = time.monotonic()


def _ping_if_idle(dbapi_connection, record, _proxy):
    """pool_pre_ping, but only for a connection that sat idle: a ping before every transaction was a round
    trip and 4-11 % of a consumer's CPU under load. A connection that dies while in steady use fails its
    statement instead; SQLAlchemy then drops the whole pool, and the handler's retry or the caller's
    next request gets a fresh one."""
    if time.monotonic() - record.info.get("checked_in_at", 0.0) < PING_AFTER_IDLE_S:
        return
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure of the ping means a new connection
        raise DisconnectionError() from error


def session_factory(engine):
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def _dumps(value):
    return json.dumps(value, ensure_ascii=False)


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
