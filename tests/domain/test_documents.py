"""The one check of a document given as a JSON object (#18)."""

from __future__ import annotations

import pytest

from scotrack.domain.documents import document_fields, document_json, json_too_deep
from scotrack.errors import InputError


def test_document_fields_normalised() -> None:
    fields = document_fields(
        {"id": 3, "html": "<p>x</p>", "published": "2017-6", "url": " ", "x": [1]}
    )
    assert (fields.id, fields.html, fields.text) == ("3", "<p>x</p>", None)
    assert (fields.published, fields.url) == ("2017-06", None)


@pytest.mark.parametrize(
    ("record", "field", "reason"),
    [
        ([], "document", "not a JSON object (an array)"),
        ({"text": True}, "text", "Input should be a valid string (not a boolean)"),
        ({"text": "x", "id": True}, "id", "Input should be a valid string"),
        ({"text": "x", "published": "2017-02-30"}, "published", "has no day 30"),
        ({"text": "x", "title": "t" * 1001}, "title", "at most 1000 characters"),
        ({"text": "x", "source": "a\udc80"}, "source", "lone surrogate, \\udc80"),
    ],
)
def test_document_fields_refused(record: object, field: str, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        document_fields(record)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")
    assert reason in str(raised.value)


def test_document_json_refuses_depth_before_parsing() -> None:
    deep = '{"text": "x", "m": ' + "[" * 200_000 + "]" * 200_000 + "}"
    with pytest.raises(InputError, match="nested too deeply"):
        document_json(deep, max_depth=64)
    assert not json_too_deep('{"a": "[[[[[[", "b": [[1]]}', 3)
    assert json_too_deep('{"b": [[[1]]]}', 3)
    assert not json_too_deep('{"a": "\\"[[[[", "b": [[1]]}', 3)
