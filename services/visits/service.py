"""The visits service's nameko entrypoints: thin, each one a use case."""
from kam.clock import Clock
from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase, rpc
from services.visits.contracts import CustomerErased, ReceptionApproved, ReceptionReported, TaskCompleted
from services.visits.handlers import claims, discussion, logistics, privacy, receipts, visits
from services.visits.models import metadata
from services.visits.policy import MaxDiscount
from services.visits.storage import Receipts


class VisitsService(ServiceBase):
    name = "visits"
    db = Database(metadata)
    clock = Clock()
    max_discount = MaxDiscount()
    receipt_files = Receipts()
    customers = Remote("customers")
    reception = Remote("reception")

    def _subjects(self, session):
        return claims.Subjects(session, {"development_plan": self.customers.get_development_plan,
                                         "reception": self.reception.get_reception})

    @rpc
    def plan_visit(self, data):
        with self.db.unit_of_work() as uow:
            return visits.plan_visit(uow, self.actor, data, self.customers, self.clock.now())

    @rpc
    def edit_visit(self, visit_id, changes):
        with self.db.unit_of_work() as uow:
            return visits.edit_visit(uow, self.actor, visit_id, changes, self.clock.now())

    @rpc
    def submit_visit(self, visit_id):
        with self.db.unit_of_work() as uow:
            return visits.submit_visit(uow, self.actor, visit_id, self.max_discount, self.clock.now())

    @rpc
    def approve_visit(self, visit_id, funded_amount):
        with self.db.unit_of_work() as uow:
            return visits.approve_visit(uow, self.actor, visit_id, funded_amount, self.clock.now())

    @rpc
    def reject_visit(self, visit_id, reason):
        with self.db.unit_of_work() as uow:
            return visits.reject_visit(uow, self.actor, visit_id, reason, self.clock.now())

    @rpc
    def record_visit(self, visit_id, form):
        with self.db.unit_of_work() as uow:
            return visits.record_visit(uow, self.actor, visit_id, form, self.clock.now())

    @rpc
    def summarize_visit(self, visit_id, text):
        with self.db.unit_of_work() as uow:
            return visits.summarize_visit(uow, self.actor, visit_id, text, self.clock.now())

    @rpc
    def get_visit(self, visit_id):
        with self.db.session() as session:
            return visits.get_visit(session, self.actor, visit_id)

    @rpc
    def list_visits(self, args):
        with self.db.session() as session:
            return visits.list_visits(session, self.actor, args)

    @rpc
    def add_advice(self, visit_id, data):
        with self.db.unit_of_work() as uow:
            return discussion.add_advice(uow, self.actor, visit_id, data, self.clock.now())

    @rpc
    def list_advice(self, visit_id):
        with self.db.session() as session:
            return discussion.list_advice(session, self.actor, visit_id)

    @rpc
    def open_claim(self, data):
        with self.db.unit_of_work() as uow:
            return claims.open_claim(uow, self.actor, data, self._subjects(uow.session), self.clock.now())

    @rpc
    def submit_claim(self, claim_id):
        with self.db.unit_of_work() as uow:
            return claims.submit_claim(uow, self.actor, claim_id, self._subjects(uow.session), self.clock.now())

    @rpc
    def approve_claim(self, claim_id, override_reason=None):
        with self.db.unit_of_work() as uow:
            return claims.approve_claim(uow, self.actor, claim_id, override_reason, self.clock.now())

    @rpc
    def reject_claim(self, claim_id, reason):
        with self.db.unit_of_work() as uow:
            return claims.reject_claim(uow, self.actor, claim_id, reason, self.clock.now())

    @rpc
    def reimburse_claim(self, claim_id):
        with self.db.unit_of_work() as uow:
            return claims.reimburse_claim(uow, self.actor, claim_id, self.clock.now())

    @rpc
    def get_claim(self, claim_id):
        with self.db.session() as session:
            return claims.get_claim(session, self.actor, claim_id)

    @rpc
    def list_claims(self, args):
        with self.db.session() as session:
            return claims.list_claims(session, self.actor, args)

    @rpc
    def attach_receipt(self, claim_id, upload):
        with self.db.unit_of_work() as uow:
            return receipts.attach_receipt(uow, self.actor, claim_id, upload, self.receipt_files, self.clock.now())

    @rpc
    def read_receipt(self, claim_id, receipt_id):
        with self.db.session() as session:
            return receipts.read_receipt(session, self.actor, claim_id, receipt_id, self.receipt_files)

    @rpc
    def list_logistics(self, days=7):
        with self.db.session() as session:
            return logistics.list_logistics(session, self.actor, days, self.clock.now())

    @rpc
    def export_customer(self, customer_id):
        with self.db.session() as session:
            return privacy.export_customer(session, self.actor, customer_id)

    @handles(TaskCompleted)
    def note_callback_done(self, uow, event):
        visits.note_callback_done(uow, event)

    @handles(ReceptionApproved)
    def note_reception_approved(self, uow, event):
        logistics.note_reception_approved(uow, event, self.clock.now())

    @handles(ReceptionReported)
    def note_reception_reported(self, uow, event):
        logistics.note_reception_reported(uow, event, self.clock.now())

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        privacy.erase_customer(uow, event)
