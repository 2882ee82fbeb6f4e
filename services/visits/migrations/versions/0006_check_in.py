"""签到: the visitor's arrival on a visit (time, place, location).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("checked_in_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("check_in_place", sa.String(300)))
        batch.add_column(sa.Column("check_in_location", sa.JSON))


def downgrade():
    with op.batch_alter_table("visits") as batch:
        for name in ("check_in_location", "check_in_place", "checked_in_at"):
            batch.drop_column(name)
