"""The persons an article names: who they are, where each is named, and what a surname, a pronoun or a role
phrase refers back to (who holds a role: holders.py).

`Persons` is the part of resolve.Article that collects the persons named outside quotes (full name as first
introduced, role, gender, where each is named) and looks them up; resolve.py turns speaker phrases into
speakers with it, as organisations.py does for organisations.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from loaders.people import similar_tail
from loaders.sides import fold, gender_of_given_name
from loaders.quotes.cues import SPEAKS_AFTER_RE, SPOKEN_BEFORE_RE
from loaders.quotes.names import (CHUNK_RE, HONORIFIC_GENDER, HONORIFIC_RE, after_office, core_count, name_chunks,
                                  name_in_chunk, office_word_count, with_initials, without_initials)
from loaders.quotes.roles import apposition_after, gender_of_role, is_role_word, role_like, title_before
from loaders.quotes.vocab import CHANNEL_WORDS, CLAUSE_OPENERS, CONNECTORS, CREDIT_CUE, MODIFIER_WORDS

# a one-word name a person is also known by, right after the full name: "Joko Widodo or Jokowi", "Joko Widodo
# (Jokowi)", "…, better known as Jokowi"; never the first word of another full name ("Widodo or Prabowo Subianto")
_ALIAS_RE = re.compile(r"(?:\s+or\s+|\s+\(|,?\s+(?:also\s+|better\s+|popularly\s+|widely\s+)?known\s+as\s+)"
                       r"([A-Z][a-z]{2,})(?=\)|[\s,.;:])(?!\s+[A-Z])")
# the same name given before the role it stands for: "Jokowi, as the president is popularly known, said"
_KNOWN_AS_ROLE_RE = re.compile(r"(?P<alias>[A-Z][a-z]{2,}),\s+as\s+(?:the\s+|its\s+|his\s+|her\s+)?(?P<role>[a-z][\w\s\-]{1,40}?)"
                               r"\s+is\s+(?:popularly\s+|widely\s+|commonly\s+|better\s+|also\s+)?known\b")
_SUFFIX_RE = re.compile(r"\s(?:jr\.?|sr\.?|ii|iii|iv)$")  # "Ferdinand Marcos Jr": his father is "Ferdinand Marcos"
# the Arabic article joined to a surname, which news drops on later mentions: "Saleh Al-Kharabsheh … Kharabsheh said",
# "Abdel Fattah el-Sisi … Sisi"
_ARTICLE_PREFIX_RE = re.compile(r"(?<= )(?:al|el)-(?=\w)")


# what goes on an office's name after a word that only looks like a surname ("Deputy Administrator of …",
# "Ambassador Extraordinary and Plenipotentiary", "Eng. Khalid Al-Falih")
_OFFICE_GOES_ON_RE = re.compile(r"\.\s+[A-Z]|\s+(?:of|and|for|at|in|to|&)\b|[\-–(]")


def _title_of_surname(text: str, start: int, end: int) -> str:
    """The title before a lone surname ("President Tokayev", "Energy Minister Aliyev"), which makes it a person's,
    or "": none when the title ends in no role word ("at the Press Briefing"), the word is short or the office's
    name goes on after it ("Deputy Administrator of …")."""
    if end - start < 4 or _OFFICE_GOES_ON_RE.match(text, end):
        return ""
    role = title_before(text, start)
    return role if role and is_role_word(role.split()[-1]) else ""


@dataclass
class Person:
    name: str
    role: str = ""  # the longest role the article gives them so far
    gender: str = ""
    roles: set[str] = field(default_factory=set)  # every role the article gives them





_OBJECT_BEFORE_RE = re.compile(  # the last such word before the name: "an interview and responded to an appeal from X"
    r"(?s:.*)\b(?P<kw>by|with|to|from|for|and|between|met|meets|received|receives|thanked|invited"
    r"|(?:invitation|behalf|visit|participation|presence|initiative|request)\s+of)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w’'\-.]+\s+){0,6}$")


# A name in the adverbial after a speech cue: "X said after meeting Y", "X said after talks with the chief of Z, Y",
# "X said during a press conference with Y": the cue's subject X is who the next "he" goes on about.
_CUE_VERB_RE = re.compile(r"\b(?:said|says|told|noted|stated|added|stressed|emphasi[sz]ed|announced|declared|explained)\b")
_ADVERBIAL_RE = re.compile(r"\s(?:after|during|at|following|before|while|when|in|with)\s")
_CLAUSE_END = ".;:“”\""
_THAT_RE = re.compile(r"\sthat\s|,\s(?:and|but)\s")
_PASSIVE_AGENT_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+\w+(?:ed|en|led|held|made)\s+by\s+"
                               r"(?:(?:the|a|an)\s+)?(?:[\w’'\-.]+\s+){0,6}$")


# the organisation a role belongs to, named by its kind before it: "the bank’s Senior Press Officer Dušan
# Ondrejička", "the company’s Chairman of the Board, Khassenov Askhat"
# (kinds the article names once at most: "the union's chairman" after "the European Union" is a trade union's)
_KIND_OWNS_RE = re.compile(r"\bthe\s+(?P<kind>company|corporation|firm|bank|fund|ministry|agency|operator|holding)"
                           r"['’]s\s+$", re.I)

# an outlet's credit closing a sentence after the name: "…, Azernews reports." / "…, Trend reports citing X."
_CREDITED_RE = re.compile(rf"\s+{CREDIT_CUE}"
                          r"(?:\s+(?:citing|quoting|with\s+reference\s+to)\b[^,;:.]*)?\s*(?:[.!?]|$)")


def _in_cue_adverbial(before: str) -> bool:
    """Whether the text `before` a name, within its clause, holds a speech cue and after it a preposition: the name
    is in the cue's adverbial. Two plain scans: a pattern spanning both read a run of blanks many ways."""
    clause = before[max(before.rfind(c) for c in _CLAUSE_END) + 1:]
    cue = None
    for cue in _CUE_VERB_RE.finditer(clause):
        pass
    if cue is None or _THAT_RE.search(clause, cue.end()):  # "said in a statement that Y would …": Y is a subject
        return False
    return _ADVERBIAL_RE.search(clause, cue.end() - 1) is not None


