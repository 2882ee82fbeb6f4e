"""The visits service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.visits import terms

VOCABULARIES = (
    Vocabulary("visit_statuses", terms.VISIT_STATUSES, {
        "draft": ("草稿", "Draft"), "pending_approval": ("待审批", "Pending approval"), "approved": ("已批准", "Approved"),
        "rejected": ("已驳回", "Rejected"), "completed": ("已拜访", "Visited"), "summarized": ("已总结", "Summarised"),
        "withdrawn": ("已撤回", "Withdrawn")}),
    Vocabulary("visit_methods", terms.VISIT_METHODS, {
        "in_person": ("面访", "In person"), "phone": ("电话", "Phone"), "video": ("视频", "Video")}),
    Vocabulary("claim_statuses", terms.CLAIM_STATUSES, {
        "draft": ("草稿", "Draft"), "submitted": ("已提交", "Submitted"), "approved": ("已批准", "Approved"),
        "rejected": ("已驳回", "Rejected"), "reimbursed": ("已报销", "Reimbursed"), "withdrawn": ("已撤回", "Withdrawn")}),
    Vocabulary("claim_subject_types", terms.SUBJECT_TYPES, {
        "development_plan": ("开发方案", "Development plan"), "visit": ("拜访", "Visit"), "reception": ("接待", "Reception"),
        "event": ("活动", "Event")}),
    Vocabulary("expense_categories", terms.EXPENSE_CATEGORIES, {
        "travel": ("差旅交通", "Travel"), "gift": ("礼品", "Gift"), "meal": ("餐饮", "Meal"), "pr": ("公关", "Public relations"),
        "other": ("其他", "Other")}),
    Vocabulary("hospitality_kinds", terms.HOSPITALITY_KINDS, {
        "gift_value": ("礼品价值上限", "Gift value"), "meal_per_head": ("外出用餐人均上限", "Meal out per head")}),
    Vocabulary("visit_support_kinds", terms.SUPPORT_KINDS, {
        "senior_leader": ("高层领导陪同拜访", "A senior leader joins"),
        "headquarters_invitation": ("邀请客户到公司", "Invitation to the company"),
        "event_invitation": ("邀请客户参加活动", "Invitation to an event")}),
    # 报告检查 of a visit's record and summary, and of a reception's report (接待报告的审查)
    Vocabulary("review_statuses", terms.REVIEW_STATUSES, {
        "pending": ("待检查", "Waiting for review"), "accepted": ("已通过", "Accepted"), "returned": ("已退回", "Returned")}),
    Vocabulary("event_types", (
        "visit.submitted", "visit.approved", "visit.rejected", "visit.completed", "visit.summarized",
        "visit.reviewed", "visit.revised",
        "expense_claim.submitted", "expense_claim.approved", "expense_claim.rejected", "expense_claim.reimbursed"), {
        "visit.submitted": ("拜访计划提交", "Visit submitted"), "visit.approved": ("拜访计划批准", "Visit approved"),
        "visit.rejected": ("拜访计划驳回", "Visit rejected"), "visit.completed": ("完成拜访", "Visit recorded"),
        "visit.summarized": ("拜访总结", "Visit summarised"), "visit.reviewed": ("拜访报告检查", "Visit report reviewed"),
        "visit.revised": ("拜访报告修改", "Visit report revised"), "expense_claim.submitted": ("费用报销提交", "Claim submitted"),
        "expense_claim.approved": ("费用报销批准", "Claim approved"), "expense_claim.rejected": ("费用报销驳回", "Claim rejected"),
        "expense_claim.reimbursed": ("费用已报销", "Claim reimbursed")}),
)
