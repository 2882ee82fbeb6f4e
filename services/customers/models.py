"""The customers service's own tables."""
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()

customers = Table(
    "customers", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("category", String(20)),
    Column("stage", String(20), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("phone", String(40)),
    Column("wechat", String(100)),
    Column("email", String(200)),
    Column("source_channel", String(40)),
    Column("referrer_id", String(32)),
    Column("source_note", Text),
    Column("key_dates", JSON, nullable=False),
    Column("profile", JSON, nullable=False),
    Column("sensitive_sealed", Text),
    Column("consent", JSON),
    Column("outreach_opt_out", Boolean, nullable=False),
    Column("score", Integer),
    Column("revenue", Numeric(12, 2), nullable=False, server_default="0"),  # of its closed deals
    Column("score_reasons", JSON),
    Column("rules_hash", String(64)),
    Column("erased_at", UtcDateTime()),
    Column("phone_key", String(40)),  # the phone and WeChat as compared (domain/duplicates.py): one person once
    Column("wechat_key", String(100)),
    # phone_key reversed: its last digits are a prefix (handlers/search.py); bytewise, so PostgreSQL can
    # estimate the prefix (migration 0011)
    Column("phone_tail", String(40).with_variant(String(40, collation="C"), "postgresql")),
    Index("uq_customers_phone_key", "phone_key", unique=True, postgresql_where=text("phone_key IS NOT NULL"),
          sqlite_where=text("phone_key IS NOT NULL")),
    Index("uq_customers_wechat_key", "wechat_key", unique=True, postgresql_where=text("wechat_key IS NOT NULL"),
          sqlite_where=text("wechat_key IS NOT NULL")),
    Index("ix_customers_phone_tail", "phone_tail",
          postgresql_where=text("phone_tail IS NOT NULL"), sqlite_where=text("phone_tail IS NOT NULL")),
    Index("ix_customers_owner_created", "owner_id", "created_at", "id"),
    Index("ix_customers_category_stage", "category", "stage", "created_at", "id"),
    Index("ix_customers_stage", "stage", "created_at", "id"),
    Index("ix_customers_created", "created_at", "id"),
    Index("ix_customers_referrer", "referrer_id"),
)

search_tokens = Table(
    "search_tokens", metadata,
    Column("token", String(64), primary_key=True),
    Column("customer_id", String(32), primary_key=True),
    Index("ix_search_tokens_customer", "customer_id"),
)

customer_history = Table(
    "customer_history", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("user_id", String(64)),
    Column("changes", JSON, nullable=False),
    Index("ix_customer_history_customer", "customer_id", "at", "id"),
)

customer_links = Table(
    "customer_links", metadata,
    Column("id", String(32), primary_key=True),
    Column("from_id", String(32), nullable=False, index=True),
    Column("to_id", String(32), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("note", Text),
    Column("created_by", String(64)),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("from_id", "to_id", "kind", name="uq_customer_links_pair"),
)

deals = Table(
    "deals", metadata,
    Column("deal_id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("total", Numeric(12, 2), nullable=False),
    Column("closed_at", UtcDateTime()),
)

contacts = Table(
    "contacts", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("developer_id", String(64), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("topic", Text),
    Column("content", Text),
    Column("outcome", Text),
    Column("occurred_at", UtcDateTime(), nullable=False),
    Index("ix_contacts_customer", "customer_id", "occurred_at", "id"),
)

assessments = Table(
    "assessments", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("developer_id", String(64), nullable=False),
    Column("expected_revenue", Numeric(12, 2), nullable=False),
    Column("expected_profit", Numeric(12, 2), nullable=False),
    Column("costs", JSON, nullable=False),
    Column("total_cost", Numeric(12, 2), nullable=False),
    Column("risk_factor", Numeric(4, 3), nullable=False),
    Column("risk_adjusted_profit", Numeric(12, 2), nullable=False),
    Column("worth_developing", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_assessments_customer", "customer_id", "created_at", "id"),
)

development_plans = Table(
    "development_plans", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False, index=True),
    Column("developer_id", String(64), nullable=False),
    Column("customer_owner_id", String(64)),  # the customer's owner sees every plan on it, past ones too
    Column("methods", JSON, nullable=False),
    Column("plan", Text),
    Column("budget", Numeric(12, 2), nullable=False),
    Column("event_id", String(32)),  # the events service's event the plan invites the customer to
    Column("status", String(20), nullable=False),
    Column("reason", Text),
    Column("decided_by", String(64)),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_development_plans_developer", "developer_id", "created_at", "id"),
    Index("ix_development_plans_created", "created_at", "id"),
)

plan_steps = Table(
    "plan_steps", metadata,  # 实施开发计划: what an approved plan does, by when, and the work that did it
    Column("id", String(32), primary_key=True),
    Column("plan_id", String(32), nullable=False),
    Column("customer_id", String(32), nullable=False),
    Column("method", String(40), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("note", Text),
    Column("status", String(20), nullable=False),
    Column("done_by_kind", String(20)),
    Column("done_by_id", String(64)),
    Column("done_at", UtcDateTime()),
    Column("completed_by", String(64)),  # the user who marked it, or null when the work itself did
    Column("created_by", String(64), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_plan_steps_plan", "plan_id", "created_at", "id"),
    Index("ix_plan_steps_customer_open", "customer_id", "status"),
)

access_log = Table(
    "access_log", metadata,
    Column("id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("user_id", String(64)),
    Column("fields", JSON, nullable=False),
    Column("purpose", Text),
    Index("ix_access_log_customer", "customer_id", "at", "id"),
)

timeline = Table(
    "timeline", metadata,
    Column("event_id", String(32), primary_key=True),
    Column("customer_id", String(32), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("kind", String(100), nullable=False),
    Column("summary", Text, nullable=False),
    Column("source_type", String(50)),
    Column("source_id", String(64)),
    Index("ix_timeline_customer", "customer_id", "at", "event_id"),
)

classification_state = Table(
    "classification_state", metadata,
    Column("name", String(40), primary_key=True),
    Column("rules_hash", String(64), nullable=False),
    Column("evaluated_at", UtcDateTime(), nullable=False),
)

import_jobs = Table(
    "import_jobs", metadata,  # a large file imported over HTTP, in the background, with its progress
    Column("id", String(32), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("owner_role", String(20), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("status", String(20), nullable=False),
    Column("content", LargeBinary),  # the uploaded file, until the job is done
    Column("total", Integer),
    Column("done", Integer, nullable=False, server_default="0"),
    Column("imported", Integer, nullable=False, server_default="0"),
    Column("rejected", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("finished_at", UtcDateTime()),
    Index("ix_import_jobs_status", "status", "created_at"),
    Index("ix_import_jobs_owner", "owner_id", "created_at"),
)

import_job_rows = Table(
    "import_job_rows", metadata,  # the rejected rows of a job, each with why
    Column("job_id", String(32), primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("name", Text),
    Column("errors", JSON, nullable=False),
    Column("customer_id", String(32)),
)
