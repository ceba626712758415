"""The scrubber: finds personal data in Norwegian free text and replaces it with placeholders.

`scrub(text, vocabulary=…)` returns the scrubbed text and one `Replacement` per span it
replaced (kind, offsets in the original text, placeholder, and a short reason code). It finds

- identity numbers (fødselsnummer, D- and H-numbers, validated with python-stdnum), every other
  run of 11 digits written together or with a space, hyphen or dots after the date, any 11
  digits whose first six are a date (numbers issued from 2032 have other check digits), and
  Swedish and Danish numbers (YYMMDD-NNNN, DDMMYY-NNNN; in any form after "personnummer", "CPR"),
  and the number of any country's identity document after the word for it ("ID-kort", "pass nr");
- phone numbers: Norwegian 8-digit numbers in the usual groupings, with +47 / 0047, numbers
  after "tlf"/"mobil"/"ring", and international numbers (+46 …, 0048 …); a year, a hyphen and
  four digits ("Saksnr. 2025-1234") is a reference number, not a phone, and the public numbers
  (112, 116 111, 02800 …) are nobody's phone;
- e-mail addresses (also "ola(at)eksempel.no", spelt out "kari punktum nordmann at example.invalid"
  or "kari at example dot no",
  and top-level domains in any alphabet);
- street addresses (street + number, optional letter, postcode and place; streets in lower case
  with a street ending: "skolevegen 8"; a postcode and a lower-case place after one: "2850 lena"),
  farm names ("Nordre Hovin gard"), farm and title numbers ("gnr 12 bnr 3"), postal boxes, a
  postcode and its place set off by a comma, a line or "til" whatever the place ("Øvre Bjørnstad,
  2861 Landåsbygda"), and whatever follows "Adresse:" on its line up to a sentence after it;
- dates of birth after "født", "fødd", "f.", "fødselsdato", "bursdag(en) hennes er", "fyller år" …,
  a date in brackets right after a name, and a full date of an earlier year right after a name
  in any written form ("Sofie Andersen, 30.11.2016", "30/11-16", "30. november 2016"), a date
  right after an age or the word for a child ("10 år (22.06.2015)", "Eleven (03.04.2013)"), and
  a full date two or more years back on the line of a name ("Barn: Ola Nordmann, 5. trinn,
  12.03.2014"); ordinary dates of meetings, deadlines and events stay;
- personal names: a capitalised word inside a sentence that is not domain vocabulary, a place, an
  institution or an ordinary word; at the start of a sentence, a name from the shipped lists of
  given names and surnames (after a note label such as "Telefonnotat:" even a given name that is
  an ordinary word too: "Tor", "Liv"; the same at the start of a line before a verb or an age in
  brackets: "Storm (5) slo", "Liv er …"); words after "mor", "far", "eleven", "helsesykepleier",
  "heter" (also "heter visstnok …") …, in lower case too when they are given names ("onkel rune",
  "prata med per"); the child after "mor til", "far til", even an ordinary word ("Far til Håp"); a
  given name that is a word too before a date of birth ("Lin Dal f. 07.10.2018"); a capitalised
  word next to a found name, even an ordinary word ("Emma Sofie Dal"); initials and signatures
  ("O.N.", "Ola N.", "/TM", "/ TM" ending a line, "Notat /GM:", "Hilsen O.K. Nes", "Referent: B.
  Hov", "kontaktlærer (GH)", "-ms", a note ending "… noterer. ev", "notat av IHL", "mvh tm", "ref.
  kh/01.12", "hilsen lærer Berit S"); user names whole ("Nick: «tobias_2009»", "@gutt_14"); a
  lower-case surname after "familien" ("familien berg"); and every later use of a name found once
  with evidence of its own (an ordinary word taken only beside an unknown word at the start of a
  sentence is not repeated, nor an ordinary word opening a sentence before a word that is no verb:
  "Frost i januar …" beside "Ola Frost"). Titles of books and films stay whole ("Emil i
  Lønneberget", data/names/titles.txt); a verb opening a line ("Drikker", "Kjøpte"), a
  kindergarten department after its leader ("pedagogisk leder Solsikken"), hospitals, brands,
  medicines and games of the shipped lists, the English names of languages, holidays and towns
  ("speaks English", "after Easter"), and trees and colours in lower case stay.

Domain vocabulary (service, measure and arena names, roles, place names of the catalogue,
months, weekdays, abbreviations) always survives. The core never prints or logs: the originals
stay in the returned `Replacement` objects (hidden from their repr) and nowhere else.

The rules live in the modules beside this one: `patterns` (identity numbers, phones, e-mail,
addresses, birth dates), `names` (name lists and context words), `vocabulary` (the words that
survive) and `scanner` (names). This module joins them and builds the result.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from bti_cli.privacy.controls import HIDDEN_RE
from bti_cli.privacy.names import FUNCTION_WORDS, ROLE_TRIGGERS, WORD_RE, name_lists, shipped_lists
from bti_cli.privacy.patterns import (
    DATE_AFTER_NAME_RE,
    DATE_EVENT_BEFORE_RE,
    DATE_RIGHT_AFTER_NAME_RE,
    Spans,
    address_end,
    date_year,
    find_identifiers,
    find_structured,
    fold_lower,
    full_date_year,
    full_dates,
    lower_initials,
    qualified_place,
    road_references,
    six_digit_year,
)
from bti_cli.privacy.scanner import Scanner, find_glued_names, find_handles, find_initials, find_spaced_names
from bti_cli.privacy.vocabulary import compile_vocab, domain_vocabulary

KINDS = ("name", "national_id", "phone", "email", "address", "birth_date")
REASONS = (
    "checksum",
    "synthetic",
    "digits",  # national_id
    "norwegian",
    "international",
    "labelled",  # phone (labelled: after tlf/mobil …)
    "email",
    "street",
    "postbox",  # address (labelled: after Adresse: / bor i …)
    "after_name",  # birth_date (labelled: after født / f. …)
    "name_list",
    "capitalised",
    "context",
    "adjacent",
    "repeated",
    "lowercase_name",
    "initials",  # name
    "glued",  # name: a given name and a surname written as one word ("KariNordmann")
    "foreign",  # national_id: a Swedish or Danish number
    "farm",  # address: a farm name ("Nordre Hovin gard")
    "property",  # address: farm and title numbers ("gnr 12 bnr 3")
)


@dataclass(frozen=True)
class Replacement:
    kind: str  # "name" | "national_id" | "phone" | "email" | "address" | "birth_date"
    start: int  # offsets in the ORIGINAL text
    end: int
    placeholder: str  # e.g. "[NAVN]" in the current language
    original: str = field(default="", repr=False)  # kept in memory only, never logged or stored
    reason: str = ""  # why it was replaced: one of REASONS (never holds the original)


@dataclass(frozen=True)
class ScrubResult:
    text: str
    replacements: list[Replacement]

    @property
    def changed(self) -> bool:
        return bool(self.replacements)

    def counts(self) -> dict[str, int]:
        """Number of replacements per kind, in KINDS order (kinds with none left out)."""
        found: dict[str, int] = {}
        for r in self.replacements:
            found[r.kind] = found.get(r.kind, 0) + 1
        return {k: found[k] for k in KINDS if k in found}


# --------------------------------------------------------------------------- placeholders


@cache
def placeholders(lang: str) -> dict[str, str]:
    """kind → placeholder text in `lang` (nb, nn or en)."""
    from bti_cli.i18n import t

    return {kind: t(f"anonymise.placeholder_{kind}", lang) for kind in KINDS}


@cache
def placeholder_re() -> re.Pattern[str]:
    from bti_cli.i18n import LANGUAGES

    texts = {p for lang in LANGUAGES for p in placeholders(lang).values()}
    return re.compile("|".join(re.escape(p) for p in sorted(texts, key=len, reverse=True)))


# what text pasted from a word processor or a web page holds instead of a space or a hyphen
# (a no-break, narrow or thin space in "912 34 567", an en dash in "912–34–567"): looked at as a
# plain space or hyphen, one character for one, so that every offset still points into the text
LOOKALIKES = str.maketrans({
    **{c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
       "\u202f\u205f\u3000"},
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"},
})
_LOOKALIKE_RE = re.compile("[" + "".join(chr(c) for c in LOOKALIKES) + "]")


def plain_spaces(text: str) -> str:
    """`text` with the look-alike spaces and hyphens as plain ones (the same length)."""
    for char in set(_LOOKALIKE_RE.findall(text)):  # str.replace per character found: far cheaper
        text = text.replace(char, LOOKALIKES[ord(char)])  # than a translation of the whole text
    return text


@contextmanager
def _without_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while the scrubber runs, as it was before afterwards.

    A scrub makes hundreds of thousands of small lists and tuples and no reference cycle, so a
    collection pass in the middle of it frees nothing; it only walks every live object (the name
    lists' big sets among them): about 7 % of the time of 1 MB. Memory is freed as before, by
    reference counting. The same technique as Mercurial's `util.nogc`."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def scrub(
    text: str,
    *,
    vocabulary: Iterable[str] = (),
    lang: str | None = None,
    known_names: frozenset[str] = frozenset(),
) -> ScrubResult:
    """Replace personal data in `text`; domain `vocabulary` (see domain_vocabulary) survives.

    Placeholders are in `lang` (default: the current language of bti_cli.i18n). Offsets of
    the replacements refer to the original text. Line breaks are never touched.

    `known_names` are the lower-case words of names found before in texts of the same sitting
    (`name_words` of their replacements): a capitalised word among them is a name here as a name
    found in this text is ("Ho sa «Dal er best»" after "Eleven Liv Dal …"). The caller holds them
    in memory only, never stores or logs them.
    """
    with _without_collection():
        return _scrub(text, vocabulary, lang, known_names)


def _scrub(text: str, vocabulary: Iterable[str], lang: str | None, known_names: frozenset[str]) -> ScrubResult:
    from bti_cli.i18n import get_language

    if not text:
        return ScrubResult(text, [])
    lang = lang or get_language()
    marks = placeholders(lang)
    if HIDDEN_RE.search(text):
        return _through_hidden(text, vocabulary, lang, marks, known_names)
    original, text = text, plain_spaces(text)  # found in `text`, copied from `original`
    vocab = compile_vocab(vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary))
    lists = shipped_lists()
    protected = [(m.start(), m.end()) for m in placeholder_re().finditer(text)] if "[" in text else []
    roads = road_references(text)
    if roads:  # "Rv. 3 ved Grundset": a road and a place on it stay (no placeholder holds one)
        protected = sorted(protected + roads)
    spans = Spans(protected)
    low = find_structured(text, spans, vocab)
    for start, end in find_initials(text, vocab, low):
        spans.add(start, end, "name", "initials")
    if "." in text:
        for found in lower_initials(text):
            # "lærer o.n.", "helsesykepleier k.n.": a person's initials in lower case after the job
            before = _WORD_BEFORE_RE.search(text, max(0, found.start() - 40), found.start())
            if before is not None and before.group(1).lower() in ROLE_TRIGGERS:
                spans.add(found.start(), found.end(), "name", "initials")
    for start, end in find_handles(text, low):
        spans.add(start, end, "name", "context")
    for start, end in find_glued_names(text):
        spans.add(start, end, "name", "glued")
    for start, end in find_spaced_names(text):
        spans.add(start, end, "name", "spaced")
    scanner = Scanner(text, vocab, lists, spans.blocked(), known_names)
    name_spans = scanner.run()
    this_year = date.today().year
    for start, end, reason in name_spans:
        place = qualified_place(text, start) if text[start - 2 : start] == "e " else -1
        if place >= 0 and reason != "initials":
            # "Nordre Bjørnstad": a farm, not "Nordre [NAVN]"; with the place after it ("…, Heradsbygd")
            spans.add(place, address_end(text, end), "address", "farm")
            continue
        spans.add(start, end, "name", reason)
        if not _mark_or_digit_after(text, end):
            continue  # the cheap test first: each pattern below needs one
        # a date in brackets right after a name is a date of birth: "Ola (12.03.2015)"
        m = DATE_AFTER_NAME_RE.match(text, end)
        if m:
            group = "a" if m.group("a") else "b"
            spans.add(m.start(group), m.end(group), "birth_date", "after_name")
            continue
        bare = DATE_RIGHT_AFTER_NAME_RE.match(text, end)
        if bare and date_year(bare, this_year) < this_year and not _event_date(text, start, bare):
            spans.add(bare.start("c"), bare.end("c"), "birth_date", "after_name")
            continue
        foreign = _ID_AFTER_NAME_RE.match(text, end) if reason != "initials" else None
        if foreign:
            # "Hugo Lindqvist, 199005-2376": a number in the form of a Swedish or Danish identity
            # number right after a name is the person's, whether or not its date is one
            spans.add(foreign.start("id"), foreign.end("id"), "national_id", "foreign")
            continue
        six = _SIX_DIGITS_AFTER_NAME_RE.match(text, end) if reason != "initials" else None
        if six and six_digit_year(six.group("d"), this_year) < this_year:
            spans.add(six.start("d"), six.end("d"), "birth_date", "after_name")
    if name_spans and any(c.isdigit() for c in text):
        _dates_in_name_lines(text, name_spans, spans, this_year)
    out, replacements, segments = _assemble(original, spans.replaced(), marks)
    # A replacement changes what stands next to a number ("00000000+01000000" → "[TELEFON]+01000000"):
    # the identifier patterns run once more over the result near such placeholders, so that what
    # leaves the scrubber never trips the case log's gate (bti_cli.privacy.guard), which runs the
    # same patterns over the whole text.
    for _ in range(3):
        extra = _identifiers_next_to_placeholders(plain_spaces(out))
        if not extra:
            break
        for start, end, kind, reason in extra:
            for seg_out, seg_end, seg_orig in segments:
                if seg_out <= start and end <= seg_end:
                    spans.add(seg_orig + start - seg_out, seg_orig + end - seg_out, kind, reason)
                    break
        out, replacements, segments = _assemble(original, spans.replaced(), marks)
    return ScrubResult(out, replacements)


# the word right before, with the blanks between ("lærer " before "o.n.")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]+\Z")


def _through_hidden(
    text: str, vocabulary: Iterable[str], lang: str, marks: dict[str, str], known_names: frozenset[str]
) -> ScrubResult:
    """Scrub a text that holds invisible or control characters ("412\u200b34\u200b567",
    "Ka\u200bri"): found in the text without them, replaced in the text as it is, so that a
    character nobody sees cannot split a number or a name away from its pattern."""
    keep = [i for i, char in enumerate(text) if not HIDDEN_RE.match(char)]
    inner = scrub("".join(text[i] for i in keep), vocabulary=vocabulary, lang=lang, known_names=known_names)
    items = [(keep[r.start], keep[r.end - 1] + 1, r.kind, r.reason) for r in inner.replacements]
    # read once more with each such character as a space, the same length: one between two words
    # parts them ("Eleven​Kari gråter" is not one word «ElevenKari»); both readings count
    spaced = scrub(HIDDEN_RE.sub(" ", text), vocabulary=vocabulary, lang=lang, known_names=known_names)
    items += [(r.start, r.end, r.kind, r.reason) for r in spaced.replacements]
    out, replacements, _ = _assemble(text, _union(items), marks)
    return ScrubResult(out, replacements)


def _union(items: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Spans of two readings of one text as one list without overlaps: overlapping spans become
    one, of the kind of the one that starts first (the longer one when both start together)."""
    merged: list[list] = []
    for start, end, kind, reason in sorted(items, key=lambda x: (x[0], -x[1])):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, kind, reason])
    return [(a, b, k, r) for a, b, k, r in merged]


