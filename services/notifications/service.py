"""The notifications service's nameko entrypoints: thin, each one a use case."""
from kam.clock import Clock
from kam.inbox import handles
from kam.service import Database, ServiceBase, rpc
from services.notifications import due_work, handlers, inbox
from services.notifications.models import metadata
from services.notifications.schemas import (
    APPROVAL_EVENTS,
    CustomerCreated,
    CustomerErased,
    CustomerUpdated,
    DealDelivered,
    ReturnVisitRecorded,
    VisitCompleted,
)
from services.notifications.settings import DEFAULT_INTERVAL, Channels, PolicyProvider, due_work_timer
from services.notifications.terms import SYSTEM_ACTOR


class NotificationsService(ServiceBase):
    name = "notifications"
    db = Database(metadata)
    clock = Clock()
    policy = PolicyProvider()
    channels = Channels()

    @handles(VisitCompleted)
    def create_callback(self, uow, event):
        handlers.create_callback(uow, event["data"], self.clock.now(), self.policy)

    @handles(DealDelivered)
    def schedule_return_visits(self, uow, event):
        handlers.schedule_return_visits(uow, event["data"], self.clock.now(), self.policy)

    @handles(CustomerCreated, CustomerUpdated)
    def record_customer_facts(self, uow, event):
        handlers.record_customer_facts(uow, event["data"], self.clock.now(), self.policy)

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        handlers.erase_customer(uow, event["data"]["customer_id"])

    @handles(ReturnVisitRecorded)
    def complete_return_visit(self, uow, event):
        handlers.complete_return_visit(uow, event["data"])

    @handles(*APPROVAL_EVENTS)
    def track_approval(self, uow, event):
        handlers.track_approval(uow, event, self.clock.now(), self.policy)

    @due_work_timer(interval=DEFAULT_INTERVAL)
    def run_due_work(self):
        with self.db.unit_of_work(actor=SYSTEM_ACTOR) as uow:
            due_work.run_due_work(uow, self.clock.now(), self.policy)
        with self.db.session() as session:
            inbox.dispatch_outgoing(session, self.channels)

    @rpc
    def list_tasks(self, args):
        with self.db.session() as session:
            return handlers.list_tasks(session, self.actor, args, self.clock.now())

    @rpc
    def get_task(self, task_id):
        with self.db.session() as session:
            return handlers.get_task(session, self.actor, task_id, self.clock.now())

    @rpc
    def complete_task(self, task_id, data):
        with self.db.unit_of_work() as uow:
            return handlers.complete_task(uow, self.actor, task_id, data, self.clock.now())

    @rpc
    def reassign_task(self, task_id, assignee_id):
        with self.db.unit_of_work() as uow:
            return handlers.reassign_task(uow, self.actor, task_id, assignee_id, self.clock.now())

    @rpc
    def snooze_task(self, task_id, until):
        with self.db.unit_of_work() as uow:
            return handlers.snooze_task(uow, self.actor, task_id, until, self.clock.now(), self.policy)

    @rpc
    def overdue_counts(self):
        with self.db.session() as session:
            return handlers.overdue_counts(session, self.actor, self.clock.now())

    @rpc
    def list_notifications(self, args):
        with self.db.session() as session:
            return inbox.list_notifications(session, self.actor, args)

    @rpc
    def mark_read(self, notification_id):
        with self.db.session() as session:
            return inbox.mark_read(session, self.actor, notification_id, self.clock.now())

    @rpc
    def get_preferences(self):
        with self.db.session() as session:
            return inbox.get_preferences(session, self.actor)

    @rpc
    def set_preferences(self, data):
        with self.db.session() as session:
            return inbox.set_preferences(session, self.actor, data, self.clock.now())

    @rpc
    def export_customer(self, customer_id):
        with self.db.session() as session:
            return handlers.export_customer(session, customer_id)
