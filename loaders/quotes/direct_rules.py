"""The rules that attribute a direct quote, each reading one place a speaker is written: after the quote ("…,"
she said; "…," said X), before it (X said: "…"; According to X, "…"; a label "X, role: "), in its sentence (a
subject, "according to"), in the sentence or paragraph around it (the next sentence, the previous speaker).

Each rule takes the article and the quote's `Span` and returns a `Found` speaker or None; direct.py tries
them in order.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from loaders.quotes.cues import (
    ACCORDING_ANY_RE,
    AND_CUE_THAT_RE,
    LEAD_IN_RE,
    LISTED_FIELDS_RE,
    CALLED_RE,
    CREDIT_RE,
    FOLLOWING_RE,
    PARTICIPLE_BEFORE_RE,
    STATEMENT_BEFORE_RE,
    QUOTED_AS_HEAD_RE,
    QUOTED_AS_RE,
    TAIL_CUE_SPK_RE,
    TAIL_SPK_CUE_RE,
    THIS_WAS_BY_RE,
    normal_cue,
    participle_that,
    whole_frame,
)
from loaders.quotes.marks import Segment
from loaders.quotes.names import CHUNK_RE, name_in_chunk
from loaders.quotes.phrases import final_chunk, outlet_credit
from loaders.quotes.resolve import Article
from loaders.quotes.roles import is_role_word
from loaders.quotes.rows import UNNAMED, Speaker, words
from loaders.quotes.vocab import PERSONAL_PRONOUN_RE, STANCE, participle_cue


# The verbs CALLED_RE needs, tested before it runs.
_CALLING_WORD_RE = re.compile(r"call|term|dubb|describ|label|referr")
# The subject opening a sentence, after at most one introductory phrase ("For his part, Chen …", "He …").
# a sentence's subject after an opener of up to 40 characters, which may end in a quoted word ("Calling the
# agreement “important,” the Prime Minister …": the opener is no subject)
SUBJECT_RE = re.compile(r"\s*(?:[A-Z](?:[^,;:“”«»\"]|[“«\"][^,;:“”«»\"]{1,30}(?=,))*,[”»\"]?\s+)?"
                        r"(?P<spk>(?P<pron>[Hh]e|[Ss]he)\b|(?:the\s+)?[A-Z])")
# the noun phrase opening a sentence, up to its first lowercase word that is no name particle: "The EC President",
# "Von der Leyen", "He"
_PARTICLE = r"(?:the|of|for|and|der|von|van|de|da|du|al|el)"
SUBJECT_NP_RE = re.compile(
    rf"\s*(?P<spk>[Hh]e|[Ss]he|(?:(?:{_PARTICLE}|[A-Z][\w’'\-.]*)\s+)*?[A-Z][\w’'\-.]*)(?=\s+(?!{_PARTICLE}\b)[a-z])")


class Span(NamedTuple):
    """A quoted span in its sentence: what every direct rule reads."""

    segs: list[Segment]
    p0: int  # paragraph where the quote opens
    s0: int  # start of its inner text there
    p1: int  # paragraph where it closes
    e1: int  # end of its inner text there
    head: str  # the sentence before the opening mark
    sent_start: int  # start of the opening sentence (in p0)
    sent_end: int  # end of the closing sentence (in p1)
    tail_from: int  # first offset after the closing mark (in p1)


class Found(NamedTuple):
    speaker: Speaker
    cue: str
    adjacent: bool  # the attribution stands right next to the quote (a short quote may then count)
    extra: tuple[str, int, int] | None = None  # cue, start, end of an "and added that …" clause in p1


def span_of(art: Article, segs: list[Segment]) -> tuple[Span, str, int, int] | None:
    """The span's context, its inner text and its trimmed start and end; None when it holds no text. A paragraph
    the span only opens or closes in (a mark at its end or start) is no part of it: the row starts and ends in
    paragraphs that hold its words."""
    held = [k for k, (p, s, e) in enumerate(segs) if art.paras[p][s:e].strip()]
    if not held:
        return None
    segs = segs[held[0]:held[-1] + 1]
    p0, s0, _ = segs[0]
    p1, _, e1 = segs[-1]
    inner = "\n\n".join(art.paras[p][s:e] for p, s, e in segs)
    lead = len(inner) - len(inner.lstrip())
    trail = len(inner) - len(inner.rstrip())
    inner = inner.strip()
    if not inner:
        return None
    sent_start, _ = art.sentence(p0, max(s0 - 1, 0))
    _, sent_end = art.sentence(p1, e1)
    head = art.paras[p0][sent_start:max(s0 - 1, sent_start)]
    tail_from = min(e1 + 1, len(art.paras[p1]))
    return Span(segs, p0, s0, p1, e1, head, sent_start, sent_end, tail_from), inner, s0 + lead, e1 - trail


def _added_that(art: Article, span: Span, at: int) -> tuple[str, int, int] | None:
    more = AND_CUE_THAT_RE.match(art.paras[span.p1], at, span.sent_end)
    if more is None:
        return None
    return more.group("cue") or more.group("part"), more.start("clause"), more.end("clause")


def speaker_cue_after(art: Article, span: Span) -> Found | None:
    """“…,” she said / «…» Name said (and added that …)."""
    m = TAIL_SPK_CUE_RE.match(art.paras[span.p1], span.tail_from, span.sent_end)
    speaker = art.resolve(m.group("spk"), span.p1, m.start("spk")) if m else None
    if speaker is not None and outlet_credit(m.group("spk"), m.group("cue"), speaker.name):
        return None  # “…,” the BBC reports: the quote's speaker is named elsewhere
    if speaker is None and m and ", " in m.group("spk"):
        # “…” from China, a Commission spokesman said: the rest of a partial quote's clause comes first
        at = m.start("spk") + m.group("spk").rindex(", ") + 2
        if CREDIT_RE.match(art.paras[span.p1], at - 2, span.sent_end):
            return None  # “…” at the forum in Baku, Azernews reports: the outlet's credit, not a speaker
        speaker = art.resolve(art.paras[span.p1][at:m.end("spk")], span.p1, at)
    if speaker is None:
        return None
    return Found(speaker, normal_cue(m.group("cue")), True, _added_that(art, span, m.end()))


def cue_speaker_after(art: Article, span: Span) -> Found | None:
    """“…,” said Name, role. An unnamed source must end the clause (“…,” said officials in …, not a name)."""
    last = art.paras[span.p1]
    m = TAIL_CUE_SPK_RE.match(last, span.tail_from, span.sent_end)
    if m is None:
        return None
    app = m.group("app") or ""
    listed = LISTED_FIELDS_RE.match(last, m.end()) if app else None
    if listed is not None:  # "…, Denmark’s climate, energy and utilities minister"
        app += listed.group()
    end = listed.end() if listed is not None else m.end()
    spk = m.group("spk")
    if spk[:1].isupper() and is_role_word(spk.split(maxsplit=1)[0]):
        spk = "the " + spk  # "…, said Director of Terna": a title without "the", as agencies translating write it
    speaker = art.resolve(spk + app, span.p1, m.start("spk"))
    rest = last[end:span.sent_end]
    if speaker is None or (speaker is UNNAMED and rest.strip()[:1] not in ".,;:!?" and rest != rest.lower()):
        return None
    return Found(speaker, normal_cue(m.group("cue")), True, _added_that(art, span, end))


def quoted_as_saying(art: Article, span: Span) -> Found | None:
    """“…,” Kun.uz quoted Name as saying / “…,” Name was quoted as saying / X quoted Name as saying: “…”."""
    m = QUOTED_AS_RE.match(art.paras[span.p1], span.tail_from, span.sent_end)
    if m is None:
        # "The news agency quoted Musukwa as saying: “…”" (a substring test first: the search is the costly part)
        before = QUOTED_AS_HEAD_RE.search(span.head) if "quoted" in span.head else None
        speaker = art.resolve(before.group("spk"), span.p0, span.sent_start + before.start("spk")) if before else None
        return Found(speaker, "said", True) if speaker is not None else None
    group = "spk" if m.group("spk") is not None else "subj"
    speaker = art.resolve(m.group(group), span.p1, m.start(group))
    return Found(speaker, "said", True) if speaker else None


def according_to_before(art: Article, span: Span) -> Found | None:
    """According to X, “…”."""
    if not span.head.lstrip().startswith("According to"):
        return None
    spk = span.head.strip()[len("According to"):].split(",", 1)[0].strip(" ,:")
    comma = span.head.find(", ")
    if comma > 0 and art.person_frame_at(span.p0, span.sent_start + comma + 2, span.sent_start + len(span.head)):
        return None  # "According to NRT, X told the media: “…”": an outlet's credit before the speaker's frame
    speaker = art.resolve(spk, span.p0, span.sent_start, according=True)
    return Found(speaker, "according to", False) if speaker else None


def _framed_head(span: Span) -> bool:
    """Whether the text before the quote can hold its frame: never an "According to X, “…”", which the
    according rules read, unless it only credits an outlet before a frame ("According to NRT, X told …:")."""
    head = span.head.lstrip()
    return bool(head) and (not head.startswith("According to") or LEAD_IN_RE.match(head) is not None)


def frame_before(art: Article, span: Span) -> Found | None:
    """Name said (that) “…” / He called the deal “…”, after up to four introductory phrases."""
    if not _framed_head(span):
        return None
    found = art.frame_at(span.p0, span.sent_start, span.sent_start + len(span.head))
    if found is None:
        return None
    near = words(art.paras[span.p0][found[0].end():span.s0]) <= 3  # "He said: “Yes.”", not "he referred to as “…”"
    return Found(found[1], normal_cue(found[0].group("cue")), near)


def participle_before(art: Article, span: Span) -> Found | None:
    """The EC President drew attention to …, noting, “…” / He spoke of …, adding: “…”: a quote after a participle
    cue that closes its sentence's clause; the speaker is the sentence's subject."""
    cue = PARTICIPLE_BEFORE_RE.search(span.head) if _framed_head(span) else None
    subject = SUBJECT_NP_RE.match(span.head) if cue is not None else None
    if subject is None:
        return None
    speaker = art.resolve(subject.group("spk"), span.p0, span.sent_start + subject.start("spk"))
    return Found(speaker, normal_cue(cue.group("cue")), True) if speaker is not None and speaker.name else None


def participle_clause_before(art: Article, span: Span) -> Found | None:
    """The ministry released a statement, saying that the project “is not …”: a quote inside the clause that a
    participle of speech reports; the speaker is the sentence's subject (Frames.participle_speaker)."""
    m = participle_that(span.head)
    speaker = art.participle_speaker(span.p0, span.sent_start, span.sent_start + m.start()) if m else None
    return Found(speaker, participle_cue(m.group("part")), True) if speaker is not None else None


