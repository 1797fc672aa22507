"""Agreements the text says were proposed, adopted, signed, ratified or entered
into force (facts["agreements"]): one item per (agreement, action).

An agreement noun ("treaty", "joint communique", "list of measures") is expanded
to the name the text uses (its modifiers and an "on/of/against ..." complement,
minus qualifiers like "the world's first"); its action is an action noun governing
it ("the ratification of"), a passive after it, or the nearest action verb of its
clause. Initiatives, agreements mentioned without an action ("followed the
Charter") and signings still to come ("will sign") are left out.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts import agreement_actions, timex
from scotrack.ingest.facts import agreement_lists as listing
from scotrack.ingest.facts import agreement_plurals as plurals
from scotrack.ingest.facts import agreement_titles as titles
from scotrack.ingest.facts.agreement_plurals import Found, action_end
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import agreement_clues as clues
from scotrack.ingest.lexicon import agreement_lists as lists
from scotrack.ingest.lexicon import agreement_titles as title_rules
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon.folding import folded

_NOUN_CUES = Keywords((word, True) for word in rules.AGREEMENT_NOUN_CUES)


@dataclass(frozen=True, slots=True)
class _Context:
    index: MentionIndex
    meetings: list[Item]
    ref: date | None
    heads: set[str]
    """The agreement nouns of the items found so far ("strategy"): "the strategy"
    further on refers back to one."""
    meeting_starts: list[tuple[int, int]]
    """`_evidence_starts(meetings)`."""


def agreements(doc: CleanDocument) -> list[Item]:
    """One item per (agreement, action) with the place and date of its meeting.

    Agreements joined in one phrase ("an Agreement on X and to a Declaration of Y")
    share the action; "the document" and "its ratification" refer back to the
    agreement named last; a short name ("the Charter") stands for the full one the
    text gives elsewhere; the items of a list under "documents signed" take its
    action; an item whose title is part of another's with the same action is that
    one.
    """
    meetings = doc.facts.get("meetings", [])
    context = _Context(
        MentionIndex.of(doc.mentions),
        meetings,
        timex.reference_day(doc.reference_date()),
        set(),
        _evidence_starts(meetings),
    )
    found: dict[tuple[str, str], Item] = {}
    previous: Sentence | None = None
    last: Item | None = None
    heading: str | None = None  # the action of the list of documents being read
    cues = _NOUN_CUES.by_sentence(doc.text, doc.sentences)
    for sent, cued in zip(doc.sentences, cues, strict=True):
        budget.check()
        listed = heading if heading and listing.list_item(sent, previous) else None
        members = heading if heading and listing.bundle_members(sent) else None
        items = (
            _sentence_items(
                sent, context, previous, listed, members, listing.frame(sent)
            )
            if cued
            else []
        )
        heading = listing.heading(sent, heading, listed)
        text = sent.text
        if last is not None and (  # plain `in` first: folding every sentence costs
            "document" in text
            or "its ratification" in text
            or "its signing" in text
            or "its entry" in text
        ):
            items.extend(_anaphora(sent, folded(text), last))
        if "d it" in text and (items or last is not None):  # "and ratified it"
            items.extend(_pronoun(sent, items, last))
        for item in items:
            key = (item["title"].lower(), item["action"])
            if key in found:
                found[key]["evidence"].extend(item["evidence"])
            else:
                found[key] = item
            last = found[key]
            context.heads.add(titles.head(item["title"])[0])
        previous = sent
    headlines = [
        (sent.start, sent.end)
        for sent in doc.sentences
        if not sent.text.rstrip().endswith(title_rules.SENTENCE_ENDS)
    ]
    items = titles.headlines_in_body(list(found.values()), headlines)
    items = titles.without_parts(titles.full_titles(items))
    return titles.one_memorandum_of_obligations(items, context.index)


def _sentence_items(
    sent: Sentence,
    context: _Context,
    previous: Sentence | None,
    listed: str | None,
    members: str | None = None,
    frame: tuple[int, int, str] | None = None,
) -> list[Item]:
    """The items of one sentence: each agreement noun's title and actions, actions
    shared over "X, Y and Z", a noun inside another's title skipped; `members`,
    the action of a bundle the sentence names members of, goes to those with
    none of their own."""
    text = sent.text
    found: list[Found] = []
    for match in rules.NOUN.finditer(folded(text)):
        if found and match.start() < found[-1].reach:
            continue  # "Plan for the Implementation of the SCO Treaty"
        if text.startswith("(", match.start() - 1):
            continue  # "memorandum of understanding (MoU)": the name abbreviated
        found.extend(_agreement(sent, match, context))
    pairs = list(itertools.pairwise(found))
    listed_after = found[0].start if found and ":" in text[: found[0].start] else -1
    plain = agreement_actions.unquoted(text)  # "the “X” and the Y" is a list too
    for one, other in pairs:  # "signed the X, the Y and the Z"; "include: X; Y"
        between = plain[one.reach : other.start]
        if one.actions and (
            lists.COORDINATED.match(between)
            or (listed_after >= 0 and lists.LISTED.match(between))
            or listing.other_items(between)
        ):
            other.actions = one.actions
    for one, other in reversed(pairs):  # "a plan on X and a memo on Y were signed"
        if not one.actions and lists.COORDINATED.match(plain[one.reach : other.start]):
            one.actions = other.actions
    if listed and found and lists.LIST_HEAD.match(plain[: found[0].start]):
        found[0].actions = found[0].actions or [listed]  # "- Tashkent Declaration;"
    if members:
        for one in found:
            one.actions = one.actions or [members]  # "Among them are X and Y"
    if frame is not None:
        for one in found:
            if frame[0] <= one.start < frame[1]:
                one.actions = one.actions or [frame[2]]  # "documents signed include"
    return [
        item
        for one in found
        if one.actions
        for item in _items(sent, one, context, previous)
    ]


def _items(
    sent: Sentence, one: Found, context: _Context, previous: Sentence | None
) -> list[Item]:
    """One item per action of a found agreement, with its meeting's place and date."""
    text = sent.text
    meeting = _meeting_of(sent, context) or _meeting_of(previous, context)
    when = meeting.get("date") if meeting else None
    if when is None:
        near = timex.timexes(text, context.ref)
        when = near[0].value if near else None
    parties = _parties(sent, context.index, one.end)
    return [
        {
            "title": one.title or text[one.start : one.end],
            "action": action,
            "date": when,
            "place": meeting.get("city") if meeting else None,
            "parties": parties,
            "evidence": [[sent.start + one.start, sent.start + one.end]],
        }
        for action in one.actions
    ]


