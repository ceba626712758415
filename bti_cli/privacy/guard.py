"""The one check for personal data at every door.

- `personal_data_kinds(text)`: the kinds of identifier the scrubber's own patterns
  (`bti_cli.privacy.patterns.find_identifiers`) find in `text` — e-mail, identity number, phone,
  birth date after a cue. The case log's last gate refuses a value for which it is not empty;
  text that went through `scrub` never trips it (`scrub` runs the same patterns over its own
  result), and what trips it `scrub` replaces (property tests hold the two together). Addresses
  and names depend on the catalogue's vocabulary and on context, so only the scrubber and
  `check_text` look for them.
- `check_text(text, what=…)`: a short text typed by the user that is stored or shown later
  (a configured role, a handover role, an answers-file value): the whole scrubber runs, names
  included, and any finding refuses the text with an error that names the kinds, never the text.
- `quote(text)`: a typed value as an error message may show it — scrubbed, control characters
  escaped, cut to a short length.
- `shown_choice(text)`: a value typed for an option that takes one of a list, as an error may
  repeat it — only when scrubbing leaves it whole and `role_kinds` finds nothing; else None.
- `shown_path(path)`: a path as a message shows it — each part scrubbed on its own (a file or
  folder named after a person is not repeated), the user's own home folder left as it is.
- `strip_controls(text)` / `escape_controls(text)`: control characters (terminal escapes)
  removed from text before it is stored, and made visible in text before it is rendered.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from bti_cli.errors import InputError
from bti_cli.i18n import t
from bti_cli.privacy.controls import escape_controls, has_controls, strip_controls

QUOTE_LENGTH = 40


def personal_data_kinds(text: str) -> list[str]:
    """Kinds (in `scrubber.KINDS` order) of identifier that the scrubber's patterns find in `text`."""
    from bti_cli.privacy.patterns import Spans, find_identifiers, fold_lower
    from bti_cli.privacy.scrubber import KINDS, placeholder_re, plain_spaces

    if not text:
        return []
    text = plain_spaces(text)  # a no-break space in a phone number, as the scrubber sees it
    # placeholders left by the scrubber are protected, as they are when the scrubber runs
    spans = Spans([(m.start(), m.end()) for m in placeholder_re().finditer(text)] if "[" in text else [])
    find_identifiers(text, fold_lower(text), spans)
    found = {kind for _, _, kind, _ in spans.replaced()}
    return [k for k in KINDS if k in found]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, int):
        yield str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def kind_labels(kinds: Iterable[str]) -> str:
    """The kinds as words of the current language ("et navn, et telefonnummer og en e-postadresse")."""
    from bti_cli.i18n import join_and

    return join_and(t(f"privacy.kind_{k}") for k in kinds)


def guard_event(step: str, *values: Any) -> None:
    """The case log's last gate: refuse an event whose values hold an identifier or a control
    character (InputError); the front doors strip control characters before this."""
    for value in values:
        for text in _strings(value):
            if has_controls(text):
                raise InputError(t("privacy.control_refused", step=step), hint=t("privacy.control_hint"))
            kinds = personal_data_kinds(text)
            if kinds:
                raise InputError(
                    t("privacy.event_refused", step=step, kinds=kind_labels(kinds)),
                    hint=t("privacy.event_refused_hint"),
                )


