"""One article from its text: date, title, source, place (dateline) and body paragraphs.

Two ways in: `from_seed_text` for the analysts' plain-text files (a `date YYYY-MM-DD`
header, then a title line or the body) and `from_record` for a JSON/CSV record whose
fields are already separate. Both give a `Draft` or raise `Rejected` with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


class Rejected(ValueError):
    """The input cannot become an article; the message is the reason shown to the analyst."""


@dataclass(frozen=True, slots=True)
class Draft:
    """An article parsed from one input, before ids and tables."""

    date: dt.date
    title: str
    source: str
    place: str
    paragraphs: tuple[str, ...]
    url: str = ""


_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]*:?[ \t]*(\S+)[ \t]*(.*)", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")

_MONTH = (  # as datelines write them, capitals too ("YEREVAN, MARCH 27")
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\.?"
)
_DAY_DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
_UP = r"A-ZÀ-ÖØ-Þ\u0400-\u042f"
_UPPER_CITY = rf"(?:ST\.\s)?[{_UP}][{_UP}'’\-]{{2,}}(?:[ /][{_UP}][{_UP}'’\-]+){{0,3}}"
_TITLE_CITY = r"[A-Z][a-zà-ÿ]+(?:[ \-][A-Z][a-zà-ÿ]+){0,2}"
_DASH = r"(?:--|[–—-])"
# Words written with a full stop that end no outlet's name: "NEW YORK - Apple Inc. said", "LONDON - Mr. Smith said".
_ABBREVIATED = r"(?:Inc|Plc|Ltd|Corp|Co|Gen|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Sen|Rep|Gov|Col|Lt|Capt)\.\s"
_DATELINE = re.compile(
    rf"""\A(?:
        (?P<city>{_UPPER_CITY})
            (?:,\s*(?P<region>[A-Z][A-Za-z]+))?(?:(?:[,.]\s*|\s+)(?P<date>{_DAY_DATE}))?
            (?:\s*\((?P<src7>[^()\n]{{2,40}}?)\s{_DASH}\s\d{{1,2}}(?:st|nd|rd|th)?\s[A-Za-z]{{3,9}},?\s\d{{4}}\)(?=\s)
             |(?:\s*\((?P<src1>[^()\n]{{2,40}})\))?
              (?:\s*{_DASH}(?:\s+(?P<src6>(?!{_ABBREVIATED})[A-Z][A-Za-z\-]+(?:\s(?!{_ABBREVIATED})[A-Z][A-Za-z\-]+){{0,2}})\.(?=\s))?
                |\.\s+(?P<src2>[A-Z][A-Z0-9.\-]{{2,}}(?=\s))(?:\s+{_DASH})?
                |(?(date),\s*(?P<src5>[A-Z][A-Z0-9\-]{{2,}})\.|(?!))
                |(?(date)[.:]|(?!))
                |(?(date)(?=\s+[A-Z"“«])|(?!))))  # a wire dateline whose agency credit was cut: "BISHKEK Dec 22 The …"
      | \((?:MENAFN\s*{_DASH}\s*)?(?P<src8>[A-Z][\w.&'’\-]*(?:\s[A-Z][\w.&'’\-]*){{0,3}})\)(?:\s+{_DASH})?
      | (?P<tcity>{_TITLE_CITY})
            (?:,\s*{_DAY_DATE}(?:\s*\((?P<src3>[^()\n]{{2,40}})\))?|(?:,\s*[A-Z][a-zà-ÿ]+)?\s*\((?P<src4>[A-Z][^()\n]{{1,39}})\))
            \s*{_DASH}
    )\s+(?=\S)""",
    re.VERBOSE,
)
_NOT_PLACES = frozenset({"EU", "THE", "UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "NEWS"})
_CREDIT = re.compile(
    r"\A(?P<label>photos?|photograph|images?|video|source|credits?|author|foto|фото|источник)"
    r"(?:\s+credit)?\s*[:：]\s*(?P<value>\S.{0,200})\Z",
    re.IGNORECASE | re.DOTALL,
)
# How an informant was heard, in a "Source:" line: an interview, a statement, a speech, a post.
_HEARD_RE = re.compile(r"\b(?:interview|speaking|spoke|told|said|says|stated|statement|speech|remarks|briefing"
                       r"|comments?|post(?:ed)?|wrote|quoted)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*\s+(?=[\"“«„‘(]?[A-Z0-9\u0400-\u042f])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|Gen|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|etc|Inc|Ltd|Co|Corp))\.\S*\s+\Z")
_TITLE_END = re.compile(r"[.!…:;,][\"”»’)]*\Z")
_WEB_URL = re.compile(r"https?://[^/?#\s]+", re.IGNORECASE)
TITLE_MAX_CHARS = 100
TITLE_LINE_MAX_WORDS = 30
# The publication dates the tables hold: news dates, well inside datetime64[ns] (1677-2262), so that every
# date an article mentions relative to them ("N years ago", "next year") fits too.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2099, 12, 31)


def parse_date(value: str) -> dt.date:
    """The calendar date at the start of `value` (YYYY-MM-DD, optionally with a time); raises Rejected."""
    match = _ISO_DATE.match(value.strip() + " ")
    if not match:
        raise Rejected(f"date {value.strip()[:40]!r} is not in YYYY-MM-DD form")
    try:
        date = dt.date(*map(int, match.groups()))
    except ValueError:
        raise Rejected(f"date {match.group(0).strip()} is not a real date") from None
    if not MIN_DATE <= date <= MAX_DATE:
        raise Rejected(f"date {date.isoformat()} is outside the range the tables hold ({MIN_DATE} to {MAX_DATE})")
    return date


def from_seed_text(text: str) -> Draft:
    """The article in a seed-format text (`date YYYY-MM-DD`, then title line or body)."""
    header = _HEADER.match(text)
    if not header:
        raise Rejected("no 'date YYYY-MM-DD' header on the first line")
    date = parse_date(header.group(1))
    body = header.group(2) + text[header.end():]
    blocks = _blocks(body)
    title = ""
    if blocks and "\n" in blocks[0]:
        first_line, rest = blocks[0].split("\n", 1)
        if _looks_like_title(first_line, rest):
            title, blocks[0] = first_line, rest
    elif len(blocks) > 1 and _looks_like_title(blocks[0], blocks[1]):
        title = blocks.pop(0)
    return _draft(date, blocks, title=_clean(title), source="")


def from_record(date: str, text: str, title: str = "", source: str = "", url: str = "") -> Draft:
    """The article in one JSON/CSV record; paragraphs split at blank lines, else at line breaks."""
    day = parse_date(date)
    blocks = _blocks(text) if _BLANK_LINE.search(text) else [b for b in (s.strip() for s in text.split("\n")) if b]
    return _draft(day, blocks, title=_clean(title), source=_clean(source), url=web_url(url))


def web_url(url: str) -> str:
    """`url` if it is an http(s) link to a host, else "": a `javascript:` or `data:` link must never become clickable."""
    url = url.strip()
    return url if _WEB_URL.match(url) and not any(c.isspace() or ord(c) < 32 for c in url) else ""


def _draft(date: dt.date, blocks: list[str], *, title: str, source: str, url: str = "") -> Draft:
    place = ""
    if blocks:
        dateline = _DATELINE.match(blocks[0])
        if dateline and (dateline["city"] or "").upper() not in _NOT_PLACES:
            place = _place_name(dateline["city"] or dateline["tcity"] or "")
            named = next((s for s in (dateline[k] for k in ("src1", "src2", "src3", "src4", "src5", "src6", "src7",
                                                            "src8"))
                          if s), "")
            source = source or _outlet_name(named)
            blocks[0] = blocks[0][dateline.end():]
    paragraphs = []
    for block in blocks:
        credit = _CREDIT.match(block)
        if credit and len(block.split()) <= 20 and not _is_informant(credit):
            if credit["label"].lower() in ("source", "источник") and not source:
                source = _outlet_name(credit["value"])
            continue
        paragraphs.append(_clean(block))
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise Rejected("empty body: no text after the header")
    return Draft(date, title or first_sentence_title(paragraphs[0]), source, place, tuple(paragraphs), url)


def _is_informant(credit: re.Match) -> bool:
    """A "Source:" line that names the story's informant, not the outlet: a name and how it was heard ("Source:
    Name, EU Ambassador to Ukraine, in an interview with …", as European and Ukrainska Pravda open a story before
    its "Details:" and "Quote:" paragraphs). An outlet credit names who published, not how anyone spoke ("Source:
    Press service of the Ministry of Energy, Kazakhstan"); the informant line stays a paragraph, where the people
    it names are found."""
    return credit["label"].lower() in ("source", "источник") and bool(_HEARD_RE.search(credit["value"]))


def _blocks(body: str) -> list[str]:
    return [block for block in (b.strip() for b in _BLANK_LINE.split(body)) if block]


def _clean(text: str) -> str:
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.strip().split("\n"))


def _looks_like_title(line: str, following: str) -> bool:
    line = line.strip()
    if not line or _DATELINE.match(line) or len(line.split()) > TITLE_LINE_MAX_WORDS:
        return False
    return bool(_DATELINE.match(following)) or not _TITLE_END.search(line)


def first_sentence_title(paragraph: str) -> str:
    """The paragraph's first sentence, shortened at a word boundary to fit a title."""
    sentence = paragraph.split("\n", 1)[0]
    # Only an end within the title's length can change the result, and the abbreviation test needs only the
    # few characters before it: bounded windows keep a paragraph of a thousand "A. " linear, not quadratic.
    for end in _SENTENCE_END.finditer(sentence, 0, TITLE_MAX_CHARS + 8):
        if not _ABBREVIATION.search(sentence, max(0, end.start() - 12), end.end()):
            sentence = sentence[: end.start() + 1]
            break
    sentence = sentence.strip()
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_MAX_CHARS)
    return sentence[: cut if cut > 0 else TITLE_MAX_CHARS].rstrip(" ,;:–—-") + "…"


def _place_name(raw: str) -> str:
    return raw.strip().title() if raw.isupper() else raw.strip()


def _outlet_name(raw: str) -> str:
    name = raw.strip().strip(".")
    return name.capitalize() if name.isupper() and len(name) > 4 else name
