"""Read models for the reports: customer profiles, per-event facts and the stages customers reached.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("counters")
    op.create_table(
        "customer_profiles",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("owner_id", sa.String(64), index=True),
        sa.Column("owner_at", sa.DateTime(timezone=True)),
        sa.Column("category", sa.String(30)),
        sa.Column("category_at", sa.DateTime(timezone=True)),
        sa.Column("source_channel", sa.String(50)),
        sa.Column("source_channel_at", sa.DateTime(timezone=True)),
        sa.Column("stage", sa.String(20)),
        sa.Column("registered_at", sa.DateTime(timezone=True)),
        sa.Column("erased_at", sa.DateTime(timezone=True)),
        sa.Column("assessed_at", sa.DateTime(timezone=True)),
        sa.Column("expected_revenue", sa.Numeric(12, 2)),
        sa.Column("expected_profit", sa.Numeric(12, 2)),
        sa.Column("total_cost", sa.Numeric(12, 2)),
        sa.Column("worth_developing", sa.Boolean),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("metric", sa.String(30), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(64), index=True),
        sa.Column("developer_id", sa.String(64), index=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("amount", sa.Numeric(12, 2)),
        sa.UniqueConstraint("metric", "subject_id", name="uq_facts_metric_subject"),
    )
    op.create_index("ix_facts_occurred_on_metric", "facts", ["occurred_on", "metric"])
    op.create_table(
        "customer_stage_reached",
        sa.Column("customer_id", sa.String(64), primary_key=True),
        sa.Column("stage", sa.String(20), primary_key=True),
        sa.Column("reached_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("previous_stage", sa.String(20)),
        sa.Column("skipped", sa.Boolean, nullable=False),
    )


def downgrade():
    op.drop_table("customer_stage_reached")
    op.drop_index("ix_facts_occurred_on_metric", "facts")
    op.drop_table("facts")
    op.drop_table("customer_profiles")
    op.create_table(
        "counters",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
