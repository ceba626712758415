"""A consent the answers no longer allow after a correction (issue 16, read as a parent): a young
person of 15 consented alone; the age corrected to 14 left «Samtykket er ditt eget» standing,
though at the consent step this consent is refused (under the consent age the guardians consent).
Now `bti cases edit` says so and asks the consent again, with the same check."""

from __future__ import annotations

import json
import tomllib

import tomli_w

from tests.cli.test_family_texts import CONSENT, _start_with, youth_alone


def _consents(cases_dir) -> list:
    (path,) = sorted(cases_dir.glob("BTI-*.toml"))
    return [e["value"] for e in tomllib.loads(path.read_text(encoding="utf-8"))["events"]
            if e.get("question") == "consent"]


def test_an_age_below_the_consent_age_asks_the_consent_again(cli, tmp_path, cases_dir):
    case = _start_with(cli, tmp_path, youth_alone(15))
    edit = tmp_path / "edit.toml"
    edit.write_text(tomli_w.dumps({"l0-concern": {"age": 14}, "l2-consent": {"consent": CONSENT}}), encoding="utf-8")
    result = cli("cases", "edit", case, "l0-concern.age", "--no-input", "--answers", str(edit), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "The consent on record no longer fits the answers: Under age 15 the guardians consent." in result.stdout
    assert _consents(cases_dir)[-1]["by"] == ["guardians"]
    summary = json.loads(cli("cases", "show", case, "--format", "json").stdout)["summary"]
    assert summary["age"] == 14
    text = cli("cases", "show", case, "--for", "guardians", "--lang", "en").stdout
    assert "Summary for you" not in text  # the guardians consented: the family's summary


def test_an_answers_file_without_the_new_consent_is_told_which_key_it_needs(cli, tmp_path, cases_dir):
    case = _start_with(cli, tmp_path, youth_alone(15))
    edit = tmp_path / "edit.toml"
    edit.write_text(tomli_w.dumps({"l0-concern": {"age": 14}}), encoding="utf-8")
    result = cli("cases", "edit", case, "l0-concern.age", "--no-input", "--answers", str(edit), "--lang", "en")
    assert result.exit_code != 0
    assert "l2-consent.consent" in result.stderr


def test_an_age_that_still_allows_the_consent_asks_nothing(cli, tmp_path, cases_dir):
    case = _start_with(cli, tmp_path, youth_alone(15))
    edit = tmp_path / "edit.toml"
    edit.write_text(tomli_w.dumps({"l0-concern": {"age": 16}}), encoding="utf-8")
    result = cli("cases", "edit", case, "l0-concern.age", "--no-input", "--answers", str(edit), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "no longer fits" not in result.stdout
    assert len(_consents(cases_dir)) == 1
