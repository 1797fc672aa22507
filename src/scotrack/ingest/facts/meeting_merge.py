"""Observations of meetings and how they merge into one entry per meeting
(facts/meetings.py).

A phrase with nothing of its own ("the summit") joins the meeting the text is
speaking of; others join a compatible meeting or start a new one. A bare
"summit" in a report on a heads-of-government meeting is that meeting; a past
meeting referred to without a place or date ("last year's summit") is another
meeting than the one reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scotrack.ingest.document import Item

HEADS_OF_STATE = "heads-of-state"
HEADS_OF_GOVERNMENT = "heads-of-government"
FOREIGN_MINISTERS = "foreign-ministers"
DEFENCE_MINISTERS = "defence-ministers"
OTHER = "other"
MINISTERS = frozenset(["ministers", "ministerial"])
"""The words of an "other" meeting's name that say only that ministers meet."""


@dataclass(slots=True)
class Observation:
    """What one meeting phrase and its neighbourhood say."""

    body: str | None
    start: int
    end: int
    sentence: int = -1
    """The start of the phrase's sentence (document offset)."""
    number: int | None = None
    city: str | None = None
    country: str | None = None
    date: str | None = None
    weak_date: bool = False
    """The date is the page's, not one the text gives the meeting."""
    video: bool = False
    in_person: bool = False
    named: bool = False
    """A person or office is named in a sentence speaking of the meeting."""
    back: bool = False
    strong_back: bool = False
    """Looked back at by a marker that names another meeting ("last year's")."""
    ahead: bool = False
    bare_summit: bool = False
    """The phrase is the word "summit" alone."""
    name: frozenset[str] | None = None
    """The words an "other" meeting is told apart by (facts/meetings.py)."""
    drill: bool = False
    evidence: list[list[int]] = field(default_factory=list)

    def anaphoric(self) -> bool:
        return self.city is None and self.date is None and self.number is None


def merge(merged: list[Observation], obs: Observation) -> None:
    """Add `obs` to the meetings found so far: to the one it speaks of, or as a
    new one (a phrase without a body never starts a meeting)."""
    target = _target(merged, obs)
    if target is None:
        if obs.body is not None:
            merged.append(obs)
        return
    _join(target, obs)
    merged.remove(target)
    merged.append(target)


def _join(target: Observation, obs: Observation) -> None:
    """What `obs` says of the meeting `target`, added to it."""
    target.city = target.city or obs.city
    target.country = target.country or obs.country
    target.number = target.number or obs.number
    if target.name is not None and obs.name is not None:
        target.name |= obs.name
    if obs.date and (
        not target.date
        or (target.weak_date and not obs.weak_date)
        or (len(obs.date) > len(target.date) and obs.weak_date == target.weak_date)
    ):
        target.date, target.weak_date = obs.date, obs.weak_date
    target.video = target.video or obs.video
    target.in_person = target.in_person or obs.in_person
    target.named = target.named or obs.named
    target.sentence = obs.sentence
    target.bare_summit = target.bare_summit and obs.bare_summit
    target.evidence.extend(obs.evidence)


def _target(merged: list[Observation], obs: Observation) -> Observation | None:
    if obs.body is None:
        if not merged:
            return None
        last = merged[-1]
        if not (last.back or obs.back) and _compatible(last, obs):
            return last
        if last.back and not obs.back:  # "the 2018 summit's site. The meeting ..."
            current = [m for m in merged if not (m.back or m.ahead)]
            if current and _compatible(current[-1], obs):
                return current[-1]
        if obs.number and (obs.city or obs.date) and not _compatible(last, obs):
            obs.body, obs.name = last.body, last.name  # "the third meeting, in Bishkek"
        return None
    if _same_sentence(merged, obs):
        return merged[-1]
    if _summit_of_governments(merged, obs):
        obs.body = HEADS_OF_GOVERNMENT
    alike = [
        m
        for m in merged
        if m.body == obs.body and same_name(m.name, obs.name) and _compatible(m, obs)
    ]
    if obs.anaphoric():
        return _antecedent(alike, obs)
    numbered = [m for m in alike if obs.number and m.number == obs.number]
    if numbered:  # "the 25th summit" is one meeting, whenever it is said to be
        return numbered[-1]
    same = [m for m in alike if m.ahead == obs.ahead]
    if not same:
        return None
    for meeting in reversed(same):
        if (obs.city and meeting.city == obs.city) or (
            obs.date and meeting.date == obs.date
        ):
            return meeting
    open_ = [m for m in same if m.back == obs.back]
    return open_[-1] if open_ else None


def _antecedent(alike: list[Observation], obs: Observation) -> Observation | None:
    """The meeting a phrase with nothing of its own speaks of: the last one
    looked back at for "last year's summit", else the last current one (ahead
    as the phrase is, if any), else the last."""
    if obs.strong_back:
        earlier = [m for m in alike if m.back]
        return earlier[-1] if earlier else None
    current = [m for m in alike if not m.back]
    timely = [m for m in current if m.ahead == obs.ahead]
    found = timely or current or alike
    return found[-1] if found else None


