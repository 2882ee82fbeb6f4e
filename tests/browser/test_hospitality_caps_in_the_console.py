"""招待标准 in the console: the manager sets the caps from the categories' vocabulary, others read them; the
approve dialog asks for the override reason when the server answers 409 over_hospitality_cap; the
override is then listed on the caps page."""
import uuid
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in


def test_the_manager_sets_the_caps_and_overrides_a_gift_above_them(browser, browser_context_args, system, as_user):
    manager_api = as_user("manager")
    before = manager_api.get("/api/policies/hospitality").json()["caps"]
    analyst, developer = as_user("analyst"), as_user("dev1")
    customer = developer.post("/api/customers", json={"name": "欧阳振华", "category": "important"}).json()
    gift = analyst.post("/api/products", json={"sku": f"G-{uuid.uuid4().hex[:8]}", "name": "景泰蓝花瓶", "kind": "gift",
                                               "tracking": "stock", "list_price": "520.00", "quantity": 2}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) + timedelta(days=4)).isoformat(),
        "place": "干休所", "preparation": {"gift": "景泰蓝花瓶", "gift_product_id": gift["id"]}}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager = browser.new_page(**browser_context_args)
    try:
        log_in(manager, system.base_url, "manager")
        open_area(manager, "hospitality")
        manager.fill("#hospitality-caps input[name='caps.important.gift_value']", "200")
        manager.fill("#hospitality-caps input[name='caps.important.meal_per_head']", "150")
        manager.click("#hospitality-caps button[type=submit]")
        expect(manager.locator("#hospitality-caps input[name='caps.important.gift_value']")).to_have_value("200.00",
                                                                                                       timeout=15000)

        manager.goto(f"{system.base_url}/#/visits/{visit['id']}")
        manager.locator("button[data-action=approve]").click()
        manager.fill("dialog.ask input[name=funded_amount]", "300")
        manager.locator("dialog.ask button[type=submit]").first.click()
        reason = manager.locator("dialog.ask textarea[name=override_reason]")
        expect(reason).to_be_visible(timeout=15000)
        reason.fill("老首长八十寿辰，部门负责人同意")
        manager.locator("dialog.ask:has(textarea[name=override_reason]) button[type=submit]").click()
        expect(manager.locator(".badge").first).to_have_text("已批准", timeout=15000)

        open_area(manager, "hospitality")
        expect(manager.locator("table tr", has_text="老首长八十寿辰")).to_contain_text("520.00", timeout=15000)

        reader = browser.new_page(**browser_context_args)
        log_in(reader, system.base_url, "dev1")
        open_area(reader, "hospitality")
        expect(reader.locator("table")).to_contain_text("200.00", timeout=15000)
        expect(reader.locator("#hospitality-caps")).to_have_count(0)
        reader.close()
    finally:
        manager.close()
        kept = {category: limits for category, limits in before.items() if any(limits.values())}
        manager_api.put("/api/policies/hospitality", json={"caps": kept})
