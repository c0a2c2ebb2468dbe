"""Who said it and the row every quote rule emits, and the one way a reported clause becomes a row."""

from __future__ import annotations

from typing import NamedTuple

from loaders.quotes.cues import SECOND_PREDICATE_RE
from loaders.quotes.marks import WORD_RE


class Speaker(NamedTuple):
    """Who a quote is attributed to, as the quotes table's speaker columns hold it."""

    name: str
    role: str
    side: str
    attribution: str
    person: bool = False  # a person, not an organisation or an unnamed source


UNNAMED = Speaker("", "", "", "unattributed")


class Row(NamedTuple):
    """One quote of one article: the quotes table's columns that the rules decide."""

    para_no: int
    start: int
    end: int
    text: str
    speaker: str
    person: str  # the speaker's name when the speaker is a person, else ""
    speaker_role: str
    side: str
    kind: str
    cue: str
    attribution: str
    rule: str


COLUMNS = list(Row._fields)


def quote_row(p: int, start: int, end: int, text: str, kind: str, speaker: Speaker | None, cue: str,
              rule: str) -> Row:
    """A row for text[start:end] of paragraph `p`; no speaker gives an unattributed row."""
    if speaker is None:
        return Row(p, start, end, text, "", "", "", "", kind, cue, "unattributed", rule)
    name, role = single_spaced(speaker.name), single_spaced(speaker.role)
    return Row(p, start, end, text, name, name if speaker.person else "", role, speaker.side,
               kind, cue, speaker.attribution, rule)


def single_spaced(text: str) -> str:
    """`text` with runs of spaces as one: a company's name unwrapped by marks.mask_quoted_names leaves them."""
    return text if "  " not in text else " ".join(text.split())


def reported_row(p: int, start: int, end: int, text: str, speaker: Speaker, cue: str, rule: str) -> Row | None:
    """The reported row of text[start:end], cut before a second predicate of the speaker (", but declined to");
    None when fewer than three words remain (two before such a cut: "output fell, without elaborating")."""
    cut = SECOND_PREDICATE_RE.search(text, start, end)
    if cut:
        end = cut.start()
    clause = text[start:end].strip()
    if len(WORD_RE.findall(clause)) < (2 if cut else 3):
        return None
    start = text.index(clause, start)
    return quote_row(p, start, start + len(clause), clause, "reported", speaker, cue, rule)


def words(text: str) -> int:
    """Number of words in `text`, as the quote rules count them."""
    return len(WORD_RE.findall(text))

