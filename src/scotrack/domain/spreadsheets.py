"""What a CSV cell may begin with, so that a spreadsheet opening the file shows
text instead of running it as a formula (#18).

One rule for every CSV a person opens: the CLI's `--format csv` and the web's
`?format=csv`. A string that begins with a character a spreadsheet reads as the
start of a formula gets a leading `'`; every other value, numbers included (a
negative number is a number, not a formula), passes unchanged.

The Data Package export (`store/exports/datapackage.py`) does not use it: its
CSV is data for frictionless or pandas, whose values must read back exact.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters a spreadsheet reads as a formula (OWASP's list: the four
signs, and tab and carriage return, which some strip before looking)."""


def inert(value: object) -> object:
    """`value`, with a `'` in front if it is a string a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
