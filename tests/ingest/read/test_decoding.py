"""A file's bytes to text (`read.decoding`): control characters, line ends, empty."""

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.read.decoding import decode


def test_decode_rejects_control_characters() -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 3, "x")


def test_decode_allows_a_few_control_characters_and_mixed_line_ends() -> None:
    assert decode(b"a\x01b\r\nc\rd\x0c", "x") == "a\x01b\nc\nd\x0c"
    with pytest.raises(DocumentError, match="binary"):
        decode(b"text " + b"\x1f" * 9, "x")
    assert decode(b"text " + b"\x1f" * 8, "x").startswith("text")


@pytest.mark.parametrize(
    "text", ["\u00e9t\u00e9 " + "\x1f" * 9, "\ufeffplain " + "\x02" * 9]
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_decode_counts_control_characters_in_any_encoding(
    text: str, encoding: str
) -> None:
    with pytest.raises(DocumentError, match="binary"):
        decode(text.encode(encoding), "x")


def test_decode_whitespace_only_is_empty() -> None:
    with pytest.raises(DocumentError, match="empty"):
        decode(b" \t\r\n\x0b\x0c", "x")
