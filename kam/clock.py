"""Time for business decisions. Production reads the system clock; tests can set the time with a file
(`KAM_CLOCK_FILE` holding an ISO 8601 instant) so that every process agrees, and nothing sleeps."""
import os
from datetime import UTC, datetime
from pathlib import Path

from nameko.extensions import DependencyProvider


class SystemClock:
    def now(self):
        return datetime.now(UTC)


class FileClock:
    def __init__(self, path):
        self.path = Path(path)

    def now(self):
        text = self.path.read_text().strip() if self.path.exists() else ""
        return datetime.fromisoformat(text) if text else datetime.now(UTC)

    def set(self, instant):
        self.path.write_text(instant.isoformat())


def clock_from_env(env=None):
    path = (os.environ if env is None else env).get("KAM_CLOCK_FILE")
    return FileClock(path) if path else SystemClock()


def clock_of(settings):
    """The clock of a process with these settings: the tests' file when they name one, the system's otherwise."""
    return FileClock(settings.clock_file) if settings and settings.clock_file else clock_from_env()


class Clock(DependencyProvider):
    """`clock = Clock()` in a service; `self.clock.now()` in a worker."""

    def setup(self):
        self.clock = self.container.config.get("KAM_CLOCK") or clock_of(self.container.config.get("KAM_SETTINGS"))

    def get_dependency(self, worker_ctx):
        return self.clock
