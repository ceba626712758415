"""Askers: one Prompter protocol, a Rich prompter for people and a scripted one for files.

The walkthrough builds a `PromptSpec` for every question (texts already in the chosen language,
choices already ranked) and hands it to a prompter. `parse_answer` turns whatever the person
typed, or the answers file holds, into the value that is stored, or raises `AnswerError` with a
message that says what is expected. The Rich prompter re-asks; the scripted prompter fails
naming the question (`InputError`, exit 1).

Answers files (`bti start --answers FILE`) are TOML keyed by step id, then question id:

    [l0-concern]
    concern_date = "today-3"     # or 2026-01-12, "12.01.2026", "today"
    arena = "school"
    subject = "child"
    age = 9
    areas = ["learning", "behaviour"]

    [l0-decide]
    decision = "level:1"         # a step's decision is the key `decision`

    [l1-plan]
    "!" = true                   # the safety gate: answering "!" at any step

A dotted key (`l0-concern.age = 9`) is the same thing in TOML. Choices take the option value
(or its 1-based number); multi-choices a list (or "a, b"); yes/no true/false ("ja"/"nei" too);
consent a table `{ given = true, by = ["guardians"], services = ["ppt"], until = "today+180" }`;
the owners of the measures (`measure_owners`) a table per measure id,
`{ "loten-foreldreveiledning" = { owner = "helsesykepleier", date = "today+14" } }`, where a
measure or a field left out takes the default (the baton holder, the evaluation date).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from bti_cli.errors import InputError
from bti_cli.i18n import t

SAFETY_ANSWER = "!"
CONSENT_EXAMPLE = '{ given = true, by = [...], services = [...], until = "..." }'  # a consent in TOML
BACK_WORDS = {"<", "tilbake", "attende", "back"}
YES = {"y", "yes", "j", "ja", "true", "1", "jo"}
NO = {"n", "no", "nei", "false", "0", "nej"}
UNBORN = {"unborn", "ufødt", "ufødd", "ufodt", "ufodd"}
TODAY_WORDS = {"today", "i dag", "idag", "i dag.", "no", "now"}
YESTERDAY_WORDS = {"yesterday", "i går", "i gar", "igår", "igar", "i går."}
TOMORROW_WORDS = {"tomorrow", "i morgen", "i morgon", "imorgen", "imorgon", "i morgen.", "i morgon."}
# an item of a multi-choice answer typed at the prompt that may be repeated in a message: a
# number of the list ("99"); anything else is named by its position, an id too: "ola-testesen"
# or "kartlegging-kari-nordmann" is a name in lower case that the scrubber cannot know
_ECHOABLE_ITEM = re.compile(r"[0-9]{1,3}")


def _did_you_mean(key: str, known: Any) -> str:
    """" (mente du l0-concern?)" when one known id is close to `key`, else ""."""
    import difflib

    typed = key.strip().lower()
    scores = {str(k): difflib.SequenceMatcher(None, typed, str(k)).ratio() for k in known if str(k) != SAFETY_ANSWER}
    best = max(scores.values(), default=0.0)
    if best < 0.8:
        return ""
    close = sorted(k for k, score in scores.items() if score == best)  # a tie: each of them
    return t("process.did_you_mean", id=t("process.did_you_mean_or").join(close))


def unknown_key_numbers(table: dict, known: Any) -> str:
    """The unknown keys of `table` by their place in it ("2, 4 (mente du by?)"), never as written:
    a key is free text, and a name written in lower case ("kari nordmann") is not one the
    scrubber can tell from a word without its context, so it is not repeated at all."""
    return ", ".join(
        f"{number}{_did_you_mean(str(key), known)}"
        for number, key in enumerate(table, start=1) if str(key) not in known
    )


class AnswerError(ValueError):
    """An answer that cannot be used; the message says what is expected."""


class SafetyRequested(Exception):  # noqa: N818 - a signal, not an error
    """The person answered "!": stop the ordinary path and go to the safety gate."""


class BackRequested(Exception):  # noqa: N818 - a signal, not an error
    """The person answered "<" (or "tilbake"/"back"): go to the previous question."""


@dataclass(frozen=True)
class Choice:
    value: str | int | bool
    label: str
    detail: str = ""  # reasons for a suggestion, shown under the label


@dataclass(frozen=True)
class PromptSpec:
    step: str
    question: str  # the question id, or "decision"
    kind: str  # a process question kind, or "decision"
    text: str
    help: str | None = None
    # free text: who will read it ("Dette vises for familien", or the case log only)
    audience: str | None = None
    for_family: bool = False
    choices: tuple[Choice, ...] = ()
    default: Any = None
    required: bool = True
    empty_hint: str | None = None  # what Enter does, instead of "kan stå tomt" (an optional answer)
    minimum: int | None = None
    maximum: int | None = None
    unborn: bool = False
    past: bool = False
    future: bool = False
    window: bool = True  # a date: within `check_date_window` (not a default that stands)
    max_length: int | None = None
    allow_other: bool = False  # coordinator: a role typed in that is not in the catalogue
    safety: bool = True  # "!" reaches the safety gate
    back: bool = False  # "<" goes back to the previous question (a person at a prompt, not a file)
    scripted: bool = False  # answered from a file: a wrong choice is told by the values (ids) it may take
    place: str | None = None  # where the question stands, e.g. "Nivå 1 · 3 av 8"
    listed: int | None = None  # list only the first choices (suggestions); the rest are found by search
    note: str | None = None  # a line after the list: what it leaves out, and why
    # list only the first `fold` choices and then `fold_line` (what `+` shows); the others are
    # still chosen by number or name (the consent's services: those without fitting measures)
    fold: int | None = None
    fold_line: str | None = None
    parts: tuple[PromptSpec, ...] = ()  # consent: given, by, services, until; owners: owner, date
    today: date = field(default_factory=date.today)
    validate: Callable[[Any], None] | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return f"{self.step}.{self.question}"


# --------------------------------------------------------------------------- parsing


def _match_choice(spec: PromptSpec, raw: Any) -> Any:
    if isinstance(raw, bool) and not any(isinstance(c.value, bool) for c in spec.choices):
        raise _choice_error(spec)
    if isinstance(raw, (dict, list)):  # `{id = "kontaktlaerer"}` is not one of the options, nor a role
        raise _choice_error(spec)
    for c in spec.choices:
        if raw == c.value and type(raw) is type(c.value):
            return c.value
    text = str(raw).strip()
    folded = text.casefold()
    for c in spec.choices:
        if folded == str(c.value).casefold():
            return c.value
    if text.isdigit() and not any(isinstance(c.value, int) and not isinstance(c.value, bool) for c in spec.choices):
        index = int(text)
        if 1 <= index <= len(spec.choices):
            return spec.choices[index - 1].value
    for c in spec.choices:
        if folded and folded == c.label.casefold():
            return c.value
    if folded and not folded.isdigit():
        # a whole word of one label ("skole" → "Skole og SFO"), else the start of one label
        words = [c for c in spec.choices if folded in re.split(r"[^\w]+", c.label.casefold())]
        starts = [c for c in spec.choices if c.label.casefold().startswith(folded)]
        for found in (words, starts):
            if len(found) == 1:
                return found[0].value
        several = words if len(words) > 1 else starts if len(starts) > 1 else []
        if several and not spec.allow_other:
            labels = ", ".join(f"{spec.choices.index(c) + 1} {c.label}" for c in several[:6])
            raise AnswerError(t("process.err_choice_several", options=labels))
    if spec.allow_other and any(ch.isalpha() for ch in text):
        return text  # a typed role has letters; "-5", "7." or "0" is a mistyped number, not a role
    raise _choice_error(spec)


def _sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or ? !), so "… Prøv igjen." never reads "…. Prøv"."""
    text = text.rstrip()
    while text.endswith(("..", "….", "?.", "!.")):
        text = text[:-1]
    return text if text.endswith((".", "?", "!", "…")) else f"{text}."


