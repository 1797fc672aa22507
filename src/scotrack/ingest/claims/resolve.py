"""Entity resolution: which known entity a claim is about, from candidate lists.

`candidates(claim, catalogue)` scores the catalogue's entities of the claim's kind
(0-100, with the reasons behind each score) and proposes `link` (one candidate is
good enough and clearly best), `ambiguous` (two or more close candidates) or `new`
(nothing good enough: propose a new entity). No database: the caller builds the
`Catalogue` (`catalogue_from_baseline` for the shipped baseline). `GroupIndex.join` in
`scotrack.ingest.claims.group_index` groups claims that are about the same entity.

Rules per kind:

- meeting: same body required; then the date (the claim's partial date contains
  or lies within the meeting's start..end, or shares its year and month), the city
  (names and aliases: Nur-Sultan = Astana) and the number; a date that excludes
  the meeting rules it out; a claim that fits exactly one meeting gets a bonus, so
  "body + year" resolves when one meeting of that body was held in that year.
- agreement: the title against each title and alias (`name_similarity`).
- project: the name (token-set similarity >= 75 to be a candidate), plus a bonus
  for shared countries.
- membership: the state by code, then the status interval the event starts
  (`joined` starts `member`, ...) or ends (`left` ends `member`).
- commitment: earlier commitments of the same actor with a similar text (partial
  similarity >= 85), since many articles report the same pledge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scotrack.domain.dates import PartialDate, Precision, parse_optional
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.states import State, StateIndex
from scotrack.domain.vocab import MEETING_BODIES, ClaimKind, Status
from scotrack.ingest.claims import names
from scotrack.ingest.claims.catalogue import (
    Candidate,
    Catalogue,
    Proposal,
    Resolution,
    catalogue_from_baseline,
    interval_id,
    interval_label,
)
from scotrack.ingest.claims.claim import ExtractedClaim

__all__ = [
    "Candidate",
    "Catalogue",
    "Resolution",
    "candidates",
    "catalogue_from_baseline",
    "interval_id",
    "proposal",
]

# Thresholds. Scores are 0-100; a candidate below its kind's floor is not listed.

LINK_THRESHOLD: dict[ClaimKind, int] = {
    # body + one more fact that singles the meeting out (the only summit of 2017,
    # the only summit in Ufa, the 22nd) reaches 70; body + city alone (50) does not,
    # since Astana hosted four summits
    "meeting": 70,
    # the scorer matches titles at token-set 80; a linked claim changes the agreement
    # record, so a paraphrase under 80 is left to the reviewer
    "agreement": 80,
    # names of distinct projects share most words ("China-Kyrgyzstan-Uzbekistan
    # railway" / "... highway"): link only near-equal names
    "project": 85,
    # partial similarity is 100 for any text inside another: ask for more than the
    # 85 that makes a candidate before merging two pledges
    "commitment": 90,
    # state + event + a compatible (or unstated) date
    "membership": 70,
}
CANDIDATE_FLOOR: dict[ClaimKind, int] = {
    # body + year (45) is listed: two meetings of one body in one year are ambiguous,
    # not new
    "meeting": 40,
    # unrelated titles sharing "SCO agreement on" score about 50
    "agreement": 60,
    # gated on token-set >= 75 and partial >= 85 instead (PROJECT_NAME_GATE,
    # COMMITMENT_TEXT_GATE); a penalty may take the score lower, still listed
    "project": 0,
    "commitment": 0,
    # a contradicted date (35) is listed: the reviewer sees the interval it clashes with
    "membership": 30,
}
AMBIGUITY_MARGIN = 10
"""A runner-up this close to the best makes the claim ambiguous: fuzzy scores and
date points move by more than a few points on wording alone."""

PROJECT_NAME_GATE = 75
"""Token-set similarity for a project to be a candidate: the scorer's match rule."""
COMMITMENT_TEXT_GATE = 85
"""Partial similarity for a commitment to be a candidate: above the scorer's 70,
because one actor makes many commitments worded alike ("deepen cooperation in")."""
COUNTRY_BONUS = 10
"""Up to 10 points for shared project countries (Jaccard): support, never decisive."""

