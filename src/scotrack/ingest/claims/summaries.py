"""One-line descriptions of claims, and the keys that group claims about one fact.

`summary` is what a reviewer reads in a list ("heads-of-government meeting
2017-11-30 in Sochi"). `block_key` puts claims that could be about the same fact
in one block, so that only they are compared when grouping (a summit is only ever
the same summit as another claim of its body and year); `link_group` is the group
of every claim linked to one known entity.
"""

from __future__ import annotations

from scotrack.domain.dates import parse_optional
from scotrack.ingest.claims.catalogue import Resolution
from scotrack.ingest.claims.claim import ExtractedClaim

TEXT_LIMIT = 90


def summary(claim: ExtractedClaim) -> str:
    """A one-line human description of what the claim says."""
    p = claim.payload
    if claim.kind == "meeting":
        parts = [f"{p['body']} meeting"]
        if p.get("number"):
            parts.append(f"no. {p['number']}")
        if p.get("date"):
            parts.append(str(p["date"]))
        if p.get("city"):
            parts.append(f"in {p['city']}")
        if p.get("format"):
            parts.append(f"({p['format']})")
        return " ".join(parts)
    if claim.kind == "agreement":
        parties = ", ".join(p.get("parties") or ())
        when = f" {p['date']}" if p.get("date") else ""
        where = f" in {p['place']}" if p.get("place") else ""
        by = f" by {parties}" if parties else ""
        return f"{p['title']}: {p['action']}{by}{when}{where}"
    if claim.kind == "commitment":
        return f"{p['actor']} {p['kind']}: {_shortened(p['text'])}"
    if claim.kind == "project":
        countries = ", ".join(p.get("countries") or ())
        status = f" ({p['status']})" if p.get("status") else ""
        where = f" [{countries}]" if countries else ""
        return f"{p['name']}{where}{status}"
    when = f" {p['date']}" if p.get("date") else ""
    if claim.kind == "assessment":
        value = int(str(p["score"]))  # an edited score is text (`--set score=-1`)
        score = f"{value:+d}" if value else "0"
        return f"assess {p['commitment']}: {score}{when}: {_shortened(p['text'])}"
    if claim.kind == "project-status":
        return f"project {p['project']}: {p['status']}{when}: {_shortened(p['text'])}"
    return f"{p['state']} {p['event']}{when}"


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def link_group(entity_kind: str, entity_id: str) -> str:
    return f"{entity_kind}:{entity_id}"


def block_key(claim: ExtractedClaim, resolution: Resolution) -> str:
    """The block of claims this one is compared with when grouping.

    A linked claim's block is its entity. Otherwise: meetings by body and year,
    agreements and projects by year, commitments by actor and year, membership by
    state and event (the year of the claim's date, else of its document).
    """
    best = resolution.best
    p = claim.payload
    if resolution.proposal == "link" and best is not None:
        group = link_group(best.entity_kind, best.entity_id)
        if claim.kind == "agreement":  # signing and each ratification are facts
            return f"{group}:{p['action']}:{','.join(p.get('parties') or ())}"
        return group
    when = parse_optional(p.get("date")) or parse_optional(claim.published)
    year = "?" if when is None else str(when.year)
    if claim.kind == "meeting":
        return f"meeting:{p['body']}:{year}"
    if claim.kind == "commitment":
        return f"commitment:{p['actor']}:{year}"
    if claim.kind == "membership":
        return f"membership:{p['state']}:{p['event']}"
    return f"{claim.kind}:{year}"
