"""SCO meetings a document reports, announces or refers to (facts["meetings"]).

Each sentence is searched for meeting phrases (rules.MEETING_PATTERNS), nouns
("the SCO summit", "the Council of Foreign Ministers") or a group and a verb
("SCO defence ministers met"); each phrase becomes an observation with what its
neighbourhood says (number, city, country, date, format cues;
facts/meeting_clues.py), and the observations of one meeting are merged
(facts/meeting_merge.py). Blanket references ("all the summits since 2013") and
other organizations' meetings are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.entities import organizations
from scotrack.ingest.facts import meeting_clues as clues
from scotrack.ingest.facts import meeting_merge, timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex, holds_any
from scotrack.ingest.facts.meeting_merge import Observation
from scotrack.ingest.lexicon import dates as dates_rules
from scotrack.ingest.lexicon import meeting_kinds as kinds_rules
from scotrack.ingest.lexicon import meetings as rules
from scotrack.ingest.lexicon import organizations as organizations_rules
from scotrack.ingest.lexicon.folding import folded

_CUES = Keywords(
    (word, word)
    for word in sorted(
        {*rules.CUE_WORDS, *(word for _, cues, _ in rules.BODIES for word in cues)}
    )
)
_LEFT = 45
_NUMBER_LEFT = 70
_CONTEXT_AFTER = 200
_LEAD_SENTENCES = 8
_LEAD_REACH = 40
"""A dateline opens one of the first sentences, within its first characters."""


@dataclass(frozen=True, slots=True)
class Scope:
    """One sentence as `_observe` reads it: lower-cased, with its dates and cues."""

    sent: Sentence
    lowered: str
    dates: list[timex.Timex]
    video: list[int]
    """Where each video cue starts."""
    in_person: bool
    """A person or office is named and an in-person cue occurs."""
    named: bool
    """A person or office is named."""
    year: int | None
    """The reference date's year."""
    phrases: list[tuple[str | None, int, int]]
    store: str | None
    """The date of the pages store's line, if the sentence holds it: the date of
    a meeting the sentence reports that no time expression dates."""


@dataclass(slots=True)
class Reading:
    """What the stage keeps while it reads one document."""

    doc: CleanDocument
    index: MentionIndex
    ref: date | None
    dateline: tuple[str | None, str | None]
    orgs: organizations.Organizations
    store_date: int
    """The end of the pages store's date line (0 if none): not a date of the text."""
    year: int | None
    """The reference year, else the year the text names most often."""
    years: list[tuple[int, int]] = field(default_factory=list)
    """(offset, year) of each year the text names, when it has no reference
    date: the year of a date that leaves its year out."""
    others: set[str] = field(default_factory=set)
    """Names of meetings found to be other than the SCO's ("the Wuhan summit")."""


def meetings(doc: CleanDocument) -> list[Item]:
    """One item per SCO meeting, merged across the text, with evidence spans."""
    if not rules.SCO.search(doc.text) and not any(
        m.kind == "body" for m in doc.mentions
    ):
        return []
    store = dates_rules.STORE_DATE_LINE.match(doc.text)
    printed = store.group().split()[-1] if store else None
    ref = timex.reference_day(doc.reference_date() or printed)
    reading = Reading(
        doc,
        MentionIndex.of(doc.mentions),
        ref,
        _dateline_place(doc),
        organizations.Organizations(doc.text),
        store.end() if store else 0,
        ref.year if ref else timex.usual_year(doc.text),
    )
    if ref is None:
        reading.years = timex.year_mentions(doc.text)
    merged: list[Observation] = []
    cues = _CUES.by_sentence(doc.text, doc.sentences)
    for sent, words in zip(doc.sentences, cues, strict=True):
        budget.check()
        if not rules.CUE_WORDS.isdisjoint(words):
            for obs in _observations(sent, words, reading):
                meeting_merge.merge(merged, obs)
    month = (doc.metadata.dateline_date or doc.reference_date() or "")[:7]
    meeting_merge.place_at_dateline(merged, reading.dateline, month)
    meeting_merge.fill_from_dateline(
        merged, doc.metadata.dateline, doc.metadata.dateline_date or _lead_day(reading)
    )
    meeting_merge.fold_into_councils(merged)
    meeting_merge.fold_anaphoric(merged)
    meeting_merge.attend_main(merged)
    return [meeting_merge.item(obs) for obs in merged if obs.body is not None]


