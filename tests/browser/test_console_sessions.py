"""The console's session: a stale access token is refreshed without the user noticing; logging out ends
the session on the server too."""
import requests
from playwright.sync_api import expect

from kam import testing
from tests.browser.test_console_basics import log_in


def _stored(page, key):
    return page.evaluate(f"localStorage.getItem('{key}')")


def test_a_stale_access_token_is_refreshed_once_without_the_user_noticing(page, system):
    log_in(page, system.base_url, "coordinator")
    page.wait_for_load_state("networkidle")  # a request still on its way would refresh, and the reload cut it off
    refresh_before = _stored(page, "kam.refresh")
    page.evaluate("localStorage.setItem('kam.token', 'stale.access.token')")
    page.reload()
    expect(page.locator(".topbar .me")).to_contain_text("测试coordinator")
    assert _stored(page, "kam.token") != "stale.access.token"
    assert _stored(page, "kam.refresh") not in (None, refresh_before)


def test_two_tabs_that_find_the_token_stale_together_refresh_it_once_and_stay_logged_in(page, system):
    log_in(page, system.base_url, "planner")
    other = page.context.new_page()
    other.goto(system.base_url + "/#/")
    expect(other.locator(".topbar .me")).to_contain_text("测试planner")
    for tab in (page, other):
        tab.wait_for_load_state("networkidle")
    page.evaluate("localStorage.setItem('kam.token', 'stale.access.token')")
    for tab in (page, other):
        tab.evaluate("location.hash = '#/notifications'")
    for tab in (page, other):
        expect(tab.locator(".topbar .me")).to_contain_text("测试planner")
        tab.wait_for_load_state("networkidle")
    other.reload()
    expect(other.locator(".topbar .me")).to_contain_text("测试planner")
    assert _stored(page, "kam.token") != "stale.access.token"


def test_logging_out_ends_the_session_on_the_server(page, system):
    log_in(page, system.base_url, "planner")
    token = _stored(page, "kam.token")
    page.click("button:has-text('退出')")
    expect(page.locator("#login-form")).to_be_visible()
    assert _stored(page, "kam.token") is None and _stored(page, "kam.refresh") is None

    def refused():
        return requests.get(f"{system.base_url}/api/me", headers={"Authorization": f"Bearer {token}"},
                            timeout=10).status_code == 401

    testing.wait_until(refused, timeout=10, interval=0.2, message="the logged-out token to be refused")
