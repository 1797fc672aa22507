"""SCO meetings a document reports, announces or refers to (facts["meetings"]).

Each sentence is searched for meeting phrases (rules.MEETING_PATTERNS); each
phrase becomes an observation with what its neighbourhood says (number, city,
country, date, format cues); observations of one meeting are merged: a phrase
with nothing of its own ("the summit") joins the document's main meeting of that
body, others join a compatible meeting or start a new one. Blanket references
("all the summits since 2013") and other organizations' meetings are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.entities import organizations
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import meetings as rules
from scotrack.ingest.lexicon import organizations as organizations_rules
from scotrack.ingest.lexicon.folding import folded

_CUES = Keywords(
    (word, word)
    for word in sorted(
        {*rules.CUE_WORDS, *(word for _, cues, _ in rules.BODIES for word in cues)}
    )
)
_PLACE_GAP = 110
_LEFT = 45
_NUMBER_LEFT = 70
_RIGHT = 150


@dataclass(slots=True)
class Observation:
    """What one meeting phrase and its neighbourhood say."""

    body: str | None
    start: int
    end: int
    number: int | None = None
    city: str | None = None
    country: str | None = None
    date: str | None = None
    video: bool = False
    in_person: bool = False
    back: bool = False
    ahead: bool = False
    name: str | None = None
    evidence: list[list[int]] = field(default_factory=list)

    def anaphoric(self) -> bool:
        return self.city is None and self.date is None and self.number is None


@dataclass(frozen=True, slots=True)
class Scope:
    """One sentence as `_observe` reads it: lower-cased, with its dates and cues."""

    sent: Sentence
    lowered: str
    dates: list[timex.Timex]
    video: bool
    in_person: bool
    """A person or office is named and an in-person cue occurs."""
    year: int | None
    """The reference date's year."""


