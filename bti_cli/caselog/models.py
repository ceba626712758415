"""Strict pydantic models of the case file: its header, its events, and the summary replayed
from them (the row of the index and of `bti export`).

A case file has its own schema version, independent of the catalogue's.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bti_cli.catalogue.models import Level, NonEmpty, Slug, Strict

SCHEMA_VERSION = 1  # of case files


# --------------------------------------------------------------------------- case files
#
# A case file is a header plus an append-only list of events chained by SHA-256.
# No field can hold a name, identity number, birth date, address, phone or e-mail:
# ages are whole years, dates are process dates, people are roles, and every free
# text value has passed bti_cli.privacy.scrubber before it reaches an Event.

CASE_ID_PATTERN = r"^BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}$"  # Crockford base32, no I L O U
CaseId = Annotated[str, StringConstraints(pattern=CASE_ID_PATTERN)]
Scalar = str | int | bool
AnswerValue = Scalar | list[Scalar] | dict[str, Scalar | list[Scalar]]


class EventKind(str, Enum):
    answer = "answer"  # an answered question of a process step
    decision = "decision"  # a step's decision (to level:N, close, notify, continue)
    notify = "notify"  # barnevern (and/or police) informed
    handover = "handover"  # baton offered to a new role
    accept = "accept"  # the new role accepted the baton
    evaluation = "evaluation"  # an evaluation meeting recorded
    close = "close"  # closing note; the case is closed
    note = "note"  # a free, scrubbed note
    correction = "correction"  # a new value for the latest answer to `step`.`question` (the old one stays)
    withdraw = "withdraw"  # the latest answer to `step`.`question` no longer applies (its `when` changed)
    discard = "discard"  # the case was started by mistake: it leaves lists, due, export and stats
    consent = "consent"  # the consent extended (a service joins at a handover) or renewed: {given, by, services, until}


class CaseHeader(Strict):
    schema_version: Annotated[int, Field(ge=1, le=SCHEMA_VERSION)] = SCHEMA_VERSION
    case_id: CaseId
    municipality: Slug
    catalogue_version: NonEmpty
    process_version: NonEmpty
    created: str  # ISO 8601 UTC timestamp, e.g. 2026-11-23T14:05:00Z


class Event(Strict):
    seq: Annotated[int, Field(ge=0)]
    at: str  # ISO 8601 UTC timestamp
    level: Level
    step: NonEmpty  # process step id
    kind: EventKind
    question: str | None = None  # question id within the step, for kind=answer
    value: AnswerValue | None = None
    actor_role: str | None = None
    prev_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class CaseSummary(BaseModel):
    """The state of a case derived by replaying its events (never stored by itself).

    This is the row of the index and of `bti export`; its keys are a public contract.
    Dates are ISO strings (YYYY-MM-DD), timestamps ISO 8601 UTC.
    """

    model_config = ConfigDict(extra="forbid")

    case_id: str
    municipality: str
    created: str
    closed: str | None = None
    closing_reason: str | None = None  # the close step's option id (goal-reached, barnevern, moved …)
    status: str = "open"  # open | closed | discarded
    level: int = 0
    highest_level: int = 0
    arena: str | None = None
    actor_role: str | None = None
    subject: str | None = None  # pregnant | child | youth | family
    age: int | None = None
    concern_areas: list[str] = Field(default_factory=list)
    concern_scale: int | None = None
    concern_date: str | None = None
    decision: str | None = None  # close | level:1 | level:2 | level:3 | notify
    decision_date: str | None = None
    decision_deadline: str | None = None
    notified_barnevern: bool = False
    notified_date: str | None = None
    measures: list[dict[str, Any]] = Field(default_factory=list)  # {id, tiers, service}
    # who does what: {id, owner (a role or service id, or a role typed), date (start or deadline),
    # due (the date is still a deadline: no evaluation meeting since it was set, the case open)}
    measure_owners: list[dict[str, Any]] = Field(default_factory=list)
    services_involved: list[str] = Field(default_factory=list)
    baton_holder_role: str | None = None
    pending_baton_holder_role: str | None = None
    handovers_offered: int = 0  # times the baton was offered to a new role
    handovers_accepted: int = 0  # of those, taken over by the new role
    child_view_levels: list[int] = Field(default_factory=list)  # levels at which the child's view was recorded
    consent_services: list[str] = Field(default_factory=list)
    consent_until: str | None = None
    evaluations: int = 0
    evaluations_on_time: int = 0  # evaluation meetings held on or before the date set for them
    evaluations_late: int = 0  # held after that date
    next_evaluation: str | None = None
    pending_step: str | None = None  # where `bti resume` continues; None when nothing is pending
    notification_pending: bool = False  # at the safety gate: barnevern not yet informed (due at once)
    days_to_decision: int | None = None
    decided_within_deadline: bool | None = None
    process_version: str = ""
    catalogue_version: str = ""
