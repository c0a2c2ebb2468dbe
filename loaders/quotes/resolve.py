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
Sides come from sides.person_side, else sides.side_in_article with the article's home
side. The persons are collected once, on the first lookup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from loaders.sides import gender_of_given_name, listed_org_side, person_side, side_in_article, side_of
from loaders.quotes.cues import cue_positions
from loaders.quotes.described import CHANNEL_RE, Descriptions
from loaders.quotes.marks import overlaps, scan_spans
from loaders.quotes.names import company_role
from loaders.quotes.documents import Documents, document_owner
from loaders.quotes.frames import Frames
from loaders.quotes.organisations import Organisations, group_org
from loaders.quotes.holders import Holders
from loaders.quotes.states import States, post_name, side_party, state_name
from loaders.quotes.persons import Person, Persons
from loaders.quotes.phrases import read_phrase
from loaders.quotes.roles import DETERMINER_RE, ROLE_SYNONYM_RE, fold_token, org_headed, role_core
from loaders.quotes.rows import UNNAMED, Speaker
from loaders.quotes.sources import holder_of_title, member_of, place_speaker, unnamed
from loaders.quotes.vocab import ORG_WORDS, PARAGRAPH_LABEL_RE, PERSONAL_PRONOUN_RE
from loaders.sentences import sentence_spans

# a post held for another person: "Tokayev's press secretary", "Borrell's spokesperson" (never "Nurtleu's counterpart")
_PERSON_OWNER_RE = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})['’]s?\s+(?:(?:chief|senior|deputy|personal|"
                              r"official|special)\s+)?(?:spokes\w+|press\s+secretary|press\s+service|adviser|advisor"
                              r"|aide|assistant|representative|envoy|chief\s+of\s+staff|office)\b")
_COMPOUND_NAME_RE = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")  # "Sibanye-Stillwater", "Rolls-Royce"
_ACRONYM_RE = re.compile(r"[A-Z]{2,8}")
# A search inside a sentence looks at most this far either side of its anchor.
SENTENCE_REACH = 1000


