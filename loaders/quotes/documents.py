"""Documents as speakers: "the statement said", "Nazarbayev’s address reads", "the Chinese statement noted", and
who issued or published the document the article names."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.quotes.phrases import ACRONYM_ALONE_RE
from loaders.quotes.rows import Speaker
from loaders.sides import is_known_org
from loaders.quotes.vocab import COUNTRY_OF_ADJECTIVE, DOCUMENT, ORG_WORDS, alternation

# "the statement", "Nazarbayev’s address", "the joint statement of the parties"
DOCUMENT_RE = re.compile(rf"(?:(?:the|a|an|this|that)\s+)?(?:(?P<owner>[^,;:]+?)['’]s?\s+)?"
                         # "the Chinese statement": a country's adjective, no owner; the issuer is read from the text
                         rf"(?:(?P<adj>(?-i:{alternation(COUNTRY_OF_ADJECTIVE)}))\s+)?(?:official\s+|joint\s+)?"
                         rf"(?P<doc>{DOCUMENT})(?:\s+of\s+(?:the\s+)?(?P<of>[^,;:]+))?", re.I)
# a text's publisher: "was published by the press service of X", "This was reported on Friday by X" (the speaker phrase ends at
# the clause's end or at a time or place)
# (words of the phrase are separated by single spaces: a run of blanks cannot be split in many ways)
_PUBLISHED_BY_RE = re.compile(
    r"\b(?:published|issued|released|disseminated|distributed|circulated|posted|spread|made\s+public|reported|announced)"
    r"(?:\s(?:on|this|last)\s[A-Z]?[a-z]+)?\s+by\s+"
    r"(?P<spk>[^\s,;:.“”«»\"]+(?:\s+[^\s,;:.“”«»\"]+){0,15}?)"
    r"(?=\s*(?:[,;:.]|$)|\s(?:on|in|at|after|following|during|earlier|today|yesterday)\b)")
# a document's issuer as the subject of issuing it: "the press secretary of the High Representative issued a
# statement", "The ministry has released a joint statement" (the subject from the sentence's start or a "that")
_SUBJECT_ISSUED_RE = re.compile(
    r"(?:^|(?<=[.!?;]\s)|\bthat\s)(?P<spk>(?:(?!\bthat\s)[^,;:.“”«»\"]){3,160}?)\s+(?:has\s+|have\s+)?"
    rf"(?:issued|released|published|circulated|adopted|made\s+public)\s+(?:a|an|the|its|their)\s+"
    # "released its Regional Economic Prospects report", "released its Asian Development Outlook"
    rf"(?:[\w\-]+\s+){{0,5}}?(?P<doc>(?i:{DOCUMENT}))\b")
# a document named with its owner before it: "the agency's report", "Kazatomprom’s statement"
_OWNED_DOCUMENT_RE = re.compile(
    rf"\b(?P<owner>(?:the\s+)?[A-Za-z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,4}})['’]s?\s+(?P<doc>{DOCUMENT})\b")
# a document named with its issuer before it: "A Chinese foreign ministry statement", "the Commission's press release"
_ISSUED_BY_RE = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?P<org>(?:[A-Z][\w’'\-]*\s+)*(?:[a-z]+\s+){{0,3}}?(?:{alternation(ORG_WORDS)}))"
    rf"(?:['’]s?)?\s+(?:{DOCUMENT})\b")


@lru_cache(maxsize=16384)
def document_owner(raw: str) -> tuple[str, str, str] | None:
    """For a document as speaker ("Nazarbayev’s statement", "the statement of the ministry", "the Chinese
    statement"): its owner as written ("" when it names none), the country adjective before it ("" when none) and
    the document's noun ("statement"); None when `raw` is no document."""
    m = DOCUMENT_RE.fullmatch(raw.strip(" ,"))
    if m is None:
        return None
    return m.group("owner") or m.group("of") or "", m.group("adj") or "", _noun(m)


def _noun(m: re.Match[str]) -> str:
    """The document noun a match's `doc` group holds, in one spelling ("Press  Release" -> "press release")."""
    return " ".join(m.group("doc").casefold().split())


def _names_country(name: str, adjective: str) -> bool:
    """Whether an organisation's name fits a country adjective ("Japanese": "Japan’s Foreign Ministry"); True for
    no adjective."""
    return not adjective or adjective in name or COUNTRY_OF_ADJECTIVE.get(adjective, adjective) in name


class Documents:
    """Who issued the documents an article quotes; mixed into resolve.Article, whose paragraphs, speakers so far
    and organisation lookup (organisations.Organisations) it reads."""

    def _issuer(self, owner: str, adjective: str, noun: str, p: int, pos: int, how: str) -> Speaker | None:
        """Who issued a document that "says" something: its owner ("Nazarbayev’s statement", "the statement of
        the ministry"); else whoever the same or the previous paragraph says issued or owns a document of the same
        name ("X released a statement", "the agency's report"); else the last organisation that spoke before it
        ("…,” the ministry said. … “…,” said the statement), else the last person who did; for "the Chinese
        statement", only an issuer the adjective names ("A Chinese foreign ministry statement …")."""
        if owner:
            return self.resolve(owner, p, pos, how == "according_to")
        issuer = self._subject_issued(noun, p, pos) or self._owned_before(noun, p, pos)
        if issuer is not None and _names_country(issuer.name, adjective):
            return issuer._replace(attribution=how)
        last = self._last_spoken(p, pos, person=False)
        if last is None or not _names_country(last[1].name, adjective):
            # "The statement was published by the press service of the EU Council. “…,” it reads."
            by = self._published_by(p, pos) or self._issued_by(p, pos)
            if by is not None and _names_country(by.name, adjective):
                return by._replace(attribution=how)
            last = None if adjective else self._last_spoken(p, pos)
        return None if last is None else last[1]._replace(attribution=how)

    def _last_match_before(self, pattern: re.Pattern[str], p: int, pos: int) -> tuple[int, re.Match[str]] | None:
        """(paragraph, match) of the last match of `pattern` outside quotes before (p, pos), in the same paragraph
        or, when it has none, the one before; None when neither has one."""
        for q in (p, p - 1):
            if q < 0:
                continue
            text = self.paras[q]
            found = [m for m in pattern.finditer(text, 0, pos if q == p else len(text))
                     if not self.inside_quote(q, m.start())]
            if found:
                return q, found[-1]
        return None

    def _issued_by(self, p: int, pos: int) -> Speaker | None:
        """The organisation the same or the previous paragraph names as a document's issuer before (p, pos) ("A
        Chinese foreign ministry statement about the meeting …"), or None."""
        found = self._last_match_before(_ISSUED_BY_RE, p, pos)
        if found is None:
            return None
        q, m = found
        org = self._org(m.group("org"), q, m.start("org"))
        return Speaker(org, "", self._side("", org), "explicit")

    def _subject_issued(self, noun: str, p: int, pos: int) -> Speaker | None:
        """Who the same or the previous paragraph says issued a document named `noun` before (p, pos) ("… the press
        secretary of the High Representative issued a statement"), or None."""
        found = self._last_match_before(_SUBJECT_ISSUED_RE, p, pos)
        if found is None or _noun(found[1]) != noun:
            return None
        q, m = found
        by = self.resolve(m.group("spk"), q, m.start("spk"))
        return by if by is not None and by.name else None

    def _owned_before(self, noun: str, p: int, pos: int) -> Speaker | None:
        """The organisation owning the last document named `noun` with its owner in this or the two paragraphs
        before (p, pos) ("As follows from the agency's report, …" … “…,” the report says), or None: an owner that
        is no organisation ("In Friday's statement") names no issuer."""
        for q in range(p, max(-1, p - 3), -1):
            text = self.paras[q]
            found = [m for m in _OWNED_DOCUMENT_RE.finditer(text, 0, pos if q == p else len(text))
                     if not self.inside_quote(q, m.start()) and _noun(m) == noun]
            if found:
                owner = found[-1].group("owner").removeprefix("the ").strip()
                if not (any(w.casefold() in ORG_WORDS for w in owner.split()) or is_known_org(owner)
                        or ACRONYM_ALONE_RE.fullmatch(owner)):
                    return None
                org = self._org(owner if owner[:1].isupper() else owner.casefold(), q, found[-1].start())
                return Speaker(org, "", self._side("", org), "explicit") if org[:1].isupper() else None
        return None

    def _published_by(self, p: int, pos: int) -> Speaker | None:
        """Who the same or the previous paragraph says published, issued or spread a text before (p, pos)
        ("This information was disseminated by the press service of JSC NC KazMunayGas", "…, which was published
        by the press service of the EU Council"), or None (also for a text "published by officials": nobody named)."""
        found = self._last_match_before(_PUBLISHED_BY_RE, p, pos)
        if found is None:
            return None
        q, m = found
        by = self.resolve(m.group("spk"), q, m.start("spk"))
        return by if by is not None and by.name else None
