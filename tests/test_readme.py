"""The README stays true: its test line is CI's, and its command examples run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_quick_start_has_two_lines_and_ci_runs_the_second_verbatim():
    install_and_start, install_and_test = (block.strip() for block in sh_blocks()[:2])
    assert install_and_start.endswith("bti start")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()


def console_examples() -> list[tuple[str, bool]]:
    """(command line, expected to succeed) for every `$ bti …` line in ```console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ bti "):
                following = lines[i + 1] if i + 1 < len(lines) else ""
                command = line[2:].split("  #")[0].strip()
                examples.append((command, not following.startswith("bti:")))
    return examples


# examples that need a case id or a terminal are run by the walkthrough and case tests
NEEDS_CONTEXT = re.compile(r"BTI-\d{4}-|CASE|\bstart\b|\bresume\b|<|\.\.\.|…")


@pytest.mark.parametrize(("command", "succeeds"), console_examples(), ids=lambda v: str(v)[:60])
def test_readme_examples_run(cli, command, succeeds):
    if NEEDS_CONTEXT.search(command):
        pytest.skip("needs a case or a terminal")
    args = shlex.split(command)[1:]
    result = cli(*args)
    if succeeds:
        assert result.exit_code == 0, (command, result.stderr)
    else:
        assert result.exit_code != 0
        assert "Traceback" not in result.stderr
