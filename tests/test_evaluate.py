"""Scoring rules of loaders.evaluate on hand-made rows, and the CLI on the gold folder."""

import json
from pathlib import Path

import pytest

from loaders.evaluate import evaluate, main, normalise, prf, score_multiset, score_quotes, texts_match

GOLD = Path(__file__).parent / "gold"


def _q(text, kind="direct", para_no=1, speaker="", role="", side="", file="f"):
    return {"file": file, "para_no": para_no, "kind": kind, "text": text, "speaker": speaker,
            "speaker_role": role, "side": side}


def test_normalise():
    assert normalise("  “We  agree,\n she”. ") == "we agree, she"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("We agree,", "we agree", True),
    ("the memorandum aims at long-term partnership relations", "memorandum aims at long-term partnership relations", True),
    ("the memorandum aims at relations", "aims at", False),
    ("one two three", "four five six", False),
    ("", "", False),
])
def test_texts_match(a, b, same):
    assert texts_match(a, b) is same


def test_prf():
    assert prf(3, 4, 6) == {"precision": 0.75, "recall": 0.5, "f1": 0.6, "tp": 3, "predicted": 4, "gold": 6}
    assert prf(0, 0, 0)["f1"] == 1.0


def test_score_quotes_counts_matches_and_speakers():
    gold = [_q("We agree on the plan.", speaker="A B", role="r", side="EU"),
            _q("The plan is ready for signature", kind="reported", speaker="C D"),
            _q("Another quote that nobody found", para_no=3)]
    pred = [_q("we agree on the plan", speaker="A B", role="r", side="EU"),
            _q("The plan is ready for signature", kind="reported", speaker="X Y"),
            _q("The plan is ready for signature", kind="reported", para_no=2),
            _q("We agree on the plan.", file="other")]
    s = score_quotes(pred, gold)
    assert (s["detection"]["tp"], s["detection"]["predicted"], s["detection"]["gold"]) == (2, 4, 3)
    assert s["speaker_accuracy"] == 0.5
    assert s["role_accuracy"] == 1.0
    assert [g["para_no"] for g in s["misses"]] == [3]


def test_each_prediction_matches_once():
    gold = [_q("Same words here again"), _q("Same words here again")]
    s = score_quotes([_q("Same words here again")], gold)
    assert s["detection"]["tp"] == 1


def test_multisets():
    gold = [{"file": "f", "para_no": 0, "kind": "money", "value": 3_000_000.0001, "currency": "EUR"},
            {"file": "f", "para_no": 0, "kind": "money", "value": 3_000_000, "currency": "EUR"}]
    pred = [{"file": "f", "para_no": 0, "kind": "money", "value": 3e6, "currency": "EUR"}]
    assert score_multiset("amounts", pred, gold)["tp"] == 1
    mentions = [{"file": "f", "para_no": 2, "theme": "batteries", "term": "Lithium"}]
    got = [{"file": "f", "para_no": 2, "theme": "batteries", "term": "lithium"}]
    assert score_multiset("mentions", got, mentions)["f1"] == 1.0
    events = [{"file": "f", "para_no": 1, "date": "2025-04-04", "date_end": "2025-04-04", "precision": "day"}]
    assert score_multiset("events", [], events)["recall"] == 0.0


def test_gold_set_meets_the_quality_bar():
    result = evaluate(GOLD)
    assert result["quotes"]["detection"]["f1"] >= 0.95
    assert result["quotes"]["speaker_accuracy"] >= 0.95
    assert result["quotes"]["detection"]["gold"] >= 30


def test_our_heldout_texts_keep_their_scores():
    """tests/heldout: texts written in the style of real outlets, scored like the gold set; a rule change that
    costs any of them shows here (quotes F1 0.962, speaker 1.000, side 0.938 when this floor was set)."""
    result = evaluate(GOLD.parent / "heldout")
    assert result["quotes"]["detection"]["f1"] >= 0.96
    assert result["quotes"]["speaker_accuracy"] == 1.0
    assert result["quotes"]["side_accuracy"] >= 0.93


def test_cli_json(capsys):
    assert main([str(GOLD), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"quotes", "mentions", "events", "amounts"}


def test_mentions_are_scored_over_the_themes_the_gold_set_annotates(tmp_path):
    text = "date 2025-03-01\nLithium deal\n\nThe lithium deal needs investment, the minister said."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.quotes.json").write_text("[]", encoding="utf-8")
    gold = [{"para_no": 0, "theme": "raw materials", "term": "lithium"}]
    (tmp_path / "a.mentions.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(tmp_path)
    assert result["mention_themes"] == ["raw materials"]
    assert (result["mentions"]["tp"], result["mentions"]["predicted"], result["mentions"]["gold"]) == (1, 1, 1)
