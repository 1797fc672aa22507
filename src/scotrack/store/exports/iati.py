"""IATI activity XML (standard version 2.03): one `iati-activity` per project.

The IATI Standard (https://iatistandard.org/en/iati-standard/203/) describes
development activities; scotrack's projects map onto it so IATI tools (d-portal,
the IATI validator, spreadsheets of the IATI Datastore) can read them:

- `iati-identifier`: `XX-SCOTRACK-<project id>`, prefixed with the
  `reporting-org` ref. scotrack is not a registered IATI publisher, so `XX-`
  (no registration agency) is honest; a publisher replaces it with its own
  organisation identifier.
- `reporting-org` (type 90, Other; `secondary-reporter="1"`: scotrack reports
  activities it does not run, from published sources).
- `title`, `description` (the initiative and financing as recorded).
- `participating-org` for each state taking part (role 2 Accountable, type 10
  Government: scotrack records which states take part, not who funds or
  implements); with none recorded, one saying so (IATI requires one).
- `activity-status` from the latest lifecycle step (`ACTIVITY_STATUS`).
- `activity-date` (`DATE_TYPES`): the planned and actual start and end; a
  partial date gives its first day, with a narrative saying what is known.
  Where the project records no date, the lifecycle supplies it: the day a
  source reported it under way (actual start) or completed (actual end), else
  the day it was first reported (planned start, said so in the narrative).
  IATI requires one date: a project with none at all is left out, and named in
  a comment.
- `sector`, vocabulary 2 (OECD DAC 3-digit), when its sector maps (`SECTORS`).

The snapshot's metadata are attributes of `iati-activities` in the namespace
`urn:scotrack:snapshot` (the schema allows other namespaces there), empty when
not set; `created_at` is the `generated-datetime`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from scotrack.domain.dates import PartialDate
from scotrack.domain.projects import IATI_ACTIVITY_STATUS, LIFECYCLE, Lifecycle
from scotrack.errors import InputError, NotFound
from scotrack.store.exports.tables import Row

if TYPE_CHECKING:
    from scotrack.store.exports import Snapshot

VERSION = "2.03"
REPORTING_ORG = "XX-SCOTRACK"
NAMESPACE = "urn:scotrack:snapshot"

ACTIVITY_STATUS: dict[Lifecycle, int] = IATI_ACTIVITY_STATUS
"""Lifecycle step -> IATI ActivityStatus code (1 Pipeline/identification,
2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended)."""

NO_STATES = "not recorded: scotrack knows no state taking part"
"""The one participating-org of a project with no state recorded."""

UNKNOWN_STATUS = 1
"""A project with no lifecycle step recorded is at most identified."""

DATE_TYPES = {
    "planned_start_date": 1,
    "actual_start_date": 2,
    "planned_end_date": 3,
    "actual_end_date": 4,
}
"""Project column -> IATI ActivityDateType code."""

SECTORS: dict[str, tuple[str, str]] = {
    "transport": ("210", "Transport & Storage"),
    "telecom": ("220", "Communications"),
    "energy": ("230", "Energy"),
    "finance": ("240", "Banking & Financial Services"),
    "agriculture": ("311", "Agriculture"),
    "industry": ("321", "Industry"),
    "social": ("160", "Other Social Infrastructure & Services"),
}
"""scotrack sector -> OECD DAC 3-digit sector (IATI SectorCategory, vocabulary 2)."""


@dataclass(frozen=True, slots=True)
class ActivityDate:
    type: int
    day: PartialDate
    note: str | None


def write_iati(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the snapshot's projects as an IATI 2.03 `iati-activities` file."""
    root = activities(taken)
    ET.indent(root)
    ET.ElementTree(root).write(out, xml_declaration=True, encoding="utf-8")
    return (out.name,)


def activities(taken: Snapshot) -> ET.Element:
    """The `iati-activities` document of the snapshot's projects."""
    tables = taken.tables
    if not tables["project"]:
        raise NotFound(
            "--format iati: the snapshot holds no projects, and an IATI file needs "
            "at least one activity"
        )
    ET.register_namespace("scotrack", NAMESPACE)
    root = ET.Element(
        "iati-activities",
        attrib={"version": VERSION, "generated-datetime": taken.created_at},
    )
    for key, value in taken.metadata().items():
        if key != "created_at":  # that is generated-datetime
            text = "" if value is None else str(value)
            root.set(f"{{{NAMESPACE}}}{key.replace('_', '-')}", text)
    names = {row["id"]: row["name"] for row in tables["state"]}
    initiatives = {row["id"]: row["name"] for row in tables["initiative"]}
    countries = _grouped(tables["project_country"], "position")
    steps = _grouped(tables["project_status"], "position")
    undated = []
    for row in tables["project"]:
        dates = activity_dates(row, steps.get(row["id"], []))
        if not dates:
            undated.append(row["id"])
            continue
        context = Context(names, initiatives, countries.get(row["id"], []))
        root.append(_activity(row, steps.get(row["id"], []), dates, context))
    if undated:
        root.append(
            ET.Comment(
                " left out, with no date known (IATI requires one): "
                f"{', '.join(undated)} "
            )
        )
    if len(root.findall("iati-activity")) == 0:
        raise NotFound(
            "--format iati: no project has a date, and IATI needs one for each activity"
        )
    return root


