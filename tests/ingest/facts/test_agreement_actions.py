# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Actions of agreements (`agreement_actions`), on invented sentences."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import agreements_found as _found


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive of need or purpose: the signing is still to come
        "The ministers discussed the procedures needed to sign the Convention on Water Security.",
        "Members must ratify the Agreement on Customs Cooperation first.",
        # a wished-for early action
        "Mongolia welcomed an early conclusion of the Treaty on Transit Corridors.",
        "They looked forward to a speedy signing of the Draft Roadmap of Joint Actions.",
    ],
)
def test_agreement_actions_still_to_come_or_drafts(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistan suggested adopting a programme of student exchanges.",
            [("programme of student exchanges", "proposed")],
        ),
        (
            "Modi recalled India's proposal for the SCO to work out a plan of cooperation in medicine.",
            [("plan of cooperation in medicine", "proposed")],
        ),
        # a proposal verb right before the agreement
        (
            "Mongolia has proposed an SCO convention on desert control.",
            [("SCO convention on desert control", "proposed")],
        ),
        (
            "Kyrgyzstan put forward a treaty on water sharing.",
            [("treaty on water sharing", "proposed")],
        ),
    ],
)
def test_agreement_actions_proposals(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's present tense
        (
            "Mongolia signs memorandum on observer duties",
            [("memorandum on observer duties", "signed")],
        ),
        (
            "Turkey ratifies convention on transit",
            [("convention on transit", "ratified")],
        ),
        # "became effective" is an entry into force
        (
            "The Agreement on Seed Exchange became effective in May.",
            [("Agreement on Seed Exchange", "entered-into-force")],
        ),
    ],
)
def test_agreement_actions_headlines_and_effect(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting's outcome, with no action verb
        (
            "The results of the forum featured a joint declaration on clean water and a joint communique on tourism.",
            [
                ("joint declaration on clean water", "adopted"),
                ("joint communique on tourism", "adopted"),
            ],
        ),
        (
            "The main outcome of the session was the Bishkek Declaration.",
            [("Bishkek Declaration", "adopted")],
        ),
    ],
)
def test_agreement_actions_outcomes_are_adopted(text: str, expected: list) -> None:
    assert _found(text) == expected


