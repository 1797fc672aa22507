"""The states and people a document names, from its mentions.

`facts["states"]` holds one item per state, `{"code": "CHN", "evidence": [...]}`,
in order of first mention: every state named by name, alias or adjective, and a
capital standing for its government ("Beijing and Moscow agreed", "Tehran's
position"). A city as a place (a dateline, "met in Beijing", "Shanghai" in the
organisation's name) and a region ("Central Asia") name no state.

`facts["people"]` holds one item per person, `{"name", "role", "state",
"evidence"}`: role and state as the text gives them, from the first mention tied
to an office ("Chinese Premier Li Keqiang": Premier, CHN; "Pan Guang, director of
...": that phrase, no state); a person the text never gives a title keeps role
and state null ("Xi's attendance").
"""

from __future__ import annotations

import re

from scotrack.ingest.document import CleanDocument, Item, Mention, Stage
from scotrack.ingest.entities.gazetteer import gazetteer

_METONYM_VERB = re.compile(
    r"(?:'s|\u2019s)\s+(?:position|stance|policy|policies|support|decision|view|"
    r"proposal|role|efforts?|ties|relations|concerns?|response|approach|move|"
    r"government|leadership|officials?)\b"
    r"|\s+(?:has|have|had|will|would|is|was|also|did|does|and\s+\w+\s+)?\s*"
    r"(?:said|says|agreed|agree|agrees|announced|insists?|insisted|believes?|"
    r"believed|wants?|wanted|hopes?|hoped|urged|urges|called|calls|rejected|"
    r"rejects|supports?|supported|opposes?|opposed|signed|welcomed|welcomes|"
    r"reiterated|stressed|warned|accused|denied|responded|proposed|pledged|"
    r"vowed|plans?|planned|seeks?|sought|backed|backs)\b"
)
_PAIR = re.compile(r"\s+and\s+$")
_AND = re.compile(r"\s+and\s+")
_OF_STATE_GAP = re.compile(r"\s+of\s+(?:the\s+)?\S+\s+")
_APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


def metonym(text: str, mentions: list[Mention], index: int) -> bool:
    """True when the capital at `mentions[index]` stands for its government: the
    subject of a verb of saying, deciding or supporting, a possessive of policy,
    or paired with another such capital ("Beijing and Moscow agreed")."""
    city = mentions[index]
    if _METONYM_VERB.match(text, city.end):
        return True
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    if (
        nxt is not None
        and nxt.kind == "city"
        and _AND.fullmatch(text, city.end, nxt.start)
    ):
        return _METONYM_VERB.match(text, nxt.end) is not None
    prev = mentions[index - 1] if index else None
    if (
        prev is not None
        and prev.kind == "city"
        and _PAIR.search(text[prev.end : city.start])
    ):
        return _METONYM_VERB.match(text, city.end) is not None
    return False


def named_states(text: str, mentions: list[Mention]) -> list[Item]:
    """One item per state named (see the module docstring), first mention first."""
    capitals = gazetteer().capitals
    spans: dict[str, list[list[int]]] = {}
    for i, m in enumerate(mentions):
        code = None
        if m.kind == "state":
            code = m.value
        elif m.kind == "city" and capitals.get(m.value) and metonym(text, mentions, i):
            code = capitals[m.value]
        if code is not None:
            spans.setdefault(code, []).append([m.start, m.end])
    return [{"code": code, "evidence": ev} for code, ev in spans.items()]


def _office_of(text: str, mentions: list[Mention], index: int) -> Mention | None:
    """The office the person at `index` is given: a title just before the name
    (allowing "of <state>" between) or an appositive just after it."""
    person = mentions[index]
    for j in (index - 1, index - 2):
        if j < 0:
            break
        office = mentions[j]
        if office.kind == "office" and not office.value[:1].islower():
            gap = text[office.end : person.start]
            if not gap.strip() or _OF_STATE_GAP.fullmatch(gap):
                return office
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    if (
        nxt is not None
        and nxt.kind == "office"
        and nxt.value[:1].islower()
        and _APPOSITIVE_GAP.fullmatch(text, person.end, nxt.start)
    ):
        return nxt
    return None


def named_people(text: str, mentions: list[Mention]) -> list[Item]:
    """One item per person (see the module docstring), first mention first."""
    people: dict[str, Item] = {}
    for i, m in enumerate(mentions):
        if m.kind != "person" or not m.value:
            continue
        item = people.setdefault(
            m.value, {"name": m.value, "role": None, "state": None, "evidence": []}
        )
        item["evidence"].append([m.start, m.end])
        office = _office_of(text, mentions, i)
        if office is not None and item["role"] is None:
            item["role"] = office.value
            item["state"] = m.state if m.state is not None else office.state
    return list(people.values())


def entities(doc: CleanDocument) -> CleanDocument:
    doc.facts["states"] = named_states(doc.text, doc.mentions)
    doc.facts["people"] = named_people(doc.text, doc.mentions)
    return doc


STAGE = Stage(
    "entities",
    requires=("text", "mentions"),
    provides=("facts.states", "facts.people"),
    run=entities,
)
