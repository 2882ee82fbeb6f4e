"""The custom centre: work-order deadlines (a repair's promised date, a consignment's end) and the
messages that tell a customer their piece is ready.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _at(name, nullable=True):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "work_order_deadlines",
        sa.Column("ticket_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        _at("closed_at"),
        _at("raised_at"),
    )
    op.create_table(
        "customer_messages",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("dedupe_key", sa.String(300), nullable=False, unique=True),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("address", sa.String(200)),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        _at("created_at", False),
        _at("sent_at"),
        sa.Column("error", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
    )
    op.create_index("ix_customer_messages_customer_id", "customer_messages", ["customer_id"])


def downgrade():
    op.drop_table("customer_messages")
    op.drop_table("work_order_deadlines")
