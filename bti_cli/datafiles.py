"""Where the shipped data files are: `data/` at the top of a checkout, `bti_cli/data/` in a wheel.

The data folder lives at the top level of the repository, where a municipality finds its file;
the wheel carries it inside the package (hatch force-include), so an installed bti finds it
beside this module and a checkout or an editable install finds it one folder up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def data_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parent / "data"
