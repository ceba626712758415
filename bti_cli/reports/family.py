"""A summary of a case for the family: plain language, printable, no internal words.

`guardian_summary(header, events, catalogue=…, process=…)` returns Markdown in the current
language (nb, nn or en): what the work is about and how far it has come, whether the goals
were agreed, the texts the employee wrote for the family (and only those: the questions marked
`for_family` in process.toml, asked with "Dette vises for familien"), the measures with the
service responsible for each, who does what (the baton holder's role and
what a baton holder does), the next meeting, what the child and the guardians have said, the
consent (which services, valid until), and what the family can do if they disagree.

Everything comes from the case log, which holds no direct identifiers: free text was scrubbed
when it was written, and roles stand where people would. The staff's own notes (the goals as
written for the log, what the child and the guardians said, the professional assessment, the
closing note) are not shown: the family
is told when they were heard, and once (under "if you disagree") that they may see what was
written. A text for the family is labelled with its writer's role and the day it was written
(its tense is of then); a measure's date is the plan's "start or deadline", never "agreed" (the
log cannot tell it from the default the walkthrough offers). Placeholders of the
scrubber never reach the family: a text for the family is refused where it is typed when it
holds personal data, and a sentence of an older text that holds a placeholder is left out (the
family is told that a part was left out); nobody is renamed "barnet". Tense and the consent wording
follow the case: a closed case is told in the past, only a consent that was given can be
withdrawn, and at levels 0-1 (no other service, none asked) no consent is not a refusal. Goals
are said to be agreed with the guardians only when they were met. A closing reason that does not
fit the case (the close step's option `when`, one rule: `walkthrough.process.option_fits`) is
not told; a closed responsibility group is said to have met only as far as the log's dates show
(`_group_met`). The summary follows the current level: after a decision that took the work down
a level, the measures chosen before it and not again are told as ended that day, under their own
heading, with a reason that fits (`ended_measures`: their service left, or the new plan left them
out), the consent's
services as having taken part until then (at levels 0-1), and a first meeting set before it is
not the next meeting; the measures of a closed case are "what was done" only when the current
plan was evaluated (`plan_evaluated`). A measure given to a new baton holder who has not said yes
is done by the holder until then (BTI.md: the holder keeps the baton until the new one accepts).
"Planning and reviewing the measures" is said only when there are measures. When the young person
consented alone (`consented_alone`) or is 18 or more (`adult_subject`), the summary is theirs and
is written to them ("du"; the `_you` variants of the locale keys); the CLI warns the employee. No
step ids, hashes or event numbers are shown; the level is explained in words. Names of measures,
services and roles come from the municipality's catalogue, in the language of its plan.

A case that went through the safety gate (suspected violence, abuse or serious neglect), or in
which barnevern was informed, gets no summary: the guardians may not be told first
(barnevernsloven § 13-2 and the municipalities' guides), so `guardian_summary` raises
InputError and the employee agrees with barnevern what the family is to be told.

Pure: no files, no printing; `today` is a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from bti_cli.catalogue.models import COORDINATION_QUESTIONS as COORDINATION
from bti_cli.catalogue.names import Names
from bti_cli.errors import InputError
from bti_cli.i18n import get_language, pick, t

if TYPE_CHECKING:
    from bti_cli.caselog.models import CaseHeader, Event
    from bti_cli.catalogue.models import Catalogue
    from bti_cli.walkthrough.process import Process

VIEW_QUESTIONS = {"child_view": "family.child_view", "guardians_view": "family.guardians_view"}
# a view recorded as «ikke spurt, fordi …» (as the prompts ask): the family was not heard then,
# and the summary must not say they were
NOT_ASKED = re.compile(
    r"\W*(?:(?:ble|blei|vart|har|er|was|were|has|have)\s+)?(?:ikke|ikkje|not)\s+"
    r"(?:(?:blitt|vorte|vore|been|yet|ennå|enno|enda)\s+)*(?:spurt|spurd|spurde|asked|hørt|høyrd|høyrt|heard)\b",
    re.IGNORECASE)
# a work arena whose unit is a service the catalogue names in the definite form (its name reads
# in "lederen for …"); in Norwegian the head of that unit is named by the catalogue's word
UNIT_SERVICES = {"school-health": "skolehelsetjenesten"}


def long_date(value: str | date | None, lang: str | None = None) -> str:
    """`2027-01-04` → "4. januar 2027" (nb, nn) or "4 January 2027" (en); unchanged if not a date."""
    if value is None:
        return ""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    months = t("family.months", lang).split(",")
    return t("family.date", lang, day=day.day, month=months[day.month - 1], year=day.year)


def in_sentence(label: str) -> str:
    """A role or service label inside a sentence: "Kontaktlærer" → "kontaktlærer" (not "PPT")."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def went_through_safety_gate(events: list[Event], process: Process | None = None) -> bool:
    """True when the case ever went through the safety gate (the one rule:
    `bti_cli.walkthrough.process.passed_gate`), also when barnevern is not yet informed."""
    from bti_cli.walkthrough.process import default_process, passed_gate

    return passed_gate(events, process or default_process())


