"""The console reads its code lists in one module: js/vocab.js fetches GET /api/vocabularies once after login
and gives every screen its labels and options; no other module fetches or reads the lists itself."""
import re
from pathlib import Path

JS = Path(__file__).parents[2] / "gateway" / "console" / "static" / "js"
THE_MODULE = JS / "vocab.js"


def modules():
    return sorted(path for path in JS.rglob("*.js") if path != THE_MODULE)


FETCH = re.compile(r"[\"'`]/api/vocabularies")  # the path as a string in code, not in a comment


def test_only_vocab_js_fetches_the_vocabularies():
    assert FETCH.search(THE_MODULE.read_text())
    fetching = [str(path.relative_to(JS)) for path in modules() if FETCH.search(path.read_text())]
    assert fetching == []


def test_no_screen_picks_a_label_out_of_a_term_itself():
    # a term's label in the caller's language is chosen in vocab.js alone (`term.label["zh-CN"]` elsewhere is a copy)
    picking = [str(path.relative_to(JS)) for path in modules()
               if re.search(r"label\s*(\[\s*[\"']zh-CN[\"']\s*\]|\.en\b|\[\s*currentLanguage\(\)\s*\])", path.read_text())]
    assert picking == []
