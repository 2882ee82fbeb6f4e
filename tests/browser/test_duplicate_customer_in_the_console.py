"""A person is entered once, in the console: the refused phone or WeChat shows why next to its field, with a
link to the customer already on file when the caller may see it, and without one when they may not."""
from playwright.sync_api import expect

from tests.browser.test_console_basics import log_in
from tests.system import unique_phone


def test_a_duplicate_phone_links_to_the_existing_file_only_for_who_may_see_it(browser, browser_context_args,
                                                                               system, as_user):
    phone = unique_phone()
    first = as_user("dev1").post("/api/customers", json={"name": "南宫月", "phone": phone}).json()
    for username, linked in (("dev1", True), ("dev2", False)):
        page = browser.new_page(**browser_context_args)
        log_in(page, system.base_url, username)
        page.goto(f"{system.base_url}/#/customers/new")
        page.fill("#new-customer [name=name]", "南宫月儿")
        page.fill("#new-customer [name=phone]", f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}")
        page.click("#new-customer button[type=submit]")
        error = page.locator("#new-customer [data-field=phone] .field-error")
        expect(error).to_contain_text("已登记", timeout=15000)
        link = error.locator("a.duplicate-link")
        if linked:
            expect(link).to_contain_text("南宫月")
            link.click()
            expect(page.locator(".view .card > h2").first).to_have_text("南宫月", timeout=15000)
            assert page.url.endswith(f"#/customers/{first['id']}")
        else:
            expect(link).to_have_count(0)
            expect(page.locator("#new-customer .form-error")).to_contain_text("转给您")
            expect(page.locator("#new-customer")).not_to_contain_text("南宫月儿已")
        page.close()