def label_before(art: Article, span: Span) -> Found | None:
    """A press-release label, "Name, role: “…”": a named speaker with no speech verb at all."""
    if not _framed_head(span) or not span.head.rstrip().endswith(":"):
        return None
    label = art.resolve(span.head.rstrip()[:-1], span.p0, span.sent_start)
    return Found(label, "said", True) if label is not None and label.name else None


def subject_before(art: Article, span: Span) -> Found | None:
    """Name “expressed readiness to …”: a partial quote opening in lower case right after a named subject,
    whose predicate it is."""
    inner_first = art.paras[span.p0][span.s0:span.s0 + 1]
    head = span.head.rstrip()
    if not (inner_first.islower() and head and head[-1].isalpha() and _framed_head(span)):
        return None
    chunk = final_chunk(head)
    if chunk is None:
        return None
    speaker = art.resolve(chunk.group(), span.p0, span.sent_start + chunk.start())
    return Found(speaker, "", False) if speaker is not None and speaker.person else None


def called_before(art: Article, span: Span) -> Found | None:
    """…for what he called “…” / …, describing Brussels as “…” / Tokayev called Turkey “…”: a partial quote that
    names what someone calls something; the speaker is the one named before "called", or the subject opening
    the sentence."""
    if not _framed_head(span) or not _CALLING_WORD_RE.search(span.head):
        return None
    m = CALLED_RE.search(span.head)
    if m is None:
        return None
    named = next((group for group in ("spk", "agent", "subj") if m.group(group)), None)
    at = span.sent_start + (m.start(named) if named else 0)
    if named:
        speaker = art.resolve(m.group(named), span.p0, at)
    else:
        subject = _subject_at(art.paras[span.p0], at)
        speaker = art.resolve(subject, span.p0, at) if subject else None
    return Found(speaker, "said", False) if speaker is not None and speaker.name else None


