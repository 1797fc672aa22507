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
