"""Personal data: the scrubber for Norwegian free text and the one set of personal-data
patterns that every door (scrubber, case-log guard, config, errors) uses.

- `patterns`: identity numbers, phones, e-mail, addresses, birth dates (the one set of patterns)
- `names`: the shipped name lists and the context words around names
- `vocabulary`: the domain words and phrases that always survive
- `scanner`: finds personal names word by word
- `scrubber`: `scrub()` joins them and returns the scrubbed text and its replacements
- `guard`: the check every door uses (case-log last gate, roles, typed values in errors,
  control characters)

May import: `bti_cli.i18n`, `bti_cli.datafiles`, `bti_cli.errors`. Nothing else of bti.
"""