# the rest of a title before the name in apposition: "Rosatom’s CEO, …", "The Minister of Health of the
# Republic of Kazakhstan, …"
_OWNED_ROLE_RE = re.compile(r"(?:[’']s(?:\s+[\w\-]+){1,4}|(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)+)(?=, )")


def _subject_at(text: str, at: int) -> str:
    """The capitalised subject opening a sentence at `at`, or the person's name in apposition right after it
    ("Rosatom’s CEO, Aleksey Likhachev, who …": the person, not the company); "" when none."""
    subject = CHUNK_RE.match(text, at)
    if subject is None:
        return ""
    role = _OWNED_ROLE_RE.match(text, subject.end())
    comma = role.end() if role else subject.end()
    apposed = CHUNK_RE.match(text, comma + 2) if text.startswith(", ", comma) else None
    if apposed is not None and name_in_chunk(apposed.group())[0] and text.startswith(",", apposed.end()):
        return apposed.group()
    return subject.group()


def subject_of_sentence(art: Article, span: Span) -> Found | None:
    """Chen also urged business people to “contribute to …”: a partial quote (opening in lower case) inside a
    sentence whose subject, a person named (or he/she) at its start, is the only person it names before the
    quote."""
    if not (art.paras[span.p0][span.s0:span.s0 + 1].islower() and _framed_head(span)):
        return None
    head = span.head
    subject = SUBJECT_RE.match(head)
    if subject is None:
        return None
    at = subject.start("spk")
    named = [m for m in CHUNK_RE.finditer(head) if name_in_chunk(m.group())[0]]
    if subject.group("pron"):
        phrase = None if named else subject.group("pron")
    else:
        phrase = named[0].group() if len(named) == 1 and named[0].start() == at else None
    if phrase is None:
        return None
    speaker = art.resolve(phrase, span.p0, span.sent_start + at)
    return Found(speaker, "said", False) if speaker is not None and speaker.person else None


