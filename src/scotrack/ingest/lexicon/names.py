"""Names: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTHS

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

# ---------------------------------------------------------------- mentions

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f'\u2019"
NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*"
NAME_RUN = re.compile(rf"{NAME}(?:\s+{NAME}){{0,3}}")
OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")
APPOSITIVE_TITLES = (
    r"director|head|chairman|chairwoman|chair|"
    r"president|professor|researcher|research fellow|fellow|expert|secretary|"
    r"minister|ambassador|spokesperson|spokesman|spokeswoman|analyst|dean|editor|"
    r"editor-in-chief|founder|leader|governor|mayor|commander|envoy|"
    r"representative|adviser|advisor|scholar|lecturer|member|chief|general"
)
APPOSITIVE_END = (
    r"(?=,|[.:][ \t]*(?:\n|$)|\.\s+[A-Z]|\s+(?:said|says|told|noted|added)\b)"
)
"""Where an appositive ends: a comma, the end of the sentence, a colon ending
its line (a name and office over a quote), or a verb of saying."""
APPOSITIVE_BODY = (
    r",\s+(?:the\s+|a\s+|an\s+)?((?:(?!and\b|or\b|who\b|which\b)[a-z-]+\s+){0,2}"
    rf"(?:{APPOSITIVE_TITLES})\b[^,;\n]{{0,150}}?){APPOSITIVE_END}"
)
APPOSITIVE = re.compile(APPOSITIVE_BODY)
"""An appositive office after a name (", director of ..."), in lower case."""


def trie(words: list[str]) -> str:
    """An alternation of `words` factored by their common prefixes ("chair(?:man|
    woman)?"): the regex engine tries a few branches at a place, not every word.
    It matches the same words, the longest first where one starts another, so it
    stands for the plain alternation where only whether a match exists counts."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + trie(rest) for first, rest in branches.items()]
    if not alternatives:
        return ""
    body = "|".join(alternatives)
    if "" in words:
        return f"(?:{body})?"
    return body if len(alternatives) == 1 else f"(?:{body})"


ANY_APPOSITIVE_BODY = (
    r",\s+(?:the\s+|a\s+|an\s+)?((?:(?!and\b|or\b|who\b|which\b)[A-Za-z-]+\s+){0,2}"
    rf"(?i:{trie(APPOSITIVE_TITLES.split('|'))})\b[^,;\n]{{0,150}}?){APPOSITIVE_END}"
)
"""An appositive in any case; only whether one starts at a place counts (the
title words as a `trie`)."""
ANY_APPOSITIVE = re.compile(ANY_APPOSITIVE_BODY)
BEFORE_APPOSITIVE = re.compile(
    rf"({NAME}(?:[ \t]+{NAME}){{1,2}})(?={ANY_APPOSITIVE_BODY})"
)
"""A name before an appositive office in any case (", Editor-in-Chief of ...",
", the Kuwaiti ambassador", ", State Secretary of ...")."""
SAID_BEFORE = re.compile(
    rf"(?:said|says|according to)\s+({NAME}(?:[ \t]+{NAME}){{1,2}})(?=[,.])"
)
SPACE_RUN = re.compile(r"\s+")
WORDS_BACK_COUNT = 3
WORDS_BACK = re.compile(r"\s*\S*\s*\S*\s*\S*")
"""Three white-space separated words and the space after each, read backwards
(on reversed text): what `scan.words_back` steps over."""
CAPITAL = re.compile(f"[{UPPER}]")
SPACED_NAME = re.compile(rf"\s+({NAME})")
NAME_NEXT = re.compile(rf"[ ]+({NAME})")
NAME_BEFORE = re.compile(rf"({NAME})\s+$")
NAME_PARTS = re.compile(r"[\s-]")
PLACE_BEFORE = re.compile(
    r"(?:,|\b(?:of|in|to|from|and|for|with|by|visit|visited|visiting|"
    r"President|Minister|Premier))\s*$"
)
"""What comes before a state's name in a list of leaders, not a given name
("President of India Vijay Kumar Singh", ", Mongolia Uhnaagiin ...")."""
BYLINE_WORDS = ("By", "BY", "Dr", "Prof", "Author:", "Written by")
"""What a `BYLINE` opens with (a text without one has none)."""
CREDIT = re.compile(r"\([^()\n]{0,60}/[^()\n]{0,60}\)")
BYLINE = re.compile(
    rf"^[ \t]*(?:By|BY|Dr\.?|Prof\.?|Author:|Written by)[ \t]+"
    rf"{NAME}(?:[ \t]+{NAME}){{1,3}}[ \t]*$",
    re.MULTILINE,
)
"""A line that is a byline: "By Ivan Petrov", "Dr. Ivan Petrov" alone."""

