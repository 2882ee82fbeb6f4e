"""The reception service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.reception import terms

STATUS_LABELS = {
    "open": ("待处理", "Open"), "in_progress": ("处理中", "In progress"), "resolved": ("已解决", "Resolved"),
    "brief": ("需求沟通", "Brief"), "quoted": ("已报价", "Quoted"), "in_design": ("设计中", "In design"),
    "in_production": ("制作中", "In production"), "ready": ("待取件", "Ready"), "handed_over": ("已交付", "Handed over"),
    "received": ("已收件", "Received"), "estimated": ("已估价", "Estimated"), "in_repair": ("维修中", "In repair"),
    "picked_up": ("已取件", "Picked up"), "returned": ("已退还", "Returned"), "valued": ("已估值", "Valued"),
    "listed": ("在售", "Listed"), "sold": ("已售出", "Sold"), "paid_out": ("已结算", "Paid out"),
}

VOCABULARIES = (
    Vocabulary("reception_statuses", terms.RECEPTION_STATUSES, {
        "draft": ("草稿", "Draft"), "pending_approval": ("待审批", "Pending approval"), "approved": ("已批准", "Approved"),
        "rejected": ("已驳回", "Rejected"), "reported": ("已报告", "Reported"),
        "withdrawn": ("已撤回", "Withdrawn")}),
    Vocabulary("reception_outcomes", terms.RECEPTION_OUTCOMES, {
        "deal": ("成交", "Deal"), "follow_up": ("继续跟进", "Follow up"), "declined": ("暂不考虑", "Declined")}),
    Vocabulary("product_interest", terms.PRODUCT_INTEREST, {
        "high": ("很感兴趣", "High"), "medium": ("一般", "Medium"), "low": ("兴趣不大", "Low")}),
    Vocabulary("deal_statuses", terms.DEAL_STATUSES, {"closed": ("已成交", "Closed"), "delivered": ("已交付", "Delivered")}),
    Vocabulary("deal_origin_types", terms.DEAL_ORIGIN_TYPES, {"visit": ("拜访", "Visit"), "reception": ("接待", "Reception"),
                                                                "service_ticket": ("定制服务单", "Custom design")}),
    Vocabulary("delivery_methods", terms.DELIVERY_METHODS, {
        "pickup": ("到店自提", "Pick-up in store"), "home_delivery": ("送货上门", "Home delivery")}),
    Vocabulary("ticket_kinds", terms.TICKET_KINDS, {
        "custom_design": ("私人定制", "Custom design"), "appraisal": ("品鉴", "Appraisal"), "care": ("保养", "Care"),
        "repair": ("维修", "Repair"), "resale": ("二手交易/寄售", "Resale or consignment"),
        "knowledge": ("珠宝知识", "Jewelry knowledge"), "event": ("平台活动", "Platform event")}),
    Vocabulary("ticket_statuses", terms.TICKET_STATUSES, STATUS_LABELS),
    Vocabulary("general_ticket_statuses", terms.GENERAL_TICKET_STATUSES,
               {status: STATUS_LABELS[status] for status in terms.GENERAL_TICKET_STATUSES}),
    *[Vocabulary(f"{kind}_statuses", statuses, {status: STATUS_LABELS[status] for status in statuses})
      for kind, statuses in terms.WORK_ORDER_STATUSES.items()],
    Vocabulary("work_order_actions", terms.WORK_ORDER_ACTIONS, {
        "quote": ("报价", "Quote"), "pay-deposit": ("收取定金", "Pay deposit"),
        "approve-design": ("客户确认设计", "Approve design"), "quality-check": ("质检", "Quality check"),
        "hand-over": ("交付客户", "Hand over"), "estimate": ("维修估价", "Estimate"),
        "accept-estimate": ("客户接受估价", "Accept estimate"), "decline-estimate": ("客户拒绝估价", "Decline estimate"),
        "finish": ("维修完成", "Finish"), "pick-up": ("客户取件", "Pick up"), "agree": ("签订寄售/转售协议", "Agree"),
        "sell": ("售出", "Sell"), "pay-out": ("支付货款", "Pay out"), "return": ("退还客户", "Return"),
        "extend": ("延长寄售期", "Extend")}),
    Vocabulary("notice_channels", terms.NOTICE_CHANNELS, {
        "sms": ("短信", "SMS"), "wechat": ("微信", "WeChat"), "email": ("电子邮件", "E-mail")}),
    Vocabulary("image_purposes", terms.IMAGE_PURPOSES, {
        "design": ("设计图", "Design image"), "intake": ("收件照片", "Intake photo"), "other": ("其他", "Other")}),
    Vocabulary("resale_modes", terms.RESALE_MODES, {"resale": ("买断转售", "Resale"), "consignment": ("寄售", "Consignment")}),
    Vocabulary("return_visit_methods", terms.RETURN_VISIT_METHODS, {
        "phone": ("电话", "Phone"), "wechat": ("微信", "WeChat"), "sms": ("短信", "SMS"), "email": ("电子邮件", "E-mail"),
        "in_person": ("面访", "In person"), "video": ("视频", "Video")}),
    Vocabulary("event_types", (
        "reception.submitted", "reception.approved", "reception.rejected", "reception.reported", "reception.reviewed",
        "deal.closed",
        "deal.delivered", "service_ticket.opened", "service_ticket.resolved", "work_order.advanced", "return_visit.recorded"), {
        "reception.submitted": ("接待计划提交", "Reception submitted"), "reception.approved": ("接待计划批准", "Reception approved"),
        "reception.rejected": ("接待计划驳回", "Reception rejected"), "reception.reported": ("接待报告", "Reception reported"),
        "reception.reviewed": ("接待报告审查", "Reception report reviewed"),
        "deal.closed": ("成交", "Deal closed"), "deal.delivered": ("交付", "Deal delivered"),
        "service_ticket.opened": ("售后服务单", "Service ticket opened"),
        "service_ticket.resolved": ("售后服务完成", "Service ticket resolved"),
        "work_order.advanced": ("定制中心服务单进展", "Work order advanced"),
        "return_visit.recorded": ("定期回访", "Return visit recorded")}),
)
