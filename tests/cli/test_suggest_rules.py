"""The ranking rules of `bti suggest`, each at its edges, at the command level (`--format json`).

tests/fixtures/suggest.toml is a small fictitious catalogue made for these rules: an age range 7–10,
a pregnancy measure and an infant measure, a project that ends in 2025, staff and system work, a
broadly tagged measure next to a specific one, a planned measure, a group and a child coordinator
among the baton holders, a system arena and a planned arena.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURE = str(Path(__file__).resolve().parents[1] / "fixtures" / "suggest.toml")


@pytest.fixture
def rank(cli):
    def run(*args: str, kind: str | None = None):
        extra = ("--kind", kind) if kind else ()
        result = cli("suggest", "--data", FIXTURE, "--format", "json", "--lang", "en", *extra, *args)
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout) if result.stdout.strip() else []
        return rows, result.stderr

    return run


def ids(rows, kind="measure"):
    return [r["id"] for r in rows if r["kind"] == kind]


def by_id(rows, key):
    return next(r for r in rows if r["id"] == key)


@pytest.mark.parametrize("age, shown", [("6", False), ("7", True), ("10", True), ("11", False)])
def test_age_range_edges(rank, age, shown):
    rows, _ = rank("--level", "1", "--age", age, "--arena", "school", "--area", "learning", kind="measure")
    assert ("lesekurs" in ids(rows)) is shown
    assert "leksehjelp" in ids(rows)  # 6–12 holds for every one of these ages


def test_unborn_is_not_age_zero(rank):
    unborn, _ = rank("--level", "1", "--age", "unborn", "--arena", "health-station", kind="measure")
    born, _ = rank("--level", "1", "--age", "0", "--subject", "child", "--arena", "health-station", kind="measure")
    assert "svangerskapsoppfolging" in ids(unborn) and "fodselsforberedende" in ids(unborn)
    assert "spedbarnsgruppe" not in ids(unborn)  # for babies already born
    assert "spedbarnsgruppe" in ids(born)
    assert "svangerskapsoppfolging" not in ids(born) and "fodselsforberedende" not in ids(born)
    assert "age:unborn" in by_id(unborn, "svangerskapsoppfolging")["reason_codes"]


def test_unborn_words_and_bad_ages(cli):
    for word in ("unborn", "ufødt", "UFØDD"):
        assert cli("suggest", "--data", FIXTURE, "--age", word, "--format", "json").exit_code == 0
    for bad in ("26", "-1", "tre"):
        result = cli("suggest", "--data", FIXTURE, "--age", bad)
        assert result.exit_code == 2 and "--age" in result.stderr
    assert cli("suggest", "--data", FIXTURE, "--age", "25", "--format", "json").exit_code == 0


def test_subject_other_than_the_measure_serves_is_left_out(rank):
    # 12 is a child only (from 13 a child is a young person too: see the lower-secondary test below)
    child, _ = rank("--level", "2", "--age", "12", "--subject", "child", "--area", "mental-health", kind="measure")
    youth, _ = rank("--level", "2", "--age", "14", "--subject", "youth", "--area", "mental-health", kind="measure")
    assert "ungdomsklubb" not in ids(child)
    assert "ungdomssamtaler" in ids(youth) and "subject:fits" in by_id(youth, "ungdomssamtaler")["reason_codes"]
    pregnant, _ = rank("--level", "1", "--subject", "pregnant", kind="measure")
    assert "lesekurs" not in ids(pregnant) and "ungdomssamtaler" not in ids(pregnant)


def test_bad_subject_is_a_usage_error(cli):
    result = cli("suggest", "--data", FIXTURE, "--subject", "teacher")
    assert result.exit_code == 2 and "--subject" in result.stderr


@pytest.mark.parametrize("as_of, shown", [("2025-12-31", True), ("2026-01-01", False)])
def test_period_ended_last_year_vs_this_year(rank, as_of, shown):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "learning", "--as-of", as_of,
                   kind="measure")
    assert ("prosjekt" in ids(rows)) is shown


def test_staff_and_system_work_is_never_suggested(rank):
    for level in ("0", "1", "2", "3"):
        rows, _ = rank("--level", level, "--area", "learning", "--arena", "school", kind="measure")
        assert not {"kurs-for-ansatte", "verktoy"} & set(ids(rows))


def test_specific_fit_beats_broad_tagging(rank):
    rows, _ = rank("--level", "2", "--age", "8", "--arena", "school", "--area", "mental-health", kind="measure")
    order = ids(rows)
    assert order.index("samtaler-familievern") < order.index("bredt-tiltak")
    assert "area-fit:broad" in by_id(rows, "bredt-tiltak")["reason_codes"]
    broad = by_id(rows, "bredt-tiltak")["reasons"]
    assert any("tagged with 6 concern areas in all, so a broad fit" in r for r in broad)


def test_own_service_first_at_level_1_only(rank):
    one, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "mental-health", kind="measure")
    two, _ = rank("--level", "2", "--age", "8", "--arena", "school", "--area", "mental-health", kind="measure")
    assert ids(one)[0] == "bredt-tiltak" and "own-service" in one[0]["reason_codes"]
    assert "other-service" in by_id(one, "samtaler-familievern")["reason_codes"]
    assert ids(two)[0] == "samtaler-familievern"


def test_poor_fit_demotes_and_says_so(rank):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "learning", kind="measure")
    order = ids(rows)
    # a measure for another concern area is still offered, below every one that meets the concern
    assert order.index("hjelpetiltak-barnevern") > order.index("bredt-tiltak")
    assert "area:none" in by_id(rows, "hjelpetiltak-barnevern")["reason_codes"]
    assert "does not cover the chosen concern areas" in by_id(rows, "hjelpetiltak-barnevern")["reasons"]
    # an indicated measure at level 1 is demoted, not dropped
    assert any("fits level 1 less well" in r for r in by_id(rows, "hjelpetiltak-barnevern")["reasons"])


def test_planned_ranks_below_the_running_twin_and_says_so(rank):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "learning", kind="measure")
    order = ids(rows)
    assert order.index("lesekurs") < order.index("lesekurs-planlagt")
    planned = by_id(rows, "lesekurs-planlagt")
    assert planned["status"] == "planned" and "status:planned" in planned["reason_codes"]
    assert "planned, not yet in operation" in planned["reasons"]


def test_not_running_measures_come_after_every_running_one_that_meets_the_concern(rank):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "learning", kind="measure")
    meeting = [r for r in rows if "area:none" not in r["reason_codes"]]
    running = [r["status"] in ("active", "partial") for r in meeting]
    assert running == sorted(running, reverse=True) and not running[-1]
    # the running, broadly tagged measure comes before the planned, specific one
    order = ids(rows)
    assert order.index("bredt-tiltak") < order.index("lesekurs-planlagt")


def test_short_list_says_why(rank):
    rows, note = rank("--level", "1", "--age", "unborn", "--area", "pregnancy-infancy", kind="measure")
    assert len(ids(rows)) >= 2
    assert "Only 2 of the measures cover the chosen concern areas (Pregnancy and infancy: 2)" in note
    assert "for another age" in note
    rows, note = rank("--level", "1", "--age", "8", "--arena", "school", kind="measure")
    assert len(ids(rows)) >= 5 and note == ""


def test_level3_coordination_measure_when_its_role_is_open(rank):
    rows, _ = rank("--level", "3", "--age", "8", "--arena", "school", "--area", "disability-long-term-needs",
                   kind="measure")
    assert ids(rows)[0] == "koordinator-tiltak" and "coordination" in rows[0]["reason_codes"]


def test_midwife_for_a_pregnancy_nurse_for_a_child(rank):
    pregnant, _ = rank("--level", "1", "--subject", "pregnant", "--arena", "health-station", kind="coordinator")
    child, _ = rank("--level", "1", "--subject", "child", "--age", "0", "--arena", "health-station",
                    kind="coordinator")
    assert ids(pregnant, "coordinator")[0] == "jordmor"
    assert "condition-met:subject" in pregnant[0]["reason_codes"]
    assert ids(child, "coordinator")[0] == "helsesykepleier"
    assert "condition-unmet:subject" in by_id(child, "jordmor")["reason_codes"]


@pytest.mark.parametrize("args, first", [
    (("--subject", "family", "--age", "0"), "helsesykepleier"),    # a family with a newborn: born
    (("--subject", "family", "--age", "11"), "helsesykepleier"),
    (("--subject", "family", "--age", "unborn"), "jordmor"),       # the family expects the child
    (("--subject", "pregnant", "--age", "17"), "jordmor"),         # a pregnant 17-year-old
])
def test_a_pregnancy_role_only_for_a_pregnancy(rank, args, first):
    rows, _ = rank("--level", "1", "--arena", "health-station", *args, kind="coordinator")
    assert ids(rows, "coordinator")[0] == first


def test_group_is_never_a_baton_holder(rank):
    for areas in ((), ("--area", "disability-long-term-needs")):
        rows, _ = rank("--level", "3", "--age", "8", "--arena", "school", *areas, kind="coordinator")
        assert rows and "ansvarsgruppe" not in ids(rows, "coordinator")


def test_child_coordinator_only_when_its_conditions_hold(rank):
    substance, _ = rank("--level", "3", "--age", "8", "--arena", "school", "--area",
                        "parental-mental-illness-substance-use", kind="coordinator")
    order = ids(substance, "coordinator")
    assert order[0] == "koordinator" and order[-1] == "barnekoordinator"
    assert "condition-unmet:areas" in by_id(substance, "barnekoordinator")["reason_codes"]
    disability, _ = rank("--level", "3", "--age", "8", "--arena", "school", "--area", "disability-long-term-needs",
                         kind="coordinator")
    assert ids(disability, "coordinator")[0] == "barnekoordinator"
    # its age limit (18) at the edge
    at18, _ = rank("--level", "3", "--age", "18", "--area", "disability-long-term-needs", kind="coordinator")
    at19, _ = rank("--level", "3", "--age", "19", "--area", "disability-long-term-needs", kind="coordinator")
    assert ids(at18, "coordinator")[0] == "barnekoordinator"
    assert ids(at19, "coordinator")[0] == "koordinator"
    assert "condition-unmet:age" in by_id(at19, "barnekoordinator")["reason_codes"]


def test_ties_keep_the_catalogue_order_not_the_alphabet(rank):
    rows, _ = rank("--level", "3", "--age", "8", "--arena", "school", kind="coordinator")
    order = ids(rows, "coordinator")
    # koordinator and barnekoordinator tie without concern areas; the file lists koordinator first
    assert order.index("koordinator") < order.index("barnekoordinator")


def test_closest_professional_of_the_arena_at_levels_1_and_2(rank):
    for level in ("1", "2"):
        rows, _ = rank("--level", level, "--age", "8", "--arena", "school", kind="coordinator")
        assert ids(rows, "coordinator") == ["kontaktlaerer"]
    rows, _ = rank("--level", "3", "--age", "8", "--arena", "child-welfare", kind="coordinator")
    assert ids(rows, "coordinator")[0] == "kontaktperson-barnevern"


def test_no_kindergarten_or_school_table_for_a_pregnancy(rank):
    unborn, _ = rank("--level", "1", "--age", "unborn", "--arena", "health-station", kind="arena")
    born, _ = rank("--level", "1", "--age", "8", "--arena", "health-station", kind="arena")
    assert "nytt-team" not in ids(unborn, "arena") and "nytt-team" in ids(born, "arena")  # the school's alone
    assert "team" in ids(unborn, "arena")  # the health station takes part


def test_arenas_case_tables_for_the_level_planned_last(rank):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", kind="arena")
    order = ids(rows, "arena")
    assert "ledermote" not in order and "ansvarsgruppe" not in order
    assert order[-1] == "nytt-team" and "status:planned" in by_id(rows, "nytt-team")["reason_codes"]
    assert order[0] == "team"


def test_anonymous_tables_first_without_consent(rank):
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--anonymous", kind="arena")
    order = ids(rows, "arena")
    assert order[0] == "anonym-drofting" and "team" in order
    assert "needs-consent" in by_id(rows, "team")["reason_codes"]


@pytest.mark.parametrize("lang, needle", [("nb", "din egen tjeneste"), ("nn", "di eiga teneste"),
                                           ("en", "your own service")])
def test_reasons_in_every_language(cli, lang, needle):
    result = cli("suggest", "--data", FIXTURE, "--format", "json", "--lang", lang, "--level", "1", "--age", "8",
                 "--arena", "school", "--area", "learning", "--kind", "measure")
    assert needle in json.loads(result.stdout)[0]["reasons"]


@pytest.mark.parametrize("as_of, due", [("2023-12-31", False), ("2024-01-01", True)])
def test_planned_for_a_year_now_past_is_due_and_offered_with_the_running_ones(rank, as_of, due):
    # the plan gave only the year the measure was to come (2023): in 2023 it is planned, from
    # 2024 it is due, ranked with the running measures but with a word to check that it started
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "social-inclusion-leisure",
                   "--as-of", as_of, kind="measure")
    planned = by_id(rows, "aktivitetskurs-planlagt")
    assert ("status:due" in planned["reason_codes"]) is due
    assert ("status:planned" in planned["reason_codes"]) is not due
    assert any("check with the service whether it has started" in r for r in planned["reasons"]) is due
    order = ids(rows)
    # the specific, planned measure before the broadly tagged running one only once it is due
    assert (order.index("aktivitetskurs-planlagt") < order.index("aktivitetsgruppe")) is due


@pytest.mark.parametrize("as_of, code", [("2025-06-01", "status:developing"), ("2026-01-01", "status:due")])
def test_a_build_period_that_has_passed_does_not_end_the_measure(rank, as_of, code):
    # "utvikles og implementeres i perioden 2023–2025": after 2025 the measure is due, not ended
    rows, _ = rank("--level", "1", "--age", "17", "--arena", "health-station", "--area", "mental-health",
                   "--as-of", as_of, kind="measure")
    assert code in by_id(rows, "rask-hjelp")["reason_codes"]


def test_measures_show_does_not_call_a_passed_build_period_ended(cli):
    result = cli("measures", "show", "rask-hjelp", "--data", FIXTURE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["ended"] is False and shown["due"] == 2025


def test_level3_frame_is_the_coordination_measure_not_every_measure_of_its_service(rank):
    rows, _ = rank("--level", "3", "--age", "8", "--arena", "school", "--area", "disability-long-term-needs",
                   kind="measure")
    assert "coordination" in by_id(rows, "koordinator-tiltak")["reason_codes"]
    assert "coordination" not in by_id(rows, "avlastning")["reason_codes"]
    assert ids(rows).index("koordinator-tiltak") < ids(rows).index("avlastning")


def test_a_measure_the_plan_gives_several_services_is_each_of_theirs(rank):
    # `shared_with`: the school runs it too, so a school employee gets it as the own service's
    rows, _ = rank("--level", "1", "--age", "8", "--arena", "school", "--area", "low-income-housing",
                   kind="measure")
    shared, single = by_id(rows, "foreldremote-felles"), by_id(rows, "okonomisk-rad")
    assert "own-service" in shared["reason_codes"] and "other-service" not in shared["reason_codes"]
    assert "other-service" in single["reason_codes"]
    assert ids(rows).index("foreldremote-felles") < ids(rows).index("okonomisk-rad")


def test_a_universal_measure_fits_level_2_as_well_as_level_1(rank):
    # level 2 is level 1 with another service added: the own service's universal measure keeps its
    # tier points; only the own-service points (30 at level 1, 6 at level 2) differ
    scores = {}
    for level in ("1", "2"):
        rows, _ = rank("--level", level, "--age", "8", "--arena", "school", "--area", "low-income-housing",
                       kind="measure")
        row = by_id(rows, "foreldremote-felles")
        assert "tier:universal" in row["reason_codes"] and "own-service" in row["reason_codes"]
        scores[level] = row["score"]
    assert scores["1"] - scores["2"] == 30 - 6


@pytest.mark.parametrize("age, shown", [("11", False), ("12", True)])
def test_a_youth_only_measure_without_ages_is_not_for_a_younger_child(rank, age, shown):
    # a family case: the family subject lets youth measures through, the child's age does not
    rows, _ = rank("--level", "1", "--subject", "family", "--age", age, "--arena", "school",
                   "--area", "social-inclusion-leisure", kind="measure")
    assert ("ungdomsklubb" in ids(rows)) is shown


@pytest.mark.parametrize("level, areas, first", [
    ("3", ("violence-abuse",), "kontaktperson-barnevern"),   # barnevern follows a violence case up
    ("3", ("violence-abuse", "learning"), "kontaktperson-barnevern"),
    ("3", ("learning",), "koordinator"),                     # no violence: the general coordinator
    ("2", ("violence-abuse",), "kontaktlaerer"),             # level 2: the baton stays in the arena
])
def test_barnevern_holds_the_baton_at_level3_with_suspected_violence(rank, level, areas, first):
    area_args = [a for area in areas for a in ("--area", area)]
    rows, _ = rank("--level", level, "--age", "8", "--arena", "school", *area_args, kind="coordinator")
    assert ids(rows, "coordinator")[0] == first
    if level == "3":
        codes = by_id(rows, "kontaktperson-barnevern")["reason_codes"]
        assert ("safety:child-welfare" in codes) == ("violence-abuse" in areas)
    else:
        assert "kontaktperson-barnevern" not in ids(rows, "coordinator")


@pytest.mark.parametrize("age, youth_measure", [("12", False), ("13", True), ("16", True), ("20", True),
                                                ("21", False)])
def test_a_pregnant_minor_gets_the_pregnancy_measures_and_those_for_her_age(rank, age, youth_measure):
    """With --subject pregnant an age is the pregnant woman's own: a pregnant 16-year-old is offered
    the pregnancy measures (before, the age was read as the child's and excluded them all), a
    measure for young people whose range holds her age (13–20 here), and never the infant's."""
    rows, _ = rank("--level", "1", "--arena", "health-station", "--subject", "pregnant", "--age", age, kind="measure")
    assert "svangerskapsoppfolging" in ids(rows) and "spedbarnsgruppe" not in ids(rows)
    assert ("ungdomssamtaler" in ids(rows)) is youth_measure
    if youth_measure:
        assert {"subject:fits", "age:fits"} <= set(by_id(rows, "ungdomssamtaler")["reason_codes"])
    unborn, _ = rank("--level", "1", "--arena", "health-station", "--age", "unborn", kind="measure")
    assert "svangerskapsoppfolging" in ids(unborn) and "ungdomssamtaler" not in ids(unborn)


@pytest.mark.parametrize("age, offered", [("11", False), ("12", False), ("13", True), ("15", True)])
def test_a_child_of_lower_secondary_age_gets_the_youth_measures(rank, age, offered):
    """Subject child at 13 or older is a young person too: the youth club (audience youth, no age)
    is hers; at 12 and under it is not (another subject)."""
    rows, _ = rank("--level", "1", "--arena", "school", "--subject", "child", "--age", age, kind="measure")
    assert ("ungdomsklubb" in ids(rows)) is offered
    if offered:
        assert "subject:fits" in by_id(rows, "ungdomsklubb")["reason_codes"]


@pytest.fixture
def loten_roles(cli):
    def run(*args: str):
        result = cli("suggest", "-m", "loten", "--kind", "coordinator", "--format", "json", "--lang", "en", *args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return run


def test_a_role_for_the_parents_is_not_met_by_a_case_about_the_child(loten_roles):
    rows = loten_roles("--subject", "child", "--age", "8", "--area", "social-inclusion-leisure", "--level", "1",
                       "--arena", "leisure")
    slt = by_id(rows, "barne-og-ungdomskoordinator-slt")
    assert not any("condition met" in r for r in slt["reasons"]), slt["reasons"]
    assert "the role is for the parents or the family: it fits only when the help is for them (check the condition)" \
        in slt["reasons"]
    # a young person is whom the same role is for
    rows = loten_roles("--subject", "youth", "--age", "15", "--area", "social-inclusion-leisure", "--level", "1",
                       "--arena", "leisure")
    assert "the role is for young people (condition met)" in by_id(rows, "barne-og-ungdomskoordinator-slt")["reasons"]


@pytest.mark.parametrize(("arena", "age", "first"), [("nav", "18", "veileder-nav"),
                                                     ("school-health", "14", "helsesykepleier-skolehelsetjenesten")])
@pytest.mark.parametrize("level", ["1", "2"])
def test_roles_of_other_arenas_stay_there_when_the_arena_has_its_own(loten_roles, arena, age, first, level):
    """SLT's and ROP's roles are "for youth and guardians": not the midwife's kind of role for
    whom the case is about, so they are not offered from an arena with a role of its own."""
    rows = loten_roles("--subject", "youth", "--age", age, "--area", "mental-health", "--level", level,
                       "--arena", arena)
    offered = [r["id"] for r in rows]
    assert offered[0] == first
    assert not {"barne-og-ungdomskoordinator-slt", "behandler-rop"} & set(offered), offered


def test_the_midwife_leads_for_a_pregnant_pupil_and_the_school_nurse_fits_her_age(loten_roles):
    rows = loten_roles("--subject", "pregnant", "--age", "16", "--area", "pregnancy-infancy", "--level", "1",
                       "--arena", "school-health")
    assert [r["id"] for r in rows[:2]] == ["jordmor", "helsesykepleier-skolehelsetjenesten"]
    assert "follows whom the case is about, also when you work elsewhere (works in Health station)" \
        in rows[0]["reasons"]
    assert "the age fits the role (condition met)" in rows[1]["reasons"]
    # at 21 she is outside the school nurse's range (6–20)
    rows = loten_roles("--subject", "pregnant", "--age", "21", "--area", "pregnancy-infancy", "--level", "1",
                       "--arena", "school-health")
    assert "the age is outside the role's age range (condition not met)" in \
        by_id(rows, "helsesykepleier-skolehelsetjenesten")["reasons"]


def test_an_unmet_role_says_whom_it_is_for_and_an_own_role_says_it_once(loten_roles):
    rows = loten_roles("--subject", "child", "--age", "0", "--level", "1", "--arena", "health-station")
    assert "the role is for pregnant women, not for this case (condition not met)" in by_id(rows, "jordmor")["reasons"]
    nurse = by_id(rows, "ansvarlig-helsesykepleier")
    assert "the closest professional where you work (Health station)" in nurse["reasons"]
    assert "your own service" not in nurse["reasons"]


@pytest.fixture
def shipped(cli):
    def run(slug: str, *args: str):
        result = cli("suggest", "-m", slug, "--kind", "measure", "--format", "json", "--lang", "en", *args)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return run


def test_a_measure_for_the_child_is_for_the_child_in_a_family_case(shipped):
    rows = shipped("loten", "--subject", "family", "--age", "7", "--area", "learning", "--level", "1", "--arena",
                   "school")
    special = by_id(rows, "spesialpedagogikk-barneskole")
    assert "for the child in the family" in special["reasons"]
    assert "helps through the parents or the family" not in special["reasons"]
    # the same measure in a case about the child says it is for the child itself
    rows = shipped("loten", "--subject", "child", "--age", "7", "--area", "learning", "--level", "1", "--arena",
                   "school")
    assert "for the child itself" in by_id(rows, "spesialpedagogikk-barneskole")["reasons"]


GUARDIANS_ONLY = "for the parents only: with suspected violence or abuse the guardians are not told first"


@pytest.mark.parametrize(("level", "demoted"), [("1", True), ("2", True), ("3", True)])
def test_with_violence_a_parents_course_comes_after_the_help_for_the_child(shipped, level, demoted):
    rows = shipped("elverum", "--subject", "child", "--age", "4", "--area", "violence-abuse", "--level", level,
                   "--arena", "kindergarten")
    ranked = [r["id"] for r in rows]
    package = by_id(rows, "stine-sofies-foreldrepakke")
    assert (GUARDIANS_ONLY in package["reasons"]) is demoted
    if demoted:  # after every measure that meets the concern for the child
        assert ranked.index("stine-sofies-foreldrepakke") > ranked.index("stine-sofies-barnehagepakke")
        assert ranked.index("stine-sofies-foreldrepakke") >= 5
    # without violence the same course is not held back
    rows = shipped("elverum", "--subject", "child", "--age", "4", "--area", "parenting-interaction", "--level", level,
                   "--arena", "kindergarten")
    assert GUARDIANS_ONLY not in by_id(rows, "stine-sofies-foreldrepakke")["reasons"]


def test_with_violence_barnevern_s_own_guidance_to_the_guardians_is_not_held_back(shipped):
    rows = shipped("elverum", "--subject", "child", "--age", "10", "--area", "violence-abuse", "--area",
                   "parenting-interaction", "--level", "3", "--arena", "child-welfare")
    guidance = by_id(rows, "rad-og-veiledning-barnevern")
    assert GUARDIANS_ONLY not in guidance["reasons"]


@pytest.mark.parametrize(("age", "own"), [("12", False), ("13", True), ("15", True)])
def test_a_service_shares_a_measure_only_for_the_ages_it_serves(shipped, age, own):
    """Løten's Allvørskafé is run by volunteers with the lower-secondary school's pupils: the
    school's share makes it a pupil's own measure from 13 (ungdomsskole's measures are for 13–15),
    not a 12-year-old's at the primary school."""
    rows = shipped("loten", "--subject", "child", "--age", age, "--area", "social-inclusion-leisure", "--level", "1",
                   "--arena", "school")
    cafe = by_id(rows, "allvorskafe")
    assert ("own-service" in cafe["reason_codes"]) is own, cafe["reasons"]
    assert ("the plan gives it to your service too (Ungdomsskole)" in cafe["reasons"]) is own


NOT_OWN_TABLE = "your service does not take part: the case goes there with consent at level 2"


@pytest.mark.parametrize(("arena", "first", "held_back"), [("mental-health", "anonym-drofting-barnevern", True),
                                                           ("leisure", "anonym-drofting-barnevern", True),
                                                           ("school", "but", False)])
def test_at_level_1_a_table_of_other_services_waits_for_level_2(cli, arena, first, held_back):
    result = cli("suggest", "-m", "loten", "--kind", "arena", "--format", "json", "--lang", "en", "--subject", "child",
                 "--age", "10", "--area", "parental-mental-illness-substance-use", "--level", "1", "--arena", arena)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == first
    assert (NOT_OWN_TABLE in by_id(rows, "but")["reasons"]) is held_back
    # at level 2 the same table is where the case goes
    result = cli("suggest", "-m", "loten", "--kind", "arena", "--format", "json", "--lang", "en", "--subject", "child",
                 "--age", "10", "--area", "parental-mental-illness-substance-use", "--level", "2", "--arena", arena)
    assert all(NOT_OWN_TABLE not in r["reasons"] for r in json.loads(result.stdout))


def test_after_the_measures_that_meet_the_concern_the_own_service_comes_first(shipped):
    """Elverum has one measure for an acute crisis (the crisis team); after it, a school nurse
    sees what her own service can do before other services' offers that do not meet it either."""
    rows = shipped("elverum", "--subject", "child", "--age", "12", "--area", "acute-crisis", "--level", "2",
                   "--arena", "school-health")
    assert rows[0]["id"] == "psykososialt-kriseteam"
    rest = [r for r in rows[1:] if "area:none" in r["reason_codes"] and r["status"] in ("active", "partial")]
    own = ["own-service" in r["reason_codes"] for r in rest]
    assert own[:4] == [True] * 4 and own == sorted(own, reverse=True), [r["id"] for r in rest]
    assert "oppfolging-skolehelsetjenesten" in [r["id"] for r in rows[:5]]


@pytest.mark.parametrize(("age", "offered"), [("17", True), ("18", False), ("21", False)])
def test_a_referral_to_bup_is_for_those_under_18(shipped, age, offered):
    rows = shipped("loten", "--subject", "youth", "--age", age, "--area", "mental-health", "--level", "1",
                   "--arena", "mental-health")
    assert ("henvising-til-bup-fastlege" in [r["id"] for r in rows]) is offered


@pytest.mark.parametrize(("areas", "first"), [
    (["disability-long-term-needs", "parenting-interaction"], "barnekoordinator"),
    (["disability-long-term-needs", "violence-abuse"], "kontaktperson-barnevern"),  # the safety rule first
    (["parenting-interaction"], "kontaktperson-barnevern"),  # the child coordinator's condition unmet
])
def test_at_level_3_the_child_coordinator_leads_when_its_conditions_hold(loten_roles, cli, areas, first):
    args = ["suggest", "-m", "elverum", "--kind", "coordinator", "--format", "json", "--lang", "en", "--subject",
            "child", "--age", "10", "--level", "3", "--arena", "child-welfare"]
    for a in areas:
        args += ["--area", a]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == first, [r["id"] for r in rows]
    if first == "barnekoordinator":
        assert "the role for level 3 when its conditions are met" in rows[0]["reasons"]


def test_a_pregnancy_reads_each_reason_once_and_the_nurse_says_whom_she_is_for(shipped, loten_roles):
    rows = shipped("loten", "--subject", "pregnant", "--age", "unborn", "--area", "pregnancy-infancy", "--level", "1",
                   "--arena", "health-station")
    first = rows[0]["reasons"]
    assert "for pregnant women" in first and "for the time before birth" not in first
    roles = loten_roles("--subject", "pregnant", "--age", "unborn", "--area", "pregnancy-infancy", "--level", "1",
                        "--arena", "health-station")
    nurse = by_id(roles, "ansvarlig-helsesykepleier")
    assert "the role is for children already born (ages 0–5), not for the pregnancy (condition not met)" \
        in nurse["reasons"]


def test_an_area_no_measure_covers_is_said_once_not_under_every_measure(cli):
    """Søndre Land has no measure for minority background: the note says so once, and the
    reasons of the measures do not each end with "does not cover" it."""
    result = cli("suggest", "-m", "sondre-land", "--kind", "measure", "--format", "json", "--lang", "en", "--subject",
                 "family", "--age", "3", "--area", "parenting-interaction", "--area", "minority-integration",
                 "--level", "1", "--arena", "kindergarten")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all("does not cover Minority background and integration" not in r["reasons"] for r in rows)
    assert "covers Minority background and integration: the other areas lead the suggestions" in result.stderr
    # an area the catalogue does cover is still said when a measure misses it
    result = cli("suggest", "-m", "sondre-land", "--kind", "measure", "--format", "json", "--lang", "en", "--subject",
                 "family", "--age", "3", "--area", "parenting-interaction", "--area", "language",
                 "--level", "1", "--arena", "kindergarten")
    assert any("does not cover Language" in r["reasons"] for r in json.loads(result.stdout))


def test_in_a_family_case_a_measure_for_the_child_and_its_parents_is_for_the_child_in_the_family(shipped):
    rows = shipped("sondre-land", "--subject", "family", "--age", "3", "--area", "parenting-interaction", "--level",
                   "1", "--arena", "kindergarten")
    # for the children, their parents and staff: the child in the family
    assert "for the child in the family" in by_id(rows, "helsestasjonens-barnehagekontakt")["reasons"]
    assert "for the family or the parents" in by_id(rows, "foreldresamarbeid")["reasons"]


def test_children_as_relatives_and_the_parents_own_problem_are_one_need(shipped):
    # Løten's ROP team is tagged with mental health, substance use and children as relatives: for a
    # child whose mother uses drugs those are one need (the parent's), not a broad tagging
    rows = shipped("loten", "--subject", "family", "--age", "3", "--level", "3", "--arena", "child-welfare",
                   "--area", "parental-mental-illness-substance-use", "--area", "low-income-housing")
    rop = by_id(rows, "rus-og-psykisk-helsetjeneste")
    assert "area-fit:specific" in rop["reason_codes"]
    assert not any("so a broad fit" in r for r in rop["reasons"])
    # the same measure for a youth's own mental health and school absence stays broad: its
    # substance-use and children-as-relatives tags are not about that need
    rows = shipped("loten", "--subject", "youth", "--age", "15", "--level", "2", "--arena", "school-health",
                   "--area", "mental-health", "--area", "school-absence")
    assert "area-fit:broad" in by_id(rows, "rus-og-psykisk-helsetjeneste")["reason_codes"]


WITH_GUARDIANS_HELD = ("cooperation with the guardians: with suspected violence or abuse the guardians are not told "
                       "first")


@pytest.mark.parametrize("level", ["0", "1", "2", "3"])
def test_with_violence_the_cooperation_with_the_guardians_is_not_offered_first(shipped, level):
    # Løten's home–school cooperation and parent cooperation (with_guardians) are for the child and
    # the parents; with suspected violence they are held back like a parents' course
    rows = shipped("loten", "--subject", "child", "--age", "9", "--area", "violence-abuse", "--area", "learning",
                   "--level", level, "--arena", "school")
    ranked = [r["id"] for r in rows]
    for held in ("hjem-skolesamarbeid-barneskole", "foreldresamarbeid-barneskole"):
        if held in ranked:
            assert WITH_GUARDIANS_HELD in by_id(rows, held)["reasons"]
            assert "safety:with-guardians" in by_id(rows, held)["reason_codes"]
            assert ranked.index(held) >= 5
    assert {"hjem-skolesamarbeid-barneskole", "foreldresamarbeid-barneskole"} & set(ranked)
    # without violence the same cooperation leads the list (BTI: the guardians first)
    rows = shipped("loten", "--subject", "child", "--age", "9", "--area", "learning", "--level", level,
                   "--arena", "school")
    top = [r["id"] for r in rows[:5]]
    assert {"hjem-skolesamarbeid-barneskole", "foreldresamarbeid-barneskole"} & set(top)
    assert not any("safety:with-guardians" in r["reason_codes"] for r in rows)


@pytest.mark.parametrize("lang, words", [("en", "for the child, together with the parents"),
                                         ("nb", "for barnet, sammen med foreldrene"),
                                         ("nn", "for barnet, saman med foreldra")])
def test_the_cooperation_with_the_guardians_is_not_said_to_be_for_the_child_itself(cli, lang, words):
    result = cli("suggest", "-m", "loten", "--kind", "measure", "--format", "json", "--lang", lang, "--subject",
                 "child", "--age", "9", "--area", "learning", "--level", "1", "--arena", "school")
    rows = json.loads(result.stdout)
    assert words in by_id(rows, "foreldresamarbeid-barneskole")["reasons"]
    itself = {"en": "for the child itself", "nb": "for barnet selv", "nn": "for barnet sjølv"}[lang]
    assert itself not in by_id(rows, "foreldresamarbeid-barneskole")["reasons"]
    assert itself in by_id(rows, "spesialpedagogikk-barneskole")["reasons"]  # a measure for the child alone


@pytest.mark.parametrize(("age", "offered"), [("13", True), ("16", True), ("17", False), ("20", False)])
def test_a_school_measure_without_ages_is_for_the_ages_the_school_serves(shipped, age, offered):
    # Elverum's Flexid course is the primary and lower-secondary schools' (grunnskolene, 5–16):
    # not a 17- or 20-year-old's, though the plan gives it no ages of its own
    rows = shipped("elverum", "--subject", "youth", "--age", age, "--area", "minority-integration", "--area",
                   "mental-health", "--level", "2", "--arena", "mental-health")
    assert ("flexid-kurskonsept" in [r["id"] for r in rows]) is offered


@pytest.mark.parametrize(("age", "arena", "aftercare"), [("17", "nav", False), ("18", "nav", True),
                                                         ("20", "mental-health", True),
                                                         ("20", "child-welfare", False)])
def test_from_18_barnevern_s_measures_are_aftercare(shipped, age, arena, aftercare):
    # a support contact from barnevern for a 20-year-old at NAV is aftercare, which the walk does not
    # ask about: it says so and costs what a condition costs; barnevern's own employee knows already
    rows = shipped("elverum", "--subject", "youth", "--age", age, "--area", "social-inclusion-leisure",
                   "--level", "3", "--arena", arena)
    contact = by_id(rows, "stottekontakt")
    assert ("only-when:aftercare" in contact["reason_codes"]) is aftercare
    said = "from 18 only as aftercare from barnevern, for someone who had its help before 18 (check that it applies)"
    assert (said in contact["reasons"]) is aftercare


def test_the_level3_frame_does_not_say_it_misses_the_concern_areas(shipped):
    # a reader saw "the frame for coordination at level 3" next to "does not cover the chosen
    # concern areas" under Elverum's responsibility group
    rows = shipped("elverum", "--subject", "family", "--age", "8", "--level", "3", "--arena", "nav",
                   "--area", "low-income-housing", "--area", "parenting-interaction")
    group = by_id(rows, "ansvarsgruppe")
    assert "area:none" in group["reason_codes"] and "coordination" in group["reason_codes"]
    assert "does not cover the chosen concern areas" not in group["reasons"]
    # a measure that is no frame still says it
    assert any("does not cover the chosen concern areas" in r["reasons"] for r in rows if "coordination" not in
               r["reason_codes"] and "area:none" in r["reason_codes"])


@pytest.mark.parametrize(("areas", "said"), [(("violence-abuse",), True), (("learning",), False)])
def test_suggest_says_the_safety_rule_first_with_suspected_violence(cli, areas, said):
    # a last reader: `bti suggest` for a boy who says his father hits him never named the duty to
    # notify barnevern; the walkthrough's safety gate does, and now the suggestions do as well
    args = ["suggest", "-m", "loten", "--level", "1", "--age", "9", "--arena", "school", "--lang", "en",
            "--format", "json"]
    for area in areas:
        args += ["--area", area]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert ("barnevern must be notified (the duty to inform, barnevernsloven § 13-2)" in result.stderr) is said
    assert json.loads(result.stdout)  # the suggestions still come, on stdout
