"""Ranked suggestions of measures, collaboration arenas, baton-holder roles and services.

The same ranking serves the walkthrough and `bti suggest`. A suggestion's score is the sum of its
fit on each dimension (see docs/coordinator-guide.md, "How suggestions are ranked"):

- measures: tier for the level, concern areas (weighted by specificity, so a measure tagged with
  many areas does not win by count), subject and age, the employee's own service (strong at level
  0–1, weak later), status (planned and developing measures rank below running ones);
- arenas: case tables that serve the level; concern areas and age; without consent the anonymous
  tables first; planned tables last;
- baton holders: the closest professional of the work arena, the role whose conditions (subject,
  age, concern areas) the case meets; ties keep the catalogue's order, never the alphabet.

Poor fit only demotes. A suggestion is left out only when it cannot apply: a measure for another
subject or outside its age range, staff or system work, a measure whose period has ended, an arena
that is not a case table or does not serve the level, a group offered as baton holder.

Every suggestion carries its reasons twice: as stable codes (`tier:selective`, `age:fits`,
`area:learning`, `area:none`, `subject:fits`, `status:planned`, …) for scripts, and as short
sentences in the chosen language for people; what did not fit is said as well as what did.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from bti_cli.i18n import t

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue, Coordinator, Measure

SUBJECTS = ("pregnant", "child", "youth", "family")

# how well each tier fits each level (1 = the level's own tier); BTI.md: level 0–1 universal and
# selective measures of the own service, level 2 selective measures with other services, level 3
# indicated and coordinated measures. Never 0: a poorer tier is demoted, not dropped. Level 2 is
# level 1 with one or two other services added, and the own service's level-1 measures go on: a
# universal measure fits level 2 as well as it fits level 1, never worse. An indicated measure fits
# level 2 as a selective one fits level 3 (0.7): the neighbouring, more intensive tier (BTI.md's
# mapping puts indicated and barnevern measures at level 3).
TIER_FIT: dict[int, dict[str, float]] = {
    0: {"universal": 1.0, "selective": 0.7, "indicated": 0.2},
    1: {"universal": 0.6, "selective": 1.0, "indicated": 0.35},
    2: {"universal": 0.6, "selective": 1.0, "indicated": 0.7},
    3: {"universal": 0.15, "selective": 0.7, "indicated": 1.0},
}
# points per dimension (the maximum a suggestion can earn on it)
TIER_POINTS = 40
AREA_POINTS = 40
BROAD_SPECIFICITY = 0.5  # less than half of a measure's (rarity-weighted) tagging is about the need
SUBJECT_POINTS = 6
AGE_POINTS = 6
# own service: the service of the work arena's own baton holder (e.g. the health station for a
# public health nurse) counts fully, another service of the same kind (the school health service
# for a health-station nurse) a little less; it matters most at levels 0–1
OWN_POINTS = {0: 30, 1: 30, 2: 6, 3: 2}
SAME_KIND_SHARE = 0.8
# a service of the same kind that is not the employee's own (the GP for a school nurse)
KIN_SHARE = 0.3
# services one is referred to (their joining a case is BTI level 2): at levels 0–1 a measure they
# lead that the plan shares with the own service lifts a third as much as the own service's own
REFERRAL_KINDS = frozenset({"educational-psychology", "child-welfare", "mental-health"})
LED_BY_OTHER_SHARE = 1 / 3
STATUS_POINTS = {"active": 0, "partial": -8, "developing": -16, "planned": -20}
# planned or developing, but the year the plan gave for it has passed: likely running, to check
DUE_POINTS = -8
# arenas and baton holders
ANONYMOUS_POINTS = 30
PLANNED_ARENA_POINTS = -15
NOT_OWN_TABLE_POINTS = -12
ROLE_ARENA_POINTS = 30
ROLE_CONDITION_POINTS = 12
# a role only for whom the case is about (the midwife for a pregnancy) leads from any arena
SUBJECT_ROLE_LEAD = 5
# level 3: a role only for that level whose stated conditions the case meets
LEVEL3_ROLE_POINTS = 10
ROLE_UNMET_POINTS = -50
# a role the plan gives only as an exception (the unit's leader, «unntaksvis»): after every other
# person's role, also those of other arenas
EXCEPTION_ROLE_POINTS = -30
# level 1 in an arena with no role of its own: a role of another arena, below the own unit's leader
LEVEL1_OTHER_ARENA_POINTS = -35
# a role of another arena whose service has measures for the concern: per measure, up to three
ROLE_SERVICE_FIT_POINTS = 2
# level 3 with suspected violence or abuse: barnevern has been told at once and follows the case up
# (BTI.md, the safety rule), so its contact person comes before a general coordinator
SAFETY_ROLE_POINTS = 25
# level 3: a coordination measure (the catalogue's `coordination = true`: individuell plan,
# koordinator/barnekoordinator, ansvarsgruppe) is the level's frame, unless the case meets none of
# the conditions of the level-3 roles its service holds
COORDINATION_POINTS = 20
# levels 1–2: the own service's cooperation with the guardians (the catalogue's `with_guardians`:
# parent conversations, home–school dialogue) meets any concern, since BTI's level 1 begins by
# meeting the guardians (BTI.md, "Level 1", step 1), unless the concern is violence or abuse, where
# the guardians are not told first (BTI.md, the safety exception)
GUARDIANS_POINTS = {1: 24, 2: 12}
GUARDIANS_NOT_FIRST = frozenset({"violence-abuse"})
# in an acute crisis the help for the crisis comes first (Elverum's psykososialt kriseteam is «for
# barn og foresatte i akutt krise», 003, Indikative tiltak): the own service's ordinary cooperation
# with the guardians is not lifted as meeting that concern
CRISIS_FIRST = frozenset({"acute-crisis"})
# with suspected violence or abuse, a measure only for the guardians (a parents' course) comes
# after the help for the child, since the guardians are not told first
GUARDIANS_ONLY_SAFETY_POINTS = -20
# a measure for a situation the walk does not ask about (the plan's `only_when`: a child who cannot
# live at home, foster parents) comes after those that fit without it, as a planned one does; its
# reason says what to check (Løten's voluntary placement is not the first offer to a family that
# accepts help at home)
ONLY_WHEN_POINTS = -20
# the first screen of suggestions; a concern area none of its measures covers gets its best fitting
# measure brought onto it (at most AREA_COVER_MAX of them, placed last), so that each concern the
# employee named is met by at least one suggestion (BTI.md: every concern is followed up)
FIRST_SCREEN = 5
AREA_COVER_MAX = 2

# whom a case's subject can be helped through (a measure's audience); anything else is for
# someone else. "infant" is 0–1 year.
SUBJECT_AUDIENCES: dict[str, frozenset[str]] = {
    "pregnant": frozenset({"pregnant", "family", "guardians"}),
    "child": frozenset({"infant", "child", "family", "guardians"}),
    "youth": frozenset({"youth", "child", "family", "guardians"}),
    "family": frozenset({"family", "guardians", "infant", "child", "youth", "pregnant"}),
}
CHILD_AUDIENCES = frozenset({"infant", "child", "youth"})
# the audience that is the subject itself (a closer fit than help through the parents)
SUBJECT_SELF: dict[str, frozenset[str]] = {
    "pregnant": frozenset({"pregnant"}),
    "child": frozenset({"infant", "child"}),
    "youth": frozenset({"youth", "child"}),  # "barn" in the plans is anyone under 18
    "family": frozenset({"family", "guardians"}),
}
# whom a baton-holder role with `subjects` serves, by the case's subject; a role for the pregnancy
# fits only a pregnancy (subject pregnant, or the child unborn)
ROLE_SUBJECTS: dict[str, frozenset[str]] = {
    "pregnant": frozenset({"family", "guardians"}),
    "child": frozenset({"infant", "child", "family", "guardians"}),
    "youth": frozenset({"youth", "child", "family", "guardians"}),
    "family": frozenset({"family", "guardians", "infant", "child", "youth"}),
}
INFANT_MAX_AGE = 1
# a measure only for young people ("ungdom") with no age range of its own is not for a younger
# child (a family case with a 5-year-old is not offered the youth club): 12 is the lowest age the
# seed plans give a youth-only measure (Søndre Land's DRIVE, "ungdom i alderen 12 – 25 år")
YOUTH_MIN_AGE = 12
YOUNG_MAX_AGE = 23  # the oldest young person BTI is for (BTI.md: 0–23)
YOUNG_MOTHER_SHARE = 0.5  # of the subject's points, for a youth measure in a pregnancy
# from lower secondary school (8. trinn, 13 years) a child is also a young person (ungdom)
TEEN_AGE = 13
# from 18 a young person is an adult: the plans' measures for parents are hers only as a parent
ADULT_AGE = 18

# services for children in kindergarten or school: a case table of these alone is not for a
# pregnancy, nor for a child outside the ages they serve
EDUCATION_KINDS = frozenset({"kindergarten", "school", "educational-psychology"})
# the ages kindergartens and the municipality's schools serve, when a table of them gives no ages:
# barnehage from 1 until school starts (the year one turns 6), grunnskole from the transition (5)
# to the year one turns 16; PPT serves both (and up to 18 alone)
SCHOOL_MAX_AGE = 18
EDUCATION_AGES = {"kindergarten": (1, 6), "school": (5, 16)}
# the ages a baton-holder role of a work arena serves when the plan gives the role none: the
# education arenas above, and the health station 0–5 (the catalogues' own conversion, «Helsestasjon
# omregnet til 0–5 år»; a pregnancy has the midwife)
ROLE_ARENA_AGES = {**EDUCATION_AGES, "health-station": (0, 5)}


def _education_ages(kinds: set[str | None]) -> tuple[int, int]:
    """The ages a case table of kindergarten, school and PPT alone can serve, by its services' kinds."""
    spans = [EDUCATION_AGES[k] for k in kinds if k in EDUCATION_AGES]
    if not spans:
        return 0, SCHOOL_MAX_AGE
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)

