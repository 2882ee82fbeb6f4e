"""The catalog service: its use cases declared, its events consumed, its overdue timer."""
import os

from nameko.timer import Timer

from kam.inbox import handles
from kam.remote import Remote
from kam.service import Database, ServiceBase
from kam.storage import Files
from kam.usecase import command, query
from services.catalog import contracts
from services.catalog.contracts import (
    CustomerErased,
    CustomerTransferred,
    DealClosed,
    ReceptionRejected,
    VisitCompleted,
    VisitRejected,
)
from services.catalog.handlers import gifts, images, kit, products, reservations, stock, workbook
from services.catalog.models import metadata

SYSTEM_ACTOR = {"user_id": None, "role": "system"}


class DueWorkTimer(Timer):
    """Every 60 s unless `KAM_DUE_WORK_INTERVAL` (config or env) says otherwise."""

    def setup(self):
        configured = self.container.config.get("KAM_DUE_WORK_INTERVAL") or os.environ.get("KAM_DUE_WORK_INTERVAL")
        self.interval = float(configured or self.interval)
        super().setup()


class CatalogService(ServiceBase):
    name = "catalog"
    offers = contracts.OFFERS
    db = Database(metadata)
    pictures = Files("pictures")
    visits = Remote("visits", calls=contracts.CALLS)
    reception = Remote("reception", calls=contracts.CALLS)

    create_product = command(products.create_product)
    edit_product = command(products.edit_product)
    get_product = query(products.get_product)
    list_products = query(products.list_products)
    add_image = command(images.add_image, uses=("pictures",))
    read_image = query(images.read_image, uses=("pictures",))
    import_products = command(workbook.import_products)
    export_products = query(workbook.export_products)

    reserve_piece = command(reservations.reserve_piece, uses=("visits", "reception"))
    check_out = command(reservations.check_out)
    check_in = command(reservations.check_in)
    cancel_reservation = command(reservations.cancel_reservation)
    get_reservation = query(reservations.get_reservation)
    list_reservations = query(reservations.list_reservations)
    get_kit = query(kit.get_kit, uses=("visits",))

    claim_items_for_deal = command(stock.claim_items_for_deal)
    release_deal_items = command(stock.release_deal_items)

    list_gift_rules = query(gifts.list_gift_rules)
    set_gift_rule = command(gifts.set_gift_rule)
    suggest_gift = query(gifts.suggest_gift)
    gift_outcomes = query(gifts.gift_outcomes)

    @handles(VisitRejected)
    def release_for_rejected_visit(self, uow, event):
        reservations.release_for_subject(uow, self.clock.now(), "visit", event["data"]["visit_id"])

    @handles(ReceptionRejected)
    def release_for_rejected_reception(self, uow, event):
        reservations.release_for_subject(uow, self.clock.now(), "reception", event["data"]["reception_id"])

    @handles(CustomerErased)
    def erase_customer(self, uow, event):
        reservations.release_for_erased_customer(uow, self.clock.now(), event["data"]["customer_id"])
        gifts.forget_customer(uow, event["data"]["customer_id"])

    @handles(CustomerTransferred)
    def transfer_customer(self, uow, event):
        reservations.transfer_customer(uow, event["data"])

    @handles(VisitCompleted)
    def hand_out_gift(self, uow, event):
        stock.hand_out_gift(uow, self.clock.now(), event["data"])

    @handles(DealClosed)
    def note_deal(self, uow, event):
        stock.note_deal(uow, event["data"])

    @DueWorkTimer.decorator(interval=60)
    def announce_overdue(self):
        with self.db.unit_of_work(actor=SYSTEM_ACTOR) as uow:
            reservations.announce_overdue(uow, self.clock.now())
            uow.commit()
