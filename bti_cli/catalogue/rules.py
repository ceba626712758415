"""Rules worded by their source: the plan, the national BTI model, or the law.

A municipality's settings (the decision deadline, the evaluation interval, the consent ages)
carry their provenance in `[settings_sources]`; a file without an entry gets the tool's
default provenance below. The walkthrough, `bti due`, `bti data show` and the docs word a rule
by its basis ("BTI-modellen anbefaler at …; planen setter ingen egen frist"), never as the
municipality's own rule when no plan contains it. Cheap to import: no pydantic.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bti_cli.i18n import t

# Where the tool's defaults come from, for a file that gives no [settings_sources] entry. No seed
# plan gives any of them (domain/BTI.md, "Where each rule comes from").
DEFAULT_SETTING_SOURCES: dict[str, dict[str, str]] = {
    "decision_deadline_days": {
        "basis": "bti",
        "ref": "BTI-modellens handlingsveiledere (f.eks. Tromsø): avgjørelse senest 14 dager etter at "
        "bekymringen oppsto",
        "note": "planen setter ingen egen frist",
    },
    "evaluation_interval_days": {
        "basis": "bti",
        "ref": "BTI-modellen: hvert møte setter dato for neste evaluering; 6 uker (42 dager) er verktøyets standard",
        "note": "ingen nasjonal frist; planen setter ingen egen frist",
    },
    "consent_age_health": {
        "basis": "law",
        "ref": "pasient- og brukerrettighetsloven § 4-3",
        "note": "samtykkekompetanse i helsespørsmål fra 16 år",
    },
    "consent_age_log": {
        "basis": "bti",
        "ref": "BTI-modellens lokale handlingsveiledere: ungdom samtykker selv til stafettlogg fra 15 år",
        "note": "verktøyets standard etter lokale BTI-veiledere; ingen lov setter denne alderen",
    },
    "guardian_talk_deadline_days": {
        "basis": "bti",
        "ref": "kommunale BTI-veiledere (skolemiljøsaker etter opplæringslova)",
    },
}



# The services where the health consent age applies: health help (helsehjelp) under pasient- og
# brukerrettighetsloven § 4-3 (a young person consents from 16; `consent_age_health`): the
# health services and the mental-health services of a catalogue (`Service.kind`).
HEALTH_SERVICE_KINDS = frozenset({"health", "mental-health"})


# settings whose rule has its own sentence (catalogue.rule_<name>_<basis>)
WORDED = ("decision_deadline_days", "evaluation_interval_days", "consent_age_log", "consent_age_health")


def setting_source(settings_sources: Mapping[str, Any] | None, name: str) -> dict[str, Any]:
    """The provenance of a setting as plain data: the file's own entry, else the tool's default."""
    source = (settings_sources or {}).get(name)
    if source is None:
        return dict(DEFAULT_SETTING_SOURCES.get(name, {"basis": "bti", "ref": ""}))
    if hasattr(source, "model_dump"):
        return source.model_dump(mode="json")
    return dict(source)


def source_reference(source: Mapping[str, Any]) -> str:
    """Where a rule stands: the plan's section, or the guidance or act the source names."""
    if source.get("basis", "plan") == "plan":
        return str(source.get("section") or source.get("file") or "")
    return str(source.get("ref") or "")


def rule_text(name: str, source: Mapping[str, Any], value: int) -> str:
    """One sentence saying the rule and where it comes from, in the current language."""
    basis = source.get("basis", "plan")
    if name not in WORDED or basis not in ("plan", "bti", "law"):
        raise KeyError(name)
    return t(f"catalogue.rule_{name}_{basis}", value=value, ref=source_reference(source))
