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
