# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Membership: the precise rules of a state's road to membership (decisions to
admit, accession procedures launched and run, memoranda, applications, requests
and bids; see `scotrack.ingest.lexicon.membership`, whose table they open)."""

from __future__ import annotations

from scotrack.ingest.lexicon.dates import MONTH_PREFIXES, WEEKDAY_PREFIXES

POSSESSIVE = r"['\u2019]s?"
"""A possessive after a state's name ("Iran's", "Belarus'"), either apostrophe."""
NOT_THE_BODY = r"(?! (?:summit|meetings?|talks|leaders|heads|councils?|ministers?|sessions?|foreign|defen[cs]e|secretar\w*|events?|drills?|exercises?|forums?|countries|members?|states|nations|partners|ceremony|declaration|statement|efforts?)\b)"
"""After "joined the SCO": not one of its meetings or bodies ("joined the SCO summit")."""
_TARGET = r"(?:the |an? |its |their )?(?:full |full-fledged |permanent |sco |new |\w+th )*(?:membership|observer status|status of|dialogue partner status|sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|members?)\b"
"""What a request seeks ("for full membership", "to join the SCO")."""
_NOT_A_NOUN = (
    r"(?<!['\u2019]s )(?<!['\u2019] )(?<!\bits )(?<!\btheir )(?<!\bthe )(?<!\ba )"
)
"""Before "bid": not the noun ("Iran's bid for membership" is Iran's, not the
subject's)."""
_NOT_AN_EVENT = r"(?! (?:summits?|meetings?|talks|sessions?|forums?|events?|drills?|exercises?|ceremony|games)\b)"
"""After a request's target: not one of the SCO's events ("wants to join the SCO
summit by video")."""
_REQUEST = r"(?:bid|application|request|candidacy|candidature|desire|wish|intention|aspiration)s?"
"""What a state seeking a status makes or has."""
_REQUEST_CUES = (
    "application",
    "bid",
    "request",
    "candida",
    "desire",
    "wish",
    "intention",
    "aspiration",
)
"""The cue words of `_REQUEST`, for the rules' literal pre-test."""

