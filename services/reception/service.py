"""The reception service's nameko entrypoints: each one a use case, held to its contract."""
from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase
from kam.storage import Files
from kam.usecase import command, query
from services.reception import contracts
from services.reception.handlers import (
    customer_data,
    deals,
    receptions,
    return_visits,
    tickets,
    transfers,
    work_orders,
)
from services.reception.models import metadata


class ReceptionService(ServiceBase):
    name = "reception"
    db = Database(metadata)
    offers = contracts.OFFERS
    customers = Remote("customers", calls=contracts.CALLS)
    visits = Remote("visits", calls=contracts.CALLS)
    catalog = Remote("catalog", calls=contracts.CALLS)
    picture_files = Files("pictures")

    # Receptions
    create_reception = command(receptions.create_reception, uses=("customers",))
    revise_reception = command(receptions.revise_reception)
    submit_reception = command(receptions.submit_reception)
    withdraw_reception = command(receptions.withdraw_reception)
    redraft_reception = command(receptions.redraft_reception)
    approve_reception = command(receptions.approve_reception, uses=("customers", "visits"))
    reject_reception = command(receptions.reject_reception)
    report_reception = command(receptions.report_reception)
    review_reception = command(receptions.review_reception)
    revise_report = command(receptions.revise_report)
    get_reception = query(receptions.get_reception)
    list_receptions = query(receptions.list_receptions)

    # Deals
    create_deal = command(deals.create_deal, uses=("customers", "visits", "catalog"))
    deliver_deal = command(deals.deliver_deal)
    get_deal = query(deals.get_deal)
    list_deals = query(deals.list_deals)

    # Service tickets
    create_ticket = command(tickets.create_ticket, uses=("customers",))
    start_ticket = command(tickets.start_ticket)
    resolve_ticket = command(tickets.resolve_ticket)
    get_ticket = query(tickets.get_ticket)
    list_tickets = query(tickets.list_tickets)

    # Custom-centre work orders
    advance_work_order = command(work_orders.advance_work_order, uses=("customers",))
    attach_image = command(work_orders.attach_image, uses=("picture_files",))
    read_image = query(work_orders.read_image, uses=("picture_files",))

    # Return visits
    create_return_visit = command(return_visits.create_return_visit, uses=("customers",))
    get_return_visit = query(return_visits.get_return_visit)
    list_return_visits = query(return_visits.list_return_visits)

    # PIPL
    export_customer = query(customer_data.export_customer)

    @handles(contracts.CustomerTransferred)
    def transfer_customer(self, uow, event):
        transfers.transfer_customer(uow, event)

    @handles(contracts.CustomerErased)
    def erase_customer(self, uow, event):
        customer_data.erase_customer(uow, event, self.picture_files)
