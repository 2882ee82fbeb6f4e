"""The customers service's nameko entrypoints: thin, each one a use case."""
import base64

from nameko.timer import timer

from kam.clock import Clock
from kam.inbox import handles
from kam.remote import Cluster
from kam.service import Database, ServiceBase, rpc
from services.customers import exports
from services.customers.dependencies import ClassificationRules, Sealing
from services.customers.handlers import development, files, network, privacy, spreadsheets, stages, timeline
from services.customers.handlers.classify import reclassify_customers, rules_changed
from services.customers.handlers.records import jsonable
from services.customers.models import metadata
from services.customers.schemas.events import EVERY_EVENT, MILESTONES, DealClosed

EXPORT_TIMEOUT = 4.0


class CustomersService(ServiceBase):
    name = "customers"
    db = Database(metadata)
    clock = Clock()
    sealer = Sealing()
    rules = ClassificationRules()
    cluster = Cluster(timeout=EXPORT_TIMEOUT)

    def _context(self):
        return {"now": self.clock.now(), "sealer": self.sealer, "rules": self.rules}

    @rpc
    def create_customer(self, data):
        with self.db.unit_of_work() as uow:
            return files.create_customer(uow, self.actor, data, **self._context())

    @rpc
    def get_customer(self, customer_id):
        with self.db.unit_of_work() as uow:
            return files.get_customer(uow, self.actor, customer_id, now=self.clock.now(), sealer=self.sealer)

    @rpc
    def update_customer(self, customer_id, data):
        with self.db.unit_of_work() as uow:
            return files.update_customer(uow, self.actor, customer_id, data, **self._context())

    @rpc
    def list_customers(self, args):
        with self.db.session() as session:
            return files.list_customers(session, self.actor, args)

    @rpc
    def customer_history(self, customer_id, limit=None, cursor=None):
        with self.db.session() as session:
            return files.customer_history_page(session, self.actor, customer_id, limit, cursor)

    @rpc
    def link_customers(self, customer_id, data):
        with self.db.unit_of_work() as uow:
            return network.link_customers(uow, self.actor, customer_id, data, now=self.clock.now())

    @rpc
    def customer_network(self, customer_id, depth=1):
        with self.db.session() as session:
            return network.network(session, self.actor, customer_id, depth)

    @rpc
    def log_contact(self, customer_id, data):
        with self.db.unit_of_work() as uow:
            return development.log_contact(uow, self.actor, customer_id, data, now=self.clock.now())

    @rpc
    def list_contacts(self, customer_id, limit=None, cursor=None):
        with self.db.session() as session:
            return development.list_contacts(session, self.actor, customer_id, limit, cursor)

    @rpc
    def contact_templates(self, customer_id, args):
        with self.db.session() as session:
            return development.contact_templates(session, self.actor, customer_id, args, now=self.clock.now())

    @rpc
    def record_assessment(self, customer_id, data):
        with self.db.unit_of_work() as uow:
            return development.record_assessment(uow, self.actor, customer_id, data, now=self.clock.now())

    @rpc
    def create_development_plan(self, data):
        with self.db.unit_of_work() as uow:
            return development.create_plan(uow, self.actor, data, now=self.clock.now())

    @rpc
    def get_development_plan(self, plan_id):
        with self.db.session() as session:
            return development.get_development_plan(session, self.actor, plan_id)

    @rpc
    def list_development_plans(self, args):
        with self.db.session() as session:
            return development.list_plans(session, self.actor, args)

    @rpc
    def move_development_plan(self, plan_id, action, reason=None):
        with self.db.unit_of_work() as uow:
            return development.move_development_plan(uow, self.actor, plan_id, action, now=self.clock.now(),
                                                     reason=reason)

    @rpc
    def customer_timeline(self, customer_id, limit=None, cursor=None):
        with self.db.session() as session:
            return timeline.timeline_page(session, self.actor, customer_id, limit, cursor)

    @rpc
    def access_log(self, customer_id, limit=None, cursor=None):
        with self.db.session() as session:
            return privacy.access_log_page(session, self.actor, customer_id, limit, cursor)

    @rpc
    def export_customer(self, customer_id):
        with self.db.unit_of_work() as uow:
            return privacy.export_held(uow, self.actor, customer_id, now=self.clock.now(), sealer=self.sealer)

    @rpc
    def export_customer_everywhere(self, customer_id):
        """All the system holds on the customer: this service's part and every other service's."""
        with self.db.session() as session:
            privacy.ensure_may_export(session, self.actor, customer_id)
        held = {self.name: {"status": "ok", "data": self.export_customer(customer_id)}}
        held.update(exports.gather(self.cluster, exports.other_services(self.name), customer_id))
        return jsonable({"customer_id": customer_id, "services": held})

    @rpc
    def erase_customer(self, customer_id):
        with self.db.unit_of_work() as uow:
            return privacy.erase_customer(uow, self.actor, customer_id, now=self.clock.now())

    @rpc
    def import_customers(self, filename, content_base64):
        with self.db.unit_of_work() as uow:
            return spreadsheets.import_customers(uow, self.actor, filename, base64.b64decode(content_base64),
                                                 **self._context())

    @rpc
    def export_customers(self, fmt, owner_names):
        with self.db.session() as session:
            exported = spreadsheets.export_customers(session, self.actor, fmt, owner_names)
        return {**exported, "content": base64.b64encode(exported.pop("content")).decode()}

    @handles(*MILESTONES)
    def move_stage(self, uow, event):
        stages.apply_milestone(uow, event, self.clock.now())

    @handles(DealClosed)
    def count_deal(self, uow, event):
        stages.record_deal(uow, event, self.clock.now())

    @handles(EVERY_EVENT)
    def record_timeline(self, uow, event):
        timeline.record_timeline_entry(uow, event)

    @timer(interval=60, eager=True)
    def reclassify_when_rules_change(self):
        """At start and every minute: when the rules file's content changed, score the candidates again."""
        rules = self.rules
        with self.db.unit_of_work() as uow:
            if rules_changed(uow.session, rules):
                reclassify_customers(uow, rules, self.clock.now())
