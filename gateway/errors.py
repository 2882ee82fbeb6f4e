"""Every error leaves the gateway as application/problem+json; remote errors map in one table."""
import logging

from flask import current_app, has_app_context, has_request_context, jsonify, request
from kombu.exceptions import OperationalError
from nameko.exceptions import MethodNotFound, RemoteError, RpcTimeout, UnknownService
from werkzeug.exceptions import HTTPException

from kam.errors import (
    Conflict,
    Forbidden,
    Invalid,
    InvalidTransition,
    NotFound,
    ServiceUnavailable,
    UnsupportedMedia,
)
from kam.i18n import DEFAULT_LANGUAGE, Catalog, language_of

log = logging.getLogger(__name__)

REMOTE_ERRORS = {  # most specific first
    UnsupportedMedia: (415, "Unsupported Media Type"),
    InvalidTransition: (409, "Invalid transition"),
    Conflict: (409, "Conflict"),
    NotFound: (404, "Not found"),
    Forbidden: (403, "Forbidden"),
    Invalid: (422, "Unprocessable entity"),
    ServiceUnavailable: (503, "Service unavailable"),
}
UNAVAILABLE = (RpcTimeout, UnknownService, MethodNotFound, OperationalError, ConnectionError, OSError)
DEFAULT_CODES = {400: "malformed_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 409: "conflict", 422: "validation_failed",
                 429: "too_many_attempts", 500: "internal_error", 503: "service_unavailable"}


def problem(status, title, detail="", code=None, errors=None, headers=None, extra=None):
    """The problem in the caller's language (Accept-Language, zh-CN by default); `code` never changes.
    `extra` members (a service's facts about the problem, e.g. `existing_customer_id`) go in untranslated."""
    catalog, language = _language()
    body = {**(extra or {}), "type": "about:blank", "title": catalog.translate(title, language), "status": status,
            "detail": catalog.translate(detail, language), "code": code or DEFAULT_CODES.get(status, "error")}
    if errors:
        body["errors"] = catalog.translate(errors, language)
    response = jsonify(body)
    response.status_code = status
    response.content_type = "application/problem+json"
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


_PLATFORM_CATALOG = Catalog()


def _language():
    catalog = (current_app.extensions.get("kam.catalog") if has_app_context() else None) or _PLATFORM_CATALOG
    if not has_request_context():
        return catalog, DEFAULT_LANGUAGE
    return catalog, language_of(request.headers.get("Accept-Language"))


def from_remote(error):
    for kind, (status, title) in REMOTE_ERRORS.items():
        if isinstance(error, kind):
            return problem(status, title, error.detail, error.error_code, error.errors or None,
                           extra=error.extra or None)
    raise LookupError(type(error))


def from_http(error):
    data = getattr(error, "data", None) or {}
    errors = _flatten(data.get("messages")) if data.get("messages") else None
    detail = data.get("message") or error.description or ""
    if errors and error.code == 422:
        detail = "some fields are invalid"
    return problem(error.code, error.name, detail, data.get("code"), errors, data.get("headers"))


def _flatten(messages):
    """webargs nests messages by location ({"json": {field: [...]}}); clients want {field: [...]}."""
    flat = {}
    for location_messages in messages.values():
        if isinstance(location_messages, dict):
            flat.update(location_messages)
        else:
            flat.setdefault("_body", []).extend(location_messages)
    return flat


def register(app):
    for kind in REMOTE_ERRORS:
        app.register_error_handler(kind, from_remote)

    @app.errorhandler(HTTPException)
    def http_error(error):
        return from_http(error)

    @app.errorhandler(RemoteError)
    def remote_error(error):
        log.error("unexpected error in a service: %s", error)
        return problem(500, "Internal error", "the service failed; the error has been logged")

    for kind in UNAVAILABLE:
        app.register_error_handler(kind, service_unavailable)


def service_unavailable(error):
    from gateway.rpc import mark_broken

    mark_broken(error)
    log.warning("service unavailable: %r", error)
    return problem(503, "Service unavailable", "a service did not answer in time; try again shortly",
                   "service_unavailable", headers={"Retry-After": "5"})
