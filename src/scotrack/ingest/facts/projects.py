"""Named or described cooperation projects (facts["projects"]).

A project head noun (rules.PROJECT_HEADS: "pipeline", "industrial park",
"power plant", ...) is widened left over its name ("China-Kyrgyzstan-Uzbekistan",
"natural gas") and, for a generic name, right over its location ("a power plant
in Uzbekistan"). A head with neither a proper name nor a location is a category
("roads", "a regional network"), and an initiative or a number of things to build
("10 Luban Workshops") is not a project. Status comes from the sentence's wording.
"""

from __future__ import annotations

from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import names as names_rules
from scotrack.ingest.lexicon import projects as rules
from scotrack.ingest.lexicon.folding import folded

_HEAD_WORDS = Keywords(
    ((word, True) for word in rules.PROJECT_HEAD_WORDS), whole_words=True
)
_STOP = names_rules.NAME_EDGE_WORDS | frozenset(
    [
        "among",
        "as",
        "between",
        "for",
        "from",
        "include",
        "includes",
        "including",
        "into",
        "key",
        "major",
        "many",
        "other",
        "over",
        "several",
        "some",
        "such",
        "under",
        "via",
        "while",
        "who",
    ]
)
_MAX_NAME_WORDS = 7


def projects(doc: CleanDocument) -> list[Item]:
    index = MentionIndex.of(doc.mentions)
    found: dict[str, Item] = {}
    cues = _HEAD_WORDS.by_sentence(doc.text, doc.sentences)
    for sent, cued in zip(doc.sentences, cues, strict=True):
        if not cued:
            continue
        for item in _sentence_projects(sent, index):
            key = item["name"].lower()
            if key in found:
                found[key]["evidence"].extend(item["evidence"])
                found[key]["status"] = found[key]["status"] or item["status"]
            else:
                found[key] = item
    return list(found.values())


def _sentence_projects(sent: Sentence, index: MentionIndex) -> list[Item]:
    text = sent.text
    items: list[Item] = []
    taken = -1
    for match in rules.ANY_HEAD.finditer(folded(text)):
        head = text[match.start() : match.end()]
        lowered = head.lower()
        plural = lowered.endswith("s") and not lowered.endswith(("ss", "us"))
        if match.start() < taken or plural:
            continue
        start = _name_start(text, match.start())
        end = match.end()
        named = any(w[0].isupper() for w in rules.WORD.findall(text[start:end]))
        if not named:
            end = _location_end(text, sent.start, index, match.end())
            if end == match.end():
                continue
        name = text[start:end]
        context = text[max(0, start - 16) : end + 14]
        if (
            rules.NOT_PROJECT.search(context)
            or _counted(text, start)
            or " " not in name.strip()
        ):
            continue
        taken = end
        items.append(_item(sent, index, name, start, end, head))
    return items


def _name_start(text: str, head_start: int) -> int:
    start = head_start
    words = list(rules.WORD.finditer(text, max(0, head_start - 80), head_start))
    for word in reversed(words[-_MAX_NAME_WORDS:]):
        token = word.group(0)
        if token.lower() in _STOP and (token != "and" or start == head_start):
            break
        if token[0].isdigit() or text[word.end() : start].strip():
            break
        start = word.start()
    if text[start:head_start].lower().startswith("and "):
        start += 4
    return start


def _location_end(text: str, offset: int, index: MentionIndex, end: int) -> int:
    location = rules.LOCATION.match(text, end)
    if location is None:
        return end
    places = index.between(
        offset + end, offset + location.end() + 40, ("state", "city")
    )
    if not places:
        return end
    return places[0].end - offset


def _counted(text: str, start: int) -> bool:
    """ "10 Luban Workshops", "two power plants": commitments, not projects."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and (
        before[-1][0].isdigit() or before[-1].lower() in rules.NUMBERS
    )


def _item(
    sent: Sentence, index: MentionIndex, name: str, start: int, end: int, head: str
) -> Item:
    sector = next((s for s, pattern in rules.HEADS if pattern.fullmatch(head)), None)
    countries: list[str] = []
    for mention in index.between(
        sent.start + start, sent.start + end, ("state", "city")
    ):
        code = mention.state if mention.kind == "city" else mention.value
        if code and code not in countries:
            countries.append(code)
    status = next((s for s, pattern in rules.STATUS if pattern.search(sent.text)), None)
    return {
        "name": " ".join(name.split()),
        "sector": sector,
        "countries": countries,
        "status": status,
        "evidence": [[sent.start + start, sent.start + end]],
    }


def find_projects(doc: CleanDocument) -> CleanDocument:
    doc.facts["projects"] = projects(doc)
    return doc


STAGE = Stage(
    name="projects",
    requires=("text", "sentences", "mentions"),
    provides=("facts.projects",),
    run=find_projects,
)