def _same_sentence(merged: list[Observation], obs: Observation) -> bool:
    """ "The Tianjin summit will serve as the next meeting of the Council of
    Heads of State": a phrase with nothing of its own, in the sentence of the
    meeting last spoken of and of its body, names it again."""
    if not merged or obs.strong_back or not obs.anaphoric():
        return False
    last = merged[-1]
    return last.sentence == obs.sentence and last.body == obs.body


def _summit_of_governments(merged: list[Observation], obs: Observation) -> bool:
    """A bare "the summit" where the text has so far spoken only of a meeting
    of the heads of government (and of no summit) is that meeting."""
    if not (obs.bare_summit and obs.anaphoric() and not obs.back):
        return False
    bodies = {m.body for m in merged}
    return HEADS_OF_GOVERNMENT in bodies and HEADS_OF_STATE not in bodies


def same_name(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    """Whether two "other" meetings' names may name one meeting: the words of
    one hold the other's ("the SCO ministers' meeting" is the transport
    ministers' meeting; "the Security Council Secretaries" are the "National
    Security Council Secretaries")."""
    if a is None or b is None:
        return a is b
    return a <= b or b <= a or len(a & b) >= 2


def fold_into_councils(merged: list[Observation]) -> None:
    """A meeting named only by a word that may be another's is that meeting:
    "the SCO summit" of a report on the Council of Heads of Government held in
    the same city ("SCO summit in Tashkent. Heads of Government sign ..."),
    and "the SCO ministers' meeting" of the one ministers' meeting the text
    names ("the Council of Foreign Ministers")."""
    for obs in list(merged):
        found = [m for m in merged if m is not obs and _is_named_by(m, obs)]
        if len(found) == 1:
            _join(found[0], obs)
            found[0].evidence.sort()
            merged.remove(obs)


def fold_anaphoric(merged: list[Observation]) -> None:
    """A meeting the text names without a place, date or number ("Kazakhstan to
    host SCO Ministerial Council meeting") is the one meeting of its body it
    places or dates, when it looks neither back nor ahead of it."""
    for obs in list(merged):
        if not obs.anaphoric() or obs.back or obs.ahead or obs.body == OTHER:
            continue
        found = [
            m
            for m in merged
            if m is not obs and m.body == obs.body and not m.anaphoric() and not m.back
        ]
        if len(found) == 1:
            _join(found[0], obs)
            found[0].evidence.sort()
            merged.remove(obs)


def _is_named_by(meeting: Observation, obs: Observation) -> bool:
    if obs.back or obs.ahead or meeting.back or meeting.ahead:
        return False
    if not _compatible(meeting, obs):
        return False
    if obs.body == HEADS_OF_STATE and obs.bare_summit:
        return (
            meeting.body == HEADS_OF_GOVERNMENT
            and bool(obs.city)
            and (meeting.city == obs.city)
        )
    if obs.body != OTHER or obs.number or obs.name is None or obs.name - MINISTERS:
        return False
    if meeting.body == OTHER:
        return meeting.name is not None and bool(meeting.name & MINISTERS)
    return meeting.body in (FOREIGN_MINISTERS, DEFENCE_MINISTERS)


def _compatible(a: Observation, b: Observation) -> bool:
    if a.city and b.city and a.city != b.city:
        return False
    if a.number and b.number and a.number != b.number:
        return False
    if a.date and b.date:
        short = min(len(a.date), len(b.date), 7)
        return a.date[:short] == b.date[:short]
    return True


def place_at_dateline(
    merged: list[Observation],
    dateline: tuple[str | None, str | None],
    month: str,
) -> None:
    """A wire report datelined in a city reports its main meeting from there: the
    first meeting neither looked back at nor ahead to, if it has no place, is not
    held by video and is dated (if at all) in `month` (the report's), is in that
    city, unless another meeting already is."""
    city, state = dateline
    if not city or any(obs.city == city for obs in merged):
        return
    for obs in merged:
        if obs.body is None or obs.back or obs.ahead or obs.drill:
            continue
        fits = obs.date is None or obs.date[:7] == month
        if obs.city is None and not obs.video and fits:
            obs.city, obs.country = city, state or obs.country
        return


def fill_from_dateline(
    merged: list[Observation], dateline: str | None, day: str | None
) -> None:
    """A wire report's meeting in the dateline city takes the dateline's date."""
    if not dateline or not day:
        return
    for obs in merged:
        if obs.city == dateline and obs.date is None and not obs.back:
            obs.date = day


def attend_main(merged: list[Observation]) -> None:
    """The meeting a report is about, when the text places it in a city and
    does not say it is held by video, is attended in person: reports of it name
    who came (NOTES.md: a named participant at the meeting in its host city)."""
    current = [m for m in merged if not (m.back or m.ahead) and m.evidence]
    if not current:
        return
    main = min(current, key=lambda m: m.evidence[0][0])
    if main.city is not None and main.named and not main.video:
        main.in_person = True


def item(obs: Observation) -> Item:
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
