"""Quotes in the headline: the ways a title line attributes words to somebody the article quotes.

News headlines attribute in a few fixed shapes: `Speaker: words`, `Speaker, “words”`, `words - Speaker`,
`words, Speaker says`, `words: speaker`, `Speaker says words` and `"words" - Speaker`.
The speaker there is short-hand ("PM", "Energy Minister", "Kamilov", "banker") for someone
the body of the article names, so a headline row is kept only when its speaker phrase
points at one of the body's speakers (by surname, by role or by organisation name): a
title such as "Astana: new plant opens" attributes nothing. The shapes are data
(`SHAPES`); the first one whose speaker resolves wins.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.schema import HEADLINE
from loaders.people import similar_tail
from loaders.sides import fold, is_country_word, is_known_org
from loaders.quotes.phrases import read_phrase
from loaders.quotes.roles import DETERMINER_RE, fold_token, is_role_word, role_tokens
from loaders.quotes.resolve import Article
from loaders.quotes.rows import Row, Speaker, quote_row, words
from loaders.quotes.vocab import HYPERNYMS, ORG_WORDS, UP

_SAYS = r"(?:says|said|tells|told|warns|believes|notes|stresses|claims|insists|confirms|announces)"
_OPEN, _CLOSE = "“\"«‘'„", "”\"»’'“"

# (name, pattern): `q` is the attributed words, `spk` the speaker phrase.
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("headline_quote_then_speaker",
     re.compile(rf"^(?P<q>[{_OPEN}].+[{_CLOSE}])\s*[-–—:,]?\s*(?P<spk>[^“”\"«»„]{{2,90}})$")),
    ("headline_speaker_colon", re.compile(r"^(?P<spk>[^:“”\"«»„]{2,90}?):\s+(?P<q>.+)$")),
    ("headline_speaker_comma", re.compile(rf"^(?P<spk>[^,:“”\"«»„]{{2,60}}),\s+(?P<q>[{_OPEN}].+[{_CLOSE}])$")),
    ("headline_dash_speaker", re.compile(r"^(?P<q>.+?)\s+[-–—]+\s+(?P<spk>[^-–—]{2,90})$")),
    ("headline_colon_speaker", re.compile(r"^(?P<q>.+):\s+(?P<spk>[^:]{2,60})$")),
    ("headline_comma_speaker", re.compile(rf"^(?P<q>.+),\s+(?P<spk>[^,]{{2,90}}?)(?:\s+{_SAYS}\b.*)?$", re.I)),
    ("headline_speaker_says", re.compile(rf"^(?P<spk>[^,:]{{2,90}}?)\s+{_SAYS}\s+(?:that\s+)?(?P<q>.+)$", re.I)),
)
# What follows the speaker in a headline and is not part of it: "Goble on X's statement", "Machavariani
# talks about the port", "the MCGA said Thursday".
_AFTER_SPEAKER_RE = re.compile(rf"\s+(?:on|about|regarding|talks|speaks|comments|{_SAYS})\b.*$"
                               # "Norway’s warning to Europe": what the speaker said, named
                               r"|['’]s\s+(?:warning|message|appeal|call|advice|plea|promise|answer|reply|response)\b.*$",
                               re.I | re.S)
_BEFORE_SPEAKER_RE = re.compile(rf"^{_SAYS}\s+", re.I)  # "“…,” Says Foreign Minister"
_ACRONYM_RE = re.compile(r"\s*\([^)]*\)")
_NAME_TOKEN_RE = re.compile(rf"[{UP}][\w’'\-.]*")  # any capital: "Šefčovič", "Łukasz", "Рахимов"


def _role_words(tokens: frozenset[str]) -> frozenset[str]:
    return frozenset(t for t in tokens if is_role_word(t) or t in HYPERNYMS)


def _role_fits(wanted: frozenset[str], role: str) -> int:
    """How many of the phrase's words the role shares, when the phrase has a role word and either each of
    its words is in the role, is a general word for one of the role's titles ("official") or is a country
    the role may leave out ("Italian Foreign Minister"), or the role is a shorter form of the phrase
    ("Minister" for "Energy Minister"); else 0."""
    have = role_tokens(role)
    if not _role_words(wanted) or not have:
        return 0
    if have <= wanted or all(w in have or (w in HYPERNYMS and HYPERNYMS[w] & have) or is_country_word(w)
                             for w in wanted):
        return len(wanted & have) or 1
    return 0


def _name_fits(phrase: str, name: str) -> bool:
    """True when a capitalised word of the phrase is the person's surname (or a spelling of it)."""
    surname = fold(name.split()[-1])
    for token in _NAME_TOKEN_RE.findall(phrase):
        key = fold(token.split(".")[-1] or token)
        if len(key) > 2 and (key == surname or similar_tail(fold(name), key)):
            return True
    return False


