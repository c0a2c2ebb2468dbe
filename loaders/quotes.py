"""Direct and reported quotes with their speakers, from an article's paragraphs.

Direct quotes are the top-level spans between quote marks (“…” «…» "…" ‘…’ „…“ ‚…‘),
found by one left-to-right scan per paragraph: a mark opens when it is followed by
text and preceded by a space, start or bracket, and closes its own opener; marks
nested inside an open quote belong to it. An apostrophe between letters
(Kazakhstan’s) is never a mark. A quote left open at the end of a paragraph runs on
when the next paragraph starts with an opening mark (news convention for a quote
over several paragraphs); its row starts in the first paragraph and `end` is the
offset in the last one. Quoted titles and scare quotes are not quotes: a span is a
quote when it has at least 4 words and is not a title (Title Case, or a short span
after "the/called/so-called" or before "strategy/programme/…"), or when it is a
shorter span ending in , . ! ? that a speech cue attributes.

A direct quote's speaker comes from, in order: the words after the closing mark
(“…,” she said / «…» Name said / “…,” said Name), the start of its sentence
(Name said: “…” / He said the deal was “…”), a previous sentence or paragraph
ending in "Name said:", the next sentence when it is only "Name said.", and
"according to X" in the sentence; a quote opening the sentence right after the sentence of an
attributed quote (“…,” X said. “But …”), or opening the next paragraph after such a sentence,
continues X. Reported speech is one of, per sentence
outside quotes: "According to X, …", "…, according to X", "As X informed (earlier), …",
"X cue (that) …" after up to two introductory phrases ("In turn, …", "Asked how …, she said"),
"…, X cue.", "…, cue X." and "…, AGENCY reports with reference to / citing X", plus "and added
that / adding that …" after a direct quote (also after "told a news conference in …").
Between speaker and cue may stand an insert (", for her part,"), an apposition (", a senior
fellow at …,") or a relative clause (", who heads …,"); between cue and "that" an object and
time or place phrases ("told Reuters on Tuesday that", "said in a statement that"); a bare
clause after "said" may follow a time phrase ("said on Tuesday the …"). The reported text is
the clause, without the final stop and without a coordinated second predicate of the speaker
(", but declined to …", ", but did not …").

Speakers: a person named in the article (full name as first introduced; a surname,
"Mr X", "Commissioner X", "Vice-Minister X" (hyphenated titles are not names) or a definite
role such as "the Commission President" resolves to the person named with that role; a
relative clause gives the role as "who heads/leads/runs X" -> "head of X", "who chairs X" ->
"chair of X", "who manages X" -> "manager of X", "who is X" -> X), a pronoun (he/she goes to the most recently named
person outside quotes whose gender fits: given-name list, Mr/Ms, spokesman/-woman
or an earlier pronoun; when two people fit, the last named wins; people of unknown
gender fit "she", and fit "he" unless the given name ends in -a), or an organisation.
An organisational statement ("the press service of X", "X's press office",
"the ministry") is a row whose speaker is the owning organisation X as written
(a role-like owner such as "PM" is replaced by the title of the article's person
holding that role, e.g. "Prime Minister of Kazakhstan") and whose speaker_role is
the channel ("press service", "press office", or "" when none). "The ministry" / "the company"
/ "the bank" is the last organisation of that kind named before (a capitalised "Ministry of X",
a "Minister of X" role, or a company/bank listed under [kinds] in sides.toml), never the
nearest organisation of another kind.
Unnamed sources ("two sources familiar with the matter", "the sources", "one of the people",
"officials", "energy experts") give rows with speaker "" and attribution "unattributed" and the
cue as written; "the analyst" goes to a named analyst when there is one. A bare clause after an
unnamed source ("European officials said the …") is not reported speech: it needs "that".
Quotes with no findable speaker are kept with attribution "unattributed".
Sides come from people.side_in_article with the article's home side (people.home_side of the
dateline place and first paragraph): a government office with no country marker in an article
at home in Kazakhstan is Kazakhstan.

Cost: the article's people are collected once, on the first speaker lookup; a paragraph
is split into sentences only when a quote, cue or name needs it; the reported-speech and
frame patterns run only on text holding a cue word or "according to"; pure readings of
tokens, chunks and speaker phrases are memoised, since names and roles recur across a corpus.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

import ahocorasick
import pandas as pd

from loaders import schema
from loaders.people import (
    NON_NAME_WORDS,
    PARTICLES,
    gender_of_given_name,
    is_known_org,
    is_name_token,
    known_orgs_in,
    person_side,
    home_side,
    org_kind,
    side_in_article,
    side_of,
)

_UP = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper() and ch.isalpha())
_LO = "".join(ch for ch in map(chr, range(0x61, 0x530)) if ch.islower() and ch.isalpha())

_OPENERS = "“«\"‘„‚”"
_CLOSES = {"»": "«", "”": "“„”", "“": "„", '"': '"', "’": "‘‚", "‘": "‚"}
_MARK_RE = re.compile("[\"“”«»‘’„‚]")
_LEAD_OPENER_RE = re.compile(r"\s*[“«\"‘„‚]")
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_FLANK_PUNCT = ".,;:!?)]}…—–-/"

_CUE_FORMS = (
    "said", "says", "say", "added", "adds", "noted", "notes", "stressed", "stresses", "emphasi[sz]ed",
    "emphasi[sz]es", "underlined", "underlines", "underscored", r"pointed\s+out", r"points\s+out", "stated",
    "states", "explained", "explains", "announced", "announces", "told", "tells", "informed", "informs",
    "reported", "reports", "remarked", "highlighted", "highlights", "observed", "recalled", "recalls",
    "warned", "warns", "commented", "declared", "assured", "confirmed", "confirms", "mentioned", "continued",
    "concluded", "insisted", "argued", "argues", "asserted", "acknowledged", "wrote", "writes", "specified",
    "clarified", "believes", "reiterated", "replied", "responded", "urged", "revealed", "suggested",
    "warn", "note", "argue", "believe", "stress", "explain", "estimated", "estimates", "cautioned",
    "predicted", "claimed", "claims", "maintained", "admitted", "conceded", "underscores",
    "answered", "addressed", "tweeted", "elaborated", "reiterates",
)
_CUE = "(?:" + "|".join(_CUE_FORMS) + ")"
_OBJ = (
    r"(?:\s+(?:reporters|journalists|the\s+press|the\s+media|media|the\s+audience|participants|delegates"
    r"|lawmakers|(?:the\s+)?(?:[A-Z][\w’'\-]*)(?:\s+[A-Z][\w’'\-]*){0,3}))?"
)
_MOD = (
    r"(?:,?\s+(?:on|at|in|during|after|before|while|when|via|following|speaking|earlier|later|today"
    r"|yesterday|this|last)\b[^,:;.“”«»\"]{0,80}?)?"
)
_SUBJ_CUE_RE = re.compile(
    rf"(?P<spk>[^;:“”«»\"]{{1,160}}?)\s+(?:also\s+|further\s+|then\s+|again\s+|later\s+)?"
    rf"(?P<cue>{_CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD})",
    re.S,
)
_TAIL_SPK_CUE_RE = re.compile(
    rf"[\s,]*(?:[—–-]\s*)?(?P<spk>[^.!?;:“”«»\"]{{1,160}}?)\s+(?:also\s+|further\s+|then\s+)?"
    rf"(?P<cue>{_CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD})",
    re.S,
)
_TAIL_CUE_SPK_RE = re.compile(
    rf"[\s,]*(?:[—–-]\s*)?(?P<cue>{_CUE})\s+(?P<spk>[^.!?;:“”«»\",]{{1,160}}?)"
    rf"(?P<app>,\s+[^.!?;:“”«»\",]{{2,120}})?(?=\s*(?:[.,;:!?]|$)|\s+(?:on|at|in|during|after|and|while|when"
    rf"|as|who|before|following|speaking|addressing|adding|noting|stressing|according|to|from)\b)",
    re.S,
)
_AND_CUE_THAT_RE = re.compile(
    rf"(?:\s+[^,;:.!?“”«»\"]{{1,80}}?)?\s*,?\s*(?:and\s+(?:also\s+)?(?P<cue>{_CUE})"
    rf"|(?P<part>adding|noting|stressing|emphasi[sz]ing"
    rf"|underlining|pointing\s+out|explaining))\s+that\s+(?P<clause>.+?)[.!?]?\s*$",
    re.S,
)
_THAT_RE = re.compile(r",?\s+that\s+(?P<clause>\S.*?)[.!?]?\s*$", re.S)
_GAP_THAT_RE = re.compile(
    r",?\s+(?:(?:on|at|in|during|after|before|to|with|about|via|by|from|while|following|earlier|later|today"
    r"|yesterday|this|last|also|again|publicly|repeatedly|separately)\b|[A-Z])[^,;:.!?“”«»\"]{0,80}?,?\s+that\s+"
    r"(?P<clause>\S.*?)[.!?]?\s*$",
    re.S,
)
_BARE_CLAUSE_RE = re.compile(
    r",?\s+(?P<clause>(?!(?:on|at|in|during|after|before|to|with|about|that|and|but|as|by|for|from|of)\b)"
    r"[^\s,].*?)[.!?]?\s*$",
    re.S,
)
_CUE_WORD_RE = re.compile(rf"{_CUE}\b")
_BARE_CUES = frozenset({"said", "says", "added", "noted", "stressed", "believes"})
_OBJECT_CUES = frozenset({"told", "tells", "informed", "informs", "assured"})
_OBJECT_THAT_RE = re.compile(r"\s+(?:[^\s,;:]+\s+){1,5}?that\s+(?P<clause>\S.*?)[.!?]?\s*$", re.S)
_SECOND_PREDICATE_RE = re.compile(
    r",?\s+(?:but|and)\s+(?:declined|refused|did\s+not|didn[’']t|would\s+not|wouldn[’']t|could\s+not"
    r"|couldn[’']t|gave\s+no|offered\s+no|stopped\s+short|did\s+n[’']t)\b"
)
_WHEN_RE = re.compile(
    r",?\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+"
    r"\s+\d{1,2}(?:st|nd|rd|th)?)|(?:last|this|next)\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)|earlier\s+this\s+(?:week|month|year)|today|yesterday)\b,?"
)
_END_OF_FRAME_RE = re.compile(r"\s*[.!?]?\s*$")
_ACCORDING_PRE_RE = re.compile(r"According\s+to\s+(?P<rest>.+?)[.!?]?\s*$", re.S)
_ACCORDING_POST_RE = re.compile(
    r"(?P<clause>\S.*?),?\s+according\s+to\s+(?P<spk>[^,;]+?)(?:,\s*(?P<app>[^,;]+?))?[.!?]?\s*$", re.S
)
_UNNAMED_RE = re.compile(
    r"(?:(?:the|a|an|two|three|four|five|several|some|many|most|other|one|few|more|senior|[\w\-]+)\s+"
    r"|one\s+of\s+the\s+){0,4}(?:sources?|people|persons?|officials?|experts?|analysts?|observers?|insiders?"
    r"|diplomats?|organi[sz]ers|participants|executives|bankers|traders|economists?|specialists?"
    r"|scientists?|researchers?)(?:\s+(?:familiar|with|close|who|involved|briefed|aware|knowledgeable|directly|privy"
    r"|in|at|from|on|of)\b[^,;:.!?“”«»\"]{0,80})?",
    re.I,
)
_REFERENCE_RE = re.compile(
    rf"(?P<clause>\S.*?),\s+(?P<agency>[^,;:“”«»\"]{{1,60}}?)\s+(?P<cue>{_CUE})\s+"
    rf"(?:with\s+reference\s+to|referring\s+to|citing)\s+(?P<spk>[^,;:“”«»\"]{{2,120}}?)\s*[.!?]?\s*$",
    re.S,
)
_AS_CUE_RE = re.compile(
    rf"As\s+(?P<spk>[^,;:“”«»\"]{{1,100}}?)\s+(?:(?:has|had|have)\s+)?(?:already\s+|earlier\s+|previously\s+)?"
    rf"(?P<cue>{_CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD}),\s+(?P<clause>\S.*?)[.!?]?\s*$",
    re.S,
)
_ACCORDING_ANY_RE = re.compile(r"\baccording\s+to\s+(?P<spk>[^,;.]+)", re.I)
_POST_FRAME_RE = re.compile(
    rf"(?P<clause>\S.*?),\s+(?P<spk>[^,;:“”«»\"]{{1,100}}?(?:,\s[^,;:“”«»\"]{{2,100}},)?)\s+(?:also\s+)?"
    rf"(?P<cue>{_CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD})\s*[.!?]?\s*$",
    re.S,
)
_POST_INV_RE = re.compile(
    rf"(?P<clause>\S.*?),\s+(?P<cue>said|added|noted|stressed|explained|emphasi[sz]ed|continued|declared)"
    rf"\s+(?P<spk>[^,;:“”«»\"]{{1,100}}?)(?:,\s*(?P<app>[^,;:]{{2,120}}?))?\s*[.!?]?\s*$",
    re.S,
)
_BOUNDARY_RE = re.compile(rf"[.!?…](?P<cl>[”»\"’)]*)(?P<ws>\s+)(?=[“«\"‘„(]?[{_UP}0-9])")
_ABBREV_RE = re.compile(
    rf"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|vs|Inc|Ltd|Co|Corp|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun"
    rf"|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|e\.g|i\.e|approx|est)|(?<![\w.])[{_UP}])[.]$"
)

_TOK = rf"(?:(?:al|el|ul)-)?[{_UP}][{_LO}{_UP}]*(?:['’](?!s\b)[{_UP}]?[{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}{_UP}]*)*"
_PART = r"(?:von|van|der|den|de|del|della|di|da|dos|du|la|le|ter|zu|bin|ibn)"
_CHUNK_RE = re.compile(rf"(?<![\w’'\-])(?:{_PART}\s+)*{_TOK}(?:\s+(?:{_PART}\s+)*{_TOK})*")
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Madame|Sir|Dr|Prof)\.?\s+$")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f"}
_APPOS_RE = re.compile(
    rf",\s+(?P<app>[^,;:.()“”«»\"]{{2,120}}?)(?=\s*(?:,|\.(?:\s|$)|;|:|\)|$)|\s+(?:also\s+)?{_CUE}\b)"
)
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.I)
_DESCRIBED_RE = re.compile(
    r"(?:(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Oo]ur|[^\W\d_][\w\-]*['’]s)\s+)?(?P<words>(?:[a-z][a-z\-]*\s+){1,4})(?=[A-Z])"
)
_MINISTER_OF_RE = re.compile(r"\bMinister(\s+(?:of|for)\s+[A-Z].*)$")
_INSERT_RE = re.compile(
    r",\s+(?:for\s+(?:his|her|its|their|our|my)\s+part|in\s+(?:his|her|its|their)\s+turn|in\s+turn|meanwhile"
    r"|however|too|also|though|in\s+response|in\s+reply|on\s+(?:his|her|its|their)\s+side|for\s+example"
    r"|likewise|in\s+particular)(?=\s*,|\s*$)",
    re.I,
)
_INDEFINITE_APP_RE = re.compile(
    r"(?:a|an)\s+(?:[\w’'\-]+\s+){1,4}(?:at|of|with|for)\s+[^,;:]{2,80}$(?<!\bsaid)", re.I)
_RELATIVE_RE = re.compile(
    r"(?:who|which)\s+(?:(?P<be>is|was|has\s+been|serves\s+as|served\s+as|works\s+as|acts\s+as)\s+(?P<as>.+)"
    r"|(?P<verb>heads|headed|leads|led|chairs|chaired|runs|ran|manages|managed|directs|directed|oversees"
    r"|oversaw|coordinates|coordinated)\s+(?P<what>.+))$",
    re.I | re.S,
)
_RELATIVE_NOUN = {"heads": "head", "headed": "head", "leads": "head", "led": "head", "chairs": "chair",
                  "chaired": "chair", "runs": "head", "ran": "head", "manages": "manager", "managed": "manager",
                  "directs": "director", "directed": "director", "oversees": "head", "oversaw": "head",
                  "coordinates": "coordinator", "coordinated": "coordinator"}
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_CHANNEL = (
    r"(?:press\s+(?:service|office|centre|center|secretary|department)|spokesperson|spokesman|spokeswoman"
    r"|information\s+service|media\s+(?:office|service)|official\s+website|website|telegram\s+channel)"
)
_CHANNEL_OF_RE = re.compile(rf"(?P<chan>{_CHANNEL})\s+of\s+(?:the\s+)?(?P<org>.+)$", re.I)
_ORG_CHANNEL_RE = re.compile(rf"(?P<org>.+?)(?:['’]s?)?\s+(?P<chan>{_CHANNEL})$", re.I)

ROLE_WORDS = frozenset(
    """
    minister ministers president vice-president ambassador commissioner chairman chairwoman chairperson
    chair ceo cfo cto coo head director director-general secretary secretary-general spokesperson
    spokesman spokeswoman official adviser advisor akim governor mayor envoy representative executive
    manager chief premier pm mep rapporteur senator deputy analyst economist expert professor researcher
    founder officer leader coordinator counsellor consul chancellor geologist engineer fellow consultant
    lecturer scholar strategist negotiator diplomat banker lawyer scientist specialist vice-chair
    """.split()
)
_MODIFIER_WORDS = frozenset(
    """
    vice first prime senior general acting former managing energy foreign trade industry industrial
    economy economic finance financial ecology mining investment investments affairs national european
    eu kazakh kazakhstani state regional special permanent lead principal technical commercial operating
    country board supervisory executive geology raw materials critical hydrogen battery batteries
    integration development digital transport agriculture climate environment environmental internal
    market markets international cooperation partnerships strategic deputy
    """.split()
)
_ORG_WORDS = frozenset(
    """
    ministry government commission delegation embassy akimat company corporation bank fund agency
    committee council parliament office department service administration authority holding group
    alliance secretariat mission cabinet presidency union consortium association chamber institute
    """.split()
)
_CHANNEL_WORDS = frozenset("press service office centre center secretary website channel information media".split())
_CONNECTORS = frozenset("of the for and on to in at & a an".split())
_KINDS = frozenset(("company", "bank", "fund"))
_NOT_ADJECTIVES = frozenset("""
    about with by from after before when while if as asked not also its their his her this that these those
    into over under between among said says told which who whose where
    """.split())
_NORMALISE = {"kazakh": "kazakhstan", "kazakhstani": "kazakhstan", "eu": "european", "ec": "commission"}


@dataclass
class _Person:
    name: str
    role: str = ""
    gender: str = ""


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str
    side: str
    attribution: str


def _cue_automaton() -> ahocorasick.Automaton:
    """Automaton over the literal start of every cue form ("emphasi", "pointed", "said", ...)."""
    automaton = ahocorasick.Automaton()
    for stem in {re.split(r"[\[\\]", form)[0] for form in _CUE_FORMS}:
        automaton.add_word(stem, len(stem))
    automaton.make_automaton()
    return automaton


_CUE_STEMS = _cue_automaton()


def _cue_positions(text: str) -> list[int]:
    """Sorted offsets of the whitespace right before each speech cue word of `text`.

    The starts of the matches of whitespace + `_CUE` + word boundary, found by one automaton
    pass over the cue stems and a regex check at each hit, which is cheaper than trying the
    alternation at every space.
    """
    found = {end - size for end, size in _CUE_STEMS.iter(text)}
    return sorted(c for c in found if c >= 0 and text[c].isspace() and _CUE_WORD_RE.match(text, c + 1))


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    """A token casefolded, without surrounding punctuation or a possessive ending."""
    return _POSSESSIVE_RE.sub("", token.strip("()[],;:.“”«»\"").casefold())


@lru_cache(maxsize=65536)
def _is_role_word(token: str) -> bool:
    low = _fold_token(token)
    return low in ROLE_WORDS or any(part in ROLE_WORDS for part in low.split("-"))


@lru_cache(maxsize=16384)
def _role_like(text: str) -> bool:
    """True for a short phrase naming a role: a role word and no relative clause."""
    words = text.split()
    if not words or len(words) > 14:
        return False
    if any(w.casefold() in ("who", "which", "that", "whose", "where", "when", "said") for w in words):
        return False
    return any(_is_role_word(w) for w in words)


# Ways news names an office other than by its title: the words stand for the title's words.
ROLE_SYNONYMS = {
    "head of state": "president", "head of the state": "president", "elbasy": "president",
    "leader of the nation": "president", "head of government": "prime minister",
    "head of the government": "prime minister", "premier": "prime minister", "pm": "prime minister",
    "foreign minister": "minister foreign", "fm": "minister foreign",
}
_ROLE_SYNONYM_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(ROLE_SYNONYMS, key=len, reverse=True)))
                              + r")\b", re.I)


@lru_cache(maxsize=16384)
def _role_tokens(text: str) -> frozenset[str]:
    """Normalised content words of a role, for matching "the Commission President" to its holder."""
    out: set[str] = set()
    text = _ROLE_SYNONYM_RE.sub(lambda m: ROLE_SYNONYMS[m.group().casefold()], text)
    for token in text.split():
        low = _fold_token(token)
        if low in _CONNECTORS or not low:
            continue
        out.add(_NORMALISE.get(low, low))
    return frozenset(out)


@lru_cache(maxsize=16384)
def _clean_np(text: str) -> bool:
    """True when every word of a speaker phrase could belong to a name, role or organisation."""
    words = text.split()
    if not words or len(words) > 16:
        return False
    lowered = [w.casefold() for w in words]
    if "and" in lowered:
        i = lowered.index("and")
        # "Information and Social Development Minister X": an "and" inside a capitalised title, not two speakers
        in_title = (0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
                    and any(_fold_token(w) in ROLE_WORDS for w in words[i + 1:]))
        if not in_title and not any(w in ("of", "for") for w in lowered[:i]):
            return False
    if len(words) <= 5 and lowered[-1] in _ORG_WORDS and all(
            w.isalpha() and w.islower() and w not in _CONNECTORS and w not in _NOT_ADJECTIVES for w in words[:-1]):
        return True
    for word in words:
        token = word.strip("()[],;")
        if not token:
            continue
        low = _fold_token(token)
        if token[0].isupper() or low in _CONNECTORS or low in PARTICLES:
            continue
        if low in ROLE_WORDS or low in _MODIFIER_WORDS or low in _ORG_WORDS or low in _CHANNEL_WORDS:
            continue
        if _is_role_word(token) or token == "&":
            continue
        return False
    return True


_ORPHAN_CLOSER_RE = re.compile(r"[”»\"](?=\s*,?\s*(?:[—–-]\s*)?[^.!?“”«»\"]{0,80}?\b" + _CUE + r"\b)")


def _after_clause_end(text: str, i: int) -> bool:
    """Whether the mark at `i` follows a space after sentence punctuation (`…government, "said`): typed as a closer."""
    return text[i - 1:i] == " " and text[i - 2:i - 1] in ",.!?"


def _orphan_closer(text: str) -> int:
    """Offset of a closing mark that an attribution follows (`…,” he said`) with no opening mark before it
    in `text`, or -1: an outlet lost the opener, or a speech ran on from the paragraph before without one."""
    first_mark = _MARK_RE.search(text)
    if first_mark is None or text[first_mark.start()] not in "”»\"":
        return -1
    at = first_mark.start()
    closes = at > 0 and (not text[at - 1].isspace() or _after_clause_end(text, at))
    return at if closes and _ORPHAN_CLOSER_RE.match(text, at) else -1


def _scan_spans(paras: list[str]) -> list[list[tuple[int, int, int]]]:
    """Top-level quoted spans, each a list of (para_no, start, end) segments of inner text.

    Besides matched marks, two ways real outlets break them are read: a closing mark followed by an
    attribution with no opener before it starts the quote at the paragraph's start (the opener was
    lost), and continues a quote left open in the paragraph before (a speech over paragraphs whose
    continuation lost its opening mark).
    """
    spans: list[list[tuple[int, int, int]]] = []
    carry: list[tuple[int, int, int]] | None = None
    carry_char = ""
    orphans = [_orphan_closer(text) for text in paras]
    for p, text in enumerate(paras):
        stack: list[tuple[str, int]] = []
        begin = 0
        cont_start = -1
        orphan = orphans[p]
        if carry is not None:
            lead = _LEAD_OPENER_RE.match(text)
            if lead:
                stack.append((carry_char, -1))
                begin = cont_start = lead.end()
            elif orphan < 0:
                carry = None
        if orphan >= 0 and not (carry is not None and stack):
            spans.append((carry or []) + [(p, 0, orphan)])
            carry = None
            begin = orphan + 1
        n = len(text)
        for m in _MARK_RE.finditer(text, begin):
            i = m.start()
            ch = text[i]
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            left = not nxt.isspace() and (prev.isspace() or prev in "([{—–-/" or prev in _OPENERS or i == begin)
            right = not prev.isspace() and (nxt.isspace() or nxt in _FLANK_PUNCT or nxt in "”»\"’" or i + 1 == n)
            if ch in "\"”" and _after_clause_end(text, i) and _CUE_WORD_RE.match(text, i + 1):
                right, left = True, False  # a closing mark typed after the space: `…government, "said X`
            if ch in "’" and prev.isalpha() and nxt.isalpha():
                continue
            closes = _CLOSES.get(ch, "")
            target = -1
            if closes and (right or ch in "»") and not (ch == '"' and left and not right):
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] in closes:
                        target = k
                        break
            if ch == "“" and target < 0 and right and not left:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == "“":
                        target = k
                        break
            if target >= 0:
                opener_pos = stack[target][1]
                del stack[target:]
                if not stack:
                    if opener_pos < 0 and carry is not None:
                        spans.append(carry + [(p, cont_start, i)])
                        carry = None
                    else:
                        spans.append([(p, opener_pos + 1, i)])
                continue
            if ch in "«„‚" or (ch in "“\"‘”" and left and not (ch == "‘" and prev.isalpha())):
                if ch == "”" and right:
                    continue
                stack.append((ch, i))
        if stack and p + 1 < len(paras) and (_LEAD_OPENER_RE.match(paras[p + 1]) or orphans[p + 1] >= 0):
            char, pos = stack[0]
            start = cont_start if pos < 0 else pos + 1
            carry = (carry if pos < 0 and carry is not None else []) + [(p, start, len(text.rstrip()))]
            carry_char = char
        else:
            carry = None
    return spans


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether any of the sorted, disjoint `spans` overlaps [start, end): one bisection, not a scan."""
    k = bisect.bisect_left(spans, (end,)) - 1
    return k >= 0 and spans[k][1] > start


