"""The process definition (data/process.toml) and the walkthrough as a pure state machine.

Loading: `load(catalogue=None)` reads the shipped process, merges a municipality's
`[[process.steps]]` overrides (replace a step by id, insert one with `after`, drop one with
`remove = true`) and validates the result; every problem is reported as `file:line field: message`.

The engine: `next_action(process, events)` replays the events of a case (anything with `level`,
`step`, `kind`, `question`, `value`) and says what happens next:

- `Ask(step, question)`: the next unanswered question whose `when` holds;
- `Decide(step, options)`: every question of a deciding step is answered; choose where to go;
- `Record(step, kind, value)`: an event the caller appends without asking (the decision
  `notify` after the safety gate, or the `evaluation` / `notify` / `close` event of a step);
- `Stop(step)`: a step's `stop_unless` does not hold (barnevern not yet informed): the
  walkthrough pauses there and `resume=True` asks the step's gating question again;
- `Done(reason)`: nothing to ask: `waiting` (for an evaluation), or `closed`.

The engine never prints, prompts, reads files or looks at the clock.
"""

from __future__ import annotations

import ast
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bti_cli.catalogue.models import Labels
from bti_cli.catalogue.validation import TomlLines, format_problem, pydantic_errors
from bti_cli.errors import DataError
from bti_cli.i18n import t

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from bti_cli.catalogue.models import Catalogue

PROCESS_SCHEMA_VERSION = 1
SAFETY_STEP = "safety"
SAFETY_QUESTION = "danger"
NOTIFY_STEP = "notify"
CLOSE_STEP = "close"
DECISION_KEY = "decision"

KINDS = ("choice", "multi-choice", "yes-no", "integer", "date", "text", "measures", "coordinator", "consent",
         "owners")
RECORD_KINDS = ("evaluation", "notify", "close")
CORRECTION_KINDS = ("correction", "withdraw")  # change an earlier answer; never replayed themselves
BUILTIN_NAMES = {"level", "consent_age", "consent_age_health", "municipality", "consent_was_given",
                 "texts_mention_violence", "true", "false", "none"}
# The safety rule (BTI.md: suspected violence or abuse, barnevern first, guardians not first) must
# not hang on one yes-no answer: when what the employee wrote about the concern names violence or
# abuse while the safety question was answered no, the walk asks once more (`texts_mention_violence`
# in the process's conditions). The words of bokmål, nynorsk and English for hitting, kicking,
# threatening, abuse and violence, bruises and a hard grip («tar tak i»); «voldsom» (intense) and
# «hit» (Norwegian: here) are not among them.
VIOLENCE_WORDS_RE = re.compile(
    r"(?<![^\W\d_])(?:vold|volden|voldelig|voldelige|vald|valden|valdeleg|valdelege|voldtekt\w*|valdtekt\w*"
    r"|slå|slår|slo|slått|slegen|slag|slagene|juling|banke|banker|banket|banka|sparke|sparker|sparket|sparka"
    r"|lugge|lugger|lugget|lugga|kvele|kveler|kvelte|kvelt|klyper|kløp|ørefik\w*|overgrep\w*|overgriper\w*"
    r"|misbruk|misbruker|misbrukt|misbrukte|trusler|trussel|truer|truet|truar|truga|beføl\w*|incest"
    r"|blåmerk\w*|bruise\w*|tar[ \t]+(?:hardt[ \t]+)?tak[ \t]+i|tok[ \t]+(?:hardt[ \t]+)?tak[ \t]+i|grabbed"
    r"|violence|violent|hits|hitting|beat|beats|beaten|beating|kick|kicks|kicked|kicking|slap|slaps|slapped"
    r"|punch|punches|punched|abuse|abused|abusive|rape|raped|threaten\w*|chok(?:e|ed|es|ing)|strangl\w*)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# the answers read for it: what the employee saw or heard, and what the child said or did
VIOLENCE_READ_IN = ("observations", "child_said")

StepId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=40)]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Target = Annotated[str, StringConstraints(pattern=r"^(level:[0-3]|close|notify|continue)$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Option(_Strict):
    value: str | int | bool
    label: Labels
    when: str | None = None
    gate: bool = False  # choosing this option leads straight to the safety gate (concern scale 4)


class Variant(_Strict):
    """Other words for a question when `when` holds ("subject == 'pregnant'": the woman herself,
    not the guardians; "municipality == 'loten'": a quote from that municipality's own plan).
    The first variant that holds gives the text (and help); one that leaves a field out keeps
    the question's own."""

    when: str
    text: Labels | None = None
    help: Labels | None = None


class StepVariant(_Strict):
    """Other words for a step's title and intro when `when` holds (as `Variant`)."""

    when: str
    title: Labels | None = None
    intro: Labels | None = None


class Question(_Strict):
    id: QuestionId
    kind: Literal[
        "choice", "multi-choice", "yes-no", "integer", "date", "text", "measures", "coordinator", "consent",
        "owners",  # an owner role and a date for each measure of the step's `measures` answer
    ]
    text: Labels
    help: Labels | None = None
    required: bool = True
    # a required question may be left empty when this holds (a pregnant woman's age: "don't
    # know, or an adult"); the question is still asked
    optional_when: str | None = None
    when: str | None = None
    options: list[Option] = Field(default_factory=list)
    options_from: Literal["work_arenas", "areas", "services", "arenas"] | None = None
    min: int | None = None
    max: int | None = None
    unborn: bool = False
    past: bool = False  # a date that cannot lie in the future
    future: bool = False  # a date that cannot lie in the past
    max_length: Annotated[int, Field(ge=1, le=4000)] | None = None
    default: str | int | bool | None = None
    # a text written for the family, shown in their summary (`cases show --for guardians`);
    # every other free text is for the case log and never shown to the family
    for_family: bool = False
    variants: list[Variant] = Field(default_factory=list)


class DecisionVariant(_Strict):
    """Other words for a decision's note when `when` holds (as `Variant`)."""

    when: str
    note: Labels


class Decision(_Strict):
    to: Target
    label: Labels
    when: str | None = None
    note: Labels | None = None  # said once the decision is taken, when `note_when` holds
    note_when: str | None = None
    variants: tuple[DecisionVariant, ...] = ()  # a tuple: a decision is hashed (the engine compares sets of them)


class Step(_Strict):
    id: StepId
    level: Annotated[int, Field(ge=0, le=3)] | None = None
    phase: Literal["start", "evaluation", "notify", "close"] = "start"
    title: Labels
    intro: Labels | None = None
    when: str | None = None
    questions: list[Question] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    record: Literal["evaluation", "notify", "close"] | None = None
    record_fields: list[QuestionId] = Field(default_factory=list)
    stop_unless: str | None = None
    stop_text: Labels | None = None
    variants: list[StepVariant] = Field(default_factory=list)
    # only in a municipality's [[process.steps]]:
    after: StepId | None = None
    remove: bool = False

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)


class LevelDef(_Strict):
    level: Annotated[int, Field(ge=0, le=3)]
    name: Labels
    purpose: Labels
    continue_at: StepId | None = None


class ProcessFile(_Strict):
    schema_version: Annotated[int, Field(ge=1, le=PROCESS_SCHEMA_VERSION)] = PROCESS_SCHEMA_VERSION
    version: Annotated[str, StringConstraints(min_length=1)]
    levels: list[LevelDef] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)