# kinds of service that group separate providers: health (the GP, the hospital, county dental
# care, specialist habilitation next to the health station), mental health (BUP, a specialist
# service, next to the municipal one) and leisure (volunteers next to the municipality's youth
# work). For these, only the services of the arena's baton holders are the employee's own. Schools
# and SFO, kindergartens, PPT, NAV and barnevern are each one service of one owner.
SEPARATE_KINDS = frozenset({"health", "mental-health", "culture-leisure"})

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
class Need:
    """What a case asks of the catalogue: level, subject, age (or unborn), areas, arena, consent."""

    level: int
    subject: str | None = None
    age: int | None = None
    unborn: bool = False
    areas: tuple[str, ...] = ()
    work_arena: str | None = None
    consent: bool = True
    year: int = field(default_factory=lambda: datetime.date.today().year)

    @property
    def is_unborn(self) -> bool:
        return self.unborn or self.subject == "pregnant"

    @property
    def mother_age(self) -> int | None:
        """With subject pregnant an age is the pregnant woman's own (a pregnant 16-year-old)."""
        return self.age if self.subject == "pregnant" and not self.unborn else None


def _teen(need: Need) -> frozenset[str]:
    """A "child" of lower-secondary age (13 or more) is a young person too: the plans' youth
    measures are for her (the employee's choice between barn and ungdom is not a line the
    measures draw)."""
    if need.subject == "child" and need.age is not None and need.age >= TEEN_AGE:
        return frozenset({"youth"})
    return frozenset()


def _family_child_audiences(need: Need) -> frozenset[str]:
    """The audiences a family case's child (of the age given) belongs to: a measure for young
    people is not "for the child in the family" when the child is 10."""
    if need.age is None:
        return CHILD_AUDIENCES
    return frozenset({"infant"} if need.age <= INFANT_MAX_AGE else {"child"}) | (
        {"youth"} if need.age >= TEEN_AGE else set())


def _young_mother_fits(m: Measure, need: Need) -> bool:
    """A measure for young people that a pregnant young woman of her age is one of."""
    age = need.mother_age
    if age is None or "youth" not in {a.value for a in m.audience}:
        return False
    if m.age_min is None and m.age_max is None:
        # «ungdom» with no ages: a young woman up to the ages BTI serves (0–23, BTI.md), not a
        # pregnant woman of 24 or 30
        return YOUTH_MIN_AGE <= age <= YOUNG_MAX_AGE
    return (m.age_min is None or age >= m.age_min) and (m.age_max is None or age <= m.age_max)


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


# how the plans name each tier in their section headings (Søndre Land spells «SELKTERTE» once)
_TIER_WORDS = {"universal": ("univers",), "selective": ("selekt", "selkt"), "indicated": ("indik", "indis")}
_SEED_FILE = re.compile(r"\s*\([^()]*\.txt[^()]*\)")


@functools.lru_cache(maxsize=4096)
def _plan_place(section: str, tier: str | None) -> str:
    """One place is enough for a reason (`bti measures show` gives them all): the section of the
    tier the reason names when the plan lists the measure under several, else the first; without
    the seed files' names."""
    parts = [p.strip() for p in section.split(";")]
    stems = _TIER_WORDS.get(tier or "", ())
    where = next((p for p in parts if any(w in p.casefold() for w in stems)), parts[0])
    if "›" not in where and "›" in parts[0]:  # "Tiltak › Universelle tiltak; Selektive tiltak"
        where = f"{parts[0].rsplit('›', 1)[0].strip()} › {where}"
    return _SEED_FILE.sub("", where).strip()


class _Reasons:
    """Collects (code, sentence) pairs and the points they carry. The sentences read what fitted
    first, then what did not (`miss=True`), then where the suggestion comes from."""

    def __init__(self) -> None:
        self.score = 0.0
        self.codes: list[str] = []
        self._fit: list[str] = []
        self._miss: list[str] = []
        self._source: list[str] = []

    def add(self, points: float, code: str, text: str | None = None, *, miss: bool = False) -> None:
        self.score += points
        self.codes.append(code)
        if text:
            self.note(text, miss=miss)

    def note(self, text: str, *, miss: bool = False) -> None:
        (self._miss if miss else self._fit).append(text)

    def source(self, source: Any, tier: str | None = None) -> None:
        """The plan's section (or the guidance or act) the suggestion stands on."""
        if source.basis.value == "plan":
            self._source.append(t("process.reason_source_plan", source=_plan_place(source.section, tier)))
        elif source.ref:
            self._source.append(t("process.reason_source", source=source.ref.split(";")[0].split(":")[0].strip()))

    @property
    def texts(self) -> tuple[str, ...]:
        return (*self._fit, *self._miss, *self._source)


def _of_kind(cat: Catalogue, work_arena: str | None) -> set[str]:
    kinds = OWN_SERVICE_KINDS.get(work_arena or "", set())
    return {s.id for s in cat.services if s.kind.value in kinds}


def own_services(cat: Catalogue, work_arena: str | None) -> set[str]:
    """Ids of the services an employee in `work_arena` belongs to: of the services of the arena's
    kind, those whose staff are the baton holders of an arena of that kind (a public health nurse's
    own services are the health station, the midwife and the school health service; the GP, home
    care and the hospital are health services too, but not hers); every service of the kind when
    no baton holder names one (Løten's contact teacher names no school)."""
    of_kind = _of_kind(cat, work_arena)
    kinds = OWN_SERVICE_KINDS.get(work_arena or "", set())
    if not kinds & SEPARATE_KINDS:
        return of_kind
    sibling_arenas = {a for a, k in OWN_SERVICE_KINDS.items() if k and k == kinds}
    held = {c.service for c in cat.coordinators
            if c.service in of_kind and sibling_arenas & {a.value for a in c.arenas}}
    return held or of_kind


def kin_services(cat: Catalogue, work_arena: str | None) -> set[str]:
    """Services of the same kind as the employee's that are not her own (the GP for a school
    nurse): a little closer than any other service, never called her own."""
    return _of_kind(cat, work_arena) - own_services(cat, work_arena)


def arena_services(cat: Catalogue, work_arena: str | None) -> set[str]:
    """The services of the work arena's own baton holders (the closest service of all)."""
    if not work_arena:
        return set()
    return {c.service for c in cat.coordinators if c.service and work_arena in {a.value for a in c.arenas}}


def _own_share(service: str, closest: set[str], own: set[str]) -> float:
    if service in closest or (not closest and service in own):
        return 1.0
    return SAME_KIND_SHARE if service in own else 0.0


SERVICE_AGES_EVIDENCE = 3


