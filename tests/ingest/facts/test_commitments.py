# ruff: noqa: E501 -- parametrized tables read best one case per line
import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import corpus_sentences, holds_any, make_doc, texts_matching

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.document import Mention
from scotrack.ingest.facts.clauses import clause_starts, matches_in
from scotrack.ingest.facts.commitment_mentions import may_name_group, titled_people
from scotrack.ingest.facts.commitments import candidates, commitments
from scotrack.ingest.lexicon import commitments as commitments_lexicon
from scotrack.ingest.lexicon.folding import folded


def _found(text: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (c["actor"], c["speaker"], c["kind"], c["text"])
        for c in commitments(make_doc(text))
    ]


@pytest.mark.parametrize(
    ("text", "actor", "speaker", "kind"),
    [
        (
            "Putin proposed that the SCO set up a joint energy club.",
            "RUS",
            "Vladimir Putin",
            "proposal",
        ),
        (
            "Modi called for stronger action against cross-border terrorism.",
            "IND",
            "Narendra Modi",
            "call",
        ),
        (
            "Tokayev urged member states to expand transit routes.",
            "KAZ",
            "Kassym-Jomart Tokayev",
            "call",
        ),
        (
            "Pezeshkian vowed to deepen trade with SCO partners.",
            "IRN",
            "Masoud Pezeshkian",
            "pledge",
        ),
        (
            "Lukashenko said Belarus is ready to supply more grain to the region.",
            "BLR",
            "Alexander Lukashenko",
            "pledge",
        ),
        (
            "Putin said Moscow would train diplomats from SCO countries.",
            "RUS",
            "Vladimir Putin",
            "pledge",
        ),
        (
            "The leaders of the SCO member states pledged to fight drug trafficking.",
            "SCO",
            None,
            "pledge",
        ),
        (
            "India will provide 2,000 scholarships to students from SCO countries.",
            "IND",
            None,
            "pledge",
        ),
    ],
)
def test_commitments_actor_speaker_kind(
    text: str, actor: str, speaker: str | None, kind: str
) -> None:
    found = _found(text)
    assert [(a, s, k) for a, s, k, _ in found] == [(actor, speaker, kind)]


def test_commitments_split_distinct_measures() -> None:
    text = "Modi urged SCO members to support digital payments and strengthen customs cooperation."
    assert [t for *_, t in _found(text)] == [
        "Modi urged SCO members to support digital payments",
        "strengthen customs cooperation",
    ]


def test_commitments_participial_clause_is_a_second_commitment() -> None:
    text = "Putin urged members to oppose sanctions, suggesting a new payment system for trade."
    kinds = [k for _, _, k, _ in _found(text)]
    assert kinds == ["call", "proposal"]


def test_commitments_keep_purpose_clause_in_one_measure() -> None:
    text = "Russia will work with SCO partners to build new roads and open more border crossings."
    assert len(_found(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov suggested that the SCO build a development bank.",  # expert
        "SCO members should take advantage of their economic complementarity.",  # editorial
        "Putin will attend the summit and deliver a speech.",  # schedule
        "India is promoting the construction of new railways.",  # ongoing conduct
        "The initiative proposed by Modi was welcomed.",  # attributed initiative
        "The SCO will continue to play a key role in the region.",  # prediction
    ],
)
def test_commitments_not_commitments(text: str) -> None:
    assert _found(text) == []


def test_commitments_should_inside_a_speech_frame() -> None:
    text = "The SCO members should build a common market for energy, Putin said."
    assert _found(text) == [
        (
            "RUS",
            "Vladimir Putin",
            "proposal",
            "The SCO members should build a common market for energy",
        )
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "China will provide 2,000 scholarships for SCO students.",
            {"value": 2000, "unit": "scholarships"},
        ),
        (
            "Russia will allocate $5 billion for joint projects.",
            {"value": 5_000_000_000, "unit": "US dollars"},
        ),
        (
            "China will offer 10 billion yuan in loans.",
            {"value": 10_000_000_000, "unit": "yuan"},
        ),
        ("China will deepen cooperation in 2025.", None),
    ],
)
def test_commitments_target(text: str, target: dict | None) -> None:
    assert commitments(make_doc(text))[0]["target"] == target


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Modi urged members to fight terrorism and expand trade.", "security"),
        ("Putin proposed a joint payment system in national currencies.", "finance"),
        ("India will open 10 yoga centres for youth exchanges.", "people-to-people"),
        ("Putin proposed to uphold the principles of the Charter.", "political"),
    ],
)
def test_commitments_area_is_the_first_named(text: str, area: str) -> None:
    assert commitments(make_doc(text))[0]["area"] == area


