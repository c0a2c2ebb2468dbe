"""The benchmark corpus generator and the `python -m benchmarks` harness, on tiny sizes."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest

from benchmarks import __main__ as harness
from benchmarks import corpus, pathological
from benchmarks.measure import PAGES, SEARCH, page_labels, scan
from loaders.stages import PARALLEL, STAGES

NAME = re.compile(r"^(\d{6})_[0-9a-f]{16}\.txt$")
HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2})")
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> list[bytes]:
    """1000 generated files (seed 7), in name order."""
    folder = tmp_path_factory.mktemp("sample")
    corpus.generate(1000, folder, seed=7)
    return [p.read_bytes() for p in sorted(folder.iterdir())]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    corpus.generate(60, tmp_path / "a", seed=3)
    corpus.main(["60", str(tmp_path / "b"), "--seed", "3"])
    corpus.generate(60, tmp_path / "c", seed=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert set(_files(tmp_path / "a").values()).isdisjoint(_files(tmp_path / "c").values())


def test_writes_n_numbered_files_named_by_content_hash(tmp_path):
    summary = corpus.generate(25, tmp_path, seed=1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == len(summary.paths) == 25
    assert [int(NAME.match(n).group(1)) for n in names] == list(range(25))


def test_length_matches_the_seeds_on_average_with_a_spread(sample):
    words = [len(WORD.findall(data.decode("utf-8"))) for data in sample]
    assert 280 <= statistics.mean(words) <= 420
    assert min(words) >= 80
    assert max(words) > 2 * statistics.median(words)


def test_mixes_quote_styles_datelines_titles_and_credits(sample):
    text = "\n".join(data.decode("utf-8") for data in sample)
    for mark in ("“", "”", "«", "»", "„", '"'):
        assert mark in text
    for cue in (" said.", " said: ", "According to ", " noted.", " added."):
        assert cue in text
    for dateline in (". KAZINFORM ", " (Reuters) - ", " (Trend) – "):
        assert dateline in text
    assert re.search(r"^ date \d{4}-\d{2}-\d{2} [A-Z]+, \d{1,2} [A-Z][a-z]+ \d{4} – ", text, re.M)
    titled = sum(1 for data in sample if len(data.split(b"\n", 1)[0].split()) <= 20)
    assert 0.3 < titled / len(sample) < 0.7
    assert "\n\nPhoto: " in text


def test_dates_span_2019_to_2026(sample):
    years = {int(m.group(1)[:4]) for data in sample if (m := HEADER.match(data.decode("utf-8")))}
    assert years == set(range(2019, 2027))


def test_some_duplicates_and_bad_files_at_a_small_rate(sample):
    headers = [HEADER.match(data.decode("utf-8")) for data in sample]
    missing = sum(1 for h in headers if h is None)
    impossible = 0
    for h in headers:
        if h:
            year, month, day = map(int, h.group(1).split("-"))
            impossible += not (1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))
    duplicates = len(sample) - len(set(sample))
    assert 1 <= missing <= 15
    assert 1 <= impossible <= 15
    assert 3 <= duplicates <= 25


def test_seed_paragraphs_are_read_at_run_time_not_copied_into_the_code():
    paragraphs = corpus.seed_paragraphs()
    assert len(paragraphs) == 16
    assert paragraphs[0].startswith("Kazakhstan and the European Union endorsed")
    assert paragraphs[8].startswith("Kazakhstan and the European Union have entered")
    assert not any(p.startswith("Photo:") for p in paragraphs)
    source = Path(corpus.__file__).read_text(encoding="utf-8")
    assert not any(p[:40] in source for p in paragraphs)


def test_scan_counts_words_of_every_file(tmp_path):
    (tmp_path / "a.txt").write_text(" date 2024-01-02 Two words", encoding="utf-8")
    (tmp_path / "b.txt").write_text("€3 million, 30% — “quoted” text", encoding="utf-8")
    words, seconds = scan(tmp_path)
    assert words == 6 + 5
    assert seconds >= 0


def test_warm_profile_fills_the_cache_then_breaks_a_hit_down_by_table(tmp_path, capsys):
    from benchmarks import profile_warm
    from tests.conftest import SEEDS

    args = [str(SEEDS), "--cache", str(tmp_path / "cache")]
    assert profile_warm.main(args) == 0
    assert "run again" in capsys.readouterr().out
    assert profile_warm.main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 inputs\n")
    assert re.search(r"^fingerprint \(stat every file\) +\d+\.\d{3}$", out, re.M)
    assert re.search(r"^articles +2 ", out, re.M)
    assert re.search(r"^paragraphs +16 ", out, re.M)


def test_parse_sizes():
    assert harness.parse_sizes("1000,10_000, 100000") == [1000, 10000, 100000]
    with pytest.raises(ValueError):
        harness.parse_sizes("0")
    with pytest.raises(ValueError):
        harness.parse_sizes("ten")


def test_missing_dashboard_is_reported_and_shown_as_absent(tmp_path):
    app = tmp_path / "dashboard.py"
    app.write_text("")
    missing = harness.dashboard_missing(app)
    assert missing == [str(tmp_path / "pages" / f) for f in PAGES.values()]
    row = dict.fromkeys(harness.KEYS, 1.0) | {"articles": 10, "words": 100, "page_rerun_s": None}
    table = harness.format_table([row])
    assert "absent" in table
    assert "page rerun median" not in table


FAKE_PAGE = """
import os
import streamlit as st
with st.sidebar:
    st.multiselect("Themes", ["raw materials", "batteries", "hydrogen"], key="themes")
    st.text_input("Search articles", key="q")
