"""Quote-mark scanning: the top-level quoted spans of an article, and which of them are titles.

Direct quotes are the top-level spans between quote marks (“…” «…» "…" ‘…’ „…“ ‚…‘), found
by one left-to-right scan per paragraph: a mark opens when it is followed by text and
preceded by a space, start or bracket, and closes its own opener; marks nested inside an
open quote belong to it. An apostrophe between letters (Kazakhstan’s) is never a mark. A
quote left open at the end of a paragraph runs on when the next paragraph starts with an
opening mark (news convention for a quote over several paragraphs). Two ways real outlets
break marks are read too: a closing mark followed by an attribution with no opener before
it (the opener was lost, or a speech ran on without one), and a mark typed on the wrong side
of a space (`…government, "said X`, `… our partners ”.`, `saying that " Centerra …`,
`noted that“Europeans …`).
"""

from __future__ import annotations

import bisect
import re

from loaders.quotes.cues import CUE_WORD_RE, OUTLET_DOMAIN
from loaders.quotes.vocab import CUE, LEGAL_FORM

Segment = tuple[int, int, int]  # (para_no, start, end) of a quote's inner text in one paragraph

_OPENERS = "“«\"‘„‚”'"
_CLOSES = {"»": "«", "”": "“„”", "“": "„", '"': '"', "’": "‘‚'", "‘": "‚", "'": "'‘"}
MARK_RE = re.compile("[\"“”«»‘’„‚']")
# closing marks that close an open quote of another style, as outlets that mix their marks type them:
# “…», «…”, and a straight mark paired with a typographic one ("…”, “…", «…")
_MISMATCHED = {"»": "“„\"", "”": "«\"", '"': "“«"}
_LEAD_OPENER_RE = re.compile(r"\s*[“«\"‘„‚]")
WORD_RE = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
# a company's name in quote marks beside its legal form or a company noun: JSC "NC KazMunayGas", «Kazakhmys» LLP,
# national company “Kazatomprom”; a full stop may close the sentence inside the marks (`…of JSC "KEGOC."`). The
# scan finds short quoted capitalised runs (a mark first, which the regex engine skips to quickly), then reads
# the words beside each
# A legal form may stand inside the marks with the name quoted again inside it, Russian-style: JSC «NAC «Kazatomprom»»,
# where an outlet often types one closing mark for both (JSC «NAC «Kazatomprom»).
_QUOTED_RUN_RE = re.compile(rf"[\"“«](?:(?P<outer>{LEGAL_FORM})\s*[\"“«])?(?P<name>[A-Z0-9][^\"“”«»\n.!?,;:]{{0,60}}?)\.?"
                            r"(?(outer)[\"”»]{1,2}|[\"”»])")
_MARKS = frozenset("\"“”«»")
_NAME_BEFORE_RE = re.compile(
    rf"(?:(?<![\w\-])(?P<legal>(?:{LEGAL_FORM}\s+)+)|\b(?i:company|corporation|holding|concern|enterprise|plant|firm)\s+)$")
_LEGAL_AFTER_RE = re.compile(rf"\s+{LEGAL_FORM}(?![\w\-])")
_LEGAL_INSIDE_RE = re.compile(rf"(?:{LEGAL_FORM}\s+)+")
_FLANK_PUNCT = ".,;:!?)]}…—–-/"
# a closing mark that an attribution follows: `…,” he said`, `…,” Kun.uz quoted him as saying`
_ORPHAN_CLOSER_RE = re.compile(rf"[”»\"“](?=\s*,?\s*(?:[—–-]\s*)?(?:[A-Z][a-z]?\.\s?|{OUTLET_DOMAIN}|[^.!?“”«»\"]){{0,80}}?\b(?:"
                               + CUE + r"|as\s+saying)\b)")