def name_words(replacements: Iterable[Replacement]) -> frozenset[str]:
    """The lower-case words of the names among `replacements` ("Liv Dal" → liv, dal), of three
    letters or more and no initials: what `scrub(…, known_names=…)` takes for a later text of the
    same sitting. Personal data: keep it in memory only."""
    found: set[str] = set()
    for r in replacements:
        if r.kind == "name" and r.reason != "initials":
            found.update(w for w in WORD_RE.findall(r.original.lower()) if len(w) > 2 and w not in FUNCTION_WORDS)
    return frozenset(found)


def _mark_or_digit_after(text: str, end: int) -> bool:
    """After the blanks at `end` comes a bracket, a comma, a dash or a digit (or the text ends):
    what every date or number right after a name opens with (DATE_AFTER_NAME_RE,
    DATE_RIGHT_AFTER_NAME_RE, _ID_AFTER_NAME_RE, _SIX_DIGITS_AFTER_NAME_RE)."""
    while end < len(text) and text[end] in " \t":
        end += 1
    after = text[end : end + 1]
    return after in "(,-–" or after.isdecimal()  # the digits that \d matches


# "Liv Dal 010115 går på SFO": six digits in one run right after a name, that read as a day, a
# month and a two-digit year of an earlier year, are the person's date of birth (DDMMYY, the first
# half of an identity number); not a longer number ("010115 12345", "0101151") nor a time or a part
# of a date ("010115.", "010115-3")
# six (or eight) digits, a hyphen or plus and four more, right after a name (YYMMDD-NNNN,
# YYYYMMDD-NNNN, DDMMYY-NNNN)
_ID_AFTER_NAME_RE = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+)(?P<id>\d{6}(?:\d{2})?[\-+]\d{4})(?![\d\-])")
_SIX_DIGITS_AFTER_NAME_RE = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?P<d>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2})(?![\d./\-:,]\d|\d)(?![ \t]?\d)"
)


