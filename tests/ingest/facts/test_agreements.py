# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import agreements_found as _found
from _docs import holds_any, make_doc, texts_matching

from scotrack.ingest.facts.agreement_titles import title_start
from scotrack.ingest.facts.agreements import agreements
from scotrack.ingest.facts.meetings import meetings
from scotrack.ingest.lexicon import agreements as agreements_lexicon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The leaders signed the Astana Declaration.",
            [("Astana Declaration", "signed")],
        ),
        (
            "The SCO Convention on Countering Extremism entered into force in 2019.",
            [("SCO Convention on Countering Extremism", "entered-into-force")],
        ),
        (
            "Russia ratified the convention against terrorism.",
            [("convention against terrorism", "ratified")],
        ),
        (
            "The summit adopted the SCO Development Strategy until 2035.",
            [("SCO Development Strategy until 2035", "adopted")],
        ),
        (
            "Ministers approved a joint statement on food security.",
            [
                (
                    "joint statement on food security",
                    "approved".replace("approved", "adopted"),
                )
            ],
        ),
        ("The treaty was signed by all members.", [("treaty", "signed")]),
        (
            "Putin proposed drafting a convention on energy transit.",
            [("convention on energy transit", "proposed")],
        ),
        (
            "They signed the world's first anti-drug treaty.",
            [("anti-drug treaty", "signed")],
        ),
    ],
)
def test_agreements_title_and_action(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Members have always followed the SCO Charter.",  # no action
        "Modi proposed the Regional Connectivity Initiative.",  # an initiative
        "Putin proposed a feasibility study of the SCO free trade area.",  # initiative
        "They signed several agreements.",  # no single agreement named
    ],
)
def test_agreements_not_agreements(text: str) -> None:
    assert _found(text) == []


def test_agreements_take_place_and_date_from_their_meeting() -> None:
    doc = make_doc(
        "At the SCO summit in Astana on July 4, 2024, leaders signed the Astana Declaration."
    )
    doc.facts["meetings"] = meetings(doc)
    (item,) = agreements(doc)
    assert (item["place"], item["date"]) == ("Astana", "2024-07-04")


def test_agreements_parties_only_when_listed() -> None:
    doc = make_doc(
        "The treaty was signed by the members, namely China, Russia and India."
    )
    doc.facts["meetings"] = []
    assert agreements(doc)[0]["parties"] == ["CHN", "RUS", "IND"]


