"""The suggestions as a person meets them: in `bti suggest`'s notes and in the walkthrough's
measures and baton steps (issue 11, read in a walkthrough)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang, said, old", [
    ("nb", "for en annen gruppe (for eksempel bare for gravide eller bare for ungdom)", "andre enn denne personen"),
    ("nn", "for ei anna gruppe (til dømes berre for gravide eller berre for ungdom)", "andre enn denne personen"),
    ("en", "for another group (for example only for pregnant women or only for young people)",
     "someone other than this person"),
])
def test_left_out_for_another_group_says_which_kind_of_group(cli, lang, said, old):
    # Løten has measures only for young people: a pregnancy leaves them out, and the note says
    # in plain words what kind of measure that is
    result = cli("suggest", "--lang", lang, "--kind", "measure", "--level", "1", "--subject", "pregnant",
                 "--area", "school-absence", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert said in result.stderr
    assert old not in result.stderr
