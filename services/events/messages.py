"""What the events service says, in zh-CN (kam.i18n): English message id → Chinese."""
MESSAGES = {
    "event": "活动",
    "invitation": "邀请",
    "an event ends after it starts": "活动结束时间须晚于开始时间",
    "only a draft event can be edited": "只有草稿状态的活动可以修改",
    "only a draft event can be withdrawn": "只有草稿状态的活动可以撤回（已提交的活动请取消）",
    "give either customer_ids or a segment": "请提供客户列表或客户分群（二选一）",
    "an event is reported after it ends": "活动结束后才能提交报告",
    "the event is over": "活动已结束",
    "the event is full": "活动名额已满",
    "check-in is open from an hour before the event starts until it ends": "签到时间为活动开始前一小时至活动结束",
    "only an approved event takes answers and guests": "只有已批准的活动可以回复和签到",
}
