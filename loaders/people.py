"""Speakers: which side they speak for, whether a name is a person, and the people table.

`side_of` reads the analyst-editable lexicon loaders/sides.toml (loaded once).
`with_people` gives each person one name through the corpus (`quotes.person`), merging name
forms: an accent-folded exact match first, then conservative fuzzy matching of full names
(transliteration variants such as Tokayev/Tokaev), then a short form ("von der Leyen",
"Smailov") joins the one known full name that ends with it; `people_table` aggregates the
quotes per person. Organisational speakers (a press service, a ministry, "the PM's office")
are not people: the quote rules leave their `person` empty.

Sides: `side_of` decides from the role and organisation alone (listed organisations, then
side keywords); an expert's role (analyst, economist, fellow, ...) with no listed organisation
is "other", and a place after "in" never decides. `home_side` and `side_in_article` add the
article: a government office with no country or institution marker ("Minister of Energy",
"Vice Minister of Industry and Construction") takes the side of the article's dateline: Kazakhstan
for a Kazakh city or region (listed in sides.toml), the side a place name reads as otherwise
("Brussels" -> EU); with no dateline, Kazakhstan when the first paragraph names Kazakhstan or a
Kazakh place. Other datelines leave it "other". In the people table a person whose role
alone reads "other" keeps the EU/Kazakhstan side their quotes were given in context.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from loaders import schema

SIDES_FILE = Path(__file__).with_name("sides.toml")

PARTICLES = frozenset("von van der den de del della di da dos du la le ter zu bin ibn al el bint".split())

# Words that never belong to a person's name: institutions, places, roles, calendar words
# and capitalised sentence openers. Lower case.
NON_NAME_WORDS = frozenset(
    """
    a about according after again also although an and another as at because before both but by
    during earlier each even every finally first for from further furthermore he her here his however
    i if in it its last later let many meanwhile moreover most my next no not now on once only or
    other our over overall she since so some speaking still such that the their then there these
    they this those though thus to today together tomorrow under until we what when where whereas
    which while who why with within without yesterday yet you your photo source read
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    eu european europe union commission council parliament delegation ministry minister ministers
    government president presidential prime premier deputy vice ambassador embassy commissioner
    chairman chairwoman chair chairperson ceo cfo coo head director general secretary spokesperson
    spokesman spokeswoman official officials adviser advisor akim akimat senator mep executive
    managing manager board chief envoy representative office press service agency bank fund
    company corporation group holding council committee department institute university centre
    center alliance partnership roadmap memorandum agreement strategy programme program project
    initiative act summit forum conference week gateway global green energy industry industrial
    hydrogen raw materials critical battery batteries mining geology trade investment investments
    national international republic state states kingdom federation world asia asian central
    kazakhstan kazakh kazakhstani astana almaty nur-sultan shymkent karaganda aktobe atyrau
    brussels samarkand tashkent bishkek egypt china chinese russia russian germany german france
    french italy italian poland polish spain spanish uzbekistan kyrgyzstan tajikistan turkmenistan
    america american united nations kazinform reuters interfax trend times news cop27 cop28 cop29
    north south east west eastern western northern southern new old great strategic sustainable
    renewable development reconstruction economic economy foreign affairs finance construction
    integration ecology natural resources digital transport agriculture science higher education
    administration customs bureau authority authorities inspectorate directorate secretariat cabinet
    association chamber consortium organization organisation foundation society court police statistics
    exchange railways airlines port federal confederation technology technologies innovation innovations
    mineral minerals labour labor health justice defence defense interior culture information communications
    emergency emergencies social protection tourism sport sports water environment climate infrastructure
    housing planning budget tax research issues matters relations cooperation policy
    sea ocean lake river gulf bay strait island islands desert valley peninsula basin canal mountains
    mr mrs ms dr prof madam sir lord mister
    """.split()
)

_TOKEN_RE = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_SPLIT_RE = re.compile(r"[\s\-’']+")
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
        pattern = None
        if words:
            alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
        keywords.append((side, pattern))
    orgs.sort(key=lambda item: -item[0])
    names = raw.get("given_names", {})
    female = {n.casefold() for n in names.get("female", [])}
    male = {n.casefold() for n in names.get("male", [])}
    genders = {n: "f" for n in female - male} | {n: "m" for n in male - female}
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
            "any_org": any_org, "member_states": member_states, "keyword_words": keyword_words,
            "office": _word_pattern(roles.get("government_offices", [])),
            "expert": _word_pattern(roles.get("expert_roles", [])), "places": places,
            "in_place": _word_pattern([f"in {p}" for side in sides for p in raw.get(side, {}).get("places", [])])}


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
    for _, pattern, side in lex["orgs"]:
        if pattern.search(text):
            return side
    if lex["expert"] is not None and lex["expert"].search(text):
        return "other"
    found = [(m.start(), side) for side, pattern in lex["keywords"] if pattern is not None
             for m in [pattern.search(text)] if m]
    return min(found)[1] if found else "other"


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
# Governor", "Governor of Hokkaido"); "First Deputy Governor" in a story datelined Astana is a Kazakh region's
_REGIONAL_OFFICE_RE = re.compile(
    r"(?:(?P<before>[A-Z][\w\-]*)\s+)?(?:(?:[Ff]irst|[Dd]eputy|[Vv]ice|[Aa]cting|[Rr]egional)\s+)*"
    r"\b(?:[Gg]overnor|[Mm]ayor)\b(?:\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w\-]*))?")
_COUNTRYS_RE = re.compile(r"^(?:the\s+)?country['’]s\s", re.I)
_NO_PLACE = frozenset({"first", "deputy", "vice", "acting", "regional", "former", "the", "interim"})


@lru_cache(maxsize=4096)
def side_in_article(role: str, org_text: str, home: str) -> str:
    """`side_of`, except that a government office with no side marker takes the article's `home` side."""
    side = side_of(role, org_text)
    if side != "other" or not home:
        return side
    lex = _lexicon()
    third = next((pattern for s, pattern in lex["keywords"] if s == "other"), None)
    if third is not None and third.search(f"{role} {org_text}"):
        return side  # "Russian Deputy Prime Minister": a third country's office, whatever the dateline
    if lex["expert"] is not None and lex["expert"].search(f"{role} {org_text}"):
        return side  # "President of the Federation of German Industries": a private body's, no office
    if _COUNTRYS_RE.search(role):  # "the country’s PM" in a story at home in Kazakhstan: Kazakhstan's
        return home
    regional = _REGIONAL_OFFICE_RE.search(f"{role} {org_text}")
    if regional is not None:
        before = regional.group("before")
        place = regional.group("place") or (before if before and before.casefold() not in _NO_PLACE else None)
        return home if place is None else lex["places"].get(place.casefold(), side)
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
    """'f', 'm' or '' for a given name per the sides.toml lists."""
    return _lexicon()["genders"].get(token.casefold(), "")


