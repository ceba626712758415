"""A municipality's plan facts as plain data, for `bti data show` (and scripts that read its JSON).

Everything comes from the validated catalogue (`Plain.data`); the settings are listed with the
sentence that words each rule by its source (`bti_cli.catalogue.rules`). No printing here.
"""

from __future__ import annotations

from typing import Any

from bti_cli.catalogue.rules import WORDED, rule_text, setting_source, source_reference


def plan_facts(data: dict[str, Any]) -> dict[str, Any]:
    """{municipality, plan, settings, contacts}: what the plan says about itself, and the rules."""
    settings = []
    for name in WORDED:
        value = (data.get("settings") or {}).get(name)
        if value is None:
            continue
        source = setting_source(data.get("settings_sources"), name)
        settings.append({
            "name": name,
            "value": value,
            "basis": source.get("basis", "plan"),
            "ref": source_reference(source),
            "note": source.get("note"),
            "explicit": name in (data.get("settings_sources") or {}),
            "rule": rule_text(name, source, int(value)),
        })
    meta = data["municipality"]
    return {
        "municipality": {"slug": meta["slug"], "name": meta["name"], "number": meta["number"],
                         "version": meta["version"]},
        "plan": data.get("plan"),
        "settings": settings,
        "contacts": list(data.get("contacts") or []),
    }
