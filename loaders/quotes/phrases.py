"""Speaker phrases read on their own: names, titles, appositions, channels and unnamed sources.

Everything here is a pure reading of a few words ("Deputy Foreign Minister Roman Vassilenko",
"the press service of the Akorda", "two people familiar with the talks"), before the
article's persons are consulted (resolve.py does that). The readings are memoised, since
names and roles recur across a corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.sides import gender_of_given_name, is_known_org, side_of
from loaders.quotes.cues import LEAD_IN_RE, SPOKE_WHEN_RE, WHEN_OPENER_RE
from loaders.quotes.names import (CHUNK_RE, after_office, company_name, core_count, kind_before, name_in_chunk,
                                  office_word_count, with_initials)
from loaders.quotes.roles import (ADVERBIAL_OPENING_RE, DETERMINER_RE, clean_np, fold_token, head_noun, is_role_word,
                                  main_noun, participle_clause, relative_role, role_like, title_before)
from loaders.quotes.vocab import (CHANNEL, CLAUSE_OPENERS, COMPANY_NOUNS, CONNECTORS, COUNTRY_RE, CREDIT_CUES,
                                  HYPHENED_CHANNEL_RE, LEGAL_FORM, NOT_ADJECTIVES, ORG_WORDS)

_WORDS_OF_RE = re.compile(r"(?<=^his|^her)\s+(?:words|opinion|view|estimate|estimates|statement|assessment)$")
_ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Za-z&.\-]{1,9}\)$")  # "European Investment Bank (EIB)"
_DESCRIBED_RE = re.compile(
    r"(?:(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Oo]ur|[^\W\d_][\w\-]*['’]s)\s+"
    # an employer's name before the job ("Foresight partner Matt Hammond", "Kpler senior analyst Ana Diaz")
    r"|(?P<owner>(?:[A-Z][\w\-&]*\s+){1,3}))?(?P<words>(?:[a-z][a-z\-]*\s+){1,4})(?=[A-Z])"
)
_INSERT_RE = re.compile(
    r",\s+(?:for\s+(?:his|her|its|their|our|my)\s+part|in\s+(?:his|her|its|their)\s+turn|in\s+turn|meanwhile"
    r"|however|too|also|though|in\s+response|in\s+reply|on\s+(?:his|her|its|their)\s+side|for\s+example"
    r"|likewise|in\s+particular"
    # where or how the speaker spoke, set off in commas: "Lopez, in a Facebook post on Tuesday, said",
    # "X, speaking at the forum, said"; never "in charge of …", a role
    r"|(?:in|at|during|speaking|addressing|writing|commenting|responding|answering|talking)\s+(?!charge\b)[^,]{1,80}?"
    r")(?=\s*,|\s*$)",
    re.I,
)
_INDEFINITE_APP_RE = re.compile(
    r"(?:a|an)\s+(?:[\w’'\-]+\s+){1,4}(?:at|of|with|for)\s+[^,;:]{2,80}$(?<!\bsaid)", re.I)
# a short description with an indefinite article, no clause: "a virologist", "a retired schoolteacher"
_A_PERSON_RE = re.compile(r"(?:a|an)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}$")
_ACRONYM_ORG_RE = re.compile(r"[A-Z]{2,4}\s+[A-Z][a-z]+")  # "LG Chem", "SK Innovation"
# an acronym alone ("SOCAR", "NATO", "SPA"): an organisation, as news spells no person in capitals
ACRONYM_ALONE_RE = re.compile(r"[A-Z][A-Z&]{1,6}")
_RELATIVE_TAIL_RE = re.compile(r",?\s+(?:that|which|who|whose|where|when)\s+")
# a name, and at most a few words after it, before an apposition: "ArcelorMittal Temirtau", "Sinoil fuel company"
_NAMED_HEAD_RE = re.compile(r"(?!(?:As|In|On|At|For|By|With|From|After|Before|During|When|While|If|But|And|So|Yet|Also"
                            r"|However|Meanwhile|Earlier|Later|Then|Now|Still|Instead)\b)"
                            r"[A-Z][\w’'&.\-]*(?:\s+[A-Za-z][\w’'&.\-]*){0,3}")
_BY_PARTICIPLE_RE = re.compile(r"(?:[a-z]+ed|held|led|run)\s+by\s")
_PART_OF_COMPANY = frozenset({"unit", "subsidiary", "arm", "division", "branch", "affiliate", "venture", "network",
                              "chain", "firm"})
_DEFINITE_RE = re.compile(r"(?:the\s|[A-Z][\w\-]*['’]s\s)")  # "the world's …", "Korea's …"
_LIST_RE = re.compile(r"\s(?:and|or)\s")  # "Tokayev, Mirziyoyev and the World Bank": a list, no apposition
# a participle that describes an organisation after its name ("the Shah Deniz consortium led by BP", "a fund backed
# by the state"), or a relative clause without commas: the subject is what comes before it
_LED_BY_RE = re.compile(r"\s+(?:led|headed|owned|operated|run|controlled|backed|chaired)\s+by\s+.+$"
                        r"|(?<=[A-Za-z])\s+(?:which|who)\s+.+$")  # "LGES which also supplies Tesla": LGES
# an apposition set off with dashes, as Central Asian agencies write it: "Sinoil fuel company - another large network
# of fuel stations -", read as one set off with commas
_DASHED_APPOSITION_RE = re.compile(r"\s+[-–—]\s+([^-–—]+?)\s+[-–—]$")
_CHANNEL_OF_RE = re.compile(rf"(?P<chan>{CHANNEL})\s+of\s+(?:the\s+)?(?P<org>.+)$", re.I)
_ORG_CHANNEL_RE = re.compile(rf"(?P<org>.+?)(?:['’]s?)?\s+(?P<chan>{CHANNEL})$", re.I)

@dataclass(frozen=True)
class Phrase:
    """What a speaker phrase says on its own, before the article's persons are consulted."""

    head: str
    app: str = ""
    pronoun: str = ""
    channel: str = ""
    channel_org: str = ""
    name: str = ""
    name_role: str = ""
    org_like: bool = False


