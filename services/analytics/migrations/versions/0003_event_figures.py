"""Read models for the event figures: events, their guests and their reimbursed cost.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "event_profiles",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(200)),
        sa.Column("kind", sa.String(30)),
        sa.Column("planner_id", sa.String(64)),
        sa.Column("starts_at", sa.DateTime(timezone=True), index=True),
        sa.Column("ends_at", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(20)),
        sa.Column("status_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "event_guests",
        sa.Column("invitation_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, index=True),
        sa.Column("customer_id", sa.String(64), nullable=False, index=True),
        sa.Column("owner_id", sa.String(64)),
        sa.Column("invited_at", sa.DateTime(timezone=True)),
        sa.Column("response", sa.String(20)),
        sa.Column("responded_at", sa.DateTime(timezone=True)),
        sa.Column("attended_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "event_costs",
        sa.Column("claim_id", sa.String(64), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, index=True),
        sa.Column("claimant_id", sa.String(64)),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("reimbursed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("event_costs")
    op.drop_table("event_guests")
    op.drop_table("event_profiles")
