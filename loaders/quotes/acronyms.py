"""Acronyms an article spells out: "the European Investment Bank (EIB)", "India’s ministry of external affairs
(MEA)", "REN (Rare Earths Norway)"; organisations.py gives a speaker named by its acronym the name spelled."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.quotes.roles import DETERMINER_RE, role_like
from loaders.quotes.vocab import ORG_WORDS, UP


@lru_cache(maxsize=1024)
def acronym_definition_re(acronym: str) -> re.Pattern[str]:
    """Pattern for "Full Capitalised Name (ACRONYM)", the full name in group `full` and any "of Country" after
    the acronym in group `tail`."""
    return re.compile(rf"(?P<full>[{UP}][\w’'\-]*(?:\s+(?:of|for|and|on|the|[{UP}][\w’'\-]*))*)\s*\({re.escape(acronym)}\)"
                      # "The Central Election Commission (CEC) of Kazakhstan": the name goes on after its acronym
                      rf"(?P<tail>\s+of\s+(?:the\s+)?[{UP}][\w’'\-]*(?:\s+[{UP}][\w’'\-]*)*)?")


@lru_cache(maxsize=4096)
def acronym_spelled_after_re(acronym: str) -> re.Pattern[str]:
    """Pattern for "ACRONYM (Full Name)", the full name in group `full`."""
    return re.compile(rf"\b{re.escape(acronym)}\s+\((?P<full>[{UP}][^()]{{3,80}})\)")


_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})


def _spelled_out(words: list[str], acronym: str) -> str:
    """The last words of `words` whose initials, connectors aside, spell `acronym` ("ministry of external affairs"
    for MEA), with a possessive owner before them ("India’s"); "" when none do."""
    letters, k = acronym.casefold(), len(words)
    while k > 0 and letters:
        word = words[k - 1]
        if word.casefold() in _CONNECTORS:
            k -= 1
            continue
        if not word[:1].isalpha() or word[0].casefold() != letters[-1]:
            return ""
        letters, k = letters[:-1], k - 1
    if letters or k == len(words):
        return ""
    if k > 0 and re.search(r"\w['’]s$", words[k - 1]):
        k -= 1
    return " ".join(words[k:])


def defined(paras: list[str], acronym: str) -> str:
    """The full name the article (its `paras`) spells out for `acronym`: "the European Investment Bank (EIB)",
    "India’s ministry of external affairs (MEA)" (an organisation, never a title), "REN (Rare Earths Norway)";
    else ""."""
    if not (1 < len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return ""
    pattern = acronym_definition_re(acronym)
    for text in paras:
        m = pattern.search(text)
        if m:
            return DETERMINER_RE.sub("", m.group("full") + (m.group("tail") or ""))
    for text in paras:  # "India’s ministry of external affairs (MEA)": the words the letters spell
        at = text.find(f"({acronym})")
        if at > 0:
            spelled = _spelled_out(text[max(0, at - 160):at].split(), acronym)
            if spelled and not role_like(spelled) and any(w.casefold() in ORG_WORDS for w in spelled.split()):
                return spelled  # an organisation's name, never a title ("the prime minister (PM)")
    after = acronym_spelled_after_re(acronym)
    for text in paras:  # "REN (Rare Earths Norway)": the name spelled out after the acronym
        m = after.search(text)
        if m and _spelled_out(m.group("full").split(), acronym) == m.group("full"):
            return m.group("full")
    return ""
