# ruff: noqa: E501 -- parametrized tables read best one case per line
"""Which nouns name an agreement (`agreements`, `agreement_titles`), on invented
sentences."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import agreements_found as _found

from scotrack.ingest.facts.agreement_titles import headlines_in_body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare statement the SCO's leaders or meeting issued
        (
            "Delegates of the SCO forum issued a statement vowing to fight locusts.",
            [("statement", "adopted")],
        ),
        (
            "The heads of state have released a statement urging calm in the region.",
            [("statement", "adopted")],
        ),
        # the meeting's one final document
        (
            "Upon the signing of the final document, the envoys left Astana.",
            [("final document", "signed")],
        ),
    ],
)
def test_agreement_titles_bare_nouns_that_name_one(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A ministry spokeswoman issued a statement denying the report.",
        "At the summit, the Kazakh president issued a statement praising the hosts.",
        "The ministers will sign the final documents on Friday.",
        "After the talks the leaders signed autographs at the Astana International Convention Centre.",
        "Guests signed the register in the Treaty Hall of the palace.",
    ],
)
def test_agreement_titles_nouns_that_name_none(text: str) -> None:
    assert _found(text) == []


def test_agreement_titles_a_headline_names_the_body_agreement() -> None:
    headline = {
        "title": "SCO transit treaty",
        "action": "ratified",
        "evidence": [[20, 38]],
    }
    body = {
        "title": "Treaty on Transit Corridors between the SCO Member States",
        "action": "ratified",
        "evidence": [[90, 150]],
    }
    other = {"title": "Astana Declaration", "action": "ratified", "evidence": [[5, 20]]}
    kept = headlines_in_body([headline, body, other], [(0, 40)])
    assert [item["title"] for item in kept] == [body["title"], other["title"]]
    assert body["evidence"] == [[90, 150], [20, 38]]


def test_agreement_titles_a_headline_alone_stays() -> None:
    headline = {
        "title": "SCO transit treaty",
        "action": "signed",
        "evidence": [[20, 38]],
    }
    body = {"title": "Treaty on Transit", "action": "ratified", "evidence": [[90, 107]]}
    assert headlines_in_body([headline, body], [(0, 40)]) == [headline, body]


def test_agreement_noun_inside_a_cut_complement_is_no_agreement_of_its_own() -> None:
    # the plan's title stops after nine words of its complement; the programme
    # further inside it is still the plan's subject, not an agreement adopted
    text = "Those present approved the Joint Action Plan for the implementation of the 2024\u20132026 SCO Green Belt Program."
    assert _found(text) == [
        (
            "Joint Action Plan for the implementation of the 2024\u20132026 SCO Green Belt",
            "adopted",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare lower-case nouns listed side by side: kinds of documents
        (
            "Norland completed the ratification of 30 agreements (including charter, treaty, agreements, conventions and protocols) of the SCO.",
            [],
        ),
        # with an article, or a name: agreements
        (
            "They signed the charter and the declaration.",
            [("charter", "signed"), ("declaration", "signed")],
        ),
        (
            "The leaders signed the charter, and adopted the Astana Declaration.",
            [("charter", "signed"), ("Astana Declaration", "adopted")],
        ),
    ],
)
def test_agreement_kinds_listed_name_no_agreement(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title printed in quotes is the whole quoted name
        (
            "In 2016, a \u201cMemorandum on giving to the Republic of Norland the status of dialogue partner in the Organization\u201d was signed in Beijing.",
            [
                (
                    "Memorandum on giving to the Republic of Norland the status of dialogue partner in the Organization",
                    "signed",
                )
            ],
        ),
        (
            'They adopted the "Development Strategy of the Organization by 2025" in Ufa.',
            [("Development Strategy of the Organization by 2025", "adopted")],
        ),
        # quoted words that make a sentence: the title as unquoted
        (
            'He said: "Charter is what we have, and it was signed."',
            [("Charter", "signed")],
        ),
    ],
)
def test_agreement_titles_in_quotes(text: str, expected: list) -> None:
    assert _found(text) == expected


def test_agreement_titles_a_headline_names_the_likest_of_several() -> None:
    headline = {
        "title": "Memorandum on granting Norland status of SCO partner",
        "action": "signed",
        "evidence": [[0, 50]],
    }
    body = {
        "title": "Memorandums on granting Norland the status of partner",
        "action": "signed",
        "evidence": [[100, 150]],
    }
    other = {
        "title": "Memorandum on customs cooperation",
        "action": "signed",
        "evidence": [[200, 230]],
    }
    kept = headlines_in_body([headline, body, other], [(0, 60)])
    assert kept == [body, other]
    assert body["evidence"] == [[100, 150], [0, 50]]


def test_agreement_titles_a_headline_plan_names_the_body_plan() -> None:
    headline = {
        "title": "plan for interaction between railway administrations",
        "action": "adopted",
        "evidence": [[0, 50]],
    }
    body = {
        "title": "Action Plan for the Concept of Interaction between Railway Administrations",
        "action": "adopted",
        "evidence": [[100, 170]],
    }
    work = {
        "title": "Work Plan for 2023-2025",
        "action": "adopted",
        "evidence": [[200, 223]],
    }
    assert headlines_in_body([headline, body, work], [(0, 60)]) == [body, work]


def test_agreement_titles_a_headline_unlike_the_body_stays() -> None:
    headline = {
        "title": "Memorandum on water sharing",
        "action": "signed",
        "evidence": [[0, 30]],
    }
    one = {
        "title": "Memorandum on customs",
        "action": "signed",
        "evidence": [[100, 120]],
    }
    two = {
        "title": "Memorandum on tourism",
        "action": "signed",
        "evidence": [[200, 220]],
    }
    assert headlines_in_body([headline, one, two], [(0, 40)]) == [headline, one, two]


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the following" announces the document printed next
        (
            "The ministers met in Minsk and adopted the following joint statement:",
            [("joint statement", "adopted")],
        ),
        # a time or a purpose after the complement is not of the name
        (
            "Mongolia signed a memorandum of obligations a year later in Astana.",
            [("memorandum of obligations", "signed")],
        ),
        (
            "Nepal signed a memorandum of understanding last year with the Secretariat.",
            [("memorandum of understanding", "signed")],
        ),
        (
            "The leaders endorsed a programme of cooperation in order to speed up trade.",
            [("programme of cooperation", "adopted")],
        ),
        # a list of lower-case words inside the complement, serial comma or not
        (
            "The declaration on solidarity, peace, and prosperity that the council adopted is short.",
            [("declaration on solidarity, peace, and prosperity", "adopted")],
        ),
        (
            "They signed an agreement on trade, customs and transport.",
            [("agreement on trade, customs and transport", "signed")],
        ),
        # no list: the next agreement, or a participle
        (
            "They signed the agreement on trade, and the Declaration on peace.",
            [("agreement on trade", "signed"), ("Declaration on peace", "signed")],
        ),
    ],
)
def test_agreement_titles_end_before_times_and_over_lists(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the plural's parties between it and its parts
        (
            "Agreements were signed between the member states on the SCO Water Centre and on the Regional Seed Bank.",
            [
                ("Agreement on the SCO Water Centre", "signed"),
                ("Agreement on the Regional Seed Bank", "signed"),
            ],
        ),
        # a participle set off by a comma between it and its parts
        (
            "They recalled the two agreements signed by the five heads of state in Minsk in 1998, on trust in border areas and on cuts of troops in border areas, and other papers.",
            [
                ("agreement on trust in border areas", "signed"),
                ("agreement on cuts of troops in border areas", "signed"),
            ],
        ),
        # parties and mere topics: no agreement named
        (
            "Agreements were signed between Russia and China on trade and investment.",
            [],
        ),
        # a list of mere topics: no agreement named
        ("The parties signed 12 agreements on trade, energy and transport.", []),
    ],
)
def test_agreement_titles_plural_parts_after_parties_or_participle(
    text: str, expected: list
) -> None:
    assert _found(text) == expected


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the members of a bundle the sentence before reports share its action
        (
            "Several treaties were also signed on Friday. One of the most important of them is the Agreement on Water Sharing.",
            [("Agreement on Water Sharing", "signed")],
        ),
        (
            "The important documents were signed in 2004. Among them are the Regulations on the Status of Observer and the Protocol on Visits.",
            [
                ("Regulations on the Status of Observer", "signed"),
                ("Protocol on Visits", "signed"),
            ],
        ),
        # a bundle with no action: nothing to share
        (
            "Several documents were discussed. Among them are the Regulations on Observers.",
            [],
        ),
    ],
)
def test_agreement_titles_members_of_a_bundle_reported_before(
    text: str, expected: list
) -> None:
    assert _found(text) == expected
