"""The real-news development set: its manifest and gold hold no article text and point inside the articles.

The texts themselves live outside the repo (`python -m tests.devset rebuild`, docs/accuracy.md "Measuring
accuracy"); the tests that need them skip when $DEVSET_DIR is not set or holds no rebuilt set.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from tests.devset.__main__ import GOLD, MANIFEST, _evaluate_layout, blocks, sha256

ENTRIES = json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]
BATCHES = json.loads(MANIFEST.read_text(encoding="utf-8"))["batches"]
DEVSET_DIR = Path(os.environ.get("DEVSET_DIR", "/nonexistent"))
needs_texts = pytest.mark.skipif(
    not (DEVSET_DIR / "dev").is_dir(),
    reason="real-news texts not rebuilt: set DEVSET_DIR after `python -m tests.devset rebuild` (docs/accuracy.md)",
)


def test_the_set_is_large_and_varied_enough():
    assert len(ENTRIES) >= 80
    assert len({e["outlet"] for e in ENTRIES}) >= 12
    assert Counter(e["split"] for e in ENTRIES)["test"] >= 20


def test_each_batchs_unread_part_is_its_smallest_url_hashes_and_a_fixed_share():
    for batch, size in BATCHES.items():
        entries = [e for e in ENTRIES if e["batch"] == batch]
        by_hash = sorted(entries, key=lambda e: sha256(e["url"]))
        assert len(entries) == size["articles"]
        assert {e["id"] for e in by_hash[:size["test"]]} == {e["id"] for e in entries if e["split"] == "test"}
        assert abs(size["test"] - 0.3 * size["articles"]) <= 1


def test_gold_rows_carry_offsets_and_labels_but_no_text():
    for entry in ENTRIES:
        gold = json.loads((GOLD / f"{entry['id']}.json").read_text(encoding="utf-8"))
        assert set(gold) - {"entities"} == {"quotes", "events", "amounts", "themes"}
        for table in ("quotes", "events", "amounts", "entities"):
            for row in gold.get(table, []):
                assert "text" not in row and "expression" not in row and "surface" not in row
                assert row["para_no"] >= -1 and 0 <= row["start"] < row["end"]
        assert all(q["kind"] in ("direct", "reported") and q["side"] in ("EU", "Kazakhstan", "other", "")
                   for q in gold["quotes"])
        assert set(gold["themes"]) <= {"raw materials", "batteries", "hydrogen"}
        assert all(e["kind"] in ("organisation", "project", "place") and e["name"] for e in gold.get("entities", []))


def test_a_sixth_of_each_part_is_annotated_for_entities():
    annotated = {e["split"]: 0 for e in ENTRIES}
    for entry in ENTRIES:
        annotated[entry["split"]] += "entities" in json.loads((GOLD / f"{entry['id']}.json").read_text(encoding="utf-8"))
    assert annotated == {"dev": 67, "test": 30}


def test_an_edit_is_only_cutting_the_excerpt_into_title_and_paragraphs():
    for entry in ENTRIES:
        spans = [entry["edits"]["title"]] if entry["edits"]["title"] else []
        spans += entry["edits"]["paragraphs"]
        assert all(s < e for s, e in spans) and spans == sorted(spans)


def test_the_layout_numbers_the_title_minus_one_and_paragraphs_from_zero():
    text = "date 2025-01-01\nHead “x”\n\nFirst para.\n\nSecond “quoted words here” para.\n"
    assert blocks(text) == [(16, 24), (26, 37), (39, 71)]
    gold = {"quotes": [{"para_no": 1, "start": 8, "end": 25, "kind": "direct"}], "events": [], "amounts": [],
            "themes": []}
    assert _evaluate_layout(text, gold)["quotes"][0]["text"] == "quoted words here"


@needs_texts
def test_rebuilt_texts_match_their_hashes():
    missing = []
    for entry in ENTRIES:
        path = DEVSET_DIR / entry["split"] / f"{entry['id']}.txt"
        if not path.exists():  # its stored page no longer gives the article (rebuild says which)
            missing.append(entry["id"])
            continue
        assert sha256(path.read_text(encoding="utf-8")) == entry["sha256"], entry["id"]
    assert len(missing) <= len(ENTRIES) // 100, f"not rebuilt: {missing}"


@needs_texts
def test_the_read_part_scores_at_least_what_it_scored_when_the_rules_last_changed():
    from loaders.evaluate import evaluate

    result = evaluate(DEVSET_DIR / "dev")
    direct = result["quotes"]["direct"]
    assert direct["detection"]["f1"] >= FLOOR["direct_f1"]
    assert direct["speaker_of_gold"] >= FLOOR["direct_speaker_of_gold"]
    assert result["events"]["recall"] >= FLOOR["event_recall"]


# Raised whenever a rule change raises the dev part's scores (README, "Measuring accuracy"); set to the new
# figures when a batch joins the read part, which changes what is measured.
FLOOR = {"direct_f1": 0.979, "direct_speaker_of_gold": 0.918, "event_recall": 0.854}


def test_entity_offsets_in_a_parsed_paragraph_map_to_the_article_through_collapsed_spaces():
    from tests.devset.__main__ import _aligned

    places = _aligned("Hello world and more", "x\n\nHello world  and more", 0, "id")
    assert places[6] == 9 and places[12] == 16 and places[-1] == 24  # "w", "a" after the double space, the end


@pytest.fixture
def work_folder(tmp_path, monkeypatch):
    """The devset module with its manifest and gold under tmp_path, and an empty annotator's work folder."""
    import tests.devset.__main__ as devset

    monkeypatch.setattr(devset, "MANIFEST", tmp_path / "manifest.json")
    monkeypatch.setattr(devset, "GOLD", tmp_path / "gold")
    work = tmp_path / "work"
    for folder in ("raw", "texts", "annot"):
        (work / folder).mkdir(parents=True)
    return devset, work


