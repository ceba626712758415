"""After barnevern was informed of a suspicion and the work goes on at a level, the guardians are
still not told first (BTI.md, cross-cutting rules): the level's first step says to agree with
barnevern before meeting or asking them (a QA reader saw «Møt foresatte» with no word of
barnevern). And a pregnancy at the safety gate is spoken of as a pregnancy, not as a child."""

from __future__ import annotations

import re

import pytest
from walk_answers import loten_session

CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")

CONCERN = """
[l0-concern]
concern_date = "today"
arena = "{arena}"
role = "{role}"
subject = "{subject}"
{age}
areas = ["violence-abuse"]
[safety]
danger = true
"""
INFORMED = """
[notify]
barnevern_informed = true
notified_date = "today"
police_informed = false
{words}
decision = "level:{level}"
"""
CHILD = {"arena": "kindergarten", "role": "pedagogisk leder", "subject": "child", "age": "age = 5"}
PREGNANT = {"arena": "health-station", "role": "jordmor", "subject": "pregnant", "age": ""}

AGREE_FIRST = {
    "nb": "Barnevernet er varslet. Avklar med barnevernet om, når og av hvem foresatte skal få vite om bekymringen",
    "nn": "Barnevernet er varsla. Avklar med barnevernet om, når og av kven føresette skal få vite om uroa",
    "en": "Barnevern has been informed. Agree with barnevern whether, when and by whom the guardians are told",
}
ORDINARY = {"nb": "Bli enige om problemet og målene før dere velger tiltak.",
            "nn": "Bli samde om problemet og måla før de vel tiltak.",
            "en": "Agree on the problem and the goals before choosing measures."}


def _start(cli, tmp_path, text: str, lang: str = "en"):
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    return cli("start", "--no-input", "--answers", str(path), "--lang", lang)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_on_at_level_1_after_informing_barnevern_the_guardians_wait_for_barnevern(cli, tmp_path, lang):
    text = CONCERN.format(**CHILD) + INFORMED.format(words="words_written = true", level=1)
    out = _start(cli, tmp_path, text, lang).stdout
    # said under the level-1 step's title, the last one printed
    level1 = " ".join(out[out.rindex("== "):].split())
    assert AGREE_FIRST[lang] in level1


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_without_a_notification_level_1_meets_the_guardians_as_usual(cli, tmp_path, lang):
    text = CONCERN.format(**CHILD).replace('["violence-abuse"]', '["language"]').replace(
        "danger = true", "danger = false") + """
[l0-concrete]
observations = "Lite språk i lek."
child_said = ""
duration = "months"
earlier = false
scale = 2
[l0-share]
shared_colleague = true
shared_leader = true
anonymous_consultation = false
talked_child = true
child_view = "Liker å leke."
talked_guardians = true
guardians_view = "Enige."
[l0-decide]
decision = "level:1"
"""
    out = " ".join(_start(cli, tmp_path, text, lang).stdout.split())
    assert ORDINARY[lang] in out
    assert AGREE_FIRST[lang] not in out


def test_resumed_later_the_level_still_waits_for_barnevern(cli, tmp_path):
    text = CONCERN.format(**CHILD) + INFORMED.format(words="words_written = true", level=1)
    first = _start(cli, tmp_path, text)
    case = CASE_RE.search(first.stdout).group(0)
    out = " ".join(cli("resume", case, "--no-input", "--lang", "en").stdout.split())
    assert AGREE_FIRST["en"] in out


@pytest.mark.parametrize("level", [2, 3])
def test_asking_for_consent_after_a_notification_says_to_agree_with_barnevern_first(cases_dir, level):
    from bti_cli.walkthrough import process as engine

    session, proc = loten_session(cases_dir)
    step = proc.required_step(f"l{level}-consent")
    for informed, said in ((True, True), (False, False), ("advised-no-report", False)):
        answers = {"subject": "child", "age": 9, "arena": "school", "areas": ["violence-abuse"],
                   "barnevern_informed": informed}
        spec = session.spec(engine.Ask(step, step.question("consent"), level),
                            engine.Position(level=level, phase="start", answers=answers))
        help_text = " ".join(str(p.help or "") for p in (spec, *spec.parts))
        assert ("agree with barnevern whether, when and by whom the guardians are asked for consent"
                in help_text) is said, (informed, help_text)


@pytest.mark.parametrize("lang, unborn, child_words", [
    ("en", "is the pregnant woman or the unborn child in acute danger?", "Write down the child's own words"),
    ("nb", "er den gravide eller det ufødte barnet i akutt fare?", "Skriv ned barnets egne ord"),
    ("nn", "er den gravide eller det ufødde barnet i akutt fare?", "Skriv ned orda til barnet"),
])
def test_a_pregnancy_at_the_safety_gate_is_spoken_of_as_a_pregnancy(cli, tmp_path, lang, unborn, child_words):
    out = " ".join(_start(cli, tmp_path, CONCERN.format(**PREGNANT), lang).stdout.split())
    assert unborn in out
    assert child_words not in out
    # the rest of the advice stands: barnevern at once, the police, 116 111, the duty is personal
    assert "112" in out and "02800" in out and "116 111" in out and "§ 13-2" in out
    child = " ".join(_start(cli, tmp_path, CONCERN.format(**CHILD), lang).stdout.split())
    assert child_words in child and unborn not in child