def is_object(text: str, start: int) -> bool:
    """Whether the name at text[start] is a preposition's or a verb's object ("the session chaired by President
    X", "met with X"), or a possessive ("over Erdogan's visit"), not the subject of its clause; the agent of a
    passive clause ("The delegation was led by X") is its subject."""
    name = CHUNK_RE.match(text, start)
    before = text[max(0, start - 60):start]
    if name is not None and text.startswith(("’s ", "'s ", "’ ", "' "), name.end()):
        # "Suy Sem's appreciation was made …" opens its sentence: the person is what it goes on about
        return bool(before.strip()) and before.rstrip()[-1:] not in ".;!?"
    if start >= 0 and _in_cue_adverbial(text[max(0, start - 160):start]):
        return True
    if start < 0 or any(c in before for c in ".;") or _PASSIVE_AGENT_RE.search(before):
        return False
    m = _OBJECT_BEFORE_RE.search(before)
    if m is not None and m.group("kw") == "to" and before[:m.start("kw")].casefold().endswith("according "):
        return False  # "According to X, he …": the source of what follows is its subject
    if m is not None and m.group("kw") == "and":  # "met X and Y": an object too; "X and Y signed": a second subject
        earlier = text[max(0, start - 160):start - len(before) + m.start("kw")]
        earlier = earlier[max(earlier.rfind(c) for c in ".;") + 1:]
        return bool(_OBJECT_BEFORE_RE.search(earlier))
    return m is not None




# a pronoun opening its paragraph, alone or after "According to": "He added", "According to her,"
_OPENING_PRONOUN_RE = re.compile(r"\s*(?:[Aa]ccording\s+to\s+)?(?:[Hh]e|[Ss]he|him|her)\b")


