"""The guided walkthrough: the process definition and its pure engine, the session driver that
every front end uses, and the askers (terminal prompter, scripted answers).

May import: `bti_cli.catalogue`, `bti_cli.caselog`, `bti_cli.privacy`, `bti_cli.terminal` (askers
only), `bti_cli.errors`, `bti_cli.i18n`, `bti_cli.datafiles`. Never `bti_cli.cli`.
"""
