"""Whose step a membership phrase reports: the list of state mentions next to it
in its clause, on the side its pattern says ("Iran became a full member": before;
"expansion to include India and Pakistan": after), else a possessive's owner, the
sentence's subject or the speaker's state.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scotrack.ingest.document import Mention, MentionKind, Sentence
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import membership_clauses as clause_rules

WINDOW = 70
_SUBJECT_START = 4
_ADJACENT = 40
"""How far before a possessive ("Iran's accession") its owner's name may start."""
_NAMES: tuple[MentionKind, ...] = ("state", "city")
"""A state's names: its own, and its capital's in a possessive ("Tehran's bid")."""


def step_states(
    sent: Sentence, lowered: str, index: MentionIndex, match: re.Match[str], side: str
) -> list[Mention]:
    """The contiguous list of state mentions on `side` of the phrase. A
    possessive's owner is the name just before it ("Iran's accession"; a capital
    stands for its state: "Tehran's bid"); a state's envoy "to India" does not
    make India the subject ("the UAE Ambassador to India signed")."""
    text = sent.text
    if side == "within":  # "granting Azerbaijan the status of dialogue partner"
        listed = [
            _as_state(m)
            for m in index.between(
                sent.start + match.start(), sent.start + match.end(), _NAMES
            )
            if m.kind == "state" or _possessive(lowered, m.end - sent.start)
        ]
    elif _possessive(lowered, match.start()):
        listed = _owner(sent, index, match)
    elif side == "before":
        left = max(0, match.start() - WINDOW, text.rfind(";", 0, match.start()) + 1)
        mentions = [
            m
            for m in index.between(
                sent.start + left, sent.start + match.start(), ("state",)
            )
            if not clause_rules.HOSTED.search(lowered, 0, m.start - sent.start)
        ]
        listed = (
            _contiguous(
                text, sent.start, list(reversed(mentions)), match.start(), before=True
            )
            or _subject(sent, lowered, index, match)
            or _speaker(sent, index, match)
        )
        if listed:
            listed += _companions(sent, lowered, index, match.end())
    else:
        listed = _following(sent, index, match.end())
    clause = lowered[max(0, match.start() - 40) : match.end() + 40]
    return [] if rules.NEGATIVE.search(clause) else listed


def _following(sent: Sentence, index: MentionIndex, at: int) -> list[Mention]:
    """The contiguous list of state mentions that starts just after sentence
    offset `at`."""
    right = min(len(sent.text), at + WINDOW)
    mentions = index.between(sent.start + at, sent.start + right, ("state",))
    return _contiguous(sent.text, sent.start, mentions, at, before=False)


def _companions(
    sent: Sentence, lowered: str, index: MentionIndex, at: int
) -> list[Mention]:
    """The states that took the step "along with" the subject, named right after
    the phrase ("India became a member along with Pakistan")."""
    along = clause_rules.ALONG_WITH.match(lowered, at)
    if along is None:
        return []
    listed = _following(sent, index, along.end())
    gap = sent.text[along.end() : listed[0].start - sent.start] if listed else ""
    return listed if clause_rules.LIST_GAP.match(gap) else []


def _owner(sent: Sentence, index: MentionIndex, match: re.Match[str]) -> list[Mention]:
    """The state (or the capital standing for it) whose name ends where the
    possessive phrase begins, and the states listed before it that share the
    possessive ("India and Pakistan's accession")."""
    at = sent.start + match.start()
    owner = [
        _as_state(m) for m in index.between(at - _ADJACENT, at, _NAMES) if m.end == at
    ][:1]
    if not owner:
        return []
    left = max(sent.start, owner[0].start - WINDOW)
    before = index.between(left, owner[0].start, ("state",))
    listed = _contiguous(
        sent.text,
        sent.start,
        list(reversed(before)),
        owner[0].start - sent.start,
        before=True,
    )
    return [*reversed(listed), *owner] if _joined(sent, listed, owner[0]) else owner


def _joined(sent: Sentence, listed: list[Mention], owner: Mention) -> bool:
    """Whether the list of states before a possessive's owner runs up to it with
    a list's joiner ("India and Pakistan's"), not another word."""
    if not listed:
        return False
    gap = sent.text[listed[0].end - sent.start : owner.start - sent.start]
    return bool(gap.strip()) and clause_rules.LIST_GAP.match(gap) is not None


def _possessive(lowered: str, at: int) -> bool:
    return lowered.startswith(("'", "\u2019"), at)


def _as_state(mention: Mention) -> Mention:
    """A state's mention, or a capital's standing for its state ("Tehran's")."""
    if mention.kind == "state" or mention.state is None:
        return mention
    return replace(mention, kind="state", value=mention.state)


def _subject(
    sent: Sentence, lowered: str, index: MentionIndex, match: re.Match[str]
) -> list[Mention]:
    """The states opening the sentence, when they are the only ones before the
    phrase: the subject of a long sentence ("Azerbaijan's contacts with the
    organization date back to 2012, when President Ilham Aliyev sent a letter to
    the SCO asking for observer status"; "India and Pakistan, observers since
    2005, applied to join"). A phrase that opens with "its" stands for the one
    state before it, wherever it is ("Lukashenko said Belarus counts on support
    for its bid for membership"), and one that opens with "their" for the one
    list of states before it ("Iran and Belarus renewed their applications for
    membership")."""
    mentions = index.between(sent.start, sent.start + match.start(), ("state",))
    if not mentions:
        return []
    if lowered.startswith("its ", match.start()):
        return mentions if len(mentions) == 1 else []
    listed = _contiguous(sent.text, sent.start, mentions, 0, before=False)
    if lowered.startswith("their ", match.start()) and len(mentions) > 1:
        return listed if len(listed) == len(mentions) else []
    if (
        len(listed) == len(mentions)
        and mentions[0].start - sent.start <= _SUBJECT_START
    ):
        return listed
    return []


def _speaker(
    sent: Sentence, index: MentionIndex, match: re.Match[str]
) -> list[Mention]:
    """The state of the person whose name is the phrase's subject, just before
    it, when no state is named ("Foreign Minister Hossein Amir-Abdollahian signed
    the memorandum of obligations": Iran's step)."""
    at = sent.start + match.start()
    for person in index.between(at - WINDOW, at, ("person",))[::-1]:
        gap = sent.text[person.end - sent.start : match.start()]
        if person.state is not None and clause_rules.SUBJECT_GAP.fullmatch(gap):
            return [replace(person, kind="state", value=person.state)]
    return []


def _contiguous(
    text: str, offset: int, mentions: list[Mention], anchor: int, *, before: bool
) -> list[Mention]:
    listed: list[Mention] = []
    edge = anchor
    for mention in mentions:
        start, end = mention.start - offset, mention.end - offset
        gap = text[end:edge] if before else text[edge:start]
        if listed and not clause_rules.LIST_GAP.match(gap):
            break
        if not listed and len(gap) > 45:
            break
        listed.append(mention)
        edge = start if before else end
    return listed
