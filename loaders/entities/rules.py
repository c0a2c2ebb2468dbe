"""Names the registry lacks, found by the conventions news writes them with: an organisation or project is a
run of capitalised words around a head noun ("Ministry", "Bank", "Fund", "JSC", "Corridor" …), with "of",
"for", "on", "and" joining capitalised parts ("Ministry of Ecology and Natural Resources"); an acronym in
brackets after a name ("… Development Bank (EDB)") names it for the rest of the article.

The vocabulary (head nouns, titles that make a name part of a person's title, words that start sentences)
is data in rules.toml beside this module.
"""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

RULES_PATH = Path(__file__).with_name("rules.toml")
# A word: letters, digits, inner hyphens, apostrophes, dots and ampersands ("Samruk-Kazyna", "U.S.", "S&P").
_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
_QUALIFIER = re.compile(r"-[a-z]+$")  # "Saudi-listed", "Astana-based"
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,9})\)")


class Found(NamedTuple):
    """A name found by a rule: its span, its name as written (without a leading "The") and its kind."""

    start: int
    end: int
    name: str
    kind: str


@functools.cache
def vocabulary() -> dict[str, frozenset[str]]:
    """rules.toml's word lists as sets: heads (organisation and project), joiners, titles, starters."""
    with RULES_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    return {key: frozenset(values) for key, values in data.items()}


def _capitalised(word: str) -> bool:
    """A word that can be part of a name: capitalised, or a number ("Kazakhstan 2050 Strategy")."""
    return word[:1].isupper() or word.isdigit()


@functools.cache
def _heads() -> re.Pattern:
    """One pattern over every head noun: the rule looks at the words around a head only, so a paragraph
    without one costs a single scan."""
    vocab = vocabulary()
    heads = sorted(vocab["organisation_heads"] | vocab["project_heads"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, heads)) + r")(?![\w-])")


WINDOW = 120  # characters either side of a head that a name may span


def find_names(text: str) -> list[Found]:
    """The organisation and project names in `text` that the head-noun rule finds, in text order."""
    vocab = vocabulary()
    heads_org, heads_project = vocab["organisation_heads"], vocab["project_heads"]
    found: list[Found] = []
    reach = 0
    for head in _heads().finditer(text):
        if head.start() < reach:
            continue  # inside the name found last ("Ministry of Energy": "Energy" is a head too)
        lo = max(0, head.start() - WINDOW)
        words = [(m.start() + lo, m.end() + lo, m.group()) for m in _WORD.finditer(text[lo:head.end() + WINDOW])]
        i = next(k for k, w in enumerate(words) if w[0] == head.start())
        first, last = _left(words, i, text, vocab), _right(words, i, text, vocab)
        while first < i and words[first][2].isdigit():
            first += 1  # "2018 Tajik Aluminum Company": a year before a name is not part of it
        if first == i and last == i and not (words[i][2] in vocab["standalone_heads"]
                                             and text[max(0, words[i][0] - 4):words[i][0]] == "the "):
            continue  # a head alone names nothing ("Bank", "Group"), but "the Government" names one
        if _in_title(words, first, text, vocab):
            reach = words[last][1]
            continue
        start, end = words[first][0], _end(words[last])
        kind = "project" if any(_bare(w[2]) in heads_project for w in words[first:last + 1]) else "organisation"
        if kind == "organisation" and not any(_bare(w[2]) in heads_org for w in words[first:last + 1]):
            continue
        found.append(Found(start, end, text[start:end], kind))
        reach = end
    return found


@functools.cache
def _nouns() -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Per noun list ("project_nouns", "place_nouns"): the pattern of the nouns alone, which a paragraph is
    scanned with, and of a capitalised name before one, tried only in the text just before a noun found (a
    name pattern tried at every capital of a paragraph cost 30 µs a paragraph)."""
    vocab = vocabulary()
    word = r"[A-Z][\w’'&-]*(?:\.[\w’'&-]+)*"
    name = rf"((?:{word}[ ]){{0,3}}{word})"
    modifiers = "|".join(map(re.escape, sorted(vocab["project_modifiers"])))
    out = {}
    for key, between in (("project_nouns", rf"((?:[ ](?:{modifiers})){{0,2}}[ ]"), ("place_nouns", r"([ ]")):
        nouns = "|".join(map(re.escape, sorted(vocab[key], key=len, reverse=True)))
        out[key] = (re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])"), re.compile(name + between + rf"(?:{nouns}))\Z"))
    return out


def _noun_phrases(text: str, key: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, name words) of each capitalised name before a noun of list `key`, nouns included in the
    span; names made only of nationality adjectives (or of starters and titles) are left out."""
    vocab = vocabulary()
    nouns, phrase = _nouns()[key]
    found, reach = [], 0
    for noun in nouns.finditer(text):
        m = phrase.search(text, max(reach, noun.start() - NAME_REACH), noun.end())
        if not m:
            continue
        start, words = _trimmed(m, vocab)
        if words and not all(w in vocab["adjectives"] for w in words):
            found.append((start, m.end(), words))
            reach = m.end()
    return found


