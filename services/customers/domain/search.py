"""Search that works for Chinese: the tokens a customer is found by, and how a query is looked up.

Trigram indexes need three characters; a two-character name (王丽) or pinyin initials (wl) are looked up
as exact tokens in a btree-indexed table instead."""
import re

ASCII_WORD = re.compile(r"^[a-z]+$")
TOKEN_QUERY_MAX = 2
PHONE_QUERY = re.compile(r"\+?[\d\-.()（）]+")
PHONE_TAIL_MIN, PHONE_INFIX_MIN = 3, 7


def normalise(query):
    return re.sub(r"\s+", "", query or "").lower()


def name_tokens(name):
    """Every character (a single middle character, 婉 of 上官婉宁, finds her too), every two-character
    piece, the pinyin initials and the full pinyin of a name."""
    from pypinyin import Style, lazy_pinyin  # 56 MB of dictionaries: loaded by the processes that write names

    name = normalise(name)
    if not name:
        return set()
    tokens = set(name) | {name[i:i + 2] for i in range(len(name) - 1)}
    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s]
    if syllables:
        tokens.add("".join(s[0] for s in syllables)[:64])
        tokens.add("".join(syllables)[:64])
    return {token for token in tokens if token}


def lookup_plan(query):
    """How to find `query`, as (how, text) lookups whose matches are united:
    - ("tokens", q): a two-character name or pinyin, an exact token (btree);
    - ("name", q): a longer name, by the token of its first two characters, then the whole of it (a name
      holding q holds q's first two characters as one of its tokens);
    - ("tail", reversed digits): the last digits of a phone (尾号), a prefix of the reversed number;
    - ("contact", q): anywhere in the WeChat id (not for Chinese), and in the phone for seven digits or more."""
    q = normalise(query)
    if not q:
        return []
    digits = PHONE_QUERY.fullmatch(q) and re.sub(r"\D", "", q)
    if digits and len(digits) >= PHONE_TAIL_MIN:
        plan = [("tail", digits[::-1])]
        return plan + [("contact", digits)] if len(digits) >= PHONE_INFIX_MIN else plan
    plan = []
    if len(q) <= TOKEN_QUERY_MAX or ASCII_WORD.match(q):
        plan.append(("tokens", q[:64]))
    if len(q) > TOKEN_QUERY_MAX:
        plan.append(("name", q))
        if q.isascii():  # a WeChat id is letters, digits, _ and -: a Chinese query is never in one (a scan)
            plan.append(("contact", q))
    return plan
