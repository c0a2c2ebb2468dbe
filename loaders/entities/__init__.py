"""The entities table: organisations, projects and places named in the articles' paragraphs.

Two sources, one pass per paragraph: the registry and gazetteer (`registry`: listed names, with side, value
chains and a point on the map where known) and the rules (`rules`: capitalised names around a head noun,
acronyms an article defines in brackets). Overlaps keep the leftmost, then the longest, then the listed
name, so "Ministry of Energy of Kazakhstan" is one organisation and not also a place. The annotation
conventions the rules follow are in tests/devset/CONVENTIONS.md ("Entities").
"""

from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter

import pandas as pd

from loaders import schema
from loaders.entities.registry import Entity, Registry, leftmost_longest, load_registry
from loaders.entities.rules import acronym_after, find_names, find_places, find_projects, vocabulary

__all__ = ["entities_table", "load_registry"]

_LISTED, _RULE, _ACRONYM = 0, 1, 2  # which source found a hit: a listed name wins a tie


def entities_table(paragraphs: pd.DataFrame, registry: Registry | None = None) -> pd.DataFrame:
    """Schema "entities": one row per name found in each paragraph of `paragraphs` (article by article, in
    paragraph order, so an acronym defined early names its entity later in the same article)."""
    registry = registry or load_registry()
    ordered = paragraphs.sort_values(["article_id", "para_no"], kind="stable")
    rows = []
    for article_id, group in groupby(zip(ordered["article_id"].tolist(), ordered["para_no"].tolist(),
                                         ordered["text"].tolist()), key=itemgetter(0)):
        acronyms: dict[str, Entity] = {}
        for _, para_no, text in group:
            if isinstance(text, str):
                rows += [(article_id, para_no, *hit) for hit in _paragraph(text, registry, acronyms)]
    if not rows:
        return schema.empty("entities")
    frame = pd.DataFrame(rows, columns=["article_id", "para_no", "start", "end", "surface", "name", "kind", "side",
                                        "chains", "lat", "lon"])
    return schema.conform("entities", frame)


def _paragraph(text: str, registry: Registry, acronyms: dict[str, Entity]) -> list[tuple]:
    """(start, end, surface, name, kind, side, chains, lat, lon) of each entity in one paragraph; `acronyms`
    (the article's so far) gains those defined here."""
    hits = [(s, e, _LISTED, registry.entities[i]) for s, e, i in registry.find(text)]
    listed = {s for s, _, _, _ in hits}
    hits += [(f.start, f.end, _RULE, Entity(f.name, f.kind)) for f in find_names(text)]
    hits += [(f.start, f.end, _RULE, Entity(f.name, f.kind)) for f in find_projects(text)
             if f.start not in listed]  # "the Hyrasia One project": the listed name, not the phrase
    hits += [(s, e, _RULE, registry.lookup(name) or Entity(name, "place")) for s, e, name in find_places(text)]
    if acronyms:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
                             + r")(?![\w-])")
        hits += [(m.start(), m.end(), _ACRONYM, acronyms[m.group()]) for m in pattern.finditer(text)]
    kept = [hit for hit in leftmost_longest(sorted(hits, key=itemgetter(2))) if not _in_title(text, hit)]
    out = []
    for start, end, source, entity in kept:
        out.append(_row(text, start, end, entity))
        short = acronym_after(text, end) if source != _ACRONYM and entity.kind != "place" else None
        if short and text[short[0]:short[1]] not in acronyms:  # "… Bank (EDB)": EDB names it from here on
            acronyms[text[short[0]:short[1]]] = entity
            if not any(hit[0] == short[0] for hit in kept):  # a listed acronym is a row already
                out.append(_row(text, *short, entity))
    return out


def _in_title(text: str, hit: tuple) -> bool:
    """Whether a body's name is part of a person's title: followed by a title word ("EU Ambassador …",
    "EBRD President …"); a place never is (it is annotated inside titles too)."""
    if hit[3].kind == "place":
        return False
    following = _NEXT_WORD.match(text, hit[1])
    return bool(following) and following.group(1) in vocabulary()["titles"]


_NEXT_WORD = re.compile(r" ([\w-]+)")


def _row(text: str, start: int, end: int, entity: Entity) -> tuple:
    return (start, end, text[start:end], entity.name, entity.kind, entity.side, ", ".join(entity.chains),
            entity.lat, entity.lon)