@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(texts_matching(rf"\b(?:{agreements_lexicon.AGREEMENT_NOUNS})s?\b"))
def test_agreement_nouns_hold_a_cue_word(text: str) -> None:
    assert holds_any(text, agreements_lexicon.AGREEMENT_NOUN_CUES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The six leaders put their signatures to an Agreement on the Regional Anti-Terrorist Structure and to a Declaration of the Heads of Member States.",
            [
                ("Agreement on the Regional Anti-Terrorist Structure", "signed"),
                ("Declaration of the Heads of Member States", "signed"),
            ],
        ),
        (
            "The leaders signed the Astana Declaration, the Bishkek Treaty and the Tashkent Protocol.",
            [
                ("Astana Declaration", "signed"),
                ("Bishkek Treaty", "signed"),
                ("Tashkent Protocol", "signed"),
            ],
        ),
        (
            "The rules were set by an agreement on joint military exercises that the defense ministers signed in June.",
            [("agreement on joint military exercises", "signed")],
        ),
        (
            "The Majlis ratified the memorandum of obligations that Iran signed in Samarkand.",
            [
                ("memorandum of obligations", "signed"),
                ("memorandum of obligations", "ratified"),
            ],
        ),
        (
            "Putin proposed that the six countries draft a charter for the organization.",
            [("charter for the organization", "proposed")],
        ),
        ("Li proposed drawing up a concept of cooperation in transport.", []),
        (
            "The leaders approved the Strategic Plan for the Medium-Term Development of the SCO.",
            [("Strategic Plan for the Medium-Term Development of the SCO", "adopted")],
        ),
        ("The meeting concluded without a joint communique.", []),
        ("Armenia refused to sign the Astana Declaration.", []),
        ("Armenia refuses to sign CSTO declaration at Yerevan summit", []),
        (
            "Pashinyan refused to sign the final declaration of a summit of the Russia-led Collective Security Treaty Organization.",
            [],
        ),
        ("The leaders signed the final declaration of a summit of the CSTO.", []),
        (
            "Russia and China signed a joint statement on linking the Eurasian Economic Union with the Belt.",
            [
                (
                    "joint statement on linking the Eurasian Economic Union with the Belt",
                    "signed",
                )
            ],
        ),
        (
            "Iran signed the memorandum on September 15 on the sidelines of the summit.",
            [("memorandum", "signed")],
        ),
        (
            "The memorandum takes effect from the date of its signing.",
            [("memorandum", "entered-into-force")],
        ),
    ],
)
def test_agreements_several_and_other_forms(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_agreements_document_and_its_refer_back() -> None:
    text = (
        "The SCO Convention on Countering Extremism entered into force for Russia. "
        "The document was signed by the leaders in Astana. "
        "The law on its ratification was adopted in July."
    )
    title = "SCO Convention on Countering Extremism"
    assert sorted(_found(text)) == sorted(
        [(title, "entered-into-force"), (title, "signed"), (title, "ratified")]
    )


def test_agreements_short_name_takes_the_full_title() -> None:
    text = (
        "The anniversary of the entry into force of the SCO Charter was marked. "
        "The Charter of the Shanghai Cooperation Organisation entered into force in 2003."
    )
    assert _found(text) == [
        ("Charter of the Shanghai Cooperation Organisation", "entered-into-force")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "issued" after the noun is no "is" (#11)
            "A joint communique issued after the talks welcomed the progress.",
            [("joint communique", "adopted")],
        ),
        (  # a legislature approving an instrument ratifies it
            "The Mongolian parliament approved the agreement on visa-free travel.",
            [("agreement on visa-free travel", "ratified")],
        ),
        (
            "President Petrov signed into law the treaty on border cooperation.",
            [("treaty on border cooperation", "ratified")],
        ),
        (  # the action noun governing the agreement wins over the verb after
            "The bill on the ratification of the memorandum was approved on Monday.",
            [("memorandum", "ratified")],
        ),
        (  # a noun inside another agreement's title is no agreement of its own
            "The ministers approved the Action Plan for the Implementation of the Bishkek Treaty.",
            [("Action Plan for the Implementation of the Bishkek Treaty", "adopted")],
        ),
        (  # a lower-case document noun with a complement names an agreement
            "The leaders signed a statement on joint efforts against drug trafficking.",
            [("statement on joint efforts against drug trafficking", "signed")],
        ),
        ("The ministry issued a statement.", []),
        ("Xi outlined a security concept of cooperation.", []),
        (  # an action after coordinated agreements is theirs too
            "A programme on cultural exchanges and a memorandum on youth cooperation were signed at the meeting.",
            [
                ("programme on cultural exchanges", "signed"),
                ("memorandum on youth cooperation", "signed"),
            ],
        ),
        (  # a complement stops at the next agreement
            "The leaders signed the Convention on Countering Piracy and a statement on food security.",
            [
                ("Convention on Countering Piracy", "signed"),
                ("statement on food security", "signed"),
            ],
        ),
        (  # a title's list of capitalised words, and its closing period
            "In 2003 the Convention on Fighting Piracy, Smuggling and Fraud was adopted.",
            [("Convention on Fighting Piracy, Smuggling and Fraud", "adopted")],
        ),
        (
            "The ministers approved the Strategy of energy cooperation until 2030.",
            [("Strategy of energy cooperation until 2030", "adopted")],
        ),
        (  # a passive a few words after the agreement
            "The Minsk Declaration summing up two decades of cooperation was adopted at the end of the summit.",
            [("Minsk Declaration", "adopted")],
        ),
        (  # the verb governs another noun
            "Members must accede to the documents adopted within the time limits set in the memorandum.",
            [],
        ),
        (  # "particular" is a qualifier, not part of the name
            "The meeting issued a particular declaration to thank the hosts.",
            [("declaration to thank the hosts", "adopted")],
        ),
    ],
)
def test_agreements_actions_and_titles_of_real_pages(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders are expected to sign the Minsk Declaration.",
        "The summit will end with the adoption of the Kazan Declaration.",
        "Two key documents are expected to be signed, the Kazan Declaration and the Tver Statement.",
        "The treaty will be signed in June.",
    ],
)
def test_agreements_still_to_come_are_left_out(text: str) -> None:
    assert _found(text) == []


