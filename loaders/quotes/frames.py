"""Speech frames ("SPEAKER cue") at a sentence's start and whose they are: after introductory phrases and an
outlet's credit, across a conjunction, and the subject a fronted time or place leaves; mixed into
resolve.Article, whose paragraphs, cues and speaker lookup it reads."""

from __future__ import annotations

import re

from loaders.quotes.cues import SUBJ_CUE_RE
from loaders.quotes.phrases import read_phrase
from loaders.quotes.rows import Speaker
from loaders.quotes.vocab import CLAUSE_OPENERS, CREDIT_CUE, QUOTE_ONLY_CUES

# a conjunction, or a relative lead ("a speech, in which he emphasised"), before a frame's speaker
_CONJUNCTION_RE = re.compile(r"(?:but|and|while|whereas|yet|so|(?:in|during|at)\s+which|where)\s+", re.I)
# a cue set between commas after a short subject: "Italy, said the minister, has …"
_INSERTED_RE = re.compile(r"\s+(?P<spk>[^,;:“”«»\"]{2,80}?),")
# the subject of a cue set between commas before a quote, after what the sentence is about: "Deliveries to Europe,
# the consortium said, “mark …”"
_INSERTED_SUBJECT_RE = re.compile(r",\s+(?P<spk>[^,]{2,80})$")
_QUOTE_AFTER_RE = re.compile(r",\s*[“\"«]")
# what lets "continued", "resumed" or "posted" frame speech: a quote next, perhaps after where ("He posted on
# Telegram: “…”"; "He continued:" or "He posted on Facebook." closing the paragraph before one too), a "that"
# clause, or a participle of speech ("She continued, noting that …", "He continued by saying …")
_QUOTE_NEXT_RE = re.compile(r"(?:\s+(?:on|in)\s+[^,.;:“”«»\"]{1,60}?)?\s*(?:[,:]?\s*[“\"«]|[.:]\s*$)|\s+that\b"
                            r"|,?\s+(?:by\s+)?(?:noting|adding|saying|stressing|stating|explaining|pointing|recalling)\b")
# what a company "posts" that is no speech: its results
_RESULT_RE = re.compile(r"\s+(?:a|an|its|their|the)?\s*(?:[\w.,%$€-]+\s+){0,4}?(?:profits?|loss(?:es)?|rises?|falls?"
                        r"|drops?|increases?|decreases?|declines?|gains?|growth|records?|deficits?|surplus|revenues?"
                        r"|earnings|results|turnover|sales)\b")
_QUOTE_BEFORE_RE = re.compile(r"[”\"»][,.]?\s*$")
_CREDIT_RE = re.compile(CREDIT_CUE)
_CREDITED_SUBJECT_RE = re.compile(r"(?:\s+that)?\s+(?=[A-Z])")
_OUTLET_RE = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?(?:\s+also)?")  # "Reuters", "Kursiv also", "Daily Sabah"
# a time or place said before the subject with no comma: "Recently in the Parliament the Prime Minister (said)";
# the subject is the last "the …" phrase of the speaker phrase (_fronted_subject)
_UNCOMMAED_OPENER_RE = re.compile(
    r"(?:Recently|Earlier|Later|Previously|Meanwhile|Today|Yesterday|Now|Then|In|At|On|During|After|Last|This)\b")
# a subject, a first predicate of its own, and "and" before the cue: "Mora commended the relations … and (said)",
# "Mr Sultanov was blunt and (said)"
_FIRST_PREDICATE_RE = re.compile(
    r"(?P<subj>[A-Z][^,;:]{1,60}?)\s+(?:[a-z]{3,}ed|was|were|met|held|made|gave|took|spoke|visited|paid|went|came"
    r"|welcomed|thanked|praised|hailed)\b(?:(?!,\s*(?:who|which|where|whose|when)\b)[^;:]){0,200}?,?\s+(?:and|but)"
    r"(?:\s+also)?")  # never across ", who …" or ", where …": the relative clause has a subject of its own
