"""A corpus carries its lexicon's themes: a build, the cache, a saved dataset, uploads and the app that serves it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from loaders import load_corpus, parts
from loaders.__main__ import main
from loaders.themes import load_lexicon

# Written cross-cutting first: the lexicon lists value chains first all the same.
OTHER_LEXICON = """
[[themes]]
name = "water"
kind = "cross-cutting"
terms = ["water"]

[[themes]]
name = "copper"
kind = "value chain"
terms = ["copper | copper cathode"]
"""
OTHER_THEMES = (("copper", "value chain"), ("water", "cross-cutting"))
ARTICLES = {
    "balkhash.txt": "date 2024-03-05\nCopper smelter expands in Balkhash\n\n"
                    "A copper smelter in Balkhash will expand next year, the company said on Tuesday. "
                    "Its managers said the plant would use less water from the lake.",
    "pavlodar.txt": "date 2024-06-11\nCathode line opens in Pavlodar\n\n"
                    "A copper cathode line opened in Pavlodar on Monday, the regional office said.",
}


@pytest.fixture
def other_lexicon(tmp_path):
    path = tmp_path / "other.toml"
    path.write_text(OTHER_LEXICON)
    return path


@pytest.fixture
def built(tmp_path, write_files, other_lexicon):
    """A dataset built from two articles by `python -m loaders FOLDER --lexicon other.toml --out built`."""
    folder = write_files(ARTICLES)
    assert main([str(folder), "--lexicon", str(other_lexicon), "--no-cache", "--out", str(tmp_path / "built")]) == 0
    return tmp_path / "built"


def _edit_manifest(folder: Path, edit) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    edit(manifest)
    path.write_text(json.dumps(manifest))


def test_a_dataset_built_with_another_lexicon_carries_its_themes(built):
    corpus = load_corpus(built)
    assert corpus.theme_kinds == OTHER_THEMES
    assert corpus.themes == ("copper", "water")
    assert corpus.value_chains == ("copper",)
    assert sorted(corpus.mentions["theme"].astype(str).unique()) == ["copper", "water"]
    assert json.loads((built / "manifest.json").read_text())["themes"] == [["copper", "value chain"],
                                                                          ["water", "cross-cutting"]]


def test_a_cache_hit_and_uploads_keep_the_themes_of_the_build(tmp_path, write_files, other_lexicon, monkeypatch):
    folder = write_files(ARTICLES)
    first = load_corpus(folder, lexicon_path=str(other_lexicon), cache_dir=tmp_path / "cache")

    def no_build(*args, **kwargs):
        raise AssertionError("the cached corpus was built again")

    monkeypatch.setattr(parts, "build_dataset", no_build)
    hit = load_corpus(folder, lexicon_path=str(other_lexicon), cache_dir=tmp_path / "cache")
    assert first.theme_kinds == hit.theme_kinds == OTHER_THEMES
    monkeypatch.undo()
    upload = load_corpus([("new.txt", b"date 2024-09-01\nA note\n\nGreen hydrogen and copper in one note.")],
                         cache_dir=False)
    assert upload.theme_kinds == load_lexicon().theme_kinds
    combined = hit.combine(upload)
    assert combined.theme_kinds == OTHER_THEMES
    assert len(combined.articles) == 3


def test_the_app_offers_and_charts_the_themes_of_the_dataset_it_serves(built, app_on):
    at = app_on(built)
    at.query_params["theme"] = "copper"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="f_theme").options == ["copper", "water"]
    assert at.multiselect(key="f_theme").value == ["copper"]
    assert not at.warning
    assert at.query_params == {"theme": "copper"}
    at.switch_page("pages/value_chains.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.segmented_control(key="vc_chain").options == ["copper"]


def test_a_manifest_without_themes_falls_back_to_the_default_lexicon_quietly(built, caplog):
    _edit_manifest(built, lambda manifest: manifest.pop("themes"))
    with caplog.at_level(logging.WARNING):
        corpus = load_corpus(built)
    assert corpus.theme_kinds == load_lexicon().theme_kinds
    assert len(corpus.articles) == 2 and corpus.rejected.empty
    assert not caplog.records


@pytest.mark.parametrize("entry", [
    "copper",
    {"copper": "value chain"},
    [["copper"]],
    [["copper", "value chain", "extra"]],
    [["copper", "chain"]],
    [[1, "value chain"]],
    [["", "value chain"]],
    [["copper", "value chain"], ["copper", "cross-cutting"]],
    [["copper", "value chain"], None],
])
def test_a_malformed_themes_entry_falls_back_to_the_default_lexicon_with_a_warning(built, caplog, entry):
    _edit_manifest(built, lambda manifest: manifest.update(themes=entry))
    with caplog.at_level(logging.WARNING, logger="loaders.corpus"):
        corpus = load_corpus(built)
    assert corpus.theme_kinds == load_lexicon().theme_kinds
    assert len(corpus.articles) == 2 and corpus.rejected.empty
    assert [r.getMessage() for r in caplog.records] == [
        f"{built}: the manifest's 'themes' entry is not a list of distinct [theme, kind] pairs; "
        "using the lexicon's themes instead"]


def test_the_value_chains_page_says_so_when_the_lexicon_has_no_value_chain(tmp_path, write_files, app_on):
    lexicon = tmp_path / "water.toml"
    lexicon.write_text('[[themes]]\nname = "water"\nkind = "cross-cutting"\nterms = ["water"]\n')
    folder = write_files(ARTICLES)
    assert main([str(folder), "--lexicon", str(lexicon), "--no-cache", "--out", str(tmp_path / "built")]) == 0
    at = app_on(tmp_path / "built").run()
    at.switch_page("pages/value_chains.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.multiselect(key="f_theme").options == ["water"]
    assert [i.value for i in at.info][-1] == "The lexicon these articles were built with has no value chain."
    assert [b.key for b in at.get("button_group")] == ["vc_freq"]  # no chain to choose quotes by