def _sentence_starts(text: str, regions: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the sentences of `text` (loaders.sentences), never splitting inside a quoted region;
    a paragraph's layout label ("Quote: ") stands apart from the sentence after it."""
    spans = sentence_spans(text)
    label = PARAGRAPH_LABEL_RE.match(text)  # "Details: X noted …": the sentence starts after the label
    return [0] + ([label.end()] if label else []) + [
        s for (_, end), (s, _) in zip(spans, spans[1:]) if not overlaps(regions, end, s) and (not label or s > label.end())]


# a person's office speaking: "Yoon's office said"
_PERSONS_OFFICE_RE = re.compile(r"(?P<owner>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})['’]s?\s+(?:office|administration)")


class Article(Frames, Documents, Organisations, States, Descriptions, Holders, Persons):
    """Persons, quoted regions and sentences of one article, and the speakers its phrases denote."""

    def __init__(self, paras: list[str], home: str = "", title: str = ""):
        self.paras = paras
        self.home = home
        self.title = title
        self._titled: dict[str, str] | None = None  # full names in the title and their roles, read on first use
        self._shorts: dict[str, Person | None] = {}  # _by_short's answers since the last new person
        # full names written with nothing that tells a person (_collect_people), with where each is named: a
        # surname that speaks later makes them a person, named there too
        self._unsure: dict[str, list[tuple[int, int]]] = {}
        # per person: (person, " name" casefolded, name folded, core words, first word casefolded), for _find_short
        self._keys: list[tuple[Person, str, str, int, str]] = []
        self._aliases: dict[str, str] = {}  # a one-word name a person is also known by -> their full name
        self.spans = scan_spans(paras)
        self.regions: list[list[tuple[int, int]]] = [[] for _ in paras]
        for segs in self.spans:
            for p, s, e in segs:
                self.regions[p].append((s, e))
        for region in self.regions:
            region.sort()
        self._opening: dict[tuple[int, int], list[tuple[int, int, int]]] | None = None  # span by where it opens
        self._starts: list[list[int] | None] = [None] * len(paras)
        self._cues: list[list[int] | None] = [None] * len(paras)
        self.persons: dict[str, Person] = {}
        self.mentions: list[tuple[int, int, str]] = []
        self.spoken: list[tuple[int, int, Speaker]] = []  # named speakers by position, for "the statement said"
        self.fullest: dict[str, str] = {}  # organisation name -> its fullest form in the article
        self._seeking: set[tuple[int, int]] = set()  # where `_subject_org` is looking now: it never re-enters there
        self._collected = False

    def _side(self, role: str, org: str = "") -> str:
        """The side of a role (and organisation) here: a government office with no country takes the article's
        home side, never a company's post ("ExxonMobil Senior Vice President")."""
        return side_in_article(role, org, "" if company_role(role) else self.home)

    def starts(self, p: int) -> list[int]:
        """Sentence start offsets of paragraph `p`, split on first use."""
        starts = self._starts[p]
        if starts is None:
            starts = self._starts[p] = _sentence_starts(self.paras[p], self.regions[p])
        return starts

    def span_opening(self, p: int, start: int) -> list[tuple[int, int, int]] | None:
        """The quoted span whose inner text starts at offset `start` of paragraph `p`, or None."""
        if self._opening is None:
            self._opening = {(segs[0][0], segs[0][1]): segs for segs in self.spans}
        return self._opening.get((p, start))

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

    def resolve(self, raw: str, p: int, pos: int, according: bool = False) -> Speaker | None:
        """The speaker a phrase denotes, or None when it names no person or organisation."""
        speaker = self._resolve(raw, p, pos, according)
        if speaker is not None and speaker.name:
            bisect.insort(self.spoken, (p, pos, speaker))
            if speaker.person and speaker.name in self.persons:  # "the minister replied": he is named here too
                self._mention(p, pos, speaker.name)
        return speaker

    def _resolve(self, raw: str, p: int, pos: int, according: bool) -> Speaker | None:
        self.collect_people()
        how = "according_to" if according else "explicit"
        group = group_org(raw)
        if group:  # "the representatives of the border checkpoint": the organisation speaks
            org = self._org(group, p, pos)
            return Speaker(org, "", self._side("", org), how)
        place = place_speaker(raw)
        if place:  # "Baku noted": the government seated there, never a person
            return Speaker(place, "", self._side("", place), how)
        country = state_name(raw)
        if country:  # "Azerbaijan said Thursday it started deliveries": its state
            return Speaker(country, "", self._side("", country), how)
        party = side_party(raw)
        if party:  # "the Kazakh side noted": the country's delegation to the talks
            return Speaker(party, "", self._side("", party), how)
        holder = holder_of_title(raw)
        if holder:  # "Hero-Arkadag said": the one man who holds the title
            person = self.persons.get(holder) or self._register(
                holder, DETERMINER_RE.sub("", raw.strip(" ,")), gender_of_given_name(holder.split()[0]))
            self._mention(p, pos, person.name)
            return self._as_speaker(person, how)
        member = member_of(raw)
        if member is not None:  # "an LG Chem official said": the company speaks, by an official
            org = self._org(member[0], p, pos)
            return Speaker(org, member[1], self._side(member[1], org), how)
        if unnamed(raw):
            head = DETERMINER_RE.sub("", raw.strip(" ,"))
            indefinite = raw.strip(" ,").casefold().startswith(("a ", "an ", "one "))  # "an official said": unnamed
            if not head.endswith("s") and not indefinite:
                holder = self._role_holder(head, p, pos)
                if holder is not None:
                    self._mention(p, pos, holder.name)
                    return self._as_speaker(holder, how)
                recent = self._official_just_quoted(raw, p, pos)
                if recent is not None:
                    return recent._replace(attribution=how)
            return UNNAMED
        document = document_owner(raw)
        if document is not None:
            return self._issuer(*document, p, pos, how)
        phrase = read_phrase(raw)
        described_org = DETERMINER_RE.sub("", raw.strip(" ,")) if DETERMINER_RE.match(raw.strip()) else ""
        if phrase is None and len(described_org.split()) <= 5 and org_headed(described_org) and (
                fold_token(described_org.split()[-1]) in ORG_WORDS):  # "the official Jordanian news agency"
            return Speaker(described_org, "", self._side("", described_org), how)
        if phrase is None:
            core = role_core(raw)
            holder = self._role_holder(core, p, pos) if core else None
            if holder is not None:
                return self._as_speaker(holder, how)
            return self._described(raw, p, pos, how)
        if phrase.pronoun == "it":
            return self._it(p, pos, how)
        if phrase.pronoun:  # at the pronoun itself: "According to Sadyr Japarov, he" is Japarov
            at = [m.start() for m in PERSONAL_PRONOUN_RE.finditer(raw)]
            person = self._pronoun(phrase.pronoun, p, pos + (at[-1] if at else 0))
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
            short_of = self._org_short(phrase.name, p, pos) if person is None else None
            if short_of is not None:  # "According to Sibanye" after "Sibanye-Stillwater announced …"
                return short_of._replace(attribution=how)
            if person is None and _COMPOUND_NAME_RE.fullmatch(phrase.name):
                # "Sibanye-Stillwater announced": a person is introduced by a full name, never by a bare
                # double-barrelled word; such a word is a company's name
                org = self._org(phrase.name, p, pos)
                return Speaker(org, "", self._side("", org), how)
            role = self._owned(phrase.name_role, p, pos) if phrase.name_role else ""
            if person is None:
                person = self._register(phrase.name, role, gender_of_given_name(phrase.name.split()[0]))
            elif role:
                self._register(person.name, role)
            self._mention(p, pos, person.name)
            return self._as_speaker(person, how)
        holder = self._role_holder(phrase.head, p, pos)
        if holder is not None:
            self._mention(p, pos, holder.name)
            return self._as_speaker(holder, how)
        if not phrase.org_like and _ACRONYM_RE.fullmatch(phrase.head) and self._defined(phrase.head):
            phrase = replace(phrase, org_like=True)  # "the MEA said" where the article spells the MEA out
        if not phrase.org_like:
            described = self._described(raw, p, pos, how)
            if described is not None:
                return described
        if phrase.org_like and CHANNEL_RE.fullmatch(phrase.head):  # "the press service explained": whose it is
            owner = self._channel_owner(p, pos)
            if owner is not None:
                return Speaker(owner.name, phrase.head, owner.side, how)
        if phrase.org_like:
            office = self._holders_office(phrase.head)
            if office is not None:
                return office._replace(attribution=how)
            org = self._org(phrase.head, p, pos)
            return Speaker(org, phrase.app, self._side(phrase.app, org), how)
        return None

    def _holders_office(self, head: str) -> Speaker | None:
        """"Yoon's office", "Zelensky's administration": the office of the head of state or government named, as
        the institution of the post ("Office of the President"); None for anyone else's."""
        m = _PERSONS_OFFICE_RE.fullmatch(head)
        person = (self.persons.get(m.group("owner")) or self._by_short(m.group("owner"))) if m else None
        post = post_name(person.role) or post_name(role_core(person.role)) if person is not None and person.role else ""
        if not post:
            return None
        post = post.split(" of ", 1)[0]
        return Speaker(f"Office of the {post}", "", self._as_speaker(person, "").side, "")

    def _org_short(self, name: str, p: int, pos: int) -> Speaker | None:
        """The organisation that spoke before (p, pos) whose name opens with the one word `name`, a company's short
        name ("Sibanye" after "Sibanye-Stillwater announced …", "Kazakhmys" after "Kazakhmys Corporation said"), or None."""
        if " " in name:
            return None
        for q, at, speaker in reversed(self.spoken):
            if (q, at) < (p, pos) and not speaker.person and speaker.name.startswith((name + "-", name + " ")):
                return speaker
        return None

    def _channel_owner(self, p: int, pos: int) -> Speaker | None:
        """The organisation a bare channel ("the press service") speaks for: the one that spoke last in the same or
        the previous paragraph, else the one they say published the text ("This was reported by the press service
        of the foreign ministry"); None when neither names one."""
        last = self._last_spoken(p, pos, person=False)
        if last is not None and last[0] >= p - 1:
            return last[1]
        return self._published_by(p, pos)

    def last_speaker_in(self, p: int, before: int | None = None) -> Speaker | None:
        """The named speaker who spoke last in paragraph `p` (before offset `before` when given), or None."""
        k = bisect.bisect_left(self.spoken, (p + 1,) if before is None else (p, before))
        return self.spoken[k - 1][2] if k and self.spoken[k - 1][0] == p else None

    def _as_speaker(self, person: Person, how: str) -> Speaker:
        side = listed_org_side(person.role) or person_side(person.name) or self._side(person.role)
        return Speaker(person.name, person.role, side, how, True)

    def settled(self, name: str) -> tuple[str, str]:
        """(role, side) of a person for every quote of theirs in the article, decided once from all the
        roles the article gives them: the longest role, and its side in the article; when that reads
        "other", the side a shorter role states outright ("Kazakh Vice Minister"), never one a shorter,
        unmarked role would only take from the dateline, else the side of the person whose post it is
        ("Linkevicius's spokesperson"). A person named in sides.toml keeps their side."""
        person = self.persons[name]
        side = self._side_of_roles(person)
        if side == "other":
            side = next((s for s in (self._owner_side(role, name) for role in person.roles) if s), side)
        return person.role, side

    def _side_of_roles(self, person: Person) -> str:
        """The side `settled` reads from a person's own roles (or sides.toml), before any owner's."""
        known = next(filter(None, map(listed_org_side, person.roles)), "") or person_side(person.name)
        if known or not person.roles:  # "NATO Secretary General Mark Rutte": the organisation's, not his old post's
            return known
        roles = sorted(person.roles, key=lambda r: (-len(r), r))
        side = self._side(self._expanded(roles[0]))
        if side == "other":
            side = next((s for s in map(side_of, roles) if s in ("EU", "Kazakhstan")), side)
        return side

    def _owner_side(self, role: str, name: str) -> str:
        """The side ("EU" or "Kazakhstan") of another person of the article whose post `role` is ("Linkevicius's
        spokesperson", "Tokayev's press secretary"), or ""."""
        owner = _PERSON_OWNER_RE.match(role)
        if owner is None:
            return ""
        person = self.persons.get(owner.group(1)) or self._by_short(owner.group(1))
        if person is None or person.name == name:
            return ""
        side = self._side_of_roles(person)
        return side if side in ("EU", "Kazakhstan") else ""
