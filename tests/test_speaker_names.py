"""How news writes a speaker's name, and how later mentions find the same person: one test per convention."""

import pytest

from loaders.quotes import article_rows
from loaders.quotes.names import name_in_chunk


def _speakers(*paras: str) -> list[tuple[str, str, str]]:
    return [(r.kind, r.text, r.speaker) for r in article_rows(list(paras))]


@pytest.mark.parametrize("initial", ["Kh.", "Ts.", "Zh.", "Kh. ", "S."])
def test_an_initial_glued_to_the_surname_is_part_of_the_name(initial):
    # Mongolian and Kazakh agencies write a transliterated given name's initial, one or two letters, before the surname
    assert _speakers(f"“The smelter will open in 2027 as planned,” said {initial}Badamsuren, director of the plant.",
                     f"{initial}Badamsuren said the copper would go to China.") == [
        ("direct", "The smelter will open in 2027 as planned", f"{initial}Badamsuren"),
        ("reported", "the copper would go to China", f"{initial}Badamsuren"),
    ]


def test_the_diplomat_is_the_foreign_minister_named_before():
    assert _speakers("Reporters phoned Lithuania's Minister of Foreign Affairs Linas Linkevicius on Monday.",
                     "“We see clearly what is real and what is not”, the diplomat said.") == [
        ("direct", "We see clearly what is real and what is not", "Linas Linkevicius")]


def test_the_diplomat_is_the_ambassador_not_someone_in_a_foreign_investment_department():
    assert _speakers("The Kazakh ambassador to Germany, Nurlan Onzhanov, visited the plant. Also present was Aigul "
                     "Serikova, head of the foreign investment department at the trade ministry.",
                     "“German investors see Kazakhstan as a reliable partner,” the diplomat said.") == [
        ("direct", "German investors see Kazakhstan as a reliable partner", "Nurlan Onzhanov")]


def test_a_spanish_name_is_called_by_the_fathers_surname():
    # Given name, father's surname, mother's surname: "Boric" is Gabriel Boric Font, never a new person
    assert _speakers("Presidential candidate Gabriel Boric Font proposed a state lithium company.",
                     "“Lithium is the mineral of the future,” Boric said in Iquique.") == [
        ("direct", "Lithium is the mineral of the future", "Gabriel Boric Font")]


def test_a_shorter_form_of_a_full_name_given_before_is_the_same_person():
    assert _speakers("Presidential candidate Gabriel Boric Font proposed a state lithium company.",
                     "The Chilean candidate Gabriel Boric met regional governors in Tarapacá.",
                     "“Lithium is the mineral of the future,” Boric said.") == [
        ("direct", "Lithium is the mineral of the future", "Gabriel Boric Font")]


def test_a_sons_name_is_not_a_longer_form_of_his_fathers():
    rows = _speakers("Senator Ferdinand Marcos Jr spoke first.",
                     "Former president Ferdinand Marcos said the mines would reopen.")
    assert rows == [("reported", "the mines would reopen", "Ferdinand Marcos")]


@pytest.mark.parametrize("alias", ["Joko Widodo or Jokowi", "Joko Widodo (Jokowi)", "Joko Widodo, better known as Jokowi"])
def test_a_name_a_person_is_also_known_by_is_that_person(alias):
    assert _speakers(f"President {alias} ordered a stop to bauxite exports.",
                     "“We get nothing from raw exports, nothing at all,” Jokowi said.") == [
        ("direct", "We get nothing from raw exports, nothing at all", "Joko Widodo")]


def test_or_before_another_persons_surname_gives_no_alias():
    rows = _speakers("It is unclear whether Emmanuel Macron or Scholz will attend the summit in Astana.",
                     "“We are preparing a package of energy agreements,” Scholz said on Monday.")
    assert rows == [("direct", "We are preparing a package of energy agreements", "Scholz")]


def test_or_before_another_full_name_gives_no_alias():
    rows = _speakers("Either Joko Widodo or Prabowo Subianto will open the smelter.",
                     "“The smelter is ready for the ceremony,” Prabowo said.")
    assert rows == [("direct", "The smelter is ready for the ceremony", "Prabowo Subianto")]


@pytest.mark.parametrize("insert", ["in a Facebook post on Tuesday", "speaking at the forum", "in an interview",
                                    "writing on Telegram"])
def test_where_a_speaker_spoke_set_off_in_commas_leaves_the_speaker(insert):
    assert _speakers("Former minister Regina Lopez opposed open pits.",
                     f"Lopez, {insert}, said open pits pose “very high risks to the islands and their people”.",
                     f"“Open pits do not fit this country,” Lopez, {insert}, said.") == [
        ("reported", "open pits pose “very high risks to the islands and their people”", "Regina Lopez"),
        ("direct", "very high risks to the islands and their people", "Regina Lopez"),
        ("direct", "Open pits do not fit this country", "Regina Lopez"),
    ]


