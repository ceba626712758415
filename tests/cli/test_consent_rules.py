"""Who consents, as a user meets it at level 2 (BTI.md "Consent"): the guardians under 18, the
young person from the municipality's consent age (and alone from 18), a pregnant woman herself.
Each age around both consent ages a municipality may set (15 and 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from walk_answers import FIXTURE as WALK_FIXTURE
from walk_answers import level0

FIXTURE = Path(WALK_FIXTURE)

LEVEL2 = level0(subject="{subject}", age_line="{age}") + """[l0-decide]
decision = "level:2"
[l2-consent]
consent = {{ given = true, by = [{by}], services = ["ppt"], until = "today+90" }}
[l2-meeting]
first_meeting = "today+7"
goals = "Leser bedre innen jul."
measures = []
baton_holder = "kontaktlaerer"
evaluation_date = "today+42"
[l2-views]
child_view = "Vil gjerne ha hjelp."
guardians_view = "Enige."
"""


def municipality(tmp_path: Path, consent_age: int) -> str:
    text = FIXTURE.read_text(encoding="utf-8").replace("consent_age_log = 15", f"consent_age_log = {consent_age}")
    assert f"consent_age_log = {consent_age}" in text
    path = tmp_path / f"m{consent_age}.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(cli, tmp_path, *, consent_age: int, age: int | None, by: list[str], subject: str = "child"):
    text = LEVEL2.format(subject=subject, age="" if age is None else f"age = {age}",
                         by=", ".join(f'"{b}"' for b in by))
    if subject == "pregnant":
        text = text.replace('talked_child = true\nchild_view = "Vil ha hjelp."\n', "")
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    return cli("start", "--data", municipality(tmp_path, consent_age), "--no-input", "--answers", str(answers))


# (consent age, age) → who may consent: guardians alone, both (the young person required), the young person alone
EXPECTED = {
    (15, 14): "guardians", (15, 15): "both", (15, 16): "both", (15, 17): "both", (15, 18): "youth",
    (16, 14): "guardians", (16, 15): "guardians", (16, 16): "both", (16, 17): "both", (16, 18): "youth",
}


@pytest.mark.parametrize("consent_age, age", sorted(EXPECTED))
def test_who_consents_at_each_age(cli, tmp_path, consent_age, age):
    expected = EXPECTED[(consent_age, age)]
    guardians = run(cli, tmp_path, consent_age=consent_age, age=age, by=["guardians"])
    youth = run(cli, tmp_path, consent_age=consent_age, age=age, by=["youth"])
    both = run(cli, tmp_path, consent_age=consent_age, age=age, by=["guardians", "youth"])
    outcome = {name: r.exit_code for name, r in (("guardians", guardians), ("youth", youth), ("both", both))}
    if expected == "guardians":
        assert outcome == {"guardians": 0, "youth": 1, "both": 1}
        assert "Ungdommen selv" not in youth.stderr or "passer ikke" in youth.stderr
    elif expected == "both":
        assert outcome == {"guardians": 1, "youth": 0, "both": 0}
        assert f"Fra {consent_age} år må ungdommen selv samtykke." in guardians.stderr
    else:
        assert outcome == {"guardians": 1, "youth": 0, "both": 1}
    for r in (guardians, youth, both):
        assert "Traceback" not in r.stderr


def test_a_pregnant_woman_consents_for_herself(cli, tmp_path):
    assert run(cli, tmp_path, consent_age=15, age=None, by=["woman"], subject="pregnant").exit_code == 0
    refused = run(cli, tmp_path, consent_age=15, age=None, by=["guardians"], subject="pregnant")
    assert refused.exit_code == 1


def test_a_family_the_guardians_consent_for_a_young_child(cli, tmp_path):
    assert run(cli, tmp_path, consent_age=15, age=10, by=["guardians"], subject="family").exit_code == 0
    assert run(cli, tmp_path, consent_age=15, age=10, by=["youth"], subject="family").exit_code == 1


def test_unborn_is_no_age_for_a_child(cli, tmp_path):
    text = LEVEL2.format(subject="child", age='age = "ufødt"', by='"guardians"')
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "--data", str(FIXTURE), "--no-input", "--answers", str(answers))
    assert result.exit_code == 1 and "l0-concern.age" in result.stderr


@pytest.mark.parametrize("subject, age, consent_age, offered, required", [
    ("pregnant", None, 15, ("woman",), ("woman",)),
    ("child", None, 15, ("guardians",), ()),
    ("child", 14, 15, ("guardians",), ("guardians",)),
    ("youth", 15, 15, ("guardians", "youth"), ("youth",)),
    ("youth", 17, 15, ("guardians", "youth"), ("youth",)),
    ("youth", 18, 15, ("youth",), ("youth",)),
    ("youth", 15, 16, ("guardians",), ("guardians",)),
    ("youth", 16, 16, ("guardians", "youth"), ("youth",)),
    ("youth", True, 15, ("guardians",), ()),
])
def test_consent_givers(subject, age, consent_age, offered, required):
    from bti_cli.walkthrough.process import consent_givers

    givers = consent_givers(subject, age, consent_age)
    assert (givers.offered, givers.required) == (offered, required)


# ---- the health consent age (pasient- og brukerrettighetsloven § 4-3): 16, with the log's 15


def run_services(cli, tmp_path, *, age: int, by: list[str], services: list[str]):
    text = LEVEL2.format(subject="youth", age=f"age = {age}", by=", ".join(f'"{b}"' for b in by))
    text = text.replace('services = ["ppt"]', "services = [" + ", ".join(f'"{s}"' for s in services) + "]")
    answers = tmp_path / "h.toml"
    answers.write_text(text, encoding="utf-8")
    return cli("start", "--data", municipality(tmp_path, 15), "--no-input", "--answers", str(answers))


# age → exit codes for (guardians, youth, both) when the consent covers the health station
HEALTH = {14: (0, 1, 1), 15: (1, 1, 0), 16: (1, 0, 0), 17: (1, 0, 0)}


@pytest.mark.parametrize("age", sorted(HEALTH))
def test_the_health_consent_age_for_a_health_service(cli, tmp_path, age):
    results = [run_services(cli, tmp_path, age=age, by=by, services=["ppt", "helsestasjon"])
               for by in (["guardians"], ["youth"], ["guardians", "youth"])]
    assert tuple(r.exit_code for r in results) == HEALTH[age]
    if age == 15:  # the young person consents to the log, the guardians to the health help
        assert "Fra 15 år må ungdommen selv samtykke." in results[0].stderr
        assert "under 16 år samtykker foresatte til helsehjelp" in results[1].stderr
        assert "pasient- og brukerrettighetsloven § 4-3" in results[1].stderr
    for r in results:
        assert "Traceback" not in r.stderr


def test_without_a_health_service_the_young_person_consents_alone_from_the_log_age(cli, tmp_path):
    assert run_services(cli, tmp_path, age=15, by=["youth"], services=["ppt"]).exit_code == 0


@pytest.mark.parametrize("age, required", [
    (14, ("guardians",)), (15, ("youth", "guardians")), (16, ("youth",)), (17, ("youth",)), (18, ("youth",)),
])
def test_consent_givers_with_the_health_age(age, required):
    from bti_cli.walkthrough.process import consent_givers

    assert consent_givers("youth", age, 15, health_age=16).required == required
    assert consent_givers("pregnant", None, 15, health_age=16).required == ("woman",)


def test_who_consented_is_checked_before_the_end_date_and_asked_again_alone(tmp_path, cases_dir):
    """At a real terminal: guardians alone for a 16-year-old is refused right after the services,
    before the end date is asked, and only "who consented" is asked again (a reader had to type the
    services and the date before hearing it)."""
    import os
    import sys

    pexpect = pytest.importorskip("pexpect")
    from walk_answers import to_decision

    answers = tmp_path / "a.toml"
    answers.write_text(to_decision(arena="school", role="kontaktlaerer", subject="youth", age="16",
                                   areas='["mental-health"]', level="2", observations="Mye alene."), encoding="utf-8")
    env = dict(os.environ, BTI_CASES_DIR=str(cases_dir), BTI_CONFIG=str(tmp_path / "config.toml"), NO_COLOR="1",
               TERM="dumb", COLUMNS="120", BTI_CACHE_DIR=str(tmp_path / "cache"))
    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", "start", "-m", "loten", "--answers", str(answers)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(60, 120),
                          cwd=str(Path(__file__).resolve().parents[2]))
    child.expect_exact("Hvem samtykker:")  # the rule, before the question
    child.expect_exact("Er det gitt samtykke")
    child.expect_exact("> ")
    child.sendline("j")
    child.expect_exact("Hvem samtykket?")
    child.expect_exact("> ")
    child.sendline("guardians")
    child.expect_exact("Til hvilke tjenester?")
    child.expect_exact("> ")
    child.sendline("skolehelsetjenesten")
    assert child.expect_exact(["må ungdommen selv samtykke", "Gyldig til"]) == 0
    child.expect_exact("Hvem samtykket?")
    child.expect_exact("> ")
    child.sendline("guardians, youth")
    assert child.expect_exact(["Gyldig til", "Til hvilke tjenester?"]) == 0  # the services are kept
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