def colon_sentence_before(art: Article, span: Span) -> Found | None:
    """A sentence ending "Name said:" or "Name made the following statement:" right before a quote that opens
    its sentence (same or previous paragraph)."""
    if span.head.strip():
        return None
    p, sent_start = span.p0, span.sent_start
    if sent_start > art.opening(p):
        q, (s, e) = p, art.sentence(p, sent_start - 1)
    elif p > 0:
        q = p - 1
        s, e = art.sentence(q, max(len(art.paras[q]) - 1, 0))
    else:
        return None
    if not art.paras[q][s:e].rstrip().endswith(":"):
        return None
    found = art.frame_at(q, s, e)
    if found is not None:
        return Found(found[1], normal_cue(found[0].group("cue")), False)
    following = FOLLOWING_RE.match(art.paras[q], s, e)  # "Minister X made the following statements:"
    speaker = art.resolve(following.group("spk"), q, following.start("spk")) if following else None
    return Found(speaker, "said", False) if speaker is not None and speaker.name else None


_SUMMARY_COLON_RE = re.compile(r":\s*[—–-]?\s*$")


def summary_colon_before(art: Article, span: Span) -> Found | None:
    """“…,” Aliyev told APA. / Azerbaijan is satisfied with the price: “…”: a quote after a colon whose sentence
    sums up what the speaker says but names nobody and holds no cue, right after the sentence or paragraph in
    which someone spoke: the quote goes on with that speaker's words."""
    if not _SUMMARY_COLON_RE.search(span.head) or art.has_cue(span.p0, span.sent_start, span.s0):
        return None
    if PERSONAL_PRONOUN_RE.search(span.head) or art.person_named_in(span.p0, span.sent_start, span.s0):
        return None
    if span.sent_start > art.opening(span.p0):
        speaker = art.last_speaker_in(span.p0, span.sent_start)
    else:
        speaker = art.last_speaker_in(span.p0 - 1) if span.p0 > 0 else None
    return Found(speaker, "said", False) if speaker is not None and speaker.person else None


