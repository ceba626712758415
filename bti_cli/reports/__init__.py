"""What leaves the case log: export rows and their schema, statistics with small-count
suppression, the calendar, and the summary for the family.

May import: `bti_cli.catalogue`, `bti_cli.caselog`, `bti_cli.walkthrough.process`,
`bti_cli.errors`, `bti_cli.i18n`. Never `bti_cli.cli`.
"""