# a subject, a first predicate and "to" before the cue: "Varhelyi took to Twitter after the meeting to (stress)",
# "Berg used a speech on Monday to (say)"; never after a verb that makes its object the one who speaks ("Tokayev
# asked the minister to (explain)")
_PURPOSE_RE = re.compile(
    r"(?P<subj>[A-Z][^,;:]{1,60}?)\s+(?!(?:asked|urged|called|invited|told|encouraged|instructed|ordered|allowed|forced"
    r"|expected|wanted|requested|pressed|persuaded|tasked|advised|reminded|challenged|begged|warned)\b)"
    r"(?:[a-z]{3,}ed|took|used|went|came|made|gave|spoke|rose|stepped|appeared|wrote)\b[^;:“”«»\"]{0,120}?\s+to")
# such an opener before a pronoun, the subject: "Then he", "In Astana she"
_OPENER_PRONOUN_RE = re.compile(r"(?:[\w’'\-]+\s+){1,5}(?P<pron>he|she|they)")
_WORD_RE = re.compile(r"\S+")
_COMMA_RE = re.compile(r",\s+")
# the word after a subject that shows it is one: a past verb, an auxiliary or an adverb before the verb ("The
# Kazakh side said": "side" is no verb, so "The Kazakh" is no subject)
_VERB_RE = re.compile(r"[a-z]{2,}ed|was|were|is|are|has|have|had|will|would|met|held|made|gave|took|spoke|said|told"
                      r"|sent|went|came|left|also|then|later|again|once|further|recently|reportedly|repeatedly")
# where a subject can start after such an opener: each "the" not part of an "of the" inside a name or role
_SUBJECT_THE_RE = re.compile(r"(?<!\bof )\bthe\s+")


