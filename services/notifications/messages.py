"""What the notifications service says, in zh-CN (kam.i18n): {English message id: zh-CN}."""

MESSAGES = {
    "the task is already assigned to that person": "该任务已经分派给此人",
    "cannot snooze into the past": "不能推迟到已经过去的时间",
    "must be later than now": "须晚于当前时间",
    "snoozed too far": "推迟时间超出允许范围",
    "must not be later than {limit}": "不能晚于 {0}",
    "required when the channel is chosen": "选择该通知渠道时必填",
    # nouns of "no such {what}" and "only the {what}'s own user…"
    "task": "任务", "notification": "通知",
    # "cannot {action} a record that is {status}"
    "complete": "完成", "reassign": "改派", "snooze": "推迟", "cancel": "取消",
    "open": "待处理", "done": "已完成", "cancelled": "已取消",
}
