"""Answers-file texts the command-level walkthrough tests share, for the test catalogue
tests/fixtures/walk.toml: a level-0 concern about an 8-year-old at school, shared with a
colleague, the leader, the child and the guardians (each test adds its decision and levels)."""

from __future__ import annotations

import re
from pathlib import Path

FIXTURE = str(Path(__file__).resolve().parent / "fixtures" / "walk.toml")
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

LEVEL0_SHARED = """
[l0-concern]
arena = "school"
role = "kontaktlærer"
subject = "child"
age = 8
areas = ["learning"]
[safety]
danger = false
[l0-concrete]
observations = "Strever med lesing."
duration = "weeks"
earlier = false
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Vil ha hjelp."
talked_guardians = true
guardians_view = "Ønsker hjelp."
"""
