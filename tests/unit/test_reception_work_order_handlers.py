"""The work-order use cases on a fake unit of work: the history they write, the events they publish,
the deal a handed-over design closes, and pictures."""
import base64
import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from kam.errors import InvalidTransition, UnsupportedMedia
from kam.fakes import FakeRemote, FakeUnitOfWork
from kam.identity import Actor
from kam.storage import FileStore
from services.reception.handlers import deals, tickets, work_orders
from services.reception.models import metadata

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
DEV1 = Actor("dev-1", "developer")
CUSTOMER = {"id": "c-1", "owner_id": "dev-1", "phone": "13800000000", "wechat": "wx-lin", "email": None,
            "outreach_opt_out": False}
CUSTOMERS = FakeRemote(customer_summary=lambda customer_id: CUSTOMER)


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def design(uow):
    return tickets.create_ticket(uow, DEV1, NOW, customers=CUSTOMERS, data={
        "customer_id": "c-1", "kind": "custom_design", "description": "结婚十周年对戒", "notify_channel": "wechat"})


def step(uow, ticket, action, **body):
    return work_orders.advance_work_order(uow, DEV1, NOW, ticket_id=ticket["id"], action=action, data=body,
                                          customers=CUSTOMERS)


def of_type(uow, event_type):
    return [event["data"] for event in uow.published if event["type"] == event_type]


def test_every_step_is_recorded_with_who_when_and_its_figures(uow):
    ticket = design(uow)
    assert (ticket["status"], ticket["actions"]) == ("brief", ["quote"])
    quoted = step(uow, ticket, "quote", amount="38000", deposit="10000")
    assert quoted["quote"] == 38000 and quoted["actions"] == ["pay-deposit"]
    assert [(s["action"], s["from_status"], s["to_status"], s["by"]) for s in quoted["history"]] == [
        ("open", "", "brief", "dev-1"), ("quote", "brief", "quoted", "dev-1")]
    assert quoted["history"][1]["figures"] == {"amount": "38000.00", "deposit": "10000.00"}
    assert quoted["history"][1]["at"] == NOW


def test_a_step_out_of_order_changes_nothing(uow):
    ticket = design(uow)
    with pytest.raises(InvalidTransition):
        step(uow, ticket, "hand-over")
    shown = tickets.get_ticket(uow.session, DEV1, NOW, ticket_id=ticket["id"])
    assert shown["status"] == "brief" and len(shown["history"]) == 1
    assert of_type(uow, "work_order.advanced") == []


def test_a_ready_piece_tells_the_customer_by_their_channel(uow):
    ticket = design(uow)
    for action, body in (("quote", {"amount": "38000", "deposit": "10000"}), ("pay-deposit", {"amount": "10000"}),
                         ("approve-design", {"note": "客户确认设计"}), ("quality-check", {"passed": True})):
        step(uow, ticket, action, **body)
    ready = [e for e in of_type(uow, "work_order.advanced") if e["status"] == "ready"]
    assert ready[0]["notice"] == {"channel": "wechat", "address": "wx-lin"}
    assert ready[0]["customer_id"] == "c-1" and ready[0]["owner_id"] == "dev-1"


def test_a_handed_over_design_closes_a_deal_for_the_quote_with_the_deposit_counted_as_paid(uow):
    ticket = design(uow)
    for action, body in (("quote", {"amount": "38000", "deposit": "10000"}), ("pay-deposit", {"amount": "10000"}),
                         ("approve-design", {}), ("quality-check", {"passed": True}), ("hand-over", {})):
        done = step(uow, ticket, action, **body)
    assert done["status"] == "handed_over" and done["balance_due"] == 28000
    deal = deals.get_deal(uow.session, DEV1, NOW, deal_id=done["deal_id"])
    assert (deal["total"], deal["origin"]) == (38000, {"type": "service_ticket", "id": ticket["id"]})
    [closed] = of_type(uow, "deal.closed")
    assert (closed["total"], closed["prepaid"]) == ("38000.00", "10000.00")
    assert [e["amount"] for e in of_type(uow, "work_order.advanced") if e["action"] == "pay-deposit"] == ["10000.00"]


def png():
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 170, 90)).save(out, "PNG")
    return out.getvalue()


def test_pictures_attach_to_the_work_order_with_a_thumbnail(uow, tmp_path):
    ticket, files = design(uow), FileStore(tmp_path)
    attached = work_orders.attach_image(uow, DEV1, NOW, ticket_id=ticket["id"], picture_files=files, upload={
        "filename": "设计图.png", "purpose": "design", "content_b64": base64.b64encode(png()).decode()})
    assert attached["content_type"] == "image/png" and attached["thumbnail_url"].endswith("/thumbnail")
    thumb = work_orders.read_image(uow.session, DEV1, NOW, ticket_id=ticket["id"], image_id=attached["id"],
                                   thumbnail=True, picture_files=files)
    assert base64.b64decode(thumb["content_b64"]).startswith(b"\xff\xd8\xff")
    assert tickets.get_ticket(uow.session, DEV1, NOW, ticket_id=ticket["id"])["images"][0]["purpose"] == "design"
    with pytest.raises(UnsupportedMedia):
        work_orders.attach_image(uow, DEV1, NOW, ticket_id=ticket["id"], picture_files=files, upload={
            "filename": "x.gif", "purpose": "design", "content_b64": base64.b64encode(b"GIF89a....").decode()})


def test_erasure_takes_the_pictures_and_the_steps_free_text_and_keeps_the_figures(uow, tmp_path):
    from services.reception.handlers import customer_data

    ticket, files = design(uow), FileStore(tmp_path)
    step(uow, ticket, "quote", amount="38000", deposit="10000")
    step(uow, ticket, "pay-deposit", amount="10000")
    step(uow, ticket, "approve-design", note="客户林女士确认刻字 LW&ZM")
    work_orders.attach_image(uow, DEV1, NOW, ticket_id=ticket["id"], picture_files=files, upload={
        "filename": "设计图.png", "purpose": "design", "content_b64": base64.b64encode(png()).decode()})
    customer_data.erase_customer(uow, {"data": {"customer_id": "c-1"}}, files)
    shown = tickets.get_ticket(uow.session, DEV1, NOW, ticket_id=ticket["id"])
    assert shown["images"] == [] and not (tmp_path / ticket["id"]).exists()
    assert [s["figures"] for s in shown["history"]][1:] == [
        {"amount": "38000.00", "deposit": "10000.00"}, {"amount": "10000.00"}, {}]
