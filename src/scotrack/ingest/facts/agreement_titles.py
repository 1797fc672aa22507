"""Agreement titles (see `agreements`): the name the text uses, widened from the
agreement noun over its modifiers and complement; which lower-case nouns name no
agreement; and the merging of one agreement's names.
"""

from __future__ import annotations

import re

from scotrack.ingest.document import Item, Sentence
from scotrack.ingest.facts import agreement_actions
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.lexicon import agreement_clues as clues
from scotrack.ingest.lexicon import agreement_titles as title_rules
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon.folding import folded

_SHORT_WORDS = 3
"""A short name has fewer words than this ("SCO Charter", "the Convention")."""
_MAX_COMPLEMENT = 9
_HEADLINE_SHARE = 0.6
"""The share of a headline's words a body title holds to be its agreement."""


def full_titles(items: list[Item]) -> list[Item]:
    """Items whose title is only the noun ("SCO Charter", "the Convention") take the
    full title of the one agreement with that noun, merging with its item if the
    action is the same; with two such agreements the short name stays."""
    if not any(item["title"].count(" ") < _SHORT_WORDS for item in items):
        return items  # the usual case: every title names its agreement
    full: dict[str, set[str]] = {}
    for item in items:
        noun, short = head(item["title"])
        if noun and not short:
            full.setdefault(noun, set()).add(item["title"])
    merged: dict[tuple[str, str], Item] = {}
    for item in items:
        noun, short = head(item["title"])
        titles = full.get(noun, set()) if short else set()
        if len(titles) == 1:
            item = {**item, "title": next(iter(titles))}
        key = (item["title"].lower(), item["action"])
        if key in merged:
            merged[key]["evidence"].extend(item["evidence"])
        else:
            merged[key] = item
    return list(merged.values())


def headlines_in_body(
    items: list[Item], headlines: list[tuple[int, int]]
) -> list[Item]:
    """The items less those named only in a headline ("Russia ratifies long-term
    SCO cooperation treaty") when the body names one agreement with the same noun
    and action, or several of which one shares most of the headline's words
    ("Memorandum on granting Egypt and Qatar status of SCO partners signed"
    beside the body's "memorandums on granting Egypt and Qatar the status of
    partners"): the headline's name is the body's agreement."""
    if not headlines:
        return items

    def in_headline(item: Item) -> bool:
        return all(
            any(start <= span[0] < end for start, end in headlines)
            for span in item["evidence"]
        )

    only_headline = [in_headline(item) for item in items]
    kept: list[Item] = []
    for number, item in enumerate(items):
        noun = noun_of(item["title"])
        body = [
            other
            for other_number, other in enumerate(items)
            if only_headline[number]
            and not only_headline[other_number]
            and other["action"] == item["action"]
            and noun
            and noun_of(other["title"]) == noun
            and not head(other["title"])[1]
        ]
        same = body[0] if len(body) == 1 else _likest(item["title"], body)
        if same is not None:
            same["evidence"].extend(item["evidence"])
        else:
            kept.append(item)
    return kept


def noun_of(title: str) -> str:
    """The title's agreement noun, in the singular ("memorandum", "plan")."""
    noun = head(title)[0]
    if noun:
        return noun
    found = list(rules.NOUN.finditer(folded(title)))
    return found[-1].group(0).removesuffix("s") if found else ""


def _likest(title: str, items: list[Item]) -> Item | None:
    """Of `items`, the one whose title holds most of the words of `title`, if it
    holds at least `_HEADLINE_SHARE` of them; none when two hold as many."""
    words = _words(title)
    if not words or not items:
        return None
    shares = [len(words & _words(item["title"])) / len(words) for item in items]
    best = max(shares)
    if best < _HEADLINE_SHARE or shares.count(best) > 1:
        return None
    return items[shares.index(best)]


def _words(title: str) -> frozenset[str]:
    """The title's words less function words, plurals as singulars."""
    return frozenset(
        word.removesuffix("s")
        for word in title_rules.TITLE_WORD.findall(title.lower())
        if word not in title_rules.TRAILING
    )


