"""The README stays true: its test line is CI's, and its command examples run.

Every `$ bti …` line of a ```console block is run in order, in one fresh cases folder, with the
README's example case id replaced by real cases made from examples/answers/. A line followed by
an output line starting with `bti:` is an error example and must fail cleanly.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE_CASE = re.compile(r"BTI-2026-7K3Q9")
FRESH_LEVEL3_CASE = "BTI-2026-…"  # the README's "the coordinator takes the baton" of a new case

# interactive without an answers file (they are tested on a terminal elsewhere), or not bti's
NEEDS_A_PERSON = re.compile(
    r"^bti (start|resume|cases evaluate|cases close)\b(?!.*--answers)|--install-completion|<Tab>"
)


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
            if line.startswith("$ bti"):
                following = lines[i + 1] if i + 1 < len(lines) else ""
                command = re.split(r"\s+#\s", line[2:])[0].strip()
                examples.append((command, not following.startswith("bti:")))
    return examples


def test_there_are_examples_for_every_command():
    commands = " ".join(c for c, _ in console_examples())
    for name in ("start", "resume", "suggest", "cases show", "cases verify", "cases list", "cases evaluate",
                 "cases handover", "cases accept", "cases close", "due", "measures list", "measures show",
                 "services list", "arenas list", "coordinators", "export", "stats", "scrub", "data validate",
                 "data schema", "data municipalities", "data process", "data areas", "config"):
        assert f"bti {name}" in commands or f"bti --lang en {name}" in commands, name


def test_readme_examples_run(cli, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "notat.txt").write_text(
        "Eleven Testa Testesen (f. 01.01.2015) ringte fra 400 00 000.\n\nMøte med PPT 3. mars.\n",
        encoding="utf-8",
    )
    case_ids = []
    for _ in range(2):
        made = cli("start", "--no-input", "--answers", "examples/answers/level3.toml")
        assert made.exit_code == 0, made.stderr
        listed = {row["case_id"] for row in json.loads(cli("cases", "list", "--format", "json").stdout)}
        case_ids.append((listed - set(case_ids)).pop())
    case_id, fresh_case_id = case_ids

    failures = []
    for command, succeeds in console_examples():
        if NEEDS_A_PERSON.search(command):
            continue
        line = EXAMPLE_CASE.sub(case_id, command).replace(FRESH_LEVEL3_CASE, fresh_case_id)
        redirect = None
        if " > " in line:
            line, _, redirect = line.partition(" > ")
        stdin = None
        if " < " in line:
            line, _, source = line.partition(" < ")
            stdin = Path(source.strip()).read_text(encoding="utf-8")
        result = cli(*shlex.split(line)[1:], input=stdin)
        if redirect:
            Path(redirect.strip()).write_text(result.stdout, encoding="utf-8")
        ok = result.exit_code == 0 if succeeds else result.exit_code not in (0,)
        if not ok or "Traceback" in result.stderr:
            failures.append((command, result.exit_code, result.stderr[-300:]))
    assert failures == []
