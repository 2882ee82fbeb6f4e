"""Carrying out a development plan: each step's due date, watched until the step is done; past it, the
owner's task once.

Revision ID: 0006
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "plan_step_deadlines",
        sa.Column("step_id", sa.String(64), primary_key=True),
        sa.Column("plan_id", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), nullable=False),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True)),
        sa.Column("raised_at", sa.DateTime(timezone=True)),
    )


def downgrade():
    op.drop_table("plan_step_deadlines")