with open(os.environ["FAKE_APP_LOG"], "a", encoding="utf-8") as log:
    log.write("{name}|" + ",".join(st.session_state.get("themes", [])) + "|" + os.environ["DASHBOARD_DATA"]
              + "|" + st.session_state.get("q", "") + "\\n")
st.write(len(os.listdir(os.environ["DASHBOARD_DATA"])))
"""


def _fake_dashboard(folder: Path) -> Path:
    """A tiny multipage app with the real page names; each page draws the Themes filter and the search box
    itself, as AppTest.switch_page runs a page file without the entry script."""
    (folder / "pages").mkdir(parents=True)
    pages = ", ".join(f'st.Page("pages/{f}", title="{n}")' for n, f in PAGES.items())
    (folder / "dashboard.py").write_text(
        'import streamlit as st\nwith st.sidebar:\n'
        '    st.multiselect("Themes", ["raw materials", "batteries", "hydrogen"], key="themes")\n'
        '    st.text_input("Search articles", key="q")\n'
        f"st.navigation([{pages}]).run()\n"
    )
    for name, file in PAGES.items():
        (folder / "pages" / file).write_text(FAKE_PAGE.replace("{name}", name))
    return folder / "dashboard.py"


def test_harness_end_to_end_writes_exactly_the_contract_keys(tmp_path, monkeypatch, capsys):
    app = _fake_dashboard(tmp_path / "app")
    log = tmp_path / "pages.log"
    monkeypatch.setenv("FAKE_APP_LOG", str(log))
    out = tmp_path / "bench.json"
    argv = ["--articles", "30", "--runs", "1", "--warmups", "0", "--json", str(out),
            "--workdir", str(tmp_path / "work"), "--app", str(app), "--no-pathological", "--no-scaling"]
    assert harness.main(argv) == 0
    figures = json.loads(out.read_text())
    assert list(figures) == ["sizes"]
    rows = figures["sizes"]
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == list(harness.KEYS)
    assert row["articles"] == 30
    assert row["words"] == scan(tmp_path / "work" / "corpus-30-seed0")[0]
    assert row["build_scan_ratio"] == pytest.approx(row["build_s"] / row["scan_s"])
    assert row["words_per_second"] == pytest.approx(row["words"] / row["build_s"])
    assert all(row[k] > 0 for k in ("build_s", "scan_s", "warm_start_s", "peak_rss_mb", "held_rss_mb",
                                    "index_build_s", "index_mb", "search_s", "build_cpu_s", "stories_cpu_s"))
    assert row["stories_share"] == pytest.approx(row["stories_cpu_s"] / row["build_cpu_s"])
    assert row["held_rss_mb"] > 50
    expected_pages = [key for name in PAGES for key in (name, f"{name} (theme=hydrogen)", f"{name} (q={SEARCH})",
                                                        f"{name} (a new search each run)")]
    assert list(row["page_rerun_s"]) == expected_pages == [label for name in PAGES for label in page_labels(name)]
    assert all(v > 0 for v in row["page_rerun_s"].values())
    runs = [line.split("|") for line in log.read_text().splitlines()]
    seen = {tuple(run[:2]) for run in runs}
    assert ("Quotes", "hydrogen") in seen and ("Quotes", "") in seen
    assert {run[2] for run in runs} == {str(tmp_path / "work" / "corpus-30-seed0")}
    searches = [run[3] for run in runs if run[0] == "Articles" and run[3]]
    assert SEARCH in searches
    fresh = [q for q in searches if q != SEARCH]
    assert len(fresh) == len(set(fresh)) == 2  # one warm-up (pages always get one) and one run, each a new query
    table = capsys.readouterr().out
    assert "<= 5" in table and "Quotes (theme=hydrogen)" in table and f"Articles (q={SEARCH})" in table
    assert "slowest search s" in table
    stages = row["build_stages"]
    assert list(stages) == [*STAGES, "parent_cpu", "serial"]
    assert all(stages[s] > 0 for s in STAGES if s != "listing")  # 30 files: one serial batch
    assert stages["serial"] == pytest.approx(sum(stages[s] for s in STAGES if s not in PARALLEL) + stages["parent_cpu"])
    assert "build stages" in table and "serial s (<= 10 s)" in table


def test_scaling_compares_one_worker_with_two_on_a_corpus_of_its_own(tmp_path, capsys):
    argv = ["--articles", "20", "--runs", "1", "--warmups", "0", "--json", str(tmp_path / "bench.json"), "--no-pages",
            "--workdir", str(tmp_path / "work"), "--no-pathological", "--scaling-articles", "40"]
    assert harness.main(argv) == 0
    scaling = json.loads((tmp_path / "bench.json").read_text())["scaling"]
    assert list(scaling) == ["articles", "workers1_s", "workers2_s", "speedup"]
    assert scaling["articles"] == 40 and (tmp_path / "work" / "corpus-40-seed0").is_dir()
    assert scaling["speedup"] == pytest.approx(scaling["workers1_s"] / scaling["workers2_s"])
    assert f"scaling at 40 articles: --workers 1 {scaling['workers1_s']:.2f} s" in capsys.readouterr().out
    assert not list((tmp_path / "work").glob("scaling-*"))  # each build's cache is removed after it


def test_pathological_inputs_have_their_exact_size_and_stay_text():
    for kind in pathological.KINDS:
        for size in pathological.SIZES:
            name, data = pathological.article(kind.key, size)
            assert name == kind.file
            body = data[len(pathological.PREFIX):] if kind.prefixed else data
            assert len(body) == size
            assert data.startswith(b"date 2025-01-01\n\n") == kind.prefixed
            data.decode("utf-8")
    assert pathological.article("quotes", 10_000)[1].count("“a b c d”".encode()) == 10_000 // 14
    assert pathological.article("csv-rows", 10_000)[1].startswith(b"date,text\n2025-01-01,")
    assert set(pathological.article("jsonl-empty", 10_000)[1].split()) == {b"{}"}


def test_pathological_measure_one_kind_at_10_kb_in_fresh_processes():
    row = pathological.measure("initials", sizes=(10_000,))
    assert list(row) == list(pathological.KEYS)
    assert row["sizes"] == [10_000] and row["file"] == "a.txt" and row["errors"] == {}
    assert len(row["runs"]) == 1 and len(row["runs"][0]) == pathological.RUNS[10_000]
    assert row["seconds"] == [statistics.median(row["runs"][0])]
    assert row["seconds"][0] > 0
    assert row["peak_mb"][0] >= row["base_mb"][0] > 20
    assert (row["articles"], row["rejected"], row["reason"]) == ([1], [0], [None])
    assert row["time_growth"] == row["memory_growth"] == []


def _pathological_row(seconds, peaks, errors=None) -> dict:
    return {"kind": "k", "input": "i", "file": "a.txt", "sizes": list(pathological.SIZES), "runs": [],
            "seconds": seconds, "peak_mb": peaks, "base_mb": [], "articles": [1, 1, 1], "rejected": [0, 0, 0], "reason": [],
            "time_growth": pathological.growth(seconds), "memory_growth": pathological.growth(peaks),
            "errors": errors or {}}


def test_pathological_table_marks_growth_over_12x_and_failures():
    linear = _pathological_row([0.2, 0.3, 2.0], [160, 170, 300])
    quadratic = _pathological_row([0.2, 2.6, None], [160, 170, None], {"1000000": "over 900 s"})
    rejected = _pathological_row([0.2, 0.3, None], [160, 170, None]) | {
        "articles": [0, 0, None], "reason": ["bad", "bad", None], "errors": {"1000000": "failed: boom"}}
    lines = pathological.format_table([linear, quadratic, rejected]).splitlines()
    assert "100KB/10KB" in lines[1] and "1MB/100KB" in lines[1]
    assert "!" not in lines[3] and "!" not in lines[5]
    assert "13.0×!" in lines[4] and "timeout!" in lines[4]
    assert lines[-3:] == ["  k at 1 MB: over 900 s", "  k at 1 MB: failed: boom",
                          "  k gave no article at 10 KB, 100 KB (first rejected row: bad)"]


def test_pathological_flag_runs_only_that_section(tmp_path, monkeypatch, capsys):
    row = _pathological_row([0.2, 0.3, 2.0], [160, 170, 300])
    monkeypatch.setattr(pathological, "run", lambda log: [row])
    monkeypatch.setattr(harness, "measure_sizes", lambda *a: pytest.fail("the size section ran"))
    out = tmp_path / "bench.json"
    assert harness.main(["--pathological", "--json", str(out)]) == 0
    assert json.loads(out.read_text()) == {"pathological": [row]}
    assert capsys.readouterr().out.startswith("pathological inputs\n")


def test_the_pages_task_refuses_a_page_it_does_not_know():
    from benchmarks.measure import task_pages

    with pytest.raises(ValueError, match="no page named"):
        task_pages("app.py", "data", "cache", "1", "0", "Nowhere")
