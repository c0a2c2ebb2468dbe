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

from loaders.people import PARTICLES, without_article
from loaders.sides import is_known_org, side_of
from loaders.quotes.cues import LEAD_IN_RE, SPOKE_WHEN_RE
from loaders.quotes.names import CHUNK_RE, company_name, core_count, name_in_chunk, office_word_count, with_initials
from loaders.quotes.vocab import (
    LEGAL_FORM,
    NAME_PREFIXES,
    CHANNEL,
    CHANNEL_WORDS,
    COMPANY_NOUNS,
    CLAUSE_OPENERS,
    CONNECTORS,
    CUE,
    MODIFIER_WORDS,
    NOT_ADJECTIVES,
    ORG_WORDS,
    RELATIVE_NOUN,
    RELATIVE_VERB,
    ROLE_SYNONYMS,
    ROLE_WORDS,
    SAME_AS,
)

_APPOS_RE = re.compile(  # ", Minister of Energy," or, in Armenian and Azerbaijani agencies' style, " - Minister of …,"
    rf"(?:,|\s[-–—])\s+(?P<app>[^,;:.()“”«»\"]{{2,120}}?)(?=\s*(?:,|\.(?:\s|$)|;|:|\)|$)|\s+(?:also\s+)?{CUE}\b)"
)
DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
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
_RELATIVE_RE = re.compile(
    r"(?:who|which)\s+(?:(?P<be>is|was|has\s+been|serves\s+as|served\s+as|works\s+as|acts\s+as)\s+(?P<as>.+)"
    rf"|(?P<verb>{RELATIVE_VERB})\s+(?P<what>.+))$",
    re.I | re.S,
)
_ACRONYM_ORG_RE = re.compile(r"[A-Z]{2,4}\s+[A-Z][a-z]+")  # "LG Chem", "SK Innovation"
# an acronym alone ("SOCAR", "NATO", "SPA"): an organisation, as news spells no person in capitals
_ACRONYM_ALONE_RE = re.compile(r"[A-Z][A-Z&]{1,6}")
_CREDIT_CUES = frozenset({"reports", "reported", "informs", "informed", "writes", "wrote"})
_RELATIVE_TAIL_RE = re.compile(r",?\s+(?:that|which|who|whose|where|when)\s+")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_CHANNEL_OF_RE = re.compile(rf"(?P<chan>{CHANNEL})\s+of\s+(?:the\s+)?(?P<org>.+)$", re.I)
_ORG_CHANNEL_RE = re.compile(rf"(?P<org>.+?)(?:['’]s?)?\s+(?P<chan>{CHANNEL})$", re.I)
ROLE_SYNONYM_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(ROLE_SYNONYMS, key=len, reverse=True)))
                             + r")\b", re.I)

@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """A token casefolded, without surrounding punctuation or a possessive ending."""
    return _POSSESSIVE_RE.sub("", token.strip("()[],;:.“”«»\"").casefold())


@lru_cache(maxsize=65536)
def is_role_word(token: str) -> bool:
    low = fold_token(token)
    return low in ROLE_WORDS or any(part in ROLE_WORDS for part in low.split("-"))


@lru_cache(maxsize=16384)
def role_like(text: str) -> bool:
    """True for a short phrase naming a role: a role word, or "in charge of …", and no relative clause."""
    words = text.split()
    if not words or len(words) > 18:
        return False
    if any(w.casefold() in ("who", "which", "that", "whose", "where", "when", "said") for w in words):
        return False
    return any(is_role_word(w) for w in words) or text.casefold().startswith("in charge of ")


@lru_cache(maxsize=16384)
def role_tokens(text: str) -> frozenset[str]:
    """Normalised content words of a role, for matching "the Commission President" to its holder."""
    out: set[str] = set()
    text = ROLE_SYNONYM_RE.sub(lambda m: ROLE_SYNONYMS[m.group().casefold()], text)
    for token in text.split():
        low = fold_token(token)
        if low in CONNECTORS or not low:
            continue
        out.add(SAME_AS.get(low, low))
    return frozenset(out)