def _bad_item(spec: PromptSpec, item: Any, number: int, reason: str) -> str:
    """Which item of a multi-choice answer does not fit: a number typed at the prompt as itself
    (the number of a choice that is not in the list), anything else by its position. An answers
    file's item is always named by its position: it is free text, never repeated."""
    text = str(item).strip()
    if not spec.scripted and _ECHOABLE_ITEM.fullmatch(text) and not isinstance(item, bool):
        return t("process.err_bad_item", item=text, reason=reason)
    return t("process.err_bad_item_at", number=number, reason=reason)


def _choice_error(spec: PromptSpec) -> AnswerError:
    """A choice that fits none: by number or a word of the label for people (the keys are for
    answers files); the values themselves when they are the numbers (the concern scale)."""
    if spec.scripted and spec.choices:  # an answers file names a choice by its value, not its number
        return AnswerError(t("process.err_choice_values", options=_option_list(spec, limit=40)))
    if spec.choices and not any(isinstance(c.value, int) and not isinstance(c.value, bool) for c in spec.choices):
        return AnswerError(t("process.err_choice_numbers", count=len(spec.choices)))
    return AnswerError(t("process.err_choice", options=_option_list(spec)))


def _option_list(spec: PromptSpec, limit: int = 12) -> str:
    values = [str(c.value) for c in spec.choices[:limit]]
    if not values:
        return "-"
    text = ", ".join(values)
    if len(spec.choices) > limit:
        # "a, b og 28 til", never "a, b, …." (a message ends in one full stop)
        text = t("process.options_more", options=text, count=len(spec.choices) - limit)
    return text


# The window every date of a case lies in (docs/employee-guide.md, "Dates"): at most a year back
# and two years ahead of today, narrowed by a question's `past` (up to today) or `future` (from
# today). A date of the case further back (a concern, a meeting, a measure's start) is almost
# always a date of birth typed in the wrong field or a wrong year: the 14-day decision deadline
# would have passed long ago, and a date of birth is never stored. Two years ahead is past any
# evaluation interval (weeks) and any consent's end date (a school year or two); a date further
# on is a wrong year, and would never come due in `bti due`.
DATE_DAYS_BACK = 365
DATE_DAYS_AHEAD = 730


def check_date_window(day: date, today: date) -> None:
    """AnswerError when `day` lies outside the window of a case's dates (`DATE_DAYS_BACK` before
    `today` to `DATE_DAYS_AHEAD` after it); the date itself is not repeated."""
    if day < today - timedelta(days=DATE_DAYS_BACK):
        raise AnswerError(t("process.err_date_too_old", days=DATE_DAYS_BACK))
    if day > today + timedelta(days=DATE_DAYS_AHEAD):
        raise AnswerError(t("process.err_date_too_far", days=DATE_DAYS_AHEAD))


def parse_date(raw: Any, today: date) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip().casefold()
    if text in TODAY_WORDS:
        return today
    if text in YESTERDAY_WORDS:
        return today - timedelta(days=1)
    if text in TOMORROW_WORDS:
        return today + timedelta(days=1)
    m = re.fullmatch(r"(?:today|i ?dag)?\s*([+-])\s*(\d{1,4})\s*d?", text)
    if m:
        days = int(m.group(2))
        return today + timedelta(days=days if m.group(1) == "+" else -days)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        if not m:
            raise AnswerError(t("process.err_date"))
        d, mo, y = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        # 31.02.2027: the format is right, the day is not (the date itself is not repeated)
        raise AnswerError(t("process.err_date_no_such_day")) from None


