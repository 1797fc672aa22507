# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scotrack.ingest.document import CleanDocument
from scotrack.ingest.facts import meeting_clues
from scotrack.ingest.facts.meetings import meetings
from scotrack.ingest.lexicon import meetings as meetings_lexicon

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import holds_any, make_doc, texts_matching


def _only(text: str, **kwargs: str) -> dict:
    found = meetings(make_doc(text, **kwargs))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The SCO summit opened in Astana on July 4, 2024.", "heads-of-state"),
        (
            "Putin addressed the SCO Council of Heads of State in Astana.",
            "heads-of-state",
        ),
        ("The SCO prime ministers' meeting ended in Bishkek.", "heads-of-government"),
        (
            "The meeting of the SCO Council of Foreign Ministers opened in Goa.",
            "foreign-ministers",
        ),
        ("The SCO defence ministers' meeting was held in Astana.", "defence-ministers"),
        ("The SCO Peace Mission drills began in Russia.", "other"),
        ("The SCO Presidents' Council met in Astana.", "heads-of-state"),
        ("The SCO Energy Ministers conference opened in Astana.", "other"),
    ],
)
def test_meetings_body(text: str, body: str) -> None:
    assert _only(text)["body"] == body


def test_meetings_merge_mentions_and_take_city_date_number() -> None:
    text = (
        "Putin attended the 24th Meeting of the Council of Heads of State of the SCO "
        "in Astana on July 4, 2024. The summit adopted a declaration."
    )
    meeting = _only(text)
    assert (meeting["number"], meeting["city"], meeting["country"]) == (
        24,
        "Astana",
        "KAZ",
    )
    assert meeting["date"] == "2024-07-04"
    assert meeting["format"] == "in-person"
    assert len(meeting["evidence"]) == 2


def test_meetings_video_and_past_reference_are_separate() -> None:
    text = (
        "Modi chaired the SCO summit via video conference on Tuesday. "
        "At last year's SCO Astana summit, Iran joined."
    )
    found = meetings(make_doc(text))
    assert [(m["city"], m["format"], m["date"]) for m in found] == [
        (None, "video", "2024-07-02"),
        ("Astana", None, "2023"),
    ]


def test_meetings_next_summit_is_another_meeting() -> None:
    text = "The SCO summit in Astana ended on Thursday. The next summit will be held in China in 2025."
    found = meetings(make_doc(text))
    assert [(m["city"], m["country"], m["date"]) for m in found] == [
        ("Astana", "KAZ", "2024-07-04"),
        (None, "CHN", "2025"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Putin has attended all the SCO summits since 2001.",
        "Modi attended the BRICS summit in Moscow.",
        "The China-Russia summit took place in Moscow.",
        "Putin met Modi in Moscow.",
        "Modi attended a summit of the Russia-led Collective Security Treaty Organization in Moscow.",
        "Armenia refuses to sign CSTO declaration at Moscow summit.",
        "He called on the SCO to support the international conference on water.",
    ],
)
def test_meetings_skip_blanket_and_other_meetings(text: str) -> None:
    assert meetings(make_doc(text + " The SCO was mentioned.")) == []


def test_meetings_here_takes_the_dateline_city() -> None:
    doc = make_doc(
        "Ministers met at the SCO defence ministers' meeting here.", dateline="Astana"
    )
    assert meetings(doc)[0]["city"] == "Astana"


@pytest.mark.parametrize(
    ("cues", "pattern"),
    [
        *((cues, pattern) for _, cues, pattern in meetings_lexicon.MEETING_PATTERNS),
        (meetings_lexicon.BARE_MEETING_CUES, meetings_lexicon.BARE_MEETING),
    ],
)
# a few dozen texts per rule: enough. No deadline: a text drawn from a rule of
# 8,000 characters can take more than Hypothesis's 200 ms on a loaded machine,
# which measures the machine, not the rule (as test_alternations does, #15)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_meeting_patterns_hold_their_cue_words(
    cues: tuple[str, ...], pattern: str, data: st.DataObject
) -> None:
    text = data.draw(texts_matching(pattern))
    assert holds_any(text, cues)
    assert holds_any(text, meetings_lexicon.MEETING_CUES)


