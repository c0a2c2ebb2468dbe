"""Person names in running text: the capitalised runs a name can stand in, and the name inside a run.

Names are read here on their own, without the article: which capitalised run of words could be a name
("Ursula von der Leyen", "Khassenov Askhat"), which words of it are the name rather than a title, and how
many core words it has. phrases.py reads whole speaker phrases with these; persons.py registers the names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick

from loaders.people import NON_NAME_WORDS, PARTICLES, is_name_token
from loaders.sides import gender_of_given_name, is_country_word, is_known_org, is_middle_name
from loaders.quotes.roles import title_before
from loaders.quotes.vocab import (COMPANY_NAME_ENDINGS, INSTITUTION_WORDS, LO, MODIFIER_WORDS, NAME_PREFIXES, ORG_WORDS,
                                  ROLE_WORDS, UP, WEEKDAY)
from loaders.sentences import DIGRAPH_INITIALS

_TOK_REST = rf"[{LO}{UP}]*(?:['’](?!s\b)[{UP}]?[{LO}]+)?(?:-[{UP}{LO}][{LO}{UP}]*)*"
_TOK = rf"(?:(?:al|el|ul)-)?[{UP}]{_TOK_REST}"
# the name particles a chunk may hold as words of their own; "el" only joins a name hyphenated ("el-Sisi")
_PARTICLES = tuple(sorted(PARTICLES - {"el"}))
_PART = "(?:" + "|".join(_PARTICLES) + ")"
# one space between words: paragraphs are single-spaced, and the double space a company's name unwrapped from its
# quote marks leaves (marks.mask_quoted_names) ends a name ("JSC “Samruk-Kazyna” Nurlan Rakhmetov"); an initial
# never joins the words before it: it opens the name after it ("Minister of Energy A. Smailov") or closes the
# surname before it ("Smailov A.A.", see with_initials), and is no chunk of its own ("Zhamaubayev Ye. added")
_INITIAL = r"(?:[A-Z]|" + "|".join(DIGRAPH_INITIALS) + r")\."
# right after a chunk's first capital: that capital is no initial ("A.", "Ye.")
_NOT_INITIAL = r"(?!\.|" + "|".join(rf"(?<={d[0]}){d[1:]}\." for d in DIGRAPH_INITIALS) + ")"
_MORE_TOKS = rf"(?:\s(?:{_PART}\s)*(?!{_INITIAL}){_TOK})*"
# a run of capitalised words, with name particles ("Ursula von der Leyen")
CHUNK_RE = re.compile(rf"(?<![\w’'\-])(?:{_PART}\s+)*(?:(?:al|el|ul)-)?[{UP}]{_NOT_INITIAL}{_TOK_REST}{_MORE_TOKS}")
# the same runs when none can start with a particle or "al-": the capital first lets the regex engine skip
# ahead to capitals, which makes the scan of a paragraph about three times cheaper
_CAPITAL_CHUNK_RE = re.compile(rf"[{UP}](?<![\w’'\-].){_NOT_INITIAL}{_TOK_REST}{_MORE_TOKS}")
_PARTICLE_STARTS = ahocorasick.Automaton()
for _word in (*(p + " " for p in _PARTICLES), "al-", "el-", "ul-"):
    _PARTICLE_STARTS.add_word(_word, len(_word))
_PARTICLE_STARTS.make_automaton()


def name_chunks(text: str) -> Iterator[re.Match[str]]:
    """The CHUNK_RE matches of `text`, found by the cheaper capital-first pattern when no word of it is a
    particle or "al-" that could open a chunk."""
    for end, size in _PARTICLE_STARTS.iter(text):
        start = end - size + 1
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "’'-"):
            return CHUNK_RE.finditer(text)
    return _CAPITAL_CHUNK_RE.finditer(text)


# an organisation named by its kind just before its name, after "the": "the state nuclear corporation Rosatom Alexey
# Likhachev"; only kinds no person is described by ("coffee producer Luis Moreira", "the group Maria Fernandez")
_KIND_BEFORE_RE = re.compile(r"(?:\bthe\s|^)(?:[\w\-]+\s){0,4}(?:corporation|company|firm|giant|conglomerate|concern"
                             r"|holding|utility|operator|carmaker|automaker|ministry|agency|bank|fund)\s$")


def kind_before(before: str) -> bool:
    """Whether `before` ends in an organisation's kind that names it next ("the state news agency " Petra, "the
    state nuclear corporation " Rosatom), after "the" or opening a phrase whose "the" is gone."""
    return _KIND_BEFORE_RE.search(before) is not None


