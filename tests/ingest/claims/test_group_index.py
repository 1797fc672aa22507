"""The index that groups claims as they arrive (`claims.group_index`): it finds a
claim's group exactly when the full rule (`groups.claims_agree`) says they agree."""

import pytest

from scotrack.ingest.claims.claim import claims_from_extract
from scotrack.ingest.claims.group_index import GroupIndex
from scotrack.ingest.claims.groups import claims_agree


def _dev_claims(kind):
    """The claims of one kind the extractor finds in the dev set and the seeds."""
    from pathlib import Path

    from scotrack.ingest.output import to_extract_json
    from scotrack.ingest.pipeline import extract_paths

    root = Path(__file__).resolve().parents[3]
    folders = [
        root / "tests" / "data" / "dev" / "docs",
        root.parent / "shared" / "seeds",
    ]
    found = []
    for doc in extract_paths([f for f in folders if f.is_dir()]):
        if isinstance(doc, Exception):
            continue
        extract = to_extract_json(doc)
        found += [c for c in claims_from_extract(doc.id, extract) if c.kind == kind]
    return found


@pytest.mark.parametrize("kind", ["commitment", "project", "agreement"])
def test_the_prefilter_never_hides_an_agreeing_group(baseline, kind):
    claims = _dev_claims(kind)
    assert len(claims) >= 5
    # every ordered pair: the index, holding one group, finds it exactly when the
    # full rule says the two claims agree
    for first in claims:
        index = GroupIndex(baseline)
        index.add("block", first, "g")
        for other in claims:
            if other.key == first.key:
                continue
            agree = claims_agree(other, first, catalogue=baseline)
            assert (index.group_of("block", other) == "g") == agree, (first, other)


@pytest.mark.parametrize("in_order", [True, False], ids=["by-date", "random-dates"])
def test_trim_bounds_the_claims_held_whatever_the_order_of_dates(baseline, in_order):
    """Blocks are by year: documents in date order leave old years unused and
    trimming forgets them, but in random date order every year's block is used
    by the last few documents, and sparing every block in use kept every claim
    of the run, 2.4 KB a document (#16). Held claims now stay under CEILING
    times the limit, plus what one document adds, in either order."""
    import random

    from scotrack.ingest.claims.claim import ExtractedClaim
    from scotrack.ingest.claims.group_index import CEILING

    years = list(range(2001, 2013))
    documents = 600
    dates = [years[n * len(years) // documents] for n in range(documents)]
    if not in_order:
        random.Random(7).shuffle(dates)
    limit, recent, each = 100, 50, 1
    index = GroupIndex(baseline)
    held = []
    for number, year in enumerate(dates):
        index.trim(limit, recent=recent)  # between transactions, as the writer
        index.clock += 1
        for place in range(each):  # a new fact each: a distinct member
            payload = {"body": "CHS", "date": f"{year}-06-{1 + number % 28:02d}"}
            payload["city"] = f"City {number} {place}"
            claim = ExtractedClaim(
                f"doc{number}", "meeting", payload, (), published=str(year)
            )
            block = f"meeting:CHS:{year}"
            index.add(block, claim, index.group_of(block, claim) or claim.key)
        held.append(index.held)
    assert index.held == sum(len(b.members) for b in index.blocks.values())
    assert max(held) <= CEILING * limit + each
    assert max(held[-100:]) >= limit  # trimmed to the limit, not emptied