class _Answers:
    """The latest answer to each question id (with its date), every recorded view with its date,
    and the texts written for the family (questions marked `for_family`), in the order written."""

    def __init__(self, events: list[Event], process: Process | None = None) -> None:
        self.latest: dict[str, Any] = {}
        self.dates: dict[str, str] = {}
        self.views: list[tuple[str, str, str]] = []  # (question, date, text)
        self.for_family: list[tuple[str, str, str | None]] = []  # (date, text, the writer's role)
        self.at: dict[str, int] = {}  # question → the place of its latest answer among the events
        self.measure_at: dict[str, int] = {}  # measure id → the place of the latest answer naming it
        self.level_changes: list[tuple[int, int, int, str]] = []  # (place, from level, to level, date)
        self.consent_at = -1  # the place of the latest consent (answer or event)
        self.evaluated_at: list[int] = []  # the places of the evaluation meetings
        from bti_cli.caselog.state import parse_measures_value
        from bti_cli.walkthrough.process import default_process, effective_events

        process = process or default_process()
        for place, event in enumerate(effective_events(events)):
            kind = event.kind.value if hasattr(event.kind, "value") else str(event.kind)
            target = str(event.value or "") if kind == "decision" else ""
            if target.startswith("level:") and target[6:].isdigit():
                self.level_changes.append((place, event.level, int(target[6:]), (event.at or "")[:10]))
            if kind == "consent":
                self.consent_at = place
            if kind == "evaluation":
                self.evaluated_at.append(place)
            if kind != "answer" or not event.question:
                continue
            self.latest[event.question] = event.value
            self.at[event.question] = place
            if event.question == "consent":
                self.consent_at = place
            if event.question == "measures":
                for row in parse_measures_value(event.value):
                    self.measure_at[row["id"]] = place
            day = (event.at or "")[:10]
            self.dates[event.question] = day
            text = event.value.strip() if isinstance(event.value, str) else ""
            if event.question in VIEW_QUESTIONS and text and not NOT_ASKED.match(text):
                self.views.append((event.question, day, text))
            if text and process.for_family(event.step, event.question):
                self.for_family.append((day, text, event.actor_role))

    def text(self, question: str) -> str:
        value = self.latest.get(question)
        return value.strip() if isinstance(value, str) else ""

    def stepped_down(self) -> tuple[int, str] | None:
        """(place, date) of the latest decision that took the work down a level (from level 2
        back to the own service at level 1 …): what the left level had set up ended there."""
        down = [(place, day) for place, before, after, day in self.level_changes if after < before]
        return down[-1] if down else None

    def plan_evaluated(self) -> bool:
        """True when the current plan was evaluated: an evaluation meeting after the latest change
        of level (the meeting that decided the change evaluated the plan it left, not the new one)."""
        last = self.level_changes[-1][0] if self.level_changes else -1
        return any(place > last for place in self.evaluated_at)

    def of_current_level(self, question: str) -> bool:
        """True when the latest answer to `question` was given after the latest change of level
        (a first meeting set at level 2 is not the next meeting once the work is back at level 1)."""
        place = self.at.get(question)
        last = self.level_changes[-1][0] if self.level_changes else -1
        return place is not None and place > last


def _option_label(process: Process | None, question_id: str, value: Any, lang: str) -> str:
    if process is not None:
        for step in process.steps:
            question = step.question(question_id)
            if question is None:
                continue
            for option in question.options:
                if option.value == value:
                    return pick(option.label, lang)
    return str(value)


# a sentence ends at . ! ? or … followed by space, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n\s*")


def _for_family(text: str, lang: str) -> str:
    """A text written for the family, as they read it. A text typed now never holds personal
    data (the walkthrough refuses it where it is typed); one stored by an older bti may hold the
    scrubber's placeholders. A placeholder cannot be put back ("[NAVN]" may be the child, the
    mother or a teacher, and a phone number cut out leaves "Ring barnet på."), so each sentence
    that holds one is left out, and the family is told that a part was left out; nobody is ever
    renamed."""
    if not text or "[" not in text:
        return text
    from bti_cli.privacy.scrubber import placeholder_re

    marks = placeholder_re()
    sentences = [part for part in _SENTENCE_END.split(text.strip()) if part]
    kept = [part for part in sentences if not marks.search(part)]
    if len(kept) == len(sentences):
        return text
    if not kept:
        return t("family.written_left_out_all", lang)
    return " ".join([*kept, t("family.written_left_out", lang)])


