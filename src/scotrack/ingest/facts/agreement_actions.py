"""The action the text gives an agreement it names (see `agreements`): an action
noun governing it ("the ratification of the memorandum"), a verb of a relative
clause after it, a passive after it, the nearest action verb before it in its
clause, or a passive a little further on; none when the action is still to come
("will sign", "expected to be adopted"). A national legislature approving an
instrument ratifies it.
"""

from __future__ import annotations

import re

from scotrack.ingest.lexicon import agreement_clues as clues
from scotrack.ingest.lexicon import agreement_lists as lists
from scotrack.ingest.lexicon import agreement_titles as title_rules
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon.folding import folded

_RELATIVE_ACTIONS = {
    "approved": "adopted",
    "endorsed": "adopted",
    "concluded": "signed",
    "adopting": "adopted",
    "signing": "signed",
}
NOUN_ACTIONS = {
    "ratification": "ratified",
    "signing": "signed",
    "adoption": "adopted",
    "entry into force": "entered-into-force",
    "coming into force": "entered-into-force",
}
_SIGNING_PARTICIPLES = ("signed", "inked", "concluded")
_QUOTES = str.maketrans(dict.fromkeys(clues.DOUBLE_QUOTES, " "))
_LEFT_WINDOW = 90
_IN_FORCE_WINDOW = 150


def unquoted(text: str) -> str:
    """`text` with its double quote marks as spaces, so of the same length: a
    title printed in quotes takes its action as one printed bare ("approved a
    “Memorandum of Understanding” that grants ...", "the “final
    declaration” that was approved")."""
    if not any(mark in text for mark in clues.DOUBLE_QUOTES):
        return text  # the usual case, and the folding cache keeps its key
    return text.translate(_QUOTES)


def actions_of(text: str, start: int, end: int) -> list[str]:
    """The agreement's actions: an action noun governing it ("the ratification of
    the memorandum"), the verb of a relative clause after it ("the memorandum that
    Iran signed"), the action `action_of` finds and an entry into force further on,
    a participle opening the sentence ("Signed in 2001, the Convention ..."); none
    when still to come or only a draft. Quote marks do not count (`unquoted`)."""
    text = unquoted(text)
    lowered = folded(text)
    if rules.DRAFT.search(lowered, max(0, start - 20), start):
        return ["proposed"] if _left(text, start) == "proposed" else []
    nominal = rules.NOMINAL.search(lowered, max(0, start - 40), start)
    if nominal is not None:
        clause = _clause_start(lowered, nominal.start())
        if rules.PROPOSAL.search(lowered, clause, nominal.end()):
            return ["proposed"]  # "called for the early signing of the agreement"
        return _nominal(lowered, nominal, end)
    relative = rules.RELATIVE.match(lowered, end, end + 60)
    if relative is not None and rules.FUTURE.search(relative.group("words") + " "):
        return []  # "an agreement which is expected to be signed"
    action = action_of(text, start, end) if relative is None else _left(text, start)
    if relative is None:
        action = _ratified(lowered, start, end, action)
        found = [action] if action else []
    else:
        first = _RELATIVE_ACTIONS.get(relative.group("verb"), relative.group("verb"))
        found = [first] if action in (None, first) else [first, action]
    pair = rules.PASSIVE_PAIR.match(lowered, end)
    if pair is not None and relative is None:
        second = _verb_action(pair.group("verb"))
        found = found if second in found else [*found, second]
    if found and "entered-into-force" not in found and _in_force_later(lowered, end):
        found.append("entered-into-force")  # "X, signed in 2019, entered into force"
    if "proposed" not in found and _proposed_later(lowered, end):
        found.append("proposed")  # "a draft memorandum on X proposed by Tashkent"
    signed = _signed_later(lowered, end) if found else None
    if signed is not None and signed not in found:
        found.append(signed)  # "approved the memorandum ..., signed in 2022"
    fronted = rules.FRONTED.match(lowered, 0, start)
    if (
        fronted is not None
        and (first := _verb_action(fronted.group("verb"))) not in found
    ):
        found.insert(0, first)  # "Signed in 2001, the Convention came into force"
    return found


