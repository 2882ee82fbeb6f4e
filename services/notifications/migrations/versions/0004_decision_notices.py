"""Decisions reach the person who asked: a notice names the record it is about (its subject).

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
    op.add_column("notifications", sa.Column("subject_type", sa.String(40), nullable=True))
    op.add_column("notifications", sa.Column("subject_id", sa.String(64), nullable=True))


def downgrade():
    op.drop_column("notifications", "subject_id")
    op.drop_column("notifications", "subject_type")
