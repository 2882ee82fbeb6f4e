"""接待报告的审查: a reception report's review (pending, accepted, returned) and its versions.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("receptions") as batch:
        batch.add_column(sa.Column("review_status", sa.String(20)))
        batch.add_column(sa.Column("review_comment", sa.Text))
        batch.add_column(sa.Column("reviewed_by", sa.String(64)))
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("versions", sa.JSON))


def downgrade():
    with op.batch_alter_table("receptions") as batch:
        for name in ("versions", "reviewed_at", "reviewed_by", "review_comment", "review_status"):
            batch.drop_column(name)
