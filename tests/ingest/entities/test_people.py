import pytest

from scotrack.ingest.entities.mentions import find_mentions


def _people(text: str, on: str | None = None) -> list[str]:
    return [m.value for m in find_mentions(text, on=on) if m.kind == "person"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The talks were joined by Minister of Culture and Tourism of Azerbaijan "
            "Ivo Petrak and Deputy Secretary-General of the Organisation of Islamic "
            "Cooperation Amal Haddad.",
            ["Ivo Petrak", "Amal Haddad"],
        ),
        (
            "Present were the Executive Director of the Conference on Interaction "
            "and Confidence Building Measures in Asia Secretariat Tan Wei Ming, "
            "and the Vice President of the World Bank Grace Mensah.",
            ["Tan Wei Ming", "Grace Mensah"],
        ),
        (
            "Prime Minister of Belarus B. Tulegenov Prime Minister of Kazakhstan "
            "A.U. Ospanov Deputy Prime Minister of Mongolia Y.Batbayar",
            ["B. Tulegenov", "A.U. Ospanov", "Y.Batbayar"],
        ),
    ],
)
def test_names_in_lists_of_participants_with_long_titles(
    text: str, names: list[str]
) -> None:
    assert _people(text) == names


def test_honorifics_and_ranks_are_dropped() -> None:
    text = "He met his counterpart, Lieutenant General Arman Tolegen, on Monday."
    assert _people(text) == ["Arman Tolegen"]
    assert _people("Defence Minister Admiral Ivo Petrak arrived.") == ["Ivo Petrak"]
    assert _people("Presidential Aide Ivo Petrak said so.") == ["Ivo Petrak"]


def test_title_words_before_a_verb_of_saying_are_not_a_name() -> None:
    text = "Armenia's Minister of Energy and Water Resources Ivo Petrak said so."
    assert _people(text) == ["Ivo Petrak"]


def test_name_after_a_title_and_a_comma() -> None:
    text = "The acting President of the Republic of Azerbaijan, Ivo Petrak, spoke."
    assert _people(text) == ["Ivo Petrak"]


def test_state_name_before_a_name_in_a_list() -> None:
    text = "Minister of Foreign Affairs of India Ravi Kumar Menon attended."
    found = [(m.kind, m.value) for m in find_mentions(text)]
    assert ("state", "IND") in found
    assert ("person", "Ravi Kumar Menon") in found


def test_a_lone_unknown_word_after_a_title_is_nobody() -> None:
    assert _people("Official site of the President of Russia\n\nSpeech at") == []
    assert _people("President Representative of Belarus attended.") == []


def test_title_case_headline_words_are_not_a_name() -> None:
    assert _people("SCO Secretary-General Attends Opening Ceremony") == []


@pytest.mark.parametrize(
    ("text", "on", "name"),
    [
        ("Uzbek President Shavkat Mirziyaev spoke.", None, "Shavkat Mirziyaev"),
        ("President Emomalii Rahmon spoke.", None, "Emomalii Rahmon"),
        ("The leaders heard President R. Otunbaeva.", "2011-06-15", "Roza Otunbaeva"),
        ("Vice-President M Venkaiah Naidu spoke.", None, "Muppavarapu Venkaiah Naidu"),
        ("Chinese Premier Wen Jiebao spoke.", None, "Wen Jiabao"),
    ],
)
def test_known_people_keep_the_page_spelling_or_complete_it(
    text: str, on: str | None, name: str
) -> None:
    assert _people(text, on) == [name]


def test_a_word_before_a_known_surname_that_does_not_fit_is_left_out() -> None:
    text = "President of Kirgiztan Bakiyev attended."
    assert _people(text, "2009-06-16") == ["Kurmanbek Bakiyev"]


def test_lone_surname_takes_the_page_spelling() -> None:
    text = "President of Tajikistan Rakhmon attended."
    assert _people(text, "2009-06-16") == ["Emomali Rakhmon"]


def test_bylines_are_not_people() -> None:
    text = "SCO and its critics\n\nDr. Ivo Petrak\n\nBy Amal Haddad\n\nThe summit met."
    assert _people(text) == []


