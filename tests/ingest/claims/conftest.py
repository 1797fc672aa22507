"""Fixtures shared by the claim tests."""

import pytest

from scotrack.data import read_baseline
from scotrack.ingest.claims.resolve import catalogue_from_baseline


@pytest.fixture(scope="module")
def baseline():
    """The catalogue of the shipped baseline, built once per test module."""
    return catalogue_from_baseline(read_baseline())