# what opens a block in Markdown at the start of a line: a heading, a quote (already escaped
# as &gt;), a list item or a rule (- * +), a numbered item (1. 1)), a setext underline (=), a
# table row (|), a code fence (``` ~~~)
_BLOCK_START = re.compile(r"[#>*+=|~`-]|\d+[.)]")


def md_text(text: str) -> str:
    """A text the employee wrote, as the family's Markdown holds it: it cannot make structure.
    HTML is escaped (`<script>` reads as written, never runs or hides), a line that would open
    a block (`## Samtykke`, `---`, `- `, `1.`, ```` ``` ````) has that mark escaped, leading
    spaces (an indented code block) are dropped, and the lines after the first are indented so
    they stay in the list item the text stands in, each on its own line (a hard break: two
    spaces); empty lines are left out."""
    import html

    lines = [line.strip() for line in html.escape(text, quote=False).split("\n")]
    out = []
    for line in lines:
        if not line:
            continue
        mark = _BLOCK_START.match(line)
        if mark:
            # a number keeps its digits and loses its dot's meaning ("15\. mars"); a mark its own
            cut = mark.end() - 1 if line[0].isdigit() else 0
            line = line[:cut] + "\\" + line[cut:]
        out.append(line)
    return "  \n  ".join(out)


class _FamilyNames(Names):
    """The catalogue's names as the family's Markdown holds them: a role typed by hand (not a
    catalogue name) cannot hold HTML either."""

    def role(self, value: str | None) -> str:
        import html

        return html.escape(super().role(value), quote=False)


def _has_text(name: str) -> bool:
    from bti_cli.i18n import load_domain

    return name in load_domain("family")


def _latest_answers(events: list[Event], *questions: str) -> dict[str, Any]:
    """The latest answer to each of `questions`, as the events now stand (corrections applied)."""
    from bti_cli.walkthrough.process import effective_events

    answers: dict[str, Any] = {}
    for event in effective_events(events):
        kind = event.kind.value if hasattr(event.kind, "value") else str(event.kind)
        if kind == "answer" and event.question in questions:
            answers[event.question] = event.value
    return answers


def consented_alone(events: list[Event]) -> bool:
    """True when the latest consent of the case was given by the young person alone (`by =
    ["youth"]`; the walkthrough allows it from the municipality's consent age, BTI.md): the
    summary is then the young person's, written to them, and the guardians may not be entitled
    to it."""
    from bti_cli.walkthrough.process import youth_alone

    return youth_alone(_latest_answers(events, "consent").get("consent"))


def adult_subject(events: list[Event]) -> bool:
    """True when the case is about a young adult (a child or young person of 18 or more, by the
    age as it now stands): nobody else consents for them (`process.ADULT_AGE`, vergemålsloven
    § 2), the guardians take no part in the walk, and the summary is the young person's, written
    to them, as when a young person consented alone."""
    from bti_cli.walkthrough.process import ADULT_AGE

    answers = _latest_answers(events, "subject", "age")
    age = answers.get("age")
    return answers.get("subject") in ("child", "youth") and isinstance(age, int) and age >= ADULT_AGE


def written_to_the_young_person(events: list[Event]) -> bool:
    """The one rule for whom the summary is written to: the young person when they consented
    alone or are a young adult; the family otherwise. The CLI warns the employee then."""
    return consented_alone(events) or adult_subject(events)


def _join(items: list[str], lang: str | None = None) -> str:
    """Names in a sentence, separated so that a name with "og"/"and" in it stays one name."""
    return "; ".join(items)


