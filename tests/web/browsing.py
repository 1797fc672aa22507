"""What the browser tests share: Debian's Chromium, a real server on 127.0.0.1
with the seeded knowledge base, screenshots, signing in, and axe-core.

axe-core is vendored from npm in tests/web/vendor/axe-core (its VERSION, LICENSE
and SHA256SUMS beside it; `scripts/vendor_frontend.sh` fetches it again), so
nothing is loaded from the network (#14).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.provenance import Claim, Document
from scotrack.store.write import edits, review
from scotrack.store.write.assessments import record_assessment

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
"""axe-core impacts that fail a test; moderate and minor ones are reported only."""


@dataclass
class Server:
    base: str
    tokens: dict[str, str]
    hostile: str
    """The id of a document full of markup (see hostile.py)."""
    claim: str
    """The id of an agreement claim, with a list of parties, for the review page."""
    commitment: str
    """A state's commitment made at hos-2018, assessed twice (the second reverses
    the first), for the commitment and compliance pages (#13)."""
    project: str
    """A project with its status timeline, for the project page."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def accept_commitments_and_projects(url: str) -> str:
    """Accept every commitment and project claim in `url`, so the charts of
    /commitments and /projects have bars; the id of an agreement claim."""
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            found = session.scalars(
                select(Claim.id)
                .where(Claim.kind.in_(("commitment", "project")))
                .order_by(Claim.id)
            ).all()
            for claim_id in found:
                try:
                    review.accept(session, claim_id, actor="tests")
                except InputError:
                    session.rollback()
            session.commit()
            claim = session.scalar(
                select(Claim.id)
                .where(Claim.kind == "agreement")
                .where(Claim.payload.contains('"parties": ["'))
                .order_by(Claim.id)
            )
    finally:
        engine.dispose()
    assert claim is not None, "the seeds gave no agreement claim"
    return claim


def assess_for_pages(url: str) -> tuple[str, str]:
    """Put two states' commitments at hos-2018 and assess them (one reversed,
    one with a document span), so the compliance pages have rows and bars; the
    id of the reversed commitment and of a project."""
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            found = session.scalars(
                select(models.Commitment.id)
                .where(models.Commitment.actor != "SCO")
                .order_by(models.Commitment.id)
                .limit(2)
            ).all()
            document = session.scalars(
                select(Document.id).order_by(Document.id)
            ).first()
            assert len(found) == 2
            assert document is not None
            for commitment in found:
                edits.edit_entity(
                    session,
                    f"commitment:{commitment}",
                    {"meeting_id": "hos-2018"},
                    actor="tests",
                    reason="made at the Qingdao summit",
                )
            first, second = found
            record_assessment(
                session, first, score="1", on="2019-06", assessor="tests",
                evidence=f"{document}:0-40",
            )  # fmt: skip
            record_assessment(
                session, first, score="-1", on="2020-06", assessor="tests",
                citation="Ministry report, 2020", note="work stopped",
            )  # fmt: skip
            record_assessment(
                session, second, score="0", on="2019", assessor="tests",
                citation="Ministry report, 2019",
            )  # fmt: skip
            project = session.scalars(
                select(models.Project.id).order_by(models.Project.id)
            ).first()
            assert project is not None
            session.commit()
    finally:
        engine.dispose()
    return first, project


def shots() -> Path:
    directory = Path(
        os.environ.get("SCOTRACK_SCREENSHOTS", ROOT / "build" / "screenshots")
    )
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def shoot(page: Any, name: str) -> None:
    page.screenshot(path=str(shots() / f"{name}.png"), full_page=True)


def sign_in(page: Any, server: Server, role: str = "reviewer") -> None:
    page.goto(f"{server.base}/signin?next=/review")
    page.fill("#token", server.tokens[role])
    page.click("form.card button[type=submit]")
    page.wait_for_url(f"{server.base}/review")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now (WCAG 2.0/2.1 A and AA
    rules and axe's best practices), each with its impact and nodes."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script>: the CSP
    found: list[dict[str, Any]] = page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"
    )
    return found


def failing(violations: list[dict[str, Any]]) -> str:
    """The serious and critical violations, one line per node ('' if none)."""
    lines = []
    for violation in violations:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(
                f"{violation['id']} ({violation['impact']}): {node['target']} "
                f"{node['html'][:120]} -- {summary[:240]}"
            )
    return "\n".join(lines)
