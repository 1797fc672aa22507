"""Lists and bundles of agreements (see `agreements`): which sentences head a list
of documents ("The following documents were signed:") and with which action,
which lines are its items, where the members of a bundle a sentence reports
begin ("The documents signed include ..."), and what may stand between two
agreements of one list.
"""

from __future__ import annotations

import re

from scotrack.ingest.document import Sentence
from scotrack.ingest.lexicon import agreement_lists as lists
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon.folding import folded

_LIST_ACTIONS = {
    "signed": "signed",
    "inked": "signed",
    "concluded": "signed",
    "adopted": "adopted",
    "approved": "adopted",
    "endorsed": "adopted",
    "issued": "adopted",
}


def other_items(between: str) -> bool:
    """True when two agreements of a list have only other listed things between
    them ("X, the budget for 2012, a report on Y and the Z"), no verb or clause."""
    return (
        lists.OTHER_ITEMS.match(between) is not None
        and lists.OTHER_ITEMS_BREAK.search(between) is None
    )


def list_item(sent: Sentence, previous: Sentence | None) -> bool:
    """True for an item of a list ("- X;", "2. X: ..."), or a line that is only a
    capitalised name right after a colon or another such line ("... signed:",
    then "Astana Declaration;")."""
    text = sent.text
    if lists.LIST_MARK.match(text):
        return True
    if previous is None:
        return False
    if lists.LIST_NUMBER.match(previous.text) is not None:
        return True
    before = previous.text
    return _bare(text) and (before.rstrip().endswith(":") or _bare(before))


def _bare(text: str) -> bool:
    """True for a line that is only a name in title case ("Astana Declaration;",
    "the Agreement on Cooperation in Agriculture."): its words capitalised, numbers
    or `lists.BARE_ITEM_WORDS`, ending with nothing but ";", "," or "."."""
    words = text.strip().rstrip(";,.").split()
    if not words or len(words) > lists.BARE_ITEM_MAX_WORDS:
        return False
    return all(
        word in lists.BARE_ITEM_WORDS
        or word.lstrip('"\u201c\u00ab(')[:1].isupper()
        or word[:1].isdigit()
        for word in (words[1:] if words[0] in ("the", "a", "an") else words)
    ) and not any(mark in text.strip().rstrip(";,.") for mark in ".;:!?")


def bundle_members(sent: Sentence) -> bool:
    """True for a sentence naming members of the bundle the one before reports
    ("Among them are ...", "One of the most important of them is ...")."""
    return lists.BUNDLE_MEMBERS.match(folded(sent.text)) is not None


def heading(sent: Sentence, heading: str | None, listed: str | None) -> str | None:
    """The action of a list of documents the next sentences may hold: set by
    "documents signed" ("These documents ... were signed"), kept over "These
    are:" and the list's items, else dropped."""
    text = folded(sent.text)
    done = _documents_done(text)
    if done is not None:
        return _LIST_ACTIONS[done.group("verb")]
    if heading is not None and (
        listed or lists.LIST_NUMBER.match(text) or text.rstrip().endswith(":")
    ):
        return heading
    return None


def _documents_done(text: str) -> re.Match[str] | None:
    """In a folded sentence, the words reporting a bundle of documents done
    ("documents signed", "signed the following documents:"), not still to come."""
    if not any(map(text.__contains__, lists.DOCUMENTS_NOUNS)):
        return None  # the cheap test first
    done = lists.DOCUMENTS_DONE.search(text)
    done = done or lists.DOCUMENTS_FOLLOWING.search(text)
    done = done or lists.DOCUMENTS_ANNOUNCED.search(text)
    if done is None or rules.FUTURE.search(text, 0, done.start("verb")):
        return None
    return done


def frame(sent: Sentence) -> tuple[int, int, str] | None:
    """Where the members of a bundle of documents the sentence reports begin and
    end (at the next clause: "included the Convention, which preceded the
    Charter"), and the bundle's action ("The documents signed include X, Y and
    Z", "Several documents were signed, including X"): those members take it
    however far from the verb they are listed."""
    text = folded(sent.text)
    done = _documents_done(text)
    if done is None:
        return None
    opening = lists.MEMBERS_OPEN.match(text, done.end())
    if opening is None:
        return None
    breaks = (
        rule.search(text, opening.end())
        for rule in (rules.CLAUSE, rules.RELATIVE_CLAUSE)
    )
    end = min((found.start() for found in breaks if found), default=len(text))
    return opening.end(), end, _LIST_ACTIONS[done.group("verb")]
