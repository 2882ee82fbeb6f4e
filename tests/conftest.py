"""Shared by every level: figures that tests report, and the running system for e2e and browser tests
(session fixtures: started only by the tests that use them)."""
import json
from pathlib import Path

import pytest

from tests.system import Api, System, login

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


@pytest.fixture(scope="session")
def system(tmp_path_factory):
    running = System(tmp_path_factory.mktemp("e2e"))
    try:
        running.up()
        yield running
    finally:
        running.down()


@pytest.fixture(scope="session")
def as_user(system):
    tokens = {}

    def client(username):
        if username not in tokens:
            tokens[username] = login(system.base_url, username)
        return tokens[username]

    return client


@pytest.fixture
def clock(system):
    """The services' clock (kam.clock.FileClock): set it to an instant; it goes back to real time after."""
    from kam.clock import FileClock

    shared = FileClock(system.settings.clock_file)
    yield shared
    shared.path.write_text("")


@pytest.fixture
def anonymous(system):
    return Api(system.base_url)
