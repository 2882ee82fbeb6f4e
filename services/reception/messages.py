"""What the reception service says, in zh-CN (kam.i18n): {English message id: zh-CN}."""

MESSAGES = {
    # receptions
    "a meal out needs the accompanying senior leader": "外出用餐须有高层领导陪同，请填写陪同领导",
    "required for a meal out": "外出用餐时必填",
    "the plan of a {status} reception is fixed": "{0}的接待方案不能再修改",
    "only the plan of a reception is revised": "只能修改接待方案中的内容",
    "not editable": "不可修改",
    "a manager may not approve their own reception": "统筹管理人员不能批准自己主持的接待",
    # deals
    "the discount is above the subtotal": "折扣超过了小计金额",
    "at most the subtotal {subtotal}": "不能超过小计 {0}",
    "home delivery needs an address and a date": "送货上门须填写地址和日期",
    "required for home delivery": "送货上门时必填",
    "the {origin_type} is another customer's": "该{0}属于其他客户",
    "a deal comes from a {origin_type} that is {eligible}, not {status}": "成交须来自{1}的{0}，该{0}当前为{2}",
    "a deal has at least one item": "成交记录至少要有一件商品",
    "at least one item": "至少填写一件商品",
    "another deal of this customer was recorded at the same moment; try again": "该客户的另一笔成交刚刚同时录入，请重试",
    # return visits
    "a return visit is recorded after it happened": "回访须在实际发生后记录",
    "in the future": "不能是将来的时间",
    "a return visit is already recorded for this task": "该任务已经记录过回访",
    # after-sales service tickets
    "a {kind} ticket is missing what it needs": "{0}服务单缺少必要信息",
    "required for a repair": "维修时必填",
    "a repair names the piece it takes in": "维修须写明收取的饰品",
    "required for a resale or consignment": "二手交易或寄售时必填",
    "resale or consignment": "须为 resale（买断转售）或 consignment（寄售）",
    "only for a resale ticket": "仅适用于二手交易/寄售服务单",
    "custom_design": "私人定制", "appraisal": "品鉴", "care": "保养", "repair": "维修", "resale": "二手交易/寄售",
    "knowledge": "珠宝知识", "event": "活动",
    # nouns of "no such {what}", "only the {what}'s own user…" and "the {origin_type} is…"
    "reception": "接待", "deal": "成交记录", "service ticket": "售后服务单", "return visit": "回访记录",
    "visit": "拜访", "customer": "客户",
    # "cannot {action} a record that is {status}", and the statuses a deal's origin may be in
    "submit": "提交", "approve": "批准", "reject": "驳回", "report": "报告", "deliver": "交付",
    "start": "开始处理", "resolve": "解决",
    "draft": "草稿", "pending_approval": "待审批", "approved": "已批准", "rejected": "已驳回", "reported": "已报告",
    "closed": "已成交", "delivered": "已交付", "open": "待处理", "in_progress": "处理中", "resolved": "已解决",
    "completed": "已拜访", "summarized": "已总结",
    "completed or summarized": "已拜访或已总结", "approved or reported": "已批准或已报告",
    # custom-centre work orders
    "the deposit exceeds the quote": "定金超过报价",
    "at most the quote {amount}": "不得超过报价 {0}",
    "at most the quote {quote}": "不得超过报价 {0}",
    "the deposit is less than asked": "定金少于约定金额",
    "at least the deposit asked {asked}": "不得少于约定定金 {0}",
    "a {ticket.kind} ticket is not a work order": "该类服务单（{0}）不是定制中心服务单",
    "the promised date is in the past": "承诺完成日期已过",
    "today or later": "须为今天或以后",
    "a consignment runs until a date": "寄售须约定截止日期",
    "required for a consignment": "寄售必填",
    "the agreement ends in the past": "协议截止日期已过",
    "the {action} step is missing what it needs": "该步骤（{0}）缺少必要信息",
    "no such picture": "找不到该图片",
    "picture": "图片",
}