def _event_date(text: str, name_start: int, date: re.Match[str]) -> bool:
    """A date right after a name is the date of an entry or an event, not of a birth: it heads a
    log entry ("Kari Nes, 23.04.2024: …"), or it follows the name with a space only on a line
    that names a meeting or an event before the name ("Samtale med Kari Nes 14.03.2023")."""
    if text[date.end() : date.end() + 1] == ":":
        return True
    if "," in text[date.start() : date.start("c")] or "-" in text[date.start() : date.start("c")]:
        return False  # "Sofie Andersen, 30.11.2016": a date set off after a name is a birth date
    begin = text.rfind("\n", 0, name_start) + 1
    return _EVENT_WORD_RE.search(text, begin, name_start) is not None


# a referral ("Henvisning", "Tilvising") is no such event: it is about the person it names, and a
# date of an earlier year right after that name is the person's birth date ("Emne: Henvisning
# Jonas Kazlauskas 27.01.2011"); a referral of this year keeps its date anyway
_EVENT_WORD_RE = re.compile(
    r"(?i:(?<!\w)(?:samtale|samtalen|møte|møtet|referat|referatet|hjemmebesøk"
    r"|heimebesøk|besøk|kontroll|time|timen|observasjon|hendelse|hendelsen|fravær|fraværet)(?!\w))"
)


