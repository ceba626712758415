"""The walkthrough's driver without the command line: a front end other than the CLI (here a
test harness) drives `walkthrough.session.Session` with its own asker."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEVEL1 = ROOT / "examples" / "answers" / "level1.toml"


def _session(cases_dir: Path, shown: list[str], prompter_class=None):
    from bti_cli.catalogue import loader
    from bti_cli.walkthrough import process
    from bti_cli.walkthrough.prompts import ScriptedPrompter
    from bti_cli.walkthrough.session import Session, known_ids

    loaded = loader.load("loten")
    proc = process.load_for(loaded)
    prompter = (prompter_class or ScriptedPrompter).from_file(LEVEL1, echo=shown.append)
    prompter.check(known_ids(proc))
    return Session(loaded=loaded, proc=proc, prompter=prompter, cases_dir=cases_dir)


def test_a_session_runs_a_whole_walkthrough_through_its_asker(cases_dir):
    shown: list[str] = []
    session = _session(cases_dir, shown)
    assert session.start() == "waiting"
    files = sorted(cases_dir.glob("BTI-*.toml"))
    assert len(files) == 1
    data = tomllib.loads(files[0].read_text(encoding="utf-8"))
    assert data["events"], "every answer was appended"
    summary = session.summary()
    assert summary.level == 1
    # everything the session says went to the asker, nothing to the terminal
    assert any(session.case_id in line for line in shown)
    # free text was scrubbed before it was stored: the answers file's text is kept (no personal data)
    assert "Trekker seg unna" in files[0].read_text(encoding="utf-8")


def test_resume_of_a_waiting_case_says_nothing_is_pending(cases_dir):
    shown: list[str] = []
    first = _session(cases_dir, shown)
    first.start()
    again = _session(cases_dir, [])
    again.log = first.log
    said: list[str] = []
    again.prompter.echo = said.append
    assert again.resume() is None
    assert any(first.case_id in line for line in said)


def test_the_session_module_needs_neither_typer_nor_the_cli():
    code = (
        "import sys; import bti_cli.walkthrough.session as s; "
        "bad = sorted(m for m in sys.modules if m == 'typer' or m.startswith(('typer.', 'bti_cli.cli'))); "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == ""


def _consent_spec(cases_dir: Path, answers: dict):
    from bti_cli.walkthrough import process as engine

    session = _session(cases_dir, [])
    step = session.proc.required_step("l2-consent")
    action = engine.Ask(step, step.question("consent"), 2)
    return session, session.spec(action, engine.Position(level=2, phase="start", answers=answers))


def test_the_consent_offers_the_services_ranked_for_the_subject(cases_dir):
    """A pregnant woman's consent lists the services as every other suggestion of her walkthrough
    ranks them (subject and unborn child): the midwife before the lower secondary school."""
    from bti_cli.catalogue import suggest

    answers = {"subject": "pregnant", "arena": "helsestasjon", "areas": []}
    session, spec = _consent_spec(cases_dir, answers)
    services = [c.value for c in spec.parts[2].choices]
    expected = suggest.rank_services(session.cat, level=2, areas=[], work_arena="helsestasjon",
                                     subject="pregnant", unborn=True)
    assert services == [s.id for s in expected]
    assert services.index("jordmortjeneste") < services.index("ungdomsskole")
    # who consents: the woman herself
    assert [c.value for c in spec.parts[1].choices] == ["woman"]


def test_a_consent_not_given_needs_nobody_named(cases_dir):
    from bti_cli.walkthrough.prompts import AnswerError

    _, spec = _consent_spec(cases_dir, {"subject": "child", "age": 9, "arena": "skole", "areas": []})
    spec.validate({"given": False})  # no one consented: nothing to check
    spec.validate({"given": False, "by": []})
    with pytest.raises(AnswerError):
        spec.validate({"given": True, "by": []})


def test_the_deadline_is_shown_after_the_concern_date_and_marked_at_the_decision(cases_dir):
    """The deadline note comes after the concern date, plain, and again at the decision, marked
    (yellow while days are left), so that it is seen when it matters."""
    from bti_cli.walkthrough.prompts import ScriptedPrompter

    notes: list[tuple[str, str | None]] = []

    class Recording(ScriptedPrompter):
        def show(self, text, *, style=None):
            if "Frist for avgjørelse" in text:
                notes.append((text, style))

    _session(cases_dir, [], Recording).start()
    assert [style for _, style in notes] == [None, "yellow"]
    assert all("(11 dager igjen)" in text for text, _ in notes)


@pytest.mark.parametrize("concern, left", [
    ("2026-01-02", 1), ("2026-01-01", 0), ("2025-12-31", -1),  # the day before, on and after the deadline
    ("2026-01-01T23:30:00Z", 0),  # a time stamp keeps its day
])
def test_deadline_status_at_the_edges(concern, left):
    from datetime import date, timedelta

    from bti_cli.walkthrough.session import deadline_status

    today = date(2026, 1, 15)
    deadline, days = deadline_status(concern, 14, today)
    assert days == left and deadline == today + timedelta(days=left)


@pytest.mark.parametrize("concern", [None, "", "snart", "2026-13-01"])
def test_deadline_status_without_a_date_is_none(concern):
    from datetime import date

    from bti_cli.walkthrough.session import deadline_status

    assert deadline_status(concern, 14, date(2026, 1, 15)) is None
