"""Money and percent amounts written in paragraphs.

`amounts_table` runs one compiled regex per paragraph. Money needs a currency
(symbol, ISO code or name, before or after the number), so years, dates, "COP27"
or "Article 5" never count; percent needs "%", "percent" or "per cent". A range
("€2-3 billion", "30-40%") is one row valued at its lower bound.
"""

from __future__ import annotations

import re

import pandas as pd

from loaders import schema
from loaders.sentences import evidence_rows
from loaders.windows import windowed_finditer

# Currency written before the number, longest first.
_PREFIX = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "₸": "KZT", "KZT": "KZT", "₽": "RUB", "RUB": "RUB", "CNY": "CNY", "RMB": "CNY", "CHF": "CHF", "JPY": "JPY",
}
# Currency written after the number (case-insensitive names, exact codes and symbols).
_SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "€": "EUR",
    "tenge": "KZT", "kzt": "KZT", "₸": "KZT",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "rub": "RUB", "₽": "RUB",
    "yuan": "CNY", "cny": "CNY", "rmb": "CNY",
    "pounds sterling": "GBP", "gbp": "GBP", "£": "GBP",
    "swiss francs": "CHF", "chf": "CHF", "yen": "JPY", "jpy": "JPY",
}
_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "trln": 1e12, "tn": 1e12,
}

_NUM = (
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"  # 1 000 000
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"  # 1,000,000.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]\d)"  # 1.000.000,5 (European)
    r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d)"  # 1.000,5 (European)
    r"|\d+,\d{1,2}(?![\d,]\d|\d)"  # 3,3 (European decimal)
    r"|\d+(?:\.\d+)?(?![\d,.]\d))"
)
_SCALE_RE = r"(?:\s?(?i:thousand|million|mln|mn|billion|bln|bn|trillion|trln|tn)\b|[kKmMbB](?![\w]))"
_PRE_RE = r"(?:US\$|U\.S\.\$|\$|€|£|₸|₽|(?<![\w])(?:USD|EUR|GBP|KZT|RUB|CNY|RMB|CHF|JPY)(?=[\s\d]))"
_SUF_RE = (r"(?:(?i:u\.?s\.?\s+dollars|dollars?|euros?|tenge|rubles?|roubles?|yuan|pounds\s+sterling|swiss\s+francs|yen)\b"
           r"|(?:USD|EUR|KZT|RUB|CNY|RMB|GBP|CHF|JPY)\b|€|₸|₽|£)")
_RANGE_SEP = r"(?:\s?[-–—]\s?|\s+to\s+)"

_PATTERN = re.compile(
    r"(?<![\w.,])(?:"
    rf"(?P<btw>[Bb]etween\s+(?P<bpre>{_PRE_RE})?\s?(?P<bn1>{_NUM})(?P<bs1>{_SCALE_RE})?\s+and\s+"
    rf"(?:{_PRE_RE})?\s?(?P<bn2>{_NUM})(?P<bs2>{_SCALE_RE})?(?:\s?(?P<bsuf>{_SUF_RE}))?)"
    rf"|(?P<pre>{_PRE_RE})\s?(?P<n1>{_NUM})(?P<s1>{_SCALE_RE})?"
    rf"(?:{_RANGE_SEP}(?:{_PRE_RE})?\s?(?P<n2>{_NUM})(?P<s2>{_SCALE_RE})?)?"
    rf"(?:\s(?P<dup>{_SUF_RE}))?"
    rf"|(?P<pn1>{_NUM})(?:{_RANGE_SEP}(?P<pn2>{_NUM}))?\s?(?P<pct>%|(?i:percent|per\s?cent)\b)"
    rf"|(?P<sn1>{_NUM})(?P<ss1>{_SCALE_RE})?(?:{_RANGE_SEP}(?P<sn2>{_NUM})(?P<ss2>{_SCALE_RE})?)?"
    rf"\s?(?P<suf>{_SUF_RE})(?!\s?[\d$€£₸₽])"
    r")"
)
# Every amount contains a digit; the engine jumps between digit runs in C and only the windows
# around them are searched with the full pattern.
_TRIGGER = re.compile("|".join(rf"{d}[0-9]*" for d in "0123456789"))
_BEFORE, _AFTER = 24, 40
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|by|until|from|of|for|during|before|after)\s+$", re.IGNORECASE)
_SEPARATORS = str.maketrans("", "", " \u00a0\u202f")


def _number(raw: str) -> float:
    """Value of a written number: "1,000,000" -> 1e6, "3,3" -> 3.3, "1.000.000,5" -> 1000000.5."""
    s = raw.translate(_SEPARATORS)
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    elif s.count(".") > 1:
        s = s.replace(".", "")
    return float(s)


def _scale(word: str | None) -> float:
    return _SCALE[word.strip().lower()] if word else 1.0


def find_amounts(text: str) -> list[tuple[str, float, str, int, int]]:
    """(kind, value, currency, start, end) of each money or percent amount in `text`."""
    out = []
    if not text:
        return out
    for m in windowed_finditer(_PATTERN, _TRIGGER, text, _BEFORE, _AFTER):
        g = m.group
        try:
            if g("pct"):
                out.append(("percent", _number(g("pn1")), "", m.start(), m.end()))
            elif g("btw"):
                cur = _PREFIX.get(g("bpre") or "") or _SUFFIX.get((g("bsuf") or "").lower())
                if cur:
                    out.append(("money", _number(g("bn1")) * _scale(g("bs1") or g("bs2")), cur, m.start(), m.end()))
            elif g("pre"):
                scale = g("s1") or (g("s2") if g("n2") else None)
                out.append(("money", _number(g("n1")) * _scale(scale), _PREFIX[g("pre")], m.start(), m.end()))
            elif g("suf"):
                if not (g("ss1") or g("sn2")) and _YEAR.fullmatch(g("sn1")) and _YEAR_CONTEXT.search(
                        text, max(0, m.start() - 12), m.start()):
                    continue
                scale = g("ss1") or (g("ss2") if g("sn2") else None)
                cur = _SUFFIX[re.sub(r"\s+", " ", g("suf").lower())]
                out.append(("money", _number(g("sn1")) * _scale(scale), cur, m.start(), m.end()))
        except (ValueError, KeyError, OverflowError):
            continue
    return out


_DIGIT = re.compile(r"\d")


def amounts_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Schema "amounts": one row per money or percent amount in each paragraph of `paragraphs`."""
    rows = []
    for aid, pno, text in zip(
        paragraphs["article_id"].tolist(), paragraphs["para_no"].tolist(), paragraphs["text"].tolist()
    ):
        if not isinstance(text, str) or not _DIGIT.search(text):
            continue
        rows.extend(evidence_rows(aid, pno, text, find_amounts(text)))
    if not rows:
        return schema.empty("amounts")
    return schema.conform("amounts", pd.DataFrame(rows, columns=schema.columns("amounts")))

