"""The reception service's vocabularies, shared by its domain and its HTTP schemas."""

RECEPTION_STATUSES = ("draft", "pending_approval", "approved", "rejected", "reported", "withdrawn")
RECEPTION_OUTCOMES = ("deal", "follow_up", "declined")
PRODUCT_INTEREST = ("high", "medium", "low")

DEAL_STATUSES = ("closed", "delivered")
ORIGIN_TYPES = ("visit", "reception")
DEAL_ORIGIN_TYPES = ORIGIN_TYPES + ("service_ticket",)  # a handed-over custom design closes its own deal
DELIVERY_METHODS = ("pickup", "home_delivery")

TICKET_KINDS = ("custom_design", "appraisal", "care", "repair", "resale", "knowledge", "event")
GENERAL_TICKET_STATUSES = ("open", "in_progress", "resolved")
WORK_ORDER_STATUSES = {
    "custom_design": ("brief", "quoted", "in_design", "in_production", "ready", "handed_over"),
    "repair": ("received", "estimated", "in_repair", "ready", "picked_up", "returned"),
    "resale": ("valued", "listed", "sold", "paid_out", "returned"),
}
TICKET_STATUSES = tuple(dict.fromkeys(GENERAL_TICKET_STATUSES + sum(WORK_ORDER_STATUSES.values(), ())))
WORK_ORDER_ACTIONS = ("quote", "pay-deposit", "approve-design", "quality-check", "hand-over", "estimate",
                      "accept-estimate", "decline-estimate", "finish", "pick-up", "agree", "sell", "pay-out",
                      "return", "extend")
RESALE_MODES = ("resale", "consignment")
NOTICE_CHANNELS = ("sms", "wechat", "email")
IMAGE_PURPOSES = ("design", "intake", "other")

RETURN_VISIT_METHODS = ("phone", "wechat", "sms", "email", "in_person", "video")

WRITER_ROLES = ("developer", "manager")
READER_ROLES = ("developer", "manager", "coordinator", "planner", "analyst")

# The review of a reception's report (接待报告的审查)
REVIEW_STATUSES = ("pending", "accepted", "returned")
REVIEW_DECISIONS = ("accepted", "returned")
