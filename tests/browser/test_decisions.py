"""In a real browser: decisions reach the person who asked. The manager rejects a visit plan with a reason;
the developer reads it in 通知, opens the visit, sees the 驳回理由, takes it back (修改后重新提交), edits the
draft and submits it again. A claim of several lines shows its live total, is edited, its receipt is
opened, and the draft is withdrawn. Screenshots at 1366 and 390 px land in build/screenshots/."""
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit
from tests.system import unique_phone

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
REASON = "客户下周出国，请改到月底"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1180, "height": 820})


def submitted_visit(as_user, name):
    developer = as_user("dev1")
    customer = developer.post("/api/customers", json={"name": name, "phone": unique_phone()}).json()
    visit = developer.post("/api/visits", json={"customer_id": customer["id"], "place": "客户家中",
                                                "planned_at": (datetime.now(UTC) + timedelta(days=3)).isoformat(),
                                                "budget": "600.00"}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    return visit


@pytest.mark.timeout(600)
def test_a_rejection_reaches_the_developer_who_revises_and_submits_again(browser, browser_context_args, system,
                                                                        as_user):
    name = f"欧阳{uuid.uuid4().hex[:4]}"
    visit = submitted_visit(as_user, name)
    manager, developer = browser.new_page(**browser_context_args), browser.new_page(**browser_context_args)
    log_in(manager, system.base_url, "manager")
    log_in(developer, system.base_url, "dev1")

    open_area(manager, "approvals")
    manager.locator("tr", has_text=name).locator("button[data-action=reject]").click()
    manager.fill("#dialog-form input[name=reason]", REASON)
    manager.click("#dialog-form button[type=submit]")
    expect(manager.locator("tr", has_text=name)).to_have_count(0)

    # the decision in the developer's inbox, with the reason, linking to the visit
    notice = developer.locator("tr", has_text=f"{name} ·").filter(has_text="已被驳回")
    for _ in range(20):  # the notice comes through the bus a moment after the decision
        open_area(developer, "notifications")
        developer.wait_for_timeout(500)
        if notice.count():
            break
    expect(notice).to_contain_text(REASON)
    shoot(developer, "decisions-inbox")
    notice.locator("a", has_text="查看").click()
    expect(developer.locator(".rejection-note")).to_contain_text(f"驳回理由：{REASON}")
    expect(developer.locator("button[data-action=submit]")).to_have_count(0)
    shoot(developer, "decisions-rejected-visit")

    developer.click("button[data-action=redraft]")
    expect(developer.locator(".rejection-note")).to_contain_text(f"上次驳回理由：{REASON}")
    expect(developer.locator("#edit-visit")).to_be_hidden()
    developer.click("button[data-action=edit]")
    expect(developer.locator("#edit-visit")).to_be_visible()
    developer.fill("#edit-visit input[name=place]", "公司商务室")
    developer.click("#edit-visit button[type=submit]")
    expect(developer.locator("dl.details")).to_contain_text("公司商务室")
    developer.click("button[data-action=submit]")
    expect(developer.locator("dl.details")).to_contain_text("待审批")
    assert as_user("manager").get(f"/api/visits/{visit['id']}").json()["status"] == "pending_approval"

    revisit(manager, f"{system.base_url}/#/approvals")
    expect(manager.locator("tr", has_text=name)).to_have_count(1)  # back in the manager's queue


@pytest.mark.timeout(600)
def test_a_claim_of_several_lines_with_its_receipt_opened_and_the_draft_withdrawn(browser, browser_context_args,
                                                                                system, as_user, tmp_path):
    name = f"司马{uuid.uuid4().hex[:4]}"
    visit = submitted_visit(as_user, name)
    as_user("manager").post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "600.00"})
    developer = browser.new_page(**browser_context_args)
    log_in(developer, system.base_url, "dev1")
    revisit(developer, f"{system.base_url}/#/visits/{visit['id']}")

    claim_form = developer.locator("#subject-claim")
    lines = claim_form.locator(".rows-line")
    lines.nth(0).locator("select[name=category]").select_option("meal")
    lines.nth(0).locator("input[name=amount]").fill("320")
    lines.nth(0).locator("input[name=note]").fill("午餐")
    claim_form.get_by_role("button", name="添加一行").click()
    lines.nth(1).locator("select[name=category]").select_option("travel")
    lines.nth(1).locator("input[name=amount]").fill("86.5")
    claim_form.get_by_role("button", name="添加一行").click()
    lines.nth(2).locator("input[name=amount]").fill("999")
    expect(claim_form.locator(".claim-total")).to_contain_text("¥1,405.50")
    lines.nth(2).get_by_role("button", name="删除此行").click()
    expect(claim_form.locator(".claim-total")).to_contain_text("¥406.50")
    claim_form.locator("button[type=submit]").click()
    developer.wait_for_url("**/#/claims/*")

    details = developer.locator("dl.details")
    expect(details).to_contain_text("¥406.50")
    items = developer.locator("section", has_text="费用报销").locator("table").first
    expect(items).to_contain_text("午餐")
    expect(items).to_contain_text("¥86.50")

    # the draft's lines edited: one changed, the total follows
    developer.click("button[data-action=edit]")
    editor = developer.locator("#edit-claim")
    editor.locator(".rows-line").nth(1).locator("input[name=amount]").fill("100")
    expect(editor.locator(".claim-total")).to_contain_text("¥420.00")
    shoot(developer, "decisions-claim-edit")
    editor.locator("button[type=submit]").click()
    expect(developer.locator("dl.details")).to_contain_text("¥420.00")

    receipt = tmp_path / "午餐发票.pdf"
    receipt.write_bytes(PDF)
    developer.set_input_files("#receipt-file", str(receipt))
    opener = developer.locator("section", has_text="票据").get_by_role("button", name="午餐发票.pdf")
    expect(opener).to_be_visible()
    shoot(developer, "decisions-claim-lines")
    with developer.expect_download() as downloading:
        opener.click()
    download = downloading.value
    assert download.suggested_filename == "午餐发票.pdf"
    assert Path(download.path()).read_bytes() == PDF

    claim_id = developer.url.rsplit("/", 1)[1]
    served = as_user("dev1").get(f"/api/expense-claims/{claim_id}/receipts/"
                                 f"{as_user('dev1').get(f'/api/expense-claims/{claim_id}').json()['receipts'][0]['id']}")
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Security-Policy"] == "sandbox"
    assert served.headers["Content-Disposition"].startswith("attachment")

    developer.click("button[data-action=withdraw]")
    expect(developer.locator("dialog.ask")).to_contain_text("仍保留在记录中")
    developer.click("#dialog-form button[type=submit]")
    expect(developer.locator("dl.details")).to_contain_text("已撤回")
    expect(developer.locator("button[data-action=submit]")).to_have_count(0)
