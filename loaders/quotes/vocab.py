"""The vocabulary of reported speech, read once from loaders/speech.toml.

The rules never spell a word list themselves: cue verbs, titles, organisation words,
channels and unnamed-source nouns are data an analyst can extend, and this module turns
them into the sets and regex alternations the rules use.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

SPEECH_FILE = Path(__file__).resolve().parent.parent / "speech.toml"

with SPEECH_FILE.open("rb") as _fh:
    _DATA = tomllib.load(_fh)

# Upper- and lower-case letters of the Latin, Greek and Cyrillic blocks, for character classes.
UP = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper() and ch.isalpha())
LO = "".join(ch for ch in map(chr, range(0x61, 0x530)) if ch.islower() and ch.isalpha())


def _spellings(word: str) -> list[str]:
    """`word`, plus its "-ize" spelling when it is spelt "-is-" ("emphasised" -> "emphasized")."""
    return [word, word.replace("is", "iz")] if re.search(r"is(?:e|es|ed|ing)\b", word) else [word]


def _past(lemma: str) -> str:
    head, _, rest = lemma.partition(" ")
    if head in _DATA["cues"]["irregular_past"]:
        head = _DATA["cues"]["irregular_past"][head]
    elif head.endswith("e"):
        head += "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ied"
    else:
        head += "ed"
    return f"{head} {rest}".strip()


def _third_person(lemma: str) -> str:
    head, _, rest = lemma.partition(" ")
    if head.endswith(("s", "sh", "ch", "x", "z")):
        head += "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {rest}".strip()


def cue_forms() -> tuple[str, ...]:
    """Every written form of every speech verb in speech.toml, longest first."""
    cues = _DATA["cues"]
    forms = {_past(lemma) for lemma in cues["past"]}
    forms |= {_third_person(lemma) for lemma in cues["present"]}
    forms |= set(cues["bare"])
    spelt = {variant for form in forms for variant in _spellings(form)}
    return tuple(sorted(spelt, key=lambda f: (-len(f), f)))


def alternation(words, space: str = r"\s+") -> str:
    """A non-capturing regex alternation of `words` (longest first), spaces matching `space` (any whitespace)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(space.join(map(re.escape, w.split())) for w in ordered) + ")"


# the days of the week, as a regex alternation: when something was said, never a name or a title
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
CUE_FORMS = cue_forms()
CUE = alternation(CUE_FORMS)
BARE_CLAUSE_CUES = frozenset(_DATA["cues"]["bare_clause"])
STANCE = alternation(_DATA["cues"]["stance"])
# a person's pronoun anywhere in a phrase or sentence ("According to X, he", "He was asked about …")
PERSONAL_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
BARE_CLAUSE_CUE = alternation(BARE_CLAUSE_CUES)
LISTENER_CLAUSE_CUES = frozenset(_DATA["cues"]["bare_clause_after_listener"])
NOT_ADVERBS = frozenset(_DATA["cues"]["not_adverbs"])
OBJECT_CUES = frozenset(_DATA["cues"]["with_object"])
LISTENER = alternation(_DATA["cues"]["listeners"])
INVERTED_CUE = alternation([*_DATA["cues"]["inverted"], *_DATA["cues"]["inverted_channel"]])
CHANNEL_CUES = frozenset(_DATA["cues"]["inverted_channel"])
CREDIT_CUES = frozenset(_DATA["cues"]["credit"])
CREDIT_CUE = alternation(CREDIT_CUES)
QUOTE_ONLY_CUES = frozenset(_DATA["cues"]["quote_only"])
PARTICIPLES: dict[str, str] = dict(_DATA["cues"]["participles"])
PARTICIPLE = alternation(PARTICIPLES)


def participle_cue(part: str) -> str:
    """The cue a participle of speech reports as ("pointing  out" -> "pointed out"), whatever spaces it was written with."""
    return PARTICIPLES[" ".join(part.split())]