def _yes_no(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise AnswerError(t("process.err_yes_no"))


def _split(raw: Any) -> list[Any]:
    if isinstance(raw, list | tuple):
        return list(raw)
    if raw is None:
        return []
    text = str(raw).strip()
    if not text:
        return []
    return [p.strip() for p in re.split(r"[,;\s]+", text) if p.strip()]


def is_empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list | tuple) and not raw)


def parse_answer(spec: PromptSpec, raw: Any) -> Any:
    """The value to store for `raw`, or AnswerError saying what is expected."""
    if isinstance(raw, str) and raw.strip() == SAFETY_ANSWER and spec.safety:
        raise SafetyRequested
    if isinstance(raw, str) and raw.strip().casefold() in BACK_WORDS and spec.back:
        raise BackRequested
    if isinstance(raw, str) and raw.strip().casefold() in BACK_WORDS and not spec.scripted:
        # typed at a prompt where going back is not possible (the answers before came from a
        # file): never stored as the answer ("<" as the role on every event)
        raise AnswerError(t("process.back_not_here"))
    kind = spec.kind
    if is_empty(raw):
        if spec.default is not None and kind != "consent":
            raw = spec.default
            # Enter keeps the date that stands (`cases edit` of a case opened over a year ago)
            spec = replace(spec, window=False) if kind == "date" else spec
        elif not spec.required:
            return [] if kind in ("multi-choice", "measures") else ("" if kind == "text" else None)
        else:
            raise AnswerError(t("process.err_required"))
    value = _parse(spec, kind, raw)
    if spec.validate is not None:
        spec.validate(value)
    return value


def _parse(spec: PromptSpec, kind: str, raw: Any) -> Any:
    if kind == "yes-no":
        return _yes_no(raw)
    if kind == "integer":
        if isinstance(raw, str) and raw.strip().casefold() in UNBORN:
            if spec.unborn:
                return "unborn"
            raise AnswerError(t("process.err_integer", lo=spec.minimum, hi=spec.maximum))
        if isinstance(raw, bool):
            raise AnswerError(t("process.err_integer", lo=spec.minimum, hi=spec.maximum))
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise AnswerError(t("process.err_integer", lo=spec.minimum, hi=spec.maximum)) from None
        if (spec.minimum is not None and number < spec.minimum) or (
            spec.maximum is not None and number > spec.maximum
        ):
            raise AnswerError(t("process.err_integer", lo=spec.minimum, hi=spec.maximum))
        return number
    if kind == "date":
        day = parse_date(raw, spec.today)
        if spec.past and day > spec.today:
            raise AnswerError(t("process.err_date_future"))
        if spec.future and day < spec.today:
            raise AnswerError(t("process.err_date_past"))
        if spec.window:
            check_date_window(day, spec.today)
        if not date(2000, 1, 1) <= day <= date(2100, 12, 31):
            raise AnswerError(t("process.err_date"))
        return day.isoformat()
    if kind in ("choice", "decision", "coordinator"):
        return _match_choice(spec, raw)
    if kind in ("multi-choice", "measures"):
        items = _split(raw)
        if kind == "measures" and len(items) == 1 and str(items[0]).strip().casefold() in ("-", "none", "ingen"):
            items = []
        values = []
        for number, item in enumerate(items, start=1):
            try:
                value = _match_choice(replace(spec, allow_other=False), item)
            except AnswerError as exc:
                raise AnswerError(_bad_item(spec, item, number, str(exc))) from None
            if value not in values:
                values.append(value)
        if not values and spec.required:
            raise AnswerError(t("process.err_required"))
        return values
    if kind == "text":
        if not isinstance(raw, str | int) or isinstance(raw, bool):
            raise AnswerError(t("process.err_text"))
        text = str(raw).strip()
        if spec.max_length and len(text) > spec.max_length:
            raise AnswerError(t("process.err_too_long", max=spec.max_length))
        if spec.required and not text:
            raise AnswerError(t("process.err_required"))
        return text
    if kind == "consent":
        return _parse_consent(spec, raw)
    if kind == "owners":
        return _parse_owners(spec, raw)
    raise AnswerError(t("process.err_kind", kind=kind))  # pragma: no cover - validated process


def _parse_consent(spec: PromptSpec, raw: Any) -> dict[str, Any]:
    parts = {p.question.rpartition(".")[2]: p for p in spec.parts}
    if isinstance(raw, bool | str):
        raw = {"given": raw}
    if not isinstance(raw, dict):
        raise AnswerError(t("process.err_consent", example=CONSENT_EXAMPLE))
    if any(k not in parts for k in raw):
        keys = unknown_key_numbers(raw, parts)
        raise AnswerError(t("process.err_consent_keys", keys=keys, known=", ".join(parts)))
    given = parse_answer(parts["given"], raw.get("given"))
    if not given:
        return {"given": False}
    value: dict[str, Any] = {"given": True}
    for name in ("by", "services", "until"):
        try:
            value[name] = parse_answer(parts[name], raw.get(name))
        except AnswerError as exc:
            raise AnswerError(f"{name}: {exc}") from None
    if spec.validate is not None:
        spec.validate(value)
    return value


OWNER_FIELDS = ("owner", "date")


def owner_fields(value: Any) -> dict[str, Any]:
    """One measure's owner and date, from a table (`{owner, date}`) or the stored tokens
    (`["owner:ROLE", "date:YYYY-MM-DD"]`)."""
    if isinstance(value, dict):
        return {k: value.get(k) for k in OWNER_FIELDS if value.get(k) not in (None, "")}
    if isinstance(value, list):
        out: dict[str, Any] = {}
        for token in value:
            key, _, rest = str(token).partition(":")
            if key in OWNER_FIELDS and rest:
                out[key] = rest
        return out
    if isinstance(value, str) and value.strip():
        return {"owner": value}
    return {}


