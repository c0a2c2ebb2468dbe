"""Theme lexicon and matcher: structure, whole-word leftmost-longest matching, tables, gold texts."""

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from loaders import schema
from loaders.article import from_seed_text
from loaders.terms import quote_themes_and_terms
from loaders.themes import DEFAULT_PATH, load_lexicon, mentions_table

GOLD = Path(__file__).parent / "gold"
SEEDS = sorted((Path(__file__).parents[1] / "data" / "articles").glob("*.txt"))
LEX = load_lexicon()


def found(text, lex=LEX):
    return [(text[s:e], theme, term) for s, e, theme, term in lex.find(text)]


def paragraphs_frame(named_texts):
    rows = []
    for name, text in named_texts:
        for no, para in enumerate(from_seed_text(text).paragraphs):
            rows.append((name, no, para))
    return pd.DataFrame(rows, columns=["article_id", "para_no", "text"])


def write_lexicon(tmp_path, body):
    path = tmp_path / "lex.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_value_chains_and_theme_order():
    assert LEX.value_chains == ("raw materials", "batteries", "hydrogen")
    assert LEX.themes[:3] == LEX.value_chains
    assert set(LEX.themes[3:]) >= {"investment & finance", "ESG & governance", "exploration & geology",
                                    "research & skills", "trade & transport"}
    assert LEX.kind("hydrogen") == "value chain"
    assert LEX.kind("trade & transport") == "cross-cutting"
    with pytest.raises(KeyError):
        LEX.kind("astrology")


def test_lexicon_is_cached_per_path_and_digest_follows_content(tmp_path):
    assert load_lexicon() is load_lexicon(DEFAULT_PATH)
    body = '[[themes]]\nname = "hydrogen"\nkind = "value chain"\nterms = ["hydrogen"]\n'
    first = load_lexicon(write_lexicon(tmp_path, body)).digest
    second = load_lexicon(write_lexicon(tmp_path, body + '\n[[themes]]\nname = "trade"\nkind = "cross-cutting"\nterms = ["trade"]\n')).digest
    assert len(first) == 16 and first != second != LEX.digest


def test_value_chains_are_listed_first_even_when_written_later(tmp_path):
    lex = load_lexicon(write_lexicon(tmp_path, (
        '[[themes]]\nname = "trade"\nkind = "cross-cutting"\nterms = ["trade"]\n'
        '[[themes]]\nname = "hydrogen"\nkind = "value chain"\nterms = ["hydrogen"]\n')))
    assert lex.themes == ("hydrogen", "trade") and lex.value_chains == ("hydrogen",)


def test_a_form_claimed_by_two_themes_is_rejected_with_its_name(tmp_path):
    path = write_lexicon(tmp_path, (
        '[[themes]]\nname = "a"\nkind = "value chain"\nterms = ["cobalt"]\n'
        '[[themes]]\nname = "b"\nkind = "cross-cutting"\nterms = ["metal | Cobalt"]\n'))
    with pytest.raises(ValueError, match="Cobalt"):
        load_lexicon(path)


def test_unknown_kind_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="kind"):
        load_lexicon(write_lexicon(tmp_path, '[[themes]]\nname = "a"\nkind = "chain"\nterms = ["x"]\n'))


def test_longest_match_wins_and_counts_once():
    assert found("critical raw materials and raw materials") == [
        ("critical raw materials", "raw materials", "critical raw materials"),
        ("raw materials", "raw materials", "raw materials")]
    assert found("the battery value chain") == [("battery value chain", "batteries", "battery value chain")]


def test_whole_words_only():
    assert found("more cores explored; hydrogenation; Lithiums") == []
    assert found("iron ore, (copper)") == [("ore", "raw materials", "ore"), ("copper", "raw materials", "copper")]


def test_plural_and_spelling_variants_map_to_the_canonical_term():
    assert found("Batteries, electrolyzers, electrolysers, minerals, rare-earth, rare earth") == [
        ("Batteries", "batteries", "battery"), ("electrolyzers", "hydrogen", "electrolyser"),
        ("electrolysers", "hydrogen", "electrolyser"), ("minerals", "raw materials", "minerals"),
        ("rare-earth", "raw materials", "rare earths"), ("rare earth", "raw materials", "rare earths")]


