"""客户移交: a visit keeps a copy of its customer's owner, who sees every visit to the customer (past ones
too). Set when a visit is planned and on `customer.transferred`; existing visits start without it
(their visitor was the owner, and a transfer sets it).

Revision ID: 0009
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("customer_owner_id", sa.String(64)))


def downgrade():
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("customer_owner_id")
