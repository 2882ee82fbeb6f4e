"""The platform tables and the customer file.

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
        "customers",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("category", sa.String(20)),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_customers_owner_created", "customers", ["owner_id", "created_at", "id"])


def downgrade():
    op.drop_table("customers")
    drop_platform_tables(op)
