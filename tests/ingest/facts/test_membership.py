# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.document import Sentence
from scotrack.ingest.facts.membership import _partners_by_date, membership


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m["state"], m["event"], m["date"]) for m in membership(make_doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran became a full member of the SCO on July 4, 2023.",
            [("IRN", "joined", "2023-07-04")],
        ),
        ("Belarus joined the SCO in 2024.", [("BLR", "joined", "2024")]),
        (
            "The membership expansion in June brought in India and Pakistan to include them.",
            [],
        ),
        (
            "The expansion last year to include India and Pakistan was historic.",
            [("IND", "joined", "2023"), ("PAK", "joined", "2023")],
        ),
        (
            "Mongolia was granted observer status in 2004.",
            [("MNG", "observer", "2004")],
        ),
        (
            "The summit granted observer status to Mongolia.",
            [("MNG", "observer", None)],
        ),
        (
            "Turkey was granted dialogue partner status.",
            [("TUR", "dialogue-partner", None)],
        ),
        ("Iran signed the memorandum of obligations.", [("IRN", "applied", None)]),
        (
            "Leaders began the procedure for admitting Belarus as a member.",
            [("BLR", "applied", None)],
        ),
        ("Iran applied for full membership in 2008.", [("IRN", "applied", "2008")]),
        (
            "Mongolia, Turkey and Belarus were granted the status of dialogue partners.",
            [
                ("MNG", "dialogue-partner", None),
                ("TUR", "dialogue-partner", None),
                ("BLR", "dialogue-partner", None),
            ],
        ),
        (
            "Turkey formally becomes SCO dialogue partner",
            [("TUR", "dialogue-partner", None)],
        ),
        (
            "Mongolia and Turkey were made dialogue partners.",
            [("MNG", "dialogue-partner", None), ("TUR", "dialogue-partner", None)],
        ),
        (
            "Belarus was upgraded from dialogue partner to observer.",
            [("BLR", "observer", None)],
        ),
        (
            "Turkey signed a memorandum on granting Turkey the status of SCO dialogue partner.",
            [("TUR", "dialogue-partner", None)],
        ),
        (
            "Officials signed a memorandum granting Mongolia the status of dialogue partner.",
            [("MNG", "dialogue-partner", None)],
        ),
        (
            "Pakistan and India signed memorandums making them dialogue partners.",
            [("PAK", "dialogue-partner", None), ("IND", "dialogue-partner", None)],
        ),
        ("Belarus applied for observer status in 2010.", [("BLR", "applied", "2010")]),
        (
            "Iran submitted an application for full membership.",
            [("IRN", "applied", None)],
        ),
        # seeking a status is applying for it (CONVENTIONS.md, #11)
        ("Belarus has sought the status of observer.", [("BLR", "applied", None)]),
        (
            "Pakistan and India were admitted as full members.",
            [("PAK", "joined", None), ("IND", "joined", None)],
        ),
        (
            "The Majlis ratified the memorandum of obligations that Iran signed in Samarkand.",
            [("IRN", "applied", None)],
        ),
        (
            "The summit launches Iran's accession as the SCO turns 20",
            [("IRN", "applied", None)],
        ),
        (
            "Iran's accession procedure was launched in 2021.",
            [("IRN", "applied", "2021")],
        ),
        (
            "Mongolia was granted dialogue partner status and Turkey received the same status.",
            [("MNG", "dialogue-partner", None), ("TUR", "dialogue-partner", None)],
        ),
        (
            "Belarus's contacts with the bloc date back to 2009, when its president sent a letter asking for observer status.",
            [("BLR", "applied", "2009")],
        ),
        (
            "The summit decided to admit the Republic of India and the Islamic Republic of Pakistan as members and began the procedure for admitting India and the Pakistan.",
            [("IND", "applied", None), ("PAK", "applied", None)],
        ),
    ],
)
def test_membership_events(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "As a founding member, China values the SCO.",
        "Iran is expected to become a full member next year.",
        "SCO member and observer states attended.",
        "Turkey received the same status as before.",
        "China said Iran and Russia, the hosts, have filed no application.",
        "Uzbekistan joined in 2001, turning the group into six.",
    ],
)
def test_membership_not_events(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an application's steps on dates that differ are entries of their own
        (
            "Iran applied for full membership in 2008. Iran signed the memorandum of obligations in September 2022.",
            [("IRN", "applied", "2008"), ("IRN", "applied", "2022-09")],
        ),
        # a date and its refinement are one step, told twice
        (
            "Belarus signed the memorandum of obligations in 2023. Belarus signed the memorandum of obligations on July 4, 2023.",
            [("BLR", "applied", "2023-07-04")],
        ),
        # other events are taken once
        (
            "India became a full member in 2017. India became a full member of the SCO in 2016.",
            [("IND", "joined", "2017")],
        ),
        # another clause's date is another step's
        (
            "Iran became an observer in July 2005, but has continued to pursue full membership.",
            [("IRN", "observer", "2005-07"), ("IRN", "applied", None)],
        ),
        # a person named as the subject acts for the state the mention gives
        (
            "Iran signed the memorandum of obligations on September 15, 2022. Pezeshkian signed the memorandum on January 7, 2023.",
            [("IRN", "applied", "2022-09-15"), ("IRN", "applied", "2023-01-07")],
        ),
        # a capital's possessive names its state
        (
            "Leaders welcomed Bishkek's bid for observer status.",
            [("KGZ", "applied", None)],
        ),
    ],
)
def test_membership_steps_and_their_dates(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_membership_mends_a_hard_line_break() -> None:
    text = "Pakistan formally became a full\nmember of the SCO in 2017."
    doc = make_doc(text)
    cut = text.index("\n")
    doc.sentences = [
        Sentence(0, cut, text[:cut]),
        Sentence(cut + 1, len(text), text[cut + 1 :]),
    ]
    assert [(m["state"], m["event"], m["date"]) for m in membership(doc)] == [
        ("PAK", "joined", "2017")
    ]


def test_membership_a_step_dated_after_the_page_is_still_to_come() -> None:
    text = "Turkey becomes a dialogue partner at the summit on September 16, 2024."
    assert membership(make_doc(text, published="2024-09-09")) == []
    assert [m["event"] for m in membership(make_doc(text, published="2024-09-20"))] == [
        "dialogue-partner"
    ]


def test_membership_a_step_dated_years_ago_takes_its_year() -> None:
    text = (
        "Belarus applied for membership 12 years ago. In July 2022, Belarus signed"
        " the memorandum of obligations."
    )
    found = membership(make_doc(text, published="2024-07-05"))
    assert sorted(m["date"] for m in found if m["event"] == "applied") == [
        "2012",
        "2022-07",
    ]


def test_membership_a_step_in_a_later_year_is_still_to_come() -> None:
    text = "With Mongolia becoming a full member next year, the bloc will grow."
    assert membership(make_doc(text, published="2024-07-05")) == []
    text = "With Mongolia becoming a full member last year, the bloc grew."
    assert _found(text) == [("MNG", "joined", "2023")]


@pytest.mark.parametrize(
    "text",
    [
        # negation: a step not taken
        "Mongolia and Turkey were not invited to join the SCO.",
        "Belarus did not apply for membership.",
        "Neither Mongolia nor Turkey has joined the bloc.",
        "Uzbekistan declined to apply for observer status.",
        "Iran has not signed the memorandum of obligations.",
        "India and Pakistan were not granted full membership.",
        "Turkey did not become a dialogue partner in 2011.",
    ],
)
def test_membership_negated_steps_give_no_item(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # an indirect question: a step asked about, not reported
        "Reporters asked whether Mongolia would join the SCO as an observer.",
        "Analysts asked if Turkey will apply for full membership.",
        "It is unclear whether Belarus has joined the bloc.",
        "Asked whether Kazakhstan applied for observer status, he declined to comment.",
        "Journalists wondered if Iran had been admitted as a full member.",
    ],
)
def test_membership_indirect_questions_give_no_item(text: str) -> None:
    assert _found(text) == []


