"""The terminal: the stdout/stderr console pair and the one renderer of rows
(table | json | jsonl | csv | md | plain).

May import: `bti_cli.errors`, `bti_cli.i18n`, `bti_cli.privacy.controls` (control characters
made visible in every cell). Nothing else of bti.
"""