@lru_cache(maxsize=16384)
def role_core(text: str) -> str:
    """A role phrase without the lowercase descriptions before it ("the re-elected President" -> "President",
    "the newly appointed minister" -> "minister"), or "" when nothing role-like remains."""
    words = DETERMINER_RE.sub("", text.strip()).split()
    k = 0
    while k < len(words) and words[k].islower() and not is_role_word(words[k]) and words[k] not in MODIFIER_WORDS:
        k += 1
    core = " ".join(words[k:])
    return core if 0 < k < len(words) and role_like(core) else ""


@lru_cache(maxsize=16384)
def clean_np(text: str) -> bool:
    """True when every word of a speaker phrase could belong to a name, role or organisation."""
    words = text.split()
    if not words or len(words) > 16:
        return False
    lowered = [w.casefold() for w in words]
    if "and" in lowered:
        i = lowered.index("and")
        # "Information and Social Development Minister X": an "and" inside a capitalised title, not two speakers
        in_title = (0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
                    and any(fold_token(w) in ROLE_WORDS for w in words[i + 1:]))
        if not in_title and not any(w in ("of", "for") for w in lowered[:i]):
            return False
    if len(words) <= 5 and lowered[-1] in ORG_WORDS and all(
            w.isalpha() and w.islower() and w not in CONNECTORS and w not in NOT_ADJECTIVES for w in words[:-1]):
        return True
    backwards = words[::-1]
    described = set()  # "CEO of the state-owned grid operator KEGOC": the organisation described in lower case
    for i in range(len(backwards)):
        n = _org_description(backwards, i)
        described.update(range(len(words) - i - n, len(words) - i))
    for k, word in enumerate(words):
        token = word.strip("()[],;")
        if not token or k in described:
            continue
        low = fold_token(token)
        if without_article(token)[0].isupper() or low in CONNECTORS or low in PARTICLES:
            continue  # "al-Mazrouei": an Arabic article joined to a name reads as the name
        if low in ROLE_WORDS or low in MODIFIER_WORDS or low in ORG_WORDS or low in CHANNEL_WORDS:
            continue
        if is_role_word(token) or token == "&":
            continue
        return False
    return True


def title_before(text: str, start: int) -> str:
    """The role title written right before a name (e.g. "Prime Minister of Kazakhstan"), or ""."""
    window = text[max(0, start - 160):start]
    words = window.split()
    if window and not window[-1].isspace():
        return ""
    taken: list[str] = []
    backwards = words[::-1]
    i = 0
    while i < len(backwards):
        word = backwards[i]
        # "Minister of Economy, Trade and Industry": an office's fields listed with commas before the last "and"
        # (never "the Minister of Energy, and Frederik Smits": a field must stand between the comma and "and")
        listed = word[-1] == "," and word[0].isupper() and "and" in taken[:-1] and len(word) > 2
        if (word[-1] in ",;:.()\"“”«»" and not listed) or (taken == [] and word[-1] in ".!?"):
            break
        low = fold_token(word)
        if not (word[0].isupper() or low in CONNECTORS or low in ROLE_WORDS or low in MODIFIER_WORDS
                or is_role_word(word)):
            described = _org_description(backwards, i) if taken else 0
            if not described:
                break
            taken.extend(backwards[i:i + described])
            i += described
            continue
        taken.append(word)
        i += 1
    taken.reverse()
    for prefix in NAME_PREFIXES:  # "Sarawak Premier Tan Sri Abang Johari": the honorific is no part of the title
        if len(taken) > len(prefix) and tuple(w.casefold() for w in taken[-len(prefix):]) == prefix:
            del taken[-len(prefix):]
            break
    if taken and fold_token(taken[-1]) in CONNECTORS:
        return ""
    roles = [i for i, w in enumerate(taken) if is_role_word(w)]
    # "Chairman of the Cabinet of Ministers": a role word after "of" names the body's members, not the title
    last = max((i for i in roles if i == roles[0] or fold_token(taken[i - 1]) not in ("of", "the")), default=-1)
    if last < 0:
        return ""
    first = last
    while first > 0:
        word = taken[first - 1]
        low = fold_token(word)
        if low in CONNECTORS or not (word[0].isupper() or low in MODIFIER_WORDS or low in ROLE_WORDS):
            break
        first -= 1
    return " ".join(taken[first:])


