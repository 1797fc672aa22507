"""Every page renders real content from the seeded knowledge base, exports what
it shows, and answers unknown ids and bad parameters with clear error pages."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.store.read import profiles

PAGES = (
    "/",
    "/members",
    "/states/IND",
    "/meetings",
    "/meetings/hos-2017",
    "/agreements",
    "/agreements/shanghai-convention",
    "/commitments",
    "/projects",
    "/documents",
    "/search?q=summit",
)


def cell(html: str, state: str, agreement: str) -> str:
    found = re.search(
        rf'<td data-state="{state}" data-agreement="{agreement}" '
        r'data-status="([a-z-]+)"',
        html,
    )
    assert found, f"no cell {state} x {agreement}"
    return found.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_exports(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert 'data-export="csv"' in response.text
    assert 'data-export="json"' in response.text
    assert "<script>" not in response.text  # scripts come from files only
    assert ' style="' not in response.text


def test_dashboard_shows_members_meetings_agreements_backlog(client: TestClient):
    html = client.get("/").text
    assert 'href="/states/IND">India</a>' in html
    assert 'href="/meetings/hos-' in html
    assert "Shanghai Convention on Combating Terrorism" in html
    assert re.search(r"\d+ of 6", html)
    assert "claims pending review in 5 documents" in html
    assert "Commitments by compliance" in html
    assert "No commitment is recorded yet" in html


def test_members_on_a_day(client: TestClient):
    html = client.get("/members?on=2017-06-10").text
    assert re.search(r'data-state="IND" data-status="member"', html)
    before = client.get("/members?on=2010-01-01").text
    assert re.search(r'data-state="IND" data-status="observer"', before)
    assert "<svg" in html
    assert "<title>India: member 2017-06-09 to today</title>" in html


def test_state_page_shows_membership_and_agreements(client: TestClient):
    html = client.get("/states/ind").text
    assert "<h1>India" in html
    assert "2017-06-09" in html
    assert "Convention of the Shanghai Cooperation Organisation on Countering" in html
    assert client.get("/states/CHN").text.count('href="/meetings/') >= 3


def test_matrix_changes_with_the_as_of_day(client: TestClient):
    early = client.get("/agreements?on=2002-01-01").text
    later = client.get("/agreements?on=2010-01-01").text
    assert 'id="as-of"' in early
    assert "data-autosubmit" in early
    # China deposited its instrument on 8 November 2001 (#12)
    assert cell(early, "CHN", "shanghai-convention") == "ratified"
    assert cell(later, "CHN", "shanghai-convention") == "in-force"
    assert cell(later, "KGZ", "shanghai-convention") == "unknown"
    # India acceded in 2017: before it, not a party rather than "not signed" (#12)
    assert cell(later, "IND", "shanghai-convention") == "not-a-party"
    # the Charter was signed on 2002-06-07: on 2002-01-01 it is left out, not
    # shown as "not signed" by every state (#12)
    assert 'data-agreement="charter"' not in early
    assert cell(later, "CHN", "charter") == "unknown"  # no dated instrument (#12)
    # a text label in each cell, not colour only
    assert re.search(
        r'data-status="not-signed" class="cell status-not-signed"[^>]*>not signed<',
        early,
    )


def test_agreement_page_explains_why(client: TestClient):
    html = client.get("/agreements/shanghai-convention?on=2010-01-01").text
    assert "The sources record entry into force on 2003-03-29" in html
    assert "On 2010-01-01 it is in force." in html
    early = client.get("/agreements/shanghai-convention?on=2002-01-01").text
    assert "On 2002-01-01 it is not in force." in early
    assert 'data-state="KAZ"' in early


def test_meetings_filters_and_meeting_page(client: TestClient):
    html = client.get("/meetings?body=heads-of-state&year=2017").text
    assert 'href="/meetings/hos-2017"' in html
    assert 'href="/meetings/hos-2018"' not in html
    assert "<svg" in html
    meeting = client.get("/meetings/hos-2017").text
    assert "Articles that report it" in meeting
    assert "Chinese premier calls for closer SCO cooperation" in meeting
    hosted = client.get("/meetings?host=ind").text
    assert "New Delhi" in hosted or "Goa" in hosted


@pytest.mark.issue(12)
def test_meetings_page_shows_the_shanghai_five_only_when_asked(client: TestClient):
    sco = client.get("/meetings").text
    assert 'href="/meetings/sf-1996"' not in sco
    assert 'value="shanghai-five"' in sco  # the body filter offers it
    asked = client.get("/meetings?body=shanghai-five").text
    for year in (1996, 1997, 1998, 1999, 2000):
        assert f'href="/meetings/sf-{year}"' in asked
    assert 'href="/meetings/hos-2001"' not in asked
    moscow = client.get("/meetings/sf-1997").text
    assert "Shanghai Five summit in Moscow" in moscow
    assert "Mutual Reduction of Armed Forces in the Border Area" in moscow
    agreements = client.get("/agreements").text
    assert "border-reduction-agreement-1997" not in agreements


def year_options(html: str) -> list[int]:
    """The years the /meetings year filter offers."""
    select = html.split('<select id="year"', 1)[1].split("</select>", 1)[0]
    return [int(y) for y in re.findall(r'<option value="(\d{4})"', select)]


@pytest.mark.issue(12)
def test_meetings_year_filter_offers_the_years_of_the_body_shown(client: TestClient):
    sco = year_options(client.get("/meetings").text)
    assert sco
    assert min(sco) >= 2001  # the SCO's years: not its predecessor's 1996-2000
    five = year_options(client.get("/meetings?body=Shanghai Five").text)
    assert five == [2000, 1999, 1998, 1997, 1996]
    ministers = year_options(client.get("/meetings?body=foreign-ministers").text)
    assert ministers
    assert set(ministers) < set(sco)


@pytest.mark.issue(12)
def test_dashboard_counts_the_scos_own_and_its_predecessor_apart(
    client: TestClient,
):
    html = client.get("/").text
    about = client.get("/api/v1").json()
    sco = client.get("/api/v1/agreements", params={"limit": 200}).json()["items"]
    stat = html.split('href="/agreements"><div class="stat">', 1)[1].split("<", 1)[0]
    assert int(stat) == len(sco) == about["counts"]["agreements"]
    assert "SCO agreements tracked" in html
    note = html.split('id="predecessor-shanghai-five">', 1)[1].split("</p>", 1)[0]
    assert "Shanghai Five" in note
    assert ">5 meetings</a> and 2 agreements" in note
    assert about["predecessors"] == [
        {
            "body": "shanghai-five",
            "name": "Shanghai Five",
            "predecessor_of": "SCO",
            "meetings": 5,
            "agreements": 2,
        }
    ]


ASTANA = (
    "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation Organization met "
    "in Astana on Friday for the 17th summit of the Council of Heads of State. "
    "Reporter {n} filed this.\n"
)


@pytest.mark.issue(18)
@pytest.mark.issue(15)
def test_meeting_page_shows_its_reports_a_page_at_a_time(
    writer: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    """A summit reported by a thousand articles is shown a page at a time, with
    the total and links to the first and next pages, as the API pages them; a
    download still has every row."""
    for n in range(2):  # two more reports of the Astana summit (the seeds have one)
        made = writer.post(
            "/api/v1/documents",
            json={"text": ASTANA.format(n=n), "title": f"Astana {n}"},
            headers={"Authorization": f"Bearer {tokens['editor']}"},
        )
        assert made.status_code == 201, made.text
    client = writer
    monkeypatch.setattr(profiles, "DOCUMENTS_SHOWN", 1)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/meetings/hos-2017?format=csv").text))
    )
    assert len(rows) >= 3
    api = client.get("/api/v1/meetings/hos-2017/documents?limit=1").json()
    first = client.get("/meetings/hos-2017").text
    assert f"{len(rows)} stored documents" in first
    assert re.findall(r'<tr data-document="([^"]+)"', first) == [rows[0]["document"]]
    assert api["items"][0]["id"] == rows[0]["document"]
    # the next page is the API's: the same cursor, the same document
    following = re.search(r'href="/meetings/hos-2017\?cursor=([^"#]+)#reports"', first)
    assert following is not None
    assert following.group(1) == api["next"]
    second = client.get(f"/meetings/hos-2017?cursor={api['next']}").text
    assert re.findall(r'<tr data-document="([^"]+)"', second) == [rows[1]["document"]]
    assert 'href="/meetings/hos-2017#reports">« first page</a>' in second
    assert client.get("/meetings/hos-2017?cursor=nope").status_code == 422


def test_commitments_and_projects_render_empty_kb_sections(client: TestClient):
    assert "No commitment is recorded yet" in client.get("/commitments").text
    assert "No project is recorded yet" in client.get("/projects").text
    assert (
        client.get("/commitments?actor=CHN&area=trade&kind=pledge").status_code == 200
    )


def test_documents_list_and_pagination(client: TestClient):
    html = client.get("/documents?limit=2").text
    assert html.count('<a href="/documents/') == 2
    following = re.search(r'href="/documents\?([^"]+)" rel="next"', html)
    assert following
    second = client.get("/documents?" + following.group(1).replace("&amp;", "&")).text
    assert second.count('<a href="/documents/') == 2
    assert client.get("/documents?cursor=garbage").status_code == 422


def test_reader_highlights_claims_with_a_panel(client: TestClient):
    listing = client.get("/documents?format=json").json()
    doc = next(d for d in listing if d["claims"] > 3)
    html = client.get(f"/documents/{doc['id']}").text
    marks = re.findall(r'<mark class="claim status-(\w+)" data-claim="(\w+)"', html)
    assert marks
    assert all(status == "pending" for status, _ in marks)
    assert 'id="claim-panel"' in html
    assert 'src="/static/reader.js"' in html
    for _, claim_id in marks:
        assert f'id="claim-{claim_id}"' in html  # the list without JavaScript
    assert f"/api/v1/documents/{doc['id']}/original" in html


def test_search_highlights_hits(client: TestClient):
    html = client.get("/search?q=Qingdao").text
    assert "<mark>Qingdao</mark>" in html
    assert "Nothing matches" in client.get("/search?q=zzzzqqq").text
    assert client.get("/search").status_code == 200


@pytest.mark.issue(12)
def test_search_page_finds_the_curated_record(client: TestClient):
    html = client.get("/search?q=Charter").text
    assert 'data-record="agreement:charter"' in html
    assert 'href="/agreements/charter"' in html
    assert "in the record" in html
    tashkent = client.get("/search?q=Tashkent").text
    assert 'href="/meetings/hos-2016"' in tashkent
    rows = client.get("/search?q=GGI&format=json").json()
    assert rows[0]["page"] == "/initiatives#initiative-GGI"
    assert rows[0]["record"] is True
    bodies = client.get("/search?q=Council&kind=body").text
    assert 'href="/meetings?body=heads-of-state"' in bodies


@pytest.mark.parametrize(
    "path",
    ["/states/XXX", "/meetings/nope", "/agreements/nope", "/documents/nopenope"],
)
def test_unknown_ids_are_404_pages(client: TestClient, path: str):
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>404" in response.text
    assert "not" in response.text


@pytest.mark.parametrize(
    "path", ["/members?on=2017-13-45", "/agreements?on=yesterday", "/states/IND?on=x"]
)
def test_bad_dates_are_422_pages(client: TestClient, path: str):
    response = client.get(path)
    assert response.status_code == 422
    assert "<h1>422" in response.text
    assert "on: " in response.text
    assert "date" in response.text


def test_bad_format_is_422(client: TestClient):
    assert client.get("/members?format=xml").status_code == 422


@pytest.mark.parametrize(
    "path", ["/members?on=2017-06-10", "/agreements?on=2010-01-01", "/", "/meetings"]
)
def test_exports_hold_the_same_rows(client: TestClient, path: str):
    sep = "&" if "?" in path else "?"
    rows = client.get(f"{path}{sep}format=json").json()
    exported = client.get(f"{path}{sep}format=csv")
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows
    assert len(table) == len(rows)
    assert list(table[0]) == list(rows[0])
    first = {k: ("" if v is None else str(v)) for k, v in rows[0].items()}
    assert {k: v for k, v in table[0].items() if v not in ("True", "False")} == {
        k: v for k, v in first.items() if v not in ("True", "False")
    }


def test_members_export_on_a_day(client: TestClient):
    rows = client.get("/members?on=2017-06-10&format=json").json()
    assert {"state": "IND", "name": "India", "status": "member"}.items() <= next(
        r for r in rows if r["state"] == "IND"
    ).items()
    matrix = client.get("/agreements?on=2010-01-01&format=json").json()
    assert next(r for r in matrix if r["state"] == "KGZ")["shanghai-convention"] == (
        "unknown"
    )


def test_export_links_keep_the_other_parameters(client: TestClient):
    html = client.get("/members?on=2017-06-10").text
    assert 'href="/members?on=2017-06-10&amp;format=csv"' in html


def test_pages_take_partial_dates_like_the_api_and_the_cli(client):
    year = client.get("/members", params={"on": "2017", "format": "json"})
    assert year.status_code == 200
    statuses = {row["state"]: row["status"] for row in year.json()}
    assert statuses["IND"] == "member"  # 2017 stands for its last day
    month = client.get("/agreements", params={"on": "2004-01", "format": "json"})
    assert month.status_code == 200
    bad = client.get("/agreements", params={"on": "2004-13"})
    assert bad.status_code == 422
    assert "YYYY-MM-DD" in bad.text


@pytest.mark.issue(14)
def test_matrix_columns_show_short_names_with_the_full_title(client: TestClient):
    html = client.get("/agreements").text
    heads = re.findall(
        r'<th scope="col" class="col-head"><a [^>]*title="([^"]+)">([^<]+)</a>', html
    )
    assert len(heads) >= 10
    shown = dict(heads)
    convention = "Shanghai Convention on Combating Terrorism, Separatism and Extremism"
    assert shown[convention] == "Shanghai Convention"  # its first alias
    for name in shown.values():
        assert len(name) <= 36
    assert 'class="table-wrap matrix-wrap" role="region"' in html


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    ("title", "aliases", "short"),
    [
        ("Charter of the SCO", ["SCO Charter"], "SCO Charter"),
        (
            "Declaration on the Establishment of the Shanghai Cooperation Organisation",
            ["Declaration on the Establishment of the SCO", "SCO founding declaration"],
            "SCO founding declaration",
        ),
        ("A short title", [], "A short title"),
        (
            "Agreement among the Governments of the Member States on Cooperation",
            [],
            "Agreement among the Governments of\u2026",
        ),
    ],
)
def test_short_name(title: str, aliases: list[str], short: str) -> None:
    from scotrack.web.agreements import short_name

    assert short_name(title, aliases) == short


@pytest.mark.issue(14)
def test_agreement_page_names_its_sources(client: TestClient):
    html = client.get("/agreements/shanghai-convention").text
    sources = html[html.index('id="sources"') :].split("</section>")[0]
    assert "for the text and its signature" in sources
    assert "the dates of China" in sources
    assert "for its entry into force" in sources
    assert '<a href="http' in sources


@pytest.mark.issue(14)
def test_documents_say_how_they_are_sorted(client: TestClient):
    html = client.get("/documents").text
    assert "the latest published first" in html
    assert 'aria-sort="descending"><a href="/documents?sort=published"' in html
    published = [
        row["published"] for row in client.get("/documents?format=json").json()
    ]
    dated = [p for p in published if p]
    assert dated == sorted(dated, reverse=True)
    assert published[len(dated) :] == [None] * (len(published) - len(dated))


@pytest.mark.issue(14)
@pytest.mark.parametrize("path", ["/members", "/agreements", "/agreements/charter"])
def test_date_inputs_are_iso_text_not_locale_pickers(client: TestClient, path: str):
    html = client.get(path).text
    assert 'type="date"' not in html
    field = re.search(r'<input type="text" class="date" [^>]*>', html)
    assert field is not None
    assert 'pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"' in field.group(0)
    assert re.search(r'value="\d{4}-\d{2}-\d{2}"', field.group(0))
    assert "(YYYY-MM-DD)" in html


@pytest.mark.issue(14)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_skip_link_a_menu_button_and_scrolling_tables(
    client: TestClient, path: str
):
    html = client.get(path).text
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert '<main id="main" tabindex="-1"' in html
    assert 'class="menu-button" aria-expanded="false" aria-controls="site-menu"' in html
    tables = html.count("<table")
    scrolling = len(
        re.findall(r'role="region" aria-label="[^"]+" tabindex="0">\s*<table', html)
    )
    assert scrolling == tables


@pytest.mark.issue(12)
def test_secretaries_page_lists_every_term_with_its_source(client: TestClient):
    html = client.get("/secretaries").text
    assert "<h1>Secretaries-General</h1>" in html
    assert html.count('<tr data-person="') == 8
    assert 'href="https://kt.kz/eng/politics/' in html
    one = client.get("/secretaries?on=2014-05-01").text
    assert one.count('<tr data-person="') == 1
    assert 'data-person="Dmitry Mezentsev"' in one
    rows = client.get("/secretaries?format=json").json()
    assert rows[-1]["name"] == "Nurlan Yermekbayev"


@pytest.mark.issue(12)
def test_secretaries_page_lists_the_rats_directors_beside(client: TestClient):
    html = client.get("/secretaries").text
    assert 'href="/secretaries?office=rats-director"' in html
    rats = client.get("/secretaries?office=rats-director").text
    assert "<h1>Directors of the RATS Executive Committee</h1>" in rats
    assert rats.count('<tr data-person="') == 8
    assert 'href="https://khovar.tj/' in rats
    one = client.get("/secretaries?office=rats-director&on=2020-01-01").text
    assert one.count('<tr data-person="') == 1
    assert 'data-person="Dzhumakhon Giyosov"' in one
    assert 'name="office" value="rats-director"' in one
    rows = client.get("/secretaries?office=rats-director&format=json").json()
    assert rows[0]["name"] == "V. T. Kasymov"


@pytest.mark.issue(12)
def test_agreement_page_shows_each_states_source_and_what_is_missing(
    client: TestClient,
):
    html = client.get("/agreements/convention-against-terrorism?on=2012-06-01").text
    row = re.search(r'<tr data-state="KAZ".*?</tr>', html, flags=re.DOTALL)
    assert row is not None
    assert 'href="#source-kz-law-381-iv-2011"' in row.group(0)
    assert 'id="source-kz-law-381-iv-2011"' in html
    kgz = re.search(r'<tr data-state="KGZ".*?</tr>', html, flags=re.DOTALL)
    assert kgz is not None
    assert "no source" in kgz.group(0)
    rows = client.get(
        "/agreements/convention-against-terrorism?on=2012-06-01&format=json"
    ).json()
    by_state = {r["state"]: r for r in rows}
    assert by_state["KGZ"]["missing"] == "ratification (no source)"
    assert by_state["KAZ"]["missing"] is None


@pytest.mark.issue(12)
def test_agreement_page_shows_acceding_states_as_not_a_party_then_acceded(
    client: TestClient,
):
    """Before India's accession it is not a party, never "not signed"; after it,
    acceded, and the day the convention binds it is shown as unknown."""
    early = client.get("/agreements/convention-against-terrorism?on=2012-06-01").text
    india = re.search(r'<tr data-state="IND".*?</tr>', early, flags=re.DOTALL)
    assert india is not None
    assert 'data-status="not-a-party"' in india.group(0)
    assert ">not a party<" in india.group(0)
    late = client.get("/agreements/convention-against-terrorism?on=2025-01-01").text
    india = re.search(r'<tr data-state="IND".*?</tr>', late, flags=re.DOTALL)
    assert india is not None
    assert 'data-status="acceded"' in india.group(0)
    assert ">unknown<" in india.group(0)


@pytest.mark.issue(12)
def test_initiatives_page_lists_each_with_its_source(client: TestClient):
    html = client.get("/initiatives").text
    assert 'data-initiative="GGI"' in html
    assert "Global Development Initiative" in html
    assert 'rel="noopener noreferrer"' in html  # each source links to its page
    rows = client.get("/initiatives?format=json").json()
    assert [r["code"] for r in rows][:1] == ["BRI"]
    assert all(r["source"] for r in rows)
    assert 'href="/initiatives"' in client.get("/projects").text


@pytest.mark.issue(18)
def test_csv_export_puts_a_quote_before_a_formula(writer: TestClient, writable_url):
    formula = '=HYPERLINK("x")'
    edited = CliRunner().invoke(
        app,
        ["edit", "meeting:hog-2017", "--set", f"city_name={formula}",
         "--reason", "a spreadsheet must not run it", "--db", writable_url],
    )  # fmt: skip
    assert edited.exit_code == 0, edited.output
    exported = writer.get("/meetings?format=csv").text
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(exported))}
    assert rows["hog-2017"]["city"] == "'" + formula
    assert rows["hog-2017"]["number"] == "16"
    shown = {row["id"]: row for row in writer.get("/meetings?format=json").json()}
    assert shown["hog-2017"]["city"] == formula  # JSON keeps it exact
