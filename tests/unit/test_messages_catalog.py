"""Real service errors through gateway.errors with the installed plugins' catalog: zh-CN by default,
English when the caller asks (Accept-Language: en), and the values of a message id's placeholders too."""
from types import SimpleNamespace

import pytest
from flask import Flask
from nameko.exceptions import deserialize, serialize
from werkzeug.exceptions import UnprocessableEntity

from gateway import errors
from kam.errors import KamError
from kam.i18n import Catalog
from kam.plugins import discover
from kam.workflow import Step, Workflow
from services.analytics.schemas import ReportArgs
from services.reception.domain.deals import check_origin
from services.visits.domain.access import CLAIMS
from services.visits.domain.claims import ensure_ready_for_claim, priced_items

DEVELOPER = SimpleNamespace(role="developer", user_id="u-1")


@pytest.fixture
def app():
    app = Flask(__name__)
    errors.register(app)
    app.extensions["kam.catalog"] = Catalog(*(plugin.load_messages() for plugin in discover().values()))
    return app


def raised(call, *args):
    with pytest.raises(KamError) as caught:
        call(*args)
    return deserialize(serialize(caught.value))  # as it arrives over RPC


def problem(app, error, accept_language=None):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    with app.test_request_context(headers=headers):
        return errors.from_remote(error).get_json()


def test_every_plugin_has_a_messages_module():
    assert all(plugin.load_messages() for plugin in discover().values())


def test_a_service_conflict_is_chinese_by_default_and_english_when_asked(app):
    error = raised(ensure_ready_for_claim, "visit", {"status": "completed"})
    chinese, english = problem(app, error), problem(app, error, "en-US,en;q=0.9")
    assert chinese["detail"] == "无拜访总结不得报销费用" and chinese["title"] == "业务规则不允许"
    assert english["detail"] == "no visit summary, no expense reimbursement" and english["title"] == "Conflict"
    assert chinese["code"] == english["code"] == "summary_required"


def test_field_errors_are_chinese_by_default_and_english_when_asked(app):
    error = raised(priced_items, [])
    chinese, english = problem(app, error, "zh-CN,zh;q=0.9,en;q=0.8"), problem(app, error, "en")
    assert chinese["detail"] == "报销单至少要有一项费用"
    assert chinese["errors"] == {"items": ["至少填写一项费用"]}
    assert english["errors"] == {"items": ["at least one item is required"]}
    assert chinese["code"] == english["code"] == "validation_failed"


@pytest.mark.parametrize(("query", "chinese", "english"), [
    ({"from": "2024-05-02", "to": "2024-05-01"}, {"to": ["不能早于开始日期"]}, {"to": ["must not be before from"]}),
    ({"from": "2 May", "format": "pdf"}, {"from": ["不是有效的日期。"], "format": ["必须是以下之一：json, xlsx。"]},
     {"from": ["Not a valid date."], "format": ["Must be one of: json, xlsx."]}),
])
def test_a_requests_field_errors_are_chinese_by_default_and_english_when_asked(app, query, chinese, english):
    rejected = UnprocessableEntity()  # as webargs aborts on a bad query string
    rejected.data = {"messages": {"query": ReportArgs().validate(query)}}
    with app.test_request_context():
        in_chinese = errors.from_http(rejected).get_json()
    with app.test_request_context(headers={"Accept-Language": "en"}):
        in_english = errors.from_http(rejected).get_json()
    assert in_chinese["detail"] == "部分字段无效，请按提示修改" and in_chinese["title"] == "输入有误"
    assert in_chinese["errors"] == chinese and in_english["errors"] == english


def test_a_message_ids_placeholders_take_translated_values(app):
    missing = raised(CLAIMS.ensure, DEVELOPER, None)
    assert missing.detail == "no such expense claim"
    assert problem(app, missing)["detail"] == "找不到该费用报销单，或您无权查看"
    assert problem(app, missing, "en")["detail"] == "no such expense claim"

    origin = raised(check_origin, "visit", {"customer_id": "c-1", "status": "draft"}, "c-1")
    assert problem(app, origin)["detail"] == "成交须来自已拜访或已总结的拜访，该拜访当前为草稿"

    step = raised(Workflow(Step("approve", "pending_approval", "approved")).target, "draft", "approve")
    assert problem(app, step)["detail"] == "当前状态（草稿）下不能执行“批准”"


def test_a_value_outside_the_catalog_is_kept_as_it_came(app):
    with app.test_request_context():
        body = errors.problem(404, "Not found", "no such widget")
    assert body.get_json()["detail"] == "找不到该widget，或您无权查看"