def pronoun_action(text: str, verb_start: int) -> str | None:
    """The action of an action verb at `verb_start` whose object is "it" ("and
    ratified it"): none when still to come or negated; a legislature's or a
    state head's approval is a ratification."""
    lowered = folded(unquoted(text))
    before = max(0, verb_start - 50)
    if any(
        rule.search(lowered, before, verb_start)
        for rule in (rules.FUTURE, rules.PENDING, rules.NEGATION)
    ):
        return None
    verb = title_rules.WORD.match(lowered, verb_start)
    if verb is None:
        return None
    action = _verb_action(verb.group(0))
    return _ratified(lowered, verb_start, verb.end(), action)


def _in_force_later(lowered: str, end: int) -> bool:
    """True when the agreement ending at `end` enters into force a little further
    on, no other agreement named before ("X, signed in 2019, entered into force")."""
    window = end + _IN_FORCE_WINDOW
    if not any(lowered.find(word, end, window) >= 0 for word in rules.IN_FORCE_WORDS):
        return False  # the cheap test first: most agreements enter into nothing
    in_force = rules.LATER_IN_FORCE.match(lowered, end, window)
    return in_force is not None and not rules.NOUN.search(
        lowered, end, in_force.start("verb")
    )


def _nominal(lowered: str, nominal: re.Match[str], end: int) -> list[str]:
    """The action of "the ratification of X"; none when still to come ("will
    end with the adoption of", "procedures for the ratification of", "The signing
    of X will be ...", "After the entry into force of X, firms will ...")."""
    before = max(0, nominal.start() - 50)
    if rules.FUTURE.search(lowered, before, nominal.start()) or rules.PENDING.search(
        lowered, before, nominal.start()
    ):
        return []
    clause = _clause_start(lowered, nominal.start())
    opening = title_rules.WORD.findall(lowered, clause, nominal.start())
    if opening[:1] in (["after"], ["once"], ["upon"]):
        opening = opening[1:]  # "After the entry into force of X, they will ..."
    subject = opening in ([], ["the"])
    if subject and rules.FUTURE_AFTER.search(lowered, end):
        return []
    actions = [NOUN_ACTIONS[nominal.group("act")]]
    other = rules.NOMINAL_BEFORE.search(lowered, before, nominal.start())
    return [*actions, NOUN_ACTIONS[other.group("act")]] if other else actions


def _proposed_later(lowered: str, end: int) -> bool:
    """True when a participle a little after the agreement names its proposer,
    no other agreement named before ("a draft memorandum on X proposed by
    Tashkent")."""
    if " by" not in lowered[end : end + 100]:
        return False  # the cheap test first
    later = clues.PROPOSED_BY.match(lowered, end)
    return later is not None and not rules.NOUN.search(
        lowered, end, later.start("verb")
    )


def _signed_later(lowered: str, end: int) -> str | None:
    """`signed` for a signing participle set off by a comma a little after the
    agreement, no other agreement named before ("approved the memorandum conferring ...,
    signed in September 2022"): a past action of the same agreement."""
    if "," not in lowered[end : end + _IN_FORCE_WINDOW]:
        return None  # the cheap test first
    later = rules.LATER_PARTICIPLE.match(lowered, end, end + _IN_FORCE_WINDOW)
    if (
        later is None
        or later.group("verb") not in _SIGNING_PARTICIPLES
        or rules.NOUN.search(lowered, end, later.start("verb"))
    ):
        return None
    return "signed"


def _national_approval(lowered: str, left: int, start: int) -> bool:
    """True when one state's head or cabinet approves the agreement starting at
    `start` (its clause starting at `left`): not one of several approvers
    ("President Xi and President Putin approved")."""
    clause = lowered[left:start]
    if "approv" not in clause and "endorse" not in clause:
        return False  # the cheap test first
    approver = clues.NATIONAL_APPROVAL.search(lowered, left, start)
    return approver is not None and not clues.JOINED.search(
        lowered, left, approver.start()
    )


def _ratified(lowered: str, start: int, end: int, action: str | None) -> str | None:
    """`ratified` for an instrument a national legislature approves or a president
    signs into law, or that a state's head or cabinet approves ("King Salman
    approved the memorandum", "gave final approval to"), or that a bill, law or
    decree adopted or signed enacts; else `action`."""
    left = _clause_start(lowered, start)
    if action in (None, "adopted") and _national_approval(lowered, left, start):
        return "ratified"
    if action not in ("adopted", "signed"):
        return action
    if rules.ENACTMENT.search(lowered, max(0, start - 50), start):
        return "ratified"  # "approved the bill on the memorandum"
    found = rules.LEGISLATURE.search(lowered, left, min(len(lowered), end + 60))
    if found is None or (action == "signed") != (found.group(0) == "signed into law"):
        return action
    return "ratified"


