"""The customers service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.customers import terms

DEVELOPMENT_METHOD_LABELS = {
    "launch_invitation": ("新品发布会邀请", "Product launch invitation"), "promotion": ("推广会", "Promotion"),
    "club_event": ("俱乐部活动", "Club event"), "training": ("培训课程", "Training course"),
    "mailing": ("邮寄资料", "Mailed materials"), "visit": ("拜访", "Visit")}

VOCABULARIES = (
    Vocabulary("customer_kinds", terms.KINDS, {"person": ("个人", "Person"), "organization": ("机构", "Organisation")}),
    Vocabulary("customer_categories", terms.CATEGORIES, {
        "important": ("重要客户", "Important (party, government, military)"), "high_value": ("高值客户", "High value"),
        "group_purchase": ("团购客户", "Group purchase"), "strategic": ("战略客户", "Strategic"),
        "potential": ("潜在大客户", "Potential key account")}),
    Vocabulary("stages", terms.STAGES, {
        "prospect": ("潜在", "Prospect"), "developing": ("开发中", "Developing"), "contacted": ("已接触", "Contacted"),
        "visited": ("已拜访", "Visited"), "received": ("已接待", "Received"), "won": ("已成交", "Won"),
        "after_sales": ("售后维护", "After-sales")}),
    Vocabulary("source_channels", terms.SOURCE_CHANNELS, {
        "friend": ("朋友", "Friend"), "relative": ("亲戚", "Relative"), "classmate": ("同学", "Classmate"),
        "colleague": ("同事", "Colleague"), "mall_sales": ("商场销售人员", "Mall salesperson"),
        "industry_sales": ("行业销售人员", "Industry salesperson"),
        "platform": ("社会/商业平台（协会、俱乐部）", "Social or business platform (associations, clubs)"),
        "other_direct_sales": ("其他直销行业（理财、汽车）", "Other direct sales (wealth management, cars)"),
        "self": ("自行联系", "Came on their own"), "other": ("其他", "Other")}),
    Vocabulary("key_date_kinds", terms.KEY_DATE_KINDS, {
        "wedding_anniversary": ("结婚纪念日", "Wedding anniversary"), "birthday": ("生日", "Birthday"),
        "other": ("其他纪念日", "Other date")}),
    Vocabulary("contact_channels", terms.CONTACT_CHANNELS, {
        "sms": ("短信", "SMS"), "wechat": ("微信", "WeChat"), "phone": ("电话", "Phone"), "email": ("电子邮件", "E-mail")}),
    Vocabulary("link_kinds", (*terms.LINK_KINDS, "referred"), {
        "spouse": ("配偶", "Spouse"), "relative": ("亲属", "Relative"), "colleague": ("同事", "Colleague"),
        "classmate": ("同学", "Classmate"), "same_club": ("同一俱乐部", "Same club"),
        "business_partner": ("生意伙伴", "Business partner"), "friend": ("朋友", "Friend"), "other": ("其他关系", "Other"),
        "referred": ("介绍", "Referred")}),
    Vocabulary("plan_statuses", terms.PLAN_STATUSES, {
        "draft": ("草稿", "Draft"), "pending_approval": ("待审批", "Pending approval"), "approved": ("已批准", "Approved"),
        "rejected": ("已驳回", "Rejected"), "withdrawn": ("已撤回", "Withdrawn")}),
    Vocabulary("development_methods", terms.DEVELOPMENT_METHODS, DEVELOPMENT_METHOD_LABELS),
    Vocabulary("import_statuses", terms.IMPORT_STATUSES, {
        "queued": ("等待导入", "Queued"), "running": ("导入中", "Importing"), "done": ("已完成", "Done"),
        "failed": ("失败", "Failed")}),
    Vocabulary("plan_step_statuses", terms.STEP_STATUSES, {"open": ("待完成", "Open"), "done": ("已完成", "Done")}),
    Vocabulary("plan_step_links", terms.STEP_LINK_KINDS, {
        "visit": ("拜访", "Visit"), "contact": ("接触记录", "Contact"), "event": ("活动", "Event")}),
    Vocabulary("event_development_methods", terms.EVENT_METHODS, {  # a plan with one may name its event
        code: label for code, label in DEVELOPMENT_METHOD_LABELS.items() if code in terms.EVENT_METHODS}),
    Vocabulary("sensitive_fields", terms.SENSITIVE_FIELDS, {
        "health": ("健康", "Health"), "family": ("家庭", "Family"), "finances": ("经济状况", "Finances")}),
    Vocabulary("sensitivity_levels", terms.SENSITIVITY_LEVELS, {
        "low": ("低", "Low"), "medium": ("中", "Medium"), "high": ("高", "High")}),
    Vocabulary("languages", terms.LANGUAGES, {"zh-CN": ("简体中文", "Simplified Chinese"), "en": ("英文", "English")}),
    Vocabulary("spreadsheet_formats", ("xlsx", "csv"), {"xlsx": ("Excel 工作簿", "Excel workbook"),
                                                        "csv": ("CSV 文本", "CSV text")}),
    Vocabulary("event_types", (
        "customer.created", "customer.updated", "customer.classified", "customer.stage_changed", "customer.erased",
        "customer.transferred",
        "contact.logged", "assessment.recorded", "development_plan.submitted", "development_plan.approved",
        "development_plan.rejected", "plan_step.added", "plan_step.completed"), {
        "customer.created": ("建立档案", "File created"), "customer.updated": ("档案更新", "File updated"),
        "customer.classified": ("客户分类", "Classified"), "customer.stage_changed": ("阶段推进", "Stage moved"),
        "customer.erased": ("档案删除", "Erased"),
        "customer.transferred": ("客户移交", "Transferred to another developer"), "contact.logged": ("记录接触", "Contact logged"),
        "assessment.recorded": ("开发评估", "Assessment recorded"),
        "development_plan.submitted": ("开发方案提交", "Development plan submitted"),
        "development_plan.approved": ("开发方案批准", "Development plan approved"),
        "development_plan.rejected": ("开发方案驳回", "Development plan rejected"),
        "plan_step.added": ("开发计划新增步骤", "Plan step added"),
        "plan_step.completed": ("开发计划步骤完成", "Plan step done")}),
)