def test_agreements_one_agreement_named_twice_is_one_item() -> None:
    text = (
        "The trilateral agreement on the Almaty-Tashkent highway was signed on Monday. "
        "The signing of the agreement was welcomed by the three presidents."
    )
    assert _found(text) == [
        ("trilateral agreement on the Almaty-Tashkent highway", "signed")
    ]


def test_agreements_of_a_list_take_its_heading_action() -> None:
    text = (
        "These documents were signed at the summit. 1. Kazan Declaration of the "
        "Heads of State. 2. Programme of cooperation in sport."
    )
    assert _found(text) == [
        ("Kazan Declaration of the Heads of State", "signed"),
        ("Programme of cooperation in sport", "signed"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The leaders adopted the Minsk Declaration and two joint statements, on fighting drug trafficking, smuggling and fraud, and on cooperation in green energy.",
            [
                ("Minsk Declaration", "adopted"),
                (
                    "joint statement on fighting drug trafficking, smuggling and fraud",
                    "adopted",
                ),
                ("joint statement on cooperation in green energy", "adopted"),
            ],
        ),
        (
            "Agreements were signed to establish an SCO Water Center and a Regional Center for Disaster Relief.",
            [
                ("Agreement to establish an SCO Water Center", "signed"),
                (
                    "Agreement to establish a Regional Center for Disaster Relief",
                    "signed",
                ),
            ],
        ),
        ("They signed agreements on trade and investment.", []),
    ],
)
def test_agreements_plural_in_parts(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_agreements_the_noun_refers_back_to_a_named_agreement() -> None:
    text = (
        "The Development Strategy for Tourism until 2030 was adopted. "
        "The strategy was drafted at the initiative of President Mirziyoyev."
    )
    title = "Development Strategy for Tourism until 2030"
    assert sorted(_found(text)) == [(title, "adopted"), (title, "proposed")]


@pytest.mark.parametrize(
    "text",
    [
        "The declaration noted that ten documents were signed.",  # a clause of its own
        "Procedures for the ratification of the Charter will be sped up.",  # pending
        "The signing of the treaty will strengthen mutual trust.",  # still to come
        "The first documents adopted in 2001 included the Convention, which preceded the Charter.",
    ],
)
def test_agreements_verb_of_another_clause_is_not_theirs(text: str) -> None:
    assert ("Charter", "adopted") not in _found(text)
    assert _found(text) in ([], [("Convention", "adopted")])


def test_agreements_of_a_list_item_only_the_first_takes_the_heading() -> None:
    text = (
        "These documents were signed at the summit. 1. Kazan Declaration: this "
        "declaration sets out the plan for meetings."
    )
    assert _found(text) == [("Kazan Declaration", "signed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an abbreviation inside the title
            "A memorandum of obligations on Iran's Shanghai Cooperation Organization (SCO) membership was signed on Friday.",
            [
                (
                    "memorandum of obligations on Iran's Shanghai Cooperation Organization (SCO) membership",
                    "signed",
                )
            ],
        ),
        (  # a period before the noun tells it apart
            "The leaders approved the 2025-2027 anti-drug strategy.",
            [("2025-2027 anti-drug strategy", "adopted")],
        ),
        (
            "The SCO Rules of Procedure were approved.",
            [("SCO Rules of Procedure", "adopted")],
        ),
    ],
)
def test_agreements_title_spans(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an entry into force further on
            "The Tver agreement, signed in 2019, entered into force in March.",
            [("Tver agreement", "signed"), ("Tver agreement", "entered-into-force")],
        ),
        ("The foreign ministers approved the draft of the Minsk Declaration.", []),
        (  # the verb governs the protocol, not the agreement it amends
            "The ministers signed a protocol amending the agreement on the RATS.",
            [("protocol", "signed")],
        ),
    ],
)
def test_agreements_more_actions_and_drafts(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the next agreement capitalised
            "Documents approved at the meeting included the Programme of Cultural Cooperation and the Plan of Action on Youth.",
            [
                ("Programme of Cultural Cooperation", "adopted"),
                ("Plan of Action on Youth", "adopted"),
            ],
        ),
        (  # a plural capitalised, its verb before its parts
            "Two Joint Statements were adopted, on Countering Drugs and on Digital Transformation.",
            [
                ("Joint Statement on Countering Drugs", "adopted"),
                ("Joint Statement on Digital Transformation", "adopted"),
            ],
        ),
        ("Pakistan has yet to ratify the convention on countering extremism.", []),
    ],
)
def test_agreements_in_any_case(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two action nouns of one agreement
            "The signing and entry into force of the Charter were celebrated.",
            [("Charter", "signed"), ("Charter", "entered-into-force")],
        ),
        (  # a contract with its subject is an agreement, a bare one is not
            "China and Kyrgyzstan signed a contract for the supply of gas.",
            [("contract for the supply of gas", "signed")],
        ),
        ("They signed a contract.", []),
        (  # a ceremony for a signing is the signing
            "A ceremony for the signing of the Kazan Treaty was held on Monday.",
            [("Kazan Treaty", "signed")],
        ),
    ],
)
def test_agreements_action_nouns_and_contracts(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two verbs of one passive
            "The protocol on customs data exchange was adopted and signed by the ministers.",
            [
                ("protocol on customs data exchange", "adopted"),
                ("protocol on customs data exchange", "signed"),
            ],
        ),
        (  # the second verb is the action when the first is none
            "The regulations on a joint film week of the member states were agreed upon and signed by all delegations.",
            [("regulations on a joint film week of the member states", "signed")],
        ),
        (  # an adverb between auxiliary and verb; MoU is a memorandum
            "The MoU on customs data exchange with Mongolia was also inked.",
            [("MoU on customs data exchange with Mongolia", "signed")],
        ),
        (  # a participle set off by a comma after a long complement
            "The Memorandum between the Secretariat and the Red Cross concerning health, sport and youth, signed 3 March 2019, works well.",
            [
                (
                    "Memorandum between the Secretariat and the Red Cross concerning health",
                    "signed",
                )
            ],
        ),
        (  # a participle after a complement longer than the title keeps
            "Delegates recalled the Agreement between the governments of the member states on cooperation in the field of veterinary medicine signed in 2015 in Ufa.",
            [
                (
                    "Agreement between the governments of the member states on cooperation",
                    "signed",
                )
            ],
        ),
        (  # a bare participle after a nested agreement is the inner one's
            "The council approved a work plan on implementation of the Agreement between the governments of the member states on cooperation in the field of veterinary medicine signed on 5 May 2015 in Ufa.",
            [
                (
                    "work plan on implementation of the Agreement between the governments",
                    "adopted",
                )
            ],
        ),
        (  # "to" and a verb open a complement
            "The ministers passed a roadmap to deepen ties with partner states.",
            [("roadmap to deepen ties with partner states", "adopted")],
        ),
        (  # "and other documents" is not part of the title, nor is their verb its
            "Members follow the Charter and other documents adopted by the organization.",
            [],
        ),
        (  # an abbreviation in brackets is the same memorandum
            "They announced the signing of a memorandum of understanding (MoU) with the Red Cross.",
            [("memorandum of understanding", "signed")],
        ),
        (  # a quote opening before the title is not part of it
            "''The protocol was adopted by the ministers'', the ministry said.",
            [("protocol", "adopted")],
        ),
    ],
)
def test_agreements_actions_after_the_whole_title(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_agreements_of_a_list_headed_verb_first() -> None:
    text = (
        "The prime minister signed the following documents. 1. Decision on the "
        "budget for 2021. 2. Joint communique of the transport ministers."
    )
    assert _found(text) == [("Joint communique of the transport ministers", "signed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an action governing a lower-case concept with its complement
            "The council gave its approval of the concept of interaction between the customs services.",
            [("concept of interaction between the customs services", "adopted")],
        ),
        ("Experts discussed a security concept of the region adopted by NATO.", []),
    ],
)
def test_agreements_lower_case_concept(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a document with its subject names an agreement
            "The ministers signed a cooperation document on the new rail link.",
            [("cooperation document on the new rail link", "signed")],
        ),
        (
            "The summit adopted a document providing for joint vaccine research.",
            [("document providing for joint vaccine research", "adopted")],
        ),
        ("The leaders signed 12 documents.", []),  # an unnamed bundle
        ("The leaders signed a document on Monday.", []),  # a date is no subject
        ("The leaders did not sign a separate document on trade.", []),
        ("All states have signed the relevant protocol documents.", []),
        (  # a period in brackets closes a title; the next one shares its action
            "The signing of the programme of the fund for the medium term (2024-2028) and a memorandum on data exchange took place.",
            [
                ("programme of the fund for the medium term (2024-2028)", "signed"),
                ("memorandum on data exchange", "signed"),
            ],
        ),
        (  # the common misprint of "signed"
            "The Charter of the youth council was singed in Minsk in 2019.",
            [("Charter of the youth council", "signed")],
        ),
        (  # a weekday closes a title
            "Iran signed the Memorandum of Obligations on Thursday.",
            [("Memorandum of Obligations", "signed")],
        ),
    ],
)
def test_agreements_documents_and_title_ends(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran to sign memorandum on SCO membership", []),  # a headline's future
        ("SCO Leaders to Sign Document on Iran's Accession in Tashkent", []),
        (  # a purpose after a past verb is done
            "The leaders gathered to sign the Charter of the organization.",
            [("Charter of the organization", "signed")],
        ),
    ],
)
def test_agreements_headline_infinitive_is_future(text: str, expected: list) -> None:
    assert _found(text) == expected


