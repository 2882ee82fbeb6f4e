"""A line in Chinese for each kind of event in a customer's timeline."""

SUMMARIES = {
    "customer.created": "建立客户档案",
    "customer.updated": "更新客户档案",
    "customer.classified": "客户分类调整为 {category}",
    "customer.stage_changed": "客户阶段由 {previous_stage} 推进到 {stage}",
    "customer.erased": "按个人信息保护要求删除客户身份信息",
    "customer.transferred": "{transferred_by_name} 将客户由 {from_owner_name} 移交给 {to_owner_name}，理由：{reason}",
    "contact.logged": "初次接触（{channel}）",
    "assessment.recorded": "完成开发价值评估",
    "development_plan.submitted": "提交开发方案，预算 {budget} 元",
    "development_plan.approved": "开发方案获批",
    "development_plan.rejected": "开发方案被驳回",
    "plan_step.added": "开发方案新增实施步骤，截止 {due_on}",
    "plan_step.completed": "完成开发方案的实施步骤",
    "visit.submitted": "提交拜访申请",
    "visit.approved": "拜访申请获批",
    "visit.rejected": "拜访申请被驳回",
    "visit.completed": "完成拜访并填写拜访记录",
    "visit.summarized": "提交拜访总结",
    "expense_claim.submitted": "提交费用报销 {total} 元",
    "expense_claim.approved": "费用报销获批",
    "expense_claim.rejected": "费用报销被驳回",
    "expense_claim.reimbursed": "费用已报销",
    "reception.submitted": "提交接待方案",
    "reception.approved": "接待方案获批",
    "reception.rejected": "接待方案被驳回",
    "reception.reported": "完成接待并提交接待报告",
    "deal.closed": "成交，金额 {total} 元",
    "deal.delivered": "成交货品已交付",
    "service_ticket.opened": "开立售后服务单",
    "service_ticket.resolved": "售后服务单已解决",
    "return_visit.recorded": "完成售后回访",
    "task.created": "生成待办任务",
    "task.completed": "完成待办任务",
    "task.overdue": "待办任务逾期",
}
SOURCE_IDS = ("contact_id", "assessment_id", "plan_id", "visit_id", "claim_id", "reception_id", "deal_id",
              "ticket_id", "return_visit_id", "task_id", "event_id")  # event_id: an invitation's, a guest's


def summarize(event_type, data):
    template = SUMMARIES.get(event_type)
    if template is None:
        return f"事件：{event_type}"
    try:
        return template.format(**data)
    except (KeyError, IndexError):
        return template.split("{")[0].rstrip("，（ 由") or event_type


def source_of(event_type, data):
    """The record the event is about: {type, id}."""
    for key in SOURCE_IDS:
        if data.get(key):
            return {"type": key.removesuffix("_id") if key != "plan_id" else "development_plan", "id": str(data[key])}
    return {"type": event_type.split(".")[0], "id": str(data.get("customer_id"))}
