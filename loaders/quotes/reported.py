"""Reported speech: one sentence outside quotes, tried against an ordered list of rules.

Each rule reads a frame around a clause and resolves its speaker; the first that finds
both gives the row, which records the rule's name, and a second clause coordinated after a
frame that comes first ("said A and noted that B", ", adding that B") gives a second row.
Between speaker and cue may stand an insert (", for her part,"), an apposition (", a senior
fellow at …,") or a relative clause (", who heads …,"); between cue and "that" an object and
time or place phrases ("told Reuters on Tuesday that", "said in a statement that"). The reported text is the clause,
without the final stop and without a coordinated second predicate of the speaker (", but
declined to …"). A bare clause after an unnamed source or a press service ("officials said
the …") is not reported speech: it needs "that".
"""

from __future__ import annotations

import re

from typing import Callable

from loaders.quotes.cues import (
    ACCORDING_POST_RE,
    ACCORDING_PRE_RE,
    AS_BY_RE,
    AS_CUE_RE,
    SECOND_FRAME_RE,
    THIS_WAS_BY_RE,
    WORDS_OF_ANY_RE,
    WORDS_OF_PRE_RE,
    AND_CUE_THAT_RE,
    BARE_CLAUSE_RE,
    COORDINATED_CUE_RE,
    CREDIT_RE,
    CUE_AT_END_RE,
    GAP_SECOND_CUE_RE,
    GAP_THAT_RE,
    INSERTED_AFTER_CUE_RE,
    OBJECT_THAT_RE,
    PARTICIPLE_PHRASE_RE,
    POST_FRAME_RE,
    POST_INV_RE,
    REFERENCE_RE,
    THAT_RE,
    WHEN_RE,
    normal_cue,
    participle_that,
    whole_frame,
)
from loaders.quotes.names import core_count, name_in_chunk
from loaders.quotes.phrases import FIELD_RE, is_full_name, outlet_credit
from loaders.quotes.roles import DETERMINER_RE, clean_np, role_like
from loaders.quotes.resolve import Article
from loaders.quotes.rows import Row, Speaker, reported_row
from loaders.quotes.vocab import (BARE_CLAUSE_CUES, CHANNEL_CUES, LISTENER_CLAUSE_CUES, OBJECT_CUES, PRESS_CHANNEL,
                                  participle_cue)


PRESS_CHANNEL_RE = re.compile(PRESS_CHANNEL, re.I)


def according_to_before(art: Article, p: int, s: int, e: int) -> Row | None:
    """According to X(, role), CLAUSE."""
    text = art.paras[p]
    m = ACCORDING_PRE_RE.match(text, s, e) if text.startswith("According", s) else None
    if m is None:
        return None
    rest_start = m.start("rest")
    parts = _listed_fields_joined(text[rest_start:m.end("rest")].split(", "))
    if len(parts) < 2:
        return None
    spk_len = len(parts[0])
    if len(parts) >= 3 and (role_like(DETERMINER_RE.sub("", parts[1]))
                            or (is_full_name(parts[1]) and role_like(DETERMINER_RE.sub("", parts[0])))):
        spk_len += 2 + len(parts[1])  # "According to X, deputy minister, …", "According to the minister, Y Z, …"
    if art.person_frame_at(p, rest_start + spk_len + 2, m.end("rest")):
        return None  # "According to NRT, X told the media …": an outlet's credit before the speaker's own frame
    speaker = art.resolve(text[rest_start:rest_start + spk_len], p, rest_start, according=True)
    if speaker is None:
        return None
    return reported_row(p, rest_start + spk_len + 2, m.end("rest"), text, speaker, "according to",
                        "according_to_before")


