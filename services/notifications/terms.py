"""The vocabulary the API, the domain and the tables share."""

KINDS = ("callback", "return_visit", "anniversary_outreach", "approval", "event_follow_up", "piece_overdue",
         "restock", "piece_ready", "repair_overdue", "consignment_ending", "next_visit", "plan_step_overdue")
STATUSES = ("open", "done", "cancelled")
CHANNELS = ("in_app", "email", "sms", "wechat")
OCCASIONS = ("wedding_anniversary", "birthday")
MANAGER = "manager"
ANALYST = "analyst"
COORDINATOR = "coordinator"
SYSTEM_ACTOR = {"user_id": None, "role": "system"}
