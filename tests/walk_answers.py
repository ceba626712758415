"""Answers-file texts the command-level walkthrough tests share, for the test catalogue
tests/fixtures/walk.toml: a level-0 concern about an 8-year-old at school, shared with a
colleague, the leader, the child and the guardians (each test adds its decision and levels)."""

from __future__ import annotations

import re
from pathlib import Path

FIXTURE = str(Path(__file__).resolve().parent / "fixtures" / "walk.toml")
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

CHILD_TALKED = 'talked_child = true\nchild_view = "Vil ha hjelp."'


def level0(*, subject: str = "child", age_line: str = "age = 8", child_lines: str = CHILD_TALKED) -> str:
    """The level-0 answers up to and including l0-share. A test that varies a part passes it (a
    format placeholder such as "{subject}" works too, for tests that fill it in per case)."""
    return f"""
[l0-concern]
arena = "school"
role = "kontaktlærer"
subject = "{subject}"
{age_line}
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
{child_lines}
talked_guardians = true
guardians_view = "Ønsker hjelp."
"""


LEVEL0_SHARED = level0()


GUARDIANS_TALKED = 'talked_guardians = true\nguardians_view = "Ønsker hjelp."'


def to_decision(*, arena: str, role: str, subject: str, age: str, areas: str, level: str, observations: str,
                guardians: str = GUARDIANS_TALKED) -> str:
    """The level-0 answers of a concern noticed today and decided at once: months of worry at scale
    3, shared with a colleague, the leader and the child, up to and including l0-decide. A part
    may be a format placeholder ("{age}") for a test that fills it in per case."""
    return f"""
[l0-concern]
concern_date = "today"
arena = "{arena}"
role = "{role}"
subject = "{subject}"
age = {age}
areas = {areas}
[safety]
danger = false
[l0-concrete]
observations = "{observations}"
child_said = ""
duration = "months"
earlier = true
scale = 3
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Vil ha hjelp."
{guardians}
[l0-decide]
family_text = ""
decision = "level:{level}"
"""


# a 10-year-old at school with a disability and learning concerns, taken to level 3 (the steps up
# to the decision); a test adds its own consent and meeting
TO_LEVEL3_DISABILITY = to_decision(arena="school", role="kontaktlaerer", subject="child", age="10",
                                   areas='["disability-long-term-needs", "learning"]', level="3",
                                   observations="Strever med lesing og samspill.")



def loten_session(cases_dir: Path, lang: str = "en"):
    """A walkthrough session on Løten's real catalogue with no answers scripted, for tests that
    ask a step's texts or checks directly: (session, process)."""
    from bti_cli.catalogue import loader
    from bti_cli.i18n import set_language
    from bti_cli.walkthrough import process as engine
    from bti_cli.walkthrough.prompts import ScriptedPrompter
    from bti_cli.walkthrough.session import Session

    set_language(lang)
    loaded = loader.load("loten")
    proc = engine.load_for(loaded)
    return Session(loaded=loaded, proc=proc, prompter=ScriptedPrompter({}), cases_dir=cases_dir), proc