class Persons:
    """Persons named in one article; mixed into resolve.Article, whose paragraphs (`paras`), quoted regions,
    sentences, person registers, home side and side of a role (`_side`) it reads."""

    def _mention(self, p: int, pos: int, name: str) -> None:
        bisect.insort(self.mentions, (p, pos, name))

    def person_named_in(self, p: int, start: int, end: int) -> bool:
        """Whether a person the article names outside quotes is named between `start` and `end` of paragraph `p`."""
        self.collect_people()
        k = bisect.bisect_left(self.mentions, (p, start, ""))
        return k < len(self.mentions) and self.mentions[k][0] == p and self.mentions[k][1] < end

    def known_person(self, name: str) -> bool:
        """Whether `name` is a person the article names, in full or by a shorter form."""
        self.collect_people()
        return name in self.persons or self._by_short(name) is not None

    def _register(self, name: str, role: str = "", gender: str = "") -> Person:
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = Person(name)
            for p, pos in self._unsure.get(name, ()):  # "Sergey Poltoratsky" named before anything told a person
                self._mention(p, pos, name)
            # "S.Mynbayev": an initial's full stop separates it as a space would, so "Mynbayev" finds it
            spaced = _ARTICLE_PREFIX_RE.sub(r"\g<0> ", " " + name.casefold().replace(".", ". "))
            self._keys.append((person, spaced, fold(name), core_count(name),
                               name.split()[0].casefold()))
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
        if short in self._aliases:
            return self.persons[self._aliases[short]]
        bare = without_initials(short)
        if bare != short:  # "S.Mynbayev", "Mynbayev S.": the person of that surname whose name starts with that initial
            person = self._find_short(bare)
            initials = short[len(bare):] if short.startswith(bare) else short[:len(short) - len(bare)]
            first = initials.strip().split(".")[0]
            return person if person is not None and person.name.startswith(first) else None
        key = " " + short.casefold()
        words = key.count(" ")
        found = [p for p, spaced, _, _, _ in self._keys if spaced.endswith(key)]
        if not found and len(short) > 3:  # a transliteration or typing variant: "Japarov" for Zhaparov
            folded = fold(short)
            found = [p for p, _, name_fold, cores, _ in self._keys if cores > 1 and similar_tail(name_fold, folded)]
        if not found:  # the name's first words: a surname written first ("Chen" for Chen Zhou), the given name
            # that Malay, Indonesian and Arab news call a person by ("Aminuddin" for Aminuddin Harun), or the first
            # half of a long name ("Nik Nazmi" for Nik Nazmi Nik Ahmad); never a father's name before "Jr"
            found = [p for p, spaced, _, cores, _ in self._keys if cores > words and spaced.startswith(key + " ")
                     and not _SUFFIX_RE.search(spaced)]
        if not found and words == 2:  # "Ilham Aliyev" for Ilham Heydar oglu Aliyev: a middle name or patronymic left out
            middle = self._with_middle(short)
            found = [middle] if middle is not None else []
        if not found and words == 1:  # "Boric" for Gabriel Boric Font, "López" for Andrés Manuel López Obrador: the
            # father's surname, which Spanish and Portuguese names give before the mother's and news calls a person by
            found = [p for p, spaced, _, cores, _ in self._keys if cores >= 3 and spaced.split()[-2] == key[1:]
                     and not _SUFFIX_RE.search(spaced)]
        if not found:  # "President Mirziyoyev" in the body, "Shavkat Mirziyoyev: …" in the headline; or
            # "Bakhtiyor Saidov held a meeting … Saidov stated": the one full name given before, with no role
            fuller = self._fuller_in(self._title_names(), short)
            return fuller if fuller is not None or core_count(short) > 1 else self._fuller_in(self._unsure, short)
        if len({fold(person.name) for person in found}) > 1:
            return None
        # "NIkol Pashinyan" and "Nikol Pashinyan": one name typed twice, differing in case or accents only; the
        # spelling whose words are capitalised as names are
        return min(found, key=lambda person: person.name != person.name.title())

    def _longer_form(self, name: str) -> Person | None:
        """The one registered person whose name is `name` and one word more ("Gabriel Boric Font" for "Gabriel
        Boric"), else whose name is `name` with words between its first and last ("Abdulla Nigmatovich Aripov",
        "Ilham Heydar oglu Aliyev" for "Ilham Aliyev"): an article gives the full name once and a shorter form
        later; never a son's "… Jr"."""
        key, cores = " " + name.casefold() + " ", core_count(name) + 1
        found = [p for p, spaced, _, n, _ in self._keys if n == cores and (spaced + " ").startswith(key)
                 and not _SUFFIX_RE.search(spaced)]
        return found[0] if len(found) == 1 else self._with_middle(name)

    def _with_middle(self, name: str) -> Person | None:
        """The one registered person whose name is the two words of `name` with words between them ("Abdulla
        Nigmatovich Aripov", "Ilham Heydar oglu Aliyev" for "Ilham Aliyev"), or None."""
        if core_count(name) != 2 or name.count(" ") != 1:
            return None
        first, last = (" " + w for w in name.casefold().split())
        found = [p for p, spaced, _, n, _ in self._keys if n > 2 and spaced.startswith(first + " ")
                 and spaced.endswith(last) and not _SUFFIX_RE.search(spaced)]
        return found[0] if len(found) == 1 else None

    def _fuller_in(self, names: Iterable[str], short: str) -> Person | None:
        """The one name of `names` that ends with `short` and is longer, or else the one that opens with it (a given
        name news calls a person by, "Prabowo" for Prabowo Subianto), registered as a person (with the role the
        title gives them, if it does); else None."""
        key = " " + short.casefold()
        fuller = {n for n in names if (" " + n.casefold()).endswith(key) and len(n) > len(short)}
        if not fuller:
            fuller = {n for n in names if (" " + n.casefold()).startswith(key + " ") and not _SUFFIX_RE.search(n.casefold())}
        if len(fuller) != 1:
            return None
        name = fuller.pop()
        return self._register(name, self._title_names().get(name, ""))

    def _title_names(self) -> dict[str, str]:
        """Full names (two words or more) the title gives, each with the role it gives them or "", read once."""
        if self._titled is None:
            self._titled = {}
            for m in CHUNK_RE.finditer(self.title):
                name, start = name_in_chunk(m.group())
                if name and core_count(name) > 1:
                    start += m.start()
                    # a title before the name only: a headline's commas list people ("X, Russian Ambassador Y
                    # discuss …"), they set off no apposition
                    self._titled[name] = title_before(self.title, start)
        return self._titled

    def collect_people(self) -> None:
        """Register every person named outside quotes, with role and gender, and where each is named; once, when
        a speaker is first looked up."""
        if not self._collected:
            self._collected = True
            self._collect_people()

    def _collect_people(self) -> None:
        shorts: list[tuple[int, int, str, str]] = []
        for p, text in enumerate(self.paras):
            regions = self.regions[p]
            for m in name_chunks(text):
                chunk, before = m.group(), text[max(0, m.start() - 80):m.start()]
                # "… and Infrastructures Suren Papikyan": the office's last word, "corporation Rosatom Alexey
                # Likhachev" the organisation's name (a chunk after "of" is left to name_in_chunk)
                skip = chunk.index(" ") + 1 if not before.endswith(" of ") and office_word_count(before, chunk) else 0
                name, start = name_in_chunk(chunk[skip:], after_office(before))
                start += skip
                if not name or (regions and self.inside_quote(p, m.start())):
                    continue
                start += m.start()
                honorific = HONORIFIC_RE.search(text, max(0, start - 9), start)
                gender = HONORIFIC_GENDER.get(honorific.group(1).casefold(), "") if honorific else ""
                start, end = with_initials(text, start, start + len(name))
                if core_count(name) < 2:  # a surname, alone or after initials ("S.Mynbayev"), or after a title
                    shorts.append((p, start, text[start:end], gender, _title_of_surname(text, start, end)))
                    continue
                name = text[start:end]
                if text.startswith(", ", start - 2) and _CREDITED_RE.match(text, end):
                    continue  # "…, Azernews reports.": the outlet that credits the sentence, no person
                # ", Mr Luigi Ferraris,": a role before the honorific is the named person's
                before_name = min(start, honorific.start()) if honorific is not None else start
                role = (title_before(text, before_name) or apposition_after(text, end)
                        or self._fronted_role(p, before_name))
                role = self._owned(role, p, text.rfind(role, max(0, start - 200), start) if role else -1)
                gender = gender or gender_of_given_name(name.split()[0]) or gender_of_role(role)
                reason = gender or role or name in self.persons or honorific
                if not reason and not (SPEAKS_AFTER_RE.match(text, end)
                                       or SPOKEN_BEFORE_RE.search(text, max(0, start - 40), start)
                                       # "…, bp's Regional President for Azerbaijan, Georgia, and Türkiye, Name, said"
                                       or (text.startswith(", ", start - 2) and text.startswith(",", end)
                                           and SPEAKS_AFTER_RE.match(text, end + 1))):
                    self._unsure.setdefault(name, []).append((p, start))  # in case a surname refers to it later
                    continue
                # "Mr. De Vigne" after "Luc De Vigne, deputy director … said": the full name written once
                known = self._longer_form(name) if name not in self.persons else None
                if known is None and not (role or name in self.persons):
                    known = self._by_short(name) or (self._fuller_in(self._unsure, name) if honorific else None)
                if known is not None:  # "said Djedovic Handanovic": a two-word surname of a person named before
                    self._register(known.name, role, gender)
                    self._mention(p, start, known.name)
                    continue
                self._register(name, role, gender)
                self._mention(p, start, name)
                alias = _ALIAS_RE.match(text, end)
                if alias is not None and (not alias.group().lstrip().startswith("or ") or any(
                        alias.group(1)[:2].casefold() == w[:2].casefold() for w in name.split())):
                    # "President Joko Widodo or Jokowi": the short name news uses for him, made from his name after
                    # "or" ("Emmanuel Macron or Scholz" names two people)
                    self._aliases[alias.group(1)] = name
                    self._shorts.clear()
        for p, start, name, gender, role in shorts:
            person = self._by_short(name)
            initialled = name != without_initials(name)
            if person is None and initialled and self._by_short(without_initials(name)) is not None:
                continue  # "B. Rakhimov" where Sardor Rakhimov is named: a sentence's end, or another person
            if person is None and (gender or initialled or role):
                # initials tell a person too, and so does a title: "President Tokayev", "Energy Minister Aliyev"
                person = self._fuller_in(self._unsure, name) or self._register(
                    name, role, gender or gender_of_role(role))
            if person is not None:
                self._register(person.name, "", gender)
                self._mention(p, start, person.name)
        for name, role in self._title_names().items():  # the headline's "Kazakh Ambassador Name" for Name in the body
            if role and name in self.persons and not self.persons[name].role:
                self._register(name, role)
        for p, text in enumerate(self.paras):
            for m in _KNOWN_AS_ROLE_RE.finditer(text) if " known" in text else ():
                # "Jokowi, as the president is popularly known, said …": the short name of the role's holder
                holder = self._role_holder(m.group("role"), p, m.start())
                if holder is not None and m.group("alias") not in self.persons:
                    self._aliases[m.group("alias")] = holder.name
                    self._shorts.clear()

    def _owned(self, role: str, p: int, at: int) -> str:
        """`role` (written at offset `at` of paragraph `p`) with the organisation or country owning it when the text
        names it by its kind ("the bank’s Senior Press Officer" -> "European Investment Bank’s Senior Press
        Officer", the last bank named before; "the country’s PM" -> "Kazakhstan’s PM", the last country named
        before), so that its side is the owner's; else `role`."""
        country = self._the_country(role, p, max(at, 0))
        if country is not None:  # "the country’s PM": the country named last before, whose side it then takes
            return f"{country[0]}’s {country[1]}" if country[0] else role
        owner = _KIND_OWNS_RE.search(self.paras[p], max(0, at - 40), at) if at > 0 else None
        if owner is None:
            return role
        org = self._org(owner.group("kind").casefold(), p, owner.start())
        return f"{org}’s {role}" if org[:1].isupper() else role

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
        """The last person named before (p, pos) whose gender fits he/she; at a paragraph's opening ("According to
        him, …", "He added …") the person who spoke last in the paragraph before, when one did and fits: news goes
        on with its speaker, not with the people the speaker talked about."""
        want = "m" if word == "he" else "f"
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        if p > 0 and (k == 0 or self.mentions[k - 1][0] < p) and _OPENING_PRONOUN_RE.match(self.paras[p], 0, pos + 4):
            spoke = self.last_speaker_in(p - 1)
            person = self.persons.get(spoke.name) if spoke is not None and spoke.person else None
            if person is not None and person.gender in (want, ""):
                return person
        before = self._subjects_first(self.mentions[:k], p, want)
        unsure = None  # the last person of unknown gender whose given name ends in -a, for "he"
        for _, _, name in reversed(before):
            person = self.persons[name]
            if person.gender == want:
                return person
            if not person.gender and (want == "f" or not name.split()[0].endswith("a")):
                person.gender = want
                return person
            if not person.gender and unsure is None:
                unsure = person
        return unsure  # -a is a weak hint (Narendra, Nikita, Musa): with nobody else, "he" is them, this once

    def _subjects_first(self, before: list[tuple[int, int, str]], p: int, want: str = "") -> list[tuple[int, int, str]]:
        """The mentions `before`, less those the same or the previous paragraph gives as objects ("the session
        chaired by President X", "met with X") when a subject (of gender `want`, if given) is named there too: a
        subject is what "he" or "the head of state" goes on about."""
        recent = [m for m in before if m[0] >= p - 1]
        subjects = [m for m in recent if not is_object(self.paras[m[0]], m[1])]
        if subjects and len(subjects) < len(recent) and (not want or self._fits(subjects, want)):
            return [m for m in before if m[0] < p - 1] + subjects
        return before

    def _fits(self, mentions: list[tuple[int, int, str]], want: str) -> bool:
        """Whether one of the persons `mentions` name has, or may have, the gender `want`."""
        return any(self.persons[name].gender in (want, "") for _, _, name in mentions)
