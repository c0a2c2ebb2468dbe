"""The words of each quote that the Framing page compares between the two sides.

`quote_themes_and_terms` reads each quote once with the lexicon: the value chains it mentions (quotes.themes)
and its terms (quotes.terms), the canonical lexicon terms it mentions plus its other words, lower-cased,
without the stopwords of framing.toml, each once, sorted and SEPARATOR-joined. A lexicon match stands in for
the words it covers, so "batteries" and "battery" are one term and "critical raw materials" is not also
"raw", "materials". Terms are stored with the quote (not derived on the page) because splitting every quote's
words costs seconds at 100,000 articles and a filter change must not.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

from loaders.themes import Lexicon

FILE = Path(__file__).with_name("framing.toml")
SEPARATOR = "|"
_CONTRACTED = ("n't", "'re", "'ll", "'d", "'ve", "'m")  # never in a word, nor in a lexicon form (lexicon.toml splits forms on it)
# A word: letters, with inner hyphens or apostrophes ("raw-material", "Kazakhstan's"); a run holding a digit of
# any script ("¹", "²") is left out with the numbers.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@functools.cache
def stopwords() -> frozenset[str]:
    """The words framing.toml lists, lower-cased (apostrophes straightened)."""
    with FILE.open("rb") as fh:
        return frozenset(str(w).lower().replace("’", "'") for w in tomllib.load(fh)["stopwords"])


def terms_of(text: str, lexicon: Lexicon) -> tuple[list[str], str]:
    """The value chains `text` mentions (lexicon order) and its terms (sorted, SEPARATOR-joined)."""
    hits = lexicon.find(text)
    found = {term.lower() for _, _, _, term in hits}
    rest, last = [], 0
    for start, end, _, _ in hits:
        rest.append(text[last:start])
        last = end
    rest.append(text[last:])
    stop = stopwords()
    for word in _WORD.findall(" ".join(rest).lower().replace("’", "'")):
        if word.endswith(_CONTRACTED):
            continue  # "won't", "we're", "I'd": function words whatever their stem
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in stop and not any(c.isnumeric() for c in word):
            found.add(word)
    return [theme for _, _, theme, _ in hits], SEPARATOR.join(sorted(found))


def quote_themes_and_terms(texts: Sequence[object], lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """Per text: the value chains it mentions (", "-joined in lexicon order, as quotes.themes) and its terms
    (as quotes.terms); a missing text has neither."""
    chains = lexicon.value_chains
    themes_out, terms_out = [], []
    for text in texts:
        themes, terms = terms_of(text, lexicon) if isinstance(text, str) and text else ([], "")
        mentioned = set(themes)
        themes_out.append(", ".join(c for c in chains if c in mentioned))
        terms_out.append(terms)
    return themes_out, terms_out
