"""Named or described cooperation projects (facts["projects"]).

A project head noun (rules.PROJECT_HEADS: "pipeline", "industrial park",
"power plant", ...) is widened left over its name ("China-Kyrgyzstan-Uzbekistan",
"natural gas") and, for a generic name, right over its location ("a power plant
in Uzbekistan"). A head with neither a proper name nor a location is a category
("roads", "a regional network"), and an initiative or a number of things to build
("10 Luban Workshops") is not a project. Status comes from the sentence's wording.

The SCO's institutions with an economic role (Development Bank, Energy Club,
Business Council, Interbank Consortium, ...) are projects too (CONVENTIONS.md):
one item per institution, named "SCO ..." when the text ties it to the SCO,
planned while the text speaks of setting it up. A bank or fund named for another
owner ("Asian Development Bank", "... Bank of the BRICS") is not the SCO's.
Names that differ only by a spelling slip or "Sino-" for "China-" are one project.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts.clauses import Keywords, MentionIndex, matches_at
from scotrack.ingest.lexicon import names as names_rules
from scotrack.ingest.lexicon import projects as rules
from scotrack.ingest.lexicon.folding import folded

_HEAD_WORDS = Keywords(
    ((word, True) for word in rules.PROJECT_HEAD_WORDS), whole_words=True
)
_HEAD_STARTS = Keywords((word, True) for word in rules.ANY_HEAD_STARTS)
"""Where a project head can begin: rules.ANY_HEAD is tried only there."""
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
_INSTITUTION_WORDS = Keywords(
    ((word, True) for word in rules.INSTITUTION_CUE_WORDS), whole_words=True
)
_MAX_NAME_WORDS = 7
_SAME_WORD = 0.7


def projects(doc: CleanDocument) -> list[Item]:
    index = MentionIndex.of(doc.mentions)
    found: dict[str, Item] = {}
    cues = _HEAD_WORDS.by_sentence(doc.text, doc.sentences)
    starts = _HEAD_STARTS.at_by_sentence(doc.text, doc.sentences)
    for number, (sent, cued) in enumerate(zip(doc.sentences, cues, strict=True)):
        budget.check()
        if cued:
            for item in _sentence_projects(sent, index, sorted(starts[number])):
                _add(found, _name_key(item["name"]), item)
    institutions: dict[str, Item] = {}
    cues = _INSTITUTION_WORDS.by_sentence(doc.text, doc.sentences)
    for sent, cued in zip(doc.sentences, cues, strict=True):
        budget.check()
        if cued:
            for key, item in _sentence_institutions(sent):
                _add(institutions, key, item)
    return list(found.values()) + list(institutions.values())


def _add(found: dict[str, Item], key: str, item: Item) -> None:
    """Put `item` in `found` under `key`, or merge it into the item there or
    into one whose name is the same but for a spelling slip."""
    same = key if key in found else _near(found, key)
    if same is None:
        found[key] = item
        return
    kept = found[same]
    kept["evidence"].extend(item["evidence"])
    kept["status"] = kept["status"] or item["status"]
    if item["name"].startswith("SCO ") and not kept["name"].startswith("SCO "):
        kept["name"] = item["name"]


def _name_key(name: str) -> str:
    return rules.NOT_NAME_CHARS.sub(" ", rules.SINO.sub("China-", name).lower()).strip()


def _near(found: dict[str, Item], key: str) -> str | None:
    """The key in `found` that differs from `key` by a misspelt word only
    ("Chahabar Port", "Chabahar Port"; not "oil pipeline", "gas pipeline")."""
    words = key.split()
    for other in found:
        other_words = other.split()
        if len(other_words) != len(words):
            continue
        differ = [(a, b) for a, b in zip(words, other_words, strict=True) if a != b]
        if len(differ) != 1:
            continue
        a, b = differ[0]
        if SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SAME_WORD:
            return other
    return None


def _sentence_institutions(sent: Sentence) -> list[tuple[str, Item]]:
    """(key, item) for each SCO institution with an economic role in `sent`."""
    text = sent.text
    found: list[tuple[str, Item]] = []
    for sector, pattern in rules.INSTITUTION:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 60) : match.start()]
            if before.endswith("("):
                continue  # another name of the one before: "Fund (Special Account)"
            sco = rules.SCO_BEFORE.search(before) is not None
            if not sco and (
                _owned_before(before)
                or rules.OTHER_OWNER_AFTER.match(text, match.end())
            ):
                continue
            name = match.group(0)
            planned = rules.INSTITUTION_PLANNED.search(text)
            item: Item = {
                "name": f"SCO {name}" if sco else name,
                "sector": sector,
                "countries": [],
                "status": "planned" if planned else None,
                "evidence": [[sent.start + match.start(), sent.start + match.end()]],
            }
            found.append((_name_key(name.replace("-", "")), item))
    return found


def _owned_before(before: str) -> bool:
    """Whether the capitalised word before the institution names its owner
    ("Asian Development Bank", "BRICS New Development Bank")."""
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last[:1].isupper() and last.lower() not in names_rules.NAME_EDGE_WORDS


def _sentence_projects(
    sent: Sentence, index: MentionIndex, starts: list[int]
) -> list[Item]:
    """The projects of one sentence; `starts`: where a head's first letters
    occur, the only places one begins."""
    text = sent.text
    items: list[Item] = []
    taken = -1
    for match in matches_at(rules.ANY_HEAD, folded(text), starts):
        head = text[match.start() : match.end()]
        if match.start() < taken or _plural(head) or _elsewhere(text, match.end()):
            continue
        start = _name_start(text, match.start())
        end = _name_end(text, match.start(), match.end())
        place_end = _location_end(text, sent.start, index, end)
        if _named(text, start, end, sent, index):
            start = _first_capital(text, start, end)
        elif place_end > end:
            end = place_end
        else:
            continue
        name = text[start:end]
        context = text[max(0, start - 16) : end + 14]
        if (
            rules.NOT_PROJECT.search(context)
            or _counted(text, start)
            or " " not in name.strip()
            or (head.lower() == "airport" and rules.ARRIVING.search(text))
        ):
            continue
        taken = end
        items.append(_item(sent, index, name, (start, end, place_end), head))
    return items


def _plural(head: str) -> bool:
    lowered = head.lower()
    return lowered.endswith("s") and not lowered.endswith(("ss", "us"))


def _elsewhere(text: str, end: int) -> bool:
    """Whether the head is part of the name of something else: a company,
    an agreement ("China Railway First Survey", "International Road Transport")."""
    return rules.CONTINUATION.match(text, end) is not None


def _named(
    text: str, start: int, end: int, sent: Sentence, index: MentionIndex
) -> bool:
    """Whether a capitalised word makes `text[start:end]` a proper name: not the
    sentence's first word, nor a state's adjective ("the only Iranian port", "a
    Chinese railway"), which makes a category."""
    adjectives = [
        mention
        for mention in index.between(sent.start + start, sent.start + end, ("state",))
        if rules.STATE_ADJECTIVE.search(mention.surface)
    ]
    return any(
        word.group(0)[0].isupper()
        and text[: word.start()].strip()
        and not any(m.start <= sent.start + word.start() < m.end for m in adjectives)
        for word in rules.WORD.finditer(text, start, end)
    )


def _first_capital(text: str, start: int, end: int) -> int:
    """Where a proper name begins once the lower-case words before it are left
    out ("flagship project China-Pakistan Economic Corridor")."""
    for word in rules.WORD.finditer(text, start, end):
        if word.group(0)[0].isupper() or word.group(0)[0].isdigit():
            return word.start()
    return start


def _name_end(text: str, head_start: int, head_end: int) -> int:
    """A capitalised head's name goes on over "for/of" and capitalised words
    ("Demonstration Base for Agriculture Technology Exchange and Training")."""
    if not text[head_start].isupper():
        return head_end
    tail = rules.NAME_TAIL.match(text, head_end)
    return tail.end() if tail else head_end


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
    sent: Sentence,
    index: MentionIndex,
    name: str,
    span: tuple[int, int, int],
    head: str,
) -> Item:
    """The project `name` at `span` (start, end, and the end of the place it is
    in: "the Kambarata-1 plant in Kyrgyzstan" is in KGZ)."""
    start, end, place_end = span
    sector = next((s for s, pattern in rules.HEADS if pattern.fullmatch(head)), None)
    countries: list[str] = []
    for mention in index.between(
        sent.start + start, sent.start + max(end, place_end), ("state", "city")
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