def service_ages(cat: Catalogue) -> dict[str, tuple[int, int]]:
    """The ages a service serves, as its own direct measures give them, for the services all of
    whose measures give both ends, at least SERVICE_AGES_EVIDENCE of them (Løten's ungdomsskole,
    15 measures: 13–15); a service with a measure of no age, or with fewer, is left out (it may
    serve anyone: one measure for 1.–2. trinn does not make SFO a service for 6–7-year-olds)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    open_ended: set[str] = set()
    for m in cat.measures:
        if m.purpose.value != "direct":
            continue
        if m.age_min is None or m.age_max is None:
            open_ended.add(m.service)
        else:
            spans.setdefault(m.service, []).append((m.age_min, m.age_max))
    return {svc: (min(lo for lo, _ in v), max(hi for _, hi in v)) for svc, v in spans.items()
            if svc not in open_ended and len(v) >= SERVICE_AGES_EVIDENCE}


def _span(lo: int | None, hi: int | None) -> str:
    """An age range as words: "6–13 år", "16 år og eldre", "opptil 18 år", "0 år"."""
    if lo is not None and hi is not None:
        return t("process.span_single", age=lo) if lo == hi else t("process.span_range", lo=lo, hi=hi)
    if lo is not None:
        return t("process.span_from", age=lo)
    return t("process.span_to", age=hi)


def _area_idf(cat: Catalogue) -> dict[str, float]:
    """Inverse frequency of each area among the catalogue's measures: a rare tag says more."""
    df = Counter(a for m in cat.measures for a in set(m.areas))
    n = max(len(cat.measures), 1)
    return {a: math.log(1 + n / c) for a, c in df.items()}


# areas that are one need seen from two sides: children as relatives is the parents' mental illness
# or substance use, so a measure tagged with it and with those areas (the ROP team, which treats
# the parent) is about that one need, not broadly tagged
SAME_NEED_AREAS = {"parental-mental-illness-substance-use": frozenset({"mental-health", "substance-use"})}


def _area_fit(wanted: tuple[str, ...], have: Iterable[str], idf: dict[str, float]) -> tuple[float, float, list[str]]:
    """(fit 0–1, specificity 0–1, matched areas). Fit is the geometric mean of coverage (how much
    of the need the measure meets, a rare area weighing more than a common one) and specificity
    (the share of the measure's own tags that are about this need): a measure tagged with many
    areas does not win by count."""
    have = list(dict.fromkeys(have))
    hits = [a for a in wanted if a in have]
    if not hits:
        return 0.0, 0.0, []
    coverage = sum(idf.get(a, 1.0) for a in hits) / sum(idf.get(a, 1.0) for a in wanted)
    about = set(hits) | {a for w in hits for a in SAME_NEED_AREAS.get(w, ()) if a in have}
    specificity = len(about) / len(have)
    return math.sqrt(coverage * specificity), specificity, hits


def _areas_text(areas: Iterable[str]) -> str:
    from bti_cli.catalogue.loader import area_label

    return ", ".join(area_label(a) for a in areas)


def measure_exclusion(m: Measure, need: Need, kinds: dict[str, str]) -> str | None:
    """Why a measure cannot apply to the need at all (a code), or None. One rule per code:
    `purpose:<competence|system>`, `audience:staff`, `period:ended`, `age:unborn`, `age:outside`,
    `age:infant`, `age:youth` (a youth-only measure without ages for a child under YOUTH_MIN_AGE),
    `age:child` (a measure for children without ages, for an adult),
    `age:before-birth` (a pregnancy measure for a child already born), `subject:other`."""
    from bti_cli.catalogue.loader import period_ended

    if m.purpose.value != "direct":
        return f"purpose:{m.purpose.value}"
    audience = {a.value for a in m.audience}
    if audience <= {"staff"} and not m.case_guidance:
        return "audience:staff"
    if not m.tiers:
        return "tier:none"  # the plan gives no tier: not direct help (the catalogue says so)
    if m.period is not None and period_ended(m.period.model_dump(), need.year, m.status.value):
        return "period:ended"
    if need.is_unborn:
        # for born children: an age range, or an audience of children (and their guardians)
        # without the pregnancy or the family (a school-health follow-up with the parents)
        if "pregnant" not in audience and not _young_mother_fits(m, need) and (
                m.age_min is not None or (audience & {"infant", "child"} and "family" not in audience)):
            return "age:unborn"
    elif (need.age is not None or need.subject in ("child", "youth")) and (
        "pregnant" in audience and not audience & {"infant", "child", "youth"}
    ):
        return "age:before-birth"
    if need.age is not None and not need.is_unborn:
        if (m.age_min is not None and need.age < m.age_min) or (m.age_max is not None and need.age > m.age_max):
            return "age:outside"
        if ("infant" in audience and audience <= {"infant", "guardians", "staff"} and need.age > INFANT_MAX_AGE
                and m.age_min is None and m.age_max is None):
            # for infants, or for the parents of one (breastfeeding support), with no ages of its
            # own: not for an older child
            return "age:infant"
        if "youth" in audience and audience <= {"youth", "staff"} and m.age_min is None and need.age < YOUTH_MIN_AGE:
            return "age:youth"
        if ("child" in audience and audience <= {"child", "infant", "guardians", "staff"} and m.age_min is None
                and m.age_max is None and need.age >= ADULT_AGE):
            return "age:child"  # for children («Barn og foresatte»), with no ages: not for an adult of 18–23
        kind = kinds.get(m.service)
        if (kind in EDUCATION_AGES and m.age_min is None and m.age_max is None and audience & CHILD_AUDIENCES
                and not EDUCATION_AGES[kind][0] <= need.age <= EDUCATION_AGES[kind][1]):
            # a kindergarten's or school's measure for its children, with no ages of its own, is
            # for the ages the service serves: not a 20-year-old's, nor an 8-year-old's kindergarten
            return "age:service"
    if need.subject in SUBJECT_AUDIENCES and not audience & (SUBJECT_AUDIENCES[need.subject] | _teen(need)) \
            and not _young_mother_fits(m, need) and not m.case_guidance:
        return "subject:other"
    return None


def coordination_roles(cat: Catalogue) -> dict[str, list[Coordinator]]:
    """service id → the level-3 coordination roles it holds (roles offered at level 3 only)."""
    out: dict[str, list[Coordinator]] = {}
    for c in cat.coordinators:
        if c.service and c.levels and min(c.levels) == 3:
            out.setdefault(c.service, []).append(c)
    return out


def _with_guardians(m: Measure, need: Need, closest: set[str], own: set[str]) -> bool:
    """The measure is the own service's cooperation with the guardians, which meets any concern at
    levels 1–2 (GUARDIANS_POINTS)."""
    return bool(m.with_guardians and need.level in GUARDIANS_POINTS
                and not (GUARDIANS_NOT_FIRST | CRISIS_FIRST) & set(need.areas)
                and max(_own_share(svc, closest, own) for svc in (m.service, *m.shared_with)))


