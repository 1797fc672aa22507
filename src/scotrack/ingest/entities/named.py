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

from scotrack.ingest.document import CleanDocument, Item, Mention, Stage
from scotrack.ingest.entities.gazetteer import gazetteer
from scotrack.ingest.entities.spelling import fold
from scotrack.ingest.lexicon import names as rules


def metonym(text: str, mentions: list[Mention], index: int) -> bool:
    """True when the capital at `mentions[index]` stands for its government: the
    subject of a verb of saying, deciding or supporting, a possessive of policy,
    or paired with another such capital ("Beijing and Moscow agreed")."""
    city = mentions[index]
    if rules.METONYM_VERB.match(text, city.end):
        return True
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    if (
        nxt is not None
        and nxt.kind == "city"
        and rules.AND.fullmatch(text, city.end, nxt.start)
    ):
        return rules.METONYM_VERB.match(text, nxt.end) is not None
    prev = mentions[index - 1] if index else None
    if prev is not None and prev.kind == "city" and _paired(text, prev.end, city.start):
        return rules.METONYM_VERB.match(text, city.end) is not None
    return False


def _paired(text: str, start: int, end: int) -> bool:
    """Whether `rules.PAIR` finds " and " ending text[start:end], searched from
    the word before its trailing white space only: the gap between two cities
    can be a page long, and a match must end there (#11)."""
    gap = text[start:end]
    return rules.PAIR.search(gap, max(0, len(gap.rstrip()) - 4)) is not None


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
            if not gap.strip() or rules.OF_STATE_GAP.fullmatch(gap):
                return office
    nxt = mentions[index + 1] if index + 1 < len(mentions) else None
    if (
        nxt is not None
        and nxt.kind == "office"
        and nxt.value[:1].islower()
        and rules.APPOSITIVE_GAP.fullmatch(text, person.end, nxt.start)
    ):
        return nxt
    return None


def named_people(text: str, mentions: list[Mention]) -> list[Item]:
    """One item per person (see the module docstring), first mention first;
    a known person printed in two spellings is one item, named as first met."""
    known = gazetteer().people
    people: dict[str, Item] = {}
    for i, m in enumerate(mentions):
        if m.kind != "person" or not m.value:
            continue
        person = known.person_of(m.value)
        # one item for "B. M. Ahmedov" and "B.M.Ahmedov": spacing aside, one name
        key = fold(m.value).replace(" ", "") if person is None else person.name
        item = people.setdefault(
            key, {"name": m.value, "role": None, "state": None, "evidence": []}
        )
        item["evidence"].append([m.start, m.end])
        office = _office_of(text, mentions, i)
        if office is not None and item["role"] is None:
            item["role"] = office.value
            item["state"] = office.state if office.state is not None else m.state
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
