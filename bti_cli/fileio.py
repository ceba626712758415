"""Durable file writes and capped reads: the one atomic-write helper every writer uses.

`atomic_write(path, data)` puts the bytes in a temp file beside the target (same folder, so the
final step is a rename on one file system), fsyncs it, renames it over the target and fsyncs the
folder; on any error the temp file is removed and the target is left as it was. The target must
be a regular file or not exist: a folder, a device, a pipe or a symlink is refused
(`NotRegularFile`), so a write can never replace `/dev/null` with a file or follow a link out
of its folder. `atomic_writer` does the same for text written in pieces (exports).

`read_capped` reads a file or stream but stops at a limit (`TooLarge`), so `/dev/zero` or a
huge file is an error message, never a MemoryError.

Core module: standard library only, never prints; errors are OSError subclasses for the
caller to word.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 24 * 3600  # a temp file this old is an orphan even if its pid lives on


class NotRegularFile(OSError):
    """The target exists and is not a regular file (a folder, device, pipe, socket or link)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(path))


class TooLarge(OSError):
    """More than the allowed number of bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__(errno.EFBIG, "too large")
        self.limit = limit


def temp_path(path: Path) -> Path:
    """`.<name>.<pid>.<random>.tmp` beside `path`: hidden, and its writer's pid is in the name."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def check_target(path: Path) -> bool:
    """True when `path` is an existing regular file, False when it does not exist; raises
    NotRegularFile for anything else (symlinks included: they are never followed)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path)
    return True


def fsync_dir(folder: Path | str) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _open_temp(path: Path, mode: int) -> tuple[Path, int]:
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        os.fchmod(fd, mode)  # whatever the umask
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp, fd


def write_temp(path: Path, data: bytes, mode: int = FILE_MODE) -> Path:
    """A durable temp file beside `path` holding `data` (removed again on any error)."""
    tmp, fd = _open_temp(path, mode)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def atomic_write(path: Path | str, data: bytes, *, mode: int = FILE_MODE, exclusive: bool = False) -> bool:
    """Replace (or create) `path` with `data` durably; all of it or nothing.

    With `exclusive=True` the file must not exist yet (claimed with a hard link); returns False
    when it does. Raises NotRegularFile when the target is not a regular file."""
    path = Path(path)
    check_target(path)
    tmp = write_temp(path, data, mode)
    try:
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                return False
        else:
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # after os.replace it is gone already
    fsync_dir(path.parent)
    return True


@contextlib.contextmanager
def atomic_writer(path: Path | str, *, mode: int = FILE_MODE, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text handle whose content replaces `path` only once it is completely written."""
    path = Path(path)
    check_target(path)
    tmp, fd = _open_temp(path, mode)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        check_target(path)  # still nothing but a regular file (or nothing) there
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def ensure_dir(folder: Path | str, mode: int = DIR_MODE, *, tighten_existing: bool = True) -> Path:
    """Create `folder` (and missing parents) with `mode` whatever the umask; tighten the folder
    itself when it is looser, unless `tighten_existing` is False and it was there already (a
    folder of the user's that bti only writes a file into: the config file's). Raises
    NotADirectoryError when it is something else."""
    folder = Path(folder)
    missing = []
    current = folder
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, mode)
        tighten(part, mode)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))
    if tighten_existing or missing:
        tighten(folder, mode)
    return folder


def tighten(path: Path | str, mode: int) -> None:
    """Drop permission bits beyond `mode` (never follows a symlink; a path that is not ours is
    left as its owner set it)."""
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode) or st.st_uid != os.geteuid():
            return
        current = stat.S_IMODE(st.st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError:
        pass


def remove_stale_temps(folder: Path | str, prefix: str = ".") -> int:
    """Remove temp files (`.<name>.<pid>.<random>.tmp`) whose writer is gone: its pid no longer
    runs, or the file is older than a day. Returns how many were removed."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.startswith(".") and name.endswith(TEMP_SUFFIX)):
                continue
            parts = name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
            if len(parts) != 3 or not parts[1].isdigit():
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            if _alive(int(parts[1])) and now - st.st_mtime < STALE_TEMP_SECONDS:
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def read_capped(source: Path | str | BinaryIO, limit: int) -> bytes:
    """The bytes of a file (or binary stream), refusing with TooLarge past `limit` bytes; reads
    at most `limit + 1` bytes, so an endless source is no problem."""
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            return read_capped(handle, limit)
    chunks = []
    size = 0
    while size <= limit:
        chunk = source.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise TooLarge(limit)
    return b"".join(chunks)


__all__ = [
    "DIR_MODE", "FILE_MODE", "NotRegularFile", "TooLarge", "atomic_write", "atomic_writer",
    "check_target", "ensure_dir", "fsync_dir", "nested_deeper_than", "read_capped", "read_text_capped",
    "remove_stale_temps", "temp_path",
    "tighten", "write_temp",
]


def nested_deeper_than(value: object, limit: int) -> bool:
    """True when lists/dicts in `value` nest more than `limit` levels (checked without recursion,
    so a hostile file cannot exhaust the stack here)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= limit and children:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def read_text_capped(path: Path | str, limit: int) -> str:
    """A UTF-8 file's text (a BOM dropped), at most `limit` bytes (TooLarge past it); raises
    UnicodeDecodeError, FileNotFoundError, IsADirectoryError like Path.read_text."""
    data = read_capped(path, limit)
    text = data.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text
