"""`python -m benchmarks.story_pairs DIR`: how well `loaders.stories` tells copies of one story from other stories.

DIR is a folder of real articles, its *.txt files (the development set's read part, rebuilt outside the
repo: see docs/accuracy.md). Two kinds of pairs are built from it, with a fixed seed:

- copies: each article of at least four paragraphs against a re-edited copy of itself, edited the way a
  story is when another outlet republishes it: a new headline, a dateline and credit put before the first
  paragraph, the last one or two paragraphs cut, a paragraph of background from another article inserted,
  and (for the heavy edits) a few speech verbs and tenses reworded in every paragraph;
- same event: two different articles published within a week of each other that name at least three of
  the same proper names (people, places, organisations): another story on the same event.

- same outlet: every other pair of articles from one outlet, which share its house style and boilerplate.

It prints, per threshold, the share of copies whose estimated similarity falls below it (missed) and
the share of same-event and same-outlet pairs at or above it (wrongly joined), then what `stories.group`
(the LSH banding included) does at stories.THRESHOLD with each pair alone.
"""

from __future__ import annotations

import argparse
import random
import re
from itertools import combinations
from pathlib import Path

import numpy as np

from loaders import build, load_corpus, stories

SEED = 20241127
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
WITHIN_DAYS = 7
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}(?:\s[A-Z][a-z]+)*")
_REWORDS = ((" said ", " stated "), (" says ", " notes "), (" will ", " would "), (" told ", " said to "),
            (" noted ", " said "), (" percent", "%"))


def copy_of(paragraphs: list[str], other: list[str], heavy: bool, rng: random.Random) -> list[str]:
    """A republished copy of an article's paragraphs (see the module docstring); `other` gives the background."""
    out = list(paragraphs[:-rng.choice((1, 2))])
    out[0] = f"BRUSSELS, {rng.randint(1, 28)} March (Wire) – {out[0]}"
    out.insert(rng.randrange(1, len(out) + 1), rng.choice(other))
    if heavy:
        for old, new in _REWORDS:
            out = [p.replace(old, new) for p in out]
    return out


def names(text: str) -> set[str]:
    """The capitalised names in `text` that do not open a sentence."""
    return {m.group(0) for m in _PROPER.finditer(text)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", help="folder of real articles (the development set's read part)")
    args = parser.parse_args(argv)
    corpus = load_corpus(sorted(map(str, Path(args.dir).glob("*.txt"))), cache_dir=False)
    articles = corpus.articles
    rng = random.Random(SEED)
    texts = build.article_texts(articles, corpus.paragraphs)
    paragraphs = [t.split("\n\n") for t in texts]
    copies = []
    for n, paras in enumerate(paragraphs):
        if len(paras) >= 4:
            other = paragraphs[(n + 1) % len(paragraphs)]
            for heavy in (False, True):
                copies.append((texts[n], "\n\n".join(copy_of(paras, other, heavy, rng))))
    dates = articles["date"].to_numpy()
    found = [names(t) for t in texts]
    same_event = [(texts[i], texts[j]) for i, j in combinations(range(len(texts)), 2)
                  if abs(dates[i] - dates[j]) <= np.timedelta64(WITHIN_DAYS, "D") and len(found[i] & found[j]) >= 3]

    def estimates(pairs):
        sigs = stories.signatures([t for pair in pairs for t in pair])
        return np.array([stories.similarity(sigs[2 * k], sigs[2 * k + 1]) for k in range(len(pairs))])

    sources = articles["source"].astype("string").fillna("").tolist()
    same_outlet = [(texts[i], texts[j]) for i, j in combinations(range(len(texts)), 2)
                   if sources[i] and sources[i] == sources[j] and (texts[i], texts[j]) not in same_event]
    copy_sim, event_sim, outlet_sim = estimates(copies), estimates(same_event), estimates(same_outlet)
    print(f"{len(copies)} copies (light and heavy edits of {len(copies) // 2} articles), "
          f"{len(same_event)} same-event pairs, {len(same_outlet)} other pairs from one outlet, "
          f"from {len(texts)} articles")
    print(f"{'threshold':>9} {'copies missed':>14} {'same-event joined':>18} {'same-outlet joined':>19}")
    for t in THRESHOLDS:
        print(f"{t:>9.2f} {np.mean(copy_sim < t):>14.3f} {np.mean(event_sim >= t):>18.3f} "
              f"{np.mean(outlet_sim >= t):>19.4f}")
    print(f"similarity of copies: median {np.median(copy_sim):.3f}, 5th percentile {np.percentile(copy_sim, 5):.3f}; "
          f"of same-event pairs: max {event_sim.max():.3f}; of same-outlet pairs: max {outlet_sim.max():.3f}")
    for label, pairs in (("copies", copies), ("same-event pairs", same_event), ("same-outlet pairs", same_outlet)):
        joined = np.mean([len(set(stories.group(["a", "b"], stories.signatures(list(pair))))) == 1 for pair in pairs])
        print(f"stories.group at threshold {stories.THRESHOLD} (LSH banding included, each pair alone): "
              f"{joined:.3f} of the {label} in one story")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
