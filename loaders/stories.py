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

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Words per shingle: long enough that two stories on one event rarely share one by chance.
SHINGLE = 5
# Signature length and its LSH bands (BANDS × ROWS = PERMUTATIONS): a pair at Jaccard J shares a band
# with probability 1 - (1 - J**ROWS)**BANDS: 0.87 at J = 0.25, 0.95 at J = 0.3, 0.9996 at J = 0.5.
PERMUTATIONS = 64
BANDS, ROWS = 32, 2
# Two articles are copies of one story when their signatures agree on at least this share of positions:
# republished copies of real articles (new headline and dateline, the last paragraphs cut, a paragraph of
# background added) agreed on 0.27-0.53 (5th percentile, median), other stories on the same event and from
# the same outlet on at most 0.06 (python -m benchmarks.story_pairs, docs/tables.md).
THRESHOLD = 0.25

# The signature of a text without words.
EMPTY = np.uint32(2**32 - 1)

_SEED = np.uint64(0x5DEECE66D2024)
_NON_WORD = r"[^\p{L}\p{N}_]+"  # what separates words: RE2's \w is ASCII-only, and would cut "Öskemen" and Cyrillic
_POWERS = np.array([0x9E3779B97F4A7C15 ** j % 2**64 for j in range(SHINGLE)], dtype=np.uint64)


def signatures(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), PERMUTATIONS) uint32 MinHash signatures of the texts' lower-cased word shingles.

    One-permutation MinHash: each shingle is hashed once, and its hash both picks one of PERMUTATIONS bins
    and gives the value whose minimum the bin keeps; an empty bin takes the value of the next filled bin
    (rotation densification). Agreeing positions of two signatures estimate the Jaccard similarity of the
    two shingle sets as K independent hash functions would, at one hash per shingle instead of K. A text of
    fewer than SHINGLE words is one shingle of all its words; a text without words has the all-ones
    signature (EMPTY), which `group` never joins to anything.
    """
    n = len(texts)
    if not n:
        return np.empty((0, PERMUTATIONS), dtype=np.uint32)
    # punctuation and whitespace runs become one space, split on it; not utf8_split_whitespace, which in pyarrow
    # 26 keeps empty words at a text's edges and, for the last text of an array, sometimes a trailing newline in
    # its last word, so one text's signature changed with the batch it was in (found by the property test)
    spaced = pc.utf8_trim(pc.replace_substring_regex(pc.utf8_lower(pa.array(texts, type=pa.large_string())),
                                                     _NON_WORD, " "), " ")
    lists = pc.split_pattern(spaced, " ")
    every = pc.list_flatten(lists)
    real = pc.not_equal(every, "")  # an empty text splits into one empty word
    words = pc.filter(every, real)
    counts = np.bincount(pc.filter(pc.list_parent_indices(lists), real).to_numpy(), minlength=n).astype(np.int64)
    flat = pc.dictionary_encode(words)
    hashed = pd.util.hash_array(flat.dictionary.to_numpy(zero_copy_only=False))[flat.indices.to_numpy()]
    ends = np.cumsum(counts)
    starts = ends - counts
    owner = np.repeat(np.arange(n), counts)
    width = max(len(hashed) - SHINGLE + 1, 0)  # shingle starts over the whole batch, cut at texts' ends below
    combined = np.zeros(width, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(SHINGLE):
            combined += hashed[j:j + width] * _POWERS[j]
        # a shingle starts where SHINGLE words of its own text follow; a short text is one shingle of its words
        valid = (np.arange(width) - starts[owner[:width]]) <= (counts[owner[:width]] - SHINGLE)
        values, owners = [combined[valid]], [owner[:width][valid]]
        short = np.flatnonzero((counts > 0) & (counts < SHINGLE))
        if len(short):
            whole = np.zeros(len(short), dtype=np.uint64)
            for j in range(SHINGLE - 1):
                has = counts[short] > j
                whole[has] += hashed[starts[short][has] + j] * _POWERS[j]
            values.append(whole)
            owners.append(short)
        mixed = _mix(np.concatenate(values) ^ _SEED)
    owner = np.concatenate(owners)
    low = np.full(n * PERMUTATIONS, 2**32 - 1, dtype=np.uint64)
    np.minimum.at(low, owner * PERMUTATIONS + (mixed & np.uint64(PERMUTATIONS - 1)).astype(np.int64),
                  mixed >> np.uint64(32))
    return _densify(low.reshape(n, PERMUTATIONS).astype(np.uint32))


def _densify(sigs: np.ndarray) -> np.ndarray:
    """`sigs` with each empty bin (EMPTY) given the value of the next filled bin to its right, circularly, offset
    by the distance, so that two texts agree on it only when they agree on that bin; a row with no filled bin
    stays EMPTY."""
    out = sigs.copy()
    empty = out == EMPTY
    filled_rows = ~empty.all(axis=1)
    step = 0
    while (todo := empty & filled_rows[:, None]).any():
        step += 1
        source = np.roll(sigs, -step, axis=1)
        take = todo & (source != EMPTY)
        out[take] = (source[take].astype(np.uint64) * np.uint64(0x9E3779B1) + np.uint64(step)).astype(np.uint32) \
            % np.uint32(EMPTY)
        empty &= ~take
    return out


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, element-wise: a random-looking permutation of 64-bit values."""
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
    each article is checked against the one before it in corpus order (a bucket of k articles costs k-1
    checks, however many texts share a boilerplate paragraph). In corpus order, an article joins the story
    of its earliest candidate that agrees with it on THRESHOLD of the signature, provided it also agrees that
    much with the story's first article: a copy of a copy joins the original's story, but a chain of texts
    each sharing a paragraph with the next never grows into one story.
    """
    n = len(article_ids)
    wide = sigs.astype(np.uint64)
    blank = (sigs == EMPTY).all(axis=1)
    need = int(np.ceil(THRESHOLD * PERMUTATIONS))
    left, right = [], []
    for band in range(BANDS):
        key = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for row in range(band * ROWS, (band + 1) * ROWS):
                key = key * np.uint64(0x100000001B3) + wide[:, row]
        order = np.argsort(key, kind="stable")  # equal keys stay in corpus order: the earlier is first
        same = key[order[1:]] == key[order[:-1]]
        a, b = order[:-1][same], order[1:][same]
        keep = ~blank[a] & (np.count_nonzero(sigs[a] == sigs[b], axis=1) >= need)
        left.append(a[keep])
        right.append(b[keep])
    left, right = np.concatenate(left), np.concatenate(right)
    order = np.lexsort((left, right))
    story = np.arange(n)
    for a, b in zip(left[order].tolist(), right[order].tolist()):
        if story[b] != b:
            continue  # joined already, through an earlier candidate
        lead = story[a]
        if lead == a or np.count_nonzero(sigs[b] == sigs[lead]) >= need:
            story[b] = lead
    return np.asarray(article_ids, dtype=object)[story]