def one_memorandum_of_obligations(items: list[Item], index: MentionIndex) -> list[Item]:
    """The items less the other names of one state's memorandum of obligations
    with the same action ("memorandum on the country's commitments" beside
    "Memorandum on commitments undertaken by Belarus"): a page reports one
    state's accession memorandum under several names, so they are one item, under
    the name with the fewest words (the least paraphrase of the page's own). Two
    states' memoranda stay two ("of the Republic of India", "of Pakistan")."""
    memoranda = [
        number
        for number, item in enumerate(items)
        if title_rules.OBLIGATIONS.search(item["title"])
    ]
    if len(memoranda) < 2:
        return items  # the usual case
    states = {
        number: frozenset(
            mention.value
            for start, end in items[number]["evidence"]
            for mention in index.between(start, end, ("state",))
        )
        for number in memoranda
    }
    merged: dict[int, int] = {}  # item number -> the item it is a name of
    for number in memoranda:
        same = next(
            (
                other
                for other in memoranda
                if other < number
                and other not in merged
                and items[other]["action"] == items[number]["action"]
                and (
                    not states[other]
                    or not states[number]
                    or states[other] == states[number]
                )
            ),
            None,
        )
        if same is not None:
            merged[number] = same
    for number, same in merged.items():
        kept, other = items[same], items[number]
        kept["evidence"].extend(other["evidence"])
        if len(other["title"].split()) < len(kept["title"].split()):
            kept["title"] = other["title"]
    return [item for number, item in enumerate(items) if number not in merged]


def head(title: str) -> tuple[str, bool]:
    """The title's agreement noun ("" if none; a plural or an abbreviation as its
    singular: "memorandum" for "memoranda", "MoU") and whether the title is that
    noun and nothing that tells it apart ("SCO Charter", "the MoU")."""
    words = [title_rules.HEAD_ALIASES.get(word, word) for word in title.lower().split()]
    for number, word in enumerate(words):
        if word in title_rules.HEAD_WORDS:
            others = words[:number] + words[number + 1 :]
            return word, all(other in title_rules.SHORT_TITLE_WORDS for other in others)
    return "", False


def without_parts(items: list[Item]) -> list[Item]:
    """The items less those whose title's words all occur in the title of another
    with the same action ("the agreement", "trilateral agreement" beside
    "trilateral agreement on the railway project"): the same agreement."""
    words = [
        frozenset(title_rules.TITLE_WORD.findall(item["title"].lower()))
        for item in items
    ]
    kept: list[Item] = []
    for number, item in enumerate(items):
        wider = next(
            (
                other
                for other_number, other in enumerate(items)
                if other_number != number
                and other["action"] == item["action"]
                and words[number] <= words[other_number]
                and (words[number] < words[other_number] or other_number < number)
            ),
            None,
        )
        if wider is None:
            kept.append(item)
        else:
            wider["evidence"].extend(item["evidence"])
    return kept


def generic(text: str, noun: re.Match[str], start: int, end: int) -> bool:
    """True for a lower-case document noun that names no one agreement: "a
    statement", "the plan", "a new strategy", "a security concept of ..."; "a
    joint statement", "a plan on tourism", "the anti-drug strategy" name one."""
    if not rules.CAPITALIZED_ONLY.match(noun.group(0)) or text[noun.start()].isupper():
        return False
    if rules.CAPITALIZED_ALWAYS.match(noun.group(0)):
        return end == noun.end() or not rules.GOVERNED.search(
            text, max(0, start - 30), start
        )
    if end > noun.end():
        return False  # "a statement on fight against terrorism"
    modifiers = title_rules.WORD.findall(text, start, noun.start())
    return all(word.lower() in title_rules.GENERIC_MODIFIERS for word in modifiers)


def other_organization(text: str, start: int, noun: re.Match[str]) -> bool:
    """True for another organisation's document: named before the noun ("CSTO
    declaration") or as its author ("declaration of a summit of the ... CSTO");
    a subject named after "on" ("statement on linking the Eurasian Economic Union
    with ...") does not count."""
    modifiers = text[start : noun.start()]
    if "SCO" in modifiers or "Shanghai" in modifiers:
        return False
    if rules.OTHER_ORGANIZATION.search(modifiers):
        return True
    author = rules.OF_OTHER.match(text, noun.end())
    return author is not None and "SCO" not in author.group(0)


