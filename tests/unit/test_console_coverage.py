"""Every mutating route of the API is reached from the console, or docs/CONSOLE.md says why it is API-only."""
import re
from pathlib import Path

import pytest

from gateway.app import create_app
from kam.config import Settings

CONSOLE_MD = Path(__file__).parents[2] / "docs" / "CONSOLE.md"
MUTATING = ("post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def openapi(tmp_path_factory):
    app = create_app(Settings(data_dir=Path(tmp_path_factory.mktemp("gateway"))))
    return app.test_client().get("/api/openapi.json").get_json()


def documented_routes():
    return set(re.findall(r"^\| `(POST|PUT|PATCH|DELETE) (/api/[^`]+)` \|", CONSOLE_MD.read_text(), re.MULTILINE))


def test_every_mutating_route_is_in_the_console_table(openapi):
    routes = {(method.upper(), path) for path, operations in openapi["paths"].items()
              for method in operations if method in MUTATING}
    missing = sorted(f"{method} {path}" for method, path in routes - documented_routes())
    assert not missing, f"add these to docs/CONSOLE.md (a screen, or API-only with a reason): {missing}"


def test_the_table_names_no_route_the_api_does_not_have(openapi):
    routes = {(method.upper(), path) for path, operations in openapi["paths"].items() for method in operations}
    assert not sorted(documented_routes() - routes)
