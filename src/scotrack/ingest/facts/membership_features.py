"""What the membership model knows of a candidate: the words between the state
and the event's cue and around each, their distance, the other states, whether a
precise rule found the step, and the sentence's clues (a future, a negation, a
standing status, "since"), each feature once with the event and once without;
and the clause between the state's list and the cue (#11): whether the list is
the cue's subject or object, the verbs there as lemmas, and its negation, modal,
wish, talk, question and past clues (a denied step is no candidate at all).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from scotrack.ingest.classifiers import features as feature_words
from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.classifiers.linear import Features
from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.lexicon import membership_cues as cue_rules

DENIED = "sc|neg"
"""The feature of a candidate whose clause denies the step ("have filed no
application", "was not invited to join", "hasn't applied"): the stage does not
propose it, whatever the precise rules found (a model fitted on the few such
candidates cannot be trusted with the sign of a negation)."""


ROSTER = 6
"""A list of this many states or more is a roster ("its members are China, India,
Iran, Kazakhstan, ..."; "the SCO's membership now includes Russia, Belarus, ..."):
a state in it takes no step unless a precise rule says so (#11)."""


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the candidates of one sentence share."""

    sent: Sentence
    lowered: str
    toks: feature_words.Tokens
    states: list[Mention]
    rule_hits: set[tuple[str, str]]
    number: int
    is_title: bool
    clues: list[str]
    """The names of the cue_rules.CLUES the sentence holds."""
    blocked: frozenset[str] = frozenset()
    """The states of the precise rules' phrases that report a step not (yet)
    taken ("discussed the procedure for admitting India")."""


def clues(lowered: str) -> list[str]:
    """The names of the clues the (folded) sentence holds, in order."""
    return [name for name, rule in cue_rules.CLUES if rule.search(lowered)]


def features(
    ctx: SentenceContext,
    state: Mention,
    event: str,
    span: tuple[int, int],
    ruled: bool,
) -> Features:
    """The features of `state` taking `event`, cued at sentence offsets `span`;
    `ruled`: whether a precise rule found some event of the state."""
    start, end = span
    offset = ctx.sent.start
    cue_start, cue_end = offset + start, offset + end
    toks, ends = ctx.toks.texts, ctx.toks.ends  # ends: sentence offsets
    s_index = bisect_right(ends, state.start - offset)
    c_index = bisect_right(ends, start)
    c_last = bisect_right(ends, end - 1)
    e = f"e={event}"
    found: Features = {e: 1.0, "bias2": 1.0}
    cue_word = " ".join(ctx.lowered[start:end].split()[:3])
    found[f"{e}|cue={cue_word}"] = 1.0
    before = state.end <= cue_start
    found[f"{e}|dir={'state<cue' if before else 'cue<state'}"] = 1.0
    low, high = (s_index + 1, c_index) if before else (c_last + 1, s_index)
    between = toks[low:high]
    distance = len(between)
    bucket = feature_words.bucket(distance)
    found[f"{e}|dist={bucket}"] = 1.0
    found[f"dist={bucket}"] = 1.0
    if distance <= 12:
        words = set(between)  # a set's words come in the same order each time
        for word in words:
            found[f"{e}|bw|{word}"] = 1.0
        for word in words:
            found[f"bw|{word}"] = 1.0
    if distance <= 5:
        gap = " ".join(between)
        side = "<" if before else ">"
        found[f"{e}|gap{side}{gap}"] = 1.0
        found[f"gap{side}{gap}"] = 1.0
    previous = toks[c_index - 1] if c_index > 0 else "^"
    following = toks[c_last + 1] if c_last + 1 < len(toks) else "$"
    found[f"{e}|cue2={previous} {cue_word} {following}"] = 1.0
    for word in feature_words.window(toks, c_index, c_last + 1, 3):
        found[f"{e}|cw|{word}"] = 1.0
    for word in feature_words.window(toks, s_index, s_index + 1, 2):
        found[f"{e}|sw|{word}"] = 1.0
    near = min(abs(state.start - cue_end), abs(cue_start - state.end))
    closer = any(
        min(abs(m.start - cue_end), abs(cue_start - m.end)) < near
        for m in ctx.states
        if m.value != state.value
    )
    found[f"{e}|closer_other={closer}"] = 1.0
    found[f"{e}|states={feature_words.bucket(len(ctx.states))}"] = 1.0
    hit = (state.value, event) in ctx.rule_hits
    found[f"{e}|rule={hit}"] = 1.0
    if hit:
        found[RULE] = 1.0
    if ruled:
        found["rule_other_event"] = 1.0
    if state.value in ctx.blocked:
        found[f"{e}|rule_blocked"] = 1.0
        found["rule_blocked"] = 1.0
    for name in ctx.clues:
        found[f"{e}|{name}"] = 1.0
        found[name] = 1.0
    found[f"{e}|title={ctx.is_title}"] = 1.0
    if ctx.number < 3:
        found[f"{e}|lead"] = 1.0
    _clause(found, e, ctx, state, span)
    return found


def in_roster(ctx: SentenceContext, state: Mention) -> bool:
    """Whether `state` stands in a list of ROSTER states or more."""
    return _listed(ctx, state)[2] >= ROSTER


def _listed(ctx: SentenceContext, state: Mention) -> tuple[int, int, int]:
    """The sentence offsets of the list of states `state` stands in ("India and
    Pakistan", "Azerbaijan, Armenia, Cambodia and Nepal"), and its length."""
    offset = ctx.sent.start
    spans = sorted({(m.start - offset, m.end - offset) for m in ctx.states})
    at = spans.index((state.start - offset, state.end - offset))
    first = last = at
    joined = cue_rules.LIST_JOINER.fullmatch
    while first > 0 and joined(ctx.lowered, spans[first - 1][1], spans[first][0]):
        first -= 1
    while last + 1 < len(spans) and joined(
        ctx.lowered, spans[last][1], spans[last + 1][0]
    ):
        last += 1
    return spans[first][0], spans[last][1], last - first + 1


def _clause(
    found: Features,
    e: str,
    ctx: SentenceContext,
    state: Mention,
    span: tuple[int, int],
) -> None:
    """Features of the clause between the state's list and the cue: whether the
    list is the cue's subject or object (no clause break between them), the
    words between with the list read as one, the verbs there and just before the
    list as lemmas, and the clues of those words and the few before the first
    of the two (a negation, a modal, a wish, a question, a past)."""
    start, end = span
    first, last, size = _listed(ctx, state)
    if first < end and start < last:  # the cue inside the list
        return
    before = last <= start
    low, high = (last, start) if before else (end, first)
    inner = ctx.lowered[low:high]
    toks, ends = ctx.toks.texts, ctx.toks.ends
    words = toks[bisect_right(ends, low) : bisect_right(ends, high - 1)]
    broken = cue_rules.CLAUSE_BREAK.search(inner) is not None
    role = "far" if broken or len(words) > 8 else ("subj" if before else "obj")
    found[f"{e}|role={role}"] = 1.0
    found[f"role={role}"] = 1.0
    found[f"{e}|list={feature_words.bucket(size)}"] = 1.0
    if len(words) <= 5:
        found[f"{e}|lgap{'<' if before else '>'}{' '.join(words)}"] = 1.0
    lead = bisect_right(ends, min(first, start))
    preceding = toks[max(0, lead - cue_rules.SCOPE_BEFORE) : lead]
    for word in {cue_rules.LEMMAS.get(w) for w in words} - {None}:
        found[f"{e}|lemma|{word}"] = 1.0
        found[f"{e}|{role}|lemma|{word}"] = 1.0
    list_start = bisect_right(ends, first)
    if list_start > 0:
        word = toks[list_start - 1]
        found[f"{e}|pre_list={cue_rules.LEMMAS.get(word, word)}"] = 1.0
    scope = " ".join(preceding + words)
    for name, rule in cue_rules.SCOPE_CLUES:
        if rule.search(scope):
            found[f"sc|{name}"] = 1.0  # DENIED for "neg"
            found[f"{e}|sc|{name}"] = 1.0
            found[f"{e}|{role}|sc|{name}"] = 1.0