def is_known_org(text: str) -> bool:
    """True when `text` is exactly an organisation named in sides.toml."""
    return text.strip().casefold() in _lexicon()["org_names"]


def is_country_word(word: str) -> bool:
    """True for a one-word country or nationality of sides.toml ("Italian", "Kazakh", "EU"): it qualifies a
    role ("the Italian Foreign Minister") and may be left out when the role is repeated."""
    return word.casefold() in _lexicon()["keyword_words"]


@lru_cache(maxsize=65536)
def without_article(token: str) -> str:
    """`token` without an Arabic article joined to a name ("al-Mazrouei" -> "Mazrouei"); `token` itself otherwise."""
    return token[3:] if token[:3] in ("al-", "el-", "ul-") and token[3:4].isupper() else token


def is_name_token(token: str) -> bool:
    """True for a capitalised word that can be part of a person's name: never an institution word or a
    country or nationality named in sides.toml ("Ambassador to Azerbaijan Alim Bayel")."""
    token = without_article(token)
    if not token or token.casefold() in NON_NAME_WORDS or token.casefold() in _lexicon()["keyword_words"]:
        return False
    if "-" in token and any(part.casefold() in NON_NAME_WORDS for part in token.split("-")):
        return False
    if not token[0].isupper() or any(ch.isdigit() for ch in token):
        return False
    if len(token) > 5 and token.endswith("ly") and not token.endswith("uly") and not gender_of_given_name(token):
        return False  # a sentence-opening adverb ("Recently", "Separately"), not a name
    letters = [ch for ch in token if ch.isalpha()]
    return not (len(letters) > 1 and all(ch.isupper() for ch in letters))


