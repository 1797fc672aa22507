"""Classifiers: the word shapes candidates' features are made of."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_][\w'\u2019-]*")
"""A word: letters or digits, with inner apostrophes and hyphens."""
YEAR = re.compile(r"(?:19|20)\d\d")
