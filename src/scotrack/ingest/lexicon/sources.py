"""Sources: outlet names and the credit, attribution and carried-report phrases
that name a page's source (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTH_WORD

MASTHEAD_NOUNS = frozenset(
    [
        *("times", "daily", "news", "post", "tribune", "herald", "gazette"),
        *("journal", "review", "agency", "express", "observer", "chronicle"),
        "telegraph",
    ]
)
"""Last words of newspaper and agency names ("Daily Times", "Trend News Agency"):
a short capitalised header line ending in one is the publication's name."""
OUTLETS = {
    name.casefold(): name
    for name in (
        *("Xinhua", "China Daily", "People's Daily", "Global Times", "CGTN", "CCTV"),
        *("China News Service", "ECNS", "Shanghai Daily", "China.org.cn"),
        *("South China Morning Post", "TASS", "ITAR-TASS", "RIA Novosti", "Sputnik"),
        *("Interfax", "RT", "Kommersant", "PTI", "ANI", "IANS", "The Hindu"),
        *("Hindustan Times", "The Times of India", "Times of India"),
        *("The Indian Express", "The Economic Times", "NDTV", "WION", "Reuters", "AFP"),
        *("AP", "Associated Press", "Bloomberg", "BBC", "CNN", "Al Jazeera", "IRNA"),
        *("Tehran Times", "Press TV", "Mehr News Agency", "Tasnim", "Fars", "ISNA"),
        *("APP", "Dawn", "The Express Tribune", "The News", "Daily Times"),
        *("Radio Pakistan", "Kazinform", "The Astana Times", "Astana Times", "Trend"),
        *("AKIpress", "Kabar", "24.kg", "UzA", "Dunyo", "Kun.uz", "Daryo", "Khovar"),
        *("Asia-Plus", "BelTA", "Montsame", "Anadolu Agency", "The Diplomat"),
        *("Eurasianet", "PR Newswire", "Business Wire", "Globe Newswire"),
    )
}
"""Outlets and agencies by lower-case name; the value is the spelling written out."""

ALIASES = {
    "xinhua news agency": "Xinhua",
    "xinhuanet": "Xinhua",
    "prnewswire": "PR Newswire",
    "pr newswire": "PR Newswire",
    "press trust of india": "PTI",
    "associated press of pakistan": "APP",
    "islamic republic news agency": "IRNA",
    "ria": "RIA Novosti",
    "tass news agency": "TASS",
    "mehr": "Mehr News Agency",
    "reuters news agency": "Reuters",
}
WIRES = frozenset({"PR Newswire", "Business Wire", "Globe Newswire"})
OUTLET_NAMES = {
    name.casefold(): name
    for name in (
        *("Oreanda-News", "Vestnik Kavkaza", "Rossiyskaya Gazeta", "Izvestia"),
        *("Vedomosti", "Regnum", "RBC", "The Moscow Times", "Moscow Times"),
        *("KyrTAG", "Qazinform", "Tengrinews", "UzDaily.com", "Gazeta.uz", "Avesta"),
        *("APA", "AzerNews", "Azertac", "News.az", "Armenpress"),
        *("IRIB", "Iran Press", "Iran Front Page", "Pars Today", "ILNA"),
        *("Young Journalists Club", "Kayhan", "Iran Daily", "Tehran Times"),
        *("ARY News", "Geo News", "The Nation", "Pakistan Observer", "UrduPoint"),
        *("Business Recorder", "Pakistan Today", "The Frontier Post"),
        *("Mint", "Livemint", "Business Standard", "The Financial Express"),
        *("News18", "Firstpost", "India Today", "Deccan Herald", "ThePrint"),
        *("Republic World", "The Statesman", "The Tribune", "Zee News", "DD News"),
        *("All India Radio", "UNI", "Rediff.com"),
        *("People's Daily Online", "China Radio International", "CRI"),
        *("Guangming Daily", "Caixin", "Yicai", "China Global Television Network"),
        *("Asia Times", "Nikkei Asia", "Kyodo", "Yonhap", "RFE/RL", "VOA"),
        *("Voice of America", "Deutsche Welle", "DW", "Arab News", "Gulf News"),
        *("Al Arabiya", "Daily Sabah", "TRT World", "AsiaNews", "Eurasia Review"),
        *("Modern Diplomacy", "Financial Times", "The Guardian", "The Economist"),
        *("The New York Times", "The Washington Post", "The Wall Street Journal"),
        *("The Australian Financial Review", "MENAFN", "KUNA", "Kazakh TV"),
        *("Kyrgyz TV", "FNA"),
    )
}
"""News outlets and agencies the gazetteer's list leaves out, by lower-case name
(for the page's source only)."""
OUTLET_ALIASES = {
    "rediff": "Rediff.com",
    "uzdaily": "UzDaily.com",
    "kuwait news agency": "KUNA",
    "fars news agency": "FNA",
    "radio free europe/radio liberty": "RFE/RL",
    "radio liberty": "RFE/RL",
    "yjc": "Young Journalists Club",
    "kyrgyz telegraph agency": "KyrTAG",
    "report.az": "Report",
    "interfax.ru": "Interfax",
    "irib news": "IRIB",
    "islamic republic of iran broadcasting": "IRIB",
}
INSTITUTIONS = frozenset(["Ministry", "Embassy", "Office", "Department", "Government"])
"""Official bodies, named as sources without the "The" a site header prints."""