# the attribution ending a paragraph whose quote never closed: the outlet lost the closing mark before the comma
# (`“It is the largest deposit …, said Jan Moström, CEO of LKAB.`, `“… by 2027, the minister said.`) or before an
# attribution standing as a sentence of its own (`“… the team members! Azizbek Urunov wrote.`)
_LOST_CLOSER_RE = re.compile(
    rf"(?:,|(?<=[.!?]))\s+(?:(?<=,\s)(?:{CUE})\s+(?:[A-Z]|the\s|his\s|her\s|its\s)[^.!?“”«»\"]{{0,160}}"
    rf"|(?:[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){{0,3}}|[Tt]he\s+[\w\-]+(?:\s+[\w\-]+)?|he|she)\s+(?:{CUE})\b"
    # after the cue only where or when it was said: ", they said the plant would be built" reports inside the quote
    rf"(?:,?\s+(?:on|at|in|during|after|before|while|when|via|last|this|earlier|later|today|yesterday)\b"
    rf"[^.!?“”«»\"]{{0,100}})?)[.!]?\s*$"
)
# a speech frame ending at a comma and a space: "X said, ", "X told a parliamentary committee, "
_FRAME_BEFORE_COMMA_RE = re.compile(rf"\b(?:{CUE})\b[^.!?;:“”«»\"]{{0,60}},\s$")
_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|his|her|called|named|entitled|titled|dubbed|so-called|known\s+as|under"
    r"|of)\s*)$",
    re.I,
)
# a document named before its quoted title: the Resolution of the Cabinet of Ministers “On measures to …”
_DOC_BEFORE_RE = re.compile(
    r"\b(?:resolution|decree|law|order|bill|code|concept|programme|program|strategy|agreement|memorandum"
    r"|declaration|treaty|doctrine|book|article|report|documents?|conference|forum|summit|roundtable|round\s+table"
    r"|exhibition|festival|campaign|competition|contest|slogan|motto|theme|film|project)"
    r"(?:\s+(?:of|on|by|from|No\.?)\s+[^“”«»\".;:]{0,60})?\s*$"
    # a session's topic right after "on": "a panel session on “Green energy and smart city”"
    r"|\b(?:session|panel|seminar|workshop|webinar|symposium)\s+on\s*$",
    re.I,
)
# quoted words that go on the sentence as the predicate of a document named before them ("the agreement “ran counter
# to the country's interests.”"): opening with a finite verb, closing the sentence; never a title in lower case ("the
# law “on subsoil use.”", "the law “amending certain acts.”", "the draft “with amendments to the Tax Code.”")
_PREDICATE_RE = re.compile(r"(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|does|did"
                           r"|ran|made|gave|took|put|set|went|came|became|brought|kept|left|meant|led|held|fell|rose"
                           r"|grew|remains|means)\s[^“”«»\"]*[.!?]$")
_DOC_AFTER_RE = re.compile(
    r"\s*(?:strategy|programme|program|project|initiative|agreement|memorandum|roadmap|plan|concept|law|act"
    r"|forum|summit|conference|platform|report|company|fund|holding|corporation|partnership|alliance"
    r"|declaration|format|mechanism|network|campaign|award|prize|document|brand|corridor|zone|park|hub"
    r"|cluster|centre|center|system|framework|package|deal|contract|facility|group|scheme|programmes"
    r"|projects|initiatives|agreements|strategies)\b",
    re.I,
)


def _after_clause_end(text: str, i: int) -> bool:
    """Whether the mark at `i` follows a space after sentence punctuation (`…government, "said`): typed as a closer."""
    return i >= 2 and text[i - 1] == " " and text[i - 2] in ",.!?"


def _orphan_closer(text: str) -> int:
    """Offset of a closing mark that an attribution follows (`…,” he said`) with no opening mark before it
    in `text`, or -1: an outlet lost the opener, or a speech ran on from the paragraph before without one.
    An apostrophe inside a word (region’s) is no mark."""
    first_mark = next((m for m in MARK_RE.finditer(text)
                       if not (m.group() in "’'" and text[m.start() - 1:m.start()].isalpha()
                               and text[m.end():m.end() + 1].isalpha())), None)
    if first_mark is None or text[first_mark.start()] not in "”»\"":
        return -1
    at = first_mark.start()
    closes = at > 0 and (not text[at - 1].isspace() or _after_clause_end(text, at))
    if closes and text[at - 1] == " " and text[at - 2] in ".!?" and text[at + 1:at + 2].isupper():
        return -1  # `… Turkmenistan. "This will extend … member states’ exports,” …`: after a full stop, an opener
    return at if closes and _ORPHAN_CLOSER_RE.match(text, at) else -1


def _lost_opener(text: str, last_close: int, i: int) -> int:
    """Where a quote starts whose closing mark at `i` an attribution follows, when its opener was lost right after
    the quote closed at `last_close` (“Central Asia has no sea.” Therefore we build roads,” he said): the first
    letter after that quote, when the quote ended a sentence and a capital opens the next; else -1."""
    if last_close < 1 or text[last_close - 1] not in ".!?" or not _ORPHAN_CLOSER_RE.match(text, i):
        return -1
    start = last_close + 1 + len(text[last_close + 1:i]) - len(text[last_close + 1:i].lstrip())
    return start if start < i and text[start].isupper() else -1


