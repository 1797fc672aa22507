"""A SQLite snapshot: the export's tables, their keys, and views named for people.

Open it with `datasette sco.db` (or any SQLite client). The `snapshot` table holds
the snapshot's metadata (key, value) and `day`, the day the views ask about: `--on`
when given, else the day the export was made. Views (`VIEWS`) join the tables into
what people ask: who was a member, where each agreement stands, meetings with
their hosts, claims with their evidence.

Dates are ISO text, so the views compare them as text: a partial date (`2017`)
sorts before every day of its year and counts from its start.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from scotrack.store.exports.tables import RESOURCES, Resource

if TYPE_CHECKING:
    from scotrack.store.exports import Snapshot

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL"}

DAY = "(SELECT value FROM snapshot WHERE key = 'day')"

VIEWS: dict[str, str] = {
    "members_on_snapshot": f"""
        SELECT s.id AS state, s.name, i.start_date AS member_since
        FROM status_interval i JOIN state s ON s.id = i.state_id
        WHERE i.status = 'member' AND i.start_date <= {DAY}
          AND (i.end_date IS NULL OR i.end_date > {DAY})
        ORDER BY s.name""",
    "statuses_on_snapshot": f"""
        SELECT s.id AS state, s.name, i.status, i.start_date AS since
        FROM status_interval i JOIN state s ON s.id = i.state_id
        WHERE i.start_date <= {DAY} AND (i.end_date IS NULL OR i.end_date > {DAY})
        ORDER BY i.status, s.name""",
    "membership_history": """
        SELECT s.id AS state, s.name, i.status, i.start_date, i.end_date, i.note,
               i.source_id
        FROM status_interval i JOIN state s ON s.id = i.state_id
        ORDER BY s.name, i.start_date""",
    "agreement_status": """
        SELECT a.id AS agreement, a.title, a.signed_date AS agreement_signed,
               a.entry_into_force_date AS in_force_since, p.state_id AS state,
               s.name AS state_name, p.signed_date AS signed,
               p.ratified_date AS ratified, p.deposited_date AS deposited,
               p.withdrew_date AS withdrew,
               CASE WHEN p.withdrew_date IS NOT NULL THEN 'withdrew'
                    WHEN p.deposited_date IS NOT NULL THEN 'deposited'
                    WHEN p.ratified_date IS NOT NULL THEN 'ratified'
                    WHEN p.signed_date IS NOT NULL THEN 'signed'
                    ELSE 'listed' END AS latest_step
        FROM agreement a
        JOIN agreement_party p ON p.agreement_id = a.id
        JOIN state s ON s.id = p.state_id
        ORDER BY a.signed_date, a.id, p.position""",
    "meetings_with_hosts": """
        SELECT m.id AS meeting, b.name AS body, m.number, m.start_date, m.end_date,
               m.city_name AS city, h.name AS host, m.format,
               (SELECT count(*) FROM meeting_participant p
                WHERE p.meeting_id = m.id) AS participants
        FROM meeting m JOIN body b ON b.id = m.body_id
        LEFT JOIN state h ON h.id = m.host_state_id
        ORDER BY m.start_date, m.id""",
    "claims_with_evidence": """
        SELECT c.id AS claim, c.kind, c.status, c.summary, c.entity_kind,
               c.entity_id, d.title AS document, d.url, d.published_date,
               (SELECT group_concat(e.text, ' … ') FROM claim_evidence e
                WHERE e.claim_id = c.id) AS evidence
        FROM claim c JOIN document d ON d.id = c.document_id
        ORDER BY d.published_date, c.id""",
}
"""Views named for the question they answer, in the order datasette lists them."""


def _create(item: Resource) -> str:
    columns = [
        f'"{f.name}" {SQL_TYPES[f.kind]}{"" if f.nullable else " NOT NULL"}'
        for f in item.fields
    ]
    keys = ", ".join(f'"{name}"' for name in item.primary_key)
    columns.append(f"PRIMARY KEY ({keys})")
    for key in item.foreign_keys:
        mine = ", ".join(f'"{c}"' for c in key.columns)
        theirs = ", ".join(f'"{c}"' for c in key.fields)
        columns.append(f'FOREIGN KEY ({mine}) REFERENCES "{key.resource}" ({theirs})')
    body = ",\n  ".join(columns)
    return f'CREATE TABLE "{item.name}" (\n  {body}\n)'


def write_sqlite(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the snapshot's tables, a `snapshot` table and the views to `out`."""
    meta = taken.metadata()
    meta["day"] = taken.on.isoformat() if taken.on else taken.created_at[:10]
    with closing(sqlite3.connect(out)) as db, db:
        db.execute("CREATE TABLE snapshot (key TEXT PRIMARY KEY, value TEXT)")
        db.executemany(
            "INSERT INTO snapshot VALUES (?, ?)",
            [(k, None if v is None else str(v)) for k, v in meta.items()],
        )
        for item in RESOURCES:
            db.execute(_create(item))
            names = [field.name for field in item.fields]
            marks = ", ".join("?" for _ in names)
            quoted = ", ".join(f'"{n}"' for n in names)
            db.executemany(
                f'INSERT INTO "{item.name}" ({quoted}) VALUES ({marks})',
                [[row[n] for n in names] for row in taken.tables[item.name]],
            )
        for name, query in VIEWS.items():
            db.execute(f'CREATE VIEW "{name}" AS {query}')
    return (out.name,)
