# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Word lists and regular-expression sources used by the fact stages, as data.

Nothing here runs: each stage module compiles what it needs once at import.
Patterns are written for SCO news in general (wire reports, press releases,
op-eds), never for one article. Regex sources are plain strings so that a
reader can see every rule of the extractor in one place.
"""

from __future__ import annotations

# ---------------------------------------------------------------- page header

MASTHEAD_NOUNS = frozenset(
    [
        *("times", "daily", "news", "post", "tribune", "herald", "gazette"),
        *("journal", "review", "agency", "express", "observer", "chronicle"),
        "telegraph",
    ]
)
"""Last words of newspaper and agency names ("Daily Times", "Trend News Agency"):
a short capitalised header line ending in one is the publication's name."""

INSTITUTIONS = frozenset(["Ministry", "Embassy", "Office", "Department", "Government"])
"""Official bodies, named as sources without the "The" a site header prints."""

# ---------------------------------------------------------------- dates

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
FUTURE_MARKERS = r"\b(?:will|shall|is to|are to|to be held|upcoming|next|scheduled|plans? to|expected to|forthcoming)\b"
"""Words that make a sentence speak of the future (for weekday and month resolution)."""

# ---------------------------------------------------------------- meetings

SCO_NAME = r"(?:SCO|Shanghai Cooperation Organi[sz]ation)"
MEETING_PATTERNS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "heads-of-state",
        ("heads", "summit"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of States?\b"
        r"|\bheads[- ]of[- ]state (?:council|meeting|summit)\b"
        r"|\bsummits?\b",
    ),
    (
        "heads-of-government",
        ("government", "prime minister"),
        r"\bCouncil of (?:the )?(?:[\w()]+ ){0,6}?Heads of Government\b"
        r"|\bheads[- ]of[- ]government (?:council|meetings?)\b"
        r"|\bmeetings? (?:of|among) (?:the )?(?:SCO )?heads of government\b"
        r"|\bprime ministers'? (?:meetings?|council)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?prime ministers\b",
    ),
    (
        "foreign-ministers",
        ("foreign",),
        r"\bCouncil of (?:the )?(?:SCO )?(?:Ministers of Foreign Affairs|Foreign Ministers)\b"
        r"|\bforeign ministers'? (?:meetings?|council|talks)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:foreign ministers|ministers of foreign affairs)\b"
        r"|\bforeign ministerial meeting\b",
    ),
    (
        "defence-ministers",
        ("defen",),
        r"\bdefen[cs]e ministers'? (?:meetings?|council|talks)\b"
        r"|\bmeetings? of (?:the )?(?:SCO )?(?:defen[cs]e ministers|ministers of defen[cs]e)\b",
    ),
    (
        "other",
        (
            "peace mission",
            "plus",
            "forum",
            "expo",
            "exhibition",
            "festival",
            "conference",
            "drill",
            "exercise",
            "ministers meeting",
            "ministers' meeting",
            "meeting of sco",
            "meeting of the sco",
        ),
        r"\bPeace Mission(?:[- ]\d{4})?\b|\bSCO[- ]Plus[^\w]{0,2} meeting\b"
        r"|\bSCO (?:(?!(?:to|the|an?|and|or|will|would|should|must|on|in|at|for|with)"
        r" )[\w-]+ ){0,4}?(?:forum|expo|exhibition|festival|conference)\b"
        r"|\b(?:forum|expo) of (?:the )?SCO\b"
        r"|\bSCO (?:joint )?(?:anti-terror(?:ism|ist)|counter-terror(?:ism|ist)) "
        r"(?:drills?|exercises?)\b"
        r"|\b(?:[\w-]+ ){0,2}ministers'? meeting of (?:the )?SCO\b"
        r"|\bSCO (?:[\w-]+ ){0,3}ministers'? meeting\b"
        r"|\bmeeting of (?:the )?SCO (?:[\w-]+ ){0,3}ministers\b"
        r"|\bmeeting of (?:the )?SCO Security Council Secretaries\b",
    ),
)
"""(body, cue words, regex): the first pattern that matches a span decides the
body. Every match holds one of the cue words (even inside a word), so a pattern
runs only on sentences that contain one; every match also holds one of
MEETING_CUES."""