def _closer_at_end(text: str) -> int:
    """Offset of a closing mark ending `text` with no opening mark before it (`… in the field of mining."`), or -1:
    the last paragraph of a speech whose opener the outlet left out."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in "”»\"" or len(stripped) < 2 or stripped[-2].isspace():
        return -1
    first = next((m.start() for m in MARK_RE.finditer(stripped)
                  if not (m.group() in "’'" and stripped[m.start() - 1:m.start()].isalpha()
                          and stripped[m.end():m.end() + 1].isalpha())), -1)
    return first if first == len(stripped) - 1 else -1


def _continuations(paras: list[str], orphans: list[int], ends: list[int], reach: int = 3) -> list[bool]:
    """Whether paragraph p can continue a speech left open in the paragraph before: it opens with a mark,
    its first mark closes (an attribution or the paragraph's end follows), or it has no marks and one of
    the next `reach` paragraphs can (a speech over several paragraphs whose middle lost its marks)."""
    takes = [False] * (len(paras) + 1)
    bare = [0] * (len(paras) + 1)  # unmarked paragraphs in a row from p that end in a closing one
    for p in range(len(paras) - 1, -1, -1):
        text = paras[p]
        if _LEAD_OPENER_RE.match(text) or orphans[p] >= 0 or ends[p] >= 0:
            takes[p], bare[p] = True, 0
        elif MARK_RE.search(text) is None and takes[p + 1] and bare[p + 1] < reach:
            takes[p], bare[p] = True, bare[p + 1] + 1
    return takes[:len(paras)]


# the kinds of opening mark: a speech over several paragraphs opens each one with its own kind («…, «…, «…»)
_MARK_KIND = {"«": "«", "“": "“", "\"": "“", "”": "“", "‘": "‘", "'": "‘", "„": "„", "‚": "‚"}


def _may_continue(opener: str, following: str) -> bool:
    """Whether a quote left open by `opener` inside a paragraph may go on into the `following` paragraph: not when
    that paragraph opens with another kind of mark (`the «Green Bridge initiative.` / `“We comply,” X said.` is a
    lost closing mark, and the next paragraph's quote is its own)."""
    lead = _LEAD_OPENER_RE.match(following)
    return lead is None or _MARK_KIND.get(lead.group()[-1]) == _MARK_KIND.get(opener)


# words that report speech: a paragraph holding one is the narrative's, never a speech's unmarked sequel
_REPORTS_RE = re.compile(r"\b(?:said|says|told|tells|reported|reports|according|noted|notes|stated|states|added"
                         r"|wrote|writes|informed|announced|quoted)\b")
_SENTENCE_END_RE = re.compile(r"[.!?…]\s*$")
# the speaker's own voice: a paragraph in the first person goes on with a speech, one about it ("The address went
# on for two hours.") is the narrative's
_FIRST_PERSON_RE = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y)\b")


def _unmarked_sequel(text: str, following: list[str]) -> bool:
    """Whether `following` (the next paragraph, or none) goes on with a speech that `text` opened with a double
    mark and left open after a full sentence: it speaks in the first person, with no quote marks and no word that
    reports speech."""
    return (bool(following) and _SENTENCE_END_RE.search(text) is not None and MARK_RE.search(following[0]) is None
            and _FIRST_PERSON_RE.search(following[0]) is not None and _REPORTS_RE.search(following[0]) is None)


def scan_spans(paras: list[str]) -> list[list[Segment]]:
    """Top-level quoted spans of an article, each a list of segments of inner text, in order."""
    spans: list[list[Segment]] = []
    carry: list[Segment] | None = None
    carry_char = ""
    orphans = [_orphan_closer(text) for text in paras]
    ends = [_closer_at_end(text) for text in paras]
    takes = _continuations(paras, orphans, ends)
    for p, text in enumerate(paras):
        stack: list[tuple[str, int]] = []
        begin = 0
        cont_start = -1
        orphan = orphans[p] if orphans[p] >= 0 or carry is None else ends[p]
        if carry is not None:
            lead = _LEAD_OPENER_RE.match(text)
            if lead:
                stack.append((carry_char, -1))
                begin = cont_start = lead.end()
            elif orphan < 0 and takes[p] and MARK_RE.search(text) is None:
                carry = carry + [(p, 0, len(text.rstrip()))]  # a middle paragraph of a speech, without marks
                continue
            elif orphan < 0:
                carry = None
        if orphan >= 0 and not (carry is not None and stack):
            spans.append((carry or []) + [(p, 0, orphan)])
            carry = None
            begin = orphan + 1
        n = len(text)
        last_close = orphan if orphan >= 0 else -1  # the closing mark of the paragraph's last quote so far
        for m in MARK_RE.finditer(text, begin):
            i = m.start()
            ch = text[i]
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            left = (not nxt.isspace() and (prev.isspace() or prev in "([{—–-/" or prev in _OPENERS or i == begin
                                           or (prev in ".!?" and nxt.isupper())  # "…in Hungary.“Bulgaria is…"
                                           or (prev in ",:;" and nxt.isalnum() and not stack))  # "noting,“Border…"
                    # a paragraph opening with a mark and a stray space: `" A slowdown …", said X`
                    or (nxt == " " and ch in "\"“«" and not text[:i].strip() and text[i + 2:i + 3].isalnum()))
            right = not prev.isspace() and (nxt.isspace() or nxt in _FLANK_PUNCT or nxt in "”»\"’" or i + 1 == n
                                            # `…many years,"President Aliyev said`: the space after it lost
                                            or (bool(stack) and prev in ",.!?" and nxt.isalpha() and ch in "\"”»"))
            if ch in "\"”»“" and _after_clause_end(text, i) and (
                    CUE_WORD_RE.match(text, i + 1) or not text[i + 1:].strip()
                    # `…Vanadzor, "Pashinyan wrote`; never `…, Name said. “We believe …`: after a full stop, a
                    # capital right after an opening mark starts the next quote, whatever cue word follows in it
                    or (_ORPHAN_CLOSER_RE.match(text, i) and not (ch in "\"“" and nxt.isupper() and (
                        text[i - 2] in ".!?"
                        # `X told a committee, “We …`: a frame before the comma, the quote it introduces opens here
                        or _FRAME_BEFORE_COMMA_RE.search(text, max(0, i - 100), i))))):  # i >= 2 here
                # a closing mark typed after the space: `…government, "said X`, `…controlled, ”he concluded`,
                # or `…as well. "` ending the paragraph
                right, left = True, False
            elif stack and prev.isspace() and ch in "\"”»" and (i + 1 == n or nxt in ".,;:!?)" or (
                    nxt.isspace() and (ch != '"' or any(k == '"' for k, _ in stack)))):
                # a closing mark typed after a space: `… with our partners ”.`, `… over the years " he said`
                right, left = True, False
            elif not stack and ((prev.isspace() and nxt == " " and ch in "\"“" and text[i + 2:i + 3].isalnum())
                                or (ch == "“" and prev.isalpha() and nxt.isalnum())):
                # an opening mark typed before a space or glued to the word before: `saying that " Centerra …`,
                # `noted that“Europeans …`
                left, right = True, False
            if ch in "’'" and prev.isalpha() and nxt.isalpha():
                continue
            closes = _CLOSES.get(ch, "")
            target = -1
            if closes and (right or ch in "»") and not (ch == '"' and left and not right):
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] in closes:
                        target = k
                        break
            if ch == "“" and target < 0 and right and not left:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == "“":
                        target = k
                        break
            if target < 0 and ch in _MISMATCHED and right and stack and stack[-1][0] in _MISMATCHED[ch]:
                target = len(stack) - 1  # “…» or «…”: an outlet mixing its marks closes the open quote
            if target >= 0:
                opener_pos = stack[target][1]
                del stack[target:]
                if not stack:
                    if opener_pos < 0 and carry is not None:
                        spans.append(carry + [(p, cont_start, i)])
                        carry = None
                    else:
                        spans.append([(p, opener_pos + 1, i)])
                    last_close = i
                continue
            lost = _lost_opener(text, last_close, i) if not stack and right and not left and ch in "\"”»" else -1
            if lost >= 0:  # “A full sentence.” More of the speech,” he said: the second opener was lost
                spans.append([(p, lost, i)])
                last_close = i
                continue
            if ch in "«„‚" or (ch in "“\"‘”'" and left and not (ch in "‘'" and prev.isalpha())):
                if ch == "”" and right:
                    continue
                stack.append((ch, i))
        lost_closer = _LOST_CLOSER_RE.search(text, max(begin, stack[0][1] + 1)) if stack else None
        # a speech that opened the paragraph (or goes on from the one before) is left open at its end
        speech = bool(stack) and (stack[0][1] < 0 or not text[:stack[0][1]].strip())
        if lost_closer is not None:  # “It is the largest deposit …, said Jan Moström, CEO of LKAB.
            pos = stack[0][1]
            start = cont_start if pos < 0 else pos + 1
            spans.append((carry if pos < 0 and carry is not None else []) + [(p, start, lost_closer.start())])
            carry = None
        # a speech goes on whatever mark the next paragraph opens with (outlets mix « and “ over one speech)
        elif stack and p + 1 < len(paras) and takes[p + 1] and (speech or _may_continue(stack[0][0], paras[p + 1])):
            char, pos = stack[0]
            start = cont_start if pos < 0 else pos + 1
            carry = (carry if pos < 0 and carry is not None else []) + [(p, start, len(text.rstrip()))]
            carry_char = char
        elif speech:
            # a speech opened at the paragraph's start that no mark closes and nothing continues: the outlet lost
            # the closing mark at the paragraph's end (`“We are constantly searching … a testing year.`), and
            # with it, after a full sentence, the opening mark of the speech's next paragraph when that one has no
            # marks and reports nothing (`The experience we have gathered … proves one truth: …`)
            pos = stack[0][1]
            start = cont_start if pos < 0 else pos + 1
            more = ([(p + 1, 0, len(paras[p + 1].rstrip()))]
                    if stack[0][0] in "“«\"" and _unmarked_sequel(text, paras[p + 1:p + 2]) else [])
            spans.append((carry if pos < 0 and carry is not None else []) + [(p, start, len(text.rstrip()))] + more)
            carry = None
        else:
            carry = None
    return spans


