"""The gateway's app factory: one door for every client."""
import logging
import time
import uuid

import flask_smorest
import swagger_ui_bundle
from apispec.ext.marshmallow import MarshmallowPlugin, resolver
from flask import Flask, g, request, send_from_directory
from flask_smorest import abort
from werkzeug.middleware.proxy_fix import ProxyFix

from gateway import auth, errors, health, metrics, openapi, people, vocabularies
from gateway.console import areas as console_areas
from gateway.console import blp as console
from gateway.rpc import RpcPool, release_request_proxy
from gateway.sessions import SessionStore
from gateway.users import UserStore
from kam.config import get_settings
from kam.direct import DirectClient
from kam.i18n import Catalog
from kam.local import LocalCalls
from kam.logs import request_id_var
from kam.plugins import discover
from kam.web import running_service

MAX_ADDRESS = 8192  # a request line's path and query, as nginx's and gunicorn's defaults allow

log = logging.getLogger("kam.gateway")


class Api(flask_smorest.Api):
    ERROR_SCHEMA = openapi.Problem

    def handle_http_exception(self, error):
        return errors.from_http(error)

    def _register_responses(self):
        openapi.register_problem_responses(self)


def create_app(settings=None, plugins=None):
    settings = settings or get_settings()
    plugins = discover() if plugins is None else plugins
    app = Flask(__name__, static_folder=None)
    app.config.update(
        API_TITLE="KAM 大客户管理系统 API", API_VERSION="1", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api", OPENAPI_JSON_PATH="openapi.json", OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="/api/docs/assets/",
        MAX_CONTENT_LENGTH=20 * 1024 * 1024,
    )
    app.json.ensure_ascii = False
    app.extensions["kam.settings"] = settings
    app.extensions["kam.plugins"] = plugins
    app.extensions["kam.users"] = UserStore(settings)
    app.extensions["kam.sessions"] = SessionStore(app.extensions["kam.users"].engine, settings)
    app.extensions["kam.rpc"] = RpcPool(settings)
    app.extensions["kam.direct"] = DirectClient(settings, plugins) if settings.direct_port_base else None
    app.extensions["kam.local"] = LocalCalls(settings, plugins, running_service) if settings.local_calls else None
    app.extensions["kam.vocabularies"] = vocabularies.build(plugins)
    app.extensions["kam.console_areas"] = console_areas.build(plugins)
    app.extensions["kam.catalog"] = Catalog(*(plugin.load_messages() for plugin in plugins.values()))
    app.extensions["kam.health_rpc"] = RpcPool(settings, timeout=settings.health_timeout, size=len(plugins) + 2)

    marshmallow_plugin = MarshmallowPlugin(schema_name_resolver=schema_name)
    api = Api(app, spec_kwargs={"marshmallow_plugin": marshmallow_plugin})
    marshmallow_plugin.converter.add_attribute_function(openapi.decimal_as_text)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"})
    api.spec.options["security"] = [{"bearer": []}]
    for blueprint in (health.blp, auth.blp, people.blp, metrics.blp, vocabularies.blp):
        api.register_blueprint(blueprint)
    for plugin in plugins.values():
        blueprint = plugin.load_blueprint()
        if blueprint is not None:
            api.register_blueprint(blueprint)

    app.add_url_rule("/api/docs/assets/<path:filename>", "swagger_ui_assets", _swagger_ui_asset)
    app.register_blueprint(console)
    errors.register(app)
    app.before_request(_start_request)
    app.before_request(_refuse_long_addresses)
    app.before_request(auth.authenticate_request)
    app.after_request(_log_request)
    app.teardown_request(release_request_proxy)
    trust_proxies(app, settings.proxy_hops)
    return app


def trust_proxies(app, hops):
    """Behind `hops` reverse proxies (KAM_PROXY_HOPS), the client's address and scheme are what the nearest
    ones forwarded; with none, X-Forwarded-* headers are the client's own claims and are ignored."""
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def schema_name(schema):
    """OpenAPI component names qualified by service (`visits.RejectIn`), since each service names its own."""
    cls = schema if isinstance(schema, type) else type(schema)
    name = resolver(cls)
    parts = cls.__module__.split(".")
    return f"{parts[1]}.{name}" if parts[0] == "services" and len(parts) > 1 else name


def _swagger_ui_asset(filename):
    """Swagger UI served from the swagger-ui-bundle package: the docs work offline."""
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)


def _start_request():
    g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
    g.started = time.perf_counter()
    request_id_var.set(g.request_id)


def _refuse_long_addresses():
    """gunicorn's own limit answered in HTML; the gateway answers a problem (gateway/cli.py lifts gunicorn's)."""
    if len(request.environ.get("RAW_URI") or request.full_path) > MAX_ADDRESS:
        abort(414, message="请求地址过长 the request's address is too long")


def _log_request(response):
    response.headers["X-Request-ID"] = g.get("request_id", "")
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    metrics.count_request(request.method, response.status_code, elapsed)
    log.info("%s %s %s", request.method, request.path, response.status_code, extra={
        "method": request.method, "path": request.path, "status": response.status_code,
        "duration_ms": round(elapsed * 1000, 1),
        "user_id": (g.get("identity") or {}).get("user_id")})
    return response