def _org_fits(tokens: frozenset[str], name: str) -> bool:
    mine = role_tokens(_ACRONYM_RE.sub("", name))
    return bool(mine) and (mine <= tokens or (len(tokens) > 1 and tokens <= mine))


def _as_speaker(row: Row) -> Speaker:
    return Speaker(row.speaker, row.speaker_role, row.side, "explicit", bool(row.person))


def headline_speaker(art: Article, phrase: str, body: list[Row]) -> Speaker | None:
    """The speaker of the body that the headline's speaker phrase stands for, or None.

    An organisation phrase ("National Bank of Kazakhstan") is the body's organisation speaker of
    that name, else the organisation as the article names it. Otherwise the candidates are the
    body's speakers (the most quoted first), then the people it names: the phrase fits a person by
    surname or by role ("Energy Minister" -> the Minister of Energy), an organisation by its name. A single lowercase role word
    ("banker") with one person quoted in the body is that person.
    """
    phrase = DETERMINER_RE.sub("", _ACRONYM_RE.sub("", phrase)).strip(" ,.;")
    if not phrase or words(phrase) > 8:
        return None
    tokens = role_tokens(phrase)
    counts = Counter(r.speaker for r in body if r.speaker)
    first: dict[str, Row] = {}
    for row in body:
        if row.speaker:
            first.setdefault(row.speaker, row)
    ranked = sorted(first.values(), key=lambda r: -counts[r.speaker])
    read = read_phrase(phrase)
    if read is not None and read.org_like and not read.name and (
            is_known_org(read.head) or any(fold_token(w) in ORG_WORDS for w in read.head.split())):
        row = next((r for r in ranked if not r.person and _org_fits(tokens, r.speaker)), None)
        if row is not None:
            return _as_speaker(row)
        org = art._org(read.head, len(art.paras) - 1, len(art.paras[-1]))
        return Speaker(org, "", art._side("", org), "explicit") if org else None
    fits = [((100 if _name_fits(phrase, r.speaker) else _role_fits(tokens, r.speaker_role)) if r.person
             else 50 * _org_fits(tokens, r.speaker), r) for r in ranked]
    fit, row = max(fits, key=lambda f: f[0], default=(0, None))
    if fit:
        return _as_speaker(row)
    for person in art.persons.values():
        if _name_fits(phrase, person.name) or _role_fits(tokens, person.role):
            return art._as_speaker(person, "explicit")
    quoted = {r.person for r in body if r.person}
    if len(quoted) == 1:
        # "banker"; or "Armenian PM" where the one person quoted is given no role, and nobody else speaks in the
        # body or the body speaks of "the Health Minister" too (a phrase its rules could not give to anyone)
        only = first[next(iter(quoted))]
        if (phrase.islower() and " " not in phrase and is_role_word(phrase)) or (
                not only.speaker_role and _role_words(tokens) and (
                    len(first) == 1 or any(re.search(rf"\b{re.escape(phrase)}\b", text, re.I) for text in art.paras))):
            return _as_speaker(only)
    return None


def _words_of(title: str, m: re.Match[str]) -> tuple[int, int, str]:
    """(start, end, kind) of the attributed words: inside the marks when they are all quoted."""
    start, end = m.span("q")
    while end > start and title[end - 1] in " .,;:!?":
        end -= 1
    if title[start] in _OPEN and title[end - 1] in _CLOSE and end - start > 2:
        return start + 1, end - 1, "direct"
    return start, end, "reported"


def headline_row(art: Article, title: str, body: list[Row]) -> Row | None:
    """The title's quote as a row of paragraph HEADLINE (offsets into the title), or None."""
    for rule, shape in SHAPES:
        m = shape.match(title)
        if m is None:
            continue
        start, end, kind = _words_of(title, m)
        text = title[start:end].strip(f" {_OPEN}{_CLOSE}")
        if words(text) < 3 or (kind == "reported" and any(c in text for c in "“”«»\"")):
            continue
        speaker = headline_speaker(art, _BEFORE_SPEAKER_RE.sub("", _AFTER_SPEAKER_RE.sub("", m.group("spk"))), body)
        if speaker is not None:
            start = title.index(text, start)
            return quote_row(HEADLINE, start, start + len(text), text, kind, speaker, "headline", rule)
    return None


def is_own_title(title: str, first_paragraph: str) -> bool:
    """True for a title line of its own, not one made from the first sentence (article.first_sentence_title)."""
    return bool(title) and not first_paragraph.startswith(title.rstrip("…"))

