"""Ranked suggestions of measures, collaboration arenas, baton-holder roles and services.

The same ranking serves the walkthrough and `bti suggest`. Every suggestion carries its
reasons twice: as stable codes (`tier:selective`, `age:fits`, `area:learning`, …) for scripts,
and as short sentences in the chosen language for people.

The level → tier mapping follows BTI.md (a guide for ranking, not a rule):
level 0 and 1 → universal and selective measures of the own service; level 2 → selective
measures and the arenas of one or two other services; level 3 → indicated measures,
coordination measures and barnevern measures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bti_cli.i18n import t

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue, Coordinator

# tier → weight per level; 0 means "does not fit this level"
TIER_WEIGHTS: dict[int, dict[str, int]] = {
    0: {"universal": 3, "selective": 2, "indicated": 0},
    1: {"universal": 2, "selective": 3, "indicated": 0},
    2: {"universal": 0, "selective": 3, "indicated": 2},
    3: {"universal": 0, "selective": 1, "indicated": 3},
}
STATUS_WEIGHTS = {"active": 1, "partial": 0, "developing": -1, "planned": -2}

# where the employee works → the kinds of service that are "own service"
OWN_SERVICE_KINDS: dict[str, set[str]] = {
    "kindergarten": {"kindergarten"},
    "school": {"school"},
    "health-station": {"health"},
    "school-health": {"health"},
    "nav": {"nav"},
    "leisure": {"culture-leisure"},
    "child-welfare": {"child-welfare"},
    "ppt": {"educational-psychology"},
    "mental-health": {"mental-health"},
    "other": set(),
}


@dataclass(frozen=True)
class Suggestion:
    kind: str  # measure | arena | coordinator | service
    id: str
    name: str
    score: int
    codes: tuple[str, ...]
    reasons: tuple[str, ...]
    data: dict[str, Any] = field(default_factory=dict, compare=False)

    def row(self, rank: int | None = None) -> dict[str, Any]:
        row = {
            "kind": self.kind,
            "rank": rank,
            "id": self.id,
            "name": self.name,
            "score": self.score,
            "reason_codes": list(self.codes),
            "reasons": list(self.reasons),
        }
        row.update(self.data)
        return row


def own_services(cat: Catalogue, work_arena: str | None) -> set[str]:
    """Ids of the services an employee in `work_arena` belongs to."""
    kinds = OWN_SERVICE_KINDS.get(work_arena or "", set())
    return {s.id for s in cat.services if s.kind.value in kinds}


def _age_reason(age: int | None, lo: int | None, hi: int | None) -> tuple[int, str, str] | None:
    """(weight, code, text), or None when the age is outside the range."""
    if age is None:
        return (0, "age:unknown", t("process.reason_age_unknown"))
    if (lo is not None and age < lo) or (hi is not None and age > hi):
        return None
    if lo is None and hi is None:
        return (1, "age:any", t("process.reason_age_any"))
    span = f"{'' if lo is None else lo}–{'' if hi is None else hi}"
    return (2, "age:fits", t("process.reason_age_fits", age=age, span=span))


def _area_reason(wanted: Iterable[str], have: Iterable[str]) -> tuple[int, list[str], list[str]]:
    from bti_cli.catalogue.loader import area_label

    hits = [a for a in wanted if a in set(have)]
    codes = [f"area:{a}" for a in hits]
    texts = [t("process.reason_area", area=", ".join(area_label(a) for a in hits))] if hits else []
    return (2 * len(hits), codes, texts)


def rank_measures(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    include_other_services: bool | None = None,
) -> list[Suggestion]:
    """Measures that fit the level, the age and (when given) the concern areas, best first.

    At level 0–1 only measures of the employee's own service are offered, when that service
    has any; at levels 2–3 every service is considered (own service measures are still noted).
    """
    areas = list(dict.fromkeys(areas))
    own = own_services(cat, work_arena)
    weights = TIER_WEIGHTS.get(level, TIER_WEIGHTS[1])
    services = {s.id: s.name for s in cat.services}
    restrict = include_other_services is False or (
        include_other_services is None and level <= 1 and any(m.service in own for m in cat.measures)
    )
    from bti_cli.catalogue.loader import period_ended

    out: list[Suggestion] = []
    for m in cat.measures:
        if restrict and m.service not in own:
            continue
        # only direct help is suggested: not staff competence, not system work, not an ended project
        if m.purpose.value != "direct" or not m.tiers or period_ended(m.period.model_dump() if m.period else None):
            continue
        if age is not None and {a.value for a in m.audience} == {"pregnant"}:
            continue  # a born child: measures for the pregnant woman alone do not fit
        tier_fit = [(weights.get(tr.value, 0), tr.value) for tr in m.tiers]
        best_weight, best_tier = max(tier_fit)
        if best_weight <= 0:
            continue
        age_r = _age_reason(age, m.age_min, m.age_max)
        if age_r is None:
            continue
        area_w, area_codes, area_texts = _area_reason(areas, m.areas)
        if areas and not area_codes:
            continue
        score = 10 * best_weight + 3 * area_w + age_r[0] * 2 + STATUS_WEIGHTS[m.status.value]
        codes = [f"tier:{best_tier}", age_r[1], *area_codes, f"status:{m.status.value}"]
        reasons = [t("process.reason_tier", tier=t(f"process.tier_{best_tier}"), level=level), age_r[2], *area_texts]
        if m.status.value != "active":
            reasons.append(t(f"process.reason_status_{m.status.value}"))
        else:
            reasons.append(t("process.reason_status_active"))
        if m.service in own:
            score += 5
            codes.append("own-service")
            reasons.append(t("process.reason_own_service"))
        out.append(
            Suggestion(
                "measure", m.id, m.name, score, tuple(codes), tuple(reasons),
                {"service": m.service, "service_name": services.get(m.service, m.service),
                 "tiers": [tr.value for tr in m.tiers], "status": m.status.value},
            )
        )
    return sorted(out, key=lambda s: (-s.score, s.name.casefold(), s.id))


def rank_arenas(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    anonymous_only: bool = False,
) -> list[Suggestion]:
    """Collaboration arenas for the level, best first; `anonymous_only` without consent."""
    areas = list(dict.fromkeys(areas))
    own = own_services(cat, work_arena)
    out: list[Suggestion] = []
    for a in cat.arenas:
        if a.kind.value != "case" or level not in a.levels:
            continue  # leadership and system meetings take no case
        if anonymous_only and not a.without_consent:
            continue
        age_r = _age_reason(age, a.age_min, a.age_max)
        if age_r is None:
            continue
        area_w, area_codes, area_texts = _area_reason(areas, a.areas)
        if areas and a.areas and not area_codes:
            continue  # an arena for other concerns
        score = 20 + 3 * area_w + 2 * age_r[0]
        codes = [f"level:{level}", age_r[1], *area_codes]
        reasons = [t("process.reason_arena_level", level=level), age_r[2], *area_texts]
        if a.anonymous:
            score += 2 if anonymous_only else 1
            codes.append("anonymous")
            reasons.append(t("process.reason_anonymous"))
        else:
            codes.append("needs-consent")
            reasons.append(t("process.reason_needs_consent"))
        others = [s for s in a.services if s not in own]
        if level == 2 and others:
            score += min(len(others), 2)
            codes.append("other-services")
            reasons.append(t("process.reason_other_services", count=len(others)))
        out.append(
            Suggestion(
                "arena", a.id, a.name, score, tuple(codes), tuple(reasons),
                {"anonymous": a.anonymous, "levels": list(a.levels), "services": list(a.services),
                 "frequency": a.frequency},
            )
        )
    return sorted(out, key=lambda s: (-s.score, s.name.casefold(), s.id))


def rank_coordinators(
    cat: Catalogue,
    *,
    level: int,
    work_arena: str | None = None,
) -> list[Suggestion]:
    """Baton-holder roles for the level, best first: the role closest to the child first."""
    own = own_services(cat, work_arena)
    out: list[Suggestion] = []
    for c in cat.coordinators:
        if not c.person or level not in c.levels:
            continue  # a group (ansvarsgruppe) or a unit never holds the baton
        arenas = [a.value for a in c.arenas]
        if arenas and work_arena and work_arena not in arenas:
            continue
        score = 10
        codes = [f"level:{level}"]
        reasons = [t("process.reason_coordinator_level", level=level)]
        if arenas and work_arena in arenas:
            score += 6
            codes.append(f"arena:{work_arena}")
            from bti_cli.catalogue.loader import work_arena_label

            reasons.append(t("process.reason_coordinator_arena", arena=work_arena_label(work_arena)))
        elif not arenas:
            score += 2
            codes.append("arena:any")
            reasons.append(t("process.reason_coordinator_any"))
        if c.service and c.service in own:
            score += 3
            codes.append("own-service")
            reasons.append(t("process.reason_own_service"))
        if c.legal_basis:
            codes.append("legal-basis")
            reasons.append(t("process.reason_legal_basis", basis=c.legal_basis))
        if c.conditions:
            codes.append("conditions")
            reasons.append(t("process.reason_conditions", conditions=c.conditions))
        out.append(
            Suggestion(
                "coordinator", c.id, c.role, score, tuple(codes), tuple(reasons),
                {"levels": list(c.levels), "arenas": arenas, "service": c.service},
            )
        )
    return sorted(out, key=lambda s: (-s.score, s.name.casefold(), s.id))


def rank_services(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
) -> list[Suggestion]:
    """Other services, ranked by how many fitting measures they offer for the need."""
    own = own_services(cat, work_arena)
    fitting = rank_measures(cat, level=level, age=age, areas=areas, work_arena=work_arena,
                            include_other_services=True)
    counts: dict[str, int] = {}
    for s in fitting:
        counts[s.data["service"]] = counts.get(s.data["service"], 0) + 1
    out = []
    for svc in cat.services:
        n = counts.get(svc.id, 0)
        codes = [f"measures:{n}"]
        reasons = [t("process.reason_service_measures", count=n)]
        score = 3 * n
        if svc.id in own:
            codes.append("own-service")
            reasons.append(t("process.reason_own_service"))
            score -= 1
        out.append(Suggestion("service", svc.id, svc.name, score, tuple(codes), tuple(reasons),
                              {"kind_of_service": svc.kind.value}))
    return sorted(out, key=lambda s: (-s.score, s.name.casefold(), s.id))


def find_coordinator(cat: Catalogue, key: str) -> Coordinator | None:
    from bti_cli.catalogue.loader import fold

    for c in cat.coordinators:
        if c.id == key or fold(c.role) == fold(key):
            return c
    return None
