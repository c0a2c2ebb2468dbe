"""Frames of speech that real news writes around a quote or a reported clause: one test per convention."""

import pytest

from loaders.quotes import article_rows


def _rows(*paras: str) -> list[tuple[str, str, str, str]]:
    return [(r.kind, r.text, r.speaker, r.rule) for r in article_rows(list(paras))]


@pytest.mark.parametrize("tail, rule", [
    ("said Jan Moström, president and CEO of LKAB.", "cue_speaker_after"),
    ("Jan Moström said.", "speaker_cue_after"),
])
def test_a_quote_whose_closing_mark_was_lost_ends_before_its_attribution(tail, rule):
    # the outlet dropped the closing mark: the attribution ending the paragraph still ends the quote there
    assert _rows(f"“It is the largest known deposit of rare earth metals in Europe, {tail}",
                 "“We are facing a supply problem. Without mines, we have no electric cars.”") == [
        ("direct", "It is the largest known deposit of rare earth metals in Europe", "Jan Moström", rule),
        ("direct", "We are facing a supply problem. Without mines, we have no electric cars.", "Jan Moström",
         "previous_speaker"),
    ]


def test_a_quote_left_open_with_no_attribution_still_runs_on():
    rows = _rows("Minister Aidar Bekov spoke in Astana.", "“We will build the plant next year.",
                 "“It will open in 2027,” he added.")
    assert rows == [("direct", "We will build the plant next year.\n\nIt will open in 2027", "Aidar Bekov",
                     "speaker_cue_after")]


@pytest.mark.parametrize("lead", ["Talking to SVT", "At a major industry event in Abu Dhabi", "Speaking on Monday"])
def test_a_phrase_opening_the_sentence_is_no_part_of_the_speaker(lead):
    assert _rows(f"{lead}, Leif Boström, director at LKAB, added: “We plan an industrial park in Luleå.”") == [
        ("direct", "We plan an industrial park in Luleå.", "Leif Boström", "frame_before")]


@pytest.mark.parametrize("joint", ["although he noted", "but he said", "while he stressed"])
def test_a_second_verb_after_a_conjunction_reports_for_the_same_speaker(joint):
    rows = _rows(f"The head of the union, Dominik Kolorz, praised the agreement, {joint} that it meant the mines "
                 "would close.")
    assert rows == [("reported", "it meant the mines would close", "Dominik Kolorz", "speaker_cue_that")]


def test_as_noted_by_a_speaker_reports_the_clause_after_the_comma():
    rows = _rows("Prime Minister Irakli Kobakhidze met the group.",
                 "As noted by the Prime Minister at the briefing held today, the support is a clear sign.")
    assert rows == [("reported", "the support is a clear sign", "Irakli Kobakhidze", "as_cue")]


def test_a_comma_after_that_opens_the_clause():
    rows = _rows("Minister Aidar Bekov spoke.", "He underscored that, as a state, Kazakhstan must decide.")
    assert rows == [("reported", "as a state, Kazakhstan must decide", "Aidar Bekov", "speaker_cue_that")]


@pytest.mark.parametrize("opener", ["Then", "Later", "In Astana"])
def test_an_opener_without_a_comma_before_a_pronoun_leaves_the_pronoun_the_speaker(opener):
    rows = _rows("Minister Aidar Bekov spoke.", f"{opener} he said the plant would open next year.")
    assert rows == [("reported", "the plant would open next year", "Aidar Bekov", "speaker_cue_clause")]


@pytest.mark.parametrize("verb", ["repeated", "promised", "assessed"])
def test_more_verbs_that_report_a_clause_after_that(verb):
    rows = _rows("Minister Aidar Bekov spoke.", f"He {verb} that the pipeline would reach the coast.")
    assert rows == [("reported", "the pipeline would reach the coast", "Aidar Bekov", "speaker_cue_that")]


@pytest.mark.parametrize("adverb", ["nonetheless", "however", "once again"])
def test_a_sentence_adverb_between_speaker_and_verb(adverb):
    rows = _rows("Minister Aidar Bekov spoke.", f"Bekov {adverb} said that the pipeline would reach the coast.")
    assert rows == [("reported", "the pipeline would reach the coast", "Aidar Bekov", "speaker_cue_that")]


def test_an_outlets_credit_before_a_frame_leaves_the_frames_speaker():
    rows = _rows("As reported by Ukrinform, Ukrainian President Volodymyr Zelensky said in Rome that he had "
                 "received positive signals.")
    assert rows == [("reported", "he had received positive signals", "Volodymyr Zelensky", "speaker_cue_that")]


def test_continuing_opens_a_sentence_as_an_introductory_word():
    rows = _rows("Continuing, President Shavkat Mirziyoyev said that the past year had been difficult.")
    assert rows == [("reported", "the past year had been difficult", "Shavkat Mirziyoyev", "speaker_cue_that")]


def test_a_speech_opened_at_a_paragraphs_start_and_never_closed_is_that_paragraph():
    rows = _rows("President Shavkat Mirziyoyev said that the past year had been difficult.",
                 "“We are constantly searching for the conditions of a prosperous life. It has been a testing year.",
                 "The address went on for two hours.")
    assert rows == [
        ("reported", "the past year had been difficult", "Shavkat Mirziyoyev", "speaker_cue_that"),
        ("direct", "We are constantly searching for the conditions of a prosperous life. It has been a testing "
                   "year.", "Shavkat Mirziyoyev", "previous_speaker"),
    ]