@pytest.mark.issue(18)
def test_hard_wrapped_lines_are_joined_up_to_the_sentence_cap() -> None:
    from scotrack.ingest.facts.membership import _unwrapped
    from scotrack.ingest.read.sentences import MAX_SENTENCE, sentence_spans

    short = "Pakistan has become a full\nmember of the SCO"
    assert [s.text for s in _unwrapped(short, sentence_spans(short))] == [
        "Pakistan has become a full member of the SCO"
    ]
    line = "and the talks went on " * (MAX_SENTENCE // 44)  # about half the cap
    text = "\n".join([line.strip()] * 6)
    joined = _unwrapped(text, sentence_spans(text))
    assert len(joined) == 3
    assert all(len(s.text) <= MAX_SENTENCE for s in joined)


def _features(text: str, key: tuple[str, str]) -> set[str]:
    from scotrack.ingest.facts.membership import candidates

    found = [c.features for c in candidates(make_doc(text)) if c.key == key]
    assert found, f"no candidate {key} in {text!r}"
    return set(found[0])


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "key", "present", "absent"),
    [
        # a list of states is one subject: both share the clause's words
        (
            "India and Pakistan become full members of the bloc.",
            ("IND", "joined"),
            {
                "e=joined|role=subj",
                "e=joined|lgap<become full",
                "e=joined|lemma|become",
                "e=joined|list=1-2",
            },
            {"sc|past", "sc|neg"},
        ),
        (
            "India and Pakistan become full members of the bloc.",
            ("PAK", "joined"),
            {"e=joined|role=subj", "e=joined|lgap<become full", "e=joined|list=1-2"},
            set(),
        ),
        # a passive with the state first, told as done
        (
            "Mongolia was granted observer status.",
            ("MNG", "observer"),
            {
                "e=observer|role=subj",
                "e=observer|lemma|grant",
                "e=observer|subj|sc|past",
            },
            {"sc|modal"},
        ),
        # a noun frame: the state is the cue's object
        (
            "The summit approved the admission of Iran.",
            ("IRN", "joined"),
            {"e=joined|role=obj", "e=joined|pre_list=of"},
            set(),
        ),
        # a clause break: the speaker is no subject of the step
        (
            "Russia said that Iran applied for membership.",
            ("RUS", "applied"),
            {"e=applied|role=far"},
            {"e=applied|role=subj"},
        ),
        # a condition, and a modal before the state
        (
            "If Belarus joins the SCO, trade will grow.",
            ("BLR", "joined"),
            {"sc|question", "e=joined|subj|sc|question"},
            set(),
        ),
        (
            "Kazakhstan will support the application of Iran.",
            ("IRN", "applied"),
            {"sc|modal", "e=applied|role=obj"},
            set(),
        ),
        (
            "Turkey hopes to become a dialogue partner.",
            ("TUR", "dialogue-partner"),
            {"sc|wish"},
            {"sc|past"},
        ),
    ],
)
def test_membership_candidates_read_the_clause(
    text: str, key: tuple[str, str], present: set[str], absent: set[str]
) -> None:
    features = _features(text, key)
    assert present <= features
    assert not absent & features


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Iran and Russia have filed no application.",
            [("IRN", "applied"), ("RUS", "applied")],
        ),
        ("Turkey was not invited to join the bloc.", [("TUR", "joined")]),
        ("Mongolia has no plans to become a full member.", [("MNG", "joined")]),
        (
            "Belarus hasn't applied for observer status.",
            [("BLR", "applied"), ("BLR", "observer")],
        ),
    ],
)
def test_membership_a_step_its_clause_denies_is_no_candidate(
    text: str, keys: list[tuple[str, str]]
) -> None:
    """Negation read from the clause itself, not from the precise rules' verdicts:
    a model of words alone took "filed no application" for an application."""
    from scotrack.ingest.facts.membership import candidates

    found = {c.key for c in candidates(make_doc(text))}
    assert not found & set(keys)
    assert _found(text) == []


