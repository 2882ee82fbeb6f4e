import pytest
from flask import Flask
from nameko.exceptions import RpcTimeout, UnknownService, deserialize, serialize

from gateway import errors
from kam.errors import Conflict, Forbidden, Invalid, InvalidTransition, NotFound
from kam.i18n import Catalog, language_of


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
    with app.test_request_context(headers={"Accept-Language": "en-GB,en;q=0.9"}):
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


def test_problems_speak_chinese_first_and_english_when_asked(app):
    app.extensions["kam.catalog"] = Catalog({"customer": "客户", "no summary": "无拜访总结不得报销费用"})
    error = Invalid("some fields are invalid", errors={"name": ["Missing data for required field."]})
    with app.test_request_context():
        chinese = errors.from_remote(NotFound("no such customer")).get_json()
    with app.test_request_context(headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}):
        fields = errors.from_remote(error).get_json()
    with app.test_request_context(headers={"Accept-Language": "en"}):
        english = errors.from_remote(Conflict("no summary", code="summary_required")).get_json()
    assert chinese["detail"] == "找不到该客户，或您无权查看" and chinese["title"] == "未找到"
    assert fields["errors"] == {"name": ["缺少必填字段。"]} and fields["detail"] == "部分字段无效，请按提示修改"
    assert english["detail"] == "no summary" and english["code"] == "summary_required"


def test_the_callers_language_is_read_from_accept_language():
    assert language_of(None) == language_of("") == language_of("fr") == "zh-CN"
    assert language_of("en-US,en;q=0.9") == "en" and language_of("zh-CN,en;q=0.5") == "zh-CN"
    assert language_of("en;q=0.4,zh;q=0.8") == "zh-CN"
