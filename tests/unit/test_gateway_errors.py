import pytest
from flask import Flask
from nameko.exceptions import RpcTimeout, UnknownService, deserialize, serialize

from gateway import errors
from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound


@pytest.fixture
def app():
    app = Flask(__name__)
    errors.register(app)
    return app


@pytest.mark.parametrize(("error", "status", "code"), [
    (NotFound("no such customer"), 404, "not_found"),
    (Forbidden("no"), 403, "forbidden"),
    (Conflict("no summary", code="summary_required"), 409, "summary_required"),
    (InvalidTransition("approved twice"), 409, "invalid_transition"),
    (Invalid("bad", errors={"name": ["required"]}), 422, "validation_failed"),
])
def test_remote_errors_map_to_problem_json(app, error, status, code):
    remote = deserialize(serialize(error))  # as it arrives over RPC
    assert type(remote) is type(error)
    with app.test_request_context():
        response = errors.from_remote(remote)
    body = response.get_json()
    assert response.status_code == status and response.content_type == "application/problem+json"
    assert body["code"] == code and body["status"] == status and body["detail"] == error.detail
    assert body.get("errors") == (error.errors or None)


@pytest.mark.parametrize("error", [RpcTimeout(1), UnknownService("visits"), ConnectionResetError()])
def test_an_unavailable_service_is_503(app, error):
    @app.route("/boom")
    def boom():
        raise error

    response = app.test_client().get("/boom")
    assert response.status_code == 503 and response.get_json()["code"] == "service_unavailable"