BARE_MEETING = (
    r"\b(?:the|this|that)\s+(?:\w+-day\s+)?(?:meeting|session|gathering)\b(?!s)"
    r"|\b\d+(?:st|nd|rd|th)\s+(?:meeting|session)\s+of\s+the\s+Council\b(?!\s+of)"
)
BARE_MEETING_CUES = ("meeting", "session", "gathering")
"""A meeting named by a bare noun ("the meeting"), and the words it needs."""

MEETING_CUES = (
    "summit",
    "council",
    "meeting",
    "session",
    "gathering",
    "ministers",
    "forum",
    "expo",
    "exhibition",
    "festival",
    "conference",
    "peace mission",
    "drill",
    "exercise",
)
"""A sentence without one of these (even inside a word) names no meeting: a cheap
first test."""

OTHER_ORGANIZATIONS = (
    "brics",
    "g20",
    "g7",
    "g-20",
    "asean",
    "apec",
    "cica",
    "csto",
    "cis",
    "nato",
    "eaeu",
    "eurasian economic union",
    "un",
    "united nations",
    "arab",
    "african",
    "china-central asia",
    "china-arab",
    "china-africa",
    "eu",
    "european union",
    "nuclear",
    "climate",
    "bilateral",
    "trilateral",
    "belt and road",
    "summit of the future",
)
"""Words that, right before "summit", name a meeting of something other than the SCO."""

PLACE_GAP_STOP = (
    r"\b(?:since|after|before|until|while|when|whereas|said|says|told|called|urged"
    r"|proposed|stressed)\b|[;:]"
)
"""Between a meeting phrase and a place after it, these start another clause whose
place is not the meeting's ("the summit since the SCO was proclaimed in Shanghai")."""

BLANKET_MARKERS = (
    r"\b(?:all|every|each|previous|past|several|many|annual|successive|those|these)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:meetings|sessions|summits)\s+of\s+(?:the\s+)?$"
)
"""A meeting noun after these words speaks of a class of meetings, not one."""
BLANKET_CUES = (
    *("all", "every", "each", "previous", "past", "several", "many", "annual"),
    *("successive", "those", "these", "meetings", "sessions", "summits"),
)
"""Every BLANKET_MARKERS match holds one of these: a cheap first test."""

BACK_REFERENCE = r"\b(?:last year'?s?|previous|past|former|earlier|prior|\d{4})\b"
"""Markers of a meeting the text looks back at (not the one it reports)."""

VIDEO_FORMAT = r"\b(?:via video|video[- ]?(?:conference|link|call)|virtual(?:ly)?|online format|by video|in video format|teleconference)\b"
IN_PERSON_CUES = r"\b(?:attend(?:s|ed|ing)?|attendance|address(?:es|ed|ing)?|during|at which|chair(?:s|ed|ing)?|trip|travel(?:s|led|ed)?|arriv(?:e|es|ed|ing)|participat(?:e|es|ed|ing)|on the sidelines|speech at|hosted|in person|visit)\b"

ORDINAL_STOP = (
    r"\b(?:members?|states?|time|times|anniversary|years?|days?|at|to|for|in|on|by"
    r"|with|since|after|before|was|is|will|which|that)\b|[,;:]"
)
"""Between an ordinal and a meeting phrase, these show that the ordinal counts
something else ("the tenth member at the summit", "the first time the summit")."""

ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
}

# ---------------------------------------------------------------- agreements

AGREEMENT_NOUNS = (
    r"treaty|convention|charter|agreement|communiqu[e\u00e9]|declaration|memorandum"
    r"(?: of understanding)?|list of (?:measures|actions)|programme|program|action plan"
    r"|plan of action|road ?map|protocol|joint statement|statement|strategy|concept"
    r"|regulations?|plan"
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
)
"""A sentence without one of these (even inside a word) has no AGREEMENT_NOUNS."""
AGREEMENT_ACTIONS: tuple[tuple[str, str], ...] = (
    (
        "entered-into-force",
        r"\b(?:entered|enters|came|has come|have come|went) into (?:force|effect)\b"
        r"|\b(?:took|takes) effect\b|\bentry into force\b",
    ),
    ("ratified", r"\bratif(?:y|ied|ies|ying|ication)\b"),
    (
        "signed",
        r"\b(?:signed|signs|sign|signing|inked|concluded|conclusion of)\b"
        r"|\b(?:put|puts|affixed) (?:their|its|his|her) signatures? to\b",
    ),
    (
        "adopted",
        r"\b(?:adopted|adopts|adopt|adoption of|approved|endorsed|issued|released|passed)\b",
    ),
)
"""(action, regex); order matters: the first action found near the noun wins."""

