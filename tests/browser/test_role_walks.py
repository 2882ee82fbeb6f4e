"""Each remaining role's own day through the console only (issue 12, item 7): the coordinator's logistics,
hand-out and return and the task addressed to them; the analyst's period, report download and stock
upkeep; the admin's users; the manager's approvals inbox. Every walk runs on a desktop (1366) and on an
iPad in portrait (1024, the folded menu). API calls only set up what another role did earlier, each
marked so; inside a walk the role works through the UI alone."""
import os
import re
import uuid
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_report_review_in_the_console import summarized_visit_with_a_claim
from tests.browser.test_seed_chain_in_the_console import revisit
from tests.system import PASSWORD, unique_phone

WIDTHS = [pytest.param(1366, id="desktop-1366"), pytest.param(1024, id="ipad-portrait-1024")]


def new_page(browser, width):
    return browser.new_page(viewport={"width": width, "height": 900}, locale="zh-CN")


def watch_failures(page):
    """Every API answer of 400 and above the page receives, as 'status url'."""
    failures = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 and "/api/" in r.url else None)
    return failures


def tag():
    return uuid.uuid4().hex[:6].upper()


def approved_visit(as_user, name, planned_at, **preparation):
    """Set-up: the developer planned the visit and the manager approved it, on their own screens (their walks)."""
    customer = as_user("dev1").post("/api/customers", json={"name": name, "category": "high_value"}).json()
    visit = as_user("dev1").post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": planned_at.isoformat(), "place": "客户公司",
        "preparation": preparation}).json()
    assert as_user("dev1").post(f"/api/visits/{visit['id']}/submit").status_code == 200
    assert as_user("manager").post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"}).status_code == 200
    return customer, visit


