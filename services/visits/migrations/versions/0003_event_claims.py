"""Expense claims on events: an event has no one customer, so a claim's customer may be none.

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
    with op.batch_alter_table("expense_claims") as batch_op:
        batch_op.alter_column("customer_id", existing_type=sa.String(32), nullable=True)


def downgrade():
    """Refused by the database while any event's claim is kept (its customer is none)."""
    with op.batch_alter_table("expense_claims") as batch_op:
        batch_op.alter_column("customer_id", existing_type=sa.String(32), nullable=False)
