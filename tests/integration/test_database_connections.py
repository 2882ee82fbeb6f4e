"""The pool pings a PostgreSQL connection only after it sat idle: one that died while idle is replaced unseen;
one that dies in steady use fails its statement once (the handler retries, the caller gets an error) and the
pool is renewed."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kam import db, testing
from kam.db import make_engine


@pytest.fixture
def database():
    url = testing.create_database(testing.unique_name("kam_connections"))
    yield url
    testing.drop_database(url)


def _backend_pid(engine):
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _terminate(database, pid):
    killer = make_engine(database)
    try:
        with killer.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        killer.dispose()


def test_an_idle_connection_that_died_is_replaced_before_use(database, monkeypatch):
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)
    engine = make_engine(database, pool_size=1, max_overflow=0)
    try:
        first = _backend_pid(engine)
        _terminate(database, first)

        assert _backend_pid(engine) != first
    finally:
        engine.dispose()


def test_a_connection_that_dies_in_steady_use_fails_once_and_the_next_use_gets_a_new_one(database, monkeypatch):
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 3600.0)
    engine = make_engine(database, pool_size=1, max_overflow=0)
    try:
        first = _backend_pid(engine)
        _terminate(database, first)

        with pytest.raises(DBAPIError) as failed:
            _backend_pid(engine)
        assert failed.value.connection_invalidated
        assert _backend_pid(engine) != first
    finally:
        engine.dispose()