def test_commitments_evidence_points_at_the_text() -> None:
    doc = make_doc("Intro sentence here. Modi called for a regional food bank.")
    item = commitments(doc)[0]
    start, end = item["evidence"][0]
    assert doc.text[start:end] == item["text"]


_TRIGGERS = (
    commitments_lexicon.CALL_VERBS,
    commitments_lexicon.PROPOSAL_VERBS,
    commitments_lexicon.PLEDGE_VERBS,
    commitments_lexicon.SHOULD,
    commitments_lexicon.EXTENDED_CALL_VERBS,
    commitments_lexicon.EXTENDED_PROPOSAL_VERBS,
    commitments_lexicon.EXTENDED_PLEDGE_VERBS,
)


@pytest.mark.parametrize("pattern", _TRIGGERS)
@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(data=st.data())
def test_trigger_verbs_hold_a_cue_word(pattern: str, data: st.DataObject) -> None:
    assert holds_any(
        data.draw(texts_matching(pattern)), commitments_lexicon.TRIGGER_CUES
    )


def test_clause_triggers_from_the_sentence_are_the_clause_search() -> None:
    for sentence in corpus_sentences():
        lowered = folded(sentence)
        whole = list(commitments_lexicon.TRIGGER.finditer(lowered))
        pronouns = [m.start() for m in re.finditer(r" (?:he|she|they) ", sentence)]
        bounds = sorted({*clause_starts(sentence), *pronouns, len(sentence)})
        for a, b in pairwise(bounds):
            found = matches_in(commitments_lexicon.TRIGGER, lowered, whole, a, b)
            expected = list(commitments_lexicon.TRIGGER.finditer(lowered, a, b))
            assert [m.span() for m in found] == [m.span() for m in expected]
            assert [m.lastgroup for m in found] == [m.lastgroup for m in expected]


@settings(max_examples=50)
@given(data=st.data())
def test_actor_groups_hold_a_cue_word(data: st.DataObject) -> None:
    text = data.draw(texts_matching(commitments_lexicon.ACTOR_GROUPS))
    assert holds_any(text, commitments_lexicon.ACTOR_GROUP_CUES)


def test_sentences_without_a_group_cue_have_no_group() -> None:
    for sentence in corpus_sentences():
        lowered = folded(sentence)
        if not may_name_group(lowered):
            assert commitments_lexicon.GROUP.search(lowered) is None


def _candidates(text: str) -> list[tuple[str, str, bool]]:
    """(actor, text, found by a precise rule) of every candidate, before the model."""
    return [
        (c.item["actor"], c.item["text"], RULE in c.features)
        for c in candidates(make_doc(text))
    ]


