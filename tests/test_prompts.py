"""Answer parsing for every kind of question; the Rich prompter re-asks; the scripted one fails clearly."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest

from bti_cli.errors import InputError
from bti_cli.walkthrough.prompts import (
    AnswerError,
    Choice,
    PromptSpec,
    RichPrompter,
    SafetyRequested,
    ScriptedPrompter,
    parse_answer,
)

TODAY = date(2026, 3, 10)


def spec(kind, **kw) -> PromptSpec:
    return PromptSpec(step=kw.pop("step", "s1"), question=kw.pop("question", "q1"), kind=kind, text="Q?",
                      today=TODAY, **kw)


SCALE = tuple(Choice(i, f"{i} band") for i in range(1, 5))
ARENAS = (Choice("school", "Skole"), Choice("kindergarten", "Barnehage"))


@pytest.mark.parametrize("raw, expected", [("j", True), ("Ja", True), ("yes", True), ("n", False),
                                           ("nei", False), (True, True), (False, False)])
def test_yes_no(raw, expected):
    assert parse_answer(spec("yes-no"), raw) is expected


@pytest.mark.parametrize("raw, expected", [("9", 9), (0, 0), ("23", 23), (" 4 ", 4), ("ufødt", "unborn"),
                                           ("unborn", "unborn")])
def test_integer(raw, expected):
    assert parse_answer(spec("integer", minimum=0, maximum=23, unborn=True), raw) == expected


@pytest.mark.parametrize("raw", ["24", "-1", "ni", "9.5", True])
def test_integer_invalid(raw):
    with pytest.raises(AnswerError, match="0 til 23"):
        parse_answer(spec("integer", minimum=0, maximum=23), raw)


def test_unborn_only_where_allowed():
    with pytest.raises(AnswerError):
        parse_answer(spec("integer", minimum=0, maximum=23), "ufødt")


@pytest.mark.parametrize(
    "raw, expected",
    [("2026-03-01", "2026-03-01"), ("1.3.2026", "2026-03-01"), ("01/03/2026", "2026-03-01"),
     ("i dag", "2026-03-10"), ("today", "2026-03-10"), ("-3", "2026-03-07"), ("today-3", "2026-03-07"),
     ("+14", "2026-03-24"), (date(2026, 2, 1), "2026-02-01")],
)
def test_date(raw, expected):
    assert parse_answer(spec("date"), raw) == expected


@pytest.mark.parametrize("raw", ["2026-02-30", "tomorrow-ish", "31.13.2026", "1999-01-01"])
def test_date_invalid(raw):
    with pytest.raises(AnswerError):
        parse_answer(spec("date"), raw)


def test_past_and_future_dates():
    with pytest.raises(AnswerError, match="fram i tid"):
        parse_answer(spec("date", past=True), "+1")
    with pytest.raises(AnswerError, match="tilbake i tid"):
        parse_answer(spec("date", future=True), "-1")
    assert parse_answer(spec("date", past=True), "i dag") == "2026-03-10"


def test_choice_by_value_number_or_label():
    s = spec("choice", choices=ARENAS)
    assert parse_answer(s, "school") == "school"
    assert parse_answer(s, "2") == "kindergarten"
    assert parse_answer(s, "barnehage") == "kindergarten"
    with pytest.raises(AnswerError, match="et nummer fra 1 til 2"):  # numbers and labels, not keys
        parse_answer(s, "3")


def test_integer_valued_choices_match_the_value_not_the_position():
    s = spec("choice", choices=SCALE)
    assert parse_answer(s, "4") == 4 and parse_answer(s, 2) == 2
    with pytest.raises(AnswerError):
        parse_answer(s, "5")


def test_multi_choice():
    s = spec("multi-choice", choices=ARENAS)
    assert parse_answer(s, "school, 2") == ["school", "kindergarten"]
    assert parse_answer(s, ["kindergarten", "kindergarten"]) == ["kindergarten"]
    with pytest.raises(AnswerError):
        parse_answer(s, "")
    with pytest.raises(AnswerError):
        parse_answer(s, "school, hospital")
    assert parse_answer(replace(s, required=False), "") == []


def test_measures_allow_none():
    s = spec("measures", choices=(Choice("m1", "M1"), Choice("m2", "M2")), required=False)
    assert parse_answer(s, "ingen") == [] and parse_answer(s, "1 m2") == ["m1", "m2"]


def test_coordinator_takes_a_listed_id_or_a_typed_role():
    s = spec("coordinator", choices=(Choice("kontaktlaerer", "Kontaktlærer"),), allow_other=True)
    assert parse_answer(s, "1") == "kontaktlaerer"
    assert parse_answer(s, "Kontaktlærer") == "kontaktlaerer"
    assert parse_answer(s, "miljøterapeut") == "miljøterapeut"


@pytest.mark.parametrize("raw", ["-5", "7.", "0", "2", "+1", "1,2"])
def test_coordinator_rejects_a_number_that_is_no_option(raw):
    s = spec("coordinator", choices=(Choice("kontaktlaerer", "Kontaktlærer"),), allow_other=True)
    with pytest.raises(AnswerError):
        parse_answer(s, raw)


def test_text_required_and_length():
    with pytest.raises(AnswerError):
        parse_answer(spec("text"), "   ")
    with pytest.raises(AnswerError, match="10"):
        parse_answer(spec("text", max_length=10), "x" * 11)
    assert parse_answer(spec("text", required=False), "") == ""


def test_defaults_fill_empty_answers():
    assert parse_answer(spec("date", default="2026-03-10"), "") == "2026-03-10"
    assert parse_answer(spec("choice", choices=ARENAS, default="school"), "") == "school"


def test_safety_answer_anywhere_but_where_switched_off():
    with pytest.raises(SafetyRequested):
        parse_answer(spec("integer", minimum=0, maximum=23), "!")
    with pytest.raises(AnswerError):
        parse_answer(spec("integer", minimum=0, maximum=23, safety=False), "!")


def consent_spec(validate=None) -> PromptSpec:
    return spec("consent", question="consent", validate=validate, parts=(
        spec("yes-no", question="consent.given"),
        spec("multi-choice", question="consent.by", choices=(Choice("guardians", "F"), Choice("youth", "U"))),
        spec("multi-choice", question="consent.services", choices=(Choice("ppt", "PPT"), Choice("skole", "S"))),
        spec("date", question="consent.until", future=True),
    ))


def test_consent():
    s = consent_spec()
    assert parse_answer(s, {"given": False}) == {"given": False}
    assert parse_answer(s, "nei") == {"given": False}
    value = parse_answer(s, {"given": True, "by": ["guardians"], "services": "ppt", "until": "+30"})
    assert value == {"given": True, "by": ["guardians"], "services": ["ppt"], "until": "2026-04-09"}
    with pytest.raises(AnswerError, match="until"):
        parse_answer(s, {"given": True, "by": ["guardians"], "services": ["ppt"]})
    with pytest.raises(AnswerError, match=r"\b2 .*given, by, services, until") as unknown:
        parse_answer(s, {"given": True, "valid": "x"})
    assert "valid" not in str(unknown.value)  # named by its place, never as written


def test_consent_validation_hook():
    def needs_youth(value):
        if value.get("given") and "youth" not in value["by"]:
            raise AnswerError("youth must consent")

    with pytest.raises(AnswerError, match="youth"):
        parse_answer(consent_spec(needs_youth), {"given": True, "by": ["guardians"], "services": ["ppt"],
                                                 "until": "+3"})


# --------------------------------------------------------------------------- the Rich prompter


def rich(monkeypatch, lines):
    from rich.console import Console

    buffer = io.StringIO()
    feed = iter(lines)

    def fake_input():
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    return RichPrompter(Console(file=buffer, width=100, no_color=True)), buffer


@pytest.mark.parametrize(
    "kind, kw, lines, expected",
    [
        ("yes-no", {}, ["kanskje", "j"], True),
        ("integer", {"minimum": 0, "maximum": 23}, ["30", "elleve", "11"], 11),
        ("date", {"past": True}, ["i morgen", "+2", "-2"], "2026-03-08"),
        ("choice", {"choices": ARENAS}, ["9", "skole"], "school"),
        ("multi-choice", {"choices": ARENAS}, ["", "sykehus", "1,2"], ["school", "kindergarten"]),
        ("text", {"max_length": 5}, ["", "for lang tekst", "kort"], "kort"),
        ("coordinator", {"choices": (Choice("kl", "Kontaktlærer"),)}, ["7", "1"], "kl"),
    ],
)
def test_rich_prompter_re_asks_until_valid(monkeypatch, kind, kw, lines, expected):
    prompter, buffer = rich(monkeypatch, lines)
    assert prompter.ask(spec(kind, **kw)) == expected
    assert buffer.getvalue().count("Kan ikke brukes") == len(lines) - 1


def test_rich_prompter_consent_asks_each_part(monkeypatch):
    prompter, buffer = rich(monkeypatch, ["ja", "1", "ppt", "+20"])
    value = prompter.ask(consent_spec())
    assert value == {"given": True, "by": ["guardians"], "services": ["ppt"], "until": "2026-03-30"}


def test_rich_prompter_end_of_input_names_the_question(monkeypatch):
    prompter, _ = rich(monkeypatch, [])
    with pytest.raises(InputError, match=r"s1\.q1"):
        prompter.ask(spec("text"))


def test_rich_prompter_review_accepts_or_edits(monkeypatch):
    prompter, buffer = rich(monkeypatch, ["", "ny tekst"])
    assert prompter.review(spec("text"), "[NAVN] er trist", [("navn", 1)]) is None
    assert "[NAVN] er trist" in buffer.getvalue() and "navn ×1" in buffer.getvalue()
    assert prompter.review(spec("text"), "[NAVN] er trist", [("navn", 1)]) == "ny tekst"


# --------------------------------------------------------------------------- the scripted prompter


def test_scripted_answers_by_step_and_question():
    p = ScriptedPrompter({"s1": {"q1": 7}})
    assert p.ask(spec("integer", minimum=0, maximum=23)) == 7


def test_scripted_missing_answer_names_the_key():
    p = ScriptedPrompter({"s1": {}}, source="a.toml")
    with pytest.raises(InputError) as info:
        p.ask(spec("integer", question="age"))
    assert "s1.age" in info.value.message and "a.toml" in info.value.hint


def test_scripted_optional_or_default_may_be_left_out():
    p = ScriptedPrompter({})
    assert p.ask(spec("text", required=False)) == ""
    assert p.ask(spec("date", default="2026-03-10")) == "2026-03-10"


def test_scripted_invalid_answer_is_an_input_error():
    p = ScriptedPrompter({"s1": {"q1": "tjue"}}, source="a.toml")
    with pytest.raises(InputError) as info:
        p.ask(spec("integer", minimum=0, maximum=23))
    assert "s1.q1" in info.value.message and "a.toml" in info.value.message


def test_scripted_bang_triggers_the_safety_gate_once():
    p = ScriptedPrompter({"s1": {"!": True, "q1": True}})
    with pytest.raises(SafetyRequested):
        p.ask(spec("yes-no"))
    assert p.ask(spec("yes-no")) is True


def test_scripted_falls_back_to_a_person(monkeypatch):
    person, _ = rich(monkeypatch, ["5"])
    p = ScriptedPrompter({}, fallback=person)
    assert p.ask(spec("integer", minimum=0, maximum=23)) == 5


def test_scripted_check_refuses_unknown_ids():
    p = ScriptedPrompter({"s1": {"q1": 1, "qx": 2, "!": True}, "s9": {"a": 1}, "s2": 3}, source="a.toml")
    with pytest.raises(InputError) as info:
        p.check({"s1": {"q1"}, "s2": {"q2"}})
    message = info.value.message
    # by place (qx is key 2 of [s1], s9 is table 2 of the file), the ids that fit (known), and
    # the table that is no table (s2) by its known id; never an unknown key as written
    assert "2 i [s1] (kjente spørsmål der: q1)" in message
    assert "tabell nr. 2 i filen" in message and "s2 må være en tabell" in message
    assert "qx" not in message and "s9" not in message
    ScriptedPrompter({"s1": {"q1": 1}}).check({"s1": {"q1"}})


def test_scripted_from_file(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[s1]\nq1 = 2026-03-01\n"!" = false\n', encoding="utf-8")
    p = ScriptedPrompter.from_file(path)
    assert p.ask(spec("date")) == "2026-03-01"
    path.write_text("[s1\n", encoding="utf-8")
    with pytest.raises(InputError, match="TOML"):
        ScriptedPrompter.from_file(path)
    with pytest.raises(InputError):
        ScriptedPrompter.from_file(tmp_path / "missing.toml")


def test_rough_edges_of_choices_dates_and_optional_prompts():
    from bti_cli.walkthrough.prompts import RichPrompter

    s = spec("choice", choices=ARENAS)
    with pytest.raises(AnswerError, match="nummer fra 1 til 2") as wrong:
        parse_answer(s, "sykehus")
    assert "school" not in str(wrong.value)  # no keys for people
    several = spec("choice", choices=(Choice("a", "Skole og SFO"), Choice("b", "Skole for voksne")))
    with pytest.raises(AnswerError, match="flere valg") as both:
        parse_answer(several, "skole")
    assert "1 Skole og SFO" in str(both.value) and "2 Skole for voksne" in str(both.value)
    for day in ("31.02.2027", "2027-02-30", "32.01.2027"):
        with pytest.raises(AnswerError, match="Den datoen finnes ikke") as err:
            parse_answer(spec("date"), day)
        assert day not in str(err.value)
    with pytest.raises(AnswerError, match="Skriv en dato"):
        parse_answer(spec("date"), "neste uke")
    prompter = RichPrompter(check_answers=False)
    assert "kan stå tomt" in prompter._hint(spec("measures", required=False))
    assert "kan stå tomt" not in prompter._hint(spec("measures"))
    assert "+14" not in prompter._hint(spec("date", past=True))
    assert "-3" not in prompter._hint(spec("date", future=True))


def test_every_hint_says_what_enter_does_once():
    """What may be typed, then what Enter does: the default ("Enter: ja"), the prompt's own words
    ("Enter: godta"), or "kan stå tomt"; never both, never a default of nothing ("standard: -"),
    never a range of one ("1–1")."""
    prompter = RichPrompter(check_answers=False)
    assert prompter._hint(spec("yes-no", default=True)) == "j/n, Enter: ja"
    assert prompter._hint(spec("yes-no")) == "j/n"
    assert prompter._hint(spec("integer", minimum=0, maximum=23, default=8)) == "0–23, Enter: 8"
    owners = spec("integer", minimum=1, maximum=1, required=False, empty_hint="Enter: godta")
    assert prompter._hint(owners) == "skriv 1, Enter: godta"  # one measure: what to type, not a default
    assert prompter._hint(spec("integer", minimum=1, maximum=3, required=False, empty_hint="Enter: godta")) == (
        "1–3, Enter: godta")
    for empty in ([], "", None):
        hint = prompter._hint(spec("measures", required=False, default=empty))
        assert hint == "nummer eller ord, skilt med komma, kan stå tomt", hint
    assert "kan stå tomt" not in prompter._hint(spec("text", required=False, default="Enige."))
    assert prompter._hint(spec("text", required=False, default="Enige.")) == "Enter: Enige."


def test_choice_lists_show_names_not_ids_and_ids_still_work():
    """Names for people: "Barnehage", never "Barnehage [kindergarten]" nor "[level:1]"; the id
    (what answers files use) and a word of the label are both still taken."""
    import io

    from rich.console import Console

    buffer = io.StringIO()
    prompter = RichPrompter(Console(file=buffer, width=80, color_system=None), check_answers=False)
    choices = (Choice("kindergarten", "Barnehage"), Choice("level:1", "Gå til nivå 1: tiltak i egen tjeneste"))
    prompter._choices(spec("choice", choices=choices))
    shown = buffer.getvalue()
    assert "Barnehage" in shown and "Gå til nivå 1" in shown
    assert "[" not in shown and "kindergarten" not in shown and "level:1" not in shown
    assert parse_answer(spec("choice", choices=choices), "kindergarten") == "kindergarten"
    assert parse_answer(spec("choice", choices=choices), "barnehage") == "kindergarten"
    scale = spec("choice", choices=SCALE)
    buffer.truncate(0)
    prompter._choices(scale)
    lines = [line.rstrip() for line in buffer.getvalue().splitlines() if line.strip()]
    assert "[1]" not in buffer.getvalue()
    assert lines[0].endswith("1  band"), lines  # the scale step's value in the number column


def test_a_choice_prompt_says_what_may_be_typed():
    prompter = RichPrompter(check_answers=False)
    assert prompter._hint(spec("choice", choices=ARENAS)) == "nummer eller ord"
    assert prompter._hint(spec("decision", choices=ARENAS)) == "nummer eller ord"
    assert prompter._hint(spec("coordinator", choices=ARENAS)) == "nummer eller en rolle"
    assert prompter._hint(spec("coordinator", choices=ARENAS, default="school")) == (
        "nummer eller en rolle, Enter: Skole")


def test_a_question_mark_at_a_choice_lists_the_choices_again(monkeypatch):
    prompter, buffer = rich(monkeypatch, ["?", "2"])
    assert prompter.ask(spec("choice", choices=ARENAS)) == "kindergarten"
    assert buffer.getvalue().count("Barnehage") == 2  # listed, then listed again after "?"
