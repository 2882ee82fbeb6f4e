"""A custom design from brief to hand-over in a real browser, as the developer and the manager walk it: the
board, the work order's page, its next step as a button, its money and pictures. Screenshots at 1366,
1024 and 390 px land in build/screenshots/."""
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.picker import pick_customer
from tests.browser.test_console_basics import log_in

SHOTS = Path("build/screenshots")
WIDTHS = (1366, 1024, 390)


def shots(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1180, "height": 820})


def take_step(page, name, fill=None):
    """Press the next step's button (from `actions`), fill its form, send it once."""
    page.locator(".wo-actions button", has_text=name).click()
    step_form = page.locator(".wo-step-form form")
    for field, value in (fill or {}).items():
        step_form.locator(f"[name={field}]").fill(value)
    step_form.locator("button[type=submit]").dblclick()  # a double click must not submit twice
    expect(page.locator(".wo-step-form form")).to_have_count(0)


@pytest.mark.timeout(360)  # the whole road through the screens, two users, nine screenshots
def test_a_custom_design_from_brief_to_hand_over(browser, browser_context_args, system, as_user, tmp_path):
    as_user("dev1").post("/api/customers", json={"name": "慕容晴", "wechat": "wx-murong"})
    developer = browser.new_page(**browser_context_args)
    manager = browser.new_page(**browser_context_args)
    errors = []
    developer.on("pageerror", lambda error: errors.append(str(error)))
    log_in(developer, system.base_url, "dev1")
    log_in(manager, system.base_url, "manager")

    open_area(developer, "work-orders")
    expect(developer.locator(".wo-column h3").first).to_contain_text("需求沟通")
    pick_customer(developer, "#new-work-order", "慕容晴", typed="慕容")
    developer.fill("#new-work-order textarea[name=description]", "结婚十周年定制铂金对戒，内圈刻字")
    developer.select_option("#new-work-order select[name=notify_channel]", "wechat")
    developer.click("#new-work-order button[type=submit]")
    expect(developer).to_have_url(re.compile(r"#/work-orders/\w+$"))
    expect(developer.locator(".wo-stages li.current")).to_have_text("需求沟通")

    developer.locator(".wo-actions button", has_text="报价").click()
    quote = developer.locator(".wo-step-form form")
    quote.locator("[name=amount]").fill("38000")
    quote.locator("[name=deposit]").fill("38000.01")
    quote.locator("button[type=submit]").click()
    expect(quote.locator(".field-error").nth(1)).to_contain_text("不得超过报价")
    quote.locator("[name=deposit]").fill("10000")
    quote.locator("button[type=submit]").click()
    expect(developer.locator(".wo-stages li.current")).to_have_text("已报价")

    take_step(developer, "收取定金", {"amount": "10000"})
    picture = io.BytesIO()
    Image.new("RGB", (640, 480), (212, 175, 55)).save(picture, "PNG")
    (tmp_path / "design.png").write_bytes(picture.getvalue())
    developer.select_option(".wo-pictures + .action-bar select[name=purpose]", "design")
    developer.set_input_files("#work-order-picture", str(tmp_path / "design.png"))
    developer.get_by_role("button", name="上传图片").click()
    expect(developer.locator(".wo-picture img")).to_have_count(1)
    take_step(developer, "客户确认设计", {"note": "客户确认设计稿"})
    expect(developer.locator(".wo-stages li.current")).to_have_text("制作中")
    url = developer.url

    open_area(manager, "work-orders")
    manager.locator(".wo-column[data-status=in_production] .wo-card", has_text="慕容晴").click()
    manager.locator(".wo-actions button", has_text="质检").click()
    manager.locator(".wo-step-form [name=passed]").check()
    manager.locator(".wo-step-form button[type=submit]").click()
    expect(manager.locator(".wo-stages li.current")).to_have_text("待取件")

    developer.goto(url)
    developer.reload()
    shots(developer, "work-order-ready")
    take_step(developer, "交付客户")
    expect(developer.locator(".wo-stages li.current")).to_have_text("已交付")
    expect(developer.locator(".wo-money")).to_contain_text("¥28,000.00")  # the balance after the deposit
    expect(developer.locator(".wo-history tbody tr")).to_have_count(6)
    expect(developer.get_by_text("当前没有可执行的步骤")).to_be_visible()
    shots(developer, "work-order-handed-over")

    open_area(developer, "work-orders")
    expect(developer.locator(".wo-column[data-status=handed_over] .wo-card", has_text="慕容晴")).to_be_visible()
    shots(developer, "work-order-board")
    assert errors == []