# capitalised words that open a sentence's adverbial, never an employer's name before a job
_NOT_EMPLOYER = CLAUSE_OPENERS | CONNECTORS | frozenset(
    "last next this that by under like unlike despite with without for from over as since earlier later "
    "according amid among".split())


@lru_cache(maxsize=16384)
def _undescribed(head: str) -> tuple[str, str]:
    """`head` without a lowercase description before a capitalised name ("her colleague Dinara Seitkali",
    "the country's sovereign wealth fund Samruk-Kazyna"), or "" when it has none or the rest is no name; and
    the description as a role when it names an employer ("Foresight partner Matt Hammond" -> "Foresight
    partner"), else ""."""
    m = _DESCRIBED_RE.match(head)
    if m is None or any(w in NOT_ADJECTIVES or w in CONNECTORS for w in m.group("words").split()):
        return "", ""
    owner = m.group("owner")
    if owner and any(fold_token(w) in _NOT_EMPLOYER for w in owner.split()):
        return "", ""  # "During talks President X", "Last week finance minister X": an opening phrase, no employer
    rest = head[m.end():]
    if not clean_np(rest):
        return "", ""
    return rest, " ".join(m.group().split()) if owner else ""


def final_chunk(text: str) -> re.Match[str] | None:
    """The capitalised chunk that ends `text` ("… American analyst Paul Goble" -> "Paul Goble"), or None."""
    last = None
    for last in CHUNK_RE.finditer(text):
        pass
    return last if last is not None and last.end() == len(text) else None


def _full_name_ending(text: str) -> tuple[str, int] | None:
    """The person's full name (two words or more) that ends `text`, and its offset there; None when `text` ends
    otherwise ("… American analyst Paul Goble" -> ("Paul Goble", 21))."""
    last = final_chunk(text)
    if last is None:
        return None
    name, start = name_in_chunk(last.group())
    at = last.start() + start
    return (name, at) if name and at + len(name) == len(text) and core_count(name) >= 2 else None


