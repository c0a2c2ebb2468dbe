"""Roles on their own: whether words name a role, its content words for matching a holder, the title written
before a name or the apposition after it, and what a role tells of its holder (gender, head noun).

Pure readings of a few words, memoised; phrases.py reads whole speaker phrases with them and resolve.py
matches a role phrase to the person who holds it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.people import PARTICLES, without_article
from loaders.quotes.vocab import (COMPANY_NOUNS, CONNECTORS, CUE, MODIFIER_WORDS, NAME_PREFIXES, NOT_ADJECTIVES,
                                  ORG_WORDS, PLACE_UNITS, RELATIVE_NOUN, RELATIVE_VERB, ROLE_SYNONYMS, ROLE_WORDS, SAME_AS, CHANNEL_WORDS,
                                  WEEKDAY)

_APPOS_RE = re.compile(  # ", Minister of Energy," or, in Armenian and Azerbaijani agencies' style, " - Minister of …,"
    # (or " - Minister of … - said")
    rf"(?:,|\s[-–—])\s+(?P<app>[^,;:.()“”«»\"]{{2,120}}?)(?=\s*(?:,|\.(?:\s|$)|;|:|\)|$)|(?:\s+[-–—])?\s+(?:also\s+)?{CUE}\b)"
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_RELATIVE_RE = re.compile(
    r"(?:who|which)\s+(?:(?P<be>is|was|has\s+been|serves\s+as|served\s+as|works\s+as|acts\s+as)\s+(?P<as>.+)"
    rf"|(?P<verb>{RELATIVE_VERB})\s+(?P<what>.+))$",
    re.I | re.S,
)
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
    # a long office is mostly words like "of the" ("Assistant to the President of the Republic of Azerbaijan – Head of
    # the Foreign Policy Affairs Department of the Presidential Administration"); a clause is not
    if not words or len(words) > 30 or sum(fold_token(w) not in CONNECTORS and w not in "–—-" for w in words) > 14:
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
        # "Information and Social Development Minister X", "Russia’s Trade and Industry Ministry": an "and" inside a
        # capitalised title or body's name, not two speakers
        in_title = (0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
                    and any(fold_token(w) in ROLE_WORDS or fold_token(w) in ORG_WORDS for w in words[i + 1:]))
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
        if token in "–—-" and 0 < k < len(words) - 1 and is_role_word(words[k - 1]) and words[k + 1][:1].isupper():
            continue  # "Deputy Prime Minister – Minister of Foreign Affairs": one post holding two offices
        return False
    return True


_WHEN_WORD_RE = re.compile(rf"{WEEKDAY}|Yesterday")  # not "… Today", which ends names ("Kazakhstan Today")


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
        # (nor "in May, Union Minister for Coal and Mines": fields come after the title word, never before it)
        listed = (word[-1] == "," and word[0].isupper() and "and" in taken[:-1] and len(word) > 2
                  and not any(map(is_role_word, taken)))
        gloss = _gloss_length(backwards, i) if taken and word.endswith(")") else 0
        if gloss:  # "Akim (Mayor) of Astana": a title's gloss in parentheses is part of the title
            taken.extend(backwards[i:i + gloss])
            i += gloss
            continue
        if ((word[-1] in ",;:.()\"“”«»" and not listed) or (taken == [] and word[-1] in ".!?")
                or _WHEN_WORD_RE.fullmatch(word)):
            break  # "Yesterday Deputy Prime Minister …", "On Tuesday Energy Minister …": when, never the title
        low = fold_token(word)
        if not (word[0].isupper() or low in CONNECTORS or low in ROLE_WORDS or low in MODIFIER_WORDS
                or is_role_word(word)):
            # the organisation's kind after its name ("corporation Rosatom"), or the place's unit right before the
            # holder's name ("Akim of the Karaganda region Yermaganbet Bulekpayev")
            described = _org_description(backwards, i) if taken or low in PLACE_UNITS else 0
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


def _gloss_length(backwards: list[str], i: int) -> int:
    """How many words, from `backwards[i]` (ending in ")") on, a parenthesis of one to three words takes right after
    a role word ("Akim (Mayor)" -> 1), else 0."""
    for k in range(i, min(i + 3, len(backwards))):
        if backwards[k].startswith("("):
            return k - i + 1 if k + 1 < len(backwards) and is_role_word(backwards[k + 1]) else 0
    return 0


_ORG_KINDS = ORG_WORDS | COMPANY_NOUNS | PLACE_UNITS


def _org_description(backwards: list[str], i: int) -> int:
    """How many words, from `backwards[i]` on (the words before a name, nearest first), describe the organisation
    or place an office belongs to in lower case: its kind and up to four words before it, back to "of" or "of
    the" ("CEO of the Russian state nuclear corporation Rosatom" -> 5, "corporation" to "Russian"; "Akim of the
    Karaganda region" -> 2); else 0."""
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
def relative_role(clause: str) -> str | None:
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