def _measure(m: Measure, need: Need, idf: dict[str, float], closest: set[str], own: set[str],
             services: dict[str, str], coordination: dict[str, list[Coordinator]],
             guardians: bool = False, kin: frozenset[str] = frozenset(),
             kinds: dict[str, str] | None = None,
             service_ages: dict[str, tuple[int, int]] | None = None,
             units: frozenset[str] = frozenset()) -> tuple[float, Suggestion]:
    r = _Reasons()
    kinds = kinds or {}
    ages = service_ages or {}
    with_guardians = guardians and _with_guardians(m, need, closest, own)
    # a service the plan shares the measure with counts only for the ages it serves: Løten's
    # lower-secondary school, which runs the Allvørskafé with its pupils, is not an 8-year-old's
    shared = [svc for svc in m.shared_with
              if need.age is None or svc not in ages or ages[svc][0] <= need.age <= ages[svc][1]]
    level = need.level
    fits = TIER_FIT.get(level, TIER_FIT[1])
    best_fit, best_tier = max((fits[tr.value], tr.value) for tr in m.tiers)
    if m.only_when_area in need.areas and best_fit < fits["selective"]:
        # a measure for everyone in a group (the refugee service for «flyktninger»), the group
        # established by a concern area of the case: for this case it is prevention aimed at a
        # group at risk, which is what a selective measure is; said with the plan's own tier
        r.add(TIER_POINTS * fits["selective"], f"tier:{best_tier}",
              t("process.reason_tier_group", tier=t(f"process.tier_a_{best_tier}"), when=m.only_when))
        r.codes.append("tier-fit:group")
    elif best_fit >= 1.0:
        r.add(TIER_POINTS, f"tier:{best_tier}", t("process.reason_tier", tier=t(f"process.tier_a_{best_tier}"),
                                                  level=level))
    elif level == 1 and best_tier == "universal":
        # BTI.md maps level 1 to universal and selective measures: not "a poor fit", only a little
        # further from a concern than a measure for early signs
        r.add(TIER_POINTS * best_fit, f"tier:{best_tier}", t("process.reason_tier_universal_level1", level=level),
              miss=True)
    else:
        r.add(TIER_POINTS * best_fit, f"tier:{best_tier}", t("process.reason_tier_poor",
                                                             tier=t(f"process.tier_a_{best_tier}"), level=level),
              miss=True)
    if _beyond_level(m, need, kinds):
        r.add(0, "beyond-level", t("process.reason_beyond_level"), miss=True)
    if need.areas:
        fit, specific, hits = _area_fit(need.areas, m.areas, idf)
        if hits:
            broad = specific < BROAD_SPECIFICITY
            r.add(AREA_POINTS * fit, "area-fit:" + ("broad" if broad else "specific"),
                  t("process.reason_area", area=_areas_text(hits)))
            for a in hits:
                r.codes.append(f"area:{a}")
            if broad:
                r.note(t("process.reason_area_broad", count=len(m.areas)), miss=True)
            # an area no measure of the catalogue covers is said once, in the short list's note
            missed = [a for a in need.areas if a not in hits and a in idf]
            if missed:
                r.note(t("process.reason_area_partial", area=_areas_text(missed)), miss=True)
        else:
            # the level-3 coordination frame (an individual plan, a responsibility group) is for
            # any concern: "does not cover the chosen areas" would contradict its own reason
            # any concern: "does not cover the chosen areas" would contradict its own reason; so is
            # the own service's cooperation with the guardians lifted for it ("where BTI begins")
            frame = (level == 3 and m.coordination) or with_guardians
            r.add(0, "area:none", None if frame else t("process.reason_area_none"), miss=True)
    if m.only_when and m.only_when_area not in need.areas:
        # not asked, or asked through a concern area (minority background) that was not chosen
        r.add(ONLY_WHEN_POINTS, "only-when",
              t("process.reason_only_when", when=m.only_when) if m.only_when_area is None else
              t("process.reason_only_when_area", when=m.only_when, area=_areas_text([m.only_when_area])),
              miss=True)
    if (need.age is not None and need.age >= ADULT_AGE and not need.is_unborn
            and kinds.get(m.service) == "child-welfare" and not _own_share(m.service, closest, own)):
        # barnevern's measures reach a young adult only as aftercare (ettervern) for one who had its
        # help before 18: a situation the walk does not ask about, said like `only_when` (for
        # barnevern's own employee a young adult is an aftercare case already)
        r.add(ONLY_WHEN_POINTS, "only-when:aftercare", t("process.reason_only_when_aftercare"), miss=True)
    if level == 3 and m.coordination:
        roles = coordination.get(m.service, [])
        open_roles = [c for c in roles if not coordinator_conditions(c, need)[1]]
        if open_roles or not roles:
            # named by the person's role that holds it (koordinator); a group is no role
            person = next((c for c in open_roles if c.person), None)
            r.add(COORDINATION_POINTS, "coordination",
                  t("process.reason_coordination", role=person.role) if person
                  else t("process.reason_coordination_frame"))
        else:
            r.add(0, "coordination:conditions-unmet", t("process.reason_coordination_unmet", role=roles[0].role),
                  miss=True)
    audience = {a.value for a in m.audience}
    young_mother = "pregnant" not in audience and _young_mother_fits(m, need)
    if m.case_guidance and audience <= {"staff"}:
        # barnevern's guidance to the services in one case: for the employee, in this case
        r.add(SUBJECT_POINTS / 3, "subject:case-guidance", t("process.reason_subject_case_guidance"))
    elif young_mother:
        # a young people's measure she is one of by her age: it fits, but a measure for the
        # pregnancy fits closer (the midwife's EPDS talks before a youth club for a pregnant 24-year-old)
        r.add(SUBJECT_POINTS * YOUNG_MOTHER_SHARE, "subject:fits", t("process.reason_subject_youth"))
    elif need.subject in SUBJECT_SELF:
        # a measure for the pregnancy and the new mother (Søndre Land's EPDS: «gravide og
        # barselkvinner», an infant in its audience for the time after birth) helps a born child
        # through its mother, not as the one it is for; one that also names children or young
        # people (Løten's ROP team, Elverum's barnekoordinator) is for the child itself
        for_the_mother = ("pregnant" in audience and need.subject in ("child", "youth") and not need.is_unborn
                          and not audience & ({"child", "youth"} | _teen(need)))
        if audience & (SUBJECT_SELF[need.subject] | _teen(need)) and not for_the_mother:
            # a family case: a measure for the child and its parents (the kindergarten) is said
            # to be for the child in the family, one for the family or only the parents as such
            child_too = (need.subject == "family" and "family" not in audience
                         and bool(audience & _family_child_audiences(need)))
            spoken = _spoken_subject(need)
            key = "child_in_family" if child_too else spoken
            if m.with_guardians and need.subject in ("child", "youth") and "guardians" in audience:
                key = f"{spoken}_with_guardians"  # home–school cooperation is not "for the child itself"
            r.add(SUBJECT_POINTS, "subject:fits", t(f"process.reason_subject_{key}"))
        elif need.subject == "family" and audience & _family_child_audiences(need):
            # the family's child is whom it is for: not help "through the parents"
            r.add(SUBJECT_POINTS / 3, "subject:child-in-family", t("process.reason_subject_child_in_family"))
        elif need.age is not None and need.age >= ADULT_AGE and audience <= {"guardians", "staff"}:
            # for a young adult a measure for parents (foresatte) is for her as a parent, not through hers
            r.add(SUBJECT_POINTS / 3, "subject:as-a-parent", t("process.reason_subject_adult_parent"), miss=True)
        else:
            r.add(SUBJECT_POINTS / 3, "subject:through-parents", t("process.reason_subject_parents"))
    if (GUARDIANS_NOT_FIRST & set(need.areas) and kinds.get(m.service) == "child-welfare"
            and GUARDIANS_NOT_FIRST & set(m.areas) and not m.only_when):
        # barnevern is told at once (barnevernsloven § 13-2): its help for the suspicion comes first
        r.add(0, "safety:barnevern-first", t("process.reason_safety_barnevern_first"))
    if GUARDIANS_NOT_FIRST & set(need.areas) and kinds.get(m.service) != "child-welfare":
        # barnevern, once told, works with the guardians as it judges: its own measures are not held back
        if audience and audience <= {"guardians", "family", "staff"}:
            # for the parents, or the family as such (open meeting places, a family course): it
            # meets the guardians as much as a parents' course does
            r.add(GUARDIANS_ONLY_SAFETY_POINTS, "safety:guardians-only", t("process.reason_safety_guardians_only"),
                  miss=True)
        elif m.with_guardians:
            # the service's cooperation with the guardians (home–school cooperation, parent talks):
            # the same rule, a measure whose form is telling the guardians
            r.add(GUARDIANS_ONLY_SAFETY_POINTS, "safety:with-guardians", t("process.reason_safety_with_guardians"),
                  miss=True)
    if young_mother and (m.age_min is not None or m.age_max is not None):
        r.add(AGE_POINTS, "age:fits", t("process.reason_age_fits", age=need.mother_age,
                                        span=_span(m.age_min, m.age_max)))
    elif need.is_unborn:
        if "pregnant" in audience:
            # "for gravide" has said it already when the case is the pregnancy
            r.add(AGE_POINTS, "age:unborn",
                  None if need.subject == "pregnant" else t("process.reason_age_unborn"))
        else:
            r.add(0, "age:any", t("process.reason_age_any"), miss=True)
    elif need.age is None:
        r.add(0, "age:unknown", t("process.reason_age_unknown"), miss=True)
    elif m.age_min is None and m.age_max is None:
        r.add(AGE_POINTS / 3, "age:any", t("process.reason_age_any"), miss=True)
    else:
        r.add(AGE_POINTS, "age:fits", t("process.reason_age_fits", age=need.age, span=_span(m.age_min, m.age_max)))
    from bti_cli.catalogue.loader import period_due

    status = m.status.value
    not_started = m.period is not None and m.period.start is not None and m.period.start > need.year
    due = period_due(m.period.model_dump(), status, need.year) if m.period is not None else None
    if due is not None:
        # the plan said it would be in place by a year now past: offered with the running ones,
        # but the coordinator is told to check that it has started
        r.add(DUE_POINTS, "status:due", t(f"process.reason_status_due_{status}", year=due), miss=True)
        r.codes.append(f"status-words:{status}")
    else:
        # a running measure is the ordinary case: only a status that holds it back is said
        r.add(STATUS_POINTS[status], f"status:{status}",
              None if status == "active" else t(f"process.reason_status_{status}"), miss=True)
    if not_started and status == "active":
        r.add(STATUS_POINTS["planned"], "period:not-started", t("process.reason_period_not_started",
                                                              year=m.period.start if m.period else ""), miss=True)
    # a measure the plan gives to several services (`shared_with`) is each of theirs: Søndre
    # Land's foreldresamarbeid ("Barnehage, Skole") is the school's own as much as the kindergarten's
    share = max(_own_share(svc, closest, own) for svc in (m.service, *shared))
    led_by = kinds.get(m.service) in REFERRAL_KINDS and not _own_share(m.service, closest, own)
    if share and led_by and level <= 1:
        # shared with the own service, but led by a service one is referred to (PPT's expert
        # assessment "with kindergarten and school"): that service joining is level 2
        r.add(OWN_POINTS.get(level, 0) * share * LED_BY_OTHER_SHARE, "shared-led-by-other",
              t("process.reason_led_by_other", service=services.get(m.service, m.service)), miss=True)
    elif share:
        points = OWN_POINTS.get(level, 0) * share
        if need.areas and "area:none" in r.codes and not with_guardians:
            points /= 3  # the own service first, but not before a measure that meets the concern
        mine = next((svc for svc in shared if _own_share(svc, closest, own)), None)
        if _own_share(m.service, closest, own) or mine is None:
            # one named school of several: the teacher's own service only if she works there
            text = (t("process.reason_own_service_unit", service=services.get(m.service, m.service))
                    if m.service in units else t("process.reason_own_service"))
            r.add(points, "own-service", text)
        else:  # the label names the lead service: say how it is the employee's too
            r.add(points, "own-service", t("process.reason_own_service_shared", service=services.get(mine, mine)))
    elif kin_of := [svc for svc in (m.service, *shared) if svc in kin]:
        r.add(OWN_POINTS.get(level, 0) * KIN_SHARE / (3 if need.areas and "area:none" in r.codes else 1),
              "same-kind-service", t("process.reason_same_kind_service", service=services.get(kin_of[0], kin_of[0])),
              miss=level <= 1)
    elif level <= 1 and own:
        r.add(0, "other-service", t("process.reason_other_service", service=services.get(m.service, m.service)),
              miss=True)
    if with_guardians:
        r.add(GUARDIANS_POINTS[level], "with-guardians", t("process.reason_with_guardians"))
    r.source(m.source, best_tier)
    return r.score, Suggestion(
        "measure", m.id, m.name, round(r.score), tuple(r.codes), r.texts,
        {"service": m.service, "service_name": services.get(m.service, m.service),
         "tiers": [tr.value for tr in m.tiers], "status": status},
    )