def test_a_clause_ended_by_a_colon_before_a_quote_is_reported_too():
    rows = _rows("Economist Ilham Shaban spoke to Report.",
                 "According to him, oil prices have risen by 7% since yesterday: “The shock effect is passing.”")
    assert rows == [
        ("reported", "oil prices have risen by 7% since yesterday", "Ilham Shaban", "according_to_before"),
        ("direct", "The shock effect is passing.", "Ilham Shaban", "according_to_before"),
    ]


@pytest.mark.parametrize("sentence, clause, rule", [
    ("Mora commended the relations between Astana and Brussels and said that the EU would do more.",
     "the EU would do more", "speaker_cue_that"),
    ("Mora was blunt and said the EU would do more.", "the EU would do more", "speaker_cue_clause"),
    ("Mora met the minister but noted that the EU would do more.", "the EU would do more", "speaker_cue_that"),
])
def test_the_subject_of_a_first_predicate_speaks_in_the_second(sentence, clause, rule):
    assert _rows("EU Ambassador Johannes Mora visited Astana.", sentence) == [
        ("reported", clause, "Johannes Mora", rule)]


def test_an_outlets_according_to_before_a_frame_credits_the_outlet_not_the_speaker():
    rows = _rows("According to NRT, Saadi Ahmed Pire, the spokesperson of the union, told the media of the party: "
                 "“The salaries of regional employees should not be cut.”")
    assert rows == [("direct", "The salaries of regional employees should not be cut.", "Saadi Ahmed Pire",
                     "frame_before")]


@pytest.mark.parametrize("frame", ["said,", "told reporters,", "told a parliamentary committee,"])
def test_a_quote_after_a_frame_and_a_comma_opens_even_when_it_holds_a_speech_verb(frame):
    # the quote's own "say" must not make its opening mark read as a closer typed after the space
    assert _rows(f"RBNZ Governor Adrian Orr {frame} “We can all say we are officially contractionary now.”") == [
        ("direct", "We can all say we are officially contractionary now.", "Adrian Orr", "frame_before")]


def test_the_company_is_the_last_company_named_with_its_legal_form():
    rows = _rows("PRINCE GEORGE, B.C. — Imperial Metals Corp. (TSX:III) is laying off a third of its workforce.",
                 "“The savings have not been sufficient to offset copper prices,” the company said.")
    assert rows == [("direct", "The savings have not been sufficient to offset copper prices",
                     "Imperial Metals Corp.", "speaker_cue_after")]


def test_an_acronym_the_article_spelled_out_in_lower_case_is_that_organisation():
    rows = _rows("India’s ministry of external affairs (MEA) said on Monday that the roadmap was final.",
                 "“The two sides deliberated on ways to enhance cooperation,” the MEA said in the statement.")
    assert [(kind, speaker) for kind, _, speaker, _ in rows] == [
        ("reported", "India’s ministry of external affairs"), ("direct", "India’s ministry of external affairs")]


def test_an_acronym_the_article_never_spells_out_speaks_as_written():
    assert _rows("“Demand for oil will peak before 2030,” the IEA said.") == [
        ("direct", "Demand for oil will peak before 2030", "IEA", "speaker_cue_after")]


def test_a_statement_named_with_its_issuer_speaks_for_the_issuer():
    rows = _rows("A Chinese foreign ministry statement about the meeting did not mention the points raised.",
                 "“The two sides had a candid exchange of views on issues of common concern,” the Chinese statement said.")
    assert rows == [("direct", "The two sides had a candid exchange of views on issues of common concern",
                     "Chinese foreign ministry", "speaker_cue_after")]


def test_according_to_a_person_keeps_a_clause_whose_own_subject_is_a_place():
    rows = _rows("Deputy Prime Minister Serik Zhumangarin spoke.",
                 "According to him, Baku suggested other routes, for example, the Baku-Supsa pipeline.")
    assert rows == [("reported", "Baku suggested other routes, for example, the Baku-Supsa pipeline",
                     "Serik Zhumangarin", "according_to_before")]


def test_a_countrys_statement_is_never_another_countrys_ministry():
    rows = _rows("A Chinese foreign ministry statement about the meeting did not mention the points raised.",
                 "In addition, the Japanese statement said the ministers confirmed progress on seafood imports.")
    assert [speaker for _, _, speaker, _ in rows] == []


def test_the_first_paragraph_of_a_quote_over_two_keeps_its_reported_speech_inside():
    rows = _rows("Energy Minister Almassadam Satkaliyev described his talks with the investors.",
                 "“When I met them in March, they said the plant would be built by 2026.",
                 "“Now they are asking for another two years,” the minister added.")
    assert rows == [("direct", "When I met them in March, they said the plant would be built by 2026.\n\n"
                               "Now they are asking for another two years", "Almassadam Satkaliyev",
                     "speaker_cue_after")]


@pytest.mark.parametrize("sentence", [
    "Kazakh President Kassym-Jomart Tokayev met the Chinese ambassador, who thanked him and said that Beijing "
    "valued the partnership.",
    "President Tokayev visited the plant, where its director showed him the line and said that exports would grow.",
])
def test_a_first_predicate_subject_never_reaches_across_a_relative_clause(sentence):
    assert [speaker for _, _, speaker, _ in _rows(sentence)] != ["Kassym-Jomart Tokayev"]


def test_they_after_a_single_speaker_is_not_that_speaker():
    rows = _rows("“We do not plan to raise prices,” Chief Executive Aidar Seitkali said, though they said that a "
                 "review was possible.")
    assert rows == [("direct", "We do not plan to raise prices", "Aidar Seitkali", "speaker_cue_after")]


