"""Every code the API accepts has a label in zh-CN and in English, served by GET /api/vocabularies."""
from pathlib import Path

import pytest

from gateway.app import create_app
from gateway.models import metadata
from kam.config import Settings
from kam.plugins import discover
from kam.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("gateway")))
    app = create_app(settings)
    users = app.extensions["kam.users"]
    metadata.create_all(users.engine)  # a throwaway gateway database for this test
    users.add("lihua", "password-1", "developer", "李华")
    client = app.test_client()
    token = client.post("/api/auth/token", json={"username": "lihua", "password": "password-1"}).get_json()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token['access_token']}"
    return client


def enums(node):
    if isinstance(node, dict):
        if "enum" in node:
            yield tuple(code for code in node["enum"] if code is not None)
        for value in node.values():
            yield from enums(value)
    elif isinstance(node, list):
        for value in node:
            yield from enums(value)


def test_every_code_the_api_accepts_has_a_label_in_both_languages(client):
    served = client.get("/api/vocabularies").get_json()
    lists = [{term["code"] for term in terms if term["label"]["zh-CN"] and term["label"]["en"]}
             for terms in served.values()]
    unlabelled = sorted({codes for codes in enums(client.get("/api/openapi.json").get_json())
                         if not any(set(codes) <= labelled for labelled in lists)})
    assert unlabelled == []


def test_every_event_type_a_service_publishes_has_a_label_for_the_timeline(client):
    labelled = {term["code"] for term in client.get("/api/vocabularies").get_json()["event_types"]}
    published = {event_type for plugin in discover().values() for event_type in plugin.published()}
    assert sorted(published - labelled) == []


def test_vocabularies_are_served_as_code_and_labels(client):
    categories = client.get("/api/vocabularies").get_json()["customer_categories"]
    assert categories[0] == {"code": "important",
                             "label": {"zh-CN": "重要客户", "en": "Important (party, government, military)"}}


def test_a_code_without_both_labels_stops_the_import():
    with pytest.raises(ValueError, match="without both labels"):
        Vocabulary("x", ("a", "b"), {"a": ("甲", "A"), "b": ("乙", "")})
