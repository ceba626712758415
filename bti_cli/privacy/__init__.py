"""Personal data: the scrubber for Norwegian free text and the one set of personal-data
patterns that every door (scrubber, case-log guard, config, errors) uses.

May import: `bti_cli.i18n`, `bti_cli.datafiles`. Nothing else of bti.
"""
