"""Every message the server can say has zh-CN text: each English message id found at a raise or
validation site in kam/, gateway/ and every service is in the catalog (kam.i18n, the plugins' messages)."""
import ast
from pathlib import Path

import pytest

from kam.i18n import Catalog
from kam.plugins import discover

ROOT = Path(__file__).parents[2]
RAISERS = {"Conflict", "Invalid", "NotFound", "Forbidden", "InvalidTransition", "ServiceUnavailable", "KamError",
           "ValidationError", "abort"}
CATALOG = Catalog(*(plugin.load_messages() for plugin in discover().values()))


def template(node):
    """The message id of a literal or an f-string: `f"no such {what}"` is "no such {what}"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
                       for part in node.values)
    return None


def messages_in(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in RAISERS:
            candidates = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in ("message", "detail")]
            for keyword in node.keywords:
                if keyword.arg == "errors" and isinstance(keyword.value, ast.Dict):
                    for value in keyword.value.values:
                        candidates += value.elts if isinstance(value, ast.List) else [value]
        else:
            candidates = [k.value for k in node.keywords if k.arg == "error"]
        for candidate in candidates:
            text = template(candidate)
            if text and text.strip():
                yield text


def sources():
    for folder in ("kam", "gateway", "services"):
        yield from sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", [p for p in sources() if "migrations" not in p.parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_server_message_has_zh_cn_text(path):
    untranslated = [text for text in messages_in(path) if CATALOG.zh(text) == text and not _is_chinese(text)]
    assert untranslated == [], f"add zh-CN text for these to the service's messages module: {untranslated}"


def _is_chinese(text):
    return any("\u4e00" <= char <= "\u9fff" for char in text)
