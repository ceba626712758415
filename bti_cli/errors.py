"""Exit codes and the exceptions that carry them.

Core modules raise these; the CLI turns them into one or two plain lines on stderr and
the matching exit code, never a traceback (unless BTI_DEBUG=1).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT = 1  # the user's input cannot be used
    USAGE = 2
    DATA = 3  # a data or process file is invalid
    NOT_FOUND = 4  # case not found
    VERIFY = 5  # a case file failed verification
    INTERRUPTED = 130


class BtiError(Exception):
    """Base class: a message for the user, an optional hint, and the exit code."""

    exit_code: ExitCode = ExitCode.INPUT

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(BtiError):
    exit_code = ExitCode.INPUT


class UsageError(BtiError):
    exit_code = ExitCode.USAGE


class DataError(BtiError):
    """An invalid data/process file; `problems` holds one `file:line field: message` each."""

    exit_code = ExitCode.DATA

    def __init__(self, message: str, problems: list[str] | None = None, hint: str | None = None):
        super().__init__(message, hint)
        self.problems = problems or []


class CaseNotFound(BtiError):
    exit_code = ExitCode.NOT_FOUND


class VerificationError(BtiError):
    exit_code = ExitCode.VERIFY


class Interrupted(BtiError):
    exit_code = ExitCode.INTERRUPTED