def _context_year(reading: Reading, sent: Sentence) -> int | None:
    """For a text without a reference date, the year a date in `sent` that
    leaves its year out is in: the last year its paragraph names before it
    ("In April 2007, ... Even before the summit convened on Aug. 16")."""
    if not reading.years:
        return None
    paragraph = reading.doc.text.rfind("\n", 0, sent.start) + 1
    before = [
        year for offset, year in reading.years if paragraph <= offset < sent.start
    ]
    return before[-1] if before else None


def _lead_day(reading: Reading) -> str | None:
    """The day the lead of a wire report gives, when its dateline prints none
    ("BISHKEK - Chinese Premier Wen Jiabao proposed Wednesday that ..."): the
    first full date in the sentence that opens with the dateline's city."""
    city = reading.doc.metadata.dateline
    if not city or reading.ref is None:
        return None
    name = folded(city)
    for sent in reading.doc.sentences[:_LEAD_SENTENCES]:
        if name in folded(sent.text[:_LEAD_REACH]):
            days = [
                d for d in timex.timexes(sent.text, reading.ref) if len(d.value) == 10
            ]
            return days[0].value if days else None
    return None


def _dateline_place(doc: CleanDocument) -> tuple[str | None, str | None]:
    city = doc.metadata.dateline
    if not city:
        return None, None
    state = next(
        (m.state for m in doc.mentions if m.kind == "city" and m.value == city), None
    )
    return city, state


def _observations(
    sent: Sentence, words: set[str], reading: Reading
) -> list[Observation]:
    lowered = folded(sent.text)
    phrases = _phrases(sent, lowered, words, reading)
    if not phrases:
        return []
    named = bool(reading.index.between(sent.start, sent.end, ("person", "office")))
    dates = timex.timexes(sent.text, reading.ref, year=_context_year(reading, sent))
    store: list[timex.Timex] = []
    if sent.start < reading.store_date:
        store = [d for d in dates if sent.start + d.start < reading.store_date]
        dates = [d for d in dates if d not in store]
    scope = Scope(
        sent,
        lowered,
        dates,
        video=[m.start() for m in rules.VIDEO.finditer(lowered)]
        if holds_any(lowered, rules.VIDEO_CUES)
        else [],
        in_person=named and bool(rules.IN_PERSON.search(lowered)),
        named=named,
        year=reading.year,
        phrases=phrases,
        store=store[0].value if store else None,
    )
    found = [_observe(scope, reading, phrase) for phrase in phrases]
    return [obs for obs in found if obs.body != kinds_rules.INDEFINITE]


def _phrases(
    sent: Sentence, lowered: str, words: set[str], reading: Reading
) -> list[tuple[str | None, int, int]]:
    """(body, start, end) of each phrase naming an SCO meeting, in text order; the
    first body pattern to claim a span decides, bare phrases ("the meeting") last.
    `words` are the cue words in the sentence: a pattern needs one of its own."""
    spans: list[tuple[str | None, int, int]] = []
    for body, cues, pattern in rules.BODIES:
        if cues.isdisjoint(words):
            continue
        for match in pattern.rule_for(lowered).finditer(lowered):
            if not any(s < match.end() and match.start() < e for _, s, e in spans):
                spans.append((body, match.start(), match.end()))
    kept = [span for span in spans if _is_sco_meeting(sent, lowered, span[1:], reading)]
    return sorted(kept, key=lambda span: span[1])