# what opens an adverbial after a speaker's name, never an apposition: when, where or how it was said
ADVERBIAL_OPENING_RE = re.compile(r"(?:after|before|during|at|in(?!\s+charge\b)|on|while|when|following|amid|since|via"
                                   r"|with|from|speaking|addressing|commenting|answering|responding)\b")


def participle_clause(text: str) -> bool:
    """Whether `text` opens with a participle in lower case ("referring to …", "speaking at …"), never a title's
    modifier ("acting president", "deputy-managing director")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first.endswith("ing") and first.isalpha() and first.islower() and first not in MODIFIER_WORDS


def apposition_after(text: str, end: int) -> str:
    """The role given in apposition or a relative clause after a name (", EU Ambassador to Kazakhstan,"), or ""."""
    m = _APPOS_RE.match(text, end)
    if not m:
        return ""
    app = DETERMINER_RE.sub("", m.group("app").strip())
    if app.startswith(("and ", "or ")):  # "X, and the President of SOCAR, Y": a second person, no apposition
        return ""
    if ADVERBIAL_OPENING_RE.match(app):  # "said X, after talks with Kazakhstan's Foreign Minister Y": when, not who
        return ""
    if participle_clause(app):  # "said X, referring to the reforms of President Y": what they did, not who they are
        return ""
    relative = relative_role(app)
    if relative is not None:
        return relative
    if not role_like(app):
        return ""
    org = _ORG_AFTER_ROLE_RE.match(text, m.end("app"))
    if org is not None and any(w.casefold() in ORG_WORDS for w in org.group("org").split()):
        return f"{app}, {org.group('org')}"  # "Head of Cooperation, EU Delegation to Kazakhstan"
    return app


# the organisation a role in apposition belongs to, after a comma: ", Director of the Department of Transport Policy,
# Ministry of Transport of the Republic of Kazakhstan"
_ORG_AFTER_ROLE_RE = re.compile(
    r",\s+(?P<org>(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of|for|to|and|on|the|[A-Z][\w\-]*))*)(?=\s*(?:[,.;:)]|$)|\s+[a-z])")


def head_noun(phrase: str) -> str:
    """The word a noun phrase is about: the one before its first "of" ("head of the Ministry of Energy" ->
    "head"), else its last word ("the agency's interlocutor" -> "interlocutor")."""
    before = re.split(r"\s+of\s+", phrase, maxsplit=1)[0].split()
    return before[-1] if before else ""


_PREPOSITION_RE = re.compile(r"\s+(?:of|in|at|from|with|for|to|on|by)\s+")


def main_noun(phrase: str) -> str:
    """The noun a phrase is about, folded: its last word before any preposition ("a source in the Ministry" ->
    "source", "a senior fellow at a policy institute" -> "fellow")."""
    before = _PREPOSITION_RE.split(phrase, maxsplit=1)[0].split()
    return fold_token(before[-1]) if before else ""


def org_headed(phrase: str) -> bool:
    """Whether a phrase is about an organisation, not a post, whatever its other words ("the official Jordanian
    news agency", "the state agency")."""
    noun = main_noun(phrase)
    return noun in ORG_WORDS and noun not in ROLE_WORDS


def gender_of_role(role: str) -> str:
    low = role.casefold()
    if re.search(r"\b(?:spokeswoman|chairwoman|businesswoman|madam)\b", low):
        return "f"
    if re.search(r"\b(?:spokesman|chairman|businessman)\b", low):
        return "m"
    return ""
