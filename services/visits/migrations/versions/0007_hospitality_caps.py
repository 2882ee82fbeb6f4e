"""Hospitality caps (规格根据公司规定) per customer category, and the log of the managers' overrides.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hospitality_caps",
        sa.Column("category", sa.String(20), primary_key=True),
        sa.Column("gift_value", sa.Numeric(12, 2)),
        sa.Column("meal_per_head", sa.Numeric(12, 2)),
        sa.Column("updated_by", sa.String(64)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "hospitality_overrides",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("subject_type", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.String(32), nullable=False),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("category", sa.String(20)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("cap", sa.Numeric(12, 2), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("approver_id", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_hospitality_overrides_at", "hospitality_overrides", ["at", "id"])
    op.create_index("uq_hospitality_overrides_subject", "hospitality_overrides", ["subject_type", "subject_id", "kind"],
                    unique=True)


def downgrade():
    op.drop_table("hospitality_overrides")
    op.drop_table("hospitality_caps")