@dataclass(frozen=True)
class _Case:
    """What every section of the family summary reads."""

    header: CaseHeader
    summary: Any
    answers: _Answers
    names: Names
    process: Process | None
    lang: str
    today: date
    subject: str
    events: tuple[Any, ...] = ()
    audience: str = "family"  # "you" when the young person consented alone: written to them

    @property
    def closed(self) -> bool:
        return self.summary.status == "closed"

    @property
    def to_youth(self) -> bool:
        return self.audience == "you"

    @property
    def level0(self) -> bool:
        """The work never went past level 0: no goals, measures or consent belong to it."""
        return (getattr(self.summary, "highest_level", None) or self.summary.level or 0) == 0

    def key(self, name: str, *, by_subject: bool = False) -> str:
        """`family.name`, or its variant for the reader (`_you`: to the young person) or the
        case's subject (`_youth`, …) when the locale file has one."""
        candidates = [f"{name}_you"] if self.to_youth else []
        if by_subject and self.subject != "child":
            candidates.append(f"{name}_{self.subject}")
        for candidate in candidates:
            if _has_text(candidate):
                return f"family.{candidate}"
        return f"family.{name}"

    def _service_of(self, row: dict[str, Any]) -> str | None:
        measure = self.names.measures.get(row["id"])
        return row.get("service") or (measure.service if measure is not None else None)

    def _ended(self, row: dict[str, Any]) -> bool:
        """Chosen at a level the work has left, and not chosen again: it ended there."""
        down = self.answers.stepped_down()
        return down is not None and self.answers.measure_at.get(row["id"], -1) < down[0]

    def ended_measures(self) -> list[str]:
        """The lines of the measures that ended when the work went down a level, each with a
        reason that fits: its service left the cooperation (a consent given since does not name
        it; or, with none given since, no measure of the new plan is that service's), or else it
        was left out of the new plan (the school's own measure the new level-1 plan did not keep)."""
        down = self.answers.stepped_down()
        if down is None:
            return []
        rows = [row for row in self.summary.measures if self._ended(row)]
        current = {self._service_of(row) for row in self.summary.measures if not self._ended(row)}
        consent = self.consent() if self.answers.consent_at > down[0] else None
        staying = set(self.summary.consent_services) if consent is not None else current
        items = []
        for row in rows:
            service = self._service_of(row)
            line = t("family.measure_line", self.lang, name=self.names.measure(row["id"]),
                     service=self.names.service(service))
            left = service not in staying and (consent is not None or bool(current))
            key = "family.measure_ended" if left else "family.measure_ended_left_out"
            items.append(line + " · " + t(key, self.lang, date=long_date(down[1], self.lang)))
        return items

    def measures(self) -> tuple[list[str], dict[str, list[str]]]:
        """The lines of the current measures (not those that ended when the work went down a
        level: `ended_measures`), and their names by the service responsible."""
        items: list[str] = []
        by_service: dict[str, list[str]] = {}
        owners = {o.get("id"): o for o in getattr(self.summary, "measure_owners", None) or []}
        for row in self.summary.measures:
            if self._ended(row):
                continue
            name = self.names.measure(row["id"])
            service = self._service_of(row)
            line = t("family.measure_line", self.lang, name=name, service=self.names.service(service))
            owner = owners.get(row["id"]) or {}
            # who does it, and the plan's date (start or deadline): the log cannot tell a date typed
            # from the default the walkthrough offers (the evaluation date), so it is never "agreed"
            if owner.get("owner"):
                role = self.names.owner(owner["owner"])
                pending = getattr(self.summary, "pending_baton_holder_role", None)
                holder = self.summary.baton_holder_role
                if pending and holder and owner["owner"] == pending and pending != holder:
                    # the new baton holder has not said yes: the one holding the baton does it until
                    # then (closed before the yes: the new one never took over)
                    # (both roles begin a sentence: spelt as the catalogue writes them)
                    role = self.names.role(holder) if self.closed else t(
                        "family.measure_owner_pending", self.lang, holder=self.names.role(holder),
                        new=self.names.role(pending))
                planned = owner.get("date")
                closed_on = str(self.summary.closed or "")[:10]
                if self.closed and planned and closed_on and str(planned)[:10] > closed_on:
                    planned = None  # the work closed before that date: it was never reached
                day = long_date(planned, self.lang)
                if role.casefold() == self.names.service(service).casefold():
                    # "ansvarlig: Helsestasjon · Hvem: Helsestasjon" said the service twice
                    if day:
                        line += " · " + t("family.measure_owner_date", self.lang, date=day)
                else:
                    line += " · " + (t("family.measure_owner", self.lang, role=role, date=day) if day
                                     else t("family.measure_owner_nodate", self.lang, role=role))
            items.append(line)
            by_service.setdefault(self.names.service(service), []).append(name)
        return items, by_service

    def coordinated(self, key: str) -> bool:
        """Whether a level-3 coordination (`COORDINATION`) was decided and still holds: not when
        the work went down a level after it was decided (the level-3 group is not the level-2
        cooperation)."""
        if self.answers.latest.get(key) is not True:
            return False
        down = self.answers.stepped_down()
        return down is None or self.answers.at.get(key, -1) > down[0]

    def has_measures(self) -> bool:
        """Whether there are measures the family takes part in planning and reviewing: measures
        chosen (and not ended when the work went back a level), or a level-3 coordination."""
        if any(self.coordinated(key) for key in COORDINATION):
            return True
        return any(not self._ended(row) for row in self.summary.measures)

    def guardians_met(self) -> bool:
        """False when the log says the guardians were not talked with or met, and they were
        never heard: the family is then not told that they are at the meetings."""
        heard = any(question == "guardians_view" for question, _, _ in self.answers.views)
        latest = self.answers.latest
        return heard or not (latest.get("guardians_met") is False or latest.get("talked_guardians") is False)

    def unit_head(self) -> str:
        """Whom to tell besides the baton holder: the head of the unit where the case was raised,
        named for its work arena (rektor at a school, the head of the health station …), or
        "the head of the unit where the matter was raised" for an arena without a word for it."""
        arena = getattr(self.summary, "arena", None)
        service = UNIT_SERVICES.get(arena or "")
        named = self.names.service(service) if self.names.has_service(service) else ""
        if named and self.lang in ("nb", "nn"):
            # the unit as the municipality's catalogue names it, as every other line of the summary
            # does ("Skolehelsetjenesten: er med i samarbeidet"), not in a second spelling
            return t("family.unit_head_of", self.lang, service=in_sentence(named))
        name = f"unit_head_{arena}"
        return t(f"family.{name}" if arena and _has_text(name) else "family.unit_head", self.lang)

    def reason_fits(self, reason: Any) -> bool:
        """Whether the closing reason fits the case: the close step offers only the reasons whose
        `when` holds (withdrawn consent only when consent was given, the goal reached only when
        goals were set); one recorded by an older bti or by hand that does not fit is not told
        (the summary would contradict itself: "the guardians withdrew consent" and "no consent
        was needed")."""
        from bti_cli.walkthrough.process import option_fits

        return self.process is None or option_fits(self.process, self.events, "closing_reason", reason)

    def consent(self) -> dict[str, Any] | None:
        """The consent the family gave, when it names services."""
        consent = self.answers.latest.get("consent")
        given = isinstance(consent, dict) and bool(consent.get("given")) and bool(self.summary.consent_services)
        return consent if given and isinstance(consent, dict) else None