def mask_quoted_names(text: str) -> str:
    """`text` with companies' quoted names (see _QUOTED_RUN_RE) unwrapped: their quote marks and legal forms
    turned into spaces, so that offsets stay the same, the name reads as part of the phrase around it ("the
    press service of JSC "NC KazMunayGas" said" is KazMunayGas's press service), and the marks are never taken
    for a quote. Returns `text` itself when there is none."""
    chars = None
    for m in _QUOTED_RUN_RE.finditer(text):
        words = WORD_RE.findall(m.group("name"))
        if len(words) > 6 or not all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3):
            continue
        before = _NAME_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        after = None if before is not None else _LEGAL_AFTER_RE.match(text, m.end())
        if before is None and after is None:
            continue
        chars = chars or list(text)
        blanks = [(i, i + 1) for i in range(m.start(), m.end()) if text[i] in _MARKS]
        if m.group("outer"):
            blanks.append(m.span("outer"))
        inside = _LEGAL_INSIDE_RE.match(text, m.start("name"))
        if inside is not None and inside.end() < m.end("name"):
            blanks.append(inside.span())
        if before is not None and before.group("legal") and text[before.start() - 1:before.start()] not in _MARKS:
            blanks.append(before.span("legal"))  # kept after a mark: `“JSC “NAC “Kazatomprom” approved …”` opens there
        if after is not None:
            blanks.append(after.span())
        for a, b in blanks:
            chars[a:b] = " " * (b - a)
    return text if chars is None else "".join(chars)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, disjoint `spans` overlaps [start, end): one bisection, not a scan."""
    k = bisect.bisect_left(spans, (end,)) - 1
    return k >= 0 and spans[k][1] > start


def is_title(inner: str, before: str, after: str) -> bool:
    """True for a quoted name of a document, programme or organisation, or a scare-quoted phrase.

    A span is a title when its long words are all capitalised, when it follows the name of a
    document or event ("the Resolution of the Cabinet “On measures to …”", "the conference “…”")
    with no speech cue just before, when it stands before one ("“…” strategy") without final
    punctuation, or when it has at most six words and stands after "the/called/so-called…".
    """
    stripped = inner.strip()
    if not stripped:
        return False
    if (_DOC_BEFORE_RE.search(before) and not CUE_WORD_RE.search(before[-40:]) and stripped[-1] not in ",;:"
            and not _PREDICATE_RE.match(stripped)):
        return True  # the conference “Central Asia – the main priority of our policy.”
    if stripped[-1] in ".!?…,;:":
        return False
    words = WORD_RE.findall(stripped)
    long_words = [w for w in words if len(w) > 3]
    if long_words and all(w[0].isupper() or w[0].isdigit() for w in long_words):
        return True
    if _DOC_AFTER_RE.match(after):
        return True  # “Central Asia - the main priority of our policy” conference
    return bool(_TITLE_BEFORE_RE.search(before)) and len(words) <= 6
