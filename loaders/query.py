"""The search box's syntax read into clauses, and where a query's words occur in a text (for highlighting).

Syntax, case-insensitive, over whole words: `lithium battery` (both words, in any order), `"green hydrogen"`
(the words next to each other), `lithium OR cobalt` (either; OR binds tighter than the implicit AND, so
`battery lithium OR cobalt` is battery and either metal), `-coal` or `NOT coal` (excluded, also
`-"coal mine"`), `electroly*` (words starting so; one word, not a phrase). AND is the default and may be
written. Anything else is plain text: punctuation, `field:x`, `^2`, `(`, `~` are word separators as they
are in the indexed text, so `Kassym-Jomart` is the phrase "kassym jomart". `parse` never raises; what it
had to ignore or cut is said in `Query.notes`.

Words are cut and normalised by one tantivy analyzer (`ANALYZER`, registered as TOKENIZER in the index):
split at every character that is not a letter or digit, lowercased and folded to ASCII (`Simkić` finds
`Simkic`), words over 40 characters dropped. The index and the highlighter use the same analyzer, so a
highlighted word is one the index matched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import tantivy

ANALYZER = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(40))
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())
TOKENIZER = "words"
MAX_CHARS = 1000
MAX_CLAUSES = 24
QUOTE_MARKS = frozenset('"“”„«»')
_SHOWN = 40


@dataclass(frozen=True)
class Clause:
    """Consecutive analysed words to find; with `prefix` (one word only), the word found only has to start so."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """A parsed search: every group must match (a group matches when any of its clauses does), no excluded
    clause may match. `notes` are plain-text messages on what was ignored."""

    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the query restricts nothing (no words survived parsing)."""
        return not self.groups and not self.excluded

    @property
    def wanted(self) -> tuple[Clause, ...]:
        """Every clause a hit may contain (the groups' alternatives): what a reader highlights."""
        return tuple(dict.fromkeys(c for group in self.groups for c in group))


@dataclass(frozen=True)
class _Item:
    negated: bool
    text: str
    phrase: bool


_OR = _Item(False, "OR", False)


def _quoted(text: str) -> str:
    cut = text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
    return '"' + cut + '"'


def _clean(text: str) -> str:
    """`text` with control, format and lone-surrogate characters as spaces (none of them can be searched)."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in text)


def _items(text: str, notes: list[str]) -> Iterator[_Item]:
    """The words, phrases and ORs of `text`, left to right; AND is dropped and NOT becomes a leading -."""
    i, size, negate = 0, len(text), False
    while i < size:
        if text[i].isspace():
            i += 1
            continue
        start = i
        while i < size and text[i] == "-":
            i += 1
        negated = negate or i > start
        negate = False
        if i < size and text[i] in QUOTE_MARKS:
            end = next((j for j in range(i + 1, size) if text[j] in QUOTE_MARKS), -1)
            if end < 0:
                notes.append(f"The quote mark before {_quoted(text[i + 1:].strip())} is not closed: "
                             "its words are searched one by one.")
                i += 1
                continue
            yield _Item(negated, text[i + 1:end], True)
            i = end + 1
            continue
        end = i
        while end < size and not text[end].isspace() and text[end] not in QUOTE_MARKS:
            end += 1
        word, i = text[i:end], end
        if word in ("OR", "AND", "NOT") and not negated:
            if word == "OR":
                yield _OR
            negate = word == "NOT"
        else:
            yield _Item(negated, word, False)


def _clause(item: _Item, notes: list[str]) -> Clause | None:
    """The clause an item asks for, or None when it holds no letter or digit."""
    body = item.text if item.phrase else item.text.rstrip("*")
    words = tuple(ANALYZER.analyze(body))
    if not words:
        if "*" in item.text and not item.phrase:
            notes.append(f"{_quoted(item.text)}: a * must follow the start of a word (electroly*); ignored.")
        return None
    prefix = not item.phrase and body != item.text
    if prefix and len(words) > 1:
        notes.append(f"{_quoted(item.text)}: a * works at the end of a single word; searched without it.")
        prefix = False
    return Clause(words, prefix)


def parse(text: str) -> Query:
    """The query `text` asks for (see the module docstring), with notes on anything ignored; never raises."""
    notes: list[str] = []
    text = _clean(text)
    if len(text) > MAX_CHARS:
        notes.append(f"The search is longer than {MAX_CHARS:,} characters: only the start is used.")
        text = text[:MAX_CHARS]
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    after_word = pending_or = lone_or = False
    for item in _items(text, notes):
        if item is _OR:
            lone_or |= pending_or or not after_word
            pending_or = after_word
            continue
        clause = _clause(item, notes)
        if clause is None:
            continue
        if sum(map(len, groups)) + len(excluded) == MAX_CLAUSES:
            notes.append(f"Only the first {MAX_CLAUSES} words or phrases are searched.")
            break
        if item.negated:
            excluded.append(clause)
            lone_or |= pending_or
        elif pending_or:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        after_word, pending_or = not item.negated, False
    if pending_or or lone_or:
        notes.append("OR needs a word or phrase on each side; a lone OR was ignored.")
    query = Query(tuple(tuple(dict.fromkeys(g)) for g in groups), tuple(dict.fromkeys(excluded)))
    if query.empty and text.strip() and not notes:
        notes.append(f"Nothing to search for in {_quoted(text.strip())}: a search needs letters or digits.")
    return Query(query.groups, query.excluded, tuple(dict.fromkeys(notes)))


def _match(tokens: dict[int, tantivy.Token], position: int, clause: Clause) -> tantivy.Token | None:
    """The last token of `clause` found at `position`, or None."""
    token = None
    for k, word in enumerate(clause.words):
        token = tokens.get(position + k)
        last = k == len(clause.words) - 1
        if token is None or not (token.text == word or (last and clause.prefix and token.text.startswith(word))):
            return None
    return token


def hit_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """(start, end) character offsets of every occurrence in `text` of a clause the query wants, in order.

    Words are compared as the index compares them: analysed, a phrase's words at consecutive positions
    (a word dropped for its length leaves a gap, as in the index), a prefix clause's last word by its start.
    """
    wanted = query.wanted
    if not wanted or not text:
        return []
    tokens = {t.position: t for t in ANALYZER.pre_tokenize(text).tokens}
    spans = set()
    for position, first in tokens.items():
        for clause in wanted:
            if (last := _match(tokens, position, clause)) is not None:
                spans.add((first.char_offset_from, last.char_offset_to))
    return sorted(spans)
