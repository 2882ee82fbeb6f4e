"""GET /api/metrics: Prometheus text for operators: requests by status, and events parked per service."""
import threading
from collections import Counter

from flask import Response, current_app

from gateway.auth import require_role
from gateway.health import ping_all
from kam.web import Blueprint

blp = Blueprint("metrics", __name__, url_prefix="/api", description="运行指标 Metrics")
_lock = threading.Lock()
_requests = Counter()
_durations = Counter()


def count_request(method, status, seconds):
    with _lock:
        _requests[(method, status)] += 1
        _durations[method] += seconds


@blp.route("/metrics", methods=["GET"])
@blp.doc(responses={200: {"description": "Prometheus text exposition (this gateway process)"}})
def metrics():
    """Requests served by this gateway process, and each service's parked (failed) events."""
    require_role("admin", "manager", "analyst")
    answers = ping_all(current_app.extensions["kam.health_rpc"], list(current_app.extensions["kam.plugins"]))
    lines = ["# HELP kam_failed_events Events parked after their handler failed, not yet replayed.",
             "# TYPE kam_failed_events gauge"]
    lines += [f'kam_failed_events{{service="{name}"}} {answer["failed_events"]}'
              for name, answer in sorted(answers.items()) if answer]
    lines += ["# HELP kam_service_up 1 when the service answered its health check.", "# TYPE kam_service_up gauge"]
    lines += [f'kam_service_up{{service="{name}"}} {int(bool(answer))}' for name, answer in sorted(answers.items())]
    lines += ["# HELP kam_http_requests_total Requests served by this gateway process.",
              "# TYPE kam_http_requests_total counter"]
    with _lock:
        lines += [f'kam_http_requests_total{{method="{method}",status="{status}"}} {count}'
                  for (method, status), count in sorted(_requests.items())]
        lines += ["# TYPE kam_http_request_seconds_total counter"]
        lines += [f'kam_http_request_seconds_total{{method="{method}"}} {seconds:.3f}'
                  for method, seconds in sorted(_durations.items())]
    return Response("\n".join(lines) + "\n", mimetype="text/plain; version=0.0.4")