@dataclass(frozen=True, slots=True)
class Context:
    names: dict[str, str]
    initiatives: dict[str, str]
    countries: list[Row]


def _grouped(rows: list[Row], order: str) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for row in sorted(rows, key=lambda r: (r["project_id"], r[order])):
        found.setdefault(row["project_id"], []).append(row)
    return found


def _activity(
    row: Row, steps: list[Row], dates: list[ActivityDate], context: Context
) -> ET.Element:
    activity = ET.Element("iati-activity", attrib={"hierarchy": "1"})
    activity.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    _text(activity, "iati-identifier").text = f"{REPORTING_ORG}-{row['id']}"
    reporting = _text(activity, "reporting-org")
    reporting.attrib.update(
        {"ref": REPORTING_ORG, "type": "90", "secondary-reporter": "1"}
    )
    _narrative(reporting, "scotrack (compiled from published sources)")
    _narrative(_text(activity, "title"), row["name"])
    description = _text(activity, "description")
    description.set("type", "1")
    _narrative(description, _description(row, context))
    for country in context.countries:
        org = _text(activity, "participating-org")
        org.attrib.update({"role": "2", "type": "10"})
        name = context.names.get(country["state_id"], country["state_id"])
        _narrative(org, f"Government of {name}")
    if not context.countries:  # IATI requires one
        org = _text(activity, "participating-org")
        org.set("role", "2")
        _narrative(org, NO_STATES)
    _text(activity, "activity-status").set("code", str(status_code(steps)))
    for found in dates:
        element = _text(activity, "activity-date")
        element.attrib.update(
            {"type": str(found.type), "iso-date": found.day.first_day().isoformat()}
        )
        if found.note:
            _narrative(element, found.note)
    if row["sector"] in SECTORS:
        code, label = SECTORS[row["sector"]]
        sector = _text(activity, "sector")
        sector.attrib.update({"vocabulary": "2", "code": code})
        _narrative(sector, label)
    return activity


def _text(parent: ET.Element, tag: str) -> ET.Element:
    return ET.SubElement(parent, tag)


def _narrative(parent: ET.Element, text: str) -> None:
    ET.SubElement(parent, "narrative").text = text


def _description(row: Row, context: Context) -> str:
    parts = [row["name"]]
    if row["initiative_id"]:
        initiative = context.initiatives.get(row["initiative_id"])
        parts.append(f"Part of {initiative or row['initiative_id']}.")
    if row["financing"]:
        parts.append(f"Financing: {row['financing']}.")
    return " ".join(part.rstrip(".") + "." for part in parts)


def status_code(steps: list[Row]) -> int:
    """The IATI ActivityStatus of the latest lifecycle step (dated steps by date,
    then the lifecycle's order)."""
    if not steps:
        return UNKNOWN_STATUS
    latest = max(steps, key=_step_order)
    status: Any = latest["status"]
    return ACTIVITY_STATUS.get(status, UNKNOWN_STATUS)


def _step_order(step: Row) -> tuple[tuple[int, int, int], int, int]:
    day = _partial(step["status_date"])
    status = step["status"]
    rank = LIFECYCLE.index(status) if status in LIFECYCLE else -1
    return (day.sort_key() if day else (0, 0, 0), rank, step["position"])


def activity_dates(row: Row, steps: list[Row]) -> list[ActivityDate]:
    """The project's dates as IATI activity dates (see the module's docstring)."""
    found = []
    for column, kind in DATE_TYPES.items():
        day = _partial(row[column])
        if day is not None:
            found.append(ActivityDate(kind, day, _known(day)))
    if found:
        return found
    reported = {
        step["status"]: day
        for step in sorted(steps, key=_step_order, reverse=True)
        if (day := _partial(step["status_date"])) is not None
    }  # the earliest day of each step wins
    if "under way" in reported:
        day = reported["under way"]
        found.append(ActivityDate(2, day, f"reported under way on {day}"))
    if "completed" in reported:
        day = reported["completed"]
        found.append(ActivityDate(4, day, f"reported completed on {day}"))
    if not found and reported:
        step, day = min(reported.items(), key=lambda item: item[1].sort_key())
        note = f"no start date is known: first reported ({step}) on {day}"
        found.append(ActivityDate(1, day, note))
    return found


def _known(day: PartialDate) -> str | None:
    if day.precision == "day":
        return None
    return f"known to the {day.precision}: {day}"


def _partial(value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except (ValueError, InputError):
        return None
