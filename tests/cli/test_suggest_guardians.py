"""BTI level 1 begins by meeting the guardians (domain/BTI.md, "Level 1", step 1): the own
service's cooperation with them (`with_guardians = true` in the catalogue) meets any concern at
levels 1–2, once per list (the ordinary cooperation before one for a group at risk), never for
violence or abuse (the guardians are not told first) and never for another service. Run through
`bti suggest --format json` on a copy of the rules fixture with such measures of the school added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "suggest.toml"

EXTRA = '''
[[measures]]
id = "foreldresamtaler-konflikt"
name = "Foreldresamtaler ved høyt konfliktnivå"
description = "Fiktivt tiltak."
tiers = ["selective"]
service = "skole"
age_min = 6
age_max = 12
audience = ["guardians"]
with_guardians = true
areas = ["parenting-interaction"]
status = "active"
source = { file = "test.txt", section = "1" }

[[measures]]
id = "foreldresamtaler"
name = "Foreldresamtaler"
description = "Fiktivt tiltak."
tiers = ["universal"]
service = "skole"
age_min = 6
age_max = 12
audience = ["guardians"]
with_guardians = true
areas = ["parenting-interaction"]
status = "active"
source = { file = "test.txt", section = "1" }

[[measures]]
id = "hjem-skole-dialog"
name = "Hjem-skole-dialog"
description = "Fiktivt tiltak."
tiers = ["universal"]
service = "skole"
age_min = 6
age_max = 12
audience = ["guardians", "child"]
with_guardians = true
areas = ["parenting-interaction"]
status = "active"
source = { file = "test.txt", section = "1" }
'''


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "suggest-guardians.toml"
    path.write_text(FIXTURE.read_text("utf-8") + EXTRA, "utf-8")
    return str(path)


def measures(cli, data, *args):
    result = cli("suggest", "--data", data, "--format", "json", "--lang", "en", "--kind", "measure", *args)
    assert result.exit_code == 0, result.stderr
    return [r for r in json.loads(result.stdout) if r["kind"] == "measure"]


def lifted(rows):
    return [r["id"] for r in rows if "with-guardians" in r["reason_codes"]]


@pytest.mark.parametrize("level", ["1", "2"])
def test_once_per_list_and_among_the_measures_that_meet_the_concern(cli, data, level):
    rows = measures(cli, data, "--level", level, "--age", "8", "--arena", "school", "--area", "learning")
    # the ordinary (universal) talks before those for a group at risk, though the selective tier
    # fits the level better; of two equal ones the first in the catalogue's order
    assert lifted(rows) == ["foreldresamtaler"]
    row = next(r for r in rows if r["id"] == "foreldresamtaler")
    assert "working with the guardians, where BTI begins" in row["reasons"]
    first_unmatched = next(i for i, r in enumerate(rows) if "area:none" in r["reason_codes"]
                           and "with-guardians" not in r["reason_codes"])
    assert rows.index(row) < first_unmatched
    other = next(r for r in rows if r["id"] == "hjem-skole-dialog")
    assert rows.index(other) > first_unmatched  # the second meets no learning concern: not lifted


@pytest.mark.parametrize("args", [
    ("--level", "3", "--arena", "school", "--area", "learning"),            # level 3: coordination
    ("--level", "1", "--arena", "health-station", "--area", "learning"),   # not the nurse's service
    ("--level", "1", "--arena", "school", "--area", "violence-abuse"),     # guardians not told first
    ("--level", "1", "--arena", "school", "--area", "learning", "--area", "violence-abuse"),
])
def test_not_lifted(cli, data, args):
    assert lifted(measures(cli, data, "--age", "8", *args)) == []


def test_validation_wants_a_direct_measure_with_the_guardians(cli, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(FIXTURE.read_text("utf-8") + EXTRA.replace('audience = ["guardians"]\n', 'audience = ["child"]\n'),
                   "utf-8")
    result = cli("data", "validate", str(bad), "--lang", "en")
    assert result.exit_code == 3
    assert "with_guardians = true is only for a direct measure" in result.stdout + result.stderr
    good = tmp_path / "good.toml"
    good.write_text(FIXTURE.read_text("utf-8") + EXTRA, "utf-8")
    assert cli("data", "validate", str(good)).exit_code == 0
