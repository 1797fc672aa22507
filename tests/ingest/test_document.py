import pickle
from dataclasses import FrozenInstanceError, replace

import pytest

from scotrack.ingest.document import Mention, Sentence


def test_mention_is_a_frozen_dataclass_despite_its_own_init() -> None:
    mention = Mention(0, 5, "state", "CHN", "China")
    assert mention == Mention(0, 5, "state", "CHN", "China", None)
    assert hash(mention) == hash(Mention(0, 5, "state", "CHN", "China"))
    assert replace(mention, kind="city", state="CHN").state == "CHN"
    assert pickle.loads(pickle.dumps(mention)) == mention
    assert repr(mention).startswith("Mention(start=0, end=5, kind='state'")
    with pytest.raises(FrozenInstanceError):
        mention.start = 1  # type: ignore[misc]


def test_sentence_is_a_frozen_dataclass_despite_its_own_init() -> None:
    sent = Sentence(3, 6, "abc")
    assert (sent.start, sent.end, sent.text) == (3, 6, "abc")
    assert sent == Sentence(start=3, end=6, text="abc")
    with pytest.raises(FrozenInstanceError):
        sent.text = "x"  # type: ignore[misc]
