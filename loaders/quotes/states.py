"""States as speakers: a country that speaks, its government named in lower case, "the country's", and the
posts (head of state, head of government) whose press services speak.

`States` is the part of resolve.Article that looks through the article for the country a phrase means; the pure
readings of a phrase are module functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.sides import is_country_word
from loaders.quotes.roles import DETERMINER_RE
from loaders.quotes.vocab import COUNTRY_OF_ADJECTIVE, COUNTRY_RE

# a country, by its name or its state's formal name ("the Democratic Republic of Congo", "the Kingdom of Norway")
_STATE_RE = re.compile(rf"(?:[Tt]he\s+)?(?:(?:(?:Democratic|People['’]s|Islamic|Federal|Socialist|Arab|Kyrgyz|United)\s+)*"
                       rf"(?:Republic|Kingdom|Federation|Emirates)\s+of\s+(?:the\s+)?)?{COUNTRY_RE.pattern}")


def state_name(raw: str) -> str:
    """The country a speaker phrase names, without "the" ("Azerbaijan", "Democratic Republic of Congo"), or ""."""
    phrase = raw.strip(" ,")
    return DETERMINER_RE.sub("", phrase) if _STATE_RE.fullmatch(phrase) else ""


# a party to talks named by its country, as translated official news writes it: "the Kazakh side", "the European side",
# "the Jordan side"
_SIDE_PARTY_RE = re.compile(r"(?:[Tt]he\s+)?(?P<country>[A-Z][\w\-]+)\s+side")


def side_party(raw: str) -> str:
    """"Kazakh side" for "the Kazakh side" (a country's word, or the EU's, before "side"), else ""."""
    m = _SIDE_PARTY_RE.fullmatch(raw.strip(" ,"))
    if m is None or not (is_country_word(m.group("country")) or COUNTRY_RE.fullmatch(m.group("country"))):
        return ""
    return f"{m.group('country')} side"


_THE_COUNTRYS_RE = re.compile(r"(?:the\s+)?country['’]s\s+", re.I)
_POSTS = {"president": "President", "presidential": "President", "head of state": "President",
          "head of the state": "President", "pm": "Prime Minister", "premier": "Prime Minister",
          "prime minister": "Prime Minister", "head of government": "Prime Minister", "leader": "President"}
_COUNTRY_OF = {adjective.casefold(): country for adjective, country in COUNTRY_OF_ADJECTIVE.items()}
# a country's government named in lower case: "The government of Uzbekistan", "The Uzbek government", "Uzbekistan's
# government", …
# opening its sentence, as the subject ("talks with the Chinese government" names no speaker)
_GOVERNMENT_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:[Tt]he\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?(?P<of>{COUNTRY_RE.pattern})\b"
    rf"|(?P<adj>{'|'.join(COUNTRY_OF_ADJECTIVE)})\s+government\b"
    rf"|(?P<owner>{COUNTRY_RE.pattern})['’]s?\s+government\b)")
_POST_RE = re.compile(r"(?:the\s+)?(?:(?P<adj>" + "|".join(COUNTRY_OF_ADJECTIVE) + r")\s+)?"
                      r"(?P<post>" + "|".join(sorted(map(re.escape, _POSTS), key=len, reverse=True))
                      + r")(?:['’]s?)?(?P<rest>\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)?", re.I)


@lru_cache(maxsize=4096)
def post_name(owner: str) -> str:
    """The post, in full words, whose press service speaks ("presidential" -> "President", "PM's" -> "Prime
    Minister", "President of Uzbekistan" as written, "Tajik president's" -> "President of Tajikistan"), or ""
    when the owner is no head of state or government."""
    m = _POST_RE.fullmatch(owner.strip())
    if m is None:
        return ""
    country = f" of {_COUNTRY_OF[m.group('adj').casefold()]}" if m.group("adj") else ""  # "the Tajik president's"
    return _POSTS[m.group("post").casefold()] + (m.group("rest") or country)


class States:
    """The country a phrase means in one article; mixed into resolve.Article, whose paragraphs and quoted regions
    it reads."""

    def _government_before(self, p: int, pos: int) -> str:
        """"Government of X" for the last government named in lower case as a sentence's subject before (p, pos):
        "The government of Uzbekistan …", "The Uzbek government …", "Uzbekistan's government …"; else ""."""
        best = ""
        for q in range(p + 1):
            text = self.paras[q]
            for m in _GOVERNMENT_RE.finditer(text, 0, pos if q == p else len(text)):
                if not self.inside_quote(q, m.start()):
                    country = m.group("of") or m.group("owner") or _COUNTRY_OF.get(m.group("adj").casefold(), "")
                    best = f"Government of {country}" if country else best
        return best

    def _the_country(self, phrase: str, p: int, pos: int) -> tuple[str, str] | None:
        """For a phrase opening with "the country's" at (p, pos): the country named last before it, without "the"
        ("" when none), and the rest of the phrase; None for any other phrase."""
        m = _THE_COUNTRYS_RE.match(phrase)
        return None if m is None else (self._country_before(p, pos).removeprefix("the "), phrase[m.end():])

    def _country_before(self, p: int, pos: int) -> str:
        """The country named last before (p, pos) (speech.toml [places]), or ""; never one that only describes
        something else ("the Luxembourg-based steelmaker")."""
        for q in range(p, -1, -1):
            text = self.paras[q]
            found = [m.group() for m in COUNTRY_RE.finditer(text, 0, pos if q == p else len(text))
                     if not text.startswith("-", m.end())]
            if found:
                return found[-1]
        return ""
