"""A large file is imported in the background: the upload answers at once with its job, the job tells
how far it is, and once done it names each rejected row with why."""
import time

from kam import testing
from tests.system import unique_phone


def test_a_large_import_runs_as_a_background_job_with_progress(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    counted = manager.get("/api/analytics/overview").json()["customers"]
    phones = [unique_phone() for _ in range(1200)]
    lines = ["姓名,手机,来源"] + [f"导入客户{i},{phone},朋友" for i, phone in enumerate(phones)]
    lines[600] = "重复客户," + phones[10] + ",朋友"  # the file's own row 601 repeats row 12's phone
    lines[900] = ",13000000000,朋友"  # no name
    queued = developer.post("/api/customers/imports",
                            files={"file": ("大批客户.csv", "\n".join(lines).encode(), "text/csv")})
    assert queued.status_code == 202, queued.text
    job = queued.json()
    assert job["status"] in ("queued", "running") and job["filename"] == "大批客户.csv"

    seen, deadline = set(), time.monotonic() + 60
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.2)
        job = developer.get(f"/api/customers/imports/{job['id']}").json()
        seen.add((job["status"], job["done"]))
    assert job["status"] == "done", job
    assert (job["total"], job["done"], job["imported"], job["rejected"]) == (1200, 1200, 1198, 2)
    rejected = {row["row"]: row for row in job["rejected_rows"]}
    assert set(rejected) == {601, 901}
    assert rejected[601]["errors"] == {"phone": ["手机号已登记（重复）"]} and rejected[601]["customer_id"]
    assert "name" in rejected[901]["errors"]
    assert developer.get("/api/customers", params={"q": phones[-1][-4:]}).status_code == 200
    assert job["id"] in [item["id"] for item in developer.get("/api/customers/imports").json()["items"]]
    testing.wait_until(lambda: manager.get("/api/analytics/overview").json()["customers"] >= counted + 1198,
                       timeout=90, message="analytics to count the imported customers (their events, once each)")


def test_only_its_uploader_and_managers_see_an_import_job(as_user):
    job = as_user("dev1").post("/api/customers/imports",
                               files={"file": ("客户.csv", f"姓名,手机\n许仙,{unique_phone()}\n".encode(), "text/csv")}).json()
    assert as_user("dev2").get(f"/api/customers/imports/{job['id']}").status_code == 404
    assert as_user("manager").get(f"/api/customers/imports/{job['id']}").status_code == 200
    refused = as_user("coordinator").post("/api/customers/imports",
                                          files={"file": ("客户.csv", "姓名\n白素贞\n".encode(), "text/csv")})
    assert refused.status_code == 403
    wrong = as_user("dev1").post("/api/customers/imports", files={"file": ("客户.txt", b"x", "text/plain")})
    assert wrong.status_code == 422 and "file" in wrong.json()["errors"]
