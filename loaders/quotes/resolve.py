"""Name and pronoun resolution: who a speaker phrase denotes in one article.

An `Article` knows its paragraphs, quoted regions and sentences, and the persons it names
outside quotes (full name as first introduced, role, gender, where each is named). A
speaker phrase resolves to:
- a person: a full name; a surname, "Mr X", "Commissioner X" resolving to the person named
  earlier; a definite role ("the Commission President", "the Head of State") resolving to the
  person holding it;
- a pronoun's person: he/she goes to the most recently named person whose gender fits
  (given-name list, Mr/Ms, spokesman/-woman, or an earlier pronoun; people of unknown gender
  fit "she", and fit "he" unless the given name ends in -a);
- an organisation: "the press service of X" / "X's press office" is X with the channel as
  its role (a role-like owner such as "PM" becomes the title of the person holding it);
  "the ministry" / "the company" / "the bank" is the last organisation of that kind named
  before (a capitalised "Ministry of X", a "Minister of X" role, or sides.toml [kinds]);
- an unnamed source ("two people familiar with the talks"): speaker "", attribution
  "unattributed".
Sides come from people.person_side, else people.side_in_article with the article's home
side. The persons are collected once, on the first lookup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from loaders.people import (
    fold,
    gender_of_given_name,
    person_side,
    side_in_article,
    side_of,
    similar_tail,
)
from loaders.quotes.cues import SPEAKS_AFTER_RE, SPOKEN_BEFORE_RE, SUBJ_CUE_RE, cue_positions
from loaders.quotes.marks import overlaps, scan_spans
from loaders.quotes.organisations import Organisations, document_owner, group_org, post_name
from loaders.quotes.phrases import (
    CHUNK_RE,
    DETERMINER_RE,
    HONORIFIC_GENDER,
    HONORIFIC_RE,
    ROLE_SYNONYM_RE,
    apposition_after,
    core_count,
    fold_token,
    gender_of_role,
    head_noun,
    is_role_word,
    name_chunks,
    name_in_chunk,
    read_phrase,
    role_core,
    role_like,
    role_tokens,
    title_before,
    unnamed,
)
from loaders.quotes.rows import UNNAMED, Speaker
from loaders.quotes.vocab import (
    CHANNEL,
    CHANNEL_WORDS,
    CLAUSE_OPENERS,
    CONNECTORS,
    HYPERNYMS,
    MODIFIER_WORDS,
    PARAGRAPH_LABEL_RE,
    REFER_BACK,
    ROLE_WORDS,
)
from loaders.sentences import sentence_spans

CHANNEL_RE = re.compile(CHANNEL, re.I)
_CONJUNCTION_RE = re.compile(r"(?:but|and|while|whereas|yet|so)\s+", re.I)
# A search inside a sentence looks at most this far either side of its anchor.
SENTENCE_REACH = 1000


@dataclass
class Person:
    name: str
    role: str = ""  # the longest role the article gives them so far
    gender: str = ""
    roles: set[str] = field(default_factory=set)  # every role the article gives them




def _sentence_starts(text: str, regions: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the sentences of `text` (loaders.sentences), never splitting inside a quoted region;
    a paragraph's layout label ("Quote: ") stands apart from the sentence after it."""
    spans = sentence_spans(text)
    label = PARAGRAPH_LABEL_RE.match(text)  # "Details: X noted …": the sentence starts after the label
    return [0] + ([label.end()] if label else []) + [
        s for (_, end), (s, _) in zip(spans, spans[1:]) if not overlaps(regions, end, s) and (not label or s > label.end())]


_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:by|with|to|from|for|and|between|met|meets|received|receives|thanked|invited)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w’'\-.]+\s+){0,6}$")


_PASSIVE_AGENT_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+\w+(?:ed|en|led|held|made)\s+by\s+"
                               r"(?:(?:the|a|an)\s+)?(?:[\w’'\-.]+\s+){0,6}$")


