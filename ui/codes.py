"""Counting on the integer codes of label columns: the corpus's label columns (theme, speaker, side, article id …)
are categoricals, and a count that groups their codes instead of their texts does not turn every row into a string.
What the views and chart builders count with after each filter change."""

from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.schema import recode  # the loaders use it too: one definition, kept where both can import it

__all__ = ["codes", "distinct_per", "first_of_run", "recode", "table"]


def codes(column: pd.Series, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (from 0) of a label column (of its `rows`, a boolean mask or positions, when given) and the text of each
    code; a missing label reads as "" (the column's own "" when it has one, else a last code added for it)."""
    values = column.astype("category")
    texts = values.cat.categories.astype(str).to_numpy(dtype=object)
    empty = np.flatnonzero(texts == "")
    if not len(empty):
        texts = np.append(texts, "")
    found = values.cat.codes.to_numpy()
    found = (found if rows is None else found[rows]).astype(np.int64)
    return np.where(found < 0, empty[0] if len(empty) else len(texts) - 1, found), texts


def table(a: np.ndarray, b: np.ndarray, na: int, nb: int, keep: np.ndarray | None = None) -> np.ndarray:
    """na × nb matrix: how many rows hold each (a, b) pair of two code arrays; of the rows a boolean mask `keep`
    marks, when given (their codes may then be out of range: a row left out weighs 0, which costs a fraction of
    selecting the kept rows of arrays of a million)."""
    if keep is None:
        return np.bincount(a * nb + b, minlength=na * nb).reshape(na, nb)
    cells = np.clip(a, 0, max(na - 1, 0)).astype(np.int64) * nb + np.clip(b, 0, max(nb - 1, 0))
    counts = np.bincount(cells, weights=keep, minlength=na * nb)[:na * nb]
    return counts.round().astype(np.int64).reshape(na, nb)


def distinct_per(a: np.ndarray, b: np.ndarray, na: int, nb: int) -> np.ndarray:
    """For each code 0..na-1 of `a`, how many distinct codes of `b` (0..nb-1) its rows hold: one sort of the pairs,
    a tenth of what dropping duplicate rows of a frame costs."""
    key = np.sort(a.astype(np.int64) * nb + b)
    return np.bincount(key[first_of_run(key)] // nb, minlength=na)


def first_of_run(sorted_keys: np.ndarray) -> np.ndarray:
    """Whether each of the sorted keys differs from the one before it: the first row of each run of equal keys."""
    first = np.ones(len(sorted_keys), dtype=bool)
    first[1:] = sorted_keys[1:] != sorted_keys[:-1]
    return first
