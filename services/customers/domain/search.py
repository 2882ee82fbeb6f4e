"""Search that works for Chinese: the tokens a customer is found by, and how a query is looked up.

Trigram indexes need three characters; a two-character name (王丽) or pinyin initials (wl) are looked up
as exact tokens in a btree-indexed table instead."""
import re

from pypinyin import Style, lazy_pinyin

ASCII_WORD = re.compile(r"^[a-z]+$")
TOKEN_QUERY_MAX = 2


def normalise(query):
    return re.sub(r"\s+", "", query or "").lower()


def name_tokens(name):
    """The surname, every two-character piece, the pinyin initials and the full pinyin of a name."""
    name = normalise(name)
    if not name:
        return set()
    tokens = {name[0]} | {name[i:i + 2] for i in range(len(name) - 1)}
    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s]
    if syllables:
        tokens.add("".join(s[0] for s in syllables)[:64])
        tokens.add("".join(syllables)[:64])
    return {token for token in tokens if token}


def lookup_plan(query):
    """How to find `query`: ("tokens", q) for short or pinyin queries, and/or ("like", q) for the rest."""
    q = normalise(query)
    if not q:
        return []
    plan = []
    if len(q) <= TOKEN_QUERY_MAX or ASCII_WORD.match(q):
        plan.append(("tokens", q[:64]))
    if len(q) > TOKEN_QUERY_MAX:
        plan.append(("like", q))
    return plan
