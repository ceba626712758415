"""A day option (--as-of, --from, --to) takes a day between 1900-01-01 and 2199-12-31: a day
near the end of the calendar («9999-12-31») had a deadline counted from it that is no date, and
`bti due` crashed (OverflowError, found by a black-box reader of issue 16)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("args", [("due",), ("cases", "list"), ("cases", "list", "--due"), ("suggest",)])
@pytest.mark.parametrize("day, ok", [("1899-12-31", False), ("1900-01-01", True), ("2199-12-31", True),
                                     ("2200-01-01", False), ("9999-12-31", False)])
def test_a_day_option_takes_a_day_in_range_only(cli, cases_dir, args, day, ok):
    result = cli(*args, "--as-of", day, "--lang", "en")
    assert (result.exit_code == 0) is ok, result.stderr
    if not ok:
        assert result.exit_code == 2
        assert "the date must lie between 1900-01-01 and 2199-12-31" in result.stderr
        assert "Traceback" not in result.stderr and "Internal" not in result.stderr
