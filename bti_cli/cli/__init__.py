"""The Typer layer: parses options, builds the asker, calls the core and renders its answer.
No domain logic here; nothing outside this package imports it (but `python -m bti_cli`).

May import: every other package of bti, typer, rich.
"""