def test_second_name_joined_to_a_person() -> None:
    text = "the French and Russian Presidents, Vladimir Putin and Ivo Petrak, agreed."
    assert _people(text, "2017-06-01") == ["Vladimir Putin", "Ivo Petrak"]


def test_name_before_a_capitalised_appositive() -> None:
    text = '"So it is," Ivo Petrak, Editor-in-Chief of the Eurasia Review, said.'
    assert _people(text) == ["Ivo Petrak"]


def test_name_with_initials_before_the_next_title_of_a_list() -> None:
    text = (
        "Acting Prime Minister , of Kyrgyz Republic A. E. Novikov Federal "
        "Parliamentary Secretary for Foreign Affairs Ms Amal Haddad"
    )
    assert _people(text, "2020-11-30") == ["Artem Novikov", "Amal Haddad"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Presided over by Tajik PM Ivo Petrak, the meeting began.", ["Ivo Petrak"]),
        ("Member of the State Council of China Wang Hua, and others", ["Wang Hua"]),
        ("SCO Member States Commemorating the Tenth Anniversary", []),
        ("the political scientist Ivan Sidorov, says so", ["Ivan Sidorov"]),
        ("Ivo Petrak met her counterpart in Goa.", ["Ivo Petrak"]),
        ("The Silk Road Fund announced a loan.", []),
    ],
)
def test_titles_and_verbs_around_a_name(text: str, names: list[str]) -> None:
    assert _people(text) == names


def test_a_surname_written_first_is_not_the_end_of_another_name() -> None:
    text = "Defence Minister Wei spoke; the Head of State Council Chen Wei listened."
    assert _people(text, "2020-07-01") == ["Wei Fenghe", "Chen Wei"]


def test_a_surname_written_last_stays_before_a_capitalised_word() -> None:
    text = "President Putin Address to the Federal Assembly"
    assert _people(text, "2020-07-01") == ["Vladimir Putin"]


def test_abbreviated_ranks_are_dropped() -> None:
    text = "Defence Minister Gen. Bakhodir Kurbanov spoke."
    assert _people(text) == ["Bakhodir Kurbanov"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Anna Berg, the Norwegian ambassador in Astana, sees it.", ["Anna Berg"]),
        ("Ivo Petrak, State Secretary of the Council:\nQuote.", ["Ivo Petrak"]),
        (
            "It was chaired by Ivo Petrak, Chairman of the Board of the Bank.",
            ["Ivo Petrak"],
        ),
    ],
)
def test_name_before_an_appositive_office(text: str, names: list[str]) -> None:
    assert _people(text) == names


def test_a_name_does_not_run_across_lines() -> None:
    assert _people("Bank Welcomes New Members\n\nPetrak noted that") == []


def test_a_possessive_ends_the_name_after_a_title() -> None:
    text = "He was once President Ivo Petrak's National Security Adviser."
    assert _people(text) == ["Ivo Petrak"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Deputy Director of the Ministry, coordinator from Kazakhstan "
            "Aigul Serikova said so.",
            ["Aigul Serikova"],
        ),
        (
            "Attending were Solicitor General of Nepal at the Supreme Court "
            "Ravi Thapa, Governor of the Omsk region Ivo Petrak and others.",
            ["Ravi Thapa", "Ivo Petrak"],
        ),
        ("Minister of state for Sport, Ravi Thapa participated.", ["Ravi Thapa"]),
        ("a lecturer at the Rajaratnam School of Studies.", []),
        (
            "Minister of Culture and Islamic Orientation of Iran Reza Karimi spoke.",
            ["Reza Karimi"],
        ),
    ],
)
def test_names_after_long_titles(text: str, names: list[str]) -> None:
    assert _people(text) == names


def test_another_given_name_before_a_former_leaders_surname() -> None:
    text = "the Secretary of the Council of Mongolia Jadambyn Enkhbayar attended."
    assert _people(text, "2022-08-22") == ["Jadambyn Enkhbayar"]


def test_initials_take_the_name_written_out_elsewhere() -> None:
    text = "Minister Ivan Sidorov spoke. It was chaired by Minister I. Sidorov."
    assert _people(text) == ["Ivan Sidorov", "Ivan Sidorov"]
