"""Patterns for HTML markup as text: the tags that count toward nesting (#18)."""

from __future__ import annotations

import re

NESTING_TAG = re.compile(
    r"<(/?)(?!(?:area|base|br|col|dd|dt|embed|hr|img|input|li|link|meta|option|p"
    r"|param|source|td|th|tr|track|wbr)\b)[a-zA-Z]",
    re.IGNORECASE,
)
"""An opening or closing tag of an element that may hold others (group 1: "/"
for a closing tag); the ones with no content (`br`) or an end tag a parser may
imply (`p`, `li`) are left out, so the depth counted is not more than a
browser's."""
