"""Agreements the text says were proposed, adopted, signed, ratified or entered
into force (facts["agreements"]): one item per (agreement, action).

An agreement noun ("treaty", "joint communique", "list of measures") is expanded
to the name the text uses (its modifiers and an "on/of/against ..." complement,
minus qualifiers like "the world's first"); its action is the nearest action verb
of its clause (a passive or "entered into force" after it wins). Initiatives and
agreements mentioned without an action ("followed the Charter") are left out.
"""

from __future__ import annotations

import re
from datetime import date

from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon import names as names_rules
from scotrack.ingest.lexicon.folding import folded

_NOUN_CUES = Keywords((word, True) for word in rules.AGREEMENT_NOUN_CUES)
_RELATIVE_ACTIONS = {
    "approved": "adopted",
    "endorsed": "adopted",
    "concluded": "signed",
}
_ANAPHOR_ACTIONS = {
    "ratification": "ratified",
    "signing": "signed",
    "entry into force": "entered-into-force",
}
_SHORT_WORDS = 3
"""A short name has fewer words than this ("SCO Charter", "the Convention")."""
_LEFT_STOP = names_rules.NAME_EDGE_WORDS | frozenset(
    [
        "adopt",
        "adopted",
        "approve",
        "approved",
        "approving",
        "concluded",
        "draft",
        "endorsed",
        "inked",
        "issued",
        "proposed",
        "ratified",
        "ratify",
        "said",
        "sign",
        "signed",
        "signing",
        "world's",
        "world\u2019s",
        "your",
    ]
)
_MAX_COMPLEMENT = 9
_LEFT_WINDOW = 90


def agreements(doc: CleanDocument) -> list[Item]:
    """One item per (agreement, action) with the place and date of its meeting.

    Agreements joined in one phrase ("an Agreement on X and to a Declaration of Y")
    share the action; "the document" and "its ratification" refer back to the
    agreement named last; a short name ("the Charter") stands for the full one the
    text gives elsewhere.
    """
    ref = timex.reference_day(doc.reference_date())
    index = MentionIndex.of(doc.mentions)
    meetings = doc.facts.get("meetings", [])
    found: dict[tuple[str, str], Item] = {}
    previous: Sentence | None = None
    last: Item | None = None
    cues = _NOUN_CUES.by_sentence(doc.text, doc.sentences)
    for sent, cued in zip(doc.sentences, cues, strict=True):
        before: Item | None = None  # the sentence's agreement before this one
        items: list[Item] = []
        for match in rules.NOUN.finditer(folded(sent.text)) if cued else ():
            found_here = _agreement(sent, match, index, meetings, previous, ref, before)
            items.extend(found_here)
            before = found_here[0] if found_here else before
        text = sent.text
        if last is not None and (  # plain `in` first: folding every sentence costs
            "document" in text
            or "its ratification" in text
            or "its signing" in text
            or "its entry" in text
        ):
            items.extend(_anaphora(sent, folded(text), last))
        for item in items:
            key = (item["title"].lower(), item["action"])
            if key in found:
                found[key]["evidence"].extend(item["evidence"])
            else:
                found[key] = item
            last = found[key]
        previous = sent
    return _full_titles(list(found.values()))


def _anaphora(sent: Sentence, lowered: str, last: Item) -> list[Item]:
    """Items for "The document was signed ..." and "its ratification" (`last`)."""
    items: list[Item] = []
    for match in rules.ANAPHORA.finditer(lowered):
        if match.group("act"):
            action: str | None = _ANAPHOR_ACTIONS[match.group("act")]
        else:
            action = _action(sent.text, match.start(), match.end())
        if action is not None and action != last["action"]:
            span = [sent.start + match.start(), sent.start + match.end()]
            items.append({**last, "action": action, "evidence": [span]})
    return items


def _full_titles(items: list[Item]) -> list[Item]:
    """Items whose title is only the noun ("SCO Charter", "the Convention") take the
    full title of the one agreement with that noun, merging with its item if the
    action is the same; with two such agreements the short name stays."""
    if not any(item["title"].count(" ") < _SHORT_WORDS for item in items):
        return items  # the usual case: every title names its agreement
    full: dict[str, set[str]] = {}
    for item in items:
        head, short = _head(item["title"])
        if head and not short:
            full.setdefault(head, set()).add(item["title"])
    merged: dict[tuple[str, str], Item] = {}
    for item in items:
        head, short = _head(item["title"])
        titles = full.get(head, set()) if short else set()
        if len(titles) == 1:
            item = {**item, "title": next(iter(titles))}
        key = (item["title"].lower(), item["action"])
        if key in merged:
            merged[key]["evidence"].extend(item["evidence"])
        else:
            merged[key] = item
    return list(merged.values())


def _head(title: str) -> tuple[str, bool]:
    """The title's agreement noun ("" if none) and whether the title is that noun
    and nothing that tells it apart ("SCO Charter")."""
    words = title.lower().split()
    for number, word in enumerate(words):
        if word in rules.HEAD_WORDS:
            others = words[:number] + words[number + 1 :]
            return word, all(other in rules.SHORT_TITLE_WORDS for other in others)
    return "", False


