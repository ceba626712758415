"""The reasons a suggestion gives, as a coordinator reads them (`bti suggest --format json`, the
same list the walkthrough shows under each suggestion): what fitted first, then what did not, then
the plan's section it stands on; a running measure is not said to be running; no seed file name."""

from __future__ import annotations

import json
import re

import pytest

FIT_LEVEL_3 = {"en": "an indicated measure fits level 3", "nb": "indikativt tiltak passer nivå 3",
               "nn": "indikativt tiltak passar nivå 3"}
# BTI.md maps level 1 to universal and selective measures: a universal one is not said to fit badly
POOR_LEVEL_1 = {"en": "a universal measure (for everyone): fits level 1, though a selective one (for early signs) "
                      "fits a little closer",
                "nb": "universelt tiltak (for alle): passer på nivå 1, men et selektivt tiltak (for tidlige tegn) "
                      "passer litt nærmere",
                "nn": "universelt tiltak (for alle): passar på nivå 1, men eit selektivt tiltak (for tidlege teikn) "
                      "passar litt nærare"}
SOURCE = {"en": "source: the plan, ", "nb": "kilde: planen, ", "nn": "kjelde: planen, "}


def rows(cli, lang, *args):
    result = cli("suggest", "-m", "loten", "--format", "json", "--lang", lang, *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_fits_then_misses_then_source(cli, lang):
    found = rows(cli, lang, "--level", "1", "--age", "8", "--subject", "child", "--arena", "school",
                 "--area", "learning", "--kind", "measure")
    universal = next(r for r in found if r["reason_codes"][0] == "tier:universal" and "own-service" in r["reason_codes"]
                     and "area:none" not in r["reason_codes"])
    reasons = universal["reasons"]
    assert POOR_LEVEL_1[lang] in reasons
    own = {"en": "your own service", "nb": "din egen tjeneste", "nn": "di eiga teneste"}[lang]
    assert reasons.index(own) < reasons.index(POOR_LEVEL_1[lang])  # a fit before a miss
    assert reasons[-1].startswith(SOURCE[lang])
    for r in found:
        assert r["reasons"][-1].startswith(SOURCE[lang])
        assert not any(".txt" in x for x in r["reasons"])
        if r["status"] == "active":
            assert not any(x in ("in operation", "i drift") for x in r["reasons"])


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_indicated_at_level_3_reads_well(cli, lang):
    found = rows(cli, lang, "--level", "3", "--age", "14", "--subject", "youth", "--arena", "school",
                 "--area", "mental-health", "--kind", "measure")
    assert FIT_LEVEL_3[lang] == found[0]["reasons"][0]


def test_guidance_source_is_short(cli):
    found = rows(cli, "en", "--level", "1", "--kind", "arena", "--anonymous")
    anonymous = next(r for r in found if r["id"] == "anonym-drofting-barnevern")
    assert anonymous["reasons"][-1].startswith("source: ")
    assert ":" not in anonymous["reasons"][-1][len("source: "):]


def test_source_is_the_section_of_the_tier_the_reason_names(cli):
    # Elverum's Råd og veiledning (barnevern) stands in all three tiers of the plan's tables
    found = json.loads(cli("suggest", "-m", "elverum", "--level", "2", "--age", "5", "--subject", "child",
                           "--area", "parenting-interaction", "--arena", "kindergarten", "--kind", "measure",
                           "--format", "json", "--lang", "en").stdout)
    row = next(r for r in found if r["id"] == "rad-og-veiledning-barnevern")
    assert row["reasons"][0] == "a selective measure fits level 2"
    assert row["reasons"][-1] == "source: the plan, Tiltak › Selektive tiltak"


@pytest.mark.parametrize("lang, missing", [("en", "does not cover Social inclusion and leisure"),
                                           ("nb", "gjelder ikke Sosial inkludering og fritid"),
                                           ("nn", "gjeld ikkje Sosial inkludering og fritid")])
def test_a_concern_area_the_measure_does_not_cover_is_said(cli, lang, missing):
    found = rows(cli, lang, "--level", "1", "--age", "9", "--subject", "child", "--arena", "school",
                 "--area", "learning", "--area", "social-inclusion-leisure", "--kind", "measure")
    row = next(r for r in found if r["id"] == "spesialpedagogikk-barneskole")  # tagged learning only
    assert missing in row["reasons"]
    both = next(r for r in found if r["id"] == "kartlegging-og-identifisering-barneskole")  # tagged with both
    assert not any(x.startswith(missing.split(" S")[0]) for x in both["reasons"])


@pytest.mark.parametrize("municipality, arena, own, kin", [
    # a school nurse: the school health service and the health station are hers, the GP is not
    ("loten", "school-health", {"skolehelsetjenesten", "helsestasjon", "jordmortjeneste"}, {"fastlege", "skolelege"}),
    # the SLT youth worker: volunteers and the culture school are leisure too, but not his
    ("loten", "leisure", {"slt"}, {"kultur-og-frivillighet", "lag-og-foreninger"}),
    # a ROP therapist (BUP, a specialist service, is not hers, but has no measure of its own here)
    ("loten", "mental-health", {"rop-tjenesten"}, set()),
    # a teacher: every school and the SFO are the school's (one owner); Frydenlund skole's own
    # measures say it is hers only if she works there (test below)
    ("elverum", "school", {"grunnskolene", "eus", "sfo"}, set()),
])
def test_only_the_employees_own_services_are_called_her_own(cli, municipality, arena, own, kin):
    found = [r for r in json.loads(cli("suggest", "-m", municipality, "--format", "json", "--lang", "en",
                                       "--level", "1", "--age", "14", "--arena", arena, "--kind", "measure").stdout)]
    for r in found:
        codes = r["reason_codes"]
        if r["service"] in own:
            assert "own-service" in codes and "your own service" in r["reasons"], r["id"]
        elif r["service"] in kin and not set(r.get("shared_with") or ()) & own:
            assert "own-service" not in codes and "same-kind-service" in codes, r["id"]
            assert any(x.startswith("run by ") and x.endswith(": the same type of service as yours, but not your own")
                       for x in r["reasons"])
    assert {r["service"] for r in found} & kin == kin  # the kin services have measures for a 14-year-old


@pytest.mark.parametrize("lang, words", [
    ("en", "run by Frydenlund skole: your own service if you work there"),
    ("nb", "drives av Frydenlund skole: din egen tjeneste hvis du arbeider der"),
    ("nn", "blir driven av Frydenlund skole: di eiga teneste om du arbeider der"),
])
def test_one_named_school_is_a_teachers_own_only_if_she_works_there(cli, lang, words):
    # a QA reader: PALS was «your own service» to a teacher at any school in Elverum, and the
    # plan gives it to Frydenlund skole only
    found = json.loads(cli("suggest", "-m", "elverum", "--format", "json", "--lang", lang, "--level", "1",
                           "--age", "9", "--subject", "child", "--arena", "school", "--area", "behaviour",
                           "--kind", "measure").stdout)
    pals = next(r for r in found if r["id"] == "pals")
    assert words in pals["reasons"] and "own-service" in pals["reason_codes"]
    assert not {"your own service", "din egen tjeneste", "di eiga teneste"} & set(pals["reasons"])
    other = next(r for r in found if r["id"] == "miljoterapeut-i-skole")  # Grunnskolene's
    assert words not in other["reasons"]


def test_kin_services_are_the_same_kind_but_not_the_employees():
    from bti_cli.catalogue import loader, suggest

    cat = loader.load("loten").catalogue
    assert suggest.own_services(cat, "mental-health") == {"rop-tjenesten"}
    assert suggest.kin_services(cat, "mental-health") == {"bup"}
    assert suggest.kin_services(cat, "school") == set()
    assert "fastlege" in suggest.kin_services(cat, "health-station")


@pytest.mark.parametrize("areas, offered_first", [(("acute-crisis",), True), (("mental-health",), False)])
def test_the_crisis_team_is_for_an_acute_crisis_only(cli, areas, offered_first):
    """Elverum's psykososialt kriseteam is «for barn og foresatte i akutt krise» (003): first for a
    crisis, and not among the top suggestions for a young person's mental health."""
    args = [a for area in areas for a in ("--area", area)]
    found = json.loads(cli("suggest", "-m", "elverum", "--format", "json", "--lang", "en", "--level", "2",
                           "--age", "16", "--arena", "school-health", "--kind", "measure", *args).stdout)
    order = [r["id"] for r in found]
    if offered_first:
        assert order[0] == "psykososialt-kriseteam"
    else:
        assert "psykososialt-kriseteam" not in order[:10]
        assert "area:none" in next(r for r in found if r["id"] == "psykososialt-kriseteam")["reason_codes"]


def _arenas(cli, municipality, *args):
    result = cli("suggest", "-m", municipality, "--format", "json", "--lang", "en", "--kind", "arena", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("areas, first", [(("violence-abuse",), "anonym-drofting-barnevern"),
                                          (("learning",), "kontaktmoter")])
def test_with_suspected_violence_a_table_without_consent_comes_first(cli, areas, first):
    """BTI.md: with suspected violence or abuse the guardians are not told first, so a table that
    needs their consent must not lead, even when consent is not said to be missing."""
    args = [a for area in areas for a in ("--area", area)]
    found = _arenas(cli, "sondre-land", "--level", "1", "--age", "6", "--arena", "school", *args)
    assert found[0]["id"] == first
    barnevern = next(r for r in found if r["id"] == "anonym-drofting-barnevern")
    assert ("safety:without-consent" in barnevern["reason_codes"]) == ("violence-abuse" in areas)


@pytest.mark.parametrize("age, school, kindergarten", [
    ("0", False, False), ("1", False, True), ("4", False, True), ("5", True, True), ("6", True, True),
    ("7", True, False), ("16", True, False), ("17", False, False), ("21", False, False)])
def test_kindergarten_and_school_tables_are_for_their_ages(cli, age, school, kindergarten):
    """Løten's contact meetings with PPT give no ages: a kindergarten–PPT table serves kindergarten
    children (1 until school starts), a school–PPT one pupils (from the transition at 5 to 16)."""
    found = [r["id"] for r in _arenas(cli, "loten", "--level", "1", "--age", age, "--arena", "mental-health")]
    assert ("kontaktmote-skole-og-ppt" in found) == school
    assert ("kontaktmote-barnehage-og-ppt" in found) == kindergarten


def test_a_short_list_counts_each_concern_area_on_its_own(cli):
    """"Only 4 cover Low income, Mental health" read as if all four covered both; none covered low
    income. The note now counts per area."""
    result = cli("suggest", "-m", "sondre-land", "--format", "json", "--lang", "en", "--kind", "measure",
                 "--level", "2", "--age", "23", "--subject", "youth", "--arena", "nav",
                 "--area", "low-income-housing", "--area", "mental-health")
    found = json.loads(result.stdout)
    per_area = {a: sum(1 for r in found if f"area:{a}" in r["reason_codes"])
                for a in ("low-income-housing", "mental-health")}
    assert per_area["low-income-housing"] < per_area["mental-health"]
    assert (f"(Low income and housing: {per_area['low-income-housing']}, "
            f"Mental health: {per_area['mental-health']})") in result.stderr


@pytest.mark.parametrize("lang, words", [
    ("en", ["ages 6–13", "ages 16 and older", "ages up to 18", "age 4"]),
    ("nb", ["6–13 år", "16 år og eldre", "opptil 18 år", "4 år"]),
])
def test_age_limits_read_as_words(cli, lang, words):
    from bti_cli.catalogue import suggest
    from bti_cli.i18n import set_language

    set_language(lang)
    try:
        assert [suggest._span(6, 13), suggest._span(16, None), suggest._span(None, 18), suggest._span(4, 4)] == words
    finally:
        set_language("nb")
    found = rows(cli, lang, "--level", "1", "--age", "8", "--subject", "child", "--arena", "school",
                 "--kind", "measure")
    for r in found:
        assert not any("– år" in x or "–)" in x or re.search(r"\b(\d+)–\1\b", x) for x in r["reasons"])


def test_a_measure_for_children_is_for_the_young_person_herself():
    """«Barn» in the plans is anyone under 18: a measure for children (audience child) helps a
    16-year-old herself, not "through the parents"."""
    from bti_cli.catalogue import loader, suggest

    cat = loader.load("elverum").catalogue
    found = {s.id: s for s in suggest.rank_measures(cat, level=1, age=16, subject="youth", areas=["mental-health"],
                                                    work_arena="school-health")}
    assert "subject:fits" in found["oppfolging-skolehelsetjenesten"].codes


@pytest.mark.parametrize("level, code", [("1", "shared-led-by-other"), ("2", "own-service")])
def test_a_measure_led_by_ppt_is_not_the_schools_own_at_level1(cli, level, code):
    """Søndre Land's PPT assessment is «Ansvar: PPT, barnehage og skole»: the school takes part,
    but PPT joining the case is level 2. At level 1 it lifts less and says why; from level 2 it
    counts as the school's own like any shared measure."""
    found = json.loads(cli("suggest", "-m", "sondre-land", "--format", "json", "--lang", "en", "--level", level,
                           "--age", "8", "--subject", "child", "--arena", "school", "--area", "learning",
                           "--kind", "measure").stdout)
    ppt = next(r for r in found if r["id"] == "kartlegging-faglige-sosiale-utfordringer")
    assert code in ppt["reason_codes"]
    if level == "1":
        assert "your service takes part, but PPT leads it: that service joining is level 2" in ppt["reasons"]
        assert "your own service" not in ppt["reasons"]


def test_no_measure_for_the_concern_is_said_as_none(cli):
    result = cli("suggest", "-m", "loten", "--format", "json", "--lang", "en", "--kind", "measure",
                 "--level", "1", "--age", "10", "--arena", "school", "--area", "acute-crisis")
    assert result.exit_code == 0
    assert "None of the measures covers the chosen concern areas (Acute crisis" in result.stderr
    assert "Only 0" not in result.stderr


@pytest.mark.parametrize("args, first, midwife", [
    (("--subject", "pregnant", "--age", "16", "--arena", "school-health"), "jordmor", True),
    (("--subject", "pregnant", "--age", "unborn", "--arena", "school"), "jordmor", True),
    (("--subject", "child", "--age", "10", "--arena", "school-health"), "helsesykepleier-skolehelsetjenesten", False),
])
def test_the_midwife_holds_a_pregnancy_from_any_arena(cli, args, first, midwife):
    """A role whose subject the case is (the midwife, «Gravide») is offered from any arena at
    levels 1–2, before the exceptional leader of the unit; other arenas' roles stay hidden."""
    result = cli("suggest", "-m", "loten", "--format", "json", "--lang", "en", "--kind", "coordinator",
                 "--level", "1", *args)
    order = [r["id"] for r in json.loads(result.stdout)]
    assert order[0] == first
    assert ("jordmor" in order) is midwife
    assert "barne-og-ungdomskoordinator-slt" not in order


def test_a_pregnancy_is_not_offered_help_for_a_born_child_and_its_parents():
    """Elverum's school-health follow-up (audience child and guardians) is for a born child; NAV's
    guidance (young people and parents, adults in their own right) can help expecting parents."""
    from bti_cli.catalogue import loader, suggest

    need = {"level": 2, "unborn": True, "subject": "pregnant", "areas": ["pregnancy-infancy", "mental-health"],
            "work_arena": "health-station"}
    elverum = [s.id for s in suggest.rank_measures(loader.load("elverum").catalogue, **need)]
    loten = [s.id for s in suggest.rank_measures(loader.load("loten").catalogue, **need)]
    assert "oppfolging-skolehelsetjenesten" not in elverum and "svangerskapsomsorgen" in elverum
    assert "rad-og-veiledning-nav" in loten


def test_a_measure_shared_with_the_own_service_says_so():
    """Allvørskafé is Lag og foreninger's, shared with the lower secondary school: the reason says
    the plan gives it to the employee's service too, not that it is her own service (for a pupil
    of lower-secondary age: the school's share does not reach a 7-year-old, see
    test_a_service_shares_a_measure_only_for_the_ages_it_serves)."""
    from bti_cli.catalogue import loader, suggest
    from bti_cli.i18n import set_language

    set_language("en")
    try:
        found = {age: {s.id: s for s in suggest.rank_measures(loader.load("loten").catalogue, level=1, age=age,
                                                              subject="child", work_arena="school",
                                                              areas=["social-inclusion-leisure"])}
                 for age in (7, 14)}
    finally:
        set_language("nb")
    cafe = found[14]["allvorskafe"]
    assert "own-service" in cafe.codes
    assert "the plan gives it to your service too (Ungdomsskole)" in cafe.reasons
    assert "your own service" not in cafe.reasons
    assert "your own service" in found[7]["sfo"].reasons


def test_a_measure_for_the_new_mother_helps_a_born_child_through_her(cli):
    """Søndre Land's EPDS follow-up is for «gravide og nybakte mødre»: for a baby's case it helps
    through the mother, never «for the child itself»; it covers mental health (depression)."""
    found = rows(cli, "en", "-m", "sondre-land", "--level", "2", "--age", "0", "--subject", "child",
                 "--arena", "health-station",
                 "--area", "pregnancy-infancy", "--area", "mental-health", "--kind", "measure", "-n", "40")
    found = [r for r in found if r["id"] == "epds-stottesamtaler-henvisning"]
    assert found, "the EPDS follow-up is offered for a baby"
    assert "subject:through-parents" in found[0]["reason_codes"] and "subject:fits" not in found[0]["reason_codes"]
    assert "area:mental-health" in found[0]["reason_codes"]


def test_a_measure_for_the_pregnancy_is_the_pregnant_womans_own(cli):
    found = rows(cli, "en", "-m", "sondre-land", "--level", "2", "--age", "unborn", "--subject", "pregnant",
                 "--arena", "health-station",
                 "--area", "mental-health", "--kind", "measure", "-n", "40")
    epds = [r for r in found if r["id"] == "epds-stottesamtaler-henvisning"]
    assert epds and "subject:fits" in epds[0]["reason_codes"]


def test_a_table_not_running_yet_comes_after_the_running_ones_and_says_so(cli):
    found = rows(cli, "en", "-m", "elverum", "--level", "2", "--age", "10", "--subject", "child",
                 "--arena", "school", "--area", "learning", "--kind", "arena")
    status = [r["status"] for r in found]
    assert "planned" in status and status == sorted(status, key=lambda s: s != "active")
    planned = next(r for r in found if r["status"] == "planned")
    assert any("planned" in x for x in planned["reasons"])


def test_an_arena_level_from_the_bti_model_says_so(cli):
    found = rows(cli, "en", "-m", "loten", "--level", "1", "--age", "9", "--subject", "child",
                 "--arena", "school", "--area", "learning", "--kind", "arena")
    table = next(r for r in found if r["id"] == "kontaktmote-skole-og-ppt")
    assert table["reasons"][0] == "level 1 by the BTI model (the plan gives no level for the arena)"


def test_a_table_not_running_yet_never_comes_before_a_running_one():
    """The same rule where the planned table would fit best: Elverum's kindergarten fagmøte as if
    it were still planned comes after the anonymous consultation."""
    from bti_cli.catalogue import loader
    from bti_cli.catalogue.models import Status
    from bti_cli.catalogue.suggest import rank_arenas

    cat = loader.load("elverum").catalogue
    arenas = [a.model_copy(update={"status": Status("planned")}) if a.id == "bti-fagmote-barnehage" else a
              for a in cat.arenas]
    ranked = rank_arenas(cat.model_copy(update={"arenas": arenas}), level=2, age=5, areas=["learning"],
                         work_arena="kindergarten", subject="child")
    ids = [s.id for s in ranked]
    assert ids.index("anonym-drofting-barnevern") < ids.index("bti-fagmote-barnehage")


def test_a_placement_is_not_a_level_1_suggestion_even_with_suspected_violence(cli):
    """Barnevern's running help for violence comes first (the safety rule); its voluntary placement,
    «when the child cannot live at home», is barnevern's own decision: beyond a contact teacher's
    level 1, after every other measure (a reader found it fourth, above the school's own)."""
    found = rows(cli, "en", "-m", "loten", "--level", "1", "--age", "8", "--subject", "child", "--arena", "school",
                 "--area", "violence-abuse", "--kind", "measure", "-n", "80")
    ids = [r["id"] for r in found]
    placement = found[ids.index("frivillig-plassering-utenfor-hjemmet")]
    assert "beyond-level" in placement["reason_codes"]
    assert ids.index("frivillig-plassering-utenfor-hjemmet") > ids.index("kartlegging-og-identifisering-barneskole")
    assert "safety:barnevern-first" in found[0]["reason_codes"]


@pytest.mark.parametrize("subject, age, said", [
    ("child", 12, "for the child itself"), ("child", 13, "for young people"), ("child", 21, "for young people"),
    ("youth", 12, "for the child itself"), ("youth", 13, "for young people"), ("youth", 4, "for the child itself"),
])
def test_whom_a_measure_is_for_is_said_by_the_age(cli, subject, age, said):
    # a QA reader: `--subject child --age 21` was told «for the child itself»; the walkthrough's
    # words go by the age (from 13 the young person), and so do the reasons
    found = json.loads(cli("suggest", "--format", "json", "--lang", "en", "--level", "1", "--subject", subject,
                           "--age", str(age), "--kind", "measure", "--limit", "40").stdout)
    spoken = {x for r in found for x in r["reasons"]} & {"for the child itself", "for young people"}
    assert spoken == {said}
