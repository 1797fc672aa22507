"""Load the shipped baseline and other curated records into the database, idempotently.

Each record is upserted by its natural id (a code, an id, or for rows without one a
natural key such as state + status + start date), so loading the same records twice
changes nothing the second time. A record's parts (aliases, parties, participants,
declarations, assessments, lifecycle steps) are made equal to the record's, which may
delete parts the record no longer has; whole records are never deleted. The caller
owns the transaction: these functions flush but do not commit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack import __version__
from scotrack.data import Baseline, City, read_baseline
from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.membership import StatusInterval
from scotrack.domain.projects import Initiative, Project
from scotrack.domain.sources import Source
from scotrack.domain.states import State
from scotrack.store import history, models, rows
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.rows import Values
from scotrack.store.schema import database_revision, upgrade_database

Row = TypeVar("Row", bound=models.Base)


class TableCounts(NamedTuple):
    """What a load did to one table's rows."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0


@dataclass(frozen=True, slots=True)
class LoadReport:
    """Rows inserted, updated, left unchanged and deleted, by table."""

    counts: Mapping[str, TableCounts] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(c.inserted or c.updated or c.deleted for c in self.counts.values())

    def total(
        self, what: Literal["inserted", "updated", "unchanged", "deleted"]
    ) -> int:
        """The number of rows `what` over all tables."""
        return sum(getattr(counts, what) for counts in self.counts.values())


@dataclass(frozen=True, slots=True)
class InitReport:
    """The outcome of `init_knowledge_base`: where, at which revision, what changed."""

    url: str
    revision: str | None
    counts: Mapping[str, TableCounts]


def init_knowledge_base(url: str, *, actor: str = "scotrack init") -> InitReport:
    """Create or upgrade the database at `url` and load the shipped baseline.

    Idempotent: on an up-to-date database it changes nothing. Every fact the load
    creates or changes is recorded in the change log (action `baseline`, by
    `actor`). The URL in the report has any password masked.
    """
    engine = make_engine(url)
    try:
        upgrade_database(engine)
        with session_factory(engine, write=True).begin() as session:
            before = history.tracked_snapshots(session)
            report = load_baseline(session, read_baseline())
            recorder = history.Recorder(
                session, actor, "baseline", reason=f"shipped baseline {__version__}"
            )
            history.record_differences(
                recorder, before, history.tracked_snapshots(session)
            )
        revision = database_revision(engine)
    finally:
        engine.dispose()
    shown = engine.url.render_as_string(hide_password=True)
    return InitReport(shown, revision, report.counts)


def load_baseline(session: Session, baseline: Baseline) -> LoadReport:
    """Upsert every baseline record; returns what changed.

    Steps, in foreign-key order, flushing after each: sources, states (names,
    adjectives), bodies, cities, initiatives, status intervals, meetings (and
    participants), agreements (aliases, parties, declarations).
    """
    loader = _Loader(session)
    loader.sources(baseline.sources)
    loader.states(baseline.states)
    loader.bodies(baseline.bodies)
    loader.cities(baseline.cities)
    loader.initiatives(baseline.initiatives)
    loader.membership(baseline.membership)
    loader.meetings(baseline.meetings)
    loader.agreements(baseline.agreements)
    return loader.report()


def load_commitments(session: Session, commitments: Iterable[Commitment]) -> LoadReport:
    """Upsert commitments and their assessments (their meetings must be loaded)."""
    loader = _Loader(session)
    loader.commitments(commitments)
    return loader.report()


def load_projects(session: Session, projects: Iterable[Project]) -> LoadReport:
    """Upsert projects, their countries and lifecycle steps."""
    loader = _Loader(session)
    loader.projects(projects)
    return loader.report()


