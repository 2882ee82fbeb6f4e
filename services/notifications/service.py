"""The notifications service's nameko entrypoints (its domain arrives with its issue)."""
from kam.service import Database, ServiceBase
from services.notifications.models import metadata


class NotificationsService(ServiceBase):
    name = "notifications"
    db = Database(metadata)
