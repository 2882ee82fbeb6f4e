// zh-CN first, English second. t("key.path", {name}) with {placeholders}.
const zh = {
  app: { title: "KAM 大客户管理系统", subtitle: "大客户部" },
  nav: { myday: "我的一天", customers: "客户", visits: "拜访", receptions: "接待", deals: "成交", tickets: "售后服务",
    claims: "费用报销", approvals: "审批", analytics: "数据分析", notifications: "通知", logistics: "后勤安排", logout: "退出" },
  role: { admin: "系统管理员", manager: "统筹管理", developer: "开发人员", coordinator: "后勤协调", planner: "活动策划", analyst: "数据分析" },
  login: { title: "登录", username: "用户名", password: "密码", submit: "登录", failed: "用户名或密码错误", locked: "失败次数过多，请稍后再试" },
  common: { empty: "暂无记录", save: "保存", create: "新建", search: "搜索", more: "加载更多", back: "返回", cancel: "取消",
    fixFields: "请修正标红的字段", saved: "已保存", loading: "加载中…", unavailable: "服务暂不可用，请稍后再试", all: "全部",
    language: "English", open: "打开", due: "到期", overdue: "已逾期", submit: "提交审批", approve: "批准", reject: "驳回",
    reason: "理由", ok: "确定", amount: "金额", notes: "备注", status: "状态", customer: "客户", owner: "负责人", when: "时间", kind: "类型" },
  status: { draft: "草稿", pending_approval: "待审批", approved: "已批准", rejected: "已驳回", completed: "已拜访", summarized: "已总结",
    submitted: "已提交", reimbursed: "已报销", reported: "已报告", open: "待处理", in_progress: "处理中", resolved: "已解决",
    done: "已完成", closed: "已成交", delivered: "已交付", pending: "待回访", erased: "已删除" },
  stage: { prospect: "潜在", developing: "开发中", contacted: "已接触", visited: "已拜访", received: "已接待", won: "已成交", after_sales: "售后维护" },
  category: { important: "重要客户", high_value: "高值客户", group_purchase: "团购客户", strategic: "战略客户", potential: "潜在大客户" },
  kind: { person: "个人", organization: "机构" },
  task: { callback: "拜访后回访", return_visit: "定期回访", anniversary_outreach: "纪念日关怀", approval: "审批", complete: "完成",
    outcome: "结果", title: "待办任务", approvalsWaiting: "等待我审批" },
  customer: { name: "姓名/名称", phone: "手机", wechat: "微信", email: "邮箱", category: "类别", stage: "阶段", kind: "类型",
    source: "来源渠道", new: "新建客户", file: "客户档案", timeline: "时间线", network: "人脉网络", holdings: "已有珠宝",
    contacts: "接触记录", logContact: "记录接触", assessment: "开发评估", plans: "开发方案", keyDates: "重要日期",
    weddingAnniversary: "结婚纪念日", birthday: "生日", template: "渠道话术", channel: "渠道", topic: "主题", content: "内容",
    outcome: "结果", worth: "值得开发", notWorth: "暂不值得开发", expectedRevenue: "预计销售额", expectedProfit: "预计利润",
    risk: "风险系数", costs: "费用（人员/差旅/公关/管理）", methods: "开发方式", plan: "方案", budget: "预算", export: "导出",
    score: "潜在大客户评分", credit: "推荐贡献：{customers} 位客户，{revenue}" },
  relation: { referred: "介绍", spouse: "配偶", relative: "亲属", colleague: "同事", classmate: "同学", club: "同一俱乐部",
    friend: "朋友", business_partner: "生意伙伴", other: "关系" },
  visit: { new: "新建拜访计划", plannedAt: "计划时间", place: "地点", method: "方式", objectives: "拜访目的", products: "展示产品",
    offers: "优惠方案", gift: "礼品", transport: "交通", record: "填写拜访记录", occurredAt: "拜访时间", talkingPoints: "主要话题",
    feedback: "客户想法", nextSteps: "下一步计划", nextVisitAt: "下次拜访", summary: "拜访总结", callback: "一周回访",
    in_person: "面访", phone: "电话", video: "视频", funded: "批准经费", companyCar: "公司用车", ownWay: "自行前往" },
  reception: { new: "新建接待", scheduledAt: "接待时间", partySize: "人数", needs: "大致需求", location: "地点", hosts: "接待人",
    report: "接待报告", experience: "购物体验", productsViewed: "看过的产品", outcome: "结果",
    outcomeDeal: "成交", outcomeFollowUp: "继续跟进", outcomeDeclined: "暂不考虑" },
  deal: { new: "登记成交", sku: "货号", description: "品名", quantity: "数量", unitPrice: "单价", discount: "优惠", total: "合计",
    delivery: "交付", pickup: "到店自提", home_delivery: "送货上门", address: "地址", date: "日期", deliver: "确认交付", repeat: "再次销售",
    origin: "来源" },
  ticket: { new: "新建服务单", custom_design: "私人定制", appraisal: "品鉴", care: "保养", repair: "维修", resale: "二手交易/寄售",
    knowledge: "珠宝知识", event: "平台活动", description: "说明", start: "开始处理", resolve: "解决", resolution: "处理结果" },
  claim: { new: "新建报销", subject: "报销事项", items: "费用明细", category: "类别", travel: "差旅", gift: "礼品", meal: "餐饮",
    pr: "公关", other: "其他", receipts: "票据", upload: "上传票据", reimburse: "确认报销", override: "超额说明", total: "合计",
    development_plan: "开发方案", visit: "拜访", reception: "接待" },
  analytics: { funnel: "开发漏斗", developers: "开发人员业绩", conversion: "转化率", customers: "客户数", contacts: "接触",
    visits: "拜访", callbacksOnTime: "按时回访", receptions: "接待", deals: "成交", revenue: "销售额", expenses: "费用",
    roi: "投入产出比", report: "下载开发情况总结报告（XLSX）", period: "期间" },
  notifications: { title: "通知", markRead: "标为已读", unread: "未读" },
};

