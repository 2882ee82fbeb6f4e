"""A customer's revenue kept on its row, so reading a file is one query.

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
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("revenue", sa.Numeric(12, 2), nullable=False, server_default="0"))
    op.execute("UPDATE customers SET revenue = (SELECT COALESCE(SUM(total), 0) FROM deals "
               "WHERE deals.customer_id = customers.id)")


def downgrade():
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("revenue")