# what may stand before the name of a log entry's heading: bullets, or a label and its colon
_ENTRY_HEAD_RE = re.compile(r"[ \t\-–•*]*(?:[^\W\d_]+[ \t]*:[ \t]*)?")


def _dates_in_name_lines(text: str, name_spans: list[tuple[int, int, str]], spans: Spans, this_year: int) -> None:
    """A full date of two or more years ago on the line of a name is a date of birth ("Barn: Ola
    Nordmann, 5. trinn, 12.03.2014"), unless a word before it makes it a meeting, a deadline or an
    event ("møte 12.03.2019", "flyttet hit 12.08.2019")."""
    starts = [s for s, _e, _r in name_spans]
    for m in full_dates(text):
        year = full_date_year(m, this_year)
        if year is None or not (this_year - 100 <= year <= this_year - 2):
            continue
        begin = text.rfind("\n", 0, m.start()) + 1
        stop = text.find("\n", m.end())
        stop = len(text) if stop < 0 else stop
        k = bisect_left(starts, begin)
        if k == len(starts) or starts[k] >= stop:
            continue  # no name on the line
        if DATE_EVENT_BEFORE_RE.search(text, max(begin, m.start() - 30), m.start()):
            continue
        if text[m.end() : m.end() + 1] == ":" and _ENTRY_HEAD_RE.fullmatch(text, begin, starts[k]):
            # "Kari Nes, 23.04.2024: …", "Notat: Kari Nes 12.03.2020: …" head a log entry; not
            # "Koblet til saken om Kari Nes 04.02.2016: …", a birth date in a sentence
            continue
        if not text[begin : m.start()].rstrip(" \t").endswith((",", "(")) and _EVENT_WORD_RE.search(
            text, begin, m.start()
        ):
            continue  # "Samtale med Kari Nes 14.03.2023": the day of the talk
        spans.add(m.start(), m.end(), "birth_date", "after_name")