def is_person_name(name: str) -> bool:
    """True when `name` looks like a person's name rather than an organisation or office."""
    tokens = name.split()
    if not tokens or len(tokens) > 6 or is_known_org(name):
        return False
    core = [t for t in tokens if t.casefold() not in PARTICLES]
    return bool(core) and all(is_name_token(t) for t in core)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded form of a name, for exact matching across spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


def _similar(a: str, b: str) -> bool:
    """Conservative fuzzy equality of two full names: same token count, same initials, ratio >= 90."""
    ta, tb = _SPLIT_RE.split(a), _SPLIT_RE.split(b)
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    if any(x[:1] != y[:1] for x, y in zip(ta, tb)):
        return False
    return all(fuzz.ratio(x, y) >= 80 for x, y in zip(ta, tb)) and fuzz.ratio(a, b) >= 90


def merge_names(names: list[str]) -> dict[str, str]:
    """Map every name form in `names` to the canonical full name it denotes.

    The canonical form of a group is its most frequent spelling, ties going to the one
    with more diacritics, then the longer one.
    """
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    full = [n for n in counts if len([t for t in n.split() if t.casefold() not in PARTICLES]) >= 2]
    short = [n for n in counts if n not in full]
    groups: list[list[str]] = []
    keys: list[str] = []
    for name in sorted(full, key=lambda n: (-counts[n], n)):
        key = fold(name)
        for i, other in enumerate(keys):
            if key == other or _similar(key, other):
                groups[i].append(name)
                break
        else:
            groups.append([name])
            keys.append(key)
    canonical: dict[str, str] = {}
    for group in groups:
        best = max(group, key=lambda n: (sum(counts[m] for m in group if fold(m) == fold(n)),
                                         sum(not ch.isascii() for ch in n), len(n)))
        for name in group:
            canonical[name] = best
    for name in short:
        key = fold(name)
        targets = {canonical[f] for f in full if fold(f).endswith(" " + key)}
        if len(targets) != 1:
            targets = {canonical[f] for f in full if similar_tail(fold(f), key)}
        canonical[name] = targets.pop() if len(targets) == 1 else name
    return canonical


@lru_cache(maxsize=65536)
def similar_tail(full_key: str, short_key: str) -> bool:
    """True when the last words of `full_key` are a transliteration variant of `short_key` (folded forms):
    the same after romanisation variants are levelled (Zhaparov/Japarov, Tokayev/Tokaev), or the same
    initial and 90% alike."""
    n = len(short_key.split())
    tail = " ".join(full_key.split()[-n:])
    if translit_key(tail) == translit_key(short_key):
        return True
    return tail[:1] == short_key[:1] and fuzz.ratio(tail, short_key) >= 90


# Romanisations of one Cyrillic or Turkic sound, levelled so variants of a name compare equal.
_TRANSLIT = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("yu", "u"), ("ya", "a"), ("yo", "o"), ("ye", "e"),
             ("iy", "i"), ("yy", "i"), ("y", "i"), ("w", "v"), ("ou", "u")]
_DOUBLE_RE = re.compile(r"(\w)\1")


@lru_cache(maxsize=65536)
def translit_key(folded: str) -> str:
    """A folded name with romanisation variants levelled ("zhaparov" and "japarov" -> "japarov")."""
    for a, b in _TRANSLIT:
        folded = folded.replace(a, b)
    return _DOUBLE_RE.sub(r"\1", folded)


