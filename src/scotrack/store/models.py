"""The knowledge base's tables, as SQLAlchemy 2 typed models.

Conventions: tables are singular snake_case; every table's key column is `id` (for
states, bodies and initiatives it holds their code, e.g. `state.id = 'IND'`);
foreign keys are `<table>_id`; partial dates are ISO text (`2017`, `2017-06`,
`2017-06-09`) in `*_date` columns, which sort in date order as text; lists a domain
object keeps in order (aliases, parties, participants) carry a `position`. Facts
point at their `source` (nullable where the domain type allows a missing source).
Fields that may name the SCO itself rather than a state (`commitment.actor`,
`initiative.proposed_by`) are plain codes, not foreign keys.

The schema is created and changed only by the Alembic revisions in `migrations/`;
a test checks that they and these models agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Double,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Code = String(16)
"""A state code (`IND`), or `SCO` for the organization itself."""
Id = String(120)
"""A natural id or code: of a source, body, meeting, agreement, initiative, ..."""
IsoDate = String(10)
"""A partial date as ISO text."""
Name = String(300)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _source_fk(*, nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(Id, ForeignKey("source.id"), nullable=nullable, index=True)


class Source(Base):
    """A citable source; `document_id` will point at a stored document."""

    __tablename__ = "source"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Name)
    url: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[str | None] = mapped_column(IsoDate)
    document_id: Mapped[str | None] = mapped_column(Id)


class State(Base):
    __tablename__ = "state"

    id: Mapped[str] = mapped_column(Code, primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    official_name: Mapped[str | None] = mapped_column(Name)
    capital: Mapped[str | None] = mapped_column(Name)

    aliases: Mapped[list[StateAlias]] = relationship(
        order_by="StateAlias.position", lazy="selectin", cascade="all, delete-orphan"
    )


class StateAlias(Base):
    """Another name (`kind='name'`) or an adjective (`kind='adjective'`) of a state."""

    __tablename__ = "state_alias"
    __table_args__ = (UniqueConstraint("state_id", "kind", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_id: Mapped[str] = mapped_column(ForeignKey("state.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    alias: Mapped[str] = mapped_column(Name)
    position: Mapped[int] = mapped_column(Integer)


class City(Base):
    __tablename__ = "city"
    __table_args__ = (UniqueConstraint("state_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_id: Mapped[str] = mapped_column(ForeignKey("state.id"), index=True)
    name: Mapped[str] = mapped_column(Name)

    aliases: Mapped[list[CityAlias]] = relationship(
        order_by="CityAlias.position", lazy="selectin", cascade="all, delete-orphan"
    )


class CityAlias(Base):
    __tablename__ = "city_alias"
    __table_args__ = (UniqueConstraint("city_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    city_id: Mapped[int] = mapped_column(ForeignKey("city.id"), index=True)
    alias: Mapped[str] = mapped_column(Name)
    position: Mapped[int] = mapped_column(Integer)


class Body(Base):
    __tablename__ = "body"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    schema_body: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    predecessor_of: Mapped[str | None] = mapped_column(String(32))
    """The organisation it preceded ("SCO" for the Shanghai Five); null for the
    SCO's own bodies (#12)."""
    founded_date: Mapped[str | None] = mapped_column(IsoDate)
    seat: Mapped[str | None] = mapped_column(Name)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = _source_fk()
    founding_source_id: Mapped[str | None] = _source_fk()
    """The source of `founded_date` and `seat` (#12)."""

    aliases: Mapped[list[BodyAlias]] = relationship(
        order_by="BodyAlias.position", lazy="selectin", cascade="all, delete-orphan"
    )


class BodyAlias(Base):
    __tablename__ = "body_alias"
    __table_args__ = (UniqueConstraint("body_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"), index=True)
    alias: Mapped[str] = mapped_column(Name)
    position: Mapped[int] = mapped_column(Integer)