class Frames:
    """Frames at the start of a sentence; mixed into resolve.Article."""

    def _fronted_subject(self, phrase: str, p: int, at: int) -> Speaker | None:
        """The speaker of "Recently in the Parliament the Prime Minister" or "Last week the head of the Ministry":
        the last "the …" phrase after the opener, an "of the" inside a name or role aside (so "the Parliament the
        Prime Minister" gives "the Prime Minister"); None when there is none ("At a press conference with Tokayev
        Putin": no subject that can be told from the opener's object)."""
        pronoun = _OPENER_PRONOUN_RE.fullmatch(phrase)
        if pronoun is not None:  # "Then he said …", "Later she noted that …"
            return self.resolve(pronoun.group("pron"), p, at + pronoun.start("pron"))
        found = [the.start() for the in _SUBJECT_THE_RE.finditer(phrase, 1)]
        return self.resolve(phrase[found[-1]:], p, at + found[-1]) if found else None

    def _inserted_subject(self, m: re.Match[str], p: int) -> Speaker | None:
        """For "Deliveries to Europe, the consortium said, “…”": the cue's own subject after the last comma, when it
        names someone; else None."""
        subject = _INSERTED_SUBJECT_RE.search(m.group("spk")) if _QUOTE_AFTER_RE.match(m.string, m.end()) else None
        if subject is None:
            return None
        speaker = self.resolve(subject.group("spk"), p, m.start("spk") + subject.start("spk"))
        return speaker if speaker is not None and speaker.name else None

    def _frame_subject(self, m: re.Match[str], p: int) -> Speaker | None:
        """The speaker of a frame's subject phrase: after a conjunction ("…, but the EU official said that"), the
        subject a fronted time or place leaves, or the subject of a first predicate ("Mora commended … and said",
        "Varhelyi took to Twitter to stress")."""
        first = _FIRST_PREDICATE_RE.fullmatch(m.group("spk")) or _PURPOSE_RE.fullmatch(m.group("spk"))
        if first is not None:  # "Mora commended the relations … and said that": the sentence's subject, never
            # "The President … gave an interview and" read as one long title
            speaker = self.resolve(first.group("subj"), p, m.start("spk"))
            if speaker is not None:
                return speaker
        lead = _CONJUNCTION_RE.match(m.group("spk"))  # "…, but the EU official said that", "in which he said"
        at = m.start("spk") + (lead.end() if lead else 0)
        speaker = self.resolve(m.group("spk")[at - m.start("spk"):], p, at)
        if speaker is None and _UNCOMMAED_OPENER_RE.match(m.group("spk")):
            speaker = self._fronted_subject(m.group("spk"), p, m.start("spk"))
        return speaker

    def participle_speaker(self, p: int, start: int, end: int) -> Speaker | None:
        """Who speaks in ", saying that …" after the main clause paras[p][start:end] ("The ministry released a
        statement on Monday"): its subject, the longest opening of the clause (or of its part after an
        introductory phrase and comma) that reads as a speaker phrase, that a verb follows, and that names
        someone the article knows or a role, an organisation or he/she; None when none does."""
        text = self.paras[p]
        self.collect_people()
        for at in [start] + [m.end() for m in _COMMA_RE.finditer(text, start, end)]:
            words = list(_WORD_RE.finditer(text, at, end))
            subject = ""
            for k in range(1, min(len(words), 7)):
                verb = words[k].group()
                if not _VERB_RE.fullmatch(verb) or words[k - 1].group().endswith(","):
                    continue
                phrase = text[at:words[k - 1].end()]
                read = read_phrase(phrase)
                if read is not None and (not read.name or self.known_person(read.name)):
                    subject = phrase  # "Regarding plans …, Niyazov was downbeat": never "Regarding"
            if subject:
                speaker = self.resolve(subject, p, at)
                return speaker if speaker is not None and speaker.name else None
        return None

    def person_frame_at(self, p: int, start: int, end: int) -> bool:
        """Whether text[start:end] opens with a person's own "X said" frame: what stands before it ("According to
        NRT,") then only credits where the words came from."""
        found = self.frame_at(p, start, end)
        return found is not None and found[1].person

    def frame_at(self, p: int, start: int, end: int) -> tuple[re.Match[str], Speaker] | None:
        """A "SPEAKER cue" frame at the start of text[start:end], after up to four introductory phrases; after an
        outlet's credit ("Reuters reports Lopez … said"), the frame that follows it, else the credit's own."""
        found, credited = self._frame_at(p, start, end, past_credit=True)
        if found is None and credited:
            found, _ = self._frame_at(p, start, end, past_credit=False)
        return found

    def _frame_at(self, p: int, start: int, end: int, past_credit: bool
                  ) -> tuple[tuple[re.Match[str], Speaker] | None, bool]:
        """frame_at's frame (None when there is none), and whether it read past an outlet's credit."""
        credited_once = False
        text = self.paras[p]
        pos = start
        for _ in range(5):  # "Speaking from the event in Addis Ababa, Ethiopia, hosted by …, UNIDO, X said"
            if not self.has_cue(p, pos, end):
                return None, credited_once
            m = SUBJ_CUE_RE.match(text, pos, end)
            if m and _CREDIT_RE.fullmatch(m.group("cue")) and text.startswith(",", m.end()):
                m = None  # "Report informs, the vice-president … has said": the outlet's credit, not the speaker
            if (m and m.group("cue").casefold() in QUOTE_ONLY_CUES and not _QUOTE_NEXT_RE.match(text, m.end())
                    and not _QUOTE_BEFORE_RE.search(text[max(0, pos - 3):pos])):
                m = None  # "Uzbekistan resumed gas supplies": an action, not a frame
            if m and m.group("cue").casefold() in ("posted", "posts") and _RESULT_RE.match(text, m.end("cue")):
                m = None  # "KazMunayGas posted a net profit of …": a company's results, not its words
            credited = (_CREDITED_SUBJECT_RE.match(text, m.end("cue"), end)
                        if past_credit and m and _CREDIT_RE.fullmatch(m.group("cue"))
                        and _OUTLET_RE.fullmatch(m.group("spk")) and m.group("spk") not in self.persons else None)
            if credited is not None:  # "Reuters reports Lopez, in a Facebook post, said": the frame after the credit
                credited_once = True
                pos = credited.end()
                continue
            inserted = (_INSERTED_RE.match(text, m.end("cue"), end)
                        if m and m.group("spk").endswith(",") and len(m.group("spk").split()) <= 4 else None)
            if inserted:  # "Italy, said the minister, “possesses …”": the speaker follows the cue
                speaker = self.resolve(inserted.group("spk"), p, inserted.start("spk"))
                if speaker is not None:
                    return (m, speaker), credited_once
            elif m and m.group("spk").split(maxsplit=1)[0].casefold() not in CLAUSE_OPENERS:
                speaker = self._inserted_subject(m, p) or self._frame_subject(m, p)
                if speaker is not None:
                    return (m, speaker), credited_once
            comma = text.find(", ", pos, min(end, pos + 160))
            if comma < 0:
                return None, credited_once
            pos = comma + 2
        return None, credited_once