def _sources(text: str) -> list[tuple[str, str]]:
    """(actor, how the actor was found) of every candidate."""
    return [
        (c.item["actor"], next(k for k in c.features if k.startswith("src=")))
        for c in candidates(make_doc(text))
    ]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Kazakhstan and Russia will draft a plan for a common gas market.",
            ["RUS", "KAZ"],
        ),
        (
            "Modi and Russian President Vladimir Putin agreed to double rail freight.",
            ["RUS", "IND"],
        ),
        (
            "The foreign ministers of China and India met in Moscow, where they agreed to reopen border trade.",
            ["IND", "CHN"],
        ),
    ],
)
def test_commitments_coordinated_actors_one_entry_each(
    text: str, actors: list[str]
) -> None:
    found = _found(text)
    assert [actor for actor, *_ in found] == actors
    assert len({text for *_, text in found}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russia, China, India and Iran will draft a plan for a common gas market.",  # a roll
        "A bloc led by China and Russia will draft a plan for a common gas market.",  # led by
        "With Putin and Modi at his side, Mirziyoyev will draft a plan for a gas market.",
    ],
)
def test_commitments_no_pair_outside_a_coordinated_subject(text: str) -> None:
    assert len({actor for actor, *_ in _candidates(text)}) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Modi will reach Astana on Thursday for the summit.",
        "The foreign ministers will discuss the agenda of the coming summit.",
        "Putin would like to thank the hosts for their warm welcome.",
        "Iran will now participate in the organization as a full member.",
        "Putin will exchange views with his counterparts on Afghanistan.",
        "China hopes the member states will expand trade in national currencies.",
        "The leaders will exchange their views on the situation in the region.",
        "The council of ministers will begin its work on Monday in Astana.",
        "The member states have been committed to the principles of the charter.",
        "The leaders offered warm congratulations to Iran on its accession.",
        "Modi stressed the importance of the upcoming summit in Astana.",
        "Russian President Vladimir Putin will also attend, with other leaders.",
        "Modi will attend.",
        "Modi will lead the Indian delegation at the summit in Astana.",
        "Putin will preside over the meeting of the heads of government.",
    ],
)
def test_commitments_schedules_previews_and_hopes_are_no_rule_hits(text: str) -> None:
    assert not [c for c in _candidates(text) if c[2]]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "It was also agreed to hold joint drills in the mountains next year.",
            "src=loose-impersonal",
        ),
        (
            'Putin said: "A decision was made to admit Belarus as a full member."',
            "src=loose-impersonal",
        ),
        (
            "The declaration stressed the importance of fighting drug trafficking.",
            "src=loose-document",
        ),
        (
            "The importance of joint action against cyber crime was noted.",
            "src=loose-headless",
        ),
        ("The ministers spoke in favour of closer customs cooperation.", "src=group"),
        ("The ministers, meeting in Moscow, agreed to share flood data.", "src=group"),
        (
            "Putin left after the meeting, which reiterated the importance of closer rail links.",
            "src=loose-document",
        ),
        (
            "The countries of the SCO (Shanghai Cooperation Organization) will keep building the rail link.",
            "src=group",
        ),
        (
            "Member states of the SCO will work to cut trade barriers, Putin said.",
            "src=group",
        ),
    ],
)
def test_commitments_joint_subjects_give_the_sco(text: str, source: str) -> None:
    assert ("SCO", source) in _sources(text)
    assert {actor for actor, _ in _sources(text)} == {"SCO"}


def test_commitments_a_speaker_goes_on_for_a_few_sentences() -> None:
    text = (
        "Putin called on the members to unite against terrorism. "
        "The key task is the security of the region. "
        "We should hold more consultations on border control."
    )
    assert ("RUS", "src=context-speaker") in _sources(text)


def test_commitments_a_person_in_the_sentence_beats_the_last_speaker() -> None:
    text = (
        "Putin urged the members to build the energy club. "
        "Modi, speaking at the same forum, agreed: we need to step up support for partners."
    )
    assert [actor for actor, _ in _sources(text)][-1] == "IND"


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov suggested that the SCO build a development bank.",  # no state
        "The concept put forward by Putin, which advocates unity of security, was praised.",
        "The analyst said the SCO should open a second secretariat.",
    ],
)
def test_commitments_no_loose_actor_past_a_known_subject(text: str) -> None:
    """No trigger's actor; a proposal named by a passive ("put forward by Putin")
    is the author's, a candidate of its own (test_commitment_frames.py)."""
    assert [s for _, s in _sources(text) if not s.startswith("src=frame")] == []


def test_commitments_a_repeated_commitment_is_one() -> None:
    text = (
        "Russia will build a grain terminal in Astana. "
        "Russia will build a grain terminal in Astana."
    )
    assert len(_found(text)) == 1


def test_commitments_a_measure_and_its_umbrella_stay_two() -> None:
    found = commitments(make_doc("Putin proposed a plan to build a grain terminal."))
    assert _distinct_texts(found)