def strip_controls_in(value: Any) -> Any:
    """`value` (a string, or lists and tables of them) with control characters removed."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {strip_controls_in(k): strip_controls_in(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strip_controls_in(v) for v in value]
    if isinstance(value, tuple):
        return tuple(strip_controls_in(v) for v in value)
    return value


def found_kinds(text: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """Kinds of personal data the whole scrubber (names included) finds in `text`."""
    from bti_cli.privacy.scrubber import scrub

    return list(scrub(text, vocabulary=vocabulary).counts())


_ROLE_WORD = re.compile(r"[^\W\d_]+")
_INITIALS = re.compile(r"[A-ZÆØÅ]{2,3}")
# a date written month first ("03/15/2016"), which the day-first patterns do not read
_US_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})(?![\d/])")
# the last part of a word that names a job ("Vernepleier", "Skolebibliotekar", "Spesialkonsulent"):
# a single capitalised word that ends so is a role even when the vocabulary does not list it
_JOB_ENDINGS = (
    "lærer", "lærar", "leder", "leiar", "pleier", "pleiar", "terapeut", "pedagog", "psykolog", "logoped",
    "sosionom", "koordinator", "rådgiver", "rådgjevar", "arbeider", "arbeidar", "assistent", "konsulent",
    "veileder", "rettleiar", "bibliotekar", "sekretær", "betjent", "inspektør", "kontakt", "lege", "jordmor",
    "styrer", "styrar", "ansatt", "tilsett", "medarbeider", "medarbeidar", "behandler", "handsamar",
    "ansvarlig", "ansvarleg", "fullmektig", "direktør", "sjef", "rektor", "tolk", "kurator", "diakon",
    "prest", "mentor", "veiledar", "fagarbeidar",
    "teacher", "nurse", "worker", "officer", "adviser", "advisor", "counsellor", "counselor", "coordinator",
    "psychologist", "therapist", "manager", "principal", "midwife", "assistant", "consultant", "librarian",
    "doctor", "head",
)


def _known_word(words: list[str], i: int, vocab: Any) -> bool:
    """Whether the `i`th word (lower case) of a role is a word of the vocabulary: one that
    survives alone, or a word of a vocabulary phrase the role holds ("Aktiv ung", "Marte Meo")."""
    if words[i] in vocab.singles:
        return True
    for start in range(max(0, i - 5), i + 1):
        for phrase in vocab.phrases.get(words[start], ()):
            if start + len(phrase) > i and tuple(words[start:start + len(phrase)]) == phrase:
                return True
    return False


# a day and a month in digits ("3/15", "15.03", "15-3"), not a range of grades ("5.-7. trinn")
_DAY_MONTH = re.compile(r"(?<![\d./-])\d{1,2}[ \t]?[./-][ \t]?\d{1,2}(?![\d])")
# digits joined by the separators of a number ("1503815-0094", "412 34 567")
_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTH_YEAR = re.compile(
    r"(?i)(?<![^\W\d_])(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[^\W\d_]*\.?[ \t]+"
    r"(?:19|20)\d\d(?!\d)"
)
# the end of Latin Extended-B: Norwegian, Sámi and the other Latin letters end here
_LATIN_END = 0x24F
# the parts of a word written in camel case ("koordinatorKari" → koordinator, Kari)
_CAMEL_PART = re.compile(r"[A-ZÆØÅ]?[a-zæøå]+|[A-ZÆØÅ]+(?![a-zæøå])")
_VOWELS = frozenset("aeiouyæøåéèêáàäöüó")


def _after_digit(text: str, word: str, i: int, words: list[str]) -> bool:
    """A single letter written right after a digit is a class or a group ("5B", "7 C"), no initial."""
    at = -1
    for _ in range(words[: i + 1].count(word)):
        at = text.find(word, at + 1)
    before = text[:at].rstrip(" \t")
    return bool(before) and before[-1].isdigit()


_PLACE_PREPOSITIONS = frozenset({"på", "i", "ved", "for", "fra", "frå", "til", "in", "at", "of"})
# a role that is a postcode alone ("2340"); a year alone is a date (ANY_DATE_RE leaves it)
_BARE_POSTCODE = re.compile(r"\W*(?!(?:19|20)\d\d)\d{4}\W*")
# a kinship word and "til" before another word: someone's mother is a person ("mor til eik")
_KIN_OF = re.compile(
    r"(?i)(?<!\w)(?:mor|mora|moren|far|faren|fars|bror|broren|søster|søstera|søsteren|tante|onkel|bestemor|"
    r"bestefar|farmor|farfar|mormor|morfar|besteforeldre|foreldre|foreldra|foreldrene|steforelder|stemor|stefar)"
    r"[ \t]+til[ \t]+[^\W\d_]"
)


def _person_word(text: str, vocabulary: list[str]) -> bool:
    """Whether a role holds a capitalised word that names no job: after the first word, a word
    with a capital ("helsesykepleier Dal") that is no acronym in capitals (NAV, PPT, SLUKET), no
    word of the vocabulary (the municipality's services, roles and measures, the built-in roles
    and places), no place of the shipped list and does not end as a job does ("Vernepleier",
    "PP-rådgiver"); or the whole role one such word ("Dal"). A surname is often an ordinary word too (Dal,
    Berg, Lie), so the name lists cannot tell: a role is a job, and a job is in the vocabulary,
    ends as a job does, or is written in lower case."""
    from bti_cli.privacy.names import WORD_RE, shipped_lists
    from bti_cli.privacy.vocabulary import compile_vocab

    found = WORD_RE.findall(text)
    words = [w.lower() for w in found]
    if not found:
        return False
    lists = shipped_lists()
    vocab = compile_vocab(frozenset(vocabulary))
    for i, word in enumerate(found):
        if len(word) < 2 or not word[0].isupper() or word.isupper() or (i == 0 and len(found) > 1):
            continue
        low = words[i]
        # a place is one after a preposition ("lærer på Hov"); right after a job it is a surname
        # too often to be let by ("helsesykepleier Nes", "rektor Hov")
        place = low in lists.proper and low not in lists.names and i > 0 and words[i - 1] in _PLACE_PREPOSITIONS
        if _known_word(words, i, vocab) or place:
            continue
        if low.endswith(_JOB_ENDINGS):
            continue
        return True
    return False


def role_kinds(text: str, vocabulary: Iterable[str] = ()) -> list[str]:
    """`found_kinds`, stricter for a role, which is stored on every event for ever. A role names
    a job, never a person, a date or an address:

    - a word that is a listed given name, capitalised or the whole role, is a name even when it is
      a word too ("Liv", "lærer Liv"), and two or three capitals that are no known abbreviation
      are initials ("TN", "lærer/TN"; PPT, BUP and NAV stay);
    - a capitalised word that names no job is a name (`_person_word`: "helsesykepleier Dal", "Dal");
    - a date in any common form is a date ("30.11.16", "2016-11-30", "lærer 30. november");
    - a postcode and a place after it is an address ("2340 Løten")."""
    from bti_cli.privacy.names import shipped_lists
    from bti_cli.privacy.patterns import ANY_DATE_RE, LOWER_INITIALS_RE, POSTCODE_WORD_RE
    from bti_cli.privacy.scrubber import scrub

    vocabulary = list(vocabulary)
    scrubbed = scrub(text, vocabulary=vocabulary)
    kinds = list(scrubbed.counts())

    def add(kind: str) -> None:
        if kind not in kinds:
            kinds.append(kind)

    if POSTCODE_WORD_RE.search(text) or _BARE_POSTCODE.fullmatch(text):
        add("address")
    if _KIN_OF.search(text):
        add("name")  # "mor til eik": whose mother is a person, not a job
    if ANY_DATE_RE.search(text):
        add("date")
    if "name" in kinds:
        return kinds
    lists = shipped_lists()
    known = {v.lower() for v in vocabulary} | {d.lower() for d in lists.domain}
    known_words = {w for v in known for w in _ROLE_WORD.findall(v)}
    words = _ROLE_WORD.findall(text)
    whole = text.strip().lower()
    if LOWER_INITIALS_RE.search(text):
        return [*kinds, "name"]  # "lærer o.n."
    if _US_DATE.search(text) or _DAY_MONTH.search(text):
        add("date")  # "lærer 03/15/2016", "lærer 3/15"
    # the numbers the scrubber left (what it replaced is said by its kind: "lærer 41234567" holds a
    # phone, not a phone and an identity number)
    for run in _DIGIT_RUN.findall(scrubbed.text):
        digits = sum(c.isdigit() for c in run)
        if digits >= 6:
            add("national_id")  # "lærer 1503815-0094": a number no job holds
        elif digits >= 4 and not _YEAR.fullmatch(run):
            add("address")  # "lærer Løten 2340": a postcode (a year alone stays: "lærer 2016")
    if _MONTH_YEAR.search(text):
        add("date")  # "lærer mars 2019"
    if any(c.isalpha() and ord(c) > _LATIN_END for c in text):
        return [*kinds, "name"]  # "lærer 李": a role is written in the Latin letters of its language
    names = lists.names
    for word in words:
        # a name glued to the job, in capitals ("koordinatorKari", what an invisible character
        # between them leaves) or in lower case ("kontaktlærernordmann")
        parts = _CAMEL_PART.findall(word)
        if any(p[0].isupper() and p.lower() in names and p.lower() not in known_words for p in parts[1:]):
            return [*kinds, "name"]
        low = word.lower()
        for ending in _JOB_ENDINGS:
            at = low.find(ending)
            tail = low[at + len(ending):] if at >= 0 else ""
            if len(tail) >= 3 and tail in names and tail not in lists.words and tail not in lists.lexicon:
                return [*kinds, "name"]
    for i, word in enumerate(words):
        low = word.lower()
        if low in known_words or low in lists.words:
            continue
        single = len(word) == 1 and word.isupper() and not _after_digit(text, word, i, words)
        vowelless = 2 <= len(low) <= 3 and not any(c in _VOWELS for c in low) and low not in lists.lexicon
        if single or vowelless:
            return [*kinds, "name"]  # "lærer K N", "K.N", "lærer kn": initials
    for i, word in enumerate(words):
        low = word.lower()
        if low in known_words:
            continue
        given = low in lists.given and (word[0].isupper() or low == whole)
        # a listed surname in any case ("lærer hansen", "nordmann", "Olsen-kontaktlærer"), or a
        # listed given name in lower case that is no ordinary word ("lærer kari"); a place after a
        # preposition stays ("lærer på nes skole")
        place = low in lists.proper and i > 0 and words[i - 1].lower() in _PLACE_PREPOSITIONS
        listed = (low in lists.surnames or (low in lists.given and low not in lists.words
                                            and low not in lists.lexicon)) and not place
        glued = len(low) > 5 and low[1:] in lists.surnames and low[1:] not in lists.words  # "knordmann"
        # a place right after a job, with no preposition, is a surname ("helsesykepleier nes")
        surname_place = low in lists.proper and i > 0 and not place and word[0].islower()
        if given or listed or glued or surname_place or (_INITIALS.fullmatch(word) and low not in lists.words):
            return [*kinds, "name"]
    if _person_word(text, vocabulary):
        add("name")
    return kinds


def role_has_letters(text: str) -> bool:
    """A role names a job in words: one of only punctuation or digits ("<", "123") is none."""
    return any(c.isalpha() for c in text)


def check_text(text: str, *, what: str, vocabulary: Iterable[str] = (), role: bool = False) -> str:
    """`text` with control characters removed, or InputError when it holds personal data.

    `what` names the field in the message ("the role"); the message never repeats the text. A
    role is checked by `role_kinds`.
    """
    clean = strip_controls(text)
    kinds = role_kinds(clean, vocabulary) if role else found_kinds(clean, vocabulary)
    if kinds:
        raise InputError(t("privacy.text_refused", what=what, kinds=kind_labels(kinds)), hint=t("privacy.text_hint"))
    return clean


def quote(text: str, vocabulary: Iterable[str] = ()) -> str:
    """`text` as an error message may show it: scrubbed, control characters escaped, short."""
    from bti_cli.privacy.scrubber import scrub

    shown = scrub(escape_controls(text), vocabulary=vocabulary).text
    if len(shown) > QUOTE_LENGTH:
        shown = shown[: QUOTE_LENGTH - 1] + "…"
    return shown


# what a typo of a key looks like: letters, joined by hyphens or underscores; no key holds a
# digit or a space, and a value with one is a date, a number or an address ("storgata-12")
_CHOICE_WORDS = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+)*")


def shown_choice(text: str) -> str | None:
    """A value typed for an option that takes one of a list (`--area`, `--tier`, `-m`), as an
    error may repeat it: only when it is made of letters as a key is, the scrubber leaves it as
    typed and the role-strict check (`role_kinds`) finds nothing in it, so a typo of a key
    ("scool", "mental-helth") is shown; None for anything else, which the message then does not
    repeat at all. The scrubber cannot know a surname in lower case ("nordmann") nor a date in
    every form ("15.03.2016" is a birth date), so scrubbed is not enough: `--area: ukjent verdi
    '[NAVN]'` would still say a name was typed there."""
    if len(text) > QUOTE_LENGTH or not _CHOICE_WORDS.fullmatch(text):
        return None
    if quote(text) != text or role_kinds(text):
        return None
    return text


# a text a parser's message quotes: tomllib's «Cannot declare ('Kari Nordmann',) twice»
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


def parser_message(message: str) -> str:
    """A file parser's error (tomllib's) as a message may show it: what it quotes stays only when
    it is a character («'='», «'\\n'») or a key `shown_choice` would show (a typo of a key), else
    it becomes «…»; the kind of fault and its line and column stay. A key typed as a name
    («["Kari Nordmann"]» twice) is never repeated."""

    def shown(match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        if len(inner) <= 2 or shown_choice(inner) is not None:
            return match.group(0)
        return "'…'"

    return _QUOTED.sub(shown, escape_controls(message))


_SEPARATORS = re.compile(r"([/\\])")
# a file name's extension (".toml", ".tar.gz"): scrubbed apart from the name before it, so the
# extension does not hide a surname ("Kari Nordmann.toml"); only the extensions of files bti reads
# or writes and of common documents, so an e-mail domain ("kari@example.no") stays whole
_EXTENSION = re.compile(
    r"(?:\.(?:toml|csv|jsonl?|txt|md|html?|ics|svg|pdf|docx?|xlsx?|odt|ods|log|bak|tar|gz|zip))+\Z", re.IGNORECASE)


def _shown_part(part: str) -> str:
    from bti_cli.privacy.scrubber import scrub

    ext = _EXTENSION.search(part)
    if ext is None or ext.start() == 0:
        return scrub(part).text
    return scrub(part[: ext.start()]).text + ext.group()


def shown_path(path: object) -> str:
    """`path` as a message shows it: each part between separators scrubbed on its own (so an
    ordinary folder name is not taken for a name by its neighbours), control characters escaped.
    The user's own home folder at its start is left as it is: it names the employee, not a case."""
    text = escape_controls(str(path))
    head = ""
    home = os.path.expanduser("~")
    if len(home) > 1 and (text == home or text.startswith(home.rstrip("/\\") + os.sep)):
        head, text = home, text[len(home) :]
    parts = _SEPARATORS.split(text)
    return head + "".join(part if not part or _SEPARATORS.fullmatch(part) else _shown_part(part) for part in parts)


def check_path(path: str | os.PathLike[str], *, what: str) -> str:
    """`path` as given, or InputError when a part of it (outside the user's home folder) holds
    personal data: a folder that is stored (the configured cases folder) never names a person."""
    text = os.fspath(path)
    if shown_path(text) != escape_controls(text):
        kinds: list[str] = []
        for part in _SEPARATORS.split(text):
            kinds += [k for k in found_kinds(part) if k not in kinds]
        raise InputError(t("privacy.text_refused", what=what, kinds=kind_labels(kinds)), hint=t("privacy.path_hint"))
    return text


__all__ = [
    "check_path",
    "check_text",
    "escape_controls",
    "found_kinds",
    "guard_event",
    "has_controls",
    "kind_labels",
    "personal_data_kinds",
    "quote",
    "role_has_letters",
    "role_kinds",
    "shown_choice",
    "shown_path",
    "strip_controls",
    "strip_controls_in",
]
