"""Tasks, the facts that schedule them, the inbox, channel preferences and outgoing messages.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _at(name, nullable=True):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "tasks",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(64)),
        sa.Column("subject_type", sa.String(40), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("assignee_id", sa.String(64)),
        sa.Column("assignee_role", sa.String(20)),
        _at("due_at", False),
        _at("original_due_at", False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("dedupe_key", sa.String(300), nullable=False, unique=True),
        _at("created_at", False),
        sa.Column("details", sa.JSON, nullable=False),
        _at("completed_at"),
        sa.Column("completed_by", sa.String(64)),
        sa.Column("outcome", sa.Text),
        sa.Column("notes", sa.Text),
        _at("overdue_at"),
        _at("escalated_at"),
    )
    op.create_index("ix_tasks_status_due", "tasks", ["status", "due_at"])
    op.create_index("ix_tasks_assignee", "tasks", ["assignee_id", "status"])
    op.create_index("ix_tasks_customer", "tasks", ["customer_id"])
    op.create_table(
        "customer_facts",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("key_dates", sa.JSON, nullable=False),
        sa.Column("holdings", sa.JSON, nullable=False),
        sa.Column("outreach_opt_out", sa.Boolean, nullable=False),
        sa.Column("known_since", sa.JSON, nullable=False),
        _at("next_check_at"),
    )
    op.create_table(
        "delivered_deals",
        sa.Column("deal_id", sa.String(64), primary_key=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("seller_id", sa.String(64), nullable=False),
        _at("delivered_at", False),
        _at("next_check_at"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("recipient_id", sa.String(64)),
        sa.Column("recipient_role", sa.String(20)),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("task_id", sa.String(32)),
        sa.Column("customer_id", sa.String(64)),
        sa.Column("dedupe_key", sa.String(300), nullable=False, unique=True),
        _at("created_at", False),
    )
    op.create_index("ix_notifications_recipient", "notifications", ["recipient_id", "created_at", "id"])
    op.create_index("ix_notifications_role", "notifications", ["recipient_role", "created_at", "id"])
    op.create_table(
        "notification_reads",
        sa.Column("notification_id", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(64), primary_key=True),
        _at("read_at", False),
    )
    op.create_table(
        "channel_preferences",
        sa.Column("user_id", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("channels", sa.JSON, nullable=False),
        sa.Column("email", sa.String(200)),
        sa.Column("phone", sa.String(40)),
        sa.Column("wechat", sa.String(100)),
        sa.Column("digest", sa.Boolean, nullable=False),
        _at("updated_at", False),
    )
    op.create_table(
        "outgoing_messages",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("notification_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("address", sa.String(200)),
        _at("created_at", False),
        _at("sent_at"),
        sa.Column("error", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.UniqueConstraint("notification_id", "user_id", "channel", name="uq_outgoing_messages_once"),
    )
    op.create_index("ix_outgoing_unsent", "outgoing_messages", ["sent_at", "created_at"])


def downgrade():
    for table in ("outgoing_messages", "channel_preferences", "notification_reads", "notifications",
                  "delivered_deals", "customer_facts", "tasks"):
        op.drop_table(table)
