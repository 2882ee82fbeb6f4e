"""客户移交: a development plan keeps a copy of its customer's owner, who sees every plan on the customer
(past ones too) after a transfer. Existing plans take their customer's current owner.

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
    with op.batch_alter_table("development_plans") as batch:
        batch.add_column(sa.Column("customer_owner_id", sa.String(64)))
    op.execute("UPDATE development_plans SET customer_owner_id = "
               "(SELECT owner_id FROM customers WHERE customers.id = development_plans.customer_id)")


def downgrade():
    with op.batch_alter_table("development_plans") as batch:
        batch.drop_column("customer_owner_id")
