# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Agreements: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTH_NAMES, MONTH_WORD, WEEKDAY_NAMES
from scotrack.ingest.lexicon.folding import folded_pattern
from scotrack.ingest.lexicon.organizations import (
    INITIATIVE_WORDS,
    OTHER_ORGANIZATION_NAMES,
)

AGREEMENT_NOUNS = (
    r"treaty|convention|charter|agreement|communiqu[e\u00e9]|declaration|memorand(?:um|a)"
    r"(?: of understanding)?|list of (?:measures|actions)|programme|program|action plan"
    r"|plan of action|road ?map|protocol|joint statement|statement|strategy|concept"
    r"|regulations?|plan|rules of procedure|contract|mou|document|statute"
)
AGREEMENT_NOUN_CUES = (
    "treat",
    "convention",
    "charter",
    "agreement",
    "communiqu",
    "declaration",
    "memorand",
    "list of",
    "program",
    "action plan",
    "plan of action",
    "road map",
    "roadmap",
    "protocol",
    "statement",
    "strategy",
    "concept",
    "regulation",
    "plan",
    "rules of procedure",
    "contract",
    "mou",
    "document",
    "statute",
)
"""A sentence without one of these (even inside a word) has no AGREEMENT_NOUNS."""
PERFECT = r"(?:(?:has|have|had)\s+(?:(?:\w+ly|also|already)\s+){0,2})"
"""A perfect auxiliary and up to two adverbs ("has entered", "have already come")."""
AGREEMENT_ACTIONS: tuple[tuple[str, str], ...] = (
    (
        "entered-into-force",
        rf"\b(?:entered|enters|came|went|coming|{PERFECT}(?:entered|come|gone))"
        rf" into (?:force|effect)\b|\b(?:took|takes|{PERFECT}taken) effect\b"
        rf"|\bentry into force\b|\b(?:bec(?:ame|omes)|{PERFECT}become) effective\b",
    ),
    ("ratified", r"\bratif(?:y|ied|ies|ying|ication)\b"),
    (
        "signed",
        r"\b(?:signed|signs|sign|signing|inked|concluded|conclusion of|singed)\b"
        r"|\b(?:put|puts|affixed) (?:their|its|his|her) signatures? to\b",
    ),
    (
        "adopted",
        r"\b(?:adopted|adopts|adopting|adopt|adoption of|approved|approving"
        r"|approval(?: (?:at|during) [^,;.]{1,40}?)? of|approval to|endorsed|issued|issuing|released"
        r"|passed)\b|\bagreed (?:on|upon)(?= (?:the|an?|this) (?!draft))|\b(?:the|an?) agreed\b",
    ),
)
"""(action, regex); order matters: the first action found near the noun wins;
"approval to" ("gave its final approval to") is the adoption a legislature's vote
is (see `AGREEMENT_LEGISLATURE`); a bare "approve" is mostly still to come.
"singed" is the common misprint of "signed" (two pages of the real corpus). An
approval may name its meeting before its object ("the approval at the SCO Summit
of a comprehensive Action Plan"); "agreed on the action plan" and "the agreed
Program of Cooperation" adopt one, where "agreed to sign" is still to come and
"agreed upon the draft" or "a draft ... was agreed upon" settles only a draft."""
AGREEMENT_PROPOSAL = (
    r"\b(?:propos(?:ed|es|e|ing|als?)|suggest(?:ed|s|ing)?|call(?:ed|s|ing)? (?:for|on|upon)"
    r"|urg(?:ed|es|e|ing)|appeal(?:ed|s)? to|initiat(?:ed|ive)|advocat(?:ed|es|e|ing)"
    r"|offer(?:ed|s)? to|(?:press|push)(?:ed|es|ing)? for)"
    r"\b[^.;]{0,60}?\b(?:sign|signing|conclud(?:e|ing)|adopt(?:ing)?|draft(?:ing)?|negotiat(?:e|ing|ions on)"
    r"|develop(?:ing)?|elaborat(?:e|ing)|work out|formulat(?:e|ing)|consultations? on"
    r"|draw(?:ing)? up|(?:adoption|conclusion|formation|creation|drafting|elaboration"
    r"|preparation)\s+of)\b"
    r"|\b(?:propos(?:ed|es|ing)|suggest(?:ed|s|ing)|put(?:s|ting)? forward"
    r"|(?:proposals?|suggestions?)\s+(?:for|on|of))\s+(?:(?:the|an?|its|their)\s+)?$"
)
"""A proposal verb or noun governing a drafting/signing/adopting verb or noun, or
a proposal verb right before the agreement: the agreement is `proposed`
("suggested adopting a programme", "a proposal for the SCO to draw up a plan",
"urged the United Nations to promptly adopt the convention", "called for the
early conclusion of a convention", "proposed the formation of a convention",
"proposed a treaty on ...", "its proposals for agreements on ..."). A call to
approve one is not: it may be signed already (gold/NOTES.md, doc 003)."""
AGREEMENT_STOP = (
    r"\s*(?:[,;:.()\"\u201d]|\bwhich\b|\bthat\b|\bby\b|\bat\b|\bduring\b|\bwhen\b|\bafter\b"
    r"|\bbefore\b|\bto\b|\b[a-z]+ed\b|\bcame\b|\bbec(?:ame|omes)\b|\bwent\b|\btook\b|\bwas\b|\bwere\b|\bhas\b|\bhave\b|\bhad\b|\bwill\b|\bis\b|\bare\b"
    rf"|\b(?:in|on) (?:\d|{MONTH_NAMES})|\bin the presence\b|\band\b(?= [a-z]+ed\b)|,?\s*\band other\b"
    rf"|\bon (?:{WEEKDAY_NAMES})\b"
    r"|\b(?:an?|one|two|three|four|five|several|some|\d+) (?:days?|weeks?|months?|years?)"
    r" (?:later|ago|earlier)\b|\b(?:last|this|next) (?:year|month|week)\b|\bin order to\b)"
)
"""Where an agreement's complement ends: punctuation, a clause word, a verb, a date
or time ("a year later", "last year") or a purpose ("in order to")."""
AGREEMENT_NOT_COMPLEMENT = (
    rf"(?:\d|{MONTH_WORD}\s+\d"
    rf"|(?:{WEEKDAY_NAMES})\b|the sidelines\b|behalf\b)"
)
"""What follows "on" when it dates or places a signing ("memorandum on September 15
on the sidelines"), rather than naming the agreement's subject."""
AGREEMENT_NEGATION = (
    r"\b(?:without|not(?! only)|never|no|refus(?:ed|es|ing) to|fail(?:ed|s|ing) to"
    r"|declin(?:ed|es|ing) to)\s+(?:[^\s]+\s+){0,3}$"
)
"""Just before an agreement (or its verb): none was made ("concluded without a joint
communique", "refused to sign the declaration")."""
AGREEMENT_FUTURE = (
    r"\b(?:will|would|shall|expected to|expects?(?: [^\s.;]+){0,3} to|set to|going to"
    r"|due to|plans? to|planned to|planning to|scheduled to|ready to|intends? to"
    r"|(?:anticipated|likely|poised|about|preparing|prepared|slated|tipped) to"
    r"|agreed to|decided to|yet to|(?:is|are) to|to be|upcoming|forthcoming"
    r"|needed to|needs? to|necessary to|required to|in order to|aim(?:s|ed)? to"
    r"|seek(?:s|ing)? to|hop(?:e|es|ed|ing) to|wish(?:es)? to|want(?:s|ed)? to"
    r"|must|should|could|might|cannot|can)\b"
    r"(?:\s+[^\s.;]+){0,3}\s*$"
    r"|\b(?:early|earliest|speedy|swift|prompt|timely|soonest)\s+$"
)
"""Just before an action verb: the action is still to come ("will sign and release
the", "are expected to be signed", "will end with the adoption of", "procedures
needed to sign", "welcomed an early conclusion of"); the gold leaves future
signings out."""
AGREEMENT_HEADLINE_FUTURE = r"^\s*(?:(?![a-z]+ed\b)[\w'\u2019-]+\s+){1,4}to\s+$"
"""A headline's infinitive before the verb: the action is still to come ("SCO
leaders to sign document on ...", "Iran to ratify the memorandum")."""
AGREEMENT_NOMINAL = (
    r"\b(?P<act>ratification|signing|adoption|entry into force|coming into force)"
    r"\s+of\s+(?:the\s+|this\s+|an?\s+)?$"
)
"""An action noun governing the agreement ("the ratification of the memorandum"):
it is the agreement's action, whatever verb governs the action noun."""
AGREEMENT_PENDING = (
    r"\b(?:(?<!ceremony )(?<!ceremonies )(?<!held )for|towards?|before|until|pending"
    r"|await(?:ing|s)?|prepar(?:e|es|ed|ing|ations)"
    r"(?: for)?)\s+(?:the\s+)?$"
)
"""Before an action noun: the action is still to come ("procedures for the
ratification of", "preparations for the signing of")."""
AGREEMENT_FUTURE_AFTER = r"\b(?:will|would|shall|(?:is|are) (?:planned|scheduled|expected|due|to take place))\b"
"""After "The signing of X ...": the signing is still to come ("will be a
contribution", "are planned for after the meeting")."""
CLAUSE_BREAK = r";|\.\s|,\s*(?:which|who)\b"
"""Where a clause begins: a verb before it does not govern a noun after it."""
RELATIVE_BREAK = (
    r"\b(?:which|that)\s+(?=(?!(?:include[sd]?|are|were|is|was|has|have|had)\b)"
    r"[a-z]+(?:s|ed)\s)"
)
"""A relative clause with a verb of its own begins a clause too ("signed the Plan
which reflects the strategy": the strategy is what it reflects); apart from
`CLAUSE_BREAK`, whose first characters the regex engine can skip ahead to."""
AGREEMENT_LEGISLATURE = (
    r"\b(?:parliament|parliamentary|majlis|duma|senate|national assembly|legislature"
    r"|legislators?|lawmakers|mps|house of representatives|council of the republic"
    r"|lower house|upper house|national people's congress|npc|mazhilis|jogorku kenesh"
    r"|signed into law)\b"
)
"""A national legislature approving an instrument (or a president signing it into
law) ratifies it."""
AGREEMENT_RELATIVE = (
    r"(?:\s*,?\s*(?:that|which)\s+|\s+(?=(?:the|both|all|its|their)\s))"
    r"(?P<words>(?:[^\s.;,]+\s+){1,5}?)(?P<verb>signed|adopted|approved"
    r"|ratified|endorsed|concluded|(?:(?<=\bare )|(?<=\bis ))(?:adopting|signing))\b"
)
"""An agreement named before its verb ("an agreement ... that the ministers signed",
"the cooperation agreement the two bodies signed", a speech's "the Declaration
that we are adopting"); not when `words` put it in the future ("which is expected
to be signed")."""
AGREEMENT_ANAPHORA = (
    r"\b(?:the|this) document\b|\bits (?P<act>ratification|signing|entry into force)\b"
)
"""A reference back to the agreement named last ("The document was signed ...")."""
AGREEMENT_PRONOUN_OBJECT = r"\b(?P<verb>ratified|signed|inked|adopted|approved|endorsed)\s+it\b(?!\s+(?:is|was|will|would)\b)"
"""A verb acting on an agreement named before, as "it" ("signed the memorandum in
2022 and ratified it in 2023", "the parliament approved it")."""

