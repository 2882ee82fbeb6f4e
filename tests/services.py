"""The services this distribution declares (pyproject.toml's `kam.services` entry points): tests that name
every service take them from here, so a new plugin needs no test changed."""
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
SERVICES = tuple(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["entry-points"]["kam.services"])