def _distinct_texts(found: list) -> bool:
    return len({c["text"] for c in found}) == len(found)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Putin praised the talks, calling for wider trade in national currencies.",
            True,
        ),
        (
            "Putin praised the aims of peace and encouraging trade among the members.",
            False,
        ),
    ],
)
def test_commitments_a_gerund_is_a_rule_hit_only_as_a_clause(
    text: str, rule: bool
) -> None:
    assert any(c[2] for c in _candidates(text)) is rule


def test_commitments_a_planned_agenda_is_no_rule_hit() -> None:
    assert not [
        c
        for c in _candidates("Putin planned to explain his view of the talks.")
        if c[2]
    ]


def test_commitments_should_in_a_speech_is_the_author_s() -> None:
    text = (
        "Speech by President Putin at the summit in Astana. "
        "Terrorism is the main threat. "
        "The member states should set up a joint border service."
    )
    assert ("RUS", "src=context-author") in _sources(text)


def test_commitments_we_agreed_speaks_for_the_meeting() -> None:
    text = (
        "Putin spoke to the press after the talks. "
        "The talks were long and useful, and we agreed to expand trade in national currencies."
    )
    assert ("SCO", "src=loose-we-agreed") in _sources(text)


def test_commitments_no_loose_actor_from_a_place_of_the_meeting() -> None:
    text = (
        "The security council secretaries met under the chairmanship of Russia "
        "and agreed to share data on extremist groups."
    )
    assert {actor for actor, _ in _sources(text)} == {"SCO"}


def test_commitments_could_is_the_speaker_s_proposal() -> None:
    assert ("IND", "src=modal") in _sources(
        "Modi said the SCO could also set up a fund for start-ups."
    )


def test_commitments_hopes_others_will_is_a_call_of_who_hopes() -> None:
    found = candidates(make_doc("China hopes all member states will expand trade."))
    assert [(c.item["actor"], c.item["kind"]) for c in found] == [("CHN", "call")]


def test_commitments_an_opening_participle_is_the_main_subject_s() -> None:
    found = _candidates(
        "Calling for fair rules in world trade, Modi urged the members to cut tariffs."
    )
    assert ("IND", "Calling for fair rules in world trade", True) in found
    assert any(text.startswith("Modi urged") for _, text, _ in found)


def test_commitments_they_after_a_group_at_the_sentence_start() -> None:
    text = "Participants praised the talks and they pledged to build a joint seed bank."
    assert ("SCO", "src=they-group") in _sources(text)


def test_commitments_a_region_is_no_subject() -> None:
    text = "The SCO members voiced concern over North Africa, called for calm in the region."
    assert _candidates(text)[0][0] == "SCO"


def test_commitments_that_after_a_speech_verb_is_no_relative_pronoun() -> None:
    text = (
        "The SCO member nations stated that it is critical to fight drug trafficking."
    )
    assert {actor for actor, _ in _sources(text)} == {"SCO"}


@pytest.mark.parametrize(
    "text",
    [
        "Both sides welcomed the recently proposed Caspian Transit Corridor and its logistics hubs.",  # adjective
        "Leaders discussed Tajikistan's proposed Water Forum and the related investment plans.",  # possessive
        "Measures proposed for closer customs cooperation, including a single window, are useful to traders.",  # reduced relative
        "Uzbekistan was invited to join the new agricultural research network next year.",  # passive call
        "Mongolia has been asked to send experts to the seed bank in Tashkent.",  # passive call
        "\u201cWhy should we wait any longer?\u201d Lukashenko asked, adding that trade was slow.",  # a question
    ],
)
def test_commitments_participles_and_questions_are_no_acts(text: str) -> None:
    assert not [c for c in _candidates(text) if c[2]]


def test_commitments_a_group_after_a_preposition_is_no_subject() -> None:
    text = "Tokayev, at the session of prime-ministers from the SCO member-states, proposed to found a joint seed bank."
    assert _found(text)[0][0] == "KAZ"


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan reaffirmed its commitment to building new rail links with its neighbours.",
        "Iran conveyed its readiness to supply more gas to the member states.",
        "The member states are dedicated to promoting exchanges between their universities.",
        "Russia has committed itself to offer grants for student exchanges in the region.",
    ],
)
def test_commitments_stated_commitments_are_rule_pledges(text: str) -> None:
    assert [c for c in _candidates(text) if c[2]]


