# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Commitments: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import skipping
from scotrack.ingest.lexicon.dates import WEEKDAY_NAMES
from scotrack.ingest.lexicon.folding import folded_pattern

CALL_VERBS = (
    r"urg(?:ed|es|e|ing)|call(?:ed|s|ing)? (?:on|upon|for)|call(?:ed|s|ing)? to (?!the\b|an?\b|order\b|account\b|mind\b|attention\b|(?:his|her|its|their|our|this|that|these|those)\b)|ask(?:ed|s|ing)(?! about| whether| if| by)"
    r"|encourag(?:ed|es|e|ing)(?! by)|appeal(?:ed|s|ing)? (?:to|for)"
    r"|(?:stress|emphasiz|emphasis|underlin|highlight|underscor)(?:ed|es|e|ing) "
    r"(?:the )?(?:need|importance|necessity)"
    r"|advocat(?:ed|es|e|ing)(?! by)|invit(?:ed|es|e|ing)(?! to attend| by| as)"
    r"|exhort(?:ed|s|ing)?|(?:push|press|pitch)(?:ed|es|ing) for"
)
PROPOSAL_VERBS = (
    r"propos(?:ed|es|e|ing)(?! by)|suggest(?:ed|s|ing)?(?! by)"
    r"|put(?:s|ting)? forward(?! by)|recommend(?:ed|s|ing)?"
    r"|(?:is|are|was|were) open to|float(?:ed|s)? (?:the |an? |his |her |its |their )?(?:\w+ )?(?:idea|concept|proposal|plan)"
)
PLEDGE_VERBS = (
    r"vow(?:ed|s|ing)?|pledg(?:ed|es|e|ing)|promis(?:ed|es|e)|commit(?:s|ted)? to"
    r"|(?:is|are|was|were|remains?|stands?|stood) (?:\w+ )?(?:ready|willing|prepared"
    r"|committed|determined|dedicated) to|(?:has|have|had) planned to|plans? to|planned to"
    r"|committed (?:itself|themselves|herself|himself) to"
    r"|will|shall|would|agreed to|offered|offers? to|intends? to"
    r"|(?:expressed|confirmed|reaffirmed|reiterated|declared|voiced|showed|demonstrated|conveyed)"
    r" (?:its |his |her |their |an? |\w+['\u2019]s )?(?:\w+ )?(?:readiness|willingness|commitment) to"
)
SHOULD = r"should|must|need to|needs to|ought to"
EXTENDED_CALL_VERBS = (
    r"(?:noted|note|notes|stated|state|states|affirmed|reaffirmed|reiterated|recogni[sz]ed|pointed (?:out|to)|spoke of|referred to)"
    r" (?:the |that there is an? )(?:need|importance|necessity|urgency)"
    r"|stand(?:s)? for|stood for|spoke (?:out )?in favou?r of|speak(?:s)? in favou?r of|insist(?:ed|s|ing)? on"
    r"|push for|pitch for|press for|demand(?:ed|s|ing)?|spoke (?:out )?for"
    r"|request(?:ed|s|ing)?(?! by)|consider(?:s|ed)? it (?:\w+ )?(?:essential|necessary|important|critical|imperative|vital)"
    r"|believe(?:s|d)? (?:that )?it (?:is|was) (?:\w+ )?(?:essential|necessary|important|critical|imperative|vital)"
    r"|it (?:is|was) (?:\w+ )?(?:essential|necessary|critical|imperative|vital|crucial|important) (?:to|that)(?! note\b| say\b| mention\b| recall\b| remember\b| stress\b| emphasi[sz]e\b| underline\b)"
    r"|(?:is|are|was|were) (?:\w+ )?in favou?r of"
    r"|(?:there is|there was) an? (?:\w+ )?need|the importance of|affirmed the need|consensus on the (?:need|importance|necessity)"
    r"|hop(?:es|ed|ing) (?:that )?(?=(?:the|all|other|every|each|\w+ (?:states|countries|members|partners|sides|parties))\b)"
    r"|(?:stress|emphasi[sz]|underlin)(?:ed|es|e|ing) (?:up)?on|speaks? (?:out )?for"
)
"""Verbs of calling beyond the core list: the model decides (#11)."""
EXTENDED_PROPOSAL_VERBS = (
    r"rais(?:ed|es|ing) (?:\w+ )?(?:proposals?|initiatives?|ideas?)|initiat(?:ed|es) the (?:establishment|creation|idea)"
    r"|talk(?:ed|s)? about (?:establishing|creating|setting up|building)|voiced (?:the |an? )?idea"
    r"|could|our (?:\w+ )?task is|the time has come to|came up with"
    r"|(?:made|makes|make|making) (?:an? |the |his |her |its |their )?(?:[\w-]+ )?(?:[\w-]+ )?(?:proposals?|suggestions?)"
    r"|(?:is|are|was|were) (?:\w+ )?needed to|(?:has|have|had) to be (?:\w+ly )?\w+(?:ed|en|id)\b|(?:has|have) to"
)
"""Verbs of proposing beyond the core list: the model decides (#11)."""
EXTENDED_PLEDGE_VERBS = (
    r"agree(?:s)? to|agreeing to|agreed (?:on|for)|decision (?:was made )?to|undertak(?:es|e|en) to"
    r"|oblig(?:es|ed)|tasks|gave instructions|want(?:s|ed)? to|keen (?:on|to)"
    r"|(?:is|are|was|were) (?:offering|providing|ready)|reaffirm(?:ed|s|ing)?|reiterat(?:ed|es|ing)"
    r"|(?:expressed|confirmed|voiced|reaffirmed) (?:their |its |his |her |an? )?(?:\w+ )?(?:desire|determination|commitment|intention|resolve) to"
    r"|confirm(?:s|ed)? (?:its |their |the )?commitment|subscribes? to|mulling|intend(?:s|ed)? to"
    r"|aim(?:s|ed)? to|seek(?:s)? to|striv(?:es|e) to|planning to|(?:readiness|willingness) to|(?:state|states|stated) (?:their|its) adherence|commitment to|dedication to"
    r"|been (?:\w+ )?(?:committed|ready|willing|prepared|determined) to"
    r"|(?:hop(?:es|ed)|wish(?:es|ed)?|eager|aspir(?:es|ed)) to"
    r"|sought to|(?:expressed|showed|voiced|confirmed) (?:its |their |his |her |an? )?(?:\w+ )?interest in"
)
"""Verbs of pledging beyond the core list: the model decides (#11)."""
EXTENDED_KINDS = {"xcall": "call", "xproposal": "proposal", "xpledge": "pledge"}
"""The kind each extended trigger group gives."""
DECISION_VERBS = r"decid(?:ed|es) to|instruct(?:ed|s)|tasked|tasks? (?:ha(?:s|ve)|had) been (?:also )?set"
"""A council's decision or instruction: an SCO pledge (CONVENTIONS.md) when the
subject is the SCO, its members or a meeting; left to the model otherwise."""
GROUP_KINDS = {**EXTENDED_KINDS, "decision": "pledge"}
"""The kind of each trigger group whose name is no kind."""
MEMBERSHIP_GRANT = re.compile(
    r"\s+(?:\w+\s+)?(?:grant|admit|accept|give|confer|award|welcome)\b"
    r"|\s+(?:[\w-]+\s+){0,5}?(?:admitting|granting|admission|accession)\b",
    re.IGNORECASE,
)
"""After "decided to": a step of a state's status, not a commitment."""
TRIGGER_CUES = (
    "urg",
    "call",
    "ask",
    "encourag",
    "appeal",
    "need",
    "importance",
    "necessity",
    "advocat",
    "invit",
    "propos",
    "suggest",
    "put",
    "recommend",
    "open to",
    "vow",
    "pledg",
    "promis",
    "commit",
    "ready",
    "willing",
    "prepared",
    "determined",
    "readiness",
    "plan",
    "will",
    "shall",
    "would",
    "agreed to",
    "offer",
    "should",
    "must",
    "ought to",
    *("note", "state", "affirm", "reiterat", "recogni", "point", "spoke", "stand"),
    *("stood", "speak", "insist", "push", "pitch", "press", "demand", "request"),
    *("consider", "believe", "essential", "critical", "imperative", "vital"),
    *("crucial", "there is", "there was", "rais", "initiat", "talk", "voiced"),
    *("could", "task", "time has come", "came up", "decid", "decision", "agree"),
    *("undertak", "oblig", "instruct", "want", "keen", "offering", "providing"),
    *("ready", "expressed", "confirm", "subscribe", "mulling", "intend", "aim"),
    *("seek", "adherence", "dedication", "necess", "hop", "exhort", "striv"),
    *("dedicated", "conveyed", "float", "consensus", "important", "favo"),
    *("wish", "eager", "aspir", "on", "for", "needed", "has to", "have to"),
    *("had to", "proposal", "suggestion", "sought", "interest"),
)
"""Every phrase of TRIGGER (core and extended) holds one of these: a sentence
without any has no commitment."""
TRIGGER_STARTS = (
    *("advocat", "affirmed ", "agree", "aim", "appeal", "are ", "ask", "been "),
    *("believe", "call", "came up", "commit", "confirm", "consider", "could"),
    *("decid", "decision", "declared ", "dedication", "demand", "demonstrated "),
    *("emphasi", "encourag", "exhort", "expressed ", "gave instructions"),
    *("had planned", "has planned", "have planned", "highlight", "hop", "initiat"),
    *("insist", "instruct", "intend", "invit", "is ", "it is ", "it was ", "keen"),
    *("mulling", "must", "need", "note", "oblig", "offer", "ought", "our ", "pitch"),
    *("plan", "pledg", "pointed", "press", "promis", "propos", "push", "put", "rais"),
    *("readiness", "reaffirm", "recogni", "recommend", "referred", "reiterat"),
    *("remain", "request", "seek", "shall", "should", "showed ", "speak", "spoke"),
    *("stand", "state", "stood", "stress", "striv", "subscribe", "suggest", "talk"),
    *("task", "the importance", "the time", "there is ", "there was ", "underlin"),
    *("underscor", "undertak", "urg", "voiced", "vow", "want", "was ", "were "),
    *("will", "willingness", "would", "conveyed ", "float", "consensus on"),
    *("wish", "eager", "aspir", "has to", "have to", "had to", "made ", "make"),
    *("sought",),
)
"""Every match of TRIGGER begins with one of these (its literal first letters):
the pattern is tried only where one occurs, not at every letter of a sentence."""
"""Modal verbs that carry a proposal inside a speech frame ("X should ..., Li said")."""
SPEECH_VERBS = r"said|says|added|noted|stressed|told|stated|declared|remarked|pointed out|announced"
PARTICIPIAL_BOUNDARY = (
    r",\s*(?:and\s+)?(?:saying|adding|noting|stressing|suggesting|calling|urging"
    r"|proposing|asking|pledging|vowing|offering|expressing|reiterating|pointing"
    r"|emphasizing|emphasising|underlining|describing|hailing|praising)\b"
)
SCHEDULE_VERBS = (
    *("attend", "deliver", "hold", "visit", "travel", "meet", "chair", "address"),
    *("arrive", "leave", "pay", "participate", "take part", "map out", "expound"),
    *("raise", "join", "be", "have", "also", "make", "give", "sign", "host"),
    *("assume", "take over", "take", "hand over", "discuss", "exchange views"),
    *("brief", "outline", "explain", "reach", "become", "serve", "like", "welcome"),
    *("talk", "obtain", "go through", "enter into", "include", "adopt", "focus"),
    *("review", "approve", "sum up", "mark", "celebrate", "gather", "convene"),
    *("witness", "receive", "exchange their views", "exchange opinions", "begin"),
    *("present", "start", "kick off", "take place", "conclude", "deliberate"),
    *("act as", "lead", "head", "preside", "represent", "hear"),
)
"""After "<leader> will", these verbs describe a schedule, a preview or a
courtesy ("would like to"), not a pledge."""
MEASURE_VERBS = (
    *("accelerate", "advance", "allocate", "augment", "boost", "build", "carry out"),
    *("conduct", "consolidate", "continue", "cooperate", "create", "deepen"),
    *("develop", "donate", "encourage", "enhance", "ensure", "establish", "expand"),
    *("explore", "facilitate", "foster", "fight", "further", "grant", "implement"),
    *("improve", "increase", "intensify", "invest", "launch", "offer", "open"),
    *("oppose", "promote", "protect", "provide", "push", "reinforce", "safeguard"),
    *("set", "set up", "share", "step", "strengthen", "support", "train", "upgrade"),
    *("work", "combat", "counter", "crack", "step up", "speed", "stay", "tackle"),
    *("uphold", "maintain", "resolve", "resume", "forge", "play", "give", "make"),
    *("bring", "reduce", "address", "prevent", "coordinate", "pursue", "settle"),
    *("eliminate", "eradicate", "attract", "simplify", "harmonize", "harmonise"),
    *("modernize", "modernise", "introduce", "restore", "enable", "seize"),
    *("steer", "draw up", "elaborate", "adopt", "join", "hold", "organize"),
    *("organise", "mobilize", "mobilise", "avoid", "refrain", "abide"),
)
"""Verbs that start a distinct measure when coordinated after a call or proposal."""
PURPOSE_MARKERS = (
    r"\b(?:so as to|in order to|with a view to|with the aim of|aimed at|aiming to)\b"
)
ACTOR_GROUPS = (
    r"(?:the\s+)?(?:leaders|heads of (?:state|government)|prime[\s-]ministers"
    r"|(?:foreign|defen[cs]e) ministers|heads of delegations?)"
    r"(?:\s+and\s+(?:government\s+)?representatives)?"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:SCO|Shanghai Cooperation Organi[sz]ation)"
    r"(?:\s+member[\s-]+(?:states|countries|nations))?)?"
    r"|(?:the\s+)?(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:\s*\(SCO\))?"
    r"(?:\s+member)?(?:[\s-]+(?:states|countries|nations|members))?"
    r"|(?:the\s+)?(?:SCO\s+)?member[\s-]+(?:states|countries|nations)"
    r"(?:\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?:\s*\([^()]{2,40}\))?)?"
    r"|(?:the\s+)?countries\s+of\s+(?:the\s+)?(?:SCO|Shanghai\s+Cooperation\s+Organi[sz]ation)(?:\s*\([^()]{2,40}\))?"
    r"|(?:the\s+)?(?:organi[sz]ation|bloc|grouping)"
    r"|(?:the\s+)?(?:participants|delegates|delegations|speakers)"
    r"|the\s+(?:parties|sides|group)(?!\s+of\b)"
    r"|(?:the\s+)?(?:SCO\s+)?(?:(?:energy|health|trade|economy|economic|transport"
    r"|agriculture|agricultural|finance|culture|education|justice|interior|emergency"
    r"|tourism|science)\s+)?ministers(?!\s+of\b)"
    r"|(?:the\s+)?(?:SCO\s+)?(?:national\s+)?security\s+(?:advis[oe]rs|council\s+secretaries)"
)
"""Subjects that make the SCO (its leaders or members jointly) the actor."""
ACTOR_GROUP_CUES = (
    "leaders",
    "heads of",
    "ministers",
    "sco",
    "shanghai",
    "member",
    "organi",
    "bloc",
    "group",
    "participants",
    "speakers",
    "delegat",
    "parties",
    "sides",
    "security",
)
"""Every ACTOR_GROUPS phrase, lower-cased, holds one of these: a sentence without
any names no group (a few `in` tests, cheaper than the pattern)."""
ACTOR_GROUP_STARTS = (
    *("agricultur", "bloc", "countries", "culture", "defen", "delegat", "econom"),
    *("education", "emergency", "energy", "finance", "foreign", "group", "heads of"),
    *("health", "interior", "justice", "leaders", "member", "ministers", "national"),
    *("organi", "participants", "parties", "prime", "sco", "science"),
    *("security", "shanghai", "sides", "speakers", "tourism", "trade", "transport"),
)
"""Every ACTOR_GROUPS phrase, lower-cased, begins with one of these, or with "the"
and white space before one: the only places GROUP is tried."""
PRONOUNS = r"\b(?:he|she|they|we|i|it|the country|the premier|the president|the prime minister|the leader|the minister|the chinese leader|the russian leader)\b"
EXPERT_WORDS = r"\b(?:expert|scholar|analyst|professor|researcher|fellow|director of|dean|commentator|observers?)\b"

