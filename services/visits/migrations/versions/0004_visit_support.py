"""Raising a visit's level (提升拜访等级): the support the event planner or a manager adds to a visit.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "visit_support",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("visit_id", sa.String(32), sa.ForeignKey("visits.id"), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("leader_name", sa.String(100)),
        sa.Column("event_id", sa.String(32)),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_visit_support_visit_id", "visit_support", ["visit_id"])


def downgrade():
    op.drop_index("ix_visit_support_visit_id", table_name="visit_support")
    op.drop_table("visit_support")