APPLICATION_PATTERNS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    # --- applied: a decision to admit, launching or running an accession
    (
        "applied",
        "after",
        ("admit",),
        r"\b(?:decision|decisions|decided|decides|agreed|agreement)\b(?:(?!\b(?:rules|regulations|criteria|guidelines|norms)\b)[^.;]){0,30}?\b(?:to|on) (?:start |begin )?admit(?:ting)?\b",
    ),
    (
        "joined",
        "after",
        ("procedure", "process"),
        r"\b(?:finali[sz](?:ation|ed|es|ing)|complet(?:ion|ed|es|ing))\b (?:of )?(?:the )?(?:all )?(?:necessary )?(?:procedures?|process(?:es)?) (?:for|of) (?:admitting|(?:the )?(?:admission|accession) of)\b",
    ),
    (
        "applied",
        "within",
        ("accession", "admission", "entry", "membership"),
        r"\b(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg[ia]n(?:s|ning)?|initiat(?:es|ed|ing)) (?:(?:the |an? )?(?:accession |admission |membership |legal |formal )?(?:procedures?|process(?:es)?) (?:for|of|on) )?[^.;,]{0,30}?"
        + POSSESSIVE
        + r" (?:accession|admission|entry|membership)\b",
    ),
    (
        "applied",
        "before",
        ("procedure", "process"),
        r"\b(?:launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg[ia]n(?:s|ning)?|initiat(?:es|ed|ing)) (?:the |an? |its )?(?:(?:accession|admission|membership) (?:procedures?|process(?:es)?)|(?:procedures?|process(?:es)?) (?:of|for) (?:joining|accession|admission|membership))\b",
    ),
    (
        "applied",
        "after",
        ("procedure", "process"),
        r"\b(?:procedures?|process)\s+(?:for|of|to)\s+(?:admitting|accepting|incorporating|accept|admit|(?:the\s+)?(?:admission|accession|entry) of)\b",
    ),
    (
        "applied",
        "after",
        ("accession", "admission", "membership"),
        r"\b(?:accession|admission|membership) (?:process|procedures?) (?:of|for)\b",
    ),
    (
        "applied",
        "before",
        ("accession", "admission", "membership"),
        POSSESSIVE
        + r" (?:sco |shanghai cooperation organi[sz]ation )?(?:accession|admission|membership) (?:process|procedures?|talks|bid|application|request)\b",
    ),
    # --- a memorandum on a dialogue partner's status gives that status
    (
        "dialogue-partner",
        "within",
        ("memorand",),
        r"\bmemorand(?:um|a|ums)\b[^.;]{0,60}?\bdialog(?:ue)? partners?\b",
    ),
    (
        "dialogue-partner",
        "before",
        ("memorand",),
        r"\bmemorand(?:um|a|ums)\b[^.;]{0,60}?\bdialog(?:ue)? partners?\b",
    ),
    # --- applied: memoranda of obligations, and the laws ratifying them
    (
        "applied",
        "within",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) of (?:obligations?|commitments?) (?:that|which) [^.;]{2,40}?\b(?:signed|ratified)\b",
    ),
    (
        "applied",
        "after",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) of (?:obligations?|commitments?) (?:signed|ratified) by\b",
    ),
    (
        "applied",
        "within",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) (?:of|on) [^.;]{0,60}?\b(?:obligations?|commitments?)\b[^.;]{0,60}?\b(?:membership|member|accession|join|joining|entry)\b",
    ),
    (
        "applied",
        "within",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) (?:of|on) [^.;]{0,40}?"
        + POSSESSIVE
        + r" (?:sco |shanghai cooperation organi[sz]ation )?(?:membership|accession|obligations?|commitments?|entry)\b",
    ),
    (
        "applied",
        "after",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) (?:of|on) (?:the )?(?:obligations? |commitments? )?(?:for |on )?(?:the )?(?:sco )?(?:membership|accession) of\b",
    ),
    (
        "applied",
        "before",
        ("memorand",),
        r"\b(?:signed|signs|signing|ratif(?:ied|ies|y|ying)|approved|approves)\b(?: into law)?[^.;]{0,20}?\bmemorand(?:um|a|ums) (?:of|on) [^.;]{0,60}?\b(?:obligations?|commitments?|membership|accession|joining)\b"
        r"|\bratification of (?:the )?memorand(?:um|a|ums)\b",
    ),
    (
        "applied",
        "after",
        ("memorand",),
        r"\bmemorand(?:um|a|ums) of (?:obligations?|commitments?) of\b",
    ),
    (
        "memorandum",
        "before",
        ("memorand",),
        r"\b(?:signed|signs|signing|ratified|ratifies|ratifying) (?:this|that|the) memorand(?:um|a)\b(?! (?:of|to|for|with|between|about|regarding)\b| on (?!(?:"
        + MONTH_PREFIXES.lower()
        + "|"
        + WEEKDAY_PREFIXES
        + r")[a-z]*\b|\d))",
    ),
    (
        "applied",
        "within",
        ("membership", "accession"),
        r"\b(?:bill|law)\b[^.;]{0,40}?"
        + POSSESSIVE
        + r" (?:permanent |full |sco |shanghai cooperation organi[sz]ation )*(?:membership|accession)\b",
    ),
    (
        "applied",
        "after",
        ("membership", "accession"),
        r"\b(?:bill|law) (?:for|on) (?:the )?(?:sco )?(?:membership|accession) (?:of|to)\b",
    ),
    # --- applied: applications, requests, bids, intentions
    (
        "admitted",
        "after",
        ("application", "request", "bid", "candida"),
        r"\b(?:approved|approves|accepted|accepts|granted|grants|satisfied|endorsed) (?:the )?(?:membership |accession )?(?:applications?|requests?|bids?|candidac(?:y|ies)) (?:of|from)\b",
    ),
    (
        "request",
        "before",
        (*_REQUEST_CUES, "case"),
        r"(?:"
        + POSSESSIVE
        + r"|\b(?:its|their)) (?:"
        + _REQUEST
        + r" (?:for|to (?:join|become))|case for) "
        + _TARGET,
    ),
    (
        "request",
        "after",
        _REQUEST_CUES,
        r"\b"
        + _REQUEST
        + r" of\b(?=[^.;]{0,40}? (?:for|to (?:join|become)) "
        + _TARGET
        + r")"
        r"|\b(?:received|receives|got|considered) (?:an? |the )?(?:formal |official |written )?(?:applications?|requests?|bids?)(?: for [^.;]{0,40}?)? from\b",
    ),
    (
        "applied",
        "before",
        (
            *("appl", "asked", "asking", "request", "seek", "sought", "bid", "pursu"),
            "want",
        ),
        r"\b(?:formally |officially )?(?:applied|applies|apply|applying|asked|asking|requested|requesting|seeking|seeks|sought|(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?:wants?|wanted)|"
        + _NOT_A_NOUN
        + r"bid|bidding) (?:for|to (?:become|be|join|get|obtain|secure|gain|acquire)) (?:(?:the |an? )?(?:full |full-fledged |permanent |sco )*(?:membership|member|observer status|observer|status of (?:an? )?(?:observer|dialogue partner)|dialog(?:ue)? partnership(?: status)?|dialogue partner status|dialogue partner|sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc)|(?:this|that|such|the same) status)\b"
        + _NOT_AN_EVENT
        + r"|\b(?:seeking|seeks|sought|requested|requesting) (?:the |an? )?(?:full |full-fledged |permanent |sco )*(?:membership|observer status|status of (?:an? )?(?:observer|dialogue partner)|dialog(?:ue)? partnership(?: status)?|dialogue partner status)\b"
        r"|\b(?:has |have |had )?(?:also |too |formally |officially )?applied(?=\s*[.;])"
        r"|\b(?:seeking|seeks|sought|(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?:wants?|wanted)) to join(?=\s*[.;])"
        r"|\bpursu(?:e|es|ed|ing) (?:the |an? )?(?:full |full-fledged |permanent |sco )*membership\b"
        r"|\b(?:launch(?:ed|es)?|made|makes|lodged|put forward|put in) (?:an? |its |their )?(?:formal |official |fresh |new )?bid\b(?=[^.;]{0,30}?\b(?:to (?:join|become)|for (?:full |permanent )?(?:membership|observer|dialogue partner)))",
    ),
    (
        "applied",
        "before",
        ("invited",),
        r"\binvited to (?:join (?:the )?(?:sco|shanghai cooperation organi[sz]ation|organi[sz]ation|bloc|grouping)\b"
        + NOT_THE_BODY
        + r"|become (?:an? |the )?(?:full(?:-fledged)? |permanent |sco )*members?\b)",
    ),
    (
        "applied",
        "before",
        ("application", "bid", "request", "candida"),
        r"\b(?:submitted|filed|lodged|sent|handed over|handed in) (?:an? |its |their |the )?(?:formal |official |initial |first |written )?(?:applications?|requests? for (?:full |permanent )?(?:membership|observer|dialogue partner|status))\b"
        + r"|"
        + POSSESSIVE
        + r" (?:candidacy|candidature|application|bid|membership application|accession application|membership bid) (?:was|were|has been|had been) (?:accepted|approved|confirmed|endorsed)\b",
    ),
    (
        "applied",
        "before",
        ("intention", "desire", "wish", "willingness", "interest", "aspir"),
        r"\bexpress(?:ed|es|ing)? (?:its |their |his |her |a |the )?(?:strong |keen )?(?:intentions?|desire|wish|willingness|interest) to (?:join|become|obtain|get|acquire|participate)\b"
        r"|\baspir(?:ing|es|ed|e) to (?:join|become|obtain|get|participate)\b",
    ),
)
"""(event, side, cue words, regex) of applying and of the accession procedure, as
in MEMBERSHIP_PATTERNS, whose first entries they are."""