@pytest.mark.parametrize(
    "text",
    [
        "Russia would really like to make a big impression at the coming summit.",
        "The leaders will deliberate on regional issues at the summit in Minsk.",
        "Belarus will act as the chair of the energy club next year.",
    ],
)
def test_commitments_previews_after_an_adverb_are_no_rule_hits(text: str) -> None:
    assert not [c for c in _candidates(text) if c[2]]


def test_commitments_a_group_named_with_hyphens_is_one_subject() -> None:
    text = "Leaders of the SCO member-states confirmed their readiness to fund a joint seed bank."
    assert ("SCO", "src=group") in _sources(text)


def test_titled_people_take_the_state_of_their_title() -> None:
    text = "Mongolian Deputy Premier Batbold Dorj and the Minister of Energy of Iran Reza Karimi met an analyst of India Ravi Rao."
    doc = make_doc(text)
    mentions = [
        Mention(text.index(name), text.index(name) + len(name), "person", name, name)
        for name in ("Batbold Dorj", "Reza Karimi", "Ravi Rao")
    ]
    mentions += [
        Mention(text.index(w), text.index(w) + len(w), "state", code, w, code)
        for w, code in (("Mongolian", "MNG"), ("Iran", "IRN"), ("India", "IND"))
    ]
    mentions.sort(key=lambda m: m.start)
    assert titled_people(doc.text, mentions) == {
        "Batbold Dorj": "MNG",
        "Reza Karimi": "IRN",
    }


def test_commitments_a_coordinated_trigger_shares_the_subject_and_cuts_the_first() -> (
    None
):
    text = "The SCO ministers decided to open a customs school and urged Mongolia to send its students there."
    found = _candidates(text)
    assert ("SCO", "ministers decided to open a customs school", True) in found
    assert ("SCO", "urged Mongolia to send its students there", True) in found


def test_commitments_a_coordinated_predicate_keeps_the_opening_group() -> None:
    text = "Energy ministers from China, Russia and Iran praised the talks as \u201cfrank,\u201d and reiterated their resolve to build a common grid."
    assert {actor for actor, _ in _sources(text)} == {"SCO"}


def test_commitments_we_after_saying_is_the_speaker_s() -> None:
    text = "Putin welcomed Iran and India saying, \u201cWe need to bring Iran and India into the energy club soon.\u201d"
    assert ("RUS", "src=loose-we-person") in _sources(text)


def test_commitments_a_list_of_gerunds_after_the_importance_is_split() -> None:
    text = "Modi stressed the importance of building grain stores, expanding seed banks, and promoting drip irrigation in the region."
    found = [t for _, t, _ in _candidates(text)]
    assert found == [
        "Modi stressed the importance of building grain stores",
        "expanding seed banks",
        "promoting drip irrigation in the region",
    ]


def test_commitments_a_parenthetical_frame_leaves_the_subject() -> None:
    text = "Putin met Modi in Moscow. Russia, he said, would build two more grain terminals."
    assert ("RUS", "src=state") in _sources(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Russia would be encouraging Mongolia to join the energy club.", True),
        ("Russia will be hosting the summit of the energy club.", False),
    ],
)
def test_commitments_a_progressive_after_will_is_a_pledge_unless_a_schedule(
    text: str, rule: bool
) -> None:
    assert any(c[2] for c in _candidates(text)) is rule


def test_commitments_floating_an_idea_is_a_proposal() -> None:
    text = "Modi also floated the idea of a joint seed bank for the region."
    assert _found(text) == [
        (
            "IND",
            "Narendra Modi",
            "proposal",
            "Modi also floated the idea of a joint seed bank for the region",
        )
    ]


def test_commitments_could_be_a_noun_is_no_proposal() -> None:
    text = "The new railway could be the answer to the transit problems of Mongolia, Putin said."
    assert _candidates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministers reached consensus on the need for opening a joint seed bank.",
        "The ministers confirmed a common desire to open a joint seed bank.",
    ],
)
def test_commitments_stated_needs_and_desires_are_candidates(text: str) -> None:
    assert _candidates(text)


