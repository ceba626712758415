"""Placeholders are no consent recipients (issue 11): a catalogue service that stands for "all
municipal services" (Søndre Land), "several" or "no service stated" (Elverum) is never offered
to the consent, and a measure of it joins with the services that take part: a responsibility
group with any service the consent names (BTI.md: consent must cover each service that joins).
The consent question lists the services with fitting measures and folds the others behind `+`."""

from __future__ import annotations

import re
from pathlib import Path

from walk_answers import CASE_RE, TO_LEVEL3_DISABILITY

LEVEL3 = TO_LEVEL3_DISABILITY + """
[l3-consent]
consent = {{ given = true, by = ["guardians"], services = {services}, until = "today+90" }}
[l3-meeting]
first_meeting = "today+7"
goals = "Leser bedre innen jul."
measures = {measures}
"""


def run(cli, tmp_path: Path, municipality: str, services: str, measures: str, *args: str):
    answers = tmp_path / "a.toml"
    answers.write_text(LEVEL3.format(services=services, measures=measures), encoding="utf-8")
    return cli("start", "-m", municipality, *args, "--no-input", "--answers", str(answers))


def test_a_responsibility_group_of_all_services_is_covered_by_any_service_the_consent_names(
        cli, cases_dir, tmp_path):
    # before: "samtykket ikkje omfattar … Alle kommunale tjenester" (no family names that)
    result = run(cli, tmp_path, "sondre-land", '["ppt"]', '["ansvarsgrupper"]', "--lang", "nn")
    assert "l3-meeting.measures" not in result.stderr, result.stderr
    assert "Alle kommunale tjenester" not in result.stderr
    assert CASE_RE.search(result.stdout)
    # Elverum's «Flere»: the same rule
    elverum = run(cli, tmp_path, "elverum", '["ppt"]', '["ansvarsgruppe"]')
    assert "l3-meeting.measures" not in elverum.stderr, elverum.stderr


def test_a_placeholder_cannot_be_named_in_the_consent(cli, cases_dir, tmp_path):
    for municipality, placeholder in (("sondre-land", "alle-kommunale-tjenester"), ("elverum", "flere-tjenester"),
                                      ("elverum", "ansvar-ikke-angitt")):
        result = run(cli, tmp_path, municipality, f'["ppt", "{placeholder}"]', "[]")
        assert result.exit_code == 1, placeholder
        assert "l3-consent.consent" in result.stderr
    # a real service still is (every service keeps its id)
    ok = run(cli, tmp_path, "elverum", '["ppt", "service-og-ikt-staben"]', "[]")
    assert "l3-consent" not in ok.stderr, ok.stderr


LINES = ["", "Skule og SFO", "kontaktlaerer", "Eit barn", "10", "17, 4",
         "nei", "Strever med lesing.", "", "Nokre månader", "ja", "3", "ja", "ja", "nei", "ja", "Vil ha hjelp.",
         "ja", "Ønsker hjelp.", "", "level:3", "ja", "1"]


def consent_screen(cli, municipality: str, *more: str) -> str:
    result = cli("start", "-m", municipality, "--lang", "nn", input="\n".join([*LINES, *more]) + "\n")
    out = result.stdout
    assert "Til kva tenester?" in out, out[-3000:]
    return out[out.index("Til kva tenester?"):]


def test_the_consent_question_lists_fitting_services_and_folds_the_others(cli, cases_dir):
    screen = consent_screen(cli, "sondre-land")
    listed, _, after = screen.partition("har ingen passande tiltak")
    assert "PPT" in listed and "Habiliteringstjenesten" in listed
    assert "0 passande tiltak" not in screen
    # before: Bufdir, Tannhelsetjenesten … all listed with "0 passande tiltak"
    assert "Bufdir" not in listed and "Tannhelsetjenesten" not in listed
    # a measure the plan shares with a service counts for it (PPT's and the school's share of the
    # health station's follow-up of mental strain): one more service listed than before
    assert "24 andre tenester (6–29)" in listed
    assert "Alle kommunale tjenester" not in screen
    # `+` shows the others, numbered on; a folded service is chosen by number or by name
    shown = consent_screen(cli, "sondre-land", "+", "29, fødeavdelingene", "+90")
    assert "  29  Tannhelsetjenesten" in shown
    elverum = consent_screen(cli, "elverum")
    for placeholder in ("Flere", "Ansvar ikke angitt"):
        assert f"  {placeholder}" not in elverum


def test_the_folded_services_are_chosen_by_number_and_name(cli, cases_dir):
    lines = [*LINES, "29, fødeavdelingene", "+90"]
    result = cli("start", "-m", "sondre-land", "--lang", "nn", input="\n".join(lines) + "\n")
    assert CASE_RE.search(result.stdout), result.stdout
    text = "".join(p.read_text(encoding="utf-8") for p in cases_dir.rglob("BTI-*.toml"))
    assert '"tannhelsetjenesten"' in text and '"fodeavdelingene"' in text


def test_a_measure_the_plan_shares_counts_for_each_service_that_runs_it():
    # Søndre Land's «Oppfølging av psykisk strev» is the health station's, shared with the school
    # and PPT: for a 14-year-old's mental health the consent list counts it for PPT too, as the
    # consent's coverage does
    from bti_cli.catalogue import loader, suggest

    cat = loader.load("sondre-land").catalogue
    ranked = {s.id: s for s in suggest.rank_services(cat, level=2, age=14, areas=["mental-health"],
                                                     work_arena="school", subject="youth")}
    assert "measures:1" in ranked["ppt"].codes
    assert "measures:0" in ranked["bufdir"].codes



def test_the_consent_question_lists_the_employees_own_service_first(cli, cases_dir):
    # a school nurse's own services (the school health service and the health station it belongs
    # with) take part in the case they hold: first, whatever the count of their fitting measures
    # (before: 7th and 8th, after the GP, ROP, SLT, NAV and BUP)
    lines = ["", "4", "helsesjukepleiar", "3", "16", "6, 7", "nei", "Høgt fråvær.", "", "Nokre månader", "ja",
             "3", "ja", "ja", "nei", "ja", "Vil ha hjelp.", "ja", "Ønskjer hjelp.", "", "level:3", "ja", "1, 2"]
    result = cli("start", "-m", "loten", "--lang", "nn", input="\n".join(lines) + "\n")
    screen = result.stdout[result.stdout.index("Til kva tenester?"):]
    numbered = re.findall(r"^ {2,3}(\d+)  (.+?)\s*$", screen, flags=re.M)
    names = [name for _, name in numbered]
    assert names[:2] == ["Helsestasjon", "Skolehelsetjenesten"], names
    assert names.index("Fastlege") == 2, names  # then by need, as before