ADVERB = r"(?:\w+ly|also|already|then|later)"
"""An adverb between an auxiliary and its verb ("was also inked", "were jointly
signed")."""
ADVERBS = rf"(?:{ADVERB}\s+){{0,2}}"
"""Up to two adverbs in a row, each followed by spaces ("was also formally
signed", "were later jointly adopted")."""
VERB_ADVERBIAL = (
    r"(?:(?:on|in|at|during)\s+[^,;.:()\"\u201c\u201d]{1,40}?\s+"
    r"|(?:today|yesterday|(?:last|this|next)\s+\w+)\s+)?"
)
"""A time or place between a verb and its object, as translated reports print it
("approved on Tuesday a memorandum", "issued in Astana a statement")."""
PASSIVE_AUXILIARY = (
    rf"(?:(?:was|were|is|are)\s+being|was|were|(?:has|have|had)\s+{ADVERBS}been)"
)
"""The auxiliaries of a past passive, an adverb inside the perfect ("has also been
adopted") and the progressive ("was being signed at the summit") included."""

# ---------------------------------------------------------------- agreements

NOUN = folded_pattern(rf"\b(?:{AGREEMENT_NOUNS})(?P<plural>s)?\b")
CAPITALIZED_ONLY = re.compile(
    r"^(?:strategy|concept|statement|program|programme|road ?map|regulations?"
    r"|action plan|plan of action|plan|contract)$",
    re.IGNORECASE,
)
"""Document nouns that name an agreement in lower case only with a complement or
a telling modifier ("a statement on fight against terrorism", "the anti-drug
strategy"), not bare ("issued a statement", "a new plan")."""
CAPITALIZED_ALWAYS = re.compile(r"^(?:concept)$", re.IGNORECASE)
"""Of those, the nouns that name an agreement only capitalised ("the Concept of
Cooperation", not "a security concept of ..."), or in lower case with a complement
right after an action ("approval of the concept of interaction")."""
VENUE = re.compile(r"[ -](?:Cent(?:re|er)|Hall|Complex|Palace)\b", re.IGNORECASE)
"""After a document noun: it names a building ("the International Convention
Centre")."""
FINAL_DOCUMENT = re.compile(r"\bfinal\s+$", re.IGNORECASE)
"""Before a singular "document": the meeting's one outcome ("after signing of the
final document"); "final documents" stays an unnamed bundle."""
COLLECTIVE_STATEMENT = folded_pattern(
    r"\b(?:sco|shanghai cooperation organi[sz]ation|leaders|heads of (?:state|government)"
    r"|member (?:states|countries|nations)|delegates|delegations|participants|summit"
    r"|council)\b[^.;:,]{0,80}?\b(?:issued|adopted|released|approved|passed|made)\s+"
    rf"{VERB_ADVERBIAL}(?:a|an|the)\s+$"
)
"""Before a bare "statement": the SCO's leaders or its meeting issued it ("delegates
of the summit issued a statement pledging ..."), not a spokesman ("After the
summit, Putin issued a statement")."""
STATEMENT_WINDOW = 120
MODIFIER_OF = re.compile(r"\s+(?:documents?|papers|texts?|drafts?)\b", re.IGNORECASE)
"""After a document noun: it only qualifies another ("the protocol documents")."""
CONTENT_PARTICIPLES = (
    r"guiding|governing|regulating|establishing|setting out|outlining|defining"
    r"|laying down|conferring|granting|giving"
)
"""Participles after an agreement noun that say what it lays down ("the document
guiding cooperation in ...", "the agreement establishing the bank", "the
memorandum conferring the status of ...")."""
DOCUMENT_COMPLEMENT = re.compile(
    rf"\s+(?:on|providing for|concerning|regarding|{CONTENT_PARTICIPLES})\s",
    re.IGNORECASE,
)
"""What makes a "document" name an agreement: its subject ("a document on the
accession of X", "a cooperation document on the railway"); a bare or plural one
does not ("the document", "signed 21 documents")."""
GOVERNED = re.compile(
    r"\b(?:approval|adoption|signing|ratification|approved|adopted|signed|ratified"
    r"|endorsed)\s+(?:of\s+)?(?:the|an?)\s+$",
    re.IGNORECASE,
)
"""An action just before a document noun, governing it ("approval of the")."""
ACTIONS = tuple(
    (action, folded_pattern(pattern)) for action, pattern in AGREEMENT_ACTIONS
)
PROPOSAL = folded_pattern(AGREEMENT_PROPOSAL)
STOP = re.compile(AGREEMENT_STOP)
COMPLEMENT = re.compile(
    r"\s+(?:on|of|against|for|between|among|concerning|in the field of|providing for"
    rf"|{CONTENT_PARTICIPLES}"
    r"|to(?=\s+(?:\w+ly\s+)?(?!(?:the|an?|be|its|their|this|that|these|all|each)\b)"
    r"(?-i:[a-z]+)\b))\s+",
    re.IGNORECASE,
)
"""What opens an agreement's complement: a preposition, a participle saying what it
lays down ("the document guiding cooperation in ..."), or "to" and a verb
("roadmap to expand cooperation", "declaration to mark the anniversary")."""
INITIATIVE = re.compile(INITIATIVE_WORDS, re.IGNORECASE)
PASSIVE = folded_pattern(
    rf"^[\"\u201d]?\s*(?:,\s*)?(?:which\s+)?(?:(?:{PASSIVE_AUXILIARY}|is|are|being"
    rf"|to be|will be)\b|,)?\s*{ADVERBS}"
)
NOT_COMPLEMENT = re.compile(AGREEMENT_NOT_COMPLEMENT)
NEGATION = folded_pattern(AGREEMENT_NEGATION)
RELATIVE = folded_pattern(AGREEMENT_RELATIVE)
FUTURE = folded_pattern(AGREEMENT_FUTURE)
HEADLINE_FUTURE = folded_pattern(AGREEMENT_HEADLINE_FUTURE)
PENDING = folded_pattern(AGREEMENT_PENDING)
CLAUSE = folded_pattern(CLAUSE_BREAK)
RELATIVE_CLAUSE = folded_pattern(RELATIVE_BREAK)
FUTURE_AFTER = folded_pattern(AGREEMENT_FUTURE_AFTER)
OUTCOME = folded_pattern(
    r"\b(?:results?|outcomes?|outcome documents?|final documents?)\b[^.;]{0,60}?"
    r"\b(?:include[sd]?|feature[sd]?|comprise[sd]?|were|was|are|is)\s+"
    r"(?:(?:the|an?)\s+)?$"
)
"""Before an agreement with no action verb: a meeting's outcome ("the results
of the meeting featured a joint declaration on ...", "the summit's outcome
documents include the X Declaration"): it was adopted."""
PASSIVE_PROPOSED = folded_pattern(
    rf"\s*,?\s*(?:which\s+)?(?:was|were|has been|have been|had been)\s+{ADVERBS}"
    r"(?:proposed\b|(?:drafted|developed|prepared|elaborated|put forward)\s+(?:at|on)\s+"
    r"the\s+initiative\b)"
)
"""An agreement proposed, in the passive ("the strategy was proposed by ...", "was
drafted at the initiative of")."""
NOMINAL = folded_pattern(AGREEMENT_NOMINAL)
NOMINAL_BEFORE = folded_pattern(
    r"\b(?P<act>ratification|signing|adoption)\s+and\s+(?:the\s+\w+\s+anniversary\s+of\s+)?"
    r"(?:the\s+)?$"
)
"""A second action noun of the same agreement ("the signing and entry into force of
the Treaty", "anniversary of the signing and the 5th anniversary of the coming
into force of")."""
LEGISLATURE = folded_pattern(AGREEMENT_LEGISLATURE)
ENACTMENT = folded_pattern(
    r"\b(?:bill|law|decree)\s+(?:on\s+|approving\s+|ratifying\s+|for\s+)"
    r"(?:(?:the\s+)?(?:ratification|approval)\s+of\s+)?(?:the\s+|an?\s+|this\s+)?$"
)
"""Just before an agreement: a bill, law or decree enacting it ("approved the bill on
the memorandum", "issued a decree approving the memorandum"), one state's
ratification of it."""
ANAPHORA = folded_pattern(AGREEMENT_ANAPHORA)
PRONOUN_OBJECT = folded_pattern(AGREEMENT_PRONOUN_OBJECT)
OTHER_ORGANIZATION = re.compile(OTHER_ORGANIZATION_NAMES)
OF_OTHER = re.compile(
    rf"\s*(?:of|by)\s+(?:the\s+|an?\s+)?[^.;,]{{0,50}}?{OTHER_ORGANIZATION_NAMES}"
)
DRAFTED = re.compile(
    r"^(?:charter|programme|program|protocol|road ?map|action plan|plan of action"
    r"|regulations?)$",
    re.IGNORECASE,
)
"""Document nouns that name an agreement in lower case when one is being drafted
("proposed that the six countries draft a charter")."""
NEXT_AGREEMENT = folded_pattern(
    rf",?\s+(?:and|as well as)\s+(?:an?|the)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:{AGREEMENT_NOUNS})s?\b"
)
"""Where a complement gives way to the next agreement ("Program on X and a statement
on Y"); "between the Secretariat and the Red Cross" goes on."""
CAPITALIZED_LIST = re.compile(
    r",\s+(?:[A-Z][a-z-]+\s+){0,2}?(?:[A-Z][a-z-]+,\s+(?:[A-Z][a-z-]+\s+){0,2}?){0,3}"
    r"[A-Z][a-z-]+,?\s+and\s+[A-Z][a-z-]+\b"
)
"""A title's list of capitalised words ("Combating Terrorism, Separatism and
Extremism", "Good Neighbourliness, Friendship and Cooperation")."""
_LISTED_WORD = (
    r"(?!(?:the|an?|and|or|which|that|who|was|were|is|are|has|have|had|will|would"
    r"|its|their|this|these)\b)(?![a-z]+ed\b)[a-z][a-z-]+"
)
LOWER_CASE_LIST = re.compile(
    rf",\s+(?:{_LISTED_WORD}\s+){{0,2}}?(?:{_LISTED_WORD},\s+(?:{_LISTED_WORD}\s+){{0,2}}?){{0,3}}"
    rf"{_LISTED_WORD},?\s+and\s+{_LISTED_WORD}\b"
)
"""A title's list of lower-case words, the serial comma allowed ("principles of
good-neighborliness, trust, and partnership"): no article, verb or clause word in
it, so "..., and the Declaration" and "..., signed in 2001" are not one."""
PERIOD = re.compile(
    r"\s+(?:(?:until|till|up to|through|for|for the period(?: of)?)\s+\d{4}"
    r"|in\s+\d{4}(?=\s*[-\u2013]\s*\d))(?:\s*[-\u2013]\s*\d{2,4})?\b"
    r"|\s*\((?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)?\d\d\)"
)
"""A period closing a title ("Development Strategy until 2035", "for 2017-2018",
"for the middle term (2017-2022)")."""
LATER_PASSIVE = folded_pattern(
    r"(?:(?!\b(?:that|(?<!other )documents?|said|says|noted|notes)\b)[^.;:!?]){0,100}?"
    rf"\b{PASSIVE_AUXILIARY}\s+{ADVERBS}"
    r"(?P<verb>signed|inked|concluded|adopted|approved|endorsed|ratified|issued)\b"
)
"""A passive some words after the agreement ("The Declaration summarising ... was
adopted", "a Moscow declaration and other documents were approved"), not one of
a clause of its own ("The declaration noted that ...")."""
LATER_PARTICIPLE = folded_pattern(
    r"(?:(?!\b(?:that|which|who|documents?|said|says|noted|notes|will|would|shall)\b)"
    rf"[^.;:!?]){{0,100}}?,\s*{ADVERBS}(?P<verb>signed|inked|concluded|adopted"
    r"|approved|endorsed|ratified|passed)\s+(?:(?:by|in|on|at|during|last|earlier)\b|\d)"
)
"""A participle some words after the agreement, set off by a comma ("the
Memorandum between the SCO and X concerning education, science and culture,
signed 10 June 2018")."""
FRONTED = folded_pattern(
    r"^[^\w]*(?P<verb>signed|inked|concluded|adopted|approved|endorsed|ratified)\s+"
    r"(?:in|on|at|by|during|last|earlier)\b[^,;.:]{0,80},\s*(?:the\s+|an?\s+|this\s+)?$"
)
"""A participle opening the sentence, set off by a comma, before the agreement
("Signed in 2001, the Shanghai Convention came into force in 2003")."""
OTHER_PARTICIPLE = folded_pattern(rf"\b(?:{AGREEMENT_NOUNS})\s*,\s*{ADVERBS}$")
"""Before an action verb: the verb is the participle of an agreement named just
before it, set off by a comma ("The Tianjin Declaration, adopted on Monday,
reaffirms the Charter"), not the action of one named after it."""
PARTICIPLE = folded_pattern(
    r"\s*,?\s*(?:signed|inked|concluded|adopted|approved|endorsed|ratified|passed)\b"
)
"""A bare participle after a title: it belongs to the agreement named last in the
title ("a plan on implementing the Agreement on X signed in 2015"), where a
finite passive ("... for 2023-25 was approved") belongs to the first."""
PASSIVE_PAIR = folded_pattern(
    rf"\s*,?\s*(?:which\s+)?(?:was|were|has been|have been|had been|is|are)\s+{ADVERBS}"
    rf"[a-z]+(?:\s+upon)?\s+{VERB_ADVERBIAL}and\s+{ADVERBS}(?P<verb>signed|inked|concluded|ratified"
    r"|adopted|approved|endorsed)\b"
)
"""A second verb of a passive ("was adopted and signed", "were agreed upon and
signed"): the agreement's action too."""
LATER_IN_FORCE = folded_pattern(
    r"(?:(?!\b(?:that|documents?|said|says|noted|notes|will|would|shall)\b)[^.;:!?]){0,150}?"
    rf"\b(?P<verb>(?:entered|came|went|{PERFECT}(?:entered|come|gone)) into (?:force|effect)"
    rf"|(?:took|{PERFECT}taken) effect)\b"
)
"""An entry into force after an agreement named with another action ("The
agreement, signed in 2019, entered into force in March")."""
IN_FORCE_WORDS = ("force", "effect")
"""What the verb of `LATER_IN_FORCE` holds (a quick no)."""
DRAFT = folded_pattern(r"\bdrafts?\s+of\s+(?:the\s+|an?\s+|this\s+)?$")
"""Before an agreement: only its draft is meant ("approved the draft of the
Declaration")."""
PREPOSITION_OBJECT = folded_pattern(
    r"\b(?:in|within|under|into|from|with|about|per|amending|supplementing|extending"
    r"|implementing|regarding|concerning)\s+(?:the\s+|this\s+|that\s+|its\s+|their\s+)?$"
)
"""Just before an agreement the clause's verb does not govern ("a protocol amending
the agreement", "documents adopted ... within the time limits specified in the
memorandum")."""
