"""Claims: the patterns entity resolution and the claim checks read (see
`scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

ORGANISATION_NAME = re.compile(r"\bshanghai cooperation organi[sz]ation\b")
"""The organisation's full name in a name key (lower case, no punctuation): in
almost every SCO title, so it says nothing of which one (`claims.names`)."""
NUMBER = re.compile(r"\d[\d,.]*\d|\d")
"""A number a name or text gives ("2025", "1,000", "2.5"): names whose numbers
differ name different things (`claims.names`)."""
STATE_CODE = re.compile(r"^[A-Z]{3}$")
"""A state's code as a claim gives it ("KAZ"; `claims.claim_fields`)."""