@dataclass(frozen=True)
class Process:
    """A validated process definition plus the settings its conditions may read."""

    definition: ProcessFile
    version_hash: str
    settings: dict[str, int] = field(default_factory=dict)
    source: str = "process.toml"
    # where each setting comes from (plan, bti, law): the texts word a rule by it
    setting_sources: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    municipality: str = ""  # the catalogue's slug: `municipality` in conditions (a text variant)

    @property
    def steps(self) -> list[Step]:
        return self.definition.steps

    @property
    def version(self) -> str:
        return self.definition.version

    def step(self, step_id: str) -> Step | None:
        return _step_index(self).get(step_id)

    def required_step(self, step_id: str) -> Step:
        """A step every valid process has (`check` refuses a process without it)."""
        found = self.step(step_id)
        if found is None:
            raise KeyError(step_id)
        return found

    def level(self, level: int) -> LevelDef | None:
        return next((lv for lv in self.definition.levels if lv.level == level), None)

    def for_family(self, step_id: str, question_id: str | None) -> bool:
        """True for a text written for the family (`for_family = true`): the one rule for which
        answers the family summary may show. Every other answer is for the case log only."""
        step = self.step(step_id)
        question = step.question(question_id) if step is not None and question_id else None
        return question is not None and question.for_family

    def phase_steps(self, level: int, phase: str) -> list[Step]:
        if phase in ("notify", "close"):
            return [s for s in self.steps if s.phase == phase]
        return [s for s in self.steps if s.level == level and s.phase == phase]

    @property
    def deadline_days(self) -> int:
        return int(self.settings.get("decision_deadline_days", 14))

    def __hash__(self) -> int:
        return hash((self.version_hash, tuple(sorted(self.settings.items()))))


_INDEX: dict[int, dict[str, Step]] = {}


def _step_index(proc: Process) -> dict[str, Step]:
    key = id(proc.definition)
    index = _INDEX.get(key)
    if index is None:
        index = {s.id: s for s in proc.steps}
        _INDEX[key] = index
    return index


# --------------------------------------------------------------------------- conditions


class ConditionError(ValueError):
    pass


MAX_CONDITION_CHARS = 500
MAX_CONDITION_DEPTH = 40
_CMP = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)


@cache
def parse_condition(text: str) -> ast.Expression:
    """Parse a `when` expression; only names, constants, lists, comparisons, and/or/not, at most
    MAX_CONDITION_CHARS long and MAX_CONDITION_DEPTH deep (a hostile file stays an error)."""
    if len(text) > MAX_CONDITION_CHARS:
        raise ConditionError(t("process.v_condition_too_long", chars=MAX_CONDITION_CHARS))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ConditionError(t("process.v_condition_syntax", condition=repr(text), detail=exc.msg)) from None
    except (RecursionError, MemoryError):
        raise ConditionError(t("process.v_condition_too_deep", depth=MAX_CONDITION_DEPTH)) from None
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_CONDITION_DEPTH:
            raise ConditionError(t("process.v_condition_too_deep", depth=MAX_CONDITION_DEPTH))
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Expression | ast.Load | ast.And | ast.Or | ast.Not | ast.Name | ast.Constant):
            continue
        if isinstance(node, ast.BoolOp | ast.UnaryOp | ast.List | ast.Tuple | ast.Compare):
            if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not | ast.USub):
                raise ConditionError(t("process.v_condition_operator", condition=repr(text)))
            continue
        if isinstance(node, (ast.USub, ast.Attribute, *_CMP)):
            continue
        raise ConditionError(t("process.v_condition_node", node=type(node).__name__, condition=repr(text)))
    return tree


