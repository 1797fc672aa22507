"""The write endpoints: each needs its role, changes the knowledge base and the log."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from scotrack.api.app import create_app
from scotrack.settings import Settings
from scotrack.store import engine as engine_module
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write import ingestion
from scotrack.store.write.tokens import Role, create_token

from .conftest import bearer
from .test_reads import error_of

API = "/api/v1"


def linked_claim(client: TestClient, meeting_id: str) -> dict:
    claims = client.get(f"{API}/claims", params={"kind": "meeting", "limit": 200})
    return next(c for c in claims.json()["items"] if c["entity_id"] == meeting_id)


def test_accepting_a_claim_changes_the_meeting_and_the_feed(writer: TestClient, tokens):
    last = writer.get(f"{API}").json()["last_change"]
    claim = linked_claim(writer, "hos-2022")
    accepted = writer.post(
        f"{API}/claims/{claim['id']}/accept",
        json={"note": "checked", "choice": "keep"},
        headers=bearer(tokens["reviewer"]),
    )
    assert accepted.status_code == 200, accepted.text
    changes = accepted.json()["changes"]
    assert {(c["entity_kind"], c["action"]) for c in changes} >= {("claim", "accept")}
    assert {c["actor"] for c in changes} == {"reviewer-user"}
    shown = writer.get(f"{API}/claims/{claim['id']}").json()
    assert shown["status"] == "accepted"
    assert shown["decided_by"] == "reviewer-user"
    assert shown["note"] == "checked"
    meeting = writer.get(f"{API}/meetings/hos-2022").json()
    assert claim["document_id"] in [s["document_id"] for s in meeting["sources"]]
    feed = writer.get(f"{API}/changes", params={"since": last}).json()["items"]
    assert [c["id"] for c in feed] == [c["id"] for c in changes]
    assert feed[-1]["claim_id"] == claim["id"]
    again = writer.post(
        f"{API}/claims/{claim['id']}/accept", headers=bearer(tokens["reviewer"])
    )
    assert "already accepted" in error_of(again, 422)


def test_undo_reverts_an_acceptance(writer: TestClient, tokens):
    claim = linked_claim(writer, "hos-2017")
    done = writer.post(
        f"{API}/claims/{claim['id']}/accept",
        json={"choice": "keep"},
        headers=bearer(tokens["reviewer"]),
    ).json()["changes"]
    first = done[0]["id"]
    refused = writer.post(
        f"{API}/changes/{first}/undo", headers=bearer(tokens["reviewer"])
    )
    error_of(refused, 403)
    undone = writer.post(
        f"{API}/changes/{first}/undo",
        json={"reason": "wrong meeting"},
        headers=bearer(tokens["editor"]),
    )
    assert undone.status_code == 200, undone.text
    assert {c["action"] for c in undone.json()["changes"]} == {"undo"}
    assert writer.get(f"{API}/claims/{claim['id']}").json()["status"] == "pending"
    history = writer.get(f"{API}/history/claim/{claim['id']}").json()
    assert [c["action"] for c in history] == ["accept", "undo"]
    assert history[-1]["reason"] == "wrong meeting"
    error_of(
        writer.post(f"{API}/changes/999999/undo", headers=bearer(tokens["editor"])),
        404,
    )


def test_a_disagreement_is_409_with_the_fields_until_a_choice(
    writer: TestClient, tokens
):
    claims = writer.get(f"{API}/claims", params={"limit": 200}).json()["items"]
    disagreeing = None
    for claim in claims:
        shown = writer.get(f"{API}/claims/{claim['id']}").json()
        if shown["disagreements"]:
            disagreeing = shown
            break
    if disagreeing is None:
        pytest.skip("no seed claim disagrees with the baseline")
    refused = writer.post(
        f"{API}/claims/{disagreeing['id']}/accept", headers=bearer(tokens["reviewer"])
    )
    error_of(refused, 409)
    details = refused.json()["error"]["details"]
    assert {d["field"] for d in details} == {
        d["field"] for d in disagreeing["disagreements"]
    }
    taken = writer.post(
        f"{API}/claims/{disagreeing['id']}/accept",
        json={"choice": "take"},
        headers=bearer(tokens["reviewer"]),
    )
    assert taken.status_code == 200, taken.text


def test_reject_and_edit_claims(writer: TestClient, tokens):
    pending = writer.get(
        f"{API}/claims", params={"kind": "commitment", "limit": 2}
    ).json()["items"]
    rejected = writer.post(
        f"{API}/claims/{pending[0]['id']}/reject",
        json={"note": "not a commitment"},
        headers=bearer(tokens["reviewer"]),
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["changes"][0]["action"] == "reject"
    listed = writer.get(f"{API}/claims", params={"status": "rejected"}).json()
    assert [c["id"] for c in listed["items"]] == [pending[0]["id"]]
    edited = writer.patch(
        f"{API}/claims/{pending[1]['id']}",
        json={"set": {"area": "trade"}, "note": "the area is trade"},
        headers=bearer(tokens["reviewer"]),
    )
    assert edited.status_code == 200, edited.text
    shown = writer.get(f"{API}/claims/{pending[1]['id']}").json()
    assert shown["payload"]["area"] == "trade"
    assert shown["edited"] is True
    bad = writer.patch(
        f"{API}/claims/{pending[1]['id']}",
        json={"set": {"colour": "red"}},
        headers=bearer(tokens["reviewer"]),
    )
    assert "colour" in error_of(bad, 422)
    empty = writer.patch(
        f"{API}/claims/{pending[1]['id']}",
        json={"set": {}},
        headers=bearer(tokens["reviewer"]),
    )
    error_of(empty, 422, "set")
    error_of(
        writer.post(f"{API}/claims/{'0' * 32}/reject", headers=bearer(tokens["admin"])),
        404,
    )


def test_accepting_a_commitment_makes_it_listed(writer: TestClient, tokens):
    claim = writer.get(
        f"{API}/claims", params={"kind": "commitment", "limit": 1}
    ).json()["items"][0]
    accepted = writer.post(
        f"{API}/claims/{claim['id']}/accept", headers=bearer(tokens["reviewer"])
    )
    assert accepted.status_code == 200, accepted.text
    made = next(
        c for c in accepted.json()["changes"] if c["entity_kind"] == "commitment"
    )
    listed = writer.get(f"{API}/commitments").json()["items"]
    assert [c["id"] for c in listed] == [made["entity_id"]]
    one = writer.get(f"{API}/commitments/{made['entity_id']}").json()
    assert one["text"]
    assert one["assessments"] == []


def test_editing_an_entity_needs_an_editor_and_a_reason(writer: TestClient, tokens):
    path = f"{API}/entities/meeting/hos-2017"
    body = {"set": {"format": "hybrid"}, "reason": "per the MFA"}
    error_of(writer.patch(path, json=body), 401)
    error_of(writer.patch(path, json=body, headers=bearer(tokens["reviewer"])), 403)
    done = writer.patch(path, json=body, headers=bearer(tokens["editor"]))
    assert done.status_code == 200, done.text
    assert done.json()["changes"][0]["actor"] == "editor-user"
    meeting = writer.get(f"{API}/meetings/hos-2017").json()["meeting"]
    assert meeting["format"] == "hybrid"
    history = writer.get(f"{API}/history/meeting/hos-2017").json()
    assert history[-1]["reason"] == "per the MFA"
    assert history[-1]["after"]["format"] == "hybrid"
    same = writer.patch(path, json=body, headers=bearer(tokens["editor"]))
    assert "nothing changed" in error_of(same, 422)
    unknown = writer.patch(
        f"{API}/entities/meeting/hos-1066", json=body, headers=bearer(tokens["editor"])
    )
    error_of(unknown, 404)
    kind = writer.patch(
        f"{API}/entities/castle/x", json=body, headers=bearer(tokens["editor"])
    )
    error_of(kind, 422)
    field = writer.patch(
        path,
        json={"set": {"moat": "deep"}, "reason": "x"},
        headers=bearer(tokens["editor"]),
    )
    assert "moat" in error_of(field, 422)
    no_reason = writer.patch(
        path, json={"set": {"format": "video"}}, headers=bearer(tokens["editor"])
    )
    error_of(no_reason, 422, "reason")


# posting documents

HOSTILE = (
    "<html><head><title>SCO summit in Astana</title></head><body>"
    "<h1>SCO summit in Astana</h1>"
    "<p>ASTANA, June 9, 2017 - India and Pakistan joined the Shanghai Cooperation "
    "Organisation at the heads of state summit in Astana on Friday.</p>"
    "<script>alert(1)</script>"
    '<iframe srcdoc="<script>alert(2)</script>"></iframe>'
    '<svg onload="alert(3)"></svg>'
    '<p><a href="javascript:alert(4)">more</a> on the summit.</p>'
    "</body></html>"
)


def test_a_posted_document_is_stored_and_its_claims_listed(writer: TestClient, tokens):
    body = {
        "text": "BEIJING, Sept 1, 2025 - Leaders of the Shanghai Cooperation "
        "Organisation met in Tianjin for the heads of state summit on Monday.\n",
        "url": "https://example.org/tianjin",
        "published": "2025-09-01",
        "source": "Example News",
        "title": "Tianjin summit",
    }
    error_of(writer.post(f"{API}/documents", json=body), 401)
    error_of(
        writer.post(f"{API}/documents", json=body, headers=bearer(tokens["reviewer"])),
        403,
    )
    made = writer.post(f"{API}/documents", json=body, headers=bearer(tokens["editor"]))
    assert made.status_code == 201, made.text
    answer = made.json()
    assert answer["outcome"] == "new"
    assert answer["version"] == 1
    document = writer.get(f"{API}/documents/{answer['id']}").json()
    assert document["title"] == "Tianjin summit"
    assert document["outlet"] == "Example News"
    assert document["published_date"] == "2025-09-01"
    assert len(document["claims"]) == answer["claims"]
    again = writer.post(f"{API}/documents", json=body, headers=bearer(tokens["admin"]))
    assert again.json()["outcome"] == "unchanged"
    newer = writer.post(
        f"{API}/documents",
        json=body | {"text": body["text"] + "More later.\n"},
        headers=bearer(tokens["editor"]),
    )
    assert (newer.json()["outcome"], newer.json()["version"]) == ("version", 2)
    listed = writer.get(f"{API}/documents", params={"outlet": "example news"}).json()
    assert len(listed["items"]) == 2


def test_hostile_html_is_stored_but_never_served_as_html(writer: TestClient, tokens):
    made = writer.post(
        f"{API}/documents",
        json={"html": HOSTILE, "url": "https://example.org/astana"},
        headers=bearer(tokens["editor"]),
    )
    assert made.status_code == 201, made.text
    doc_id = made.json()["id"]
    shown = writer.get(f"{API}/documents/{doc_id}")
    assert shown.headers["content-type"] == "application/json"
    text = shown.json()["clean_text"]
    assert "India and Pakistan joined" in text
    assert "<script" not in text
    original = writer.get(f"{API}/documents/{doc_id}/original")
    assert original.status_code == 200
    assert original.headers["content-type"] == "application/octet-stream"
    assert "text/html" not in original.headers["content-type"]
    assert original.headers["content-disposition"].startswith("attachment;")
    assert original.headers["x-content-type-options"] == "nosniff"
    assert original.content.decode() == HOSTILE  # stored as it came


def test_a_file_upload_is_ingested(writer: TestClient, tokens):
    made = writer.post(
        f"{API}/documents",
        files={"file": ("astana.html", HOSTILE.encode(), "text/html")},
        headers=bearer(tokens["editor"]),
    )
    assert made.status_code == 201, made.text
    original = writer.get(f"{API}/documents/{made.json()['id']}/original")
    assert original.headers["content-type"] == "application/octet-stream"
    assert original.headers["content-disposition"].endswith('.html"')
    text = writer.post(
        f"{API}/documents",
        files={"file": ("note.txt", b"\xef\xbb\xbfSCO news in brief.\n", "text/plain")},
        headers=bearer(tokens["editor"]),
    )
    assert text.status_code == 201, text.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "a", "html": "<p>b</p>"}, "html"),
        ({"text": "SCO", "published": "last Tuesday"}, "published"),
        ({"text": 42}, "text"),
        ({"text": "SCO", "url": "x" * 3000}, "url"),
    ],
)
def test_a_bad_document_is_422_naming_the_field(
    writer: TestClient, tokens, body: dict, field: str
):
    response = writer.post(
        f"{API}/documents", json=body, headers=bearer(tokens["editor"])
    )
    message = error_of(response, 422, field)
    assert message.startswith(f"{field}:")


def test_bad_uploads_are_refused_clearly(writer: TestClient, tokens):
    editor = bearer(tokens["editor"])
    binary = writer.post(
        f"{API}/documents",
        files={"file": ("x.txt", b"\x00\x01\x02" * 100, "text/plain")},
        headers=editor,
    )
    assert "binary" in error_of(binary, 422, "file")
    wrong_field = writer.post(
        f"{API}/documents", files={"upload": ("x.txt", b"SCO")}, headers=editor
    )
    error_of(wrong_field, 422, "file")
    lines = writer.post(
        f"{API}/documents",
        files={"file": ("x.jsonl", b'{"text": "SCO"}\n')},
        headers=editor,
    )
    error_of(lines, 422, "file")
    plain = writer.post(
        f"{API}/documents",
        content=b"SCO",
        headers=editor | {"content-type": "text/plain"},
    )
    error_of(plain, 415)
    broken = writer.post(
        f"{API}/documents",
        content=b"{not json",
        headers=editor | {"content-type": "application/json"},
    )
    error_of(broken, 422)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a WARC file is text: it used to be stored as one page of WARC headers
        ("crawl.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<p>SCO</p>\r\n"),
        ("crawl.warc.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
        ("news.jsonl.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
        ("NEWS.PARQUET", b"PAR1\x00\x00PAR1"),
    ],
)
def test_an_archive_upload_is_refused_naming_scotrack_ingest(
    writer: TestClient, tokens, name: str, data: bytes
):
    response = writer.post(
        f"{API}/documents",
        files={"file": (name, data, "application/octet-stream")},
        headers=bearer(tokens["editor"]),
    )
    message = error_of(response, 422, "file")
    assert "archive holds many documents" in message
    assert "scotrack ingest" in message


def test_uploads_may_be_larger_than_other_bodies_up_to_their_limit(
    writable_url: str, tokens
):
    app = create_app(
        Settings(db=writable_url, max_request_bytes=1_000, max_document_bytes=20_000)
    )
    editor = bearer(tokens["editor"])
    text = "The SCO met in Astana. " * 400  # about 9 KB
    with TestClient(app) as client:
        fits = client.post(f"{API}/documents", json={"text": text}, headers=editor)
        assert fits.status_code == 201, fits.text
        big = client.post(
            f"{API}/documents",
            files={"file": ("big.txt", b"SCO " * 10_000)},
            headers=editor,
        )
        assert error_of(big, 413)
        other = client.patch(
            f"{API}/entities/meeting/hos-2017",
            json={"set": {"format": "video"}, "reason": "x" * 1500},
            headers=editor,
        )
        error_of(other, 413)


def test_a_claim_is_found_by_the_prefix_the_cli_prints(writer: TestClient, tokens):
    claim = linked_claim(writer, "hos-2017")
    short = claim["id"][:12]  # what `scotrack review list` prints
    assert writer.get(f"{API}/claims/{short}").json()["id"] == claim["id"]
    assert writer.get(f"{API}/claims/{claim['id'][:8].upper()}").status_code == 200
    assert "6 characters" in error_of(writer.get(f"{API}/claims/{short[:5]}"), 422)
    error_of(writer.get(f"{API}/claims/ffffffffffff"), 404)
    accepted = writer.post(
        f"{API}/claims/{short}/accept",
        json={"choice": "keep"},
        headers=bearer(tokens["reviewer"]),
    )
    assert accepted.status_code == 200, accepted.text
    assert writer.get(f"{API}/claims/{claim['id']}").json()["status"] == "accepted"


ASTANA = (
    "ASTANA, June 9, 2017 - Leaders of the Shanghai Cooperation Organization met "
    "in Astana on Friday for the 17th summit of the Council of Heads of State. "
    "Reporter {n} filed this.\n"
)


def three_reports(writer: TestClient, tokens) -> None:
    """Three near-identical reports of the Astana summit: with the example page's
    (which says 2017-06: the same at a lower precision), a group of four claims."""
    for n in range(3):
        body = {"text": ASTANA.format(n=n), "source": "Wire {n}", "title": "Astana"}
        made = writer.post(
            f"{API}/documents", json=body, headers=bearer(tokens["editor"])
        )
        assert made.status_code == 201, made.text


@pytest.mark.issue(14)
def test_the_queue_lists_groups_with_totals(writer: TestClient, tokens):
    three_reports(writer, tokens)
    page = writer.get(f"{API}/claims/groups", params={"limit": 2}).json()
    assert page["total"] >= 2
    assert page["claims"] > page["total"]
    assert page["items"][0]["claims"] == 4
    assert page["items"][0]["documents"] == 4
    assert page["items"][0]["entity_id"] == "hos-2017"
    sizes = [item["claims"] for item in page["items"]]
    assert sizes == sorted(sizes, reverse=True)
    error_of(writer.get(f"{API}/claims/groups", params={"kind": "planet"}), 422)


@pytest.mark.issue(14)
def test_accepting_with_group_decides_the_group_in_one_undoable_batch(
    writer: TestClient, tokens
):
    three_reports(writer, tokens)
    first = writer.get(f"{API}/claims/groups").json()["items"][0]
    accepted = writer.post(
        f"{API}/claims/{first['id'][:12]}/accept",
        json={"group": True, "choice": "keep"},
        headers=bearer(tokens["reviewer"]),
    )
    assert accepted.status_code == 200, accepted.text
    answer = accepted.json()
    assert len(answer["decided"]) == 4
    assert answer["left"] == []
    assert len({c["batch"] for c in answer["changes"]}) == 1
    undone = writer.post(
        f"{API}/changes/{answer['changes'][-1]['id']}/undo",
        headers=bearer(tokens["editor"]),
    )
    assert undone.status_code == 200, undone.text
    for claim_id in answer["decided"]:
        assert writer.get(f"{API}/claims/{claim_id}").json()["status"] == "pending"
    rejected = writer.post(
        f"{API}/claims/{first['id']}/reject",
        json={"group": True},
        headers=bearer(tokens["reviewer"]),
    ).json()
    assert len(rejected["decided"]) == 4


@pytest.mark.issue(14)
def test_accepting_by_filter_with_a_dry_run(writer: TestClient, tokens):
    reviewer = bearer(tokens["reviewer"])
    body = {"kind": "meeting", "dry_run": True}
    error_of(writer.post(f"{API}/claims/accept", json=body), 401)
    dry = writer.post(f"{API}/claims/accept", json=body, headers=reviewer)
    assert dry.status_code == 200, dry.text
    plan = dry.json()
    assert plan["dry_run"] is True
    assert plan["changes"] == []
    assert plan["matched"] == plan["decided"] + sum(plan["skipped"].values())
    assert plan["skipped"]["ambiguous"] >= 1
    listed = writer.get(f"{API}/claims/groups", params={"kind": "meeting"}).json()
    assert listed["claims"] == plan["matched"]
    done = writer.post(
        f"{API}/claims/accept", json=body | {"dry_run": False}, headers=reviewer
    ).json()
    assert done["decided"] == plan["decided"]
    assert len({c["batch"] for c in done["changes"]}) == 1
    left = writer.get(f"{API}/claims/groups", params={"kind": "meeting"}).json()
    assert left["claims"] == plan["matched"] - plan["decided"]
    bad = writer.post(f"{API}/claims/reject", json={"min_score": 101}, headers=reviewer)
    error_of(bad, 422)


@pytest.mark.issue(18)
def test_a_writer_is_not_kept_waiting_while_an_upload_is_extracted(
    writable_url: str, tokens, monkeypatch: pytest.MonkeyPatch
):
    """An upload is extracted before its write transaction begins: another writer
    stores at once meanwhile (before, the token check had begun the transaction,
    and on SQLite the write lock was held through the whole extraction)."""
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)  # a held lock shows
    extracting, written = threading.Event(), threading.Event()
    real_extract = ingestion.extract

    def slow_extract(raw, options):  # extraction lasts until the other write is done
        extracting.set()
        written.wait(timeout=60)
        return real_extract(raw, options)

    monkeypatch.setattr(ingestion, "extract", slow_extract)
    body = {
        "text": "BEIJING, Sept 1, 2025 - Leaders of the Shanghai Cooperation "
        "Organisation met in Tianjin for the heads of state summit on Monday.\n",
    }
    app = create_app(Settings(db=writable_url, cache=False))
    engine = make_engine(writable_url)
    try:
        with TestClient(app) as client, ThreadPoolExecutor(1) as pool:
            upload = pool.submit(
                client.post,
                f"{API}/documents",
                json=body,
                headers=bearer(tokens["editor"]),
            )
            assert extracting.wait(timeout=60)
            try:
                with session_factory(engine, write=True).begin() as session:
                    create_token(
                        session, name="meanwhile", role=Role.reviewer, created_by="t"
                    )
            finally:
                written.set()
            answer = upload.result(timeout=120)
    finally:
        engine.dispose()
    assert answer.status_code == 201, answer.text
    assert answer.json()["outcome"] == "new"
