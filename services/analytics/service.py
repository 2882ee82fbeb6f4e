"""The analytics service: every event logged and projected, and its queries declared."""
from kam.inbox import handles
from kam.service import Database, ServiceBase, rpc
from kam.usecase import query
from services.analytics import contracts, handlers, reports
from services.analytics.models import metadata


class AnalyticsService(ServiceBase):
    name = "analytics"
    db = Database(metadata)
    offers = contracts.OFFERS

    overview = query(reports.show_overview)
    funnel = query(reports.show_funnel)
    developers = query(reports.list_developer_figures)
    groups = query(reports.list_group_figures)
    customer = query(reports.show_customer_figures)
    event = query(reports.show_event_figures)
    events = query(reports.list_event_figures)
    report = query(reports.build_report)
    report_workbook = query(reports.build_workbook_file)

    @handles(*contracts.CONSUMED)
    def record_event(self, uow, event):
        handlers.record_event(uow, event)

    @rpc
    def export_customer(self, customer_id):
        """PIPL export: the rows as they are (not an API reply; the customers service gathers them)."""
        with self.db.session() as session:
            return handlers.export_customer(session, self.actor, customer_id)