def _opens_paragraph(art: Article, span: Span) -> bool:
    """Whether the quote opens a paragraph after the first: nothing of its sentence before it, and its sentence
    the paragraph's first."""
    return not span.head.strip() and span.p0 > 0 and span.sent_start <= art.opening(span.p0)


def _ends_paragraph(art: Article, span: Span) -> bool:
    """Whether nothing but punctuation follows the quote in its last paragraph: no attribution after it."""
    return not art.paras[span.p1][span.tail_from:].strip(" .,;:!?”»\"’")


def statement_before(art: Article, span: Span) -> Found | None:
    """The Ministry issued a statement on the attack. / “The Ministry strongly condemns …”: a quote opening the
    paragraph after one that ends announcing a statement, comment or address by someone; they are the speaker."""
    if not _opens_paragraph(art, span):
        return None
    q = span.p0 - 1
    text = art.paras[q]
    s, e = art.sentence(q, max(len(text.rstrip()) - 1, 0))
    m = STATEMENT_BEFORE_RE.match(text, s, e)
    speaker = art.resolve(m.group("spk"), q, m.start("spk")) if m else None
    return Found(speaker, "said", False) if speaker is not None and speaker.name else None


def next_sentence(art: Article, span: Span) -> Found | None:
    """“…” Name said. — the quote ends its sentence and the next sentence, or the next paragraph when the quote
    ends its own, is only the attribution ("Report informs, the first vice-president of SOCAR, Name has said.",
    "Azernews reports that this statement was made by Name.")."""
    last, sent_end = art.paras[span.p1], span.sent_end
    if last[span.tail_from:sent_end].strip(" .!?"):  # “…”. ends the sentence as “….” does
        return None
    q, start = span.p1, sent_end
    if not last[sent_end:].strip() and span.p1 + 1 < len(art.paras):
        q, start = span.p1 + 1, 0
    text = art.paras[q]
    nxt_end = art.sentence(q, start)[1] if start < len(text) else start
    by = THIS_WAS_BY_RE.match(text, start + len(text[start:nxt_end]) - len(text[start:nxt_end].lstrip()), nxt_end)
    if by:  # "“…” / Azernews reports that this statement was made by X, the Minister of Energy."
        speaker = art.resolve(by.group("spk"), q, by.start("spk"))
        return Found(speaker, normal_cue(by.group("cue") or "said"), True) if speaker is not None and speaker.name else None
    if nxt_end - start > 200 or not art.has_cue(q, start, nxt_end):
        return None  # an attribution sentence is short
    found = art.frame_at(q, start, nxt_end)
    if found is None or not whole_frame(found[0], text, start, nxt_end):
        return None
    return Found(found[1], normal_cue(found[0].group("cue")), True)


def according_to_in_sentence(art: Article, span: Span) -> Found | None:
    """“…”, … according to X. — "according to" anywhere in the quote's sentence, outside quotes."""
    first = art.paras[span.p0]
    end = span.sent_end if span.p0 == span.p1 else len(first)
    if first.find("ccording", span.sent_start, end) < 0:
        return None
    acc = ACCORDING_ANY_RE.search(first, span.sent_start, end)
    if acc is None or art.inside_quote(span.p0, acc.start()):
        return None
    speaker = art.resolve(acc.group("spk"), span.p0, acc.start(), according=True)
    return Found(speaker, "according to", False) if speaker else None