def test_title_start_stops_at_a_word_of_quote_marks_only():
    # a page with a stray pair of closing quotes before the noun crashed the
    # title walk (#11)
    text = "The leaders signed the \u2019\u2019 agreement"
    assert title_start(text, text.index("agreement")) == text.index("agreement")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plural with a subject of its own names one bundle of agreements
            "Oman and Laos singed memoranda of understanding to join the body as dialogue partners, last May.",
            [
                (
                    "memoranda of understanding to join the body as dialogue partners",
                    "signed",
                )
            ],
        ),
        (  # states joined by "and" are one subject
            "In June 2019, the members signed memorandums on Mongolia and Turkey's accession.",
            [("memorandums on Mongolia and Turkey's accession", "signed")],
        ),
        (  # two subjects of two words or more are two agreements
            "He praised Kyrgyzstan for its proposals for agreements on protection of wildlife and vocational training in sports.",
            [
                ("agreement on protection of wildlife", "proposed"),
                ("agreement on vocational training in sports", "proposed"),
            ],
        ),
        # plans and programmes in the plural are activities, not agreements
        ("The Plans of experts' work on boundary matters were approved.", []),
        ("The ministers adopted work programmes of the youth councils.", []),
    ],
)
def test_agreements_plural_with_a_subject(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_agreements_the_mou_is_the_memorandum_of_understanding_named() -> None:
    text = (
        "The memorandum of understanding on tourism was signed by Iran. "
        "The MoU was signed on Monday by the two ministers."
    )
    assert _found(text) == [("memorandum of understanding on tourism", "signed")]


def test_agreements_a_place_ends_the_title() -> None:
    text = "Iran signed a memorandum of commitment in Astana in order to obtain the status of a member state."
    assert _found(text) == [("memorandum of commitment", "signed")]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt is anticipated to sign a memorandum of commitments to join the SCO.",
        "Laos is poised to sign the treaty on good-neighbourliness.",
        "A corridor could open, according to an agreement which is expected to be signed at the summit.",
    ],
)
def test_agreements_still_to_be_signed_are_none(text: str) -> None:
    assert _found(text) == []