def _anaphora(sent: Sentence, lowered: str, last: Item) -> list[Item]:
    """Items for "The document was signed ..." and "its ratification" (`last`)."""
    items: list[Item] = []
    for match in rules.ANAPHORA.finditer(lowered):
        if match.group("act"):
            action: str | None = agreement_actions.NOUN_ACTIONS[match.group("act")]
        else:
            action = agreement_actions.action_of(sent.text, match.start(), match.end())
        if action is not None and action != last["action"]:
            span = [sent.start + match.start(), sent.start + match.end()]
            items.append({**last, "action": action, "evidence": [span]})
    return items


def _pronoun(sent: Sentence, named: list[Item], last: Item | None) -> list[Item]:
    """Items for "signed the memorandum in 2022 and ratified it in 2023": a verb
    whose object is "it" acts on the agreement named last before it, in the
    sentence or before."""
    items: list[Item] = []
    for match in rules.PRONOUN_OBJECT.finditer(folded(sent.text)):
        at = sent.start + match.start()
        before = [item for item in named if item["evidence"][0][0] < at]
        referent = before[-1] if before else last
        action = agreement_actions.pronoun_action(sent.text, match.start("verb"))
        if referent is None or action is None or action == referent["action"]:
            continue
        span = [at, sent.start + match.end()]
        items.append({**referent, "action": action, "evidence": [span]})
    return items


