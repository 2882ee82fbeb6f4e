"""The visits service: its use cases declared, its events consumed."""
from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase, rpc
from kam.storage import Files
from kam.usecase import command, query
from services.visits import contracts
from services.visits.contracts import (
    CustomerErased,
    CustomerTransferred,
    CustomerUpdated,
    ReceptionApproved,
    ReceptionReported,
    TaskCompleted,
)
from services.visits.handlers import (
    claims,
    discussion,
    hospitality,
    logistics,
    privacy,
    receipts,
    support,
    visits,
)
from services.visits.models import metadata
from services.visits.policy import MaxDiscount

REMOTES = ("customers", "reception", "events")


class VisitsService(ServiceBase):
    name = "visits"
    offers = contracts.OFFERS
    db = Database(metadata)
    max_discount = MaxDiscount()
    receipt_files = Files("receipts")
    customers = Remote("customers", calls=contracts.CALLS)
    reception = Remote("reception", calls=contracts.CALLS)
    catalog = Remote("catalog", calls=contracts.CALLS)
    events = Remote("events", calls=contracts.CALLS)

    plan_visit = command(visits.plan_visit, uses=("customers", "catalog"))
    edit_visit = command(visits.edit_visit, uses=("catalog",))
    submit_visit = command(visits.submit_visit, uses=("max_discount",))
    withdraw_visit = command(visits.withdraw_visit)
    redraft_visit = command(visits.redraft_visit)
    approve_visit = command(visits.approve_visit, uses=("catalog",))
    reject_visit = command(visits.reject_visit)
    check_in_visit = command(visits.check_in_visit)
    record_visit = command(visits.record_visit)
    summarize_visit = command(visits.summarize_visit)
    review_visit = command(visits.review_visit)
    revise_visit = command(visits.revise_visit)
    get_visit = query(visits.get_visit)
    list_visits = query(visits.list_visits)
    add_support = command(support.add_support, uses=("events",))
    add_advice = command(discussion.add_advice)
    list_advice = query(discussion.list_advice)

    open_claim = command(claims.open_claim, uses=REMOTES)
    submit_claim = command(claims.submit_claim, uses=REMOTES)
    edit_claim = command(claims.edit_claim)
    withdraw_claim = command(claims.withdraw_claim)
    redraft_claim = command(claims.redraft_claim)
    approve_claim = command(claims.approve_claim, uses=("reception",))
    reject_claim = command(claims.reject_claim)
    reimburse_claim = command(claims.reimburse_claim)
    get_claim = query(claims.get_claim)
    list_claims = query(claims.list_claims)
    attach_receipt = command(receipts.attach_receipt, uses=("receipt_files",))
    read_receipt = query(receipts.read_receipt, uses=("receipt_files",))

    list_logistics = query(logistics.list_logistics)
    get_hospitality_policy = query(hospitality.get_hospitality_policy)
    set_hospitality_policy = command(hospitality.set_hospitality_policy)
    review_hospitality = query(hospitality.review_hospitality)
    list_hospitality_overrides = query(hospitality.list_hospitality_overrides)

    @rpc
    def export_customer(self, customer_id):
        """The platform's PIPL call, answered as before (its reply is not dumped by a schema)."""
        with self.db.session() as session:
            return privacy.export_customer(session, self.actor, self.clock.now(), customer_id=customer_id)

    @handles(TaskCompleted)
    def note_callback_done(self, uow, event):
        visits.note_callback_done(uow, event)

    @handles(ReceptionApproved)
    def note_reception_approved(self, uow, event):
        logistics.note_reception_approved(uow, event, self.clock.now())
        hospitality.note_reception_override(uow, event)

    @handles(ReceptionReported)
    def note_reception_reported(self, uow, event):
        logistics.note_reception_reported(uow, event, self.clock.now())

    @handles(CustomerUpdated)
    def refresh_customer(self, uow, event):
        visits.refresh_customer(uow, event)

    @handles(CustomerTransferred)
    def transfer_customer(self, uow, event):
        visits.transfer_customer(uow, event)

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        privacy.erase_customer(uow, event, self.receipt_files)
