#!/usr/bin/env python3
"""Screenshots for the README: run the real `bti` in a pseudo-terminal and save what a user
sees as SVG (rich's `Console.export_svg`).

    .venv/bin/python scripts/screenshots.py             # writes docs/img/walkthrough.svg, listing.svg
    .venv/bin/python scripts/screenshots.py --out /tmp  # somewhere else

Each screen is produced by `python -m bti_cli …` on a pty of a fixed size with colour on, so
prompts, wrapping and colours are the program's own; the escape codes it prints are turned back
into styled text and exported. The walkthrough (80 columns) runs with a throwaway cases folder
and a config file that holds the employee's arena and role, answers the first questions the way
a person would, types the child's age and stops there (Ctrl-C), so nothing is kept. The listing
(100 columns) is the first rows of `bti measures list --group-by tier` for the shipped Løten
catalogue. Needs pexpect (a test dependency). `--lang nn|en` for the other languages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 80  # the walkthrough: a terminal's default size
LISTING_WIDTH = 100  # a listing reads best in a wider window


def environment(home: Path, lang: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("BTI_")}
    env = {k: v for k, v in keep.items() if k not in ("NO_COLOR", "COLUMNS", "LINES", "TERM")}
    env.update({
        "TERM": "xterm-256color",
        "BTI_LANG": lang,
        "BTI_CASES_DIR": str(home / "cases"),
        "BTI_CONFIG": str(home / "config.toml"),
        "BTI_CACHE_DIR": str(home / "cache"),
        "PYTHONPATH": str(ROOT),
    })
    return env


def _last_subject(lang: str) -> str:
    """The label of the last option of "who is the concern about?" in `lang` (the lists show
    names, not ids)."""
    sys.path.insert(0, str(ROOT))
    from bti_cli.i18n import pick
    from bti_cli.walkthrough.process import default_process

    question = next(q for step in default_process().steps for q in step.questions if q.id == "subject")
    return pick(question.options[-1].label, lang)


def spawn(args: list[str], env: dict[str, str], rows: int = 60, width: int = WIDTH):
    """`python -m bti_cli ARGS` on a pty; everything it prints is kept in `child.logfile_read`."""
    import io

    import pexpect

    child = pexpect.spawn(sys.executable, ["-m", "bti_cli", *args], env=env, cwd=str(ROOT), encoding="utf-8",
                          dimensions=(rows, width), timeout=60)
    child.logfile_read = io.StringIO()
    return child


def screen_text(raw: str, last: int | None = None, first: int | None = None) -> str:
    """The output as lines of a screen: CR-LF folded, trailing blank lines dropped; the first
    or the last lines only when asked."""
    lines = raw.replace("\r\n", "\n").replace("\r", "").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if first is not None and len(lines) > first:
        lines = lines[:first] + ["…"]
    if last is not None:
        lines = lines[-last:]
    return "\n".join(lines)


# a person's first answers to `bti start` (options by number, so any language works); the
# arena and the role come from the config file (`bti config set arena school`), not asked
SETTINGS = 'arena = "school"\nrole = "kontaktlærer"\n'
ANSWERS = [
    "",  # the concern date: Enter takes today
    "2",  # who the concern is about: a child
]
TYPING = "9"  # the age, typed but not yet sent: the walkthrough in progress


def walkthrough(env: dict[str, str]) -> str:
    """`bti start` from the beginning until the age question, with the answer being typed."""
    import pexpect

    child = spawn(["start"], env)
    # each answer waits for its own prompt (the settings' lines "… > School" are not prompts)
    child.expect_exact("] > ")  # the concern date: "[… default: …] > "
    child.sendline(ANSWERS[0])
    child.expect_exact(_last_subject(env["BTI_LANG"]))  # the last option of "who is the concern about?"
    child.expect_exact("> ")
    child.sendline(ANSWERS[1])
    child.expect_exact("] > ")  # the age: "[0–23] > "
    child.send(TYPING)
    child.expect_exact(TYPING)
    screen = child.logfile_read.getvalue()
    child.sendintr()  # leave: the draft stays in the throwaway folder
    child.expect(pexpect.EOF)
    child.close()
    return screen


def listing(env: dict[str, str]) -> str:
    import pexpect

    child = spawn(["measures", "list", "--group-by", "tier"], env, width=LISTING_WIDTH)
    child.expect(pexpect.EOF)
    child.close()
    return child.logfile_read.getvalue()


def export(text: str, title: str, path: Path, width: int = WIDTH) -> None:
    from rich.console import Console
    from rich.text import Text

    with open(os.devnull, "w", encoding="utf-8") as sink:
        console = Console(record=True, width=width, force_terminal=True, color_system="truecolor", file=sink)
        console.print(Text.from_ansi(text), soft_wrap=True)
    path.write_text(console.export_svg(title=title), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the SVG files")
    parser.add_argument("--lang", default="nb", choices=("nb", "nn", "en"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bti-screens-") as home:
        home_path = Path(home)
        (home_path / "cases").mkdir(mode=0o700)  # not a first run: no welcome notice on the screen
        (home_path / "config.toml").write_text(SETTINGS, encoding="utf-8")
        env = environment(home_path, args.lang)
        export(screen_text(walkthrough(env)), "bti start", args.out / "walkthrough.svg")
        export(screen_text(listing(env), first=22), "bti measures list --group-by tier", args.out / "listing.svg",
               width=LISTING_WIDTH)
    for name in ("walkthrough.svg", "listing.svg"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