def test_agreements_the_passive_of_a_bundle_is_the_agreements_too() -> None:
    text = "After the summit, a Minsk declaration and a number of other documents were approved."
    assert _found(text) == [("Minsk declaration", "adopted")]


def test_agreements_a_statute_is_an_agreement() -> None:
    text = "The ministers ratified a statute on election observers of member states."
    assert _found(text) == [
        ("statute on election observers of member states", "ratified")
    ]


def test_agreements_one_states_memorandum_of_obligations_under_two_names() -> None:
    text = (
        "Lukashenko has signed into law a memorandum on the country's commitments to join the SCO. "
        "The parliament ratified the Memorandum on obligations undertaken by Belarus last week."
    )
    assert _found(text) == [("Memorandum on obligations undertaken", "ratified")]


def test_agreements_two_states_memoranda_of_obligations_stay_two() -> None:
    text = (
        "The leaders signed the Memorandum of Obligations of India to obtain member status "
        "and the Memorandum of Obligations of Pakistan to obtain member status."
    )
    assert len(_found(text)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a participle saying what the document lays down is its subject
            "They also signed 15 documents, including the document guiding cooperation on water.",
            [("document guiding cooperation on water", "signed")],
        ),
        (
            "The ministers signed the agreement establishing the SCO Development Bank.",
            [("agreement establishing the SCO Development Bank", "signed")],
        ),
        (  # one of a bundle with an action
            "The Astana Declaration was among the documents adopted at the summit.",
            [("Astana Declaration", "adopted")],
        ),
        (
            "The SCO Charter is one of the key documents signed in 2002.",
            [("SCO Charter", "signed")],
        ),
    ],
)
def test_agreements_in_summary_frames(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a participle opening the sentence is the agreement's action too
            "Signed in 2001, the Shanghai Convention came into force in 2003.",
            [
                ("Shanghai Convention", "signed"),
                ("Shanghai Convention", "entered-into-force"),
            ],
        ),
        (  # the items of a list after a colon share its action
            "The signed documents include: the Tashkent Declaration; the agreement on customs cooperation; and the protocol on transit.",
            [
                ("Tashkent Declaration", "signed"),
                ("agreement on customs cooperation", "signed"),
                ("protocol on transit", "signed"),
            ],
        ),
        (  # without the colon, a semicolon ends the clause
            "The treaty is in force; the charter was signed in 2002.",
            [("charter", "signed")],
        ),
    ],
)
def test_agreements_fronted_participles_and_lists(text: str, expected: list) -> None:
    assert sorted(_found(text)) == sorted(expected)


