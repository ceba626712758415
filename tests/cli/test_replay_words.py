"""The `--no-input` replay is read by people: each answer is shown by its label (areas, measures,
the consent in words), never by its id or key, and a default the file leaves out is said."""

from __future__ import annotations

import re
from pathlib import Path

from walk_answers import FIXTURE, LEVEL0_SHARED

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"


def test_the_replay_shows_labels_not_ids(cli, cases_dir):
    result = cli("start", "--no-input", "--answers", str(EXAMPLES / "level3.toml"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "> Psykisk helse, Skolefravær" in out
    assert "> Ungteam Løten (Helsestasjon; indikativt), Oppfølgingstjenesten (NAV; selektivt)" in out
    assert re.search(r"> ja – gitt av Foresatte, Ungdommen selv; gjelder Skolehelsetjenesten, .*; til \d{4}-\d\d-\d\d",
                     out)
    for key in ("mental-health", "ungteam-loten", "given=", "by=", "services=", "until="):
        assert key not in out


def test_a_refused_consent_and_the_defaults_are_said_in_words(cli, cases_dir, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(LEVEL0_SHARED + '[l0-decide]\ndecision = "level:2"\n[l2-consent]\nconsent = { given = false }\n',
                    encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--data", FIXTURE, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "given=" not in out
    assert re.search(r"consent.*> no", out)
    assert "Where will you discuss the case anonymously? > -" in out  # none chosen, said
    assert re.search(r"When will you review the case again\? > \d{4}-\d\d-\d\d", out)  # the default, said