# "… of Territorial Administration and ": a capitalised field joined by "and" inside an office's name (never ", and":
# "the Minister of Energy, and Frederik Smits van Oyen" names a second person)
_FIELD_AND_RE = re.compile(r"\b(?:of|for)\s.*[A-Z][\w\-]*\sand\s$")
# the end of an office's title right before a capitalised run: "Minister of (the) …", "Commissioner for …"
_OFFICE_LINK_RE = re.compile(r"\s(?:of|for)\s(?:the\s)?$")
# the place an envoy is posted to, right before a capitalised run: "Ambassador to Ashgabat …", "Ambassador of
# Armenia to Vatican …", "Consul General in Almaty …"
_POSTED_TO_RE = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Rr]epresentative|[Cc]onsul(?:\s[Gg]eneral)?|[Cc]harg[eé] "
                           r"d['’]affaires)(?:\s(?:of|to)\s(?:the\s)?[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)?\s(?:to|in)\s(?:the\s)?$")


def after_office(before: str) -> bool:
    """Whether a capitalised run after `before` may open with the end of an office's name (its field, its
    country) before the holder's name: after "of"/"for" ("Minister of Emergency Situations Baurzhan
    Syzdykov") or after "and" inside the office's field ("Commissioner for Enlargement and Neighborhood
    Oliver Varhelyi"), or after the place an envoy is posted to ("Ambassador to the Holy See Pavel Orlov")."""
    return (_OFFICE_LINK_RE.search(before[-12:]) is not None or _FIELD_AND_RE.search(before[-80:]) is not None
            or _POSTED_TO_RE.search(before[-80:]) is not None)


def office_word_count(before: str, chunk: str) -> int:
    """How many first words of a capitalised chunk of three words or more end an office's title or name an
    organisation rather than start a name: one after "of" ("President of Azerbaijan Ilham Aliyev"), after
    "and" in the office's field ("Minister of Territorial Administration and Infrastructures Suren Papikyan"),
    or after the organisation's kind in lower case ("CEO of the corporation Rosatom Alexey Likhachev"), or the place
    an envoy is posted to ("Ambassador to Ashgabat Ivan Volynkin"); else 0. `before` is the text before the chunk."""
    if chunk.count(" ") < 2:
        return 0
    return int(before.endswith(" of ") or _FIELD_AND_RE.search(before[-80:]) is not None
               or kind_before(before) or _POSTED_TO_RE.search(before[-80:]) is not None)


# initials written before a name: "V. L. Kantha Rao", "S.Mynbayev", "Kh.Badamsuren" (a transliterated given
# name's two-letter initial); one or two capitals without dots only right after a title ("Mines Secretary VL
# Kantha Rao", "Minister for Coal and Mines G Kishan Reddy"), where they cannot be an acronym opening the phrase
_DOTTED_INITIALS_RE = re.compile(rf"(?<![\w.’'\-])(?:{_INITIAL}\s?){{1,3}}$")
_ABBREVIATIONS = frozenset({"US", "UK", "UN", "EU", "UAE", "USSR", "DC", "PM", "MP"})  # "the U.S. Blinken …"
_CAPITAL_INITIALS_RE = re.compile(r"(?<=[a-z] )[A-Z]{1,2}\s$")
_LEADING_INITIALS_RE = re.compile(rf"(?:{_INITIAL}\s?)+|[A-Z]{{1,2}}\s")
# initials after a surname, in the official style of Kazakh and Russian documents: "Smailov A.A.", "Sultanov A. B."
# (never before a capitalised word: "in charge of Plan B. John Kerr said" is a sentence's end or the next name's)
_TRAILING_INITIALS_RE = re.compile(rf"\s(?:{_INITIAL}\s?){{0,2}}{_INITIAL}(?![\w’'\-]|\s+[A-Z])")


