"""One rule for the CSV a person opens: no string a spreadsheet would run (#18)."""

from __future__ import annotations

import pytest

from scotrack.domain.spreadsheets import inert

pytestmark = pytest.mark.issue(18)


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("x")', "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_string_a_spreadsheet_would_run_gets_a_quote(value: str) -> None:
    assert inert(value) == "'" + value


@pytest.mark.parametrize("value", [-3, -2.5, 0, True, None, "", "Qingdao", "a=b"])
def test_everything_else_passes_unchanged(value: object) -> None:
    assert inert(value) is value