def guardian_summary(
    header: CaseHeader,
    events: list[Event],
    *,
    catalogue: Catalogue | None = None,
    process: Process | None = None,
    lang: str | None = None,
    today: date | None = None,
) -> str:
    """The family's summary of a case, as Markdown in `lang` (default: the current language)."""
    from bti_cli.caselog.state import summarise

    lang = lang or get_language()
    today = today or date.today()
    if went_through_safety_gate(events, process):
        raise InputError(t("family.refused", lang, case=header.case_id),
                         hint=t("family.refused_hint", lang, case=header.case_id))
    from bti_cli.walkthrough.process import default_process, replay, safety_unanswered

    proc = process or default_process()
    if replay(proc, events).discarded:
        raise InputError(t("family.refused_discarded", lang, case=header.case_id))
    if safety_unanswered(proc, events):
        # a draft saved before the safety question, or a correction that calls for a follow-up of
        # it («Vold og overgrep» chosen afterwards): nothing goes to the guardians before it is answered
        raise InputError(t("family.refused_safety_open", lang, case=header.case_id),
                         hint=t("family.refused_safety_open_hint", lang, case=header.case_id))
    summary = summarise(header, events, deadline_days=process.deadline_days if process else 14, process=process)
    municipality = catalogue.municipality.name if catalogue is not None else header.municipality
    subject = summary.subject if summary.subject in ("child", "youth", "pregnant", "family") else "child"
    audience = "you" if written_to_the_young_person(events) else "family"  # the one rule, also the CLI's warning
    case = _Case(header, summary, _Answers(events, process), _FamilyNames(catalogue), process, lang, today, subject,
                 tuple(events), audience)
    out: list[str] = [f"# {t(case.key('title'), lang)}", ""]
    out += [t(case.key("intro"), lang, subject=t(f"family.subject_{subject}", lang), municipality=municipality,
              date=long_date(today, lang)), ""]
    for section in (_about, _goals, _written, _measures, _who, _dates, _views, _consent, _disagree):
        out += section(case)
    out += ["---", "", t(case.key("footer"), lang, case=header.case_id), ""]
    return "\n".join(out)


# concern areas the summary never names: the staff's word for violence or abuse reaches the family
# only as barnevern judges it (BTI.md: suspected violence, the guardians are not told first), and a
# case that chose it and went on («not against the child») may be about the adult who reads it
UNSAID_AREAS = frozenset({"violence-abuse"})


def _about(case: _Case) -> list[str]:
    """What the work is about, and how far it has come."""
    from bti_cli.catalogue.loader import area_label

    lang, summary = case.lang, case.summary
    out = [f"## {t('family.h_about', lang)}", ""]
    said = [key for key in summary.concern_areas or () if key not in UNSAID_AREAS]
    if said:
        areas = [in_sentence(area_label(key, lang)) for key in said]
        out += [t("family.about_areas", lang, areas=_join(areas, lang)), ""]
    if case.closed:
        line = t("family.closed", lang, date=long_date(summary.closed, lang))
        reason = case.answers.latest.get("closing_reason")
        # «another reason» tells the family nothing («Grunnen: Annet.»; nn «Anna» reads as a name)
        if reason and reason != "other" and case.reason_fits(reason):
            label = _option_label(case.process, "closing_reason", reason, lang)
            if t("family.colon_capital", lang) != "yes":  # English: no capital after a colon
                label = in_sentence(label)
            line += " " + t("family.closed_reason", lang, reason=label)
        out += [line, ""]
    else:
        key = f"stage_{summary.level}"
        if summary.level == 1 and case.subject != "child":  # the service that knows the child best
            key += f"_{case.subject}"
        elif summary.level >= 2 and case.consent() is None:  # no consent: only discussed anonymously
            key += "_no_consent"
        out += [t(case.key(key), lang), ""]  # to the young person: «kjenner deg best»
    meeting = case.answers.latest.get("meeting_date")
    if summary.evaluations and isinstance(meeting, str):
        out += [t("family.last_evaluation", lang, date=long_date(meeting, lang)), ""]
    return out