def test_commitments_what_a_proposal_will_do_is_a_forecast() -> None:
    text = "Putin proposed a grain corridor. The corridor, which runs across the steppe, will also help lower food prices in the region."
    assert [c for c in _candidates(text) if "lower food prices" in c[1]] == []


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Pakistan were not invited to join the SCO this year, officials said.",
        "India did not pledge to join the new energy club.",
        "Russia has not proposed to set up a joint fund.",
        "Russia hasn't yet proposed a new fund.",
        "Putin never called for the creation of a joint currency.",
        "Pakistan refused to endorse the plan for a development bank.",
        "Mongolia declined to propose any new projects.",
        "Russia did not call on members to break ties with the West.",
        "The ministers failed to agree to expand the energy club.",
    ],
)
def test_commitments_a_negated_trigger_is_no_commitment(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the negation of what is pledged, after the modal, is a pledge
            "China will not seek to build a military alliance.",
            [
                (
                    "CHN",
                    None,
                    "pledge",
                    "China will not seek to build a military alliance",
                )
            ],
        ),
        (
            "China refused to accept unilateral sanctions and called for dialogue among members.",
            [("CHN", None, "call", "called for dialogue among members")],
        ),
        (
            "India has also proposed a new fund for start-ups.",
            [
                (
                    "IND",
                    None,
                    "proposal",
                    "India has also proposed a new fund for start-ups",
                )
            ],
        ),
    ],
)
def test_commitments_negation_elsewhere_leaves_the_commitment(
    text: str, expected: list[tuple[str, str | None, str, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The SCO ministers agreed to strengthen border security and to expand cultural exchanges among members.",
            [
                "ministers agreed to strengthen border security",
                "expand cultural exchanges among members",
            ],
        ),
        (
            "The leaders pledged to build new transport corridors and to further develop energy cooperation.",
            [
                "The leaders pledged to build new transport corridors",
                "further develop energy cooperation",
            ],
        ),
        (
            "Modi urged members to strengthen border security and to simplify visa rules for tourists.",
            [
                "Modi urged members to strengthen border security",
                "simplify visa rules for tourists",
            ],
        ),
        (
            "Putin proposed to create a joint fund and to harmonise customs rules across the region.",
            [
                "Putin proposed to create a joint fund",
                "harmonise customs rules across the region",
            ],
        ),
        (
            "Kazakhstan vowed to open new border crossings and also to simplify visa rules for tourists.",
            [
                "Kazakhstan vowed to open new border crossings",
                "simplify visa rules for tourists",
            ],
        ),
    ],
)
def test_commitments_a_repeated_to_splits_measures(
    text: str, expected: list[str]
) -> None:
    assert [t for *_, t in _found(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan vowed to deepen cooperation and expand trade with member states.",
        "Russia and China agreed to strengthen and expand trade.",
        "Russia pledged to contribute to peace and to stability in the region.",
    ],
)
def test_commitments_a_plain_and_keeps_one_pledge(text: str) -> None:
    assert len({t for *_, t in _found(text)}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian President Vladimir Putin addressed the SCO summit in Astana. "
            "Firstly, we must deepen security cooperation among member states. "
            "Secondly, we should expand trade and investment. "
            "Thirdly, we propose to set up a joint energy club.",
            [
                "must deepen security cooperation among member states",
                "should expand trade and investment",
                "propose to set up a joint energy club",
            ],
        ),
        (
            "Modi took the floor at the meeting in Goa. "
            "First, the SCO should reform its working methods. "
            "Second: all members should fight terrorism without double standards. "
            "Finally, we need to build more transport links.",
            [
                "should reform its working methods",
                "should fight terrorism without double standards",
                "need to build more transport links",
            ],
        ),
    ],
)
def test_commitments_enumerated_points_are_the_speakers(
    text: str, expected: list[str]
) -> None:
    found = _found(text)
    assert [t for *_, t in found] == expected
    assert {(a, s, k) for a, s, k, _ in found} == {
        (found[0][0], found[0][1], "proposal")
    }
    assert found[0][1] in ("Vladimir Putin", "Narendra Modi")


