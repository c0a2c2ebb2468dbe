"""Speakers as people: whether a name is a person's, one name per person through the corpus, and the people
table. Which side a speaker is on is loaders/sides.py's.

`with_people` gives each person one name through the corpus (`quotes.person`), merging name
forms: an accent-folded exact match first, then conservative fuzzy matching of full names
(transliteration variants such as Tokayev/Tokaev), then a short form ("von der Leyen",
"Smailov") joins the one known full name that ends with it; `people_table` aggregates the
quotes per person. Organisational speakers (a press service, a ministry, "the PM's office")
are not people: the quote rules leave their `person` empty.

In the people table a person whose role alone reads "other" keeps the EU/Kazakhstan side their quotes
were given in context.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz

from loaders import schema
from loaders.sides import fold, gender_of_given_name, is_country_word, is_known_org, side_of

# name particles, and the Turkic patronymic's "son of"/"daughter of" ("Ilham Heydar oglu Aliyev", "Aida Kasym kyzy")
PARTICLES = frozenset("von van der den de del della di da dos du la le ter zu bin ibn al el bint "
                      "oglu ogly qizi kizi uulu kyzy".split())

# Words that never belong to a person's name: institutions, places, roles, calendar words
# and capitalised sentence openers, and the verbs a Title Case headline capitalises ("… Will Decide How Guyana's Gas
# Resources Are Used"). Lower case. "Lake" and "River" are among them: in the news this dashboard
# reads they name places (Issyk-Kul Lake, the Ural River) far more often than people; "Bay" and "Strait" are not.
NON_NAME_WORDS = frozenset(
    """
    a about according after again also although an and another as at because before both but by
    during earlier each even every finally first for from further furthermore he her here his however
    i if in it its last later let many meanwhile moreover most my next no not now on once only or
    other our over overall she since so some speaking still such that the their then there these
    they this those though thus to today together tomorrow under until we what when where whereas
    which while who why with within without yesterday yet you your photo source read
    how is are was were has have does did can could would should must be been
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
    nation emergency situations water
    association chamber consortium organization organisation foundation society court police statistics
    exchange railways airlines port federal confederation technology technologies innovation innovations
    mineral minerals labour labor health justice defence defense interior culture information communications
    emergency emergencies social protection tourism sport sports water environment climate infrastructure
    housing planning budget tax research issues matters relations cooperation policy
    sea ocean gulf lake river islands desert valley peninsula basin canal mountains
    mr mrs ms dr prof madam sir lord mister
    """.split()
)

_TOKEN_RE = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_SPLIT_RE = re.compile(r"[\s\-’']+")
@lru_cache(maxsize=65536)
def without_article(token: str) -> str:
    """`token` without an Arabic article joined to a name ("al-Mazrouei" -> "Mazrouei"); `token` itself otherwise."""
    return token[3:] if token[:3] in ("al-", "el-", "ul-") and token[3:4].isupper() else token


def is_name_token(token: str) -> bool:
    """True for a capitalised word that can be part of a person's name: never an institution word or a
    country or nationality named in sides.toml ("Ambassador to Azerbaijan Alim Bayel")."""
    token = without_article(token)
    if not token or token.casefold() in NON_NAME_WORDS or is_country_word(token):
        return False
    if "-" in token and any(part.casefold() in NON_NAME_WORDS for i, part in enumerate(token.split("-"))
                            if i == 0 or part[:1].isupper()):  # "Ex-Minister", never the syllable of "Moon Jae-in"
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


# Romanisations of one Cyrillic or Turkic sound, levelled so variants of a name compare equal (х is "kh" in English,
# "ch" in German, Czech and Slovak, "h" in Turkic spellings: Mikhalko, Michalko).
_TRANSLIT = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("yu", "u"), ("ya", "a"), ("yo", "o"), ("ye", "e"),
             ("iy", "i"), ("yy", "i"), ("y", "i"), ("w", "v"), ("ou", "u")]
_DOUBLE_RE = re.compile(r"(\w)\1")
_INNER_CH_RE = re.compile(r"(?<=\w)ch")


@lru_cache(maxsize=65536)
def translit_key(folded: str) -> str:
    """A folded name with romanisation variants levelled ("zhaparov" and "japarov" -> "japarov")."""
    for a, b in _TRANSLIT:
        folded = folded.replace(a, b)
    folded = _INNER_CH_RE.sub("h", folded)  # inside a word only: Chan and Khan stay two names
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