def meetings(doc: CleanDocument) -> list[Item]:
    """One item per SCO meeting, merged across the text, with evidence spans."""
    if not rules.SCO.search(doc.text) and not any(
        m.kind == "body" for m in doc.mentions
    ):
        return []
    index = MentionIndex.of(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    merged: list[Observation] = []
    dateline = _dateline_place(doc)
    cues = _CUES.by_sentence(doc.text, doc.sentences)
    orgs = organizations.Organizations(doc.text)
    for sent, words in zip(doc.sentences, cues, strict=True):
        if not rules.CUE_WORDS.isdisjoint(words):
            for obs in _observations(sent, words, index, ref, dateline, orgs):
                _merge(merged, obs)
    _place_at_dateline(doc, merged, dateline)
    _fill_from_dateline(doc, merged)
    return [_item(obs) for obs in merged if obs.body is not None]


def _dateline_place(doc: CleanDocument) -> tuple[str | None, str | None]:
    city = doc.metadata.dateline
    if not city:
        return None, None
    state = next(
        (m.state for m in doc.mentions if m.kind == "city" and m.value == city), None
    )
    return city, state


def _observations(
    sent: Sentence,
    words: set[str],
    index: MentionIndex,
    ref: date | None,
    dateline: tuple[str | None, str | None],
    orgs: organizations.Organizations,
) -> list[Observation]:
    lowered = folded(sent.text)
    phrases = _phrases(sent, lowered, words, orgs)
    if not phrases:
        return []
    named = bool(index.between(sent.start, sent.end, ("person", "office")))
    scope = Scope(
        sent,
        lowered,
        timex.timexes(sent.text, ref),
        video=bool(rules.VIDEO.search(lowered)),
        in_person=named and bool(rules.IN_PERSON.search(lowered)),
        year=ref.year if ref else None,
    )
    return [_observe(scope, index, phrase, dateline) for phrase in phrases]


def _phrases(
    sent: Sentence, lowered: str, words: set[str], orgs: organizations.Organizations
) -> list[tuple[str | None, int, int]]:
    """(body, start, end) of each phrase naming an SCO meeting, in text order; the
    first body pattern to claim a span decides, bare phrases ("the meeting") last.
    `words` are the cue words in the sentence: a pattern needs one of its own."""
    spans: list[tuple[str | None, int, int]] = []
    for body, cues, pattern in rules.BODIES:
        if cues.isdisjoint(words):
            continue
        for match in pattern.finditer(lowered):
            if not any(s < match.end() and match.start() < e for _, s, e in spans):
                spans.append((body, match.start(), match.end()))
    kept = [span for span in spans if _is_sco_meeting(sent, lowered, span[1:], orgs)]
    return sorted(kept, key=lambda span: span[1])


def _is_sco_meeting(
    sent: Sentence,
    lowered: str,
    span: tuple[int, int],
    orgs: organizations.Organizations,
) -> bool:
    """Not a class of meetings ("all the summits"), not another organization's
    ("the BRICS summit", "a summit of the CSTO", "the summit" where the text
    speaks of the CSTO), not a bilateral one ("the China-Russia summit")."""
    text, (start, end) = sent.text, span
    phrase = text[start:end]
    if phrase.lower().endswith(("summits", "meetings", "exercises", "drills")):
        return False
    left = max(0, start - _LEFT)
    window = lowered[left:start]
    if rules.BLANKET_CUE.search(window) and rules.BLANKET.search(window):
        return False
    before = text[left:start]
    tail = " ".join(before.lower().replace("'s", "").split()[-3:])
    if rules.SCO.search(before[-25:]) or rules.SCO.search(phrase):
        return True
    if tail.endswith(organizations_rules.OTHER_ORGANIZATIONS) or organizations.of_other(
        text, end
    ):
        return False
    if orgs.other_before(sent, sent.start + start):
        return False
    return rules.BILATERAL.search(before) is None


def _observe(
    scope: Scope,
    index: MentionIndex,
    phrase: tuple[str | None, int, int],
    dateline: tuple[str | None, str | None],
) -> Observation:
    body, start, end = phrase
    sent, text, lowered = scope.sent, scope.sent.text, scope.lowered
    left = max(0, start - _LEFT)
    right = _window_end(text, end)
    obs = Observation(body, sent.start + start, sent.start + end)
    obs.evidence.append([sent.start + start, sent.start + end])
    obs.number = _number(lowered[max(0, start - _NUMBER_LEFT) : start])
    obs.city, obs.country = _place(text, index, sent.start, start, end, right)
    obs.date = _date(text, start, end, scope.dates)
    if body == "other":
        obs.name = " ".join(text[start:end].lower().split())
    window, after = lowered[left:start], text[end:right]
    obs.back = body is not None and _looks_back(window, scope.year)
    obs.ahead = "next" in window and rules.NEXT.search(window) is not None
    if obs.city is None and "here" in after and rules.HERE.search(after):
        obs.city, obs.country = dateline
    if obs.country is None and (host := _host(text, index, sent.start, start)):
        if host.kind == "city":
            obs.city, obs.country = host.value, host.state
        else:
            obs.country = host.value
    obs.video = scope.video
    obs.in_person = scope.in_person and not obs.back
    return obs


def _looks_back(window: str, year: int | None) -> bool:
    """A back-reference marker before the phrase; a year counts only when it is
    before the reference year ("the 2009 summit", not "on September 1, 2025,
    the summit" in a 2025 report)."""
    for match in rules.BACK.finditer(window):
        found = match.group()
        if not found.isdigit() or year is None or int(found) < year:
            return True
    return False


def _date(text: str, start: int, end: int, dates: list[timex.Timex]) -> str | None:
    """The date written next to the meeting phrase ("June's Astana summit",
    "the summit in Qingdao on Saturday"), not one of another clause."""
    for found in dates:
        if found.end <= start:
            gap = text[found.end : start]
            if len(gap) < 70 and not rules.GAP_STOP.search(gap):
                return found.value
    for found in dates:
        if found.start >= end:
            gap = text[end : found.start]
            if len(gap) < 100 and not rules.GAP_STOP.search(gap):
                return found.value
    return None


def _host(text: str, index: MentionIndex, offset: int, start: int) -> Mention | None:
    """ "India will host the summit", "as Islamabad hosts the meeting": the host
    state or city named before the phrase."""
    if text.find("host", 0, start) == -1:  # in every `rules.HOST_BEFORE` match
        return None
    hosted = rules.HOST_BEFORE.search(text, 0, start)
    if hosted is None:
        return None
    places = index.between(
        offset + max(0, hosted.start() - 30), offset + hosted.start(), ("state", "city")
    )
    return places[-1] if places else None


def _window_end(text: str, end: int) -> int:
    stop = len(text)
    for mark in (";", " from ", " while ", " but "):
        found = text.find(mark, end)
        if found != -1:
            stop = min(stop, found)
    return min(stop, end + _RIGHT)


def _number(before: str) -> int | None:
    """The ordinal of the meeting phrase that `before` (lower-cased) leads up to:
    "the 24th meeting of the Council of", not "its tenth member at the"."""
    found = None
    for match in rules.ORDINAL.finditer(before):
        found = match
    if found is None or rules.NUMBER_STOP.search(before, found.end()):
        return None
    if found.group(1):
        return int(found.group(1))
    return rules.ORDINAL_WORDS[found.group(2).lower()]


def _place(
    text: str, index: MentionIndex, offset: int, start: int, end: int, right: int
) -> tuple[str | None, str | None]:
    """The meeting's city and country: a city right before the noun or after in/at."""
    city: Mention | None = None
    country: str | None = None
    left = max(0, start - 70)
    for mention in index.between(offset + left, offset + right, ("city", "state")):
        rel = mention.start - offset
        gap = text[mention.end - offset : start]
        adjacent = rel < start and (
            not gap.strip(" '\u2019s") or rules.WHERE.match(gap)
        )
        placed = (
            rel >= end
            and rules.PLACE_BEFORE.search(text[max(end, rel - 25) : rel])
            and rel - end <= _PLACE_GAP
            and not rules.MEETINGS_PLACE_GAP_STOP.search(text, end, rel)
        )
        if rel < start and not adjacent:
            continue
        if mention.kind == "city" and city is None and (adjacent or placed):
            city = mention
        elif mention.kind == "state" and country is None and (adjacent or placed):
            country = mention.value
    if city is not None:
        return city.value, city.state or country
    return None, country


def _merge(merged: list[Observation], obs: Observation) -> None:
    target = _target(merged, obs)
    if target is None:
        if obs.body is not None:
            merged.append(obs)
        return
    target.city = target.city or obs.city
    target.country = target.country or obs.country
    target.number = target.number or obs.number
    if obs.date and (not target.date or len(obs.date) > len(target.date)):
        target.date = obs.date
    target.video = target.video or obs.video
    target.in_person = target.in_person or obs.in_person
    target.evidence.extend(obs.evidence)
    merged.remove(target)
    merged.append(target)


def _target(merged: list[Observation], obs: Observation) -> Observation | None:
    if obs.body is None:
        return merged[-1] if merged and not merged[-1].back else None
    same = [
        m
        for m in merged
        if m.body == obs.body
        and m.name == obs.name
        and m.ahead == obs.ahead
        and _compatible(m, obs)
    ]
    if not same:
        return None
    if obs.anaphoric():
        current = [m for m in same if not m.back]
        return (current or same)[-1]
    for meeting in reversed(same):
        if (
            (obs.city and meeting.city == obs.city)
            or (obs.date and meeting.date == obs.date)
            or (obs.number and meeting.number == obs.number)
        ):
            return meeting
    open_ = [m for m in same if m.back == obs.back]
    return open_[-1] if open_ else None


def _compatible(a: Observation, b: Observation) -> bool:
    if a.city and b.city and a.city != b.city:
        return False
    if a.number and b.number and a.number != b.number:
        return False
    if a.date and b.date:
        short = min(len(a.date), len(b.date), 7)
        return a.date[:short] == b.date[:short]
    return True


def _place_at_dateline(
    doc: CleanDocument,
    merged: list[Observation],
    dateline: tuple[str | None, str | None],
) -> None:
    """A wire report datelined in a city reports its main meeting from there: the
    first meeting neither looked back at nor ahead to, if it has no place, is not
    held by video and is dated (if at all) in the month of the report, is in that
    city, unless another meeting already is."""
    city, state = dateline
    if not city or any(obs.city == city for obs in merged):
        return
    month = (doc.metadata.dateline_date or doc.reference_date() or "")[:7]
    for obs in merged:
        if obs.body is None or obs.back or obs.ahead:
            continue
        fits = obs.date is None or obs.date[:7] == month
        if obs.city is None and not obs.video and fits:
            obs.city, obs.country = city, state or obs.country
        return


def _fill_from_dateline(doc: CleanDocument, merged: list[Observation]) -> None:
    """A wire report's meeting in the dateline city takes the dateline's date."""
    dateline, day = doc.metadata.dateline, doc.metadata.dateline_date
    if not dateline or not day:
        return
    for obs in merged:
        if obs.city == dateline and obs.date is None and not obs.back:
            obs.date = day


def _item(obs: Observation) -> Item:
    fmt = "video" if obs.video else ("in-person" if obs.in_person else None)
    return {
        "body": obs.body,
        "number": obs.number,
        "date": obs.date,
        "city": obs.city,
        "country": obs.country,
        "format": fmt,
        "evidence": obs.evidence,
    }


def find_meetings(doc: CleanDocument) -> CleanDocument:
    doc.facts["meetings"] = meetings(doc)
    return doc


STAGE = Stage(
    name="meetings",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.meetings",),
    run=find_meetings,
)
