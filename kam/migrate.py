"""Alembic, per service: each service's migrations run against its own database only."""
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text

from kam.db import NAMING, add_platform_tables, make_engine


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
    metadata = MetaData(naming_convention=NAMING)
    add_platform_tables(metadata)
    return metadata


def create_platform_tables(op):
    platform_metadata().create_all(op.get_bind())


def drop_platform_tables(op):
    platform_metadata().drop_all(op.get_bind())
