"""Direct quotes: which quoted spans are quotes, and who said each, by an ordered list of rules.

A span is a quote when it has at least 4 words and is not a title (marks.is_title), or when
it is a shorter span ending in , . ! ? that a cue right next to it attributes. Its speaker
comes from the first rule in `RULES` that finds one; the row records that rule's name. A
quote no rule attributes continues the speaker of the quote before it when it opens the
sentence (or paragraph) right after that quote's sentence (“…,” X said. “But …”); otherwise
it is kept unattributed.
"""

from __future__ import annotations

from typing import Callable

from loaders.quotes.cues import ASKED_RE, TAIL_SPK_CUE_RE, normal_cue
from loaders.quotes.direct_rules import (Found, Span, according_to_before, according_to_in_sentence, called_before,
                                         colon_sentence_before, cue_speaker_after, frame_before, label_before,
                                         next_quote_speaker, next_sentence, participle_before,
                                         participle_clause_before, previous_speaker, quoted_as_saying, span_of,
                                         speaker_cue_after, statement_before, subject_before,
                                         subject_of_paragraph_before, subject_of_sentence, summary_colon_before)
from loaders.quotes.marks import MARK_RE, Segment, is_title
from loaders.quotes.resolve import Article
from loaders.quotes.rows import Row, quote_row, words


# Tried in this order; the first that finds a speaker attributes the quote.
RULES: list[tuple[str, Callable[[Article, Span], Found | None]]] = [
    ("speaker_cue_after", speaker_cue_after),
    ("cue_speaker_after", cue_speaker_after),
    ("quoted_as_saying", quoted_as_saying),
    ("according_to_before", according_to_before),
    ("frame_before", frame_before),
    ("participle_before", participle_before),
    ("participle_clause_before", participle_clause_before),
    ("label_before", label_before),
    ("subject_before", subject_before),
    ("called_before", called_before),
    ("subject_of_sentence", subject_of_sentence),
    ("colon_sentence_before", colon_sentence_before),
    ("next_sentence", next_sentence),
    ("according_to_in_sentence", according_to_in_sentence),
    ("statement_before", statement_before),  # after the rules that read the quote's own or the next sentence
    ("previous_speaker", previous_speaker),
    ("summary_colon_before", summary_colon_before),
    ("subject_of_paragraph_before", subject_of_paragraph_before),
    ("next_quote_speaker", next_quote_speaker),
]


def _continues(art: Article, span: Span, previous: tuple[int, int, Row]) -> bool:
    """Whether the quote opens the sentence (or paragraph) right after the sentence that held `previous`, or
    follows it in the same sentence after a speech cue."""
    q, q_end, prev_row = previous
    p0, sent_start = span.p0, span.sent_start
    if not prev_row.speaker:
        return False
    if not prev_row.person:  # “…,” he said, after an organisation's quote: whoever "he" is, not the organisation
        own = TAIL_SPK_CUE_RE.match(art.paras[span.p1], span.tail_from)
        if own is not None and own.group("spk").casefold() in ("he", "she"):
            return False
    if span.head.strip():
        # “…,” she said, adding that “…”: a second quote in the sentence after the first one's attribution
        return q == p0 and sent_start <= q_end < span.s0 and art.has_cue(p0, q_end, span.s0)
    prev_text = art.paras[q]
    if q == p0 and sent_start > 0:
        follows = art.sentence(p0, sent_start - 1)[0] <= q_end < sent_start
    else:
        follows = (q == p0 - 1 and sent_start == 0 and span.p1 == p0
                   and art.sentence(q, max(len(prev_text) - 1, 0))[0] <= q_end)
    return follows and prev_text[q_end:sent_start if q == p0 else len(prev_text)].count(".") <= 1


def direct_rows(art: Article, segs: list[Segment], previous: tuple[int, int, Row] | None) -> list[Row] | None:
    """The row for a quoted span (plus a reported row for "and added that …"), or None if it is no quote.

    `previous` is (para_no, end, row) of the article's preceding direct quote.
    """
    found_span = span_of(art, segs)
    if found_span is None:
        return None
    span, inner, start, end = found_span
    last = art.paras[span.p1]
    if is_title(inner, span.head[-80:], last[span.tail_from:span.tail_from + 40]):
        return None
    found, rule = None, "no_attribution"
    asked = ASKED_RE.match(span.head)
    if asked and not art.has_cue(span.p0, span.sent_start + asked.end(), span.s0):
        # "Asked if mining “takes away …,” the minister said": the question, not the answer that follows
        return [quote_row(span.p0, start, end, inner, "direct", None, "", "question")]
    for name, attribute in RULES:
        found = attribute(art, span)
        if found is not None:
            rule = name
            break
    if words(inner) < 4 and not (found is not None and found.adjacent and inner[-1] in ",.!?…"):
        return None
    if inner.endswith(","):  # “…,” she said: the comma stands for the attribution, it is not the speaker's
        kept = inner[:-1].rstrip()
        end -= len(inner) - len(kept)
        inner = kept
    if found is None and previous is not None and _continues(art, span, previous):
        prev = previous[2]
        return [prev._replace(para_no=span.p0, start=start, end=end, text=inner, kind="direct", rule="continuation")]
    if found is None:
        return [quote_row(span.p0, start, end, inner, "direct", None, "", rule)]
    rows = [quote_row(span.p0, start, end, inner, "direct", found.speaker, found.cue, rule)]
    if found.extra is not None and not MARK_RE.match(last, found.extra[1]):  # "adding that “…”" is the next quote
        cue, s, e = found.extra
        rows.append(quote_row(span.p1, s, e, last[s:e], "reported", found.speaker, normal_cue(cue), "and_added_that"))
    return rows
