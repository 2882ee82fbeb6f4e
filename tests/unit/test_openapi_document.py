"""The OpenAPI document is one that tools can read: schemathesis refuses a schema whose bounds are not numbers."""
import re
from pathlib import Path

import pytest

from gateway.app import create_app
from kam.config import Settings

BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


@pytest.fixture(scope="module")
def openapi(tmp_path_factory):
    app = create_app(Settings(data_dir=Path(tmp_path_factory.mktemp("gateway"))))
    return app.test_client().get("/api/openapi.json").get_json()


def schemas_in(node, where="#"):
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from schemas_in(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schemas_in(value, f"{where}/{index}")


def test_every_bound_in_the_openapi_document_is_a_number(openapi):
    wrong = [f"{where}/{bound}: {schema[bound]!r}" for where, schema in schemas_in(openapi) for bound in BOUNDS
             if bound in schema and not isinstance(schema[bound], int | float)]
    assert wrong == []


def test_a_decimal_taken_as_a_number_keeps_its_bounds_as_numbers(openapi):
    agree = openapi["components"]["schemas"]
    rates = [schema["properties"]["commission_rate"] for schema in agree.values()
             if "commission_rate" in schema.get("properties", {}) and schema["properties"]["commission_rate"].get("type") == "number"]
    assert rates and all(rate["minimum"] == 0 and rate["maximum"] == 1 for rate in rates)


def test_every_link_leads_to_an_operation_with_the_parameters_it_fills(openapi):
    links = [(where, link) for where, schema in schemas_in(openapi["paths"]) if "links" in schema and "content" in schema
             for link in schema["links"].values()]
    assert links, "no links at all"
    for where, link in links:
        _, _, path, method = link["operationRef"].split("/")
        operation = openapi["paths"][path.replace("~1", "/")][method]
        takes = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "path"}
        takes |= set(re.findall(r"{(\w+)}", path.replace("~1", "/")))
        assert set(link["parameters"]) <= takes, where


def test_an_invitations_id_leads_to_its_rsvp_and_its_check_in(openapi):
    guest_list = openapi["paths"]["/api/events/{event_id}/invitations"]["get"]["responses"]["200"]["links"]
    rsvp = openapi["paths"]["/api/invitations/{invitation_id}/rsvp"]["post"]["responses"]["200"]["links"]
    assert {link["operationRef"].rsplit("~1", 1)[1] for link in guest_list.values()} == {"rsvp/post", "check-in/post"}
    assert rsvp["check_in"]["parameters"] == {"invitation_id": "$response.body#/id"}