class StatusInterval(Base):
    """A state's SCO status from `start_date` (inclusive) to `end_date` (exclusive)."""

    __tablename__ = "status_interval"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_id: Mapped[str] = mapped_column(ForeignKey("state.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[str | None] = mapped_column(IsoDate)
    end_date: Mapped[str | None] = mapped_column(IsoDate)
    note: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = _source_fk()


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"), index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[str | None] = mapped_column(IsoDate)
    end_date: Mapped[str | None] = mapped_column(IsoDate)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    city_name: Mapped[str | None] = mapped_column(Name)
    host_state_id: Mapped[str | None] = mapped_column(
        ForeignKey("state.id"), index=True
    )
    chair: Mapped[str | None] = mapped_column(Name)
    format: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(Name)
    source_id: Mapped[str | None] = _source_fk()

    participants: Mapped[list[MeetingParticipant]] = relationship(
        order_by="MeetingParticipant.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )


class MeetingParticipant(Base):
    __tablename__ = "meeting_participant"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), primary_key=True)
    state_id: Mapped[str] = mapped_column(
        ForeignKey("state.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class Agreement(Base):
    """An agreement; `rule_*` hold its entry-into-force rule (all null: none known)."""

    __tablename__ = "agreement"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    signed_date: Mapped[str | None] = mapped_column(IsoDate)
    place: Mapped[str | None] = mapped_column(Name)
    depositary: Mapped[str | None] = mapped_column(Name)
    rule_kind: Mapped[str | None] = mapped_column(String(32))
    rule_n: Mapped[int | None] = mapped_column(Integer)
    rule_days: Mapped[int | None] = mapped_column(Integer)
    rule_later_days: Mapped[int | None] = mapped_column(Integer)
    entry_into_force_date: Mapped[str | None] = mapped_column(IsoDate)
    entry_into_force_source_id: Mapped[str | None] = _source_fk()
    source_id: Mapped[str | None] = _source_fk()
    body_id: Mapped[str | None] = mapped_column(ForeignKey("body.id"), index=True)
    """The predecessor body whose agreement it is; null for the SCO's own (#12)."""

    aliases: Mapped[list[AgreementAlias]] = relationship(
        order_by="AgreementAlias.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )
    parties: Mapped[list[AgreementParty]] = relationship(
        order_by="AgreementParty.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )
    declarations: Mapped[list[Declaration]] = relationship(
        order_by="Declaration.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )


class AgreementAlias(Base):
    __tablename__ = "agreement_alias"
    __table_args__ = (UniqueConstraint("agreement_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class AgreementParty(Base):
    """One state's signature, ratification, deposit and withdrawal dates."""

    __tablename__ = "agreement_party"

    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("agreement.id"), primary_key=True
    )
    state_id: Mapped[str] = mapped_column(
        ForeignKey("state.id"), primary_key=True, index=True
    )
    signed_date: Mapped[str | None] = mapped_column(IsoDate)
    ratified_date: Mapped[str | None] = mapped_column(IsoDate)
    deposited_date: Mapped[str | None] = mapped_column(IsoDate)
    withdrew_date: Mapped[str | None] = mapped_column(IsoDate)
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[str | None] = _source_fk()


class Declaration(Base):
    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    state_id: Mapped[str] = mapped_column(ForeignKey("state.id"), index=True)
    declaration_date: Mapped[str | None] = mapped_column(IsoDate)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[str | None] = _source_fk()


class Commitment(Base):
    """A pledge, proposal or call; `actor` is a state code or `SCO`."""

    __tablename__ = "commitment"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    actor: Mapped[str] = mapped_column(Code, index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    area: Mapped[str | None] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Name)
    target_value: Mapped[float | None] = mapped_column(Double)
    target_unit: Mapped[str | None] = mapped_column(Name)
    deadline_date: Mapped[str | None] = mapped_column(IsoDate)
    made_date: Mapped[str | None] = mapped_column(IsoDate)
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    source_id: Mapped[str | None] = _source_fk()

    assessments: Mapped[list[Assessment]] = relationship(
        order_by="Assessment.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )


class Assessment(Base):
    """A dated compliance score: -1, 0 or 1, and null for inconclusive.

    A part of its commitment (logged with it, so undo and `--known-on` see it);
    kept in the order made (`position`): a later one may reverse an earlier one.
    The evidence is a span [`span_start`, `span_end`) of a stored document's clean
    text (`evidence` then holds the quoted text) or a citation (`evidence` alone).
    """

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commitment_id: Mapped[str] = mapped_column(ForeignKey("commitment.id"), index=True)
    assessed_date: Mapped[str] = mapped_column(IsoDate)
    score: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[str | None] = _source_fk()
    assessor: Mapped[str | None] = mapped_column(Name)
    document_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("document.id"), index=True
    )
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)


class Initiative(Base):
    __tablename__ = "initiative"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    proposed_by: Mapped[str | None] = mapped_column(Code)
    proposed_date: Mapped[str | None] = mapped_column(IsoDate)
    source_id: Mapped[str | None] = _source_fk()

    aliases: Mapped[list[InitiativeAlias]] = relationship(
        order_by="InitiativeAlias.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )


class InitiativeAlias(Base):
    __tablename__ = "initiative_alias"
    __table_args__ = (UniqueConstraint("initiative_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiative.id"), index=True)
    alias: Mapped[str] = mapped_column(Name)
    position: Mapped[int] = mapped_column(Integer)


class Project(Base):
    __tablename__ = "project"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(32))
    financing: Mapped[str | None] = mapped_column(Text)
    planned_start_date: Mapped[str | None] = mapped_column(IsoDate)
    planned_end_date: Mapped[str | None] = mapped_column(IsoDate)
    actual_start_date: Mapped[str | None] = mapped_column(IsoDate)
    actual_end_date: Mapped[str | None] = mapped_column(IsoDate)
    initiative_id: Mapped[str | None] = mapped_column(
        ForeignKey("initiative.id"), index=True
    )
    source_id: Mapped[str | None] = _source_fk()

    countries: Mapped[list[ProjectCountry]] = relationship(
        order_by="ProjectCountry.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )
    statuses: Mapped[list[ProjectStatus]] = relationship(
        order_by="ProjectStatus.position",
        lazy="selectin",
        cascade="all, delete-orphan",
    )


class ProjectCountry(Base):
    __tablename__ = "project_country"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), primary_key=True)
    state_id: Mapped[str] = mapped_column(
        ForeignKey("state.id"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)


class ProjectStatus(Base):
    """One step of a project's lifecycle (pledged, agreed, under way, ...)."""

    __tablename__ = "project_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    status_date: Mapped[str | None] = mapped_column(IsoDate)
    status: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[str | None] = _source_fk()
