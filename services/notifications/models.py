"""The notifications service's own tables: tasks, the facts that schedule them, the inbox, channels."""
from sqlalchemy import JSON, Boolean, Column, Date, Index, Integer, String, Table, Text, UniqueConstraint

from kam.db import UtcDateTime, service_metadata

metadata = service_metadata()


tasks = Table(
    "tasks", metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("customer_id", String(64)),
    Column("subject_type", String(40), nullable=False),
    Column("subject_id", String(64), nullable=False),
    Column("assignee_id", String(64)),
    Column("assignee_role", String(20)),
    Column("due_at", UtcDateTime(), nullable=False),
    Column("original_due_at", UtcDateTime(), nullable=False),
    Column("status", String(20), nullable=False),
    Column("dedupe_key", String(300), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("details", JSON, nullable=False),
    Column("completed_at", UtcDateTime()),
    Column("completed_by", String(64)),
    Column("outcome", Text),
    Column("notes", Text),
    Column("overdue_at", UtcDateTime()),
    Column("escalated_at", UtcDateTime()),
    Index("ix_tasks_status_due", "status", "due_at"),
    Index("ix_tasks_assignee", "assignee_id", "status"),
    Index("ix_tasks_customer", "customer_id"),
)

customer_facts = Table(
    "customer_facts", metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("name", String(200)),
    Column("key_dates", JSON, nullable=False),
    Column("holdings", JSON, nullable=False),
    Column("outreach_opt_out", Boolean, nullable=False),
    Column("known_since", JSON, nullable=False),
    Column("next_check_at", UtcDateTime()),
)

deliveries = Table(
    "delivered_deals", metadata,
    Column("deal_id", String(64), primary_key=True),
    Column("customer_id", String(64), nullable=False),
    Column("seller_id", String(64), nullable=False),
    Column("delivered_at", UtcDateTime(), nullable=False),
    Column("next_check_at", UtcDateTime()),
)

notifications = Table(
    "notifications", metadata,
    Column("id", String(32), primary_key=True),
    Column("recipient_id", String(64)),
    Column("recipient_role", String(20)),
    Column("kind", String(40), nullable=False),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("task_id", String(32)),
    Column("customer_id", String(64)),
    Column("subject_type", String(40)),  # the record it is about (a decided visit, claim…), if any
    Column("subject_id", String(64)),
    Column("dedupe_key", String(300), nullable=False, unique=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_notifications_recipient", "recipient_id", "created_at", "id"),
    Index("ix_notifications_role", "recipient_role", "created_at", "id"),
)

notification_reads = Table(
    "notification_reads", metadata,
    Column("notification_id", String(32), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("read_at", UtcDateTime(), nullable=False),
)

preferences = Table(
    "channel_preferences", metadata,
    Column("user_id", String(64), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("channels", JSON, nullable=False),
    Column("email", String(200)),
    Column("phone", String(40)),
    Column("wechat", String(100)),
    Column("digest", Boolean, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

outgoing = Table(
    "outgoing_messages", metadata,
    Column("id", String(32), primary_key=True),
    Column("notification_id", String(32), nullable=False),
    Column("user_id", String(64), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("address", String(200)),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime()),
    Column("error", Text),
    Column("attempts", Integer, nullable=False),
    UniqueConstraint("notification_id", "user_id", "channel", name="uq_outgoing_messages_once"),
    Index("ix_outgoing_unsent", "sent_at", "created_at"),
)

work_order_deadlines = Table(
    "work_order_deadlines", metadata,  # a repair's promised date, a consignment's end: a task once past
    Column("ticket_id", String(64), primary_key=True),
    Column("kind", String(40), primary_key=True),
    Column("customer_id", String(64), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("closed_at", UtcDateTime()),
    Column("raised_at", UtcDateTime()),
)

customer_messages = Table(
    "customer_messages", metadata,  # what the customer is told (a piece ready), by the channel they chose
    Column("id", String(32), primary_key=True),
    Column("dedupe_key", String(300), nullable=False, unique=True),
    Column("customer_id", String(64), nullable=False, index=True),
    Column("channel", String(20), nullable=False),
    Column("address", String(200)),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("sent_at", UtcDateTime()),
    Column("error", Text),
    Column("attempts", Integer, nullable=False),
)

plan_step_deadlines = Table(
    "plan_step_deadlines", metadata,  # a development plan's step (customers): its owner's task once past due
    Column("step_id", String(64), primary_key=True),
    Column("plan_id", String(64), nullable=False),
    Column("customer_id", String(64), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("method", String(40), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("closed_at", UtcDateTime()),
    Column("raised_at", UtcDateTime()),
)
