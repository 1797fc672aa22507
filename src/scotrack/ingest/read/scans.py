"""Where records start in an archive, found by scanning it (#16): the scans
`ranges` runs (on the workers, or for plain WARC in the caller) to cut a large
file into pieces, and the window a piece is read through."""

from __future__ import annotations

import gzip
import io
import zlib
from array import array
from pathlib import Path
from typing import Any, BinaryIO

_GZIP_MAGIC = b"\x1f\x8b\x08"
READ = 1 << 16
"""Bytes read at a time."""
_SCAN_BLOCK = 1 << 20
_INFLATE_OUT = 1 << 20


def line_count(path: Path) -> int | None:
    """The lines of a gzipped JSON Lines file, as `jsonl._byte_lines` counts
    them; None when it does not inflate whole. Runs on a worker."""
    count = 0
    last = b"\n"
    try:
        with gzip.open(path) as handle:
            while block := handle.read(_SCAN_BLOCK):
                count += block.count(b"\n")
                last = block[-1:]
    except (OSError, EOFError, zlib.error):
        return None
    return count + (last != b"\n")


def warc_starts(path: Path) -> list[int] | None:
    """Where each record of a plain WARC file starts, by its headers; None when
    a record is not where the one before it says."""
    found: list[int] = []
    size = path.stat().st_size
    with path.open("rb", buffering=4096) as handle:  # a header's worth a record
        at = 0
        while at < size:
            handle.seek(at)
            length = _warc_header(handle)
            if length is None:
                return None
            found.append(at)
            at = handle.tell() + length
            handle.seek(at)
            if handle.read(4) != b"\r\n\r\n":
                return None
            at += 4
    return found


def _warc_header(handle: BinaryIO) -> int | None:
    """The content length of the WARC record whose header starts here, the
    handle left at its content; None when no record starts here."""
    if not handle.readline(64).startswith(b"WARC/"):
        return None
    length = None
    for _ in range(256):
        line = handle.readline(1 << 16)
        if line in (b"\r\n", b"\n"):
            return length
        if not line:
            return None
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                return None
    return None


def record_starts(path: Path, kind: str, start: int, end: int) -> Any:
    """(starts, after): the offsets (an `array("q")`) of the records starting
    in bytes `start` to `end`, and where the record after the last one starts;
    None when the window cannot be trusted. Runs on a worker."""
    with path.open("rb") as handle:
        if kind == "jsonl":
            return _line_starts(handle, start, end)
        return _member_starts(handle, start, end)


def _line_starts(handle: BinaryIO, start: int, end: int) -> tuple[array[int], None]:
    """The lines that start in the window: after a b"\\n", or at byte 0 (no
    chain: a line may start anywhere). Read a block at a time."""
    found = array("q")
    if start == 0:
        found.append(0)
    at = max(0, start - 1)  # a line starts at `start` if a b"\\n" ends the byte before
    handle.seek(at)
    while at < end - 1 and (block := handle.read(min(_SCAN_BLOCK, end - 1 - at))):
        hit = block.find(b"\n")
        while hit >= 0:
            found.append(at + hit + 1)
            hit = block.find(b"\n", hit + 1)
        at += len(block)
    return found, None


def _member_starts(handle: BinaryIO, start: int, end: int) -> Any:
    """The gzip members that start in the window, each one a WARC record."""
    found = array("q")
    at = _first_member(handle, start, end)
    while at is not None and at < end:
        after = _member_end(handle, at)
        if after is None:
            return None
        found.append(at)
        at = after
    if at is None:
        return found, end  # no member starts here: the chain crosses the window
    return found, at


def _first_member(handle: BinaryIO, start: int, end: int) -> int | None:
    """The first offset at or after `start` (before `end`) where a gzip member
    holding a WARC record starts."""
    at = start
    while at < end:
        handle.seek(at)
        block = handle.read(min(READ, end - at) + len(_GZIP_MAGIC) - 1)
        hit = block.find(_GZIP_MAGIC)
        if hit < 0:
            at += max(1, len(block) - len(_GZIP_MAGIC) + 1)
            if len(block) < len(_GZIP_MAGIC):
                return None
            continue
        if at + hit >= end:
            return None
        if _member_end(handle, at + hit) is not None:
            return at + hit
        at += hit + 1
    return None


def _member_end(handle: BinaryIO, at: int) -> int | None:
    """Where the gzip member starting at `at` ends, if it inflates whole and
    its text starts with `WARC/`; else None."""
    handle.seek(at)
    inflate = zlib.decompressobj(31)
    head = b""
    read = at
    try:
        while not inflate.eof:
            data = handle.read(READ)
            if not data:
                return None
            read += len(data)
            out = inflate.decompress(data, _INFLATE_OUT)
            while True:
                if len(head) < 5:
                    head += out[: 5 - len(head)]
                if not inflate.unconsumed_tail or inflate.eof:
                    break
                out = inflate.decompress(inflate.unconsumed_tail, _INFLATE_OUT)
            if len(head) >= 5 and head != b"WARC/":
                return None
    except zlib.error:
        return None
    if head != b"WARC/":
        return None
    return read - len(inflate.unused_data)


class Window(io.RawIOBase):
    """The bytes `start` to `end` of an open file, as a stream of their own
    (seekable within them: the gzip check reads the magic and goes back)."""

    def __init__(self, handle: BinaryIO, start: int, end: int) -> None:
        self.handle = handle
        self.start = start
        self.size = end - start
        self.at = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.at

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.at, io.SEEK_END: self.size}
        self.at = min(max(0, base[whence] + offset), self.size)
        return self.at

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.size - self.at)
        if size <= 0:
            return 0
        self.handle.seek(self.start + self.at)
        data = self.handle.read(size)
        buffer[: len(data)] = data
        self.at += len(data)
        return len(data)


__all__ = ["READ", "Window", "line_count", "record_starts", "warc_starts"]
