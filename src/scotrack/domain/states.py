"""States: ISO 3166-1 alpha-3 codes, names, adjectives, capitals, and lookup."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from scotrack.errors import Ambiguous, NotFound

SCO = "SCO"
"""The organization itself, where a schema field takes a state code."""


@dataclass(frozen=True, slots=True)
class State:
    code: str
    name: str
    official_name: str | None = None
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capital: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every name the state goes by (not adjectives or the capital)."""
        return (
            self.name,
            *(() if self.official_name is None else (self.official_name,)),
            *self.aliases,
        )


class StateIndex:
    """Finds a State by code, name, alias or adjective, case-insensitively."""

    def __init__(self, states: Iterable[State]) -> None:
        self._by_code: dict[str, State] = {}
        self._by_key: dict[str, list[State]] = {}
        for state in states:
            self._by_code[state.code.upper()] = state
            for key in (*state.names(), *state.adjectives):
                bucket = self._by_key.setdefault(key.casefold(), [])
                if state not in bucket:
                    bucket.append(state)

    def __iter__(self) -> Iterator[State]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.upper() in self._by_code

    def get(self, code: str) -> State | None:
        return self._by_code.get(code.upper())

    def find(self, text: str) -> State:
        """The one state `text` names; NotFound (with suggestions) or Ambiguous."""
        query = text.strip()
        by_code = self._by_code.get(query.upper())
        if by_code is not None:
            return by_code
        matches = self._by_key.get(query.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise Ambiguous("state", query, [f"{s.code} ({s.name})" for s in matches])
        suggestions = process.extract(
            query.casefold(),
            list(self._by_key),
            scorer=fuzz.WRatio,
            limit=3,
            score_cutoff=70,
        )
        hint = ""
        if suggestions:
            named = sorted({self._by_key[key][0].code for key, _, _ in suggestions})
            hint = f"; did you mean {', '.join(named)}?"
        raise NotFound(f"state {query!r} is not a known state code or name{hint}")
