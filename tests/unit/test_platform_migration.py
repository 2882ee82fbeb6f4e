"""The frozen platform migration builds exactly the tables the code uses today: when kam.db's platform
tables change, this fails until a new platform migration is written."""
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, inspect

from kam.migrate import create_platform_tables, drop_platform_tables, platform_metadata


def shape(engine):
    found = inspect(engine)
    return {table: ({column["name"]: (str(column["type"]), column["nullable"]) for column in found.get_columns(table)},
                    sorted(index["name"] for index in found.get_indexes(table)))
            for table in sorted(found.get_table_names())}


def test_the_frozen_platform_migration_builds_the_tables_the_code_uses():
    migrated, current = create_engine("sqlite://"), create_engine("sqlite://")
    with migrated.begin() as connection:
        create_platform_tables(Operations(MigrationContext.configure(connection)))
    platform_metadata().create_all(current)
    assert shape(migrated) == shape(current)
    with migrated.begin() as connection:
        drop_platform_tables(Operations(MigrationContext.configure(connection)))
    assert inspect(migrated).get_table_names() == []
