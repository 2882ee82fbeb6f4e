"""The events service's own tables."""
from sqlalchemy import JSON, Column, Index, Integer, Numeric, String, Table, Text, UniqueConstraint

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("starts_at", UtcDateTime(), nullable=False),
    Column("ends_at", UtcDateTime(), nullable=False),
    Column("venue", String(200), nullable=False),
    Column("capacity", Integer, nullable=False),
    # Seats taken (accepted or attended): raised only by a conditional UPDATE below capacity.
    Column("seats_taken", Integer, nullable=False),
    Column("budget", Numeric(12, 2), nullable=False),
    Column("funded_amount", Numeric(12, 2)),
    Column("description", Text),
    Column("planner_id", String(64), nullable=False),
    Column("approver_id", String(64)),
    Column("decided_at", UtcDateTime()),
    Column("reason", Text),
    Column("report", JSON),
    Column("reported_at", UtcDateTime()),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_events_starts", "starts_at", "id"),
)

invitations = Table(
    "invitations", metadata,
    Column("id", String(32), primary_key=True),
    Column("event_id", String(32), nullable=False, index=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("customer_owner_id", String(64)),
    Column("customer_name", String(200)),
    Column("customer_phone", String(40)),
    Column("status", String(20), nullable=False),
    Column("invited_by", String(64), nullable=False),
    Column("responded_at", UtcDateTime()),
    Column("checked_in_at", UtcDateTime()),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("event_id", "customer_id", name="uq_invitations_event_customer"),
    Index("ix_invitations_created", "created_at", "id"),
)
