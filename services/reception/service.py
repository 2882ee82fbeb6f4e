"""The reception service's nameko entrypoints: thin, each one a use case."""
from kam.clock import Clock
from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase, rpc
from services.reception.contracts import CustomerErased
from services.reception.handlers import customer_data, deals, receptions, return_visits, tickets
from services.reception.models import metadata


class ReceptionService(ServiceBase):
    name = "reception"
    db = Database(metadata)
    clock = Clock()
    customers = Remote("customers")
    visits = Remote("visits")

    def _change(self, use_case, *args):
        with self.db.unit_of_work() as uow:
            return use_case(uow, self.actor, self.clock.now(), *args)

    def _read(self, use_case, *args):
        with self.db.session() as session:
            return use_case(session, self.actor, *args)

    # Receptions
    @rpc
    def create_reception(self, data):
        return self._change(receptions.create_reception, self.customers, data)

    @rpc
    def revise_reception(self, reception_id, changes):
        return self._change(receptions.revise_reception, reception_id, changes)

    @rpc
    def submit_reception(self, reception_id):
        return self._change(receptions.submit_reception, reception_id)

    @rpc
    def approve_reception(self, reception_id, data):
        return self._change(receptions.approve_reception, reception_id, data)

    @rpc
    def reject_reception(self, reception_id, data):
        return self._change(receptions.reject_reception, reception_id, data)

    @rpc
    def report_reception(self, reception_id, data):
        return self._change(receptions.report_reception, reception_id, data)

    @rpc
    def get_reception(self, reception_id):
        return self._read(receptions.get_reception, reception_id)

    @rpc
    def list_receptions(self, args):
        return self._read(receptions.list_receptions, args)

    # Deals
    @rpc
    def create_deal(self, data):
        return self._change(deals.create_deal, self.customers, self.visits, data)

    @rpc
    def deliver_deal(self, deal_id):
        return self._change(deals.deliver_deal, deal_id)

    @rpc
    def get_deal(self, deal_id):
        return self._read(deals.get_deal, deal_id)

    @rpc
    def list_deals(self, args):
        return self._read(deals.list_deals, args)

    # Service tickets
    @rpc
    def create_ticket(self, data):
        return self._change(tickets.create_ticket, self.customers, data)

    @rpc
    def start_ticket(self, ticket_id):
        return self._change(tickets.start_ticket, ticket_id)

    @rpc
    def resolve_ticket(self, ticket_id, data):
        return self._change(tickets.resolve_ticket, ticket_id, data)

    @rpc
    def get_ticket(self, ticket_id):
        return self._read(tickets.get_ticket, ticket_id)

    @rpc
    def list_tickets(self, args):
        return self._read(tickets.list_tickets, args)

    # Return visits
    @rpc
    def create_return_visit(self, data):
        return self._change(return_visits.create_return_visit, self.customers, data)

    @rpc
    def get_return_visit(self, return_visit_id):
        return self._read(return_visits.get_return_visit, return_visit_id)

    @rpc
    def list_return_visits(self, args):
        return self._read(return_visits.list_return_visits, args)

    # PIPL
    @rpc
    def export_customer(self, customer_id):
        return self._read(customer_data.export_customer, customer_id)

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        customer_data.erase_customer(uow, event)
