"""Strict pydantic models for every file format bti reads or writes.

Every model forbids unknown keys, so a typo in a municipality file is an error with a
line number rather than a silently ignored setting.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_VERSION = 1
# the municipality file's edition: 2 adds provenance, arena kinds, purposes, plan metadata;
# a file with schema_version = 1 (or none) still loads, with the second edition's defaults
CATALOGUE_SCHEMA_VERSION = 2

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
MAX_AGE = 25
Age = Annotated[int, Field(ge=0, le=MAX_AGE)]
Year = Annotated[int, Field(ge=1900, le=2100)]
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
    """Whom a measure serves: the woman before birth, infants (0–1), children, young people,
    the guardians/parents, the whole family, staff."""

    child = "child"
    youth = "youth"
    guardians = "guardians"
    pregnant = "pregnant"
    staff = "staff"
    family = "family"
    infant = "infant"


class Purpose(str, Enum):
    """direct help for a child or family; staff competence (courses, training); system work
    (tools, models, routines, planning). Only direct measures are suggested."""

    direct = "direct"
    competence = "competence"
    system = "system"


class Basis(str, Enum):
    """Where a value or rule comes from: the municipality's plan, the national BTI model and
    guidance, or the law."""

    plan = "plan"
    bti = "bti"
    law = "law"


class ArenaKind(str, Enum):
    """case: a table where a child's or family's case is discussed; system: leadership,
    coordination, planning and network meetings (never offered for a case)."""

    case = "case"
    system = "system"


class ContactKind(str, Enum):
    barnevern = "barnevern"
    barnevernvakt = "barnevernvakt"
    police = "police"
    emergency = "emergency"
    helpline = "helpline"
    municipality = "municipality"


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


class StandsFor(str, Enum):
    """A service entry that is no service: the plan names "all municipal services", "several"
    or no service at all as responsible. It is never a consent recipient (no family consents to
    "all services"); a measure of it joins with the services that take part."""

    all = "all"
    several = "several"
    unstated = "unstated"


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
    """Provenance. basis "plan" (the default) names the plan's file and section; "bti" (the
    national BTI model and guidance, municipal BTI action guides) and "law" (act and section)
    name their `ref` and need no file or section."""

    basis: Basis = Basis.plan
    file: NonEmpty | None = None
    section: NonEmpty | None = None
    ref: NonEmpty | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Source:
        from bti_cli.i18n import t

        if self.basis is Basis.plan and (self.file is None or self.section is None):
            raise ValueError(t("catalogue.v_source_plan"))
        if self.basis is not Basis.plan and self.ref is None:
            raise ValueError(t("catalogue.v_source_ref", basis=self.basis.value))
        return self


class Period(Strict):
    """A project's time frame in years, as the seed gives it: `start` and `end` (both optional),
    or only its length in `years` when the seed gives no year (Ungteam's "4-årsperiode")."""

    start: Year | None = None
    end: Year | None = None
    years: Annotated[int, Field(ge=1, le=50)] | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Period:
        from bti_cli.i18n import t

        if self.start is None and self.end is None and self.years is None:
            raise ValueError(t("catalogue.v_period_empty"))
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(t("catalogue.v_period_order", start=self.start, end=self.end))
        return self


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
    regional: bool = False  # a regional partner outside the municipality (Fontenehuset, Nok.Gjøvik …)
    unit: bool = Field(
        default=False,
        description="one named unit of its kind (Elverum's Frydenlund skole among the schools): a measure "
        "it runs is the own service only of those who work there, and the suggestion says so",
    )
    stands_for: StandsFor | None = None  # a placeholder for all/several services or none stated
    source: Source

    @property
    def consent_recipient(self) -> bool:
        """A service a consent can name: not a placeholder for all, several or no stated service."""
        return self.stands_for is None


# the level-3 coordination the walkthrough asks about (data/process.toml, step l3-coordination),
# in the order it asks
COORDINATION_QUESTIONS = ("individual_plan", "responsibility_group", "statutory_coordinator", "child_coordinator")


class Measure(Strict):
    id: Slug
    name: NonEmpty
    description: NonEmpty
    tiers: list[Tier] = Field(default_factory=list, description="empty only when the plan gives none (not direct)")
    service: Slug
    target_group: str = ""
    age_min: Age | None = None
    age_max: Age | None = None
    age_note: str | None = None
    audience: list[Audience] = Field(min_length=1)
    purpose: Purpose = Purpose.direct
    areas: list[Slug] = Field(min_length=1)
    status: Status
    status_words: str = ""  # the seed's own words for the status ("" when it has none)
    period: Period | None = None
    shared_with: list[Slug] = Field(default_factory=list, description="other services running it")
    coordination: bool = Field(
        default=False,
        description="the measure is the coordination itself: individual plan, coordinator/child "
        "coordinator or responsibility group (BTI level 3's frame)",
    )
    coordinates: list[Literal[COORDINATION_QUESTIONS]] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="which of that frame it is, as the walkthrough's level-3 questions name it (one of "
        "them must be answered yes when the measure is chosen); only with coordination = true",
    )
    with_guardians: bool = Field(
        default=False,
        description="the measure is the service's own cooperation with the child's guardians (parent "
        "conversations, home-school dialogue, close cooperation with the parents), as the plan describes "
        "it: BTI level 1 begins by meeting the guardians",
    )
    only_when: str = Field(
        default="",
        description="the situation the plan gives the measure for that a walk does not ask about, in the "
        "plan's words (a child who cannot live at home, foster parents): it is ranked lower and the "
        "suggestion says what to check",
    )
    only_when_area: Slug | None = Field(
        default=None,
        description="the concern area that establishes `only_when` when the case has it (refugees, "
        "a multicultural background: minority-integration); without it the measure is ranked lower",
    )
    case_guidance: bool = Field(
        default=False,
        description="guidance to the staff who work on one case, as the plan gives it («knyttet til "
        "enkeltsak»): help in the case, offered to the employee though its audience is staff",
    )
    aliases: list[Slug] = Field(default_factory=list, description="earlier ids of this measure")
    source: Source

    @model_validator(mode="after")
    def _ages_in_order(self) -> Measure:
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            from bti_cli.i18n import t

            raise ValueError(t("catalogue.v_age_range", age_min=self.age_min, age_max=self.age_max))
        if self.coordinates and not self.coordination:
            from bti_cli.i18n import t

            raise ValueError(t("catalogue.v_coordinates_without_coordination"))
        return self


