"""Where the classification rules live: the file shipped with the service, or KAM_CLASSIFICATION_RULES."""
import os
from pathlib import Path

import yaml

from services.customers.domain.classification import parse_rules

DEFAULT_RULES = Path(__file__).parent / "classification_rules.yaml"


def rules_path(env=None):
    return Path((os.environ if env is None else env).get("KAM_CLASSIFICATION_RULES") or DEFAULT_RULES)


def load_rules(path=None):
    with open(path or rules_path(), encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))


class CurrentRules:
    """The rules as the file says now, parsed once and again only when its modification time or size
    changes: the department may edit the file while the service runs, and reading it costs nothing
    between edits (one stat call)."""

    def __init__(self, path=None):
        self.path = path  # None: wherever KAM_CLASSIFICATION_RULES points now
        self._seen = None
        self._rules = None

    def get(self):
        path = Path(self.path or rules_path())
        stat = path.stat()
        seen = (str(path), stat.st_mtime_ns, stat.st_size)
        if seen != self._seen:
            self._rules, self._seen = load_rules(path), seen
        return self._rules