# ---------------------------------------------------------------- named

METONYM_VERB = re.compile(
    r"(?:'s|\u2019s)\s+(?:position|stance|policy|policies|support|decision|view|"
    r"proposal|role|efforts?|ties|relations|concerns?|response|approach|move|"
    r"government|leadership|officials?)\b"
    r"|\s+(?:has|have|had|will|would|is|was|also|did|does|and\s+\w+\s+)?\s*"
    r"(?:said|says|agreed|agree|agrees|announced|insists?|insisted|believes?|"
    r"believed|wants?|wanted|hopes?|hoped|urged|urges|called|calls|rejected|"
    r"rejects|supports?|supported|opposes?|opposed|signed|welcomed|welcomes|"
    r"reiterated|stressed|warned|accused|denied|responded|proposed|pledged|"
    r"vowed|plans?|planned|seeks?|sought|backed|backs)\b"
)
PAIR = re.compile(r"\s+and\s+$")
AND = re.compile(r"\s+and\s+")
OF_STATE_GAP = re.compile(r"\s+of\s+(?:the\s+)?\S+\s+")
APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


# words of entities/mentions.py

SAYING = (
    "said", "says", "told", "noted", "added", "stressed", "wrote", "argued",
    "pointed out", "met", "spoke", "took part", "participated", "attended", "chaired",
    "arrived", "visited", "addressed", "welcomed", "urged", "called", "proposed",
    "expressed",
    "emphasized", "emphasised", "underlined", "underscored", "highlighted",
    "reiterated", "announced", "praised", "congratulated", "stated", "explained",
    "insisted", "warned", "suggested", "assured", "informed", "briefed", "believes",
    "thinks",
)  # fmt: skip
"""The verbs of `SAID_AFTER`."""
SAID_AFTER = re.compile(
    rf"({NAME}(?:[ \t]+{NAME}){{1,2}})(?=\s+(?:" + "|".join(SAYING) + r")\b)"
)

SAYING_BEFORE = ("said", "says", "according to")
"""The words `SAID_BEFORE` starts with."""
NOT_NAMES = frozenset(
    (
        "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
        "But", "And", "Or", "So", "Yet", "Meanwhile", "However", "Moreover", "Besides",
        "Furthermore", "Also", "Then", "Thus", "Today", "Yesterday", "Tomorrow",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        *(name.capitalize() for name in MONTHS),
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "His", "Her",
        "Their", "Our", "Its", "As", "In", "On", "At", "For", "With", "From", "By",
        "After", "Before", "During", "Under", "Over", "Since", "While", "When", "Where",
        "Who", "What", "Why", "How", "If", "All", "Both", "Each", "Many", "Some",
        "Most", "Other", "Another", "Such", "Every", "Several", "Member", "States",
        "Council", "Summit", "Organization", "Organisation", "Cooperation",
        "Initiative", "Party", "Spirit", "Chinese", "Russian", "A", "An", "Later",
        "Earlier", "Additionally", "Separately", "Finally", "Still", "Now", "Here",
        "There", "Instead", "Indeed", "Similarly", "Likewise", "Accordingly",
        "Nevertheless", "Speaking", "According", "Addressing", "Meets", "Holds",
        "Attends", "Says", "Calls", "Urges", "Visits", "Receives", "Chairs",
        "Addresses", "Opens", "Arrives", "Signs", "Welcomes", "Discusses", "Stresses",
        "Hails", "Vows", "Pledges", "Backs", "Leaves", "Congratulates", "Reiterates",
        "Highlights", "Proposes", "Joins", "Takes", "Talks",
    )
)  # fmt: skip
"""Capitalised words that never start or end a person's name in running text."""

# ---------------------------------------------------------------- titled names

