"""Whether a customer is a `potential` key account: weighted rules the department edits in a file."""
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from kam.errors import Invalid
from services.customers.domain.customer import holdings

OPERATORS = {
    "gte": lambda fact, value: fact is not None and Decimal(str(fact)) >= Decimal(str(value)),
    "lte": lambda fact, value: fact is not None and Decimal(str(fact)) <= Decimal(str(value)),
    "eq": lambda fact, value: fact == value,
    "in": lambda fact, value: fact in value,
    "known": lambda fact, value: (fact not in (None, "", [], {})) == bool(value),
}


@dataclass(frozen=True)
class Rule:
    id: str
    fact: str
    op: str
    value: object
    weight: int
    reason: str


@dataclass(frozen=True)
class Rules:
    threshold: int
    rules: tuple
    hash: str


def parse_rules(document):
    """Rules from the loaded YAML/JSON document; a malformed file is refused, never half-applied."""
    try:
        rules = tuple(Rule(id=str(item["id"]), fact=item["fact"], op=item["op"], value=item.get("value", True),
                           weight=int(item["weight"]), reason=str(item["reason"]))
                      for item in document["rules"])
        threshold = int(document["threshold"])
    except (KeyError, TypeError, ValueError) as error:
        raise Invalid(f"classification rules are malformed: {error!r}") from error
    unknown = sorted({rule.op for rule in rules} - set(OPERATORS)) + sorted(
        {rule.fact for rule in rules} - set(FACTS))
    if unknown:
        raise Invalid(f"classification rules name unknown operators or facts: {unknown}")
    digest = hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()
    return Rules(threshold=threshold, rules=rules, hash=digest)


def _total_amount(customer, referrer):
    return sum((Decimal(str(h["amount"])) for h in holdings(customer["profile"]) if h.get("amount") not in (None, "")),
               Decimal(0))


def _max_carat(customer, referrer):
    carats = [Decimal(str(h["carat"])) for h in holdings(customer["profile"]) if h.get("carat") not in (None, "")]
    return max(carats) if carats else None


def _key_date(kind):
    return lambda customer, referrer: any(d["kind"] == kind for d in customer["key_dates"] or [])


FACTS = {
    "holdings_total_amount": _total_amount,
    "max_carat": _max_carat,
    "holdings_count": lambda customer, referrer: len(holdings(customer["profile"])),
    "referrer_category": lambda customer, referrer: (referrer or {}).get("category"),
    "organization_size": lambda customer, referrer: ((customer["profile"] or {}).get("organization") or {}).get("size"),
    "occupation": lambda customer, referrer: (customer["profile"] or {}).get("occupation"),
    "kind": lambda customer, referrer: customer["kind"],
    "wedding_anniversary_known": _key_date("wedding_anniversary"),
    "birthday_known": _key_date("birthday"),
    "source_channel": lambda customer, referrer: customer.get("source_channel"),
}


@dataclass(frozen=True)
class Score:
    score: int
    reasons: list
    potential: bool


def score_customer(rules, customer, referrer=None):
    """The sum of the weights of the rules the customer meets, and each met rule's reason."""
    met = [rule for rule in rules.rules if OPERATORS[rule.op](FACTS[rule.fact](customer, referrer), rule.value)]
    score = sum(rule.weight for rule in met)
    return Score(score=score, reasons=[f"{rule.reason} (+{rule.weight})" for rule in met],
                 potential=score >= rules.threshold)


def is_candidate(category):
    """Only unclassified and `potential` customers are for the rules: the other four are set by people."""
    return category in (None, "potential")


def category_after_scoring(category, score):
    if not is_candidate(category):
        return category
    return "potential" if score.potential else None