def test_agreement_actions_results_of_something_else_adopt_nothing() -> None:
    assert _found("The results of the vote were in line with the Charter.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one state's head or cabinet approving an instrument ratifies it
        (
            "King Harald of Norland approved a Memorandum of Understanding on fisheries.",
            [("Memorandum of Understanding on fisheries", "ratified")],
        ),
        (
            "President of Ruritania Ivan Petrov approved the agreement on the order of customs checks.",
            [("agreement on the order of customs checks", "ratified")],
        ),
        (
            "The Emir has given a final approval to the memorandum conferring observer status on the emirate.",
            [("memorandum conferring observer status on the emirate", "ratified")],
        ),
        (
            "The Mongolian cabinet approved the agreement on visa-free travel.",
            [("agreement on visa-free travel", "ratified")],
        ),
        # several approvers, or the SCO's own council: its adoption
        (
            "President Xi and President Putin approved the Joint Statement on Energy.",
            [("Joint Statement on Energy", "adopted")],
        ),
        (
            "The heads of government approved the Programme of Trade Cooperation.",
            [("Programme of Trade Cooperation", "adopted")],
        ),
    ],
)
def test_agreement_actions_national_approval_is_ratification(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing participle set off by a comma: signed too
        (
            "The parliament approved the memorandum granting observer status to Norland, signed in May 2022 at the summit.",
            [
                ("memorandum granting observer status", "ratified"),
                ("memorandum granting observer status", "signed"),
            ],
        ),
        # another agreement between: its participle, not this one's
        (
            "The ministers adopted the Plan of Action on Tourism and the Agreement on Visas, signed in 2019.",
            [
                ("Plan of Action on Tourism", "adopted"),
                ("Agreement on Visas", "adopted"),
            ],
        ),
    ],
)
def test_agreement_actions_signing_participle_later(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # urging or calling on others to adopt or sign: a proposal
        (
            "They urged the United Nations to promptly adopt the convention for prevention of nuclear smuggling.",
            [("convention for prevention of nuclear smuggling", "proposed")],
        ),
        (
            "He called on the members to sign the Treaty on Water Sharing.",
            [("Treaty on Water Sharing", "proposed")],
        ),
    ],
)
def test_agreement_actions_calls_to_adopt_are_proposals(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an approval naming its meeting before its object
        (
            "He welcomed the approval at the SCO Summit of a comprehensive Action Plan on Tourism.",
            [("Action Plan on Tourism", "adopted")],
        ),
        # agreed on, or agreed as an attribute: adopted
        (
            "The experts examined and agreed on the action plan for the protection of wetlands.",
            [("action plan for the protection of wetlands", "adopted")],
        ),
        (
            "He highlighted the agreed Program of Cooperation in Seed Science.",
            [("Program of Cooperation in Seed Science", "adopted")],
        ),
        # a draft agreed upon, or an agreement still to sign: not adopted
        (
            "The ministers agreed upon the draft Convention on Dry Ports.",
            [],
        ),
        (
            "A draft Joint Statement on Water Security was agreed upon.",
            [],
        ),
        ("The leaders agreed to sign the Treaty on Water Sharing.", []),
    ],
)
def test_agreement_actions_approvals_and_agreed(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what follows an entry into force still to come: none yet
        (
            '"After the entry into force of the Agreement on Road Transport, carriers will get new routes.',
            [],
        ),
        (
            "Once the ratification of the Treaty on Dams is complete, work would start.",
            [],
        ),
        # a past event after a signing: the signing took place
        (
            "After the signing of the Agreement on Road Transport, the leaders held a press conference.",
            [("Agreement on Road Transport", "signed")],
        ),
    ],
)
def test_agreement_actions_after_an_action_still_to_come(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle naming the proposer: proposed, besides any other action
        (
            "Moscow supports a draft memorandum on Norland's obligations to join the Organization proposed by Tashkent.",
            [("memorandum on Norland's obligations", "proposed")],
        ),
        (
            "The ministers approved the strategy for energy savings until 2030, initiated by Kazakhstan, in Astana.",
            [
                ("strategy for energy savings until 2030", "adopted"),
                ("strategy for energy savings until 2030", "proposed"),
            ],
        ),
        # another agreement named before the participle: not the first's proposer
        (
            "They signed the Treaty on Dams and the Protocol on Silt proposed by Kyrgyzstan.",
            [("Treaty on Dams", "signed"), ("Protocol on Silt", "signed")],
        ),
        # an agreement yet to be drafted: a verb before it is not its action
        (
            "An instruction was issued to draft a document on criteria for enlargement.",
            [],
        ),
    ],
)
def test_agreement_actions_proposers_and_drafting(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with no "that": its verb is the agreement's action
        (
            "He urged closer ties under the cooperation agreement the two banks signed in Bishkek in 2007.",
            [("cooperation agreement", "signed")],
        ),
        # a clause of its own after a comma: another agreement's verb
        (
            "They adopted the Declaration, the leaders signed the Treaty on Water.",
            [("Declaration", "adopted"), ("Treaty on Water", "signed")],
        ),
    ],
)
def test_agreement_actions_relative_without_that(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb inside the perfect passive
        (
            "A plan of action on flood relief has also been adopted.",
            [("plan of action on flood relief", "adopted")],
        ),
        (
            "The Agreement on Seed Exchange had already been signed.",
            [("Agreement on Seed Exchange", "signed")],
        ),
        # the progressive passive of a past narrative
        (
            "She said that a protocol on grain inspection was being signed at the forum.",
            [("protocol on grain inspection", "signed")],
        ),
        # a speech's present progressive in a relative clause
        (
            "Our common views are set out in the Kazan Declaration that we are adopting today.",
            [("Kazan Declaration", "adopted")],
        ),
        (
            "The agreement on river navigation that the ministers are signing is a first.",
            [("agreement on river navigation", "signed")],
        ),
    ],
)
def test_agreement_actions_perfect_progressive_and_relative(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
def test_agreement_actions_a_relative_that_calls_for_signing_is_no_action() -> None:
    assert _found("They cited the treaty which calls for signing a new pact.") == []


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with a verb of its own governs what follows it
        (
            "The banks signed the Action Plan which reflects the strategy for joint lending.",
            [("Action Plan", "signed")],
        ),
        # not a relative's own verb: the action still reaches the agreement
        (
            "They said that leaders signed the Astana Declaration.",
            [("Astana Declaration", "signed")],
        ),
        (
            "The leaders signed documents that included the Astana Declaration.",
            [("Astana Declaration", "signed")],
        ),
    ],
)
def test_agreement_actions_a_relative_clause_governs_its_object(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two adverbs between the auxiliary and the verb
        (
            "A memorandum on tourism cooperation was also formally signed.",
            [("memorandum on tourism cooperation", "signed")],
        ),
        (
            "The Program on Youth Exchanges has also been officially approved.",
            [("Program on Youth Exchanges", "adopted")],
        ),
        # a title printed in quotes takes its action as one printed bare
        (
            "This view is reflected in the \u201cDushanbe Declaration\u201d that we are adopting.",
            [("Dushanbe Declaration", "adopted")],
        ),
        (
            "King Salman approved a \u201cMemorandum of Understanding\u201d on dialogue partner status.",
            [("Memorandum of Understanding", "ratified")],
        ),
        (
            "They urged the United Nations to adopt the convention on terrorism and the \u201cconvention on nuclear safety\u201d.",
            [
                ("convention on terrorism", "proposed"),
                ("convention on nuclear safety", "proposed"),
            ],
        ),
        # a time or place between the verb and its object
        (
            "President Mirziyoyev approved on Tuesday the agreement on the SCO budget.",
            [("agreement on the SCO budget", "ratified")],
        ),
        (
            "Delegates of the summit issued in Astana a statement pledging closer ties.",
            [("statement", "adopted")],
        ),
        (
            "The protocol was adopted on Friday and signed by all the ministers.",
            [("protocol", "adopted"), ("protocol", "signed")],
        ),
    ],
)
def test_agreement_actions_adverbs_quotes_and_adverbials_between(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call for an action noun on the agreement is a proposal of it
        (
            "Xi called for the early signing of the agreement on trade facilitation.",
            [("agreement on trade facilitation", "proposed")],
        ),
        (
            "The leaders called for the speedy conclusion of a convention on terrorism.",
            [("convention on terrorism", "proposed")],
        ),
        (
            "Kyrgyzstan advocated the adoption of a program on green development.",
            [("program on green development", "proposed")],
        ),
        (
            "Hu proposed the formation of a convention on good-neighbourliness.",
            [("convention on good-neighbourliness", "proposed")],
        ),
        # a bill, law or decree enacting it, a cabinet of ministers approving it
        (
            "The Guardian Council approved the bill on the memorandum of obligations.",
            [("memorandum of obligations", "ratified")],
        ),
        (
            "The Emir issued a decree approving the memorandum on dialogue partner status.",
            [("memorandum on dialogue partner status", "ratified")],
        ),
        (
            "The Cabinet of Ministers approved the agreement on cooperation in agriculture.",
            [("agreement on cooperation in agriculture", "ratified")],
        ),
        (
            "The Majlis gave its final approval to the memorandum of obligations.",
            [("memorandum of obligations", "ratified")],
        ),
    ],
)
def test_agreement_actions_calls_for_action_nouns_and_enactments(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
def test_agreement_actions_a_call_to_approve_proposes_nothing() -> None:
    """gold/NOTES.md, doc 003: a proposal to approve a treaty already signed is a
    commitment, not the treaty's proposal."""
    text = "Li proposed that the SCO member countries should approve an anti-extremism treaty at an early date."
    assert _found(text) == []


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an entry into force in the perfect
        (
            "The SCO Convention on Countering Extremism has entered into force.",
            [("SCO Convention on Countering Extremism", "entered-into-force")],
        ),
        (
            "The treaty has already taken effect.",
            [("treaty", "entered-into-force")],
        ),
        (
            "The agreement, signed in 2019, has entered into force.",
            [("agreement", "signed"), ("agreement", "entered-into-force")],
        ),
        # a verb acting on the agreement as "it"
        (
            "Iran signed the memorandum of obligations in 2022 and ratified it in 2023.",
            [
                ("memorandum of obligations", "signed"),
                ("memorandum of obligations", "ratified"),
            ],
        ),
        (
            "Iran signed the memorandum of obligations in 2022. The parliament approved it in 2023.",
            [
                ("memorandum of obligations", "signed"),
                ("memorandum of obligations", "ratified"),
            ],
        ),
        (
            "Iran signed the memorandum of obligations in 2022, but has not ratified it yet.",
            [("memorandum of obligations", "signed")],
        ),
    ],
)
def test_agreement_actions_perfect_entry_into_force_and_it(
    text: str, expected: list
) -> None:
    assert _found(text) == expected
