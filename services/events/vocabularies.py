"""The events service's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.events import terms

VOCABULARIES = (
    Vocabulary("event_kinds", terms.EVENT_KINDS, {
        "launch": ("产品介绍会", "Product launch"), "promotion": ("推广会", "Promotion"),
        "club": ("俱乐部活动", "Club event"), "training": ("培训课程", "Training course"),
        "appraisal_salon": ("品鉴会", "Appraisal salon")}),
    Vocabulary("event_statuses", terms.EVENT_STATUSES, {
        "draft": ("草稿", "Draft"), "pending_approval": ("待审批", "Pending approval"),
        "approved": ("已批准", "Approved"), "rejected": ("已驳回", "Rejected"),
        "cancelled": ("已取消", "Cancelled"), "reported": ("已报告", "Reported"),
        "withdrawn": ("已撤回", "Withdrawn")}),
    Vocabulary("invitation_statuses", terms.INVITATION_STATUSES, {
        "invited": ("已邀请", "Invited"), "accepted": ("已接受", "Accepted"), "declined": ("已谢绝", "Declined"),
        "attended": ("已签到", "Attended"), "no_show": ("未出席", "No-show")}),
    Vocabulary("rsvp_responses", terms.RSVP_RESPONSES, {
        "accepted": ("接受", "Accept"), "declined": ("谢绝", "Decline")}),
    Vocabulary("invitation_skip_reasons", terms.SKIP_REASONS, {
        "already_invited": ("已邀请过", "Already invited"), "opted_out": ("已拒绝营销联系", "Opted out")}),
    Vocabulary("event_types", (
        "event.submitted", "event.approved", "event.rejected", "event.cancelled", "event.reported",
        "invitation.sent", "invitation.answered", "guest.checked_in", "guest.no_show"), {
        "event.submitted": ("活动提交审批", "Event submitted"), "event.approved": ("活动批准", "Event approved"),
        "event.rejected": ("活动驳回", "Event rejected"), "event.cancelled": ("活动取消", "Event cancelled"),
        "event.reported": ("活动报告", "Event reported"), "invitation.sent": ("活动邀请", "Invitation sent"),
        "invitation.answered": ("活动回复", "Invitation answered"), "guest.checked_in": ("活动签到", "Guest checked in"),
        "guest.no_show": ("活动未出席", "Guest did not come")}),
)
