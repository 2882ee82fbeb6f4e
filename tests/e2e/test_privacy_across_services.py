"""PIPL across services: the export gathers what every service holds; erasure reaches every service."""
from datetime import UTC, datetime, timedelta

from kam import testing
from tests.services import SERVICES
from tests.system import unique_phone


def test_export_and_erasure_reach_every_service(as_user):
    owner, manager, analyst = as_user("dev1"), as_user("manager"), as_user("analyst")
    customer = owner.post("/api/customers", json={"name": "端木蓉", "phone": unique_phone()}).json()
    visit = owner.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) + timedelta(days=3)).isoformat(),
        "place": "端木女士家中", "method": "in_person", "objectives": "介绍结婚纪念日克拉钻"}).json()
    reception = owner.post("/api/receptions", json={
        "customer_id": customer["id"], "scheduled_at": (datetime.now(UTC) + timedelta(days=5)).isoformat(),
        "party_size": 2, "needs": "想看一克拉钻戒", "location": "总部", "hosts": ["李华"]}).json()

    exported = owner.get(f"/api/customers/{customer['id']}/export")
    assert exported.status_code == 200, exported.text
    services = exported.json()["services"]
    assert {name: part["status"] for name, part in services.items()} == {
        name: "ok" for name in SERVICES}
    assert visit["id"] in str(services["visits"]["data"]) and reception["id"] in str(services["reception"]["data"])
    assert as_user("dev2").get(f"/api/customers/{customer['id']}/export").status_code == 404
    assert analyst.get(f"/api/customers/{customer['id']}/export").status_code in (403, 404)

    assert owner.delete(f"/api/customers/{customer['id']}").status_code == 403
    assert manager.delete(f"/api/customers/{customer['id']}").status_code in (200, 204)

    erased = manager.get(f"/api/customers/{customer['id']}").json()
    assert erased["erased"] is True and erased["phone"] is None and erased["name"] != "端木蓉"
    testing.wait_until(lambda: manager.get(f"/api/visits/{visit['id']}").json()["place"] is None, timeout=20,
                       message="visits to erase the place")
    testing.wait_until(lambda: not manager.get(f"/api/receptions/{reception['id']}").json()["needs"], timeout=20,
                       message="reception to erase the needs")
    assert manager.get(f"/api/visits/{visit['id']}").json()["status"] == "draft"  # the anonymous facts stay
