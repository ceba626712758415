"""The walkthrough's driver: one sitting over one case, for any front end.

The engine (`bti_cli.walkthrough.process`) says what comes next; a `Session` turns that into a
`PromptSpec` (texts, ranked suggestions, defaults), hands it to an asker (`Prompter`), passes free
text through the scrubber, and appends the answer durably to the case log before the next
question. Everything it says goes through the asker's `show`, so a terminal, a web form or a test
harness can drive the same session. Ctrl-C leaves every answered step on disk (`Interrupted`,
exit 130); a later session continues at the same question.

Never imports Typer or `bti_cli.cli`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bti_cli.i18n import join_reasons, pick, t

if TYPE_CHECKING:
    from collections.abc import Callable

    from bti_cli.caselog.log import CaseLog
    from bti_cli.catalogue.loader import Loaded
    from bti_cli.walkthrough.process import Process
    from bti_cli.walkthrough.prompts import Prompter, PromptSpec

# level 3's rights to a coordinating role, as the process asks them (`l3-coordination`), and the
# legal basis a catalogue role names for each: the coordinator (helse- og omsorgstjenesteloven
# § 7-2) and the child coordinator (pasient- og brukerrettighetsloven § 2-5 c)
RIGHTS = {
    "statutory_coordinator": re.compile(r"§\s*7-2(?![\w-])"),
    "child_coordinator": re.compile(r"§\s*2-5\s*c\b"),
}
MAX_ACTIONS = 1000  # a guard: a valid process never needs this many steps in one session
_DIVERTED = object()  # the prompt was left for the safety gate or to go back


def coordination_questions() -> tuple[str, ...]:
    from bti_cli.catalogue.models import COORDINATION_QUESTIONS

    return COORDINATION_QUESTIONS


def _fmt(text: str, proc: Process) -> str:
    from bti_cli.walkthrough.process import format_text

    return format_text(text, proc)


def deadline_status(concern_date: str | None, deadline_days: int, today: date) -> tuple[date, int] | None:
    """(deadline, days left; negative when passed) for a concern date, or None."""
    try:
        start = date.fromisoformat(str(concern_date)[:10])
    except (TypeError, ValueError):
        return None
    deadline = start + timedelta(days=deadline_days)
    return deadline, (deadline - today).days


@dataclass
class Session:
    """One sitting of the walkthrough over one case (created at the first answer)."""

    loaded: Loaded
    proc: Process
    prompter: Prompter
    cases_dir: Path
    config_arena: str | None = None
    config_role: str | None = None
    log: CaseLog | None = None
    today: date = field(default_factory=date.today)
    _vocabulary: frozenset | None = None
    _last_step: str | None = None
    _last_level: int | None = None
    _closed_now: bool = False
    rehearsing: bool = False  # the answers file played in memory first (`rehearse`)
    # the words of the names the scrubber found in this sitting's free text so far: a later
    # answer's use of them is a name too ("Ho sa «Dal er best»" after "Eleven Liv Dal …"). Personal
    # data, held in memory for the sitting only: never stored, logged or shown
    _name_words: set[str] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.config_arena is not None:
            # a hand-edited config file: an arena the vocabulary does not have is the file's error
            from bti_cli.config import check_stored

            check_stored("arena", self.config_arena)
        if self.config_role:
            # the configured role goes on every event of the case, for ever: refuse a person
            # before a case is created
            from bti_cli.errors import InputError
            from bti_cli.privacy.guard import check_text

            try:
                self.config_role = check_text(self.config_role, what=t("config.what_configured_role"),
                                              role=True).strip() or None
            except InputError as exc:
                raise InputError(exc.message, hint=t("config.role_fix_hint")) from None

    # ---- output

    def say(self, text: str, style: str | None = None) -> None:
        self.prompter.show(text, style=style)

    @property
    def cat(self):
        return self.loaded.catalogue

    @property
    def events(self) -> list:
        return self.log.events if self.log is not None else []

    @property
    def case_id(self) -> str | None:
        return self.log.case_id if self.log is not None else None

    # ---- writing

    def ensure_log(self) -> CaseLog:
        if self.log is None and self.rehearsing:
            from typing import cast

            from bti_cli.walkthrough.rehearsal import MemoryLog

            # the parts of a CaseLog a walkthrough uses, in memory: nothing is written
            self.log = cast("CaseLog", MemoryLog.new(municipality=self.cat.municipality.slug,
                                                     catalogue_version=self.loaded.version_hash,
                                                     process_version=self.proc.version_hash))
        if self.log is None:
            from bti_cli.caselog.store import create_case

            self.log = create_case(
                self.cases_dir,
                municipality=self.cat.municipality.slug,
                catalogue_version=self.loaded.version_hash,
                process_version=self.proc.version_hash,
            )
            self.say(t("walk.case_created", case=self.log.case_id), style="bold")
        return self.log

    def actor_role(self) -> str | None:
        for event in reversed(self.events):
            if event.question == "role" and isinstance(event.value, str) and event.value:
                return event.value
        return self.config_role

    def append(self, *, level: int, step: str, kind: str, question: str | None = None, value: Any = None):
        from bti_cli.privacy.guard import strip_controls_in

        log = self.ensure_log()
        return log.append(level=level, step=step, kind=kind, question=question, value=strip_controls_in(value),
                          actor_role=self.actor_role())

    # ---- the loop

    def run(self, *, resume: bool = False, evaluate: bool = False) -> str:
        """Ask until the engine stops; returns the final action's kind (waiting/closed/stop)."""
        from bti_cli.errors import Interrupted
        from bti_cli.walkthrough import process as engine

        first = True
        try:
            for _ in range(MAX_ACTIONS):
                pos = engine.replay(self.proc, self.events)
                action = engine.action_at(self.proc, pos, resume=resume and first, evaluate=evaluate and first)
                if isinstance(action, engine.Ask | engine.Decide) and engine.needs_consent_renewal(
                        action.step, action.level, pos.answers.get("consent"), self.today):
                    # a new consent first; then the same action (an evaluation still starts)
                    self._renew_consent(action.level, pos)
                    continue
                first = False
                if isinstance(action, engine.Done):
                    self._done(action, pos)
                    return action.reason
                if isinstance(action, engine.Stop):
                    self._header(action.step, action.level)
                    self.say(_fmt(pick(action.step.stop_text), self.proc), style="bold red")
                    self.say(t("walk.resume_hint", case=self.case_id))
                    return "stop"
                if isinstance(action, engine.Record):
                    self._record(action, pos)
                elif isinstance(action, engine.Decide):
                    self._decide(action, pos)
                else:
                    self._ask(action, pos)
            raise RuntimeError("the walkthrough did not finish")  # pragma: no cover
        except KeyboardInterrupt:
            if self.log is None:
                raise Interrupted(t("walk.interrupted_nothing")) from None
            raise Interrupted(
                t("walk.interrupted", case=self.log.case_id), hint=t("walk.resume_hint", case=self.log.case_id)
            ) from None

    def _renew_consent(self, level: int, pos) -> None:
        """The consent has run out (`engine.needs_consent_renewal`): ask for a new one (the same
        parts and rules as the level's consent step; `[consent-renewal] consent` in an answers
        file) and record it as a `consent` event before anything more is shared."""
        from dataclasses import replace

        from bti_cli.walkthrough import process as engine

        step = next((s for s in self.proc.phase_steps(level, "start")
                     if any(q.kind == "consent" for q in s.questions)), None)
        question = next((q for q in step.questions if q.kind == "consent"), None) if step is not None else None
        old = pos.answers.get("consent") or {}
        self.say("")
        self.say(t("walk.consent_ran_out", date=str(old.get("until"))[:10]), style="bold yellow")
        if step is None or question is None:  # a process without a consent step: nothing to ask
            self.append(level=level, step=engine.RENEWAL_STEP, kind="consent", value={"given": False})
            return
        spec = replace(self.spec(engine.Ask(step, question, level), pos), step=engine.RENEWAL_STEP,
                       text=t("walk.consent_renew"))
        value = self._ask_or_divert(spec, level)
        if value is _DIVERTED:
            return
        self.append(level=level, step=engine.RENEWAL_STEP, kind="consent", value=value)
        if isinstance(value, dict) and value.get("given"):
            self.say(t("walk.consent_renewed", date=value.get("until")))
        else:
            self.say(t("walk.consent_not_renewed"), style="bold")

    def environment(self) -> dict[str, Any]:
        """The answers so far and the built-in names, as the conditions of the process read them."""
        from bti_cli.walkthrough import process as engine

        return engine.environment(self.proc, engine.replay(self.proc, self.events))

    def worded(self, item: Any, name: str, env: dict[str, Any] | None = None) -> Any:
        """A question's text or help, or a step's title or intro, in the words that fit the case
        (`engine.worded`: a pregnant woman is asked about herself, not the guardians)."""
        from bti_cli.walkthrough import process as engine

        return engine.worded(item, name, self.environment() if env is None else env)

    def _header(self, step, level: int) -> None:
        if step.id == self._last_step:
            return
        if level != self._last_level and step.level is not None:
            lv = self.proc.level(level)
            if lv is not None:
                self.say("")
                self.say(pick(lv.name), style="bold underline")
            self._last_level = level
        self._last_step = step.id
        self.say("")
        env = self.environment()
        self.say(f"== {pick(self.worded(step, 'title', env))} ==", style="bold")
        intro = self.worded(step, "intro", env)
        if intro:
            self.say(_fmt(pick(intro), self.proc))
        if step.phase == "notify":
            self._contacts()

    def _contacts(self) -> None:
        """The municipality's own numbers at the safety gate (its data file's [[contacts]])."""
        contacts = getattr(self.cat, "contacts", None) or []
        if not contacts:
            return
        self.say(t("walk.contacts_title", municipality=self.cat.municipality.name), style="bold")
        for c in contacts:
            parts = [c.name] + [p for p in (c.phone, c.hours) if p]
            self.say("• " + " – ".join(parts))

    def _ask_or_divert(self, spec: PromptSpec, level: int) -> Any:
        """The answer to `spec`, or _DIVERTED when the employee asked for the safety gate or to go
        back (both already handled here)."""
        from bti_cli.walkthrough.prompts import BackRequested, SafetyRequested

        try:
            return self.prompter.ask(spec)
        except SafetyRequested:
            self._safety_requested(level)
        except BackRequested:
            self._go_back(level)
        return _DIVERTED

    def _safety_requested(self, level: int, said: str = "walk.safety_requested") -> None:
        """`!` was answered (or a correction opened the gate, `said` says how): record the safety
        gate; the engine then leaves the ordinary path."""
        from bti_cli.walkthrough import process as engine

        self.say(t(said), style="bold red")
        self.append(level=level, step=engine.SAFETY_STEP, kind="answer", question=engine.SAFETY_QUESTION, value=True)

    def _ask(self, action, pos) -> None:
        self._header(action.step, action.level)
        spec = self.spec(action, pos)
        configured = self.configured(action.question, spec)
        if configured is not None:
            # the employee's arena or role from `bti config set`: not asked every time
            value = configured
            self.say("")
            self.say(t("walk.from_config", question=spec.text, value=_shown(spec, configured),
                       key=action.question.default.partition(":")[2]))
        else:
            value = self._ask_or_divert(spec, action.level)
            if value is _DIVERTED:
                return
        from bti_cli.privacy.guard import strip_controls_in

        # stripped before the scrubber too: a zero-width space inside a name or a number hides it
        stored = strip_controls_in(self._prepare(action, spec, strip_controls_in(value)))  # shown as stored
        free_text = action.question.kind == "text" or (
            action.question.kind == "coordinator" and not any(c.value == value for c in spec.choices))
        if not self.prompter.interactive and free_text and configured is None:
            self.say(f"{spec.text} > {stored}")
        value = stored
        self.append(level=action.level, step=action.step.id, kind="answer", question=action.question.id,
                    value=value)
        if action.question.id == "concern_date":
            self._deadline_note(value)

    def configured(self, question, spec: PromptSpec) -> Any:
        """The value from the config file for a question whose default is `config:arena` or
        `config:role`, when it can be used as the answer; None when the question is asked.

        An answers file that answers the question wins over the config file."""
        if not (isinstance(question.default, str) and question.default.startswith("config:")):
            return None
        value = spec.default
        if value is None or value == "":
            return None
        if self.answered_in_file(spec.step, spec.question):
            return None
        if spec.choices and not any(c.value == value for c in spec.choices):
            return None  # e.g. an arena the vocabulary no longer has: ask
        return value

    def _prepare(self, action, spec: PromptSpec, value: Any) -> Any:
        kind = action.question.kind
        if kind == "text" and value:
            return self.scrubbed(spec, value)
        if kind == "coordinator" and isinstance(value, str):
            if not any(c.value == value for c in spec.choices):
                return self.scrubbed(spec, value)
            return value
        if kind == "measures":
            from bti_cli.caselog.state import measures_value

            by_id = {m.id: m for m in self.cat.measures}
            rows = [{"id": mid, "service": by_id[mid].service, "tiers": [tr.value for tr in by_id[mid].tiers]}
                    for mid in value if mid in by_id]
            return measures_value(rows)
        return value

    def vocabulary(self) -> frozenset:
        if self._vocabulary is None:
            from bti_cli.privacy.scrubber import domain_vocabulary

            self._vocabulary = frozenset(domain_vocabulary(self.cat))
        return self._vocabulary

    def scrubbed(self, spec: PromptSpec, text: str) -> str:
        """Scrub free text; show what was replaced and let the employee edit (scrubbed again)."""
        from bti_cli.i18n import get_language
        from bti_cli.privacy.scrubber import name_words, scrub

        for _ in range(20):
            result = scrub(text, vocabulary=self.vocabulary(), lang=get_language(),
                           known_names=frozenset(self._name_words))
            self._name_words |= name_words(result.replacements)
            if not result.replacements:
                return result.text
            counts: dict[str, int] = {}
            for r in result.replacements:
                counts[r.kind] = counts.get(r.kind, 0) + 1
            replaced = [(t_kind(k), n) for k, n in counts.items()]
            edited = self.prompter.review(spec, result.text, replaced)
            if edited is None:
                return result.text
            text = edited
        return result.text

    def _decide(self, action, pos) -> None:
        from bti_cli.walkthrough.prompts import Choice, PromptSpec

        self._header(action.step, action.level)
        if action.level == 0 and action.step.phase == "start":
            self._deadline_note(pos.answers.get("concern_date"), at_decision=True)
        if pos.answers.get("scale") == 4 and action.step.phase == "start" and action.level == 0:
            self.say(t("walk.scale_four"), style="bold red")
        if self.check_answers(action.level):
            return  # an answer changed: the engine says again what comes next
        spec = PromptSpec(
            step=action.step.id, question="decision", kind="decision", text=t("walk.decide"),
            choices=tuple(Choice(d.to, pick(d.label)) for d in action.options),
            safety=action.step.phase not in ("notify", "close"), today=self.today,
            back=self.prompter.interactive,
        )
        to = self._ask_or_divert(spec, action.level)
        if to is _DIVERTED:
            return
        self.append(level=action.level, step=action.step.id, kind="decision", value=to)
        self._after_decision(to, action.level)
        from bti_cli.walkthrough import process as engine

        chosen = next((d for d in action.options if d.to == to), None)
        note = engine.decision_note(chosen, engine.environment(self.proc, pos)) if chosen is not None else None
        if note is not None:
            self.say(_fmt(pick(note), self.proc), style="bold yellow")

    # ---- going back and correcting

    def latest_answer(self, step_id: str, question_id: str):
        """The answer to `step_id`.`question_id` as it now stands (corrections applied), or None."""
        from bti_cli.walkthrough.process import effective_events

        return next((e for e in reversed(effective_events(self.events))
                     if e.kind.value == "answer" and (e.step, e.question) == (step_id, question_id)), None)

    def _segment_answers(self) -> list[tuple[str, str]]:
        """(step, question) of the answers of the current step sequence, in the order of the
        process's questions (not the order given: a question an answer changed in "Sjekk svarene"
        opens is asked later but stands in its place), as `place` numbers them and `<` walks them."""
        from bti_cli.walkthrough import process as engine

        pos = engine.replay(self.proc, self.events)
        rank = {(step.id, q.id): i for i, (step, q) in
                enumerate((step, q) for step in self.proc.steps for q in step.questions)}
        keys = [key for key in pos.order if key[0] != engine.SAFETY_STEP]
        return sorted(keys, key=lambda key: rank.get(key, len(rank)))

    def _go_back(self, level: int) -> None:
        """`<` at a prompt: the previous answer of this step sequence is asked again with its answer
        as the default; `<` again goes one further back. A changed answer is recorded as a
        correction; Enter keeps it and goes forward to the next answer, then to where it was."""
        from bti_cli.walkthrough.prompts import BackRequested, SafetyRequested

        order = self._segment_answers()
        if not order:
            self.say(self._back_stop(), style="yellow")
            return
        index = len(order) - 1
        while 0 <= index < len(order):
            key = order[index]
            try:
                self.ask_again(*key, back=True)
            except BackRequested:
                if index == 0:
                    self.say(self._back_stop(), style="yellow")
                else:
                    index -= 1
                continue
            except SafetyRequested:
                self._safety_requested(level)
                return
            order = self._segment_answers()
            index = order.index(key) + 1 if key in order else index

    def _back_stop(self) -> str:
        """Why `<` goes no further: the first question of the walk, or the first of a part that
        a recorded decision (or an evaluation) opened; an answer from before it is changed with
        `bti cases edit`, recorded as a correction like any other."""
        from bti_cli.walkthrough import process as engine

        pos = engine.replay(self.proc, self.events)
        if pos.level == 0 and pos.phase == "start":
            return t("walk.back_first")
        return t("walk.back_decided", case=self.case_id)

    def check_answers(self, level: int) -> bool:
        """"Sjekk svarene" before a decision (and before closing): the answers of this part,
        numbered, in plain words; a number asks that one again, Enter goes on. True when an
        answer changed. Only for a person at a terminal: never with an answers file."""
        from bti_cli.walkthrough.prompts import BackRequested, PromptSpec, SafetyRequested

        if not getattr(self.prompter, "check_answers", False):
            return False
        while True:
            order = self._segment_answers()
            if not order:
                return False
            self.say("")
            self.say(t("walk.review_title"), style="bold")
            rows = [self.answer_in_words(*key) for key in order]
            numbered = getattr(self.prompter, "show_numbered", None)
            if numbered is not None:
                numbered([_review_line(question, answer) for question, answer in rows])
            else:
                for number, (question, answer) in enumerate(rows, start=1):
                    self.say(f"{number:>3}  {_review_line(question, answer)}")
            spec = PromptSpec(step="review", question="number", kind="integer", text=t("walk.review_prompt"),
                              required=False, empty_hint=t("walk.review_enter"), minimum=1, maximum=len(order),
                              safety=False, today=self.today)
            try:
                number = self.prompter.ask(spec)
            except (BackRequested, SafetyRequested):  # pragma: no cover - neither is offered here
                return False
            if number is None:
                return False
            if self.ask_again(*order[number - 1]):
                return True

    def answer_in_words(self, step_id: str, question_id: str) -> tuple[str, str]:
        """(the question, its answer as it now stands) as a person reads them."""
        from bti_cli.walkthrough import process as engine
        from bti_cli.walkthrough.prompts import shown_value

        event = self.latest_answer(step_id, question_id)
        step = self.proc.step(step_id)
        question = step.question(question_id) if step is not None else None
        if event is None or step is None or question is None:
            return question_id, ""
        spec = self.spec(engine.Ask(step, question, event.level), engine.replay(self.proc, self.events))
        value = event.value
        text = _fmt(pick(self.worded(question, "text")), self.proc)
        if question.kind == "consent" and isinstance(value, dict):
            if not value.get("given"):
                return text, t("process.no")
            services = spec.parts[2] if len(spec.parts) > 2 else spec
            return text, f"{t('process.yes')}: {shown_value(services, value.get('services') or [])}"
        if value in ("", None, []):
            return text, t("walk.review_empty")
        return text, shown_value(spec, value)

    def ask_again(self, step_id: str, question_id: str, *, back: bool = False) -> bool:
        """Ask an answered question again, its answer as the default; True when it changed
        (recorded as a `correction`, and the answers that no longer apply as `withdraw`)."""
        from dataclasses import replace

        from bti_cli.walkthrough import process as engine

        event = self.latest_answer(step_id, question_id)
        step = self.proc.step(step_id)
        question = step.question(question_id) if step is not None else None
        if event is None or step is None or question is None:
            return False
        action = engine.Ask(step, question, event.level)
        self._header(step, event.level)
        spec = self.spec(action, engine.replay(self.proc, self.events))
        current = event.value
        default = list(current) if question.kind == "measures" and isinstance(current, dict) else current
        if question.kind == "consent":
            default = None
        spec = replace(spec, default=default, back=back and self.prompter.interactive)
        from bti_cli.walkthrough.prompts import SafetyRequested

        try:
            asked = self.prompter.ask(spec)
        except SafetyRequested:  # «!» while changing an answer: the safety gate, as in the walk
            self._safety_requested(engine.replay(self.proc, self.events).level)
            return True
        value = self._prepare(action, spec, asked)
        if value == current:
            return False
        self.correct(event.level, step_id, question_id, value)
        return True

    def correct(self, level: int, step_id: str, question_id: str, value: Any) -> None:
        """Record a new value for an answer; withdraw the later answers whose `when` no longer holds."""
        from bti_cli.walkthrough import process as engine

        self.append(level=level, step=step_id, kind="correction", question=question_id, value=value)
        self.say(t("walk.corrected"), style="green")
        for s_id, q_id in engine.no_longer_apply(self.proc, self.events, step_id, question_id):
            self.append(level=level, step=s_id, kind="withdraw", question=q_id)
            step = self.proc.step(s_id)
            question = step.question(q_id) if step is not None else None
            text = _fmt(pick(self.worded(question, "text")), self.proc) if question is not None else q_id
            self.say(t("walk.withdrawn", question=text), style="yellow")

    def edit(self, key: str | None) -> bool:
        """`bti cases edit CASE [STEP.QUESTION]`: ask an answer again and record a correction.
        Without a key a person chooses the answer from the case's answers, numbered, in words."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        if key is None:
            chosen = self.choose_answer()
            if chosen is None:
                self.say(t("walk.edit_nothing_chosen"))
                return False
            step_id, question_id = chosen
        else:
            step_id, _, question_id = key.strip().partition(".")
        step = self.proc.step(step_id)
        if step is None or step.question(question_id) is None or step_id == engine.SAFETY_STEP:
            raise InputError(t("walk.edit_unknown"), hint=t("walk.edit_unknown_hint"))
        event = self.latest_answer(step_id, question_id)
        if event is None:
            raise InputError(t("walk.edit_unanswered", case=self.case_id))
        if engine.passed_gate([event], self.proc):
            raise InputError(t("walk.edit_gate"))
        changed = self.ask_again(step_id, question_id)
        if not changed:
            self.say(t("walk.edit_unchanged"))
            return False
        self.safety_after_correction()
        self.consent_after_correction()
        return True

    def consent_after_correction(self) -> None:
        """A consent the answers as they now stand no longer allow (the age corrected below the
        consent age: a young person who consented alone at 15 is 14) is said, and asked again,
        with the same check as at the consent step (`consent_givers_problem`)."""
        from bti_cli.walkthrough import process as engine

        pos = engine.replay(self.proc, self.events)
        consent = pos.answers.get("consent")
        if pos.phase == "closed" or not (isinstance(consent, dict) and consent.get("given")):
            return
        problem = self.consent_givers_problem(pos.answers.get("subject"), pos.answers.get("age"),
                                              list(consent.get("by") or []), list(consent.get("services") or []))
        if problem is None:
            return
        answer = next((e for e in reversed(engine.effective_events(self.events))
                       if e.kind.value == "answer" and e.question == "consent"), None)
        self.say(t("walk.consent_no_longer_fits", problem=problem), style="bold yellow")
        if answer is not None:
            self.ask_again(answer.step, "consent")

    def safety_after_correction(self) -> None:
        """The safety rule holds after a correction too (BTI.md, cross-cutting rules): a new value
        that opens the gate (the concern scale changed to 4) is the gate, as «!» is; a follow-up
        of the safety question that the answers now call for («Vold og overgrep» chosen, a text
        that names violence) is asked now; through the gate, the walk goes on to informing
        barnevern, as it does at once in a walk."""
        from bti_cli.walkthrough import process as engine

        if engine.passed_gate(self.events, self.proc):
            if not any(e.kind.value == "answer" and e.step == engine.SAFETY_STEP
                       and e.question == engine.SAFETY_QUESTION and e.value is True for e in self.events):
                pos = engine.replay(self.proc, self.events)
                self._safety_requested(pos.level, "walk.scale_four" if pos.answers.get("scale") == 4
                                       else "walk.safety_requested")
        else:
            self.ask_safety_follow_ups()
        if engine.awaiting_notification(engine.replay(self.proc, self.events)):
            self.run()

    def ask_safety_follow_ups(self) -> bool:
        """Ask the follow-ups of the safety question that the answers as they now stand call for
        and that have no answer (`process.safety_unanswered`); True when one was asked."""
        from bti_cli.walkthrough import process as engine

        asked = False
        for _ in range(4):
            due = [(step, q) for step, q in engine.safety_unanswered(self.proc, self.events)
                   if q.id != engine.SAFETY_QUESTION]
            if not due:
                break
            step, question = due[0]
            pos = engine.replay(self.proc, self.events)
            before = len(self.events)
            self._ask(engine.Ask(step, question, pos.level), pos)
            asked = True
            if len(self.events) == before or engine.passed_gate(self.events, self.proc):
                break
        return asked

    def editable_answers(self) -> list[tuple[str, str]]:
        """(step, question) of every answer of the case that `edit` can change, in the order
        given: not the safety question, not an answer that opened the safety gate."""
        from bti_cli.walkthrough import process as engine

        keys: dict[tuple[str, str], None] = {}
        for event in engine.effective_events(self.events):
            if event.kind.value != "answer" or not event.question or event.step == engine.SAFETY_STEP:
                continue
            step = self.proc.step(event.step)
            if step is None or step.question(event.question) is None or engine.passed_gate([event], self.proc):
                continue
            keys[(event.step, event.question)] = None
        return list(keys)

    def choose_answer(self) -> tuple[str, str] | None:
        """The case's answers, numbered, under their level and step, in plain words; the one
        chosen, or None (Enter). Needs a person: with --no-input or an answers file the key is
        given on the command line."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough.prompts import PromptSpec

        if not self.prompter.interactive:
            raise InputError(t("walk.edit_needs_key"), hint=t("walk.edit_needs_key_hint", case=self.case_id))
        keys = self.editable_answers()
        if not keys:
            raise InputError(t("walk.edit_no_answers", case=self.case_id))
        self.say(t("walk.edit_title", case=self.case_id), style="bold")
        groups: list[tuple[str, list[str]]] = []
        for key in keys:
            event = self.latest_answer(*key)
            step = self.proc.step(key[0])
            heading = t("caselog.run_title", level=event.level if event is not None else "?",
                        step=pick(step.title) if step is not None else key[0])
            if not groups or groups[-1][0] != heading:
                groups.append((heading, []))
            question, answer = self.answer_in_words(*key)
            groups[-1][1].append(f"{question}: {answer}")
        numbered = getattr(self.prompter, "show_numbered", None)
        number = 1
        for heading, lines in groups:
            self.say("")
            self.say(heading, style="bold")
            if numbered is not None:
                numbered(lines, start=number, number_width=len(str(len(keys))))
            else:
                for i, line in enumerate(lines, start=number):
                    self.say(f"{i:>3}  {line}")
            number += len(lines)
        spec = PromptSpec(step="edit", question="number", kind="integer", text=t("walk.edit_prompt"),
                          required=False, empty_hint=t("walk.edit_enter"), minimum=1, maximum=len(keys),
                          safety=False, today=self.today)
        number = self.prompter.ask(spec)
        return None if number is None else keys[number - 1]

    def _after_decision(self, to: str, level: int) -> None:
        if to.startswith("level:"):
            self.say(t("walk.to_level", level=to[6:]), style="bold")
        elif to == "close":
            self.say(t("walk.to_close"))
        elif to == "continue":
            self.say(t("walk.to_continue", level=level))

    def _record(self, action, pos) -> None:
        value = action.value if action.value not in ({}, None) else None
        if action.kind == "close" and self.check_answers(action.level):
            return  # an answer of the closing changed: the engine says again what comes next
        if action.kind == "decision":
            if pos.answers.get("danger") is not True and pos.answers.get("scale") == 4:
                self.say(t("walk.scale_four"), style="bold red")  # the scale-4 option opened the gate
            self.append(level=action.level, step=action.step.id, kind="decision", value=action.value)
            self.say(t("walk.safety_stop"), style="bold red")
            return
        self.append(level=action.level, step=action.step.id, kind=action.kind, value=value)
        if action.kind == "notify":
            recorded = action.value or {}
            if recorded.get("barnevern_informed") == "advised-no-report":
                day = recorded.get("advice_date") or self.today.isoformat()
                self.say(t("walk.advised_no_report", date=day), style="bold")
            else:
                day = recorded.get("notified_date") or self.today.isoformat()
                self.say(t("walk.notified", date=day), style="bold")
        elif action.kind == "evaluation":
            self.say(t("walk.evaluation_recorded"))
        elif action.kind == "close":
            self._closed_now = True
            self.say(t("walk.closed", case=self.case_id), style="bold")
            holder = (action.value or {}).get("plan_holder")
            if (action.value or {}).get("closing_reason") == "individual-plan":
                # not a silent end: say where the work goes on
                self.say(t("walk.closed_to_plan", holder=self.role_label(holder) if holder else t("walk.nobody"),
                           case=self.case_id),
                         style="bold")

    def _deadline_note(self, concern_date: Any, at_decision: bool = False) -> None:
        status = deadline_status(concern_date, self.proc.deadline_days, self.today)
        if status is None:
            return
        deadline, left = status
        if left < 0:
            self.say(t("walk.deadline_passed", deadline=deadline.isoformat(), days=-left, count=-left),
                     style="bold red")
        elif left == 0:
            self.say(t("walk.deadline_today", deadline=deadline.isoformat()), style="bold yellow")
        else:
            self.say(t("walk.deadline_left", deadline=deadline.isoformat(), days=left, count=left),
                     style="yellow" if at_decision else None)

    def _done(self, action, pos) -> None:
        if self.log is None:
            return
        if action.reason == "closed":
            if not self._closed_now:
                self.say(t("walk.case_closed", case=self.case_id))
            return
        from bti_cli.caselog.state import summarise

        s = summarise(self.log.header, self.log.events, deadline_days=self.proc.deadline_days, process=self.proc)
        self.say("")
        self.say(t("walk.saved", case=self.case_id, level=s.level), style="bold")
        if s.baton_holder_role:
            self.say(t("walk.baton", role=self.role_label(s.baton_holder_role)))
        if s.pending_baton_holder_role:
            self.say(t("walk.baton_pending", role=self.role_label(s.pending_baton_holder_role), case=self.case_id))
        if s.notified_barnevern:
            self.say(t("walk.notified", date=s.notified_date))
        if s.next_evaluation:
            self.say(t("walk.next_evaluation", date=s.next_evaluation, case=self.case_id))

    def role_label(self, value: str) -> str:
        from bti_cli.catalogue.suggest import find_coordinator

        c = find_coordinator(self.cat, value)
        return c.role if c is not None else value

    # ---- the commands a front end offers

    def summary(self):
        """The case's replayed state (`caselog.state.summarise`)."""
        from bti_cli.caselog.state import summarise

        log = self.require_log()
        return summarise(log.header, log.events, deadline_days=self.proc.deadline_days, process=self.proc)

    def require_log(self) -> CaseLog:
        if self.log is None:
            raise RuntimeError("no case is open")  # pragma: no cover - a programming error
        return self.log

    def note_versions(self) -> None:
        """Say when the catalogue or the process changed since the case was created."""
        log = self.log
        if log is None:
            return
        if log.header.catalogue_version != self.loaded.version_hash:
            self.say(t("walk.catalogue_changed"), style="dim")
        if log.header.process_version != self.proc.version_hash:
            self.say(t("walk.process_changed"), style="dim")

    def rehearse(self, *, resume: bool = False) -> None:
        """An answers file with no one to ask behind it (`--no-input`, or no terminal) is played
        through first with a case log in memory: the same questions, validators and writer's
        checks, so a value that would be refused fails before a case is created or changed (a
        half-made case would wait in `bti resume`, due, stats and export)."""
        from dataclasses import replace

        from bti_cli.walkthrough.prompts import ScriptedPrompter
        from bti_cli.walkthrough.rehearsal import MemoryLog, RehearsalPrompter, Unanswered

        prompter = self.prompter
        if self.rehearsing or not isinstance(prompter, ScriptedPrompter) or prompter.fallback is not None:
            return
        if not prompter.answers:  # `--no-input` alone: refused before this
            return
        from typing import cast

        log = None if self.log is None else cast("CaseLog", MemoryLog(self.log.header, self.log.events))
        quiet = RehearsalPrompter(prompter.answers, source=prompter.source)
        dry = replace(self, prompter=quiet, log=log, rehearsing=True, _vocabulary=self._vocabulary)
        try:
            if resume:
                dry.resume()
            else:
                dry.run()
        except Unanswered:
            pass  # the real run saves the answers up to the one the file leaves out
        self._vocabulary = dry._vocabulary

    def start(self) -> str:
        """A new concern from level 0: the welcome, then the walkthrough."""
        self.rehearse()
        self.say(t("walk.welcome", municipality=self.cat.municipality.name), style="bold")
        plan = self.cat.plan
        if plan is not None and not plan.names_bti:  # said once, at the start of a new concern
            self.say(t("walk.plan_without_bti"), style="dim")
        self.say(t("walk.privacy"))
        self.say(t("walk.safety_key"))
        if self.prompter.interactive:
            self.say(t("walk.back_key"))
        return self.run()

    def resume(self) -> str | None:
        """Continue an open case at the question where it stopped; None when nothing is pending."""
        from bti_cli.walkthrough import process as engine

        self.rehearse(resume=True)
        if self.ask_safety_follow_ups() and engine.awaiting_notification(engine.replay(self.proc, self.events)):
            return self.run()

        action = engine.next_action(self.proc, self.events, resume=True)
        if isinstance(action, engine.Done):
            if engine.replay(self.proc, self.events).discarded:
                self.say(t("walk.case_discarded", case=self.case_id))
            elif action.reason == "closed":
                self.say(t("walk.case_closed", case=self.case_id))
            else:
                self.say(t("walk.nothing_pending", case=self.case_id))
                self._done(action, engine.replay(self.proc, self.events))
            return None
        self.say(t("walk.resuming", case=self.case_id, step=pick(action.step.title)), style="bold")
        return self.run(resume=True)

    def position(self):
        """The open case's position in the process; a closed case is an error."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        log = self.require_log()
        pos = engine.replay(self.proc, log.events)
        if pos.discarded:
            raise InputError(t("walk.case_discarded", case=log.case_id))
        if pos.phase == "closed":
            raise InputError(t("walk.already_closed", case=log.case_id))
        return pos

    def discard(self, reason: str) -> None:
        """`bti cases discard`: a case started by mistake leaves lists, due, export and stats.
        Never a case that went through the safety gate: that record is kept as it is."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        log = self.require_log()
        pos = engine.replay(self.proc, log.events)
        if pos.discarded:
            raise InputError(t("walk.case_discarded", case=log.case_id))
        if engine.passed_gate(log.events, self.proc):
            raise InputError(t("walk.discard_gate", case=log.case_id))
        from bti_cli.privacy.guard import strip_controls

        text = strip_controls(reason).strip()  # before the scrubber: a zero-width space hides no name
        if not text:
            raise InputError(t("walk.discard_reason_empty"))
        from bti_cli.privacy.scrubber import scrub

        result = scrub(text, vocabulary=self.vocabulary())
        if result.replacements:
            kinds = ", ".join(sorted({t_kind(r.kind) for r in result.replacements}))
            raise InputError(t("walk.discard_personal", kinds=kinds))
        log.append(level=pos.level, step="discard", kind="discard", value={"reason": text},
                   actor_role=self.actor_role())
        self.say(t("walk.discarded", case=log.case_id))

    def check_gate(self, pos, moves_on: str) -> None:
        """A case at the safety gate cannot be closed, evaluated or handed over (`moves_on`)
        until barnevern is recorded as informed, or as having advised after an anonymous
        consultation that no report is needed (barnevernsloven § 13-2: at once, and personal)."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        if engine.awaiting_notification(pos):
            key = {"close": "walk.gate_refuses_close", "evaluate": "walk.gate_refuses_evaluate",
                   "handover": "walk.gate_refuses_handover"}[moves_on]
            raise InputError(t(key, case=self.case_id), hint=t("walk.gate_refuses_hint", case=self.case_id))

    def check_evaluable(self, pos) -> None:
        """An evaluation needs a case at level 1-3 that is waiting for (or in) its evaluation."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        self.check_gate(pos, "evaluate")
        if pos.phase != "evaluation":
            action = engine.action_at(self.proc, pos)
            if not (isinstance(action, engine.Done) and action.reason == "waiting") or pos.level == 0:
                raise InputError(t("walk.not_waiting", case=self.case_id))

    def evaluate(self, pos) -> str:
        """The evaluation meeting and its decision; continues into the next level's steps."""
        self.say(t("walk.evaluating", case=self.case_id, level=pos.level), style="bold")
        return self.run(evaluate=pos.phase != "evaluation", resume=True)

    def close(self, pos) -> str:
        """The closing note (avslutningsnotat) and the close event."""
        from bti_cli.walkthrough import process as engine

        self.check_gate(pos, "close")
        self.say(t("walk.closing", case=self.case_id), style="bold")
        if pos.phase != "close":
            self.append(level=pos.level, step=engine.CLOSE_STEP, kind="decision", value="close")
        return self.run(resume=True)

    def handover(self, pos, to: str, *, consent_extended: bool = False, consent_until: str | None = None,
                 consent_by: list[str] | None = None) -> None:
        """Offer the baton to a role (a coordinator id, or a role typed without personal data).

        A role of a service the recorded consent does not cover (nor the current holder's own), or
        any other service once the consent has run out, needs the consent extended first: with
        `consent_extended` (the ones who consented agreed) it is recorded in the log (a `consent`
        event), else the handover is refused. `consent_by`: who agreed to the extension (default:
        those who gave the consent); they must be the right people for every service it covers."""
        from bti_cli.catalogue.suggest import find_coordinator
        from bti_cli.errors import InputError

        self.check_gate(pos, "handover")
        role = to.strip()
        if not role:
            raise InputError(t("walk.handover_empty"))
        from bti_cli.catalogue.roles import group_role

        if (group := group_role(self.cat, role)) is not None:
            raise InputError(t("walk.baton_group_refused", role=group))  # the walkthrough's rule too
        coordinator = find_coordinator(self.cat, role)
        if coordinator is not None:
            role = coordinator.id
        else:
            from bti_cli.privacy.guard import kind_labels, role_kinds, strip_controls

            role = strip_controls(role).strip()
            kinds = role_kinds(role, self.vocabulary())
            if kinds:
                raise InputError(t("walk.handover_personal", kinds=kind_labels(kinds)))
        summary = self.summary()
        if role == summary.baton_holder_role:
            raise InputError(t("walk.handover_same", role=self.role_label(role)))
        from bti_cli.catalogue.roles import role_services
        from bti_cli.walkthrough import process as engine

        # a catalogue role's service, or the services a typed role names ("PPT", "helsesykepleier på
        # helsestasjonen"): each is held to the consent rule; a role naming none is not checked
        for number, service in enumerate(role_services(self.cat, role) or [None]):
            if number:  # a consent extended for the service before is in the log now
                pos = engine.replay(self.proc, self.events)
            self.check_handover_consent(pos, service, summary.baton_holder_role, consent_extended, consent_until,
                                        consent_by)
        self.append(level=pos.level, step="handover", kind="handover", value={"to": role})
        if summary.baton_holder_role:
            self.say(t("walk.handover_offered", role=self.role_label(role),
                       holder=self.role_label(summary.baton_holder_role), case=self.case_id))
        else:
            self.say(t("walk.handover_offered_no_holder", role=self.role_label(role), case=self.case_id))

    def check_handover_consent(self, pos, service: str | None, holder: str | None, extended: bool,
                               until: str | None, consent_by: list[str] | None = None) -> None:
        """The consent rule at a handover (`engine.consent_covers`, `engine.consent_expired`): refuse,
        or record the consent extended to `service` (and renewed to `until`)."""
        from bti_cli.errors import InputError
        from bti_cli.walkthrough import process as engine

        consent = pos.answers.get("consent")
        own_service = self.own_service(holder, service)
        expired = engine.consent_expired(consent, self.today) and service != own_service
        if engine.consent_covers(service, consent, own_service) and not expired:
            return
        names = {s.id: s.name for s in self.cat.services}
        name = names.get(service or "", service or "")
        if not extended:
            key = "walk.handover_consent_expired" if expired else "walk.handover_consent_needed"
            raise InputError(t(key, service=name), hint=t("walk.handover_consent_hint", case=self.case_id))
        given = consent if isinstance(consent, dict) and consent.get("given") else {}
        day = until or (None if expired else given.get("until"))
        if not day:
            raise InputError(t("walk.handover_consent_until"), hint=t("walk.handover_consent_hint", case=self.case_id))
        if str(day) < self.today.isoformat():
            raise InputError(t("process.err_date_past"))
        by = list(consent_by or given.get("by") or [])
        if not by:
            age = pos.answers.get("age")
            givers = engine.consent_givers(pos.answers.get("subject"), age,
                                           self.proc.settings.get("consent_age_log", 15))
            by = list(givers.required or givers.offered)
        services = [str(v) for v in given.get("services") or []]
        if service and service not in services:
            services.append(service)
        problem = self.consent_givers_problem(pos.answers.get("subject"), pos.answers.get("age"), by, services)
        if problem:
            raise InputError(problem, hint=t("walk.handover_consent_by_hint", case=self.case_id))
        value = {"given": True, "by": by, "services": services, "until": str(day)[:10]}
        self.append(level=pos.level, step="handover", kind="consent", value=value)
        self.say(t("walk.consent_extended", service=name, date=value["until"]))

    def accept(self, pos) -> None:
        """The offered role takes the baton."""
        from bti_cli.errors import InputError

        log = self.require_log()
        pending = self.summary().pending_baton_holder_role
        if not pending:
            raise InputError(t("walk.accept_nothing", case=log.case_id))
        log.append(level=pos.level, step="accept", kind="accept", value={"role": pending}, actor_role=pending)
        self.say(t("walk.accepted", role=self.role_label(pending), case=log.case_id))

    # ---- building prompts

    def place(self, action, pos) -> str | None:
        """"Nivå 1 · spørsmål 3 av 8": the question's number among the questions of this part
        that apply with the answers so far. The total is shown only once it can no longer change:
        while a question still to come, its step or the part's decision depends on an answer not
        given yet, it says "Nivå 1 · spørsmål 3" (a total that grows or shrinks as answers open
        or close questions reads as a promise broken). The numbers are those of "Sjekk svarene":
        the safety question, which that list and `<` leave out (it is changed with `!` at any
        question), has no number either."""
        from bti_cli.walkthrough import process as engine

        env = engine.environment(self.proc, pos)
        steps = engine._segment_steps(self.proc, pos)
        if all(step.id != action.step.id for step in steps):
            # the first question of a part not begun yet (an evaluation): that part's steps
            steps = self.proc.phase_steps(action.level, action.step.phase)
        steps = [step for step in steps if step.id != engine.SAFETY_STEP]
        # the answers that may still come in this part: a condition that reads one of them may
        # change. An unanswered question whose condition is settled and false never comes (the
        # reason nobody talked with the child, once someone did), so it is left out, until no
        # more can be left out.
        unanswered = [(step, q) for step in steps for q in step.questions if (step.id, q.id) not in pos.answered]
        ahead = {q.id for _, q in unanswered}

        def settled(condition: str | None) -> bool:
            return not condition or not (engine.condition_names(condition) & ahead)

        while True:
            never = {q.id for step, q in unanswered if q.id in ahead and any(
                c and settled(c) and not engine.holds(c, env) for c in (step.when, q.when))}
            if not never:
                break
            ahead -= never

        keys: list[tuple[str, str]] = []
        certain = True
        for step in steps:
            certain = certain and settled(step.when)
            applies = engine.holds(step.when, env)
            # a step its own answer closed ("who holds the baton now", asked while nobody did)
            # keeps the number of what was answered in it: the next question does not take it
            if not applies and not any((step.id, q.id) in pos.answered for q in step.questions):
                continue
            for q in step.questions:
                if (step.id, q.id) in pos.answered:
                    keys.append((step.id, q.id))
                    continue
                if not applies:
                    continue
                certain = certain and settled(q.when)
                if engine.holds(q.when, env):
                    keys.append((step.id, q.id))
            if step.decisions:
                certain = certain and all(settled(d.when) for d in step.decisions)
                if any(engine.holds(d.when, env) for d in step.decisions):
                    break
        key = (action.step.id, action.question.id)
        if key not in keys:
            return None
        number = keys.index(key) + 1
        if certain:
            return t("walk.place", level=action.level, number=number, total=len(keys))
        return t("walk.place_open", level=action.level, number=number)

    def default(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        if raw == "today":
            return self.today.isoformat()
        if raw == "today+interval":
            days = self.proc.settings.get("evaluation_interval_days", 42)
            return (self.today + timedelta(days=days)).isoformat()
        if raw.startswith("today+") and raw[6:].isdigit():
            return (self.today + timedelta(days=int(raw[6:]))).isoformat()
        if raw == "config:arena":
            return self.config_arena
        if raw == "config:role":
            return self.config_role
        if raw == "case:role":
            return self.actor_role()  # the employee's own role, as given at the start of the case
        return raw

    def consent_parts(self, action, subject: str | None, age: int | None, areas: list, work_arena: str | None,
                      *, unborn: bool = False):
        """The parts of a consent answer (given, by, services, until) and the check of who
        consented (`engine.consent_givers`: the woman herself, the young person from the consent
        age, the guardians under 18). `subject` and `unborn` as `spec` read them from the answers:
        the services are ranked for the same need as the other suggestions of the walkthrough."""
        from bti_cli.walkthrough import process as engine
        from bti_cli.walkthrough.prompts import AnswerError, Choice, PromptSpec

        q = action.question
        level = action.level
        consent_age = self.proc.settings.get("consent_age_log", 15)
        health_age = self.proc.settings.get("consent_age_health", 16)
        givers = engine.consent_givers(subject, age, consent_age, health_age=health_age)  # every one who may
        labels = {"guardians": t("walk.consent_guardians"), "youth": t("walk.consent_youth"),
                  "woman": t("walk.consent_woman")}
        by = [Choice(who, labels[who]) for who in givers.offered]
        services, fitting = self.consent_service_choices(level, age, areas, work_arena, subject, unborn)
        rest = len(services) - fitting
        fold = fitting if fitting and rest else None
        fold_line = (t("walk.consent_services_more" if rest > 1 else "walk.consent_service_more_last",
                       count=rest, first=fitting + 1, last=len(services)) if fold else None)
        parts = (
            PromptSpec(action.step.id, f"{q.id}.given", "yes-no", t("walk.consent_given"), today=self.today),
            PromptSpec(action.step.id, f"{q.id}.by", "multi-choice", t("walk.consent_by"), choices=tuple(by),
                       today=self.today),
            PromptSpec(action.step.id, f"{q.id}.services", "multi-choice", t("walk.consent_services"),
                       choices=tuple(services), fold=fold, fold_line=fold_line, today=self.today),
            PromptSpec(action.step.id, f"{q.id}.until", "date", t("walk.consent_until"), future=True,
                       today=self.today),
        )

        def validate(value: Any) -> None:
            if not isinstance(value, dict) or not value.get("given"):
                return
            chosen = list(value.get("by") or [])
            if not chosen:
                raise AnswerError(t("walk.consent_by_empty"))
            problem = self.consent_givers_problem(subject, age, chosen, value.get("services") or [])
            if problem:
                raise AnswerError(problem)

        return parts, validate

    def consent_service_choices(self, level: int, age: int | None, areas: list, work_arena: str | None,
                                subject: str | None, unborn: bool) -> tuple[list, int]:
        """The services a consent can name (`Service.consent_recipient`: not a placeholder for all,
        several or no stated service), ranked for the need (`suggest.rank_services`), and how many
        of them come first because they offer fitting measures, the employee's own services among
        them first (they take part in the case they hold). The others keep their reasons except
        the count of none ("0 fitting measures" under twenty names says nothing)."""
        from bti_cli.catalogue import suggest
        from bti_cli.walkthrough.prompts import Choice

        recipients = {s.id for s in self.cat.services if s.consent_recipient}
        ranked = [s for s in suggest.rank_services(
            self.cat, level=level, age=age, areas=areas, work_arena=work_arena, subject=subject, unborn=unborn)
            if s.id in recipients]
        fitting = [s for s in ranked if "measures:0" not in s.codes]
        fitting.sort(key=lambda s: "own-service" not in s.codes)  # stable: the need's order within each
        others = [s for s in ranked if "measures:0" in s.codes]
        none = t("process.reason_service_measures", count=0)
        folded = [Choice(s.id, s.name, join_reasons(r for r in s.reasons if r != none)) for s in others]
        return [_choice(s) for s in fitting] + folded, len(fitting)

    def takes_part(self, measure: Any) -> list[str]:
        """The services a measure joins the case with: its service and those it is `shared_with`
        (only its service when that is PPT, barnevern or a mental-health service), without
        placeholders (`Service.consent_recipient`): a responsibility group of "all municipal
        services" joins with the services that take part, not with "all"."""
        from bti_cli.catalogue.suggest import REFERRAL_KINDS

        placeholders = {s.id for s in self.cat.services if not s.consent_recipient}
        kinds = {s.id: s.kind.value for s in self.cat.services}
        if measure.shared_with and kinds.get(measure.service) in REFERRAL_KINDS and measure.service not in placeholders:
            # led by a service one is referred to (PPT's expert assessment «Ansvar: PPT,
            # barnehage og skole»): it joins with that service, whoever else the plan names
            return [measure.service]
        return [s for s in (measure.service, *measure.shared_with) if s not in placeholders]

    def joining_names(self, measure: Any) -> list[str]:
        """The names of the services `takes_part` gives, for the messages about consent; "the
        services in the group" for a responsibility group of placeholders only."""
        names = {s.id: s.name for s in self.cat.services}
        services = self.takes_part(measure)
        if services:
            return [names.get(s, s) for s in services]
        return [t("walk.consent_group_services")]

    def consent_givers_problem(self, subject: Any, age: Any, chosen: list, services: list) -> str | None:
        """Who must be among those who consented and is not (`engine.consent_givers`: the log's
        consent age, and the health consent age when a service of the consent is a health
        service), worded with the rule; None when the right people consented. One check for the
        consent step, its renewal and a consent extended at a handover."""
        from bti_cli.catalogue.rules import HEALTH_SERVICE_KINDS, rule_text, setting_source
        from bti_cli.walkthrough import process as engine

        consent_age = self.proc.settings.get("consent_age_log", 15)
        health_age = self.proc.settings.get("consent_age_health", 16)
        health_services = {s.id for s in self.cat.services if s.kind.value in HEALTH_SERVICE_KINDS}
        log = engine.consent_givers(subject, age, consent_age)
        health = any(str(s) in health_services for s in services)
        both = engine.consent_givers(subject, age, consent_age, health_age=health_age if health else None)
        for who in both.required:
            if who in chosen:
                continue
            if who not in log.required:  # the health consent age asks for this one
                source = setting_source(self.proc.setting_sources, "consent_age_health")
                key = ("walk.consent_youth_needed_health" if who == "youth"
                       else "walk.consent_guardians_needed_health")
                return t(key, age=health_age, rule=rule_text("consent_age_health", source, health_age))
            key = {"youth": "walk.consent_youth_needed", "guardians": "walk.consent_guardians_needed",
                   "woman": "walk.consent_woman_needed"}[who]
            if who == "woman" and isinstance(age, int) and not isinstance(age, bool):
                key = "walk.consent_woman_needed_age"  # a pregnant young woman: from the consent age
            return t(key, age=consent_age)
        return None

    def own_service(self, holder: str | None, service: str | None) -> str | None:
        """The current holder's service, as `engine.consent_covers` takes it: `service` itself when
        the holder's role belongs to it (`catalogue.roles.role_services`), else the first one."""
        from bti_cli.catalogue.roles import role_services

        own = role_services(self.cat, holder)
        return service if service in own else (own[0] if own else None)

    def baton_uncovered(self, answers: dict[str, Any]) -> Callable[[Any], str | None]:
        """At levels 2-3 the baton passes only to a role whose service the consent covers (or the
        current holder's own service): `engine.consent_covers`, as at `bti cases handover`. Gives
        for a role the name of the service the consent does not cover, else None. A role typed as
        free text counts by the services it names (`catalogue.roles.role_services`, the
        handover's rule)."""
        from bti_cli.catalogue.roles import role_services
        from bti_cli.catalogue.suggest import find_coordinator
        from bti_cli.walkthrough import process as engine

        consent = answers.get("consent")
        holder = answers.get("baton_holder")
        own = find_coordinator(self.cat, holder) if isinstance(holder, str) and holder else None
        # before a holder is chosen (level 3, "who holds the baton now"), the employee's own
        # services are the case's own: any other role must be covered by the consent
        mine = self.own_services(answers) if own is None else set()

        def uncovered(value: Any) -> str | None:
            # without consent the case is only discussed anonymously and no one joins: the baton
            # stays in the employee's own service
            alone = _no_consent(consent) and own is None and bool(mine)
            if not alone and (not isinstance(consent, dict) or not consent.get("given")
                              or (own is None and not mine)):
                # no consent with a holder already, or neither a holder nor a work arena to say
                # which service is the case's own
                return None
            for service in role_services(self.cat, value) if isinstance(value, str) else []:
                if alone:
                    covered = service in mine
                elif own is None:
                    covered = service in mine or engine.consent_covers(service, consent, None)
                else:
                    covered = engine.consent_covers(service, consent, self.own_service(holder, service))
                if not covered:
                    return next((s.name for s in self.cat.services if s.id == service), service)
            return None

        return uncovered

    def own_services(self, answers: dict[str, Any]) -> set[str]:
        """The services of the employee's work arena (`suggest.own_services`: Elverum's Frydenlund
        skole for a contact teacher at school): their roles and measures need no consent to stay
        with the case."""
        from bti_cli.catalogue.suggest import own_services

        arena = self.work_arena(answers)
        return own_services(self.cat, arena) if arena else set()

    def work_arena(self, answers: dict[str, Any]) -> str | None:
        """Where the employee works: this walk's answer, else the configured arena."""
        arena = answers.get("arena")
        return arena if isinstance(arena, str) else self.config_arena

    def baton_consent_check(self, answers: dict[str, Any]):
        """The refusal of a baton holder `baton_uncovered` names a service for."""
        from bti_cli.walkthrough.prompts import AnswerError

        uncovered = self.baton_uncovered(answers)
        key = "walk.baton_no_consent" if _no_consent(answers.get("consent")) else "walk.baton_consent_needed"

        def validate(value: Any) -> None:
            if (name := uncovered(value)) is not None:
                raise AnswerError(t(key, service=name))

        return validate

    def covered_first(self, choices: list, answers: dict[str, Any], step: str,
                      question: str) -> tuple[list, int | None, str | None]:
        """The roles the consent covers are listed; the others are not numbered but can still be
        typed (and are then refused: `baton_consent_check`), and one line names them with their
        service and says what to do (as the measures question does). Gives (choices, how many are
        listed or None when all are, the line or None)."""
        from bti_cli.walkthrough.prompts import Choice

        uncovered = self.baton_uncovered(answers)
        without = _no_consent(answers.get("consent"))
        covered, not_covered, named = [], [], []
        for c in choices:
            name = uncovered(c.value)
            if name is None:
                covered.append(c)
            else:
                reason = t("walk.baton_reason_no_consent" if without else "walk.baton_reason_not_covered", service=name)
                not_covered.append(Choice(c.value, c.label, join_reasons([reason, c.detail] if c.detail else [reason])))
                named.append(t("walk.baton_role_service", role=c.label, service=name))
        if not not_covered:
            return covered, None, None
        if without:
            return [*covered, *not_covered], len(covered), t("walk.baton_not_own_no_consent", roles="; ".join(named))
        key = "walk.baton_not_covered" if covered else "walk.baton_none_covered"
        hint = self.consent_hint(step, question).replace("walk.measure_consent_", "walk.baton_not_covered_")
        note = f"{t(key, roles='; '.join(named))} {t(hint, case=self.case_id)}"
        return [*covered, *not_covered], len(covered), note

    def arenas_covered_first(self, choices: list, answers: dict[str, Any]) -> tuple[list, int | None, str | None]:
        """Where a consented meeting is held: the tables whose services the consent covers are
        listed; a table where a service takes part that the consent does not name is not numbered,
        and one line names it with that service (BTI.md: consent must cover every service taking
        part; a group formed for each case, `Arena.formed_per_case`, is listed: its members are the
        services the consent covers). Gives (choices, how many are listed or None when all are,
        the line or None)."""
        covered, _ = self.service_coverage(answers)
        recipients = {s.id: s.name for s in self.cat.services if s.consent_recipient}
        arenas = {a.id: a for a in self.cat.arenas}
        listed, left, named = [], [], []
        for c in choices:
            arena = arenas.get(str(c.value))
            fixed = arena.services if arena and not arena.formed_per_case else []
            missing = [recipients[svc] for svc in fixed if svc in recipients and not covered(svc)]
            if missing:
                left.append(c)
                named.append(t("walk.baton_role_service", role=c.label, service=", ".join(missing)))
            else:
                listed.append(c)
        if not left:
            return choices, None, None
        return [*listed, *left], len(listed), t("walk.arena_not_covered", arenas="; ".join(named))

    def measure_coverage(self, answers: dict[str, Any]) -> Callable[[Any], bool]:
        """Whether the consent covers a measure (a catalogue `Measure`): a measure is run by its
        service (and those it is `shared_with`), and is covered when the consent covers one of
        them (`engine.consent_covers`; the current holder's own service is covered — the holder so
        far, else the employee's role). BTI.md: consent must cover a service that joins or takes
        over. One rule for the list the measures question offers and the check of the answer."""
        from bti_cli.walkthrough import process as engine

        consent = answers.get("consent")
        given = consent if isinstance(consent, dict) and consent.get("given") else {}
        named = [s for s in given.get("services") or [] if isinstance(s, str)]
        service_covered, own_service = self.service_coverage(answers)

        def covers(measure: Any) -> bool:
            services = self.takes_part(measure)
            if services:
                return any(service_covered(s) for s in services)
            if measure.coordination:
                # a responsibility group of "all" or "several" services is made of the services
                # the consent names: any one of them makes it covered
                return bool(named)
            # the plan names no service that runs it: it cannot be checked, as a role of no
            # catalogue service (`engine.consent_covers(None, …)`)
            return engine.consent_covers(None, consent, own_service)

        return covers

    def covered_through(self, suggestion: Any, answers: dict[str, Any]) -> Any:
        """An offered measure whose own service the consent does not cover, but a service it is
        shared with does, says so first among its reasons: the note under the list may name its
        service for another of that service's measures (Løten's Allvørskafé, of Lag og foreninger
        with the lower secondary school, the employee's own service)."""
        from bti_cli.walkthrough.prompts import Choice

        choice = _choice(suggestion, with_service=True)
        consent = answers.get("consent")
        m = next((x for x in self.cat.measures if x.id == suggestion.id), None)
        if m is None or not (isinstance(consent, dict) and consent.get("given")):
            return choice
        covered, _ = self.service_coverage(answers)
        services = self.takes_part(m)
        if m.service not in services or covered(m.service):
            return choice
        through = next((s for s in services if s != m.service and covered(s)), None)
        if through is None:
            return choice
        name = next((s.name for s in self.cat.services if s.id == through), through)
        key = ("walk.measure_reason_own_runs_it" if through in self.own_services(answers)
               else "walk.measure_reason_covered_through")
        reason = t(key, service=name)
        return Choice(choice.value, choice.label, join_reasons([reason, choice.detail] if choice.detail else [reason]))

    def service_coverage(self, answers: dict[str, Any]) -> tuple[Callable[[str], bool], str | None]:
        """Whether the consent covers one service a measure joins with (`engine.consent_covers`;
        the employee's own services and the current holder's — the holder so far, else the
        employee's role — need none), and the holder's service: `measure_coverage`'s rule."""
        from bti_cli.catalogue.suggest import find_coordinator
        from bti_cli.walkthrough import process as engine

        consent = answers.get("consent")
        holder = answers.get("baton_holder")
        key = holder if isinstance(holder, str) and holder else self.actor_role()
        own = find_coordinator(self.cat, key) if key else None
        own_service = own.service if own is not None else None
        mine = self.own_services(answers)

        def covered(service: str) -> bool:
            return service in mine or engine.consent_covers(service, consent, own_service)

        return covered, own_service

    def measures_consent_check(self, answers: dict[str, Any], hint: str) -> Callable[[Any], None]:
        """At levels 2-3 a measure the consent does not cover (`measure_coverage`) is refused, as
        at the baton; `hint` says what to do, in the words of where the answer comes from."""
        from bti_cli.walkthrough.prompts import AnswerError

        covers = self.measure_coverage(answers)
        by_id = {m.id: m for m in self.cat.measures}

        def validate(value: Any) -> None:
            for mid in value if isinstance(value, list) else []:
                measure = by_id.get(mid)
                if measure is None or covers(measure):
                    continue
                shown = t("walk.or").join(self.joining_names(measure))
                raise AnswerError(t("walk.measure_consent_needed", measure=measure.name, service=shown)
                                  + " " + t(hint, case=self.case_id))

        return validate

    def coordination_check(self, answers: dict[str, Any], question: str, step: str,
                           chosen: list[Any]) -> Callable[[Any], None]:
        """A level-3 coordination answered no while a chosen measure is that coordination
        (`Measure.coordinates`: the individual plan, a responsibility group, a coordinator) is
        refused, with what to do: a measure of the frame and no frame contradict each other. A
        measure of several («Koordinator/barnekoordinator») is refused only when every one of
        them is answered no."""
        from bti_cli.walkthrough.prompts import AnswerError

        def validate(value: Any) -> None:
            if value is not False:
                return
            for measure in chosen:  # each one this coordination, of it alone or of several
                if all(answers.get(q) is False for q in measure.coordinates if q != question):
                    hint = self.consent_hint(step, question).replace("walk.measure_consent_",
                                                                     "walk.coordination_chosen_")
                    raise AnswerError(t("walk.coordination_chosen", measure=measure.name) + " "
                                      + t(hint, case=self.case_id))

        return validate

    def chosen_coordination(self, answers: dict[str, Any]) -> list[Any]:
        """The chosen level-3 measures that are a coordination of the frame (`coordinates`)."""
        chosen = answers.get("measures")  # the ids, or (as stored) the ids with their reason codes
        by_id = {m.id: m for m in self.cat.measures}
        return [by_id[mid] for mid in (chosen if isinstance(chosen, (list, dict)) else [])
                if mid in by_id and by_id[mid].coordinates]

    def consent_hint(self, step: str, question: str) -> str:
        """What to do about a measure the consent does not cover, in the words of where the answer
        comes from: the answers file's key, `<` at a terminal, or `bti cases edit` afterwards when
        a terminal answers for an answers file (where `<` does not go back)."""
        if self.answered_in_file(step, question):
            return "walk.measure_consent_file"
        return "walk.measure_consent_back" if self.prompter.interactive else "walk.measure_consent_edit"

    def uncovered_note(self, uncovered: list, step: str, question: str) -> str | None:
        """One line for the suggestions left out of the measures list because the consent does not
        cover their services: how many, which services, and what to do."""
        if not uncovered:
            return None
        by_id = {m.id: m for m in self.cat.measures}
        names = {s.id: s.name for s in self.cat.services}
        recipients = {x.id for x in self.cat.services if x.consent_recipient}
        # each service once with how many of the measures it runs, so the counts add up to the
        # number of measures left out: a measure counts once, under the service that runs it (the
        # consent's list, `rank_services`, counts it for each service it is shared with too)
        counts: dict[str, int] = {}
        for s in uncovered:
            m = by_id.get(s.id)
            if m is None:
                name = str(s.data.get("service_name") or s.data.get("service") or s.name)
            elif m.service in recipients:
                name = names.get(m.service, m.service)
            else:  # a group of several services: the services in it
                name = t("walk.or").join(self.joining_names(m))
            counts[name] = counts.get(name, 0) + 1
        items = [t("walk.service_measure_count", service=name, count=n) for name, n in counts.items()]
        text = t("walk.measures_not_covered", count=len(uncovered), services="; ".join(items))
        hint = self.consent_hint(step, question).replace("walk.measure_consent_", "walk.measures_not_covered_")
        return f"{text} {t(hint, case=self.case_id)}"

    def answered_in_file(self, step: str, question: str) -> bool:
        """True when an answers file holds this answer (else a person at the terminal is asked,
        when one is there)."""
        answers = getattr(self.prompter, "answers", None)
        table = answers.get(step) if isinstance(answers, dict) else None
        return isinstance(table, dict) and question in table

    def level3_baton_choices(self, ranked: list, answers: dict[str, Any], level: int) -> list:
        """The level-3 baton holders as this walk's answers place them: while the case has no
        holder, the employee's own role first (whoever holds the baton keeps it until a new holder
        accepts: BTI.md "Handover"); a role whose right (`RIGHTS`: the coordinator, § 7-2; the child
        coordinator, § 2-5 c) was answered "yes" lifted, one whose every right was answered "no"
        last; each saying so first among its reasons."""
        from bti_cli.catalogue.suggest import find_coordinator
        from bti_cli.walkthrough.prompts import Choice

        by_id = {c.id: c for c in self.cat.coordinators}
        own: list[Choice] = []
        holder = answers.get("baton_holder")
        role = self.actor_role()
        if not (isinstance(holder, str) and holder) and role:
            mine = find_coordinator(self.cat, role)
            own = [Choice(mine.id if mine else role, mine.role if mine else role, t("walk.baton_reason_yours"))]
        lifted: list[Choice] = []
        kept: list[Choice] = []
        last: list[Choice] = []
        for s in ranked:
            if own and s.id == own[0].value:
                continue
            c = by_id.get(s.id)
            # the role's rights in the order its legal basis names them: Søndre Land's "Barne- og
            # familiekoordinator" (§ 2-5 c; § 7-2) is the child coordinator first
            found = {q: m.start() for q, basis in RIGHTS.items()
                     if c is not None and (m := basis.search(c.legal_basis or "")) is not None}
            rights = sorted(found, key=lambda q: found[q])
            yes = [q for q in rights if answers.get(q) is True]
            no = [q for q in rights if answers.get(q) is False]
            if yes:
                reason = self.answered_reason(yes[0], True, level)
                lifted.append(Choice(s.id, s.name, join_reasons([reason, *s.reasons])))
            elif rights and len(no) == len(rights):
                last.append(Choice(s.id, s.name, join_reasons([self.answered_reason(no[0], False, level), *s.reasons])))
            else:
                kept.append(_choice(s))
        return [*own, *lifted, *kept, *last]

    def answered_reason(self, question_id: str, yes: bool, level: int) -> str:
        """"du svarte ja på «Har barnet rett til en koordinator?»": a reason from this walk."""
        # the words the question was asked in ("Har den unge rett til …" for a 15-year-old)
        text = next((pick(self.worded(q, "text")) for step in self.proc.steps if step.level == level
                     for q in step.questions if q.id == question_id), question_id)
        return t("walk.baton_reason_answered", answer=t("process.yes") if yes else t("process.no"),
                 question=_fmt(text, self.proc))

    def role_check(self, known: set, then: Callable[[Any], None] | None = None) -> Callable[[Any], None]:
        """A role typed in (the employee's own, or a baton holder not in the catalogue) goes on
        the case's events for ever: refuse one that holds a name, a number or an address — the
        same check as `bti config set role` — asking again, without repeating what was typed."""
        from bti_cli.catalogue.roles import group_role
        from bti_cli.privacy.guard import kind_labels, role_has_letters, role_kinds
        from bti_cli.walkthrough.prompts import AnswerError

        def validate(value: Any) -> None:
            if known and isinstance(value, str) and (group := group_role(self.cat, value)) is not None:
                raise AnswerError(t("walk.baton_group_refused", role=group))  # a baton holder, never a group
            if isinstance(value, str) and value not in known:
                if value.strip() and not role_has_letters(value):
                    raise AnswerError(t("config.problem_no_letters"))
                kinds = role_kinds(value, self.vocabulary())
                if kinds:
                    raise AnswerError(t("privacy.text_refused", what=t("config.what_role"), kinds=kind_labels(kinds)))
            if then is not None:
                then(value)

        return validate

    def family_text_check(self) -> Callable[[Any], None]:
        """A text written for the family is shown to them as written: one that holds a name, a
        number or an address (or a placeholder of the scrubber) is refused where it is typed —
        asked again at a prompt, an error naming the question in an answers file or `cases edit`
        — saying what kind of thing was found, never repeating it. Scrubbing it instead would
        turn the mother's name into "barnet" and cut the sentences around a phone number."""
        from bti_cli.privacy.guard import found_kinds, kind_labels
        from bti_cli.privacy.scrubber import placeholder_re
        from bti_cli.walkthrough.prompts import AnswerError

        def validate(value: Any) -> None:
            if not isinstance(value, str) or not value.strip():
                return
            kinds = found_kinds(value, self.vocabulary())
            if kinds:
                raise AnswerError(t("walk.family_text_refused", kinds=kind_labels(kinds)))
            if placeholder_re().search(value):
                raise AnswerError(t("walk.family_text_placeholder"))

        return validate

    def holder_services(self, holder: str | None, answers: dict[str, Any]) -> set[str]:
        """The services whose measures the baton holder runs: the role's own service
        (`catalogue.roles.role_services`), or, for a catalogue role of no service that works in
        the employee's arena (Løten's contact teacher names no school), the services of that
        arena (`own_services`)."""
        from bti_cli.catalogue.roles import role_services
        from bti_cli.catalogue.suggest import find_coordinator

        if not holder:
            return set()
        found = set(role_services(self.cat, holder))
        if found:
            return found
        role = find_coordinator(self.cat, holder)
        arena = self.work_arena(answers)
        if role is not None and arena and arena in {a.value for a in role.arenas}:
            return self.own_services(answers)
        return set()

    def default_owner(self, measure: Any, holder: str | None, mine: set[str]) -> str | None:
        """Who owns a measure unless the employee says otherwise (BTI: the plan says who does
        what): the service that runs it, stored by its id and shown by its name; the baton
        holder for a measure of the holder's own services (`mine`, from `holder_services`) or
        one the plan gives no single service (a responsibility group of "several services"). A
        service the measure is only `shared_with` does not make it the holder's: Søndre Land's
        Familiebasen is the health station's, though the kindergarten takes part."""
        if measure is None:
            return holder
        service = next((s for s in self.cat.services if s.id == measure.service), None)
        if service is None or not service.consent_recipient or measure.service in mine:
            return holder or (service.id if service is not None and service.consent_recipient else None)
        return service.id

    def owner_parts(self, action, answers: dict[str, Any], coordinators: list):
        """The measures of the step's `measures` answer, the parts of each one's owner (a catalogue
        role or service, or a role typed without personal data) and date, the defaults (the
        measure's service, or the baton holder for the holder's own service's measures:
        `default_owner`; the evaluation date), and the check that no owner names a person (the
        BTI guide: "det er tydelig hvem som gjør hva")."""
        from bti_cli.walkthrough.prompts import AnswerError, Choice, PromptSpec, owner_fields

        q = action.question
        chosen = answers.get("measures")
        by_id = {m.id: m for m in self.cat.measures}
        measures = [Choice(mid, by_id[mid].name if mid in by_id else mid)
                    for mid in (chosen if isinstance(chosen, dict) else {})]
        # the suggested roles first, then every other role and service of the catalogue: an owner
        # is always shown by its name (the baton holder at level 3 may be a level-1 role)
        roles = list(coordinators)
        for c in self.cat.coordinators:
            if not any(r.value == c.id for r in roles):
                roles.append(Choice(c.id, c.role))
        roles += [Choice(s.id, s.name) for s in self.cat.services if not any(c.value == s.id for c in roles)]
        holder = answers.get("baton_holder") if isinstance(answers.get("baton_holder"), str) else None
        day = answers.get("evaluation_date") if isinstance(answers.get("evaluation_date"), str) else None
        mine = self.holder_services(holder, answers)
        default = {str(c.value): {"owner": self.default_owner(by_id.get(str(c.value)), holder, mine), "date": day}
                   for c in measures}
        known = {c.value for c in roles}

        def check_owner(owner: Any) -> None:
            """One owner: a catalogue role or service, or a role typed without personal data (the
            check of every role: `role_kinds`)."""
            from bti_cli.privacy.guard import kind_labels, role_kinds

            if not isinstance(owner, str) or owner in known:
                return
            if len(owner) > 80:
                raise AnswerError(t("process.err_too_long", max=80))
            kinds = role_kinds(owner, self.vocabulary())
            if kinds:
                raise AnswerError(t("walk.owner_personal", kinds=kind_labels(kinds)))

        def validate(value: Any) -> None:
            for tokens in value.values():
                check_owner(owner_fields(tokens).get("owner"))

        parts = (
            # each owner is checked as it is typed: a name is refused at once, never listed or
            # offered back as a default
            PromptSpec(action.step.id, f"{q.id}.owner", "coordinator", t("walk.owner_role"), choices=tuple(roles),
                       allow_other=True, max_length=80, today=self.today, validate=check_owner),
            PromptSpec(action.step.id, f"{q.id}.date", "date", t("walk.owner_date"), today=self.today),
        )
        return measures, parts, default, validate

    def spec(self, action, pos) -> PromptSpec:
        from bti_cli.catalogue import suggest
        from bti_cli.catalogue.loader import load_vocabulary
        from bti_cli.walkthrough import process as engine
        from bti_cli.walkthrough.prompts import Choice, PromptSpec

        q = action.question
        answers = pos.answers
        env = engine.environment(self.proc, pos)
        age = answers.get("age") if isinstance(answers.get("age"), int) else None
        subject = answers.get("subject") if answers.get("subject") in suggest.SUBJECTS else None
        unborn = answers.get("age") == "unborn" or (subject == "pregnant" and age is None)
        need: dict[str, Any] = {"subject": subject, "unborn": unborn}
        areas = answers.get("areas") if isinstance(answers.get("areas"), list) else []
        if answers.get("violence_area") == "not-against-the-child":
            # «Vold og overgrep» chosen, and then no suspicion of violence against the child or at
            # home (the child hits others): the suggestions follow that answer, not the safety rule
            areas = [a for a in areas if a != "violence-abuse"]
        work_arena = self.work_arena(answers)
        level = action.level
        choices: list[Choice] = []
        allow_other = False
        parts: tuple = ()
        validate = None
        listed: int | None = None
        note: str | None = None
        chosen: list[Any] = []  # at a level-3 coordination question: the chosen measures that are it
        if q.options:
            choices = [Choice(o.value, pick(o.label)) for o in q.options if engine.holds(o.when, env)]
        elif q.options_from == "work_arenas":
            vocab = load_vocabulary()
            choices = [Choice(k, pick(v)) for k, v in vocab.work_arenas.items()]
        elif q.options_from == "areas":
            vocab = load_vocabulary()
            choices = [Choice(k, pick(v)) for k, v in vocab.areas.items()]
        elif q.options_from == "services":
            recipients = {s.id for s in self.cat.services if s.consent_recipient}
            choices = [_choice(s) for s in suggest.rank_services(
                self.cat, level=level, age=age, areas=areas, work_arena=work_arena, **need) if s.id in recipients]
        elif q.options_from == "arenas":
            consent = answers.get("consent")
            # with consent: where the meeting is held; without: where the case is discussed anonymously
            meeting = isinstance(consent, dict) and bool(consent.get("given"))
            choices = [_choice(s) for s in suggest.rank_arenas(
                self.cat, level=level, age=age, areas=areas, work_arena=work_arena, anonymous_only=not meeting,
                meeting=meeting, **need)]
            if meeting and choices:
                choices, listed, note = self.arenas_covered_first(choices, answers)
            elif meeting:
                note = t("walk.no_meeting_arena")
            elif not choices:
                note = t("walk.no_anonymous_arena")
        if q.kind == "measures":
            ranked = suggest.rank_measures(
                self.cat, level=level, age=age, areas=areas, work_arena=work_arena, year=self.today.year, **need)
            uncovered: list = []
            if level >= 2:
                # the consent's rule (`measure_coverage`, as the check of the answer): the list offers
                # the measures of services the consent covers; the others are said in one line
                covers = self.measure_coverage(answers)
                by_id = {m.id: m for m in self.cat.measures}
                uncovered = [s for s in ranked if not covers(by_id[s.id])]
                ranked = suggest.cover_areas([s for s in ranked if covers(by_id[s.id])], areas)
                from bti_cli.walkthrough.process import youth_alone

                if youth_alone(answers.get("consent")):
                    ranked = suggest.parents_after(ranked, self.cat)
                note = self.uncovered_note([s for s in uncovered if suggest.meets_concern(s)], action.step.id, q.id)
            choices = ([self.covered_through(s, answers) for s in ranked] if level >= 2
                       else [_choice(s, with_service=True) for s in ranked])
            # any measure of the catalogue can be chosen: by its id, or found by words typed
            listed = len(choices)
            choices += [_choice(s, with_service=True) for s in uncovered]
            suggested = {c.value for c in choices}
            services = {s.id: s.name for s in self.cat.services}
            for m in self.cat.measures:
                if m.id not in suggested:
                    tiers = ", ".join(t(f"process.tier_{tier.value}") for tier in m.tiers)
                    choices.append(Choice(m.id, f"{m.name} ({services.get(m.service, m.service)}; {tiers})"))
            if level >= 2:
                validate = self.measures_consent_check(answers, self.consent_hint(action.step.id, q.id))
        elif q.kind == "coordinator":
            # without consent the baton stays in the own service: its roles, as at level 1
            alone = level >= 2 and _no_consent(answers.get("consent"))
            ranked_roles = suggest.rank_coordinators(
                self.cat, level=1 if alone else level, work_arena=work_arena, age=age, areas=areas, **need)
            choices = (self.level3_baton_choices(ranked_roles, answers, level) if level == 3 and not alone
                       else [_choice(s) for s in ranked_roles])
            # who holds an individual plan that takes over at the close is not the BTI consent's to
            # decide (the plan has a consent of its own): every role is offered there
            consented = level >= 2 and action.step.id != "close"
            if consented:
                choices, listed, note = self.covered_first(choices, answers, action.step.id, q.id)
            allow_other = True
            validate = self.role_check({c.value for c in choices},
                                       self.baton_consent_check(answers) if consented else None)
        elif q.kind == "text" and q.id == "role":
            validate = self.role_check(set())
        elif q.kind == "text" and q.for_family:
            validate = self.family_text_check()
        elif q.kind == "consent":
            parts, validate = self.consent_parts(action, subject, age, areas, work_arena, unborn=unborn)
        elif q.kind == "yes-no" and level == 3 and q.id in coordination_questions():
            chosen = [m for m in self.chosen_coordination(answers) if q.id in m.coordinates]
            validate = self.coordination_check(answers, q.id, action.step.id, chosen)
        default = self.default(q.default)
        if default is None and chosen:
            default = True  # a measure of this coordination was chosen: yes, unless said otherwise
        if q.kind == "owners":
            coordinators = [_choice(s) for s in suggest.rank_coordinators(
                self.cat, level=level, work_arena=work_arena, age=age, areas=areas, **need)]
            choices, parts, default, validate = self.owner_parts(action, answers, coordinators)
        help_words = self.worded(q, "help", env)
        help_text = _fmt(pick(help_words), self.proc) if help_words else None
        if q.kind == "measures" and pos.phase == "continue" and default is None and self.log is not None:
            # "fortsett": the measures in force are shown and offered, Enter keeps them
            known = {c.value: c.label for c in choices}
            current = [m["id"] for m in self.summary().measures if m.get("id") in known]
            if current:
                default = current
                names = {m.id: m.name for m in self.cat.measures}
                now = t("walk.measures_now", measures=", ".join(names.get(i, i) for i in current))
                help_text = f"{now} {help_text}" if help_text else now
        if q.kind == "coordinator" and pos.phase == "continue" and default is None:
            # the baton holder so far is offered too: Enter keeps the baton where it is
            holder = answers.get(q.id)
            if isinstance(holder, str) and any(c.value == holder for c in choices):
                default = holder
        return PromptSpec(
            step=action.step.id,
            question=q.id,
            kind=q.kind,
            text=_fmt(pick(self.worded(q, "text", env)), self.proc) + (f" {t('walk.again')}" if action.again else ""),
            help=help_text,
            audience=_audience(q, subject, answers.get("consent")),
            for_family=q.for_family,
            choices=tuple(choices),
            default=default,
            required=q.required and not (q.optional_when and engine.holds(q.optional_when, env)),
            minimum=q.min,
            maximum=q.max,
            unborn=q.unborn,
            past=q.past,
            future=q.future,
            max_length=q.max_length,
            allow_other=allow_other,
            safety=action.step.phase not in ("notify", "close"),
            back=self.prompter.interactive,
            place=self.place(action, pos),
            listed=listed,
            note=note,
            parts=parts,
            today=self.today,
            validate=validate,
        )


def _no_consent(consent: Any) -> bool:
    """The consent question was answered no (the case is then only discussed anonymously)."""
    return isinstance(consent, dict) and not consent.get("given")


def _review_line(question: str, answer: str) -> str:
    """"Sjekk svarene": the question and its answer; a question that ends in "?" (or ":") takes
    no colon after it ("…(arena)? Skole og SFO", not "…?: Skole og SFO")."""
    if question.rstrip().endswith(("?", ":")):
        return f"{question.rstrip()} {answer}"
    return f"{question}: {answer}"


def _audience(question: Any, subject: str | None = None, consent: Any = None) -> str | None:
    """Who reads a free text: the family (only a question marked `for_family`) or the case log.
    A text for the family is advised in the form of address its summary uses: the young person
    ("du") when they consented alone, else the family, with the subject's words ("dere og barnet
    dere venter" in a pregnancy)."""
    if question.kind != "text":
        return None
    if not question.for_family:
        return t("walk.for_log")
    from bti_cli.walkthrough.process import youth_alone

    if youth_alone(consent):
        return t("walk.for_family_you")
    if subject in ("youth", "pregnant"):
        return t(f"walk.for_family_{subject}")
    return t("walk.for_family")


def _shown(spec: PromptSpec, value: Any) -> str:
    """A value as the employee reads it: a choice's label, else the value."""
    return next((c.label for c in spec.choices if c.value == value), str(value))


def t_kind(kind: str) -> str:
    """A replacement kind (name, phone, …) in the chosen language."""
    key = f"kind_{kind}".replace("-", "_")
    try:
        return t(f"walk.{key}")
    except KeyError:
        return kind


def _choice(s, *, with_service: bool = False):
    from bti_cli.walkthrough.prompts import Choice

    label = s.name
    if with_service:
        tiers = ", ".join(t(f"process.tier_{tier}") for tier in s.data.get("tiers", []))
        label = f"{s.name} ({s.data.get('service_name')}; {tiers})"
    return Choice(s.id, label, join_reasons(s.reasons))


def known_ids(proc: Process) -> dict[str, set[str]]:
    """step id → question ids (and `decision`), for checking an answers file."""
    from bti_cli.walkthrough.process import DECISION_KEY, RENEWAL_STEP

    known: dict[str, set[str]] = {RENEWAL_STEP: {"consent"}}
    for step in proc.steps:
        ids = {q.id for q in step.questions}
        if step.decisions:
            ids.add(DECISION_KEY)
        known[step.id] = ids
    return known


