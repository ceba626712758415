"""The README and the docs stay true: the README's test line is CI's, and their command examples run.

Every `$ bti …` line of a ```console block is run in order, in one fresh cases folder per file
(README.md and each docs/*.md), with the example case id replaced by real cases made from
examples/answers/. A line followed by an output line starting with `bti:` is an error example and
must fail cleanly. The README is a front door: at most 400 lines, linking every docs page; every
relative link in the README and the docs resolves.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_PATH = ROOT / "README.md"
README = README_PATH.read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))
DOCUMENTS = [README_PATH, *DOCS]
EXAMPLE_CASE = re.compile(r"BTI-2026-7K3Q9")
FRESH_LEVEL3_CASE = "BTI-2026-…"  # "the coordinator takes the baton" of a new case
DISCARDED_CASE = "BTI-2026-9DSCR"  # a case of its own to discard (the first one goes on in later examples)
README_MAX_LINES = 400

# interactive without an answers file (they are tested on a terminal elsewhere), or not bti's
NEEDS_A_PERSON = re.compile(
    r"^bti (start|resume|cases evaluate|cases close)\b(?!.*--answers)|--install-completion|<Tab>"
)
# the commands people use daily: the README itself shows each of them
DAILY = ("start", "resume", "cases list", "cases show", "cases evaluate", "cases handover", "cases accept",
         "cases close", "due", "measures list", "measures show", "arenas list", "services list",
         "coordinators", "suggest", "export", "stats", "scrub", "data validate", "data process", "config")
EVERY = (*DAILY, "cases verify", "data schema", "data municipalities", "data areas", "report")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def test_quick_start_has_two_lines_and_ci_runs_the_second_verbatim():
    install_and_start, install_and_test = (block.strip() for block in sh_blocks()[:2])
    assert install_and_start.endswith("bti start")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci.splitlines()


def console_examples(text: str) -> list[tuple[str, bool]]:
    """(command line, expected to succeed) for every `$ bti …` line in ```console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("$ bti"):
                following = lines[i + 1] if i + 1 < len(lines) else ""
                command = re.split(r"\s+#\s", line[2:])[0].strip()
                examples.append((command, not following.startswith("bti:")))
    return examples


def shown(commands: str, name: str) -> bool:
    return f"bti {name}" in commands or f"bti --lang en {name}" in commands


def test_the_readme_shows_every_daily_command():
    commands = " ".join(c for c, _ in console_examples(README))
    assert [name for name in DAILY if not shown(commands, name)] == []


def test_there_are_examples_for_every_command():
    commands = " ".join(c for doc in DOCUMENTS for c, _ in console_examples(doc.read_text(encoding="utf-8")))
    assert [name for name in EVERY if not shown(commands, name)] == []


def test_readme_is_a_front_door_of_at_most_400_lines():
    assert len(README.splitlines()) <= README_MAX_LINES


def links(text: str) -> list[str]:
    """Targets of Markdown links and images, outside fenced code."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.findall(r"\]\(([^)\s]+)\)", prose)


def anchors(text: str) -> set[str]:
    """GitHub's anchors of a Markdown file's headings."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    found = set()
    for heading in re.findall(r"^#{1,6} (.+)$", prose, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        found.add(slug)
    return found


def test_the_readme_links_every_docs_page():
    linked = {(ROOT / unquote(target.split("#")[0])).resolve() for target in links(README)}
    assert [relative(doc) for doc in DOCS if doc.resolve() not in linked] == []


@pytest.mark.parametrize("doc", DOCUMENTS, ids=relative)
def test_every_relative_link_resolves(doc):
    text = doc.read_text(encoding="utf-8")
    broken = []
    for target in links(text):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        file = (doc.parent / unquote(path)).resolve() if path else doc
        missing_anchor = file.exists() and file.suffix == ".md" and bool(anchor) and (
            anchor not in anchors(file.read_text(encoding="utf-8")))
        if not file.exists() or missing_anchor:
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("doc", DOCUMENTS, ids=relative)
def test_console_examples_run(doc, cli, tmp_path, monkeypatch):
    import json

    examples = console_examples(doc.read_text(encoding="utf-8"))
    if not examples:
        pytest.skip(f"{relative(doc)} has no console examples")
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "notat.txt").write_text(
        "Eleven Testa Testesen (f. 01.01.2015) ringte fra 400 00 000.\n\nMøte med PPT 3. mars.\n",
        encoding="utf-8",
    )
    case_ids: list[str] = []
    for _ in range(3):
        made = cli("start", "--no-input", "--answers", "examples/answers/level3.toml")
        assert made.exit_code == 0, made.stderr
        listed = {row["case_id"] for row in json.loads(cli("cases", "list", "--format", "json").stdout)}
        case_ids.append((listed - set(case_ids)).pop())
    case_id, fresh_case_id, discarded_case_id = case_ids

    failures = []
    for command, succeeds in examples:
        if NEEDS_A_PERSON.search(command):
            continue
        line = (EXAMPLE_CASE.sub(case_id, command).replace(FRESH_LEVEL3_CASE, fresh_case_id)
                .replace(DISCARDED_CASE, discarded_case_id))
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


SEARCH = re.compile(r"^bti(?: --lang \w+)? measures list\b.*(?:--search|-q)\b")


def test_the_docs_search_examples_find_measures(cli):
    """A `--search` example that finds nothing teaches nothing: each one in the README and the docs
    lists at least one measure of the catalogue it names (the default one when it names none)."""
    import json

    examples = [command for doc in DOCUMENTS for command, succeeds in console_examples(doc.read_text(encoding="utf-8"))
                if succeeds and SEARCH.search(command)]
    assert examples
    empty = []
    for command in examples:
        words = shlex.split(command)[1:]
        for option in ("--format", "-f"):
            if option in words:  # the example's own format is replaced by json, to count what it finds
                at = words.index(option)
                del words[at:at + 2]
        result = cli(*words, "--format", "json")
        if result.exit_code != 0 or not json.loads(result.stdout):
            empty.append(command)
    assert empty == []
