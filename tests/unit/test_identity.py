import time

import jwt
import pytest

from gateway.tokens import BadToken, issue_refresh_token, issue_token, read_token
from gateway.users import User, _hasher, check_new_user
from kam.config import Settings
from kam.errors import Forbidden, Invalid, NotFound
from kam.identity import Actor

SETTINGS = Settings(secret_key="unit-test-secret-that-is-long-enough", token_ttl_seconds=60)
USER = User("u1", "lihua", "developer", "李华", token_version=3)


def test_a_token_round_trips_the_user_role_session_and_token_version():
    claims = read_token(issue_token(USER, "s1", SETTINGS), SETTINGS)
    assert (claims["sub"], claims["role"], claims["aud"], claims["sid"], claims["ver"]) == ("u1", "developer", "kam",
                                                                                           "s1", 3)
    assert claims["exp"] - claims["iat"] == 60


def test_an_expired_token_is_refused():
    with pytest.raises(BadToken):
        read_token(issue_token(USER, "s1", SETTINGS, now=time.time() - 120), SETTINGS)


def test_access_tokens_last_15_minutes_unless_configured():
    assert Settings().token_ttl_seconds == Settings.from_env({}).token_ttl_seconds == 900
    assert Settings.from_env({"KAM_TOKEN_TTL_SECONDS": "120"}).token_ttl_seconds == 120


def test_a_refresh_token_is_no_access_token_and_an_access_token_no_refresh_token():
    refresh = issue_refresh_token(USER, "s1", "j1", SETTINGS)
    assert read_token(refresh, SETTINGS, kind="refresh")["jti"] == "j1"
    with pytest.raises(BadToken):
        read_token(refresh, SETTINGS)
    with pytest.raises(BadToken):
        read_token(issue_token(USER, "s1", SETTINGS), SETTINGS, kind="refresh")


def test_a_token_without_session_or_version_is_refused():
    legacy = jwt.encode({"sub": "u1", "role": "manager", "aud": "kam", "iss": "kam-gateway", "iat": int(time.time()),
                         "exp": int(time.time()) + 60}, SETTINGS.secret_key, algorithm="HS256")
    with pytest.raises(BadToken):
        read_token(legacy, SETTINGS)


@pytest.mark.parametrize("algorithm", ["HS512", "none"])
def test_only_hs256_tokens_are_accepted(algorithm):
    key = SETTINGS.secret_key if algorithm != "none" else None
    token = jwt.encode({"sub": "u1", "role": "manager", "aud": "kam", "iss": "kam-gateway", "sid": "s1", "ver": 3,
                        "typ": "access", "iat": int(time.time()), "exp": int(time.time()) + 60}, key,
                       algorithm=algorithm)
    with pytest.raises(BadToken):
        read_token(token, SETTINGS)


def test_a_token_for_another_audience_is_refused():
    other = Settings(secret_key=SETTINGS.secret_key, token_audience="another-system")
    with pytest.raises(BadToken):
        read_token(issue_token(USER, "s1", other), SETTINGS)


def test_passwords_are_hashed_with_argon2id():
    assert _hasher.hash("correct horse").startswith("$argon2id$")


def test_a_new_user_is_checked_field_by_field():
    with pytest.raises(Invalid) as refused:
        check_new_user("bad name!", "short", "boss")
    assert set(refused.value.errors) == {"username", "password", "role"}


def test_a_role_that_may_not_act_is_forbidden():
    with pytest.raises(Forbidden):
        Actor("u1", "developer").require_role("manager")
    Actor("m1", "manager").require_role("manager")


def test_a_record_owned_by_someone_else_does_not_exist_for_a_developer():
    with pytest.raises(NotFound):
        Actor("u1", "developer").ensure_owner_or_manager("u2")
    Actor("u1", "developer").ensure_owner_or_manager("u1")
    Actor("m1", "manager").ensure_owner_or_manager("u2")


def test_the_actor_comes_from_nameko_context_data():
    actor = Actor.from_context({"user_id": "u1", "role": "analyst", "request_id": "r9", "display_name": "刘洋",
                                "call_id_stack": []})
    assert actor == Actor("u1", "analyst", "r9", "刘洋")


def test_a_workers_log_lines_carry_the_request_id_it_was_called_with():
    import json
    import logging
    from contextvars import copy_context
    from types import SimpleNamespace

    from kam.logs import JsonFormatter
    from kam.service import LogContext

    def work():
        LogContext().worker_setup(SimpleNamespace(data={"request_id": "req-42", "user_id": "u1"}))
        record = logging.LogRecord("kam.test", logging.INFO, __file__, 1, "已处理", (), None)
        return json.loads(JsonFormatter().format(record))

    line = copy_context().run(work)
    assert line["request_id"] == "req-42" and line["message"] == "已处理"
