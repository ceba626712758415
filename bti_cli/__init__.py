"""bti: guidance, anonymised case log and figures for BTI (Bedre tverrfaglig innsats).

This module stays light: it imports neither typer nor rich nor pydantic.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
