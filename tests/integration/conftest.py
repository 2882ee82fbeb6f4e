"""Integration tests: the real RabbitMQ (a vhost per test) and PostgreSQL (a database per test)."""
import eventlet

eventlet.monkey_patch()  # nameko's pytest plugin no longer does it

import pytest  # noqa: E402

from kam import migrate, testing  # noqa: E402
from kam.config import Settings  # noqa: E402
from kam.plugins import discover  # noqa: E402


@pytest.fixture(scope="session")
def migrated_template():
    """A database with every service's migrations applied, copied for each test."""
    url = testing.create_database(testing.unique_name("kam_template"))
    settings = Settings(database_url=url)
    from gateway.cli import MIGRATIONS

    for name, folder in MIGRATIONS:
        migrate.upgrade(name, folder, settings)
    for name, plugin in discover().items():
        migrate.upgrade(name, plugin.migrations, settings)
    yield url.rsplit("/", 1)[1]
    testing.drop_database(url)


@pytest.fixture
def database_url(migrated_template):
    url = testing.create_database(template=migrated_template)
    yield url
    testing.drop_database(url)


@pytest.fixture
def vhost_uri():
    uri = testing.create_vhost()
    yield uri
    testing.delete_vhost(uri)


@pytest.fixture
def settings(database_url, vhost_uri, tmp_path):
    return Settings(amqp_uri=vhost_uri, database_url=database_url, data_dir=tmp_path,
                    retry_delays=(0.05, 0.1), relay_poll_seconds=0.02)



@pytest.fixture
def service_harness(runner_factory, rabbit_config, database_url, tmp_path):
    """`service_harness(ServiceClass, *stand_ins, now=...)`: the one integration fixture for a service."""
    from kam.harness import ServiceHarness

    def start(*services, now=None, **settings):
        return ServiceHarness(runner_factory, rabbit_config, database_url, tmp_path, services, now=now, **settings)

    return start
