"""Every create form of the console, once with invalid input and once with valid input (issue 12, item 7b),
each by the role that uses it: the invalid input gets the server's field error next to its field, in
Chinese, and changes nothing; the valid input gets no 4xx.

Forms with no way to be invalid in the browser are not submitted invalid here: the customers' export (a
format select), the notification preferences (checkboxes and a select), a gift rule (a product select per
category), the catalog search and the analytics period (dates from date pickers, any pair a period)."""
import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.picker import pick_customer
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit

CHINESE = re.compile("[\u4e00-\u9fff]")
SOON = (datetime.now(UTC) + timedelta(days=20)).strftime("%Y-%m-%dT15:00")


@pytest.fixture(scope="module")
def mark():
    return uuid.uuid4().hex[:5].upper()


@pytest.fixture(scope="module")
def customer(as_user, mark):
    """Set-up: a customer of dev1's with a summarised visit (the developer's walk does this on screen)."""
    developer, manager = as_user("dev1"), as_user("manager")
    made = developer.post("/api/customers", json={"name": f"表单{mark}", "category": "high_value"}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": made["id"], "planned_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat()}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "1000.00"})
    developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(), "talking_points": "介绍新品"})
    assert developer.post(f"/api/visits/{visit['id']}/summary", json={"text": "有意向"}).status_code == 200
    return {**made, "visit_id": visit["id"]}


def open_form(browser, system, username, hash_path, form):
    page = browser.new_page(viewport={"width": 1180, "height": 820}, locale="zh-CN")
    failures = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.request.method} {r.url}")
            if r.status >= 400 and "/api/" in r.url and r.request.method != "GET" else None)
    log_in(page, system.base_url, username)
    revisit(page, f"{system.base_url}/{hash_path}")
    expect(page.locator(form)).to_be_visible(timeout=15000)
    return page, failures


def refused_at(page, form, field, failures):
    """The submit was refused (one 422) and its message stands next to `field`, in Chinese."""
    page.click(f"{form} button[type=submit]")
    error = page.locator(f"{form} [data-field='{field}'] .field-error")
    expect(error).to_contain_text(CHINESE)
    expect(page.locator(form)).not_to_contain_text("[object Object]")
    expect(page.locator(f"{form} [data-field='{field}'] [aria-invalid=true]").first).to_be_attached()
    assert len(failures) == 1 and failures[0].startswith("422 "), failures
    failures.clear()


def accepted(page, form, failures, done):
    page.click(f"{form} button[type=submit]")
    done()
    assert failures == []


def test_the_customer_form(browser, system, mark):
    form = "#new-customer"
    page, failures = open_form(browser, system, "dev1", "#/customers/new", form)
    page.fill(f"{form} [name=name]", f"表单客户{mark}")
    page.fill(f"{form} [name=email]", "not-an-email")
    refused_at(page, form, "email", failures)
    page.fill(f"{form} [name=email]", "kehu@example.com")
    accepted(page, form, failures, lambda: expect(page.locator(".view .card > h2").first).to_have_text(f"表单客户{mark}"))


def test_the_development_plan_form(browser, system, customer):
    form = "#plan-form"
    page, failures = open_form(browser, system, "dev1", f"#/customers/{customer['id']}", form)
    page.check(f"{form} input[name=methods][value=visit]")
    page.fill(f"{form} [name=plan]", "先拜访再邀约")
    page.fill(f"{form} [name=budget]", "-100")
    refused_at(page, form, "budget", failures)
    page.fill(f"{form} [name=budget]", "1500")
    accepted(page, form, failures, lambda: expect(page.locator("table", has_text="先拜访再邀约")).to_be_visible())


def test_the_visit_form(browser, system, customer):
    form = "#new-visit"
    page, failures = open_form(browser, system, "dev1", "#/visits/new", form)
    pick_customer(page, form, customer["name"])
    page.fill(f"{form} [name=planned_at]", SOON)
    offer = page.locator(f"{form} [data-name='preparation.offers'] .rows-line").first
    offer.locator("input[name=product]").fill("珍珠项链")
    offer.locator("input[name=discount]").fill("1.5")  # a discount is a fraction below 1
    refused_at(page, form, "preparation.offers", failures)
    offer.locator("input[name=discount]").fill("0.1")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/visits/(?!new$)\w+$")))
    expect(page.locator(".view")).to_contain_text(SOON.replace("T", " "))  # the wall time typed is the one shown


def test_the_claim_form(browser, system, customer):
    form = "#new-claim"
    page, failures = open_form(browser, system, "dev1", "#/claims", form)
    pick_customer(page, form, customer["name"])
    page.select_option(f"{form} select[name='subject.type']", "visit")
    expect(page.locator(f"{form} select[name='subject.id'] option[value='{customer['visit_id']}']")).to_be_attached()
    page.select_option(f"{form} select[name='subject.id']", customer["visit_id"])
    line = page.locator(f"{form} [data-name=items] .rows-line").first
    line.locator("select[name=category]").select_option("gift")
    line.locator("input[name=amount]").fill("0")
    refused_at(page, form, "items", failures)
    line.locator("input[name=amount]").fill("300")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/claims/\w+$")))


