# ruff: noqa: E501 -- parametrized tables read best one case per line
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import holds_any, make_doc, texts_matching

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.facts.membership import candidates, membership
from scotrack.ingest.lexicon import membership as membership_lexicon


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
    ],
)
def test_membership_not_events(text: str) -> None:
    assert _found(text) == []


def _ruled(text: str, published: str | None = "2024-07-05") -> set[tuple[str, str]]:
    """The (state, event) pairs the precise rules find, whatever the model says."""
    doc = make_doc(text, published=published)
    return {c.key for c in candidates(doc) if RULE in c.features}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the status named decides an admission's event, not the verb
        (
            "Mongolia, Turkey and Belarus were admitted as observers in 2006.",
            {("MNG", "observer"), ("TUR", "observer"), ("BLR", "observer")},
        ),
        (
            "The council ended by accepting Belarus and Mongolia as new dialogue partners.",
            {("BLR", "dialogue-partner"), ("MNG", "dialogue-partner")},
        ),
        (
            "The ministers welcomed Turkey as a new member state.",
            {("TUR", "joined")},
        ),
        (
            "Mongolia and Turkey have joined the SCO family as partners in dialogue.",
            {("MNG", "dialogue-partner"), ("TUR", "dialogue-partner")},
        ),
        (
            "The leaders granted Mongolia and Turkey the status of dialogue partners.",
            {("MNG", "dialogue-partner"), ("TUR", "dialogue-partner")},
        ),
        # joining, by other words
        ("Belarus joined as a full member last summer.", {("BLR", "joined")}),
        (
            "In 2017 India and Pakistan joined its ranks.",
            {("IND", "joined"), ("PAK", "joined")},
        ),
        ("Iran assumed its full membership in the bloc.", {("IRN", "joined")}),
        ("The bloc became home to India as a full member.", {("IND", "joined")}),
        (
            "Leaders confirmed membership of India and Pakistan.",
            {("IND", "joined"), ("PAK", "joined")},
        ),
        (
            "India and Pakistan were inducted in 2017.",
            {("IND", "joined"), ("PAK", "joined")},
        ),
        (
            "The bloc in May 2017 admitted India and Pakistan.",
            {("IND", "joined"), ("PAK", "joined")},
        ),
        ("The hosts praised the induction of Uzbekistan.", {("UZB", "joined")}),
        ("Kazakhstan congratulated Belarus on its accession.", {("BLR", "joined")}),
        ("With Uzbekistan joining later in 2001, the group grew.", {("UZB", "joined")}),
        ("Iran has officially become a full member.", {("IRN", "joined")}),
        # steps toward membership
        (
            "The summit started the procedure for Belarus' accession.",
            {("BLR", "applied")},
        ),
        (
            "A memorandum of obligations on Iran's membership was signed.",
            {("IRN", "applied")},
        ),
        (
            "Belarus ratified the memorandum on joining the organization.",
            {("BLR", "applied")},
        ),
        (
            "Belarus has expressed its intention to join the organization.",
            {("BLR", "applied")},
        ),
        (
            "Turkey and Mongolia, aspiring to become dialogue partners, sent envoys.",
            {("TUR", "applied"), ("MNG", "applied")},
        ),
        ("Iran's candidacy was accepted at the Dushanbe summit.", {("IRN", "applied")}),
        (
            "The decision to admit Iran as a full member was taken in 2021.",
            {("IRN", "applied")},
        ),
        (
            "The accession process of India and Pakistan began two years ago.",
            {("IND", "applied"), ("PAK", "applied")},
        ),
        ("Mongolia is seeking membership.", {("MNG", "applied")}),
        (
            "India and Pakistan submitted official applications.",
            {("IND", "applied"), ("PAK", "applied")},
        ),
        (
            "The parliament approved the bill on Iran's membership.",
            {("IRN", "applied")},
        ),
        ("The bloc formally admitted Belarus on Thursday.", {("BLR", "joined")}),
        ("Belarus was accepted into the organization.", {("BLR", "joined")}),
        (
            "Leaders granted India and Pakistan full membership.",
            {("IND", "joined"), ("PAK", "joined")},
        ),
        ("Iran gained full membership in 2023.", {("IRN", "joined")}),
        (
            "In 2022 Belarus launched the procedure of joining the SCO.",
            {("BLR", "applied")},
        ),
        ("Iran started its accession process in 2021.", {("IRN", "applied")}),
        ("India, a member since 2017, hosted the talks.", {("IND", "joined")}),
        ("India has been a full member of the SCO since 2017.", {("IND", "joined")}),
        (
            "The memorandum of obligations signed by Iran was ratified.",
            {("IRN", "applied")},
        ),
        ("Belarus completed the accession procedures in a year.", {("BLR", "joined")}),
        (
            "The decision, in principle, to grant membership to Pakistan was taken in 2015.",
            {("PAK", "applied")},
        ),
        ("Iran filed a request for observer status.", {("IRN", "applied")}),
        (
            "India, along with Pakistan and Iran, was granted observer status.",
            {("IND", "observer"), ("PAK", "observer"), ("IRN", "observer")},
        ),
        # dated acquisitions of a status
        ("Turkey has been an observer of the bloc since 2012.", {("TUR", "observer")}),
        ("Iran, an observer since 2005, attended.", {("IRN", "observer")}),
        ("Mongolia acquired observer status in 2004.", {("MNG", "observer")}),
        (
            "Belarus became a dialogue partner of the bloc in 2010 and an observer state in 2015.",
            {("BLR", "dialogue-partner"), ("BLR", "observer")},
        ),
        (
            "Iran, which has observer status since 2005, attended.",
            {("IRN", "observer")},
        ),
        # a step reported in a clause of its own
        (
            "It will be the first drill since India became a full member.",
            {("IND", "joined")},
        ),
        (
            "During the summit, which started on Tuesday, Iran's accession was finalized.",
            {("IRN", "joined")},
        ),
    ],
)
def test_membership_rules(text: str, expected: set) -> None:
    assert _ruled(text) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2015-07-10", {("MNG", "dialogue-partner")}),
        ("2025-09-01", {("MNG", "partner")}),
        (None, set()),  # the bare word on a page of no known era
    ],
)
def test_membership_partner_is_the_era_s(published: str | None, expected: set) -> None:
    assert (
        _ruled("Leaders approved the admission of Mongolia as a partner.", published)
        == expected
    )


