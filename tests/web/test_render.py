"""The page-rendering helpers: values shown as text a reader would write."""

from __future__ import annotations

import pytest

from scotrack.web.render import readable


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (["CHN", "IND"], "CHN, IND"),
        ([], "none"),
        (None, "\u2014"),
        (True, "yes"),
        (False, "no"),
        (18, "18"),
        ({"state": "IND", "event": "joined"}, "state: IND; event: joined"),
        (("alias 'SCO Charter' 100",), "alias 'SCO Charter' 100"),
        ('["CHN", "RUS"]', '["CHN", "RUS"]'),  # text is text (#15)
        ("[Draft] agreement on energy", "[Draft] agreement on energy"),
        ("Qingdao", "Qingdao"),
        ([["CHN", "signed"], ["RUS", None]], "CHN, signed, RUS, \u2014"),
    ],
)
def test_readable_values(value: object, shown: str) -> None:
    assert readable(value) == shown