def _parse_owners(spec: PromptSpec, raw: Any) -> dict[str, list[str]]:
    """`{measure id: {owner, date}}` → the stored `{measure id: ["owner:ROLE", "date:DAY"]}`, one
    entry per measure of `spec.choices`; what `raw` leaves out takes `spec.default`'s value."""
    parts = {p.question.rpartition(".")[2]: p for p in spec.parts}
    if not isinstance(raw, dict):
        raise AnswerError(t("process.err_owners"))
    known = [str(c.value) for c in spec.choices]
    if any(str(k) not in known for k in raw):
        keys = unknown_key_numbers(raw, known)
        raise AnswerError(t("process.err_owners_keys", keys=keys, known=", ".join(known)))
    defaults = spec.default if isinstance(spec.default, dict) else {}
    value: dict[str, list[str]] = {}
    for measure, fields in raw.items():
        # a measure's table holds its owner and date only: a key beside them (a typo, a "note") is
        # refused, as every unknown key of an answers file is, by position, never by its text
        if isinstance(fields, dict) and any(str(k) not in OWNER_FIELDS for k in fields):
            label = next((c.label for c in spec.choices if str(c.value) == str(measure)), str(measure))
            keys = unknown_key_numbers(fields, list(OWNER_FIELDS))
            raise AnswerError(t("process.err_owners_measure", measure=label,
                                reason=t("process.err_owners_fields", keys=keys, known=", ".join(OWNER_FIELDS))))
    for measure in known:
        given = {**owner_fields(defaults.get(measure)), **owner_fields(raw.get(measure))}
        label = next((c.label for c in spec.choices if str(c.value) == measure), measure)
        try:
            owner = parse_answer(replace(parts["owner"], default=None), given.get("owner"))
            # a date typed now is held to the window; the one that stands (`cases edit`) is kept
            typed = "date" in owner_fields(raw.get(measure))
            day = parse_answer(replace(parts["date"], default=None, window=typed), given.get("date"))
        except AnswerError as exc:
            raise AnswerError(t("process.err_owners_measure", measure=label, reason=str(exc))) from None
        value[measure] = [f"owner:{owner}", f"date:{day}"]
    if spec.validate is not None:
        spec.validate(value)
    return value


def owners_text(spec: PromptSpec, value: Any) -> str:
    """The measures' owners as a person reads them: "measure: role, date; …"."""
    return "; ".join(owners_lines(spec, value)) or "-"


def owners_lines(spec: PromptSpec, value: Any) -> list[str]:
    """One line per measure: "measure: role, date" (the role's name when it is a catalogue role)."""
    parts = {p.question.rpartition(".")[2]: p for p in spec.parts}
    owner_spec = parts.get("owner")
    items = []
    for measure, tokens in (value.items() if isinstance(value, dict) else []):
        label = next((c.label for c in spec.choices if str(c.value) == str(measure)), str(measure))
        fields = owner_fields(tokens)
        owner = fields.get("owner", "-")
        if owner_spec is not None:
            owner = next((c.label for c in owner_spec.choices if c.value == owner), owner)
        items.append(f"{label}: {owner}, {fields.get('date', '-')}")
    return items


# --------------------------------------------------------------------------- prompters


class Prompter(Protocol):
    interactive: bool

    def ask(self, spec: PromptSpec) -> Any:
        """The parsed answer; raises SafetyRequested on "!", InputError when none can be had."""

    def review(self, spec: PromptSpec, scrubbed: str, replaced: list[tuple[str, int]]) -> str | None:
        """Show the scrubbed text and what was replaced; an edited text, or None to keep it."""

    def show(self, text: str, *, style: str | None = None) -> None:
        """Print guidance (step titles, intros, warnings)."""