@pytest.mark.parametrize("sentence", [
    "As predicted by most analysts, the central bank kept its base rate at 14.75%.",
    "As noted by the Minister of Energy, gas output rose by 4%.",
])
def test_as_noted_by_nobody_named_is_the_writers_own_statement(sentence):
    assert _rows(sentence) == []


def test_a_quote_whose_closing_mark_was_lost_ends_before_an_attribution_standing_as_its_own_sentence():
    rows = _rows("Special Representative Azizbek Urunov posted on LinkedIn.",
                 "“The year was historic. All the credits go to the negotiation team members! Azizbek Urunov wrote.")
    assert rows == [("direct", "The year was historic. All the credits go to the negotiation team members!",
                     "Azizbek Urunov", "next_sentence")]


def test_he_after_an_organisations_quote_is_not_that_organisation():
    assert _rows("“The plan is good,” SOCAR said.", "“The plan is good for us all,” he said.") == [
        ("direct", "The plan is good", "SOCAR", "speaker_cue_after"),
        ("direct", "The plan is good for us all", "", "no_attribution"),
    ]


def test_the_statement_is_issued_by_the_subject_of_issuing_it_not_the_outlet_reporting_that():
    rows = _rows("APA reports that the spokesperson of the European Commission issued a statement on the events.",
                 "The EU calls for an independent investigation into the violence, the statement said.")
    assert rows[-1][1:] == ("The EU calls for an independent investigation into the violence",
                            "European Commission", "speaker_cue_after")


@pytest.mark.parametrize("cue", ["expressed hope", "expressed confidence"])
def test_expressing_hope_or_confidence_that_reports_a_clause(cue):
    assert _rows(f"Minister Aidar Bekov {cue} that the plant will open in 2027.") == [
        ("reported", "the plant will open in 2027", "Aidar Bekov", "speaker_cue_that")]


def test_a_frame_after_an_outlets_credit_names_the_speaker():
    assert _rows("Environment Secretary Regina Lopez closed 23 mines.",
                 "Reuters reports Lopez, in a blog post on Wednesday, said pit mining brings “far too much danger to "
                 "island villages” that floods reach.") == [
        ("reported", "pit mining brings “far too much danger to island villages” that floods reach", "Regina Lopez",
         "speaker_cue_clause"),
        ("direct", "far too much danger to island villages", "Regina Lopez", "frame_before")]


def test_an_outlets_credit_with_no_frame_after_it_is_the_speaker_of_what_it_reports():
    assert _rows("Kursiv also reports that refiners in China will keep most of the lithium trade for another "
                 "decade.") == [("reported", "refiners in China will keep most of the lithium trade for another "
                                             "decade", "Kursiv", "speaker_cue_that")]


def test_a_straight_mark_after_a_full_stop_and_before_a_capital_opens_a_quote_whatever_cue_word_it_holds():
    # "member states’" holds the cue word "states": the mark before "This" still opens, never closes
    assert _rows("Kazakh President Kassym-Jomart Tokayev spoke in Moscow.",
                 "Tokayev proposed joint investments in the ports of Iran. \"This will open new markets for member "
                 "states’ grain and shorten our routes,\" the president said.") == [
        ("direct", "This will open new markets for member states’ grain and shorten our routes",
         "Kassym-Jomart Tokayev", "speaker_cue_after")]


def test_the_report_says_is_the_owner_the_article_gave_the_report():
    rows = _rows("Trade grew, according to data from the Statistics Agency under the President of Tajikistan.",
                 "As follows from the agency's report, imports from Russia came to $700 million.",
                 "Russia stayed the largest source of imports.",
                 "\"Imports came mainly from Russia and China,\" the report says.")
    assert rows[-1] == ("direct", "Imports came mainly from Russia and China",
                        "Statistics Agency under the President of Tajikistan", "speaker_cue_after")


@pytest.mark.parametrize("paras, speaker", [
    (["The White House on Friday welcomed the ceasefire.",
      "In Friday's statement, officials urged both sides to keep talking.",
      "“We call on all parties to respect the agreement,” the statement said."], ""),
    (["Kazakhstan's energy ministry said on Monday it would raise fuel prices from April.",
      "Greenpeace's report last month warned that cheap fuel was encouraging waste.",
      "“Households on low incomes will be protected,” the statement said."], "Kazakhstan's energy ministry"),
    (["Human Rights Watch released a report on Monday accusing both sides of war crimes.",
      "The foreign ministry said its troops had followed the law. “Our army respects the law,” the statement said."],
     "foreign ministry"),
])
def test_a_statement_is_issued_by_an_organisation_owning_or_issuing_a_document_of_that_name_only(paras, speaker):
    assert [row[2] for row in _rows(*paras) if row[0] == "direct"] == [speaker]


def test_a_person_who_writes_that_is_the_speaker_not_an_outlets_credit():
    assert _rows("In her weekly column, historian Anne Miller writes that Moscow has said one thing and done another "
                 "for years: “The pattern is very old.”")[-1][1:3] == ("The pattern is very old.", "Anne Miller")


@pytest.mark.parametrize("participle", ["writing on his X account", "adding in an interview", "noting"])
def test_a_participle_and_where_it_was_said_before_a_colon_gives_the_sentences_subject(participle):
    assert _rows(f"Deputy Foreign Minister Roman Vassilenko congratulated his colleague, {participle}: “Our two "
                 "countries have much more to do together!”") == [
        ("direct", "Our two countries have much more to do together!", "Roman Vassilenko", "participle_before")]


