"""What the customers service says, in zh-CN (kam.i18n): {English message id: zh-CN}."""

MESSAGES = {
    # who may do what
    "role {role} may not change customer files": "{0}角色无权修改客户档案",
    "role {role} may not list customers or their plans": "{0}角色无权查看客户列表及开发方案",
    "only a manager may {what}": "只有大客户开发统筹管理人员可以{0}",
    "read the access log": "查看访问日志", "erase a customer": "清除客户个人信息",
    "approve a development plan": "批准开发方案", "reject a development plan": "驳回开发方案",
    "only the owner or a manager may export a customer's data": "只有客户负责人或统筹管理人员可以导出客户数据",
    # the customer file and personal information (PIPL)
    "sensitive data needs the customer's consent": "保存敏感个人信息须经客户同意",
    "consent.sensitive must be true to keep sensitive data": "保存敏感个人信息须确认客户已同意（consent.sensitive 为 true）",
    "sensitive data needs a stated purpose": "保存敏感个人信息须说明用途",
    "purpose is required": "请填写用途",
    "the customer's data was erased": "该客户的个人信息已清除",
    "the customer is already erased": "该客户的个人信息已经清除",
    # a person is entered once
    "this customer is already registered: {name}": "该客户已登记：{0}",
    "this customer is already registered by another developer; a manager can transfer it to you":
        "该客户已由其他开发人员登记；如需跟进，请统筹管理人员将客户转给您",
    "already registered for another customer": "已登记在另一位客户名下",
    # handing customers over (客户移交)
    "transfer a customer": "移交客户", "transfer customers": "移交客户",
    "no such user": "没有这个用户",
    "customers pass only to a developer": "客户只能移交给开发人员", "must be a developer": "须为开发人员",
    "customers pass only to an active developer": "客户只能移交给在职的开发人员",
    "this account is disabled": "该账号已停用",
    "hand the customers to someone else": "请选择另一位开发人员接手",
    "must differ from from_owner_id": "接手人须不同于原负责人",
    "give the reason for the transfer": "请填写移交理由", "the reason is required": "请填写理由",
    "the customer already belongs to this developer": "该客户已归属这位开发人员，无需移交",
    # classification and development
    "classification rules name unknown operators or facts: {unknown}": "分类规则中有未知的运算符或指标：{0}",
    "classification rules are malformed: {error}": "分类规则格式有误：{0}",
    "a manager may not approve their own development plan": "统筹管理人员不能批准自己的开发方案",
    "an event is named only by a plan with an event method": "只有包含活动类开发方式的方案才能指定活动",
    "only with an event method: {methods}": "仅限活动类开发方式：{0}",
    "assess the customer before submitting a development plan": "请先完成客户评估，再提交开发方案",
    "the latest assessment found the customer not worth developing": "最近一次评估认为该客户暂不值得开发",
    # carrying out a plan (实施开发计划)
    "only an approved development plan has steps": "只有已批准的开发方案才能安排实施步骤",
    "a step cannot be due in the past": "步骤的截止日期不能早于今天",
    "must be today or later": "须为今天或以后的日期",
    "plan step": "开发步骤", "visit": "拜访", "contact": "接触记录", "event": "活动",
    "complete": "完成", "open": "待处理", "done": "已完成",
    # the influence network
    "a customer cannot be linked to itself": "客户不能与自己建立关系",
    "must be another customer": "须为另一位客户",
    "these customers are already linked so": "这两位客户之间已有同样的关系",
    # spreadsheet imports
    "use .xlsx or .csv": "请使用 .xlsx 或 .csv 文件",
    "at most {max_rows} rows": "最多 {0} 行",
    "not UTF-8 text": "不是 UTF-8 编码的文本",
    # nouns of "no such {what}" and "only the {what}'s own user…"
    "customer": "客户", "development plan": "开发方案",
    # "cannot {action} a record that is {status}"
    "submit": "提交", "approve": "批准", "reject": "驳回",
    "draft": "草稿", "pending_approval": "待审批", "approved": "已批准", "rejected": "已驳回",
    "withdraw": "撤回", "redraft": "修改后重新提交", "edit": "编辑", "withdrawn": "已撤回",
    "only a draft development plan can be edited": "只有草稿状态的开发方案可以修改",
    "only a draft development plan can be withdrawn": "只有草稿状态的开发方案可以撤回",
    "only the plan's own developer may do this": "只有该开发方案的开发人员可以执行此操作",
}
