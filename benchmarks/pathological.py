"""The pathological-input section of `python -m benchmarks`: one hostile file, loaded alone, per size.

Each input kind is built at 10 KB, 100 KB and 1 MB (decimal: 10,000, 100,000 and 1,000,000
bytes of body), and each is loaded by `load_corpus([(name, data)], cache_dir=False)` in a
fresh child process, so that the peak RSS is that input's own:

- seconds: wall seconds of the `load_corpus` call alone, timed inside the child (interpreter
  start, imports and building the input excluded); the median of 3 runs below 1 MB, 1 run at 1 MB.
- peak_mb: the child's `ru_maxrss` (RUSAGE_SELF) after the load, MiB, the same median; it
  includes the interpreter and the loader's imports (`base_mb`, the ru_maxrss just before the
  load, is in the JSON). One input never starts build workers, so RUSAGE_SELF is the whole load.
- time_growth, memory_growth: the figure at each size over the figure at the size 10× smaller,
  nothing subtracted; over GROWTH_LIMIT (12×) is marked '!' (linear would be 10× at most).

Text kinds are `b"date 2025-01-01\\n\\n" + body`, the body a phrase repeated and cut on a UTF-8
character boundary (padded with spaces to the exact size), in `a.txt`. The record kinds are
whole files of exactly the size, body only: a header line in front of them would make them
something else (`a.csv` would lack its `date,text` header). A run that takes longer than
TIMEOUT_S or holds more than MAX_RSS_MB is killed and reported, and the larger sizes of that
kind are skipped. The JSON also has each load's article and rejected-row counts and its first
rejected reason; an input that gave no article is noted under the table (for `{}` lines that
is the point; for a text kind it means the figure measures a rejection, not the extractors).

`python -m benchmarks.pathological KIND BYTES` is the child: it prints one JSON object.
"""

from __future__ import annotations

import csv
import io
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable

from benchmarks.measure import MIB, ROOT, tree_rss_bytes

SIZES = (10_000, 100_000, 1_000_000)
RUNS = {10_000: 3, 100_000: 3, 1_000_000: 1}
PREFIX = b"date 2025-01-01\n\n"
GROWTH_LIMIT = 12.0
TIMEOUT_S = 900.0
MAX_RSS_MB = 8192.0
POLL_S = 0.05
KEYS = ("kind", "input", "file", "sizes", "runs", "seconds", "peak_mb", "base_mb", "articles", "rejected",
        "reason", "time_growth", "memory_growth", "errors")


