"""客户移交 in the console: the manager transfers one customer from its file (转移客户, from the customer's
`actions`; the server's 409 already_owner shows at the developer field) and hands over every customer of
a developer who left (移交客户 → 移交全部客户, the count shown after); a developer is offered neither."""
from playwright.sync_api import expect

from kam import testing
from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.system import PASSWORD, login, unique_phone

HANDOVER = '"customers.transfer"'


def me(client):
    return client.get("/api/me").json()["id"]


def test_a_manager_transfers_a_customer_and_hands_over_a_leavers_customers(browser, browser_context_args, system,
                                                                           as_user, screenshot):
    admin, old, new = as_user("admin"), as_user("dev1"), as_user("dev2")
    suffix = testing.unique_name("t")[-5:]
    customer = old.post("/api/customers", json={"name": f"东方明珠{suffix}", "category": "high_value",
                                                "phone": unique_phone()}).json()
    username = testing.unique_name("leaver")
    leaver_id = admin.post("/api/users", json={"username": username, "password": PASSWORD, "role": "developer",
                                               "display_name": f"离职{suffix}"}).json()["id"]
    leaver = login(system.base_url, username)
    for name in ("南宫月", "西门雪"):
        assert leaver.post("/api/customers", json={"name": f"{name}{suffix}", "phone": unique_phone()}).status_code == 201
    assert admin.patch(f"/api/users/{leaver_id}", json={"disabled": True}).status_code == 200

    page = browser.new_page(**browser_context_args)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        log_in(page, system.base_url, "manager")
        page.goto(f"{system.base_url}/#/customers/{customer['id']}")
        page.get_by_role("button", name="转移客户").click()
        dialog = page.locator("dialog.ask")
        dialog.locator("select[name=to_owner_id]").select_option(me(old))
        dialog.locator("textarea[name=reason]").fill("客户搬到浦东，由同事就近跟进")
        dialog.locator("button[type=submit]").click()
        expect(dialog.locator(".field-error").first).to_contain_text("该客户已归属这位开发人员", timeout=15000)
        for width, height in ((1366, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            screenshot(page, f"manager-transfer-dialog-{width}")
        dialog.locator("select[name=to_owner_id]").select_option(me(new))
        dialog.locator("button[type=submit]").click()
        expect(page.locator("dialog.ask")).to_have_count(0, timeout=15000)
        expect(page.locator("dd", has_text="测试dev2")).to_be_visible(timeout=15000)
        testing.wait_until(lambda: any(item["kind"] == "customer.transferred" for item in new.get(
            f"/api/customers/{customer['id']}/timeline").json()["items"]), timeout=20, message="the transfer's line")
        page.reload()
        row = page.locator("tr", has_text="客户移交")
        expect(row).to_contain_text("客户搬到浦东", timeout=20000)
        expect(row).to_contain_text("测试dev1")
        for width, height in ((1366, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            screenshot(page, f"manager-customer-transferred-{width}")
        assert old.get(f"/api/customers/{customer['id']}").status_code == 404
        assert new.get(f"/api/customers/{customer['id']}").status_code == 200

        page.set_viewport_size({"width": 1366, "height": 900})
        open_area(page, HANDOVER)
        form = page.locator("#handover-all")
        form.locator("select[name=from_owner_id]").select_option(leaver_id)
        expect(form.locator("select[name=from_owner_id]")).to_contain_text(f"离职{suffix}（已停用）")
        expect(form.locator("select[name=to_owner_id]")).not_to_contain_text(f"离职{suffix}")
        form.locator("select[name=to_owner_id]").select_option(me(new))
        form.locator("textarea[name=reason]").fill("离职交接")
        form.locator("button[type=submit]").click()
        result = page.locator("#handover-result")
        expect(result).to_contain_text("已将 2 位客户移交给 测试dev2", timeout=15000)
        expect(result.locator("a")).to_have_count(2)
        expect(result).to_contain_text(f"南宫月{suffix}")
        for width, height in ((1366, 900), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            screenshot(page, f"manager-handover-{width}")
        assert errors == []
    finally:
        page.close()
    owned = new.get("/api/customers", params={"q": f"西门雪{suffix}"}).json()["items"]
    assert [c["owner_id"] for c in owned] == [me(new)]


def test_a_developer_is_offered_no_transfer(browser, browser_context_args, system, as_user):
    customer = as_user("dev1").post("/api/customers", json={"name": "令狐青", "phone": unique_phone()}).json()
    page = browser.new_page(**browser_context_args)
    try:
        log_in(page, system.base_url, "dev1")
        page.goto(f"{system.base_url}/#/customers/{customer['id']}")
        expect(page.locator("h2").first).to_have_text("令狐青", timeout=15000)
        expect(page.get_by_role("button", name="转移客户")).to_have_count(0)
        expect(page.locator(f"[data-nav={HANDOVER}]")).to_have_count(0)
    finally:
        page.close()
