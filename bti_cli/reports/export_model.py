"""The export row as pydantic models: the source of `docs/export.schema.json`.

Kept apart from bti_cli.reports.export so that a plain `bti export` never imports pydantic; import
`ExportRow` from here or from bti_cli.reports.export (which loads this module on first use).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "https://github.com/bti-cli/bti/blob/main/docs/export.schema.json"


class ExportMeasure(BaseModel):
    """A measure used in the case, with its tiers and its responsible service."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Measure id in the municipality's catalogue (`bti measures show ID`).")
    tiers: list[Literal["universal", "selective", "indicated"]] = Field(
        description="Prevention tiers the measure was chosen in."
    )
    service: str | None = Field(description="Id of the responsible service, when known.")


class ExportRow(BaseModel):
    """One anonymised case summary, as written by `bti export` (one JSON object / CSV row)."""

    model_config = ConfigDict(extra="forbid", title="bti export row")

    case_id: str = Field(pattern=r"^BTI-\d{4}-[0-9A-HJKMNP-TV-Z]{5}$", description="Random case id.")
    municipality: str = Field(description="Municipality slug, e.g. loten.")
    created: str = Field(description="When the case was opened: ISO 8601 UTC timestamp (YYYY-MM-DDTHH:MM:SSZ).")
    closed: str | None = Field(description="Date the case was closed (YYYY-MM-DD), null while open.")
    status: Literal["open", "closed", "discarded"]
    level: int = Field(ge=0, le=3, description="Current BTI level.")
    highest_level: int = Field(ge=0, le=3, description="Highest level the case has reached.")
    arena: str | None = Field(description="Work arena where the concern arose (areas.toml work_arenas).")
    age: int | None = Field(ge=0, le=23, description="Age in whole years; null when unborn or not given.")
    concern_areas: list[str] = Field(description="Concern-area keys (areas.toml).")
    concern_scale: int | None = Field(ge=1, le=4, description="Concern scale band 1-4.")
    notified_barnevern: bool = Field(description="Barnevern was notified in this case.")
    measures: list[ExportMeasure] = Field(description="Measures used; in CSV: the ids joined with ';'.")
    services_involved: list[str] = Field(description="Ids of the services involved.")
    baton_holder_role: str | None = Field(description="Role holding the baton (stafettholder), never a person.")
    consent_services: list[str] = Field(description="Services the current consent covers.")
    days_to_decision: int | None = Field(description="Days from the concern date to the level-0 decision.")
    decided_within_deadline: bool | None = Field(
        description="The level-0 decision came within the municipality's deadline; null while undecided."
    )
    evaluations: int = Field(ge=0, description="Evaluation meetings recorded.")
    next_evaluation: str | None = Field(description="Date of the next evaluation (YYYY-MM-DD), null when none.")
    process_version: str = Field(description="Hash of the process definition the case was started with.")
    catalogue_version: str = Field(description="Hash of the municipality catalogue the case was started with.")
    closing_reason: str | None = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Why the case was closed: an option id of the close step (data/process.toml), "
        "e.g. goal-reached, concern-gone, barnevern, guardians-withdrew, moved; null while open or not given.",
    )
    handovers_offered: int = Field(ge=0, description="Times the baton was offered to a new role.")
    handovers_accepted: int = Field(ge=0, description="Handovers the new role accepted.")
    handover_pending: bool = Field(description="A handover is offered and not yet accepted.")
    child_view_levels: list[Annotated[int, Field(ge=0, le=3)]] = Field(
        description="Levels (0-3) at which the child's own view was recorded (never the words); in CSV joined "
        "with ';'."
    )
    evaluations_on_time: int = Field(ge=0, description="Evaluation meetings held on or before the date set.")
    evaluations_late: int = Field(ge=0, description="Evaluation meetings held after the date set.")


def export_schema() -> dict[str, Any]:
    """The JSON Schema of one export row (`docs/export.schema.json`)."""
    schema = ExportRow.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