def test_in_charge_of_is_a_role_not_where_the_speaker_spoke():
    rows = _speakers("“Exports will double,” said Aidar Bekov, in charge of trade at the ministry.")
    assert [(r.speaker, r.speaker_role) for r in article_rows(["“Exports will double,” said Aidar Bekov, in charge "
                                                               "of trade at the ministry."])] == [
        ("Aidar Bekov", "in charge of trade at the ministry")]
    assert rows == [("direct", "Exports will double", "Aidar Bekov")]


@pytest.mark.parametrize("chunk, name", [
    ("Rashid Meredov Foreign Minister", "Rashid Meredov"),  # a title after the name, no comma
    ("Menteri Besar Datuk Seri Aminuddin Harun", "Aminuddin Harun"),  # Malay office and honorific
    ("Tan Sri Muhyiddin Yassin", "Muhyiddin Yassin"),
    ("Sri Mulyani Indrawati", "Sri Mulyani Indrawati"),  # "Sri" alone opens a given name
    ("Tan Kim Hock", "Tan Kim Hock"),  # "Tan" alone is a surname
    ("Tun Tun Naung", "Tun Tun Naung"),  # a Myanmar name: "Tun" is no Malay prefix on its own
    ("Samruk Kazyna Chairman", ""),  # an organisation's name before a title: no person
    ("President Moon Jae-in", "Moon Jae-in"),  # a Korean given name's second syllable, in lower case
    ("Ex-President Moon Jae-in", "Moon Jae-in"),
])
def test_the_name_inside_a_capitalised_run(chunk, name):
    assert name_in_chunk(chunk)[0] == name


def test_a_malay_honorific_is_no_part_of_the_speakers_name():
    assert _speakers("Menteri Besar Datuk Seri Aminuddin Harun said the state has no objection to the plant.",
                     "“The ministry is ready to issue the permits,” Aminuddin said.") == [
        ("reported", "the state has no objection to the plant", "Aminuddin Harun"),
        ("direct", "The ministry is ready to issue the permits", "Aminuddin Harun"),
    ]


def test_the_first_two_words_of_a_three_word_name_are_that_person():
    assert _speakers("Finance Minister Sri Mulyani Indrawati presented the budget.",
                     "“The deficit stays under three percent,” Sri Mulyani said.") == [
        ("direct", "The deficit stays under three percent", "Sri Mulyani Indrawati")]


def test_a_presidential_candidate_speaks_as_one():
    rows = article_rows(["Presidential candidate Gabriel Boric Font visited the salt flats.",
                         "Lithium is coveted, “Generating jobs in the deposits,” highlights the presidential candidate."])
    assert [(r.text, r.speaker, r.speaker_role) for r in rows] == [
        ("Generating jobs in the deposits", "Gabriel Boric Font", "Presidential candidate")]


def test_an_arabic_article_joined_to_a_surname_is_part_of_the_name():
    assert _speakers("At an industry event in Abu Dhabi, Suhail al-Mazrouei stated that output would stay high.",
                     "“We are a phone call away,” Suhail said.") == [
        ("reported", "output would stay high", "Suhail al-Mazrouei"),
        ("direct", "We are a phone call away", "Suhail al-Mazrouei"),
    ]


