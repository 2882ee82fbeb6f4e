"""The vocabulary analytics shares between its service, its schemas and its reports (zh-CN labels first)."""

STAGES = ("prospect", "developing", "contacted", "visited", "received", "won", "after_sales")

STAGE_LABELS = {
    "prospect": "潜在客户", "developing": "开发中", "contacted": "已联系", "visited": "已拜访",
    "received": "已接待", "won": "已成交", "after_sales": "售后维护",
}

CATEGORY_LABELS = {
    "important": "重要客户", "high_value": "高值客户", "group_purchase": "团购客户",
    "strategic": "战略客户", "potential": "潜在大客户", None: "未分类",
}

SOURCE_CHANNEL_LABELS = {
    "friend": "朋友", "relative": "亲戚", "classmate": "同学", "colleague": "同事",
    "mall_sales": "商场销售人员", "industry_sales": "行业销售人员", "platform": "社会/商业平台",
    "association": "协会", "club": "俱乐部", "direct_sales": "其他直销行业销售人员",
    "referral": "客户转介绍", "other": "其他", None: "未注明",
}

# What one event contributes: counted per period, attributed to a developer and a customer.
CUSTOMER = "customer"
CONTACT = "contact"
VISIT = "visit"
CALLBACK = "callback"
CALLBACK_ON_TIME = "callback_on_time"
RECEPTION = "reception"
DEAL = "deal"
EXPENSE = "expense"
SERVICE_REVENUE = "service_revenue"  # the custom centre's: deposits, repairs picked up, resale commissions
EVENT_ATTENDED = "event_attended"  # a guest who came to an event, for the guest's owner
METRICS = (CUSTOMER, CONTACT, VISIT, CALLBACK, CALLBACK_ON_TIME, RECEPTION, DEAL, EXPENSE, SERVICE_REVENUE,
           EVENT_ATTENDED)

READERS = ("manager", "analyst", "developer")
DEPARTMENT_READERS = ("manager", "analyst")
# Event figures: the planner judges the events they run; a developer sees their own guests' part.
EVENT_READERS = ("manager", "analyst", "planner", "developer")
EVENT_DEPARTMENT_READERS = ("manager", "analyst", "planner")
# Deals an attendee closes count for the event from their check-in to this many days after it ends.
DAYS_AFTER_AN_EVENT = 90
# The event's status as each of the events service's facts leaves it.
EVENT_STATUS_AFTER = {"event.submitted": "pending_approval", "event.approved": "approved",
                      "event.rejected": "rejected", "event.cancelled": "cancelled", "event.reported": "reported"}


def label(labels, code):
    return labels.get(code, code)