def without_initials(name: str) -> str:
    """`name` without the initials opening or closing it ("S.Mynbayev", "Mynbayev S.A." -> "Mynbayev"); `name`
    itself when it has none."""
    m = _LEADING_INITIALS_RE.match(name)
    if m is not None and m.end() < len(name):
        return name[m.end():]
    m = _TRAILING_INITIALS_RE.search(name)
    return name[:m.start()] if m is not None and m.end() == len(name) and m.start() > 0 else name


def with_initials(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the name text[start:end] widened over the initials written before it ("V. L. Kantha Rao",
    "S.Mynbayev", "Secretary VL Kantha Rao"): news in official style gives a person's name so, and the initials
    are part of the name as written. Initials before a known given name ("Plan B. Ursula …") are another
    sentence's end. A one-word surname is widened over the initials written after it ("Smailov A.A.")."""
    if text[end + 1:end + 2].isupper() and " " not in text[start:end]:
        after = _TRAILING_INITIALS_RE.match(text, end)
        if after is not None and not gender_of_given_name(text[start:end]):
            end = after.end()
    before = text[max(0, start - 2):start]
    if not (before.endswith(".") or before == ". " or (before[:1].isupper() and before.endswith(" "))):
        return start, end  # the common case, told by two characters
    capitals = _CAPITAL_INITIALS_RE.search(text, max(0, start - 3), start) if before[:1].isupper() else None
    if capitals is not None:
        words_before = text[max(0, start - 40):capitals.start()].split()
        pair = capitals.group().strip().casefold()  # "Deputy PM Name", "Ambassador EU": no initials
        if (" " in text[start:end] and words_before and pair not in ROLE_WORDS and not is_country_word(pair)
                and (words_before[-1].casefold() in ROLE_WORDS or title_before(text, capitals.start()))):
            return capitals.start(), end  # "Minister for Coal and Mines G Kishan Reddy": official style
        return start, end
    if gender_of_given_name(text[start:end].split(None, 1)[0]):
        return start, end
    dotted = _DOTTED_INITIALS_RE.search(text, max(0, start - 9), start)
    if dotted is not None:
        letters = dotted.group().replace(".", "").replace(" ", "")
        word_before = text[max(0, dotted.start() - 30):dotted.start()].split()[-1:]
        given = word_before[0] if word_before and len(letters) == 1 and " " not in text[start:end] else ""
        if given and text.endswith(" ", 0, dotted.start()) and gender_of_given_name(given):
            return dotted.start() - 1 - len(given), end  # "John F. Kennedy": a middle initial after a given name
        if letters in _ABBREVIATIONS or (len(letters) == 1 and dotted.group().endswith(" ") and (
                " " in text[start:end]  # "Plan B. John Kerr": as likely a sentence's end
                or (word_before and word_before[0][:1].isupper() and word_before[0].casefold() not in ROLE_WORDS
                    and not title_before(text, dotted.start())))):
            # "… of the U.S. Blinken also met", "backed Plan B. Rakhimov said"; but an office ends right before
            # the initial in "Minister of Energy A. Smailov": official style
            return start, end
        start = dotted.start()
    return start, end


# a capital inside a long first part ("KyrgyzGas", "PetroChina"); a short one is a name's ("McDonald", "DeLuca")
_INNER_CAPITAL_RE = re.compile(r"[A-Z][a-z]{3,}[A-Z]")
HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Madame|Sir|Dr|Prof)\.?\s+$")
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f"}
# Surname endings of Central Asian and Slavic names, written first in official style ("Khassenov Askhat").
_SURNAME_RE = re.compile(r"(?:ov|ev|yev|ova|eva|yeva|in|ina|uly|kyzy|enko|sky|skiy|skaya)$")
_CALENDAR_RE = re.compile(rf"(?:{WEEKDAY}|January|February|March|April"
                          r"|June|July|August|September|October|November|December)")