def _need(level: int, age: int | None, areas: Iterable[str], work_arena: str | None, subject: str | None,
          unborn: bool, year: int | None, consent: bool = True) -> Need:
    kwargs: dict[str, Any] = {}
    if year is not None:
        kwargs["year"] = year
    return Need(level=level, subject=subject, age=None if unborn else age, unborn=unborn,
                areas=tuple(dict.fromkeys(areas)), work_arena=work_arena, consent=consent, **kwargs)


def _ordered(items: list[tuple[float, int, Suggestion]]) -> list[Suggestion]:
    """Best score first; ties keep the catalogue's order (never the alphabet)."""
    return [s for _, _, s in sorted(items, key=lambda x: (-x[0], x[1]))]


def rank_measures(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    subject: str | None = None,
    unborn: bool = False,
    year: int | None = None,
) -> list[Suggestion]:
    """Every measure that can apply to the need, best fit first (see the module's docstring)."""
    need = _need(level, age, areas, work_arena, subject, unborn, year)
    idf = _area_idf(cat)
    own = own_services(cat, work_arena)
    closest = arena_services(cat, work_arena) & own if own else set()
    kin = frozenset(_of_kind(cat, work_arena) - own)  # kin_services, with `own` already at hand
    services = {s.id: s.name for s in cat.services}
    kinds = {s.id: s.kind.value for s in cat.services}
    units = frozenset(s.id for s in cat.services if s.unit)
    coordination = coordination_roles(cat)
    ages = service_ages(cat)
    scored = []
    for i, m in enumerate(cat.measures):
        if measure_exclusion(m, need, kinds) is not None:
            continue
        if m.case_guidance and m.service in own:
            continue  # barnevern's guidance to the other services in a case is not for its own employee
        score, s = _measure(m, need, idf, closest, own, services, coordination, kin=kin, kinds=kinds,
                            service_ages=ages, units=units)
        scored.append((score, i, s))
    # meeting the guardians is one step: only one of the own service's measures with the guardians
    # is lifted for it, the others keep their own fit. The ordinary cooperation every family has
    # (a universal one: hjem-skolesamarbeid, foreldresamtaler om barnets utvikling) before one for
    # a group at risk (foreldresamtaler for families with a high level of conflict), then the fit
    candidates = [("universal" not in {tr.value for tr in cat.measures[i].tiers}, -score, i) for score, i, s in scored
                  if _with_guardians(cat.measures[i], need, closest, own)]
    if candidates:
        best = min(candidates)[2]
        for n, (_, i, _) in enumerate(scored):
            if i == best:
                score, s = _measure(cat.measures[i], need, idf, closest, own, services, coordination, guardians=True,
                                    kin=kin, kinds=kinds, service_ages=ages, units=units)
                scored[n] = (score, i, s)
    # the measures that meet the concern (or a level-3 coordination measure, the level's frame)
    # come first; within each group those not running yet (planned, developing, a project not
    # started) come after every running one
    ordered = _ordered(scored)
    ranked = sorted(ordered, key=lambda s: (not _barnevern_first(s),
                                            "beyond-level" in s.codes, not meets_concern(s), not _running(s),
                                            not meets_concern(s) and "own-service" not in s.codes))
    return cover_areas(ranked, need.areas)


def for_the_parents(m: Measure) -> bool:
    """A measure for the parents and not for the young person (guidance for parents, a course for
    them, help to the family as such)."""
    audience = {a.value for a in m.audience}
    return bool(audience & {"guardians", "family"}) and not audience & {"child", "youth", "infant"}


def parents_after(ranked: list[Suggestion], cat: Catalogue) -> list[Suggestion]:
    """When the young person consented alone, a measure for the parents comes after the others
    and says why: it brings in parents who did not consent, which the young person must agree to
    first (BTI.md, consent: it names the recipients and the information)."""
    parents = {m.id for m in cat.measures if for_the_parents(m)}
    reason = t("process.reason_parents_not_in_consent")
    later = [replace(s, codes=(*s.codes, "consent:youth-alone"), reasons=(*s.reasons, reason))
             for s in ranked if s.id in parents]
    return [s for s in ranked if s.id not in parents] + later


def _spoken_subject(need: Need) -> str:
    """The subject as a reason speaks of it: by the age, as the walkthrough's words are (from
    TEEN_AGE "the young person", under it "the child"), so a child of 21 is not "the child
    itself" and a young person of 4 not "young people"."""
    if need.subject in ("child", "youth") and need.age is not None and not need.is_unborn:
        return "youth" if need.age >= TEEN_AGE else "child"
    return str(need.subject)


def _barnevern_first(s: Suggestion) -> bool:
    """With suspected violence or abuse, barnevern's running help for it comes first, but not a
    measure for a situation to check first (a voluntary placement «when the child cannot live at
    home»)."""
    return ("safety:barnevern-first" in s.codes and _running(s)
            and not any(c.startswith("only-when") for c in s.codes))


