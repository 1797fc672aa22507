"""One commitment (/commitments/{id}) and one project (/projects/{id}) (#13).

The commitment page shows who made it, where, the sentences it was read from
and its compliance timeline as of `?on=` / `?known_on=`; signed-in reviewers
(and above) get the form that records an assessment (POST
/commitments/{id}/assessments, the same `record_assessment` as the CLI and the
API) and Undo of the latest assessment (their own; an editor's: anyone's). A
form that cannot be recorded shows the page again with the one reason.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from scotrack.api.access import Caller, current_principal, needs, readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain.commitments import SCORES
from scotrack.domain.vocab import SCORE_COMPLIANCE
from scotrack.errors import InputError, ScotrackError
from scotrack.store.read import dossiers, project_dossiers
from scotrack.store.write import assessments, undo
from scotrack.store.write.assessments import MAX_TEXT
from scotrack.store.write.tokens import Principal, Role
from scotrack.web.exports import FormatParam, respond

router = APIRouter(include_in_schema=False)

KnownOnParam = Annotated[
    str | None,
    Query(max_length=10, description="As known at the end of this day."),
]
Text = Annotated[str, Form(max_length=MAX_TEXT)]
NOTICES = {
    "assessed": "Recorded: the assessment is in the commitment's timeline.",
    "undone": "Undone: the assessment is withdrawn (the change log keeps it).",
}
SCORE_LABELS = {
    "1": "+1: full compliance",
    "0": "0: partial, or under way",
    "-1": "\u22121: no compliance",
    "inconclusive": "inconclusive",
}
SCORE_BADGES = {str(score): label for score, label in SCORE_COMPLIANCE.items()} | {
    "inconclusive": "inconclusive"
}


def _redirect_to_full(request: Request, base: str, full: str) -> Response:
    """A prefix, as the CLI prints: the page's one address (308)."""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"{base}/{full}{query}", status_code=308)


@router.get("/commitments/{commitment_id}")
@readable
def commitment_page(
    request: Request,
    session: DbSession,
    commitment_id: str,
    on: OnParam = None,
    known_on: KnownOnParam = None,
    done: Annotated[str | None, Query(max_length=16)] = None,
    format: FormatParam = "html",
) -> Response:
    return _commitment(
        request,
        session,
        commitment_id,
        on=on,
        known_on=known_on,
        fmt=format,
        notice=NOTICES.get(done or ""),
    )


def _commitment(
    request: Request,
    session: Session,
    commitment_id: str,
    *,
    on: str | None = None,
    known_on: str | None = None,
    fmt: Any = "html",
    notice: str | None = None,
    problem: str | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    record = dossiers.commitment_record(
        session,
        commitment_id,
        on=on_day(on),
        known_on=None if known_on is None else on_day(known_on, "known_on"),
    )
    if record.commitment.id != commitment_id:
        return _redirect_to_full(request, "/commitments", record.commitment.id)
    rows = record.timeline_rows()
    principal = current_principal(request)
    return respond(
        request,
        "commitment.html",
        rows,
        fmt,
        name=f"commitment-{record.commitment.id}",
        title=f"Commitment {record.commitment.id}",
        record=record,
        commitment=record.commitment,
        may_assess=principal is not None and principal.may(Role.reviewer),
        undoable=_undoable(record.last_assessment, principal),
        scores=[str(s) for s in SCORES],
        score_labels=SCORE_LABELS,
        score_badges=SCORE_BADGES,
        form=form or {},
        problem=problem,
        notice=notice,
        today=date.today().isoformat(),
        status_code=status_code,
    )


def _undoable(
    last: dossiers.ChangeRef | None, principal: Principal | None
) -> dossiers.ChangeRef | None:
    """The latest assessment when `principal` may undo it: their own, or any
    when they are an editor (as `scotrack undo` and the API allow editors)."""
    if last is None or principal is None or not principal.may(Role.reviewer):
        return None
    if last.actor == principal.name or principal.may(Role.editor):
        return last
    return None


@router.post("/commitments/{commitment_id}/assessments")
@needs(Role.reviewer)
def assess_commitment(
    request: Request,
    session: DbSession,
    caller: Caller,
    commitment_id: str,
    score: Annotated[str, Form(max_length=16)] = "",
    on: Annotated[str, Form(max_length=10)] = "",
    evidence: Annotated[str, Form(max_length=200)] = "",
    citation: Text = "",
    note: Text = "",
) -> Response:
    """Record an assessment (the one store function the CLI and the API call)."""
    full = dossiers.commitment_id(session, commitment_id)
    try:
        assessments.record_assessment(
            session,
            full,
            score=score,
            on=on,
            assessor=caller.name,
            evidence=evidence or None,
            citation=citation or None,
            note=note or None,
        )
    except ScotrackError as err:
        session.rollback()
        kept = {
            "score": score,
            "on": on,
            "evidence": evidence,
            "citation": citation,
            "note": note,
        }
        return _commitment(
            request, session, full, problem=str(err), form=kept, status_code=422
        )
    session.commit()
    return RedirectResponse(
        f"/commitments/{full}?done=assessed#timeline", status_code=303
    )


@router.post("/commitments/{commitment_id}/undo")
@needs(Role.reviewer)
def undo_assessment(
    request: Request,
    session: DbSession,
    caller: Caller,
    commitment_id: str,
    change: Annotated[int, Form(ge=1)],
) -> Response:
    """Undo the commitment's latest assessment, if it is change `change` (the one
    the page showed) and the caller may undo it."""
    full = dossiers.commitment_id(session, commitment_id)
    last = dossiers.latest_change_ref(session, "commitment", full)
    try:
        if last is None or last.id != change or last.action != "assess":
            raise InputError(
                f"change {change}: not the latest assessment of this commitment "
                "any more; reload the page"
            )
        if _undoable(last, caller) is None:
            raise InputError(
                f"change {change}: only its assessor ({last.actor}) or an editor "
                "may undo it"
            )
        undo.undo_batch(session, last.id, actor=caller.name)
    except InputError as err:
        session.rollback()
        return _commitment(request, session, full, problem=str(err), status_code=422)
    session.commit()
    return RedirectResponse(
        f"/commitments/{full}?done=undone#timeline", status_code=303
    )


@router.get("/projects/{project_id}")
@readable
def project_page(
    request: Request,
    session: DbSession,
    project_id: str,
    on: OnParam = None,
    format: FormatParam = "html",
) -> Response:
    record = project_dossiers.project_record(session, project_id, on=on_day(on))
    if record.project.id != project_id:
        return _redirect_to_full(request, "/projects", record.project.id)
    rows = [
        {
            "date": step.date,
            "status": step.status,
            "iati_activity_status": step.iati_code,
            "source": None if step.source is None else step.source.title,
            "source_document": None if step.source is None else step.source.document_id,
            "source_url": None if step.source is None else step.source.url,
            "current": step.current,
        }
        for step in record.steps
    ]
    return respond(
        request,
        "project.html",
        rows,
        format,
        name=f"project-{record.project.id}",
        title=record.project.name,
        record=record,
        project=record.project,
    )
