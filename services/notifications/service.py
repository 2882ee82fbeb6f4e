"""The notifications service: its use cases declared, its event handlers and its due-work timer."""
from datetime import datetime

from kam.identity import Actor
from kam.inbox import handles
from kam.service import Database, ServiceBase, rpc
from kam.usecase import command, query
from services.notifications import (
    contracts,
    decisions,
    due_work,
    event_guests,
    handlers,
    inbox,
    next_visits,
    plan_steps,
    transfers,
    work_orders,
)
from services.notifications.contracts import (
    APPROVAL_EVENTS,
    DECISION_EVENTS,
    REVIEW_EVENTS,
    CustomerCreated,
    CustomerErased,
    CustomerTransferred,
    CustomerUpdated,
    DealDelivered,
    EventCancelled,
    GuestCheckedIn,
    InvitationSent,
    PlanStepAdded,
    PlanStepCompleted,
    ReservationOverdue,
    ReservationReturned,
    ReturnVisitRecorded,
    StockLow,
    VisitCompleted,
    VisitRevised,
    WorkOrderAdvanced,
)
from services.notifications.models import metadata
from services.notifications.settings import DEFAULT_INTERVAL, Channels, PolicyProvider, due_work_timer
from services.notifications.terms import SYSTEM_ACTOR


class NotificationsService(ServiceBase):
    name = "notifications"
    db = Database(metadata)
    policy = PolicyProvider()
    channels = Channels()
    offers = contracts.OFFERS

    list_tasks = query(handlers.list_tasks)
    get_task = query(handlers.get_task)
    complete_task = command(handlers.complete_task)
    reassign_task = command(handlers.reassign_task)
    snooze_task = command(handlers.snooze_task, uses=("policy",))
    overdue_counts = query(handlers.overdue_counts)
    list_notifications = query(inbox.list_notifications)
    mark_read = command(inbox.mark_read)
    get_preferences = query(inbox.get_preferences)
    set_preferences = command(inbox.set_preferences)

    @handles(VisitCompleted)
    def create_callback(self, uow, event):
        handlers.create_callback(uow, *self._by(event), visit=event["data"], policy=self.policy)
        next_visits.visit_recorded(uow, self._by(event)[1], visit=event["data"])

    @handles(VisitRevised)
    def move_next_visit(self, uow, event):
        next_visits.visit_revised(uow, self._by(event)[1], visit=event["data"])

    @handles(PlanStepAdded)
    def watch_plan_step(self, uow, event):
        plan_steps.step_added(uow, self._by(event)[1], step=event["data"])

    @handles(PlanStepCompleted)
    def close_plan_step(self, uow, event):
        plan_steps.step_completed(uow, self._by(event)[1], step=event["data"])

    @handles(DealDelivered)
    def schedule_return_visits(self, uow, event):
        handlers.schedule_return_visits(uow, *self._by(event), delivery=event["data"], policy=self.policy)

    @handles(CustomerCreated, CustomerUpdated)
    def record_customer_facts(self, uow, event):
        handlers.record_customer_facts(uow, *self._by(event), customer=event["data"], policy=self.policy)

    @handles(CustomerTransferred)
    def transfer_customer(self, uow, event):
        transfers.transfer_customer(uow, *self._by(event), transfer=event["data"], event_id=event["id"])

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        handlers.erase_customer(uow, *self._by(event), customer_id=event["data"]["customer_id"])

    @handles(ReturnVisitRecorded)
    def complete_return_visit(self, uow, event):
        handlers.complete_return_visit(uow, *self._by(event), recorded=event["data"])

    @handles(StockLow)
    def ask_for_restock(self, uow, event):
        handlers.ask_for_restock(uow, *self._by(event), low=event["data"])

    @handles(ReservationOverdue)
    def chase_overdue_piece(self, uow, event):
        handlers.chase_overdue_piece(uow, *self._by(event), overdue=event["data"])

    @handles(ReservationReturned)
    def note_piece_returned(self, uow, event):
        handlers.note_piece_returned(uow, *self._by(event), returned=event["data"])

    @handles(WorkOrderAdvanced)
    def follow_work_order(self, uow, event):
        work_orders.follow_work_order(uow, *self._by(event), step=event["data"])

    @handles(*APPROVAL_EVENTS)
    def track_approval(self, uow, event):
        handlers.track_approval(uow, *self._by(event), event_type=event["type"], data=event["data"],
                                policy=self.policy, occurred_at=datetime.fromisoformat(event["occurred_at"]))

    @handles(*DECISION_EVENTS)
    def tell_decision(self, uow, event):
        decisions.tell_decision(uow, *self._by(event), event_id=event["id"], event_type=event["type"],
                                data=event["data"])

    @handles(*REVIEW_EVENTS)
    def tell_review(self, uow, event):
        decisions.tell_review(uow, *self._by(event), event_id=event["id"], event_type=event["type"], data=event["data"])

    @handles(InvitationSent)
    def deliver_invitation(self, uow, event):
        event_guests.deliver_invitation(uow, *self._by(event), invitation=event["data"])

    @handles(EventCancelled)
    def tell_cancellation(self, uow, event):
        event_guests.tell_cancellation(uow, *self._by(event), cancelled=event["data"])

    @handles(GuestCheckedIn)
    def create_event_follow_up(self, uow, event):
        event_guests.create_event_follow_up(uow, *self._by(event), checked_in=event["data"])

    @due_work_timer(interval=DEFAULT_INTERVAL)
    def run_due_work(self):
        with self.db.unit_of_work(actor=SYSTEM_ACTOR) as uow:
            due_work.run_due_work(uow, self.clock.now(), self.policy)
        with self.db.session() as session:
            inbox.dispatch_outgoing(session, self.channels)
            work_orders.dispatch_customer_messages(session, self.channels)

    @rpc
    def export_customer(self, customer_id):
        """PIPL export: the rows as they are (not an API reply; the customers service gathers them)."""
        with self.db.session() as session:
            return handlers.export_customer(session, self.actor, customer_id)

    def _by(self, event):
        """Who raised the event and the time now: the use case's actor and clock."""
        return Actor.from_context(event["actor"]), self.clock.now()