def title_start(text: str, noun_start: int) -> int:
    """Walk left over the noun's modifiers ("SCO anti-extremism", "joint",
    "2018-2023")."""
    start = noun_start
    words = list(title_rules.WORD.finditer(text, max(0, noun_start - 60), noun_start))
    for word in reversed(words[-6:]):
        token = word.group(0).lstrip("'\u2019")  # "''the protocol" opens a quote
        if not token or token.lower() in title_rules.LEFT_STOP:  # a lone quote mark
            break
        if token[0].isdigit() and not title_rules.YEARS.fullmatch(token):
            break
        if text[word.end() : start].strip():
            break
        start = word.start()
    return start


def quoted_end(text: str, start: int, noun_end: int) -> tuple[int, int] | None:
    """The end (and reach) of a title printed in quotes from its first word to its
    last ("a “Memorandum on giving to the Republic of Azerbaijan the status of
    dialogue partner in the Shanghai Cooperation Organization” was signed"): the
    closing quote, when the quoted words are a name, not a sentence."""
    if start == 0 or text[start - 1] not in clues.OPENING_QUOTES:
        return None
    close = clues.QUOTED_NAME.match(text, noun_end)
    if close is None or clues.QUOTED_VERB.search(text, noun_end, close.end("name")):
        return None
    return close.end("name"), close.end("name")


def title_end(
    text: str, noun_end: int, sent: Sentence, index: MentionIndex
) -> tuple[int, int]:
    """The title's end, extended right over an "on/of/against ..." complement (at
    most `_MAX_COMPLEMENT` words of it) and a period ("until 2035"); and where the
    complement ends, so that "X of ... Red Cross, and the Y" still reads as a list.
    """
    words: list[re.Match[str]] = []
    complement = rules.COMPLEMENT.match(text, noun_end)
    if complement is not None and not rules.NOT_COMPLEMENT.match(
        text, complement.end()
    ):
        limit = _complement_end(text, complement.end(), sent, index)
        words = list(title_rules.WORD.finditer(text, complement.end(), limit))
    kept = words[:_MAX_COMPLEMENT]
    for some in (words, kept):
        while some and some[-1].group(0).lower() in title_rules.TRAILING:
            some.pop()  # "... Structure and" before "to a Declaration"
    end = kept[-1].end() if kept else noun_end
    reach = words[-1].end() if words else noun_end
    period = rules.PERIOD.match(text, reach)
    if period is None:
        return end, reach
    return (period.end() if end == reach else end), period.end()


def _complement_end(text: str, start: int, sent: Sentence, index: MentionIndex) -> int:
    """Where a complement starting at `start` ends: at a clause stop, past an
    abbreviation ("(SCO)"), a list of capitalised words naming no state or
    person ("Combating Terrorism, Separatism and Extremism") and a list of
    lower-case words ("good-neighborliness, trust, and partnership"), before the
    next agreement ("... and a statement on")."""
    limit = len(text)
    position = start
    for _ in range(3):
        stop = rules.STOP.search(text, position)
        limit = stop.start() if stop else len(text)
        further = title_rules.ABBREVIATION.match(text, limit)
        if further is None:
            further = rules.CAPITALIZED_LIST.match(text, limit)
            if further is not None and index.between(
                sent.start + limit, sent.start + further.end(), ("state", "person")
            ):
                further = None
        if further is None:
            further = _lower_case_list(text, start, limit)
        if further is None:
            break
        position = further.end()
    for place in title_rules.IN_NAME.finditer(text, start, limit):
        named = sent.start + place.end()
        if any(
            mention.start == named
            for mention in index.between(named, sent.start + limit, ("city", "state"))
        ):
            limit = place.start()  # "memorandum of commitment in Samarkand"
            break
    plain = folded(agreement_actions.unquoted(text))  # "X and the “Y”"
    following = rules.NEXT_AGREEMENT.search(plain, start, limit)
    return following.start() if following else limit


def _lower_case_list(text: str, start: int, limit: int) -> re.Match[str] | None:
    """The list of lower-case words at `limit` that a complement starting at
    `start` goes on over, when the whole complement stays within
    `_MAX_COMPLEMENT` words (a list cut half-way names nothing)."""
    listed = rules.LOWER_CASE_LIST.match(text, limit)
    if listed is None:
        return None
    words = title_rules.WORD.findall(text, start, listed.end())
    return listed if len(words) <= _MAX_COMPLEMENT else None
