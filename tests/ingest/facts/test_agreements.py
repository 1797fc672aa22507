# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import holds_any, make_doc, texts_matching

from scotrack.ingest.facts.agreements import agreements
from scotrack.ingest.facts.meetings import meetings
from scotrack.ingest.lexicon import agreements as agreements_lexicon


def _found(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text)
    doc.facts["meetings"] = meetings(doc)
    return [(a["title"], a["action"]) for a in agreements(doc)]


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
            [("SCO Development Strategy", "adopted")],
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