def cover_areas(ranked: list[Suggestion], areas: Iterable[str]) -> list[Suggestion]:
    """Bring onto the first screen the best running measure for each concern area the first
    FIRST_SCREEN measures leave uncovered (in the order the areas were given), with a reason; never
    one for a situation not established (`only_when`: ICDP for newly arrived refugees). It
    takes the place of the lowest of the first measures whose areas stay covered without it (the
    only measure for another area is never pushed off). The walkthrough calls it again after
    leaving out what the consent does not cover."""
    wanted = list(dict.fromkeys(areas))

    def covered(items: Iterable[Suggestion]) -> set[str]:
        return {a for s in items for a in wanted if f"area:{a}" in s.codes}

    kept = ranked[:FIRST_SCREEN]
    pulled: dict[str, Suggestion] = {}  # area → the measure brought forward for it
    for area in wanted:
        code = f"area:{area}"
        if len(pulled) == AREA_COVER_MAX or area in covered([*kept, *pulled.values()]):
            continue
        # the one that covers most of the named areas (ROP for both substance use and mental health,
        # not a youth team for one of them), then the best ranked
        candidates = [(len(covered([s])), -i, s) for i, s in enumerate(ranked[FIRST_SCREEN:])
                      if code in s.codes and _running(s) and meets_concern(s) and "beyond-level" not in s.codes
                      and not any(c.startswith("only-when") for c in s.codes)]
        if not candidates:
            continue
        best = max(candidates, key=lambda c: c[:2])[2]
        # the lowest measure on the screen that no named area needs
        for out in reversed(kept):
            rest = [s for s in kept if s is not out]
            if covered([out]) <= covered([*rest, *pulled.values(), best]):
                kept.remove(out)
                pulled[area] = best
                break
    if not pulled:
        return ranked
    moved: list[Suggestion] = []
    for area, s in pulled.items():
        # the areas it is brought forward for: those nothing above it covers
        above = covered([*kept, *moved])
        newly = [a for a in wanted if f"area:{a}" in s.codes and a not in above] or [area]
        moved.append(replace(s, codes=(*s.codes, *(f"cover:{a}" for a in newly)),
                             reasons=(t("process.reason_area_cover", area=_areas_text(newly)), *s.reasons)))
    others = [s for s in ranked if s not in kept and s not in pulled.values()]
    return [*kept, *moved, *others]


def _beyond_level(m: Measure, need: Need, kinds: dict[str, str]) -> bool:
    """At levels 0–2, barnevern's indicated measures (a placement, drug tests, a visiting home)
    are beyond the own service and a simple cooperation, also for an employee of barnevern: they
    come after every other measure (BTI.md: "level 1 → universal and selective measures of the
    own service … level 3 → indicated measures … and barnevern measures"). Not with suspected
    violence or abuse, where barnevern comes first at any level (the safety rule), except a measure
    for a situation to check first (the plan's `only_when`: a voluntary placement «when the child
    cannot live at home»), which barnevern decides on and which does not come first."""
    return (
        need.level <= 2
        and (not GUARDIANS_NOT_FIRST & set(need.areas) or bool(m.only_when))
        and {tr.value for tr in m.tiers} == {"indicated"}
        and kinds.get(m.service) == "child-welfare"
    )


def meets_concern(s: Suggestion) -> bool:
    """A ranked measure that meets the concern: it covers a concern area (or none was given), or
    it is the level-3 coordination frame or the own service's cooperation with the guardians.
    These come first in `rank_measures`."""
    if "safety:guardians-only" in s.codes or "safety:with-guardians" in s.codes:
        return False  # a parents' course does not meet suspected violence before barnevern has
    return "area:none" not in s.codes or "coordination" in s.codes or "with-guardians" in s.codes


def _running(s: Suggestion) -> bool:
    """Running, or due: planned for a year that has passed (offered with the running ones)."""
    return (s.data.get("status") in ("active", "partial") or "status:due" in s.codes) \
        and "period:not-started" not in s.codes


def measure_exclusions(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    subject: str | None = None,
    unborn: bool = False,
    year: int | None = None,
) -> Counter[str]:
    """How many measures were left out, by reason (the first part of the exclusion code)."""
    need = _need(level, age, areas, work_arena, subject, unborn, year)
    kinds = {s.id: s.kind.value for s in cat.services}
    out: Counter[str] = Counter()
    for m in cat.measures:
        why = measure_exclusion(m, need, kinds)
        if why is not None:
            out[_EXCLUSION_GROUPS.get(why, why)] += 1
    return out


# exclusion code → the group a short list's explanation names
_EXCLUSION_GROUPS = {
    "purpose:competence": "staff_system",
    "purpose:system": "staff_system",
    "audience:staff": "staff_system",
    "period:ended": "ended",
    "tier:none": "staff_system",
    "age:unborn": "age",
    "age:outside": "age",
    "age:infant": "age",
    "age:youth": "age",
    "age:child": "age",
    "age:before-birth": "age",
    "age:service": "age",
    "subject:other": "subject",
}


def short_list_reasons(
    cat: Catalogue, ranked: list[Suggestion], *, level: int, age: int | None = None, areas: Iterable[str] = (),
    work_arena: str | None = None, subject: str | None = None, unborn: bool = False, year: int | None = None,
    enough: int = 5,
) -> list[str]:
    """Sentences that say why fewer than `enough` measures (or fewer that meet the concern areas)
    are offered; [] when the list is long enough."""
    areas = tuple(dict.fromkeys(areas))
    matching = [s for s in ranked if "area:none" not in s.codes]
    # an area none of the offered measures covers is said once here, not under every measure
    uncovered = [a for a in areas if not any(f"area:{a}" in s.codes for s in ranked)]
    if len(ranked) >= enough and (not areas or len(matching) >= enough):
        return [t("process.short_area_uncovered", areas=_areas_text(uncovered))] if uncovered else []
    excluded = measure_exclusions(cat, level=level, age=age, areas=areas, work_arena=work_arena, subject=subject,
                                  unborn=unborn, year=year)
    parts = [t(f"process.short_{group}", count=n) for group, n in sorted(excluded.items())]
    lines = []
    if len(ranked) < enough:
        lines.append(t("process.short_list", count=len(ranked), total=len(cat.measures)))
    if areas and len(matching) < enough:
        counts = ", ".join(t("process.short_area_count", area=_areas_text([a]),
                             count=sum(1 for s in ranked if f"area:{a}" in s.codes)) for a in areas)
        lines.append(t("process.short_areas" if matching else "process.short_areas_none", count=len(matching),
                       counts=counts))
    if parts:
        lines.append(t("process.short_left_out", reasons="; ".join(parts)))
    return lines


