"""Quality of the scrubber over the labelled corpus in tests/corpus/.

For each kind of personal data: recall (share of labelled spans fully replaced). For domain
words ({keep:…}): how many were wrongly replaced. Also the replacements that hit no labelled
span (false positives) and the precision they give. Prints a table; exits 1 when a target is
missed: every identity number, phone, e-mail and birth date; ≥ 98 % of names and addresses;
no domain word replaced; at most one false positive per 70 notes.

The corpus is split into sets, one per file (``--set notes_blindspots``); the default set,
``tuned``, is every file except the held-out ones. ``heldout_blind.txt``,
``heldout_blind4.txt``, ``heldout_blind24.txt`` and ``heldout_blind29.txt`` were written by people who
never saw the scrubber (the last two on 2026-12-04, an ordinary week's and an ordinary month's notes,
after rounds 32 and 34): they are measured only
on request (``--set heldout_blind``), never printed note by note, and no tuning reads them (one
test reads their identity numbers only to check that none is a real person's). ``notes_blind2.txt`` was also written
without a view of the code, as a tuning set; it joined ``tuned`` (and the corpus test's targets)
once the scrubber met them on it (a new such set waits in ``NOT_YET_TUNED`` until then).

    python benchmarks/scrub_quality.py [--set tuned|heldout_blind|FILE-STEM] [--verbose] [--markdown]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT / "tests" / "corpus"
KINDS = ("national_id", "phone", "email", "birth_date", "address", "name")
TARGETS = {"national_id": 1.0, "phone": 1.0, "email": 1.0, "birth_date": 1.0, "address": 0.98, "name": 0.98}
HELD_OUT = ("heldout_blind", "heldout_blind4", "heldout_blind24", "heldout_blind29")
# tuning sets measured on their own until their targets are met
NOT_YET_TUNED: tuple[str, ...] = (
    "notes_blind14", "notes_blind15", "notes_blind17", "notes_blind20", "notes_blind22", "notes_blind23",
    "notes_blind26", "notes_blind28", "notes_blind31", "notes_blind35", "notes_blind36",
    "notes_blind37",
)
FP_PER_70_TARGET = 1.0
LABEL = re.compile(r"\{(name|national_id|phone|email|address|birth_date|keep):([^{}]*)\}")


@dataclass
class Note:
    source: str
    number: int
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    municipality: str = "loten"


def parse(path: Path) -> list[Note]:
    """Notes of one corpus file: labels removed from the text, kept as (kind, start, end)."""
    notes: list[Note] = []
    for raw in re.split(r"(?m)^---[ \t]*\n", path.read_text(encoding="utf-8")):
        municipality = "loten"
        lines = []
        for line in raw.splitlines(keepends=True):
            if line.startswith("#!"):
                m = re.search(r"municipality=([a-z-]+)", line)
                municipality = m.group(1) if m else municipality
            elif not line.startswith("#"):
                lines.append(line)
        marked = "".join(lines)
        if not marked.strip():
            continue
        text, spans, pos = [], [], 0
        length = 0
        for m in LABEL.finditer(marked):
            before = marked[pos : m.start()]
            text.append(before)
            length += len(before)
            value = m.group(2)
            spans.append((m.group(1), length, length + len(value)))
            text.append(value)
            length += len(value)
            pos = m.end()
        text.append(marked[pos:])
        plain = "".join(text)
        if "{" in plain or "}" in plain:
            raise SystemExit(f"{path.name}: unbalanced label near: {plain[:60]!r}")
        notes.append(Note(path.name, len(notes) + 1, plain, spans, municipality))
    return notes


def corpus_sets() -> list[str]:
    """Names of the sets: ``tuned`` (every file but the held-out ones) and one per file."""
    return ["tuned", *sorted(p.stem for p in CORPUS.glob("*.txt"))]


def load_corpus(name: str = "tuned") -> list[Note]:
    """Notes of one set; ``tuned`` leaves the held-out files out."""
    if name == "tuned":
        paths = [p for p in sorted(CORPUS.glob("*.txt")) if p.stem not in HELD_OUT + NOT_YET_TUNED]
    else:
        paths = [CORPUS / f"{name}.txt"]
        if not paths[0].is_file():
            raise SystemExit(f"no corpus set {name!r}; sets: {', '.join(corpus_sets())}")
    notes: list[Note] = []
    for path in paths:
        notes.extend(parse(path))
    return notes


def covered(start: int, end: int, text: str, replaced: list[tuple[int, int]]) -> bool:
    for i in range(start, end):
        if text[i].isspace() or text[i] in ",.()":
            continue
        if not any(s <= i < e for s, e in replaced):
            return False
    return True


def evaluate(notes: list[Note], verbose: bool = False) -> dict:
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.privacy.scrubber import domain_vocabulary, scrub

    vocabularies: dict[str, frozenset[str]] = {}
    total = dict.fromkeys(KINDS, 0)
    found = dict.fromkeys(KINDS, 0)
    keep_total = keep_hit = 0
    false_positives: dict[str, int] = {}
    replaced_count: dict[str, int] = {}
    misses: list[str] = []
    for note in notes:
        if note.municipality not in vocabularies:
            vocabularies[note.municipality] = domain_vocabulary(catalogue.load(note.municipality).catalogue)
        result = scrub(note.text, vocabulary=vocabularies[note.municipality], lang="nb")
        replaced = [(r.start, r.end) for r in result.replacements]
        for kind, start, end in note.spans:
            if kind == "keep":
                keep_total += 1
                if any(s < end and start < e for s, e in replaced):
                    keep_hit += 1
                    misses.append(f"{note.source}#{note.number} domain word replaced: {note.text[start:end]!r}")
                continue
            total[kind] += 1
            if covered(start, end, note.text, replaced):
                found[kind] += 1
            else:
                misses.append(f"{note.source}#{note.number} missed {kind}: {note.text[start:end]!r}")
        gold = [(s, e) for k, s, e in note.spans if k != "keep"]
        for r in result.replacements:
            replaced_count[r.kind] = replaced_count.get(r.kind, 0) + 1
            if not any(s < r.end and r.start < e for s, e in gold):
                false_positives[r.kind] = false_positives.get(r.kind, 0) + 1
                misses.append(f"{note.source}#{note.number} false positive {r.kind}: {r.original!r} ({r.reason})")
    if verbose:
        print("\n".join(misses))
        print()
    return {
        "notes": len(notes),
        "total": total,
        "found": found,
        "keep_total": keep_total,
        "keep_hit": keep_hit,
        "false_positives": false_positives,
        "replaced": replaced_count,
    }


def table(stats: dict, markdown: bool) -> tuple[str, bool]:
    rows = []
    ok = True
    for kind in KINDS:
        n, f = stats["total"][kind], stats["found"][kind]
        recall = f / n if n else 1.0
        fp = stats["false_positives"].get(kind, 0)
        made = stats["replaced"].get(kind, 0)
        precision = (made - fp) / made if made else 1.0
        met = recall >= TARGETS[kind]
        ok &= met
        rows.append(
            (
                kind,
                str(n),
                str(f),
                f"{recall:.1%}",
                f"≥ {TARGETS[kind]:.0%}",
                "yes" if met else "NO",
                str(fp),
                f"{precision:.1%}",
            )
        )
    keep_ok = stats["keep_hit"] == 0
    ok &= keep_ok
    fp_total = sum(stats["false_positives"].values())
    fp_per_70 = fp_total * 70 / stats["notes"] if stats["notes"] else 0.0
    fp_ok = fp_per_70 <= FP_PER_70_TARGET
    ok &= fp_ok
    head = ("kind", "labelled", "replaced", "recall", "target", "met", "false pos.", "precision")
    lines = []
    if markdown:
        lines.append("| " + " | ".join(head) + " |")
        lines.append("|" + "---|" * len(head))
        lines += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
        lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append("")
    lines.append(
        f"domain words wrongly replaced: {stats['keep_hit']} of {stats['keep_total']} "
        f"({'target met' if keep_ok else 'TARGET MISSED'}); notes: {stats['notes']}"
    )
    lines.append(
        f"false positives: {fp_total} ({fp_per_70:.2f} per 70 notes, target ≤ {FP_PER_70_TARGET:g}: "
        f"{'met' if fp_ok else 'MISSED'})"
    )
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false positive")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--set", default="tuned", help="corpus set: tuned (default), or a file stem")
    args = parser.parse_args(argv)
    if args.set in HELD_OUT and args.verbose:
        raise SystemExit(f"{args.set} is held out: its misses are never listed")
    stats = evaluate(load_corpus(args.set), verbose=args.verbose)
    print(f"set: {args.set}")
    text, ok = table(stats, args.markdown)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
