"""scotrack: a time-aware knowledge base of the Shanghai Cooperation Organization.

Every fact points back to the sentence or the citation it came from.
"""

import logging

from scotrack.domain.dates import PartialDate
from scotrack.errors import (
    Ambiguous,
    DocumentError,
    InputError,
    NotFound,
    ScotrackError,
)

__version__ = "0.1.0"

__all__ = [
    "Ambiguous",
    "DocumentError",
    "InputError",
    "NotFound",
    "PartialDate",
    "ScotrackError",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
