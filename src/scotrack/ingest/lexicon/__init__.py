"""Every rule of the extractor, compiled once, in one place.

Word lists, regular-expression sources and the patterns compiled from them live
here, one module per subject; the stage modules hold only logic and refer to
`rules.NAME` (their own subject's module) or `<subject>_rules.NAME`. Nothing here
reads a document: importing a module compiles its rules, once per process
(an `alternations.Alternation` when first run).

- `folding`: the case folding patterns run on (`folded`, `folded_pattern`).
- `pages`: page furniture, mastheads, credit and date lines, datelines, sentence ends.
- `language`: the scripts and English function words a page's language is told by.
- `dates`: month and weekday names, date expressions, tense markers.
- `names`: people's names, titles, appositives, capitals standing for governments.
- `organizations`: the SCO's names and other organizations'.
- `claims`: what entity resolution and the claim checks read (name keys, numbers,
  state codes).
- `meetings`, `agreements` (with `agreement_lists`, `agreement_clues`,
  `agreement_titles`), `commitments` (with `commitment_actors`), `projects`,
  `membership`, `areas`: the fact stages' cue words and patterns.

Patterns are written for SCO news in general (wire reports, press releases,
op-eds), never for one article.
"""
