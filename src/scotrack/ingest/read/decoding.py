"""A file's bytes as text: opened only when a regular file, its size limited,
decoded.

Bytes are decoded as UTF-8 when they are UTF-8, else with the encoding
charset-normalizer detects; a byte-order mark is honoured and dropped, and line
ends become `\\n`. Every problem is a `DocumentError` naming the path and the
reason in one line.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from scotrack.errors import DocumentError
from scotrack.ingest.lexicon import pages as rules

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROLS = 8


def os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {err.strerror or err}"


def special_reason(mode: int) -> str:
    """Why a file that is neither a regular file nor a folder is refused."""
    kind = (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a character device"
        if stat.S_ISCHR(mode)
        else "a block device"
        if stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a special file"
    )
    return f"not a regular file ({kind}); give a file or a folder"


def read_text(path: Path, *, max_bytes: int) -> str:
    """The decoded text of `path`; DocumentError if it can't be a document."""
    name = str(path)
    data = read_bytes(
        path,
        max_bytes=max_bytes,
        too_large="file too large ({size:,} bytes; the limit is {limit:,}, "
        "set SCOTRACK_MAX_DOCUMENT_BYTES to change it)",
    )
    text = decode(data, name)
    if not text or text.isspace():
        raise DocumentError(name, "empty file (no text)")
    return text


def read_bytes(path: Path, *, max_bytes: int, too_large: str) -> bytes:
    """The bytes of the regular file `path`, at most `max_bytes` of them;
    DocumentError (`too_large` formatted with `size` and `limit`) beyond."""
    with opened_file(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise DocumentError(str(path), too_large.format(size=size, limit=max_bytes))
        data = handle.read(max_bytes + 1)  # a file that grows is cut, not followed
    if len(data) > max_bytes:
        raise DocumentError(
            str(path), too_large.format(size=len(data), limit=max_bytes)
        )
    return data


@contextmanager
def opened_file(path: Path) -> Iterator[BinaryIO]:
    """`path` open for reading, refused unless a regular file (a FIFO is opened
    without blocking, so naming one never hangs)."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError as err:
        raise DocumentError(name, "is a directory, not a file") from err
    except OSError as err:
        raise DocumentError(name, os_reason(err)) from err
    handle = os.fdopen(fd, "rb")
    with handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(name, "is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise DocumentError(name, special_reason(mode))
        try:
            yield handle
        except OSError as err:
            raise DocumentError(name, os_reason(err)) from err


def decode(data: bytes, name: str) -> str:
    """`data` as text with `\\n` line ends; BOM, UTF-8, else the detected encoding."""
    if not data or data.isspace():
        raise DocumentError(name, "empty file (no text)")
    text, utf8 = _decode_bytes(data, name)
    # UTF-8 writes each control character as that byte alone, so bytes without
    # one are a text without one: a test on the bytes, cheaper than the regex
    if (not utf8 or len(data.translate(None, rules.CONTROL_BYTES)) < len(data)) and (
        len(rules.CONTROL.findall(text, 0, 4096)) > _MAX_CONTROLS
    ):
        raise DocumentError(name, "binary file (control characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode_bytes(data: bytes, name: str) -> tuple[str, bool]:
    """The text of `data`, and whether it was read as UTF-8 without a BOM."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), False
            except UnicodeDecodeError as err:
                raise DocumentError(
                    name, f"not valid {encoding} despite its byte-order mark"
                ) from err
    if b"\x00" in data[:8192]:
        raise DocumentError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError as err:
        position = err.start
    # imported here: a slow import that only non-UTF-8 input needs
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(
            name,
            f"invalid UTF-8 at byte {position} and no other encoding fits; "
            "convert the file to UTF-8",
        )
    return str(best), False


__all__ = [
    "BOMS",
    "decode",
    "opened_file",
    "os_reason",
    "read_bytes",
    "read_text",
    "special_reason",
]