def _is_sco_meeting(
    sent: Sentence, lowered: str, span: tuple[int, int], reading: Reading
) -> bool:
    """Not a class of meetings ("all the summits"), not another organization's
    ("the BRICS summit", "a summit of the CSTO", "the summit" where the text
    speaks of the CSTO), not a bilateral one ("the China-Russia summit", and
    "the Wuhan summit" once the text has called it informal), not a meeting
    with others ("SCO leaders met with")."""
    text, (start, end) = sent.text, span
    phrase = lowered[start:end]
    if phrase.endswith(("summits", "meetings", "exercises", "drills")):
        return False
    if rules.GATHERED.search(phrase) and rules.MET_WITH.match(text[end:]):
        return False
    left = max(0, start - _LEFT)
    window = lowered[left:start]
    if rules.BLANKET_CUE.search(window) and rules.BLANKET.search(window):
        return False
    if rules.ORGAN.search(window) or (
        "council" in phrase
        and (rules.ORGAN_AFTER.match(text, end) or rules.ORGAN_DECISION.search(window))
    ):
        return False
    before = text[left:start]
    words = before.lower().replace("'s", "").replace("\u2019s", "").split()
    tail = " ".join(words[-3:])
    if rules.SCO.search(before[-25:]) or rules.SCO.search(text[start:end]):
        return True
    if words and words[-1] in reading.others:
        return False
    if not organizations_rules.UNOFFICIAL.isdisjoint(words[-2:]):
        if before.split()[-1][:1].isupper():  # "the informal Wuhan summit"
            reading.others.add(words[-1])
        return False
    if tail.endswith(organizations_rules.OTHER_ORGANIZATIONS) or organizations.of_other(
        text, end
    ):
        return False
    if reading.orgs.other_before(sent, sent.start + start):
        return False
    return rules.BILATERAL.search(before) is None


def _observe(
    scope: Scope, reading: Reading, phrase: tuple[str | None, int, int]
) -> Observation:
    body, start, end = phrase
    sent, text, lowered = scope.sent, scope.sent.text, scope.lowered
    left = max(0, start - _LEFT)
    right = clues.window_end(text, end)
    kind = _body(body, lowered[start:end])
    if kind == kinds_rules.INDEFINITE:
        kind = _context_body(reading.doc.text, sent, start)
    obs = Observation(kind, sent.start + start, sent.start + end, sent.start)
    obs.evidence.append([sent.start + start, sent.start + end])
    obs.number = _number(text, lowered, (start, end), right)
    obs.city, obs.country = clues.place(
        text, reading.index, sent.start, (start, end), right
    )
    starts = [other for _, other, _ in scope.phrases if other != start]
    obs.date = clues.date(text, (start, end), scope.dates, starts)
    if obs.body == "other":
        _name_other(obs, lowered[start:end])
    obs.bare_summit = rules.BARE_SUMMIT.match(lowered[start:end]) is not None
    window, after = lowered[left:start], text[end:right]
    _look_back_or_ahead(obs, window, scope.year)
    if _dated_by_store(obs, scope, start):
        obs.date, obs.weak_date = scope.store, True
    if obs.city is None and "here" in after and rules.HERE.search(after):
        obs.city, obs.country = reading.dateline
    obs.video = _video(scope, start)
    host = clues.host(text, reading.index, sent.start, start, end, right)
    if host is None and obs.video:
        host = clues.chair(text, reading.index, sent.start)
    if obs.country is None and host is not None and not obs.back:
        if host.kind == "city":
            obs.city, obs.country = host.value, host.state
        else:
            obs.country = host.value
    obs.in_person = scope.in_person and not obs.back
    obs.named = scope.named
    indefinite = body == kinds_rules.INDEFINITE
    if indefinite and obs.city is None and " of " not in text[start:end]:
        obs.body = kinds_rules.INDEFINITE  # "at a meeting in" needs a place: dropped
    return obs


