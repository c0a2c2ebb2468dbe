"""`python -m loaders`: the summary, the exit status, and the Parquet output."""

from __future__ import annotations

import subprocess
import sys

from loaders import load_corpus
from loaders.__main__ import main
from tests.conftest import ROOT, SEEDS


def test_summary_of_the_embedded_corpus():
    result = subprocess.run([sys.executable, "-m", "loaders", str(SEEDS), "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 2"
    assert lines[1] == "dates: 2022-11-08 to 2025-04-07"
    assert lines[2] == "sources: (unnamed) (1), Kazinform (1)"
    assert "rejected: 0" in lines


def test_exit_status_1_when_nothing_loads_and_rejections_are_listed(tmp_path, capsys):
    (tmp_path / "bad.txt").write_text("no header here")
    assert main([str(tmp_path), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert f"  {tmp_path / 'bad.txt'}: no 'date YYYY-MM-DD' header on the first line" in out


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main([str(tmp_path / "absent"), "--no-cache"]) == 2
    assert "absent" in capsys.readouterr().err


def test_out_writes_a_dataset_that_loads_without_reparsing(tmp_path, seed_corpus):
    assert main([str(SEEDS), "--no-cache", "--out", str(tmp_path / "built")]) == 0
    assert sorted(p.name for p in (tmp_path / "built").iterdir()) == [
        "amounts.parquet", "articles.parquet", "entities.parquet", "events.parquet", "manifest.json", "mentions.parquet",
        "paragraphs.parquet", "people.parquet", "quotes.parquet", "rejected.parquet", "search"]
    served = load_corpus(tmp_path / "built")
    assert served.fingerprint == seed_corpus.fingerprint
    for name, table in seed_corpus.tables().items():
        assert served.tables()[name].equals(table), name


def test_progress_lines_report_each_batch_on_stderr(tmp_path, capsys):
    assert main([str(SEEDS), "--no-cache", "--progress", "lines"]) == 0
    assert capsys.readouterr().err.splitlines() == ["progress 2 2"]


def test_out_refuses_a_folder_of_other_files_before_building(tmp_path, capsys, monkeypatch):
    from loaders import build

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    monkeypatch.setattr(build, "build_batch", None)  # the build must not start
    assert main([str(SEEDS), "--no-cache", "--out", str(mine)]) == 2
    assert capsys.readouterr().err == f"error: cannot write {mine}: {mine} holds files that are not a dataset; not replacing it\n"
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_out_serves_its_own_build_again_without_building(tmp_path, monkeypatch):
    from loaders import parts

    assert main([str(SEEDS), "--no-cache", "--out", str(tmp_path / "built")]) == 0
    monkeypatch.setattr(parts, "build_dataset", None)
    assert main([str(SEEDS), "--no-cache", "--out", str(tmp_path / "built")]) == 0


def test_a_dataset_that_does_not_read_back_after_its_build_is_one_error_line(tmp_path, capsys, monkeypatch):
    from loaders import store

    def unreadable(folder):
        raise store.Unusable(f"{folder}: checksum mismatch")

    monkeypatch.setattr(store, "load_version", unreadable)
    assert main([str(SEEDS), "--no-cache", "--out", str(tmp_path / "built")]) == 2
    assert capsys.readouterr().err == (f"error: the dataset built could not be read back: {tmp_path / 'built'}: "
                                       "checksum mismatch\n")