def words_of_before(art: Article, p: int, s: int, e: int) -> Row | None:
    """In X’s words (opinion, view), CLAUSE. / In the opinion of X, CLAUSE.: an agency's way of saying "According
    to X"."""
    text = art.paras[p]
    m = WORDS_OF_PRE_RE.match(text, s, e) if text.startswith("In ", s) else None
    if m is None:
        return None
    group = next(g for g in ("of", "pron", "owner") if m.group(g))
    speaker = art.resolve(m.group(group), p, m.start(group), according=True)
    if speaker is None or not speaker.name:
        return None
    return reported_row(p, m.start("rest"), m.end("rest"), text, speaker, "according to", "words_of_before")


def _listed_fields_joined(parts: list[str]) -> list[str]:
    """Comma-split `parts` of a phrase with an office's fields listed with commas put back together ("the head
    of the State Committee of Industry", "Energy and Subsoil Use", … -> "the head of …, Energy and Subsoil Use"):
    capitalised fields after an "of" in the first part, the last of them holding "and"."""
    if " of " not in parts[0]:
        return parts
    for j in range(1, len(parts) - 1):
        if not FIELD_RE.fullmatch(parts[j]):
            return parts
        if " and " in parts[j] or " & " in parts[j]:
            return [", ".join(parts[:j + 1]), *parts[j + 1:]]
    return parts


def according_to_after(art: Article, p: int, s: int, e: int) -> Row | None:
    """CLAUSE, according to X(, role)."""
    text = art.paras[p]
    m = ACCORDING_POST_RE.match(text, s, e) if text.find("according", s, e) >= 0 else None
    if m is None:
        return None
    speaker = art.resolve(m.group("spk") + (", " + m.group("app") if m.group("app") else ""), p,
                          m.start("spk"), according=True)
    if speaker is None:
        return None
    return reported_row(p, m.start("clause"), m.end("clause"), text, speaker, "according to", "according_to_after")


def as_cue(art: Article, p: int, s: int, e: int) -> Row | None:
    """As X (earlier) informed, CLAUSE. / As it was explained in a statement by X, CLAUSE."""
    text = art.paras[p]
    m = (AS_BY_RE.match(text, s, e) or AS_CUE_RE.match(text, s, e)) if text.startswith("As ", s) else None
    if m is not None and art.frame_at(p, m.start("clause"), e) is not None:
        return None  # "As reported by Ukrinform, Zelensky said that …": an outlet's credit; the clause has its own frame
    speaker = art.resolve(m.group("spk"), p, m.start("spk")) if m else None
    if speaker is None or (not speaker.name and m.re is AS_BY_RE and not m.group("passive")):
        return None  # "As predicted by most analysts, …": the writer's own statement, unless "As it was noted by"
    return reported_row(p, m.start("clause"), m.end("clause"), text, speaker, normal_cue(m.group("cue")), "as_cue")


