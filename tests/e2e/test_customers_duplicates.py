"""A person is entered once, over HTTP: 409 `duplicate_customer`, naming the customer only to who may see it."""
from tests.system import unique_phone


def test_the_duplicate_names_the_existing_customer_only_to_who_may_see_it(as_user):
    owner, other, manager = as_user("dev1"), as_user("dev2"), as_user("manager")
    phone = unique_phone()
    first = owner.post("/api/customers", json={"name": "慕容雪", "phone": phone}).json()
    spaced = f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}"

    mine = owner.post("/api/customers", json={"name": "慕容雪儿", "phone": spaced})
    assert mine.status_code == 409 and mine.headers["Content-Type"].startswith("application/problem+json")
    assert mine.json()["code"] == "duplicate_customer" and "phone" in mine.json()["errors"]
    assert (mine.json()["existing_customer_id"], mine.json()["existing_customer_name"]) == (first["id"], "慕容雪")
    assert manager.post("/api/customers", json={"name": "慕容", "phone": phone}).json()["existing_customer_id"] == first["id"]

    theirs = other.post("/api/customers", json={"name": "慕容雪儿", "phone": phone})
    assert theirs.status_code == 409 and theirs.json()["code"] == "duplicate_customer"
    assert "existing_customer_id" not in theirs.json() and "慕容雪" not in theirs.text
    assert "转给您" in theirs.json()["detail"]

    second = other.post("/api/customers", json={"name": "上官燕", "wechat": f"wx-{phone}"}).json()
    patched = other.patch(f"/api/customers/{second['id']}", json={"phone": phone})
    assert patched.status_code == 409 and "existing_customer_id" not in patched.json()
    taken = owner.post("/api/customers", json={"name": "上官燕燕", "wechat": f"WX-{phone} "})
    assert taken.status_code == 409 and set(taken.json()["errors"]) == {"wechat"}
