"""The knowledge base as a network, written as GraphML or GEXF (via networkx).

Nodes (`id` is `<kind>:<key>`): the SCO itself (`sco:SCO`), states, bodies,
meetings, agreements and initiatives, each with `kind` and `label`. Edges, each
with `kind`, and dated: `date` (the partial date as recorded), `start` and, for an
interval, `end` (exclusive) as full days, so Gephi's timeline can play them:

- state -> SCO, `status` (member, observer, dialogue-partner), start to end;
- state -> meeting, `participant`; state -> meeting, `host`; meeting -> body,
  `meeting-of`; on the meeting's start;
- state -> agreement, `signed`, `ratified`, `deposited`, `withdrew`, on that date;
- state -> initiative, `proposed`.

Attributes with no value are left out (GraphML has no null). The snapshot's
metadata are the graph's attributes in GraphML and its `<meta><description>` (as
JSON) in GEXF.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import networkx as nx

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

if TYPE_CHECKING:
    from scotrack.store.exports import Snapshot

SCO = "sco:SCO"
INSTRUMENTS = ("signed", "ratified", "deposited", "withdrew")


def network(taken: Snapshot) -> nx.MultiDiGraph:
    """The snapshot's states, bodies, meetings, agreements and initiatives, and
    the dated edges between them."""
    tables = taken.tables
    graph = nx.MultiDiGraph()
    graph.graph.update(_present(taken.metadata()))
    graph.add_node(SCO, kind="organization", label="Shanghai Cooperation Organization")
    for row in tables["state"]:
        graph.add_node(f"state:{row['id']}", kind="state", label=row["name"])
    for row in tables["body"]:
        graph.add_node(f"body:{row['id']}", kind="body", label=row["name"])
    for row in tables["agreement"]:
        graph.add_node(
            f"agreement:{row['id']}",
            **_present({"kind": "agreement", "label": row["title"],
                        "date": row["signed_date"]}),
        )  # fmt: skip
    for row in tables["initiative"]:
        graph.add_node(f"initiative:{row['id']}", kind="initiative", label=row["name"])
        if row["proposed_by"] and f"state:{row['proposed_by']}" in graph:
            _edge(graph, f"state:{row['proposed_by']}", f"initiative:{row['id']}",
                  "proposed", row["proposed_date"])  # fmt: skip
    for row in tables["status_interval"]:
        _edge(graph, f"state:{row['state_id']}", SCO, "status", row["start_date"],
              end=row["end_date"], status=row["status"])  # fmt: skip
    _add_meetings(graph, tables)
    for row in tables["agreement_party"]:
        for action in INSTRUMENTS:
            day = row[f"{action}_date"]
            if day is not None:
                _edge(graph, f"state:{row['state_id']}",
                      f"agreement:{row['agreement_id']}", action, day)  # fmt: skip
    return graph


def _add_meetings(graph: nx.MultiDiGraph, tables: dict[str, list[Any]]) -> None:
    starts = {}
    for row in tables["meeting"]:
        node = f"meeting:{row['id']}"
        label = row["name"] or f"{row['body_id']} {row['start_date'] or row['year']}"
        graph.add_node(
            node,
            **_present({"kind": "meeting", "label": label, "date": row["start_date"],
                        "city": row["city_name"]}),
        )  # fmt: skip
        starts[row["id"]] = row["start_date"]
        _edge(graph, node, f"body:{row['body_id']}", "meeting-of", row["start_date"])
        if row["host_state_id"]:
            _edge(graph, f"state:{row['host_state_id']}", node, "host",
                  row["start_date"])  # fmt: skip
    for row in tables["meeting_participant"]:
        _edge(graph, f"state:{row['state_id']}", f"meeting:{row['meeting_id']}",
              "participant", starts.get(row["meeting_id"]))  # fmt: skip


def _edge(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    kind: str,
    day: str | None,
    *,
    end: str | None = None,
    **extra: Any,
) -> None:
    attributes = {
        "kind": kind,
        "date": day,
        "start": _day(day),
        "end": _day(end),
        **extra,
    }
    graph.add_edge(source, target, **_present(attributes))


def _day(value: str | None) -> str | None:
    """The first day of a partial date, as GEXF's `date` time format wants."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value).first_day().isoformat()
    except (ValueError, InputError):
        return None


def _present(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def write_graphml(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the network as GraphML to the file `out`."""
    nx.write_graphml(network(taken), out, encoding="utf-8")
    return (out.name,)


def write_gexf(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the network as GEXF 1.2 (dynamic: edges have start and end) to `out`."""
    graph = network(taken)
    graph.graph.clear()  # GEXF keeps no graph attributes: the snapshot goes in <meta>
    graph.graph["mode"] = "dynamic"
    nx.write_gexf(graph, out, encoding="utf-8")
    about = escape(json.dumps(taken.metadata()))
    text = out.read_text(encoding="utf-8").replace(
        "</creator>", f"</creator>\n    <description>{about}</description>", 1
    )
    out.write_text(text, encoding="utf-8")
    return (out.name,)
