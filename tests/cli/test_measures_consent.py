"""A measure joins the case with its service (BTI.md "Consent": consent must cover a service that
joins or takes over): at levels 2-3 the walkthrough refuses a measure that no service the consent
names runs (its own service, or one it is `shared_with`), unless it is the current holder's own
service — the same rule as the baton and `bti cases handover` (`process.consent_covers`)."""

from __future__ import annotations

from pathlib import Path

from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

LEVEL2 = LEVEL0_SHARED + """
[l0-decide]
decision = "level:2"
[l2-consent]
consent = {{ given = true, by = ["guardians"], services = {services}, until = "today+90" }}
[l2-meeting]
first_meeting = "today+7"
goals = "Leser bedre innen jul."
measures = {measures}
baton_holder = "kontaktlaerer"
evaluation_date = "today+42"
[l2-views]
child_view = "Vil gjerne ha hjelp."
guardians_view = "Enige."
"""


def run(cli, tmp_path: Path, services: str, measures: str, *args: str):
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL2.format(services=services, measures=measures), encoding="utf-8")
    return cli("start", *args, "--no-input", "--answers", str(answers))


def test_a_measure_of_a_service_the_consent_does_not_name_is_refused(cli, cases_dir, tmp_path):
    result = run(cli, tmp_path, '["ppt"]', '["ppt-utredning", "hjemmebesok"]', "--data", FIXTURE)
    assert result.exit_code == 1
    assert "l2-meeting.measures" in result.stderr
    assert "Samtykket dekker ikke tiltaket «Hjemmebesøk»: det drives av Barnevern" in result.stderr
    assert "«services»" in result.stderr  # what to do, in words for a file
    # with the service added to the consent it passes
    ok = run(cli, tmp_path, '["ppt", "barnevern"]', '["ppt-utredning", "hjemmebesok"]', "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    assert CASE_RE.search(ok.stdout)


def test_the_case_s_own_service_needs_no_consent_for_its_measures(cli, cases_dir, tmp_path):
    # the employee (kontaktlærer, service skole) picks the school's own reading course
    result = run(cli, tmp_path, '["ppt"]', '["lesekurs"]', "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr


def test_a_shared_measure_is_covered_by_any_of_its_services(cli, cases_dir, tmp_path):
    # Løten: Ungteam Løten is run by Helsestasjon, shared with BUP
    level2 = LEVEL0_SHARED.replace('areas = ["learning"]', 'areas = ["mental-health"]').replace(
        "age = 8", "age = 14")
    text = (level2 + LEVEL2[len(LEVEL0_SHARED):]).replace('baton_holder = "kontaktlaerer"\n', "")
    answers = tmp_path / "l.toml"
    answers.write_text(text.format(services='["bup"]', measures='["ungteam-loten"]'), encoding="utf-8")
    covered = cli("start", "--no-input", "--answers", str(answers))
    assert "l2-meeting.measures" not in covered.stderr, covered.stderr
    answers.write_text(text.format(services='["ppt"]', measures='["ungteam-loten"]'), encoding="utf-8")
    refused = cli("start", "--no-input", "--answers", str(answers), "--lang", "en")
    assert refused.exit_code == 1
    assert "does not cover the measure “Ungteam Løten”" in refused.stderr
    assert "Helsestasjon or BUP" in refused.stderr


def test_at_a_terminal_the_measure_is_refused_and_asked_again(cases_dir, tmp_path):
    """A real pseudo-terminal: the draft stops at the measures question (Ctrl-C), `bti resume`
    asks it; a measure of Barnevern (not in the consent) is refused with what to do, and the
    question is asked again."""
    import os
    import sys

    import pytest

    pexpect = pytest.importorskip("pexpect")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env.update({"BTI_CASES_DIR": str(cases_dir), "BTI_CONFIG": str(tmp_path / "config.toml"), "NO_COLOR": "1",
                "TERM": "dumb", "COLUMNS": "120", "BTI_CACHE_DIR": str(tmp_path / "cache")})
    text = LEVEL2.format(services='["ppt"]', measures="[]").split("measures = []")[0]
    answers = tmp_path / "partial.toml"
    answers.write_text(text, encoding="utf-8")

    def spawn(*args: str):
        return pexpect.spawn(sys.executable, ["-m", "bti_cli", *args], env=env, encoding="utf-8", timeout=30,
                             dimensions=(40, 120), cwd=str(root))

    child = spawn("start", "--data", FIXTURE, "--answers", str(answers))
    child.expect_exact("Hvilken dato oppsto undringen?")  # not in the file: asked, Enter for today
    child.expect_exact("> ")
    child.sendline("")
    child.expect(r"Sak (BTI-\d{4}-[0-9A-Z]{5}) er opprettet")
    case = child.match.group(1)
    while child.expect_exact(["Velg tiltak", "[kan stå tomt] > "]) == 1:
        child.sendline("")  # an optional question the file leaves out (Enter: left empty)
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    child = spawn("resume", case, "--data", FIXTURE)
    child.expect_exact("Velg tiltak")
    # the list offers the measures the consent covers; Hjemmebesøk (Barnevern) is left out, and
    # one line says so, with what to do in the terminal's words
    child.expect(r"1\s+tiltak\s+som\s+passer\s+bekymringen,\s+er\s+utelatt\s+fordi\s+samtykket\s+ikke"
                 r"\s+omfatter\s+tjenesten\s+som\s+driver\s+det:\s+Barnevern:\s+1\.")
    child.expect(r"Gå\s+tilbake\s+til\s+samtykket\s+med\s+<")
    listing = child.before
    assert "Hjemmebesøk" not in listing
    child.expect_exact("> ")
    child.sendline("hjemmebesøk")  # found by search, with its number
    child.expect(r"(\d+)\s+Hjemmebesøk")
    number = child.match.group(1)
    child.expect_exact("> ")
    child.sendline(number)
    child.expect(r"Samtykket\s+dekker\s+ikke\s+tiltaket\s+«Hjemmebesøk»:\s+det\s+drives\s+av\s+Barnevern")
    child.expect(r"gå\s+tilbake\s+til\s+samtykket\s+med\s+<")
    # and `<`, one question at a time, reaches the consent (the goals, the meeting's date, then it)
    for _ in range(3):
        child.expect_exact("> ")
        child.sendline("<")
    child.expect_exact("Er det gitt samtykke til samarbeid med andre tjenester?")
    child.expect_exact("> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    child = spawn("resume", case, "--data", FIXTURE)
    child.expect_exact("Velg tiltak")
    child.expect_exact("> ")
    child.sendline("ppt-utredning")  # Sakkyndig vurdering (PPT)
    child.expect_exact("Hvem har stafettpinnen")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()


def test_a_measure_led_by_ppt_needs_ppt_in_the_consent_whoever_shares_it(cli, cases_dir, tmp_path):
    """Søndre Land's expert assessment is «Ansvar: PPT, barnehage og skole»: PPT leads it, so a
    consent to the kindergarten alone does not let PPT join through it."""
    level0 = LEVEL0_SHARED.replace("age = 8", "age = 4").replace('arena = "school"', 'arena = "kindergarten"').replace(
        'role = "kontaktlærer"', 'role = "pedagogisk-leder"')
    level2 = (level0 + LEVEL2[len(LEVEL0_SHARED):]).replace('"kontaktlaerer"', '"pedagogisk-leder"')
    answers = tmp_path / "s.toml"
    measure = '["kartlegging-faglige-sosiale-utfordringer"]'
    answers.write_text(level2.format(services='["barnehage"]', measures=measure), encoding="utf-8")
    refused = cli("start", "-m", "sondre-land", "--no-input", "--answers", str(answers), "--lang", "en")
    assert refused.exit_code == 1, refused.stdout
    assert "l2-meeting.measures" in refused.stderr
    assert "it is run by PPT" in refused.stderr, refused.stderr
    answers.write_text(level2.format(services='["barnehage", "ppt"]', measures=measure), encoding="utf-8")
    ok = cli("start", "-m", "sondre-land", "--no-input", "--answers", str(answers))
    assert ok.exit_code == 0, ok.stderr


def test_the_employee_s_own_services_need_no_consent_for_their_measures(cli, cases_dir, tmp_path):
    """Elverum: a contact teacher's own services are the schools (Grunnskolene and Frydenlund
    skole, both of the school kind): PALS at Frydenlund skole stays with a consent that names
    another service only (before, it was refused as not covered)."""
    level0 = LEVEL0_SHARED.replace('role = "kontaktlærer"', 'role = "kontaktlaerer"')
    level2 = level0 + LEVEL2[len(LEVEL0_SHARED):]
    answers = tmp_path / "e.toml"
    answers.write_text(level2.format(services='["forebyggende-enhet"]', measures='["pals"]'), encoding="utf-8")
    ok = cli("start", "-m", "elverum", "--no-input", "--answers", str(answers))
    assert ok.exit_code == 0, ok.stderr
    assert "l2-meeting.measures" not in ok.stderr