def is_full_name(text: str) -> bool:
    """`text` is a person's full name and nothing else ("Ulan Ryskulov")."""
    ending = _full_name_ending(text)
    return ending is not None and ending[1] == 0


# one field of an office's name listed with commas: "Industry", "Energy and Subsoil Use"
FIELD_RE = re.compile(r"[A-Z][\w\-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w\-]*)*")


def _fronted_name(head: str, app: str) -> Phrase | None:
    """"Chairman of the People's Council, Gurbanguly Berdimuhamedov", "Former special advisor …, American analyst
    Paul Goble": a role, then the name in apposition, after a description of its own or not; or two roles before
    the name ("The chairman of the delegation, deputy minister of state assets, Artur Soboń"), the nearer one his."""
    if not app or not role_like(DETERMINER_RE.sub("", head)):
        return None
    nearer = ""
    if "," in app:
        nearer, _, app = app.rpartition(",")
        nearer, app = DETERMINER_RE.sub("", nearer.strip()), app.strip()
        if " of " in head and (" and " in nearer or " & " in nearer) and FIELD_RE.fullmatch(nearer):
            head, nearer = f"{head}, {nearer}", ""  # "head of the Committee of Industry, Energy and Subsoil Use"
        elif "," in nearer or not role_like(nearer):
            return None
    ending = _full_name_ending(app)
    if ending is None:
        return None
    name, at = ending
    described = app[:at].strip()
    if described and not role_like(described):
        return None
    return Phrase(app, name=name, name_role=described or nearer or DETERMINER_RE.sub("", head))


# an apposition that names the speaker's company ("said Chuck Thelen, Gotion Inc"): their affiliation, as a role
_COMPANY_APPOSITION_RE = re.compile(rf"^[A-Z][\w&.’'\-]*(?:\s+[A-Z][\w&.’'\-]*){{0,4}}\s+{LEGAL_FORM}\.?$")


