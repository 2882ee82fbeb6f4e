"""Users, sessions and failed logins of the gateway on an embedded database: a change takes effect at once."""
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from flask import Flask, request

from gateway import throttle
from gateway.app import trust_proxies
from gateway.models import metadata
from gateway.sessions import SessionStore
from gateway.users import TooManyAttempts, UserStore
from kam.config import Settings
from kam.db import utcnow
from kam.errors import NotFound


@pytest.fixture
def store(tmp_path, monkeypatch):
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # these tests are about counting, not hashing
    monkeypatch.setattr("gateway.users._hasher", quick)
    monkeypatch.setattr("gateway.users._DUMMY_HASH", quick.hash("timing-equaliser"))
    users = UserStore(Settings(data_dir=tmp_path))
    metadata.create_all(users.engine)
    yield users
    users.engine.dispose()


@pytest.fixture
def sessions(store):
    return SessionStore(store.engine, Settings())


def _claims(user, session_id, jti=None):
    return {"sub": user.id, "sid": session_id, "ver": user.token_version, "jti": jti}


def test_a_change_of_role_name_status_or_password_ends_every_session_of_the_user_at_once(store, sessions):
    user = store.add("lihua", "password-1", "developer")
    session_id, _ = sessions.start(user)
    assert sessions.current_user(_claims(user, session_id)).role == "developer"
    for change in ({"role": "manager"}, {"display_name": "李华"}, {"disabled": False}):
        old = store.get(user.id)
        store.change(user.id, **change)
        assert sessions.current_user(_claims(old, session_id)) is None
    old = store.get(user.id)
    store.reset_password(user.id, "password-2")
    assert sessions.current_user(_claims(old, session_id)) is None
    assert store.authenticate("lihua", "password-2", "10.0.0.1").token_version == old.token_version + 1


def test_a_disabled_or_deleted_users_token_fails(store, sessions):
    user = store.add("wangfang", "password-1", "developer")
    session_id, _ = sessions.start(user)
    disabled = store.change(user.id, disabled=True)
    assert sessions.current_user(_claims(disabled, session_id)) is None
    assert sessions.current_user({"sub": "nobody", "sid": session_id, "ver": 0}) is None
    with pytest.raises(NotFound):
        store.change("nobody", role="admin")


def test_a_refresh_token_works_once_and_a_replayed_one_ends_the_session(store, sessions):
    user = store.add("zhaolei", "password-1", "coordinator")
    session_id, first = sessions.start(user)
    refreshed, second = sessions.refresh(_claims(user, session_id, first))
    assert refreshed.id == user.id and second != first
    assert sessions.refresh(_claims(user, session_id, first)) is None  # a copy of the old one
    assert sessions.refresh(_claims(user, session_id, second)) is None  # so the session is over
    assert sessions.current_user(_claims(user, session_id)) is None


def test_logout_ends_this_session_only(store, sessions):
    user = store.add("chenjing", "password-1", "planner")
    ipad, _ = sessions.start(user)
    desk, _ = sessions.start(user)
    sessions.end(ipad)
    assert sessions.current_user(_claims(user, ipad)) is None
    assert sessions.current_user(_claims(user, desk)) is not None


def test_the_delay_after_failed_logins_doubles_up_to_a_minute():
    assert [throttle.delay_after(n, 3) for n in range(12)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_failed_logins_slow_the_next_try_instead_of_locking_the_account(store, monkeypatch):
    store.add("zhangmin", "password-1", "manager")
    start = utcnow()
    clock = [start]
    monkeypatch.setattr("gateway.users.utcnow", lambda: clock[0])
    for _ in range(3):
        assert store.authenticate("zhangmin", "wrong", "10.0.0.9") is None
    with pytest.raises(TooManyAttempts) as waiting:
        store.authenticate("zhangmin", "password-1", "10.0.0.9")
    assert waiting.value.retry_after == 1
    clock[0] = start + timedelta(seconds=1.5)
    assert store.authenticate("zhangmin", "wrong", "10.0.0.9") is None
    with pytest.raises(TooManyAttempts) as waiting:
        store.authenticate("zhangmin", "password-1", "10.0.0.10")
    assert waiting.value.retry_after == 2
    clock[0] += timedelta(seconds=2)
    assert store.authenticate("zhangmin", "password-1", "10.0.0.10").username == "zhangmin"
    assert store.authenticate("zhangmin", "wrong", "10.0.0.10") is None  # a success starts the count again


def test_one_address_guessing_many_users_is_slowed_down(store):
    for n in range(10):
        assert store.authenticate(f"guess{n}", "wrong", "203.0.113.5") is None
    with pytest.raises(TooManyAttempts):
        store.authenticate("someone-else", "wrong", "203.0.113.5")
    assert store.authenticate("someone-else", "wrong", "198.51.100.1") is None


@pytest.mark.parametrize(("hops", "forwarded", "seen"), [
    (0, "198.51.100.7", "127.0.0.1"),
    (1, "198.51.100.7", "198.51.100.7"),
    (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
    (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
])
def test_the_client_address_is_taken_from_as_many_proxies_as_configured(hops, forwarded, seen):
    app = Flask(__name__)
    app.add_url_rule("/", "address", lambda: request.remote_addr)
    trust_proxies(app, hops)
    answer = app.test_client().get("/", headers={"X-Forwarded-For": forwarded}, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert answer.text == seen