OUTLET_RE = r"[A-Z][\w.'\u2019&-]*(?:[ ]+(?:of[ ]+)?[A-Z][\w.'\u2019&-]*){0,4}"
REPORTS = ("report", "article", "story", "commentary", "editorial", "interview")
TALKING = (
    "told",
    "tells",
    "telling",
    "in an interview with",
    "speaking to",
    "according to",
)
TALKING_STARTS = tuple(w for talk in TALKING for w in (talk, talk.capitalize()))
"""The TALKING phrases as they open a sentence too ("According to ...")."""
ORIGIN = re.compile(  # no leading `\b`: see `mentions.matches_at`
    rf"(?:[Aa]n?|[Tt]he)\s+(?:{'|'.join(REPORTS)})\s+"
    rf"(?:from|by|in|published\s+by|published\s+in)\s+(?:the\s+)?({OUTLET_RE})"
)
CREDIT_SOURCE = re.compile(rf"^(?:source|from|by)\s*[:\uff1a]\s*({OUTLET_RE})", re.I)
PAREN_SOURCE = re.compile(
    r"^\(\s*([^()]{2,40}?)\s*\)\s*(?:\||$|(?i:updated|published)\b)"
)
LEAD_SOURCE = re.compile(rf"^({OUTLET_RE})\s*\|")
TALKS_TO = re.compile(  # no leading `\b`: see `mentions.matches_at`
    rf"(?:{'|'.join(TALKING_STARTS)})\s+(?:the\s+)?"
    r"(?:[A-Z][a-z]+['\u2019]s\s+"  # "according to Iran's IRIB"
    r"|(?:[\w-]+\s+){0,3}?(?:outlet|agency|newspaper|daily|broadcaster|channel)"
    r"\s+(?:the\s+)?)?"
    rf"({OUTLET_RE})"
)
QUOTED = re.compile('[\u00ab\u201c"]([^\u00bb\u201d"]{2,30})[\u00bb\u201d"]')
REPORTED = re.compile(
    rf"[\u201c\"]?({OUTLET_RE})[\u201d\"]?(?:['\u2019]s)?"
    r"(?:\s+(?:news\s+agency|(?:special\s+)?correspondents?|reporters?))?"
    r"\s+(?:reports|reported|writes|wrote|informs|informed|cites|cited|quoted)\b"
)
"""An outlet as the subject of reporting ("KyrTAG writes", "a Sputnik
correspondent reported", 'the "Kabar" news agency quoted'): the origin of a
story another site carries."""
REPORTED_VERBS = ("report", "writes", "wrote", "inform", "cite", "quoted")
"""What one of `REPORTED`'s verbs holds (a text without one has none of them)."""
CARRYING = ("citing", "quoting")
"""The words `CARRIED` needs (a text without one carries no report)."""
CARRIED = re.compile(
    r"\b(?:reports?|informs?|reported|informed)\s*,?\s+(?:citing|quoting)\s+"
    rf"(?:the\s+)?({OUTLET_RE})"
)
"""A carrier naming the report it passes on ("Report informs citing Tass")."""
BYLINE_SOURCE = re.compile(
    rf"^by\s+[A-Z][^,|\u2013\u2014]{{2,40}}?\s*[,|\u2013\u2014-]\s*({OUTLET_RE})\s*:?$",
    re.IGNORECASE,
)
"""A byline naming the author's agency ("By Ann Smith \u2013 Trend:")."""
OFFICIAL_SITE = re.compile(
    r"^(?:the\s+)?official\s+(?:web\s*site|site|portal|page)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][^.!?]{2,60})$",
    re.IGNORECASE,
)
"""A site's own description ("Official website of the President of Russia")."""
SOURCE_IN_LINE = re.compile(rf"\b(?:source|from)\s*[:\uff1a]\s*({OUTLET_RE})", re.I)
"""A credit inside a date line ("Updated: May 5, 2020 Source: Xinhua")."""
CARRIER_PAREN = re.compile(
    r"^\(\s*[A-Z]{2,12}\s*[-\u2013\u2014]\s*([^()]{2,40}?)\s*"
    r"(?:\(([A-Z]{2,8})\)\s*)?\)\s*"
)
"""An aggregator's credit of the original outlet ("(MENAFN- Asia Times) ...",
"(MENAFN- Eurasia News Agency (ENA)) ...", its acronym the outlet's name)."""
BY_OUTLET = re.compile(rf"^by\s+({OUTLET_RE})\s*[,.]?$", re.IGNORECASE)
"""A byline that names an agency alone ("By Xinhua,")."""
CLOSING_AGENCY = re.compile(r"\((?P<name>[A-Z][A-Za-z.]{1,20})\)$")
"""A wire's mark closing its story ("... dialogue partners. (PTI)")."""
EARLIER_REPORTED = re.compile(
    rf"^(?i:earlier|previously),?\s+({OUTLET_RE})\s+(?i:reported|wrote|informed)\b"
)
"""A site's pointer to its own earlier story ("Earlier, Kazinform reported that
..."), usually closing the page."""
AGENCY_SPLIT = re.compile(r"\s*/\s*|\s+[-\u2013\u2014]\s*|\s*[-\u2013\u2014]\s+|,\s*")
"""What separates the parts of a dateline's agency ("UrduPoint News / Sputnik")."""
AGENCY_NAME = re.compile(r"[A-Z][A-Za-z.&]{1,19}")
"""An agency's name as a dateline prints it in brackets ("(TDI)", "(AsiaNews)")."""
UPDATES_FROM = re.compile(
    r"\b(?:updates|news|stories|newsletters?)\s+from\s+(?:the\s+)?([A-Z][\w.]{2,30})\.?$"
)
"""A newsletter offer naming the site ("Get the latest updates from Eurasia.")."""
NOT_A_NAME = re.compile(r"^(?:breaking|latest|top|world|local)\s+news$", re.I)
"""Section labels that end like a publication's name but are none."""
POSSESSIVE = re.compile(r"['\u2019]s$")
"""An owner's "'s" ("Trend's special correspondent")."""
PLACE_WITH_STATE = re.compile(
    r"^(?P<city>[^,()\[\]]+?)\s*(?:,\s*|\(|\[)(?P<state>[^,()\[\]]+)[)\]]?$"
)
"""A city and its state ("Astana, Kazakhstan", "Ufa (Russia)")."""
LABEL_WORDS = re.compile(
    r"\b(?:last\s+)?(?:updated|published|publish|posted|released|created|date"
    r"|time|on)\b"
    r"\s*[:\uff1a]?",
    re.IGNORECASE,
)
"""The labels of a date line ("Updated:", "Published on")."""
AGENCY_NAME_LINE = re.compile(r"[A-Z][a-z][A-Za-z.-]{1,23}")
"""A single name opening a date line, as an outlet prints its own."""
DAY_SOURCE = re.compile(
    rf"^{MONTH_WORD}\s+\d{{1,2}}[.,]\s+"
    rf"({OUTLET_RE})$"
)
"""A day and the agency, the year left out ("September 9. RIA Novosti")."""
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
"""Where two words run together in a site's name ("ChinaDaily")."""
TOLD = re.compile(r"(?i:told|tells|telling|in an interview|speaking)\b")
"""The TALKING phrases in which a person talks to an outlet, not an attribution."""
UNOPENED_SOURCE = re.compile(rf"^({OUTLET_RE})\)\s")
"""A credit whose opening bracket the page lost ("Xinhua) 20:22, May 5, 2022")."""
FOLLOW_HANDLE = re.compile(r"\bfollow\s+us\b[^@\n]{0,30}@([A-Za-z]\w{2,30})", re.I)
"""A site's own social handle ("Follow us @EurasiaNews"): the site's name."""