ROLE_WORDS = frozenset(_DATA["titles"]["roles"])
MODIFIER_WORDS = frozenset(_DATA["titles"]["modifiers"])
# name prefixes as word tuples, longest first, so "Datuk Seri" is taken before "Datuk"
NAME_PREFIXES = tuple(sorted((tuple(p.split()) for p in _DATA["titles"]["name_prefixes"]), key=len, reverse=True))
ROLE_SYNONYMS: dict[str, str] = dict(_DATA["titles"]["synonyms"])
RELATIVE_NOUN: dict[str, str] = dict(_DATA["titles"]["relative_verbs"])
RELATIVE_VERB = alternation(RELATIVE_NOUN)
SAME_AS: dict[str, str] = dict(_DATA["titles"]["same_as"])
HYPERNYMS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in
                                         (_DATA["titles"]["hypernyms"] | _DATA["titles"]["broader"]).items()}
INSTITUTION_WORDS = frozenset(w.casefold() for name in _DATA["titles"]["institutions"] for w in name.split())
HELD_BY: dict[str, str] = {title.casefold(): name for title, name in _DATA["titles"]["held_by"].items()}
REFER_BACK = frozenset(_DATA["titles"]["refer_back"]) | _DATA["titles"]["hypernyms"].keys()
DOCUMENT = alternation(_DATA["speakers"]["documents"])
CLAUSE_OPENERS = frozenset(_DATA["speakers"]["clause_openers"])
PARAGRAPH_LABEL_RE = re.compile(alternation(_DATA["speakers"]["paragraph_labels"]) + r":\s+")

ORG_WORDS = frozenset(_DATA["organisations"]["words"])
ORG_KINDS = frozenset(_DATA["organisations"]["kinds"])
COMPANY_NOUNS = frozenset(_DATA["organisations"]["company_nouns"])
COMPANY_NOUN = alternation(COMPANY_NOUNS)
LEGAL_FORM = alternation(_DATA["organisations"]["legal_forms"])
COMPANY_NAME_ENDINGS = frozenset(_DATA["organisations"]["name_endings"])
CHANNEL = alternation(_DATA["channels"]["phrases"])
# a channel written with a hyphen ("the press-service of …"), read as the words it joins
HYPHENED_CHANNEL_RE = re.compile(alternation([c for c in _DATA["channels"]["phrases"] if " " in c], "-"), re.I)
PRESS_CHANNEL = alternation([c for c in _DATA["channels"]["phrases"] if c not in _DATA["channels"]["shared_with_outlets"]])
CHANNEL_WORDS = frozenset(_DATA["channels"]["words"])

# A capital or seat standing for who governs there ("Baku noted" -> "Government of Azerbaijan"), and the
# countries "the country's" may refer back to.
_PLACES = _DATA["places"]
PLACE_SPEAKERS: dict[str, str] = {place: f"Government of {country}" for place, country in _PLACES["capitals"].items()}
PLACE_SPEAKERS.update(_PLACES["bodies"])
COUNTRY_OF_ADJECTIVE: dict[str, str] = dict(_PLACES["adjectives"])
PLACE_UNITS = frozenset(_PLACES["units"])
COUNTRY_RE = re.compile(r"\b" + alternation({*_PLACES["capitals"].values(), *_PLACES["countries"]}) + r"\b")

UNNAMED_NOUN = alternation(_DATA["unnamed"]["nouns"])
UNNAMED_AFTER = alternation(_DATA["unnamed"]["after"])
JUST_QUOTED_NOUNS = frozenset(_DATA["unnamed"]["just_quoted"])

# Function words that may stand inside a title or organisation name ("Minister of Energy").
CONNECTORS = frozenset("of the for and on to in at & a an".split())
# Lower-case words that start a clause, never an adjective of a speaker ("about", "said", "which").
NOT_ADJECTIVES = frozenset("""
    about with by from after before when while if as asked not also its their his her this that these those
    into over under between among said says told which who whose where
    """.split())
