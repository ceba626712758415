"""Strict pydantic models for every file format bti reads or writes.

Every model forbids unknown keys, so a typo in a municipality file is an error with a
line number rather than a silently ignored setting.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Age = Annotated[int, Field(ge=0, le=23)]
Level = Annotated[int, Field(ge=0, le=3)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Tier(str, Enum):
    universal = "universal"
    selective = "selective"
    indicated = "indicated"


class Status(str, Enum):
    active = "active"
    planned = "planned"
    developing = "developing"
    partial = "partial"


class Audience(str, Enum):
    child = "child"
    youth = "youth"
    guardians = "guardians"
    pregnant = "pregnant"
    staff = "staff"
    family = "family"


class ServiceKind(str, Enum):
    kindergarten = "kindergarten"
    school = "school"
    health = "health"
    child_welfare = "child-welfare"
    educational_psychology = "educational-psychology"
    mental_health = "mental-health"
    nav = "nav"
    culture_leisure = "culture-leisure"
    police = "police"
    administration = "administration"
    other = "other"


class WorkArena(str, Enum):
    """Where the employee meets the child; decides the usual baton holder."""

    kindergarten = "kindergarten"
    school = "school"
    health_station = "health-station"
    school_health = "school-health"
    nav = "nav"
    leisure = "leisure"
    child_welfare = "child-welfare"
    ppt = "ppt"
    mental_health = "mental-health"
    other = "other"


class Source(Strict):
    file: NonEmpty
    section: NonEmpty


class SourceDocument(Strict):
    file: NonEmpty
    title: NonEmpty


class MunicipalityMeta(Strict):
    slug: Slug
    name: NonEmpty
    number: Annotated[str, StringConstraints(pattern=r"^\d{4}$")]
    county: NonEmpty | None = None
    version: NonEmpty
    sources: list[SourceDocument] = Field(min_length=1)


class Settings(Strict):
    consent_age_log: Annotated[int, Field(ge=12, le=18)] = 15
    consent_age_health: Annotated[int, Field(ge=12, le=18)] = 16
    decision_deadline_days: Annotated[int, Field(ge=1, le=90)] = 14
    evaluation_interval_days: Annotated[int, Field(ge=1, le=365)] = 42
    guardian_talk_deadline_days: Annotated[int, Field(ge=1, le=90)] | None = None


class Service(Strict):
    id: Slug
    name: NonEmpty
    area: NonEmpty
    kind: ServiceKind
    description: str = ""
    source: Source


class Measure(Strict):
    id: Slug
    name: NonEmpty
    description: NonEmpty
    tiers: list[Tier] = Field(min_length=1)
    service: Slug
    target_group: str = ""
    age_min: Age | None = None
    age_max: Age | None = None
    age_note: str | None = None
    audience: list[Audience] = Field(min_length=1)
    areas: list[Slug] = Field(min_length=1)
    status: Status
    source: Source

    @model_validator(mode="after")
    def _ages_in_order(self) -> Measure:
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            from bti_cli.i18n import t

            raise ValueError(t("catalogue.v_age_range", age_min=self.age_min, age_max=self.age_max))
        return self


class Arena(Strict):
    """A collaboration arena (drøftingsteam, BUT, ansvarsgruppe …) where a case is discussed."""

    id: Slug
    name: NonEmpty
    description: str = ""
    participants: list[NonEmpty] = Field(min_length=1)
    services: list[Slug] = Field(default_factory=list)
    frequency: str = ""
    levels: list[Level] = Field(min_length=1)
    anonymous: bool
    age_min: Age | None = None
    age_max: Age | None = None
    areas: list[Slug] = Field(default_factory=list)
    source: Source


class Coordinator(Strict):
    """A baton-holder role (never a person) for some levels and work arenas."""

    id: Slug
    role: NonEmpty
    levels: list[Annotated[int, Field(ge=1, le=3)]] = Field(min_length=1)
    arenas: list[WorkArena] = Field(default_factory=list, description="empty: any arena")
    service: Slug | None = None
    description: str = ""
    legal_basis: str | None = None
    conditions: str | None = None
    source: Source


class Catalogue(Strict):
    schema_version: Annotated[int, Field(ge=1, le=SCHEMA_VERSION)] = SCHEMA_VERSION
    municipality: MunicipalityMeta
    settings: Settings = Settings()
    services: list[Service] = Field(min_length=1)
    measures: list[Measure] = Field(default_factory=list)
    arenas: list[Arena] = Field(default_factory=list)
    coordinators: list[Coordinator] = Field(default_factory=list)
    # [[process.steps]]: the municipality's changes to the walkthrough (validated by bti_cli.walkthrough.process)
    process: dict[str, Any] | None = None


class Labels(Strict):
    nb: NonEmpty
    nn: NonEmpty
    en: NonEmpty


class Vocabulary(Strict):
    """data/areas.toml: concern areas and work arenas with labels in nb, nn, en."""

    schema_version: int = SCHEMA_VERSION
    areas: dict[Slug, Labels]
    work_arenas: dict[Slug, Labels]


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
    status: str = "open"  # open | closed
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
    services_involved: list[str] = Field(default_factory=list)
    baton_holder_role: str | None = None
    pending_baton_holder_role: str | None = None
    consent_services: list[str] = Field(default_factory=list)
    consent_until: str | None = None
    evaluations: int = 0
    next_evaluation: str | None = None
    pending_step: str | None = None  # where `bti resume` continues; None when nothing is pending
    days_to_decision: int | None = None
    decided_within_deadline: bool | None = None
    process_version: str = ""
    catalogue_version: str = ""
