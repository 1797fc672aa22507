from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.read.sentences import sentence_at, sentence_spans


def test_sentences_abbreviations_and_quotes() -> None:
    text = (
        "Headline without stop\nSOCHI, Russia, Dec. 1 (Xinhua) -- Li said. "
        '"We will go." He met U.S. officials. Mr. Smith and J. K. Rowling came. '
        "No. 5 is it! What?"
    )
    got = [s.text for s in sentence_spans(text)]
    assert got == [
        "Headline without stop",
        "SOCHI, Russia, Dec. 1 (Xinhua) -- Li said.",
        '"We will go."',
        "He met U.S. officials.",
        "Mr. Smith and J. K. Rowling came.",
        "No. 5 is it!",
        "What?",
    ]


def test_sentence_at() -> None:
    sents = sentence_spans("One. Two.\nThree.")
    assert sentence_at(sents, 6) == sents[1]
    assert sentence_at(sents, 4) is None


@given(st.text(alphabet=st.sampled_from("ab .?!\n\"'AB"), max_size=80))
def test_sentence_offsets_point_into_text(text: str) -> None:
    for sent in sentence_spans(text):
        assert text[sent.start : sent.end] == sent.text
        assert sent.text == sent.text.strip()
        assert "\n" not in sent.text
