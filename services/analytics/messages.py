"""What the analytics service says, in zh-CN (kam.i18n): {English message id: zh-CN}."""

MESSAGES = {
    "the period ends before it starts": "结束日期早于开始日期",
    "must not be before from": "不能早于开始日期",
    "{name} is not a date": "{0}不是有效的日期",
    "not a YYYY-MM-DD date": "不是 YYYY-MM-DD 格式的日期",
    "no figures by {dimension}": "没有按 {0} 统计的数据",
    "category or source_channel": "须为 category（客户类别）或 source_channel（来源渠道）",
    # the values of the messages above, and the noun of "no such {what}"
    "from": "开始日期", "to": "结束日期", "customer": "客户", "event": "活动",
}