@given(data=st.data())
def test_blanket_markers_hold_a_cue_word(data: st.DataObject) -> None:
    assert holds_any(
        data.draw(texts_matching(meetings_lexicon.BLANKET_MARKERS)),
        meetings_lexicon.BLANKET_CUES,
    )


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (meetings_lexicon.NEXT, ("next",)),
        (meetings_lexicon.HERE, ("here",)),
        (meetings_lexicon.HOST_BEFORE, ("host", "hold")),
    ],
)
@given(data=st.data())
def test_meeting_cue_checks_never_reject_a_match(pattern, words, data) -> None:
    drawn = data.draw(st.from_regex(pattern))
    assert any(word in drawn for word in words)


def test_meetings_place_after_another_clause_is_not_the_meetings() -> None:
    text = "At the end of the SCO summit, the leaders called for an inclusive government in Kazakhstan."
    assert _only(text)["country"] is None
    since = (
        "It was the second SCO summit since the SCO was proclaimed in Moscow last year."
    )
    assert _only(since)["city"] is None


def test_meetings_place_before_where() -> None:
    text = "Modi may travel to Tianjin, where China is to host the SCO summit from August 31."
    assert (_only(text)["city"], _only(text)["country"]) == ("Tianjin", "CHN")


def test_meetings_main_meeting_of_a_wire_report_is_at_its_dateline() -> None:
    doc = make_doc(
        "Putin told the SCO summit on Friday that Astana was kind.", dateline="Astana"
    )
    assert (meetings(doc)[0]["city"], meetings(doc)[0]["country"]) == ("Astana", "KAZ")


@pytest.mark.parametrize(
    "text",
    [
        "Modi addressed the SCO summit via video link on Friday.",
        "The next SCO summit will take place in 2025.",
        "At last year's SCO summit, Iran joined.",
        "Putin attended the SCO summit in Bishkek on Friday.",
    ],
)
def test_meetings_dateline_leaves_video_future_past_and_placed_meetings(
    text: str,
) -> None:
    doc = make_doc(text, dateline="Astana")
    assert meetings(doc)[0]["city"] != "Astana"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "The 22nd meeting of the Shanghai Cooperation Organization's Council of Heads of State opened.",
            22,
        ),
        (
            "Belarus is expected to become the organization's tenth member at the SCO summit.",
            None,
        ),
        ("For the first time in its history the SCO summit was held online.", None),
    ],
)
def test_meetings_number_only_an_ordinal_of_the_meeting(
    text: str, number: int | None
) -> None:
    assert _only(text)["number"] == number


def test_meetings_same_number_is_the_same_meeting() -> None:
    text = (
        "Xi chairs the 25th Meeting of the Council of Heads of State of the SCO. "
        "On September 1, 2025, the 25th Meeting of the Council of Heads of State of the SCO was held in Tianjin."
    )
    meeting = _only(text)
    assert (meeting["number"], meeting["city"]) == (25, "Tianjin")


@pytest.mark.parametrize(
    ("window", "back"),
    [
        ("on september 1, 2024, the ", False),
        ("at the 2009 ", True),
        ("at last year's ", True),
        ("at the ", False),
    ],
)
def test_looks_back_only_to_years_before_the_reference(window: str, back: bool) -> None:
    assert meeting_clues.looks_back(window, 2024) is back


def test_meetings_place_after_a_long_name_of_the_sco() -> None:
    text = (
        "The 24th Meeting of the Council of Heads of State of the SCO was held at the "
        "Palace of Independence Convention Center in Astana."
    )
    assert _only(text)["city"] == "Astana"