def _annotated(work: Path, ident: str, body: str, **annot) -> str:
    """Writes one article into a work folder: its page (a menu, the title, `body`, a footer), the article cut
    from it and its annotation; returns the page."""
    page = f"Menu\nHead {ident}\n{body}\nFooter\n"
    (work / "raw" / f"{ident}.txt").write_text(page, encoding="utf-8")
    (work / "texts" / f"{ident}.txt").write_text(f"date 2025-05-01\nHead {ident}\n\n{body}\n", encoding="utf-8")
    (work / "annot" / f"{ident}.json").write_text(json.dumps(
        {"id": ident, "url": f"https://example.org/{ident}", "outlet": "Example", "published": "2025-05-01", **annot}),
        encoding="utf-8")
    return page


def test_importing_a_work_folder_adds_its_new_articles_and_leaves_listed_ones_untouched(tmp_path, work_folder):
    devset, work = work_folder

    def annotate(ident: str, speaker: str) -> None:
        _annotated(work, ident, "The minister said the mine would open in May.",
                   quotes=[{"text": "the mine would open in May", "kind": "reported", "speaker": speaker,
                            "speaker_role": "minister", "side": ""}])

    annotate("x01", "First Reading")
    devset.import_work(work)
    corrected = json.loads((tmp_path / "gold" / "x01.json").read_text(encoding="utf-8"))
    corrected["quotes"][0]["speaker"] = "Corrected Later"
    corrected["entities"] = [{"para_no": 0, "start": 4, "end": 12, "kind": "organisation", "name": "Ministry"}]
    (tmp_path / "gold" / "x01.json").write_text(json.dumps(corrected), encoding="utf-8")

    annotate("x02", "Someone Else")
    devset.import_work(work)
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert [(e["id"], e["batch"]) for e in manifest["articles"]] == [("x01", "1"), ("x02", "2")]
    assert manifest["batches"] == {"1": {"articles": 1, "test": 0}, "2": {"articles": 1, "test": 0}}
    assert json.loads((tmp_path / "gold" / "x01.json").read_text(encoding="utf-8")) == corrected
    assert json.loads((tmp_path / "gold" / "x02.json").read_text(encoding="utf-8"))["quotes"][0]["start"] == 18


def test_rebuilding_needs_the_article_to_match_and_tolerates_a_changed_page_around_it(tmp_path, work_folder, capsys):
    devset, work = work_folder
    pages = {ident: _annotated(work, ident, "The mine opens in May.") for ident in ("x01", "x02")}
    devset.import_work(work)
    raw = tmp_path / "raw"
    raw.mkdir()
    # x01's page has another footer since it was saved; x02's article itself changed
    (raw / "x01.txt").write_text(pages["x01"].replace("Footer", "Other footer"), encoding="utf-8")
    (raw / "x02.txt").write_text(pages["x02"].replace("May", "June"), encoding="utf-8")
    assert devset.rebuild(raw, tmp_path / "out") == 1
    assert sorted(p.name for p in (tmp_path / "out").rglob("*.txt")) == ["x01.txt", "x01.txt"]
    err = capsys.readouterr().err
    assert "x01: the page around the article changed" in err and "x02: hash mismatch, skipped" in err


def test_saving_a_re_fetched_excerpt_checks_the_article_it_gives_and_reads_the_search_tools_json(tmp_path, work_folder):
    devset, work = work_folder
    page = _annotated(work, "x01", "The mine “opens” in May.")
    devset.import_work(work)
    raw = tmp_path / "raw"
    literal = tmp_path / "x01.json"  # as the search tool prints an excerpt: a JSON string, escapes and all
    literal.write_text(json.dumps(page.replace("Footer", "Other footer")), encoding="utf-8")
    assert devset.save_excerpt("x01", literal, raw) == "x01: OK (the article matches; the page around it changed)"
    assert (raw / "x01.txt").read_text(encoding="utf-8") == page.replace("Footer", "Other footer")
    literal.write_text(json.dumps(page.replace("May", "June")), encoding="utf-8")
    assert devset.save_excerpt("x01", literal, tmp_path / "other").startswith("x01: MISMATCH")
    assert not (tmp_path / "other").exists()
