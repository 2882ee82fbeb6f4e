"""The platform tables, the event log and the counters.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

from kam.migrate import create_platform_tables, drop_platform_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    create_platform_tables(op)
    op.create_table(
        "event_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False, unique=True),
        sa.Column("type", sa.String(100), nullable=False, index=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("envelope", sa.JSON, nullable=False),
    )
    op.create_table(
        "counters",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )


def downgrade():
    op.drop_table("counters")
    op.drop_table("event_log")
    drop_platform_tables(op)
