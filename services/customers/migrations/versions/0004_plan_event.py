"""A development plan whose methods include an event may name the event.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("development_plans") as batch:
        batch.add_column(sa.Column("event_id", sa.String(32)))


def downgrade():
    with op.batch_alter_table("development_plans") as batch:
        batch.drop_column("event_id")
