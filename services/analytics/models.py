"""The analytics service's tables: the stored event log and the read models fed from it."""
from sqlalchemy import JSON, Column, DateTime, Integer, String, Table

from kam.db import service_metadata

metadata = service_metadata()

event_log = Table(
    "event_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, unique=True),
    Column("type", String(100), nullable=False, index=True),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("envelope", JSON, nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("name", String(100), primary_key=True),
    Column("value", Integer, nullable=False),
)