class _Loader:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.inserted: Counter[str] = Counter()
        self.updated: Counter[str] = Counter()
        self.unchanged: Counter[str] = Counter()
        self.deleted: Counter[str] = Counter()

    def report(self) -> LoadReport:
        tables = sorted({*self.inserted, *self.updated, *self.unchanged, *self.deleted})
        return LoadReport(
            {
                table: TableCounts(
                    self.inserted[table],
                    self.updated[table],
                    self.unchanged[table],
                    self.deleted[table],
                )
                for table in tables
            }
        )

    def sources(self, sources: Iterable[Source]) -> None:
        existing = self._existing(models.Source, lambda r: r.id)
        for source in sources:
            self._upsert(existing, source.id, models.Source, rows.source_values(source))
        self.session.flush()

    def states(self, states: Iterable[State]) -> None:
        existing = self._existing(models.State, lambda r: r.id)
        for state in states:
            row = self._upsert(
                existing, state.code, models.State, rows.state_values(state)
            )
            aliases = [{"kind": "name", "alias": a} for a in state.aliases]
            aliases += [{"kind": "adjective", "alias": a} for a in state.adjectives]
            self._children(row.aliases, models.StateAlias, aliases, ("kind", "alias"))
        self.session.flush()

    def bodies(self, bodies: Iterable[Body]) -> None:
        existing = self._existing(models.Body, lambda r: r.id)
        for body in bodies:
            row = self._upsert(existing, body.code, models.Body, rows.body_values(body))
            aliases = [{"alias": alias} for alias in body.aliases]
            self._children(row.aliases, models.BodyAlias, aliases, ("alias",))
        self.session.flush()

    def cities(self, cities: Iterable[City]) -> None:
        existing = self._existing(models.City, lambda r: (r.state_id, r.name))
        for city in cities:
            values = {"state_id": city.state, "name": city.name}
            row = self._upsert(existing, (city.state, city.name), models.City, values)
            aliases = [{"alias": alias} for alias in city.aliases]
            self._children(row.aliases, models.CityAlias, aliases, ("alias",))
        self.session.flush()

    def initiatives(self, initiatives: Iterable[Initiative]) -> None:
        existing = self._existing(models.Initiative, lambda r: r.id)
        for initiative in initiatives:
            values = rows.initiative_values(initiative)
            row = self._upsert(existing, initiative.code, models.Initiative, values)
            aliases = [{"alias": alias} for alias in initiative.aliases]
            self._children(row.aliases, models.InitiativeAlias, aliases, ("alias",))
        self.session.flush()

    def membership(self, intervals: Iterable[StatusInterval]) -> None:
        def key(row: models.StatusInterval) -> Hashable:
            return (row.state_id, row.status, row.start_date)

        existing = self._existing(models.StatusInterval, key)
        for interval in intervals:
            values = rows.interval_values(interval)
            natural = (values["state_id"], values["status"], values["start_date"])
            self._upsert(existing, natural, models.StatusInterval, values)
        self.session.flush()

    def meetings(self, meetings: Iterable[Meeting]) -> None:
        existing = self._existing(models.Meeting, lambda r: r.id)
        for meeting in meetings:
            values = rows.meeting_values(meeting)
            row = self._upsert(existing, meeting.id, models.Meeting, values)
            participants = [{"state_id": code} for code in meeting.participants]
            self._children(
                row.participants, models.MeetingParticipant, participants, ("state_id",)
            )
        self.session.flush()

    def agreements(self, agreements: Iterable[Agreement]) -> None:
        existing = self._existing(models.Agreement, lambda r: r.id)
        for agreement in agreements:
            values = rows.agreement_values(agreement)
            row = self._upsert(existing, agreement.id, models.Agreement, values)
            aliases = [{"alias": alias} for alias in agreement.aliases]
            self._children(row.aliases, models.AgreementAlias, aliases, ("alias",))
            parties = [rows.party_values(p) for p in agreement.parties]
            self._children(row.parties, models.AgreementParty, parties, ("state_id",))
            declarations = [rows.declaration_values(d) for d in agreement.declarations]
            self._children(row.declarations, models.Declaration, declarations, ())
        self.session.flush()

    def commitments(self, commitments: Iterable[Commitment]) -> None:
        existing = self._existing(models.Commitment, lambda r: r.id)
        for commitment in commitments:
            values = rows.commitment_values(commitment)
            row = self._upsert(existing, commitment.id, models.Commitment, values)
            assessments = [rows.assessment_values(a) for a in commitment.assessments]
            self._children(row.assessments, models.Assessment, assessments, ())
        self.session.flush()

    def projects(self, projects: Iterable[Project]) -> None:
        existing = self._existing(models.Project, lambda r: r.id)
        for project in projects:
            values = rows.project_values(project)
            row = self._upsert(existing, project.id, models.Project, values)
            countries = [{"state_id": code} for code in project.countries]
            self._children(
                row.countries, models.ProjectCountry, countries, ("state_id",)
            )
            steps = [rows.project_status_values(step) for step in project.history]
            self._children(row.statuses, models.ProjectStatus, steps, ())
        self.session.flush()

    def _existing(
        self, model: type[Row], key: Callable[[Row], Hashable]
    ) -> dict[Hashable, Row]:
        return {key(row): row for row in self.session.scalars(select(model))}

    def _upsert(
        self,
        existing: dict[Hashable, Row],
        key: Hashable,
        model: type[Row],
        values: Values,
    ) -> Row:
        row = existing.get(key)
        if row is None:
            row = model(**values)
            self.session.add(row)
            existing[key] = row
            self.inserted[model.__tablename__] += 1
        else:
            self._update(row, values)
        return row

    def _children(
        self,
        current: list[Row],
        model: type[Row],
        items: Sequence[Values],
        key_fields: tuple[str, ...],
    ) -> None:
        """Make the list `current` hold one row per item, in order.

        Rows are matched by `key_fields` (by position when there are none).
        """
        table = model.__tablename__
        fields = key_fields or ("position",)
        by_key = {tuple(getattr(r, f) for f in fields): r for r in current}
        wanted: set[Hashable] = set()
        for position, values in enumerate(items):
            full = {**values, "position": position}
            natural = tuple(full[f] for f in fields)
            wanted.add(natural)
            row = by_key.get(natural)
            if row is None:
                row = model(**full)
                current.append(row)
                by_key[natural] = row
                self.inserted[table] += 1
            else:
                self._update(row, full)
        for natural, row in list(by_key.items()):
            if natural not in wanted:
                current.remove(row)
                self.deleted[table] += 1

    def _update(self, row: models.Base, values: Values) -> None:
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        for name, value in changed.items():
            setattr(row, name, value)
        table = type(row).__tablename__
        if changed:
            self.updated[table] += 1
        else:
            self.unchanged[table] += 1
