"""The charts page (/charts): every chart of the knowledge base on one page,
the same pictures `scotrack chart` writes to files (#17)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from scotrack.api.access import readable
from scotrack.api.database import DbSession
from scotrack.api.schemas import OnParam, on_day
from scotrack.domain.vocab import CHART_KINDS
from scotrack.web.charts import kinds
from scotrack.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/charts")
@readable
def charts_page(request: Request, session: DbSession, on: OnParam = None) -> Response:
    options = kinds.Options(on_day(on))
    drawn = {
        kind: kinds.chart(session, kind, options)
        for kind in CHART_KINDS
        if kind not in kinds.NEEDS_STATE and kind != "summits"
    }
    return page(
        request,
        "charts.html",
        title="Charts",
        on=options.on,
        charts=drawn,
        host_cities=kinds.host_city_figure(session),
    )
