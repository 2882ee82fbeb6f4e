"""The customers service's vocabularies, shared by its schemas (in the gateway) and its domain."""
from zoneinfo import ZoneInfo

KINDS = ("person", "organization")
CATEGORIES = ("important", "high_value", "group_purchase", "strategic", "potential")
CATEGORY_LABELS = {"important": "重要客户", "high_value": "高值客户", "group_purchase": "团购客户",
                   "strategic": "战略客户", "potential": "潜在大客户"}
STAGES = ("prospect", "developing", "contacted", "visited", "received", "won", "after_sales")
STAGE_LABELS = {"prospect": "潜在", "developing": "开发中", "contacted": "已接触", "visited": "已拜访",
                "received": "已接待", "won": "已成交", "after_sales": "售后维护"}
SOURCE_CHANNELS = ("friend", "relative", "classmate", "colleague", "mall_sales", "industry_sales",
                   "platform", "other_direct_sales", "self", "other")
KEY_DATE_KINDS = ("wedding_anniversary", "birthday", "other")
CONTACT_CHANNELS = ("sms", "wechat", "phone", "email")
LINK_KINDS = ("spouse", "relative", "colleague", "classmate", "same_club", "business_partner", "friend", "other")
PLAN_STATUSES = ("draft", "pending_approval", "approved", "rejected", "withdrawn")
IMPORT_STATUSES = ("queued", "running", "done", "failed")
PLAN_ACTIONS = ("submit", "approve", "reject", "withdraw", "redraft")
DEVELOPMENT_METHODS = ("launch_invitation", "promotion", "club_event", "training", "mailing", "visit")
# The methods that are an event of the planner's (产品介绍会/推广会/俱乐部活动/培训课程): a plan using one may name it.
EVENT_METHODS = ("launch_invitation", "promotion", "club_event", "training")
# Carrying out an approved plan (实施开发计划): its steps, each done once and linked to the work that did it.
STEP_STATUSES = ("open", "done")
STEP_ACTIONS = ("complete",)
STEP_LINK_KINDS = ("visit", "contact", "event")
PLAN_STATUSES_TAKING_STEPS = ("approved",)
# The event kinds (services/events) whose attendance carries out a step of that development method.
EVENT_KIND_METHODS = {"launch": "launch_invitation", "promotion": "promotion", "club": "club_event",
                      "training": "training"}
BUSINESS_TZ = ZoneInfo("Asia/Shanghai")  # the department's "today": a step is overdue the day after it was due
SENSITIVE_FIELDS = ("health", "family", "finances")
SENSITIVITY_LEVELS = ("low", "medium", "high")
LANGUAGES = ("zh-CN", "en")
ERASED_NAME = "已删除客户"
