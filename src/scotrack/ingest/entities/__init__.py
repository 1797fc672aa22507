"""Names in the text: the gazetteer, its mentions, and the states and people named."""
