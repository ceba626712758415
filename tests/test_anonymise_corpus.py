"""The labelled corpus (tests/corpus): size, label sanity, and the quality targets of issue 3."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("scrub_quality", ROOT / "benchmarks" / "scrub_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["scrub_quality"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def notes(quality):
    return quality.load_corpus()


def test_corpus_is_large_and_bilingual(notes):
    assert len(notes) >= 200
    sources = {n.source for n in notes}
    assert {"notes_nb.txt", "notes_nn.txt", "domain.txt"} <= sources
    kinds = {k for n in notes for k, _, _ in n.spans}
    assert kinds == {"name", "national_id", "phone", "email", "address", "birth_date", "keep"}
    assert sum(1 for n in notes for k, _, _ in n.spans if k == "keep") >= 100


def test_identity_numbers_in_the_corpus_are_not_real(quality, notes):
    """Fixtures use synthetic numbers (month + 80) or numbers that fail the checksum. The held-out
    sets are checked too, without printing what they hold."""
    from stdnum.no import fodselsnummer

    for note in notes:
        for kind, start, end in note.spans:
            if kind == "national_id":
                digits = re.sub(r"\D", "", note.text[start:end])
                assert not fodselsnummer.is_valid(digits), note.text[start:end]
    for name in quality.HELD_OUT:
        real = sum(1 for note in quality.load_corpus(name) for kind, start, end in note.spans
                   if kind == "national_id" and fodselsnummer.is_valid(re.sub(r"\D", "", note.text[start:end])))
        assert real == 0, f"{name}: {real} identity numbers pass the checksum"


def test_quality_targets_are_met(quality, notes):
    stats = quality.evaluate(notes)
    for kind, target in quality.TARGETS.items():
        total, found = stats["total"][kind], stats["found"][kind]
        assert total > 0
        assert found / total >= target, (kind, found, total)
    assert stats["keep_hit"] == 0
    _, ok = quality.table(stats, markdown=False)
    assert ok