def _undecodable(text: str) -> bool:
    """True when the terminal's bytes were not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\ud800" <= c <= "\udfff" for c in text)


# words tried, in this order, for the measures prompt's search examples: the catalogue texts are
# Norwegian in every language of the interface, so these are too; only those that find a measure
# of the catalogue in use are shown
SEARCH_EXAMPLE_CANDIDATES = ("foreldre", "samtale", "lese", "språk", "rus", "fritid", "kurs", "familie",
                             "psykisk", "skole")


def search_examples(spec: PromptSpec, listed: int, count: int = 2) -> list[str]:
    """Up to `count` words that, typed at the measures prompt, list the measures they find: not a
    word that alone chooses one measure, first those that find one not listed (the search is for
    them), then those that find any of the choices."""
    from bti_cli.catalogue.loader import matches_words

    texts = [f"{c.label} {c.value} {c.detail}" for c in spec.choices]

    def chooses(word: str) -> bool:
        try:
            _match_choice(spec, word)
        except AnswerError:
            return False
        return True

    def finds(word: str, among: list[str]) -> bool:
        return any(matches_words(word, text) for text in among)

    usable = [w for w in SEARCH_EXAMPLE_CANDIDATES if not chooses(w)]
    picked = [w for w in usable if finds(w, texts[listed:])][:count]
    picked += [w for w in usable if w not in picked and finds(w, texts)]
    return picked[:count]


SHOW_REASONS = 5  # suggestions shown with their reasons before `+` (the best stay on the screen)
MORE_ANSWER = "+"


class RichPrompter:
    """Asks on the terminal (or on piped stdin); re-asks with a clear message on a bad answer.

    End of input is an error naming the question (exit 1): with piped input, a missing answer.
    """

    interactive = True

    def __init__(self, console=None, *, show_choices: int = 30, show_reasons: int = SHOW_REASONS,
                 check_answers: bool | None = None) -> None:
        from bti_cli.terminal.console import out, stdin_is_terminal

        self.console = console or out()
        self.show_choices = show_choices
        # suggestions (a list with `listed`): the first few with their reasons; `+` shows the rest
        self.show_reasons = show_reasons
        # "Sjekk svarene" before each decision: for a person at a terminal, not for piped input
        self.check_answers = stdin_is_terminal() if check_answers is None else check_answers

    def show(self, text: str, *, style: str | None = None) -> None:
        # wrapped by Rich at word boundaries, never cut in the middle of a word by the terminal
        self.console.print(text, style=style, markup=False, highlight=False)

    def _read(self, prompt: str, spec: PromptSpec) -> str:
        while True:
            self.console.print(prompt, end="", markup=False, highlight=False)
            self.console.file.flush()
            try:
                line = input()
            except EOFError:
                self.console.print()
                raise InputError(t("process.err_missing", key=spec.key),
                                 hint=t("process.err_missing_hint")) from None
            except KeyboardInterrupt:
                self.console.print()  # end the prompt's line, so what follows starts on its own
                raise
            except UnicodeDecodeError:
                line = "\udcff"  # the bytes typed were not UTF-8: ask again, below
            if not _undecodable(line):
                return line
            self.console.print(t("process.err_not_utf8"), style="red", markup=False, highlight=False)

    def _pasted(self, line: str, spec: PromptSpec) -> str:
        """`line` and the lines already waiting on the terminal, joined with newlines: a note
        of several lines pasted at a free-text prompt arrives at once and is one answer (before,
        its second line answered the scrubber's review and replaced the first). Only on a
        terminal, where the lines of a paste are there at once; piped input is read a line an
        answer. Every waiting line is read, so none answers a later question; past the
        question's `max_length` they are kept no longer, and the answer is refused as too long."""
        import sys

        if not sys.stdin.isatty():
            return line
        import select

        limit = spec.max_length or PASTE_MAX_CHARS
        lines, size = [line], len(line)
        for _ in range(PASTE_MAX_LINES):
            try:
                ready, _, _ = select.select([sys.stdin], [], [], PASTE_WAIT)
            except (OSError, ValueError):  # no select() on this stdin (a platform without it)
                break
            if not ready:
                break
            try:
                more = input()
            except (EOFError, UnicodeDecodeError):
                break
            if size <= limit:  # past the limit the rest is read and dropped: the answer is too long
                lines.append(more)
                size += len(more) + 1
        return "\n".join(lines)

    def _listed(self, spec: PromptSpec) -> int:
        """How many choices are listed (suggestions: the ranked ones, at most `show_choices`)."""
        return self.show_choices if spec.listed is None else min(self.show_choices, spec.listed)

    def _more(self, spec: PromptSpec) -> int:
        """The suggestions `+` shows (listed, after the first few with their reasons; or the
        choices after `fold`); 0 if none."""
        if spec.fold is not None:
            return max(0, len(spec.choices) - spec.fold)
        if spec.listed is None:
            return 0
        return max(0, self._listed(spec) - self.show_reasons)

    def _choices(self, spec: PromptSpec, *, more: bool = False) -> None:
        """The choices, numbered. Suggestions: the first `show_reasons` with their reasons and a
        line saying `+` shows the others; `more` (after `+`): the others, with their reasons."""
        from rich.padding import Padding
        from rich.table import Table
        from rich.text import Text

        # a grid keeps wrapped labels and reasons aligned under their text, not under the number
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True, min_width=len(str(self._listed(spec))))
        grid.add_column(ratio=1)
        limit = len(spec.choices) if spec.fold is not None else self._listed(spec)
        hidden = self._more(spec)
        first = limit - hidden + 1 if more else 1
        shown = limit if more or not hidden else limit - hidden
        for i, c in enumerate(spec.choices[first - 1:shown], start=first):
            label = c.label
            number = f"{i}"
            if isinstance(c.value, int) and not isinstance(c.value, bool):
                # a scale step is typed by its own value ("3"), which its label begins with: the
                # value goes in the number column, so a wrapped label stays under its text
                number = ""
                if label.startswith(f"{c.value} "):
                    number, label = str(c.value), label[len(str(c.value)) + 1:]
            # the label only: the id (an English key such as "kindergarten" or "level:1") is for
            # answers files and scripts; it may still be typed, as may a word of the label
            grid.add_row(number, Text(label))
            if c.detail:
                grid.add_row("", Text(c.detail, style="dim"))
        self.console.print(Padding(grid, (0, 0, 0, 2)))
        if spec.fold is not None:
            if hidden and not more and spec.fold_line:
                self.show(spec.fold_line, style="bold")
        elif hidden and not more:
            self.show(t("process.more_suggestions", first=shown + 1, last=limit, count=hidden) if hidden > 1
                      else t("process.more_suggestion_last", first=limit), style="bold")
        if spec.note:
            self.show(spec.note, style="yellow")
        if spec.listed is not None and len(spec.choices) > limit and spec.kind == "measures":
            # (roles left out of a list are named in its note, with why)
            examples = search_examples(spec, limit)
            if examples:
                words = ", ".join(t("process.search_example_word", word=w) for w in examples)
                self.show(t("process.search_more", count=len(spec.choices) - limit, examples=words), style="dim")
            else:
                self.show(t("process.search_more_plain", count=len(spec.choices) - limit), style="dim")
        elif spec.fold is None and len(spec.choices) > self.show_choices:
            self.show(t("process.more_choices", count=len(spec.choices) - self.show_choices), style="dim")

    def _hint(self, spec: PromptSpec) -> str:
        """What may be typed, then what Enter does: "[j/n, Enter: ja]", "[1–15, Enter: videre]",
        "[kan stå tomt]". Nothing about Enter when an answer is needed (Enter then says so)."""
        kind = spec.kind
        if kind == "yes-no":
            hint = t("process.hint_yes_no")
        elif kind == "date":
            # never offer "+14" for a date that cannot be in the future, nor "-3" for one that must be
            hint = t("process.hint_date_past" if spec.past else "process.hint_date_future" if spec.future
                     else "process.hint_date")
        elif kind in ("multi-choice", "measures"):
            hint = t("process.hint_multi")
        elif kind in ("choice", "decision") and spec.choices:
            hint = t("process.hint_choice")
        elif kind == "coordinator":
            hint = t("process.hint_coordinator")
        elif kind == "integer":
            hint = (t("process.hint_integer", lo=spec.minimum, hi=spec.maximum) if spec.minimum != spec.maximum
                    else t("process.hint_integer_single", value=spec.minimum))
            if spec.unborn:
                hint += " " + t("process.hint_unborn")
        else:
            hint = ""
        default = None if is_empty(spec.default) else spec.default
        enter = None
        if default is not None and spec.kind != "consent":
            enter = t("process.default", value=shown_value(spec, default))
        elif not spec.required and spec.kind != "consent":
            # an optional answer: what Enter does when the prompt says it ("Enter: videre"), else
            # that it may be left empty
            enter = spec.empty_hint or t("process.hint_optional")
        if enter:
            hint = f"{hint}, {enter}" if hint else enter
        return hint

    def ask(self, spec: PromptSpec) -> Any:
        if spec.kind == "consent":
            return self._ask_consent(spec)
        if spec.kind == "owners":
            return self._ask_owners(spec)
        self.show("")
        if spec.place:
            self.show(spec.place, style="dim")
        self.show(spec.text, style="bold")
        if spec.audience:
            self.show(spec.audience, style="bold yellow" if spec.for_family else "dim")
        if spec.help:
            self.show(spec.help, style="dim")
        if spec.choices:
            self._choices(spec)
        elif spec.note:
            self.show(spec.note, style="yellow")  # why there is nothing to choose from
        hint = self._hint(spec)
        prompt = f"[{hint}] > " if hint else "> "
        while True:
            raw = self._read(prompt, spec)
            if spec.kind == "text":
                raw = self._pasted(raw, spec)
            if raw.strip() == "?":
                self.explain(spec)
                if spec.choices:
                    self._choices(spec)  # and the choices again, to pick from
                continue
            if raw.strip() == MORE_ANSWER and self._more(spec):
                self._choices(spec, more=True)  # the other suggestions, with their reasons
                continue
            try:
                return parse_answer(spec, raw)
            except AnswerError as exc:
                if spec.kind == "measures" and any(ch.isalpha() for ch in raw):
                    if not self._search(spec, raw):
                        # words that find nothing: said plainly, without repeating what was typed
                        self.show(t("process.search_none", count=len(spec.choices)), style="red")
                    continue
                self.show(t("process.invalid", reason=_sentence(str(exc))), style="red")

    def _search(self, spec: PromptSpec, raw: str) -> bool:
        """Words typed at the measures question that are not a choice: the catalogue measures
        they find (every word, accents and case ignored, parts of compounds too), with the
        numbers to choose them by; False when nothing is found."""
        from rich.padding import Padding
        from rich.table import Table
        from rich.text import Text

        from bti_cli.catalogue.loader import matches_words

        query = " ".join(p for p in re.split(r"[,;\s]+", raw) if p and not p.isdigit())
        found = [(i, c) for i, c in enumerate(spec.choices, start=1)
                 if matches_words(query, f"{c.label} {c.value} {c.detail}")]
        if not found:
            return False
        self.show(t("process.search_found", count=len(found)), style="bold")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1)
        for i, c in found[:SEARCH_SHOWN]:
            grid.add_row(str(i), Text(c.label))
        self.console.print(Padding(grid, (0, 0, 0, 2)))
        if len(found) > SEARCH_SHOWN:  # say that the list goes on, and how to narrow it
            self.show(t("process.search_shown_first", shown=SEARCH_SHOWN, count=len(found)))
        return True

    def show_numbered(self, lines: list[str], start: int = 1, number_width: int = 0) -> None:
        """Numbered lines from `start`, a wrapped line aligned under its text (not under its
        number); `number_width` keeps lists printed in parts aligned with each other."""
        from rich.padding import Padding
        from rich.table import Table
        from rich.text import Text

        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True, min_width=number_width or None)
        grid.add_column(ratio=1)
        for number, line in enumerate(lines, start=start):
            grid.add_row(str(number), Text(line))
        self.console.print(Padding(grid, (0, 0, 0, 2)))

    def explain(self, spec: PromptSpec) -> None:
        """`?` at a prompt: what the question is for and which answers it takes, in words."""
        self.show(spec.help or t("process.explain_no_help", question=spec.text), style="cyan")
        kind = spec.kind
        if kind in ("choice", "decision"):
            allowed = t("process.explain_choice")
        elif kind == "coordinator":
            allowed = t("process.explain_coordinator")
        elif kind in ("multi-choice", "measures"):
            allowed = t("process.explain_multi")
            if spec.fold is not None and self._more(spec):
                allowed += " " + t("process.explain_more_choices", count=self._more(spec))
            elif self._more(spec):
                allowed += " " + t("process.explain_more_suggestions", count=self._more(spec))
        elif kind == "yes-no":
            allowed = t("process.explain_yes_no")
        elif kind == "integer":
            allowed = t("process.explain_integer", lo=spec.minimum, hi=spec.maximum)
        elif kind == "date":
            allowed = t("process.explain_date_past" if spec.past else "process.explain_date_future" if spec.future
                        else "process.explain_date")
        else:
            allowed = t("process.explain_text")
        self.show(allowed, style="cyan")
        if not spec.required:
            self.show(t("process.explain_optional"), style="cyan")
        elif spec.default not in (None, ""):
            self.show(t("process.explain_default", value=shown_value(spec, spec.default)), style="cyan")
        keys = []
        if spec.back:
            keys.append(t("process.explain_back"))
        if spec.safety:
            keys.append(t("process.explain_safety"))
        keys.append(t("process.explain_stop"))
        self.show(" ".join(keys), style="cyan")

    def _ask_consent(self, spec: PromptSpec) -> dict[str, Any]:
        parts = {p.question.rpartition(".")[2]: replace(p, back=spec.back) for p in spec.parts}
        given = self.ask(replace(parts["given"], text=spec.text, help=spec.help))
        if not given:
            return {"given": False}
        value: dict[str, Any] = {"given": True}
        value["by"] = self.ask(parts["by"])
        value["services"] = self.ask(parts["services"])
        # who consented is checked against the services at once (a health service asks for the
        # young person from 16), before the end date; a wrong answer asks who consented again,
        # keeping the services
        while spec.validate is not None:
            try:
                spec.validate(value)
                break
            except AnswerError as exc:
                self.show(t("process.invalid", reason=_sentence(str(exc))), style="red")
                value["by"] = self.ask(parts["by"])
        value["until"] = self.ask(parts["until"])
        return value

    def _ask_owners(self, spec: PromptSpec) -> dict[str, list[str]]:
        """Each measure with its owner and date (the defaults filled in): Enter keeps them all, a
        number asks that measure's owner and date again. A measure without a default is asked.
        "<" at any of these prompts goes back to the question before, as at every question
        (nothing of this answer is recorded yet)."""
        parts = {p.question.rpartition(".")[2]: replace(p, back=spec.back) for p in spec.parts}
        defaults = spec.default if isinstance(spec.default, dict) else {}
        current = {str(c.value): owner_fields(defaults.get(c.value)) for c in spec.choices}
        self.show("")
        if spec.place:
            self.show(spec.place, style="dim")
        self.show(spec.text, style="bold")
        if spec.help:
            self.show(spec.help, style="dim")
        while True:
            missing = next((i for i, c in enumerate(spec.choices)
                            if not all(current[str(c.value)].get(f) for f in OWNER_FIELDS)), None)
            number: int | None
            if missing is not None:
                number = missing + 1
            else:
                self.show_numbered(owners_lines(spec, current))
                pick = PromptSpec(spec.step, f"{spec.question}.number", "integer", t("process.owners_change"),
                                  required=False, empty_hint=t("process.owners_enter"),
                                  minimum=1, maximum=len(spec.choices), safety=spec.safety,
                                  back=spec.back, today=spec.today)
                number = self.ask(pick)
                if number is None:
                    try:
                        return _parse_owners(replace(spec, default={}), current)
                    except AnswerError as exc:
                        self.show(t("process.invalid", reason=_sentence(str(exc))), style="red")
                        continue
            choice = spec.choices[number - 1]
            fields = current[str(choice.value)]
            self.show(choice.label, style="bold")
            fields["owner"] = self.ask(replace(parts["owner"], default=fields.get("owner")))
            fields["date"] = self.ask(replace(parts["date"], default=fields.get("date")))

    def review(self, spec: PromptSpec, scrubbed: str, replaced: list[tuple[str, int]]) -> str | None:
        summary = ", ".join(f"{kind} ×{count}" for kind, count in replaced)
        self.show(t("process.scrubbed", summary=summary), style="yellow")
        self.show(f"  {scrubbed}")
        raw = self._pasted(self._read(t("process.scrub_prompt") + " ", spec), spec)  # a new text, pasted
        text = raw.strip()
        if not text or text.casefold() in YES or text.casefold() in ("ok",):
            return None
        return text


