"""Sentence splitting: abbreviations, initials, decimals, quotes; never raises; spans are well formed."""

from hypothesis import given, strategies as st

from loaders.sentences import sentence_at, sentence_covering, sentence_spans


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_plain_sentences_split_at_full_stops_question_and_exclamation_marks():
    assert sentences("Talks ended. Was it useful? Yes!  Next round soon.") == [
        "Talks ended.", "Was it useful?", "Yes!", "Next round soon."]


def test_titles_and_numbering_abbreviations_do_not_end_a_sentence():
    assert sentences("Mr. Ivanov met Dr. Weber at St. Petersburg. Decree No. 12 was cited.") == [
        "Mr. Ivanov met Dr. Weber at St. Petersburg.", "Decree No. 12 was cited."]


def test_no_at_the_end_of_a_sentence_still_ends_it():
    assert sentences("The answer was No. The talks went on.") == ["The answer was No.", "The talks went on."]


def test_dotted_acronym_continues_before_a_name_and_ends_before_a_sentence_opener():
    assert sentences("The U.S. Treasury agreed. Trade with the U.S. The EU also spoke.") == [
        "The U.S. Treasury agreed.", "Trade with the U.S.", "The EU also spoke."]


def test_eu_followed_by_full_stop_ends_the_sentence():
    assert sentences("Kazakhstan signed a deal with the EU. Officials were pleased.") == [
        "Kazakhstan signed a deal with the EU.", "Officials were pleased."]


def test_eg_and_initials_and_decimals_do_not_split():
    text = "Metals, e.g. Lithium, grew 3.3 times, said J. K. Smith. Then prices fell."
    assert sentences(text) == ["Metals, e.g. Lithium, grew 3.3 times, said J. K. Smith.", "Then prices fell."]


def test_closing_quote_after_full_stop_stays_with_the_sentence():
    assert sentences("“We are ready.” He left. «It works.» She agreed.") == [
        "“We are ready.”", "He left.", "«It works.»", "She agreed."]


def test_question_inside_quote_followed_by_lowercase_speech_tag_does_not_split():
    assert sentences("“Is it ready?” she asked. Nobody knew.") == ["“Is it ready?” she asked.", "Nobody knew."]


def test_blank_line_separates_sentences_without_punctuation():
    assert sentences("Heading without stop\n\nBody text here.") == ["Heading without stop", "Body text here."]


def test_empty_and_blank_text_have_no_sentences():
    assert sentence_spans("") == ()
    assert sentence_spans("  \n\t ") == ()


def test_sentence_at_returns_the_sentence_holding_the_span_and_joins_when_it_crosses():
    text = "First one. Second one here. Third."
    assert sentence_at(text, 11, 17) == "Second one here."
    assert sentence_at(text, 5, 14) == "First one. Second one here."
    assert sentence_at(text, 100, 101) == ""


def test_sentence_covering_reuses_precomputed_spans():
    text = "One. Two."
    assert sentence_covering(text, sentence_spans(text), 5, 8) == "Two."


@given(st.text())
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    non_blank = "".join(text.split())
    assert "".join("".join(text[s:e].split()) for s, e in spans) == non_blank


@given(st.text(), st.integers(-5, 200), st.integers(-5, 200))
def test_sentence_at_never_raises(text, start, end):
    assert isinstance(sentence_at(text, start, end), str)


def test_a_lost_space_before_a_name_ends_the_sentence_after_a_lower_case_word_only():
    # "…citing foreign media.Schinas, in turn, …": the next sentence opens with a name, not a sentence opener;
    # a capitalised word before the dot is a brand or a title ("Yandex.Taxi", "Prof.Ivanov") and keeps it
    assert sentences("He spoke to the media.Schinas, in turn, noted the talks. Prof.Ivanov met Yandex.Taxi staff.") == [
        "He spoke to the media.", "Schinas, in turn, noted the talks.", "Prof.Ivanov met Yandex.Taxi staff."]
    # a lower-case abbreviation keeps its dot as it does before a space ("vs. Russia")
    assert sentences("Kazakhstan vs.Russia ended in a draw.") == ["Kazakhstan vs.Russia ended in a draw."]


def test_a_full_stop_that_lost_its_space_still_ends_a_sentence_but_not_an_address_or_an_acronym():
    # scraped pages drop the space after a full stop ("…items.He said …"); a domain or "U.S." keeps its dot
    assert sentences("Rare earths are dual-use items.He said the rules are fair. Staff of Kun.uz and News.Az met "
                     "Yandex.Taxi drivers in the U.S. on Monday.") == [
        "Rare earths are dual-use items.", "He said the rules are fair.",
        "Staff of Kun.uz and News.Az met Yandex.Taxi drivers in the U.S. on Monday."]