def test_meetings_host_city_before_hosts() -> None:
    meeting = _only("SCO push as Astana hosts heads of government meeting.")
    assert (meeting["city"], meeting["country"]) == ("Astana", "KAZ")
    assert _only("India will host the summit of the SCO.")["country"] == "IND"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Tokayev chaired the Council of Heads of Member States of the SCO.",
            "heads-of-state",
        ),
        (
            "The SCO prime ministers\u2019 meeting opened in Bishkek.",
            "heads-of-government",
        ),
        (
            "Ministers gathered for the SCO Heads of Government Summit in Goa.",
            "heads-of-government",
        ),
        (
            "India sent a minister to the SCO defence ministers meet in Moscow.",
            "defence-ministers",
        ),
        (
            "The third Meeting of Transport Ministers of the SCO Member States opened.",
            "other",
        ),
        (
            "The Meeting of the Secretaries of Security Councils of the SCO member states ended.",
            "other",
        ),
        ("The SCO foreign ministers met in Moscow on Friday.", "foreign-ministers"),
        ("Leaders of the SCO member states will meet in Astana.", "heads-of-state"),
    ],
)
def test_meetings_body_of_more_phrasings(text: str, body: str) -> None:
    assert _only(text)["body"] == body


def test_meetings_sco_plus_summit_is_its_own_meeting() -> None:
    text = "Putin attended the SCO summit in Tianjin and the SCO Plus summit after it."
    found = meetings(make_doc(text))
    assert sorted(m["body"] for m in found) == ["heads-of-state", "other"]


def test_meetings_annual_summit_is_one_meeting() -> None:
    assert _only("Putin flew to the annual SCO summit in Astana.")["city"] == "Astana"


def test_meetings_leaders_meeting_someone_else_is_no_meeting() -> None:
    assert meetings(make_doc("The SCO leaders met with the UN chief in Moscow.")) == []


def test_meetings_summit_of_a_heads_of_government_report_is_that_meeting() -> None:
    text = (
        "The 23rd Meeting of the SCO Council of Heads of Government opened in Bishkek. "
        "The summit will adopt a budget."
    )
    assert _only(text)["body"] == "heads-of-government"


@pytest.mark.parametrize(
    "text",
    [
        "It is the first SCO summit since the bloc admitted Iran in Astana.",
        "It is the fourth SCO summit that India attends in Astana.",
        "It is the first SCO summit being held online in Astana.",
    ],
)
def test_meetings_ordinal_of_a_kind_is_no_number(text: str) -> None:
    assert _only(text)["number"] is None


def test_meetings_store_date_line_yields_to_the_text() -> None:
    text = " date 2024-07-05 Putin will attend the SCO summit in Astana on Monday."
    assert _only(text)["date"] == "2024-07-08"
    dated = " date 2024-07-05 The SCO summit in Astana began with a ceremony."
    assert _only(dated)["date"] == "2024-07-05"


def test_meetings_last_years_summit_is_another_meeting() -> None:
    text = "The SCO summit in Astana opened. Iran joined at last year's summit."
    found = meetings(make_doc(text, published=None))
    assert [m["city"] for m in found] == ["Astana", None]


def test_meetings_two_names_in_one_sentence_are_one_meeting() -> None:
    text = "The Tianjin summit will be the next meeting of the Council of Heads of State of the SCO."
    assert _only(text)["city"] == "Tianjin"


def test_meetings_video_cue_goes_to_the_nearest_phrase() -> None:
    text = (
        "The SCO foreign ministers' meeting in Moscow prepared the virtual summit of "
        "the SCO in November."
    )
    found = {m["body"]: m["format"] for m in meetings(make_doc(text))}
    assert found == {"foreign-ministers": None, "heads-of-state": "video"}


def test_meetings_city_of_the_journey_to_the_meeting() -> None:
    text = "Modi arrived in Astana on Thursday to attend the SCO summit."
    assert _only(text)["city"] == "Astana"


def test_meetings_date_that_opens_the_sentence() -> None:
    text = "On 3 July 2024, Modi visited Goa and attended a meeting of the SCO foreign ministers."
    assert _only(text)["date"] == "2024-07-03"


