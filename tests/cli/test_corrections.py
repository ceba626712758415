"""Going back and correcting answers: `<` in the walkthrough, `bti cases edit`, and the replay of
`correction` / `withdraw` events (the old answer stays in the chain; the state uses the latest)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from tests.cli.test_walk import FIXTURE, LEVEL1

CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")


def _events(cases_dir: Path) -> list[dict]:
    (path,) = sorted(cases_dir.glob("BTI-*.toml"))
    return tomllib.loads(path.read_text(encoding="utf-8"))["events"]


def _show(cli, case_id: str) -> dict:
    result = cli("cases", "show", case_id, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _with(lines: list[str], at: int, inserted: list[str], *, replace: int = 0) -> list[str]:
    return lines[:at] + inserted + lines[at + replace:]


def test_back_twice_and_change_an_answer(cli, cases_dir):
    # at the areas question: back to age, back to subject, keep it (Enter), age 9 instead of 8
    areas = LEVEL1.index("learning")
    lines = _with(LEVEL1, areas, ["<", "<", "", "9"])
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Svaret er endret" in result.stdout
    events = _events(cases_dir)
    ages = [e for e in events if e.get("question") == "age"]
    assert [(e["kind"], e["value"]) for e in ages] == [("answer", 8), ("correction", 9)]
    # the subject was kept: no correction for it
    assert not [e for e in events if e["kind"] == "correction" and e["question"] == "subject"]
    case_id = CASE_RE.search(result.stdout).group(0)
    shown = _show(cli, case_id)
    assert shown["summary"]["age"] == 9
    assert shown["summary"]["level"] == 1
    # the timeline keeps both answers; the correction is named as one
    table = cli("cases", "show", case_id, "--format", "table")
    assert "Rettelse" in table.stdout


def test_a_changed_answer_withdraws_the_answers_that_no_longer_apply(cli, cases_dir):
    # at the level-0 decision: back five times (past the text for the family) to "talked with the
    # child", answer no; the child's view no longer applies and is withdrawn; Enter keeps the
    # guardians' answers and the (empty) text for the family
    decision = LEVEL1.index("level:1")
    # then the new question a "no" opens: why nobody talked with the child (too young)
    lines = _with(LEVEL1, decision, ["<", "<", "<", "<", "<", "n", "", "", "", "1"])
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "svaret er trukket tilbake" in result.stdout
    events = _events(cases_dir)
    kinds = [(e["kind"], e.get("question")) for e in events]
    assert ("correction", "talked_child") in kinds
    assert ("withdraw", "child_view") in kinds
    assert ("answer", "child_view") in kinds  # the old answer stays in the chain
    assert ("decision", None) in kinds
    case_id = CASE_RE.search(result.stdout).group(0)
    assert cli("cases", "verify", case_id).exit_code == 0
    family = cli("cases", "show", case_id, "--for", "guardians")
    assert family.exit_code == 0, family.stderr
    assert "Synes lesing er vanskelig" not in family.stdout


def test_back_at_the_first_question_says_so(cli, cases_dir):
    lines = ["<"] + LEVEL1
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "første spørsmålet" in result.stdout


def test_back_is_not_an_answer_in_an_answers_file(cli, cases_dir, tmp_path):
    answers = tmp_path / "a.toml"
    answers.write_text('[l0-concern]\nconcern_date = "<"\n', encoding="utf-8")
    result = cli("start", "--data", FIXTURE, "--answers", str(answers), "--no-input")
    assert result.exit_code == 1
    assert not list(cases_dir.glob("BTI-*.toml"))


def _level1_case(cli) -> str:
    result = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1) + "\n")
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


def test_cases_edit_records_a_correction(cli, cases_dir):
    case_id = _level1_case(cli)
    result = cli("cases", "edit", case_id, "l0-concern.age", "--data", FIXTURE, input="10\n")
    assert result.exit_code == 0, result.stderr
    assert _show(cli, case_id)["summary"]["age"] == 10
    # the same answer again: nothing is written
    before = len(_events(cases_dir))
    again = cli("cases", "edit", case_id, "l0-concern.age", "--data", FIXTURE, input="\n")
    assert again.exit_code == 0, again.stderr
    assert "ingenting er skrevet" in again.stdout
    assert len(_events(cases_dir)) == before
    assert cli("cases", "verify", case_id).exit_code == 0


def test_cases_edit_refuses_unknown_and_unanswered_questions(cli, cases_dir):
    case_id = _level1_case(cli)
    unknown = cli("cases", "edit", case_id, "l0-concern.nope", "--data", FIXTURE, input="1\n")
    assert unknown.exit_code == 1
    assert "nope" not in unknown.stderr  # what was typed is not repeated
    unanswered = cli("cases", "edit", case_id, "l2-plan.measures", "--data", FIXTURE, input="\n")
    assert unanswered.exit_code != 0


def test_cases_edit_from_an_answers_file(cli, cases_dir, tmp_path):
    case_id = _level1_case(cli)
    answers = tmp_path / "edit.toml"
    answers.write_text("[l0-concrete]\nscale = 2\n", encoding="utf-8")
    result = cli("cases", "edit", case_id, "l0-concrete.scale", "--data", FIXTURE, "--answers", str(answers),
                 "--no-input")
    assert result.exit_code == 0, result.stderr
    assert _show(cli, case_id)["summary"]["concern_scale"] == 2


def test_replay_applies_corrections_and_withdrawals_in_place():
    from types import SimpleNamespace as E

    from bti_cli.walkthrough.process import effective_events

    class Ev(E):
        def model_copy(self, update):
            return Ev(**{**vars(self), **update})

    events = [Ev(kind="answer", step="s", question="a", value=1),
              Ev(kind="answer", step="s", question="b", value=2),
              Ev(kind="decision", step="s", question=None, value="level:1"),
              Ev(kind="correction", step="s", question="a", value=5),
              Ev(kind="withdraw", step="s", question="b", value=None),
              Ev(kind="withdraw", step="s", question="b", value=None),  # nothing left to withdraw
              Ev(kind="correction", step="s", question="zz", value=1)]  # nothing to correct
    out = effective_events(events)
    assert [(e.kind, e.question, e.value) for e in out] == [("answer", "a", 5), ("decision", None, "level:1")]


def test_resume_without_an_id_lists_unfinished_cases_newest_first(cli, cases_dir):
    import time

    first = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1[:6]) + "\n")  # stops at the safety question
    assert first.exit_code == 1
    time.sleep(1.1)  # created a second later: newer
    second = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1[:3]) + "\n")
    assert second.exit_code == 1
    done = _level1_case(cli)  # waits for its evaluation: not unfinished
    older, newer = (CASE_RE.search(r.stdout).group(0) for r in (first, second))
    listed = cli("resume", "--data", FIXTURE, input="1\n" + "\n".join(LEVEL1[3:]) + "\n")
    assert listed.exit_code == 0, listed.stderr
    out = listed.stdout
    assert out.index(newer) < out.index(older) and done not in out.split("Hvilken sak")[0]
    assert "venter på: Undringen oppstår" in out  # the step's title, not its id
    assert f"Fortsetter sak {newer}" in out
    assert _show(cli, newer)["summary"]["level"] == 1


def test_resume_without_an_id_and_nothing_unfinished(cli, cases_dir):
    result = cli("resume")
    assert result.exit_code == 0
    assert "Ingen uferdige saker" in result.stdout
    _level1_case(cli)
    assert "Ingen uferdige saker" in cli("resume").stdout


def test_resume_without_an_id_under_no_input_needs_the_id(cli, cases_dir):
    cli("start", "--data", FIXTURE, input="\n".join(LEVEL1[:3]) + "\n")
    result = cli("resume", "--no-input")
    assert result.exit_code == 1
    assert "bti resume SAK" in result.stderr


def test_shell_completion_completes_case_ids_for_every_command_that_takes_one(cli, cases_dir):
    case_id = _level1_case(cli)
    prefix = case_id[:10]
    for words in (f"bti resume {prefix}", f"bti cases show {prefix}", f"bti cases verify {prefix}",
                  f"bti cases evaluate {prefix}", f"bti cases edit {prefix}", f"bti cases discard {prefix}",
                  f"bti cases close {prefix}", f"bti cases handover {prefix}", f"bti cases accept {prefix}"):
        env = {"_BTI_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
        result = cli(env=env)
        assert result.stdout.split() == [case_id], words
    env = {"_BTI_COMPLETE": "complete_bash", "COMP_WORDS": "bti cases show BTI-1999", "COMP_CWORD": "3"}
    assert cli(env=env).stdout.split() == []


def test_each_question_shows_its_place_and_question_mark_explains_it(cli, cases_dir):
    lines = LEVEL1[:4] + ["?"] + LEVEL1[4:]
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Nivå 0 · spørsmål 1\n" in out and "Nivå 0 · spørsmål 5" in out and "Nivå 1 · spørsmål 1" in out
    # "?" at the age question: what it is for and which answers it takes; then asked again
    assert "Svar med et helt tall fra 0 til 23." in out
    assert "«<» går tilbake" in out
    assert _events(cases_dir)[4]["value"] == 8
    # the concern date cannot be in the future: its hint does not offer "+14"
    first_prompt = out.split("Hvilken dato oppsto undringen?")[1].split(">")[0]
    assert "+14" not in first_prompt and "-3" in first_prompt


def test_question_mark_in_english_and_nynorsk(cli, cases_dir):
    for lang, needle in (("en", "Answer with a whole number from 0 to 23."),
                         ("nn", "Svar med eit heilt tal frå 0 til 23.")):
        lines = LEVEL1[:4] + ["?"]
        result = cli("start", "--data", FIXTURE, "--lang", lang, input="\n".join(lines) + "\n")
        assert needle in result.stdout, lang


def test_measures_beyond_the_suggestions_are_found_by_words(cli, cases_dir):
    at = LEVEL1.index("lesekurs")
    lines = _with(LEVEL1, at, ["BESOK", "ingenting-slikt", "lesekurs, hjemmebesok"], replace=1)
    result = cli("start", "--data", FIXTURE, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "andre tiltak i katalogen" in out  # the suggestions are listed, the rest can be searched
    found = out.split("Tiltak som passer (1)")[1]
    assert "Hjemmebesøk" in found.split("\n\n")[0]  # accents and case ignored
    # words that find nothing are told so plainly, without repeating them
    assert "Ingen tiltak i katalogen passer til søket." in out
    assert "ingenting-slikt" not in out and "Element 1 passer ikke" not in out
    case_id = CASE_RE.search(out).group(0)
    measures = [m["id"] for m in _show(cli, case_id)["summary"]["measures"]]
    assert measures == ["lesekurs", "hjemmebesok"]


def test_measures_search_matches_parts_of_compounds():
    from bti_cli.catalogue.loader import matches_words

    assert matches_words("lese", "Leseveiledning for foreldre")
    assert matches_words("veiledning", "Foreldreveiledning")
    assert matches_words("SØSKEN gruppe", "Soskengruppe for barn")
    assert not matches_words("lese gruppe", "Leseveiledning")
    assert not matches_words("  ", "anything")


def test_measures_list_search_takes_every_word(cli):
    import json as _json

    one = _json.loads(cli("measures", "list", "-m", "loten", "--search", "foreldre", "--format", "json").stdout)
    two = _json.loads(cli("measures", "list", "-m", "loten", "--search", "foreldre møte", "--format", "json").stdout)
    assert one and two and len(two) < len(one)
    assert {m["id"] for m in two} <= {m["id"] for m in one}


def test_cases_show_names_services_measures_and_roles_ids_only_in_json(cli, cases_dir):
    import json as _json

    result = cli("start", "--no-input", "--answers", str(Path(FIXTURE).parents[2] / "examples" / "answers"
                                                          / "level3.toml"))
    assert result.exit_code == 0, result.stderr
    case_id = CASE_RE.search(result.stdout).group(0)
    table = cli("cases", "show", case_id, "--format", "table").stdout
    data = _json.loads(cli("cases", "show", case_id, "--format", "json").stdout)["summary"]
    assert data["baton_holder_role"] and data["services_involved"] and data["measures"]
    summary_part = table.split("Sammendrag")[1].split("\nHendelser\n")[0]
    assert "Ungteam Løten" in summary_part  # the measure by its name
    assert "Pedagogisk-/psykologisk tjeneste" in summary_part  # the service ppt by its name
    assert "Koordinator" in summary_part  # the role by its name
    for service in data["services_involved"]:
        assert f" {service} " not in summary_part and not summary_part.count(f" {service}\n")


def test_bti_alone_prints_the_help_and_exits_zero(cli):
    result = cli()
    assert result.exit_code == 0, result.stderr
    assert "bti start" in result.stdout or "start" in result.stdout
    assert cli("--lang", "en").exit_code == 0


def _places(out: str, level: int) -> list[tuple[int, int | None]]:
    """(number, total or None) of each "Nivå N · spørsmål …" line of `level`, in order."""
    return [(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
            for m in re.finditer(rf"^Nivå {level} · spørsmål (\d+)(?: av (\d+))?$", out, flags=re.M)]


def test_the_place_shows_a_total_only_once_it_cannot_change(cli, cases_dir):
    """"spørsmål 5" while later questions still depend on answers not given (who the concern is
    about, the age, whether anyone talked with the child); "spørsmål 14 av 15" from the moment
    the count is settled, and that total stays for the rest of the part."""
    result = cli("start", "--data", FIXTURE, input="\n".join(LEVEL1) + "\n")
    assert result.exit_code == 0, result.stderr
    for level in (0, 1):
        places = _places(result.stdout, level)
        assert [n for n, _ in places] == list(range(1, len(places) + 1)), places  # no number skipped
        totals = [total for _, total in places]
        assert totals[0] is None  # the first question: the rest depends on answers to come
        first = next(i for i, total in enumerate(totals) if total is not None)
        assert all(total is None for total in totals[:first])
        assert set(totals[first:]) == {len(places)}, places  # once shown, the total never moves


def test_the_place_in_nynorsk_and_english(cli, cases_dir):
    for lang, words in (("nn", "Nivå 0 · spørsmål 1\n"), ("en", "Level 0 · question 1\n")):
        result = cli("start", "--data", FIXTURE, "--lang", lang, input="\n".join(LEVEL1[:3]) + "\n")
        assert words in result.stdout, result.stdout[:400]


def test_cases_edit_without_a_key_lists_the_answers_in_words_and_takes_a_number(cli, cases_dir):
    """A person never needs a step id: the case's answers are listed, numbered, under their level
    and step in words; a number asks that one again (a correction), Enter leaves all as it is."""
    case_id = _level1_case(cli)
    result = cli("cases", "edit", case_id, "--data", FIXTURE, input="5\n10\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"Svarene i sak {case_id}" in out
    assert "Nivå 0 · Undringen oppstår" in out and "l0-concern" not in out
    assert re.search(r"^\s+5  Barnets alder i hele år \(0–23\): 8\s*$", out, flags=re.M), out
    assert "Mistenker du vold" not in out  # the safety question is changed with "!", not here
    assert "[1–" in out and "Enter: ingen endring] >" in out
    assert _show(cli, case_id)["summary"]["age"] == 10
    ages = [(e["kind"], e["value"]) for e in _events(cases_dir) if e.get("question") == "age"]
    assert ages == [("answer", 8), ("correction", 10)]
    before = len(_events(cases_dir))
    kept = cli("cases", "edit", case_id, "--data", FIXTURE, "--lang", "en", input="\n")
    assert kept.exit_code == 0, kept.stderr
    assert "No answer was changed." in kept.stdout and len(_events(cases_dir)) == before


def test_cases_edit_without_a_key_and_no_person_names_the_key(cli, cases_dir, tmp_path):
    case_id = _level1_case(cli)
    answers = tmp_path / "edit.toml"
    answers.write_text("[l0-concern]\nage = 10\n", encoding="utf-8")
    result = cli("cases", "edit", case_id, "--data", FIXTURE, "--no-input", "--answers", str(answers))
    assert result.exit_code == 1
    assert "STEG.SPØRSMÅL" in result.stderr and f"bti cases show {case_id} --format json" in result.stderr


def test_cases_show_headings_are_words_and_say_how_to_change_an_answer(cli, cases_dir):
    case_id = _level1_case(cli)
    for lang, heading, hint in (("nb", "Nivå 0 · Undringen oppstår", "Endre et svar: bti cases edit"),
                                ("nn", "Nivå 0 · ", "Endre eit svar: bti cases edit"),
                                ("en", "Level 0 · ", "To change an answer: bti cases edit")):
        result = cli("cases", "show", case_id, "-f", "table", "--lang", lang, env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.stderr
        out = result.stdout
        headings = [line for line in out.splitlines() if re.match(r"^(Nivå|Level) \d · ", line)]
        assert headings and heading in out
        assert not [line for line in headings if re.search(r"\((l\d-[a-z-]+|safety|notify|close)\)", line)], headings
        assert hint in " ".join(out.split()) and case_id in out


def test_back_at_the_first_question_after_a_decision_says_why_and_what_to_do(cli, cases_dir):
    """`<` never silently does nothing: past a recorded decision it says that it does not go
    back, and that an earlier answer is changed with `bti cases edit CASE` (chosen from a list,
    no key to know); the question is then asked again and the walk goes on."""
    at = LEVEL1.index("level:1") + 1
    result = cli("start", "--data", FIXTURE, input="\n".join(_with(LEVEL1, at, ["<"])) + "\n")
    assert result.exit_code == 0, result.stderr
    case_id = CASE_RE.search(result.stdout).group(0)
    said = " ".join(result.stdout.split())
    assert "går ikke tilbake forbi den" in said
    assert f"«bti cases edit {case_id}», der du velger svaret fra en nummerert liste" in said
    assert "STEG.SPØRSMÅL" not in said
    assert _show(cli, case_id)["summary"]["level"] == 1


def test_back_works_at_the_who_does_what_list_too(cli, cases_dir):
    """"<" at the list of who does what goes back to the question before (the evaluation date),
    as at every question; not "Skriv et helt tall"."""
    at = LEVEL1.index("lesekurs") + 3  # the Enter that accepts who does what
    result = cli("start", "--data", FIXTURE, input="\n".join(_with(LEVEL1, at, ["<", ""])) + "\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Skriv et helt tall" not in out
    after = out[out.index("Hvem gjør hva"):]
    assert "Dato for evaluering" in after  # asked again, then who does what once more
    assert after.count("Hvem gjør hva") == 2
    owners = _show(cli, CASE_RE.search(out).group(0))["summary"]["measure_owners"]
    assert [o["owner"] for o in owners] == ["kontaktlaerer"]


# up to the measures question of level 1 in a shipped catalogue (school, kontaktlærer, age 8)
TO_MEASURES = ["", "school", "kontaktlærer", "child", "8", "learning", "n", "Strever med lesing i timene.", "",
               "weeks", "n", "3", "j", "j", "n", "j", "Synes lesing er vanskelig.", "j", "Ønsker hjelp.", "",
               "level:1", "j", "j", "Leser bedre innen jul."]
EXAMPLE_WORDS = {"nb": re.compile(r"skriv ord for å søke, f\.eks\. «([^»]+)», «([^»]+)»\."),
                 "en": re.compile(r"type words to search, e\.g\. “([^”]+)”, “([^”]+)”\.")}


@pytest.mark.parametrize("municipality", ["loten", "sondre-land", "elverum"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_search_examples_find_measures_in_the_catalogue_in_use(cli, cases_dir, municipality, lang):
    first = cli("start", "-m", municipality, "--lang", lang, input="\n".join(TO_MEASURES) + "\n")
    shown = EXAMPLE_WORDS[lang].search(first.stdout)
    assert shown, first.stdout[-600:]
    found = "Tiltak som passer (" if lang == "nb" else "Matching measures ("
    none = "Ingen tiltak i katalogen passer" if lang == "nb" else "No measure in the catalogue matches"
    for word in shown.groups():
        typed = cli("start", "-m", municipality, "--lang", lang,
                    input="\n".join([*TO_MEASURES, word]) + "\n").stdout
        after = typed.split(shown.group(0))[1]
        assert found in after and none not in after, (municipality, word)


def test_search_examples_prefer_words_that_find_an_unlisted_measure_and_skip_those_that_find_nothing():
    from bti_cli.walkthrough.prompts import Choice, PromptSpec, search_examples

    def spec(*labels: str) -> PromptSpec:
        choices = tuple(Choice(f"m{i}", label) for i, label in enumerate(labels))
        return PromptSpec(step="l1-plan", question="measures", kind="measures", text="Tiltak?", choices=choices)

    # "foreldre" finds nothing; "samtale" finds only the listed one, so it comes after the others
    assert search_examples(spec("Samtalegruppe", "Samtaler", "Lesekurs", "Leseveiledning", "Kurs i språk",
                                "Lek med språk"), 2) == ["lese", "språk"]
    assert search_examples(spec("Samtalegruppe", "Samtaler"), 2) == ["samtale"]
    # a word that alone chooses a measure (a whole word of one label) would not search: not offered
    assert search_examples(spec("Samtalegruppe", "Samtaler", "Rus og psykisk helse", "Kurs om rusmidler"),
                           2) == ["samtale"]
    assert search_examples(spec("Zzz"), 0) == []


@pytest.mark.parametrize("lang, more", [("nb", "Viser de første 20 av "), ("en", "Showing the first 20 of ")])
def test_a_search_with_many_matches_says_that_the_list_goes_on(cli, cases_dir, lang, more):
    """The search shows 20 matches at a time: when it finds more it says so and how to narrow it
    (before, "Tiltak som passer (34)" was followed by 20 lines and nothing else)."""
    found = re.compile(r"(?:Tiltak som passer|Matching measures) \((\d+)\)")
    for word in ("barn", "tiltak", "foreldre", "kartlegging", "skole"):
        out = cli("start", "-m", "loten", "--lang", lang, input="\n".join([*TO_MEASURES, word]) + "\n").stdout
        m = found.search(out.split("Leser bedre innen jul.")[-1])
        if m and int(m.group(1)) > 20:
            assert more + m.group(1) in out
            return
        if m:
            assert more not in out
    pytest.fail("no search word found more than 20 measures")
