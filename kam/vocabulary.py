"""Code lists with their labels, zh-CN first and English second, built from a service's own terms.

    VISIT_STATUSES = Vocabulary("visit_statuses", terms.VISIT_STATUSES, {"draft": ("草稿", "Draft"), ...})

A code without both labels, or a label for a code the list does not have, stops the import: the API
never accepts a code the console cannot name. `GET /api/vocabularies` serves every plugin's lists.
"""
from dataclasses import dataclass

LANGUAGES = ("zh-CN", "en")


@dataclass(frozen=True)
class Vocabulary:
    name: str
    codes: tuple
    labels: dict  # code -> (zh-CN, en)

    def __post_init__(self):
        codes = tuple(code for code in self.codes if code is not None)
        object.__setattr__(self, "codes", codes)
        missing = [code for code in codes if len(self.labels.get(code, ())) != 2 or not all(self.labels[code])]
        extra = sorted(set(self.labels) - set(codes))
        if missing or extra:
            raise ValueError(f"vocabulary {self.name}: codes without both labels {missing}, labels of no code {extra}")

    def label(self, code, language="zh-CN"):
        zh, en = self.labels[code]
        return en if language == "en" else zh

    def as_json(self):
        return [{"code": code, "label": dict(zip(LANGUAGES, self.labels[code], strict=True))} for code in self.codes]


def merged(vocabularies):
    """{name: [{code, label}]} of many services' lists; one name from several services (event types) is
    joined, and a code they label differently is an error."""
    joined = {}
    for vocabulary in vocabularies:
        labels = joined.setdefault(vocabulary.name, {})
        for code in vocabulary.codes:
            if code in labels and labels[code] != vocabulary.labels[code]:
                raise ValueError(f"vocabulary {vocabulary.name}: {code} is labelled twice, differently")
            labels[code] = vocabulary.labels[code]
    return {name: Vocabulary(name, tuple(labels), labels).as_json() for name, labels in sorted(joined.items())}