def test_membership_dialogue_partner_from_2025_is_partner() -> None:
    text = "Mongolia was granted the status of a dialogue partner."
    assert _ruled(text, "2025-09-01") == {("MNG", "partner")}
    assert _ruled("Mongolia became a dialogue partner in 2010.", "2025-09-01") == {
        ("MNG", "dialogue-partner")
    }


def test_membership_undated_page_takes_the_year_it_names_most() -> None:
    text = "In 2021 the summit granted partner status to Turkey. The 2021 summit ended."
    assert _ruled(text, None) == {("TUR", "dialogue-partner")}


@pytest.mark.parametrize(
    "text",
    [
        "Leaders are expected to decide on the accession of Belarus.",
        "China insisted on the simultaneous admission of India and Pakistan.",
        "The talks covered the possibility of granting observer status to Turkey.",
        "The procedure of Belarus's accession will be launched at the summit.",
        "The summit was likely to deliberate on granting full membership to Iran.",
        "India and Pakistan will be inducted as full members.",
        "Belarus was welcomed by the hosts.",
        "Kazakhstan joined the SCO summit by video.",
        "Iran has not joined the organization.",
        "China, a member since 2001, hosted the talks.",
        "Iran signed the memorandum, the last step before it becomes a full member.",
        "If Belarus becomes a member, the bloc will grow.",
        "Russia admitted that India had doubts.",
        "China and Russia became partners in the project.",
        "Iran became a full member of BRICS in 2024.",
        "Leaders welcomed the admission of Iran to BRICS.",
        "Iran's accession to the WTO remains stalled.",
        "China backed India's bid for permanent membership of the UN Security Council.",
        "Talks were held ahead of Belarus' accession.",
        "The vote was a key step toward Iran's accession.",
    ],
)
def test_membership_rules_not_events(text: str) -> None:
    assert _ruled(text) == set()


@pytest.mark.parametrize(
    ("cues", "pattern"),
    [(cues, pattern) for _, _, cues, pattern in membership_lexicon.MEMBERSHIP_PATTERNS],
)
@settings(max_examples=25)  # a few dozen texts per rule: enough, and fast
@given(data=st.data())
def test_membership_patterns_hold_their_cue_words(
    cues: tuple[str, ...], pattern: str, data: st.DataObject
) -> None:
    assert holds_any(data.draw(texts_matching(pattern)), cues)
