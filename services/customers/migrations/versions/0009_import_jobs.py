"""Import jobs: a large file imported over HTTP in the background, its progress and its rejected rows.

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
    op.create_table(
        "import_jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("owner_id", sa.String(64), nullable=False),
        sa.Column("owner_role", sa.String(20), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("content", sa.LargeBinary()),
        sa.Column("total", sa.Integer()),
        sa.Column("done", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("imported", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("rejected", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("error", sa.Text()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_import_jobs_status", "import_jobs", ["status", "created_at"])
    op.create_index("ix_import_jobs_owner", "import_jobs", ["owner_id", "created_at"])
    op.create_table(
        "import_job_rows",
        sa.Column("job_id", sa.String(32), primary_key=True),
        sa.Column("row", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text()),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("customer_id", sa.String(32)),
    )


def downgrade():
    op.drop_table("import_job_rows")
    op.drop_index("ix_import_jobs_owner", "import_jobs")
    op.drop_index("ix_import_jobs_status", "import_jobs")
    op.drop_table("import_jobs")