# fields of an arena the seed may leave silent (listed in `unstated`, then left empty)
ARENA_UNSTATED_FIELDS = ("participants", "frequency", "services", "levels", "description")


class Arena(Strict):
    """A collaboration arena: a case table (drøftingsteam, BUT, ansvarsgruppe …) or a system
    meeting (leadership, coordination, planning, networks)."""

    id: Slug
    name: NonEmpty
    kind: ArenaKind = ArenaKind.case
    description: str = ""
    participants: list[NonEmpty] = Field(default_factory=list)
    services: list[Slug] = Field(default_factory=list)
    frequency: str = ""
    levels: list[Level] = Field(default_factory=list)
    levels_basis: Literal["plan", "bti"] = "plan"
    anonymous: bool = False
    without_consent: bool = False  # default: the value of `anonymous`
    # a table only for discussing a case anonymously (barnevern's anonymous consultation): never
    # where a meeting the family has consented to is held
    anonymous_only: bool = False
    # a group formed for each case of the services that work with the child (an ansvarsgruppe):
    # `services` names those the plan says take part in such groups, not a fixed table, so the
    # consent has to cover the ones that join, not all of them
    formed_per_case: bool = False
    age_min: Age | None = None
    age_max: Age | None = None
    audience: list[Audience] = Field(
        default_factory=list, description="whom the table is for when the plan says (FORT: «ungdom»); empty: any")
    areas: list[Slug] = Field(default_factory=list)
    unstated: list[Literal[ARENA_UNSTATED_FIELDS]] = Field(  # type: ignore[valid-type]
        default_factory=list, description="fields the seed is silent on (then empty)"
    )
    status: Status = Status.active
    status_words: str = ""
    aliases: list[Slug] = Field(default_factory=list)
    source: Source

    @model_validator(mode="before")
    @classmethod
    def _consent_follows_anonymity(cls, data: Any) -> Any:
        if isinstance(data, dict) and "without_consent" not in data and isinstance(data.get("anonymous"), bool):
            data = {**data, "without_consent": data["anonymous"]}
        return data


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
    person: bool = True  # false for a group (e.g. Ansvarsgruppe): never offered as baton holder
    exception: bool = Field(
        default=False,
        description="the role holds the baton only as an exception (BTI's «unntaksvis leder for enheten», "
        "when the professional closest to the child cannot): offered after every other person's role",
    )
    subjects: list[Audience] = Field(default_factory=list, description="empty: any")
    age_min: Age | None = None
    age_max: Age | None = None
    areas: list[Slug] = Field(default_factory=list, description="concern areas; empty: any")
    aliases: list[Slug] = Field(default_factory=list)
    source: Source


class Adoption(Strict):
    date: datetime.date | None = None
    by: NonEmpty | None = None
    ref: NonEmpty | None = None


class Responsibility(Strict):
    what: NonEmpty
    who: NonEmpty
    source: Source


class Link(Strict):
    title: NonEmpty
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    source: Source


class Indicator(Strict):
    name: NonEmpty
    baseline: NonEmpty | int | float
    year: Year | None = None
    unit: str | None = None
    comparison: dict[str, NonEmpty | int | float] = Field(
        default_factory=dict, description="the same figure elsewhere, e.g. {Innlandet = '12 %', Norge = '11 %'}"
    )
    source: Source


class Plan(Strict):
    """The plan's own facts: what it is, when it runs, how it is evaluated."""

    title: NonEmpty
    names_bti: bool = True
    model_note: str | None = None  # when names_bti is false: how its model maps onto tiers and levels
    period: Period | None = None
    adopted: Adoption | None = None
    evaluation: str | None = None
    source: Source | None = None
    responsibilities: list[Responsibility] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)

    @model_validator(mode="after")
    def _model_explained(self) -> Plan:
        if not self.names_bti and not (self.model_note or "").strip():
            from bti_cli.i18n import t

            raise ValueError(t("catalogue.v_model_note"))
        return self


class Contact(Strict):
    """A public service number for the safety gate (only numbers the seed gives, or the
    national emergency and helpline numbers)."""

    kind: ContactKind
    name: NonEmpty
    phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{1,14}[0-9]$")] | None = None
    hours: str | None = None
    note: str | None = None
    source: Source


class Catalogue(Strict):
    schema_version: Annotated[int, Field(ge=1, le=CATALOGUE_SCHEMA_VERSION)] = 1
    municipality: MunicipalityMeta
    settings: Settings = Settings()
    settings_sources: dict[str, Source] = Field(default_factory=dict)
    plan: Plan | None = None
    contacts: list[Contact] = Field(default_factory=list)
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