NAME_REACH = 120  # characters before a noun that a name and its modifiers may take


def find_projects(text: str) -> list[Found]:
    """Projects named by a capitalised name before a lower-case project noun ("Kumtor mine", "Roghun
    hydroelectric power station"), noun included; not a nationality's ("Kazakh uranium mine")."""
    return [Found(s, e, text[s:e], "project") for s, e, _ in _noun_phrases(text, "project_nouns")]


def find_places(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of a capitalised name before a place noun ("Syrdarya region", "Shymkent city"): the
    span with the noun, the name without it."""
    return [(s, e, " ".join(words)) for s, e, words in _noun_phrases(text, "place_nouns")]


def _trimmed(m: re.Match, vocab: dict) -> tuple[int, list[str]]:
    """Where the name of a noun pattern's match starts, and its words, without leading starters and titles."""
    words = m.group(1).split(" ")
    start = m.start(1)
    while words and (words[0] in vocab["starters"] or words[0] in vocab["titles"]):
        start += len(words.pop(0)) + 1
    return start, words


def _bare(word: str) -> str:
    """`word` without a possessive ending."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _end(word: tuple[int, int, str]) -> int:
    """The end of a word without its possessive ending."""
    return word[1] - 2 if word[2].endswith(("'s", "’s")) else word[1]


def _joined(words: list, a: int, b: int, text: str) -> bool:
    """Whether words a and b (a < b) are separated by spaces only (no comma, bracket or full stop)."""
    gap = text[words[a][1]:words[b][0]]
    return gap.strip() == "" and "\n" not in gap


def _left(words: list, i: int, text: str, vocab: dict) -> int:
    """The first word of the name whose head is word i: capitalised words before it, up to a sentence start,
    a title or a word that starts sentences."""
    first = i
    while first > 0 and _joined(words, first - 1, first, text):
        word = words[first - 1][2]
        if (not _capitalised(word) or word in vocab["starters"] or word in vocab["titles"] or _QUALIFIER.search(word)
                or (word in vocab["adjectives"] and words[i][2] in vocab["state_heads"])):
            break  # nor "Saudi-listed", nor "Kazakh" before a state body: "the Kazakh Ministry of …"
        if word.endswith(("'s", "’s")) and first - 1 != i:
            break  # "Kazakhstan's Ministry of Energy": the country is not part of the name
        first -= 1
    return first


def _right(words: list, i: int, text: str, vocab: dict) -> int:
    """The last word of the name whose head is word i: capitalised words after it, and "of"/"for"/"on"
    followed by capitalised words, then "and" too ("Ministry of Industry and Construction of Kazakhstan")."""
    last, inside = i, False  # inside: past "of"/"for"/"on", where "and" joins ("of Industry and Construction")
    while last + 1 < len(words) and _joined(words, last, last + 1, text) and not words[last][2].endswith(("'s", "’s")):
        nxt = words[last + 1][2]
        if (_capitalised(nxt) and nxt not in vocab["titles"] and nxt not in vocab["starters"]
                and (inside or _bare(nxt) in vocab["organisation_heads"] | vocab["project_heads"]
                     or words[i][2] in vocab["prefix_heads"])):
            last += 1  # "World Bank Group", "JSC NC Kazatomprom", "of Natural Resources"; not a person's
            continue   # name after a name ("… Mineral Resources Sauat Mynbayev")
        if nxt in vocab["joiners"] and (inside or nxt not in ("and", "&") or _head_run(words, last + 2, text, vocab)):
            inside = True
            step = last + 2
            if step < len(words) and words[step][2] == "the" and _joined(words, last + 1, step, text):
                step += 1
            if (step < len(words) and _joined(words, step - 1, step, text) and _capitalised(words[step][2])
                    and words[step][2] not in vocab["titles"] and words[step][2] not in vocab["starters"]):
                last = step
                continue
        break
    return last


def _head_run(words: list, k: int, text: str, vocab: dict) -> bool:
    """Whether the capitalised run starting at word k ends with a head noun ("and Metallurgical Plant")."""
    heads = vocab["organisation_heads"] | vocab["project_heads"]
    while k < len(words) and _capitalised(words[k][2]):
        if _bare(words[k][2]) in heads:
            return True
        if k + 1 >= len(words) or not _joined(words, k, k + 1, text):
            break
        k += 1
    return False


def _in_title(words: list, first: int, text: str, vocab: dict) -> bool:
    """Whether the name starting at word `first` is part of a person's title ("Chairman of the Board of …",
    "Minister of Energy"): a title word, with "of" and "the", just before it."""
    j = first - 1
    while j >= 0 and words[j][2] in ("of", "the") and _joined(words, j, j + 1, text):
        j -= 1
    return j >= 0 and j < first - 1 and words[j][2] in vocab["titles"] and _joined(words, j, j + 1, text)


def acronym_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of the acronym in brackets right after position `end` of `text` ("… Bank (EDB)"), or None."""
    m = _ACRONYM.match(text, end)
    return m.span(1) if m else None