def _goals(case: _Case) -> list[str]:
    """Whether the goals were agreed, with whom, and when; the goals as the staff wrote them
    are the case log's (what the family is to read is in the texts written for them). Goals are
    said to be agreed with the guardians only when the guardians were met; level 0 sets none."""
    lang, closed = case.lang, case.closed
    if case.level0:
        return []
    out = [f"## {t('family.h_goals', lang)}", ""]
    day = long_date(case.answers.dates.get("goals"), lang)
    proposed = case.answers.text("proposed_goals") and not case.answers.text("goals")
    if proposed:  # proposed before the guardians were met (l1-goals): never "agreed", never "none"
        day = long_date(case.answers.dates.get("proposed_goals"), lang)
        if not closed:
            out.append(t("family.goals_set_not_met", lang, date=day))
        elif case.guardians_met():  # met later (heard at an evaluation): not agreed when written
            out.append(t("family.goals_set_before_met_closed", lang, date=day))
        else:
            out.append(t("family.goals_set_not_met_closed", lang, date=day))
    elif case.answers.text("goals"):
        if case.to_youth or case.guardians_met():
            line = t(case.key("goals_agreed"), lang, date=day)
            out.append(line if closed else f"{line} {t(case.key('goals_in_writing'), lang)}")
        else:  # written down without the guardians: not "you and we agreed"
            out.append(t("family.goals_set_not_met_closed" if closed else "family.goals_set_not_met", lang,
                         date=day))
    else:
        out.append(t(case.key("goals_none_closed" if closed else "goals_none"), lang))
    return [*out, ""]


def _written(case: _Case) -> list[str]:
    """The texts the employee wrote for the family (asked as such: "Dette vises for familien"),
    each with its date; no section when there are none."""
    lang = case.lang
    lines = []
    for day, text, role in case.answers.for_family:
        shown = _for_family(text, lang)
        if not shown:
            continue
        when = long_date(day, lang)  # a text keeps the day it was written: its tense is of then
        label = (t("family.written_by", lang, role=case.names.role(role), date=when) if role
                 else t("family.written_on", lang, date=when))
        lines.append(f"- **{label}** {md_text(shown)}")
    return [f"## {t(case.key('h_written'), lang)}", "", *lines, ""] if lines else []


def _measures(case: _Case) -> list[str]:
    """The measures, and the level-3 coordination (in the past once the work is closed); no
    section at level 0, where no measures are chosen."""
    lang, closed = case.lang, case.closed
    items, _ = case.measures()
    # closed because an individual plan took over: the work goes on in the plan, and the rights
    # to a coordinator hold; said in the present, with who holds the plan now
    goes_on = closed and case.answers.latest.get("closing_reason") == "individual-plan"
    for key in COORDINATION:
        if goes_on and key == "individual_plan":
            holder = case.answers.latest.get("plan_holder")
            line = t("family.plan_goes_on", lang)
            if isinstance(holder, str) and holder:
                line += " " + t("family.plan_holder", lang, role=case.names.role(holder).rstrip(". "))
            items.append(line)
            continue
        if not case.coordinated(key):
            continue
        past = closed and not (goes_on and key in ("statutory_coordinator", "child_coordinator"))
        line = t(case.key(f"{key}_closed" if past else key, by_subject=True), lang)
        if closed and key == "responsibility_group":
            line += " " + _group_met(case)
        items.append(line)
    arena = case.answers.latest.get("discussion_arena")
    if isinstance(arena, str) and arena and not closed:
        # the forum's name is the catalogue's, capitalised: quoted, so it reads as a name mid-sentence
        items.append(t("family.anonymous_arena", lang, arena=case.names.arena(arena)))
    if case.level0 and not items:
        return []
    # closed without an evaluation meeting: the measures were planned; nobody recorded that they were done
    # (what counts is whether the current plan was evaluated, not whether an earlier one was)
    heading = ("family.h_measures" if not closed else "family.h_measures_closed" if case.answers.plan_evaluated()
               else "family.h_measures_closed_planned")
    out = [f"## {t(heading, lang)}", ""]
    out += [f"- {item}" for item in items] if items else [t("family.measures_none_closed" if closed
                                                              else "family.measures_none", lang)]
    ended = case.ended_measures()  # ended when the work went down a level: not "what will be done"
    if ended:
        out += ["", f"## {t('family.h_measures_ended_closed' if closed else 'family.h_measures_ended', lang)}", ""]
        out += [f"- {item}" for item in ended]
    return [*out, ""]


