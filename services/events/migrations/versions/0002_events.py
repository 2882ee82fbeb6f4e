"""Events and their invitations.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _at(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        _at("starts_at"), _at("ends_at"),
        sa.Column("venue", sa.String(200), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("seats_taken", sa.Integer, nullable=False),
        sa.Column("budget", sa.Numeric(12, 2), nullable=False),
        sa.Column("funded_amount", sa.Numeric(12, 2)),
        sa.Column("description", sa.Text),
        sa.Column("planner_id", sa.String(64), nullable=False),
        sa.Column("approver_id", sa.String(64)),
        _at("decided_at", True),
        sa.Column("reason", sa.Text),
        sa.Column("report", sa.JSON),
        _at("reported_at", True), _at("created_at"), _at("updated_at"),
    )
    op.create_index("ix_events_starts", "events", ["starts_at", "id"])
    op.create_table(
        "invitations",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("customer_owner_id", sa.String(64)),
        sa.Column("customer_name", sa.String(200)),
        sa.Column("customer_phone", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("invited_by", sa.String(64), nullable=False),
        _at("responded_at", True), _at("checked_in_at", True), _at("created_at"), _at("updated_at"),
        sa.UniqueConstraint("event_id", "customer_id", name="uq_invitations_event_customer"),
    )
    op.create_index("ix_invitations_event_id", "invitations", ["event_id"])
    op.create_index("ix_invitations_customer_id", "invitations", ["customer_id"])
    op.create_index("ix_invitations_created", "invitations", ["created_at", "id"])


def downgrade():
    op.drop_table("invitations")
    op.drop_table("events")
