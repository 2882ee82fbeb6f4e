"""Shared by every level: figures that tests report, printed at the end of the run."""
import json
from pathlib import Path

import pytest

FIGURES_FILE = Path("build/test-figures.json")


@pytest.fixture(scope="session")
def figures(request):
    """Tests append dicts of what they measured; they are printed and saved in build/."""
    collected = request.config.stash.setdefault(_FIGURES, [])
    return collected


_FIGURES = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, config):
    collected = config.stash.get(_FIGURES, [])
    if not collected:
        return
    terminalreporter.section("KAM figures")
    for row in collected:
        terminalreporter.write_line(json.dumps(row, ensure_ascii=False))
    FIGURES_FILE.parent.mkdir(exist_ok=True)
    existing = json.loads(FIGURES_FILE.read_text()) if FIGURES_FILE.exists() else []
    FIGURES_FILE.write_text(json.dumps(existing + collected, ensure_ascii=False, indent=1))