_ORG_KINDS = ORG_WORDS | COMPANY_NOUNS


def _org_description(backwards: list[str], i: int) -> int:
    """How many words, from `backwards[i]` on (the words before a name, nearest first), describe the organisation
    an office belongs to in lower case: the organisation's kind and up to four words before it, back to "of" or
    "of the" ("CEO of the Russian state nuclear corporation Rosatom" -> 5, "corporation" to "Russian"); else 0."""
    if fold_token(backwards[i]) not in _ORG_KINDS:
        return 0
    for k in range(i + 1, min(i + 6, len(backwards))):
        word = backwards[k]
        if word in ("the", "of"):
            return k - i
        if not word.isalpha() and not word.replace("-", "").isalpha():
            return 0
    return 0


@lru_cache(maxsize=16384)
def _relative_role(clause: str) -> str | None:
    """The role a relative clause after a name gives, or None when `clause` is no relative clause.

    "who heads/leads/runs the X department at Y" -> "head of the X department at Y" (likewise
    chairs -> chair of, manages -> manager of, directs -> director of); "who is/serves as X" -> X
    when X is a role; any other relative clause gives "".
    """
    low = clause[:6].casefold()
    if not (low.startswith("who ") or low.startswith("which ")):
        return None
    m = _RELATIVE_RE.match(clause.strip())
    if m is None:
        return ""
    if m.group("be"):
        role = DETERMINER_RE.sub("", m.group("as").strip())
        return role if role_like(role) else ""
    return f"{RELATIVE_NOUN[m.group('verb').casefold()]} of {m.group('what').strip()}"


def apposition_after(text: str, end: int) -> str:
    """The role given in apposition or a relative clause after a name (", EU Ambassador to Kazakhstan,"), or ""."""
    m = _APPOS_RE.match(text, end)
    if not m:
        return ""
    app = DETERMINER_RE.sub("", m.group("app").strip())
    if app.startswith(("and ", "or ")):  # "X, and the President of SOCAR, Y": a second person, no apposition
        return ""
    relative = _relative_role(app)
    if relative is not None:
        return relative
    return app if role_like(app) else ""


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


