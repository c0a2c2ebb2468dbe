"""Running an expensive pattern only near the cheap tokens every one of its matches contains."""

from __future__ import annotations

import re
from collections.abc import Iterator


def windowed_finditer(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str,
                      before: int, after: int) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in `text`, searched only in the merged windows of `before`/`after`
    characters around each `trigger` match; offsets stay those of `text`."""
    window_start = window_end = -1
    size = len(text)
    for hit in trigger.finditer(text):
        lo, hi = max(0, hit.start() - before), min(size, hit.end() + after)
        if lo <= window_end:
            window_end = hi
            continue
        if window_end > 0:
            yield from pattern.finditer(text, window_start, window_end)
        window_start, window_end = lo, hi
    if window_end > 0:
        yield from pattern.finditer(text, window_start, window_end)
