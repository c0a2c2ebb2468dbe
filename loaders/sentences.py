"""Sentence splitting for English news paragraphs.

`sentence_spans` finds sentence boundaries with one regex pass and a few rules
(abbreviations, initials, dotted acronyms, decimals, closing quotes), so other
extractors can attach the containing sentence to every row they emit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"\w+")
# Abbreviations that never end a sentence when followed by a capitalised word.
_ABBREV = frozenset(
    "mr mrs ms dr prof st gen col lt sgt capt rev hon sen rep gov pres amb messrs jr sr "
    "e.g i.e cf vs approx est dept inc ltd corp co bros fig art para sec ch vol".split()
)
# Abbreviations that do not end a sentence when a number follows ("No. 5", "Art. 12").
_BEFORE_NUMBER = frozenset("no nos art para sec ch vol fig p pp jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Two-letter initials of transliterated given names ("Kh. Yusifzade", "Zh. Kassymbek"): never a sentence's end.
DIGRAPH_INITIALS = ("Kh", "Zh", "Sh", "Ch", "Ts", "Yu", "Ya", "Ye")
# Words that typically open a sentence; after a dotted acronym ("U.S.") they signal a boundary.
_STARTERS = frozenset(
    "The A An This That These Those It Its He She We They I In On At As But And Also However "
    "Meanwhile According There His Her Their Our After Before Since When While Earlier Later".split()
)


# A terminator run, any closing quotes/brackets that belong to the sentence, then whitespace or end; or a full
# stop a scraped page lost the space after, between a word and a word that opens sentences or a capitalised word
# of three letters or more ("…obligations.The newly …", "…foreign media.Schinas, in turn, …"; never "News.Az";
# _is_boundary keeps "Yandex.Taxi").
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n\s*\n|(?<=[a-z]{2})\.(?=(?:" + "|".join(sorted(_STARTERS))
                  + r")\b|[A-Z][a-z]{2,})")


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Whether the terminator run at `dot` (next sentence text starts at `after`) ends a sentence."""
    if after >= len(text):
        return True
    nxt = text[after]
    if nxt.islower() or nxt in ",;:":
        return False
    if text[dot] != ".":
        return True
    begin = dot
    while begin > 0 and dot - begin < 40 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:dot].lstrip("\"'“‘«([")
    if not word:
        return True
    low = word.lower()
    if low in _ABBREV:
        return False
    if after == dot + 1:  # a lost space: after a lower-case word ("media.Schinas"), or before a sentence opener
        opener = _WORD.match(text, after)
        return word[:1].islower() or (opener is not None and opener.group(0) in _STARTERS)
    if low in _BEFORE_NUMBER and nxt.isdigit():
        return False
    if (len(word) == 1 and word.isupper()) or word in DIGRAPH_INITIALS:
        return False  # an initial: "J. Smith", "Kh. Yusifzade"
    if "." in word and all(len(part) == 1 for part in word.split(".")):
        # dotted acronym or abbreviation ("U.S.", "e.g"): a boundary only before a sentence opener
        nxt_word = _WORD.match(text, after)
        return bool(nxt_word) and nxt_word.group(0) in _STARTERS
    return True


# Every stage of a build (quotes, dates, amounts) splits the same paragraphs: each is split once per batch (a batch
# holds at most 1,000 articles of some ten to twenty paragraphs), and build.analyse empties the cache after it.
@lru_cache(maxsize=1 << 15)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in `text`, whitespace-trimmed, in order, covering all non-blank text."""
    return tuple(_spans(text))


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        after = _SPACE.match(text, end).end()
        blank_line = text[m.start()] == "\n"
        if not blank_line and not _is_boundary(text, m.start(), after):
            continue
        _add(text, start, m.start() if blank_line else end, spans)
        start = after
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stop = len(piece.rstrip())
    if stop > lead:
        spans.append((start + lead, start + stop))


# Evidence longer than this is clipped to a window around its match: a "sentence" of a pasted table can be
# 100 KB, and storing it whole on each of its thousands of rows would grow memory with the square of its size.
EVIDENCE_MAX_CHARS = 400


def sentence_covering(text: str, spans: Sequence[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) among `spans` (from `sentence_spans(text)`) covering [start, end); "" if none.

    Lets an extractor split a paragraph once and look up many matches (by bisection). Evidence
    over EVIDENCE_MAX_CHARS is clipped to a window around [start, end), marked with "…" where cut.
    """
    i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1  # last sentence starting at or before start
    if i < 0 or spans[i][1] <= start:
        i += 1
    if i >= len(spans):
        return ""
    j = max(i, bisect.bisect_left(spans, (max(end, start + 1), -1)) - 1)  # last sentence starting before end
    first, last = spans[i][0], spans[j][1]
    if last <= first:
        return ""
    if last - first <= EVIDENCE_MAX_CHARS:
        return text[first:last]
    room = max(0, EVIDENCE_MAX_CHARS - (end - start)) // 2
    lo, hi = max(first, start - room), min(last, max(end, start + EVIDENCE_MAX_CHARS - room))
    return ("…" if lo > first else "") + text[lo:hi] + ("…" if hi < last else "")


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` containing the span [start, end); "" when the span is outside all sentences."""
    return sentence_covering(text, sentence_spans(text), start, end)


def evidence_rows(article_id: str, para_no: int, text: str, hits: list[tuple]) -> list[tuple]:
    """Rows (article_id, para_no, *fields, expression, sentence, start, end) for the `hits`
    (*fields, start, end) found in one paragraph, which is split into sentences once (if at all)."""
    if not hits:
        return []
    spans = sentence_spans(text)
    return [(article_id, para_no, *fields, text[s:e], sentence_covering(text, spans, s, e), s, e)
            for *fields, s, e in hits]
