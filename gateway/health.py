"""GET /api/health: every service pinged at once, each within the health timeout."""
from concurrent.futures import ThreadPoolExecutor

from flask import current_app, jsonify
from marshmallow import Schema, fields

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


def ping_all(pool, names):
    """{service: its health answer, or None if it did not answer in time}, asked all at once."""
    with ThreadPoolExecutor(max_workers=max(len(names), 1)) as executor:
        return dict(executor.map(lambda name: _ping(pool, name), names))


class HealthOut(Schema):
    status = fields.String(metadata={"description": "ok, or unavailable when a service did not answer"})
    services = fields.Dict(keys=fields.String(), values=fields.String(), metadata={"description": "ok or unavailable"})
    failed_events = fields.Dict(keys=fields.String(), values=fields.Integer(),
                                metadata={"description": "events parked per service that answered"})


@blp.route("/health", methods=["GET"])
@blp.response(200, HealthOut)
@blp.alt_response(503, schema=HealthOut, description="a service did not answer (the same body)")
def health():
    """200 when every service answers, 503 with the same body when one does not."""
    answers = ping_all(current_app.extensions["kam.health_rpc"], list(current_app.extensions["kam.plugins"]))
    services = {name: "ok" if answer else "unavailable" for name, answer in answers.items()}
    failed = {name: answer["failed_events"] for name, answer in answers.items() if answer}
    healthy = all(value == "ok" for value in services.values())
    body = {"status": "ok" if healthy else "unavailable", "services": services, "failed_events": failed}
    return jsonify(body), 200 if healthy else 503