def test_the_reception_form(browser, system, customer):
    form = "#new-reception"
    page, failures = open_form(browser, system, "dev1", "#/receptions", form)
    pick_customer(page, form, customer["name"])
    page.fill(f"{form} [name=scheduled_at]", SOON)
    page.fill(f"{form} [name=party_size]", "0")
    refused_at(page, form, "party_size", failures)
    page.fill(f"{form} [name=party_size]", "3")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/receptions/\w+$")))


def test_the_deal_form(browser, system, customer, mark):
    form = "#new-deal"
    page, failures = open_form(browser, system, "dev1", "#/deals", form)
    pick_customer(page, form, customer["name"])
    page.select_option(f"{form} select[name='origin.type']", "visit")
    expect(page.locator(f"{form} select[name='origin.id'] option[value='{customer['visit_id']}']")).to_be_attached()
    page.select_option(f"{form} select[name='origin.id']", customer["visit_id"])
    page.fill(f"{form} input[name=sku]", f"KA-FM-{mark}")
    page.fill(f"{form} input[name=description]", "珍珠项链")
    page.fill(f"{form} input[name=quantity]", "0")
    page.fill(f"{form} input[name=unit_price]", "8800")
    refused_at(page, form, "items", failures)
    page.fill(f"{form} input[name=quantity]", "1")
    accepted(page, form, failures, lambda: expect(page.locator("tr", has_text=customer["name"]).filter(
        has_text="¥8,800.00")).to_have_count(1, timeout=20000))  # the deal in the list above the form


def test_the_service_ticket_form(browser, system, customer):
    form = "#new-ticket"
    page, failures = open_form(browser, system, "dev1", "#/tickets", form)
    pick_customer(page, form, customer["name"])
    page.select_option(f"{form} select[name=kind]", label="保养")
    page.fill(f"{form} [name=description]", "项链清洗")
    page.fill(f"{form} [name=valuation]", "-5")
    refused_at(page, form, "valuation", failures)
    page.fill(f"{form} [name=valuation]", "")
    accepted(page, form, failures, lambda: expect(page.locator(".view")).to_contain_text("项链清洗"))


def test_the_work_order_form(browser, system, customer):
    form = "#new-work-order"
    page, failures = open_form(browser, system, "dev1", "#/work-orders/board/resale", form)
    pick_customer(page, form, customer["name"])
    page.fill(f"{form} [name=description]", "旧钻戒寄售")
    page.fill(f"{form} [name=valuation]", "-1")
    refused_at(page, form, "valuation", failures)
    page.fill(f"{form} [name=valuation]", "20000")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/work-orders/\w+$")))


def test_the_event_form(browser, system, mark):
    form = "#new-event"
    page, failures = open_form(browser, system, "planner", "#/events/new", form)
    page.fill(f"{form} [name=title]", f"珍珠品鉴会{mark}")
    page.fill(f"{form} [name=venue]", "总部会所")
    page.fill(f"{form} [name=starts_at]", SOON)
    page.fill(f"{form} [name=ends_at]", SOON.replace("T15:00", "T18:00"))
    page.fill(f"{form} [name=capacity]", "0")
    page.fill(f"{form} [name=budget]", "5000")
    refused_at(page, form, "capacity", failures)
    page.fill(f"{form} [name=capacity]", "30")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/events/(?!new$)\w+$")))
    expect(page.locator(".view")).to_contain_text(SOON.replace("T", " "))  # the wall time typed is the one shown


def test_the_product_form(browser, system, mark):
    form = "#new-product"
    page, failures = open_form(browser, system, "analyst", "#/catalog", form)
    page.fill(f"{form} [name=sku]", f"KA-PF-{mark}")
    page.fill(f"{form} [name=name]", "南洋金珠吊坠")
    page.select_option(f"{form} select[name=kind]", "pendant")
    page.fill(f"{form} [name=list_price]", "-1")
    refused_at(page, form, "list_price", failures)
    page.fill(f"{form} [name=list_price]", "9800")
    accepted(page, form, failures, lambda: expect(page).to_have_url(re.compile(r"#/catalog/\w+$")))


def test_the_user_form(browser, system, mark):
    form = "#new-user"
    page, failures = open_form(browser, system, "admin", "#/users", form)
    page.fill(f"{form} [name=username]", f"form{mark.lower()}")
    page.fill(f"{form} [name=display_name]", "表单同事")
    page.fill(f"{form} [name=password]", "short")
    refused_at(page, form, "password", failures)
    page.fill(f"{form} [name=password]", "long-enough-1")
    accepted(page, form, failures, lambda: expect(page.locator("td", has_text=f"form{mark.lower()}")).to_be_visible())