def test_a_country_of_several_words_ending_a_role_is_no_name():
    rows = article_rows(["The energy minister for the United Arab Emirates, Suhail al-Mazrouei, said that supply "
                         "would hold."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [
        ("Suhail al-Mazrouei", "energy minister for the United Arab Emirates")]


def test_a_ministrys_field_is_no_part_of_the_ministers_name():
    rows = article_rows(["Union Minister of Petroleum and Natural Gas Hardeep Singh Puri said that India would buy "
                         "oil from wherever it has to.", "“Prices rose by only 2 per cent,” Puri told reporters."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [
        ("Hardeep Singh Puri", "Union Minister of Petroleum and Natural Gas")] * 2


def test_an_office_whose_fields_are_listed_with_commas_is_one_title():
    rows = article_rows(["At a briefing on Sept. 6, Minister of Economy, Trade and Industry Nishimura Yasutoshi "
                         "spoke. The minister said, “We will secure a stable supply of gas.”"])
    assert [(r.speaker, r.speaker_role) for r in rows] == [
        ("Nishimura Yasutoshi", "Minister of Economy, Trade and Industry")]


def test_of_two_roles_before_a_name_the_nearer_is_the_persons():
    rows = article_rows(["The chairman of the government delegation, deputy minister of state assets, Artur Soboń, "
                         "assessed that the agreement sets a fair path for the mines."])
    assert [(r.text, r.speaker, r.speaker_role) for r in rows] == [
        ("the agreement sets a fair path for the mines", "Artur Soboń", "deputy minister of state assets")]


def test_a_given_name_used_as_a_surname_is_still_the_surname():
    # "Bolat" is a Kazakh given name, and the surname of Türkiye's trade minister Omer Bolat
    rows = article_rows(["In turn, Turkish Trade Minister Omer Bolat spoke. “The global economy has changed,” he said."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Omer Bolat", "Turkish Trade Minister")]


def test_a_malay_honorific_after_a_title_is_no_part_of_the_role():
    rows = article_rows(["Sarawak Premier Tan Sri Abang Johari Tun Openg said Petros will work with Petronas."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Abang Johari Tun Openg", "Sarawak Premier")]


def test_an_undersecretary_is_a_title():
    rows = article_rows(["“We plan four more auctions this year,” said Energy Undersecretary Rowena Cristina Guevara."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Rowena Cristina Guevara", "Energy Undersecretary")]


@pytest.mark.parametrize("company", ["Petroleum Sarawak Bhd", "Aneka Tambang Tbk", "Northvolt AB"])
def test_a_name_ending_in_a_foreign_legal_form_is_a_company(company):
    assert name_in_chunk(company) == ("", -1)


def test_a_title_spelled_out_before_its_acronym_stays_a_title():
    assert _speakers("The prime minister (PM) Olzhas Bektenov chaired the meeting.",
                     "“The harvest must be protected,” the PM said.") == [
        ("direct", "The harvest must be protected", "Olzhas Bektenov")]


@pytest.mark.parametrize("kind", ["state nuclear corporation", "national company", "national grid operator",
                                  "state-owned company"])
def test_an_organisation_named_by_its_kind_before_a_name_is_no_part_of_the_name(kind):
    rows = article_rows([f"CEO of the {kind} Rosatom Alexey Likhachev told reporters that the plant is ready."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Alexey Likhachev", f"CEO of the {kind} Rosatom")]


def test_a_word_naming_an_offices_field_is_no_part_of_the_name_after_it():
    rows = article_rows(["Special Representative of the President on WTO Issues Azizbek Urunov wrote that talks "
                         "were over."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [
        ("Azizbek Urunov", "Special Representative of the President on WTO Issues")]


def test_an_office_whose_fields_are_listed_with_commas_keeps_its_holder_named_after_it():
    rows = article_rows(["Prime Minister Mukhammedkaliy Abylgaziev visited the mine.",
                         "According to the head of the State Committee of Industry, Energy and Subsoil Use, Ulan "
                         "Ryskulov, ten deposits can be launched. «Kyrgyzstan will receive more profit,» he said."])
    assert [(r.kind, r.text, r.speaker) for r in rows] == [
        ("reported", "ten deposits can be launched", "Ulan Ryskulov"),
        ("direct", "Kyrgyzstan will receive more profit", "Ulan Ryskulov"),
    ]


@pytest.mark.parametrize("acronym", ["SPA", "SOCAR", "NATO"])
def test_an_acronym_alone_before_a_speech_verb_is_an_organisation(acronym):
    rows = article_rows([f"“The cabinet authorised the minister to negotiate with Singapore,” {acronym} said."])
    assert [(r.speaker, r.person, r.side) for r in rows] == [(acronym, "", "other")]


def test_a_capitalised_dateline_is_no_speaker():
    rows = article_rows(["MOSCOW, Aug. 28 (UPI) -- Russian Energy Minister Alexander Novak said he was standing by "
                         "European energy needs."])
    assert "MOSCOW" not in [r.speaker for r in rows]


@pytest.mark.parametrize("credit", ["TDH reports", "the BBC reports"])
def test_an_acronym_the_article_never_spells_out_crediting_a_report_is_the_outlet_not_the_speaker(credit):
    rows = article_rows([f"Prime Minister Kuupik Kleist told the media “All are welcome if they meet our "
                         f"conditions,” {credit}.",
                         f"President Serdar Berdimuhamedov sent congratulations to the people of Tajikistan, {credit}."])
    assert [(r.kind, r.speaker) for r in rows] == [("direct", "Kuupik Kleist")]


def test_an_outlet_the_article_spells_out_is_the_speaker_of_what_it_reports():
    rows = article_rows(["The ambassador spoke at a round table, according to RosBusinessConsulting (RBC).",
                         "“Kazakhstan did not recognise the independence of Kosovo either,” RBC informs."])
    assert [(r.kind, r.speaker) for r in rows][-1] == ("direct", "RosBusinessConsulting")


@pytest.mark.parametrize("lead, person, role, side", [
    ("The European Investment Bank (EIB) will lend to Uzbekistan, the bank’s Senior Press Officer Dušan Ondrejička "
     "told Trend.", "Dušan Ondrejička", "European Investment Bank’s Senior Press Officer", "EU"),
    ("KazMunayGas shipped more oil via Baku. It was discussed between the company’s Chairman of the Board, Khassenov "
     "Askhat, and the President of SOCAR.", "Khassenov Askhat", "KazMunayGas’s Chairman of the Board", "Kazakhstan"),
])
def test_a_role_owned_by_an_organisation_named_by_its_kind_is_that_organisations(lead, person, role, side):
    rows = article_rows([lead, f"“We continue our joint work,” {person.split()[-1]} said."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows if r.kind == "direct"] == [(person, role, side)]


def test_a_role_named_again_in_the_words_first_used_is_that_holder_not_a_synonyms():
    rows = article_rows(["Trade grew by 33 percent, said Kazakh Prime Minister Alikhan Smailov during a video "
                         "conference with Chinese Premier Li Keqiang.",
                         "“Rail freight to the east will double,” said the Prime Minister."])
    assert [r.speaker for r in rows if r.kind == "direct"] == ["Alikhan Smailov"]


def test_the_one_word_after_a_title_and_of_is_the_organisation_not_a_surname():
    rows = article_rows(["Masdar wants to support green hydrogen, Al Ramahi Mohamed Jameel, CEO of Masdar, told Trend.",
                         "According to the CEO of Masdar, three wind farms there are already under way."])
    assert [r.speaker for r in rows] == ["Al Ramahi Mohamed Jameel", "Al Ramahi Mohamed Jameel"]


@pytest.mark.parametrize("named", ["The government of Uzbekistan", "The Uzbek government", "Uzbekistan's government"])
def test_a_government_spokesperson_speaks_for_the_government_named_in_lower_case(named):
    rows = article_rows([f"{named} will submit a proposal on the EAEU, the government's press service told Sputnik.",
                         "“The government will soon submit the proposal,” a government spokesperson said."])
    assert [(r.speaker, r.speaker_role) for r in rows if r.kind == "direct"] == [
        ("Government of Uzbekistan", "spokesperson")]


def test_fm_before_a_surname_is_a_title_not_part_of_the_name():
    rows = article_rows(["Foreign Minister Ilia Darchiashvili met partners in Brussels.",
                         "“The main message is support,” FM Darchiashvili said after the meeting."])
    assert [(r.speaker, r.person) for r in rows] == [("Ilia Darchiashvili", "Ilia Darchiashvili")]


def test_an_acronym_spelled_out_after_it_in_brackets_is_that_name():
    rows = article_rows(["REN (Rare Earths Norway) found a deposit in Fen.",
                         "“The deposit boasts 8.8 million tons,” REN confirmed."])
    assert [r.speaker for r in rows] == ["Rare Earths Norway"]


def test_a_role_whose_fields_are_listed_in_lower_case_belongs_to_the_name_before_it():
    rows = article_rows(["“Our offshore wind will heat homes across the region,” said Lars Aagaard, Denmark’s climate, "
                         "energy and utilities minister, in a statement."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows] == [
        ("Lars Aagaard", "Denmark’s climate, energy and utilities minister", "EU")]


def test_and_after_a_comma_joins_a_second_person_not_an_offices_field():
    rows = article_rows(["The meeting between Žygimantas Vaičiūnas, the Minister of Energy, and Frederik Smits van "
                         "Oyen, the Vice-President of the US company Cheniere, focused on the gas market.",
                         "The Vice-President of Cheniere added that the terminal in Klaipeda would be full all winter."])
    assert [r.speaker for r in rows] == ["Frederik Smits van Oyen"]


def test_a_role_before_an_honorific_is_the_named_persons_and_the_title_finds_its_one_holder():
    rows = article_rows(["The Prime Minister hosted the management of the Italian Terna company, headed by CEO, "
                         "Mr Luigi Ferraris.", "As CEO of Terna said, the new cable will reach the mainland in 2028."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Luigi Ferraris", "CEO")]


def test_a_sea_named_before_the_official_is_no_person():
    rows = article_rows(["Russian Deputy Prime Minister Alexey Overchuk visited Bishkek.",
                         "The parties \"agreed on the timetable for a new railway\" that will reach Uzbekistan and the "
                         "Caspian Sea, the official noted."])
    assert [r.speaker for r in rows] == ["Alexey Overchuk"]


@pytest.mark.parametrize("before, side", [("Kazakhstan would avoid a default, the government said.", "Kazakhstan"),
                                          ("Japan is the largest Asian investor in the region.", "other")])
def test_the_countrys_role_belongs_to_the_country_named_last_before(before, side):
    rows = article_rows([before, "“Prices will not jump,” the country’s PM, Karim Massimov, told journalists."],
                        home="Kazakhstan")
    assert [r.side for r in rows if r.speaker == "Karim Massimov"] == [side]


@pytest.mark.parametrize("kind", ["union", "commission", "group"])
def test_a_role_owned_by_a_union_commission_or_group_is_no_owners(kind):
    rows = article_rows(["The European Union agreed to soften its ban. The European Commission and the Eurasian "
                         "Resources Group welcomed it.",
                         f"“This gives our members a future,” the {kind}'s chairman Jan Peeters said."], home="EU")
    assert [(r.speaker, r.side) for r in rows if r.kind == "direct"] == [("Jan Peeters", "other")]


@pytest.mark.parametrize("name, role", [("Michael Bay", "director"), ("George Strait", "singer")])
def test_a_surname_that_is_also_a_landform_stays_a_name(name, role):
    rows = article_rows([f"“Voters are angry about prices,” said {role} {name}."])
    assert [r.speaker for r in rows] == [name]


@pytest.mark.parametrize("lead, name", [("Coffee producer Luis Alberto Moreira", "Luis Alberto Moreira"),
                                        ("A spokeswoman for the group Maria Luisa Fernandez", "Maria Luisa Fernandez")])
def test_a_word_describing_a_person_before_their_name_takes_no_word_of_the_name(lead, name):
    rows = article_rows([f"“We will stay here until the ministry listens,” {lead} told reporters."])
    assert [r.speaker for r in rows] == [name]


def test_a_foreign_government_named_in_passing_is_not_the_government_that_speaks():
    rows = article_rows(["Kazakhstan will cut export duties on wheat from July, the government said on Monday.",
                         "The move follows talks with the Chinese government on grain shipments by rail.",
                         "“Farmers need access to new markets,” the government said in a statement."],
                        home="Kazakhstan")
    assert {(r.speaker, r.side) for r in rows} == {("government", "Kazakhstan")}


def test_according_to_a_source_then_a_persons_name_keeps_the_source_as_speaker():
    rows = article_rows(["According to Forbes, Vladimir Kim, the founder of Kazakhmys, is the country's richest man."])
    assert [(r.kind, r.speaker) for r in rows] == [("reported", "Forbes")]


def test_an_organisation_after_a_role_in_apposition_is_part_of_the_role():
    rows = article_rows(["Johannes Baur, Head of Cooperation, EU Delegation to Kazakhstan, spoke at the forum.",
                         "«We are discussing how donors may help the region,» he said."])
    assert [(r.speaker, r.speaker_role, r.side) for r in rows] == [
        ("Johannes Baur", "Head of Cooperation, EU Delegation to Kazakhstan", "EU")]


@pytest.mark.parametrize("full, short", [("Omar Al-Rashdan", "Rashdan"), ("Karim el-Zayat", "Zayat")])
def test_a_later_mention_drops_the_arabic_article_joined_to_the_surname(full, short):
    # wire copy names "Abdel Fattah el-Sisi" once, then "Sisi"
    rows = article_rows([f"Water Minister {full} opened the desalination plant on Sunday.",
                         f"“This plant doubles what the capital can drink,” {short} said."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [(full, "Water Minister")]


@pytest.mark.parametrize("name", ["Borealis Energy Solutions", "Tundra Battery Systems", "Steppe Advanced Materials"])
def test_a_capitalised_run_ending_in_a_sector_word_is_a_company_not_a_person(name):
    rows = article_rows([f"{name} said on Monday it had signed a supply deal with a cathode maker."])
    assert [(r.speaker, r.person) for r in rows] == [(name, "")]


@pytest.mark.parametrize("surname", ["Power", "Steel"])
def test_a_surname_that_is_also_an_industry_word_stays_a_persons(surname):
    rows = article_rows([f"Dana {surname} said on Monday it was time to act on the grid."])
    assert [(r.speaker, r.person) for r in rows] == [(f"Dana {surname}", f"Dana {surname}")]


@pytest.mark.parametrize("chunk", ["Cabinet Will Decide How Guyana", "Rates Are Set", "Gold Is Back"])
def test_the_verbs_a_title_case_headline_capitalises_are_no_part_of_a_name(chunk):
    name, _ = name_in_chunk(chunk)
    assert not {"How", "Are", "Is", "Decide"} & set(name.split())


def test_a_name_ending_in_today_is_an_outlet_not_when_it_was_said():
    rows = article_rows(["Editor-in-chief of Kazakhstan Today Aigul Bekova said that readers wanted more data."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Aigul Bekova", "Editor-in-chief of Kazakhstan Today")]


def test_ch_and_kh_at_the_start_of_a_name_are_two_names():
    rows = article_rows(["ADB economist Albert Chan presented the outlook.", "“Growth will slow,” Khan said."])
    assert [r.speaker for r in rows] == ["Khan"]


@pytest.mark.parametrize("body", [
    "“Half of our oil goes through this pipeline,” Ashimov said.",  # the surname alone
    "“Half of our oil goes through this pipeline,” Yerlan Ashimov said.",  # the full name, with no role here
])
def test_the_role_a_headline_gives_a_person_is_theirs_in_the_body(body):
    # the headline introduces the person with their post; the body names them without it
    rows = article_rows([body], title="Pipeline vital for exports, Kazakh Ambassador to Germany Yerlan Ashimov says")
    direct = [r for r in rows if r.kind == "direct"]
    assert [(r.speaker, r.speaker_role, r.side) for r in direct] == [
        ("Yerlan Ashimov", "Kazakh Ambassador to Germany", "Kazakhstan")]


def test_a_role_the_body_gives_comes_before_the_headlines():
    rows = article_rows(["“Half of our oil goes through this pipeline,” said Yerlan Ashimov, an energy analyst."],
                        title="Kazakh Ambassador to Germany Yerlan Ashimov on the pipeline")
    assert [(r.speaker, r.speaker_role) for r in rows if r.kind == "direct"] == [("Yerlan Ashimov", "energy analyst")]


def test_a_headline_listing_two_people_gives_neither_the_others_post():
    rows = article_rows(["“The media should work together,” Dauren Abayev said."],
                        title="Dauren Abayev, Russian Ambassador Alexei Borodavkin discuss media ties")
    assert [(r.speaker, r.speaker_role) for r in rows if r.kind == "direct"] == [("Dauren Abayev", "")]


@pytest.mark.parametrize(("para", "speaker"), [
    # after "of", an office's name runs up to a given name the lists know
    ("“Water levels are falling,” said Deputy Minister of Emergency Situations Yerbol Sadykov.", "Yerbol Sadykov"),
    ("Minister of Water Resources of Uzbekiston Shavkat Ergashev said that the canal would open in May.",
     "Shavkat Ergashev"),
    # after "for", and after "and" inside the office's fields
    ("Commissioner for Cohesion and Reforms Paolo Ferri said that the talks went well.", "Paolo Ferri"),
    ("Minister of the Sea Luca Bianchi said that the port would stay open.", "Luca Bianchi"),
    # … but not at a given name as common inside full names as at their start
    ("“Gas demand will grow,” said Minister of Energy of the UAE Suhail Mohamed Al Mazrouei.",
     "Suhail Mohamed Al Mazrouei"),
    ("“The wall will not be paid for,” said President of Mexico Andrés Manuel López Obrador.",
     "Andrés Manuel López Obrador"),
    # elsewhere a given name inside a run of names is part of the name
    ("Khalil Omar Rahimi, a spokesman for the party, said that talks would resume.", "Khalil Omar Rahimi"),
])
def test_a_known_given_name_after_of_opens_the_persons_name(para, speaker):
    assert [r.speaker for r in article_rows([para])] == [speaker]


def test_the_head_of_state_is_the_home_countrys_president_when_a_guest_president_is_named():
    paras = ["President Kassym-Jomart Tokayev met the President of the Republic of Congo Denis Sassou-Nguesso in "
             "Astana on Monday.",
             "“Our countries hold large deposits of manganese,” the Head of State said."]
    rows = article_rows(paras, home="Kazakhstan")
    assert [(r.speaker, r.side) for r in rows] == [("Kassym-Jomart Tokayev", "Kazakhstan")]


@pytest.mark.parametrize("title", ["the head of state", "the President"])
def test_a_title_two_people_hold_goes_to_the_one_the_story_has_as_subject_not_the_one_met(title):
    # the most recent holder is the object of "a meeting with": the subject is who the next sentence goes on about
    paras = ["“Our countries share a long history,” said President of Azerbaijan Ilham Aliyev as he held talks with "
             "President of Uzbekistan Shavkat Mirziyoyev.",
             f"Praising the new rail link, {title} noted: “I remember my state visit to Tashkent with pleasure.”"]
    assert [r.speaker for r in article_rows(paras)] == ["Ilham Aliyev", "Ilham Aliyev"]


@pytest.mark.parametrize("intro, description, speaker", [
    # the description's title words name one holder; its other words (the unit, the owner) are left aside
    ("Akim of the Karaganda region Yermaganbet Bulekpayev visited the Kazakhmys smelter with the company's chief "
     "executive Ashat Zhumashev.", "the regional akim", "Yermaganbet Bulekpayev"),
    ("Kazatomprom chief executive Meirzhan Yussupov presented the strategy in London, where Energy Minister "
     "Almassadam Satkayev also spoke.", "the company's chief executive", "Meirzhan Yussupov"),
])
def test_a_description_whose_title_words_one_person_holds_is_that_person(intro, description, speaker):
    rows = article_rows([intro, f"“Emissions have fallen by a third, and we will cut them further,” {description} said."])
    assert [r.speaker for r in rows] == [speaker]


def test_a_leader_of_another_country_is_never_the_person_the_lists_place_on_a_different_side():
    paras = ["President Shavkat Mirziyoyev hosted President Kassym-Jomart Tokayev for talks on water and energy.",
             "Tokayev proposed a joint hydropower project on the Syr Darya.",
             "“We are ready to finance this project together with our neighbours,” the Uzbek leader said."]
    assert [r.speaker for r in article_rows(paras)] == ["Shavkat Mirziyoyev"]


def test_the_leader_of_the_nation_is_a_title_not_a_name():
    rows = article_rows(["Leader of the Nation Emomali Rahmon said that the summit would be held in Dushanbe."],
                        title="Leader of the Nation: “Water is the region's first concern”")
    assert [(r.para_no, r.speaker) for r in rows] == [(-1, "Emomali Rahmon"), (0, "Emomali Rahmon")]


def test_the_president_is_the_guest_the_story_follows_but_the_head_of_state_is_the_home_one():
    paras = ["Uzbek President Shavkat Mirziyoyev arrived in Astana for talks with President Kassym-Jomart Tokayev.",
             "Mirziyoyev visited a technology park in the capital.",
             "“Our market is open to your start-ups,” the President said.",
             "“Trade between us will double,” the Head of State said."]
    assert [r.speaker for r in article_rows(paras, home="Kazakhstan")] == [
        "Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"]


@pytest.mark.parametrize("para, speaker", [
    ("“Europe must stay united,” Portuguese Prime Minister Luís Montenegro said in Lisbon.", "Luís Montenegro"),
    ("“The committee will ask for the papers,” Senator Jim Jordan said on Tuesday.", "Jim Jordan"),
])
def test_a_country_known_only_to_the_gazetteer_may_be_part_of_a_name(para, speaker):
    assert [r.speaker for r in article_rows([para])] == [speaker]


@pytest.mark.parametrize("para, speaker, role", [
    ("“We waited ten years for this arena,” said Olympic Champion Aigerim Bekova.", "Aigerim Bekova",
     "Olympic Champion"),
    ("“The league needs more pitches,” Football Coach Ivan Lisitsyn told reporters.", "Ivan Lisitsyn", "Football Coach"),
])
def test_a_sports_title_before_a_name_is_a_role(para, speaker, role):
    assert [(r.speaker, r.speaker_role) for r in article_rows([para])] == [(speaker, role)]


def test_a_short_name_given_before_the_role_it_stands_for_is_the_role_holder():
    rows = article_rows(["Indonesia will ban one more raw export, President Joko Widodo said on Wednesday.",
                         "Jokowi, as the president is popularly known, said more bans would follow.",
                         "“We stopped nickel first,” Jokowi told a business forum."])
    assert {(r.speaker, r.speaker_role) for r in rows} == {("Joko Widodo", "President")}


@pytest.mark.parametrize("intro, name, role", [
    ("President Tokayev opened the forum in Astana.", "Tokayev", "President"),
    ("Energy Minister Aliyev visited the site on Monday.", "Aliyev", "Energy Minister"),
])
def test_a_surname_after_a_title_is_a_person_a_pronoun_can_refer_to(intro, name, role):
    rows = article_rows([intro, "“Europe needs partners it can rely on,” he said."])
    assert [(r.speaker, r.speaker_role, r.attribution) for r in rows] == [(name, role, "pronoun")]


@pytest.mark.parametrize("intro, speaker", [
    ("He met Wu Yin, Deputy Administrator of the National Energy Administration.", "Wu Yin"),
    ("The Ambassador Extraordinary and Plenipotentiary presented his credentials.", ""),
    ("The Minister of Investment Eng. Khalid Al-Falih opened the forum.", "Khalid Al-Falih"),
    ("The head of government spoke at the Press Briefing before the meeting.", ""),
])
def test_a_word_that_goes_on_an_offices_name_is_no_surname(intro, speaker):
    rows = article_rows([intro, "“Europe needs partners it can rely on,” he said."])
    assert [r.speaker for r in rows] == [speaker]


def test_a_company_quoted_inside_the_title_before_a_name_ends_at_its_closing_mark():
    rows = article_rows(["“We will invest in new projects over five years,” Chairman of the Management Board of JSC "
                         "“Samruk-Kazyna” Nurlan Rakhmetov said."])
    assert [(r.speaker, r.person, r.speaker_role) for r in rows] == [
        ("Nurlan Rakhmetov", "Nurlan Rakhmetov", "Chairman of the Management Board of Samruk-Kazyna")]


@pytest.mark.parametrize("para, speaker, role", [
    ("Deputy Prime Minister – Minister of Foreign Affairs Murat Nurtleu noted: “Our relations with Brussels have "
     "reached a new level.”", "Murat Nurtleu", "Minister of Foreign Affairs"),
    ("“Trade with the EU grew fast this year,” said Deputy Prime Minister - Minister of Trade and "
     "Integration of Kazakhstan Serik Zhumangarin.",
     "Serik Zhumangarin", "Minister of Trade and Integration of Kazakhstan"),
    ("“The region needs peace, not new dividing lines,” Hikmet Hajiyev, Assistant to the President of the Republic of "
     "Azerbaijan – Head of the Foreign Policy Affairs Department of the Presidential Administration, said.",
     "Hikmet Hajiyev", "Assistant to the President of the Republic of Azerbaijan – Head of the Foreign Policy Affairs "
     "Department of the Presidential Administration"),
])
def test_a_long_official_title_still_ends_at_its_holders_name(para, speaker, role):
    assert [(r.kind, r.speaker, r.speaker_role) for r in article_rows([para])] == [("direct", speaker, role)]


def test_and_before_a_verb_still_ends_the_speaker_after_an_inverted_cue():
    rows = article_rows(["“Trade grew fast this year,” said Serik Zhumangarin and added that exports rose."])
    assert [(r.kind, r.speaker, r.text) for r in rows] == [("direct", "Serik Zhumangarin", "Trade grew fast this year"),
                                                           ("reported", "Serik Zhumangarin", "exports rose")]


@pytest.mark.parametrize("para", [
    "“Central Asia must not be left to Moscow and Beijing,” said MEP Katarzyna Nowicka (EPP, Poland).",
    "“Central Asia must not be left to Moscow and Beijing,” MEP Katarzyna Nowicka (EPP, Poland) said.",
])
def test_a_party_and_country_in_parentheses_after_a_name_stay_out_of_the_speaker(para):
    assert [(r.speaker, r.speaker_role, r.side) for r in article_rows([para])] == [("Katarzyna Nowicka", "MEP", "EU")]


@pytest.mark.parametrize("chamber", ["Senate", "Riksdag"])
def test_a_parliament_named_after_of_is_never_part_of_the_chairmans_name(chamber):
    rows = article_rows([f"Chairman of the {chamber} Maulen Ashimbayev met the delegation on Monday.",
                         "“We study European experience in parliamentary oversight,” Ashimbayev said."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Maulen Ashimbayev", f"Chairman of the {chamber}")]


def test_the_commission_chief_is_the_commissions_president_not_the_other_president_named():
    paras = ["Commission President Ursula von der Leyen and Uzbek President Shavkat Mirziyoyev spoke to the press.",
             "“Uzbekistan wants more than a trade deal,” the Uzbek leader said.",
             "“And Europe wants more than raw materials,” the Commission chief said."]
    assert [r.speaker for r in article_rows(paras)] == ["Shavkat Mirziyoyev", "Ursula von der Leyen"]


def test_the_home_countrys_leader_is_its_president_in_a_story_at_home():
    paras = ["President Kassym-Jomart Tokayev received European Council President António Costa.",
             "“Kazakhstan attaches particular importance to the summit,” the Kazakh leader said."]
    assert [(r.speaker, r.side) for r in article_rows(paras, home="Kazakhstan")] == [
        ("Kassym-Jomart Tokayev", "Kazakhstan")]


def test_the_hr_vp_is_the_title_of_the_eus_foreign_policy_chief():
    paras = ["HR/VP Kaja Kallas arrived in Astana on Thursday for talks with the Kazakh leadership.",
             "“We see Kazakhstan as a bridge between Europe and Asia,” the HR/VP said at the press conference."]
    assert [(r.speaker, r.speaker_role, r.side) for r in article_rows(paras)] == [("Kaja Kallas", "HR/VP", "EU")]


@pytest.mark.parametrize("post", ["Ambassador to Tashkent", "Ambassador in Tashkent", "Ambassador of Georgia to Vatican",
                                  "envoy to the Holy See", "Consul General in Almaty"])
def test_the_place_an_envoy_is_posted_to_is_no_part_of_the_name_after_it(post):
    # "Russian Ambassador to Ashgabat Ivan Volynkin": the place closes the title, the name follows
    rows = article_rows([f"Trade will double by 2030, the {post} Pavel Orlov said."])
    assert [(r.speaker, r.speaker_role) for r in rows] == [("Pavel Orlov", post)]


def test_according_to_a_full_name_keeps_every_word_of_it():
    rows = article_rows(["According to Ursula von der Leyen, the deal is close."])
    assert [r.speaker for r in rows] == ["Ursula von der Leyen"]


def test_the_diplomat_is_the_person_just_quoted_when_no_one_holds_a_diplomats_post():
    # "…,” she said. “…,” the diplomat said: elegant variation for the person just quoted, whose post the
    # article never states
    assert _speakers("“Trade will grow,” Du said.",
                     "“Our projects are many,” the diplomat said.") == [
        ("direct", "Trade will grow", "Du"), ("direct", "Our projects are many", "Du")]


@pytest.mark.parametrize("full, short", [("Abdulla Nigmatovich Aripov", "Abdulla Aripov"),
                                         ("Ilham Heydar oglu Aliyev", "Ilham Aliyev")])
def test_a_name_without_its_patronymic_or_middle_name_is_the_person_named_in_full(full, short):
    assert _speakers(f"Prime Minister {full} opened the forum.", f"{short} said: “The plant opens in May.”") == [
        ("direct", "The plant opens in May.", full)]


def test_one_name_typed_twice_in_different_case_is_one_person():
    # a scraped page's typo in one mention ("NIkol") leaves the surname pointing at one person, not at two
    assert _speakers("Prime Minister of Armenia NIkol Pashinyan met the press. Nikol Pashinyan, the head of government, "
                     "thanked them.",
                     "“Media here has been more free than ever”, Pashinyan said.") == [
        ("direct", "Media here has been more free than ever", "Nikol Pashinyan")]