TITLE_HEADS = (
    "Secretary-General", "Secretary General", "Director-General", "Director General",
    "Minister", "President", "Premier", "Secretary", "Director", "Chairman",
    "Chairwoman", "Chairperson", "Chair", "Adviser", "Advisor", "Ambassador", "Officer",
    "Envoy", "Spokesperson", "Spokesman", "Spokeswoman", "Governor", "Commander",
    "Head", "Chief", "Mayor", "Speaker", "PM", "FM", "Aide", "Counsellor", "Councillor",
    "Councilor", "Emir", "Amir", "King", "Prince", "Sultan", "Sheikh", "Chancellor",
    "General", "Admiral", "Marshal", "Colonel", "Mr", "Mrs", "Ms", "Dr", "Prof",
    "Professor", "Shri", "Smt", "minister", "president", "premier", "secretary",
    "director", "chairman", "adviser", "advisor", "ambassador", "envoy", "spokesperson",
    "spokesman", "spokeswoman", "counterpart", "aide", "chief", "head", "scientist",
    "analyst", "expert", "professor", "researcher", "scholar", "economist",
    "journalist", "historian", "diplomat", "politician", "lawmaker", "commentator",
)  # fmt: skip
"""Words a person's title ends or starts with: the name of an unknown person is
looked for after them ("Minister of Energy Daler Jumaev", "counterpart Chingiz
Aidarbekov", "Lieutenant General Emomali Sobirzoda")."""
TITLE_HEAD_WORDS = (*TITLE_HEADS, "Member of")
"""What a title's name run starts after: a title word, or "Member" of "Member of
the State Council" (not of "Member States"; the " of" is not part of it); a full
stop after it belongs to it ("Mr.")."""
CUE_GROUPS = (TITLE_HEAD_WORDS, SAYING, SAYING_BEFORE)
"""The words, as written, the gazetteer's pass over a page finds for `people`:
title words, verbs of saying, the words a name follows."""
HONORIFICS = frozenset(
    (
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Shri", "Sri", "Smt", "Sir",
        "Madam", "Dame", "Excellency", "Sheikh", "Ayatollah", "General", "Lieutenant",
        "Major", "Admiral", "Marshal", "Colonel", "Captain", "Comrade", "Aide",
        "Gen", "Lt", "Col", "Maj", "Adm", "Brig", "Capt",
    )
)  # fmt: skip
"""Honorifics and ranks before a name; dropped from it ("Admiral Dong Jun")."""
INSTITUTION_WORDS = frozenset(
    (
        # offices and ranks
        "Minister", "Ministers", "President", "Presidential", "Premier", "Prime",
        "Secretary", "Secretary-General", "Director", "Director-General", "Chairman",
        "Chairwoman", "Chairperson", "Chair", "Adviser", "Advisor", "Ambassador",
        "Officer", "Envoy", "Representative", "Spokesperson", "Spokesman",
        "Spokeswoman", "Governor", "Commander", "Head", "Heads", "Chief", "Chiefs",
        "Mayor", "Speaker", "Member", "Members", "Aide", "Counsellor", "Councillor",
        "Councilor", "Emir", "Amir", "King", "Prince", "Sultan", "Chancellor",
        "Deputy", "Vice", "Vice-President", "Acting", "First", "Second", "Third",
        "Senior", "Special", "Permanent", "Personal", "Executive", "Federal",
        "Parliamentary", "Assistant", "Associate", "Former", "Lieutenant",
        # bodies
        "Ministry", "Department", "Office", "Council", "Committee", "Commission",
        "Collegium", "Cabinet", "Government", "Administration", "Secretariat",
        "Structure", "Board", "Parliament", "Assembly", "Senate", "Duma", "Congress",
        "Majlis", "Presidium", "Staff", "Forces", "Force", "Army", "Navy", "Guard",
        "Party", "Bank", "Fund", "Association", "Union", "Nations", "Group",
        "Organization", "Organisation", "Centre", "Center", "Institute", "University",
        "Academy", "Agency", "Service", "Court", "Conference", "Forum", "Club",
        "Chamber", "Corporation", "Company", "Foundation", "Consortium", "Society",
        "Summit", "Meeting", "Session", "Ceremony", "Declaration", "Charter",
        "Treaty", "Convention", "Agreement", "Initiative", "Programme", "Program",
        "Strategy", "Day", "Week", "Year", "Games", "News", "Press", "Times",
        "Daily", "Post", "Channel", "Television", "Radio", "Magazine",
        "Republic", "Federation", "Kingdom", "State", "States", "Region",
        "Province", "City", "Commonwealth", "Community", "Alliance",
        # fields a title names
        "Foreign", "Affairs", "External", "Internal", "Interior", "Home",
        "Defence", "Defense", "Security", "Trade", "Commerce", "Economy",
        "Economic", "Economics", "Finance", "Financial", "Energy", "Power",
        "Resources", "Water", "Natural", "Gas", "Oil", "Petroleum", "Mines",
        "Mining", "Industry", "Industries", "Agriculture", "Health", "Healthcare",
        "Education", "Culture", "Sports", "Tourism", "Justice", "Transport",
        "Communications", "Communication", "Information", "Technology",
        "Technologies", "Science", "Sciences", "Innovation", "Emergency",
        "Situations", "Labour", "Labor", "Railways", "Roads", "Development",
        "Planning", "Investment", "Investments", "Environment", "Ecology",
        "Digital", "Public", "Social", "Policy", "Policies", "Studies",
        "Research", "Relations", "Cooperation", "Co-operation", "International",
        "National", "Regional", "Central", "Military", "Political", "Strategic",
        "Global", "World", "Independent", "Collective", "Interaction",
        "Confidence", "Building", "Measures", "Anti-Terrorist", "Antiterrorist",
        "Anti-Terrorism", "Counter-Terrorism", "Terrorist", "Business",
        "Interbank", "Armed", "Joint", "General", "Staff", "Eurasian",
        "Affair", "Protection", "Construction", "Housing", "Statistics",
        "Customs", "Tax", "Taxes", "Revenue", "Budget", "Audit", "Youth",
        "Women", "Family", "Media", "Broadcasting", "Post", "Telecom",
        "Telecommunications", "Aviation", "Maritime", "Fisheries", "Food",
        "Climate", "Change", "Disaster", "Management", "Safety", "Rights",
        "Human", "Religious", "Religion", "Migration", "Border", "Borders",
        "Intelligence", "Police", "Prosecutor", "Prosecutor-General", "Supreme",
        "Constitutional", "Electoral", "Election", "Elections", "Audit",
        "Petroleum", "Textile", "Chemicals", "Fertilizers", "Light", "Heavy",
        "Pacific", "Southeast", "Northeast", "North", "South", "East", "West",
        "Western", "Eastern", "Northern", "Southern", "Asia", "Asian",
        "Affairs", "Water", "Cabinet", "Protocol", "Consular", "Embassy",
        "Procuratorate", "Orientation", "Guidance", "Islamic", "Affaires",
        "School", "College", "Faculty",
        # places and ranks a title names in lower case
        "region", "province", "district", "oblast", "state", "city",
    )
)  # fmt: skip
"""Capitalised words of titles and of the bodies they name, never part of a
person's name: a name run after a title starts after the last of them
("Secretary-General of the Association of Southeast Asian Nations Le Luong
Minh")."""
CONNECTORS = frozenset(("of", "for", "to", "on", "in", "at", "and", "the", "&"))
"""Small words inside a title ("Minister of State for Foreign Affairs", "Solicitor
General at the Supreme Court")."""
PARTICLES = frozenset(("bin", "ibn", "bint", "al", "el", "ul", "ud", "ur", "van"))
"""Lower-case particles inside a name ("Tamim bin Hamad Al Thani")."""
NAME_WORD = re.compile(
    rf"{NAME}|(?:al|el|ad|as|ash|at|az|ul|ud|ur)-[{UPPER}][{LOWER}]+|[{UPPER}]+"
)
"""One word of a name: capitalised, a particle joined by a hyphen ("al-Assad"),
or in capitals (an acronym, or a name in a headline)."""
INITIALS = re.compile(rf"(?:[{UPPER}]\.[ \t]?)+|[{UPPER}]{{1,2}}(?=[ \t]+[{UPPER}])")
"""Initials before a surname: "S. ", "M.V. ", "A. E. ", "Y.", "SM "."""
TOKEN = re.compile(r"\S+")
TOKEN_CLOSERS = ',;:!?"\u201d)]'
TOKEN_END = re.compile(r"[,;:!?\"\u201d)\]]+$")
"""Punctuation that closes a token and ends a title's run (`TOKEN_CLOSERS`)."""
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")

