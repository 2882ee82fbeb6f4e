"""GET /api/health: every service pinged at once, each within the health timeout."""
from concurrent.futures import ThreadPoolExecutor

from flask import current_app, jsonify

from kam.web import Blueprint

blp = Blueprint("health", __name__, url_prefix="/api", description="健康检查 Health")


def _ping(pool, name):
    try:
        proxy = pool.checkout()
    except Exception:  # noqa: BLE001 - no broker: every service is unavailable
        return name, None
    broken = False
    try:
        return name, proxy.use_context({})[name].health()
    except Exception:  # noqa: BLE001 - any failure to answer is "unavailable"
        broken = True
        return name, None
    finally:
        pool.checkin(proxy, broken=broken)


@blp.route("/health", methods=["GET"])
def health():
    """200 when every service answers, 503 with the same body when one does not."""
    pool = current_app.extensions["kam.health_rpc"]
    names = list(current_app.extensions["kam.plugins"])
    with ThreadPoolExecutor(max_workers=max(len(names), 1)) as executor:
        answers = dict(executor.map(lambda name: _ping(pool, name), names))
    services = {name: "ok" if answer else "unavailable" for name, answer in answers.items()}
    failed = {name: answer["failed_events"] for name, answer in answers.items() if answer}
    healthy = all(value == "ok" for value in services.values())
    body = {"status": "ok" if healthy else "unavailable", "services": services, "failed_events": failed}
    return jsonify(body), 200 if healthy else 503