def rank_arenas(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    anonymous_only: bool = False,
    consent: bool = True,
    unborn: bool = False,
    subject: str | None = None,
    meeting: bool = False,
) -> list[Suggestion]:
    """Case tables that serve the level, best first. Without consent (`consent=False`) the tables
    that take a case anonymously or without consent come first; `anonymous_only` keeps only them
    (the walkthrough, where a case without consent may go nowhere else). `meeting`: where a meeting
    the family has consented to is held (the walkthrough's `meeting_arena`): a table only for
    anonymous discussion (`anonymous_only` in the catalogue) is no such place, and that a table
    needs consent goes without saying."""
    need = _need(level, age, areas, work_arena, subject, unborn, None, consent=consent and not anonymous_only)
    idf = _area_idf(cat)
    own = own_services(cat, work_arena)
    kinds = {x.id: x.kind.value for x in cat.services}
    scored = []
    for i, a in enumerate(cat.arenas):
        if a.kind.value != "case" or level not in a.levels:
            continue
        open_without_consent = a.anonymous or a.without_consent
        if (anonymous_only and not open_without_consent) or (meeting and a.anonymous_only):
            continue
        if a.anonymous_only and a.services and own and set(a.services) <= own:
            continue  # an anonymous consultation with barnevern is for other services, not barnevern's own employee
        if not need.is_unborn and need.age is not None and (
            (a.age_min is not None and need.age < a.age_min) or (a.age_max is not None and need.age > a.age_max)
        ):
            continue
        audience = {x.value for x in a.audience}
        if ("youth" in audience and audience <= {"youth", "guardians"} and a.age_min is None
                and need.age is not None and not need.is_unborn and need.age < YOUTH_MIN_AGE):
            continue  # a table for young people («ungdom», no ages) is not a 9-year-old's: as for measures
        education_only = bool(a.services) and all(kinds.get(x) in EDUCATION_KINDS for x in a.services)
        if need.is_unborn and ((a.age_min is not None and a.age_min > 0) or education_only):
            continue  # for children already born: an age from 1, or a table of kindergarten, school and PPT
        if education_only and need.age is not None and not need.is_unborn and a.age_min is None \
                and a.age_max is None:
            lo, hi = _education_ages({kinds.get(x) for x in a.services})
            if not lo <= need.age <= hi:
                continue  # a kindergarten–PPT table is for kindergarten children, a school–PPT one for pupils
        r = _Reasons()
        r.add(10 + 4 / len(a.levels), f"level:{level}",
              t("process.reason_arena_level_bti" if a.levels_basis == "bti" else "process.reason_arena_level",
                level=level))
        if (a.age_min is not None or a.age_max is not None) and (need.age is not None or need.is_unborn):
            r.add(AGE_POINTS, "age:fits", t("process.reason_arena_age", span=_span(a.age_min, a.age_max)))
        if need.areas and a.areas:
            fit, specific, hits = _area_fit(need.areas, a.areas, idf)
            if hits:
                r.add(AREA_POINTS / 2 * fit, "area-fit:" + ("broad" if specific < BROAD_SPECIFICITY else "specific"),
                      t("process.reason_area", area=_areas_text(hits)))
                r.codes.extend(f"area:{x}" for x in hits)
            else:
                r.add(-AREA_POINTS / 4, "area:none", t("process.reason_arena_area_none"), miss=True)
        safety = bool(GUARDIANS_NOT_FIRST & set(need.areas))
        if open_without_consent:
            r.add(0 if need.consent and not safety else ANONYMOUS_POINTS,
                  "anonymous" if a.anonymous else "without-consent", t("process.reason_anonymous"))
            if safety:
                r.add(0, "safety:without-consent", t("process.reason_arena_safety"))
        elif safety and not meeting:
            # asking the guardians for consent tells them: under suspected violence barnevern first
            r.add(-ANONYMOUS_POINTS, "safety:consent-after-barnevern",
                  t("process.reason_arena_consent_after_barnevern"), miss=True)
        else:
            r.add(0, "needs-consent", None if meeting else t("process.reason_needs_consent"))
        mine = [s for s in a.services if s in own]
        others = [s for s in a.services if s not in own]
        if mine:
            r.add(4, "own-service", t("process.reason_own_service_takes_part"))
        elif level <= 1 and own and a.services and not open_without_consent:
            # at level 1 the own service acts alone: a table of other services that takes the
            # case with consent is where it goes at level 2 (an anonymous one is open at once)
            r.add(NOT_OWN_TABLE_POINTS, "other-services-only", t("process.reason_arena_not_own"), miss=True)
        if level >= 2 and others:
            r.add(min(len(others), 3), "other-services", t("process.reason_other_services", count=len(others)))
        if a.status.value != "active":
            r.add(PLANNED_ARENA_POINTS, f"status:{a.status.value}", t(f"process.reason_status_{a.status.value}"),
                  miss=True)
        if (need.age is not None and need.age >= ADULT_AGE and not need.is_unborn and need.subject != "pregnant"
                and a.services and all(kinds.get(x) == "child-welfare" for x in a.services)):
            # barnevern's table (the anonymous consultation too) reaches a young adult only as
            # aftercare (ettervern) for one who had its help before 18, as its measures do
            r.add(ONLY_WHEN_POINTS, "only-when:aftercare", t("process.reason_only_when_aftercare"), miss=True)
        r.source(a.source)
        scored.append((r.score, i, Suggestion(
            "arena", a.id, a.name, round(r.score), tuple(r.codes), r.texts,
            {"anonymous": a.anonymous, "levels": list(a.levels), "services": list(a.services),
             "frequency": a.frequency, "status": a.status.value},
        )))
    # at level 1 a table of other services that takes the case with consent is the level-2 step:
    # it comes after every table open now (the own service's, the anonymous ones); a table not
    # running yet (Elverum's BTI fagmøte, «tilbys ikke før det er etablert») after every running one,
    # as for measures
    return sorted(_ordered(scored), key=lambda s: (s.data.get("status", "active") != "active",
                                                   "other-services-only" in s.codes))


def role_subject_fit(c: Coordinator, need: Need) -> str | None:
    """Whom a role with `subjects` serves, against the case's subject: "self" (the midwife for a
    pregnancy, SLT's youth role for a young person), "parents" (a role for the guardians, in a
    case about the child: it fits only if the help is for them, which the case does not say),
    "other" (the midwife for a born child), or None when either side says nothing."""
    if not c.subjects or need.subject not in SUBJECT_AUDIENCES:
        return None
    roles = {s.value for s in c.subjects}
    # a role is for whom it names: a family case is not a pregnancy unless the child is unborn
    # (the midwife is not the baton holder for a family with a newborn or an 11-year-old)
    pregnancy = {"pregnant"} if need.is_unborn or need.subject == "pregnant" else set()
    if roles & (SUBJECT_SELF[need.subject or ""] | _teen(need) | pregnancy):
        return "self"
    if roles & ROLE_SUBJECTS[need.subject or ""]:
        return "parents"
    return "other"


def role_ages(c: Coordinator) -> tuple[int | None, int | None]:
    """A role's ages: its own, or for a role of kindergartens, schools or health stations alone that
    gives none, the ages those arenas serve (ROLE_ARENA_AGES: a kindergarten teacher is not a
    17-year-old's baton holder)."""
    if c.age_min is not None or c.age_max is not None or not c.arenas or c.subjects:
        return c.age_min, c.age_max  # a role for whom it names (the midwife) has no arena ages
    spans = [ROLE_ARENA_AGES.get(a.value) for a in c.arenas]
    if any(span is None for span in spans):
        return None, None
    return min(s[0] for s in spans if s), max(s[1] for s in spans if s)


def coordinator_conditions(c: Coordinator, need: Need) -> tuple[list[str], list[str]]:
    """(met, unmet) structured conditions of a role (`subject`, `age`, `areas`) for the need;
    a condition the need does not say anything about is in neither."""
    met: list[str] = []
    unmet: list[str] = []
    fit = role_subject_fit(c, need)
    if fit == "self":
        met.append("subject")
    elif fit == "other":
        unmet.append("subject")
    age_min, age_max = role_ages(c)
    if age_min is not None or age_max is not None:
        # a pregnant pupil of 16 is within the school nurse's range: the mother's age counts
        age = need.mother_age if need.mother_age is not None else None if need.is_unborn else need.age
        if age is not None:
            inside = not ((age_min is not None and age < age_min) or (age_max is not None and age > age_max))
            if not inside:
                unmet.append("age")
            elif (c.age_min, c.age_max) != (None, None):
                met.append("age")  # the ages an arena serves only rule a role out, they earn nothing
        elif need.is_unborn:
            # an age range that starts at birth or later is for children already born
            (met if age_min is None else unmet).append("age")
    if c.areas and need.areas:
        (met if set(c.areas) & set(need.areas) else unmet).append("areas")
    return met, unmet


def _role_whom(c: Coordinator) -> str:
    """Whom a role serves, in words ("for gravide"): its first subject."""
    first = c.subjects[0].value if c.subjects else "family"
    return t("process.reason_subject_" + {"infant": "child", "guardians": "family"}.get(first, first))


