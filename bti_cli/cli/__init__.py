"""The Typer layer: parses options, calls the core, renders. No domain logic here."""
