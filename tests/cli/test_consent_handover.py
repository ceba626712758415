"""Consent at a handover and when it runs out (BTI.md "Consent": consent must cover a service that
joins or takes over; valid consent is limited in time): `bti cases handover` to a role of a service
the consent does not cover is refused unless the consent is extended (recorded in the log), and a
consent's end date is due in `bti due` (the day before, on and after it)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from walk_answers import CASE_RE, FIXTURE, LEVEL0_SHARED

TODAY = date.today()

CASE = LEVEL0_SHARED

LEVEL2 = CASE + """
[l0-decide]
decision = "level:2"
[l2-consent]
consent = { given = true, by = ["guardians"], services = ["ppt"], until = "today+90" }
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

LEVEL1 = CASE + """
[l0-decide]
decision = "level:1"
[l1-goals]
guardians_met = true
child_involved = true
goals = "Leser bedre innen jul."
[l1-plan]
measures = []
baton_holder = "kontaktlaerer"
evaluation_date = "today+30"
[l1-views]
child_view = "Vil øve."
guardians_view = "Enige."
"""


def start(cli, tmp_path: Path, text: str) -> str:
    answers = tmp_path / "a.toml"
    answers.write_text(text, encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


def show(cli, case: str) -> dict:
    result = cli("cases", "show", case, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def kinds(cli, case: str) -> list[str]:
    return [e["kind"] for e in show(cli, case)["events"]]


def test_a_handover_to_a_service_the_consent_does_not_cover_is_refused(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    before = kinds(cli, case)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--data", FIXTURE)
    assert result.exit_code == 1
    assert "Samtykket dekker ikke Helsestasjon" in result.stderr and "--consent-extended" in result.stderr
    assert kinds(cli, case) == before  # nothing written
    assert show(cli, case)["summary"]["pending_baton_holder_role"] is None


def test_the_consent_extended_is_recorded_and_the_handover_offered(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-extended", "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    assert "Samtykket er utvidet til Helsestasjon" in result.stdout
    data = show(cli, case)
    consent = [e for e in data["events"] if e["kind"] == "consent"]
    assert consent[-1]["value"] == {"given": True, "by": ["guardians"], "services": ["ppt", "helsestasjon"],
                                    "until": (TODAY + timedelta(days=90)).isoformat()}
    assert data["events"][-1]["kind"] == "handover"
    s = data["summary"]
    assert s["consent_services"] == ["ppt", "helsestasjon"] and s["pending_baton_holder_role"] == "helsesykepleier"
    assert "helsestasjon" in s["services_involved"]


def test_a_role_of_no_catalogue_service_or_of_the_own_service_needs_no_new_consent(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    result = cli("cases", "handover", case, "--to", "leder", "--data", FIXTURE)  # no service in the catalogue
    assert result.exit_code == 0, result.stderr
    assert "consent" not in kinds(cli, case)


def test_without_any_consent_the_extension_needs_an_end_date(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL1)  # level 1: no consent asked
    refused = cli("cases", "handover", case, "--to", "helsesykepleier", "--data", FIXTURE)
    assert refused.exit_code == 1 and "Samtykket dekker ikke Helsestasjon" in refused.stderr
    no_date = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-extended", "--data", FIXTURE)
    assert no_date.exit_code == 1 and "--consent-until" in no_date.stderr
    ok = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+60", "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    consent = [e for e in show(cli, case)["events"] if e["kind"] == "consent"][-1]["value"]
    assert consent["by"] == ["guardians"] and consent["services"] == ["helsestasjon"]  # 8 years: the guardians
    bad = cli("cases", "handover", case, "--to", "leder", "--consent-until", "31.02.2027", "--data", FIXTURE)
    assert bad.exit_code == 1 and "--consent-until" in bad.stderr


def run_out(cases_dir: Path, case: str, until: str) -> None:
    """Time passes: the consent's end date set back as a correction (as `bti cases edit` would)."""
    from bti_cli.caselog.store import open_case

    log = open_case(cases_dir, case)
    log.append(level=2, step="l2-consent", kind="correction", question="consent",
               value={"given": True, "by": ["guardians"], "services": ["ppt"], "until": until})


def test_after_the_consent_ran_out_even_a_covered_service_needs_a_new_one(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    run_out(cases_dir, case, yesterday)
    refused = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-extended", "--data", FIXTURE)
    assert refused.exit_code == 1 and "--consent-until" in refused.stderr  # the old end date is gone
    plain = cli("cases", "handover", case, "--to", "helsesykepleier", "--data", FIXTURE)
    assert plain.exit_code == 1 and "Samtykket har gått ut" in plain.stderr
    ok = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+30", "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    assert show(cli, case)["summary"]["consent_until"] == (TODAY + timedelta(days=30)).isoformat()


def test_a_consent_ending_today_still_holds(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    run_out(cases_dir, case, TODAY.isoformat())
    result = cli("cases", "handover", case, "--to", "leder", "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("offset, listed, overdue", [(-1, False, False), (0, True, False), (1, True, True)])
def test_the_end_of_the_consent_is_due_on_its_day(cli, cases_dir, tmp_path, offset, listed, overdue):
    start(cli, tmp_path, LEVEL2)
    day = TODAY + timedelta(days=90 + offset)
    result = cli("due", "--format", "json", "--as-of", day.isoformat(), "--within", "0")
    items = [i for i in json.loads(result.stdout) if i["what"] == "consent"]
    if not listed:
        assert items == []
        return
    assert [(i["due"], i["days_left"], i["overdue"]) for i in items] == [
        ((TODAY + timedelta(days=90)).isoformat(), -offset, overdue)]
    table = cli("due", "--format", "md", "--as-of", day.isoformat(), "--within", "0")
    assert ("samtykket har gått ut" if overdue else "samtykket går ut") in table.stdout


def test_engine_consent_rules_at_their_edges():
    from bti_cli.walkthrough.process import consent_covers, consent_expired

    consent = {"given": True, "services": ["ppt"], "until": "2026-05-10"}
    assert not consent_expired(consent, date(2026, 5, 9))
    assert not consent_expired(consent, date(2026, 5, 10))
    assert consent_expired(consent, date(2026, 5, 11))
    assert not consent_expired({"given": False}, date(2030, 1, 1))
    assert not consent_expired(None, date(2030, 1, 1))
    assert consent_covers("ppt", consent, "skole") and consent_covers("skole", consent, "skole")
    assert not consent_covers("helsestasjon", consent, "skole")
    assert consent_covers(None, consent, "skole")
    assert not consent_covers("ppt", {"given": False, "services": ["ppt"]}, "skole")


def test_the_walkthrough_passes_the_baton_only_to_a_service_the_consent_covers(cli, cases_dir, tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level3.toml"
    text = example.read_text(encoding="utf-8")
    assert '"ungdomsskole", "kommunen"]' in text  # the coordinator's unit (koordinator: service kommunen)
    answers = tmp_path / "l3.toml"
    answers.write_text(text.replace('"ungdomsskole", "kommunen"]', '"ungdomsskole"]'), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    assert "l3-baton.baton_holder" in result.stderr and "Samtykket dekker ikke Løten kommune" in result.stderr
    answers.write_text(text, encoding="utf-8")
    assert cli("start", "--no-input", "--answers", str(answers)).exit_code == 0


EVALUATE = """
[l2-carry-out]
carried_out = "PPT har kartlagt lesingen."
as_planned = true
[l2-evaluate]
meeting_date = "today"
child_view = "Bedre."
guardians_view = "Fornøyde."
assessment = "Leser bedre."
decision = "close"
[close]
closing_reason = "goal-reached"
closing_note = "Målet er nådd."
"""


@pytest.mark.parametrize("offset", [-1, 0])
def test_an_evaluation_after_the_consent_ran_out_asks_for_a_new_one(cli, cases_dir, tmp_path, offset):
    """The day after the end date: a new consent before the evaluation meeting shares anything; on
    the end date itself the consent still holds and nothing more is asked."""
    case = start(cli, tmp_path, LEVEL2)
    run_out(cases_dir, case, (TODAY + timedelta(days=offset)).isoformat())
    answers = tmp_path / "e.toml"
    answers.write_text(EVALUATE, encoding="utf-8")
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", str(answers))
    if offset == 0:
        assert result.exit_code == 0, result.stderr
        assert "consent" not in kinds(cli, case)
        return
    assert result.exit_code == 1 and "consent-renewal.consent" in result.stderr
    assert "har gått ut" in result.stdout
    assert "carried_out" not in [e.get("question") for e in show(cli, case)["events"]]  # not gone on
    answers.write_text('[consent-renewal]\nconsent = { given = true, by = ["guardians"], services = ["ppt"], '
                       'until = "today+120" }\n' + EVALUATE, encoding="utf-8")
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Nytt samtykke er ført i loggen" in result.stdout
    data = show(cli, case)
    assert [e["step"] for e in data["events"] if e["kind"] == "consent"] == ["consent-renewal"]
    assert data["summary"]["consent_until"] == (TODAY + timedelta(days=120)).isoformat()
    assert data["summary"]["status"] == "closed", result.stdout


def test_a_renewal_follows_the_consent_rules(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    run_out(cases_dir, case, (TODAY - timedelta(days=1)).isoformat())
    answers = tmp_path / "e.toml"
    answers.write_text('[consent-renewal]\nconsent = { given = true, by = ["youth"], services = ["ppt"], '
                       'until = "today+120" }\n' + EVALUATE, encoding="utf-8")
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1 and "consent-renewal.consent" in result.stderr  # the child is 8: not alone
    answers.write_text('[consent-renewal]\nconsent = { given = false }\n' + EVALUATE, encoding="utf-8")
    result = cli("cases", "evaluate", case, "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert "bare drøftes anonymt" in result.stdout
    assert show(cli, case)["summary"]["consent_services"] == []


def test_needs_consent_renewal_at_its_edges():
    from bti_cli.walkthrough.process import default_process, needs_consent_renewal

    proc = default_process()
    consent = {"given": True, "services": ["ppt"], "until": "2026-05-10"}
    meeting, own, l2consent = proc.step("l2-meeting"), proc.step("l1-plan"), proc.step("l2-consent")
    assert not needs_consent_renewal(meeting, 2, consent, date(2026, 5, 10))
    assert needs_consent_renewal(meeting, 2, consent, date(2026, 5, 11))
    assert needs_consent_renewal(proc.step("l3-meeting"), 3, consent, date(2026, 5, 11))
    assert not needs_consent_renewal(own, 1, consent, date(2026, 5, 11))  # level 1: the own service
    assert not needs_consent_renewal(l2consent, 2, consent, date(2026, 5, 11))  # the consent step itself


def youth_case(cli, tmp_path: Path, age: int) -> str:
    """A level-2 case of a young person who consented alone (from the log's consent age 15) to
    sharing with PPT, not with a health service."""
    text = LEVEL2.replace("age = 8", f"age = {age}").replace('by = ["guardians"]', 'by = ["youth"]')
    return start(cli, tmp_path, text)


def test_extending_to_a_health_service_under_16_needs_the_guardians_too(cli, cases_dir, tmp_path):
    """pasient- og brukerrettighetsloven § 4-3: under 16 the guardians consent to health help, so
    the young person's own consent (enough for PPT from 15) cannot be extended to the health station."""
    case = youth_case(cli, tmp_path, 15)
    before = kinds(cli, case)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-extended", "--data", FIXTURE)
    assert result.exit_code == 1
    assert "under 16 år samtykker foresatte til helsehjelp" in result.stderr
    assert "--consent-by" in result.stderr
    assert kinds(cli, case) == before  # nothing written
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-by", "guardians,youth",
                 "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    consent = [e for e in show(cli, case)["events"] if e["kind"] == "consent"][-1]["value"]
    assert consent["by"] == ["guardians", "youth"] and consent["services"] == ["ppt", "helsestasjon"]


@pytest.mark.parametrize("age", [16, 17])
def test_from_16_the_young_persons_own_consent_extends_to_a_health_service(cli, cases_dir, tmp_path, age):
    case = youth_case(cli, tmp_path, age)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-extended", "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    consent = [e for e in show(cli, case)["events"] if e["kind"] == "consent"][-1]["value"]
    assert consent["by"] == ["youth"] and "helsestasjon" in consent["services"]


def test_extending_the_consent_at_15_needs_the_young_person_too(cli, cases_dir, tmp_path):
    """From the log's consent age (15) the young person must be among those who consent, whatever
    the service (under 16 the guardians too, for health): --consent-by guardians alone is refused."""
    text = LEVEL2.replace("age = 8", "age = 15").replace('by = ["guardians"]', 'by = ["guardians", "youth"]')
    case = start(cli, tmp_path, text)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-by", "guardians", "--data", FIXTURE)
    assert result.exit_code == 1
    assert "ungdommen" in result.stderr.lower()


def test_consent_by_takes_only_known_givers_and_never_repeats_the_value(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)
    result = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-by", "Kari Nordmann",
                 "--data", FIXTURE)
    assert result.exit_code == 1
    assert "guardians, youth eller woman" in result.stderr and "Kari" not in result.stderr


def test_a_role_of_the_holders_own_service_needs_no_new_consent(cli, cases_dir, tmp_path):
    """The current holder's own service shares nothing new: a handover inside it needs no consent
    extended, even at level 1 with no consent at all; another service does."""
    data = tmp_path / "walk.toml"
    data.write_text(Path(FIXTURE).read_text(encoding="utf-8") + '''
[[coordinators]]
id = "sosiallaerer"
role = "Sosiallærer"
levels = [1, 2]
arenas = ["school"]
service = "skole"
source = { file = "test.txt", section = "5" }
''', encoding="utf-8")
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL1, encoding="utf-8")
    started = cli("start", "--data", str(data), "--no-input", "--answers", str(answers))
    assert started.exit_code == 0, started.stderr
    case = CASE_RE.search(started.stdout).group(0)
    result = cli("cases", "handover", case, "--to", "sosiallaerer", "--data", str(data))
    assert result.exit_code == 0, result.stderr
    assert "consent" not in kinds(cli, case)
    refused = cli("cases", "handover", case, "--to", "helsesykepleier", "--data", str(data))
    assert refused.exit_code == 1


def test_a_new_consent_may_end_today_but_not_yesterday(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL1)
    past = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until",
               (TODAY - timedelta(days=1)).isoformat(), "--data", FIXTURE)
    assert past.exit_code == 1 and "consent" not in kinds(cli, case)
    today = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", TODAY.isoformat(),
                "--data", FIXTURE)
    assert today.exit_code == 0, today.stderr
    assert show(cli, case)["summary"]["consent_until"] == TODAY.isoformat()


def test_renewing_for_a_covered_service_lists_it_once(cli, cases_dir, tmp_path):
    from bti_cli.caselog.store import open_case

    case = start(cli, tmp_path, LEVEL2)
    log = open_case(cases_dir, case)
    log.append(level=2, step="l2-consent", kind="correction", question="consent",
               value={"given": True, "by": ["guardians"], "services": ["ppt", "helsestasjon"],
                      "until": (TODAY - timedelta(days=1)).isoformat()})
    ok = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+30", "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    consent = [e for e in show(cli, case)["events"] if e["kind"] == "consent"][-1]["value"]
    assert consent["services"] == ["ppt", "helsestasjon"]


def test_a_consent_first_given_at_a_handover_is_recorded_as_the_young_persons_from_16(cli, cases_dir, tmp_path):
    """No consent yet (level 1): the one recorded is of those who must consent, the young person
    alone at 16 for a health service, not everyone who may (the guardians too)."""
    case = start(cli, tmp_path, LEVEL1.replace("age = 8", "age = 16"))
    ok = cli("cases", "handover", case, "--to", "helsesykepleier", "--consent-until", "today+30", "--data", FIXTURE)
    assert ok.exit_code == 0, ok.stderr
    consent = [e for e in show(cli, case)["events"] if e["kind"] == "consent"][-1]["value"]
    assert consent["by"] == ["youth"]


# --------------------------------------------------------------------------- a role typed as free text
# (issue 16, fresh-eyes item 5: `--to PPT` and `--to "helsesykepleier på helsestasjonen"` went
# through where `--to helsesykepleier-skolehelsetjenesten` was refused)


@pytest.mark.parametrize("role", ["helsesykepleier på helsestasjonen", "HELSESTASJONEN", "sykepleier, Helsestasjon"])
def test_a_typed_role_that_names_a_service_is_held_to_the_consent(cli, cases_dir, tmp_path, role):
    case = start(cli, tmp_path, LEVEL2)  # consent: ppt
    before = kinds(cli, case)
    result = cli("cases", "handover", case, "--to", role, "--data", FIXTURE)
    assert result.exit_code == 1
    assert "Samtykket dekker ikke Helsestasjon" in result.stderr
    assert kinds(cli, case) == before
    extended = cli("cases", "handover", case, "--to", role, "--consent-extended", "--data", FIXTURE)
    assert extended.exit_code == 0, extended.stderr
    assert show(cli, case)["summary"]["consent_services"] == ["ppt", "helsestasjon"]


def test_a_typed_role_of_a_service_the_consent_covers_needs_no_new_consent(cli, cases_dir, tmp_path):
    case = start(cli, tmp_path, LEVEL2)  # consent: ppt
    result = cli("cases", "handover", case, "--to", "rådgiver i PPT", "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr
    assert "consent" not in kinds(cli, case)


@pytest.mark.parametrize("role", ["miljøterapeut", "navnelapp-ansvarlig", "sosiallærer"])
def test_a_typed_role_that_names_nothing_known_is_not_checked(cli, cases_dir, tmp_path, role):
    case = start(cli, tmp_path, LEVEL1)  # level 1: no consent
    result = cli("cases", "handover", case, "--to", role, "--data", FIXTURE)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize(("role", "service"), [
    ("helsesykepleier-skolehelsetjenesten", "Skolehelsetjenesten"),
    ("PPT", "Pedagogisk-/psykologisk tjeneste i Løten"),
    ("helsesykepleier på helsestasjonen", "Helsestasjon"),
    ("Helsesykepleier", "Skolehelsetjenesten"),  # a catalogue role's name without its bracket
    ("NAV-veileder", "NAV"),
])
def test_the_readers_handovers_in_the_shipped_catalogue(cli, cases_dir, lang, role, service):
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level1.toml"
    result = cli("start", "--no-input", "--answers", str(example))
    case = CASE_RE.search(result.stdout).group(0)
    refused = cli("cases", "handover", case, "--to", role, "--lang", lang)
    assert refused.exit_code == 1, refused.stdout
    assert service in refused.stderr
    assert cli("cases", "handover", case, "--to", "miljøterapeut", "--lang", lang).exit_code == 0


def test_the_walkthrough_holds_a_typed_baton_holder_to_the_same_rule(cli, cases_dir, tmp_path):
    example = Path(__file__).resolve().parents[2] / "examples" / "answers" / "level3.toml"
    text = example.read_text(encoding="utf-8")
    assert 'baton_holder = "koordinator"' in text
    answers = tmp_path / "l3.toml"
    # barnevern is not among the services the consent names; PPT is
    answers.write_text(text.replace('baton_holder = "koordinator"', 'baton_holder = "rådgiver i barnevernet"'),
                       encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    assert "l3-baton.baton_holder" in result.stderr and "Samtykket dekker ikke Barnevern" in result.stderr
    answers.write_text(text.replace('baton_holder = "koordinator"', 'baton_holder = "rådgiver i PPT"'),
                       encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr


def test_services_named_at_its_edges():
    from bti_cli.catalogue.loader import load
    from bti_cli.catalogue.roles import role_services, services_named

    cat = load("loten").catalogue
    assert services_named(cat, "NAV") == ["nav"] and services_named(cat, "nav-veileder") == ["nav"]
    assert services_named(cat, "navn") == [] and services_named(cat, "navigatør") == []  # a short id is a whole word
    assert services_named(cat, "rådgiver i barnevernet") == ["barnevern"]  # a Norwegian ending
    assert services_named(cat, "BUF-konsulent") == ["buf"] and services_named(cat, "SLT") == ["slt"]
    assert services_named(cat, "helsesykepleier på helsestasjonen") == ["helsestasjon"]  # the service wins
    assert services_named(cat, "jordmor") == ["jordmortjeneste"]  # a role of the catalogue, by its name
    assert services_named(cat, "kontaktlærer") == [] and services_named(cat, "") == []
    assert role_services(cat, "kontaktlaerer") == []  # a catalogue role of no service
    assert role_services(cat, "helsesykepleier-skolehelsetjenesten") == ["skolehelsetjenesten"]


@pytest.mark.parametrize("to", ["helsesøster", "skolesykepleier", "helsesøstera"])
def test_an_older_or_everyday_name_of_a_role_is_held_to_the_consent_too(cli, cases_dir, tmp_path, to):
    """"helsesøster" (the title before 2019) is a helsesykepleier: the consent names PPT only."""
    case = start(cli, tmp_path, LEVEL2)
    result = cli("cases", "handover", case, "--to", to, "--data", FIXTURE)
    assert result.exit_code == 1, result.stdout
    assert "Samtykket dekker ikke" in result.stderr