def speaker_cue(art: Article, p: int, s: int, e: int) -> Row | None:
    """X cue (OBJECT) (WHEN) that CLAUSE, after up to four introductory phrases; or X said CLAUSE without "that"
    for the cues in speech.toml `bare_clause`, a named speaker and no listener."""
    text = art.paras[p]
    found = art.frame_at(p, s, e)
    if found is None:
        return None
    fm, speaker = found
    cue = normal_cue(fm.group("cue"))
    has_obj = bool(fm.group("obj")) and cue in OBJECT_CUES
    after = fm.end() if has_obj or not fm.group("obj") else fm.end("cue")
    gap_from = fm.start("mod") if has_obj or not fm.group("obj") else fm.end("cue")
    placed = bool(fm.group("mod"))  # "said at the forum …": where it was said stands between cue and clause
    inserted = INSERTED_AFTER_CUE_RE.match(text, fm.end("obj"), e)
    if inserted:  # "Kim said, however, he would listen …": the clause after the inserted adverb
        after = gap_from = inserted.end()
        placed = False
    that = THAT_RE.match(text, after, e) or GAP_THAT_RE.match(text, gap_from, e)
    if that is not None and that.re is GAP_THAT_RE and GAP_SECOND_CUE_RE.search(text, gap_from, that.start("clause")):
        that = None  # "said Tuesday he saw no prospect … and noted that …": a bare clause, then a second one
    if that is None and cue in OBJECT_CUES:  # "told a session of parliament that", "told Reuters on Monday that"
        that = OBJECT_THAT_RE.match(text, after, e)
    if that:
        return reported_row(p, that.start("clause"), that.end("clause"), text, speaker, cue, "speaker_cue_that")
    when = WHEN_RE.match(text, gap_from, e)
    # "X said Tuesday he saw no prospect …, saying that …": the bare clause first, the participle's after it
    bare = None if placed and not when else BARE_CLAUSE_RE.match(text, when.end() if when else after, e)
    after_comma = bare is not None and (bare.group("comma") or (when is not None and when.group().endswith(",")))
    if after_comma and PARTICIPLE_PHRASE_RE.match(text, bare.start("clause")):
        bare = None  # "said on Monday, speaking at the forum": a participle phrase, no clause
    # "X told reporters the plant would …": a listener, then a bare clause that opens with its subject (never "told the
    # Government meeting about …", where the listener's name goes on)
    bare_cue = (cue in BARE_CLAUSE_CUES and not has_obj) or (
        cue in LISTENER_CLAUSE_CUES and has_obj and bare is not None and _SUBJECT_START_RE.match(text, bare.start("clause")))
    if bare and bare_cue and speaker.role != "press service":
        return reported_row(p, bare.start("clause"), bare.end("clause"), text, speaker, cue, "speaker_cue_clause")
    that = AND_CUE_THAT_RE.match(text, after, e)  # "X answered positively, but said that …"
    if that:
        return reported_row(p, that.start("clause"), that.end("clause"), text, speaker, cue, "speaker_cue_that")
    return None


# how a bare clause after "told LISTENER" opens: with its subject
_SUBJECT_START_RE = re.compile(r"(?:the|a|an|it|he|she|they|we|his|her|its|their|this|these|those|there)\s|[A-Z0-9]")


def agency_reference(art: Article, p: int, s: int, e: int) -> Row | None:
    """CLAUSE, AGENCY reports with reference to / citing X."""
    text = art.paras[p]
    if not (text.find("ing to ", s, e) >= 0 or text.find("nce to ", s, e) >= 0 or text.find("citing", s, e) >= 0):
        return None
    m = REFERENCE_RE.match(text, s, e)
    speaker = art.resolve(m.group("spk"), p, m.start("spk")) if m else None
    if speaker is None:
        return None
    return reported_row(p, m.start("clause"), m.end("clause"), text, speaker, normal_cue(m.group("cue")),
                        "agency_reference")


def speaker_cue_after(art: Article, p: int, s: int, e: int) -> Row | None:
    """CLAUSE, X(, role,) said. A role in commas right before the name belongs to the speaker, not the
    clause ("…, Chairman of the People's Council, Gurbanguly Berdimuhamedov said.")."""
    text = art.paras[p]
    m = POST_FRAME_RE.match(text, s, e)
    if m is None:
        return None
    clause_end, spk_start = m.end("clause"), m.start("spk")
    comma = text.rfind(", ", m.start("clause"), clause_end)
    before = text[comma + 2:clause_end] if comma >= 0 else ""
    if comma >= 0 and "," not in m.group("spk") and (
            role_like(DETERMINER_RE.sub("", before))
            # "…, Alibek Kuantyrov, Minister of National Economy said": a name, then its role
            or (role_like(m.group("spk")) and name_in_chunk(before)[0] == before and core_count(before) >= 2)):
        clause_end, spk_start = comma, comma + 2
    fronted = DETERMINER_RE.sub("", text[m.start("clause"):clause_end])
    if role_like(fronted) and clean_np(fronted):
        return None  # "The first vice-president of the company, Name has said": a fronted role, no clause
    speaker = art.resolve(text[spk_start:m.end("spk")], p, spk_start)
    if speaker is None or outlet_credit(text[spk_start:m.end("spk")], m.group("cue"), speaker.name):
        return None  # "…, TDH reports.": an outlet's credit
    return reported_row(p, m.start("clause"), clause_end, text, speaker, normal_cue(m.group("cue")),
                        "speaker_cue_after")


