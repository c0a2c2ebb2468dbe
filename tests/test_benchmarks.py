"""The benchmark corpus generator and the `python -m benchmarks` harness, on tiny sizes."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest

from benchmarks import __main__ as harness
from benchmarks import corpus
from benchmarks.measure import PAGES, scan

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
with open(os.environ["FAKE_APP_LOG"], "a", encoding="utf-8") as log:
    log.write("{name}|" + ",".join(st.session_state.get("themes", [])) + "|" + os.environ["DASHBOARD_DATA"] + "\\n")
st.write(len(os.listdir(os.environ["DASHBOARD_DATA"])))
"""


def _fake_dashboard(folder: Path) -> Path:
    """A tiny multipage app with the real page names; each page draws the Themes filter itself,
    as AppTest.switch_page runs a page file without the entry script."""
    (folder / "pages").mkdir(parents=True)
    pages = ", ".join(f'st.Page("pages/{f}", title="{n}")' for n, f in PAGES.items())
    (folder / "dashboard.py").write_text(
        'import streamlit as st\nwith st.sidebar:\n'
        '    st.multiselect("Themes", ["raw materials", "batteries", "hydrogen"], key="themes")\n'
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
            "--workdir", str(tmp_path / "work"), "--app", str(app)]
    assert harness.main(argv) == 0
    rows = json.loads(out.read_text())
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == list(harness.KEYS)
    assert row["articles"] == 30
    assert row["words"] == scan(tmp_path / "work" / "corpus-30-seed0")[0]
    assert row["build_scan_ratio"] == pytest.approx(row["build_s"] / row["scan_s"])
    assert row["words_per_second"] == pytest.approx(row["words"] / row["build_s"])
    assert all(row[k] > 0 for k in ("build_s", "scan_s", "warm_start_s", "peak_rss_mb", "held_rss_mb"))
    assert row["held_rss_mb"] > 50
    expected_pages = [key for name in PAGES for key in (name, f"{name} (theme=hydrogen)")]
    assert sorted(row["page_rerun_s"]) == sorted(expected_pages)
    assert all(v > 0 for v in row["page_rerun_s"].values())
    seen = {tuple(line.split("|")[:2]) for line in log.read_text().splitlines()}
    assert ("Quotes", "hydrogen") in seen and ("Quotes", "") in seen
    assert {line.split("|")[2] for line in log.read_text().splitlines()} == {str(tmp_path / "work" / "corpus-30-seed0")}
    table = capsys.readouterr().out
    assert "<= 5" in table and "Quotes (theme=hydrogen)" in table