def _group_met(case: _Case) -> str:
    """Whether the responsibility group of a closed case met, judged from the log's dates: an
    evaluation meeting was held; else the first joint meeting's date against the close date (a
    meeting set for after the close did not take place; one set for the day of the close or
    before is told as set, not as held)."""
    lang = case.lang
    if case.answers.plan_evaluated():  # an evaluation of the level-3 plan, not of an earlier one
        return t("family.group_met_closed", lang)
    first = case.answers.latest.get("first_meeting")
    closed_on = str(case.summary.closed or "")[:10]
    if not isinstance(first, str) or not first[:10]:
        return t("family.group_no_meeting_closed", lang)
    key = "family.group_not_met_closed" if closed_on and first[:10] > closed_on else "family.group_first_meeting_closed"
    return t(key, lang, date=long_date(first, lang))


def _who(case: _Case) -> list[str]:
    """Who does what: the baton holder, the services, the family and the child."""
    lang, closed, names, summary = case.lang, case.closed, case.names, case.summary
    # closed without an evaluation meeting: the measures were planned, nobody recorded them done
    heading = ("family.h_who" if not closed else "family.h_who_closed_planned"
               if summary.measures and not case.answers.plan_evaluated() else "family.h_who_closed")
    out = [f"## {t(heading, lang)}", ""]
    holder = summary.baton_holder_role
    pending = summary.pending_baton_holder_role if holder and summary.pending_baton_holder_role != holder else None
    if holder and closed:
        line = t("family.baton_closed", lang, role=names.role(holder))
        if pending:  # the handover was never accepted: the holder kept the baton (BTI.md)
            line += " " + t("family.baton_pending_closed", lang, new=names.role(pending))
        out.append(f"- {line}")
    elif holder:
        out.append(f"- **{t('family.baton', lang, role=names.role(holder))}** {t(case.key('baton_explained'), lang)}")
        if pending:
            # the one holding the baton keeps it until the new one has said yes (BTI.md's handover
            # rule); each role begins a sentence or follows a colon, as the catalogue writes it
            out.append("  " + t("family.baton_pending", lang, new=names.role(pending), holder=names.role(holder)))
    elif not closed:
        out.append(f"- {t(case.key('baton_none'), lang)}")
    elif case.level0:  # closed at level 0: what was done is that the question was raised and settled
        out.append(f"- {t('family.level0_who_closed', lang)}")
    _, by_service = case.measures()
    for service, measures in by_service.items():
        out.append(f"- {t('family.service_line', lang, service=service, measures=_join(measures, lang))}")
    down = case.answers.stepped_down()
    # back at level 0-1 after the cooperation (no consent asked since): the services were with us until then
    left = down is not None and summary.level <= 1 and case.answers.consent_at < down[0]
    for service in summary.consent_services:
        name = names.service(service)
        if name in by_service:
            continue
        if left and down is not None:
            out.append(f"- {t('family.service_until', lang, service=name, date=long_date(down[1], lang))}")
        else:
            out.append(f"- {t('family.service_joined' if closed else 'family.service_joins', lang, service=name)}")
    # "planning, carrying out and reviewing the measures" only when there are measures to review
    none = "" if case.has_measures() else "_no_measures"
    if closed:
        out.append(f"- {t(case.key('family_line_closed'), lang)}")
    elif case.to_youth:  # the young person's own summary: they take part, as the family would
        out.append(f"- {t(f'family.family_line_you{none}', lang)}")
    else:
        if not case.guardians_met():
            out.append(f"- {t(f'family.family_line_not_met{none}', lang)}")
        else:
            key = "family.family_line_pregnant" if case.subject == "pregnant" else "family.family_line"
            out.append(f"- {t(key + none, lang)}")
        if case.subject == "youth":
            out.append(f"- {t(f'family.child_line_youth{none}', lang)}")
        elif case.subject != "pregnant":
            out.append(f"- {t('family.child_line', lang)}")
    return [*out, ""]


