"""Analytics over HTTP: events published on the system's bus become the department's figures."""
from datetime import UTC, datetime
from io import BytesIO
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from kam import testing
from kam.db import new_id
from kam.events import make_envelope
from kam.harness import producer_contract
from kam.relay import Publisher
from tests.integration.test_analytics_figures import ACTOR, department_events

MARCH = {"from": "2031-03-01", "to": "2031-03-31"}


def publish(amqp_uri, events):
    """Each event as its producer would publish it, held to the producer's contract."""
    publisher = Publisher(amqp_uri)
    try:
        for event in events:
            producer, contract = producer_contract(event["type"])
            publisher.publish(make_envelope(contract, event["data"], producer=producer, actor=ACTOR,
                                            occurred_at=event["occurred_at"]))
    finally:
        publisher.reset()


@pytest.fixture(scope="module")
def department(system, as_user):
    """A month of work by dev1 and dev2, far from any other test's dates, fed in through the bus."""
    dev1, dev2 = as_user("dev1").get("/api/me").json()["id"], as_user("dev2").get("/api/me").json()["id"]
    prefix = new_id()[:8]
    publish(system.settings.amqp_uri, department_events(dev1, dev2, prefix, datetime(2031, 3, 1, 9, tzinfo=UTC)))
    manager = as_user("manager")

    def fed():
        figures = manager.get(f"/api/analytics/customers/{prefix}c1").json()
        rows = manager.get("/api/analytics/developers", params=MARCH).json().get("items", [])
        receptions = sum(row["receptions"] for row in rows)
        return figures.get("expenses_reimbursed") == "3200.00" and figures.get("contacts") == 1 and receptions == 1

    testing.wait_until(fed, timeout=20, message="analytics to take in the month's events")
    return {"dev1": dev1, "dev2": dev2, "c1": f"{prefix}c1", "c3": f"{prefix}c3"}


def test_the_funnel_has_the_seven_stages_in_order_with_conversions(as_user, department):
    body = as_user("analyst").get("/api/analytics/funnel", params=MARCH).json()
    assert (body["from"], body["to"]) == ("2031-03-01", "2031-03-31")
    assert [(s["stage"], s["customers"], s["conversion"]) for s in body["stages"]] == [
        ("prospect", 3, None), ("developing", 2, 0.6667), ("contacted", 2, 1.0), ("visited", 2, 1.0),
        ("received", 2, 1.0), ("won", 1, 0.5), ("after_sales", 0, 0.0)]
    assert body["stages"][5]["median_days_from_previous"] == 7.0


def test_managers_see_every_developer_developers_only_themselves(as_user, department):
    rows = as_user("manager").get("/api/analytics/developers", params=MARCH).json()["items"]
    dev1 = next(row for row in rows if row["developer_id"] == department["dev1"])
    assert dev1 == {"developer_id": department["dev1"], "display_name": "测试dev1", "customers": 2, "contacts": 1,
                    "visits": 1, "callbacks": 1, "callbacks_on_time": 1, "receptions": 0, "deals": 1,
                    "revenue": "12800.00", "expenses": "3200.00", "return_on_spend": "4.00",
                    "events_attended": 0}
    own = as_user("dev2").get("/api/analytics/developers", params=MARCH).json()["items"]
    assert [(row["developer_id"], row["receptions"], row["return_on_spend"]) for row in own] == [
        (department["dev2"], 1, None)]


def test_a_customers_figures_are_for_its_owner_and_managers_only(as_user, department):
    c1 = as_user("dev1").get(f"/api/analytics/customers/{department['c1']}").json()
    assert (c1["visits"], c1["deals"], c1["revenue"], c1["return_on_spend"]) == (1, 1, "12800.00", "4.00")
    assert c1["last_visit_at"].startswith("2031-03-06T09:00:00")
    assert c1["forecast"]["expected_revenue"] == "50000.00" and c1["forecast"]["revenue_attained"] == "0.26"
    assert as_user("dev2").get(f"/api/analytics/customers/{department['c1']}").status_code == 404
    assert as_user("manager").get("/api/analytics/customers/no-such-customer").status_code == 404
    assert as_user("coordinator").get("/api/analytics/funnel").status_code == 403


def test_sources_and_categories_show_which_leads_bring_value(as_user, department):
    sources = as_user("manager").get("/api/analytics/sources", params=MARCH).json()["items"]
    friend = next(item for item in sources if item["key"] == "friend")
    assert (friend["label"], friend["customers"], friend["won_customers"], friend["conversion_to_won"]) == (
        "朋友", 2, 1, 0.5)
    assert friend["revenue"] == "12800.00" and friend["return_on_spend"] == "4.00"
    categories = as_user("manager").get("/api/analytics/categories", params=MARCH).json()["items"]
    assert {item["key"]: item["customers"] for item in categories} == {"high_value": 2, "important": 1}


def test_a_period_that_ends_before_it_starts_or_an_unknown_parameter_is_422(as_user):
    manager = as_user("manager")
    assert manager.get("/api/analytics/funnel", params={"from": "2031-03-31", "to": "2031-03-01"}).status_code == 422
    assert manager.get("/api/analytics/developers", params={"since": "2031-03-01"}).status_code == 422
    assert manager.get("/api/analytics/report", params={"format": "pdf"}).status_code == 422


def test_the_periodic_report_as_json_and_as_xlsx(as_user, department):
    manager = as_user("manager")
    report = manager.get("/api/analytics/report", params=MARCH).json()
    assert report["summary"]["revenue"] == "12800.00" and report["summary"]["customers"] == 3
    assert {"funnel", "developers", "sources", "categories", "generated_at"} <= set(report)

    workbook = manager.get("/api/analytics/report", params={**MARCH, "format": "xlsx"})

    assert workbook.status_code == 200
    assert workbook.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert quote("开发情况总结报告_2031-03-01_2031-03-31.xlsx") in workbook.headers["Content-Disposition"]
    assert "filename*=UTF-8''" in workbook.headers["Content-Disposition"]
    book = load_workbook(BytesIO(workbook.content))
    assert book.sheetnames == ["概览", "漏斗", "开发人员", "来源渠道", "客户类别"]
    summary = {row[0]: row[1] for row in book["概览"].iter_rows(values_only=True) if row and row[0]}
    assert summary["成交金额（元）"] == 12800 and summary["新增客户"] == 3
    people = {row[0]: row for row in book["开发人员"].iter_rows(min_row=2, values_only=True)}
    assert people["测试dev1"][7] == 1 and people["测试dev2"][6] == 1


def test_the_overview_counts_customers_and_deals_by_role(as_user, department):
    manager, developer = as_user("manager").get("/api/analytics/overview").json(), as_user("dev2")
    assert manager["deals"] >= 1 and manager["customers"] >= 3 and manager["stages"]["won"] >= 1
    assert developer.get("/api/analytics/overview").json()["revenue"] == "0.00"
    assert as_user("planner").get("/api/analytics/overview").status_code == 403


def test_kam_analytics_rebuild_gives_the_same_figures(system, as_user, department):
    manager = as_user("manager")

    def figures():
        return [manager.get(f"/api/analytics/{path}", params=MARCH).json()
                for path in ("funnel", "developers", "sources", "categories")]

    before = figures()
    result = system.kam("analytics", "rebuild")
    assert "re-applied" in result.stdout
    assert figures() == before