# ---------------------------------------------------------------- spellings

SPELLING_FOLDS = (
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("q", "k"),
    ("ou", "u"),
    ("ck", "k"),
    ("ph", "f"),
)
"""Transliteration pairs spelled alike when names are compared ("Zhaparov" and
"Japarov", "Rakhmon" and "Rahmon", "Qohir" and "Kohir")."""
Y_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
"""The y dropped between vowels ("Tokayev" and "Tokaev")."""
WORD_START_YE = re.compile(r"\bye")
"""A word's leading "ye" read as "e" ("Yevgeny" and "Evgeny")."""
DOUBLED = re.compile(r"(.)\1+")
NOT_LETTER = re.compile(r"[^a-z ]+")
VOWELS = frozenset("aeiou")
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
LEFT_NAME_WORD = re.compile(
    rf"(?:({NAME}|[{UPPER}]{{1,2}}){_SPACE}|((?:[{UPPER}]\.[ \t]?)+))$"
)
"""The given name or initials just before a surname ("Emomalii ", "R. ", "Y.")."""
GLUED_WORDS = ("and", "were", "was", "said", "has", "had", "who")
"""Small words a page glues to the name before them ("Giyosovwere")."""
ALL_INITIALS = re.compile(rf"(?:[{UPPER}]\.[ \t]?)+|[{UPPER}]{{1,2}}")
"""Initials alone, dotted or not ("M.V.", "SM")."""
AND_NAME = re.compile(
    rf"[ \t]+and[ \t]+({NAME}(?:[ \t]+{NAME}){{1,2}})(?=[,.;:)]|\s+[a-z]|\s*$)"
)
"""A second name joined to a person's ("Presidents Ivan Petrov and Ali Khan,")."""