def cue_speaker_after(art: Article, p: int, s: int, e: int) -> Row | None:
    """CLAUSE, said X(, role). The clause ends at the first comma where the frame matches; "reported X" and its
    like only when X is an organisation's press channel ("…, reported Trend, said Minister X." is the
    minister's)."""
    text = art.paras[p]
    if s >= e or text[s].isspace():
        return None
    comma = text.find(",", s + 1, e)
    while comma >= 0:
        m = POST_INV_RE.match(text, comma, e)
        if m is not None and (m.group("cue") not in CHANNEL_CUES or PRESS_CHANNEL_RE.search(m.group("spk"))):
            speaker = art.resolve(m.group("spk") + (", " + m.group("app") if m.group("app") else ""), p,
                                  m.start("spk"))
            if speaker is None:
                return None
            return reported_row(p, s, comma, text, speaker, normal_cue(m.group("cue")), "cue_speaker_after")
        comma = text.find(",", comma + 1, e)
    return None


def frame_next(art: Article, p: int, s: int, e: int) -> Row | None:
    """CLAUSE. This was announced … by X. / CLAUSE. X announced, AGENCY reports. — the sentence after the clause
    only says who said it (the bare frame only after a paragraph's first sentence, as leads are written)."""
    text = art.paras[p]
    first = s == 0 or not text[:s].strip()
    if e >= len(text) or not (first or text.startswith(("This ", "That ", "It "), e)):
        return None
    ne = art.sentence(p, e)[1]
    if ne - e > 240:
        return None  # a sentence that only names a speaker is short
    by = THIS_WAS_BY_RE.match(text, e, ne)
    if by:
        speaker, cue = art.resolve(by.group("spk"), p, by.start("spk")), (by.group("cue") or "said")
    elif not first:
        return None  # a bare frame names the speaker of the lead sentence only
    else:
        credit = CREDIT_RE.search(text, e, ne)
        end = credit.start() if credit else ne
        if not CUE_AT_END_RE.search(text, e, end):
            return None  # it ends with its cue, and where and when the speaker spoke
        found = art.frame_at(p, e, end)
        if found is None or not whole_frame(found[0], text, e, end):
            return None
        speaker, cue = found[1], found[0].group("cue")
    if speaker is None or not speaker.name:
        return None
    # "CLAUSE. X announced it …": the clause, not its stop
    return reported_row(p, s, _clause_stop(text, e), text, speaker, normal_cue(cue), "frame_next")


def _clause_stop(text: str, e: int) -> int:
    """Where a clause ending its sentence at `e` stops: before trailing space and the sentence's stop."""
    stop = len(text[:e].rstrip())
    return stop - (text[stop - 1:stop] in (".", "!", "?"))


def subject_participle(art: Article, p: int, s: int, e: int) -> Row | None:
    """The ministry released a statement on Monday, saying that CLAUSE: a participle of speech after the main
    clause reports what the sentence's subject said."""
    text = art.paras[p]
    m = participle_that(text, s, e)
    if m is None or art.inside_quote(p, m.start()):
        return None
    speaker = art.participle_speaker(p, s, m.start())
    if speaker is None:
        return None
    return reported_row(p, m.end(), _clause_stop(text, e), text, speaker, participle_cue(m.group("part")),
                        "subject_participle")


# (rule, needs a speech cue in the sentence): tried in this order, the first row found is the sentence's.
RULES: list[tuple[Callable[[Article, int, int, int], Row | None], bool]] = [
    (according_to_before, False),
    (words_of_before, False),
    (according_to_after, False),
    (as_cue, True),
    (speaker_cue, True),
    (agency_reference, True),
    (speaker_cue_after, True),
    (cue_speaker_after, True),
    (subject_participle, False),
]