def _repeated(phrase: str) -> Callable[[int], bytes]:
    unit = phrase.encode("utf-8")
    return lambda size: _cut(unit * (size // len(unit) + 1), size)


def _cut(data: bytes, size: int) -> bytes:
    """`data` cut to `size` bytes on a character boundary, padded with spaces back to `size`."""
    body = data[:size].decode("utf-8", errors="ignore").encode("utf-8")
    return body + b" " * (size - len(body))


WORDS = ("Kazakhstan", "the", "European", "Union", "will", "invest", "€3 million", "in", "hydrogen", "30%",
         "of", "raw", "materials", "by", "2030", "and", "we", "expect", "batteries", "Astana", "Brussels",
         "cooperation", "said", "Mr.", "Dr.", "A.", "“quoted”", "$5 billion", "in 2025", "growth")


def _mixed(size: int) -> bytes:
    """Sentences `The minister said: “…” ` of 3 to 14 words drawn with a fixed seed."""
    rng = random.Random(15)
    parts, length = [], 0
    while length <= size:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
        part = f"The minister said: “{words[0].upper()}{words[1:]}.” ".encode("utf-8")
        parts.append(part)
        length += len(part)
    return _cut(b"".join(parts), size)


def _lines(header: bytes, line: Callable[[int], bytes]) -> Callable[[int], bytes]:
    """A record file of whole lines of exactly `size` bytes: the last line padded with spaces before its newline."""

    def build(size: int) -> bytes:
        parts, length, n = [header] if header else [], len(header), 0
        while length + len(nxt := line(n)) <= size:
            parts.append(nxt)
            length += len(nxt)
            n += 1
        last = parts.pop()
        parts.append(last[:-1] + b" " * (size - length) + b"\n")
        return b"".join(parts)

    return build


TEXTS = ("Astana hosted the forum.", "Trade grew by 12%.", "€2 million for hydrogen.", "“We agree,” he said.")


def _csv_row(n: int) -> bytes:
    line = io.StringIO()
    csv.writer(line, lineterminator="\n").writerow([f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}", f"{TEXTS[n % len(TEXTS)]} Row {n}."])
    return line.getvalue().encode("utf-8")


@dataclass(frozen=True)
class Kind:
    key: str
    what: str
    file: str
    body: Callable[[int], bytes]
    prefixed: bool = True


KINDS = (
    Kind("initials", '"A. " ×n', "a.txt", _repeated("A. ")),
    Kind("titles", '"Mr. " ×n', "a.txt", _repeated("Mr. ")),
    Kind("quotes", '"“a b c d” " ×n', "a.txt", _repeated("“a b c d” ")),
    Kind("percent-table", '"5% " ×n', "a.txt", _repeated("5% ")),
    Kind("money", '"$5 million " ×n', "a.txt", _repeated("$5 million ")),
    Kind("years", '"in 2025 " ×n', "a.txt", _repeated("in 2025 ")),
    Kind("he-said", '"he said. " ×n', "a.txt", _repeated("he said. ")),
    Kind("mixed-sentences", "The minister said: “…”", "a.txt", _mixed),
    Kind("jsonl-empty", "{} lines", "a.jsonl", _lines(b"", lambda n: b"{}\n"), prefixed=False),
    Kind("csv-rows", "date,text rows", "a.csv", _lines(b"date,text\n", _csv_row), prefixed=False),
)
BY_KEY = {kind.key: kind for kind in KINDS}


def article(key: str, size: int) -> tuple[str, bytes]:
    """(file name, bytes) of kind `key` with a body of `size` bytes."""
    kind = BY_KEY[key]
    body = kind.body(size)
    return kind.file, (PREFIX + body if kind.prefixed else body)


def child(key: str, size: str) -> dict:
    """In the child: build the input, then time the load alone and read the peak RSS."""
    from loaders import load_corpus

    name, data = article(key, int(size))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    corpus = load_corpus([(name, data)], cache_dir=False)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "base_mb": base,
        "articles": len(corpus.articles),
        "rejected": len(corpus.rejected),
        "reason": str(corpus.rejected["reason"].iloc[0]) if len(corpus.rejected) else None,
    }


def run_once(key: str, size: int, timeout: float = TIMEOUT_S, max_rss_mb: float = MAX_RSS_MB) -> dict:
    """One fresh child loading kind `key` at `size`; {"error": ...} when it fails, runs over `timeout`
    seconds or holds more than `max_rss_mb`."""
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.pathological", key, str(size)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            out, err = proc.communicate(timeout=POLL_S)
            break
        except subprocess.TimeoutExpired:
            problem = (f"over {timeout:.0f} s" if time.monotonic() > deadline
                       else f"over {max_rss_mb:.0f} MiB" if tree_rss_bytes(proc.pid) / MIB > max_rss_mb else None)
            if problem:
                proc.kill()
                proc.communicate()
                return {"error": problem}
    if proc.returncode != 0:
        tail = (err.strip().splitlines() or [f"exit {proc.returncode}"])[-1]
        return {"error": f"failed: {tail}"}
    return json.loads(out.strip().splitlines()[-1])


def measure(key: str, sizes=SIZES, runs: dict[int, int] | None = None, timeout: float = TIMEOUT_S,
            max_rss_mb: float = MAX_RSS_MB, log=lambda message: None) -> dict:
    """Every figure of kind `key`, one row with exactly KEYS; lists run along `sizes`.

    A size whose run fails has None for its figures and an entry in "errors"; larger sizes are skipped.
    """
    kind = BY_KEY[key]
    runs = runs or RUNS
    row = {name: [] for name in ("runs", "seconds", "peak_mb", "base_mb", "articles", "rejected", "reason")}
    errors: dict[str, str] = {}
    for size in sizes:
        if errors:
            errors[str(size)] = "skipped after a failure at a smaller size"
            results = []
        else:
            results = []
            for i in range(runs.get(size, 1)):
                log(f"[pathological] {key} {size:,} bytes, run {i + 1}/{runs.get(size, 1)}")
                result = run_once(key, size, timeout, max_rss_mb)
                if "error" in result:
                    errors[str(size)] = result["error"]
                    results = []
                    break
                results.append(result)
        row["runs"].append([r["seconds"] for r in results])
        for name in ("seconds", "peak_mb", "base_mb"):
            row[name].append(statistics.median(r[name] for r in results) if results else None)
        for name in ("articles", "rejected", "reason"):
            row[name].append(results[-1][name] if results else None)
    return {
        "kind": key, "input": kind.what, "file": kind.file, "sizes": list(sizes), "runs": row["runs"],
        "seconds": row["seconds"], "peak_mb": row["peak_mb"], "base_mb": row["base_mb"],
        "articles": row["articles"], "rejected": row["rejected"], "reason": row["reason"],
        "time_growth": growth(row["seconds"]), "memory_growth": growth(row["peak_mb"]), "errors": errors,
    }


def growth(values: list) -> list:
    """Each value over the one before it (None where either is missing)."""
    return [b / a if a and b is not None else None for a, b in zip(values, values[1:])]


def run(log=lambda message: None, **options) -> list[dict]:
    """The rows of every kind."""
    return [measure(kind.key, log=log, **options) for kind in KINDS]


def _size(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 and size % 1_000_000 == 0 else f"{size // 1000} KB"


def _failure(errors: dict, size: int) -> str:
    """A short word for why a size has no figure: its error, or '-' when it was skipped."""
    reason = errors.get(str(size), "")
    if reason.startswith("over") and reason.endswith(" s"):
        return "timeout"
    return "memory" if reason.startswith("over") else "error" if reason.startswith("failed") else "-"


def _cell(value, width: int, spec: str, errors: dict, size: int) -> str:
    return f"{value:>{width}{spec}}" if value is not None else f"{_failure(errors, size):>{width}}"


def _growth_cell(value, width: int, errors: dict, size: int) -> str:
    """The growth into `size`; a size that ran out of time or memory counts as growth over the limit."""
    if value is not None:
        return f"{value:>{width - 2}.1f}×{'!' if value > GROWTH_LIMIT else ' '}"
    failure = _failure(errors, size)
    return f"{failure:>{width - 1}}{'!' if failure in ('timeout', 'memory') else ' '}"


def format_table(rows: list[dict]) -> str:
    """Kinds down; seconds and peak MiB per size, then time and memory growth per 10× across; '!' marks > 12×."""
    sizes = rows[0]["sizes"] if rows else list(SIZES)
    steps = [f"{_size(b)}/{_size(a)}".replace(" ", "") for a, b in zip(sizes, sizes[1:])]
    kind_w = max([len(r["kind"]) for r in rows] + [4])
    input_w = max([len(r["input"]) for r in rows] + [5])
    cols_s = " ".join(f"{_size(s):>8}" for s in sizes)
    cols_g = " ".join(f"{step:>11}" for step in steps)
    group = lambda title, width: f"{title:^{width}}"
    w_s, w_g = 9 * len(sizes) - 1, 12 * len(steps) - 1
    head1 = (f"{'':<{kind_w}} {'':<{input_w}} {group('seconds', w_s)} | {group('peak MiB', w_s)}"
             f" | {group('time growth', w_g)} | {group('memory growth', w_g)}")
    head2 = f"{'kind':<{kind_w}} {'input':<{input_w}} {cols_s} | {cols_s} | {cols_g} | {cols_g}"
    lines = [head1, head2, "-" * len(head2)]
    notes = []
    for r in rows:
        errors = r["errors"]
        seconds = " ".join(_cell(v, 8, ".3f", errors, s) for v, s in zip(r["seconds"], sizes))
        peaks = " ".join(_cell(v, 8, ".0f", errors, s) for v, s in zip(r["peak_mb"], sizes))
        t_growth = " ".join(_growth_cell(v, 11, errors, s) for v, s in zip(r["time_growth"], sizes[1:]))
        m_growth = " ".join(_growth_cell(v, 11, errors, s) for v, s in zip(r["memory_growth"], sizes[1:]))
        lines.append(f"{r['kind']:<{kind_w}} {r['input']:<{input_w}} {seconds} | {peaks} | {t_growth} | {m_growth}")
        notes += [f"  {r['kind']} at {_size(int(size))}: {reason}" for size, reason in errors.items()]
        empty = [s for s, n in zip(sizes, r["articles"]) if n == 0]
        if empty:
            reason = next(why for s, n, why in zip(sizes, r["articles"], r["reason"]) if n == 0)
            notes.append(f"  {r['kind']} gave no article at {', '.join(map(_size, empty))} (first rejected row: {reason})")
    runs = ", ".join(f"{n} at {_size(s)}" for s, n in RUNS.items())
    lines.append(f"one file per fresh process, seconds of load_corpus alone; median of runs ({runs});")
    lines.append(f"peak MiB includes the imports; '!' marks growth over {GROWTH_LIMIT:.0f}× per 10× size")
    return "\n".join(lines + notes)


def main(argv: list[str]) -> int:
    """Child entry point: load kind KIND at BYTES and print the JSON figures as the last stdout line."""
    if len(argv) != 2 or argv[0] not in BY_KEY or not argv[1].isdigit():
        print(f"usage: python -m benchmarks.pathological {{{'|'.join(BY_KEY)}}} BYTES", file=sys.stderr)
        return 2
    result = child(*argv)
    sys.stdout.flush()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
