"""Deal items say whether their sku is a catalog product or free text.

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
    with op.batch_alter_table("deal_items") as batch_op:
        batch_op.add_column(sa.Column("in_catalog", sa.Boolean))


def downgrade():
    with op.batch_alter_table("deal_items") as batch_op:
        batch_op.drop_column("in_catalog")
