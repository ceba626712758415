"""The municipality's catalogue: models, loading and validation of the data files, and the
ranking of suggestions (measures, arenas, baton holders).

May import: `bti_cli.errors`, `bti_cli.i18n`, `bti_cli.paths`, `bti_cli.datafiles`. Never the
walkthrough, the case log, reports, the terminal or the CLI.
"""
