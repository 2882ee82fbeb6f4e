"""Event figures over HTTP: an event run to attendance, a guest's deal after it, and the analytics that
follow (the event's figures, the period's event list, the funnel and the developer's events attended)."""
from datetime import UTC, datetime, timedelta

from kam import testing

STARTS = (datetime.now(UTC) + timedelta(days=20)).replace(hour=10, minute=0, second=0, microsecond=0)
EVENT = {"title": "高级珠宝新品发布会", "kind": "launch", "starts_at": STARTS.isoformat(),
         "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部一楼展厅", "capacity": 10,
         "budget": "40000.00", "description": "秋冬新品与1克拉以上钻石"}
RING = {"sku": "D-1.05-GIA", "description": "1.05克拉钻石戒指 GIA证书", "quantity": 1, "unit_price": "58800.00"}


def close_a_deal(developer, manager, customer_id):
    """A reception for the customer, approved, and the deal closed from it."""
    reception = developer.post("/api/receptions", json={
        "customer_id": customer_id, "scheduled_at": (STARTS + timedelta(days=2)).isoformat(), "party_size": 2,
        "needs": "发布会上看中的钻戒", "location": "总部", "hosts": ["张敏"]}).json()
    developer.post(f"/api/receptions/{reception['id']}/submit")
    assert manager.post(f"/api/receptions/{reception['id']}/approve").ok
    deal = developer.post("/api/deals", json={
        "customer_id": customer_id, "origin": {"type": "reception", "id": reception["id"]}, "items": [RING],
        "delivery": {"method": "pickup"}})
    assert deal.status_code == 201, deal.text
    return deal.json()


def contacted(developer):
    """The developer's customers who reached `contacted` from today (stages are dated when announced)."""
    period = {"from": datetime.now(UTC).date().isoformat(), "to": (STARTS + timedelta(days=1)).date().isoformat()}
    stages = developer.get("/api/analytics/funnel", params=period).json()["stages"]
    return next(stage["customers"] for stage in stages if stage["stage"] == "contacted")


def test_an_event_run_to_attendance_and_a_deal_gives_its_figures(system, as_user, clock):
    planner, manager, developer = as_user("planner"), as_user("manager"), as_user("dev1")
    event = planner.post("/api/events", json=EVENT).json()
    planner.post(f"/api/events/{event['id']}/submit")
    assert manager.post(f"/api/events/{event['id']}/approve", json={"funded_amount": "35000.00"}).ok
    came = developer.post("/api/customers", json={"name": "上官雨涵"}).json()
    stayed_away = developer.post("/api/customers", json={"name": "东方明珠"}).json()
    url = f"/api/events/{event['id']}/invitations"
    assert developer.post(url, json={"customer_ids": [came["id"], stayed_away["id"]]}).json()["invited"] == 2
    guests = {g["customer_id"]: g for g in planner.get(url).json()["items"]}
    for customer in (came, stayed_away):
        assert planner.post(f"/api/invitations/{guests[customer['id']]['id']}/rsvp", json={"response": "accepted"}).ok

    contacted_before = contacted(developer)
    clock.set(STARTS - timedelta(minutes=30))
    assert planner.post(f"/api/invitations/{guests[came['id']]['id']}/check-in").json()["status"] == "attended"
    testing.wait_until(lambda: manager.get(f"/api/analytics/customers/{came['id']}").json().get("stage") == "contacted",
                       timeout=20, message="analytics to see the guest contacted")
    assert contacted(developer) == contacted_before + 1  # the funnel counts attendance as a contact
    clock.set(STARTS + timedelta(hours=1))
    deal = close_a_deal(developer, manager, came["id"])
    close_a_deal(developer, manager, stayed_away["id"])  # an invited guest who did not come: not the event's

    figures_url = f"/api/analytics/events/{event['id']}"
    expected = {"event_id": event["id"], "invited": 2, "accepted": 2, "attended": 1, "cost": "0.00",
                "deals_after": 1, "revenue_after": deal["total"]}
    testing.wait_until(lambda: planner.get(figures_url).json() == expected, timeout=20,
                       message="the event's figures to count the deal after it")
    day = STARTS.date().isoformat()
    around = {"from": (STARTS - timedelta(days=1)).date().isoformat(), "to": (STARTS + timedelta(days=1)).date().isoformat()}
    [row] = [item for item in manager.get("/api/analytics/events", params={"from": day, "to": day}).json()["items"]
             if item["event_id"] == event["id"]]
    assert (row["title"], row["kind"], row["starts_at"], row["attended"]) == (EVENT["title"], "launch",
                                                                               STARTS.isoformat(), 1)
    assert row["return_on_spend"] is None  # nothing reimbursed yet
    assert as_user("analyst").get(figures_url).json() == expected

    me = developer.get("/api/me").json()["id"]
    [mine] = developer.get("/api/analytics/developers", params=around).json()["items"]
    assert (mine["developer_id"], mine["events_attended"]) == (me, 1)
    assert as_user("dev2").get(figures_url).json()["invited"] == 0  # not their customers
    assert as_user("coordinator").get(figures_url).status_code == 403
    unknown = planner.get("/api/analytics/events/no-such-event")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")
    assert planner.get("/api/analytics/events", params={"from": day, "to": "2000-01-01"}).status_code == 422
