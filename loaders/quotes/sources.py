"""Speaker phrases that name no person by name: unnamed sources ("two people familiar with the talks"), an
unnamed member of a named organisation ("an LG Chem official"), a capital speaking for its government
("Baku noted") and an honorific held by one person ("Hero-Arkadag").

Pure readings of a few words, memoised like those of phrases.py; resolve.py turns them into speakers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.sides import is_country_word
from loaders.quotes.roles import DETERMINER_RE
from loaders.quotes.vocab import HELD_BY, PLACE_SPEAKERS, UNNAMED_AFTER, UNNAMED_NOUN

# "Baku", "official Tashkent": a capital speaking for its government
_PLACE_RE = re.compile(r"(?:[Oo]fficial\s+)?(?P<place>" + "|".join(map(re.escape, PLACE_SPEAKERS)) + ")")
# "an LG Chem official": an unnamed member of a named organisation
_MEMBER_OF_RE = re.compile(r"(?:a|an)\s+(?P<org>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4})\s+"
                           r"(?P<role>official|representative|employee|executive|source)")
_UNNAMED_RE = re.compile(
    rf"(?:[\w\-]+\s+|one\s+of\s+the\s+){{0,4}}{UNNAMED_NOUN}(?:\s+{UNNAMED_AFTER}\b[^,;:.!?“”«»\"]{{0,80}})?",
    re.I,
)


@lru_cache(maxsize=16384)
def unnamed(raw: str) -> bool:
    """True for an unnamed source ("two people familiar with the talks", "officials", "the sources").

    Only the first word may be capitalised ("Energy experts"): a later capital names someone.
    """
    text = DETERMINER_RE.sub("", raw.strip(" ,"))
    _, _, rest = text.partition(" ")
    return _UNNAMED_RE.fullmatch(text) is not None and rest == rest.lower()


@lru_cache(maxsize=16384)
def place_speaker(raw: str) -> str:
    """Who a capital standing alone as a speaker speaks for ("Baku" -> "Government of Azerbaijan", "official
    Tashkent" -> "Government of Uzbekistan", "Brussels" -> "European Union"), or ""."""
    m = _PLACE_RE.fullmatch(raw.strip(" ,"))
    return PLACE_SPEAKERS[m.group("place")] if m else ""


@lru_cache(maxsize=16384)
def holder_of_title(raw: str) -> str:
    """The one person an honorific title stands for ("Hero-Arkadag", "the National Leader of the Turkmen people"
    -> "Gurbanguly Berdimuhamedov"; speech.toml `held_by`), or ""."""
    return HELD_BY.get(" ".join(DETERMINER_RE.sub("", raw.strip(" ,")).split()).casefold(), "")


@lru_cache(maxsize=16384)
def member_of(raw: str) -> tuple[str, str] | None:
    """(organisation, role) for an unnamed member of a named organisation ("an LG Chem official" -> ("LG Chem",
    "official")); None for anything else, and for an official of a country or nation ("an EU official", "a
    Kazakh official"), who stays an unnamed source."""
    m = _MEMBER_OF_RE.fullmatch(raw.strip(" ,"))
    if m is None or all(is_country_word(w) for w in m.group("org").split()):
        return None
    return m.group("org"), m.group("role")