# meeting points: body 10 + date <= 50 + city 40 + number 40 + only-fit 25, max 100
MEETING_BODY_POINTS = 10
MEETING_DATE_POINTS = {"day": 50, "month": 45, "year": 35}
"""By the coarser precision of the two dates: a year says less than a day."""
MEETING_SAME_MONTH_POINTS = 40
"""Same year and month without containment (2017-12 vs 2017-11-30..12-01)."""
MEETING_CITY_POINTS = 40
MEETING_NUMBER_POINTS = 40
MEETING_MISMATCH_POINTS = -30
"""A different city or number: likely another meeting, or an extraction slip."""
MEETING_ONLY_FIT_POINTS = 25
"""The claim fits exactly one meeting of its body (no clash, something matched)."""

# membership points
MEMBERSHIP_EVENT_POINTS = 60
MEMBERSHIP_DATE_POINTS = 40
MEMBERSHIP_NO_DATE_POINTS = 20
MEMBERSHIP_OPEN_END_POINTS = 10
"""`left` against an interval with no end yet: the claim would end it."""
MEMBERSHIP_CLASH_SCORE = 35
"""A date the interval contradicts: listed (floor 30) for the reviewer, never linked."""

EVENT_STARTS: dict[str, Status] = {
    "joined": "member",
    "applied": "applicant",
    "observer": "observer",
    "dialogue-partner": "dialogue-partner",
}
EVENT_ENDS: dict[str, Status] = {"left": "member"}
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")


def candidates(claim: ExtractedClaim, catalogue: Catalogue) -> Resolution:
    """The catalogue's entities `claim` may be about, best first, and a proposal."""
    floor = CANDIDATE_FLOOR[claim.kind]
    scored = [c for c in SCORERS[claim.kind](claim, catalogue) if c.score >= floor]
    ranked = tuple(sorted(scored, key=lambda c: (-c.score, c.entity_id)))
    return Resolution(ranked, proposal(ranked, threshold=LINK_THRESHOLD[claim.kind]))


def proposal(ranked: Sequence[Candidate], *, threshold: int) -> Proposal:
    """`ambiguous` if the runner-up is within the margin, else `link` at threshold."""
    if not ranked:
        return "new"
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < AMBIGUITY_MARGIN:
        return "ambiguous"
    return "link" if ranked[0].score >= threshold else "new"


# agreements, projects: names


def _agreement_candidates(
    claim: ExtractedClaim, catalogue: Catalogue
) -> list[Candidate]:
    title = str(claim.payload["title"])
    found = []
    for agreement in catalogue.agreements:
        named = [("title", agreement.title), *(("alias", a) for a in agreement.aliases)]
        scored = [
            (
                names.name_similarity(title, n),
                names.surface_similarity(title, n),
                label,
                n,
            )
            for label, n in named
        ]
        (score, note), _, label, name = max(scored, key=lambda s: (s[0][0], s[1]))
        reasons = (f"{label} {name!r} {score}", *([note] if note else []))
        found.append(
            Candidate("agreement", agreement.id, agreement.title, score, reasons)
        )
    return found


def _project_candidates(claim: ExtractedClaim, catalogue: Catalogue) -> list[Candidate]:
    name = str(claim.payload["name"])
    countries = set(claim.payload.get("countries") or ())
    found = []
    for project in catalogue.projects:
        if names.token_set_similarity(name, project.name) < PROJECT_NAME_GATE:
            continue
        score, note = names.name_similarity(name, project.name)
        reasons = [f"name {project.name!r} {score}", *([note] if note else [])]
        shared = countries & set(project.countries)
        if shared:
            bonus = round(
                COUNTRY_BONUS * len(shared) / len(countries | set(project.countries))
            )
            score = min(100, score + bonus)
            reasons.append(f"countries {', '.join(sorted(shared))} shared +{bonus}")
        found.append(
            Candidate("project", project.id, project.name, score, tuple(reasons))
        )
    return found