AGREEMENT_PROPOSAL = (
    r"\b(?:propos(?:ed|es|e|ing)|suggest(?:ed|s|ing)?|call(?:ed|s)? for|initiat(?:ed|ive))"
    r"\b[^.;]{0,60}?\b(?:signing|conclud(?:e|ing)|draft(?:ing)?|negotiat(?:e|ing|ions on)"
    r"|develop(?:ing)?|elaborat(?:e|ing)|work out|formulat(?:e|ing)|consultations? on"
    r"|draw(?:ing)? up)\b"
)
"""A proposal verb governing a drafting/signing verb: the agreement is `proposed`."""

AGREEMENT_STOP = (
    r"\s*(?:[,;:.()\"\u201d]|\bwhich\b|\bthat\b|\bby\b|\bat\b|\bduring\b|\bwhen\b|\bafter\b"
    r"|\bbefore\b|\bto\b|\b[a-z]+ed\b|\bcame\b|\bwent\b|\btook\b|\bwas\b|\bwere\b|\bhas\b|\bhave\b|\bwill\b|\bis\b|\bare\b"
    r"|\bin (?:\d|January|February|March|April|May|June|July|August|September"
    r"|October|November|December)|\bin the presence\b|\band\b(?= [a-z]+ed\b))"
)
AGREEMENT_NOT_COMPLEMENT = (
    r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|the sidelines\b|behalf\b)"
)
"""What follows "on" when it dates or places a signing ("memorandum on September 15
on the sidelines"), rather than naming the agreement's subject."""
AGREEMENT_NEGATION = (
    r"\b(?:without|not|never|no|refus(?:ed|es|ing) to|fail(?:ed|s|ing) to"
    r"|declin(?:ed|es|ing) to)\s+(?:[^\s]+\s+){0,2}$"
)
"""Just before an agreement (or its verb): none was made ("concluded without a joint
communique", "refused to sign the declaration")."""
AGREEMENT_RELATIVE = (
    r"\s*,?\s*(?:that|which)\s+(?:[^\s.;,]+\s+){1,5}?(?P<verb>signed|adopted|approved"
    r"|ratified|endorsed|concluded)\b"
)
"""An agreement named before its verb ("an agreement ... that the ministers signed")."""
AGREEMENT_ANAPHORA = (
    r"\b(?:the|this) document\b|\bits (?P<act>ratification|signing|entry into force)\b"
)
"""A reference back to the agreement named last ("The document was signed ...")."""
OTHER_ORGANIZATION_NAMES = (
    r"\b(?:CSTO|Collective Security Treaty Organi[sz]ation|BRICS|EAEU|EEU|Eurasian Economic"
    r" Union|CIS|Commonwealth of Independent States|ASEAN|NATO|EU|European Union|G20|G7"
    r"|OPEC|CICA|African Union|Arab League|GCC|Gulf Cooperation Council|OSCE)\b"
)
"""Organisations other than the SCO: their declarations and treaties are not SCO
agreements."""

INITIATIVE_WORDS = (
    r"\b(?:initiative|belt and road|silk road|free trade (?:zone|area))\b"
)
"""Agreement-like phrases that name initiatives, not agreements."""

# ---------------------------------------------------------------- commitments

CALL_VERBS = (
    r"urg(?:ed|es|e|ing)|call(?:ed|s|ing)? (?:on|upon|for)|ask(?:ed|s|ing)(?! about| whether| if| by)"
    r"|encourag(?:ed|es|e|ing)(?! by)|appeal(?:ed|s|ing)? (?:to|for)"
    r"|(?:stress|emphasiz|emphasis|underlin|highlight|underscor)(?:ed|es|e|ing) "
    r"(?:the )?(?:need|importance|necessity)"
    r"|advocat(?:ed|es|e|ing)(?! by)|invit(?:ed|es|ing)(?! to attend| by| as)"
)
PROPOSAL_VERBS = (
    r"propos(?:ed|es|e|ing)(?! by)|suggest(?:ed|s|ing)?(?! by)"
    r"|put(?:s|ting)? forward(?! by)|recommend(?:ed|s|ing)?"
    r"|(?:is|are|was|were) open to"
)
PLEDGE_VERBS = (
    r"vow(?:ed|s)?|pledg(?:ed|es|e|ing)|promis(?:ed|es|e)|commit(?:s|ted)? to"
    r"|(?:is|are|was|were|been|remains?|stands?|stood) (?:\w+ )?(?:ready|willing|prepared"
    r"|committed|determined) to|(?:has|have|had) planned to|plans? to|planned to"
    r"|will|shall|would|agreed to|offered|offers? to"
    r"|expressed (?:its |his |her |their )?(?:readiness|willingness) to"
)
SHOULD = r"should|must|need to|needs to|ought to"
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
)
"""Every CALL_VERBS, PROPOSAL_VERBS, PLEDGE_VERBS and SHOULD phrase holds one of
these: a sentence without any has no commitment."""