def test_meetings_aside_does_not_lengthen_the_gap() -> None:
    text = (
        "The meeting of the Council of Heads of State of the Shanghai Cooperation "
        "Organization (hereinafter referred to as the SCO or the Organization, as in "
        "its Charter) was held on 4 July 2024 in Astana."
    )
    meeting = _only(text)
    assert (meeting["city"], meeting["date"]) == ("Astana", "2024-07-04")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Iran joined at the India-hosted SCO summit.", "IND"),
        ("The SCO summit, hosted by India via video link, opened.", "IND"),
        ("India will hold the SCO summit next year.", "IND"),
    ],
)
def test_meetings_host_named_around_the_phrase(text: str, country: str) -> None:
    assert _only(text)["country"] == country


def test_meetings_informal_summit_is_not_the_scos() -> None:
    text = "Modi met Xi at the informal Goa summit. The Goa summit eased tensions. The SCO met."
    assert meetings(make_doc(text)) == []


def test_meetings_date_of_a_clause_about_the_meeting() -> None:
    text = "Iran joined at the SCO summit, which started on Tuesday in Astana."
    assert _only(text)["date"] == "2024-07-02"


def test_meetings_chairmanship_of_a_council_is_no_meeting() -> None:
    text = (
        "India's chairmanship of the SCO Council of Heads of Government ended in 2024."
    )
    assert meetings(make_doc(text)) == []


def test_meetings_main_meeting_in_a_city_with_named_people_is_in_person() -> None:
    text = "The SCO summit opened in Astana. Tokayev spoke about the summit agenda."
    assert _only(text)["format"] == "in-person"
    unnamed = "The SCO summit opened in Astana."
    assert _only(unnamed)["format"] is None


def test_meetings_bare_meeting_elsewhere_does_not_join() -> None:
    text = "The SCO summit opened in Astana. Modi recalled the SCO meet last year in Moscow."
    assert _only(text)["city"] == "Astana"


def test_meetings_store_date_line_is_the_reference_date() -> None:
    text = " date 2024-07-05 Putin will attend the SCO summit in Astana on Monday."
    assert _only(text, published=None)["date"] == "2024-07-08"


def test_meetings_date_of_another_phrase_or_a_deadline_is_not_the_meetings() -> None:
    text = "SCO defence ministers met at the site of the 2018 SCO summit in Astana."
    found = {m["body"]: m["date"] for m in meetings(make_doc(text))}
    assert found["defence-ministers"] is None
    plan = "The SCO summit in Astana adopted a strategy until 2030."
    assert _only(plan)["date"] is None


def test_meetings_next_years_summit_is_another_meeting() -> None:
    text = (
        "The SCO summit in Astana ended. "
        "India is expected to hold the summit in the middle of next year."
    )
    found = meetings(make_doc(text))
    assert [(m["city"], m["country"], m["date"]) for m in found] == [
        ("Astana", "KAZ", None),
        (None, "IND", "2025"),
    ]


def test_meetings_date_after_a_span_of_time() -> None:
    text = (
        "The SCO leaders held their first summit after two years in Astana last month."
    )
    assert _only(text)["date"] == "2024-06"


def test_meetings_held_there_reaches_a_further_place_and_date() -> None:
    text = (
        "A meeting of the Council of Heads of Member States of the SCO marking the "
        "twentieth anniversary of the founding of the organization under its charter "
        "was held on July 4 and 5, 2024 in Astana."
    )
    meeting = _only(text)
    assert (meeting["city"], meeting["date"]) == ("Astana", "2024-07-04")


def test_meetings_city_after_the_capital_of_a_state() -> None:
    text = "The SCO summit was held in the capital of Kazakhstan, Astana."
    assert _only(text)["city"] == "Astana"


def test_meetings_video_meeting_of_the_chairing_state() -> None:
    text = (
        "At the initiative of Kazakhstan, which holds the rotating chairmanship of "
        "the SCO, the first meeting of the energy ministers of the SCO member states "
        "was held virtually."
    )
    meeting = _only(text)
    assert (meeting["country"], meeting["format"]) == ("KAZ", "video")


