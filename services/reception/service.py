"""The reception service's nameko entrypoints (its domain arrives with its issue)."""
from kam.service import Database, ServiceBase
from services.reception.models import metadata


class ReceptionService(ServiceBase):
    name = "reception"
    db = Database(metadata)