def _dates(case: _Case) -> list[str]:
    """The next meeting and evaluation (none once the work is closed)."""
    if case.closed:
        return []
    lang = case.lang
    holder = bool(case.summary.baton_holder_role)
    dates = []
    first = case.answers.latest.get("first_meeting")
    # a first meeting set at a level the work has since left is not the next meeting
    if isinstance(first, str) and first[:10] >= case.today.isoformat() and case.answers.of_current_level(
            "first_meeting"):
        dates.append(t("family.first_meeting", lang, date=long_date(first, lang)))
    evaluation = case.summary.next_evaluation
    if evaluation:  # a date that has passed is not told as if it were to come
        if str(evaluation)[:10] < case.today.isoformat():
            key = case.key("evaluation_past" if holder else "evaluation_past_no_holder")
        else:  # with no measures there is nothing to review but the case itself
            key = "family.evaluation" if case.summary.measures else "family.evaluation_no_measures"
        dates.append(t(key, lang, date=long_date(evaluation, lang)))
    out = [f"## {t('family.h_dates', lang)}", ""]
    out += [f"- {line}" for line in dates] if dates else [t("family.dates_none" if holder
                                                            else "family.dates_none_no_holder", lang)]
    return [*out, ""]


def _views(case: _Case) -> list[str]:
    # the staff's notes of what was said are theirs, not quotes: the family is told when they
    # were heard (that they may see what was written is said once, in `_disagree`)
    lang = case.lang
    heading = {"youth": "h_views_youth", "pregnant": "h_views_pregnant"}.get(case.subject, "h_views")
    out = [f"## {t(case.key(heading), lang)}", ""]
    if case.answers.views:
        for question, day in dict.fromkeys((q, d) for q, d, _ in case.answers.views):
            key = VIEW_QUESTIONS[question].removeprefix("family.")
            key += "_youth" if case.subject == "youth" and question == "child_view" else ""
            out.append(f"- {t(case.key(key), lang, date=long_date(day, lang))}")
    else:
        out.append(t(case.key("views_none_closed" if case.closed else "views_none"), lang))
    return [*out, ""]


def _consent(case: _Case) -> list[str]:
    """The consent: which services, valid until; when none was given, why — at levels 0 and 1
    no other service is involved and none is asked (BTI.md), which is not a refusal."""
    lang, closed, summary = case.lang, case.closed, case.summary
    out = [f"## {t('family.h_consent', lang)}", ""]
    consent = case.consent()
    withdrew = closed and case.answers.latest.get("closing_reason") == "guardians-withdrew" and case.reason_fits(
        "guardians-withdrew")
    if withdrew:  # the reason told above: the consent was given, then withdrawn
        out.append(t(case.key("consent_withdrawn_closed"), lang))
    elif consent is not None:
        by = set(consent.get("by") or ["guardians"])
        who = "both" if {"guardians", "youth"} <= by else "youth" if by == {"youth"} else "guardians"
        services = _join([case.names.service(s) for s in summary.consent_services], lang)
        key = "family.consent_given_closed" if closed else "family.consent_given"
        line = t(key, lang, who=t(case.key(f"consent_by_{who}"), lang), services=services)
        if summary.consent_until and not closed:
            line += " " + t("family.consent_until", lang, date=long_date(summary.consent_until, lang))
        out.append(line)
    elif (getattr(summary, "highest_level", None) or summary.level or 0) <= 1 and not summary.consent_services:
        out.append(t("family.consent_not_needed_closed" if closed else case.key("consent_not_needed"), lang))
    else:
        out.append(t("family.consent_none_closed" if closed else case.key("consent_none"), lang))
    return [*out, ""]


def _disagree(case: _Case) -> list[str]:
    """What the family can do if they disagree: only what the BTI model gives them (guardians
    take part and see what is written, a consent can be withdrawn, parents may ask to close the
    log; ../shared/domain/BTI.md) — no complaint body that neither the model nor the plans name.
    With no baton holder, whom to tell is the employee who raised the matter, or the head of
    their unit."""
    lang = case.lang
    holder = bool(case.summary.baton_holder_role)
    # a closed case has no baton holder to tell: the head of the unit
    rights = ["disagree_talk_closed" if case.closed else "disagree_talk" if holder else "disagree_talk_no_holder"]
    if not case.closed:
        consent = case.consent()
        if consent is not None:  # only a consent that was given can be withdrawn, by those who gave it
            rights.append("disagree_withdraw_youth" if set(consent.get("by") or ["guardians"]) == {"youth"}
                          else "disagree_withdraw")
        rights.append("disagree_close")
    lines = [f"- {t(case.key(key), lang, head=case.unit_head())}" for key in rights]
    lines.append(f"- {t(case.key('disagree_insight'), lang, subject=t(f'family.subject_{case.subject}', lang))}")
    return [f"## {t(case.key('h_disagree'), lang)}", "", *lines, ""]


__all__ = ["guardian_summary", "consented_alone", "written_to_the_young_person", "adult_subject", "long_date",
           "in_sentence", "went_through_safety_gate"]