def test_meetings_a_series_told_by_ordinals() -> None:
    text = (
        "The 9th SCO prime ministers' meeting opened in Astana. "
        "The first meeting, held in Moscow in 2001, set up the mechanism. "
        "Their third meeting was held in Bishkek in 2004."
    )
    found = meetings(make_doc(text))
    assert [(m["body"], m["number"], m["city"]) for m in found] == [
        ("heads-of-government", 9, "Astana"),
        ("heads-of-government", 1, "Moscow"),
        ("heads-of-government", 3, "Bishkek"),
    ]


def test_meetings_bare_meeting_of_a_council_is_that_councils() -> None:
    text = (
        "Li chaired the SCO prime ministers' meeting by video. "
        "He recalled the meeting of the Council of Heads of State held in Astana."
    )
    found = {m["body"]: m["city"] for m in meetings(make_doc(text))}
    assert found == {"heads-of-government": None, "heads-of-state": "Astana"}


def test_meetings_drill_dated_by_its_name_not_at_the_dateline() -> None:
    doc = make_doc(
        "Troops began the SCO Peace Mission-2023 exercise.", dateline="Moscow"
    )
    meeting = _only_doc(doc)
    assert (meeting["date"], meeting["city"]) == ("2023", None)


def _only_doc(doc: CleanDocument) -> dict:
    found = meetings(doc)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "body", "city"),
    [
        (
            "Trade dominated a meeting of the SCO in Astana. The heads of the member states signed a declaration.",
            "heads-of-state",
            "Astana",
        ),
        (
            "Mongolia's candidacy was accepted at a session held in Bishkek in 2019, the SCO said.",
            "heads-of-state",
            "Bishkek",
        ),
        (
            "The plan was approved by the SCO prime ministers in a meeting held in Moscow in 2020.",
            "heads-of-government",
            "Moscow",
        ),
    ],
)
def test_meetings_indefinite_meeting_takes_its_body_from_its_context(
    text: str, body: str, city: str
) -> None:
    meeting = _only(text)
    assert (meeting["body"], meeting["city"]) == (body, city)


def test_meetings_indefinite_meeting_without_place_or_body_is_none() -> None:
    unplaced = "The SCO leaders spoke at a meeting with business."
    assert meetings(make_doc(unplaced)) == []
    bodiless = "An SCO official said in a meeting in Goa that trade grew."
    assert meetings(make_doc(bodiless)) == []


def test_meetings_lead_day_of_a_dateline_without_one() -> None:
    text = (
        "BISHKEK - Modi proposed on Wednesday that the SCO build roads. "
        "Modi spoke at the SCO prime ministers' meeting here."
    )
    assert _only(text, dateline="Bishkek")["date"] == "2024-07-03"


def test_meetings_the_meeting_of_the_sco_with_its_place_and_day() -> None:
    text = (
        "Trade tops the agenda of the meeting of the SCO in Astana today. "
        "The SCO summit brings together the leaders."
    )
    meeting = _only(text)
    assert (meeting["body"], meeting["city"], meeting["date"]) == (
        "heads-of-state",
        "Astana",
        "2024-07-05",
    )


def test_meetings_undated_text_takes_the_year_its_paragraph_names() -> None:
    text = (
        "In April 2011, Iran applied. Even before the SCO summit convened in "
        "Astana on June 15, the members said no."
    )
    assert _only(text, published=None)["date"] == "2011-06-15"
    apart = (
        "In April 2011, Iran applied.\nThe SCO summit convened in Astana on June 15."
    )
    assert _only(apart, published=None)["date"] is None


def test_meetings_a_council_described_as_an_organ_is_no_meeting() -> None:
    text = (
        "The Heads of State Council (HSC) is the supreme decision-making body in "
        "the SCO. The SCO Heads of Government Council meets once a year."
    )
    assert meetings(make_doc(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The envoy was appointed as approved by the Council of Heads of State of the SCO.",
        "Following the decision of the SCO Council of Heads of Government, a fund was set up.",
    ],
)
def test_meetings_a_council_deciding_as_an_organ_is_no_meeting(text: str) -> None:
    assert meetings(make_doc(text)) == []