"""Modal verbs that carry a proposal inside a speech frame ("X should ..., Li said")."""

SPEECH_VERBS = r"said|says|added|noted|stressed|told|stated|declared|remarked|pointed out|announced"
PARTICIPIAL_BOUNDARY = (
    r",\s*(?:and\s+)?(?:saying|adding|noting|stressing|suggesting|calling|urging"
    r"|proposing|asking|pledging|vowing|offering|expressing|reiterating|pointing"
    r"|emphasizing|emphasising|underlining|describing|hailing|praising)\b"
)
SCHEDULE_VERBS = (
    "attend",
    "deliver",
    "hold",
    "visit",
    "travel",
    "meet",
    "chair",
    "address",
    "arrive",
    "leave",
    "pay",
    "participate",
    "take part",
    "map out",
    "expound",
    "raise",
    "join",
    "be",
    "have",
    "also",
    "make",
    "give",
    "sign",
    "host",
    "assume",
    "take over",
    "take",
    "hand over",
)
"""After "<leader> will", these verbs describe a schedule, not a pledge."""

MEASURE_VERBS = (
    "accelerate",
    "advance",
    "allocate",
    "augment",
    "boost",
    "build",
    "carry out",
    "conduct",
    "consolidate",
    "continue",
    "cooperate",
    "create",
    "deepen",
    "develop",
    "donate",
    "encourage",
    "enhance",
    "ensure",
    "establish",
    "expand",
    "explore",
    "facilitate",
    "foster",
    "fight",
    "further",
    "grant",
    "implement",
    "improve",
    "increase",
    "intensify",
    "invest",
    "launch",
    "offer",
    "open",
    "oppose",
    "promote",
    "protect",
    "provide",
    "push",
    "reinforce",
    "safeguard",
    "set",
    "set up",
    "share",
    "step",
    "strengthen",
    "support",
    "train",
    "upgrade",
    "work",
    "combat",
    "counter",
    "crack",
    "step up",
    "speed",
    "stay",
    "tackle",
    "uphold",
    "maintain",
    "resolve",
)
"""Verbs that start a distinct measure when coordinated after a call or proposal."""

PURPOSE_MARKERS = (
    r"\b(?:so as to|in order to|with a view to|with the aim of|aimed at|aiming to)\b"
)

ACTOR_GROUPS = (
    r"(?:the\s+)?(?:leaders|heads of (?:state|government)|prime ministers"
    r"|(?:foreign|defen[cs]e) ministers|heads of delegations?)"
    r"(?:\s+and\s+(?:government\s+)?representatives)?"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:SCO|Shanghai Cooperation Organi[sz]ation)"
    r"(?:\s+member\s+(?:states|countries|nations))?)?"
    r"|(?:the\s+)?(?:SCO|Shanghai Cooperation Organi[sz]ation)(?:\s*\(SCO\))?"
    r"(?:\s+member)?(?:\s+(?:states|countries|nations|members))?"
    r"|(?:the\s+)?(?:SCO\s+)?member\s+(?:states|countries|nations)"
    r"|(?:the\s+)?(?:organi[sz]ation|bloc|grouping)"
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
    "grouping",
)
"""Every ACTOR_GROUPS phrase, lower-cased, holds one of these: a sentence without
any names no group (a few `in` tests, cheaper than the pattern)."""

PRONOUNS = r"\b(?:he|she|they|we|it|the country|the premier|the president|the prime minister|the leader|the minister|the chinese leader|the russian leader)\b"

EXPERT_WORDS = r"\b(?:expert|scholar|analyst|professor|researcher|fellow|director of|dean|commentator|observers?)\b"