_WINDOW = 60


@cache
def _near_placeholder_re() -> re.Pattern[str]:
    """A placeholder with a digit, "+" or "@" beside it (up to two spaces, dots, commas, slashes,
    hyphens or brackets between: "4700000000,[FØDSELSNUMMER]" is a phone number once the number
    after the comma is gone), or a letter glued to it (a cue such as "tlf" after it, the end of an
    e-mail address before it: "ola@eksempel.no[TELEFON]"): the only places where a replacement
    can make a new identifier (the patterns look at most two characters beyond a match).

    A name's placeholder counts only when nothing stands between: a name was letters (and dots
    or hyphens), and the patterns look at most one character before a digit, "+" or "@" with a
    class that tells a letter from "]", so past a space, dot, hyphen or bracket they see what
    they saw in the original text ("[NAVN] (12)" needs no second look)."""
    from bti_cli.i18n import LANGUAGES

    names = sorted({placeholders(lang)["name"] for lang in LANGUAGES})
    not_name_before = "".join(f"(?<!{re.escape(p)})" for p in names)
    not_name_after = "".join(f"(?!{re.escape(p[1:])})" for p in names)
    # every branch opens with a bracket, so that the engine skips ahead fast
    return re.compile(
        rf"\](?:[\d+@]|[^\W\d_]|{not_name_before}[ .,/\-(]{{1,2}}[\d+@])"
        rf"|\[(?:(?<=[\d@]\[)|(?<=[^\W\d_]\[)|(?<=[\d@][ .,/\-)]\[){not_name_after}"
        rf"|(?<=[\d@][ .,/\-)][ .,/\-)]\[){not_name_after})"
    )