def _is_object(text: str, start: int) -> bool:
    """Whether the name at text[start] is a preposition's or a verb's object ("the session chaired by President
    X", "met with X"), not the subject of its clause; the agent of a passive clause ("The delegation was led by
    X") is its subject."""
    before = text[max(0, start - 60):start]
    return (start >= 0 and not any(c in before for c in ".;") and bool(_OBJECT_BEFORE_RE.search(before))
            and not _PASSIVE_AGENT_RE.search(before))


class Article(Organisations):
    """Persons, quoted regions and sentences of one article, and the speakers its phrases denote."""

    def __init__(self, paras: list[str], home: str = "", title: str = ""):
        self.paras = paras
        self.home = home
        self.title = title
        self._titled: list[str] | None = None  # full names in the title, read on first use
        self._shorts: dict[str, Person | None] = {}  # _by_short's answers since the last new person
        self._unsure: list[str] = []  # full names written with nothing that tells a person (_collect_people)
        # per person: (person, " name" casefolded, name folded, core words, first word casefolded), for _find_short
        self._keys: list[tuple[Person, str, str, int, str]] = []
        self.spans = scan_spans(paras)
        self.regions: list[list[tuple[int, int]]] = [[] for _ in paras]
        for segs in self.spans:
            for p, s, e in segs:
                self.regions[p].append((s, e))
        for region in self.regions:
            region.sort()
        self._starts: list[list[int] | None] = [None] * len(paras)
        self._cues: list[list[int] | None] = [None] * len(paras)
        self.persons: dict[str, Person] = {}
        self.mentions: list[tuple[int, int, str]] = []
        self.spoken: list[tuple[int, int, Speaker]] = []  # named speakers by position, for "the statement said"
        self.fullest: dict[str, str] = {}  # organisation name -> its fullest form in the article
        self._collected = False

    def _side(self, role: str, org: str = "") -> str:
        return side_in_article(role, org, self.home)

    def starts(self, p: int) -> list[int]:
        """Sentence start offsets of paragraph `p`, split on first use."""
        starts = self._starts[p]
        if starts is None:
            starts = self._starts[p] = _sentence_starts(self.paras[p], self.regions[p])
        return starts

    def opening(self, p: int) -> int:
        """Where paragraph `p`'s first sentence starts: after its layout label ("Quote: "), else 0."""
        starts = self.starts(p)
        return starts[1] if len(starts) > 1 and PARAGRAPH_LABEL_RE.match(self.paras[p]) else 0

    def has_cue(self, p: int, start: int, end: int) -> bool:
        """True when a speech cue word preceded by a space begins in paragraph `p` within [start, end)."""
        cues = self._cues[p]
        if cues is None:
            cues = self._cues[p] = cue_positions(self.paras[p])
        k = bisect.bisect_left(cues, start)
        return k < len(cues) and cues[k] < end

    def inside_quote(self, p: int, pos: int) -> bool:
        return overlaps(self.regions[p], pos, pos + 1)

    def sentence(self, p: int, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`, clipped to SENTENCE_REACH either side of it.

        The clip keeps every search inside a sentence bounded: a pasted run of quotes with no full
        stop is one "sentence" of the whole paragraph, and searching it once per quote is quadratic.
        """
        starts = self.starts(p)
        k = bisect.bisect_right(starts, pos) - 1
        end = starts[k + 1] if k + 1 < len(starts) else len(self.paras[p])
        return max(starts[k], pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def _mention(self, p: int, pos: int, name: str) -> None:
        bisect.insort(self.mentions, (p, pos, name))

    def _register(self, name: str, role: str = "", gender: str = "") -> Person:
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name)
            self._keys.append((person, " " + name.casefold(), fold(name), core_count(name), name.split()[0].casefold()))
            self._shorts.clear()
        if role:
            person.roles.add(role)
        if role and len(role) > len(person.role):
            person.role = role
        if gender and not person.gender:
            person.gender = gender
        return person

    def _by_short(self, short: str) -> Person | None:
        """The one registered person whose full name ends with `short` (a surname form); memoised until the
        next person is registered."""
        if short in self._shorts:
            return self._shorts[short]
        found = self._shorts[short] = self._find_short(short)
        return found

    def _find_short(self, short: str) -> Person | None:
        key = " " + short.casefold()
        found = [p for p, spaced, _, _, _ in self._keys if spaced.endswith(key)]
        if not found and len(short) > 3:  # a transliteration or typing variant: "Japarov" for Zhaparov
            folded = fold(short)
            found = [p for p, _, name_fold, cores, _ in self._keys if cores > 1 and similar_tail(name_fold, folded)]
        if not found and not gender_of_given_name(short):  # a surname written first: "Chen" for Chen Zhou
            found = [p for p, _, _, cores, first in self._keys if cores == 2 and first == key[1:]]
        if not found:  # "President Mirziyoyev" in the body, "Shavkat Mirziyoyev: …" in the headline
            return self._fuller_in(self._title_names(), short)
        return found[0] if len(found) == 1 else None

    def _fuller_in(self, names: list[str], short: str) -> Person | None:
        """The one name of `names` that ends with `short` and is longer, registered as a person; else None."""
        key = " " + short.casefold()
        fuller = {n for n in names if (" " + n.casefold()).endswith(key) and len(n) > len(short)}
        return self._register(fuller.pop()) if len(fuller) == 1 else None

    def _title_names(self) -> list[str]:
        """Full names (two words or more) the title gives, read once."""
        if self._titled is None:
            named = (name_in_chunk(m.group())[0] for m in CHUNK_RE.finditer(self.title))
            self._titled = [n for n in named if n and core_count(n) > 1]
        return self._titled

    def _collect_people(self) -> None:
        """Register every person named outside quotes, with role and gender, and where each is named."""
        shorts: list[tuple[int, int, str, str]] = []
        for p, text in enumerate(self.paras):
            regions = self.regions[p]
            for m in name_chunks(text):
                name, start = name_in_chunk(m.group())
                if not name or (regions and self.inside_quote(p, m.start())):
                    continue
                start += m.start()
                honorific = HONORIFIC_RE.search(text, max(0, start - 9), start)
                gender = HONORIFIC_GENDER.get(honorific.group(1).casefold(), "") if honorific else ""
                if core_count(name) < 2:
                    shorts.append((p, start, name, gender))
                    continue
                end = start + len(name)
                role = title_before(text, start) or apposition_after(text, end) or self._fronted_role(p, start)
                gender = gender or gender_of_given_name(name.split()[0]) or gender_of_role(role)
                reason = gender or role or name in self.persons or honorific
                if not reason and not (SPEAKS_AFTER_RE.match(text, end)
                                       or SPOKEN_BEFORE_RE.search(text, max(0, start - 40), start)
                                       # "…, bp's Regional President for Azerbaijan, Georgia, and Türkiye, Name, said"
                                       or (text.startswith(", ", start - 2) and text.startswith(",", end)
                                           and SPEAKS_AFTER_RE.match(text, end + 1))):
                    self._unsure.append(name)  # kept in case a surname form refers to it later
                    continue
                # "Mr. De Vigne" after "Luc De Vigne, deputy director … said": the full name written once
                known = None if (role or name in self.persons) else (
                    self._by_short(name) or (self._fuller_in(self._unsure, name) if honorific else None))
                if known is not None:  # "said Djedovic Handanovic": a two-word surname of a person named before
                    self._mention(p, start, known.name)
                    continue
                self._register(name, role, gender)
                self._mention(p, start, name)
        for p, start, name, gender in shorts:
            person = self._by_short(name)
            if person is None and gender:
                person = self._fuller_in(self._unsure, name) or self._register(name, "", gender)
            if person is not None:
                self._register(person.name, "", gender)
                self._mention(p, start, person.name)

    def _fronted_role(self, p: int, start: int) -> str:
        """The role standing before a name in commas ("The head of the EU Delegation, Name, …", "…, said the
        chairman of the National Bank, Name.", "…, Uzbek Deputy PM in charge of trade, Name announced"), or ""."""
        if start < 2 or not self.paras[p].startswith(", ", start - 2):
            return ""
        s, _ = self.sentence(p, start)
        clause = self.paras[p][s:start - 2]
        words = clause[clause.rfind(",") + 1:].split()

        def title_word(word: str) -> bool:
            low = word.casefold()
            return ((word[:1].isupper() and low not in CONNECTORS and low not in CLAUSE_OPENERS)
                    or is_role_word(word) or low in MODIFIER_WORDS)

        # the shortest role at the end of the clause, widened over the title words before it
        k = next((k for k in range(len(words) - 1, max(-1, len(words) - 15), -1)
                  if title_word(words[k]) and role_like(" ".join(words[k:]))), -1)
        if k < 0:
            return ""
        while k > 0:
            j = k - 1
            while j > 0 and words[j].casefold() in ("of", "the", "for"):
                j -= 1  # "press secretary of the President": connectors inside a title
            if not (title_word(words[j]) or words[j].casefold() in CHANNEL_WORDS):
                break
            k = j
        return " ".join(words[k:])

    def _pronoun(self, word: str, p: int, pos: int) -> Person | None:
        """The last person named before (p, pos) whose gender fits he/she."""
        want = "m" if word == "he" else "f"
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        before = self.mentions[:k]
        # A subject is what "he"/"she" goes on about: pass over a name the same or the previous paragraph
        # gives as an object ("the session chaired by President X"), while a subject named there fits.
        recent = [(q, at, name) for q, at, name in before if q >= p - 1]
        subjects = [m for m in recent if not _is_object(self.paras[m[0]], m[1])]
        if subjects and len(subjects) < len(recent) and self._fits(subjects, want):
            before = [m for m in before if m[0] < p - 1] + subjects
        for _, _, name in reversed(before):
            person = self.persons[name]
            if person.gender == want:
                return person
            if not person.gender and (want == "f" or not name.split()[0].endswith("a")):
                person.gender = want
                return person
        return None

    def _fits(self, mentions: list[tuple[int, int, str]], want: str) -> bool:
        """Whether one of the persons `mentions` name has, or may have, the gender `want`."""
        return any(self.persons[name].gender in (want, "") for _, _, name in mentions)

    def _role_holder(self, phrase: str, p: int, pos: int) -> Person | None:
        """The person whose role contains every word of `phrase` ("the Commission President"), or, for a
        general word such as "the diplomat" or "Turkmen leader", a title it stands for with the other words
        (speech.toml `hypernyms`)."""
        wanted = role_tokens(phrase)
        if not wanted or not any(w in ROLE_WORDS for w in wanted):
            return None
        general = next((w for w in wanted if w in HYPERNYMS), None)
        rest = wanted - {general} if general else wanted
        holders = {n for n, person in self.persons.items() if person.role and (
            wanted <= role_tokens(person.role)
            or (general is not None and HYPERNYMS[general] & role_tokens(person.role) and rest <= role_tokens(person.role)))}
        if not holders:
            return None
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        for _, _, name in reversed(self.mentions[:k]):
            if name in holders:
                return self.persons[name]
        return self.persons[holders.pop()] if len(holders) == 1 else None

    def resolve(self, raw: str, p: int, pos: int, according: bool = False) -> Speaker | None:
        """The speaker a phrase denotes, or None when it names no person or organisation."""
        speaker = self._resolve(raw, p, pos, according)
        if speaker is not None and speaker.name:
            bisect.insort(self.spoken, (p, pos, speaker))
        return speaker

    def _resolve(self, raw: str, p: int, pos: int, according: bool) -> Speaker | None:
        if not self._collected:
            self._collected = True
            self._collect_people()
        how = "according_to" if according else "explicit"
        group = group_org(raw)
        if group:  # "the representatives of the border checkpoint": the organisation speaks
            org = self._org(group, p, pos)
            return Speaker(org, "", self._side("", org), how)
        if unnamed(raw):
            head = DETERMINER_RE.sub("", raw.strip(" ,"))
            if not head.endswith("s"):
                holder = self._role_holder(head, p, pos)
                if holder is not None:
                    self._mention(p, pos, holder.name)
                    return self._as_speaker(holder, how)
            return UNNAMED
        document = document_owner(raw)
        if document is not None:
            return self._issuer(document, p, pos, how)
        phrase = read_phrase(raw)
        if phrase is None:
            core = role_core(raw)
            holder = self._role_holder(core, p, pos) if core else None
            if holder is not None:
                return self._as_speaker(holder, how)
            return self._described(raw, p, pos, how)
        if phrase.pronoun == "it":
            return self._it(p, pos, how)
        if phrase.pronoun:
            person = self._pronoun(phrase.pronoun, p, pos)
            return None if person is None else self._as_speaker(person, "pronoun")
        if phrase.channel:
            holder = self._role_holder(phrase.head, p, pos)  # "the press secretary of the President" named before
            if holder is not None:
                self._mention(p, pos, holder.name)
                return self._as_speaker(holder, how)
            post = post_name(phrase.channel_org)
            if post:  # "the presidential press service", "the PM's press office": the post's institution
                holder = self._role_holder(post, p, pos)
                side = self._as_speaker(holder, how).side if holder is not None else ""
                return Speaker(f"Press service of the {post}", "press service", side or self._side(post), how)
            org = self._org(phrase.channel_org, p, pos)
            return Speaker(org, phrase.channel, self._side(phrase.channel, org), how)
        if phrase.name and ROLE_SYNONYM_RE.fullmatch(phrase.name):  # "Elbasy said": an office, never a name
            holder = self._role_holder(phrase.name, p, pos)
            if holder is None:  # "the Elbasy noted" with no role given: who was just named, as for "the minister"
                return self._described(raw, p, pos, how)
            self._mention(p, pos, holder.name)
            return self._as_speaker(holder, how)
        if phrase.name:
            person = self.persons.get(phrase.name) or self._by_short(phrase.name)
            if person is None:
                person = self._register(phrase.name, phrase.name_role, gender_of_given_name(phrase.name.split()[0]))
            elif phrase.name_role:
                self._register(person.name, phrase.name_role)
            self._mention(p, pos, person.name)
            return self._as_speaker(person, how)
        holder = self._role_holder(phrase.head, p, pos)
        if holder is not None:
            self._mention(p, pos, holder.name)
            return self._as_speaker(holder, how)
        if not phrase.org_like:
            described = self._described(raw, p, pos, how)
            if described is not None:
                return described
        if phrase.org_like:
            org = self._org(phrase.head, p, pos)
            return Speaker(org, phrase.app, self._side(phrase.app, org), how)
        return None

    def last_speaker_in(self, p: int, before: int | None = None) -> Speaker | None:
        """The named speaker who spoke last in paragraph `p` (before offset `before` when given), or None."""
        k = bisect.bisect_left(self.spoken, (p + 1,) if before is None else (p, before))
        return self.spoken[k - 1][2] if k and self.spoken[k - 1][0] == p else None

    def _described(self, raw: str, p: int, pos: int, how: str) -> Speaker | None:
        """For a definite description no role holder fits ("the EU's foreign policy chief"), the person who
        spoke or was named just before it (for a channel, "the spokesman", the organisation that spoke just
        before), else the one named just after it (_named_next); else an unnamed speaker. None when the
        phrase is no definite description of a role."""
        text = raw.strip()
        role = DETERMINER_RE.sub("", text)
        if not DETERMINER_RE.match(text) or not (role_like(role) or ROLE_SYNONYM_RE.fullmatch(role)):
            return None
        recent = self._recent_speaker(p, pos)
        if recent is not None:
            return recent._replace(attribution=how)
        if CHANNEL_RE.fullmatch(role):  # "the spokesman said" after "a Commission spokesman said": the Commission
            last = self._last_spoken(p, pos, person=False)
            if last is not None and last[0] >= p - 1:
                return last[1]._replace(attribution=how)
        return self._named_next(role, p, pos, how) or UNNAMED

    def _named_next(self, role: str, p: int, pos: int, how: str) -> Speaker | None:
        """A role named before its holder ("…, the head of the Ministry of Energy said. … Parviz Shahbazov
        noted"): the first person named after (p, pos), in the same paragraph or the next, when nobody was
        named before it there; they take the role. A general word ("the interlocutor", speech.toml
        `refer_back`) never points ahead."""
        if fold_token(head_noun(role)) in REFER_BACK:
            return None
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        if k >= len(self.mentions) or self.mentions[k][0] > p + 1:
            return None
        person = self._register(self.mentions[k][2], role)
        self._mention(p, pos, person.name)
        return self._as_speaker(person, how)

    def _last_spoken(self, p: int, pos: int, person: bool | None = None) -> tuple[int, Speaker] | None:
        """(paragraph, speaker) of the last named speaker before (p, pos); only persons or only organisations
        when `person` says so."""
        for k in range(bisect.bisect_left(self.spoken, (p, pos)) - 1, -1, -1):
            q, _, speaker = self.spoken[k]
            if person is None or speaker.person == person:
                return q, speaker
        return None

    def _recent_speaker(self, p: int, pos: int) -> Speaker | None:
        """The person who spoke or was named last before (p, pos), in the same paragraph or the one before."""
        last = self._last_spoken(p, pos)
        if last is not None and last[1].person and last[0] >= p - 1:
            return last[1]
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        if k and self.mentions[k - 1][0] >= p - 1:
            return self._as_speaker(self.persons[self.mentions[k - 1][2]], "explicit")
        return None

    def _as_speaker(self, person: Person, how: str) -> Speaker:
        return Speaker(person.name, person.role, person_side(person.name) or self._side(person.role), how, True)

    def settled(self, name: str) -> tuple[str, str]:
        """(role, side) of a person for every quote of theirs in the article, decided once from all the
        roles the article gives them: the longest role, and its side in the article; when that reads
        "other", the side a shorter role states outright ("Kazakh Vice Minister"), never one a shorter,
        unmarked role would only take from the dateline. A person named in sides.toml keeps their side."""
        person = self.persons[name]
        known = person_side(name)
        if known or not person.roles:
            return person.role, known
        roles = sorted(person.roles, key=lambda r: (-len(r), r))
        side = self._side(self._expanded(roles[0]))
        if side == "other":
            side = next((s for s in map(side_of, roles) if s in ("EU", "Kazakhstan")), side)
        return person.role, side

    def frame_at(self, p: int, start: int, end: int) -> tuple[re.Match[str], Speaker] | None:
        """A "SPEAKER cue" frame at the start of text[start:end], after up to two introductory phrases."""
        text = self.paras[p]
        pos = start
        for _ in range(3):
            if not self.has_cue(p, pos, end):
                return None
            m = SUBJ_CUE_RE.match(text, pos, end)
            if m and m.group("spk").split(maxsplit=1)[0].casefold() not in CLAUSE_OPENERS:
                lead = _CONJUNCTION_RE.match(m.group("spk"))  # "…, but the EU official said that"
                at = m.start("spk") + (lead.end() if lead else 0)
                speaker = self.resolve(m.group("spk")[at - m.start("spk"):], p, at)
                if speaker is not None:
                    return m, speaker
            comma = text.find(", ", pos, min(end, pos + 160))
            if comma < 0:
                return None
            pos = comma + 2
        return None
