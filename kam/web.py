"""What a service's `api.py` needs from the gateway it runs in: a blueprint and the caller's RPC."""
import flask_smorest
from flask import current_app
from flask_smorest import abort
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
    ARGUMENTS_PARSER = BodyParser()


def rpc(service_name):
    """The RPC proxy of `service_name`, carrying the caller's identity and request id."""
    return current_app.extensions["kam.rpc"].proxy_for_request()[service_name]


def display_names():
    """{user id: display name} of everyone, for showing people in responses (the gateway owns users)."""
    return {user.id: user.display_name for user in current_app.extensions["kam.users"].all()}
