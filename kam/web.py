"""What a service's `api.py` needs from the gateway it runs in: a blueprint and the caller's RPC."""
import functools

import flask_smorest
from flask import Response, current_app, g, jsonify
from flask_smorest import abort
from flask_smorest.utils import unpack_tuple_response
from webargs.flaskparser import FlaskParser


class BodyParser(FlaskParser):
    """No body where one is expected is a malformed request (400), not a list of missing fields; a body
    whose every field is optional (an approval with an optional amount) may be left out."""

    def load_json(self, req, schema):
        if not req.get_data(cache=True).strip():
            if any(field.required for field in schema.fields.values()):
                abort(400, message="a JSON body is required")
            return {}
        return super().load_json(req, schema)


class Blueprint(flask_smorest.Blueprint):
    """A blueprint whose request bodies follow BodyParser. With `replies_dumped=True` (a service's
    routes), a response schema documents the body but does not dump it again: the service has already
    dumped its reply with that very schema (kam.usecase), so the gateway sends it as it came."""

    ARGUMENTS_PARSER = BodyParser()

    def __init__(self, *args, replies_dumped=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.replies_dumped = replies_dumped

    def response(self, status_code, schema=None, **kwargs):
        document = super().response(status_code, schema, **kwargs)
        if not self.replies_dumped or schema is None:
            return document

        def decorator(func):
            @functools.wraps(func)
            def as_dumped(*args, **view_kwargs):
                result = func(*args, **view_kwargs)
                if isinstance(result, Response):
                    return result
                body, status, headers = unpack_tuple_response(result)
                response = jsonify(body)
                response.status_code = status or status_code
                response.headers.update(headers or {})
                return response

            return document(as_dumped)

        return decorator


def file_responses(*content_types, description="the file, as an attachment", json=None):
    """The OpenAPI of a route that sends a file (`@blp.doc(responses=file_responses(XLSX, CSV))`), or JSON
    of the schema `json` otherwise: what it documents is what schemathesis and clients hold it to."""
    content = dict.fromkeys(content_types, {"schema": {"type": "string", "format": "binary"}})
    if json is not None:
        content["application/json"] = {"schema": json}
    return {"200": {"description": description, "content": content}}


def rpc(service_name):
    """The proxy of `service_name`, carrying the caller's identity and request id: the use case run in this
    process when the gateway hosts it (kam.local), else a direct call over HTTP when the services listen for
    them (kam.direct), RPC over RabbitMQ otherwise."""
    identity = {**(g.get("identity") or {}), "request_id": g.get("request_id")}
    local = current_app.extensions.get("kam.local")
    if local is not None:
        return local.service(service_name, identity)
    return running_service(service_name, identity)


def running_service(service_name, identity):
    """The proxy of the service's own processes: direct calls when they listen for them, RPC otherwise."""
    direct = current_app.extensions.get("kam.direct")
    if direct is not None:
        return direct.service(service_name, identity)
    return current_app.extensions["kam.rpc"].proxy_for_request()[service_name]


def colleagues():
    """{user id: {"role", "display_name", "disabled"}} of everyone: the facts a service decides on when work
    passes from one user to another (the gateway owns users, the service owns the rule)."""
    return {user.id: {"role": user.role, "display_name": user.display_name, "disabled": user.disabled}
            for user in current_app.extensions["kam.users"].all()}


def display_names():
    """{user id: display name} of everyone, for showing people in responses (the gateway owns users)."""
    return {user.id: user.display_name for user in current_app.extensions["kam.users"].all()}
