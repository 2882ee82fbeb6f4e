"""The analytics service's nameko entrypoints."""
from kam.inbox import handles
from kam.service import Database, ServiceBase, rpc
from services.analytics import handlers
from services.analytics.models import metadata
from services.analytics.schemas import CONSUMED


class AnalyticsService(ServiceBase):
    name = "analytics"
    db = Database(metadata)

    @handles(*CONSUMED)
    def record_event(self, uow, event):
        handlers.record_event(uow, event)

    @rpc
    def overview(self):
        with self.db.session() as session:
            return handlers.overview(session, self.actor)
