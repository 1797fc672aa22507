import pytest

from scotrack.domain.sources import cited_in


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("note", "ids"),
    [
        ("launched that year (source hog-communique-2004).", ("hog-communique-2004",)),
        (
            "in Bishkek (source kremlin-moscow-declaration-2003); moved (source "
            "cntd-charter-protocol-2003), again (source "
            "kremlin-moscow-declaration-2003)",
            ("kremlin-moscow-declaration-2003", "cntd-charter-protocol-2003"),
        ),
        ("no source found gives the instrument or the day", ()),
        ("the founding date is the signature, which no source gives", ()),
        ("", ()),
    ],
)
def test_cited_in_takes_ids_not_prose(note, ids):
    assert cited_in(note) == ids