SENTENCE_REACH = 1000


def _sentence_starts(text: str, regions: list[tuple[int, int]]) -> list[int]:
    """Start offsets of the sentences of `text`; no boundary falls inside a quoted region (sorted, disjoint)."""
    starts = [0]
    for m in _BOUNDARY_RE.finditer(text):
        ws = m.start("ws")
        if _overlaps(regions, ws, ws + 1):
            continue
        if _ABBREV_RE.search(text, max(0, m.start() - 8), m.start() + 1):
            continue
        starts.append(m.end())
    return starts


def _title_before(text: str, start: int) -> str:
    """The role title written right before a name (e.g. "Prime Minister of Kazakhstan"), or ""."""
    window = text[max(0, start - 160):start]
    words = window.split()
    if window and not window[-1].isspace():
        return ""
    taken: list[str] = []
    for word in reversed(words):
        if word[-1] in ",;:.()\"“”«»" or (taken == [] and word[-1] in ".!?"):
            break
        low = _fold_token(word)
        if not (word[0].isupper() or low in _CONNECTORS or low in ROLE_WORDS or low in _MODIFIER_WORDS
                or _is_role_word(word)):
            break
        taken.append(word)
    taken.reverse()
    if taken and _fold_token(taken[-1]) in _CONNECTORS:
        return ""
    last = max((i for i, w in enumerate(taken) if _is_role_word(w)), default=-1)
    if last < 0:
        return ""
    first = last
    while first > 0:
        word = taken[first - 1]
        low = _fold_token(word)
        if low in _CONNECTORS or not (word[0].isupper() or low in _MODIFIER_WORDS or low in ROLE_WORDS):
            break
        first -= 1
    return " ".join(taken[first:])


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
        role = _DETERMINER_RE.sub("", m.group("as").strip())
        return role if _role_like(role) else ""
    return f"{_RELATIVE_NOUN[m.group('verb').casefold()]} of {m.group('what').strip()}"