def reported_rows_of(art: Article, p: int, s: int, e: int) -> list[Row]:
    """The reported-speech rows of sentence paras[p][s:e]: the first rule's row, and a second clause of the same
    speaker coordinated with it ("X said that A and noted that B", "…, adding that B"). A closing credit
    (", Azernews reports.") is cut off first, so the frame inside it speaks; the whole sentence is tried when
    that finds nothing and the credit names its source ("…, Trend reports citing the press service.") or a person
    the article knows ("…, Tokayev writes."): an outlet alone is no speaker."""
    text = art.paras[p]
    while s < e and text[s].isspace():
        s += 1
    cued = art.has_cue(p, s, e)
    if s >= e or THIS_WAS_BY_RE.match(text, s, e):  # "… reports that this was told by X": an attribution
        return []
    if not (cued or text.find("ccording", s, e) >= 0 or WORDS_OF_ANY_RE.match(text, s, e)):
        return _found(frame_next(art, p, s, e) or subject_participle(art, p, s, e))
    credit = CREDIT_RE.search(text, s, e)
    ends: tuple[int, ...] = (e,)
    if credit is not None:
        whole = credit.group("citing") or art.known_person(credit.group("outlet"))
        ends = (credit.start(), e) if whole else (credit.start(),)
    for end in ends:
        for rule, needs_cue in RULES:
            if needs_cue and not (cued if end == e else art.has_cue(p, s, end)):
                break
            row = rule(art, p, s, end)
            if row is None:
                continue
            if rule not in _FRAME_FIRST:
                return [row]
            second = _coordinated(text, row, end)
            return [row, second] if second is not None else _contrasted(art, row, end)
    return _found(frame_next(art, p, s, e))  # the sentence's own frames found nothing: the next may name its speaker


# the rules whose frame stands before the clause: a clause coordinated after theirs is the same speaker's,
# while after a fronted clause ("Workers blocked the road, saying …, X said") it is the clause's own subject's
_FRAME_FIRST = (according_to_before, words_of_before, as_cue, speaker_cue)


def _found(row: Row | None) -> list[Row]:
    return [] if row is None else [row]


def _contrasted(art: Article, row: Row, end: int) -> list[Row]:
    """`row`, and when its clause goes on with ", while Y said …" that Y's own reported rows, `row` cut before the
    contrast ("Russia said A, while Saudi Arabia said B"); `row` alone when no reported speech follows
    ("…, while the price stated in the contract stays fixed")."""
    text = art.paras[row.para_no]
    contrast = SECOND_FRAME_RE.search(text, row.start, row.end)
    if contrast is None:
        return [row]
    second = reported_rows_of(art, row.para_no, contrast.end(), end)
    if not second:
        return [row]
    kept = text[row.start:contrast.start()].rstrip()
    return [row._replace(end=row.start + len(kept), text=kept)] + second


def _coordinated(text: str, row: Row, end: int) -> Row | None:
    """The second reported clause right after `row`'s, up to `end`, with `row`'s speaker: "… and noted that
    CLAUSE", ", adding that CLAUSE", "… and added CLAUSE" (without "that" only after the cues that take a bare
    clause); None when none follows."""
    m = COORDINATED_CUE_RE.match(text, row.end, end)
    if m is None:
        return None
    cue = normal_cue(m.group("cue")) if m.group("cue") else participle_cue(m.group("part"))
    if not m.group("that") and cue not in BARE_CLAUSE_CUES:
        return None
    while end > m.end() and text[end - 1] in " .!?\n":
        end -= 1
    speaker = Speaker(row.speaker, row.speaker_role, row.side, row.attribution, bool(row.person))
    return reported_row(row.para_no, m.end(), end, text, speaker, cue, "and_cue_clause")
