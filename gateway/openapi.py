"""What the OpenAPI document says must be what the gateway sends (schemathesis holds it to that): errors
are application/problem+json, and a Decimal sent as text is a string."""
import http
from decimal import Decimal

from flask_smorest.spec import prepare_response
from marshmallow import Schema, fields

PROBLEM = "application/problem+json"
DECIMAL_TEXT = r"^-?[0-9]+(\.[0-9]+)?$"


class Problem(Schema):
    """RFC 9457 problem details, as gateway/errors.py writes them."""

    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    code = fields.String()
    errors = fields.Dict()
    # extension members a service adds (RFC 9457 §3.2): 409 duplicate_customer, and a hospitality cap
    existing_customer_id = fields.String()
    existing_customer_name = fields.String()
    kind = fields.String()
    amount = fields.String()
    cap = fields.String()
    category = fields.String(allow_none=True)


def register_problem_responses(api):
    """flask-smorest's error responses (one per status and DEFAULT_ERROR, on every operation), as problems."""
    for status in http.HTTPStatus:
        response = {"description": status.phrase}
        if not (100 <= status < 200) and status not in (204, 304):
            response["schema"] = Problem
        prepare_response(response, api.spec, PROBLEM)
        api.spec.components.response(status.name, response, lazy=True)
    response = {"description": "A problem (application/problem+json)", "schema": Problem}
    prepare_response(response, api.spec, PROBLEM)
    api.spec.components.response(api.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def decimal_as_text(self, field, ret, **kwargs):
    """apispec calls a Decimal a number and writes its bounds as Decimals, which go out as text ("0.00"). A Decimal
    dumped as a string is a string, its bounds kept as extensions; a Decimal sent as a number keeps its
    bounds, as the numbers JSON Schema wants."""
    if not isinstance(field, fields.Decimal):
        return {}
    if not field.as_string:
        for bound in BOUNDS:
            if isinstance(ret.get(bound), Decimal | str):
                ret[bound] = as_number(ret[bound])
        return {}
    for bound in BOUNDS:
        if bound in ret:
            ret[f"x-{bound}"] = ret.pop(bound)
    return {"type": "string", "format": "decimal", "pattern": DECIMAL_TEXT}


def as_number(text):
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)
