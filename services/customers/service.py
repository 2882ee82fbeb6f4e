"""The customers service's nameko entrypoints: declarations, each one a use case (kam.usecase)."""
import eventlet
from nameko.timer import timer

from kam.inbox import handles
from kam.remote import Cluster
from kam.service import Database, ServiceBase
from kam.usecase import command, query
from services.customers import contracts
from services.customers.contracts import EVERY_EVENT, MILESTONES, WORK_ON_PLANS, DealClosed
from services.customers.dependencies import ClassificationRules, Sealing
from services.customers.handlers import (
    classify,
    development,
    files,
    import_jobs,
    network,
    plan_steps,
    privacy,
    segments,
    spreadsheets,
    stages,
    timeline,
    transfers,
)
from services.customers.models import metadata

EXPORT_TIMEOUT = 4.0
IMPORT_POLL_SECONDS = 1
FILED = ("sealer", "rules")


class CustomersService(ServiceBase):
    name = "customers"
    db = Database(metadata)
    sealer = Sealing()
    rules = ClassificationRules()
    cluster = Cluster(timeout=EXPORT_TIMEOUT, calls=contracts.CALLS)
    offers = contracts.OFFERS

    # Writing a name makes its search tokens with pypinyin's 56 MB of dictionaries: these stay in this
    # process, so that a gateway hosting use cases (kam.local) does not carry them in every worker.
    create_customer = command(files.create_customer, uses=FILED, hostable=False)
    get_customer = command(files.get_customer, uses=("sealer",))  # it logs every read of sensitive data
    customer_summary = query(files.customer_summary)  # for other services: no sensitive field, no access log
    update_customer = command(files.update_customer, uses=FILED, hostable=False)
    list_customers = query(files.list_customers)
    customers_in_segment = query(segments.customers_in_segment)
    customer_history = query(files.customer_history_page)
    link_customers = command(network.link_customers)
    customer_network = query(network.customer_network)
    log_contact = command(development.log_contact)
    list_contacts = query(development.list_contacts)
    contact_templates = query(development.contact_templates)
    record_assessment = command(development.record_assessment)
    create_development_plan = command(development.create_development_plan)
    get_development_plan = query(development.get_development_plan)
    edit_development_plan = command(development.edit_development_plan)
    list_development_plans = query(development.list_development_plans)
    move_development_plan = command(development.move_development_plan)
    add_plan_step = command(plan_steps.add_plan_step)
    complete_plan_step = command(plan_steps.complete_plan_step)
    list_plan_steps = query(plan_steps.list_plan_steps)
    customer_timeline = query(timeline.customer_timeline)
    access_log = query(privacy.access_log_page)
    export_customer = command(privacy.export_customer, uses=("sealer",))
    export_customer_everywhere = command(privacy.export_everywhere, uses=("sealer", "cluster"))
    erase_customer = command(privacy.erase_customer)
    transfer_customer = command(transfers.transfer_customer)
    transfer_customers = command(transfers.transfer_customers)
    import_customers = command(spreadsheets.import_customers, uses=FILED, hostable=False)
    queue_import = command(import_jobs.queue_import)
    get_import = query(import_jobs.get_import)
    list_imports = query(import_jobs.list_imports)
    export_customers = query(spreadsheets.export_customers)

    @handles(*MILESTONES)
    def move_stage(self, uow, event):
        stages.apply_milestone(uow, event, self.clock.now())

    @handles(*WORK_ON_PLANS)
    def carry_out_plans(self, uow, event):
        plan_steps.complete_steps_by_work(uow, event, self.clock.now())

    @handles(DealClosed)
    def count_deal(self, uow, event):
        stages.record_deal(uow, event, self.clock.now())

    @handles(EVERY_EVENT)
    def record_timeline(self, uow, event):
        timeline.record_timeline_entry(uow, event, self.clock.now())

    @timer(interval=IMPORT_POLL_SECONDS, eager=True)
    def run_queued_imports(self):
        """Files uploaded to /api/customers/imports, one after another, each to its end."""
        while import_jobs.run_next_import(self.db, self.clock.now, sealer=self.sealer, rules=self.rules,
                                          pause=eventlet.sleep):
            pass

    @timer(interval=60, eager=True)
    def reclassify_when_rules_change(self):
        """At start and every minute: when the rules file's content changed, score the candidates again."""
        with self.db.unit_of_work() as uow:
            classify.reclassify_if_the_rules_changed(uow, self.rules, self.clock.now())