def _identifiers_next_to_placeholders(out: str) -> list[tuple[int, int, str, str]]:
    """Identifiers in the scrubbed text `out` that the first pass could not see, found in windows
    around the placeholders that touch a number; matches that touch a window's edge are left
    out (the window may have cut them)."""
    if "[" not in out:
        return []
    windows: list[list[int]] = []
    for m in _near_placeholder_re().finditer(out):
        a, b = max(0, m.start() - _WINDOW), min(len(out), m.end() + _WINDOW)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    found: list[tuple[int, int, str, str]] = []
    pattern = placeholder_re()
    for a, b in windows:
        piece = out[a:b]
        spans = Spans([(m.start(), m.end()) for m in pattern.finditer(piece)])
        find_identifiers(piece, fold_lower(piece), spans)
        for start, end, kind, reason in spans.replaced():
            if (start > 0 or a == 0) and (end < len(piece) or b == len(out)):
                found.append((a + start, a + end, kind, reason))
    return found


_LINE_PART_RE = re.compile(r"[^\r\n]+")


def _split_at_line_breaks(text: str, items: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Line breaks are never replaced: a span that crosses one becomes one span per line (blank
    ends trimmed), so that nothing of it stays behind on the next line."""
    parts: list[tuple[int, int, str, str]] = []
    for start, end, kind, reason in items:
        piece = text[start:end]
        if "\n" not in piece and "\r" not in piece:
            parts.append((start, end, kind, reason))
            continue
        for m in _LINE_PART_RE.finditer(piece):
            a, b = start + m.start(), start + m.end()
            while a < b and text[a] in " \t":
                a += 1
            while b > a and text[b - 1] in " \t":
                b -= 1
            if a < b:
                parts.append((a, b, kind, reason))
    return parts


def _assemble(
    text: str, items: list[tuple[int, int, str, str]], marks: dict[str, str]
) -> tuple[str, list[Replacement], list[tuple[int, int, int]]]:
    """The scrubbed text, its replacements, and where each kept piece of `text` stands in it
    (start and end in the result, start in `text`)."""
    out: list[str] = []
    replacements: list[Replacement] = []
    segments: list[tuple[int, int, int]] = []
    pos = length = 0
    for start, end, kind, reason in _split_at_line_breaks(text, items):
        segments.append((length, length + start - pos, pos))
        out.append(text[pos:start])
        out.append(marks[kind])
        length += start - pos + len(marks[kind])
        replacements.append(Replacement(kind, start, end, marks[kind], text[start:end], reason))
        pos = end
    segments.append((length, length + len(text) - pos, pos))
    out.append(text[pos:])
    return "".join(out), replacements, segments


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def positions(text: str, replacements: Iterable[Replacement]) -> list[tuple[int, int]]:
    """(line, column) of each replacement, computed in one pass over the text."""
    reps = list(replacements)
    result = []
    line, line_start, scanned = 1, 0, 0
    for r in reps:
        nl = text.find("\n", scanned, r.start)
        while nl != -1:
            line += 1
            line_start = nl + 1
            nl = text.find("\n", nl + 1, r.start)
        scanned = max(scanned, r.start)
        result.append((line, r.start - line_start + 1))
    return result


__all__ = [
    "KINDS",
    "REASONS",
    "Replacement",
    "ScrubResult",
    "domain_vocabulary",
    "line_col",
    "name_lists",
    "name_words",
    "placeholders",
    "positions",
    "scrub",
]