def reserved_piece(as_user, visit, sku):
    """Set-up: the analyst entered the piece, the developer reserved it for the visit."""
    product = as_user("analyst").post("/api/products", json={
        "sku": sku, "name": f"珍珠项链 {sku}", "kind": "necklace", "tracking": "piece", "list_price": "18000.00"})
    assert product.status_code == 201, product.text
    reservation = as_user("dev1").post("/api/reservations", json={
        "product_id": product.json()["id"], "for": {"type": "visit", "id": visit["id"]}})
    assert reservation.status_code == 201, reservation.text
    return reservation.json()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_coordinators_day(width, browser, system, as_user):
    mark = tag()
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    customer, visit = approved_visit(as_user, f"慕容{mark}", tomorrow,
                                     transport={"company_car": True, "note": "司机王师傅"}, gift="珍珠胸针")
    soon_sku, late_sku = f"KA-NE-{mark}A", f"KA-NE-{mark}B"
    reserved_piece(as_user, visit, soon_sku)
    # a visit of three days ago whose piece the coordinator hands out now and gets back late
    late_customer, past_visit = approved_visit(as_user, f"端木{mark}", datetime.now(UTC) - timedelta(days=3))
    reserved_piece(as_user, past_visit, late_sku)

    page = new_page(browser, width)
    failures = watch_failures(page)
    log_in(page, system.base_url, "coordinator")

    # today's logistics: who goes where, with a company car, carrying what
    open_area(page, "logistics")
    line = page.locator("tr", has_text=customer["name"])
    expect(line).to_contain_text("使用公司车辆")
    expect(line).to_contain_text("司机王师傅")
    expect(line).to_contain_text("珍珠胸针")
    expect(line).to_contain_text("测试dev1")  # the people going, by name, not by user id
    expect(line).not_to_contain_text(as_user("dev1").get("/api/me").json()["id"])

    # the kit: hand the reserved pieces out, take the one for tomorrow back
    open_area(page, "handout")
    for sku in (soon_sku, late_sku):
        page.locator("tr", has_text=sku).get_by_role("button", name="领出").click()
        expect(page.locator("tr", has_text=sku).get_by_role("button", name="归还")).to_be_visible()
    page.locator("tr", has_text=soon_sku).get_by_role("button", name="归还").click()
    expect(page.locator("tr", has_text=soon_sku)).to_have_count(0)

    # the piece of three days ago is overdue: a task addressed to the coordinator on My day
    open_area(page, "myday")
    task = page.locator("tr", has_text=late_customer["name"])
    for _ in range(15):  # the overdue sweep runs every second; My day shows what it found when it renders
        try:
            expect(task).to_have_count(1, timeout=2000)
            break
        except AssertionError:
            page.reload()
    expect(task).to_contain_text("样品逾期未还")
    expect(page.locator(".due-overdue")).to_contain_text(late_customer["name"])

    # it comes back through the hand-out screen, and the task closes by itself
    open_area(page, "handout")
    back = page.locator("tr", has_text=late_sku).filter(has=page.get_by_role("button", name="归还"))  # not My day's row
    expect(back).to_contain_text("逾期")
    back.get_by_role("button", name="归还").click()
    expect(page.locator("tr", has_text=late_sku)).to_have_count(0)
    open_area(page, "myday")
    expect(page.locator("tr", has_text=late_customer["name"])).to_have_count(0, timeout=15000)
    assert failures == []
    page.close()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_analysts_day(width, browser, system):
    mark = tag()
    page = new_page(browser, width)
    failures = watch_failures(page)
    log_in(page, system.base_url, "analyst")

    # the analytics of a period picked in the page, kept in the address
    open_area(page, "analytics")
    page.fill("#period-form input[name=from]", "2026-10-01")
    page.fill("#period-form input[name=to]", "2026-10-31")
    page.click("#period-form button[type=submit]")
    expect(page.locator("h2", has_text="2026-10-01 — 2026-10-31")).to_be_visible()
    expect(page).to_have_url(re.compile(r"from=2026-10-01.*to=2026-10-31"))

    # the periodic report, downloaded as a spreadsheet
    with page.expect_download() as downloading:
        page.click("#report-download button[type=submit]")
    download = downloading.value
    assert download.suggested_filename == "开发情况总结报告_2026-10-01_2026-10-31.xlsx"
    with zipfile.ZipFile(download.path()) as workbook:  # an XLSX is a zip holding its sheets
        assert any(name.startswith("xl/worksheets/") for name in workbook.namelist())
    expect(page.locator("[role=status]", has_text="已下载")).to_be_visible()

    # stock upkeep: a counted product with its fields, below its reorder level on the stock screen
    open_area(page, "catalog")
    sku = f"KA-GI-{mark}"
    page.fill("#new-product input[name=sku]", sku)
    page.fill("#new-product input[name=name]", f"珍珠胸针礼盒 {mark}")
    page.select_option("#new-product select[name=kind]", "gift")
    page.select_option("#new-product select[name=tracking]", "stock")
    page.fill("#new-product input[name=list_price]", "1200")
    page.fill("#new-product input[name=quantity]", "2")
    page.fill("#new-product input[name=reorder_level]", "5")
    page.fill("#new-product input[name=metal]", "18K金")
    page.fill("#new-product textarea[name=description]", "大客户拜访伴手礼")
    page.click("#new-product button[type=submit]")
    expect(page).to_have_url(re.compile(r"#/catalog/\w+$"))
    details = page.locator("dl.details")
    for shown in (sku, "礼品/礼包", "18K金", "1,200.00"):
        expect(details).to_contain_text(shown)
    open_area(page, "stock")
    expect(page.locator(".reorder-alert")).to_contain_text(f"{sku}）：2 / 5")
    assert failures == []
    page.close()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_admins_day(width, browser, system):
    username = f"new{tag().lower()}"
    page = new_page(browser, width)
    failures = watch_failures(page)
    log_in(page, system.base_url, "admin")
    open_area(page, "users")

    page.fill("#new-user input[name=username]", username)
    page.fill("#new-user input[name=display_name]", "新同事")
    page.select_option("#new-user select[name=role]", "developer")
    page.fill("#new-user input[name=password]", PASSWORD)
    page.click("#new-user button[type=submit]")
    row = page.locator("tr", has=page.locator("td", has_text=re.compile(f"^{username}$")))
    expect(row).to_contain_text("大客户开发人员")

    row.get_by_role("button", name="修改").click()
    page.select_option("#dialog-form select[name=role]", "coordinator")
    page.click("#dialog-form button[type=submit]")
    expect(row).to_contain_text("后勤协调")

    row.get_by_role("button", name="重置密码").click()
    page.fill("#dialog-form input[name=password]", "reset-password-2")
    page.click("#dialog-form button[type=submit]")
    expect(page.locator("dialog")).to_have_count(0)
    colleague = new_page(browser, width)
    colleague.goto(system.base_url + "/#/login")
    colleague.fill("#login-form input[name=username]", username)
    colleague.fill("#login-form input[name=password]", "reset-password-2")
    colleague.click("#login-form button[type=submit]")
    expect(colleague.locator(".topbar .me")).to_contain_text("新同事 · 后勤协调")
    colleague.close()

    row.get_by_role("button", name="停用").click()
    page.click("#dialog-form button[type=submit]")
    expect(row).to_contain_text("已停用")
    refused = new_page(browser, width)
    refused.goto(system.base_url + "/#/login")
    refused.fill("#login-form input[name=username]", username)
    refused.fill("#login-form input[name=password]", "reset-password-2")
    refused.click("#login-form button[type=submit]")
    expect(refused.locator("#toast")).to_contain_text(re.compile("[\u4e00-\u9fff]"))
    expect(refused.locator(".topbar")).to_have_count(0)
    refused.close()
    assert failures == []
    page.close()


