"""The analytics service's nameko entrypoints."""
import base64

from kam.clock import Clock
from kam.inbox import handles
from kam.service import Database, ServiceBase, rpc
from services.analytics import handlers, reports
from services.analytics.models import metadata
from services.analytics.schemas import CONSUMED
from services.analytics.workbook import build_workbook, report_filename


class AnalyticsService(ServiceBase):
    name = "analytics"
    db = Database(metadata)
    clock = Clock()

    @handles(*CONSUMED)
    def record_event(self, uow, event):
        handlers.record_event(uow, event)

    @rpc
    def overview(self):
        with self.db.session() as session:
            return reports.show_overview(session, self.actor)

    @rpc
    def funnel(self, start=None, end=None):
        with self.db.session() as session:
            return reports.show_funnel(session, self.actor, start, end)

    @rpc
    def developers(self, start=None, end=None):
        with self.db.session() as session:
            return reports.list_developer_figures(session, self.actor, start, end)

    @rpc
    def groups(self, dimension, start=None, end=None):
        with self.db.session() as session:
            return reports.list_group_figures(session, self.actor, dimension, start, end)

    @rpc
    def customer(self, customer_id):
        with self.db.session() as session:
            return reports.show_customer_figures(session, self.actor, customer_id)

    @rpc
    def report(self, start=None, end=None):
        with self.db.session() as session:
            return reports.build_report(session, self.actor, self.clock.now(), start, end)

    @rpc
    def report_workbook(self, start=None, end=None, display_names=None):
        """The report as XLSX: {"filename", "content" (base64)}; names label the developers' rows."""
        with self.db.session() as session:
            report = reports.build_report(session, self.actor, self.clock.now(), start, end)
        reports.name_developers(report["developers"], display_names or {})
        return {"filename": report_filename(report),
                "content": base64.b64encode(build_workbook(report)).decode("ascii")}

    @rpc
    def export_customer(self, customer_id):
        with self.db.session() as session:
            return handlers.export_customer(session, customer_id)