def _apposition_after(text: str, end: int) -> str:
    """The role given in apposition or a relative clause after a name (", EU Ambassador to Kazakhstan,"), or ""."""
    m = _APPOS_RE.match(text, end)
    if not m:
        return ""
    app = _DETERMINER_RE.sub("", m.group("app").strip())
    relative = _relative_role(app)
    if relative is not None:
        return relative
    return app if _role_like(app) else ""


@lru_cache(maxsize=64)
def _org_mention_re(head: str) -> re.Pattern[str]:
    """Pattern for a capitalised organisation name built on `head` (e.g. "Ministry of Energy")."""
    return re.compile(
        rf"(?:[{_UP}][\w’'\-]*\s+)*{re.escape(head.capitalize())}"
        rf"(?:\s+(?:of|for|and|on)(?:\s+the)?\s+[{_UP}][\w’'\-]*(?:\s+[{_UP}][\w’'\-]*)*)*"
    )


@dataclass(frozen=True)
class _Phrase:
    """What a speaker phrase says on its own, before the article's persons are consulted."""

    head: str
    app: str = ""
    pronoun: str = ""
    channel: str = ""
    channel_org: str = ""
    name: str = ""
    name_role: str = ""
    org_like: bool = False


@lru_cache(maxsize=16384)
def _unnamed(raw: str) -> bool:
    """True for an unnamed source ("two people familiar with the talks", "officials", "the sources").

    Only the first word may be capitalised ("Energy experts"): a later capital names someone.
    """
    text = _DETERMINER_RE.sub("", raw.strip(" ,"))
    _, _, rest = text.partition(" ")
    return _UNNAMED_RE.fullmatch(text) is not None and rest == rest.lower()