_ACRONYM_TOKEN_RE = re.compile(r"[A-Z]{2,4}")


@lru_cache(maxsize=65536)
def core_count(name: str) -> int:
    """Words of a name that are not particles ("Ursula von der Leyen" -> 2)."""
    return sum(1 for t in name.split() if t not in PARTICLES)  # "Yue Bin": a capitalised Bin is a name


@lru_cache(maxsize=65536)
def _name_word(token: str) -> bool:
    low = token.casefold()
    # "Halk Maslahaty": a council's own name; "Hero-Arkadag": an honorific ending in a title word
    return (is_name_token(token) and low not in ROLE_WORDS and low not in MODIFIER_WORDS and low not in INSTITUTION_WORDS
            and low not in ORG_WORDS
            and not any(part in ROLE_WORDS for part in low.split("-")[1:]))


# modifiers that only titles carry, never a company's name ("Deputy", "Acting"; not "Coal" of "Coal India Ltd")
_TITLE_MODIFIERS = frozenset({"vice", "first", "prime", "senior", "general", "acting", "former", "managing", "deputy",
                              "chief", "executive", "special", "permanent", "principal"})


@lru_cache(maxsize=65536)
def company_name(chunk: str) -> bool:
    """True for a capitalised run of words that ends as a company's name does, in a legal form or a sector
    ("Acme Mining Corp.", "Steppe Lithium"; speech.toml `name_endings`), and opens with no title and no given name."""
    words = chunk.split()
    if len(words) < 2 or words[-1].rstrip(".") not in COMPANY_NAME_ENDINGS:
        return False
    if any(w.casefold() in ROLE_WORDS or w.casefold() in _TITLE_MODIFIERS
           for w in words[:-1] if w.rstrip(".") not in COMPANY_NAME_ENDINGS):
        return False  # "Deputy Energy Minister …", "Economist Mark Gold": a title, not a company
    return not gender_of_given_name(words[0])  # "Mike Gold", "Jonathan David Gold": a person


def company_role(role: str) -> bool:
    """True for a role that opens with a company's name: a one-word name with an inner capital ("ExxonMobil
    Senior Vice President") or a name ending as a company's does ("Acme Mining chief executive")."""
    words = role.split()
    if not words:
        return False
    if _INNER_CAPITAL_RE.match(words[0]):
        return True
    run = 0
    while run < len(words) and words[run][:1].isupper():
        run += 1
    return any(company_name(" ".join(words[:k])) for k in range(2, run + 1))


