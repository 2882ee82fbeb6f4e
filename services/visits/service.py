"""The visits service's nameko entrypoints (its domain arrives with its issue)."""
from kam.service import Database, ServiceBase
from services.visits.models import metadata


class VisitsService(ServiceBase):
    name = "visits"
    db = Database(metadata)
