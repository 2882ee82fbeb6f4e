"""The notifications service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.notifications import terms

VOCABULARIES = (
    Vocabulary("task_kinds", terms.KINDS, {
        "callback": ("拜访后一周回访", "Callback after a visit"), "return_visit": ("定期回访", "Return visit"),
        "anniversary_outreach": ("纪念日关怀", "Anniversary outreach"), "approval": ("审批", "Approval"),
        "event_follow_up": ("活动后跟进", "Follow-up after an event"),
        "piece_overdue": ("样品逾期未还", "Piece overdue"), "restock": ("补货", "Restock"),
        "piece_ready": ("通知客户取件", "Piece ready: tell the customer"),
        "repair_overdue": ("维修逾期", "Repair overdue"),
        "consignment_ending": ("寄售到期：退还或延期", "Consignment ended: return or extend"),
        "next_visit": ("约定的下次拜访", "Next visit agreed"),
        "plan_step_overdue": ("开发步骤逾期", "Development plan step overdue")}),
    Vocabulary("task_statuses", terms.STATUSES, {
        "open": ("待办", "Open"), "done": ("已完成", "Done"), "cancelled": ("已取消", "Cancelled")}),
    Vocabulary("notification_channels", terms.CHANNELS, {
        "in_app": ("站内通知", "In-app"), "email": ("电子邮件", "E-mail"), "sms": ("短信", "SMS"), "wechat": ("微信", "WeChat")}),
    Vocabulary("event_types", ("task.created", "task.completed", "task.overdue"), {
        "task.created": ("新任务", "Task created"), "task.completed": ("任务完成", "Task completed"),
        "task.overdue": ("任务逾期", "Task overdue")}),
)