def test_case_sensitive_acronyms_match_only_as_written():
    assert found("EVs and an EV; evs, Ev, ev; CRM and crm") == [
        ("EVs", "batteries", "EV"), ("EV", "batteries", "EV"), ("CRM", "raw materials", "CRM")]


def test_crm_act_is_one_mention_of_the_act():
    assert found("under the EU CRM Act") == [("CRM Act", "raw materials", "Critical Raw Materials Act")]


def test_hyphenated_words_keep_their_parts_as_words():
    assert found("EU-funded lithium-ion plans") == [
        ("funded", "investment & finance", "funded"), ("lithium-ion", "batteries", "lithium-ion")]


def test_ambiguous_words_are_not_terms():
    assert found("They lead the storage talks and the deal is green.") == []


def test_offsets_stay_valid_when_lowercasing_changes_length():
    text = "İİ Straße: lithium and ß HYDROGEN"
    assert [(s, e) for s, e, _, _ in LEX.find(text)] == [(11, 18), (25, 33)]
    assert found(text) == [("lithium", "raw materials", "lithium"), ("HYDROGEN", "hydrogen", "hydrogen")]


def test_per_term_case_sensitive_flag_in_toml(tmp_path):
    lex = load_lexicon(write_lexicon(tmp_path, (
        '[[themes]]\nname = "batteries"\nkind = "value chain"\n'
        'terms = ["cathode | cathodes", { term = "LFP", variants = ["LFPs"], case_sensitive = true }]\n')))
    assert found("LFP, lfp, LFPs and Cathodes", lex) == [
        ("LFP", "batteries", "LFP"), ("LFPs", "batteries", "LFP"), ("Cathodes", "batteries", "cathode")]


def test_quote_themes_list_value_chains_in_lexicon_order():
    themes, _ = quote_themes_and_terms(["hydrogen and lithium", "trade only", "", "battery, battery", None], LEX)
    assert themes == ["raw materials, hydrogen", "", "", "batteries", ""]


def test_mentions_table_on_the_seeds_conforms_and_has_exact_rows():
    frame = mentions_table(paragraphs_frame([(p.stem[:3], p.read_text("utf-8")) for p in SEEDS]), LEX)
    assert list(frame.dtypes.astype(str)) == list(schema.empty("mentions").dtypes.astype(str))
    seed0 = frame[(frame.article_id == "000") & (frame.para_no == 7)]
    assert list(zip(seed0.term, seed0.start, seed0.end)) == [
        ("funded", 118, 124), ("EBRD", 152, 200), ("EBRD", 202, 206), ("critical raw materials", 270, 292)]
    seed4 = frame[(frame.article_id == "004") & (frame.para_no == 0)]
    assert list(zip(seed4.theme, seed4.term)) == [
        ("raw materials", "raw materials"), ("hydrogen", "renewable hydrogen"), ("batteries", "battery value chain")]


def test_mentions_table_of_nothing_is_the_empty_contract_frame():
    empty = pd.DataFrame({"article_id": ["a"], "para_no": [0], "text": ["nothing here"]})
    assert mentions_table(empty, LEX).equals(schema.empty("mentions"))


@pytest.mark.parametrize("txt", sorted(GOLD.glob("*.txt")), ids=lambda p: p.stem)
def test_gold_mentions(txt):
    expected = json.loads(txt.with_suffix(".mentions.json").read_text("utf-8"))
    frame = mentions_table(paragraphs_frame([(txt.stem, txt.read_text("utf-8"))]), LEX)
    got = [{"para_no": int(p), "theme": th, "term": te} for p, th, te in zip(frame.para_no, frame.theme, frame.term)]
    assert got == expected


FORMS = {(theme, term): {f.lower() for f in forms} for theme, term, forms, _ in LEX.entries}
WORDY = st.lists(st.sampled_from(list("aeilmnorstEVCRMİß -,.\n") + [
    "lithium", "battery", "raw materials", "EVs", "rare-earth", "CRM Act", "hydrogen"]), max_size=30).map("".join)


@given(st.one_of(st.text(), WORDY))
def test_find_never_raises_and_spans_fold_to_a_form_of_the_term(text):
    previous_end = 0
    for start, end, theme, term in LEX.find(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end].lower() in FORMS[(theme, term)]
        previous_end = end
