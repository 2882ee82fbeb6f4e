"""The visits service's vocabularies, shared by its domain and its payloads."""
from datetime import timedelta
from zoneinfo import ZoneInfo

VISIT_STATUSES = ("draft", "pending_approval", "approved", "rejected", "completed", "summarized", "withdrawn")
VISIT_METHODS = ("in_person", "phone", "video")
CLAIM_STATUSES = ("draft", "submitted", "approved", "rejected", "reimbursed", "withdrawn")
SUBJECT_TYPES = ("development_plan", "visit", "reception", "event")
EXPENSE_CATEGORIES = ("travel", "gift", "meal", "pr", "other")
RECEIPT_TYPES = ("image/jpeg", "image/png", "application/pdf")
MAX_RECEIPT_BYTES = 10 * 1024 * 1024
CALLBACK_DAYS = 7
MAX_LOGISTICS_DAYS = 31
# Raising a visit's level (提升拜访等级): what the event planner (or a manager) adds to a visit.
SUPPORT_KINDS = ("senior_leader", "headquarters_invitation", "event_invitation")
SUPPORTER_ROLES = ("planner", "manager")
SUPPORTABLE_STATUSES = ("draft", "pending_approval", "approved")
# 报告检查: a manager reviews a visit's record and summary.
REVIEW_STATUSES = ("pending", "accepted", "returned")
REVIEW_DECISIONS = ("accepted", "returned")
REVIEWABLE_STATUSES = ("completed", "summarized")
# 签到: the department's day ("who is where today") and the leeway for an iPad's clock
BUSINESS_TZ = ZoneInfo("Asia/Shanghai")
CHECK_IN_LEEWAY = timedelta(minutes=5)
# The customers service's categories (its vocabulary `customer_categories`): hospitality caps are per category.
CUSTOMER_CATEGORIES = ("important", "high_value", "group_purchase", "strategic", "potential")
HOSPITALITY_KINDS = ("gift_value", "meal_per_head")  # what a cap limits: a visit's gift, a reception's meal out