@pytest.mark.issue(11)
def test_membership_a_roster_of_states_proposes_no_step(monkeypatch) -> None:
    """A list of six states or more is a roster: its states take a step only
    where a precise rule finds one, however likely the model finds the rest
    (which it still learns from)."""
    from scotrack.ingest.classifiers import linear
    from scotrack.ingest.facts import membership as stage

    anything = linear.LinearModel("membership", 30.0, {}, threshold=0.5)
    monkeypatch.setattr(stage, "model", lambda name: anything)
    roster = (
        "Founded in 2001, the SCO's membership now includes Russia, Belarus, China,"
        " India, Iran, Kazakhstan, Pakistan and Uzbekistan."
    )
    assert {c.key[0] for c in stage.candidates(make_doc(roster))} >= {"RUS", "CHN"}
    assert stage.membership(make_doc(roster)) == []
    short = "The SCO's membership now includes India, Iran and Pakistan."
    assert {m["state"] for m in stage.membership(make_doc(short))} == {
        "IND",
        "IRN",
        "PAK",
    }
    ruled = (
        "The leaders granted dialogue partner status to Turkey, Mongolia, Belarus,"
        " India, Iran and Pakistan."
    )
    assert {(m["state"], m["event"]) for m in stage.membership(make_doc(ruled))} == {
        (code, "dialogue-partner")
        for code in ("TUR", "MNG", "BLR", "IND", "IRN", "PAK")
    }


@pytest.mark.issue(11)
def test_membership_a_clause_that_does_not_deny_keeps_its_candidate() -> None:
    """The negation must stand in the clause between the state and the cue, or
    just before them: "not" elsewhere in the sentence denies nothing."""
    text = "India and Pakistan became full members, a step not everyone welcomed."
    assert "sc|neg" not in _features(text, ("IND", "joined"))


@pytest.mark.issue(11)
def test_membership_a_partner_step_dated_before_2025_is_a_dialogue_partnership() -> (
    None
):
    def item(event: str, when: str | None, at: int) -> dict:
        return {
            "state": "NPL",
            "event": event,
            "date": when,
            "evidence": [[at, at + 10]],
        }

    assert _partners_by_date([item("partner", "2023-05", 0)]) == [
        item("dialogue-partner", "2023-05", 0)
    ]
    # the 2025 status, and an undated one, stay partners
    assert _partners_by_date([item("partner", "2025-09-01", 0)]) == [
        item("partner", "2025-09-01", 0)
    ]
    assert _partners_by_date([item("partner", None, 0)]) == [item("partner", None, 0)]
    # a dialogue partnership the page reports already takes it in
    merged = _partners_by_date(
        [item("dialogue-partner", None, 20), item("partner", "2023-05", 0)]
    )
    assert merged == [
        {**item("dialogue-partner", "2023-05", 20), "evidence": [[0, 10], [20, 30]]}
    ]
