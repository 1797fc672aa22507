"""Errors cross process boundaries intact (extraction workers send them back)."""

from __future__ import annotations

import pickle

from scotrack.errors import Ambiguous, DocumentError, InputError


def test_document_error_survives_pickling() -> None:
    error = DocumentError("/corpus/empty.txt", "empty file")
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, DocumentError)
    assert (again.path, again.reason, str(again)) == (
        "/corpus/empty.txt",
        "empty file",
        "/corpus/empty.txt: empty file",
    )
    assert again.exit_code == 1


def test_ambiguous_and_input_errors_survive_pickling() -> None:
    error = Ambiguous("agreement", "convention", ["A [a]", "B [b]"])
    again = pickle.loads(pickle.dumps(error))
    assert (again.query, again.candidates, str(again)) == (
        "convention",
        ["A [a]", "B [b]"],
        str(error),
    )
    assert str(pickle.loads(pickle.dumps(InputError("bad date")))) == "bad date"