def test_agreements_a_participle_of_one_is_not_the_action_of_the_next() -> None:
    text = "The Tianjin Declaration, adopted on Monday, reaffirms the principles of the Charter."
    assert _found(text) == [("Tianjin Declaration", "adopted")]


@pytest.mark.issue(11)
def test_agreements_of_a_list_of_bare_lines_take_its_heading_action() -> None:
    text = (
        "The summit ended on Friday. The heads of state signed 17 documents, including:\n"
        "Joint Communique of the Council;\n"
        "Convention on Countering Extremism;\n"
        "the Agreement on Cooperation in Agriculture.\n"
        "The next summit will be held in China."
    )
    assert _found(text) == [
        ("Joint Communique of the Council", "signed"),
        ("Convention on Countering Extremism", "signed"),
        ("Agreement on Cooperation in Agriculture", "signed"),
    ]


@pytest.mark.issue(11)
def test_agreements_a_sentence_after_documents_adopted_is_no_list_item() -> None:
    text = (
        "Belarus undertakes to accede to all documents adopted within the SCO.\n"
        "The Memorandum of Obligations sets out the procedure for quotas."
    )
    assert _found(text) == []


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers approved the Joint Action Plan on Tourism, the Secretariat's report on the budget, the budget for 2012 and the Program on Youth Exchanges.",
            [
                ("Joint Action Plan on Tourism", "adopted"),
                ("Program on Youth Exchanges", "adopted"),
            ],
        ),
        (
            "The leaders signed the Astana Declaration, a report of the Secretary-General, and a memorandum on customs cooperation.",
            [
                ("Astana Declaration", "signed"),
                ("memorandum on customs cooperation", "signed"),
            ],
        ),
        # a verb between ends the list: the second agreement is not the first's
        (
            "The leaders signed the Astana Declaration, which was praised by observers, and a memorandum on customs cooperation.",
            [("Astana Declaration", "signed")],
        ),
    ],
)
def test_agreements_of_a_list_share_its_verb_over_other_things_listed(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
def test_agreements_members_of_a_reported_bundle_take_its_action_far_from_the_verb() -> (
    None
):
    text = (
        "The documents signed include the Secretariat's report reviewing multilateral trade and"
        " economic cooperation in the region over the past year, a list of measures for project activities."
    )
    assert _found(text) == [("list of measures for project activities", "signed")]