@pytest.mark.parametrize(
    "text",
    [  # no speaker named just before, or another subject before the verb
        "Trade rose last year. Officials were pleased. Firstly, we must build roads to Central Asia.",
        "Tokayev opened the session. Second, Russia should pay for the new pipeline.",
        "First, India should reform its trade rules, an analyst said.",
    ],
)
def test_commitments_enumerated_points_need_their_speaker(text: str) -> None:
    assert all("src=enumerated" not in c.features for c in candidates(make_doc(text)))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "called to" + a verb: a call, as translated speeches print it
        ("Tokayev called to create an SCO centre for food security.", "call"),
        ("Tokayev called to resolve water security issues in the region.", "call"),
    ],
)
def test_commitments_translated_calls(text: str, kind: str) -> None:
    found = _found(text)
    assert [(a, k) for a, _, k, _ in found] == [("KAZ", kind)], found


@pytest.mark.parametrize(
    "text",
    [
        # "it is important to" + a measure: a need, like "it is essential to"
        "It is important to launch a joint SCO fund for projects, Tokayev said.",
        # "in favour of" + a measure
        "Tokayev said Kazakhstan is in favour of creating an SCO payment system.",
    ],
)
def test_commitments_translated_calls_are_the_model_s_candidates(text: str) -> None:
    """Extended triggers: the rules propose the speaker's call; whether it is
    kept is the model's verdict, measured on the corpora (docs/extraction.md),
    not pinned on one invented sentence."""
    found = candidates(make_doc(text))
    assert [(c.item["actor"], c.item["kind"]) for c in found] == [("KAZ", "call")]
    assert RULE not in found[0].features


@pytest.mark.parametrize(
    "text",
    [
        "Tokayev called to the podium the heads of delegations.",
        "The meeting was called to order by Tokayev.",
        "It is important to note that Tokayev spoke first.",
    ],
)
def test_commitments_not_translated_calls(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "actor", "kind"),
    [
        (
            "Putin said efforts are needed to build a regional grain exchange.",
            "RUS",
            "proposal",
        ),
        (
            '"We have to find common ground on customs rules," Putin said.',
            "RUS",
            "proposal",
        ),
        (
            "Modi stressed on closer cooperation in disaster relief among the members.",
            "IND",
            "call",
        ),
        (
            "Kazakhstan speaks for the early settlement of the conflict by talks.",
            "KAZ",
            "call",
        ),
        (
            "Tokayev said Kazakhstan sought to expand transit routes to the south.",
            "KAZ",
            "pledge",
        ),
        (
            "Putin made a three-point proposal on energy cooperation within the SCO.",
            "RUS",
            "proposal",
        ),
        (
            "Mongolia expressed interest in joining the energy club of the bloc.",
            "MNG",
            "pledge",
        ),
    ],
)
def test_needs_obligations_noun_proposals_and_interest_are_candidates(
    text: str, actor: str, kind: str
) -> None:
    """Phrasings of real pages no trigger took (#11): "X are needed to", "we have
    to", "stressed on", "speaks for", "sought to", "made a ... proposal",
    "expressed interest in"; the model judges them (no precise rule's)."""
    found = [
        (c.item["actor"], c.item["kind"], RULE in c.features)
        for c in candidates(make_doc(text))
    ]
    assert found == [(actor, kind, False)]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        (
            "Modi urged members to strengthen and deepen cooperation in trade.",
            ["Modi urged members to strengthen and deepen cooperation in trade"],
        ),
        (
            "Putin proposed to expand and modernise the rail network.",
            ["Putin proposed to expand and modernise the rail network"],
        ),
        (
            "Modi urged members to fight terrorism and expand trade with the region.",
            ["Modi urged members to fight terrorism", "expand trade with the region"],
        ),
    ],
)
def test_two_verbs_of_one_object_are_one_measure(text: str, texts: list[str]) -> None:
    """A verb alone before "and" ("strengthen and deepen cooperation") shares
    the object of the next: one measure, not a verb cut off from it."""
    assert [c["text"] for c in commitments(make_doc(text))] == texts