def _agreement(sent: Sentence, match: re.Match[str], context: _Context) -> list[Found]:
    """The title span and actions of one agreement noun; none when it names no
    agreement (another organisation's document, a bare "plan")."""
    text = sent.text
    noun = text[match.start() : match.end()]
    if _names_none(text, match):
        return []
    if plurals.is_plural(match) and not noun.lower().startswith("regulation"):
        return plurals.parts(sent, match) or plurals.named(sent, match, context.index)
    start = titles.title_start(text, match.start())
    end, reach = titles.quoted_end(text, start, match.end()) or titles.title_end(
        text, match.end(), sent, context.index
    )
    title = text[start:end]
    if (
        noun.lower().startswith("document")
        and end == match.end()
        and not _final(text, match.start())
    ):
        return []  # "a document on Monday"
    if rules.INITIATIVE.search(title) or titles.other_organization(text, start, match):
        return []
    if (start, end) == match.span() and _kind(text, start, end):
        return []  # "(including charter, treaty, agreements and protocols)"
    lowered = folded(agreement_actions.unquoted(text))
    if rules.NEGATION.search(lowered, max(0, start - 40), start):
        return []
    # a lower-case "statement" or "plan" names no agreement, unless one is being
    # drafted or it refers back to one: its actions (the costly part) only then
    generic = titles.generic(text, match, start, end) and not (
        noun.lower() in context.heads
        and end == match.end()
        and title_rules.BACK.search(text, max(0, start - 6), start)
    )
    if generic and noun.lower() == "statement":
        window = max(0, start - rules.STATEMENT_WINDOW)
        generic = not rules.COLLECTIVE_STATEMENT.search(lowered, window, start)
    if generic and not rules.DRAFTED.match(noun):
        return []
    actions = agreement_actions.actions_of(
        text, start, action_end(lowered, match, end, reach)
    )
    if generic and actions != ["proposed"]:
        return []
    return [Found(start, end, reach, actions)]


def _names_none(text: str, noun: re.Match[str]) -> bool:
    """True for a noun that names no agreement whatever its title: "the document"
    or "documents" (a document names one only with its subject: "a document on
    the accession of X"), "Collective Security Treaty Organization", a noun
    qualifying another ("the protocol documents")."""
    if noun.group(0).startswith("document") and (
        noun.group("plural")
        or not (
            rules.DOCUMENT_COMPLEMENT.match(text, noun.end())
            or _final(text, noun.start())
        )
    ):
        return True  # "the document" refers back (see `_anaphora`)
    if text.startswith((" Organi", "-Organi"), noun.end()):
        return True
    return (
        rules.MODIFIER_OF.match(text, noun.end()) is not None
        or rules.VENUE.match(text, noun.end()) is not None
    )


def _kind(text: str, start: int, end: int) -> bool:
    """True for a bare lower-case noun in a list of document kinds ("charter,
    treaty, agreements, conventions and protocols"): a kind, not an agreement."""
    if not text[start].islower():
        return False
    return bool(
        clues.KIND_AFTER.match(text, end)
        or clues.KIND_BEFORE.search(text, max(0, start - 40), start)
    )


def _final(text: str, noun_start: int) -> bool:
    """True for "the final document": the meeting's one outcome."""
    before = max(0, noun_start - 7)
    return rules.FINAL_DOCUMENT.search(text, before, noun_start) is not None


def _meeting_of(sent: Sentence | None, context: _Context) -> Item | None:
    """The first meeting with evidence starting in `sent`: looked up in the
    evidence starts of all meetings, not by scanning every meeting's evidence
    for every agreement (#18)."""
    if sent is None:
        return None
    starts = context.meeting_starts
    low = bisect_left(starts, (sent.start, -1))
    high = bisect_left(starts, (sent.end, -1))
    if high == low:
        return None
    return context.meetings[min(number for _, number in starts[low:high])]


def _evidence_starts(meetings: list[Item]) -> list[tuple[int, int]]:
    """(evidence start, meeting number) of every meeting's evidence, sorted."""
    return sorted(
        (span[0], number)
        for number, meeting in enumerate(meetings)
        for span in meeting.get("evidence", [])
    )


def _parties(sent: Sentence, index: MentionIndex, end: int) -> list[str]:
    """States listed after "namely", "between", "among" or "by" in the sentence."""
    marker = title_rules.NAMELY.search(sent.text, end) or title_rules.LIST_START.search(
        sent.text, end
    )
    if marker is None:
        return []
    parties: list[str] = []
    for mention in index.between(sent.start + marker.end(), sent.end, ("state",)):
        if mention.value not in parties:
            parties.append(mention.value)
    return parties if len(parties) > 1 else []


def find_agreements(doc: CleanDocument) -> CleanDocument:
    doc.facts["agreements"] = agreements(doc)
    return doc


STAGE = Stage(
    name="agreements",
    requires=("text", "metadata", "sentences", "mentions", "facts.meetings"),
    provides=("facts.agreements",),
    run=find_agreements,
)