def _number(text: str, lowered: str, span: tuple[int, int], right: int) -> int | None:
    """The ordinal before the phrase ("the 24th meeting of", "VI Conference"),
    else in it ("their third meeting")."""
    start, end = span
    return (
        clues.number(lowered[max(0, start - _NUMBER_LEFT) : start], text[end:right])
        or clues.roman(text[max(0, start - 10) : start])
        or clues.number(lowered[start:end], text[end:right])
    )


def _dated_by_store(obs: Observation, scope: Scope, start: int) -> bool:
    """The store's date line dates the first phrase of its sentence when the text
    gives that phrase no date, unless the sentence speaks of another time."""
    if obs.date is not None or scope.store is None or scope.phrases[0][1] != start:
        return False
    return not (obs.back or obs.ahead) and timex.tense(scope.sent.text) != "future"


def _look_back_or_ahead(obs: Observation, window: str, year: int | None) -> None:
    """Whether the text looks back at the meeting ("last year's summit", "the
    2009 summit", a meeting dated before the reference year) or ahead ("the
    next summit")."""
    if clues.looks_back(window, year):
        obs.back = True
        obs.strong_back = not rules.WEAK_BACK.search(window)
    if obs.date and year and int(obs.date[:4]) < year:
        obs.back = True
    obs.ahead = "next" in window and rules.NEXT.search(window) is not None
    if obs.date and year and int(obs.date[:4]) > year:
        obs.ahead = True


def _video(scope: Scope, start: int) -> bool:
    """A video cue in the sentence is the format of the phrase nearest to it."""
    for cue in scope.video:
        nearest = min(scope.phrases, key=lambda phrase: _distance(phrase, cue))
        if nearest[1] == start:
            return True
    return False


def _distance(phrase: tuple[str | None, int, int], at: int) -> int:
    _, start, end = phrase
    return start - at if at < start else max(0, at - end)


def _context_body(text: str, sent: Sentence, start: int) -> str | None:
    """The body of an indefinite meeting ("a meeting of the SCO in Bishkek. The
    heads of the member states ..."): the body cue nearest to the phrase in its
    sentence and the next; None (a bare phrase) without one."""
    window = folded(text[sent.start : sent.end + _CONTEXT_AFTER])
    found = [
        (abs(match.start() - start), body)
        for pattern, body in kinds_rules.CONTEXT_BODIES
        for match in pattern.finditer(window)
    ]
    return min(found)[1] if found else None


def _body(body: str | None, phrase: str) -> str | None:
    """ "Other" ministers who are foreign, defence or prime ministers meet in
    their council ("the meeting of the SCO member states' foreign ministers")."""
    if body != "other":
        return body
    if "minister" not in phrase:
        defence = "defen" in phrase and kinds_rules.DEFENCE_HEADS.search(phrase)
        return "defence-ministers" if defence else body
    for field_, council in kinds_rules.FIELD_BODIES:
        if field_.search(phrase):
            return council
    return body


def _name_other(obs: Observation, phrase: str) -> None:
    """What the phrase of an "other" meeting names it by: the words it is told
    apart by, in any order and without the SCO's name or the meeting noun ("the
    SCO Plus summit" is the SCO Plus meeting; "the Ministers of Transport of the
    SCO" are its transport ministers); whether it is a drill; the year a drill's
    name gives when the text gives it no date ("Peace Mission-2021")."""
    words = kinds_rules.NAME_WORD.findall(phrase)
    obs.name = frozenset(w for w in words if w not in kinds_rules.NAME_STOP_WORDS)
    obs.drill = kinds_rules.DRILL.search(phrase) is not None
    year = kinds_rules.NAME_YEAR.search(phrase)
    if obs.date is None and year is not None:
        obs.date = year.group(1)


def find_meetings(doc: CleanDocument) -> CleanDocument:
    doc.facts["meetings"] = meetings(doc)
    return doc


STAGE = Stage(
    name="meetings",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.meetings",),
    run=find_meetings,
)