SEARCH_SHOWN = 20  # matches of a search shown at once
# a paste at a free-text prompt: how long to wait for its next line (its lines arrive at once, a
# person types no line this fast), and how much of it is read at most
PASTE_WAIT = 0.05
PASTE_MAX_LINES = 10_000
PASTE_MAX_CHARS = 4000  # a text question's max_length may be at most this (process.py)
MAX_ANSWERS_BYTES = 1 << 20  # an answers file is a few KB; a MiB is far beyond any walkthrough
MAX_ANSWERS_DEPTH = 6  # step table > question > answer (a list, or a table of lists)


class ScriptedPrompter:
    """Answers from an answers file; a missing answer asks `fallback`, or fails naming the id."""

    interactive = False

    def __init__(self, answers: dict[str, Any], *, source: str = "answers", fallback: Prompter | None = None,
                 echo: Callable[[str], None] | None = None) -> None:
        self.answers = answers
        self.source = source
        self.fallback = fallback
        self.echo = echo
        self.used: set[str] = set()

    @classmethod
    def from_file(cls, path: Path, **kwargs: Any) -> ScriptedPrompter:
        import tomllib

        from bti_cli import fileio
        from bti_cli.privacy.guard import shown_path

        shown = shown_path(path)  # a file named after a person is not repeated
        try:
            text = fileio.read_text_capped(path, MAX_ANSWERS_BYTES)
        except FileNotFoundError:
            raise InputError(t("process.answers_missing", path=shown)) from None
        except fileio.TooLarge:
            raise InputError(t("process.answers_too_large", path=shown, kib=MAX_ANSWERS_BYTES >> 10)) from None
        except (IsADirectoryError, UnicodeDecodeError):
            raise InputError(t("process.answers_unreadable", path=shown)) from None
        except OSError as exc:
            raise InputError(t("process.answers_cannot_read", path=shown,
                               reason=exc.strerror or type(exc).__name__)) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            from bti_cli.privacy.guard import parser_message

            raise InputError(t("process.answers_not_toml", path=shown, detail=parser_message(str(exc)))) from None
        except RecursionError:
            data = None
        if data is None or fileio.nested_deeper_than(data, MAX_ANSWERS_DEPTH):
            raise InputError(t("process.answers_too_deep", path=shown, depth=MAX_ANSWERS_DEPTH))
        if not data:
            raise InputError(t("process.answers_empty", path=shown))
        return cls(data, source=shown, **kwargs)

    def check(self, known: dict[str, set[str]]) -> None:
        """Refuse steps or questions the process does not have (typos would go unnoticed)."""
        # an unknown step or question is named by its place in the file, never as written (a key
        # is free text: "kari nordmann" would be repeated half scrubbed)
        problems = []
        for number, (step, table) in enumerate(self.answers.items(), start=1):
            if step not in known:
                problems.append(t("process.answers_unknown_step", number=number, guess=_did_you_mean(step, known)))
                continue
            if not isinstance(table, dict):
                problems.append(t("process.answers_not_table", step=step))
                continue
            allowed = known[step] | {SAFETY_ANSWER}
            if any(qid not in allowed for qid in table):
                problems.append(t("process.answers_unknown_question", numbers=unknown_key_numbers(table, allowed),
                                  step=step, known=", ".join(sorted(known[step])) or "–"))
        if problems:
            raise InputError(t("process.answers_invalid", path=self.source, problems="; ".join(problems)))

    def _lookup(self, spec: PromptSpec) -> tuple[bool, Any]:
        table = self.answers.get(spec.step)
        if not isinstance(table, dict):
            return False, None
        if spec.safety and table.get(SAFETY_ANSWER) is True and f"{spec.step}.!" not in self.used:
            self.used.add(f"{spec.step}.!")
            raise SafetyRequested
        if spec.question in table:
            return True, table[spec.question]
        return False, None

    def show(self, text: str, *, style: str | None = None) -> None:
        if self.echo is not None:
            self.echo(text)

    def ask(self, spec: PromptSpec) -> Any:
        found, raw = self._lookup(spec)
        if not found:
            if self.fallback is not None:
                return self.fallback.ask(spec)
            if not spec.required or (spec.default is not None and spec.kind not in ("consent",)):
                # an optional question, or one with a default, may be left out of the file
                value = parse_answer(spec, None) if spec.default is not None or not spec.required else None
                if self.echo is not None and (spec.kind == "owners" or (spec.default is not None
                                                                       and not is_empty(value))):
                    self.echo(f"{spec.text} > {_display(spec, value)}")  # a default taken is said
                elif self.echo is not None and spec.kind in ("choice", "multi-choice"):
                    self.echo(f"{spec.text} > -")  # a choice left out: none chosen, said
                return value
            hint = (t("process.err_missing_file_hint", path=self.source) if self.answers
                    else t("process.err_no_input_hint"))
            raise InputError(t("process.err_missing", key=spec.key), hint=hint)
        self.used.add(spec.key)
        try:
            value = parse_answer(replace(spec, safety=False, back=False, scripted=True), raw)
        except AnswerError as exc:
            raise InputError(t("process.err_answer", key=spec.key, path=self.source, reason=str(exc))) from None
        free_text = spec.kind == "text" or (
            spec.kind == "coordinator" and not any(c.value == value for c in spec.choices))
        if self.echo is not None and not free_text:  # free text is shown once scrubbed
            self.echo(f"{spec.text} > {_display(spec, value)}")
        return value

    def review(self, spec: PromptSpec, scrubbed: str, replaced: list[tuple[str, int]]) -> str | None:
        if self.echo is not None:
            summary = ", ".join(f"{kind} ×{count}" for kind, count in replaced)
            self.echo(t("process.scrubbed_scripted", summary=summary))
        return None


