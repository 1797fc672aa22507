"""The terminal: what the commands print, with control characters made visible.

Documents, notes, reasons, names and titles come from anyone who can feed the
knowledge base, and a terminal obeys what it is sent: ESC sequences recolour,
move the cursor or (OSC 52) write the clipboard, C1 controls do the same in one
byte, CR and backspace overwrite what was printed, and bidi overrides reverse the
text around them. Every value printed to a terminal is therefore shown with those
characters written as Python escapes (`\\x1b`, `\\u202e`), visible and inert
(#18). `Terminal` does it for every string it renders, before Rich measures it, and
once more for whatever reaches its output by another way, so no command can
forget it; `literal` is a value as a Rich `Text`, never read as markup. JSON keeps
values exact with `\\u` escapes (`json_text`); CSV is written as it is, for programs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but newline and tab, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (undecodable bytes), unprintable
)
"""The characters a terminal would act on rather than show. Newline and tab stay
(multi-line notes read as written); zero-width joiners stay (Persian needs them)."""


def _escape(match: re.Match[str]) -> str:
    # every character of UNSAFE is unprintable, so repr writes it as an escape
    return repr(match.group())[1:-1]


def visible(value: str) -> str:
    """`value` with every character of `UNSAFE` written as its Python escape."""
    return UNSAFE.sub(_escape, value)


def literal(value: Any, style: str | Style = "") -> Text:
    """`value` as Rich text to print as it reads: controls escaped, no markup."""
    return Text(visible(value if isinstance(value, str) else str(value)), style=style)


def json_text(data: Any) -> str:
    """`data` as indented JSON whose every `UNSAFE` character is a `\\u` escape.

    JSON escapes C0 controls itself, but not C1, bidi controls or separators, and
    a lone surrogate cannot even be written to a UTF-8 stdout; escaped, all of them
    parse back to the very same value, so the output stays exact.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class Terminal(Console):
    """A Rich console that never lets a control character of a value through.

    Strings are escaped before Rich parses their markup and measures them, so
    tables keep their columns; the output is escaped once more segment by segment,
    for text that came in as a ready `Text` (a panel's title, say). Emoji codes
    (`:warning:`) in values stay text.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(emoji=False, **options)
        # Rich fixes the size from COLUMNS/LINES as they are at construction; the
        # module's consoles are built at import, so read them when printing instead
        if "width" not in options:
            self._width = None
        if "height" not in options:
            self._height = None

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(visible(text), **options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        # Rich's one exit to the file; its own control segments (cursor moves of a
        # progress bar) pass, the text of every other segment is escaped.
        return super()._render_buffer(
            segment
            if segment.control
            else Segment(visible(segment.text), segment.style)
            for segment in buffer
        )
