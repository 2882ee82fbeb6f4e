"""Receptions, deals and their items, service tickets, return visits.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _timestamps(*names, nullable=False):
    return [sa.Column(name, sa.DateTime(timezone=True), nullable=nullable) for name in names]


def _ownership():
    return [sa.Column("id", sa.String(32), primary_key=True),
            sa.Column("customer_id", sa.String(32), nullable=False),
            sa.Column("customer_owner_id", sa.String(64))]


def upgrade():
    op.create_table(
        "receptions", *_ownership(),
        sa.Column("host_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("party_size", sa.Integer, nullable=False),
        sa.Column("needs", sa.Text),
        sa.Column("location", sa.String(200)),
        sa.Column("hosts", sa.JSON, nullable=False),
        sa.Column("arrangements", sa.JSON, nullable=False),
        sa.Column("funded_amount", sa.Numeric(12, 2)),
        sa.Column("approver_id", sa.String(64)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("reason", sa.Text),
        sa.Column("report", sa.JSON),
        sa.Column("reported_at", sa.DateTime(timezone=True)),
        *_timestamps("created_at", "updated_at"),
    )
    op.create_index("ix_receptions_customer_id", "receptions", ["customer_id"])
    op.create_index("ix_receptions_created", "receptions", ["created_at", "id"])

    op.create_table(
        "deals", *_ownership(),
        sa.Column("seller_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("origin_type", sa.String(20), nullable=False),
        sa.Column("origin_id", sa.String(32), nullable=False),
        sa.Column("subtotal", sa.Numeric(12, 2), nullable=False),
        sa.Column("discount", sa.Numeric(12, 2), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("repeat_sale", sa.Boolean, nullable=False),
        sa.Column("delivery_method", sa.String(20), nullable=False),
        sa.Column("delivery_address", sa.Text),
        sa.Column("delivery_date", sa.Date),
        *_timestamps("closed_at"),
        *_timestamps("delivered_at", nullable=True),
        *_timestamps("created_at", "updated_at"),
        sa.UniqueConstraint("customer_id", "sequence", name="uq_deals_customer_sequence"),
    )
    op.create_index("ix_deals_customer_id", "deals", ["customer_id"])
    op.create_index("ix_deals_created", "deals", ["created_at", "id"])

    op.create_table(
        "deal_items",
        sa.Column("deal_id", sa.String(32), primary_key=True),
        sa.Column("line_no", sa.Integer, primary_key=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("description", sa.String(500), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("unit_price", sa.Numeric(12, 2), nullable=False),
        sa.Column("line_total", sa.Numeric(12, 2), nullable=False),
    )

    op.create_table(
        "service_tickets", *_ownership(),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("piece", sa.JSON),
        sa.Column("intake_notes", sa.Text),
        sa.Column("resale_mode", sa.String(20)),
        sa.Column("valuation", sa.Numeric(12, 2)),
        sa.Column("scheduled_at", sa.DateTime(timezone=True)),
        sa.Column("resolution", sa.Text),
        *_timestamps("opened_at"),
        *_timestamps("started_at", "resolved_at", nullable=True),
        *_timestamps("updated_at"),
    )
    op.create_index("ix_service_tickets_customer_id", "service_tickets", ["customer_id"])
    op.create_index("ix_service_tickets_opened", "service_tickets", ["opened_at", "id"])

    op.create_table(
        "return_visits", *_ownership(),
        sa.Column("developer_id", sa.String(64), nullable=False),
        sa.Column("task_id", sa.String(64)),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("content", sa.Text),
        sa.Column("feedback", sa.Text),
        sa.Column("next_steps", sa.Text),
        *_timestamps("recorded_at"),
        sa.UniqueConstraint("task_id", name="uq_return_visits_task_id"),
    )
    op.create_index("ix_return_visits_customer_id", "return_visits", ["customer_id"])
    op.create_index("ix_return_visits_recorded", "return_visits", ["recorded_at", "id"])


def downgrade():
    for table in ("return_visits", "service_tickets", "deal_items", "deals", "receptions"):
        op.drop_table(table)
