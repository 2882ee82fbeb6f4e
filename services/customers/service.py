"""The customers service's nameko entrypoints: thin, each one a use case."""
from kam.service import Database, ServiceBase, rpc
from services.customers import handlers
from services.customers.models import metadata


class CustomersService(ServiceBase):
    name = "customers"
    db = Database(metadata)

    @rpc
    def create_customer(self, data):
        with self.db.unit_of_work() as uow:
            return handlers.create_customer(uow, self.actor, data)

    @rpc
    def get_customer(self, customer_id):
        with self.db.session() as session:
            return handlers.get_customer(session, self.actor, customer_id)
