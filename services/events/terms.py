"""The events service's vocabularies, shared by its domain and its HTTP schemas."""
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")  # the department's months: the calendar's

EVENT_KINDS = ("launch", "promotion", "club", "training", "appraisal_salon")
EVENT_STATUSES = ("draft", "pending_approval", "approved", "rejected", "cancelled", "reported", "withdrawn")
INVITATION_STATUSES = ("invited", "accepted", "declined", "attended", "no_show")
RSVP_RESPONSES = ("accepted", "declined")
SKIP_REASONS = ("already_invited", "opted_out")

RUNNER_ROLES = ("planner", "manager")
APPROVER_ROLES = ("manager",)
INVITER_ROLES = ("planner", "manager", "developer")
READER_ROLES = ("planner", "manager", "developer", "coordinator", "analyst")

# The door opens an hour before the event starts (API.md: check-in from one hour before starts_at).
DOORS_OPEN_BEFORE_MINUTES = 60