# the portfolio of a commissioner or minister, set off after the name in EU and government press releases
_PORTFOLIO_RE = re.compile(r"(?:responsible|in\s+charge)\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
# an office whose fields are listed with commas before the last "and" ("Minister of Investment, Industry and Trade
# Laziz Kudratov"): those commas set off no apposition
_LISTED_OFFICE_RE = re.compile(r"\b(?:of|for)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?(?:,\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)+"
                               r",?\s+and\s+[A-Z]")
_FIELD_COMMA = "\x00"


def _unlisted(text: str) -> str:
    """`text` with the commas listing an office's fields hidden (as _FIELD_COMMA), so that they split nothing."""
    if text.count(",") == 0 or " and " not in text:
        return text
    return _LISTED_OFFICE_RE.sub(lambda m: m.group().replace(",", _FIELD_COMMA), text)


@lru_cache(maxsize=16384)
def read_phrase(raw: str) -> Phrase | None:
    """The parts of a speaker phrase: pronoun, head, apposition, channel, first person name, organisation.

    None when the phrase cannot name a speaker (empty, a clause, an apposition that is no role).
    """
    text = WHEN_OPENER_RE.sub("", LEAD_IN_RE.sub("", raw.strip().strip(",").strip(), count=1))
    text = HYPHENED_CHANNEL_RE.sub(lambda m: m.group().replace("-", " "), text)
    text = SPOKE_WHEN_RE.sub("", DETERMINER_RE.sub("", text))
    text = _DASHED_APPOSITION_RE.sub(r", \1", text)
    if "," in text:
        text = _INSERT_RE.sub("", text).strip(" ,")
    if not text:
        return None
    low = text.casefold()
    low = _WORDS_OF_RE.sub("", low)  # "according to his words", "in her opinion"
    if low in ("he", "she", "him", "her", "his", "it"):  # "according to him"
        return Phrase(text, pronoun={"him": "he", "her": "she", "his": "he"}.get(low, low))
    head, _, app = _unlisted(text).partition(",")
    head, app = head.replace(_FIELD_COMMA, ","), app.replace(_FIELD_COMMA, ",")
    head = _LED_BY_RE.sub("", _ACRONYM_RE.sub("", head))
    named = _kind_named(head.strip())
    if named:  # "the state news agency Petra": the organisation's name
        return Phrase(named, app.strip(" ,"), org_like=True)
    fronted = _fronted_name(head.strip(), app.strip(" ,"))
    if fronted is not None:
        return fronted
    if _BY_PARTICIPLE_RE.match(app.strip(" ,")):
        return None  # "Almaty, Kazakhstan, hosted by the bank …": where something happened, no speaker and role
    head, indefinite = head.strip(), _INDEFINITE_APP_RE.match(app.strip(" ,"))
    described = _RELATIVE_TAIL_RE.split(" " + app.strip(" ,"), maxsplit=1)[0].strip() if app.strip(" ,") else ""
    app = DETERMINER_RE.sub("", app.strip(" ,"))
    portfolio = app if _PORTFOLIO_RE.match(app) else ""
    if portfolio:  # "Executive Vice-President X, responsible for Prosperity": the portfolio completes the title
        app = ""
    if app.startswith("as ") or ADVERBIAL_OPENING_RE.match(app) or participle_clause(app):
        # "Jokowi, as the president is popularly known", "X, after talks with Y", "X, referring to the reforms of
        # President Y": what he stands for, when, what he did
        app = ""
    if described and _NAMED_HEAD_RE.fullmatch(head) and "," not in described and not _LIST_RE.search(
            " " + described) and _org_description(described):
        return Phrase(head, org_like=True)  # "ArcelorMittal Temirtau, the local unit of the Luxembourg-based
        # steelmaker which operates the mine", "X, a subsidiary of Y": a company
    relative = relative_role(app) if app else None
    if relative is not None:
        app = relative
    elif app and not role_like(app) and not indefinite and not _COMPANY_APPOSITION_RE.search(app):
        # "president of the union that groups 350 members": a role whose organisation a relative clause describes
        app = _RELATIVE_TAIL_RE.split(" " + app, maxsplit=1)[0].strip()
        if app and not role_like(app):
            if not (_A_PERSON_RE.match(described) and is_full_name(head) and gender_of_given_name(head.split()[0])):
                return None  # "X, whose country holds the presidency": no apposition of a speaker
            # "said Nurlan Karimov, a virologist": a person's full name (a given name the lists know: "Capital
            # Economics, a research firm" is none) described by what they are; the name stands
            app = ""
    described, employed_as = False, ""
    if not clean_np(head):
        (head, employed_as), described = _undescribed(head), True
        if not head:
            return None
    channel = _CHANNEL_OF_RE.match(head) or _ORG_CHANNEL_RE.match(head)
    if channel and channel.re is _CHANNEL_OF_RE and _full_name_ending(channel.group("org")) is not None:
        channel = None  # "Press Secretary of the President of Russia Dmitry Peskov": the person who holds it
    if channel:
        return Phrase(head, app, channel=" ".join(channel.group("chan").lower().split()),
                      channel_org=DETERMINER_RE.sub("", channel.group("org").strip()))
    named = None
    affiliation = ""  # "Kate Mallinson of Chatham House": where the person named works
    org_head = fold_token(head.split(maxsplit=1)[0]) in ORG_WORDS
    for m in CHUNK_RE.finditer(head):
        chunk, offset = m.group(), m.start()
        if named is not None and head[named[1] + len(named[0]):offset] == " of ":
            affiliation = chunk
            continue
        if " " not in chunk and head[:offset].endswith(" of ") and (
                org_head or is_role_word(head[:offset - 4].rsplit(maxsplit=1)[-1])):
            continue  # "Ministry of Mines", "CEO of Masdar": the word after "of" is the organisation's
        if (head[:offset].endswith(" in ") and " " not in chunk) or COUNTRY_RE.fullmatch(chunk):
            continue  # "the Russian embassy in Washington", "Kenya": a place, never a person
        if fold_token(head[offset + len(chunk):].strip()) in ORG_WORDS:
            continue  # "the Shah Deniz consortium", "the Samruk-Kazyna fund": the organisation's name
        if head.startswith(("'s ", "’s "), offset + len(chunk)) or (
                chunk.endswith("s") and head.startswith(("' ", "’ "), offset + len(chunk))):
            continue  # "Indonesia's investment chief", "the Turkmengas’ Head": the owner of the role, not the speaker
        after_of = after_office(head[:offset])
        if office_word_count(head[:offset], chunk):  # "President of Azerbaijan Ilham Aliyev": a title's last word
            first = chunk.index(" ") + 1
            chunk, offset = chunk[first:], offset + first
        name, start = name_in_chunk(chunk, after_of)
        if name:  # the last name wins: a title comes before the name it belongs to
            at, end = with_initials(head, start + offset, start + offset + len(name))
            named, affiliation = (head[at:end], at), ""
    if named is not None:
        title = app or title_before(head, named[1]) or employed_as or affiliation
        if portfolio:
            title = f"{title}, {portfolio}" if title else portfolio
        return Phrase(head, app, name=named[0], name_role=title)
    if described:
        return Phrase(head, app, org_like=True) if is_known_org(head) else None
    words = [fold_token(w) for w in head.split()]
    if is_role_word(head_noun(head)):  # "head of the Ministry of X", "the agency's interlocutor": a person
        return Phrase(head, app)
    org_like = is_known_org(head) or company_name(head) or any(w in ORG_WORDS or w in COMPANY_NOUNS for w in words) or bool(_ACRONYM_ORG_RE.fullmatch(head) and not is_role_word(head.split()[0])) or (
        not app and bool(ACRONYM_ALONE_RE.fullmatch(head))) or (
        len(words) <= 3 and side_of("", head) in ("EU", "Kazakhstan") and not role_like(head)
        and head[:1].isupper()
    )
    return Phrase(head, app, org_like=org_like)


def _kind_named(head: str) -> str:
    """The name closing `head` right after an organisation's kind ("state news agency Petra" -> "Petra"), or ""; never
    a title and a name ("the company CEO John Smith")."""
    last = None
    for last in CHUNK_RE.finditer(head):
        pass
    before = head[:last.start()] if last is not None else ""
    if last is None or last.end() != len(head) or len(before.split()) > 5 or not kind_before(before):
        return ""  # never the last name of a longer phrase ("a study by X with the company Y")
    chunk = last.group()
    return chunk if core_count(chunk) <= 2 and not any(is_role_word(w) for w in chunk.split()) else ""


def _org_description(app: str) -> bool:
    """Whether an apposition describes an organisation ("the local unit of …", "a subsidiary of …", "the state
    company"): its head noun names a kind of organisation, never a trade a person has ("a crane operator", "a coal
    miner", "a fuel trader")."""
    noun = main_noun(app)
    if is_role_word(noun):
        return False
    if noun in COMPANY_NOUNS or noun.endswith(("maker", "producer")):  # "Korea's leading battery maker", "the
        return _DEFINITE_RE.match(app) is not None  # world's biggest uranium producer"; never "a coal miner"
    return noun in ORG_WORDS or noun in _PART_OF_COMPANY


def outlet_credit(phrase: str, cue: str, resolved: str) -> bool:
    """Whether "PHRASE CUE" after a text credits an outlet with reporting it rather than naming its speaker:
    an acronym that neither the lexicon nor the article (`resolved`, the name it resolved to) spells out, with
    "reports", "informs" or "writes" ("…, TDH reports.", "“…,” the BBC reports.")."""
    head = DETERMINER_RE.sub("", phrase.strip())
    return (cue.casefold() in CREDIT_CUES and ACRONYM_ALONE_RE.fullmatch(head) is not None and resolved == head
            and not is_known_org(head) and side_of("", head) not in ("EU", "Kazakhstan"))
