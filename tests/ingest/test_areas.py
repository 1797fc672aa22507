import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the shared hand-built documents
from _docs import make_doc

from scotrack.ingest.areas import areas, first_area, main_area


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        (
            "Terrorism, extremism and separatism remain the main threats to the SCO.",
            "security",
        ),
        (
            "New railways, highways and logistics hubs will link the region.",
            "connectivity",
        ),
        ("A development bank and a special fund would finance projects.", "finance"),
        ("Education, trade, energy and security were discussed.", None),  # a list
        ("The leaders met in Astana.", None),
        (
            "Energy security and clean energy dominate the talks on oil and gas.",
            "energy",
        ),
    ],
)
def test_main_area(sentence: str, area: str | None) -> None:
    assert main_area(sentence) == area


@pytest.mark.parametrize(
    ("phrase", "area"),
    [
        ("enhance cooperation in security, trade and connectivity", "security"),
        ("boost e-commerce and investment facilitation", "trade"),
        ("exchange students and scholars", "people-to-people"),
        ("hold talks", None),
    ],
)
def test_first_area(phrase: str, area: str | None) -> None:
    assert first_area(phrase) == area


def test_areas_from_sentences_and_commitments_with_evidence() -> None:
    doc = make_doc("Terrorism and extremism threaten the region. The leaders met.")
    doc.facts["commitments"] = [{"area": "trade", "evidence": [[0, 5]]}]
    found = {item["area"]: item["evidence"] for item in areas(doc)}
    assert found == {"security": [[0, 44]], "trade": [[0, 5]]}