def _without_prefixes(tokens: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """`tokens` without the Malay honorifics and offices opening them (speech.toml `name_prefixes`), as long as two
    words are left: "Datuk Seri Aminuddin Harun" is Aminuddin Harun."""
    stripped = True
    while stripped:
        stripped = False
        words = tuple(t.casefold() for t, _ in tokens)
        for prefix in NAME_PREFIXES:
            if len(words) >= len(prefix) + 2 and words[:len(prefix)] == prefix:
                tokens, stripped = tokens[len(prefix):], True
                break
    return tokens


def _name_before_title(tokens: list[tuple[str, int]]) -> tuple[int, int]:
    """The token range of a full name that a title follows with no comma ("Rashid Meredov Foreign Minister"):
    two name words or more before the title's words, opening with a known given name or ending in a Central Asian or
    Slavic surname's ending; else an empty range."""
    end = len(tokens)
    while end > 0 and (tokens[end - 1][0].casefold() in ROLE_WORDS or tokens[end - 1][0].casefold() in MODIFIER_WORDS):
        end -= 1
    start = end
    while start > 0 and _name_word(tokens[start - 1][0]):
        start -= 1
    if end < len(tokens) and end - start >= 2 and (gender_of_given_name(tokens[start][0])
                                                   or _SURNAME_RE.search(tokens[end - 1][0])):
        return start, end
    return len(tokens), len(tokens)


@lru_cache(maxsize=65536)
def name_in_chunk(chunk: str, after_of: bool = False) -> tuple[str, int]:
    """The person-name part at the end of a capitalised chunk and its offset in the chunk, or ("", -1).
    Title and modifier words (Chancellor, Former, Acting) are never part of a name, nor is a company's name.
    `after_of`: the chunk follows "of", so it may open with the end of an office's name, which runs up to a known
    given name ("Minister of Emergency Situations Baurzhan Syzdykov"); elsewhere a given name inside a chunk
    is part of the name ("Saadi Ahmed Pire")."""
    if " " not in chunk and (len(chunk) == 1 or not _name_word(chunk)):  # "V" of "V. L. Kantha Rao": an initial
        return "", -1
    if company_name(chunk):
        return "", -1
    tokens = []
    at = 0
    for token in chunk.split():
        at = chunk.index(token, at)
        tokens.append((token, at))
        at += len(token)
    while tokens and _CALENDAR_RE.fullmatch(tokens[-1][0]):  # "Alikhan Smailov Wednesday commented"
        tokens.pop()
    k = len(tokens)
    while k > 0:
        token = tokens[k - 1][0]
        if len(tokens) - k >= 2 and _INNER_CAPITAL_RE.match(token):
            break  # "head of KyrgyzGas Turgan Bekmurzayev": a company's one-word name before a full name
        if token in PARTICLES or _name_word(token):
            k -= 1
            continue
        break
    last = len(tokens)
    if k == last:
        k, last = _name_before_title(tokens)
    name_tokens = _without_prefixes(tokens[k:last])
    while name_tokens and name_tokens[-1][0] in PARTICLES:
        name_tokens.pop()
    while len(name_tokens) > 1 and len(name_tokens[0][0]) == 1:  # "H E Aufi": His Excellency, no initials
        name_tokens = name_tokens[1:]
    for i in range(1, len(name_tokens) if after_of else 0):
        if gender_of_given_name(name_tokens[i][0]) and not is_middle_name(name_tokens[i][0]):
            if _SURNAME_RE.search(name_tokens[i - 1][0]):  # "Khassenov Askhat": the official surname-first order
                break
            if gender_of_given_name(name_tokens[i - 1][0]):  # "Charles Michel": a surname that is also a given name
                break
            if i == len(name_tokens) - 1:  # "Omer Bolat": a given name elsewhere, a surname here
                break
            name_tokens = name_tokens[i:]
            break
    core = [t for t, _ in name_tokens if t not in PARTICLES]
    if not core or len(core) > 4 or is_known_org(" ".join(t for t, _ in name_tokens)):
        return "", -1
    if (k > 0 and _ACRONYM_TOKEN_RE.fullmatch(tokens[k - 1][0]) and tokens[k - 1][0].casefold() not in ROLE_WORDS
            and len(core) == 1 and not gender_of_given_name(core[0])):
        return "", -1  # "LG Chem", "SK Innovation": an acronym and a word name a company ("FM Darchiashvili": a title)
    if any(t.casefold() in NON_NAME_WORDS for t in core):
        return "", -1
    start = name_tokens[0][1]
    end = name_tokens[-1][1] + len(name_tokens[-1][0])
    return chunk[start:end], start


# a short parenthesis after a capitalised word that lists with commas: "MEP Anna Berg (Renew Europe, Sweden) said"
_LISTED_PARENTHESIS_RE = re.compile(r"(?<=[\w.’'] )\((?=[^()“”«»\"]{1,60}\))[^(),]*,[^()]*\)")


def unlist_parentheses(text: str) -> str:
    """`text` with the commas inside a short parenthesis after a name (a party and a country, an age and a town)
    turned into spaces, offsets kept: the commas are the parenthesis's own, never the sentence's, so a speaker
    phrase reads across it ("MEP Anna Berg (Renew Europe, Sweden) said"). Returns `text` itself when there is
    none."""
    if "(" not in text:
        return text
    return _LISTED_PARENTHESIS_RE.sub(lambda m: m.group().replace(",", " "), text)
