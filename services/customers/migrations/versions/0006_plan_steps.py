"""Carrying out a development plan (实施开发计划): the steps of an approved plan.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _at(name, nullable=True):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table(
        "plan_steps",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("plan_id", sa.String(32), nullable=False),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("done_by_kind", sa.String(20)),
        sa.Column("done_by_id", sa.String(64)),
        _at("done_at"),
        sa.Column("completed_by", sa.String(64)),
        sa.Column("created_by", sa.String(64), nullable=False),
        _at("created_at", False),
    )
    op.create_index("ix_plan_steps_plan", "plan_steps", ["plan_id", "created_at", "id"])
    op.create_index("ix_plan_steps_customer_open", "plan_steps", ["customer_id", "status"])


def downgrade():
    op.drop_table("plan_steps")
