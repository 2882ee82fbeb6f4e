"""What the visits service says, in zh-CN (kam.i18n): {English message id: zh-CN}."""

MESSAGES = {
    # plans and visit records
    "only a draft visit plan can be edited": "只有草稿状态的拜访计划可以修改",
    "only a draft visit plan can be withdrawn": "只有草稿状态的拜访计划可以撤回",
    "only a draft claim can be edited": "只有草稿状态的报销单可以修改",
    "only a draft claim can be withdrawn": "只有草稿状态的报销单可以撤回",
    "offers beyond the developer's discount authority of {max_discount}: {products}":
        "以下报价超出开发人员的折扣权限（{0}）：{1}",
    "a visit is recorded after it happened": "拜访须在实际发生后记录",
    "must not be in the future": "不能晚于当前时间",
    "the next visit comes after this one": "下次拜访须安排在本次拜访之后",
    "must be after occurred_at": "须晚于本次拜访时间",
    "the pre-visit discussion is held before the visit": "访前讨论须在拜访之前进行",
    # raising a visit's level (提升拜访等级)
    "the support does not name what its kind needs": "所填内容与支持方式不符",
    "required for this kind of support": "该支持方式须填写此项",
    "not for this kind of support": "该支持方式不填写此项",
    "the customer is invited only to an approved event still to come": "只能邀请客户参加已批准且尚未结束的活动",
    "support": "提升拜访等级",
    # 签到
    "the visit was checked in already": "该拜访已经签到",
    "a check-in is made on arrival": "签到须在到达时进行",
    "when did the visit happen": "请填写拜访时间",
    "required unless the visit was checked in": "未签到时必填",
    "check in": "签到",
    # 报告检查: the review of a visit's record and summary
    "a manager may not review their own visit": "经理不得检查自己的拜访报告",
    "a returned report says what to revise": "退回报告须写明需要修改的内容",
    "required when returned": "退回时必填",
    "the visit has no summary to revise yet": "该拜访尚无总结可修改",
    "write the summary first": "请先填写拜访总结",
    "a revision changes something": "修改须至少更改一项内容",
    "nothing to revise": "没有需要修改的内容",
    "the {subject_type}'s report has not been accepted yet": "{0}报告尚未通过检查，不能批准报销",
    "review": "检查", "revise": "修改", "pending": "待检查", "accepted": "已通过", "returned": "已退回",
    # expense claims
    "a {subject_type} is claimed for only once it is approved": "{0}须经批准后才能报销费用",
    "no visit summary, no expense reimbursement": "无拜访总结不得报销费用",
    "no reception report, no expense reimbursement": "无接待报告不得报销费用",
    "no event report, no expense reimbursement": "无活动报告不得报销费用",
    "a claim has at least one item": "报销单至少要有一项费用",
    "at least one item is required": "至少填写一项费用",
    "every item costs something": "每项费用的金额都须大于零",
    "amount must be above zero": "金额须大于零",
    "the claim of {total} exceeds the funded {funded_amount}: approving it needs an override_reason":
        "报销金额 {0} 超出核定经费 {1}，批准须填写超额理由",
    "receipts are attached before the claim is decided": "票据须在报销单审批之前上传",
    "the claim has already been reimbursed": "该报销单已经报销",
    # hospitality caps (规格根据公司规定)
    "only a manager may set the hospitality caps": "只有统筹管理人员可以设定招待标准",
    "only a manager may read the hospitality overrides": "只有统筹管理人员可以查看超标审批记录",
    "the {what} of {amount} is above the cap of {cap} for this customer's category; "
    "approving it needs the manager's override_reason":
        "{0}（{1} 元）超出该类客户的招待标准（{2} 元），须由统筹管理人员填写超标理由（override_reason）后批准",
    "gift": "礼品", "meal out per head": "外出用餐人均费用",
    # receipts
    "the receipt is empty": "票据文件为空",
    "the receipt is too large": "票据文件过大",
    "at most {max_bytes} bytes": "最大 {0} 字节",
    "a receipt is a JPEG, PNG or PDF file": "票据须为 JPEG、PNG 或 PDF 文件",
    "not a JPEG, PNG or PDF file": "不是 JPEG、PNG 或 PDF 文件",
    "the file is not what its type says": "文件内容与声明的类型不符",
    "declared {declared_type} but the content is {content_type}": "声明为 {0}，实际内容为 {1}",
    # nouns of "no such {what}", "only the {what}'s own user…" and "a {subject_type} is claimed…"
    "visit": "拜访", "expense claim": "费用报销单", "receipt": "票据", "reception": "接待",
    "development plan": "开发方案", "development_plan": "开发方案", "event": "活动",
    # "cannot {action} a record that is {status}"
    "submit": "提交", "approve": "批准", "reject": "驳回", "record": "记录", "summarize": "总结",
    "reimburse": "报销",
    "draft": "草稿", "pending_approval": "待审批", "approved": "已批准", "rejected": "已驳回",
    "completed": "已拜访", "summarized": "已总结", "submitted": "已提交", "reimbursed": "已报销",
}
