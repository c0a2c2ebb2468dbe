"""Theme mentions: an editable TOML lexicon and an Aho–Corasick matcher over it.

`load_lexicon` reads loaders/lexicon.toml (or another file) into a `Lexicon` that
carries its automata; `mentions_table` runs it over every paragraph once and
returns the schema "mentions" table. Matching is whole-word, case-insensitive
(except terms flagged case_sensitive) and leftmost-longest without overlaps.
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick
import pandas as pd

from loaders import schema

DEFAULT_PATH = Path(__file__).with_name("lexicon.toml")
KINDS = ("value chain", "cross-cutting")


def _lower(text: str) -> str:
    """`text` lower-cased with its length kept, so offsets into it are offsets into `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True)
class Lexicon:
    """Themes and their terms, with the automata that find them.

    `entries` holds (theme, canonical term, forms, case_sensitive) in file order.
    """

    themes: tuple[str, ...]
    kinds: tuple[str, ...]
    entries: tuple[tuple[str, str, tuple[str, ...], bool], ...]
    digest: str
    _folded: ahocorasick.Automaton = field(repr=False, compare=False)
    _exact: ahocorasick.Automaton = field(repr=False, compare=False)

    @property
    def value_chains(self) -> tuple[str, ...]:
        """Names of the value-chain themes, in lexicon order."""
        return tuple(t for t, k in zip(self.themes, self.kinds) if k == "value chain")

    @property
    def theme_kinds(self) -> tuple[tuple[str, str], ...]:
        """(theme, kind) of every theme, in lexicon order: what a corpus built with this lexicon keeps of it."""
        return tuple(zip(self.themes, self.kinds))

    def kind(self, theme: str) -> str:
        """"value chain" or "cross-cutting" for `theme`; KeyError for an unknown theme."""
        try:
            return self.kinds[self.themes.index(theme)]
        except ValueError:
            raise KeyError(theme) from None

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, theme, canonical term) of each mention in `text`, leftmost-longest, in order."""
        if not text:
            return []
        hits: list[tuple[int, int, str, str]] = []
        n = len(text)
        for automaton, haystack in ((self._folded, _lower(text)), (self._exact, text)):
            if automaton.kind != ahocorasick.AHOCORASICK:
                continue
            for last, (length, theme, term) in automaton.iter(haystack):
                start = last - length + 1
                end = last + 1
                if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
                    continue
                if end < n and _is_word(text[end]) and _is_word(text[end - 1]):
                    continue
                hits.append((start, end, theme, term))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
            kept = []
            reach = -1
            for hit in hits:
                if hit[0] >= reach:
                    kept.append(hit)
                    reach = hit[1]
            return kept
        return hits


def _parse_term(raw) -> tuple[str, tuple[str, ...], bool]:
    if isinstance(raw, str):
        forms = [f.strip() for f in raw.split("|")]
        case_sensitive = False
    elif isinstance(raw, dict):
        forms = [str(raw["term"]).strip(), *(str(v).strip() for v in raw.get("variants", []))]
        case_sensitive = bool(raw.get("case_sensitive", False))
    else:
        raise ValueError(f"lexicon term must be a string or a table, got {raw!r}")
    forms = [f for f in forms if f]
    if not forms:
        raise ValueError(f"empty lexicon term {raw!r}")
    return forms[0], tuple(dict.fromkeys(forms)), case_sensitive


def _build(content: bytes) -> Lexicon:
    data = tomllib.loads(content.decode("utf-8"))
    blocks = data.get("themes", [])
    order = sorted(range(len(blocks)), key=lambda i: KINDS.index(blocks[i].get("kind", "")) if blocks[i].get("kind") in KINDS else 2)
    themes, kinds, entries = [], [], []
    folded, exact = ahocorasick.Automaton(), ahocorasick.Automaton()
    owner: dict[tuple[bool, str], str] = {}
    for i in order:
        block = blocks[i]
        name, kind = str(block["name"]), block.get("kind")
        if kind not in KINDS:
            raise ValueError(f"theme {name!r}: kind must be one of {KINDS}, got {kind!r}")
        if name in themes:
            raise ValueError(f"theme {name!r} defined twice")
        themes.append(name)
        kinds.append(kind)
        for raw in block.get("terms", []):
            term, forms, case_sensitive = _parse_term(raw)
            entries.append((name, term, forms, case_sensitive))
            for form in forms:
                key = form if case_sensitive else _lower(form)
                seen = owner.get((case_sensitive, key))
                if seen is not None and seen != f"{name}/{term}":
                    raise ValueError(f"lexicon form {form!r} belongs to both {seen} and {name}/{term}")
                owner[(case_sensitive, key)] = f"{name}/{term}"
                (exact if case_sensitive else folded).add_word(key, (len(key), name, term))
    for automaton in (folded, exact):
        if len(automaton):
            automaton.make_automaton()
    return Lexicon(
        themes=tuple(themes),
        kinds=tuple(kinds),
        entries=tuple(entries),
        digest=hashlib.sha256(content).hexdigest()[:16],
        _folded=folded,
        _exact=exact,
    )


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int) -> Lexicon:
    return _build(Path(path).read_bytes())


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The lexicon in `path` (default: lexicon.toml next to this module), cached per path and file version.

    Raises ValueError on a malformed lexicon (unknown kind, a form claimed by two terms).
    """
    p = Path(path) if path is not None else DEFAULT_PATH
    p = p.resolve()
    return _load(str(p), p.stat().st_mtime_ns)


def mentions_table(paragraphs: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Schema "mentions": one row per lexicon match in each paragraph of `paragraphs`."""
    rows = []
    find = lexicon.find
    for aid, pno, text in zip(
        paragraphs["article_id"].tolist(), paragraphs["para_no"].tolist(), paragraphs["text"].tolist()
    ):
        if not isinstance(text, str):
            continue
        for start, end, theme, term in find(text):
            rows.append((aid, pno, theme, term, start, end))
    if not rows:
        return schema.empty("mentions")
    return schema.conform("mentions", pd.DataFrame(rows, columns=schema.columns("mentions")))
