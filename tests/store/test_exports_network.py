"""GraphML and GEXF exports (#17): read back with networkx, with dated edges;
on both databases."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

import networkx as nx
import pytest
from sqlalchemy.orm import Session

from scotrack.store.exports import export

from ._exports import session_on, shared_seeded_url


@pytest.fixture
def seeded_session(databases) -> Iterator[Session]:
    with session_on(shared_seeded_url(databases)) as session:
        yield session


def edges(graph, kind: str) -> list[tuple[str, str, dict]]:
    return [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind]


def test_graphml_reads_back_with_dated_edges(seeded_session, tmp_path):
    out = tmp_path / "sco.graphml"
    report = export(seeded_session, "graphml", out)
    assert report.files == ("sco.graphml",)
    graph = nx.read_graphml(out)
    assert graph.nodes["state:IND"]["kind"] == "state"
    assert {graph.nodes[n]["kind"] for n in graph} >= {
        "state", "body", "meeting", "agreement", "initiative", "organization",
    }  # fmt: skip
    india = [d for u, _, d in edges(graph, "status") if u == "state:IND"]
    assert {(d["status"], d["start"], d.get("end")) for d in india} >= {
        ("observer", "2005-07-05", "2015-07-10"),
        ("applicant", "2015-07-10", "2017-06-09"),
        ("member", "2017-06-09", None),
    }
    hosts = edges(graph, "host")
    assert hosts
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["start"]) for *_, d in hosts)
    signed = edges(graph, "signed")
    assert ("state:CHN", "agreement:charter") in {(u, v) for u, v, _ in signed}
    assert edges(graph, "ratified")
    assert all(d["date"] for *_, d in signed)
    assert graph.graph["last_change_id"] == report.snapshot.last_change_id


def test_gexf_reads_back_dynamic_with_the_snapshot(seeded_session, tmp_path):
    out = tmp_path / "sco.gexf"
    export(seeded_session, "gexf", out, on=date(2010, 1, 1))
    graph = nx.read_gexf(out)
    status = edges(graph, "status")
    assert status
    assert all(d["start"] <= "2010-01-01" for *_, d in status)
    assert {(u, d["status"]) for u, _, d in status if u == "state:IND"} == {
        ("state:IND", "observer")
    }
    text = out.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text
    assert 'timeformat="date"' in text
    about = re.search(r"<description>(.*?)</description>", text)
    assert about is not None
    meta = json.loads(about.group(1).replace("&quot;", '"'))
    assert meta["on"] == "2010-01-01"
