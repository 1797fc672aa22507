# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Who makes a commitment, and which triggers a precise rule takes (#11): cases
from the second batch of real pages, each on an invented sentence."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.facts.commitments import candidates


def _rule_hits(text: str) -> list[tuple[str, str | None, str]]:
    """(actor, speaker, text) of every candidate a precise rule found."""
    return [
        (c.item["actor"], c.item["speaker"], c.item["text"])
        for c in candidates(make_doc(text))
        if RULE in c.features
    ]


def test_a_frame_after_the_quote_walks_past_title_words() -> None:
    text = "The SCO needs to build a seed bank, said PM Modi."
    assert _rule_hits(text) == [
        ("IND", "Narendra Modi", "The SCO needs to build a seed bank")
    ]


def test_he_is_the_subject_of_the_last_sentence_not_its_last_name() -> None:
    text = (
        "Modi spoke in the presence of Putin. "
        "He stressed that SCO members must share border data."
    )
    assert [actor for actor, *_ in _rule_hits(text)] == ["IND"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministers decided to set up a working group on rail tariffs.",
        "The SCO has decided to open a centre for flood warnings.",
        "The energy ministers instructed their experts to draft a gas market plan.",
        "Also, the summit has decided to launch a fund for small firms.",
        "Decided to hold a conference on cyber security next spring.",
    ],
)
def test_a_joint_decision_is_an_sco_rule_hit(text: str) -> None:
    assert [actor for actor, *_ in _rule_hits(text)] == ["SCO"]


@pytest.mark.parametrize(
    "text",
    [
        "The SCO has decided to grant Mongolia the status of a partner.",  # status
        "Russia has decided to build a grain terminal in Astana.",  # one state's: the model's
    ],
)
def test_no_rule_hit_for_a_status_decision_or_a_state_s(text: str) -> None:
    assert _rule_hits(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Modi exhorted the members to cut red tape at the border.", "IND"),
        ("Putin pressed for a common payment system among the members.", "RUS"),
        ("Modi pushed for faster visas for students of the region.", "IND"),
        ("Tokayev intends to open a trade house in Tianjin next year.", "KAZ"),
        ("Belarus confirmed its readiness to host the next forum of rectors.", "BLR"),
        (
            "During the talks, the ministers reviewed the rail plan and agreed to cut transit fees.",
            "SCO",
        ),
    ],
)
def test_more_verbs_of_calling_and_pledging_are_rule_hits(
    text: str, actor: str
) -> None:
    assert [a for a, *_ in _rule_hits(text)] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey will possibly join the organization next year.",  # hedged
        "The Mongolian request will be considered at the summit.",  # passive
        "Iran has asked for observer status in the SCO.",  # a membership step
        "Modi said there should be no room for double standards.",  # a principle
        "The SCO summit will open in Astana on Thursday.",  # a meeting's schedule
        "As a full member, the SCO member would help Iran break its isolation.",  # a prediction
        "Modi urges SCO to fight terror financing",  # a headline
        "The analyst thinks the Mongolian request will be considered, Putin said.",  # cut inside a word
    ],
)
def test_hedges_passives_steps_and_headlines_are_no_rule_hits(text: str) -> None:
    assert _rule_hits(text) == []


def test_a_bare_it_after_should_is_a_new_action_not_a_restatement() -> None:
    text = (
        'Modi urged the members to act together against terror. "We must oppose it '
        'in every form," Modi said.'
    )
    found = [(c.item["actor"], c.item["text"]) for c in candidates(make_doc(text))]
    assert ("IND", "must oppose it in every form") in found


def test_tasks_set_are_a_joint_decision() -> None:
    found = candidates(
        make_doc("The tasks have been set to strengthen cooperation of border guards.")
    )
    assert [(c.item["actor"], RULE in c.features) for c in found] == [("SCO", True)]


def test_a_state_after_by_is_no_subject() -> None:
    text = "The ministers backed the plan drafted by Russia, and agreed to test it in 2026."
    assert [a for a, *_ in _rule_hits(text)] == ["SCO"]


def test_reaffirmed_that_a_thing_is_so_is_a_belief_not_a_pledge() -> None:
    assert (
        candidates(
            make_doc("Putin reaffirmed that trade in grain is the first priority.")
        )
        == []
    )
    assert candidates(
        make_doc("Putin reaffirmed that Russia will keep the grain corridor open.")
    )


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Russia is calling on the members to open a seed bank.", "RUS"),
        ("All the speakers stressed the need to share flood data.", "SCO"),
        ("It was agreed that the member states would share flood data.", "SCO"),
    ],
)
def test_progressives_speakers_and_agreed_clauses_are_rule_hits(
    text: str, actor: str
) -> None:
    assert [a for a, *_ in _rule_hits(text)] == [actor]


def test_a_decision_to_start_an_accession_is_a_status_step() -> None:
    text = (
        "The leaders decided to launch the procedure for admitting Mongolia to the SCO."
    )
    assert _rule_hits(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Mongolia hopes to deepen farm trade with the members of the bloc.", "MNG"),
        (
            "Li said China wished to expand flights to every capital of the region.",
            "CHN",
        ),
        ("India is eager to host a forum of young scientists next spring.", "IND"),
    ],
)
def test_hopes_and_wishes_to_act_are_pledges_for_the_model(
    text: str, actor: str
) -> None:
    """An actor's hope or wish to do something itself: a candidate pledge the
    model judges (#11); "hopes that others will" stays a call."""
    found = candidates(make_doc(text))
    assert [(c.item["actor"], c.item["kind"]) for c in found] == [(actor, "pledge")]
    assert RULE not in found[0].features


def test_invite_in_the_first_person_singular_is_the_speaker_s_call() -> None:
    """A speech's present tense ("I invite all our partners to ..."), as "urge"
    and "propose" already are, and "I" the speaker, as "we" is (#11)."""
    text = '"I invite all our partners to join the seed bank," Mirziyoyev said.'
    found = [(a, t) for a, _, t in _rule_hits(text)]
    assert found == [("UZB", "I invite all our partners to join the seed bank")]


def _actors(text: str) -> list[str]:
    """The actor of every candidate, rule's or model's, in order."""
    return [c.item["actor"] for c in candidates(make_doc(text))]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Indian leader condemned attacks by militants in Pakistan and Iran, stressing the need to protect diplomats.",
            "IND",
        ),
        (
            "Prime Minister Modi thanked Pakistan and Iran and urged members to share weather data.",
            "IND",
        ),
        (
            "During the meeting, Putin criticised Iran, calling for a joint payment system.",
            "RUS",
        ),
    ],
)
def test_a_verb_with_no_subject_of_its_own_takes_the_sentences(
    text: str, actor: str
) -> None:
    """A participle after a comma, or a verb after "and" far from the name
    before it, has the sentence's subject: the state named last is an object."""
    assert _actors(text) == [actor]


def test_a_coordinated_verb_right_after_its_subject_keeps_it() -> None:
    text = "Putin met Modi in Goa, and Kazakhstan and India urged members to share weather data."
    assert set(_actors(text)) == {"KAZ", "IND"}
