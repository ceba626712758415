"""A young adult's summary is theirs (issue 16, read as a parent): from 18 nobody else consents for
the young person (vergemålsloven § 2) and the walk asks no guardian questions, so the summary is
written to them («Oppsummering for deg», «kjenner deg best»), with the warning to the employee
that the guardians are not entitled to it; at 17 it is still the family's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bti_cli import i18n

ROOT = Path(__file__).resolve().parents[2]
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}")


def _at_nav(cli, tmp_path: Path, age: int) -> str:
    text = (ROOT / "examples" / "answers" / "level1.toml").read_text(encoding="utf-8")
    text = (text.replace('arena = "school"', 'arena = "nav"').replace('subject = "child"', 'subject = "youth"')
            .replace("age = 9\n", f"age = {age}\n"))
    path = tmp_path / "nav.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--answers", str(path), "--no-input")
    assert result.exit_code == 0, result.stderr
    return CASE_RE.search(result.stdout).group(0)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("age, adult", [(17, False), (18, True), (19, True)])
def test_the_summary_is_written_to_a_young_adult(cli, tmp_path, cases_dir, lang, age, adult):
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    case = _at_nav(cli, tmp_path, age)
    result = cli("cases", "show", case, "--for", "guardians", "--format", "md", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"# {t('family.title_you' if adult else 'family.title')}")
    assert (t("family.adult_warning", case=case) in result.stderr) is adult
    assert t("family.adult_warning", case=case) not in text
    assert (t("family.stage_1_youth_you") in text) is adult
    assert (t("family.stage_1_youth") in text) is not adult
    if adult and lang != "en":  # no plural «dere»/«dykk» to the young adult
        assert not re.search(r"\b(dere|dykk|De)\b", text), text


def test_a_discarded_case_gives_no_family_summary(cli, tmp_path, cases_dir):
    case = _at_nav(cli, tmp_path, 17)
    assert cli("cases", "discard", case, "--reason", "startet ved en feil").exit_code == 0
    result = cli("cases", "show", case, "--for", "guardians", "--lang", "en")
    assert result.exit_code == 1 and result.stdout == ""
    assert "is discarded (started by mistake): no summary for the family is made" in result.stderr


@pytest.mark.parametrize("reason, told", [("other", False), ("moved", True)])
def test_another_reason_for_closing_is_not_told_to_the_family(cli, tmp_path, cases_dir, reason, told):
    # «Grunnen: Annet.» told the family nothing, and nynorsk «Anna» read as a name
    case = _at_nav(cli, tmp_path, 17)
    close = tmp_path / "close.toml"
    close.write_text(f'[close]\nclosing_reason = "{reason}"\nclosing_note = "Avsluttet etter avtale."\n',
                     encoding="utf-8")
    closed = cli("cases", "close", case, "--no-input", "--answers", str(close))
    assert closed.exit_code == 0, closed.stderr
    for lang in ("nb", "nn", "en"):
        text = cli("cases", "show", case, "--for", "guardians", "--lang", lang).stdout
        assert (i18n.t("family.closed_reason", lang, reason="").split(":")[0] in text) is told, text
        assert "Anna." not in text and "Annet." not in text