# ---------------------------------------------------------------- projects

PROJECT_HEADS: tuple[tuple[str, str], ...] = (
    (
        "energy",
        r"(?:natural )?gas pipeline|oil pipeline|pipeline|oil refinery|refinery",
    ),
    (
        "energy",
        r"(?:hydro|thermal |solar |wind |nuclear |coal-fired )?power (?:plant|station)",
    ),
    (
        "energy",
        r"hydropower (?:plant|station|project)|power grid|transmission line|dam",
    ),
    (
        "energy",
        r"solar (?:park|farm|plant)|wind (?:farm|park)|gas field|oil field|power line",
    ),
    ("industry", r"industrial park|industrial zone|economic zone|technology park"),
    (
        "industry",
        r"cement plant|steel plant|chemical plant|fertili[sz]er plant|factory|plant",
    ),
    (
        "agriculture",
        r"agricultur(?:e|al) (?:park|demonstration (?:zone|base|center|centre))",
    ),
    (
        "transport",
        r"high-speed railway|railway|railroad|rail link|highway|expressway|motorway",
    ),
    (
        "transport",
        r"road|bridge|tunnel|dry port|seaport|port|airport|logistics (?:hub|center|centre|park|base)",
    ),
    ("transport", r"economic corridor|corridor"),
    ("telecom", r"fib(?:er|re)[- ]optic (?:cable|line)|data cent(?:er|re)|satellite"),
    ("social", r"hospital|cultural cent(?:er|re)|Luban Workshop"),
)
"""(sector, head-noun regex); the first head found at the end of a name decides."""

PROJECT_HEAD_WORDS = (
    "pipeline",
    "refinery",
    "plant",
    "station",
    "project",
    "grid",
    "line",
    "dam",
    "park",
    "farm",
    "field",
    "zone",
    "factory",
    "base",
    "center",
    "centre",
    "railway",
    "railroad",
    "link",
    "highway",
    "expressway",
    "motorway",
    "road",
    "bridge",
    "tunnel",
    "port",
    "seaport",
    "airport",
    "hub",
    "corridor",
    "cable",
    "satellite",
    "hospital",
    "workshop",
)
"""The last word of every PROJECT_HEADS alternative: a sentence without one of
these as a whole word names no project."""

PROJECT_STATUS: tuple[tuple[str, str], ...] = (
    (
        "completed",
        r"\b(?:completed|been implemented|was implemented|were implemented|put into "
        r"(?:operation|service|use)|commissioned|opened to traffic|inaugurated|launched"
        r" operation|went into operation|came into operation|finished|built)\b",
    ),
    (
        "underway",
        r"\b(?:underway|under way|under construction|being built|being constructed|"
        r"being implemented|in progress|ongoing|is building|are building|progressing)\b",
    ),
    (
        "planned",
        r"\b(?:will (?:build|construct|be built)|to be built|plann?(?:ed|ing|s)?|proposed"
        r"|feasibility|agreed to build|is expected to|would build|will start)\b",
    ),
)
NOT_PROJECTS = (
    r"\b(?:free trade (?:zone|area)|belt and road|silk road|initiative|studies cent(?:er|re)"
    r"|secretariat|structure|road ?map)\b"
)

# ---------------------------------------------------------------- membership

