"""The one atomic-write helper (bti_cli.fileio): temp file beside a regular target only, fsync,
nothing left behind on error, modes whatever the umask, capped reads."""

from __future__ import annotations

import os
import stat

import pytest

from bti_cli import fileio


@pytest.fixture
def folder(tmp_path_factory):  # a folder of its own (the autouse fixture puts a cache in folder)
    return tmp_path_factory.mktemp("io")


def test_atomic_write_replaces_and_leaves_no_temp(folder):
    target = folder / "a.txt"
    target.write_text("old")
    fileio.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["a.txt"]


def test_atomic_write_failure_keeps_the_old_file_and_removes_the_temp(folder, monkeypatch):
    target = folder / "a.txt"
    target.write_text("old")

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "write", full)
    with pytest.raises(OSError, match="No space"):
        fileio.atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["a.txt"]


@pytest.mark.parametrize("kind", ["folder", "symlink", "fifo"])
def test_atomic_write_refuses_a_target_that_is_not_a_regular_file(folder, kind):
    target = folder / "t"
    other = folder / "other"
    other.write_text("keep")
    if kind == "folder":
        target.mkdir()
    elif kind == "symlink":
        target.symlink_to(other)
    else:
        os.mkfifo(target)
    with pytest.raises(fileio.NotRegularFile):
        fileio.atomic_write(target, b"x")
    assert other.read_text() == "keep"
    assert sorted(p.name for p in folder.iterdir()) == ["other", "t"]


def test_exclusive_write_does_not_replace(folder):
    target = folder / "a"
    assert fileio.atomic_write(target, b"1", exclusive=True)
    assert not fileio.atomic_write(target, b"2", exclusive=True)
    assert target.read_bytes() == b"1"
    assert [p.name for p in folder.iterdir()] == ["a"]


def test_ensure_dir_makes_every_new_parent_0700_under_umask_000(folder):
    old = os.umask(0)
    try:
        fileio.ensure_dir(folder / "a" / "b" / "c")
    finally:
        os.umask(old)
    for made in (folder / "a", folder / "a" / "b", folder / "a" / "b" / "c"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700


def test_read_capped_stops_at_the_limit():
    with open("/dev/zero", "rb") as zero, pytest.raises(fileio.TooLarge):
        fileio.read_capped(zero, 1000)


def test_read_capped_reads_up_to_the_limit(folder):
    path = folder / "f"
    path.write_bytes(b"x" * 1000)
    assert fileio.read_capped(path, 1000) == b"x" * 1000
    with pytest.raises(fileio.TooLarge):
        fileio.read_capped(path, 999)


def test_stale_temps_of_dead_writers_are_removed(folder):
    dead = folder / ".BTI-2026-AAAAA.toml.999999999.abcd1234.tmp"  # no such pid
    mine = folder / f".BTI-2026-BBBBB.toml.{os.getpid()}.abcd1234.tmp"
    dead.write_text("x")
    mine.write_text("x")
    assert fileio.remove_stale_temps(folder, ".BTI-") == 1
    assert not dead.exists() and mine.exists()
