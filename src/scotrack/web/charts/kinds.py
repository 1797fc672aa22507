"""Every chart by name (#17): what `scotrack chart KIND` writes and the /charts
page shows, each built from one store read function and one drawing function,
so the file and the page are the same picture."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from scotrack.domain.meetings import Meeting
from scotrack.domain.vocab import CHART_KINDS, STATUSES
from scotrack.errors import InputError
from scotrack.store.read import chartdata, matrix, queries, timeline
from scotrack.store.read.dashboard import state_names
from scotrack.web import charts
from scotrack.web.charts import grids, months, network, worldmap

NEEDS_STATE = ("co-mentions",)
"""Kinds drawn for one state (`--state`)."""


@dataclass(frozen=True, slots=True)
class Options:
    on: date
    """The day statuses and compliance are taken on."""
    state: str | None = None
    """The state of a one-state chart (a code)."""
    listed: bool = True
    """The map's cities of several meetings link to a list printed under it."""


def membership(session: Session, options: Options) -> charts.Chart:
    """Each state's SCO status over time, up to `options.on`'s year or today."""
    overview = timeline.membership_overview(
        session, on=options.on, until=max(options.on, date.today())
    )
    lanes = [
        charts.Lane(
            t.name,
            f"/states/{t.code}",
            [
                charts.Span(s.start, s.end, s.status, f"{t.name}: {s.label}")
                for s in t.segments
            ],
        )
        for t in overview.timelines
    ]
    return charts.timeline(
        lanes,
        start=overview.start,
        end=overview.until,
        title="SCO status of each state over time",
        series=STATUSES,
    )


def summits(session: Session, options: Options) -> charts.Chart:
    return worldmap.summit_map(
        chartdata.host_cities(session),
        title=SUMMITS_TITLE,
        names=state_names(session),
        listed=options.listed,
    )


SUMMITS_TITLE = "Meetings of SCO bodies by host city"


@dataclass(frozen=True, slots=True)
class HostCityFigure:
    """The map of host cities and the list under it its circles link to."""

    chart: charts.Chart
    entries: tuple[tuple[chartdata.HostCity, str], ...]
    """Each city with the id of its entry in the list."""
    unplaced: tuple[str, ...]
    names: dict[str, str]


def host_city_figure(
    session: Session,
    meetings: Sequence[Meeting] | None = None,
    *,
    title: str = SUMMITS_TITLE,
) -> HostCityFigure:
    """The map of the host cities of `meetings` (default: every meeting)."""
    cities = (
        chartdata.host_cities(session)
        if meetings is None
        else chartdata.cities_of(meetings)
    )
    names = state_names(session)
    return HostCityFigure(
        worldmap.summit_map(cities, title=title, names=names),
        tuple((city, worldmap.city_anchor(city.name)) for city in cities),
        worldmap.unplaced(cities),
        names,
    )


def documents(session: Session, _options: Options) -> charts.Chart:
    return months.documents_and_claims(
        chartdata.documents_by_month(session),
        title="Documents by month published, and their claims by status",
    )


def months_figure(session: Session) -> charts.Chart | None:
    """The documents chart for the documents page (None without documents)."""
    found = chartdata.documents_by_month(session)
    if not found:
        return None
    return months.documents_and_claims(
        found, title="Every document by month published, and its claims by status"
    )


def compliance(session: Session, options: Options) -> charts.Chart:
    return grids.compliance_grid(
        chartdata.compliance_by_state_year(session, on=options.on),
        state_names(session),
        title=f"Commitments and mean compliance by state and year, "
        f"on {options.on.isoformat()}",
    )


def ratification(session: Session, options: Options) -> charts.Chart:
    from scotrack.web.agreements import short_name

    short = {a.id: short_name(a.title, a.aliases) for a in queries.agreements(session)}
    return grids.ratification_heat_map(
        matrix.ratification_matrix(session, on=options.on), short
    )


def co_mentions(session: Session, options: Options) -> charts.Chart:
    if options.state is None:
        raise InputError("--state: the co-mentions chart is of one state; give a code")
    return co_mention_figure(session, queries.state(session, options.state).code).chart


BUILDERS: dict[str, Callable[[Session, Options], charts.Chart]] = {
    "membership": membership,
    "summits": summits,
    "documents": documents,
    "compliance": compliance,
    "ratification": ratification,
    "co-mentions": co_mentions,
}


def chart(session: Session, kind: str, options: Options) -> charts.Chart:
    """The chart called `kind` (one of CHART_KINDS); InputError for another name."""
    builder = BUILDERS.get(kind)
    if builder is None:
        known = ", ".join(CHART_KINDS)
        raise InputError(f"chart {kind!r} is not known; choose one of {known}")
    return builder(session, options)


@dataclass(frozen=True, slots=True)
class CoMentionFigure:
    chart: charts.Chart
    documents: int
    """How many documents name the state (0: the page says so, no chart)."""


def co_mention_figure(session: Session, code: str) -> CoMentionFigure:
    """The co-mention network of the state `code` for its page."""
    found = chartdata.co_mentions(session, code)
    name = found.names.get(found.state, found.state)
    return CoMentionFigure(
        network.co_mention_network(
            found,
            title=f"States named in the same documents as {name} "
            f"({found.documents} documents)",
        ),
        found.documents,
    )
