"""The second edition's cross-field rules of a municipality file (schema_version 2).

Each rule returns (field path, message) pairs that the loader places on their line as
`file:line field: message`. Rules that would break a first-edition file (schema_version 1) —
silence made explicit, a source for every setting, an anonymous consultation arena — apply from
schema_version 2 only; the rest hold for every edition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bti_cli.catalogue.status_words import normalise, status_for
from bti_cli.i18n import t

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue, Vocabulary

Problem = tuple[tuple[Any, ...], str]

# unstated fields a second-edition arena must list when they are empty
_MUST_LIST_WHEN_EMPTY = ("participants", "frequency")


def check_second_edition(cat: Catalogue, vocabulary: Vocabulary) -> list[Problem]:
    second = cat.schema_version >= 2
    problems: list[Problem] = []
    problems += _settings(cat, second)
    problems += _aliases(cat)
    service_ids = {s.id for s in cat.services}
    for i, m in enumerate(cat.measures):
        problems += _status(("measures", i), m.status.value, m.status_words)
        if not m.tiers and m.purpose.value == "direct":
            problems.append((("measures", i, "tiers"), t("catalogue.v_direct_needs_tier")))
        if m.with_guardians and (m.purpose.value != "direct" or "guardians" not in {a.value for a in m.audience}):
            problems.append((("measures", i, "with_guardians"), t("catalogue.v_with_guardians")))
        for sid in m.shared_with:
            if sid not in service_ids:
                problems.append((("measures", i, "shared_with"), t("catalogue.v_unknown_service", id=repr(sid))))
            elif sid == m.service:
                problems.append((("measures", i, "shared_with"), t("catalogue.v_shared_with_own")))
    for i, a in enumerate(cat.arenas):
        problems += _arena(i, a, second)
    for i, c in enumerate(cat.coordinators):
        for area in c.areas:
            if area not in vocabulary.areas:
                problems.append((("coordinators", i, "areas"), t("catalogue.v_unknown_area", area=repr(area))))
        if c.age_min is not None and c.age_max is not None and c.age_min > c.age_max:
            problems.append((("coordinators", i, "age_min"), t("catalogue.v_age_order")))
    if second and not any(
        a.kind.value == "case" and a.anonymous and {0, 1, 2, 3} <= set(a.levels) for a in cat.arenas
    ):
        problems.append((("arenas",), t("catalogue.v_no_anonymous_arena")))
    return problems


def _settings(cat: Catalogue, second: bool) -> list[Problem]:
    from bti_cli.catalogue.models import Settings

    known = set(Settings.model_fields)
    problems: list[Problem] = []
    for name in cat.settings_sources:
        if name not in known:
            problems.append((("settings_sources", name), t("catalogue.v_unknown_setting")))
    if second:
        for name in sorted(cat.settings.model_fields_set):
            if getattr(cat.settings, name) is not None and name not in cat.settings_sources:
                problems.append((("settings", name), t("catalogue.v_setting_without_source")))
    return problems


def _aliases(cat: Catalogue) -> list[Problem]:
    """An alias is an earlier id: it may not be any item's id or another item's alias."""
    problems: list[Problem] = []
    for kind in ("measures", "arenas", "coordinators"):
        items = getattr(cat, kind)
        ids = {item.id for item in items}
        seen: set[str] = set()
        for i, item in enumerate(items):
            for alias in item.aliases:
                if alias in ids or alias in seen:
                    problems.append(((kind, i, "aliases"), t("catalogue.v_alias_taken", id=repr(alias))))
                seen.add(alias)
    return problems


def _status(where: tuple[Any, ...], status: str, words: str) -> list[Problem]:
    if not normalise(words):
        return []
    try:
        expected = status_for(words)
    except KeyError:
        return [((*where, "status_words"), t("catalogue.v_unknown_status_words"))]
    if expected != status:
        return [((*where, "status"), t("catalogue.v_status_disagrees", expected=expected))]
    return []


def _arena(i: int, a: Any, second: bool) -> list[Problem]:
    where = ("arenas", i)
    problems = _status(where, a.status.value, a.status_words)
    if a.kind.value == "system":
        if a.levels:
            problems.append(((*where, "levels"), t("catalogue.v_system_levels")))
        if a.anonymous or a.without_consent:
            problems.append(((*where, "anonymous"), t("catalogue.v_system_anonymous")))
    elif not a.levels:
        problems.append(((*where, "levels"), t("catalogue.v_case_levels")))
    if a.levels_basis == "bti" and not (a.source.note or "").strip():
        problems.append(((*where, "levels_basis"), t("catalogue.v_levels_basis_note")))
    for name in a.unstated:
        if getattr(a, name):
            problems.append(((*where, name), t("catalogue.v_unstated_not_empty", field=name)))
    if second:
        for name in _MUST_LIST_WHEN_EMPTY:
            if not getattr(a, name) and name not in a.unstated:
                problems.append(((*where, name), t("catalogue.v_empty_not_unstated", field=name)))
    return problems
