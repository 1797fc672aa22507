"""Alternations of rules compiled so that the regex engine skips ahead to them.

A folded rule that is an alternation of word-bounded phrases ("\\bcouncil of
...|\\bsummits?\\b|...") makes the engine try every alternative at every place
in a text: `\\b` first keeps it from skipping ahead. The same rule written with
each alternative starting with its first letters runs several times faster:

- `\\bword` finds what `word(?<!\\wword)` finds (the look-behind is the word
  boundary, tested once the letters matched), and a leading `(?<!before)` joins
  it as `(?<!beforeword)`;
- `\\b(?:a|b)rest` finds what `\\barest|\\bbrest` finds (the alternatives are
  tried in the same order), and `\\b(?:a)?rest` what `\\barest|\\brest` finds.

Alternatives that start with the same letter are grouped, so that the engine
tries one group at a place rather than each alternative. An alternative that
still starts otherwise ("\\b(?:[\\w-]+ ){0,2}ministers meet") is slow: it is
left out of the rule where the text holds no match of its tail ("ministers
meet"), as it can match nowhere there (`Alternation`).
"""

from __future__ import annotations

import re
from functools import cache

from scotrack.ingest.lexicon.folding import folded_pattern

_LITERAL = r"(?:[a-z0-9 '\-]|\\u[0-9a-f]{4})"
"""What stands for itself in a folded rule: plain letters and `\\uXXXX`."""
_RUN = re.compile(rf"{_LITERAL}+")
_LAST_ESCAPE = re.compile(r"\\u[0-9a-f]{4}$")
_BEHIND = re.compile(rf"\(\?<!({_LITERAL}+)\)")
_QUANTIFIERS = ("?", "*", "+", "{")


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regex, split at "|" outside parentheses."""
    parts, depth, begin = [], 0, 0
    for position, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[begin:position])
            begin = position + 1
    parts.append(pattern[begin:])
    return parts


def _run_at(source: str, at: int) -> str:
    """The literal letters at `source[at:]` that every match holds (the last
    one left out when a quantifier follows it)."""
    found = _RUN.match(source, at)
    if found is None:
        return ""
    run = found.group()
    if source[found.end() : found.end() + 1] in _QUANTIFIERS:
        last = _LAST_ESCAPE.search(run)
        run = run[: last.start()] if last else run[:-1]
    return run


def _class_end(source: str, at: int) -> int:
    """The end of the character class that starts at `source[at]` ("[")."""
    at += 1
    if source.startswith("^", at):
        at += 1
    if source.startswith("]", at):
        at += 1
    while source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at + 1


def _group_end(source: str, at: int) -> int:
    """The end of the group that starts at `source[at]` ("(")."""
    depth = 0
    while True:
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _class_end(source, at)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        at += 1
        if depth == 0:
            return at


def literal_first(alternative: str) -> list[str]:
    """Alternatives that, tried in order, find what `alternative` (a folded
    rule's, without a top-level "|") finds, each starting with its first
    letters where the rewriting rules allow."""
    behind: list[str] = []
    at = 0
    while (found := _BEHIND.match(alternative, at)) is not None:
        behind.append(found.group(1))
        at = found.end()
    if not alternative.startswith(r"\b", at):
        return [alternative]
    head, at = alternative[:at] + r"\b", at + 2
    if alternative.startswith("(?:", at):
        end = _group_end(alternative, at)
        inner, rest = alternative[at + 3 : end - 1], alternative[end:]
        if rest[:1] not in _QUANTIFIERS:
            parts = top_level_alternatives(inner)
            shared = _sharing_rest(head, parts, rest)
            if shared is not None:
                return shared
            return [
                rewritten
                for part in parts
                for rewritten in literal_first(head + part + rest)
            ]
        if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
            with_it = literal_first(head + "(?:" + inner + ")" + rest[1:])
            return with_it + literal_first(head + rest[1:])
    run = _run_at(alternative, at)
    if not run or not run[0].isalnum():
        return [alternative]
    checks = [rf"(?<!\w{run})", *(f"(?<!{before}{run})" for before in behind)]
    return [run + "".join(checks) + alternative[at + len(run) :]]


_SHARED_REST = 5000
"""The characters a leading group's rest ("\\b(?:a|b|...)rest") would be
copied into the rule beyond which it is written once per first letter of the
group's alternatives, not once per alternative: a long rest copied for each of
many alternatives makes a rule that takes long to compile (the meetings rule
of gatherings, whose 22 participants each repeat a rest of some 900
characters). Shared, a rest runs a little slower (the engine backtracks into
the group), so a short one is still copied."""


def _sharing_rest(head: str, parts: list[str], rest: str) -> list[str] | None:
    """`head` + "(?:" + `parts` + ")" + `rest` as alternatives that hold `rest`
    once per first letter of a run of parts that start with letters (and once
    for a part that starts otherwise): "m(?:a|b)rest" finds what "marest|mbrest"
    finds, as the engine backtracks into the group in the same order, and two
    alternatives that start with different letters never match at the same
    place; None when the rest is short."""
    if len(rest) * (len(parts) - 1) < _SHARED_REST:
        return None
    firsts = [rewritten for part in parts for rewritten in literal_first(head + part)]
    return [
        segment if _starts_with_letters(segment) else segment + rest
        for segment in _grouped(firsts, rest)
    ]


def tail(alternative: str) -> str | None:
    """`alternative` from its first letters outside any group, if any: every
    match of `alternative` ends with a match of it."""
    at, depth = 0, 0
    while at < len(alternative):
        char = alternative[at]
        if depth == 0 and _RUN.match(alternative, at):
            if char.isalnum() and _run_at(alternative, at):
                return alternative[at:]
            at += 6 if alternative.startswith("\\u", at) else 1
        elif char == "\\":
            at += 2
        elif char == "[":
            at = _class_end(alternative, at)
        elif char == "{":  # a quantifier's bounds are no letters of the text
            at = alternative.index("}", at) + 1
        else:
            depth += {"(": 1, ")": -1}.get(char, 0)
            at += 1
    return None


def _starts_with_letters(alternative: str) -> bool:
    """Whether every match of `alternative` starts with its first letter."""
    return alternative[:1].isalnum() and bool(_run_at(alternative, 0))


def _grouped(parts: list[str], rest: str = "") -> list[str]:
    """`parts` as the alternatives of one alternation, those that start with
    the same letter grouped, each group followed by `rest` (the regex engine
    then tries one group at a place, not each part): two parts that start with
    different letters never match at the same place, so only their order
    within a group, and around a part that does not start with letters, is
    kept."""
    segments: list[str] = []
    groups: dict[str, list[str]] = {}
    for part in [*parts, ""]:
        if part and _starts_with_letters(part):
            groups.setdefault(part[0], []).append(part)
            continue
        segments += [_factored(group) + rest for group in groups.values()]
        groups = {}
        if part:
            segments.append(part)
    return segments


def _factored(group: list[str]) -> str:
    """Parts that start with the same letter as one alternative that starts
    with it too (so that the whole rule does, for the engine to skip ahead)."""
    if len(group) == 1:
        return group[0]
    return group[0][0] + "(?:" + "|".join(part[1:] for part in group) + ")"


@cache
def _compiled(source: str) -> re.Pattern[str]:
    """`folded_pattern(source)`, compiled once, when first run."""
    return folded_pattern(source)


class Alternation:
    """A folded rule as its alternatives that start with letters ("fast") and
    all of them ("full"), which find the same spans in a text where none of
    `needs` (the tails of the others) matches.

    The sources are compiled when first run, not on import: the long rules of
    meetings take a good part of a second to compile, and a process that never
    extracts never needs them."""

    __slots__ = ("_full", "_rules", "fast_source", "full_source", "need_sources")

    def __init__(
        self, fast_source: str, full_source: str, need_sources: tuple[str, ...]
    ) -> None:
        self.fast_source = fast_source
        self.full_source = full_source
        self.need_sources = need_sources
        self._full: re.Pattern[str] | None = None
        self._rules: _Rules | None = None

    @property
    def full(self) -> re.Pattern[str]:
        if self._full is None:
            self._full = _compiled(self.full_source)
        return self._full

    @property
    def fast(self) -> re.Pattern[str]:
        return self._compiled_rules()[0]

    @property
    def needs(self) -> tuple[re.Pattern[str], ...]:
        return self._compiled_rules()[2]

    def rule_for(self, lowered: str) -> re.Pattern[str]:
        """The pattern to run on the folded text `lowered`."""
        fast, full, needs = self._rules or self._compiled_rules()
        for need in needs:
            if need.search(lowered) is not None:
                return full
        return fast

    def _compiled_rules(self) -> _Rules:
        if self._rules is None:
            needs = tuple(_compiled(need) for need in self.need_sources)
            self._rules = (_compiled(self.fast_source), self.full, needs)
        return self._rules


_Rules = tuple[re.Pattern[str], re.Pattern[str], tuple[re.Pattern[str], ...]]
"""An Alternation's fast and full patterns and its needs, compiled."""


def alternation(source: str) -> Alternation:
    """`source` (a case-insensitive rule) as an `Alternation`."""
    lowered = source.lower()
    rewritten = [
        part
        for alternative in top_level_alternatives(lowered)
        for part in literal_first(alternative)
    ]
    full = "|".join(_grouped(rewritten))
    fast = [part for part in rewritten if _starts_with_letters(part)]
    tails = [tail(part) for part in rewritten if not _starts_with_letters(part)]
    if not fast or not tails or None in tails:
        return Alternation(full, full, ())
    needs = tuple(str(end) for end in tails)
    return Alternation("|".join(_grouped(fast)), full, needs)


def first_words(source: str) -> tuple[str, ...]:
    """The letters each match of `source` (a case-insensitive rule) starts with,
    one entry per alternative as `skipping` rewrites them: a text where none of
    them occurs holds no match, and a match begins only where one does (the
    places to try it, `facts.clauses.matches_at`); a word ends before an
    escape ("sco" of "sco\\u2019s"). ValueError when an alternative starts
    otherwise."""
    words: list[str] = []
    for alternative in top_level_alternatives(source.lower()):
        for part in literal_first(alternative):
            run = _run_at(part, 0) if _starts_with_letters(part) else ""
            run = run.split("\\")[0]
            if not run:
                raise ValueError(f"{part!r} does not start with plain letters")
            words.append(run)
    return tuple(dict.fromkeys(words))


def skipping(source: str) -> re.Pattern[str]:
    """`source` (a case-insensitive rule) compiled to find on folded text what
    `folded_pattern(source)` finds, its alternatives rewritten to start with
    their first letters where they can and grouped by them. A rule written in
    lower case, with no capital in its syntax, finds on any text what
    `re.compile(source)` finds: a case-sensitive rule of lower-case words may
    be compiled so too."""
    return alternation(source).full
