"""HTTP routes of the notifications service (its domain arrives with its issue)."""
from kam.web import Blueprint

blp = Blueprint("notifications", __name__, url_prefix="/api", description="任务、提醒与通知")
