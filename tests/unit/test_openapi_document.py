"""The OpenAPI document is one that tools can read: schemathesis refuses a schema whose bounds are not numbers."""
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
