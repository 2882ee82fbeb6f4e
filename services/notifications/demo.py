"""Demo channel preferences. Tasks themselves come from the other services' demo events once `kam dev`
runs (visits → callbacks, deliveries → return visits, customers' anniversaries → outreach)."""
from sqlalchemy import func, select

from kam.db import utcnow
from kam.identity import Actor
from kam.service import open_store
from services.notifications import inbox
from services.notifications.models import metadata, preferences

PHONES = ("13800138001", "13800138002", "13800138003")


def _choices(user, index):
    if user["role"] == "manager":
        return {"channels": ["in_app", "wechat"], "wechat": f"kam_{user['username']}", "digest": True}
    if user["role"] == "developer":
        return {"channels": ["in_app", "sms"], "phone": PHONES[index % len(PHONES)], "digest": True}
    return {"channels": ["in_app"], "digest": user["role"] != "admin"}


def load(demo):
    store = open_store("notifications", metadata, demo.settings)
    try:
        with store.unit_of_work() as uow:
            if uow.session.scalar(select(func.count()).select_from(preferences)):
                return "already loaded"
            users = [user for role_users in demo.users.values() for user in role_users]
            for index, user in enumerate(users):
                inbox.set_preferences(uow, Actor(user["id"], user["role"]), utcnow(), data=_choices(user, index))
            uow.commit()
        return f"channel preferences for {len(users)} users (managers: WeChat, developers: SMS, all: in-app)"
    finally:
        store.close()
