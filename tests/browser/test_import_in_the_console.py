"""A developer imports a large spreadsheet in the console: the upload returns at once, a bar shows the
background job's progress, and when it ends the rejected rows are named with why."""
from playwright.sync_api import expect

from tests.browser.test_catalog_in_the_console import shoot
from tests.browser.test_console_basics import log_in
from tests.browser.test_console_forms_and_days import open_view
from tests.system import unique_phone


def test_a_large_import_shows_its_progress_and_then_its_rejected_rows(browser, browser_context_args, system, tmp_path):
    phones = [unique_phone() for _ in range(1500)]
    lines = ["姓名,手机,来源"] + [f"界面导入{i},{phone},朋友" for i, phone in enumerate(phones)]
    lines[700] = f"重复的人,{phones[3]},朋友"
    sheet = tmp_path / "大批客户.csv"
    sheet.write_text("\n".join(lines), encoding="utf-8")
    page = browser.new_page(**browser_context_args)
    log_in(page, system.base_url, "dev1")
    open_view(page, system.base_url, "#/customers")

    page.set_input_files("#import-customers input[type=file]", str(sheet))
    page.click("#import-customers button[type=submit]")

    status = page.locator("#import-customers ~ p[role=status]")
    expect(status).to_contain_text("共 1500 行：导入 1499 行，未导入 1 行", timeout=60000)
    expect(page.locator(".row-errors li")).to_have_count(1)
    expect(page.locator(".row-errors li")).to_contain_text("第 701 行（重复的人）：手机 手机号已登记")
    expect(page.locator("#customer-search ~ *, .view table").first).to_be_visible()
    shoot(page, "customers-import-done")
    page.close()