def condition_names(text: str) -> set[str]:
    """The answer ids a condition reads (first part of `consent.given`)."""
    tree = parse_condition(text)
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def _value(node: ast.AST, env: dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        name = node.id
        if name in ("true", "false", "none"):
            return {"true": True, "false": False, "none": None}[name]
        return env.get(name)
    if isinstance(node, ast.Attribute):
        base = _value(node.value, env)
        return base.get(node.attr) if isinstance(base, dict) else None
    if isinstance(node, ast.List | ast.Tuple):
        return [_value(e, env) for e in node.elts]
    if isinstance(node, ast.UnaryOp):
        operand = _value(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not operand
        return -operand if isinstance(operand, int | float) else None
    if isinstance(node, ast.BoolOp):
        values = (_value(v, env) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = _value(node.left, env)
        for op, comp in zip(node.ops, node.comparators, strict=True):
            right = _value(comp, env)
            if not _compare(op, left, right):
                return False
            left = right
        return True
    raise ConditionError(t("process.v_condition_unsupported", node=type(node).__name__))


def _compare(op: ast.cmpop, left: Any, right: Any) -> bool:
    if isinstance(op, ast.Eq):
        return left == right
    if isinstance(op, ast.NotEq):
        return left != right
    if isinstance(op, ast.In | ast.NotIn):
        if isinstance(right, list | tuple | str | dict):
            if isinstance(left, list):  # a multi-choice answer: any overlap
                hit = any(item in right for item in left)
            else:
                try:
                    hit = left in right
                except TypeError:
                    hit = False
        else:
            hit = False
        return hit if isinstance(op, ast.In) else not hit
    try:  # an order between unlike values (None, a text and a number) is false
        if isinstance(op, ast.Lt):
            return left < right
        if isinstance(op, ast.LtE):
            return left <= right
        if isinstance(op, ast.Gt):
            return left > right
        return left >= right
    except TypeError:
        return False


def holds(text: str | None, env: dict[str, Any]) -> bool:
    """True when `text` is empty or holds for the answers in `env`."""
    if not text:
        return True
    return bool(_value(parse_condition(text).body, env))


# --------------------------------------------------------------------------- loading


def _problem(name: str, lines: TomlLines, loc: Sequence[str | int], message: str,
             prefix: Sequence[str] = ()) -> str:
    """`file:line field: message` for a field path, under `prefix` (('process',) for a
    municipality's overrides)."""
    return format_problem(name, lines.locate([*prefix, *loc]), [*prefix, *loc], message)


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    from bti_cli.catalogue.loader import _parse_toml as parse

    return parse(text, name)


def check(definition: ProcessFile) -> list[tuple[tuple, str]]:
    """Cross-field checks: ids, references, conditions, the steps the engine relies on."""
    problems: list[tuple[tuple, str]] = []
    known_names = {q.id for step in definition.steps for q in step.questions} | BUILTIN_NAMES
    condition = _ConditionCheck(known_names, problems)
    _check_levels(definition, problems)
    ids: dict[str, int] = {}
    kinds: dict[str, str] = {}  # question id → its kind, the same in every step
    for si, step in enumerate(definition.steps):
        if step.id in ids:
            problems.append(
                (("steps", si, "id"), t("process.v_duplicate_step", id=repr(step.id), first=f"steps[{ids[step.id]}]"))
            )
        else:
            ids[step.id] = si
        _check_step(step, si, kinds, condition, problems)
    _check_engine_steps(definition.steps, ids, problems)
    _check_level_steps(definition, ids, problems)
    return problems


class _ConditionCheck:
    """A `when`/`stop_unless` text must parse and name only questions and built-in names."""

    def __init__(self, known_names: set[str], problems: list[tuple[tuple, str]]) -> None:
        self.known_names = known_names
        self.problems = problems

    def __call__(self, loc: tuple, text: str | None) -> None:
        if not text:
            return
        try:
            names = condition_names(text)
        except ConditionError as exc:
            self.problems.append((loc, str(exc)))
            return
        unknown = sorted(names - self.known_names)
        if unknown:
            self.problems.append((loc, t("process.v_unknown_names", names=", ".join(unknown))))


def _check_levels(definition: ProcessFile, problems: list[tuple[tuple, str]]) -> None:
    """Levels 0-3 are all defined, each `continue_at` a start step of its own level."""
    steps = definition.steps
    for li, lv in enumerate(definition.levels):
        if lv.continue_at is not None:
            target = next((s for s in steps if s.id == lv.continue_at), None)
            if target is None or target.level != lv.level or target.phase != "start":
                problems.append(
                    (("levels", li, "continue_at"),
                     t("process.v_not_start_step", step=repr(lv.continue_at), level=lv.level))
                )
    for missing in sorted({0, 1, 2, 3} - {lv.level for lv in definition.levels}):
        problems.append((("levels",), t("process.v_level_missing", level=missing)))


def _check_step(step: Step, si: int, kinds: dict[str, str], condition: _ConditionCheck,
                problems: list[tuple[tuple, str]]) -> None:
    """One step: its level, conditions, stop, questions, recorded fields and decisions."""
    if step.phase in ("start", "evaluation") and step.level is None:
        problems.append((("steps", si, "level"), t("process.v_needs_level", phase=step.phase)))
    if step.after is not None or step.remove:
        key = "after" if step.after else "remove"
        problems.append((("steps", si, key), t("process.v_override_only")))
    condition(("steps", si, "when"), step.when)
    condition(("steps", si, "stop_unless"), step.stop_unless)
    for vi, variant in enumerate(step.variants):
        condition(("steps", si, "variants", vi, "when"), variant.when)
    if step.stop_unless and step.stop_text is None:
        problems.append((("steps", si, "stop_text"), t("process.v_stop_text")))
    if step.stop_unless:
        try:
            gating = condition_names(step.stop_unless) & {q.id for q in step.questions}
        except ConditionError:
            gating = {"(reported above)"}
        if not gating:
            problems.append((("steps", si, "stop_unless"), t("process.v_stop_unless_question")))
    seen_q: set[str] = set()
    for qi, q in enumerate(step.questions):
        loc = ("steps", si, "questions", qi)
        if q.id in seen_q:
            problems.append(((*loc, "id"), t("process.v_duplicate_question", id=repr(q.id), step=repr(step.id))))
        seen_q.add(q.id)
        if q.id == DECISION_KEY:
            problems.append(((*loc, "id"), t("process.v_reserved", key=repr(DECISION_KEY))))
        if q.id in kinds and kinds[q.id] != q.kind:
            problems.append(((*loc, "kind"), t("process.v_kind_elsewhere", id=repr(q.id), kind=repr(kinds[q.id]))))
        kinds.setdefault(q.id, q.kind)
        _check_question(step, q, loc, condition, problems)
    for fi, fid in enumerate(step.record_fields):
        if fid not in seen_q:
            problems.append((("steps", si, "record_fields", fi), t("process.v_record_field", id=repr(fid))))
    if step.record_fields and step.record is None:
        problems.append((("steps", si, "record_fields"), t("process.v_record_kind")))
    for di, decision in enumerate(step.decisions):
        condition(("steps", si, "decisions", di, "when"), decision.when)
        condition(("steps", si, "decisions", di, "note_when"), decision.note_when)
        for vi, dvariant in enumerate(decision.variants):
            condition(("steps", si, "decisions", di, "variants", vi, "when"), dvariant.when)
    if step.decisions and step.phase == "close":
        problems.append((("steps", si, "decisions"), t("process.v_close_decisions")))


def _check_question(step: Step, q: Question, loc: tuple, condition: _ConditionCheck,
                    problems: list[tuple[tuple, str]]) -> None:
    """One question on its own: its condition, options and the fields its kind takes."""
    condition((*loc, "when"), q.when)
    condition((*loc, "optional_when"), q.optional_when)
    for vi, variant in enumerate(q.variants):
        condition((*loc, "variants", vi, "when"), variant.when)
    if q.kind in ("choice", "multi-choice") and not q.options and not q.options_from:
        problems.append(((*loc, "options"), t("process.v_needs_options", kind=q.kind)))
    if q.kind not in ("choice", "multi-choice") and (q.options or q.options_from):
        problems.append(((*loc, "options"), t("process.v_takes_no_options", kind=q.kind)))
    for oi, option in enumerate(q.options):
        condition((*loc, "options", oi, "when"), option.when)
        if option.gate and (step.phase not in ("start", "evaluation") or q.kind not in ("choice", "multi-choice")):
            problems.append(((*loc, "options", oi, "gate"), t("process.v_gate_option")))
    if q.min is not None and q.max is not None and q.min > q.max:
        problems.append(((*loc, "min"), t("process.v_min_max")))
    if q.unborn and q.kind != "integer":
        problems.append(((*loc, "unborn"), t("process.v_unborn")))
    if (q.past or q.future) and q.kind != "date":
        problems.append(((*loc, "past" if q.past else "future"), t("process.v_date_only")))
    if q.past and q.future:
        problems.append(((*loc, "future"), t("process.v_past_future")))
    if q.for_family and (q.kind != "text" or q.required or step.phase not in ("start", "evaluation", "close")):
        problems.append(((*loc, "for_family"), t("process.v_for_family")))


def _check_engine_steps(steps: Sequence[Step], ids: dict[str, int], problems: list[tuple[tuple, str]]) -> None:
    """The steps the engine relies on: the safety gate, one notify step, one close step."""
    safety = next((s for s in steps if s.id == SAFETY_STEP), None)
    if safety is None:
        problems.append((("steps",), t("process.v_safety_missing", step=repr(SAFETY_STEP))))
    else:
        gate = safety.question(SAFETY_QUESTION)
        si = ids[SAFETY_STEP]
        if gate is None or gate.kind != "yes-no" or gate.when:
            problems.append(
                (("steps", si, "questions"), t("process.v_safety_question", question=repr(SAFETY_QUESTION)))
            )
        if safety.level != 0 or safety.phase != "start":
            problems.append((("steps", si, "level"), t("process.v_safety_level")))
    notify = [s for s in steps if s.phase == "notify"]
    if [s.id for s in notify] != [NOTIFY_STEP]:
        problems.append((("steps",), t("process.v_one_notify", step=repr(NOTIFY_STEP))))
    else:
        si = ids[NOTIFY_STEP]
        if notify[0].record != "notify":
            problems.append((("steps", si, "record"), t("process.v_notify_record")))
        if not notify[0].decisions:
            problems.append((("steps", si, "decisions"), t("process.v_notify_decisions")))
        if not notify[0].stop_unless:
            problems.append((("steps", si, "stop_unless"), t("process.v_notify_stop")))
    close = [s for s in steps if s.phase == "close"]
    if [s.id for s in close] != [CLOSE_STEP]:
        problems.append((("steps",), t("process.v_one_close", step=repr(CLOSE_STEP))))
    elif close[0].record != "close":
        problems.append((("steps", ids[CLOSE_STEP], "record"), t("process.v_close_record")))
    for s in steps:
        if s.record == "notify" and s.phase != "notify" or s.record == "close" and s.phase != "close":
            problems.append((("steps", ids[s.id], "record"), t("process.v_recorded_only", kind=s.record)))


def _check_level_steps(definition: ProcessFile, ids: dict[str, int], problems: list[tuple[tuple, str]]) -> None:
    """Every level starts somewhere and (from level 1) ends in an evaluation with decisions; a
    `continue` decision needs its level's `continue_at`."""
    steps = definition.steps
    for level in sorted({lv.level for lv in definition.levels}):
        start = [s for s in steps if s.level == level and s.phase == "start"]
        if not start:
            problems.append((("levels",), t("process.v_no_start", level=level)))
        elif level == 0 and not start[-1].decisions:
            problems.append((("steps", ids[start[-1].id], "decisions"), t("process.v_level0_decide")))
        if level >= 1:
            evaluation = [s for s in steps if s.level == level and s.phase == "evaluation"]
            if not evaluation or not evaluation[-1].decisions:
                problems.append((("levels",), t("process.v_needs_evaluation", level=level)))
    for s in steps:
        for d in s.decisions:
            if d.to == "continue":
                own = next((lv for lv in definition.levels if lv.level == s.level), None)
                if s.phase != "notify" and (own is None or own.continue_at is None):
                    problems.append(
                        (("steps", ids[s.id], "decisions"), t("process.v_continue_at", level=s.level))
                    )


def _override_problems(base: ProcessFile, raw: Any) -> list[tuple[tuple, str]]:
    """Shape checks of a municipality's [process] table before merging."""
    problems: list[tuple[tuple, str]] = []
    if not isinstance(raw, dict):
        return [((), t("process.v_process_table"))]
    for key in raw:
        if key != "steps":
            problems.append(((key,), t("catalogue.v_unknown_key")))
    steps = raw.get("steps", [])
    if not isinstance(steps, list):
        return [*problems, (("steps",), t("process.v_steps_list"))]
    base_ids = {s.id for s in base.steps}
    seen: set[str] = set()
    for i, o in enumerate(steps):
        if not isinstance(o, dict):
            problems.append((("steps", i), t("process.v_must_be_table")))
            continue
        for key in o:
            if key not in Step.model_fields:
                problems.append((("steps", i, key), t("catalogue.v_unknown_key")))
        sid = o.get("id")
        if not isinstance(sid, str) or not sid:
            problems.append((("steps", i, "id"), t("catalogue.v_missing_field")))
            continue
        if o.get("remove"):
            if sid in (SAFETY_STEP, NOTIFY_STEP, CLOSE_STEP):
                problems.append((("steps", i, "remove"), t("process.v_cannot_remove", step=repr(sid))))
            elif sid not in base_ids:
                problems.append((("steps", i, "id"), t("process.v_unknown_step", step=repr(sid))))
        elif sid not in base_ids:
            after = o.get("after")
            if after is None:
                problems.append(
                    (("steps", i, "id"), t("process.v_new_step", step=repr(sid)))
                )
            elif after not in base_ids and after not in seen:
                problems.append((("steps", i, "after"), t("process.v_unknown_step", step=repr(after))))
        seen.add(sid)
    return problems


def _merge(base: ProcessFile, raw: dict[str, Any]) -> tuple[ProcessFile | None, list[tuple[tuple, str]], dict]:
    """Apply [[process.steps]]: replace fields of a step by id, insert after a step, or remove.

    Returns (merged, problems located in the overrides, merged step id → override index)."""
    steps = list(base.steps)
    problems: list[tuple[tuple, str]] = []
    origin: dict[str, int] = {}
    for i, o in enumerate(raw.get("steps", [])):
        sid = o["id"]
        index = next((j for j, s in enumerate(steps) if s.id == sid), None)
        if o.get("remove"):
            if index is not None:
                del steps[index]
            continue
        fields = {k: v for k, v in o.items() if k not in ("after", "remove")}
        if index is not None:
            data = {**steps[index].model_dump(exclude={"after", "remove"}), **fields}
        else:
            anchor = next((j for j, s in enumerate(steps) if s.id == o.get("after")), len(steps) - 1)
            data = {"level": steps[anchor].level, "phase": steps[anchor].phase, **fields}
        try:
            step = Step.model_validate(data)
        except ValidationError as exc:
            problems += [(("steps", i, *loc), message) for loc, message in pydantic_errors(exc)]
            continue
        origin[sid] = i
        if index is not None:
            steps[index] = step
        else:
            steps.insert(anchor + 1, step)
    if problems:
        return None, problems, origin
    return base.model_copy(update={"steps": steps}), [], origin


def parse_process(text: str, name: str = "process.toml") -> ProcessFile:
    raw = _parse_toml(text, name)
    from bti_cli.privacy.guard import shown_path

    title = t("process.invalid_process", name=shown_path(name))
    try:
        definition = ProcessFile.model_validate(raw)
    except ValidationError as exc:
        lines = TomlLines(text)
        raise DataError(title, [_problem(name, lines, loc, msg) for loc, msg in pydantic_errors(exc)]) from None
    problems = check(definition)
    if problems:
        lines = TomlLines(text)
        raise DataError(title, [_problem(name, lines, loc, msg) for loc, msg in problems])
    return definition


@cache
def _shipped_text() -> str:
    from bti_cli.datafiles import data_dir

    return (data_dir() / "process.toml").read_text(encoding="utf-8")


@cache
def _shipped() -> ProcessFile:
    return parse_process(_shipped_text(), "process.toml")


def _settings(catalogue: Catalogue | None) -> dict[str, int]:
    from bti_cli.catalogue.models import Settings

    settings = catalogue.settings if catalogue is not None else Settings()
    return {
        "consent_age_log": settings.consent_age_log,
        "consent_age_health": settings.consent_age_health,
        "decision_deadline_days": settings.decision_deadline_days,
        "evaluation_interval_days": settings.evaluation_interval_days,
        **(
            {"guardian_talk_deadline_days": settings.guardian_talk_deadline_days}
            if settings.guardian_talk_deadline_days
            else {}
        ),
    }


def load(catalogue: Catalogue | None = None, *, source_text: str | None = None, source_name: str = "") -> Process:
    """The shipped process with the municipality's overrides and settings applied.

    `source_text`/`source_name` are the municipality file's text and name, for line numbers
    in override errors.
    """
    base = _shipped()
    text = _shipped_text()
    raw_overrides = getattr(catalogue, "process", None) if catalogue is not None else None
    digest = hashlib.sha256(text.encode("utf-8"))
    settings = _settings(catalogue)
    sources = dict(getattr(catalogue, "settings_sources", None) or {})
    slug = catalogue.municipality.slug if catalogue is not None else ""
    if not raw_overrides:
        return Process(base, digest.hexdigest()[:16], settings, "process.toml", sources, slug)
    name = source_name or (f"{catalogue.municipality.slug}.toml" if catalogue is not None else "overrides")
    mlines = TomlLines(source_text or "")
    from bti_cli.privacy.guard import shown_path

    title = t("process.v_invalid_overrides", name=shown_path(name))

    def located(problems: list[tuple[tuple, str]]) -> list[str]:
        return [_problem(name, mlines, loc, msg, ("process",)) for loc, msg in problems]

    problems = _override_problems(base, raw_overrides)
    if problems:
        raise DataError(title, located(problems))
    merged, problems, origin = _merge(base, raw_overrides)
    if problems or merged is None:
        raise DataError(title, located(problems))
    problems = check(merged)
    if problems:
        out = []
        for loc, msg in problems:
            in_step = len(loc) >= 2 and loc[0] == "steps" and isinstance(loc[1], int)
            step_id = merged.steps[loc[1]].id if in_step else None
            if step_id in origin:
                out.append(_problem(name, mlines, ("steps", origin[step_id], *loc[2:]), msg, ("process",)))
            else:
                out.append(_problem(name, mlines, (), msg, ("process",)))
        raise DataError(title, out)
    import json

    digest.update(json.dumps(raw_overrides, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return Process(merged, digest.hexdigest()[:16], settings, f"process.toml + {name}", sources, slug)


def load_for(loaded) -> Process:
    """The process for a `catalogue.Loaded` (reads the municipality file for line numbers)."""
    catalogue = loaded.catalogue
    if not getattr(catalogue, "process", None):
        return load(catalogue)
    return load(catalogue, source_text=_municipality_text(loaded.path), source_name=loaded.path)


def _municipality_text(path: str) -> str:
    from pathlib import Path

    from bti_cli.catalogue.loader import shipped_dir

    p = Path(path)
    try:
        if p.is_file():
            return p.read_text(encoding="utf-8")
        resource = shipped_dir() / path
        return resource.read_text(encoding="utf-8")
    except OSError:
        return ""


@cache
def default_process() -> Process:
    """The shipped process with default settings."""
    return load(None)


# --------------------------------------------------------------------------- the engine


@dataclass(frozen=True)
class Ask:
    step: Step
    question: Question
    level: int
    again: bool = False


@dataclass(frozen=True)
class Decide:
    step: Step
    options: tuple[Decision, ...]
    level: int


@dataclass(frozen=True)
class Record:
    step: Step
    kind: str  # "decision" (after the safety gate) | "evaluation" | "notify" | "close"
    value: Any
    level: int


@dataclass(frozen=True)
class Stop:
    step: Step
    level: int


@dataclass(frozen=True)
class Done:
    reason: str  # "waiting" | "closed"
    level: int


Action = Ask | Decide | Record | Stop | Done


@dataclass
class Position:
    """Where a replay of the events stands."""

    level: int = 0
    phase: str = "start"  # start | continue | evaluation | notify | close | gate | closed
    answers: dict[str, Any] = field(default_factory=dict)  # latest answer per question id
    answered: set[tuple[str, str]] = field(default_factory=set)  # (step, question) in this segment
    recorded: set[tuple[str, str]] = field(default_factory=set)  # (step, kind) in this segment
    order: list[tuple[str, str]] = field(default_factory=list)  # the segment's answers, in order
    highest: int = 0  # the highest level the case has been at
    first_decision: tuple[str, str] | None = None  # (to, day) of the first decision at level 0
    discarded: bool = False  # `bti cases discard`: the case was started by mistake
    consent_was_given: bool = False  # a consent naming services was given at some point (then maybe withdrawn)

    def new_segment(self, phase: str) -> None:
        self.phase = phase
        self.answered = set()
        self.recorded = set()
        self.order = []


def _kind(event: Any) -> str:
    kind = event.kind
    return kind.value if hasattr(kind, "value") else str(kind)


def effective_events(events: Iterable[Any]) -> list[Any]:
    """The events as they now stand: a `correction` gives the latest answer to its
    `step`.`question` its new value (in the answer's place, so the order of the walk is kept), a
    `withdraw` takes that answer out. Both stay in the chain; nothing else reads them. Every
    reader of answers (the replay, the summary, the family summary) replays these events."""
    out: list[Any] = []
    latest: dict[tuple[str, str | None], int] = {}
    for event in events:
        kind = _kind(event)
        if kind == "answer":
            latest[(event.step, event.question)] = len(out)
            out.append(event)
        elif kind in CORRECTION_KINDS:
            index = latest.get((event.step, event.question))
            if index is None or out[index] is None:
                continue  # nothing to correct: ignored, as a hand-made file might have it
            if kind == "correction":
                out[index] = out[index].model_copy(update={"value": event.value})
            else:
                out[index] = None
                del latest[(event.step, event.question)]
        else:
            out.append(event)
    return [e for e in out if e is not None]


def replay(proc: Process, events: Iterable[Any]) -> Position:
    pos = Position()
    for event in effective_events(events):
        kind = _kind(event)
        if pos.phase == "closed":
            continue
        if kind == "answer":
            qid = event.question or ""
            pos.answers[qid] = event.value
            if qid == "consent" and _gives_consent(event.value):
                pos.consent_was_given = True
            if event.step == SAFETY_STEP and qid == SAFETY_QUESTION and event.value is True:
                if pos.phase not in ("notify", "close", "gate"):
                    pos.new_segment("gate")
                continue
            step = proc.step(event.step)
            if step is not None and pos.phase in ("start", "continue", "evaluation") and _opens_gate(
                    step, qid, event.value):
                pos.new_segment("gate")
                continue
            if (
                pos.phase in ("start", "continue")
                and step is not None
                and step.phase == "evaluation"
                and step.level == pos.level
            ):
                pos.new_segment("evaluation")
            pos.answered.add((event.step, qid))
            if (event.step, qid) not in pos.order:
                pos.order.append((event.step, qid))
        elif kind == "decision":
            to = str(event.value or "")
            if to == "close" and awaiting_notification(pos):
                continue  # the safety gate holds: a case cannot close before barnevern is informed
            if pos.first_decision is None and event.level == 0 and to:
                pos.first_decision = (to, (getattr(event, "at", None) or "")[:10])
            if to.startswith("level:"):
                pos.level = int(to[6:]) if to[6:].isdigit() else pos.level
                pos.highest = max(pos.highest, pos.level)
                pos.new_segment("start")
            elif to in ("close", "notify"):
                pos.new_segment(to)
            elif to == "continue":
                pos.new_segment("continue")
        elif kind == "consent":
            if isinstance(event.value, dict):  # extended at a handover, or renewed: the consent now
                pos.answers["consent"] = event.value
                pos.consent_was_given = pos.consent_was_given or _gives_consent(event.value)
        elif kind == "discard":
            pos.phase = "closed"  # started by mistake: nothing more is asked
            pos.discarded = True
        elif kind in RECORD_KINDS:
            pos.recorded.add((event.step, kind))
            if kind == "close":
                pos.phase = "closed"
            elif kind == "evaluation" and pos.phase in ("start", "continue"):
                pos.new_segment("evaluation")
                pos.recorded.add((event.step, kind))
    return pos


def _gives_consent(value: Any) -> bool:
    return isinstance(value, dict) and bool(value.get("given")) and bool(value.get("services"))


def _opens_gate(step: Step, qid: str, value: Any) -> bool:
    """True when the answer picks an option marked `gate = true` (concern scale 4)."""
    question = step.question(qid)
    if question is None:
        return False
    chosen = value if isinstance(value, list) else [value]
    return any(o.gate and any(o.value == v and type(o.value) is type(v) for v in chosen)
               for o in question.options)


def no_longer_apply(proc: Process, events: Sequence[Any], step_id: str, question_id: str) -> list[tuple[str, str]]:
    """The answers after the latest answer to `step_id`.`question_id`, in its segment (up to the
    next decision), whose step's or question's `when` no longer holds with the answers as they
    now stand (`effective_events`): they are to be withdrawn, not silently kept."""
    effective = effective_events(events)
    at = max((i for i, e in enumerate(effective)
              if _kind(e) == "answer" and (e.step, e.question) == (step_id, question_id)), default=None)
    if at is None:
        return []
    start = at
    while start > 0 and _kind(effective[start - 1]) != "decision":
        start -= 1
    end = at
    while end + 1 < len(effective) and _kind(effective[end + 1]) != "decision":
        end += 1
    level = effective[at].level
    withdrawn: list[tuple[str, str]] = []
    while True:
        env: dict[str, Any] = {}
        for e in effective[: end + 1]:
            if _kind(e) == "answer" and (e.step, e.question) not in withdrawn:
                env[e.question or ""] = e.value
        env.update({"level": level, "consent_age": proc.settings.get("consent_age_log", 15),
                    "consent_age_health": proc.settings.get("consent_age_health", 16)})
        found = None
        for e in effective[at + 1 : end + 1]:
            key = (e.step, e.question or "")
            if _kind(e) != "answer" or key in withdrawn or e.step == SAFETY_STEP:
                continue
            step = proc.step(e.step)
            question = step.question(key[1]) if step is not None else None
            if step is None or question is None:
                continue
            if not holds(step.when, env) or not holds(question.when, env):
                found = key
                break
        if found is None:
            return withdrawn
        withdrawn.append(found)


def awaiting_notification(pos: Position) -> bool:
    """The case passed the safety gate and the notify step has not recorded its outcome yet
    (barnevern informed, or barnevern advised after an anonymous consultation that no report is
    needed). Until then the case cannot be closed, evaluated or handed over."""
    return pos.phase == "gate" or (pos.phase == "notify" and (NOTIFY_STEP, "notify") not in pos.recorded)


def passed_gate(events: Sequence[Any], proc: Process | None = None) -> bool:
    """True when the case ever went through the safety gate: `danger` (or "!") answered yes,
    an option that opens the gate (with `proc`; also as a correction, `bti cases edit`: the
    concern scale changed to 4), a decision to notify, or a notify event."""
    for event in events:
        kind = _kind(event)
        if kind == "notify" or (kind == "decision" and event.value == NOTIFY_STEP):
            return True
        if kind == "answer" and event.step == SAFETY_STEP and event.question == SAFETY_QUESTION and (
                event.value is True):
            return True
        if kind in ("answer", "correction") and proc is not None:
            step = proc.step(event.step)
            if step is not None and _opens_gate(step, event.question or "", event.value):
                return True
    return False


def safety_unanswered(proc: Process, events: Sequence[Any]) -> list[tuple[Step, Question]]:
    """The safety questions the answers as they now stand call for and that have no answer: the
    safety question itself (a draft saved before it), and a follow-up that a correction brought
    into force after the safety question was answered no (`bti cases edit`: «Vold og overgrep»
    chosen as an area, a text that names violence; BTI.md, cross-cutting rules). Empty once the
    case went through the gate. `bti cases edit` and `bti resume` ask the follow-ups before
    anything else; the family gets no summary while one is open."""
    if passed_gate(events, proc):
        return []
    effective = effective_events(events)
    pos = replay(proc, events)
    if pos.discarded:
        return []
    answered = {(e.step, e.question) for e in effective if _kind(e) == "answer"}
    safety = proc.step(SAFETY_STEP)
    if safety is None:
        return []
    danger = safety.question(SAFETY_QUESTION)
    if danger is not None and (SAFETY_STEP, SAFETY_QUESTION) not in answered:
        # a draft of level 0 saved before it (a case that went on without it is not one the walk made)
        draft = bool(answered) and not any(_kind(e) == "decision" for e in effective)
        return [(safety, danger)] if draft else []
    env = environment(proc, pos)
    due = []
    for step in proc.steps:
        for question in step.questions:
            if (step.id, question.id) in answered or not any(o.gate for o in question.options):
                continue
            if question.when and "danger" in question.when and holds(step.when, env) and holds(question.when, env):
                due.append((step, question))
    return due


ADULT_AGE = 18  # from 18 nobody else consents for the young person (vergemålsloven § 2)


@dataclass(frozen=True)
class ConsentGivers:
    """Who may give consent for the subject (`offered`) and who must be among them (`required`)."""

    offered: tuple[str, ...]
    required: tuple[str, ...]


def consent_givers(subject: Any, age: Any, consent_age: int, *, health_age: int | None = None) -> ConsentGivers:
    """The consent rule (BTI.md "Consent"): a young person consents from the municipality's
    consent age (`consent_age`, default 15), alone from 18; the guardians consent under 18.
    Unknown age: the guardians. A pregnant woman consents for herself by the same ages (her own
    age; not known: an adult): under the consent age her guardians consent (she may consent
    too), from it she consents herself, from 18 alone.

    `health_age`: the consent covers a health service (`catalogue.rules.HEALTH_SERVICE_KINDS`),
    where the young person consents from the health consent age (pasient- og
    brukerrettighetsloven § 4-3: 16) and the guardians under it; both rules must be met."""
    log = _consent_givers(subject, age, consent_age)
    if health_age is None:
        return log
    health = _consent_givers(subject, age, health_age)
    return ConsentGivers(tuple(dict.fromkeys(log.offered + health.offered)),
                         tuple(dict.fromkeys(log.required + health.required)))


def _consent_givers(subject: Any, age: Any, consent_age: int) -> ConsentGivers:
    known = isinstance(age, int) and not isinstance(age, bool)
    if subject == "pregnant":
        # her own age (unknown: an adult, as before the walkthrough asked it): from the consent
        # age she consents herself, alone from 18; under it the guardians consent, and she may too
        if not known or age >= ADULT_AGE:
            return ConsentGivers(("woman",), ("woman",))
        if age >= consent_age:
            return ConsentGivers(("guardians", "woman"), ("woman",))
        return ConsentGivers(("guardians", "woman"), ("guardians",))
    if not known:
        return ConsentGivers(("guardians",), ())
    if age >= ADULT_AGE:
        return ConsentGivers(("youth",), ("youth",))
    if age >= consent_age:
        return ConsentGivers(("guardians", "youth"), ("youth",))
    return ConsentGivers(("guardians",), ("guardians",))


def option_fits(proc: Process, events: Sequence[Any], question_id: str, value: Any) -> bool:
    """Whether `value`, the answer to a choice `question_id`, is an option whose `when` holds for
    the case's answers as they now stand (the options the walkthrough offers, e.g. the closing
    reasons: "the guardians withdrew consent" only when consent was given). A value no step's
    question lists: True (nothing to judge it by)."""
    env = environment(proc, replay(proc, events))
    for step in proc.steps:
        question = step.question(question_id)
        option = next((o for o in question.options if o.value == value), None) if question else None
        if option is not None:
            return holds(option.when, env)
    return True


def consent_expired(consent: Any, today: date) -> bool:
    """A consent given with an end date holds through that day and has run out from the day
    after (BTI.md "Consent": valid consent is limited in time). No consent, or none given: False
    (there is nothing to renew; without consent only anonymous discussion is possible)."""
    if not isinstance(consent, dict) or not consent.get("given"):
        return False
    try:
        until = date.fromisoformat(str(consent.get("until"))[:10])
    except ValueError:
        return False
    return today > until


RENEWAL_STEP = "consent-renewal"  # the answers-file key of a consent renewed after it ran out


def needs_consent_renewal(step: Step, level: int, consent: Any, today: date) -> bool:
    """A sharing step (level 2 or 3, planning or evaluation, not the consent step itself) with a
    consent that has run out: the walkthrough asks for a new consent instead of going on."""
    if level < 2 or step.phase not in ("start", "evaluation"):
        return False
    if any(q.kind == "consent" for q in step.questions):
        return False
    return consent_expired(consent, today)


def youth_alone(consent: Any) -> bool:
    """True for a consent answer given by the young person alone, naming services: the family
    summary is then written to the young person, and the walkthrough words the prompt of a text
    for the family so (`reports.family.consented_alone`)."""
    return (isinstance(consent, dict) and bool(consent.get("given")) and bool(consent.get("services"))
            and set(consent.get("by") or ["guardians"]) == {"youth"})


def consent_covers(service: str | None, consent: Any, own_service: str | None) -> bool:
    """True when a role of `service` may join or take over without asking for consent again:
    the consent given names the service, or it is the service of the current baton holder (the
    case's own service). A role of no catalogue service cannot be checked (BTI.md: consent must
    cover a service that joins or takes over)."""
    if service is None or service == own_service:
        return True
    given: dict[str, Any] = consent if isinstance(consent, dict) and consent.get("given") else {}
    services = given.get("services")
    return isinstance(services, list) and service in services


def environment(proc: Process, pos: Position) -> dict[str, Any]:
    env = dict(pos.answers)
    env["level"] = pos.level
    env["consent_age"] = proc.settings.get("consent_age_log", 15)
    env["consent_age_health"] = proc.settings.get("consent_age_health", 16)
    env["municipality"] = proc.municipality
    env["consent_was_given"] = pos.consent_was_given
    env["texts_mention_violence"] = any(
        isinstance(text := pos.answers.get(qid), str) and VIOLENCE_WORDS_RE.search(text) is not None
        for qid in VIOLENCE_READ_IN
    )
    return env


def worded(item: Question | Step, name: str, env: dict[str, Any]) -> Labels | None:
    """A question's `text` or `help`, or a step's `title` or `intro`, in the words of its first
    variant whose condition holds for the answers in `env`; else its own."""
    for variant in item.variants:
        value = getattr(variant, name)
        if value is not None and holds(variant.when, env):
            return value
    own: Labels | None = getattr(item, name)
    return own


def _segment_steps(proc: Process, pos: Position) -> list[Step]:
    if pos.phase == "start":
        return proc.phase_steps(pos.level, "start")
    if pos.phase == "continue":
        steps = proc.phase_steps(pos.level, "start")
        lv = proc.level(pos.level)
        ids = [s.id for s in steps]
        if lv is not None and lv.continue_at in ids:
            return steps[ids.index(lv.continue_at) :]
        return []
    if pos.phase in ("evaluation", "notify", "close"):
        return proc.phase_steps(pos.level, pos.phase)
    return []


def next_action(proc: Process, events: Iterable[Any], *, resume: bool = False, evaluate: bool = False) -> Action:
    """What comes next after `events`. Pure: the same events always give the same action.

    `resume=True` re-asks the gating question of a stopped step; `evaluate=True` starts the
    current level's evaluation when the case is waiting for one.
    """
    return action_at(proc, replay(proc, events), resume=resume, evaluate=evaluate)


def action_at(proc: Process, pos: Position, *, resume: bool = False, evaluate: bool = False) -> Action:
    if pos.phase == "closed":
        return Done("closed", pos.level)
    if pos.phase == "gate":
        return Record(proc.required_step(SAFETY_STEP), "decision", "notify", pos.level)
    if evaluate and pos.phase in ("start", "continue") and _finished(proc, pos):
        pos = Position(pos.level, "evaluation", pos.answers, consent_was_given=pos.consent_was_given)
    env = environment(proc, pos)
    for step in _segment_steps(proc, pos):
        if not evaluate_step(step, env):
            continue
        for q in step.questions:
            if (step.id, q.id) in pos.answered or not holds(q.when, env):
                continue
            return Ask(step, q, pos.level)
        if step.stop_unless and not holds(step.stop_unless, env):
            if resume:
                gating = condition_names(step.stop_unless)
                asked = next((q for q in step.questions if q.id in gating and holds(q.when, env)), None)
                if asked is not None:
                    return Ask(step, asked, pos.level, again=True)
            return Stop(step, pos.level)
        if step.record and (step.id, step.record) not in pos.recorded:
            value = {f: pos.answers.get(f) for f in step.record_fields if pos.answers.get(f) is not None}
            return Record(step, step.record, value, pos.level)
        options = tuple(d for d in step.decisions if holds(d.when, env))
        if options:
            return Decide(step, options, pos.level)
    return Done("waiting", pos.level)


def decision_note(decision: Decision, env: dict[str, Any]) -> Labels | None:
    """The note a decision carries for these answers (e.g. level 1 chosen with nobody asked)."""
    if decision.note is None or not decision.note_when or not holds(decision.note_when, env):
        return None
    return next((v.note for v in decision.variants if holds(v.when, env)), decision.note)


def evaluate_step(step: Step, env: dict[str, Any]) -> bool:
    return holds(step.when, env)


def _finished(proc: Process, pos: Position) -> bool:
    return isinstance(action_at(proc, pos), Done)


def pending_step(proc: Process, events: Sequence[Any]) -> str | None:
    """The step `bti resume` continues at; None when nothing is pending."""
    action = next_action(proc, events, resume=True)
    if isinstance(action, Done):
        return None
    return action.step.id


# --------------------------------------------------------------------------- listing


def format_text(text: str, proc: Process) -> str:
    """A process text with {deadline_days}, {consent_age}, … filled in from the settings."""
    values: dict[str, Any] = dict(proc.settings)
    values.setdefault("deadline_days", proc.deadline_days)
    values.setdefault("consent_age", proc.settings.get("consent_age_log", 15))
    values.setdefault("consent_age_health", proc.settings.get("consent_age_health", 16))
    if "{health_consent_rule}" in text:
        from bti_cli.catalogue.rules import rule_text, setting_source

        source = setting_source(proc.setting_sources, "consent_age_health")
        values["health_consent_rule"] = rule_text("consent_age_health", source, values["consent_age_health"])
    if "{log_consent_rule}" in text:
        from bti_cli.catalogue.rules import rule_text, setting_source

        source = setting_source(proc.setting_sources, "consent_age_log")
        values["log_consent_rule"] = rule_text("consent_age_log", source, values["consent_age"])
    if "{deadline_rule}" in text:
        from bti_cli.catalogue.rules import rule_text, setting_source

        source = setting_source(proc.setting_sources, "decision_deadline_days")
        values["deadline_rule"] = rule_text("decision_deadline_days", source, proc.deadline_days)
    return fill_placeholders(text, values)


def fill_placeholders(text: str, values: dict[str, Any]) -> str:
    """`{name}` replaced by `values[name]` for plain names only: no attribute or index access, no
    conversion or format spec (`{settings[x].__class__}`, `{x!r}`, `{x:>99999}` stay as written),
    and an unknown name stays as written. `{{` and `}}` are literal braces."""
    import string

    if "{" not in text and "}" not in text:
        return text
    out = []
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:  # an unmatched brace: the text as written
        return text
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name.isidentifier() and not spec and conversion is None and name in values \
                and isinstance(values[name], (str, int)):
            out.append(str(values[name]))
        else:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            out.append("{" + shown + "}")
    return "".join(out)


def step_rows(proc: Process, lang: str | None = None) -> list[dict[str, Any]]:
    """One row per question and one per decision: for `bti data process`."""
    from bti_cli.i18n import pick as _pick

    def pick(labels, lang=None) -> str:
        return format_text(_pick(labels, lang), proc)

    rows: list[dict[str, Any]] = []
    for step in proc.steps:
        base = {
            "level": step.level,
            "phase": step.phase,
            "step": step.id,
            "step_title": pick(step.title, lang),
        }
        for q in step.questions:
            rows.append(
                {
                    **base,
                    "question": q.id,
                    "key": f"{step.id}.{q.id}",
                    "kind": q.kind,
                    "text": pick(q.text, lang),
                    "when": q.when,
                    "required": q.required,
                    "targets": [],
                }
            )
        if step.decisions:
            rows.append(
                {
                    **base,
                    "question": DECISION_KEY,
                    "key": f"{step.id}.{DECISION_KEY}",
                    "kind": "decision",
                    "text": " · ".join(pick(d.label, lang) for d in step.decisions),
                    "when": step.when,
                    "required": True,
                    "targets": [d.to for d in step.decisions],
                }
            )
        if not step.questions and not step.decisions:
            rows.append({**base, "question": None, "key": step.id, "kind": step.record or "", "text": "",
                         "when": step.when, "required": False, "targets": []})
    return rows