MEMBERSHIP_PATTERNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "applied",
        "within",
        ("'s accession", "'s admission"),
        r"\b(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg[ia]n(?:s|ning)?|initiat(?:es|ed|ing)) [^.;]{0,40}?'s (?:accession|admission)\b",
    ),
    (
        "applied",
        "within",
        ("memorandum of obligations",),
        r"\bmemorandum of obligations (?:that|which) [^.;]{2,40}?\bsigned\b",
    ),
    (
        "applied",
        "after",
        ("procedure", "process"),
        r"\b(?:procedure|process)\s+(?:for|of)\s+(?:admitting|(?:the\s+)?admission of|(?:the\s+)?accession of)",
    ),
    (
        "applied",
        "before",
        ("memorandum of obligations",),
        r"\bsigned (?:a |the |its )?memorandum of obligations\b",
    ),
    (
        "applied",
        "before",
        ("appl", "asked", "asking", "request", "seek", "sought", "bid"),
        r"\b(?:formally |officially )?(?:applied|applies|apply|asked|asking|requested|requesting|seeking|seeks|sought|bid|bidding) (?:for|to become) (?:the |an? )?(?:full |full-fledged |permanent )?(?:membership|member|observer status|observer|status of (?:an? )?(?:observer|dialogue partner)|dialogue partner status|dialogue partner)\b",
    ),
    (
        "applied",
        "before",
        ("application", "bid", "request", "'s accession", "'s admission"),
        r"'s (?:application|bid|request) for (?:the |an? )?(?:full |permanent )?(?:membership|observer status|status of|dialogue partner status)\b"
        r"|'s (?:accession|admission) (?:process|procedure|talks|bid)\b"
        r"|\b(?:submitted|filed|lodged) (?:an |its |a formal |an official |a )?application\b",
    ),
    (
        "joined",
        "before",
        ("became", "become"),
        r"\b(?:became|has become|have become|officially became|formally became) (?:a |an |the )?(?:full(?:-fledged)? |new |official |permanent |organi[sz]ation's |\w+th )*member\b",
    ),
    (
        "joined",
        "before",
        ("join",),
        r"\b(?:joined|joins) (?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation|bloc)\b",
    ),
    (
        "joined",
        "before",
        ("admitted",),
        r"\b(?:was|were|has been|have been) (?:formally |officially )?admitted\b",
    ),
    (
        "joined",
        "after",
        ("expan", "enlarge"),
        r"\b(?:expan(?:sion|ded|d)|enlarge(?:ment|d)) [^.;]{0,40}?to (?:include|admit)\b",
    ),
    (
        "joined",
        "after",
        ("admission of", "accession of", "admitted", "full membership"),
        r"\b(?:admission of|accession of|admitted|granted full membership to|full membership (?:of|for|to))\b",
    ),
    (
        "joined",
        "after",
        ("welcom",),
        r"\bwelcom(?:ed|ing)\b(?=[^.;]{0,40}\bas (?:a |an |the )?(?:new |full |\w+th )?members?\b)",
    ),
    (
        "joined",
        "before",
        ("accession", "admission", "full membership"),
        r"'s (?:accession|admission|full membership)\b",
    ),
    (
        "observer",
        "before",
        ("observer",),
        r"\b(?:was|were|has been|have been) (?:granted|given|accorded|made) (?:the )?(?:status of )?(?:an? )?observers?(?: status)?\b"
        r"|\b(?:was|were|has been|have been) upgraded\b[^.;]{0,40}?\bto (?:an? )?observer\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco )?observers?\b"
        r"|\b(?:received|obtained|gained|got) (?:the )?(?:status of )?(?:an? )?observer(?: status)?\b"
        r"|\b(?:has|have|had) (?:held|had|enjoyed) observer status\b",
    ),
    (
        "observer",
        "after",
        ("observer",),
        r"\bgrant(?:ed|ing|s)? (?:the )?observer status to\b|\bgave observer status to\b",
    ),
    (
        "observer",
        "within",
        ("observer",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?observer|observer status)\b",
    ),
    (
        "dialogue-partner",
        "before",
        ("dialogue partner",),
        r"\b(?:was|were|has been|have been) (?:granted|given|accorded|made) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partners?(?: status)?\b"
        r"|\b(?:formally |officially )?(?:became|becomes|has become|have become) (?:an? )?(?:sco )?dialogue partners?\b"
        r"|\b(?:received|obtained|gained|got) (?:the )?(?:status of )?(?:an? )?(?:sco )?dialogue partner(?: status)?\b"
        r"|\bsigned (?:a |the )?memorand(?:um|a|ums) [^.;]{0,40}?\bdialogue partners?\b",
    ),
    (
        "dialogue-partner",
        "after",
        ("dialogue partner",),
        r"\bgrant(?:ed|ing|s)? (?:the )?(?:status of )?dialogue partner(?: status)? to\b|\baccept(?:ed|ing)\b(?=[^.;]{0,40}\bas (?:a |an )?dialogue partners?\b)",
    ),
    (
        "dialogue-partner",
        "within",
        ("dialogue partner",),
        r"\bgrant(?:ed|ing|s)? (?!the\b)[^.;]{2,40}? (?:the )?(?:status of (?:an? )?(?:sco )?dialogue partner|dialogue partner status)\b",
    ),
    (
        "same",
        "before",
        ("same status",),
        r"\b(?:received|got|obtained|was given|were given|was granted|were granted) the same status\b",
    ),
    (
        "left",
        "before",
        ("withdr", "left", "quit"),
        r"\b(?:withdrew|withdraws|left|quit|quits) (?:from )?(?:the )?(?:SCO|Shanghai Cooperation Organi[sz]ation|organi[sz]ation)\b",
    ),
)
"""(event, side, cue words, regex): the states are found on `side` of the match in
the clause ("before", "after", or "within" the match: "granting Azerbaijan the
status of dialogue partner"). Every match holds one of the cue words, so a pattern
runs only on sentences that contain one. Event "same" ("Saudi Arabia received the
same status") takes the event reported just before it in the sentence."""