const en = {
  app: { title: "KAM Key Account Management", subtitle: "Key Account Department" },
  nav: { myday: "My day", customers: "Customers", visits: "Visits", receptions: "Receptions", deals: "Deals", tickets: "Service",
    claims: "Expenses", approvals: "Approvals", analytics: "Analytics", notifications: "Notifications", logistics: "Logistics", logout: "Log out" },
  role: { admin: "Administrator", manager: "Manager", developer: "Developer", coordinator: "Coordinator", planner: "Event planner", analyst: "Analyst" },
  login: { title: "Log in", username: "Username", password: "Password", submit: "Log in", failed: "Wrong username or password", locked: "Too many failed logins; try later" },
  common: { empty: "Nothing here yet", save: "Save", create: "New", search: "Search", more: "Load more", back: "Back", cancel: "Cancel",
    fixFields: "Please fix the fields in red", saved: "Saved", loading: "Loading…", unavailable: "A service is unavailable; try again shortly", all: "All",
    language: "中文", open: "Open", due: "Due", overdue: "Overdue", submit: "Submit", approve: "Approve", reject: "Reject",
    reason: "Reason", ok: "OK", amount: "Amount", notes: "Notes", status: "Status", customer: "Customer", owner: "Owner", when: "When", kind: "Kind" },
  status: { draft: "Draft", pending_approval: "Pending approval", approved: "Approved", rejected: "Rejected", completed: "Visited", summarized: "Summarised",
    submitted: "Submitted", reimbursed: "Reimbursed", reported: "Reported", open: "Open", in_progress: "In progress", resolved: "Resolved",
    done: "Done", closed: "Closed", delivered: "Delivered", pending: "Pending", erased: "Erased" },
  stage: { prospect: "Prospect", developing: "Developing", contacted: "Contacted", visited: "Visited", received: "Received", won: "Won", after_sales: "After-sales" },
  category: { important: "Important", high_value: "High value", group_purchase: "Group purchase", strategic: "Strategic", potential: "Potential" },
  kind: { person: "Person", organization: "Organisation" },
  task: { callback: "Callback", return_visit: "Return visit", anniversary_outreach: "Anniversary outreach", approval: "Approval", complete: "Complete",
    outcome: "Outcome", title: "Tasks", approvalsWaiting: "Waiting for my approval" },
  customer: { name: "Name", phone: "Phone", wechat: "WeChat", email: "E-mail", category: "Category", stage: "Stage", kind: "Kind",
    source: "Source", new: "New customer", file: "Customer file", timeline: "Timeline", network: "Network", holdings: "Holdings",
    contacts: "Contacts", logContact: "Log contact", assessment: "Assessment", plans: "Development plans", keyDates: "Key dates",
    weddingAnniversary: "Wedding anniversary", birthday: "Birthday", template: "Channel template", channel: "Channel", topic: "Topic", content: "Content",
    outcome: "Outcome", worth: "Worth developing", notWorth: "Not worth developing yet", expectedRevenue: "Expected revenue", expectedProfit: "Expected profit",
    risk: "Risk factor", costs: "Costs (staff/travel/PR/management)", methods: "Methods", plan: "Plan", budget: "Budget", export: "Export",
    score: "Potential score", credit: "Referral credit: {customers} customers, {revenue}" },
  relation: { referred: "referred", spouse: "spouse", relative: "relative", colleague: "colleague", classmate: "classmate", club: "same club",
    friend: "friend", business_partner: "business partner", other: "linked" },
  visit: { new: "New visit plan", plannedAt: "Planned at", place: "Place", method: "Method", objectives: "Objectives", products: "Products to show",
    offers: "Offers", gift: "Gift", transport: "Transport", record: "Record the visit", occurredAt: "Visited at", talkingPoints: "Talking points",
    feedback: "Customer's thoughts", nextSteps: "Next steps", nextVisitAt: "Next visit", summary: "Summary", callback: "One-week callback",
    in_person: "In person", phone: "Phone", video: "Video", funded: "Funded", companyCar: "Company car", ownWay: "Own way" },
  reception: { new: "New reception", scheduledAt: "Scheduled at", partySize: "Party size", needs: "Rough needs", location: "Location", hosts: "Hosts",
    report: "Reception report", experience: "Shopping experience", productsViewed: "Products viewed", outcome: "Outcome",
    outcomeDeal: "Deal", outcomeFollowUp: "Follow up", outcomeDeclined: "Declined" },
  deal: { new: "Record a deal", sku: "SKU", description: "Description", quantity: "Qty", unitPrice: "Unit price", discount: "Discount", total: "Total",
    delivery: "Delivery", pickup: "Pickup", home_delivery: "Home delivery", address: "Address", date: "Date", deliver: "Mark delivered", repeat: "Repeat sale",
    origin: "Origin" },
  ticket: { new: "New ticket", custom_design: "Custom design", appraisal: "Appraisal", care: "Care", repair: "Repair", resale: "Resale / consignment",
    knowledge: "Knowledge session", event: "Event", description: "Description", start: "Start", resolve: "Resolve", resolution: "Resolution" },
  claim: { new: "New claim", subject: "Subject", items: "Items", category: "Category", travel: "Travel", gift: "Gift", meal: "Meal",
    pr: "PR", other: "Other", receipts: "Receipts", upload: "Upload receipt", reimburse: "Reimburse", override: "Override reason", total: "Total",
    development_plan: "Development plan", visit: "Visit", reception: "Reception" },
  analytics: { funnel: "Funnel", developers: "Developers", conversion: "Conversion", customers: "Customers", contacts: "Contacts",
    visits: "Visits", callbacksOnTime: "Callbacks on time", receptions: "Receptions", deals: "Deals", revenue: "Revenue", expenses: "Expenses",
    roi: "Return on spend", report: "Download the development report (XLSX)", period: "Period" },
  notifications: { title: "Notifications", markRead: "Mark read", unread: "Unread" },
};

const dictionaries = { "zh-CN": zh, en };
let language = localStorage.getItem("kam.lang") || "zh-CN";

export function currentLanguage() { return language; }

export function setLanguage(next) {
  language = next;
  localStorage.setItem("kam.lang", next);
  document.documentElement.lang = next;
}

export function t(key, params = {}) {
  const lookup = (dictionary) => key.split(".").reduce((node, part) => (node ? node[part] : undefined), dictionary);
  const text = lookup(dictionaries[language]) ?? lookup(zh) ?? key.split(".").pop();
  return String(text).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? "");
}
