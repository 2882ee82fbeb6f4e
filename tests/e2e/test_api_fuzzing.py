"""schemathesis over /api/openapi.json against the running system, as a developer and as a manager: no
server error, and every response as documented (its status code, content type and schema)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system import login

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
SECONDS_PER_ROLE = int(os.environ.get("KAM_FUZZ_SECONDS", "30"))
EXAMPLES = int(os.environ.get("KAM_FUZZ_EXAMPLES", "4"))
REPORTS = Path("build/schemathesis")


@pytest.mark.parametrize("username", ["dev1", "manager"])
def test_the_api_answers_every_generated_request_as_its_openapi_document_says(system, figures, username):
    token = login(system.base_url, username).session.headers["Authorization"]
    report = REPORTS / f"{username}.json"
    REPORTS.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([
        sys.executable, "-m", "schemathesis.cli", "run", f"{system.base_url}/api/openapi.json",
        "--header", f"Authorization: {token}",
        # its own address: the failed logins it tries slow down only its own (KAM_PROXY_HOPS=1 in the system)
        "--header", f"X-Forwarded-For: 10.99.0.{1 if username == 'dev1' else 2}",
        "--exclude-path", "/api/auth/logout",  # it would end the session the run is testing with
        "--phases", "examples,coverage,fuzzing", "--checks", CHECKS,
        "--max-examples", str(EXAMPLES), "--max-time", str(SECONDS_PER_ROLE), "--seed", "18",
        "--no-shrink", "--generation-database", "none", "--workers", "1",  # two raced in hypothesis (a RuntimeError of the tool)
        "--request-timeout", "15", "--continue-on-failure",
        "--report", "json", "--report-json-path", str(report), "--no-color",
    ], capture_output=True, text=True, timeout=SECONDS_PER_ROLE * 3 + 60)
    (REPORTS / f"{username}.log").write_text(run.stdout + run.stderr)
    summary = summarize(json.loads(report.read_text()) if report.exists() else {}, run.stdout)
    figures.append({"schemathesis": username, **summary})
    print(json.dumps({"schemathesis": username, **summary}, ensure_ascii=False))
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def summarize(report, output):
    """Operations tested, examples sent, failures: from the JSON run report (the CLI's text if it has none)."""
    if not report:
        return {"output": output[-1500:]}
    return {"operations_tested": report["operations"]["tested"], "examples_sent": report["test_cases"]["generated"],
            "failures": report["test_cases"]["unique_failures"], "seconds": round(report["running_time"], 1),
            "found": [f"{failure['code']} {failure['title']}: {', '.join(failure['operations'][:5])}"
                      for failure in report["failures"]]}