def shown_value(spec: PromptSpec, value: Any) -> str:
    """A value as a person reads it: yes/no, a choice's label, labels joined for a list."""
    if isinstance(value, bool) and not any(isinstance(c.value, bool) for c in spec.choices):
        return t("process.yes") if value else t("process.no")
    if spec.kind == "owners":
        return owners_text(spec, value)
    labels = {c.value: c.label for c in spec.choices if not isinstance(c.value, bool) or isinstance(value, bool)}
    if isinstance(value, list | tuple):
        return ", ".join(labels.get(v, str(v)) for v in value) or "-"
    if isinstance(value, dict):
        return ", ".join(labels.get(k, str(k)) for k in value) or "-"
    return labels.get(value, str(value))


def _display(spec: PromptSpec, value: Any) -> str:
    """An answer replayed from a file, as a person reads it: labels, never ids or keys."""
    if spec.kind == "owners":
        return owners_text(spec, value)
    if spec.kind == "consent" and isinstance(value, dict):
        return _consent_text(spec, value)
    if isinstance(value, bool):
        return t("process.yes") if value else t("process.no")
    if isinstance(value, list):
        labels = {c.value: c.label for c in spec.choices}
        return ", ".join(labels.get(v, str(v)) for v in value) or "-"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_display(spec, v)}" for k, v in value.items())
    if spec.kind in ("choice", "decision", "coordinator"):
        label = next((c.label for c in spec.choices if c.value == value), None)
        if label:
            return label
    if value is None or value == "":
        return "-"  # an optional answer left empty in the file (never the word None)
    return str(value)


def _consent_text(spec: PromptSpec, value: dict[str, Any]) -> str:
    """A consent answer in words: "nei", or who gave it, the services it covers and its end."""
    if not value.get("given"):
        return t("process.no")
    parts = {p.question.rpartition(".")[2]: p for p in spec.parts}

    def listed(key: str) -> str:
        items = value.get(key) or []
        part = parts.get(key)
        return shown_value(part, items) if part is not None else ", ".join(str(v) for v in items) or "-"

    return t("process.consent_shown", by=listed("by"), services=listed("services"), until=value.get("until") or "-")