# ---------------------------------------------------------------- commitments

TRIGGER = folded_pattern(
    rf"(?<![-\w])(?:(?P<call>{CALL_VERBS})|(?P<proposal>{PROPOSAL_VERBS})"
    rf"|(?P<pledge>{PLEDGE_VERBS})|(?P<should>{SHOULD})|(?P<decision>{DECISION_VERBS})"
    rf"|(?P<xcall>{EXTENDED_CALL_VERBS})|(?P<xproposal>{EXTENDED_PROPOSAL_VERBS})"
    rf"|(?P<xpledge>{EXTENDED_PLEDGE_VERBS}))\b"
)
"""Run on folded text: take a trigger's words from the original (`_word`)."""
GROUP = folded_pattern(rf"(?<![-\w])(?:{ACTOR_GROUPS})(?:\b|(?<=\)))")
PRONOUN = skipping(PRONOUNS)
PREPOSITION = folded_pattern(
    r"\b(?:with|to|of|in|for|from|between|among|on|at|about|against|than|under"
    r"|during|through|via)\s+(?:the\s+)?$"
)
GROUP_GOVERNED = folded_pattern(
    r"\b(?:with|to|of|in|for|from|between|among|on|at|about|against|than|under"
    r"|during|through|via)\s+(?:the\s+)?(?:sco|shanghai\s+cooperation\s+organi[sz]ation)\s+$"
)
"""Before a group that another one opens ("from the SCO member states"): the
prepositional object `PREPOSITION` finds only from the first one."""
COORDINATED = re.compile(r"(?:,\s*|\s)and\s+(?:also\s+|further\s+)?$")
OPENING_PHRASE = re.compile(r"\s*(?:[A-Z][^,;]{2,40}),\s+")
"""An opening phrase before a clause's subject ("During the meeting, ")."""
CONTROL = re.compile(
    r"\b(?:to|should|must|that)\s+(?:\w+ly\s+)?(?!the\b|a\b)([a-z][\w-]*)"
)
FIRST_WORD = re.compile(r"\s*(?:to\s+|that\s+)?(?:\w+ly\s+)?([\w-]+)")
ANAPHOR = re.compile(r"\b(?:the (?:document|treaty|agreement|convention|proposal))\b")
"""In a speaker's "should" right after his commitment: a restatement of it ("to
have the document approved"); a bare "it" is too often the object of a new
action ("we must oppose it")."""
NEED = re.compile(r"\b(?:need|importance|necessity)$", re.IGNORECASE)
NEED_OF = re.compile(r"\b(?:need|importance|necessity)(?:\s+of)?$", re.IGNORECASE)
THING_NEEDED = re.compile(
    r"(?:\s+of)?\s+(?:the|a|an|this|its|their|his|her)\s+(?:[^\s,;.]+\s+){0,3}?"
    r"(?:summit|meeting|visit|treaty|relationship|relations|ties|event|forum|session"
    r"|organi[sz]ation|document|declaration|charter)\b",
    re.IGNORECASE,
)
"""After "the importance": a thing, no action ("of the upcoming summit"); a
call needs an action (REVIEWING.md decision 6)."""
COURTESY = re.compile(
    r"\s+(?:his\s+|her\s+|their\s+|its\s+)?(?:warm\s+|sincere\s+)?"
    r"(?:congratulations|condolences|thanks|greetings|gratitude|felicitations)\b",
    re.IGNORECASE,
)
"""After "offered": a courtesy, no pledge ("offered congratulations")."""
RELATIVE = skipping(r"\b(?:which|that)\s+$")
GAP_FILLER = re.compile(
    r"\b(?:\w+ly|also|still|further|thus|therefore|always|has|have|had|is|are|was|were"
    r"|been|on|in|at|during|the|meeting|talks|summit|"
    rf"{WEEKDAY_NAMES}|today|yesterday|\w+'s|said|says|that)\b",
    re.IGNORECASE,
)
PASSIVE_MODAL = re.compile(
    r"\s+(?:also\s+|further\s+)?be\s+(?:\w+ly\s+)?\w+(?:ed|en|made|set|built)\b"
)
BARE_INITIATIVE = re.compile(
    r"\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,6}Initiative\b(?:\s*\([A-Z]+\))?"
    r"\s*(?:$|[,.;]|\bin\s+\d{4}\b|\bat\b|\bduring\b)"
)
APPOSITIVE = re.compile(r"^,[^,;]{3,90},")
NOT_PLEDGED = re.compile(
    r"\s+(?:(?:also|then|now)\s+)?(?:possibly|probably|perhaps|maybe|likely"
    r"|be\s+(?:\w+ly\s+)?(?!prepared\b|committed\b|determined\b|engaged\b|involved\b)"
    r"\w+(?:ed|en)\b)",
    re.IGNORECASE,
)
"""After "will": a hedge ("will possibly join") or a passive ("the request
will be considered"): what the subject undergoes, no pledge."""
STATUS_ASKED = re.compile(
    r"\s+for\s+(?:an?\s+|the\s+|its\s+)?(?:\w+\s+){0,2}?(?:status|membership)\b",
    re.IGNORECASE,
)
"""After "asked for": a state's application, a membership step."""
PARTICIPLE = re.compile(
    r"(?:propos|suggest|advocat|recommend|invit|urg|encourag|ask|call)ed\b|put forward\b",
    re.IGNORECASE,
)
"""A trigger that may be a past participle ("the proposed bank", "Pakistan was
invited to"): the act of someone else, or none."""
ATTRIBUTIVE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|these|those)|\w['\u2019]s)"
    r"\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
"""Before a participle: an adjective's determiner ("the (recently) proposed
corridor", "Kazakhstan's proposed initiative"), no act of proposing."""
PASSIVE = skipping(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|also|further|again)\s+)?$"
)
"""Before a participle of calling or proposing: the passive ("Pakistan was
invited to ..."): its subject is the one called on, not the caller. On folded
text."""
REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:also|and|or|but|who|which|that|he|she|they|we|it|has|have|had|jointly"
    r"|then|later|once|further|first|leaders|members|states|countries|nations|ministers"
    r"|sides|side|parties|participants|delegates|delegations|premier|president|minister"
    r"|officials|government|country|organi[sz]ation|bloc|group|chairman|secretary"
    r"|summit|meeting|council|communiqu\w+|declaration)\b)[a-z]+\s+$"
)
"""Before a participle: a common noun it qualifies ("initiatives proposed for
regional cooperation ... are conducive"), when a preposition follows
(`AFTER_RELATIVE`)."""
AFTER_RELATIVE = re.compile(r"\s+(?:for|at|in|during|under|on|within|since|earlier)\b")
NEGATED_TRIGGER = skipping(
    r"(?:\b(?:did|does|do|has|have|had|is|are|was|were|been)(?:\s+not|n['\u2019]t)"
    r"|\bnever|\b(?:refus|declin|fail)(?:ed|es|e|s)?\s+to|\bno\s+longer)"
    r"\s+(?:(?!only\b)\w+ly\s+|yet\s+|also\s+|even\s+)?$"
)
"""Right before a trigger (on folded text): its negation ("did not pledge",
"were not invited", "never called for", "refused to endorse"): no commitment.
Not "not only", nor a modal's negation after the trigger ("will not allow" is
a pledge)."""
ASKED_QUESTION = re.compile(r"\s*[,.;:?!\"\u201d]")
"""After "asked": a question put ("... ?" Erdogan asked, stating), no call."""
RESTATED = re.compile(r"(?:re)?affirm|reiterat", re.IGNORECASE)
MODAL = re.compile(
    r"\b(?:will|shall|would|should|must|need to|ought to)\b", re.IGNORECASE
)
THAT_CLAUSE = re.compile(r"\bthat\s+$", re.IGNORECASE)
"""Before a subject: a reported or agreed clause ("it was agreed that")."""
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:\w+ly\s+)?$")
"""Before a verb in -ing: the progressive, a finite verb ("Russia is calling on")."""
THING_SUBJECT = re.compile(
    r"[\s\"'\u201c]*(?:the|this|that|these|those|such)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:proposals?|initiatives?|projects?|plans?|moves?|steps?|measures?|decisions?"
    r"|agreements?|documents?|declarations?|mechanisms?|events?|corridors?|railways?"
    r"|pipelines?|roads?)\b(?!\s+(?:of|by)\b)",
    re.IGNORECASE,
)
"""A sentence that opens with a thing ("The proposal, which ..., will help"):
what it will do is a forecast, not a party's pledge."""
COPULA_COULD = re.compile(
    r"\s+(?:also\s+|well\s+)?be\s+(?:a|an|the|one|part|among)\b", re.IGNORECASE
)
"""After "could": a copula before a noun ("could be the solution"), a
judgement, no proposal."""
NOTHING_NEEDED = re.compile(r"\s+(?:be|have)\s+no\b", re.IGNORECASE)
"""After "should": "there should be no place for ...", a principle."""
HEDGED = re.compile(
    r"\b(?:expected|hop(?:e[sd]?|ing|efully)|likely|may|might|predict\w*)\b"
)
ORGANIZATION = re.compile(
    r"(?:the\s+)?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation|bloc)\W*$",
    re.IGNORECASE,
)
# words of facts/commitments.py

SCHEDULE = frozenset(SCHEDULE_VERBS)
SKIP_AFTER_WILL = frozenset(
    (
        *("also", "further", "continue", "jointly", "not", "now", "finally"),
        *("soon", "officially", "formally", "then", "reportedly", "later"),
    )
)
