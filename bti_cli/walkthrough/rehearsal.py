"""A case log that lives only in memory: an answers file is played through it first, so a value
the walkthrough refuses (a bad arena, a date in the wrong place, a measure the consent does not
cover, personal data the case writer refuses) fails before a case file is created.

The questions, validators and the writer's checks are the real ones (`Session` with this log,
`caselog.log`'s guard and event model); only the file is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bti_cli.walkthrough.prompts import ScriptedPrompter

if TYPE_CHECKING:
    from bti_cli.caselog.models import CaseHeader, Event
    from bti_cli.walkthrough.prompts import PromptSpec


class MemoryLog:
    """The part of `caselog.log.CaseLog` a walkthrough uses (header, events, append), in memory."""

    def __init__(self, header: CaseHeader, events: list[Event] | None = None) -> None:
        self.header = header
        self.events: list[Event] = list(events or [])

    @classmethod
    def new(cls, *, municipality: str, catalogue_version: str, process_version: str) -> MemoryLog:
        from bti_cli.caselog.log import new_case_id, timestamp
        from bti_cli.caselog.models import CaseHeader

        header = CaseHeader(case_id=new_case_id(), municipality=municipality, catalogue_version=catalogue_version,
                            process_version=process_version, created=timestamp())
        return cls(header)

    @property
    def case_id(self) -> str:
        return self.header.case_id

    def append(self, *, level: int, step: str, kind: str, question: str | None = None, value: Any = None,
               actor_role: str | None = None, **_: Any) -> Event:
        """What `CaseLog.append` checks (the kind, the numbers' range, the personal-data guard, the
        event model, a value the file can hold), by the same functions, without writing."""
        from bti_cli.caselog import log as caselog

        entry = caselog.prepare_entry({"level": level, "step": step, "kind": kind, "question": question,
                                       "value": value, "actor_role": actor_role})
        prev = self.events[-1].hash if self.events else caselog.header_hash(self.header)
        event, _table = caselog.chain_event(entry, seq=len(self.events), prev_hash=prev)
        self.events.append(event)
        return event


class Unanswered(Exception):  # noqa: N818 - a signal, not an error
    """The file stops before the walkthrough does: the real run saves the answers before it (a
    draft for `bti resume`, as documented in docs/file-formats.md), so the rehearsal ends here."""


class RehearsalPrompter(ScriptedPrompter):
    """The answers file's answers, silently; a required question the file leaves out ends the
    rehearsal (`Unanswered`) instead of failing it."""

    def __init__(self, answers: dict[str, Any], *, source: str) -> None:
        super().__init__(answers, source=source)

    def ask(self, spec: PromptSpec) -> Any:
        from bti_cli.errors import InputError

        table = self.answers.get(spec.step)
        present = isinstance(table, dict) and spec.question in table
        try:
            return super().ask(spec)
        except InputError:
            if not present:
                raise Unanswered from None
            raise
