"""From extracted facts to claims: candidates, resolution and groups."""
