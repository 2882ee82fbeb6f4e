"""Alembic, per service: each service's migrations run against its own database only."""
from pathlib import Path

import sqlalchemy as sa
from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text

from kam.db import NAMING, UtcDateTime, add_platform_tables, make_engine


def alembic_config(migrations_dir, connection=None):
    config = Config()
    config.set_main_option("script_location", str(Path(migrations_dir)))
    config.attributes["connection"] = connection
    return config


def upgrade(name, migrations_dir, settings, revision="head"):
    url, schema = settings.database_for(name)
    engine = make_engine(url, schema)
    try:
        if schema:
            with engine.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
        with engine.begin() as connection:
            command.upgrade(alembic_config(migrations_dir, connection), revision)
    finally:
        engine.dispose()


def run_env(target_metadata):
    """The body of every service's migrations/env.py."""
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def platform_metadata():
    """Today's platform tables, as the code uses them (kam.db); the migrations below must build the same."""
    metadata = MetaData(naming_convention=NAMING)
    add_platform_tables(metadata)
    return metadata


def create_platform_tables(op):
    """Version 1 of the platform tables, frozen: every service's first migration calls this, so an old
    migration replays the shape it had then, not today's. A change to the platform tables is a new
    function here and a new revision in every service (tests/unit/test_platform_migration.py)."""
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("envelope", sa.JSON, nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("published_at", UtcDateTime()),
        sa.PrimaryKeyConstraint("seq", name="pk_outbox"),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_id"),
    )
    op.create_index("ix_outbox_unpublished", "outbox", ["seq"], sqlite_where=sa.text("published_at IS NULL"),
                    postgresql_where=sa.text("published_at IS NULL"))
    op.create_table(
        "inbox",
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("applied_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "consumer", name="pk_inbox"),
    )
    op.create_table(
        "failed_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("queue", sa.String(200), nullable=False),
        sa.Column("envelope", sa.JSON, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("failed_at", UtcDateTime(), nullable=False),
        sa.Column("replayed_at", UtcDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_failed_events"),
    )


def drop_platform_tables(op):
    for table in ("failed_events", "inbox", "outbox"):
        op.drop_table(table)