def _agreement(
    sent: Sentence,
    match: re.Match[str],
    index: MentionIndex,
    meetings: list[Item],
    previous: Sentence | None,
    ref: date | None,
    before: Item | None,
) -> list[Item]:
    """The items of one agreement noun: one per action (usually one)."""
    text = sent.text
    noun = text[match.start() : match.end()]
    if match.group("plural") and not noun.lower().startswith("regulation"):
        return []
    if text.startswith((" Organi", "-Organi"), match.end()):
        return []  # "Collective Security Treaty Organization" is no treaty
    generic = rules.CAPITALIZED_ONLY.match(noun) and not noun[0].isupper()
    joint = text[max(0, match.start() - 6) : match.start()].lower().endswith("joint ")
    drafted = generic and not joint
    if drafted and not rules.DRAFTED.match(noun):
        return []  # a lower-case "statement" or "plan" names no agreement
    start = _title_start(text, match.start())
    end = _title_end(text, match.end())
    title = text[start:end]
    if rules.INITIATIVE.search(title) or _other_organization(text, start, match):
        return []
    coordinated = _coordinated(sent, start, before)
    actions = [coordinated] if coordinated else _actions(text, start, end)
    if not actions or rules.NEGATION.search(folded(text), max(0, start - 40), start):
        return []
    if drafted and actions != ["proposed"]:
        return []  # "a charter" is named as one only when it is being drafted
    meeting = _meeting_of(sent, meetings) or (
        _meeting_of(previous, meetings) if previous else None
    )
    when = meeting.get("date") if meeting else None
    if when is None:
        near = timex.timexes(text, ref)
        when = near[0].value if near else None
    parties = _parties(sent, index, end)
    return [
        {
            "title": title,
            "action": action,
            "date": when,
            "place": meeting.get("city") if meeting else None,
            "parties": parties,
            "evidence": [[sent.start + start, sent.start + end]],
        }
        for action in actions
    ]


def _coordinated(sent: Sentence, start: int, before: Item | None) -> str | None:
    """The action of the sentence's agreement just before, when only "and (to)
    (the)" lies between the two ("signed the X, the Y and the Z")."""
    if before is None:
        return None
    gap = sent.text[before["evidence"][0][1] - sent.start : start]
    return str(before["action"]) if rules.COORDINATED.match(gap) else None


def _other_organization(text: str, start: int, noun: re.Match[str]) -> bool:
    """True for another organisation's document: named before the noun ("CSTO
    declaration") or as its author ("declaration of a summit of the ... CSTO");
    a subject named after "on" ("statement on linking the Eurasian Economic Union
    with ...") does not count."""
    modifiers = text[start : noun.start()]
    if "SCO" in modifiers or "Shanghai" in modifiers:
        return False
    if rules.OTHER_ORGANIZATION.search(modifiers):
        return True
    author = rules.OF_OTHER.match(text, noun.end())
    return author is not None and "SCO" not in author.group(0)


def _title_start(text: str, noun_start: int) -> int:
    """Walk left over the noun's modifiers ("SCO anti-extremism", "joint")."""
    start = noun_start
    words = list(rules.WORD.finditer(text, max(0, noun_start - 60), noun_start))
    for word in reversed(words[-6:]):
        token = word.group(0)
        if token.lower() in _LEFT_STOP or token[0].isdigit():
            break
        if text[word.end() : start].strip():
            break
        start = word.start()
    return start


def _title_end(text: str, noun_end: int) -> int:
    """Extend right over an "on/of/against ..." complement up to a clause stop."""
    end = noun_end
    complement = rules.COMPLEMENT.match(text, end)
    if complement is None or rules.NOT_COMPLEMENT.match(text, complement.end()):
        return end
    stop = rules.STOP.search(text, complement.end())
    limit = stop.start() if stop else len(text)
    words = list(rules.WORD.finditer(text, complement.end(), limit))[:_MAX_COMPLEMENT]
    while words and words[-1].group(0).lower() in rules.TRAILING:
        words.pop()  # "... Structure and" before "to a Declaration"
    return words[-1].end() if words else end


def _actions(text: str, start: int, end: int) -> list[str]:
    """The agreement's actions: the verb of a relative clause after it ("the
    memorandum that Iran signed"), and the action `_action` finds."""
    relative = rules.RELATIVE.match(folded(text), end, end + 60)
    action = _action(text, start, end) if relative is None else _left(text, start)
    if relative is None:
        return [action] if action else []
    verb = relative.group("verb")
    first = _RELATIVE_ACTIONS.get(verb, verb)
    return [first] if action in (None, first) else [first, action]


def _action(text: str, start: int, end: int) -> str | None:
    """The agreement's action: passive/entry-into-force after it, else the nearest
    action verb before it in its clause; a proposal to sign/draft makes it proposed."""
    lowered = folded(text)
    after = lowered[end : end + 60]
    lead = rules.PASSIVE.match(after)
    rest = after[lead.end() if lead else 0 :]
    for action, pattern in rules.ACTIONS:
        hit = pattern.match(rest)
        if hit:
            return action
    return _left(text, start)


def _left(text: str, start: int) -> str | None:
    """The nearest action verb before the agreement in its clause, or proposed."""
    lowered = folded(text)
    left = max(0, start - _LEFT_WINDOW)
    clause_start = max(text.rfind(";", left, start), text.rfind(". ", left, start))
    left = max(left, clause_start + 1)
    if rules.PROPOSAL.search(lowered, left, start):
        return "proposed"
    best: tuple[int, str] | None = None
    for action, pattern in rules.ACTIONS:
        for hit in pattern.finditer(lowered, left, start):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), action)
    return best[1] if best else None


def _meeting_of(sent: Sentence | None, meetings: list[Item]) -> Item | None:
    if sent is None:
        return None
    for meeting in meetings:
        for span in meeting.get("evidence", []):
            if sent.start <= span[0] < sent.end:
                return meeting
    return None


def _parties(sent: Sentence, index: MentionIndex, end: int) -> list[str]:
    """States listed after "namely", "between", "among" or "by" in the sentence."""
    marker = rules.NAMELY.search(sent.text, end) or rules.LIST_START.search(
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