# commitments


def _commitment_candidates(
    claim: ExtractedClaim, catalogue: Catalogue
) -> list[Candidate]:
    actor, text = claim.payload["actor"], str(claim.payload["text"])
    published = parse_optional(claim.published)
    found = []
    for commitment in catalogue.commitments:
        if commitment.actor != actor or _later(commitment.made_on, published):
            continue
        similarity = names.text_similarity(text, commitment.text)
        if similarity < COMMITMENT_TEXT_GATE:
            continue
        score, reasons = similarity, [f"actor {actor}", f"text {similarity}"]
        numbers, known = names.numbers(text), names.numbers(commitment.text)
        if numbers and known and numbers != known:
            score -= names.WORD_CLASH_PENALTY
            reasons.append(
                f"numbers {', '.join(sorted(numbers))} vs {', '.join(sorted(known))}"
                f" -{names.WORD_CLASH_PENALTY}"
            )
        same = "same" if commitment.kind == claim.payload["kind"] else "other"
        reasons.append(f"{same} kind {commitment.kind}")
        label = f"{commitment.actor}: {_shortened(commitment.text)}"
        found.append(
            Candidate("commitment", commitment.id, label, score, tuple(reasons))
        )
    return found


def _later(made_on: PartialDate | None, published: PartialDate | None) -> bool:
    """Was the commitment certainly made after the document was published?"""
    if made_on is None or published is None:
        return False
    return made_on.first_day() > published.last_day()


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# membership


def _membership_candidates(
    claim: ExtractedClaim, catalogue: Catalogue
) -> list[Candidate]:
    code, event = str(claim.payload["state"]), str(claim.payload["event"])
    if catalogue.states and _state(catalogue.states, code) is None:
        return []
    when = parse_optional(claim.payload.get("date"))
    found = []
    for interval in catalogue.membership:
        scored = (
            _interval_points(event, when, interval) if interval.state == code else None
        )
        if scored is not None:
            score, reasons = scored
            label = interval_label(interval)
            found.append(
                Candidate(
                    "status-interval", interval_id(interval), label, score, reasons
                )
            )
    return found


def _interval_points(
    event: str, when: PartialDate | None, interval: StatusInterval
) -> tuple[int, tuple[str, ...]] | None:
    """Score and reasons if `event` would start or end `interval`, else None."""
    starts = EVENT_STARTS.get(event) == interval.status
    if not starts and EVENT_ENDS.get(event) != interval.status:
        return None
    edge, far = (
        (interval.start, interval.end) if starts else (interval.end, interval.start)
    )
    verb = "starts" if starts else "ends"
    head = (f"state {interval.state}", f"{event} {verb} the {interval.status} interval")
    if when is not None and far is not None and _beyond(when, far, after=starts):
        side = "after its end" if starts else "before its start"
        return MEMBERSHIP_CLASH_SCORE, (*head, f"date {when} is {side} {far}")
    if edge is None and not starts:
        note = "the interval has no end yet: the claim would end it"
        return MEMBERSHIP_EVENT_POINTS + MEMBERSHIP_OPEN_END_POINTS, (*head, note)
    if when is None or edge is None:
        note = "date unknown on one side"
        return MEMBERSHIP_EVENT_POINTS + MEMBERSHIP_NO_DATE_POINTS, (*head, note)
    if _compatible(when, edge):
        note = f"date {when} matches {edge}"
        return MEMBERSHIP_EVENT_POINTS + MEMBERSHIP_DATE_POINTS, (*head, note)
    return MEMBERSHIP_CLASH_SCORE, (*head, f"date {when} clashes with {edge}")


def _beyond(when: PartialDate, edge: PartialDate, *, after: bool) -> bool:
    """Is `when` certainly after (or, with after=False, before) `edge`?"""
    if after:
        return when.first_day() > edge.last_day()
    return when.last_day() < edge.first_day()


def _state(states: StateIndex | Sequence[State], code: str) -> State | None:
    if isinstance(states, StateIndex):
        return states.get(code)
    return next((state for state in states if state.code == code.upper()), None)


