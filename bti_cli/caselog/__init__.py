"""Case files: the append-only, hash-chained log (atomic writes, locks), the state replayed from
its events, and the SQLite index kept fresh from the files.

May import: `bti_cli.catalogue` (models, settings), `bti_cli.walkthrough.process` (the replay of
a case needs the process), `bti_cli.privacy` (the personal-data checks of the write guard),
`bti_cli.errors`, `bti_cli.i18n`. Never reports, the terminal or the CLI; the log does not know
the index (whoever opens both connects them).
"""