@lru_cache(maxsize=16384)
def _undescribed(head: str) -> str:
    """`head` without a lowercase description before a capitalised name ("her colleague Dinara Seitkali",
    "the country's sovereign wealth fund Samruk-Kazyna"), or "" when it has none or the rest is no name."""
    m = _DESCRIBED_RE.match(head)
    if m is None or any(w in _NOT_ADJECTIVES or w in _CONNECTORS for w in m.group("words").split()):
        return ""
    rest = head[m.end():]
    return rest if _clean_np(rest) else ""


def _read_phrase(raw: str) -> _Phrase | None:
    """The parts of a speaker phrase: pronoun, head, apposition, channel, first person name, organisation.

    None when the phrase cannot name a speaker (empty, a clause, an apposition that is no role).
    """
    text = _DETERMINER_RE.sub("", raw.strip().strip(",").strip())
    if "," in text:
        text = _INSERT_RE.sub("", text).strip(" ,")
    if not text:
        return None
    low = text.casefold()
    if low in ("he", "she", "him", "her"):  # "according to him"
        return _Phrase(text, pronoun={"him": "he", "her": "she"}.get(low, low))
    head, _, app = text.partition(",")
    head, indefinite = head.strip(), _INDEFINITE_APP_RE.match(app.strip(" ,"))
    app = _DETERMINER_RE.sub("", app.strip(" ,"))
    relative = _relative_role(app) if app else None
    if relative is not None:
        app = relative
    elif app and not _role_like(app) and not indefinite:
        return None
    described = False
    if not _clean_np(head):
        head, described = _undescribed(head), True
        if not head:
            return None
    channel = _CHANNEL_OF_RE.match(head) or _ORG_CHANNEL_RE.match(head)
    if channel:
        return _Phrase(head, app, channel=" ".join(channel.group("chan").lower().split()),
                       channel_org=_DETERMINER_RE.sub("", channel.group("org").strip()))
    named = None
    for m in _CHUNK_RE.finditer(head):
        chunk, offset = m.group(), m.start()
        if head[:offset].endswith(" of ") and chunk.count(" ") >= 2:
            # "President of Azerbaijan Ilham Aliyev": the word after "of" ends the title, it starts no name
            first = chunk.index(" ") + 1
            chunk, offset = chunk[first:], offset + first
        name, start = _name_in_chunk(chunk)
        if name:
            named = (name, start + offset)  # the last name wins: a title comes before the name it belongs to
    if named is not None:
        return _Phrase(head, app, name=named[0], name_role=app or _title_before(head, named[1]))
    if described:
        return _Phrase(head, app, org_like=True) if is_known_org(head) else None
    words = [_fold_token(w) for w in head.split()]
    org_like = is_known_org(head) or any(w in _ORG_WORDS for w in words) or (
        len(words) <= 3 and side_of("", head) in ("EU", "Kazakhstan") and not _role_like(head)
        and head[:1].isupper()
    )
    return _Phrase(head, app, org_like=org_like)


