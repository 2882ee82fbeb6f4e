"""The reception service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.reception import terms

VOCABULARIES = (
    Vocabulary("reception_statuses", terms.RECEPTION_STATUSES, {
        "draft": ("草稿", "Draft"), "pending_approval": ("待审批", "Pending approval"), "approved": ("已批准", "Approved"),
        "rejected": ("已驳回", "Rejected"), "reported": ("已报告", "Reported")}),
    Vocabulary("reception_outcomes", terms.RECEPTION_OUTCOMES, {
        "deal": ("成交", "Deal"), "follow_up": ("继续跟进", "Follow up"), "declined": ("暂不考虑", "Declined")}),
    Vocabulary("product_interest", terms.PRODUCT_INTEREST, {
        "high": ("很感兴趣", "High"), "medium": ("一般", "Medium"), "low": ("兴趣不大", "Low")}),
    Vocabulary("deal_statuses", terms.DEAL_STATUSES, {"closed": ("已成交", "Closed"), "delivered": ("已交付", "Delivered")}),
    Vocabulary("deal_origin_types", terms.ORIGIN_TYPES, {"visit": ("拜访", "Visit"), "reception": ("接待", "Reception")}),
    Vocabulary("delivery_methods", terms.DELIVERY_METHODS, {
        "pickup": ("到店自提", "Pick-up in store"), "home_delivery": ("送货上门", "Home delivery")}),
    Vocabulary("ticket_kinds", terms.TICKET_KINDS, {
        "custom_design": ("私人定制", "Custom design"), "appraisal": ("品鉴", "Appraisal"), "care": ("保养", "Care"),
        "repair": ("维修", "Repair"), "resale": ("二手交易/寄售", "Resale or consignment"),
        "knowledge": ("珠宝知识", "Jewelry knowledge"), "event": ("平台活动", "Platform event")}),
    Vocabulary("ticket_statuses", terms.TICKET_STATUSES, {
        "open": ("待处理", "Open"), "in_progress": ("处理中", "In progress"), "resolved": ("已解决", "Resolved")}),
    Vocabulary("resale_modes", terms.RESALE_MODES, {"resale": ("买断转售", "Resale"), "consignment": ("寄售", "Consignment")}),
    Vocabulary("return_visit_methods", terms.RETURN_VISIT_METHODS, {
        "phone": ("电话", "Phone"), "wechat": ("微信", "WeChat"), "sms": ("短信", "SMS"), "email": ("电子邮件", "E-mail"),
        "in_person": ("面访", "In person"), "video": ("视频", "Video")}),
    Vocabulary("event_types", (
        "reception.submitted", "reception.approved", "reception.rejected", "reception.reported", "deal.closed",
        "deal.delivered", "service_ticket.opened", "service_ticket.resolved", "return_visit.recorded"), {
        "reception.submitted": ("接待计划提交", "Reception submitted"), "reception.approved": ("接待计划批准", "Reception approved"),
        "reception.rejected": ("接待计划驳回", "Reception rejected"), "reception.reported": ("接待报告", "Reception reported"),
        "deal.closed": ("成交", "Deal closed"), "deal.delivered": ("交付", "Deal delivered"),
        "service_ticket.opened": ("售后服务单", "Service ticket opened"),
        "service_ticket.resolved": ("售后服务完成", "Service ticket resolved"),
        "return_visit.recorded": ("定期回访", "Return visit recorded")}),
)
