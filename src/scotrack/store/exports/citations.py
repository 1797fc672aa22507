"""Every source as a citation: CSL-JSON (Zotero, Pandoc) and BibTeX (biblatex).

Each source becomes one item keyed by its id: title, publisher, URL, the date
it was published (`issued`) and, for a document ingested into scotrack, the day
it was (`accessed`; other sources record no access day). The first item cites
the snapshot itself, as a dataset with its version and dates, so a paper can
cite the export it used.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError

if TYPE_CHECKING:
    from scotrack.store.exports import Snapshot

SNAPSHOT_ID = "scotrack-snapshot"


def _parts(value: str | None) -> list[int] | None:
    if not value:
        return None
    try:
        day = PartialDate.parse(value[:10])
    except InputError:
        return None
    return [p for p in (day.year, day.month, day.day) if p is not None]


def _accessed(taken: Snapshot) -> dict[str, str]:
    """Document id -> the day it was ingested."""
    return {row["id"]: row["ingested_at"][:10] for row in taken.tables["document"]}


def _about(taken: Snapshot) -> str:
    meta = taken.metadata()
    return "; ".join(f"{key}: {value}" for key, value in meta.items() if value)


def csl_items(taken: Snapshot) -> list[dict[str, Any]]:
    """The snapshot and every source as CSL-JSON items."""
    created = taken.created_at[:10]
    items: list[dict[str, Any]] = [
        {
            "id": SNAPSHOT_ID,
            "type": "dataset",
            "title": "scotrack knowledge base of the Shanghai Cooperation Organization",
            "version": taken.scotrack_version,
            "issued": {"date-parts": [_parts(created)]},
            "note": _about(taken),
        }
    ]
    accessed = _accessed(taken)
    for row in taken.tables["source"]:
        item: dict[str, Any] = {
            "id": row["id"],
            "type": "webpage" if row["url"] else "document",
            "title": row["title"],
        }
        if row["publisher"]:
            item["publisher"] = row["publisher"]
        if row["url"]:
            item["URL"] = row["url"]
        if issued := _parts(row["published_date"]):
            item["issued"] = {"date-parts": [issued]}
        if seen := _parts(accessed.get(row["document_id"] or "")):
            item["accessed"] = {"date-parts": [seen]}
        items.append(item)
    return items


def write_csl(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the CSL-JSON items (one JSON array) to the file `out`."""
    text = json.dumps(csl_items(taken), indent=2, ensure_ascii=False)
    out.write_text(text + "\n", encoding="utf-8")
    return (out.name,)


_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_text(value: str) -> str:
    """`value` with BibTeX's special characters escaped, on one line."""
    flat = " ".join(value.split())
    return "".join(_SPECIAL.get(char, char) for char in flat)


def bibtex_key(value: str, taken: set[str]) -> str:
    """A citation key from a source id: letters, digits and `_:.-` only, unique."""
    key = re.sub(r"[^A-Za-z0-9_:.\-]", "-", value) or "source"
    unique, n = key, 1
    while unique in taken:
        n += 1
        unique = f"{key}-{n}"
    taken.add(unique)
    return unique


def _entry(kind: str, key: str, fields: dict[str, str | None]) -> str:
    lines = [f"@{kind}{{{key},"]
    for name, value in fields.items():
        if value:
            text = value if name == "url" else bibtex_text(value)
            lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines)


def bibtex_entries(taken: Snapshot) -> list[str]:
    """The snapshot and every source as biblatex entries (`@online` with a URL)."""
    keys: set[str] = {SNAPSHOT_ID}
    created = taken.created_at[:10]
    entries = [
        _entry(
            "dataset",
            SNAPSHOT_ID,
            {
                "title": "scotrack knowledge base of the Shanghai Cooperation "
                "Organization",
                "version": taken.scotrack_version,
                "date": created,
                "note": _about(taken),
            },
        )
    ]
    accessed = _accessed(taken)
    for row in taken.tables["source"]:
        published = row["published_date"]
        entries.append(
            _entry(
                "online" if row["url"] else "misc",
                bibtex_key(row["id"], keys),
                {
                    "title": row["title"],
                    "organization": row["publisher"],
                    "url": _url(row["url"]),
                    "date": published,
                    "year": published[:4] if published else None,
                    "urldate": accessed.get(row["document_id"] or ""),
                },
            )
        )
    return entries


def _url(value: str | None) -> str | None:
    """A URL safe inside braces: braces and spaces percent-encoded."""
    if value is None:
        return None
    return value.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def write_bibtex(taken: Snapshot, out: Path) -> tuple[str, ...]:
    """Write the biblatex entries to the file `out`."""
    header = f"% scotrack snapshot: {json.dumps(taken.metadata())}\n\n"
    out.write_text(header + "\n\n".join(bibtex_entries(taken)) + "\n", "utf-8")
    return (out.name,)
