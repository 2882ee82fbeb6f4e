"""GET /api/vocabularies: every code list the API accepts, with zh-CN and English labels, from the
services' own term lists (and the gateway's roles). Built once when the app starts."""
from flask import current_app
from marshmallow import INCLUDE, Schema, fields

from kam.identity import ROLES
from kam.vocabulary import Vocabulary, merged
from kam.web import Blueprint

blp = Blueprint("vocabularies", __name__, url_prefix="/api", description="代码表 Vocabularies", replies_dumped=True)

GATEWAY_VOCABULARIES = (
    Vocabulary("roles", ROLES, {
        "admin": ("系统管理员", "Administrator"), "manager": ("大客户开发统筹管理", "Manager"),
        "developer": ("大客户开发人员", "Developer"), "coordinator": ("后勤协调", "Coordinator"),
        "planner": ("活动策划", "Event planner"), "analyst": ("数据分析", "Analyst")}),
)


class Label(Schema):
    zh_cn = fields.String(data_key="zh-CN")
    en = fields.String()


class Term(Schema):
    code = fields.String()
    label = fields.Nested(Label)


class Vocabularies(Schema):
    """`{name: [Term]}`, one entry per code list (customer_categories, stages, visit_statuses, …)."""

    class Meta:
        unknown = INCLUDE  # every service adds its own lists: the document names three and allows the rest

    customer_categories = fields.List(fields.Nested(Term))
    stages = fields.List(fields.Nested(Term))
    roles = fields.List(fields.Nested(Term))


def build(plugins):
    found = list(GATEWAY_VOCABULARIES)
    for plugin in plugins.values():
        found += list(plugin.load_vocabularies())
    return merged(found)


@blp.route("/vocabularies", methods=["GET"])
@blp.response(200, Vocabularies)
def vocabularies():
    """Every code list: `{name: [{"code", "label": {"zh-CN", "en"}}]}`."""
    return current_app.extensions["kam.vocabularies"]