def _compatible(one: PartialDate, other: PartialDate) -> bool:
    """Could the two partial dates name the same day? (one contains the other)"""
    return one.contains(other) or other.contains(one)


# meetings


def _meeting_candidates(claim: ExtractedClaim, catalogue: Catalogue) -> list[Candidate]:
    """Meetings of the claim's body that its date allows, by date, city and number."""
    body = str(claim.payload["body"])
    when = parse_optional(claim.payload.get("date"))
    bodies = {known.code: known for known in catalogue.bodies}
    cities = names.city_keys(catalogue.cities)
    fitting = []
    for meeting in catalogue.meetings:
        if _schema_body(meeting.body, bodies) != body:
            continue
        parts = _meeting_parts(claim, meeting, when, cities)
        if parts is not None:
            fitting.append((meeting, parts))
    only = [m for m, parts in fitting if parts and all(p > 0 for p, _ in parts)]
    found = []
    for meeting, parts in fitting:
        points = [(MEETING_BODY_POINTS, f"body {body}"), *parts]
        if only == [meeting]:
            points.append(
                (MEETING_ONLY_FIT_POINTS, f"the only {body} meeting that fits")
            )
        score = max(0, min(100, sum(p for p, _ in points)))
        reasons = tuple(f"{reason} {p:+d}" for p, reason in points)
        label = meeting.title(bodies)
        found.append(Candidate("meeting", meeting.id, label, score, reasons))
    return found


def _meeting_parts(
    claim: ExtractedClaim,
    meeting: Meeting,
    when: PartialDate | None,
    cities: dict[str, str],
) -> list[tuple[int, str]] | None:
    """Points for each fact both sides know; None when the dates rule it out."""
    parts = []
    if when is not None and meeting.start_date is not None:
        dated = _date_points(when, meeting.start_date, meeting.end_date)
        if dated is None:
            return None
        parts.append(dated)
    city = claim.payload.get("city")
    if city and meeting.city:
        if names.city_key(city, cities) == names.city_key(meeting.city, cities):
            parts.append((MEETING_CITY_POINTS, f"city {city} = {meeting.city}"))
        else:
            parts.append((MEETING_MISMATCH_POINTS, f"city {city} != {meeting.city}"))
    number = claim.payload.get("number")
    if number is not None and meeting.number is not None:
        if number == meeting.number:
            parts.append((MEETING_NUMBER_POINTS, f"number {number}"))
        else:
            parts.append(
                (MEETING_MISMATCH_POINTS, f"number {number} != {meeting.number}")
            )
    return parts


def _date_points(
    when: PartialDate, start: PartialDate, end: PartialDate | None
) -> tuple[int, str] | None:
    """Points for a date that contains, lies within or shares a month with the span."""
    end = end or start
    span = str(start) if end == start else f"{start}..{end}"
    within = start.first_day() <= when.first_day() and when.last_day() <= end.last_day()
    if within or (when.contains(start) and when.contains(end)):
        coarser = min(
            PRECISIONS.index(when.precision), PRECISIONS.index(start.precision)
        )
        return MEETING_DATE_POINTS[PRECISIONS[coarser]], f"date {when} fits {span}"
    months = {(d.year, d.month) for d in (start, end) if d.month is not None}
    if when.month is not None and (when.year, when.month) in months:
        return MEETING_SAME_MONTH_POINTS, f"date {when} in a month of {span}"
    return None


def _schema_body(code: str, bodies: dict[str, Body]) -> str:
    """A meeting's body code as sco-extract/1 names it (most bodies are `other`)."""
    if code in bodies:
        return bodies[code].schema_body
    return code if code in MEETING_BODIES else "other"


SCORERS: dict[ClaimKind, Callable[[ExtractedClaim, Catalogue], list[Candidate]]] = {
    "meeting": _meeting_candidates,
    "agreement": _agreement_candidates,
    "project": _project_candidates,
    "commitment": _commitment_candidates,
    "membership": _membership_candidates,
}
