"""The events service's nameko entrypoints: each one a use case, held to its contract."""
from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase
from kam.usecase import command, query
from services.events import contracts
from services.events.handlers import customer_data, events, invitations
from services.events.models import metadata


class EventsService(ServiceBase):
    name = "events"
    db = Database(metadata)
    offers = contracts.OFFERS
    customers = Remote("customers", calls=contracts.CALLS)

    create_event = command(events.create_event)
    submit_event = command(events.submit_event)
    edit_event = command(events.edit_event)
    withdraw_event = command(events.withdraw_event)
    redraft_event = command(events.redraft_event)
    approve_event = command(events.approve_event)
    reject_event = command(events.reject_event)
    cancel_event = command(events.cancel_event)
    report_event = command(events.report_event)
    get_event = query(events.get_event)
    list_events = query(events.list_events)

    invite_customers = command(invitations.invite_customers, uses=("customers",))
    list_invitations = query(invitations.list_invitations)
    answer_invitation = command(invitations.answer_invitation)
    check_in_guest = command(invitations.check_in_guest)

    export_customer = query(customer_data.export_customer)

    @handles(contracts.CustomerTransferred)
    def transfer_customer(self, uow, event):
        customer_data.transfer_customer(uow, event["data"])

    @handles(contracts.CustomerErased)
    def erase_customer(self, uow, event):
        customer_data.erase_customer(uow, event)