@pytest.mark.parametrize("speaker", ["the consortium", "the ministry"])
def test_a_cue_set_between_commas_after_the_topic_gives_the_cues_own_subject(speaker):
    rows = article_rows(["The Caspian Link consortium and the Ministry of Energy opened the pipeline on Friday.",
                         f"Exports through the new line, {speaker} said, “will double by the end of next year.”"])
    assert [(r.kind, r.speaker != "" and not r.speaker.startswith("Exports")) for r in rows] == [("direct", True)]


def test_a_name_before_a_lower_case_organisation_word_is_what_that_word_refers_to():
    assert _rows("The Caspian Link consortium led by a Norwegian utility said that the line was ready.",
                 "“Gas will flow by March,” the consortium said.") == [
        ("reported", "the line was ready", "Caspian Link consortium", "speaker_cue_that"),
        ("direct", "Gas will flow by March", "Caspian Link consortium", "speaker_cue_after")]


@pytest.mark.parametrize("country, side", [("Norway", "other"), ("The Democratic Republic of Congo", "other"),
                                           ("The Kingdom of Spain", "EU"), ("Kenya", "other"), ("Turkey", "other")])
def test_a_country_that_speaks_is_its_state(country, side):
    rows = article_rows([f"{country} said on Friday it would open two seabed areas to mineral licences next year."])
    assert [(r.kind, r.speaker, r.side) for r in rows] == [("reported", country.removeprefix("The "), side)]


def test_a_partial_quote_going_on_after_a_document_named_before_it_is_a_quote_not_a_title():
    rows = _rows("The ministry said on Monday it had left the talks because the draft agreement “gave away too much "
                 "of the country’s copper.”")
    assert [(kind, speaker) for kind, _, speaker, _ in rows] == [("reported", "ministry"), ("direct", "ministry")]


def test_a_law_quoted_by_its_title_after_the_word_law_stays_a_title():
    assert _rows("The senate passed amendments to the law “on subsoil and subsoil use.”") == []