_UNNAMED = _Speaker("", "", "", "unattributed")


class _Article:
    """Persons, quoted regions and sentences of one article, and the quote rows found in it."""

    def __init__(self, paras: list[str], home: str = ""):
        self.paras = paras
        self.home = home
        self.spans = _scan_spans(paras)
        self.regions: list[list[tuple[int, int]]] = [[] for _ in paras]
        for segs in self.spans:
            for p, s, e in segs:
                self.regions[p].append((s, e))
        for region in self.regions:
            region.sort()
        self._starts: list[list[int] | None] = [None] * len(paras)
        self._cues: list[list[int] | None] = [None] * len(paras)
        self.persons: dict[str, _Person] = {}
        self.mentions: list[tuple[int, int, str]] = []
        self._collected = False

    def _side(self, role: str, org: str = "") -> str:
        return side_in_article(role, org, self.home)

    def starts(self, p: int) -> list[int]:
        """Sentence start offsets of paragraph `p`, split on first use."""
        starts = self._starts[p]
        if starts is None:
            starts = self._starts[p] = _sentence_starts(self.paras[p], self.regions[p])
        return starts

    def has_cue(self, p: int, start: int, end: int) -> bool:
        """True when a speech cue word preceded by a space begins in paragraph `p` within [start, end)."""
        cues = self._cues[p]
        if cues is None:
            cues = self._cues[p] = _cue_positions(self.paras[p])
        k = bisect.bisect_left(cues, start)
        return k < len(cues) and cues[k] < end

    def _inside_quote(self, p: int, pos: int) -> bool:
        return _overlaps(self.regions[p], pos, pos + 1)

    def _sentence(self, p: int, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`, clipped to SENTENCE_REACH either side of it.

        The clip keeps every search inside a sentence bounded: a pasted run of quotes with no full
        stop is one "sentence" of the whole paragraph, and searching it once per quote is quadratic.
        """
        starts = self.starts(p)
        k = bisect.bisect_right(starts, pos) - 1
        end = starts[k + 1] if k + 1 < len(starts) else len(self.paras[p])
        return max(starts[k], pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def _mention(self, p: int, pos: int, name: str) -> None:
        bisect.insort(self.mentions, (p, pos, name))

    def _register(self, name: str, role: str = "", gender: str = "") -> _Person:
        person = self.persons.get(name)
        if person is None:
            person = self.persons[name] = _Person(name)
        if role and len(role) > len(person.role):
            person.role = role
        if gender and not person.gender:
            person.gender = gender
        return person

    def _by_short(self, short: str) -> _Person | None:
        """The one registered person whose full name ends with `short` (a surname form)."""
        key = " " + short.casefold()
        found = [p for n, p in self.persons.items() if (" " + n.casefold()).endswith(key)]
        return found[0] if len(found) == 1 else None

    def _collect_people(self) -> None:
        """Register every person named outside quotes, with role and gender, and where each is named."""
        shorts: list[tuple[int, int, str, str]] = []
        for p, text in enumerate(self.paras):
            regions = self.regions[p]
            for m in _CHUNK_RE.finditer(text):
                name, start = _name_in_chunk(m.group())
                if not name or (regions and self._inside_quote(p, m.start())):
                    continue
                start += m.start()
                honorific = _HONORIFIC_RE.search(text, max(0, start - 9), start)
                gender = _HONORIFIC_GENDER.get(honorific.group(1).casefold(), "") if honorific else ""
                if _core_count(name) < 2:
                    shorts.append((p, start, name, gender))
                    continue
                end = start + len(name)
                role = _title_before(text, start) or _apposition_after(text, end) or self._fronted_role(p, start)
                gender = gender or gender_of_given_name(name.split()[0]) or _gender_of_role(role)
                if not (gender or role or name in self.persons or honorific):
                    continue
                self._register(name, role, gender)
                self._mention(p, start, name)
        for p, start, name, gender in shorts:
            person = self._by_short(name)
            if person is None and gender:
                person = self._register(name, "", gender)
            if person is not None:
                self._register(person.name, "", gender)
                self._mention(p, start, person.name)

    def _fronted_role(self, p: int, start: int) -> str:
        """The role opening the sentence before a name ("The head of the EU Delegation, Name, ..."), or ""."""
        if start < 2 or not self.paras[p].startswith(", ", start - 2):
            return ""
        s, _ = self._sentence(p, start)
        before = self.paras[p][s:start]
        if not before.endswith(", ") or before.count(",") != 1:
            return ""
        phrase = _DETERMINER_RE.sub("", before[:-2].strip())
        return phrase if _role_like(phrase) and len(phrase.split()) <= 10 else ""

    def _pronoun(self, word: str, p: int, pos: int) -> _Person | None:
        """The last person named before (p, pos) whose gender fits he/she."""
        want = "m" if word == "he" else "f"
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        for _, _, name in reversed(self.mentions[:k]):
            person = self.persons[name]
            if person.gender == want:
                return person
            if not person.gender and (want == "f" or not name.split()[0].endswith("a")):
                person.gender = want
                return person
        return None

    def _role_holder(self, phrase: str, p: int, pos: int) -> _Person | None:
        """The person whose role contains every word of `phrase` ("the Commission President")."""
        wanted = _role_tokens(phrase)
        if not wanted or not any(w in ROLE_WORDS for w in wanted):
            return None
        holders = {n for n, person in self.persons.items() if person.role and wanted <= _role_tokens(person.role)}
        if not holders:
            return None
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        for _, _, name in reversed(self.mentions[:k]):
            if name in holders:
                return self.persons[name]
        return self.persons[holders.pop()] if len(holders) == 1 else None

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

    def _office_of(self, head: str) -> str:
        """"Ministry of X" from the last registered role "Minister of X" when `head` is "ministry", else ""."""
        if head != "ministry":
            return ""
        for person in reversed(list(self.persons.values())):
            m = _MINISTER_OF_RE.search(person.role)
            if m:
                return "Ministry" + m.group(1)
        return ""

    def _org(self, phrase: str, p: int, pos: int) -> str:
        """Full name of an organisation phrase, expanding "the ministry" from earlier text."""
        words = phrase.split()
        if len(words) == 1 and words[0].casefold() in _ORG_WORDS:
            pattern = _org_mention_re(words[0].casefold())
            best = ""
            for q, text in enumerate(self.paras):
                if q > p:
                    break
                for m in pattern.finditer(text):
                    if q == p and m.start() >= pos:
                        break
                    if len(m.group().split()) > 1:
                        best = _DETERMINER_RE.sub("", m.group())
            head = words[0].casefold()
            if best or head == "ministry":
                return best or self._office_of(head) or phrase
            if head in _KINDS:
                return self._last_known_org(p, pos, head) or phrase
            return self._last_known_org(p, pos) or phrase
        holder = self._role_holder(phrase, p, pos) if _role_like(phrase) else None
        return holder.role if holder is not None else phrase

    def resolve(self, raw: str, p: int, pos: int, according: bool = False) -> _Speaker | None:
        """The speaker a phrase denotes, or None when it names no person or organisation."""
        if not self._collected:
            self._collected = True
            self._collect_people()
        how = "according_to" if according else "explicit"
        if _unnamed(raw):
            head = _DETERMINER_RE.sub("", raw.strip(" ,"))
            if not head.endswith("s"):
                holder = self._role_holder(head, p, pos)
                if holder is not None:
                    self._mention(p, pos, holder.name)
                    return self._as_speaker(holder, how)
            return _UNNAMED
        phrase = _read_phrase(raw)
        if phrase is None:
            return None
        if phrase.pronoun:
            person = self._pronoun(phrase.pronoun, p, pos)
            return None if person is None else self._as_speaker(person, "pronoun")
        if phrase.channel:
            org = self._org(phrase.channel_org, p, pos)
            return _Speaker(org, phrase.channel, self._side(phrase.channel, org), how)
        if phrase.name and _ROLE_SYNONYM_RE.fullmatch(phrase.name):  # "Elbasy said": an office, not a name
            holder = self._role_holder(phrase.name, p, pos)
            if holder is not None:
                self._mention(p, pos, holder.name)
                return self._as_speaker(holder, how)
        if phrase.name:
            person = self.persons.get(phrase.name) or self._by_short(phrase.name)
            if person is None:
                person = self._register(phrase.name, phrase.name_role, gender_of_given_name(phrase.name.split()[0]))
            elif phrase.name_role:
                self._register(person.name, phrase.name_role)
            self._mention(p, pos, person.name)
            return self._as_speaker(person, how)
        holder = self._role_holder(phrase.head, p, pos)
        if holder is not None:
            self._mention(p, pos, holder.name)
            return self._as_speaker(holder, how)
        if phrase.org_like:
            org = self._org(phrase.head, p, pos)
            return _Speaker(org, phrase.app, self._side(phrase.app, org), how)
        return None

    def _as_speaker(self, person: _Person, how: str) -> _Speaker:
        return _Speaker(person.name, person.role, person_side(person.name) or self._side(person.role), how)

    def frame_at(self, p: int, start: int, end: int) -> tuple[re.Match[str], _Speaker] | None:
        """A "SPEAKER cue" frame at the start of text[start:end], after up to two introductory phrases."""
        text = self.paras[p]
        pos = start
        for _ in range(3):
            if not self.has_cue(p, pos, end):
                return None
            m = _SUBJ_CUE_RE.match(text, pos, end)
            if m:
                speaker = self.resolve(m.group("spk"), p, m.start("spk"))
                if speaker is not None:
                    return m, speaker
            comma = text.find(", ", pos, min(end, pos + 160))
            if comma < 0:
                return None
            pos = comma + 2
        return None


@lru_cache(maxsize=65536)
def _core_count(name: str) -> int:
    return sum(1 for t in name.split() if t.casefold() not in PARTICLES)


def _gender_of_role(role: str) -> str:
    low = role.casefold()
    if re.search(r"\b(?:spokeswoman|chairwoman|businesswoman|madam)\b", low):
        return "f"
    if re.search(r"\b(?:spokesman|chairman|businessman)\b", low):
        return "m"
    return ""


@lru_cache(maxsize=65536)
def _name_in_chunk(chunk: str) -> tuple[str, int]:
    """The person-name part at the end of a capitalised chunk and its offset in the chunk, or ("", -1)."""
    if " " not in chunk and not is_name_token(chunk):
        return "", -1
    tokens = []
    at = 0
    for token in chunk.split():
        at = chunk.index(token, at)
        tokens.append((token, at))
        at += len(token)
    k = len(tokens)
    while k > 0:
        token = tokens[k - 1][0]
        if token in PARTICLES or is_name_token(token):
            k -= 1
            continue
        break
    name_tokens = tokens[k:]
    while name_tokens and name_tokens[-1][0] in PARTICLES:
        name_tokens.pop()
    for i in range(1, len(name_tokens)):
        if gender_of_given_name(name_tokens[i][0]):
            name_tokens = name_tokens[i:]
            break
    core = [t for t, _ in name_tokens if t not in PARTICLES]
    if not core or len(core) > 4 or is_known_org(" ".join(t for t, _ in name_tokens)):
        return "", -1
    if any(t.casefold() in NON_NAME_WORDS for t in core):
        return "", -1
    start = name_tokens[0][1]
    end = name_tokens[-1][1] + len(name_tokens[-1][0])
    return chunk[start:end], start


_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|its|their|our|his|her|called|named|entitled|titled|dubbed|so-called|known\s+as|under"
    r"|of)\s*)$",
    re.I,
)
_DOC_AFTER_RE = re.compile(
    r"\s*(?:strategy|programme|program|project|initiative|agreement|memorandum|roadmap|plan|concept|law|act"
    r"|forum|summit|conference|platform|report|company|fund|holding|corporation|partnership|alliance"
    r"|declaration|format|mechanism|network|campaign|award|prize|document|brand|corridor|zone|park|hub"
    r"|cluster|centre|center|system|framework|package|deal|contract|facility|group|scheme|programmes"
    r"|projects|initiatives|agreements|strategies)\b",
    re.I,
)


def _is_title(inner: str, before: str, after: str) -> bool:
    """True for a quoted name of a document, programme or organisation, or a scare-quoted phrase."""
    stripped = inner.strip()
    if not stripped or stripped[-1] in ".!?…,;:":
        return False
    words = _WORD_RE.findall(stripped)
    long_words = [w for w in words if len(w) > 3]
    if long_words and all(w[0].isupper() or w[0].isdigit() for w in long_words):
        return True
    doc_after = bool(_DOC_AFTER_RE.match(after))
    det_before = bool(_TITLE_BEFORE_RE.search(before))
    return (det_before or doc_after) and len(words) <= 6


def _quote_id(article_id: str, p: int, start: int, kind: str) -> str:
    return hashlib.blake2b(f"{article_id}|{p}|{start}|{kind}".encode(), digest_size=8).hexdigest()


def _cue(text: str) -> str:
    return " ".join(text.casefold().split())


_PARTICIPLE_CUES = {"adding": "added", "noting": "noted", "stressing": "stressed", "emphasising": "emphasised",
                    "emphasizing": "emphasized", "underlining": "underlined", "pointing out": "pointed out",
                    "explaining": "explained"}


def _article_rows(article_id: str, paras: list[str], home: str = "") -> list[tuple]:
    """Rows (para_no, start, end, text, speaker, role, side, kind, cue, attribution) of one article.

    `home` is the article's home side (see people.home_side), given to government offices
    without a side marker.
    """
    art = _Article(paras, home)
    rows: list[tuple] = []
    quoted: list[list[tuple[int, int]]] = [[] for _ in paras]
    previous: tuple | None = None
    for segs in art.spans:
        row = _direct(art, segs, previous)
        if row is None:
            continue
        previous = (segs[-1][0], segs[-1][2], row[0])
        rows.extend(row)
        for p, s, e in segs:
            quoted[p].append((s - 1, e + 1))
    quoted = [sorted(q) for q in quoted]
    for p, text in enumerate(paras):
        if not art.has_cue(p, 0, len(text)) and "ccording" not in text:
            continue
        starts = art.starts(p) + [len(text)]
        for s, e in zip(starts, starts[1:]):
            if _overlaps(quoted[p], s, e):
                continue
            row = _reported(art, p, s, e)
            if row is not None:
                rows.append(row)
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def _speaker_fields(speaker: _Speaker | None) -> tuple[str, str, str, str]:
    if speaker is None:
        return "", "", "", "unattributed"
    return speaker.name, speaker.role, speaker.side, speaker.attribution


def _direct(art: _Article, segs: list[tuple[int, int, int]], previous: tuple | None = None) -> list[tuple] | None:
    """The row for a quoted span (plus a reported "and added that" row), or None if not a quote.

    `previous` is (para_no, end, row) of the article's preceding direct quote: a quote that opens
    the sentence right after the sentence holding an attributed quote continues its speaker, also
    when it opens the next paragraph and that quote ended in the last sentence of its paragraph.
    """
    p0, s0, _ = segs[0]
    p1, _, e1 = segs[-1]
    first, last = art.paras[p0], art.paras[p1]
    inner = "\n\n".join(art.paras[p][s:e] for p, s, e in segs)
    lead = len(inner) - len(inner.lstrip())
    trail = len(inner) - len(inner.rstrip())
    inner = inner.strip()
    if not inner:
        return None
    start, end = s0 + lead, e1 - trail
    sent_start, _ = art._sentence(p0, max(s0 - 1, 0))
    _, sent_end = art._sentence(p1, e1)
    head_text = first[sent_start:max(s0 - 1, sent_start)]
    tail_from = min(e1 + 1, len(last))
    if _is_title(inner, head_text[-40:], last[tail_from:tail_from + 40]):
        return None
    speaker, cue, extra = None, "", None
    m = _TAIL_SPK_CUE_RE.match(last, tail_from, sent_end)
    if m:
        speaker = art.resolve(m.group("spk"), p1, m.start("spk"))
    if speaker is None:
        m = _TAIL_CUE_SPK_RE.match(last, tail_from, sent_end)
        if m:
            speaker = art.resolve(m.group("spk") + (m.group("app") or ""), p1, m.start("spk"))
            rest = last[m.end():sent_end]
            if speaker is _UNNAMED and rest.strip()[:1] not in ".,;:!?" and rest != rest.lower():
                speaker = None
    if speaker is not None:
        cue = _cue(m.group("cue"))
        more = _AND_CUE_THAT_RE.match(last, m.end(), sent_end)
        if more:
            extra = (more.group("cue") or _PARTICIPLE_CUES.get(_cue(more.group("part")), _cue(more.group("part"))),
                     more.start("clause"), more.end("clause"))
    adjacent = speaker is not None
    if speaker is None and head_text.strip():
        if head_text.lstrip().startswith("According to"):
            spk = head_text.strip()[len("According to"):].split(",", 1)[0].strip(" ,:")
            speaker = art.resolve(spk, p0, sent_start, according=True)
            cue = "according to" if speaker else ""
        else:
            found = art.frame_at(p0, sent_start, sent_start + len(head_text))
            if found:
                speaker, cue = found[1], _cue(found[0].group("cue"))
                adjacent = True
            elif head_text.rstrip().endswith(":"):
                # a press-release label, "Name, role: “…”": the speaker with no speech verb at all
                label = art.resolve(head_text.rstrip()[:-1], p0, sent_start)
                if label is not None and label.name:
                    speaker, cue, adjacent = label, "said", True
    if speaker is None and not head_text.strip():
        speaker, cue = _colon_before(art, p0, sent_start)
    if speaker is None:
        nxt_end = art._sentence(p1, sent_end)[1] if sent_end < len(last) else sent_end
        m = _SUBJ_CUE_RE.match(last, sent_end, nxt_end)
        if m and last[tail_from:sent_end].strip() == "" and _END_OF_FRAME_RE.fullmatch(last, m.end(), nxt_end):
            speaker = art.resolve(m.group("spk"), p1, m.start("spk"))
            cue = _cue(m.group("cue")) if speaker else ""
            adjacent = speaker is not None
    if speaker is None:
        acc = _ACCORDING_ANY_RE.search(first, sent_start, sent_end if p0 == p1 else len(first))
        if acc and not art._inside_quote(p0, acc.start()):
            speaker = art.resolve(acc.group("spk"), p0, acc.start(), according=True)
            cue = "according to" if speaker else ""
    n_words = len(_WORD_RE.findall(inner))
    if n_words < 4 and not (adjacent and inner[-1] in ",.!?…"):
        return None
    if speaker is None and previous is not None and previous[2][4] and not head_text.strip():
        q, q_end, prev_row = previous
        prev_text = art.paras[q]
        if q == p0 and sent_start > 0:
            follows = art._sentence(p0, sent_start - 1)[0] <= q_end < sent_start
        else:
            follows = (q == p0 - 1 and sent_start == 0 and p1 == p0
                       and art._sentence(q, max(len(prev_text) - 1, 0))[0] <= q_end)
        if follows and prev_text[q_end:sent_start if q == p0 else len(prev_text)].count(".") <= 1:
            return [(p0, start, end, inner) + prev_row[4:7] + ("direct",) + prev_row[8:10]]
    name, role, side, how = _speaker_fields(speaker)
    rows = [(p0, start, end, inner, name, role, side, "direct", cue, how)]
    if extra is not None:
        rows.append((p1, extra[1], extra[2], last[extra[1]:extra[2]], name, role, side, "reported",
                     _cue(extra[0]), how))
    return rows


def _colon_before(art: _Article, p: int, sent_start: int) -> tuple[_Speaker | None, str]:
    """Speaker of a "Name said:" sentence right before a quote (same or previous paragraph)."""
    if sent_start > 0:
        q, (s, e) = p, art._sentence(p, sent_start - 1)
    elif p > 0:
        q = p - 1
        s, e = art._sentence(q, max(len(art.paras[q]) - 1, 0))
    else:
        return None, ""
    text = art.paras[q]
    if not text[s:e].rstrip().endswith(":"):
        return None, ""
    found = art.frame_at(q, s, e)
    if found is None:
        return None, ""
    return found[1], _cue(found[0].group("cue"))


def _reported(art: _Article, p: int, s: int, e: int) -> tuple | None:
    """The reported-speech row of sentence text[s:e], or None."""
    text = art.paras[p]
    while s < e and text[s].isspace():
        s += 1
    cued = art.has_cue(p, s, e)
    if s >= e or not (cued or text.find("ccording", s, e) >= 0):
        return None
    m = _ACCORDING_PRE_RE.match(text, s, e) if text.startswith("According", s) else None
    if m:
        rest_start = m.start("rest")
        parts = text[rest_start:m.end("rest")].split(", ")
        if len(parts) >= 2:
            spk_len = len(parts[0])
            if len(parts) >= 3 and _role_like(_DETERMINER_RE.sub("", parts[1])):
                spk_len += 2 + len(parts[1])
            speaker = art.resolve(text[rest_start:rest_start + spk_len], p, rest_start, according=True)
            c0 = rest_start + spk_len + 2
            if speaker is not None:
                return _reported_row(p, c0, m.end("rest"), text, speaker, "according to")
    m = _ACCORDING_POST_RE.match(text, s, e) if text.find("according", s, e) >= 0 else None
    if m:
        speaker = art.resolve(m.group("spk") + (", " + m.group("app") if m.group("app") else ""), p,
                              m.start("spk"), according=True)
        if speaker is not None:
            return _reported_row(p, m.start("clause"), m.end("clause"), text, speaker, "according to")
    if not cued:
        return None
    if text.startswith("As ", s):
        m = _AS_CUE_RE.match(text, s, e)
        speaker = art.resolve(m.group("spk"), p, m.start("spk")) if m else None
        if speaker is not None:
            return _reported_row(p, m.start("clause"), m.end("clause"), text, speaker, _cue(m.group("cue")))
    found = art.frame_at(p, s, e)
    if found is not None:
        fm, speaker = found
        cue = _cue(fm.group("cue"))
        has_obj = bool(fm.group("obj")) and cue in _OBJECT_CUES
        after = fm.end() if has_obj or not fm.group("obj") else fm.end("cue")
        gap_from = fm.start("mod") if has_obj or not fm.group("obj") else fm.end("cue")
        that = _THAT_RE.match(text, after, e) or _GAP_THAT_RE.match(text, gap_from, e)
        if that is None and cue in _OBJECT_CUES and not has_obj:
            that = _OBJECT_THAT_RE.match(text, after, e)
        if that:
            return _reported_row(p, that.start("clause"), that.end("clause"), text, speaker, cue)
        when = _WHEN_RE.match(text, gap_from, e)
        bare = _BARE_CLAUSE_RE.match(text, when.end() if when else after, e)
        if bare and cue in _BARE_CUES and not has_obj and speaker.role != "press service" and speaker is not _UNNAMED:
            return _reported_row(p, bare.start("clause"), bare.end("clause"), text, speaker, cue)
    m = _REFERENCE_RE.match(text, s, e) if (text.find("ing to ", s, e) >= 0 or text.find("nce to ", s, e) >= 0
                                            or text.find("citing", s, e) >= 0) else None
    if m:
        speaker = art.resolve(m.group("spk"), p, m.start("spk"))
        if speaker is not None:
            return _reported_row(p, m.start("clause"), m.end("clause"), text, speaker, _cue(m.group("cue")))
    for pattern in (_POST_FRAME_RE, _POST_INV_RE):
        m = pattern.match(text, s, e)
        if m:
            spk = m.group("spk") + (", " + m.group("app") if "app" in m.groupdict() and m.group("app") else "")
            speaker = art.resolve(spk, p, m.start("spk"))
            if speaker is not None:
                return _reported_row(p, m.start("clause"), m.end("clause"), text, speaker, _cue(m.group("cue")))
    return None


def _reported_row(p: int, start: int, end: int, text: str, speaker: _Speaker, cue: str) -> tuple | None:
    """The reported row of text[start:end], cut before a second predicate of the speaker (", but declined to")."""
    cut = _SECOND_PREDICATE_RE.search(text, start, end)
    if cut:
        end = cut.start()
    clause = text[start:end].strip()
    if len(_WORD_RE.findall(clause)) < 3:
        return None
    start = text.index(clause, start)
    return (p, start, start + len(clause), clause, speaker.name, speaker.role, speaker.side, "reported", cue,
            speaker.attribution)


_COLUMNS = ["para_no", "start", "end", "text", "speaker", "speaker_role", "side", "kind", "cue", "attribution"]


def quotes_table(articles: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The quotes table (schema "quotes") of all articles; `themes` is left empty for the build step."""
    if paragraphs.empty or articles.empty:
        return schema.empty("quotes")
    dates = dict(zip(articles["article_id"].astype(str), pd.to_datetime(articles["date"])))
    ids: list[str] = []
    records: list[tuple] = []
    ordered = paragraphs.sort_values(["article_id", "para_no"], kind="stable")
    ordered = ordered[ordered["article_id"].notna()]
    texts = ["" if pd.isna(t) else str(t) for t in ordered["text"].tolist()]
    places = (dict(zip(articles["article_id"].astype(str), articles["place"].fillna("").astype(str)))
              if "place" in articles.columns else {})
    for article_id, group in groupby(zip(ordered["article_id"].tolist(), texts), key=itemgetter(0)):
        article_id = str(article_id)
        paras = [text for _, text in group]
        home = home_side(places.get(article_id, ""), paras[0] if paras else "")
        for row in _article_rows(article_id, paras, home):
            ids.append(article_id)
            records.append(row)
    if not records:
        return schema.empty("quotes")
    frame = pd.DataFrame.from_records(records, columns=_COLUMNS)
    frame.insert(0, "article_id", ids)
    frame["quote_id"] = [_quote_id(a, p, s, k) for a, p, s, k in
                         zip(frame["article_id"], frame["para_no"], frame["start"], frame["kind"])]
    frame["date"] = frame["article_id"].map(dates)
    frame["themes"] = ""
    return schema.conform("quotes", frame)
