"""Visits and their pre-visit discussion, expense claims with items and receipts, and the receptions
read model of the coordinator's view.

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
    op.create_table(
        "visits",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("customer_name", sa.String(200)),
        sa.Column("customer_category", sa.String(20)),
        sa.Column("visitor_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(300)),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("objectives", sa.Text),
        sa.Column("preparation", sa.JSON, nullable=False),
        sa.Column("companions", sa.JSON, nullable=False),
        sa.Column("budget", sa.Numeric(12, 2)),
        sa.Column("funded_amount", sa.Numeric(12, 2)),
        sa.Column("approver_id", sa.String(64)),
        sa.Column("rejection_reason", sa.Text),
        sa.Column("submitted_at", sa.DateTime(timezone=True)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("occurred_at", sa.DateTime(timezone=True)),
        sa.Column("record_place", sa.String(300)),
        sa.Column("record_method", sa.String(20)),
        sa.Column("talking_points", sa.Text),
        sa.Column("customer_feedback", sa.Text),
        sa.Column("next_steps", sa.Text),
        sa.Column("next_visit_at", sa.DateTime(timezone=True)),
        sa.Column("recorded_at", sa.DateTime(timezone=True)),
        sa.Column("callback_due_at", sa.DateTime(timezone=True)),
        sa.Column("callback_done_at", sa.DateTime(timezone=True)),
        sa.Column("callback_on_time", sa.Boolean),
        sa.Column("summary", sa.Text),
        sa.Column("summarized_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_visits_created", "visits", ["created_at", "id"])
    op.create_index("ix_visits_customer", "visits", ["customer_id"])
    op.create_index("ix_visits_status_planned", "visits", ["status", "planned_at"])
    op.create_index("ix_visits_visitor_created", "visits", ["visitor_id", "created_at", "id"])
    op.create_table(
        "visit_advice",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("visit_id", sa.String(32), sa.ForeignKey("visits.id"), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("advisor", sa.String(100), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_visit_advice_visit_id", "visit_advice", ["visit_id"])
    op.create_table(
        "expense_claims",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("claimant_id", sa.String(64), nullable=False),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("subject_type", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.String(32), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        sa.Column("funded_amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("over_funded", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("override_reason", sa.Text),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("reimbursed_by", sa.String(64)),
        sa.Column("submitted_at", sa.DateTime(timezone=True)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("reimbursed_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_expense_claims_claimant_created", "expense_claims", ["claimant_id", "created_at", "id"])
    op.create_index("ix_expense_claims_created", "expense_claims", ["created_at", "id"])
    op.create_index("ix_expense_claims_customer_id", "expense_claims", ["customer_id"])
    op.create_index("ix_expense_claims_subject", "expense_claims", ["subject_type", "subject_id"])
    op.create_table(
        "expense_claim_items",
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("expense_claims.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "expense_receipts",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("claim_id", sa.String(32), sa.ForeignKey("expense_claims.id"), nullable=False),
        sa.Column("filename", sa.String(255)),
        sa.Column("content_type", sa.String(50), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("stored_as", sa.String(300), nullable=False),
        sa.Column("uploaded_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_expense_receipts_claim_id", "expense_receipts", ["claim_id"])
    op.create_table(
        "receptions_seen",
        sa.Column("reception_id", sa.String(32), primary_key=True),
        sa.Column("customer_id", sa.String(32), nullable=False),
        sa.Column("host_id", sa.String(64)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("party_size", sa.Integer),
        sa.Column("funded_amount", sa.Numeric(12, 2)),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_receptions_seen_customer_id", "receptions_seen", ["customer_id"])
    op.create_index("ix_receptions_seen_status_scheduled", "receptions_seen", ["status", "scheduled_at"])


def downgrade():
    for table in ("receptions_seen", "expense_receipts", "expense_claim_items", "expense_claims", "visit_advice",
                  "visits"):
        op.drop_table(table)