@pytest.mark.parametrize("opener", ["Last month", "Earlier this week", "On Tuesday", "Yesterday"])
def test_when_it_was_said_opening_the_sentence_without_a_comma_leaves_the_speaker(opener):
    rows = article_rows([f"{opener} Deputy Prime Minister Aida Nurlanova told reporters that two bidders remained."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Aida Nurlanova", "Deputy Prime Minister")]


@pytest.mark.parametrize("description", ["the local unit of a Swiss trader which runs the mine",
                                         "the world's biggest zinc producer", "Kazakhstan's leading battery maker",
                                         "a subsidiary of the state holding", "the state mining company"])
def test_a_name_whose_apposition_describes_an_organisation_is_that_organisation(description):
    rows = article_rows([f"Output fell by a tenth in March, Altai Zinc, {description}, said on Friday."])
    assert [(r.speaker, r.person, r.speaker_role) for r in rows] == [("Altai Zinc", "", "")]


def test_the_government_with_none_named_is_never_a_company_that_spoke_before():
    rows = article_rows(["Altai Zinc cut its output by a tenth in March, the company said.",
                         "The government said in a statement that it would buy the plant."])
    assert [r.speaker for r in rows] == ["Altai Zinc", "government"]


def test_an_organisation_word_heads_the_phrase_whatever_role_word_describes_it():
    rows = article_rows(["Energy Minister Omar Haddad signed the deal on Sunday.",
                         "The plant will be built by 2030, the official Jordanian news agency said on Sunday.",
                         "The first tender opens in May, the state news agency Petra said."])
    assert [(r.speaker, r.person) for r in rows] == [("official Jordanian news agency", ""), ("Petra", "")]


def test_a_press_service_written_with_a_hyphen_is_a_press_service():
    rows = article_rows(["Gas supplies to the south resumed on Monday, the press-service of Aral Gas holding said."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Aral Gas holding", "press service")]


def test_an_apposition_set_off_with_dashes_is_read_as_one_set_off_with_commas():
    rows = article_rows(["Kazfuel company - another large chain of filling stations - said that six stations had "
                         "closed.", "Aibek Sadykov - Vice Minister of Energy - said that supplies were enough."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Kazfuel company", ""),
                                                           ("Aibek Sadykov", "Vice Minister of Energy")]


def test_a_relative_clause_without_commas_after_a_name_leaves_the_name():
    rows = article_rows(["The cells are made by Volta Cells (VC).",
                         "Separately, VC which also supplies two carmakers said it was reviewing a plant in Ohio."])
    assert [(r.text, r.speaker) for r in rows] == [("it was reviewing a plant in Ohio", "Volta Cells")]


def test_a_second_speakers_frame_after_while_starts_a_clause_of_their_own():
    rows = article_rows(["Norway said it would keep its output flat through 2026, while Chile said it would raise "
                         "copper exports by a fifth."])
    assert [(r.text, r.speaker) for r in rows] == [("it would keep its output flat through 2026", "Norway"),
                                                   ("it would raise copper exports by a fifth", "Chile")]


def test_the_writers_note_that_nothing_more_was_said_is_no_part_of_the_clause():
    rows = article_rows(["The European Commission said it was reviewing the tender rules, without elaborating on "
                         "the timing."])
    assert [(r.text, r.speaker) for r in rows] == [("it was reviewing the tender rules", "European Commission")]


@pytest.mark.parametrize("verb", ["resumed", "continued"])
def test_a_cue_that_marks_speech_only_next_to_a_quote_is_an_action_before_anything_else(verb):
    rows = article_rows(["Aral Gas said its pipeline was repaired on Monday.",
                         f"From 16 April, Tajikistan {verb} gas imports from the north, the statement said.",
                         f"The minister {verb}: “Supplies will stay stable through the winter.”"])
    assert [(r.kind, r.speaker) for r in rows] == [("reported", "Aral Gas"), ("reported", "Aral Gas"),
                                                   ("direct", "")]


def test_a_cue_that_marks_speech_only_next_to_a_quote_frames_the_quote_in_the_next_paragraph():
    rows = article_rows(["Deputy Minister Aliya Serik opened the forum.", "She continued:",
                         "“Our wells will stay open through the winter.”"])
    assert [(r.kind, r.speaker) for r in rows] == [("direct", "Aliya Serik")]


def test_a_company_described_by_where_it_is_based_is_the_company_named_before():
    rows = article_rows(["Imperial Copper Corp. cut output at its Birch mine on Monday.",
                         "The Vancouver-based company said it had laid off 200 workers."])
    assert [(r.speaker, r.rule) for r in rows] == [("Imperial Copper Corp", "speaker_cue_clause")]


def test_a_described_state_body_stays_as_written_not_the_last_organisation():
    rows = article_rows(["The European Union signed a memorandum on lithium with Astana.",
                         "The state geological service estimated last year that the country holds 50,000 tonnes."])
    assert [r.speaker for r in rows] == ["state geological service"]


@pytest.mark.parametrize("verb", ["vowed", "pledged", "complained", "quipped"])
def test_a_verb_of_promising_or_complaining_after_a_quote_names_its_speaker(verb):
    assert _rows("Prime Minister Adam Nowak spoke in Katowice.",
                 f"“We will set up a ministry for the mines,” Nowak {verb}.") == [
        ("direct", "We will set up a ministry for the mines", "Adam Nowak", "speaker_cue_after")]


@pytest.mark.parametrize("verb", ["focused on", "spoke of", "dwelt on"])
def test_what_the_speaker_dwelt_on_in_quote_marks_is_their_words(verb):
    assert _rows("The head of the EU Delegation, Anna Berg, opened the forum.",
                 f"Referring to the challenges facing Europe, she {verb} “a war of conquest at our border.”") == [
        ("direct", "a war of conquest at our border.", "Anna Berg", "frame_before")]


def test_a_frame_after_four_introductory_phrases_still_names_the_speaker():
    assert _rows("Speaking at a forum in Almaty, Kazakhstan, hosted by the bank and the United Nations, UNEP, Maria Lind, "
                 "President of the Nordic Bank said: “We will fund solar farms across the region.”") == [
        ("direct", "We will fund solar farms across the region.", "Maria Lind", "frame_before")]


@pytest.mark.parametrize("sentence, speaker", [
    ("Astana, Tashkent and Bishkek signed the water deal, and the Asian Development Bank said that it would fund "
     "the canals.", "Asian Development Bank"),
    ("Brent fell below $70, oil output slipped, and the central bank said that the tenge would weaken.",
     "central bank"),
])
def test_a_clause_and_then_an_organisation_is_no_name_with_an_apposition(sentence, speaker):
    assert [r.speaker for r in article_rows([sentence])] == [speaker]


@pytest.mark.parametrize("trade", ["a crane operator at the port", "a small supplier of spare parts"])
def test_a_person_whose_apposition_names_a_trade_stays_a_person_with_that_role(trade):
    rows = article_rows([f"Marat Abenov, {trade}, said work had slowed since March."])
    assert [(r.speaker, r.person, r.speaker_role) for r in rows] == [("Marat Abenov", "Marat Abenov", trade.split(
        " ", 1)[1])]


def test_a_short_clause_before_a_second_speakers_frame_is_kept():
    rows = article_rows(["Kazatomprom said output fell, while Cameco said its own production would rise."])
    assert [(r.text, r.speaker) for r in rows] == [("output fell", "Kazatomprom"),
                                                   ("its own production would rise", "Cameco")]


def test_a_participle_inside_a_noun_phrase_after_while_opens_no_second_frame():
    rows = article_rows(["Kazatomprom said production would rise next year, while the price stated in the contract "
                         "would stay fixed."])
    assert [r.text for r in rows] == ["production would rise next year, while the price stated in the contract would "
                                      "stay fixed"]


@pytest.mark.parametrize("tail", ["continued, noting that", "continued by saying that", "continued that"])
def test_continued_frames_speech_before_a_participle_or_that(tail):
    rows = article_rows([f"EU Ambassador Kestutis Jankauskas {tail} the EU was the largest investor."])
    assert [(r.speaker, r.side) for r in rows] == [("Kestutis Jankauskas", "EU")]


@pytest.mark.parametrize("title", ["amending certain legislative acts on energy.", "with amendments to the Tax Code.",
                                   "concerning the use of subsoil."])
def test_a_law_named_in_lower_case_after_the_word_law_is_no_quote(title):
    assert article_rows([f"Deputies discussed the draft law “{title}”"]) == []


def test_a_weekday_before_a_lower_case_organisation_word_is_no_part_of_its_name():
    rows = article_rows(["On Thursday ministry officials inspected the refinery.",
                         "The ministry said that the refinery would reopen in May."])
    assert [r.speaker for r in rows] == ["ministry"]


def test_the_government_after_a_cabinet_spoke_is_that_cabinet():
    rows = article_rows(["The Kazakh cabinet said on Monday that wheat duties would fall.",
                         "The government added that the cut would last a year."])
    assert [(r.speaker, r.side) for r in rows] == [("Kazakh cabinet", "Kazakhstan")] * 2


@pytest.mark.parametrize("gap", [" speaking at the economic forum in Davos", ", speaking at the forum in Davos,",
                                 " addressing the parliament"])
def test_where_the_speaker_spoke_between_the_cue_and_that_leaves_the_clause(gap):
    rows = article_rows([f"Economy Minister Samir Aliyev said{gap} that Azerbaijan has more gas for Europe."])
    assert [(r.text, r.speaker) for r in rows] == [("Azerbaijan has more gas for Europe", "Samir Aliyev")]


@pytest.mark.parametrize("before, speaker", [
    ("Speaking at the forum, President Kassym-Jomart Tokayev called for more investment in green hydrogen.",
     "Kassym-Jomart Tokayev"),
    ("Deputy Minister Aliya Serikova toured the Pavlodar plant. She also praised its engineers.", "Aliya Serikova"),
    ("Energy Minister Parviz Alakbarov shared the news in a post on his official page.", "Parviz Alakbarov"),
    # doing anything, not only speaking: news quotes the person it has just described acting
    ("On Wednesday, Senate Speaker Maulen Ashimbayev opened the joint session of Parliament.", "Maulen Ashimbayev"),
    ("In Tashkent, Energy Minister Jurabek Mirzamahmudov inaugurated a solar plant built by Masdar.",
     "Jurabek Mirzamahmudov"),
])
def test_a_whole_paragraph_quote_after_a_paragraph_about_a_person_is_theirs(before, speaker):
    # nobody spoke in the paragraph before, but its last sentence has the person the quote goes on with acting
    assert _rows(before, "“Hydrogen is where our future lies.”") == [
        ("direct", "Hydrogen is where our future lies.", speaker, "subject_of_paragraph_before")]


@pytest.mark.parametrize("before", [
    "The ministry plans three new fields in the west of the country.",  # an organisation, not a person
    "Aliya Serikova toured the plant. Output doubled last year.",  # the last sentence is about something else
    "Police officer Daniyar Seitov was injured in the blast on Friday.",  # the person the story is about, not a speaker
    "Daniyar Seitov's lawyer filed an appeal on Monday.",  # a possessive: the lawyer acts, not Seitov
    "Aliya Serikova was shown the new turbines by the engineers.",  # a passive: others act
])
def test_a_whole_paragraph_quote_after_a_paragraph_not_ending_on_a_person_stays_unattributed(before):
    rows = _rows(before, "“Hydrogen is where our future lies.”")
    assert rows[-1] == ("direct", "Hydrogen is where our future lies.", "", "no_attribution")


def test_a_post_names_the_one_person_a_story_names_when_it_gave_them_none():
    rows = _rows("“Nobody should travel abroad without need,” said Alisher Karimov.",
                 "Schools stay open in every region.",
                 "“We publish every measure we take,” the Health Minister said.")
    assert [(r[2], r[3]) for r in rows] == [("Alisher Karimov", "cue_speaker_after"),
                                            ("Alisher Karimov", "speaker_cue_after")]
    assert [r.speaker_role for r in article_rows(["“Nobody should travel abroad without need,” said Alisher Karimov.",
                                                  "Schools stay open in every region.",
                                                  "“We publish every measure we take,” the Health Minister said."])
            ] == ["Health Minister", "Health Minister"]


@pytest.mark.parametrize("first", [
    "“Nobody should travel abroad without need,” said Alisher Karimov, an analyst at Halyk Bank.",  # a role of his own
    "Alisher Karimov, a reporter for a news site, has been missing since Thursday.",  # named, but has not spoken
    "“Nobody should travel abroad without need,” said Alisher Karimov after meeting Dilnoza Rahimova.",  # two people
])
def test_a_post_names_no_one_when_the_story_names_several_or_gave_a_role(first):
    rows = _rows(first, "Schools stay open in every region.",
                 "“We publish every measure we take,” the Health Minister said.")
    assert rows[-1][2] == ""


@pytest.mark.parametrize("description", ["a virologist", "a retired schoolteacher", "a move that surprised many"])
def test_a_full_name_described_by_what_the_person_is_still_speaks(description):
    # "said X, a virologist": no title news lists as a role, but a description of the person named
    assert _rows(f"“Nobody should travel abroad without need,” said Nurlan Karimov, {description}.") == [
        ("direct", "Nobody should travel abroad without need", "Nurlan Karimov", "cue_speaker_after")]


@pytest.mark.parametrize("firm", ["Capital Economics, a research firm", "Wood Mackenzie, a consultancy"])
def test_a_firm_described_by_its_kind_is_no_person(firm):
    rows = article_rows([f"“Inflation will ease next year,” said {firm}.", "The central bank cut its rate on Friday.",
                         "“We see room for further cuts,” the central bank governor said."])
    assert [(r.speaker, r.person) for r in rows] == [("", ""), ("", "")]


@pytest.mark.parametrize("tail, cue", [
    ("”, — said today the President of Tajikistan Emomali Rahmon.", "said"),  # a translated report's dash and day
    ("”, — said yesterday the President of Tajikistan Emomali Rahmon.", "said"),
    ("”, — expressed concern the President of Tajikistan Emomali Rahmon.", "expressed concern"),
])
def test_the_attribution_after_a_quote_in_translated_and_online_news(tail, cue):
    rows = article_rows([f"“Glaciers feed most of the region's rivers{tail}"])
    assert [(r.text, r.speaker, r.cue) for r in rows] == [
        ("Glaciers feed most of the region's rivers", "Emomali Rahmon", cue)]


def test_a_day_word_between_an_inverted_cue_and_its_speaker_after_a_reported_clause():
    rows = article_rows(["Deputy Prime Minister Serik Zhumangarin visited the plant.",
                         "The plant will double its output next year, said today the Deputy Prime Minister."])
    assert [(r.kind, r.text, r.speaker) for r in rows] == [
        ("reported", "The plant will double its output next year", "Serik Zhumangarin")]


def test_a_whole_paragraph_quote_after_a_title_with_its_holder_in_commas_doing_something_in_speech():
    # "The Minister of X of Y, NAME, congratulated …" / "“…": the title runs over "of" phrases to its name
    rows = article_rows(["The Minister of Energy of the Republic of Kazakhstan, Almasadam Satkaliyev, congratulated "
                         "the oil workers on their holiday.",
                         "“Last year the industry produced 90 million tonnes of oil.”"])
    assert [(r.text, r.speaker, r.rule) for r in rows] == [
        ("Last year the industry produced 90 million tonnes of oil.", "Almasadam Satkaliyev",
         "subject_of_paragraph_before")]


def test_a_title_in_lower_case_after_the_quote_names_its_holder_and_a_participle_ends_it():
    # news style writes a title in lower case when no name follows ("the Kazakh health minister"), and a
    # Kazakh outlet's "Health Minister X" is the Kazakh one; "assuring that …" after it is the minister's next
    # clause, not an apposition
    rows = article_rows(["Health Minister Aigul Sadykova met doctors in Taraz on Tuesday.",
                         "The ministry opened two clinics in the region last year.",
                         "«Some villages still have no clinic,» said the Kazakh health minister, assuring that every "
                         "village would have one within five years."], home="Kazakhstan")
    assert [(r.kind, r.text, r.speaker, r.cue) for r in rows] == [
        ("direct", "Some villages still have no clinic", "Aigul Sadykova", "said"),
        ("reported", "every village would have one within five years", "Aigul Sadykova", "assured")]


@pytest.mark.parametrize("para, speaker, clause", [
    ("The Georgian Infrastructure Ministry released a long statement yesterday, saying that the port would be "
     "built.", "Georgian Infrastructure Ministry", "the port would be built"),
    ("Kazakh Energy Minister Almasadam Satkaliyev visited the refinery, noting that output would double.",
     "Almasadam Satkaliyev", "output would double"),
    # the subject after an introductory phrase, never the phrase's first word
    ("Regarding plans for a pipeline under the Caspian Sea, Almasadam Satkaliyev was cautious, stressing that "
     "the seabed had to be divided first.", "Almasadam Satkaliyev", "the seabed had to be divided first"),
])
def test_a_participle_of_speech_after_the_main_clause_reports_its_subject(para, speaker, clause):
    rows = article_rows([para])
    assert [(r.kind, r.speaker, r.text, r.rule) for r in rows] == [("reported", speaker, clause, "subject_participle")]


def test_a_quote_inside_a_participles_clause_is_the_subjects():
    rows = article_rows(["The Georgian Infrastructure Ministry released a statement, saying that the project “is not "
                         "connected with any private company.”"])
    assert [(r.kind, r.speaker, r.rule) for r in rows] == [
        ("reported", "Georgian Infrastructure Ministry", "subject_participle"),
        ("direct", "Georgian Infrastructure Ministry", "participle_clause_before")]


@pytest.mark.parametrize("para", [
    "Output rose sharply in May, meaning that exports grew.",  # no participle of speech
    "The Kazakh side said it would study the offer, noting that talks went on.",  # "side" is no verb: no subject
])
def test_no_subject_no_participle_clause(para):
    assert "subject_participle" not in [r.rule for r in article_rows([para])]


def test_a_company_posting_results_is_no_speech_and_the_clause_added_after_is_the_speakers():
    rows = article_rows(["KazMunayGas posted a net profit of 1.2 trillion tenge, CEO Askhat Kassenov said, adding that "
                         "output had grown."])
    assert [(r.text, r.speaker) for r in rows][-1] == ("output had grown", "Askhat Kassenov")


def test_a_companys_abbreviated_legal_form_in_the_speakers_apposition_ends_no_sentence():
    rows = article_rows(["“The licence removes a long uncertainty,” Dana Ortiz, an analyst with Harbour Securities Ltd. "
                         "said in a note."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Dana Ortiz", "analyst with Harbour Securities Ltd.")]


@pytest.mark.parametrize("verb", ["asked", "wondered", "joked", "retorted", "countered", "exclaimed", "went on",
                                  "opined", "affirmed", "disclosed", "summarised", "recounted", "confided"])
def test_a_rarer_verb_of_speech_after_a_quote_names_its_speaker(verb):
    assert _rows("Energy Minister Parviz Aliyev visited the site on Monday.",
                 f"“The pipeline will pay for itself,” Aliyev {verb}.") == [
        ("direct", "The pipeline will pay for itself", "Parviz Aliyev", "speaker_cue_after")]


@pytest.mark.parametrize("verb", ["disclosed", "alleged", "contended", "forecast"])
def test_a_rarer_verb_of_speech_reports_a_clause_after_that(verb):
    assert _rows(f"The ministry {verb} that drilling had reached 75,000 metres.") == [
        ("reported", "drilling had reached 75,000 metres", "ministry", "speaker_cue_that")]


def test_a_question_asked_of_the_speaker_is_not_the_frame_of_the_answer():
    assert _rows("Asked whether the pipeline remains important for Kazakhstan, Yerlan Sadykov said: “Undoubtedly.”") \
        == [("direct", "Undoubtedly.", "Yerlan Sadykov", "frame_before")]
    assert _rows("The host asked whether the pipeline remains important, and Yerlan Sadykov said: “Undoubtedly.”") \
        == [("direct", "Undoubtedly.", "Yerlan Sadykov", "frame_before")]


@pytest.mark.parametrize("tail", ["as he put it", "as the minister put it", "as Aliyev told reporters"])
def test_as_the_speaker_put_it_after_a_quote_names_its_speaker(tail):
    assert _rows("Energy Minister Parviz Aliyev visited the site on Monday.",
                 f"The corridor is “a bridge between two continents,” {tail}.") == [
        ("direct", "a bridge between two continents", "Parviz Aliyev", "speaker_cue_after")]


def test_a_quote_inside_a_clause_reported_after_a_wire_dateline_is_the_subjects():
    corpus_text = ("BISHKEK Dec 22 The Kyrgyz government said on Tuesday it had ended talks with the miner because "
                   "the deal “ran against the national interests.”")
    from loaders.article import from_record
    paras = list(from_record("2024-01-01", corpus_text).paragraphs)
    assert [(r.kind, r.speaker) for r in article_rows(paras)] == [("reported", "Kyrgyz government"),
                                                                  ("direct", "Kyrgyz government")]


@pytest.mark.parametrize("where", ["at a press conference", "on Monday", "in an interview with Kazinform",
                                   "after the government meeting"])
def test_this_was_stated_by_a_speaker_named_with_where_it_was_said(where):
    assert _rows("“A stable tenge is our priority for the coming year.” This was stated by National Bank Governor "
                 f"Timur Suleimenov {where}.",
                 f"The harvest will reach 20 million tonnes. This was announced by Minister Aidar Saparov {where}.") == [
        ("direct", "A stable tenge is our priority for the coming year.", "Timur Suleimenov", "next_sentence"),
        ("reported", "The harvest will reach 20 million tonnes", "Aidar Saparov", "frame_next")]


@pytest.mark.parametrize("frame, speaker", [
    ("Energy Minister Almas Satkaliyev told journalists", "Almas Satkaliyev"),
    ("The chairman, Erik Lindgren, told Reuters on Monday", "Erik Lindgren"),
    ("Officials said", ""),
])
def test_a_clause_without_that_after_told_a_listener_or_an_unnamed_source(frame, speaker):
    assert _rows(f"{frame} the first nuclear power plant would be built near Lake Balkhash.") == [
        ("reported", "the first nuclear power plant would be built near Lake Balkhash", speaker, "speaker_cue_clause")]


def test_a_listener_whose_name_goes_on_is_no_clause():
    assert _rows("Earlier the Minister Aidar Bekov told the Government meeting about the growth of exports.") == []


@pytest.mark.parametrize("issued, document, speaker", [
    ("The EBRD released its Regional Economic Prospects report on Thursday.", "the report", "EBRD"),
    ("The Asian Development Bank released its Asian Development Outlook on Wednesday.", "the outlook",
     "Asian Development Bank"),
])
def test_a_document_released_under_a_long_or_capitalised_title_speaks_for_its_issuer(issued, document, speaker):
    rows = article_rows(["The Energy Ministry said that oil exports grew by ten percent last year.", issued,
                         f"“Growth in Central Asia remains robust despite external shocks,” {document} said."])
    assert [(r.kind, r.speaker) for r in rows] == [("reported", "Energy Ministry"), ("direct", speaker)]


@pytest.mark.parametrize("participle", ["urging", "adding", "warning", "recalling"])
def test_a_participle_right_after_an_inverted_cues_name_ends_the_name(participle):
    # "said Smailov urging …": some outlets set no comma before the participle that goes on with the speaker
    assert _rows("Prime Minister Alikhan Smailov chaired the session of the Government.",
                 f"«Local projects decide the welfare of our citizens,» said Smailov {participle} the akims to act.") == [
        ("direct", "Local projects decide the welfare of our citizens", "Alikhan Smailov", "cue_speaker_after")]


@pytest.mark.parametrize("after, speaker, role", [
    ("said Executive Vice-President Stéphane Séjourné, responsible for Prosperity and Industrial Strategy",
     "Stéphane Séjourné", "Executive Vice-President, responsible for Prosperity and Industrial Strategy"),
    ("said Commissioner Jozef Síkela, in charge of International Partnerships",
     "Jozef Síkela", "Commissioner, in charge of International Partnerships"),
])
def test_a_portfolio_set_off_after_the_name_completes_the_title(after, speaker, role):
    # EU and government press releases give a commissioner's portfolio after the name, in commas
    rows = article_rows([f"“Raw materials are the backbone of our industry,” {after}."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows] == [(speaker, role, "EU")]


@pytest.mark.parametrize("party, speaker, side", [
    ("The Kazakh side", "Kazakh side", "Kazakhstan"),
    ("The European side", "European side", "EU"),
    ("The Jordan side", "Jordan side", "other"),
])
def test_a_country_s_side_at_talks_speaks_with_that_country_s_side(party, speaker, side):
    # translated official news names a delegation by its country: "the Kazakh side noted that …"
    rows = article_rows([f"{party} said that it was ready to increase uranium supplies."])
    assert [(r.kind, r.speaker, r.side) for r in rows] == [("reported", speaker, side)]


@pytest.mark.parametrize("after", ["said Kate Mallinson of Chatham House", "Kate Mallinson of Chatham House said"])
def test_a_person_of_an_organisation_is_the_speaker_and_the_organisation_their_affiliation(after):
    # wire style: "said X of Y" names the person, and Y only says where they work
    rows = article_rows([f"“The hydrogen still needs buyers and pipelines,” {after}."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows] == [("Kate Mallinson", "Chatham House", "other")]
