"""HTTP routes of the notifications service; mounted by the gateway, they parse, call RPC and dump."""
from kam.web import Blueprint, rpc
from services.notifications.schemas import (
    CompleteTaskIn,
    NotificationListArgs,
    NotificationOut,
    NotificationPage,
    OverdueCounts,
    PreferencesIn,
    PreferencesOut,
    ReassignTaskIn,
    SnoozeTaskIn,
    TaskListArgs,
    TaskOut,
    TaskPage,
)

blp = Blueprint("notifications", __name__, url_prefix="/api", description="任务、提醒与通知 Tasks and notifications",
                replies_dumped=True)


@blp.route("/tasks", methods=["GET"])
@blp.arguments(TaskListArgs, location="query")
@blp.response(200, TaskPage)
def list_tasks(args):
    """Tasks by due time, soonest first. `assignee=me` includes tasks addressed to the caller's role.

    Example: `GET /api/tasks?assignee=me&status=open&kind=callback`
    """
    return rpc("notifications").list_tasks(args)


@blp.route("/tasks/overdue-counts", methods=["GET"])
@blp.response(200, OverdueCounts)
def overdue_counts():
    """Managers: open tasks past due per assignee, and callbacks already escalated."""
    return rpc("notifications").overdue_counts()


@blp.route("/tasks/<task_id>", methods=["GET"])
@blp.response(200, TaskOut)
def get_task(task_id):
    return rpc("notifications").get_task(task_id)


@blp.route("/tasks/<task_id>/complete", methods=["POST"])
@blp.arguments(CompleteTaskIn)
@blp.response(200, TaskOut)
def complete_task(data, task_id):
    """Example: `{"outcome": "客户很满意，约定下月到店", "notes": "带上新款图册"}`; twice is 409 invalid_transition."""
    return rpc("notifications").complete_task(task_id, data)


@blp.route("/tasks/<task_id>/reassign", methods=["POST"])
@blp.arguments(ReassignTaskIn)
@blp.response(200, TaskOut)
def reassign_task(data, task_id):
    """Managers hand an open task to someone else. Example: `{"assignee_id": "u-123"}`"""
    return rpc("notifications").reassign_task(task_id, data["assignee_id"])


@blp.route("/tasks/<task_id>/snooze", methods=["POST"])
@blp.arguments(SnoozeTaskIn)
@blp.response(200, TaskOut)
def snooze_task(data, task_id):
    """The assignee moves the due time, at most 14 days past the original due time.
    Example: `{"until": "2026-05-20T09:00:00+08:00"}`"""
    return rpc("notifications").snooze_task(task_id, data["until"])


@blp.route("/notifications", methods=["GET"])
@blp.arguments(NotificationListArgs, location="query")
@blp.response(200, NotificationPage)
def list_notifications(args):
    """The caller's inbox, newest first (`?unread=true` for unread only)."""
    return rpc("notifications").list_notifications(args)


@blp.route("/notifications/preferences", methods=["GET"])
@blp.response(200, PreferencesOut)
def get_preferences():
    return rpc("notifications").get_preferences()


@blp.route("/notifications/preferences", methods=["PUT"])
@blp.arguments(PreferencesIn)
@blp.response(200, PreferencesOut)
def set_preferences(data):
    """Example: `{"channels": ["in_app", "email"], "email": "lihua@example.com", "digest": true}`"""
    return rpc("notifications").set_preferences(data)


@blp.route("/notifications/<notification_id>/read", methods=["POST"])
@blp.response(200, NotificationOut)
def mark_read(notification_id):
    return rpc("notifications").mark_read(notification_id)