MEMBERSHIP_CUES = (
    "member",
    "observer",
    "dialogue partner",
    "accession",
    "admi",
    "join",
    "appli",
    "withdr",
    "expan",
    "enlarg",
    "memorand",
)
"""A sentence without one of these (even inside a word) reports no change of status."""

MEMBERSHIP_NEGATIVE = (
    r"\bfounding (?:member|state)|\bas a founding\b|\bmember and observer states\b"
)

# ---------------------------------------------------------------- areas

AREA_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        "energy",
        r"energy security|clean energy|renewable energy|energy cooperation|oil and gas|natural gas|gas pipelines?|oil|gas|power grids?|electricity|nuclear power|hydropower|power plants?|power stations?|solar|wind power|energy",
    ),
    (
        "security",
        r"anti-terror\w*|counter-terror\w*|terror\w*|extremis\w*|separatis\w*|three evil forces|drug\w*|narcotic\w*|cross-border crimes?|organized crime|transnational crime|crimes?|cyber ?security|information security|border defen[cs]e|border security|drills?|military exercises?|law[- ]enforcement|information exchanges?|security|defen[cs]e|military|RATS|Peace Mission",
    ),
    (
        "trade",
        r"free trade (?:zone|area)|trade facilitation|trade liberali[sz]ation|e-commerce|service trade|trade in services|services trade|investment facilitation|economic cooperation|economic integration|trade|investments?|customs|tariffs?",
    ),
    (
        "connectivity",
        r"inter-?connectivity|connectivity|infrastructure|transport(?:ation)?|roads?|railways?|railroads?|highways?|aviation|telecommunications?|information networks?|communication networks?|logistics|Belt and Road|Silk Road Economic Belt|corridors?|transit",
    ),
    (
        "finance",
        r"development banks?|financ\w*|banks?|funds?|monetary|currenc\w+|settlements? in national currencies|payment systems?|loans?|credit",
    ),
    (
        "industry",
        r"production capacity|industrial\w*|industry|industries|manufacturing|agricultur\w*|factories|plants|parks",
    ),
    (
        "people-to-people",
        r"people-to-people|education\w*|cultur\w*|tourism|health\w*|youth|younger generations?|training|scholarships?|media|poverty\w*|universit\w*|students?|exchanges between peoples|non-governmental|Luban Workshops?|sports?|medical|public health|pandemic|COVID-19",
    ),
    (
        "environment",
        r"environment\w*|ecolog\w*|green development|climate change|disaster relief|disaster prevention|emergency relief|pollution|desertification|water resources",
    ),
    (
        "science-technology",
        r"science and technology|scientific|innovation|technolog\w*|aerospace|geoscience|outer space|space exploration|digital economy|artificial intelligence",
    ),
    (
        "political",
        r"political mutual trust|political settlement|charter|multilateralism|global governance|shared future|diplomacy|diplomatic|strategic alignments?|good-neighborliness|non-interference|hegemonism|sovereignty|territorial integrity|international justice|international order|political",
    ),
)
"""(area, keyword regex); longer phrases come first so they win over their words."""

NEUTRAL_KEYWORDS = (
    r"food security|economic security|financial security|Shanghai Spirit|mutual trust"
    r"|mutual benefit|win-win cooperation"
)
"""Phrases that consume their words without giving an area."""

NAME_EDGE_WORDS = frozenset(
    [
        "a",
        "also",
        "an",
        "and",
        "are",
        "at",
        "be",
        "been",
        "by",
        "first",
        "had",
        "has",
        "have",
        "her",
        "his",
        "in",
        "is",
        "its",
        "new",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
        "would",
    ]
)
"""Function words that cannot begin an agreement's or a project's name: a name
widened over the words before its head stops at them (each stage adds its own)."""
