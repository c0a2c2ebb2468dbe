"""Copies of one story: articles that are the same story republished, lightly edited, share a `story_id`.

Each article is reduced to a MinHash signature of its word shingles (`signatures`, per batch, in the
build's workers); `group` then finds the pairs whose signatures agree on at least THRESHOLD of their
positions (an estimate of the Jaccard similarity of the two shingle sets) through LSH banding, and joins
them into stories. A story's id is the article_id of its first article in corpus order, so an article
with no copy is its own story.

Written with numpy over a batch rather than with datasketch's per-article objects: a signature costs a
few array operations per batch instead of a Python call per shingle, and banding 100,000 signatures is a
sort per band instead of a dictionary insert per band and article (docs/tables.md gives the measured
threshold and costs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

# Words per shingle: long enough that two stories on one event rarely share one by chance.
SHINGLE = 5
# Signature length and its LSH bands (BANDS × ROWS = PERMUTATIONS): a pair at Jaccard J shares a band
# with probability 1 - (1 - J**ROWS)**BANDS: 0.94 at J = 0.5, over 0.999 at J = 0.7.
PERMUTATIONS = 64
BANDS, ROWS = 21, 3
# Two articles are copies of one story when their signatures agree on at least this share of positions.
THRESHOLD = 0.5
# Articles hashed at once: bounds the shingles-by-permutations matrix of a batch.
CHUNK_SHINGLES = 200_000

# The signature of a text without words.
EMPTY = np.uint32(2**32 - 1)

_WORD = re.compile(r"\w+")
_MASK = np.uint64(2**64 - 1)
_SEEDS = np.random.default_rng(20241127).integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_POWERS = np.array([0x9E3779B97F4A7C15 ** j % 2**64 for j in range(SHINGLE)], dtype=np.uint64)


def signatures(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), PERMUTATIONS) uint32 MinHash signatures of the texts' lower-cased word shingles.

    A text of fewer than SHINGLE words is one shingle of all its words; a text without words has the
    all-ones signature (EMPTY), which `group` never joins to anything.
    """
    words = [_WORD.findall(text.lower()) for text in texts]
    counts = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    total = int(counts.sum())
    low = np.full((len(texts), PERMUTATIONS), _MASK, dtype=np.uint64)
    if total:
        hashed = pd.util.hash_array(np.fromiter((w for ws in words for w in ws), dtype=object, count=total))
        ends = np.cumsum(counts)
        pieces, owners = [], []
        for row in np.flatnonzero(counts).tolist():
            h = hashed[ends[row] - counts[row]:ends[row]]
            n = max(1, len(h) - SHINGLE + 1)
            combined = np.zeros(n, dtype=np.uint64)
            with np.errstate(over="ignore"):
                for j in range(min(SHINGLE, len(h))):
                    combined += h[j:j + n] * _POWERS[j]
            pieces.append(combined)
            owners.append(np.full(n, row, dtype=np.int64))
        shingles, owner = np.concatenate(pieces), np.concatenate(owners)
        for start in range(0, len(shingles), CHUNK_SHINGLES):  # owners ascend: each text is one run per chunk
            who = owner[start:start + CHUNK_SHINGLES]
            firsts = np.flatnonzero(np.r_[True, who[1:] != who[:-1]])
            mins = np.minimum.reduceat(_mix(shingles[start:start + CHUNK_SHINGLES, None] ^ _SEEDS), firsts, axis=0)
            low[who[firsts]] = np.minimum(low[who[firsts]], mins)
    return (low >> np.uint64(32)).astype(np.uint32)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, element-wise: a different random-looking permutation of 64-bit values per seed."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The share of positions on which two signatures agree: an estimate of their texts' shingle Jaccard."""
    return float(np.mean(a == b))


def group(article_ids: Sequence[str], sigs: np.ndarray) -> np.ndarray:
    """The story_id of each article (object array, corpus order): the id of the first article of its story.

    Candidate pairs are articles whose signatures are equal on one of BANDS bands; within a band's bucket,
    each article is checked against the next one in corpus order, and joined when they agree on THRESHOLD
    of their signature. Checking neighbours rather than every pair keeps a bucket of k articles at k-1 checks
    (many texts sharing one boilerplate paragraph make large buckets); a story is still found whole when
    its copies chain through any band.
    """
    n = len(article_ids)
    wide = sigs.astype(np.uint64)
    blank = (sigs == EMPTY).all(axis=1)
    left, right = [], []
    for band in range(BANDS):
        key = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for row in range(band * ROWS, (band + 1) * ROWS):
                key = key * np.uint64(0x100000001B3) + wide[:, row]
        order = np.argsort(key, kind="stable")
        same = key[order[1:]] == key[order[:-1]]
        a, b = order[:-1][same], order[1:][same]
        keep = ~blank[a]
        a, b = a[keep], b[keep]
        agree = (sigs[a] == sigs[b]).mean(axis=1) >= THRESHOLD
        left.append(a[agree])
        right.append(b[agree])
    label = _components(n, np.concatenate(left), np.concatenate(right))
    return np.asarray(article_ids, dtype=object)[label]


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The smallest index of each node's connected component, for the undirected edges (left[i], right[i])."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[left], label[right])
        new = label.copy()
        np.minimum.at(new, left, low)
        np.minimum.at(new, right, low)
        new = new[new]  # a label is a smaller member of the same component: follow it
        if np.array_equal(new, label):
            return label
        label = new
