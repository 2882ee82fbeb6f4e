"""One piece through the console, from its photo to sold: the analyst enters it and uploads its picture,
the developer finds it in the grid and reserves it for an approved visit and opens the iPad kit, the
coordinator hands it out and takes it back, the developer sells it, and the analyst sees it sold.
Screenshots at 1366, 1024 and 390 px land in build/screenshots/."""
import io
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.picker import pick_customer
from tests.browser.test_console_basics import log_in
from tests.system import login

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
WIDTHS = (1366, 1024, 390)


def ring_photo(path):
    image = Image.new("RGB", (800, 800), (246, 242, 234))
    draw = ImageDraw.Draw(image)
    draw.ellipse((200, 330, 600, 730), outline=(205, 205, 210), width=36)
    draw.regular_polygon((400, 320, 120), 8, fill=(220, 235, 255), outline=(120, 140, 170))
    out = io.BytesIO()
    image.save(out, "PNG")
    path.write_bytes(out.getvalue())
    return path


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1180, "height": 820})


def approved_visit(system, customer_name):
    """The visit itself is planned and approved on the visits' own screens (their browser tests)."""
    developer, manager = login(system.base_url, "dev1"), login(system.base_url, "manager")
    customer = developer.post("/api/customers", json={"name": customer_name, "category": "high_value"}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
        "place": "客户家中", "preparation": {"offers": [{"product": "1克拉圆钻结婚周年戒指", "discount": "0.08"}]}}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"})
    return customer, visit, developer


@pytest.mark.timeout(480)  # three users, one piece, screenshots at three widths
def test_one_piece_from_its_photo_to_sold(browser, browser_context_args, system, tmp_path):
    sku = f"KA-RI-{uuid.uuid4().hex[:6].upper()}"
    analyst = browser.new_page(**browser_context_args)
    log_in(analyst, system.base_url, "analyst")
    open_area(analyst, "catalog")
    analyst.fill("#new-product input[name=sku]", sku)
    analyst.fill("#new-product input[name=name]", "1克拉圆钻结婚周年戒指")
    analyst.select_option("#new-product select[name=kind]", "ring")
    analyst.select_option("#new-product select[name=tracking]", "piece")
    analyst.fill("#new-product input[name=list_price]", "68000")
    analyst.fill("#new-product input[name=carat]", "1.01")
    analyst.fill("#new-product input[name=lab]", "GIA")
    analyst.fill("#new-product input[name=number]", f"GIA{sku}")
    analyst.fill("#new-product input[name=quantity]", "3")
    analyst.click("#new-product button[type=submit]")
    expect(analyst.locator("#new-product label:has(input[name=quantity]) .field-error")).not_to_be_empty()  # a piece has none
    analyst.fill("#new-product input[name=quantity]", "")
    analyst.click("#new-product button[type=submit]")
    expect(analyst).to_have_url(re.compile(r"#/catalog/\w+$"))
    piece_url = analyst.url
    analyst.set_input_files("input.photo-file", str(ring_photo(tmp_path / "ring.png")))
    analyst.get_by_role("button", name="上传图片").click()
    expect(analyst.locator(".gallery img[src^=blob]")).to_have_count(1)
    shoot(analyst, "catalog-piece-page")

    customer, visit, _ = approved_visit(system, "欧阳雅琪")
    developer = browser.new_page(**browser_context_args)
    log_in(developer, system.base_url, "dev1")
    developer.goto(f"{system.base_url}/#/visits/{visit['id']}")
    developer.get_by_role("link", name="选择样品").click()
    developer.fill("#catalog-search input[name=q]", sku)
    developer.click("#catalog-search button[type=submit]")
    card = developer.locator(f".piece-card[data-sku={sku}]")
    expect(card.locator("img[src^=blob]")).to_have_count(1)
    shoot(developer, "catalog-choose-for-visit")
    card.get_by_role("button", name="预留").dblclick()  # a double click reserves once
    expect(developer.locator(f".piece-card[data-sku={sku}] .badge")).to_have_text("已预留")
    developer.get_by_role("link", name="拜访资料包（iPad）").click()
    expect(developer.locator(".kit-caption h2")).to_have_text("1克拉圆钻结婚周年戒指")
    expect(developer.locator(".kit-photo[src^=blob]")).to_have_count(1)
    expect(developer.locator(".kit-footer")).to_contain_text("8%")
    shoot(developer, "catalog-visit-kit")

    coordinator = browser.new_page(**browser_context_args)
    log_in(coordinator, system.base_url, "coordinator")
    open_area(coordinator, "handout")
    row = coordinator.locator("tr", has_text=sku)
    row.get_by_role("button", name="领出").click()
    expect(coordinator.locator("tr", has_text=sku).get_by_role("button", name="归还")).to_be_visible()
    shoot(coordinator, "catalog-handout")
    coordinator.locator("tr", has_text=sku).get_by_role("button", name="归还").click()
    expect(coordinator.locator("tr", has_text=sku)).to_have_count(0)

    developer.goto(f"{system.base_url}/#/catalog")
    developer.reload()
    developer.fill("#catalog-search input[name=q]", sku)
    developer.click("#catalog-search button[type=submit]")
    expect(developer.locator(f".piece-card[data-sku={sku}] .badge")).to_have_text("在库")
    login(system.base_url, "dev1").post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(), "talking_points": "试戴克拉钻"})
    open_area(developer, "deals")
    expect(developer.locator("#new-deal")).to_contain_text("成交来源")  # a deal's origin, not a claim's subject
    expect(developer.locator("#new-deal")).not_to_contain_text("报销")
    pick_customer(developer, "#new-deal", "欧阳雅琪")
    developer.select_option("#new-deal select[name='origin.type']", "visit")
    expect(developer.locator(f"#new-deal select[name='origin.id'] option[value='{visit['id']}']")).to_have_count(1)
    developer.select_option("#new-deal select[name='origin.id']", visit["id"])
    developer.fill("#new-deal input[name=sku]", sku)
    developer.fill("#new-deal input[name=description]", "1克拉圆钻结婚周年戒指")
    developer.fill("#new-deal input[name=quantity]", "1")
    developer.fill("#new-deal input[name=unit_price]", "62000")
    developer.click("#new-deal button[type=submit]")
    expect(developer.locator("#toast")).to_have_text("已保存")

    analyst.goto(piece_url)
    analyst.reload()
    expect(analyst.locator("dl.details")).to_contain_text("已售")
    open_area(analyst, "stock")
    expect(analyst.locator("h2", has_text="按客户类别的礼品")).to_be_visible()
    shoot(analyst, "catalog-stock")
    open_area(analyst, "catalog")
    expect(analyst.locator(".piece-card").first).to_be_visible()
    shoot(analyst, "catalog-grid")