def queue(page, title):
    """One queue of the approvals inbox, by its heading."""
    return page.locator("section.card", has=page.locator("h2", has_text=re.compile(f"^{title}$")))


@pytest.mark.timeout(300)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_managers_approvals_inbox(width, browser, system, as_user):
    mark = tag()
    developer = as_user("dev1")
    # set-up: the developer's plan, visit plan and over-funded claim, each submitted on their screens
    planned = developer.post("/api/customers", json={"name": f"上官{mark}"}).json()
    assessed = developer.post(f"/api/customers/{planned['id']}/assessments", json={
        "expected_revenue": "200000.00", "expected_profit": "60000.00", "risk_factor": "0.2",
        "costs": {"staff": "2000.00", "travel": "500.00"}})
    assert assessed.status_code == 201, assessed.text
    plan = developer.post("/api/development-plans", json={
        "customer_id": planned["id"], "methods": ["visit"], "plan": "先拜访", "budget": "2000.00"}).json()
    assert developer.post(f"/api/development-plans/{plan['id']}/submit").status_code == 200, plan
    visited = developer.post("/api/customers", json={"name": f"诸葛{mark}"}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": visited["id"], "planned_at": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
        "place": "客户家中", "budget": "900.00"}).json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    claimed_customer, claimed = approved_visit(as_user, f"欧阳{mark}", datetime.now(UTC) - timedelta(hours=3))
    assert developer.post(f"/api/visits/{claimed['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(), "talking_points": "介绍新品"}).status_code == 200
    assert developer.post(f"/api/visits/{claimed['id']}/summary", json={"text": "客户有意向"}).status_code == 200
    reviewed = as_user("manager").post(f"/api/visits/{claimed['id']}/review", json={"decision": "accepted"})
    assert reviewed.status_code == 200, reviewed.text  # 报告检查 done before: a claim waits for it
    claim = developer.post("/api/expense-claims", json={
        "subject": {"type": "visit", "id": claimed["id"]}, "items": [{"category": "gift", "amount": "800.00"}]}).json()
    assert developer.post(f"/api/expense-claims/{claim['id']}/submit").status_code == 200, claim

    page = new_page(browser, width)
    failures = watch_failures(page)
    log_in(page, system.base_url, "manager")
    open_area(page, "approvals")

    plans = queue(page, "开发方案")
    plans.locator("tr", has_text=planned["name"]).locator("button[data-action=approve]").click()
    expect(plans.locator("tr", has_text=planned["name"])).to_have_count(0)

    visits = queue(page, "拜访")
    visits.locator("tr", has_text=visited["name"]).locator("button[data-action=reject]").click()
    page.fill("#dialog-form [name=reason]", "先补充拜访目的")
    page.click("#dialog-form button[type=submit]")
    expect(visits.locator("tr", has_text=visited["name"])).to_have_count(0)

    claims = queue(page, "费用报销")
    line = claims.locator("tr", has_text=claimed_customer["name"])
    expect(line).to_contain_text("超出批准经费")
    line.locator("button[data-action=approve]").click()
    page.click("#dialog-form button[type=submit]")  # without the override reason: refused next to its field
    expect(page.locator("#dialog-form [data-field=override_reason] .field-error")).to_contain_text(re.compile("[\u4e00-\u9fff]"))
    failures.clear()
    page.fill("#dialog-form [name=override_reason]", "礼品已按公司标准采购，超出部分经部门同意")
    page.click("#dialog-form button[type=submit]")
    expect(claims.locator("tr", has_text=claimed_customer["name"])).to_have_count(0)

    # each reached its state, as its own page shows
    revisit(page, f"{system.base_url}/#/customers/{planned['id']}")
    expect(page.locator("table", has_text="先拜访")).to_contain_text("已批准")
    revisit(page, f"{system.base_url}/#/visits/{visit['id']}")
    expect(page.locator(".badge").first).to_have_text("已驳回")
    expect(page.locator(".view")).to_contain_text("先补充拜访目的")
    revisit(page, f"{system.base_url}/#/claims/{claim['id']}")
    expect(page.locator(".badge").first).to_have_text("已批准")
    expect(page.locator(".view")).to_contain_text("礼品已按公司标准采购")
    assert failures == []
    page.close()


SCREENS = [("developer", "dev1", "my-day", "#/"), ("developer", "dev1", "customer-file", None),
           ("manager", "manager", "approvals", "#/approvals"), ("coordinator", "coordinator", "logistics", "#/logistics"),
           ("planner", "planner", "events", "#/events"), ("planner", "planner", "tickets", "#/tickets"),
           ("analyst", "analyst", "analytics", "#/analytics"), ("admin", "admin", "users", "#/users")]


@pytest.mark.timeout(400)
def test_each_roles_main_screen_at_three_widths(browser, system, as_user):
    """Each role's main screen at 1366, 1024 and 390 px: no sideways scroll, the title and menu toggle in
    reach. The pictures land in build/screenshots/, or refresh docs/screenshots/ with KAM_DOCS_SCREENSHOTS=1."""
    folder = Path("docs/screenshots") if os.environ.get("KAM_DOCS_SCREENSHOTS") == "1" else Path("build/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    mark = tag()
    # set-up: something on each screen, as the developers and the manager left it
    customer, _ = approved_visit(as_user, f"司徒{mark}", datetime.now(UTC) + timedelta(days=1),
                                 transport={"company_car": True, "note": "司机王师傅"}, gift="珍珠胸针")
    as_user("dev1").patch(f"/api/customers/{customer['id']}", json={
        "phone": unique_phone(), "profile": {"occupation": "企业家", "hobbies": ["高尔夫", "茶艺"]}})
    waiting = as_user("dev1").post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) + timedelta(days=4)).isoformat(),
        "place": "客户公司", "budget": "600.00"}).json()
    as_user("dev1").post(f"/api/visits/{waiting['id']}/submit")
    summarized_visit_with_a_claim(as_user, f"欧阳{mark}")  # a report for 报告检查, its claim waiting
    sideways = []
    for role, username, screen, target in SCREENS:
        page = new_page(browser, 1366)
        errors = []
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        log_in(page, system.base_url, username)
        revisit(page, f"{system.base_url}/{target or '#/customers/' + customer['id']}")
        expect(page.locator(".view .card > h2").first).to_be_visible(timeout=15000)
        for width in (1366, 1024, 390):
            page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
            page.wait_for_timeout(200)
            page.screenshot(path=str(folder / f"{role}-{screen}-{width}.png"), full_page=True)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                sideways.append(f"{role}-{screen} is {wide} px wide at {width}")
        assert errors == []
        page.close()
    assert sideways == []