def action_of(text: str, start: int, end: int) -> str | None:
    """The agreement's action: passive/entry-into-force just after it, else the
    nearest action verb before it in its clause, else a passive further on ("The
    Declaration summarising ... was adopted"); a proposal to sign/draft makes it
    proposed. Quote marks do not count (`unquoted`)."""
    text = unquoted(text)
    lowered = folded(text)
    after = lowered[end : end + 60]
    lead = rules.PASSIVE.match(after)
    rest = after[lead.end() if lead else 0 :]
    for action, pattern in rules.ACTIONS:
        if pattern.match(rest):
            if lead and rules.FUTURE.search(lead.group(0)):
                return None  # "the treaty to be signed", "will be adopted"
            return action
    if rules.PASSIVE_PROPOSED.match(lowered, end):
        return "proposed"
    among = lists.AMONG_DOCUMENTS.match(lowered, end)
    if among is not None:
        return _verb_action(among.group("verb"))
    return _left(text, start) or _later(lowered, end)


def _later(lowered: str, end: int) -> str | None:
    """The action of a passive a little after the agreement, with no other
    agreement, clause end or future between ("The memorandum on X to obtain Y was
    signed"); a bundle of other documents may come between ("a Moscow
    declaration and a number of other documents were approved")."""
    later = rules.LATER_PASSIVE.match(
        lowered, end, end + 120
    ) or rules.LATER_PARTICIPLE.match(lowered, end, end + 120)
    if later is None or any(
        not lists.OTHERS.search(lowered, max(0, noun.start() - 30), noun.start())
        for noun in rules.NOUN.finditer(lowered, end, later.start("verb"))
    ):
        return None  # another agreement's passive, unless the rest of a bundle
    return _verb_action(later.group("verb"))


def _verb_action(verb: str) -> str:
    """The action of an action verb ("inked" is signed)."""
    return next(action for action, pattern in rules.ACTIONS if pattern.match(verb))


def _clause_start(lowered: str, start: int) -> int:
    """Where the clause holding `start` begins (within `_LEFT_WINDOW`): after the
    last clause break, or the last relative clause with a verb of its own."""
    left = max(0, start - _LEFT_WINDOW)
    breaks = list(rules.CLAUSE.finditer(lowered, left, start))
    begin = breaks[-1].end() if breaks else left
    if all(lowered.find(word, begin, start) < 0 for word in ("which", "that")):
        return begin  # the cheap test first
    relatives = list(rules.RELATIVE_CLAUSE.finditer(lowered, begin, start))
    return relatives[-1].end() if relatives else begin


def _left(text: str, start: int) -> str | None:
    """The nearest action verb before the agreement in its clause, or proposed;
    none when that verb is still to come ("expected to sign") or governs another
    noun ("documents adopted ... specified in the memorandum") or agreement, as
    its participle ("X, adopted on Monday, reaffirms the Charter")."""
    lowered = folded(text)
    if rules.PREPOSITION_OBJECT.search(lowered, max(0, start - 20), start):
        return None
    left = _clause_start(lowered, start)
    if rules.PROPOSAL.search(lowered, left, start):
        return "proposed"
    if clues.TO_DRAFT.search(lowered, max(0, start - 30), start):
        return None  # "an instruction was issued to draft a document on X"
    best: tuple[int, str] | None = None
    for action, pattern in rules.ACTIONS:
        for hit in pattern.finditer(lowered, left, start):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), action)
    if best is None:
        return "adopted" if rules.OUTCOME.search(lowered, left, start) else None
    if rules.OTHER_PARTICIPLE.search(lowered, left, best[0]):
        return None  # "X, adopted on Monday, reaffirms the principles of the Charter"
    before = max(0, best[0] - 50)
    if any(
        rule.search(lowered, before, best[0]) for rule in (rules.FUTURE, rules.PENDING)
    ):
        return None
    if rules.HEADLINE_FUTURE.match(lowered, 0, best[0]):
        return None  # "SCO leaders to sign ..."
    return best[1]
