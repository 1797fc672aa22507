import pytest

from scotrack.ingest.document import CleanDocument
from scotrack.ingest.read import clean, metadata, sources

BODY = "The leaders of the member states met and adopted a declaration on security."
HEAD = "SCO leaders meet in Astana\nUpdated: 2019-05-05\n"


def _source(raw: str) -> str | None:
    doc = CleanDocument(id="x", path="x", raw_text=raw, text="")
    return metadata.read_metadata(clean.clean(doc)).metadata.source


@pytest.mark.parametrize(
    ("first", "source"),
    [
        ("MOSCOW (Eurasia Wire / Sputnik - 5th May, 2019) ", "Sputnik"),
        ("Dushanbe (AsiaNews/Agencies) - ", "AsiaNews"),
        ("Prague, 7 May 2019 (RFE/RL) -- ", "RFE/RL"),
        ("Tashkent, May 5, 2019 (EWN): ", "EWN"),
        ("OREANDA-NEWS. May 5, 2019. ", "Oreanda-News"),
    ],
)
def test_source_from_dateline_agency(first: str, source: str) -> None:
    assert _source(f"{HEAD}{first}{BODY}") == source


@pytest.mark.parametrize(
    "lead",
    [
        "The summit opened in the capital, KyrTAG writes.",
        "The summit opened, Trend\u2019s special correspondent reports.",
        "The summit opened, according to Iran\u2019s IRIB news agency.",
        "According to state-run outlet the Global Times, the summit opened.",
        "The summit opened, a Sputnik correspondent reported.",
    ],
)
def test_source_from_lead_attribution(lead: str) -> None:
    assert _source(f"{HEAD}{lead}\n{BODY}") in {
        "KyrTAG",
        "Trend",
        "IRIB",
        "Global Times",
        "Sputnik",
    }


def test_carried_report_beats_the_carriers_dateline() -> None:
    raw = f"{HEAD}Baku. 5 May. REPORT.AZ/ The bloc met.Report informs citing Tass.\n"
    assert _source(raw + BODY) == "TASS"


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("(MENAFN- Asia Times) " + BODY * 3, "Asia Times"),
        ("By Ann Smith \u2013 Trend:", "Trend"),
        ("Official website of the President of Kazakhstan", "President of Kazakhstan"),
        ("Xinhua, May 5, 2019 Adjust font size:", "Xinhua"),
        ("Updated: May 5,2019 11:35 PM     Xinhua", "Xinhua"),
        ("Updated: May 5, 2019 Source: Xinhua News Agency", "Xinhua"),
        ("Eurasiawire 2019-05-05 09:06", "Eurasiawire"),
        ("May 5. RIA Novosti", "RIA Novosti"),
        ("Xinhua) 20:22, May 5, 2019", "Xinhua"),
        ("Portal.rediff.com \u00bb News \u00bb SCO leaders meet", None),
        ("Rediff.com \u00bb News \u00bb SCO leaders meet", "Rediff.com"),
    ],
)
def test_source_from_credit_lines(line: str, source: str | None) -> None:
    assert _source(f"SCO leaders meet in Astana\n{line}\n{BODY}") == source


def test_agency_byline_beats_site_name() -> None:
    raw = f"Business Standard\nSCO leaders meet in Ufa\nIANS Ufa (Russia)\n{BODY}"
    assert _source(raw) == "IANS"


@pytest.mark.parametrize("line", ["Breaking News", "Latest News"])
def test_no_source_from_labels(line: str) -> None:
    assert _source(f"{line}\nSCO leaders meet in Astana\n{BODY}") is None


@pytest.mark.parametrize(
    ("foot", "source"),
    [
        ("The Eurasia Review", "The Eurasia Review"),
        ("Get notified of the latest updates from Eurasiawire.", "Eurasiawire"),
        ("Follow us @IrnaEnglish", "IRNA"),
    ],
)
def test_source_from_page_foot(foot: str, source: str) -> None:
    assert _source(f"SCO leaders meet in Astana\n{BODY}\n{foot}") == source


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Tass", "TASS"),
        ("App", None),
        ("IRNA.", "IRNA"),
        ("INTERFAX.RU", "Interfax"),
        ("ChinaDaily Mobile News", "China Daily"),
    ],
)
def test_outlet_spellings(name: str, known: str | None) -> None:
    assert sources.outlet(name) == known


@pytest.mark.parametrize(
    ("page", "source"),
    [
        (f"SCO leaders meet\n{BODY}\nThe bloc has ten members. (PTI)", "PTI"),
        (
            f"SCO leaders meet\n{BODY}\nEarlier, Kazinform reported on trade.",
            "Kazinform",
        ),
        (f"The Eurasia Herald logo\nSCO leaders meet\n{BODY}", "The Eurasia Herald"),
        (
            "Ministry of Foreign Affairs\nThe Republic of Kazakhstan\nSCO meets\n"
            + BODY,
            "Ministry of Foreign Affairs of the Republic of Kazakhstan",
        ),
        (f"SCO leaders meet\n{BODY} He told Kazakh TV so.\n{BODY}", "Kazakh TV"),
        (f'SCO meets\nThe Russian "TASS" news agency quoted him.\n{BODY}', "TASS"),
    ],
)
def test_source_named_around_the_story(page: str, source: str) -> None:
    assert _source(page) == source


def test_the_original_of_a_carried_dateline_beats_the_carriers_header() -> None:
    dateline = "MOSCOW (UrduPoint News / TASS - 4th May, 2020) "
    raw = f"UrduPoint\nSCO leaders meet\n{dateline}{BODY}"
    assert _source(raw) == "TASS"