def previous_speaker(art: Article, span: Span) -> Found | None:
    """“…” ending its paragraph with no attribution after it, opening the paragraph right after one in which
    someone spoke ("The President said that … ." / "“We must …”") or the sentence right after theirs: the
    quote is theirs."""
    if span.head.strip() or not _ends_paragraph(art, span):
        return None
    if span.sent_start > art.opening(span.p0):  # "According to his words, … . “We complete …”": the sentence before spoke
        speaker = art.last_speaker_in(span.p0, span.sent_start)
    else:
        speaker = art.last_speaker_in(span.p0 - 1) if span.p0 > 0 else None
    return Found(speaker, "said", False) if speaker is not None else None


# a word of time or repetition between a subject and its verb: "She also urged …", "He later wrote …"
_ADVERB = r"\s+(?:also\s+|then\s+|later\s+|again\s+)?"
# the subject's own verb, in the active voice: "X opened the session", "She also urged …", never "X was injured"
_ACTIVE_VERB_RE = re.compile(_ADVERB + r"(?!(?:was|were|is|are|been|being|has\s+been|have\s+been|had\s+been)\b)[a-z]"
                             # or a stance the person takes: "X was optimistic about the talks"
                             rf"|\s+(?:is|was|are|were|remains|remained)\s+(?:also\s+|very\s+|fully\s+)?(?:{STANCE})\b")


def subject_of_paragraph_before(art: Article, span: Span) -> Found | None:
    """President X opened the session. / “This session is devoted to …”: a quote that is a whole paragraph, after
    a paragraph in which nobody spoke but whose last sentence opens with a person (named, or he/she) doing
    something (called for, visited, presented …): news quotes the person it has just described acting; the quote
    is theirs. Never after a passive ("X was injured"): there others act on the person."""
    if not (_opens_paragraph(art, span) and _ends_paragraph(art, span)):
        return None
    q = span.p0 - 1
    text = art.paras[q]
    if not text.strip() or art.inside_quote(q, len(text.rstrip()) - 1):
        return None
    s, _ = art.sentence(q, max(len(text.rstrip()) - 1, 0))
    subject = SUBJECT_RE.match(text, s)
    if subject is None:
        return None
    at = subject.start("spk")
    phrase = subject.group("pron") or _subject_at(text, at)
    at = text.find(phrase, at) if phrase else at  # the name in apposition after a title stands further on
    # a person the article names there, or he/she ("Output doubled last year" opens with a capital too), who acts
    # in that sentence: "Tokayev visited …", not "Cole was shot dead" nor "Harris's lawyer filed …"
    if not phrase or not (subject.group("pron") or art.person_named_in(q, at, at + len(phrase))):
        return None
    verb = at + len(phrase) + text.startswith(",", at + len(phrase))  # "Health Minister, X, shared …"
    if _ACTIVE_VERB_RE.match(text, verb) is None:
        return None
    speaker = art.resolve(phrase, q, at)
    return Found(speaker, "said", False) if speaker is not None and speaker.person else None


def next_quote_speaker(art: Article, span: Span) -> Found | None:
    """“We are ready.” “We will act,” he said. — a quote followed by nothing but the next quote, which an
    attribution follows at once: both are the same speech, and the speaker is that one's."""
    text = art.paras[span.p1]
    rest = text[span.tail_from:]
    at = span.tail_from + len(rest) - len(rest.lstrip())
    if at == span.tail_from or at >= len(text):
        return None
    segs = art.span_opening(span.p1, at + 1) or art.span_opening(span.p1, at)  # its opener, or a lost one
    following = span_of(art, segs) if segs is not None and len(segs) == 1 else None
    if following is None:
        return None
    found = speaker_cue_after(art, following[0]) or cue_speaker_after(art, following[0])
    return Found(found.speaker, found.cue, False) if found is not None else None
