import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.facts.commitments import candidates


def _sources(text: str) -> list[tuple[str, str]]:
    """(actor, how the actor was found) of every candidate, before the model."""
    return [
        (c.item["actor"], next(k for k in c.features if k.startswith("src=")))
        for c in candidates(make_doc(text))
    ]


@pytest.mark.issue(11)
def test_loose_actor_an_unattributed_should_of_the_sco_is_the_article_s_voice() -> None:
    text = (
        "The more volatile the world is, the more the SCO member states need to "
        "carry forward the Shanghai Spirit."
    )
    assert _sources(text) == []


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            '"The SCO member states need to carry forward the Shanghai Spirit."',
            ("SCO", "src=loose-group"),
        ),
        (
            "The SCO member states need to carry forward the Shanghai Spirit, "
            "Putin said.",
            ("RUS", "src=modal"),
        ),
    ],
)
def test_loose_actor_a_quoted_or_reported_should_stays_a_candidate(
    text: str, source: tuple[str, str]
) -> None:
    assert _sources(text) == [source]
