"""The analytics service's tables: the stored event log and the read models fed from it.

Every read model is rebuilt from `event_log` by `kam analytics rebuild`; nothing else writes them.
"""
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    UniqueConstraint,
)

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()

event_log = Table(
    "event_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(32), nullable=False, unique=True),
    Column("type", String(100), nullable=False, index=True),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("envelope", JSON, nullable=False),
)

customer_profiles = Table(
    "customer_profiles", metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("owner_id", String(64), index=True),
    Column("owner_at", UtcDateTime()),
    Column("category", String(30)),
    Column("category_at", UtcDateTime()),
    Column("source_channel", String(50)),
    Column("source_channel_at", UtcDateTime()),
    Column("stage", String(20)),
    Column("registered_at", UtcDateTime()),
    Column("erased_at", UtcDateTime()),
    Column("assessed_at", UtcDateTime()),
    Column("expected_revenue", Numeric(12, 2)),
    Column("expected_profit", Numeric(12, 2)),
    Column("total_cost", Numeric(12, 2)),
    Column("worth_developing", Boolean),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("metric", String(30), nullable=False),
    Column("subject_id", String(64), nullable=False),
    Column("customer_id", String(64), index=True),
    Column("developer_id", String(64), index=True),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("amount", Numeric(12, 2)),
    UniqueConstraint("metric", "subject_id", name="uq_facts_metric_subject"),
    Index("ix_facts_occurred_on_metric", "occurred_on", "metric"),
)

stages_reached = Table(
    "customer_stage_reached", metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("stage", String(20), primary_key=True),
    Column("reached_at", UtcDateTime(), nullable=False),
    Column("previous_stage", String(20)),
    Column("skipped", Boolean, nullable=False),
)

# Events as the events service announced them: the latest fact sets the status.
event_profiles = Table(
    "event_profiles", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("title", String(200)),
    Column("kind", String(30)),
    Column("planner_id", String(64)),
    Column("starts_at", UtcDateTime(), index=True),
    Column("ends_at", UtcDateTime()),
    Column("status", String(20)),
    Column("status_at", UtcDateTime()),
)

# One row per invitation: when it went out, the guest's latest answer, when the guest came.
event_guests = Table(
    "event_guests", metadata,
    Column("invitation_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False, index=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("owner_id", String(64)),
    Column("invited_at", UtcDateTime()),
    Column("response", String(20)),
    Column("responded_at", UtcDateTime()),
    Column("attended_at", UtcDateTime()),
)

# Reimbursed expense claims whose subject is an event: the event's cost.
event_costs = Table(
    "event_costs", metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False, index=True),
    Column("claimant_id", String(64)),
    Column("amount", Numeric(12, 2), nullable=False),
    Column("reimbursed_at", UtcDateTime(), nullable=False),
)

READ_MODELS = (customer_profiles, facts, stages_reached, event_profiles, event_guests, event_costs)
