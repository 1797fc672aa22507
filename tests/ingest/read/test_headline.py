from scotrack.ingest.read.headline import has_headline


def test_has_headline() -> None:
    assert has_headline(["SCO summit opens"])
    assert not has_headline(["This is a sentence."])
    assert not has_headline([])
