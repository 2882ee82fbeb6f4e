"""zh-CN text of what the reception service says (kam.i18n): the custom centre's work orders."""

MESSAGES = {
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
