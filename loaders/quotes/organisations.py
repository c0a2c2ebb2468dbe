"""Organisations as speakers: their fullest names, and what "the ministry", "the company", "the government" or "it"
stand for in an article (states.py reads which country; documents.py who issued a statement).

The pure readings of a phrase are memoised functions; `Organisations` is the part of resolve.Article that
looks through the article for them (it reads the article's paragraphs, persons and the speakers so far).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from loaders.people import NON_NAME_WORDS
from loaders.sides import is_country_word, is_known_org, known_orgs_in, org_kind
from loaders.quotes.acronyms import defined
from loaders.quotes.names import CHUNK_RE, company_name
from loaders.quotes.roles import DETERMINER_RE, role_like
from loaders.quotes.rows import Speaker
from loaders.quotes.vocab import COMPANY_NOUN, COMPANY_NOUNS, COUNTRY_RE, ORG_KINDS, ORG_WORDS, UP, WEEKDAY, alternation

MINISTER_OF_RE = re.compile(r"\bMinister(\s+(?:of|for)\s+[A-Z].*)$")
# "finance minister", "Energy and Mining Minister": a minister's field written before the title
_FIELD_MINISTER_RE = re.compile(r"\b(?P<field>[A-Za-z]+(?:\s+and\s+[A-Za-z]+)?)\s+[Mm]inister\b")
_NO_FIELD = frozenset({"prime", "deputy", "vice", "first", "acting", "former", "state", "chief", "the", "a", "and",
                       "cabinet", "junior", "senior", "union", "federal", "regional"})


def _ministry_of(role: str) -> str:
    """The ministry a minister's `role` heads ("Minister of Energy" -> "Ministry of Energy", "finance minister" ->
    "Ministry of Finance", "Foreign Minister" -> "Ministry of Foreign Affairs"), or ""."""
    m = MINISTER_OF_RE.search(role)
    if m:
        return "Ministry" + m.group(1)
    field = next((f for f in _FIELD_MINISTER_RE.finditer(role) if f.group("field").split()[0].casefold() not in _NO_FIELD),
                 None)
    if field is None:
        return ""
    words = field.group("field").split()
    return "Ministry of " + " ".join(w if w == "and" else w.capitalize() for w in words) + (
        " Affairs" if words[-1].casefold() == "foreign" else "")


# "Chairman of the Bank": the organisation after the title's "of (the)"
_OF_ORG_RE = re.compile(r"\bof\s+(?:the\s+)?(?P<org>[A-Z][\w’'\-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'\-]*))*)$")
# "the Commission's spokesperson": the organisation owning the role
_OWNER_RE = re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’ʼ]s\s")
_LEADING_ACRONYM_RE = re.compile(r"([A-Z]{2,8})\s+(?=[A-Za-z])")
_TRAILING_ORG_RE = re.compile(r"[A-Z][\w’'\-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w’'\-]*))*$")
# "the representatives of the Gants mod border checkpoint": a group speaking for an organisation
GROUP_OF_RE = re.compile(
    r"(?:the\s+)?(?:representatives?|officials?|spokespeople|staff|employees|specialists|experts)\s+(?:of|from|at)\s+"
    r"(?P<org>(?:the\s+)?[A-Z][^,;:]{1,100})"
)
# "the energy ministry": a field in lower case before an office word
_FIELD_OFFICE_RE = re.compile(r"(?P<field>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s+(?P<office>ministry|agency|committee|department)")
# "luxury automaker Mercedes-Benz", "mining giant Glencore": a company introduced by what it is
COMPANY_NAMED_RE = re.compile(rf"\b(?:{COMPANY_NOUN}|Start-?up)\s+(?P<name>[{UP}][\w\-]*(?:\s+[{UP}][\w\-]*)*)")
SUBJECT_REACH = 4  # sentences of a paragraph "it said" looks back over for its organisation
# Prepositions and adverbs that open a sentence before its subject ("Despite Western …", "Instead, …").
_OPENING_WORDS = frozenset("""despite instead amid amidst following unlike like given besides through across against
    along beyond toward towards upon via regarding concerning notably additionally separately of in at on for from
    with by after before during since under over within without about among between into per""".split())
_CALENDAR = (rf"(?:{WEEKDAY}|January|February|March|April|May|June"
             r"|July|August|September|October|November|December)")


@lru_cache(maxsize=64)
def org_mention_re(head: str) -> re.Pattern[str]:
    """Pattern for a capitalised organisation name built on `head` ("Ministry of Energy", "Russian Embassy in
    Azerbaijan", "Ministry of Ecology, Geology and Natural Resources": fields listed with commas before the last
    "and"), never extended by a date."""
    words = rf"[{UP}][\w’'\-]*(?:\s+[{UP}][\w’'\-]*)*"
    field = rf"[{UP}][a-z]+(?![\w\-])"  # a plain word: "Geology", never "Samruk-Kazyna" or "KEGOC"
    return re.compile(
        rf"(?:[{UP}][\w’'\-]*\s+)*{re.escape(head.capitalize())}"
        rf"(?:\s+(?:of|for|and|on|in|to)(?:\s+the)?\s+(?!{_CALENDAR}\b){words}"
        rf"(?:(?:,\s+{field}(?:\s+{field})?)+(?=\s+and\s+{field}))?)*"
    )


@lru_cache(maxsize=4096)
def org_extension_re(name: str) -> re.Pattern[str]:
    """Pattern for `name` followed by "of/for/in/to/under … Capitalised words" ("Ministry of Agriculture" + " of
    Kazakhstan", "Russian Embassy" + " in Azerbaijan", "Statistics Agency" + " under the President of Tajikistan"),
    never by a date ("on Wednesday", "in March")."""
    return re.compile(rf"{re.escape(name)}(?:\s+(?:of|for|on|in|to|under)(?:\s+the)?\s+(?!{_CALENDAR}\b)[{UP}][\w’'\-]*"
                      rf"(?:\s+[{UP}][\w’'\-]*)*)+")


# the name right after what a company is, capitalised as a heading is: "Mining Company Central Asia Metals"
_NAME_AFTER_RE = re.compile(rf"\s+(?P<name>[{UP}][\w\-]*(?:\s+[{UP}][\w\-]*)*)")


# what a possessive subject owns when it is an organisation: "’s Ministry of Energy", "’s Energy Ministry"
_OWNED_ORG_RE = re.compile(rf"[’']s\s+(?:[{UP}][\w\-]*\s+(?:(?:and|of|for)\s+)?)*?(?i:{alternation(ORG_WORDS)})\b"
                           rf"(?:\s+(?:of|for)\s+(?:the\s+)?[{UP}][\w\-]*(?:\s+[{UP}][\w\-]*)*)?")


# Capitalised words that open a sentence or clause, never the first word of a name ("The Commission").
_OPENERS = ("The|A|An|This|That|These|Those|Its|It|Their|Our|His|Her|But|And|Or|In|On|At|For|By|With|From|As|If"
            "|When|While|After|Before|Meanwhile|However|Also|Yet|So|Then|Earlier|Later|According")


_WORD = rf"(?!(?:{_OPENERS})\s)[{UP}]\w*(?:-[{UP}\d]\w*)*"  # never "Toronto-listed"
# capitalised words that end right before an organisation's short name: "European " before "Commission"
_PREFIX_RE = re.compile(rf"(?<![\w’'\-]){_WORD}(?:\s+(?:and\s+|&\s+)?{_WORD})*(?:\s+(?:and|&))?\s+$")


_GOVERNMENT_BODY_RE = re.compile(r"\b(?:government|cabinet)\b", re.I)


@lru_cache(maxsize=64)
def named_kind_re(head: str) -> re.Pattern[str]:
    """Pattern for a name before an organisation word in lower case ("the Shah Deniz consortium", "the Samruk-Kazyna
    fund"): what "the consortium" says later is that organisation's."""
    return re.compile(rf"(?<![\w’'\-])(?:(?!{_CALENDAR}\b|Today\b){_WORD}\s+)+{re.escape(head)}\b")


def prefixed_name(text: str, name: str) -> str:
    """`name` with the capitalised words that belong to it before its first such use in `text` ("European" +
    " Commission", "NAC" + " KazAtomProm", "German Foreign Trade and" + " Investment Agency"), never after a
    possessive or a word opening a sentence ("The Commission") nor what the company is ("Mining Company"); ""
    when no use has any. Only a short window before each use is read."""
    at = text.find(name)
    while at > 0:
        end = at + len(name)
        if not text[end:end + 1].isalnum():
            m = _PREFIX_RE.search(text, max(0, at - 120), at)
            if m is not None and m.group().split()[-1].casefold() not in COMPANY_NOUNS:
                return text[m.start():end]
            if m is not None:  # "Mining Company Central Asia Metals": what the company is, set before its name
                return ""
        at = text.find(name, at + 1)
    return ""


@lru_cache(maxsize=1024)
def office_of_field_re(office: str, field: str) -> re.Pattern[str]:
    """Pattern for the capitalised name of an office of a field: "trade ministry" -> "Ministry of Trade"."""
    words = r"\s+".join(re.escape(w.capitalize()) for w in field.split())
    return re.compile(rf"\b{office.capitalize()}\s+(?:of|for)\s+(?:the\s+)?{words}\b")


@lru_cache(maxsize=16384)
def group_org(raw: str) -> str:
    """The organisation a group speaks for ("the representatives of the Gants Mod checkpoint"), or ""."""
    m = GROUP_OF_RE.fullmatch(raw.strip(" ,"))
    return DETERMINER_RE.sub("", m.group("org")) if m else ""


_ABBREVIATED_FORMS = (" Corp", " Inc", " Ltd", " Co", " Bhd")


class Organisations:
    """What organisation phrases denote in one article; mixed into resolve.Article, whose paragraphs
    (`paras`), persons, mentions and speakers so far (`spoken`) it reads."""

    def _last_known_org(self, p: int, pos: int, kind: str = "") -> str:
        """The organisation from sides.toml (of `kind` when given) named last before (p, pos), or ""."""
        best = ""
        for q in range(p + 1):
            for start, name in known_orgs_in(self.paras[q]):
                if q == p and start >= pos:
                    break
                if not kind or org_kind(name) == kind:
                    best = name
        return best

    def _office_of(self, head: str, p: int, pos: int) -> str:
        """For "the ministry": "Ministry of X" from the role of the last minister named before (p, pos), "Minister
        of X" or "X minister" ("South Korea's finance minister, Koo …, the ministry said"); else from the last
        registered "Minister of X" anywhere; else ""."""
        if head != "ministry":
            return ""
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        for name in dict.fromkeys(name for _, _, name in reversed(self.mentions[:k])):
            office = _ministry_of(self.persons[name].role)
            if office:
                return office
        for person in reversed(list(self.persons.values())):
            m = MINISTER_OF_RE.search(person.role)
            if m:
                return "Ministry" + m.group(1)
        return ""

    def _org(self, phrase: str, p: int, pos: int) -> str:
        """Full name of an organisation phrase, expanding "the ministry" from earlier text; an organisation
        introduced by what it is ("UK mining company Savannah Resources", "Start-up Vulcan") is its name alone."""
        introduced = COMPANY_NAMED_RE.search(phrase)
        if introduced is not None and introduced.end() == len(phrase.rstrip()) and (
                introduced.group("name").casefold() not in ORG_WORDS):  # "Company Fund" names no company "Fund"
            phrase = introduced.group("name")
        country = self._the_country(phrase, p, pos)
        if country is not None:  # "the country's energy ministry": the country named last before it, else home
            named = country[0] or (self.home if self.home == "Kazakhstan" else "")
            if named:
                phrase = f"{named}'s {country[1]}"
        words = phrase.split()
        if len(words) > 1 and words[-1].casefold() in ORG_WORDS and all(w.endswith("-based") for w in words[:-1]):
            words = words[-1:]  # "the Vancouver-based company": where it is based, then what "the company" is
        if len(words) == 1 and words[0].casefold() in ORG_WORDS:
            pattern = org_mention_re(words[0].casefold())
            best = ""
            for q, text in enumerate(self.paras):
                if q > p:
                    break
                for m in pattern.finditer(text):
                    if q == p and m.start() >= pos:
                        break
                    named = _NAME_AFTER_RE.match(text, m.end()) if m.group().endswith(" Company") else None
                    if named is not None:  # "Mining Company Central Asia Metals said": the company is the name
                        best = named.group("name")
                    elif len(m.group().split()) > 1:
                        best = DETERMINER_RE.sub("", m.group())
            head = words[0].casefold()
            if not best and head not in ORG_KINDS and head not in COMPANY_NOUNS and head != "government":
                best = self._named_kind(head, p, pos)  # "the Shah Deniz consortium"; never "the Lithium company"
            if not best and head == "government":  # "The government of Uzbekistan …", "the Uzbek government"
                best = self._government_before(p, pos)
                if best:
                    return best
                # none named: the government body that spoke last ("The Kazakh cabinet said … The government added"),
                # else "government" as written; never a company that spoke before
                last = self._last_spoken(p, pos, person=False)
                return last[1].name if last is not None and _GOVERNMENT_BODY_RE.search(last[1].name) else phrase
            if not best:  # "Kazakhstan's energy ministry said … . The ministry added"
                last = self._last_spoken(p, pos, person=False)
                if last is not None and last[1].name.casefold().endswith(" " + head):
                    return last[1].name
            if best or head == "ministry":
                return self._fullest(best) if best else self._office_of(head, p, pos) or phrase
            known = self._last_known_org(p, pos, head if head in ORG_KINDS else "")
            if known:
                return known
            # "KazAtomProm said … . The company added": the organisation that spoke last, else the one opening
            # the sentence or the sentence before ("NAC KazAtomProm will cut output …, the company said")
            last = self._last_spoken(p, pos, person=False) or self._last_spoken_word(p, pos)
            if last is not None:
                return last[1].name
            return self._subject_org(p, pos) or (self._introduced_company(p, pos) if head in COMPANY_NOUNS else "") or phrase
        field = _FIELD_OFFICE_RE.fullmatch(phrase)
        if field is not None:  # "the trade ministry" where the article names the "Ministry of Trade"
            pattern = office_of_field_re(field.group("office"), field.group("field"))
            named = next((m.group() for text in self.paras for m in [pattern.search(text)] if m), "")
            if named:
                return self._fullest(named)
        holder = self._role_holder(phrase, p, pos) if role_like(phrase) else None
        if holder is not None:
            return holder.role
        return self._defined(phrase) or self._fullest(phrase)

    def _named_kind(self, head: str, p: int, pos: int) -> str:
        """The last "NAME head" before (p, pos) whose name is more than a country's ("the Shah Deniz consortium", not
        "the Kazakh government"), as written, or ""."""
        best = ""
        pattern = named_kind_re(head)
        for q in range(p + 1):
            for m in pattern.finditer(self.paras[q], 0, pos if q == p else len(self.paras[q])):
                if not all(is_country_word(w) or COUNTRY_RE.fullmatch(w) for w in m.group().split()[:-1]):
                    best = m.group()
        return best

    def _last_spoken_word(self, p: int, pos: int) -> tuple[int, Speaker] | None:
        """(paragraph, speaker) of the last speaker before (p, pos) named by one word that the article gives no
        role, gender or fuller name ("Glencore said"): for "the company", an organisation read as a person."""
        last = self._last_spoken(p, pos)
        if last is None or " " in last[1].name:
            return None
        person = self.persons.get(last[1].name)
        return last if person is not None and not (person.role or person.gender) else None

    def _introduced_company(self, p: int, pos: int) -> str:
        """The last company introduced by what it is ("luxury automaker Mercedes-Benz") or named with a legal form
        ("Imperial Metals Corp.") before (p, pos), or ""."""
        best, best_at = "", (-1, -1)
        for q in range(p + 1):
            end = pos if q == p else len(self.paras[q])
            for m in COMPANY_NAMED_RE.finditer(self.paras[q], 0, end):
                best, best_at = m.group("name"), (q, m.start())
            for m in CHUNK_RE.finditer(self.paras[q], 0, end):
                if (q, m.start()) > best_at and company_name(m.group()):
                    abbreviated = m.group().endswith(_ABBREVIATED_FORMS) and self.paras[q].startswith(".", m.end())
                    best, best_at = m.group() + "." * abbreviated, (q, m.start())  # "Corp." as written
        return self._fullest(best) if best else ""

    def _defined(self, acronym: str) -> str:
        """The full name the article spells out for `acronym` (acronyms.defined), or ""."""
        return defined(self.paras, acronym)

    def _fullest(self, name: str) -> str:
        """The longest form of an organisation's name the article writes that extends `name`
        ("Ministry of Agriculture" -> "Ministry of Agriculture of Kazakhstan"; "EU Commission" -> "European
        Commission" when the article spells it out), else `name`. A short name of at most three words also takes
        the capitalised words the article first writes before it ("Commission" -> "European Commission",
        "KazAtomProm" -> "NAC KazAtomProm")."""
        if not name[:1].isupper():
            return name
        found = self.fullest.get(name)
        if found is None:  # the article does not change: read it once per name
            spelt = "European " + name[3:] if name.startswith("EU ") else ""
            if spelt and any(spelt in text for text in self.paras):
                found = self._fullest(spelt)  # "EU Commission" where the article spells "European Commission"
            else:
                pattern = org_extension_re(name)
                found = max((m.group() for text in self.paras for m in pattern.finditer(text)), key=len, default=name)
                country = COUNTRY_RE.fullmatch(name) or is_country_word(name)  # "Kazakhstan and Azerbaijan"
                if found == name and len(name.split()) <= 3 and not country:
                    first = next((hit for text in self.paras for hit in [prefixed_name(text, name)] if hit), "")
                    if first:
                        found = self._fullest(first)
            self.fullest[name] = found
        return found

    def _it(self, p: int, pos: int, how: str) -> Speaker | None:
        """The organisation "it" stands for: the one opening its own sentence, when "it" comes after it ("Kazakhstan's
        Ministry of Energy has decided …, it said"); else the last one that spoke before (p, pos); else the
        organisation opening the sentence or the one before (_subject_org: "Centerra Gold has launched … . “…,” it
        said")."""
        own = self._subject_org(p, pos, own_sentence=True) if pos > self.sentence(p, pos)[0] else ""
        if own:
            return Speaker(own, "", self._side("", own), "pronoun")
        last = self._last_spoken(p, pos, person=False)
        if last is not None:
            return last[1]._replace(attribution="pronoun")
        org = self._subject_org(p, pos)
        return Speaker(org, "", self._side("", org), "pronoun") if org else None

    def _subject_org(self, p: int, pos: int, own_sentence: bool = False) -> str:
        """The capitalised subject, not a person named in the article, opening the nearest sentence that does, from
        the one holding (p, pos) back over SUBJECT_REACH sentences of it and of the paragraph before ("NAC Kazatomprom
        will cut output, the company said"; "Orelith said … . Of the €500m, … . “…,” it said"), or only the sentence
        holding it (`own_sentence`); or ""."""
        if (p, pos) in self._seeking:  # an organisation word sent `_org` back here: nothing to find
            return ""
        self._seeking.add((p, pos))
        try:
            return self._nearest_subject_org(p, pos, own_sentence)
        finally:
            self._seeking.discard((p, pos))

    def _nearest_subject_org(self, p: int, pos: int, own_sentence: bool) -> str:
        s, _ = self.sentence(p, pos)
        if own_sentence:
            reach = [(p, [s])]
        else:
            here = [start for start in self.starts(p) if start < s][-SUBJECT_REACH:] + [s]
            reach = [(p, here), (p - 1, self.starts(p - 1)[-SUBJECT_REACH:] if p > 0 else [])]
        for para, starts in reach:
            for start in reversed(starts):
                m = CHUNK_RE.match(self.paras[para], start)
                if m is None:
                    continue
                owned = _OWNED_ORG_RE.match(self.paras[para], m.end())
                if owned is not None:  # "Kazakhstan’s Ministry of Energy has decided …": the owner's organisation
                    return self._org(self.paras[para][m.start():owned.end()], para, start)
                chunk, bare = m.group(), DETERMINER_RE.sub("", m.group())
                tokens = chunk.split()
                if self.known_person(chunk) or any(
                        " ".join(tokens[k:]) in self.persons for k in range(1, len(tokens))):  # "Orelith CEO Jan Vos"
                    continue
                if bare.casefold() in ORG_WORDS:
                    continue  # "The Company said …": a head noun, which would send `_org` back here for its name
                first, last = tokens[0].casefold(), tokens[-1].casefold()
                if first in _OPENING_WORDS or self.paras[para][m.end():m.end() + 1] == "," or (
                        first in NON_NAME_WORDS and not (is_known_org(chunk) or last in ORG_WORDS)):
                    continue  # "Earlier in the day, …", "Despite Western sanctions …", "Of the €588m …": an opener
                return self._org(bare, para, start)
        return ""

    def _expanded(self, role: str) -> str:
        """`role` with the organisation ending it, or owning it, in the fullest form the article gives
        ("chairman of the National Bank" -> "chairman of the National Bank of Kazakhstan", "Chairman of the Bank"
        -> "Chairman of the National Bank", "the Commission's spokesperson" -> "European Commission's
        spokesperson", "CEC Chairman" -> "Chairman of Central Election Commission of Kazakhstan" where the article
        defines the acronym)."""
        owner = _OWNER_RE.match(role)
        if owner is not None:
            return self._fullest(owner.group("org")) + role[owner.end("org"):]
        acronym = _LEADING_ACRONYM_RE.match(role)
        full = self._defined(acronym.group(1)) if acronym is not None else ""
        if full:  # "CEC Chairman" where the article defines "Central Election Commission (CEC) of Kazakhstan"
            return f"{role[acronym.end():]} of {full}"
        m = _OF_ORG_RE.search(role) or _TRAILING_ORG_RE.search(role)
        if m is None:
            return role
        at = m.start("org") if m.re is _OF_ORG_RE else m.start()
        return role[:at] + self._fullest(role[at:])