@lru_cache(maxsize=16384)
def read_phrase(raw: str) -> Phrase | None:
    """The parts of a speaker phrase: pronoun, head, apposition, channel, first person name, organisation.

    None when the phrase cannot name a speaker (empty, a clause, an apposition that is no role).
    """
    text = SPOKE_WHEN_RE.sub("", DETERMINER_RE.sub("", LEAD_IN_RE.sub("", raw.strip().strip(",").strip(), count=1)))
    if "," in text:
        text = _INSERT_RE.sub("", text).strip(" ,")
    if not text:
        return None
    low = text.casefold()
    low = _WORDS_OF_RE.sub("", low)  # "according to his words", "in her opinion"
    if low in ("he", "she", "him", "her", "his", "it"):  # "according to him"
        return Phrase(text, pronoun={"him": "he", "her": "she", "his": "he"}.get(low, low))
    head, _, app = text.partition(",")
    head = _ACRONYM_RE.sub("", head)
    fronted = _fronted_name(head.strip(), app.strip(" ,"))
    if fronted is not None:
        return fronted
    head, indefinite = head.strip(), _INDEFINITE_APP_RE.match(app.strip(" ,"))
    app = DETERMINER_RE.sub("", app.strip(" ,"))
    relative = _relative_role(app) if app else None
    if relative is not None:
        app = relative
    elif app and not role_like(app) and not indefinite and not _COMPANY_APPOSITION_RE.search(app):
        # "president of the union that groups 350 members": a role whose organisation a relative clause describes
        app = _RELATIVE_TAIL_RE.split(" " + app, maxsplit=1)[0].strip()
        if app and not role_like(app):  # nothing left ("X, whose country holds the presidency"): the name stands
            return None
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
    org_head = fold_token(head.split(maxsplit=1)[0]) in ORG_WORDS
    for m in CHUNK_RE.finditer(head):
        chunk, offset = m.group(), m.start()
        if " " not in chunk and head[:offset].endswith(" of ") and (
                org_head or is_role_word(head[:offset - 4].rsplit(maxsplit=1)[-1])):
            continue  # "Ministry of Mines", "CEO of Masdar": the word after "of" is the organisation's
        if head[:offset].endswith(" in ") and " " not in chunk:
            continue  # "the Russian embassy in Washington": a place, never a person
        if head.startswith(("'s ", "’s "), offset + len(chunk)) or (
                chunk.endswith("s") and head.startswith(("' ", "’ "), offset + len(chunk))):
            continue  # "Indonesia's investment chief", "the Turkmengas’ Head": the owner of the role, not the speaker
        if office_word_count(head[:offset], chunk):  # "President of Azerbaijan Ilham Aliyev": a title's last word
            first = chunk.index(" ") + 1
            chunk, offset = chunk[first:], offset + first
        name, start = name_in_chunk(chunk)
        if name:  # the last name wins: a title comes before the name it belongs to
            at, end = with_initials(head, start + offset, start + offset + len(name))
            named = (head[at:end], at)
    if named is not None:
        return Phrase(head, app, name=named[0], name_role=app or title_before(head, named[1]) or employed_as)
    if described:
        return Phrase(head, app, org_like=True) if is_known_org(head) else None
    words = [fold_token(w) for w in head.split()]
    if is_role_word(head_noun(head)):  # "head of the Ministry of X", "the agency's interlocutor": a person
        return Phrase(head, app)
    org_like = is_known_org(head) or company_name(head) or any(w in ORG_WORDS or w in COMPANY_NOUNS for w in words) or bool(_ACRONYM_ORG_RE.fullmatch(head) and not is_role_word(head.split()[0])) or (
        not app and bool(_ACRONYM_ALONE_RE.fullmatch(head))) or (
        len(words) <= 3 and side_of("", head) in ("EU", "Kazakhstan") and not role_like(head)
        and head[:1].isupper()
    )
    return Phrase(head, app, org_like=org_like)


def outlet_credit(phrase: str, cue: str, resolved: str) -> bool:
    """Whether "PHRASE CUE" after a text credits an outlet with reporting it rather than naming its speaker:
    an acronym that neither the lexicon nor the article (`resolved`, the name it resolved to) spells out, with
    "reports", "informs" or "writes" ("…, TDH reports.", "“…,” the BBC reports.")."""
    head = DETERMINER_RE.sub("", phrase.strip())
    return (cue.casefold() in _CREDIT_CUES and _ACRONYM_ALONE_RE.fullmatch(head) is not None and resolved == head
            and not is_known_org(head) and side_of("", head) not in ("EU", "Kazakhstan"))


def head_noun(phrase: str) -> str:
    """The word a noun phrase is about: the one before its first "of" ("head of the Ministry of Energy" ->
    "head"), else its last word ("the agency's interlocutor" -> "interlocutor")."""
    before = re.split(r"\s+of\s+", phrase, maxsplit=1)[0].split()
    return before[-1] if before else ""


def gender_of_role(role: str) -> str:
    low = role.casefold()
    if re.search(r"\b(?:spokeswoman|chairwoman|businesswoman|madam)\b", low):
        return "f"
    if re.search(r"\b(?:spokesman|chairman|businessman)\b", low):
        return "m"
    return ""