def _person_side(role: str, quoted: str) -> str:
    """A person's side from their role, or the side their quotes were given when the role reads "other"."""
    side = side_of(role) if role else quoted
    return quoted if side == "other" and quoted in ("EU", "Kazakhstan") else side


def _text(column: pd.Series) -> pd.Series:
    """A column as plain Python strings, "" for missing values."""
    return column.astype(object).fillna("").astype(str)


def canonical_persons(quotes: pd.DataFrame) -> pd.Series:
    """`quotes.person` with every name form replaced by the one name `merge_names` gives its person
    across the corpus ("Tokaev" and "Kassym-Jomart Tokayev" become one); "" for a speaker that is no
    person (an organisation, an office, an unnamed source)."""
    raw = _text(quotes["person"])
    persons = [n for n in raw.unique().tolist() if n and is_person_name(n)]
    canonical = merge_names(raw[raw.isin(persons)].tolist())
    return raw.map({n: canonical.get(n, "") for n in raw.unique().tolist()})


def people_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per person quoted (directly or reported), keyed by `quotes.person` (canonical_persons)."""
    frame = pd.DataFrame({
        "name": _text(quotes["person"]),
        "role": _text(quotes["speaker_role"]),
        "article_id": _text(quotes["article_id"]),
        "date": pd.to_datetime(quotes["date"]),
        "side": _text(quotes["side"]),
    })
    frame = frame[frame["name"] != ""]
    if frame.empty:
        return schema.empty("people")
    roles = (
        frame.loc[frame["role"] != "", ["name", "role"]]
        .assign(n=lambda f: f["role"].str.len())
        .sort_values(["name", "n", "role"], ascending=[True, False, True])
        .drop_duplicates("name")
        .set_index("name")["role"]
    )
    grouped = frame.groupby("name", sort=True)
    out = pd.DataFrame({
        "n_quotes": grouped.size(),
        "n_articles": grouped["article_id"].nunique(),
        "first_seen": grouped["date"].min(),
        "last_seen": grouped["date"].max(),
    }).reset_index()
    out["role"] = [roles.get(name, "") for name in out["name"]]  # map() of no roles gives floats
    quoted_side = (
        frame.loc[frame["side"] != "", ["name", "side"]].value_counts().reset_index()
        .drop_duplicates("name").set_index("name")["side"]
    )
    out["side"] = [_person_side(role, quoted_side.get(name, "")) for name, role in zip(out["name"], out["role"])]
    out = out.sort_values(["n_quotes", "name"], ascending=[False, True])
    return schema.conform("people", out)


# The quotes columns `resolve_people` reads: what a build's workers send their parent for the corpus-wide step.
PEOPLE_COLUMNS = ["article_id", "date", "speaker", "person", "speaker_role", "side"]


def resolve_people(quotes: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """(person, side, people) for a whole corpus's quotes (PEOPLE_COLUMNS suffice): `quotes.person` made
    canonical, the people table built from it, and `quotes.side` with a person's known side carried to their
    quotes in articles that give them no role, and OTHER for a speaker nothing shows to be EU or Kazakhstan
    (tests/devset/CONVENTIONS.md: "other" is everyone else who is identified; only an unattributed quote has
    no side)."""
    if not len(quotes):
        return quotes["person"], quotes["side"], schema.empty("people")
    person = canonical_persons(quotes)
    people = people_table(quotes.assign(person=person))
    side, person = _text(quotes["side"]), _text(person)
    if len(people):
        known = dict(zip(_text(people["name"]), _text(people["side"])))
        missing = (side == "") & (person != "")
        side = side.mask(missing, person[missing].map(known).fillna(""))
    side = side.mask((side == "") & (_text(quotes["speaker"]) != ""), "other")
    return person, side, people


def with_people(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(quotes, people) for a whole corpus's quotes: `resolve_people` applied to the quotes table."""
    person, side, people = resolve_people(quotes)
    return schema.conform("quotes", quotes.assign(person=person, side=side)), people