def rank_coordinators(
    cat: Catalogue,
    *,
    level: int,
    work_arena: str | None = None,
    subject: str | None = None,
    age: int | None = None,
    unborn: bool = False,
    areas: Iterable[str] = (),
) -> list[Suggestion]:
    """Baton-holder roles (never a group) for the level, best first: the closest professional of
    the work arena, then roles whose conditions the case meets; a role whose conditions it does
    not meet comes last and says so. Ties keep the catalogue's order."""
    from bti_cli.catalogue.loader import work_arena_label

    need = _need(level, age, areas, work_arena, subject, unborn, None)
    own = own_services(cat, work_arena)
    # at levels 1–2 the baton stays in the work arena when it has a role of its own
    arena_has_role = level <= 2 and any(
        level in c.levels and c.person and work_arena in {a.value for a in c.arenas} for c in cat.coordinators)
    scored = []
    fit_counts: Counter[str] | None = None

    def service_fit() -> Counter[str]:
        """How many measures of each service meet a concern area of the case (worked out once)."""
        nonlocal fit_counts
        if fit_counts is None:
            ranked = rank_measures(cat, level=level, age=age, areas=areas, subject=subject, unborn=unborn)
            fit_counts = _per_service(cat, (x for x in ranked if "area:none" not in x.codes))
        return fit_counts

    for i, c in enumerate(cat.coordinators):
        if level not in c.levels or not c.person:
            continue
        met, unmet = coordinator_conditions(c, need)
        # a role for whom the case is about (the midwife for a pregnancy) is offered from any arena
        # (it serves no one else: SLT's role "for youth and guardians" stays in its arena)
        own_subjects = SUBJECT_SELF.get(need.subject or "", frozenset()) | (
            {"pregnant"} if need.is_unborn else set())
        role_subjects = {x.value for x in c.subjects}
        for_subject = bool(role_subjects) and role_subjects <= own_subjects and not unmet
        if arena_has_role and c.arenas and work_arena not in {a.value for a in c.arenas} and not for_subject:
            continue
        r = _Reasons()
        r.add(10, f"level:{level}")  # every role listed serves the level: not said each time
        arenas = [a.value for a in c.arenas]
        where = ", ".join(work_arena_label(a) for a in arenas)  # the role's arenas, as its reasons name them
        if arenas and work_arena in arenas:
            r.add(ROLE_ARENA_POINTS, f"arena:{work_arena}",
                  t("process.reason_coordinator_arena", arena=work_arena_label(work_arena)))
        elif not arenas:
            r.add(2, "arena:any", t("process.reason_coordinator_any"))
            if level == 1 and work_arena and not arena_has_role:
                r.add(0, "arena:no-own-role", t("process.reason_coordinator_no_own_role",
                                                arena=work_arena_label(work_arena)))
        elif for_subject:
            # the midwife for a pregnancy, met at school health: before the arena's own nurse
            r.add(ROLE_ARENA_POINTS + SUBJECT_ROLE_LEAD, "subject-role",
                  t("process.reason_coordinator_subject_role", arena=where))
        elif level == 1 and work_arena:
            # level 1 is measures in the own service (BTI.md): a role of another arena would take
            # the case out of it, so the own unit's leader (a role of any arena) comes first
            r.add(-10 + LEVEL1_OTHER_ARENA_POINTS, "arena:other",
                  t("process.reason_coordinator_other_arena_level1", arena=where), miss=True)
        else:
            r.add(-10, "arena:other", t("process.reason_coordinator_other_arena", arena=where), miss=True)
        if arenas and work_arena not in arenas and need.areas and c.service:
            # of two professionals who follow a child of this age (the kindergarten teacher and the
            # health nurse for a 5-year-old), the one whose service has measures for the concern
            fitting = service_fit().get(c.service, 0)
            if fitting:
                r.add(ROLE_SERVICE_FIT_POINTS * min(fitting, 3), "service-fit",
                      t("process.reason_coordinator_service_fit", count=fitting))
        if c.exception:
            r.add(EXCEPTION_ROLE_POINTS, "exception", t("process.reason_coordinator_exception"), miss=True)
        if level == 3 and GUARDIANS_NOT_FIRST & set(need.areas) and "child-welfare" in arenas:
            r.add(SAFETY_ROLE_POINTS, "safety:child-welfare", t("process.reason_coordinator_safety"))
        ages = role_ages(c)
        stated = (bool(c.subjects), (c.age_min, c.age_max) != (None, None), bool(c.areas))
        # a role wins on its conditions only when the case meets every one it states
        points = ROLE_CONDITION_POINTS if len(met) == sum(stated) else 0
        if level == 3 and c.levels == [3] and sum(stated) and len(met) == sum(stated):
            # the level's own role whose conditions the case meets (the child coordinator for a
            # disability) before the arena's everyday holder
            r.add(LEVEL3_ROLE_POINTS, "level3-role", t("process.reason_coordinator_level3_role"))
        subject_fit = role_subject_fit(c, need)
        for cond in met:
            # whom the role is for (the midwife: «for gravide»), not whom the case is about
            r.add(points, f"condition-met:{cond}", t(f"process.reason_condition_met_{cond}", who=_role_whom(c)))
        for cond in ("subject", "age", "areas"):
            if stated[("subject", "age", "areas").index(cond)] and cond not in met and cond not in unmet:
                key = "parents_subject" if cond == "subject" and subject_fit == "parents" else cond
                r.add(0, f"condition-unknown:{key}", t(f"process.reason_condition_unknown_{key}"), miss=True)
        for cond in unmet:
            # a role for children already born, in a pregnancy: say so with its ages
            key = "age_unborn" if cond == "age" and need.is_unborn and need.mother_age is None else cond
            if key == "age" and (c.age_min, c.age_max) == (None, None):
                key = "age_arena"  # the ages of the role's arenas (ROLE_ARENA_AGES), not the plan's
            r.add(ROLE_UNMET_POINTS, f"condition-unmet:{cond}", t(
                f"process.reason_condition_unmet_{key}", who=_role_whom(c), span=_span(*ages),
                arena=where), miss=True)
        if c.service and c.service in own and (not arenas or work_arena in arenas):
            # said only when the arena has not said it already ("the closest professional where
            # you work"); a role of another arena is not the employee's own, whatever its service
            r.add(3, "own-service", None if work_arena in arenas else t("process.reason_own_service"))
        if c.legal_basis:
            r.add(0, "legal-basis", t("process.reason_legal_basis", basis=c.legal_basis))
        if c.conditions and not c.exception:
            # an exception's condition («Unntaksvis, når …») is what its own reason says already;
            # when every condition the catalogue states is met, the plan's words say the same
            # («Når bekymringen gjelder en gravid» for a pregnancy): quoted, not "to check"
            all_met = bool(sum(stated)) and len(met) == sum(stated) and not unmet
            # whose words they are: the plan's, the BTI model's (a plan silent on baton holders)
            # or the law's, as the role's source says
            basis = "" if c.source.basis.value == "plan" else f"_{c.source.basis.value}"
            r.add(0, "conditions", t(("process.reason_conditions_met" if all_met else "process.reason_conditions")
                                     + basis, conditions=c.conditions.rstrip(". ")))
        scored.append((r.score, i, Suggestion(
            "coordinator", c.id, c.role, round(r.score), tuple(r.codes), r.texts,
            {"levels": list(c.levels), "arenas": arenas, "service": c.service},
        )))
    return _ordered(scored)


def _per_service(cat: Catalogue, measures: Iterable[Suggestion]) -> Counter[str]:
    """How many of the ranked `measures` each service runs, a measure the plan gives to several
    services (`shared_with`) counting for each of them, as the consent's coverage has it."""
    shared = {m.id: m.shared_with for m in cat.measures}
    return Counter(svc for s in measures for svc in dict.fromkeys((s.data["service"], *shared.get(s.id, ()))))


def rank_services(
    cat: Catalogue,
    *,
    level: int,
    age: int | None = None,
    areas: Iterable[str] = (),
    work_arena: str | None = None,
    subject: str | None = None,
    unborn: bool = False,
) -> list[Suggestion]:
    """Other services, ranked by how many fitting measures they offer for the need."""
    own = own_services(cat, work_arena)
    fitting = rank_measures(cat, level=level, age=age, areas=areas, subject=subject, unborn=unborn)
    # a measure that meets the concern, as `rank_measures` puts first: the level-3 coordination
    # frame (individual plan, coordinator) counts for its service even without a concern area; a
    # shared measure for each service (the walkthrough's `measure_coverage` covers it so too)
    counts = _per_service(cat, (s for s in fitting if meets_concern(s)))
    scored = []
    for i, svc in enumerate(cat.services):
        n = counts.get(svc.id, 0)
        r = _Reasons()
        r.add(3 * n, f"measures:{n}", t("process.reason_service_measures", count=n))
        if svc.id in own:
            r.add(-1, "own-service", t("process.reason_own_service"))
        scored.append((r.score, i, Suggestion("service", svc.id, svc.name, round(r.score), tuple(r.codes),
                                              r.texts, {"kind_of_service": svc.kind.value})))
    return _ordered(scored)


def find_coordinator(cat: Catalogue, key: str) -> Coordinator | None:
    from bti_cli.catalogue.loader import fold

    for c in cat.coordinators:
        if c.id == key or fold(c.role) == fold(key):
            return c
    return None
