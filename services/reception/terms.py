"""The reception service's vocabularies, shared by its domain and its HTTP schemas."""

RECEPTION_STATUSES = ("draft", "pending_approval", "approved", "rejected", "reported")
RECEPTION_OUTCOMES = ("deal", "follow_up", "declined")
PRODUCT_INTEREST = ("high", "medium", "low")

DEAL_STATUSES = ("closed", "delivered")
ORIGIN_TYPES = ("visit", "reception")
DELIVERY_METHODS = ("pickup", "home_delivery")

TICKET_KINDS = ("custom_design", "appraisal", "care", "repair", "resale", "knowledge", "event")
TICKET_STATUSES = ("open", "in_progress", "resolved")
RESALE_MODES = ("resale", "consignment")

RETURN_VISIT_METHODS = ("phone", "wechat", "sms", "email", "in_person", "video")

WRITER_ROLES = ("developer", "manager")
READER_ROLES = ("developer", "manager", "coordinator", "planner", "analyst")
