"""The one set of personal-data patterns: identity numbers, phone numbers, e-mail addresses,
street and postbox addresses and birth dates. The scrubber replaces what they find; the case
log's last gate (`bti_cli.privacy.guard`) refuses the same spans, so the two can never disagree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import chain

from bti_cli.privacy.names import FUNCTION_WORDS, HUMAN_VERBS, SUBJECT_VERBS, WORD_RE, shipped_lists
from bti_cli.privacy.vocabulary import Vocab

# --------------------------------------------------------------------------- patterns

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:\d{4}|\d{2})"
_MONTHS = (
    r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
    r"|january|february|march|june|july|october|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|des|dec)"
    r"(?![^\W\d_])"  # a month never runs on into letters: "januar" is not the start of "January"
)
# after a four-digit year: 2015-03-12 · 2015.03.12 · 2015/03/12 (one separator throughout)
_YEAR_FIRST_TAIL = rf"(?:-{_M}-|\.{_M}\.|/{_M}/){_D}"
# a day written as an ordinal word, after a birth cue: "født tredje mars 2016", "fødd femtande i
# april", "born the twenty-first of May 2015"
_UNITS_ORD = (
    r"(?:første|fyrste|andre|annen|tredje|fjerde|femte|sjette|sjuende|syvende|sjuande|åttende|åttande|niende|niande"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
)
_DAY_WORD = (
    rf"(?:(?:tjue|tjuge|tyve|tretti|twenty|thirty)[ \-]?{_UNITS_ORD}|enog(?:tyvende|tjuende)|{_UNITS_ORD}"
    r"|tiende|tiande|ellevte|tolvte|trettende|trettande|fjortende|fjortande|femtende|femtande|sekstende|sekstande"
    r"|syttende|syttande|attende|attande|nittende|nittande|tjuende|tjugande|tyvende|trettiende|trettiande"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth)(?!\w)"
)
_MONTH_SHORT = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|des|dec)(?![^\W\d_])"
_DATE = (
    rf"(?:{_D}[ \t]?[./\-][ \t]?{_M}[ \t]?[./\-][ \t]?{_Y}"  # 12.03.2015 · 3/4-2016 · 12-03-15
    rf"|\d{{4}}{_YEAR_FIRST_TAIL}"
    rf"|{_M}/(?:1[3-9]|2\d|3[01])/\d{{4}}"  # 03/15/2019: month first (a day above 12 says so)
    # 12. mars 2015 · 3 april · 3. mai -15 · 3. feb. 2015; the full stop after a month's name
    # ends the sentence ("Bursdagen hennes er 15. mars."), after its short form it is the short
    # form's ("15. jan.")
    rf"|{_D}\.?[ \t]*(?:{_MONTH_SHORT}\.?|{_MONTHS}(?:\.(?=[ \t]*,?[ \t]*\d{{4}}))?)"
    rf"(?:[ \t]*,?[ \t]*\d{{4}}|[ \t]*['’\-]\d{{2}})?"
    rf"|{_D}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTHS}|(?i:may)(?!\w)),?[ \t]+\d{{4}}"  # 3rd May 2014
    # tredje mars 2016 · femtande i april · the third of May 2015
    rf"|{_DAY_WORD}[ \t]+(?:(?:i|av|of)[ \t]+)?(?:{_MONTHS}|(?i:may)(?!\w))"
    rf"(?:[ \t]*,?[ \t]*\d{{4}}|[ \t]*['’\-]\d{{2}})?"
    # 15. i 3. 2019 · 15. i 3.: the day of the third month, as it is said
    rf"|{_D}\.[ \t]*i[ \t]+{_M}\.(?:[ \t]*\d{{4}}|[ \t]*['’\-]\d{{2}})?"
    rf"|(?:{_MONTHS}\.?|(?i:may)(?!\w))[ \t]+{_D}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}"  # March 12, 2015 · May 3rd, 2014
    rf"|(?:{_MONTHS}\.?|(?i:may)(?!\w))[ \t]+\d{{4}}"  # mars 2015 · May 2014
    rf"|{_MONTHS}[ \t]*['’\-]\d{{2}}"  # mars -19 · mars '19
    rf"|\d{{6}}(?:\d{{2}})?"  # 120315 · 12032015
    rf"|{_D}[./]{_M}\.?"  # 12.03 (a birthday)
    rf"|(?:19|20)\d{{2}}"  # 2015
    r")(?![\d])"
)
# "bursdagen hennes er", "fødselsdagen til Ola var", "har bursdag", "fyller (7) år"
_BIRTHDAY = (
    r"(?:(?:bursdag|fødselsdag|fodselsdag)(?:en)?(?!\w)"
    r"(?:[ \t]+(?:hennes|hennar|hans|hens|deres|deira|dykkar|sin|mi|min|din|di|vår"
    r"|til[ \t]+[A-ZÆØÅ][\w\-]*(?:[ \t]+[A-ZÆØÅ][\w\-]*)?)(?!\w))?"
    r"(?:[ \t]+(?:er|var|blir|vert|vart|ble)(?!\w))?"
    r"|fyll(?:er|ar|te|de|e)[ \t]+(?:\d{1,2}(?:[ \t]+år)?|år)(?!\w))"
)
BIRTH_RE = re.compile(
    r"(?<![\w.])(?:(?:født|fødd|fødde|fodt|fødselsdatoen|fødselsdato|fødselsåret|fødselsår|fodselsdato|fdato"
    r"|dob|born|birthday|date[ \t]+of[ \t]+birth)(?!\w)"
    rf"|{_BIRTHDAY}|f\.[ \t]?d\.|f\.[ \t]?dato|f\.)"
    r"(?:[ \t]*/[ \t]*(?:år|alder))?(?:[ \t]*:)?(?:[ \t]+(?:er|var|is|was)(?!\w))?"
    r"(?:[ \t]*(?:den|d\.|i|in|on[ \t]+the|on|the|ca\.?)(?!\w))?"
    # "født høsten 2016", "fødd tidleg i 2015", "født i slutten av mars 2015"
    r"(?:[ \t]*(?:våren|sommeren|sumaren|høsten|hausten|vinteren|tidlig[ \t]+i|tidleg[ \t]+i|sent[ \t]+i|seint[ \t]+i"
    r"|i[ \t]+(?:slutten|starten|begynnelsen|byrjinga|midten)[ \t]+av)(?!\w))?[ \t]*"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
# "blir 8 år 15. mars", "turns 8 on 15 March": the day a stated age is reached is the birthday
# (a day and a month; a bare year, "ble 2 år i 2024", is a measure's age as often as a child's)
# the words AGE_REACHED_RE's matches start with
_AGE_REACHED_VERBS = ("blir", "blei", "ble", "vert", "vart", "turns", "turned")
AGE_REACHED_RE = re.compile(
    r"(?<!\w)(?:blir|blei|ble|vert|vart|turns|turned)[ \t]+\d{1,2}(?:[ \t]+(?:år|years?(?:[ \t]+old)?))?"
    r"[ \t]+(?:den[ \t]+|på[ \t]+|on[ \t]+(?:the[ \t]+)?"
    # "ble 5 år i dag (3. desember)": the day it happened, said twice
    r"|(?:i[ \t]+(?:dag|går|gar|morgen|morgon)|today|yesterday|tomorrow)[ \t]*\([ \t]*)?"
    rf"(?P<date>{_D}\.?[ \t]*(?:{_MONTHS}|{_MONTH_SHORT}\.?)|{_D}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTHS}"
    rf"|{_D}[./]{_M}\.?(?![\d./]))",
    re.IGNORECASE,
)
DATE_AFTER_NAME_RE = re.compile(
    rf"[ \t]*(?:\([ \t]*(?:f\.[ \t]*|født[ \t]+|fødd[ \t]+)?(?P<a>{_DATE})[ \t]*\)"
    rf"|,[ \t]*(?:f\.[ \t]*|født[ \t]+|fødd[ \t]+)(?P<b>{_DATE}))",
    re.IGNORECASE,
)
# "Sofie Andersen, 30.11.2016, 3. klasse": a full date with no cue right after a name is a date
# of birth when its year lies before this year (a meeting date is this year's or next year's)
# in any of its written forms: "30.11.2016", "30/11-16", "30.11.16", "30. november 2016",
# "2016-11-30", "2016.11.30"; a two-digit year is of this century unless that would be later than
# this year
DATE_RIGHT_AFTER_NAME_RE = re.compile(
    r"(?:[ \t]*,[ \t]*|[ \t]+[-–][ \t]+|[ \t]+)"
    rf"(?P<c>{_D}[ \t]?[./\-][ \t]?{_M}[ \t]?[./\-][ \t]?(?P<year>\d{{4}}|\d{{2}})"
    rf"|{_D}\.?[ \t]*{_MONTHS}\.?[ \t]*(?P<year2>\d{{4}})"
    rf"|(?P<year3>\d{{4}}){_YEAR_FIRST_TAIL}"
    # "Jonas Berg, 05 03 14, 6. klasse": spaced, only after a comma, and no more digits after it
    rf"|(?:(?<=, )|(?<=,)){_D} {_M} (?P<year4>\d{{4}}|\d{{2}})(?![ \t]*\d))(?![\d./\-]\d|\d)"
    r"(?![ \t]*(?:kl\.?|klokka|klokken)(?!\w))(?![ \t]*\d{1,2}[:.]\d{2})",
    re.IGNORECASE,
)


# a full date in any written form ("30.11.2016", "30/11-16", "30. november 2016", "2016-11-30"):
# what a date of birth in a list line or after an age looks like; day and month are checked by
# full_date_year (the pattern opens with a digit so that the engine skips ahead fast)
FULL_DATE_RE = re.compile(
    r"\d(?<![\d.,/\-]\d)(?:\d?[ \t]?[./\-][ \t]?\d{1,2}[ \t]?[./\-][ \t]?(?:\d{4}|\d{2})"
    rf"|\d?\.?[ \t]*{_MONTHS}\.?[ \t]*\d{{4}}|\d{{3}}-\d{{1,2}}-\d{{1,2}})"
    r"(?![\d./\-]\d|\d)(?![ \t]*(?:kl\.?|klokka|klokken)(?!\w))(?![ \t]*\d{1,2}[:.]\d{2})",
    re.IGNORECASE,
)
# the lengths of the run of digits a FULL_DATE_RE match opens with: the day ("3.", "30/", "30 nov") or the
# year ("2016-")
_FULL_DATE_RUNS = (1, 2, 4)
_NUMBERS_RE = re.compile(r"\d+")
# the words before a date that make it a meeting, a deadline or an event rather than a birth:
# "Møte 12.03.2019", "sendt 14. mars 2023", "innen 1.6.2024", "siden 12.08.2019"
DATE_EVENT_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:møte|møtet|møtes|møttes|møtt|dato|datert|sendt|mottatt|motteke|frist|fristen|innen|innan"
    r"|fra|frå|fom|f\.o\.m|tom|t\.o\.m|til|siden|sidan|vedtak|vedtatt|vedteke|evaluering|evalueres|gyldig"
    r"|oppstart|start|henvist|tilvist|meldt|registrert|samtale|samtalen|referat|journal|per|pr|i dag|innkalt"
    r"|avtalt|utsatt|flyttet|flytta|kom|kommet|ankom|skrevet|skrive|underskrevet|signert|oppdatert|endret|endra"
    r"|mellom|sist|neste|ny|nytt|kontroll|time|timen|besøk|hjemmebesøk|heimebesøk"
    # "startet 10.10.2023", "siste fravær 12.12.2023", "utredet (03.05.2022)"
    r"|startet|starta|begynte|byrja|utredet|utreda|fravær|fraværet|hendelse|hendelsen|skjedde|hende"
    # "Apgar 9/10/10": three scores, no date
    r"|apgar|apgar-skår|apgarskår)"
    r"(?:[ \t]+[^\W\d_]+)?"
    # "12.03.2022 og 14.03.2023": a second date joined to the first
    r"|\d[ \t]+(?:og|eller|til|-|–))"
    r"[ \t:]*(?:den|d\.|dato)?[ \t:]*\Z"
)
# "10 år (22.06.2015)", "Eleven (03.04.2013)", "Gutten, 12 år, 03.04.2013": a date right after
# an age or the word for a child is the child's date of birth
AGE_BEFORE_DATE_RE = re.compile(
    r"(?i:(?<!\d)\d{1,2}[ \t]?(?:år|mnd\.?|måneder|månader)|(?<!\w)(?:eleven|gutten|guten|jenta|barnet|babyen)"
    r"|(?<!\w)(?:alder|age)[ \t]*:?[ \t]*\d{1,2}(?!\d))"
    r"[ \t]*(?:\(|,)[ \t]*(?:f\.|født|fødd|f\.d\.)?[ \t]*\Z"
)


# any date in a common written form, with or without its year, where no date belongs (a role):
# "30.11.16", "30/11", "2016-11-30", "30. november 2016", "november 30", "301116", "30112016".
# Not a year alone ("2016") nor "mars 2016", which date no person.
_D2 = r"(?:0[1-9]|[12]\d|3[01])"
_M2 = r"(?:0[1-9]|1[0-2])"
ANY_DATE_RE = re.compile(
    rf"(?<![\w.,/\-])(?:{_D}[ \t]?[./\-][ \t]?{_M}[ \t]?[./\-][ \t]?{_Y}"  # 30.11.16 · 30-11-2016
    rf"|{_D}[./]{_M}(?![./\-]?\d)"  # 30.11 · 30/11
    rf"|\d{{4}}[./\-]{_M}[./\-]{_D}"  # 2016-11-30
    rf"|{_D}\.?[ \t]*{_MONTHS}\.?(?!\w)(?:[ \t]*,?[ \t]*\d{{4}})?"  # 30. november 2016 · 30 nov
    rf"|{_MONTHS}\.?[ \t]+{_D}(?:st|nd|rd|th)?(?!\w)(?:,?[ \t]+\d{{4}})?"  # November 30, 2016
    rf"|{_D2}{_M2}(?:\d{{2}}|(?:19|20)\d{{2}}))"  # 301116 · 30112016
    r"(?![\d])",
    re.IGNORECASE,
)
# initials in lower case with their dots ("o.n.", "k.n"), not an abbreviation of two letters
# ("t.d.", "m.m.", "e.l.", "o.l."): a name in a role, and in a note after a role word
LOWER_INITIALS_RE = re.compile(r"(?<![\w.])(?!(?:t\.d|m\.m|e\.l|o\.l)\.?(?![\w.]))[a-zæøå]\.[a-zæøå]\.?(?![\w.])")
# the full stop between two small letters that every LOWER_INITIALS_RE match starts around
_DOT_BETWEEN_SMALL_RE = re.compile(r"(?<=[a-zæøå])\.[a-zæøå]")


def lower_initials(text: str) -> list[re.Match[str]]:
    """LOWER_INITIALS_RE's matches, tried only one letter before a full stop between two small
    letters: the same matches as a scan of the whole text, far cheaper."""
    small_after = [at for at in _all_finds(text, ".") if text[at + 1 : at + 2].islower()]  # the cheap test first
    dots = _matches_at(_DOT_BETWEEN_SMALL_RE, text, small_after)
    return _matches_at(LOWER_INITIALS_RE, text, [dot.start() - 1 for dot in dots])


# a postcode and the place after it ("2340 Løten"): the last line of an address
POSTCODE_WORD_RE = re.compile(r"(?<![\w.,/\-])\d{4}[ \t]+[^\W\d_]")


_last_dates: list[object] = [None, []]


def full_dates(text: str) -> list[re.Match[str]]:
    """FULL_DATE_RE's matches in `text`; the last text's are kept, as the scrubber asks twice."""
    if _last_dates[0] is not text:
        _last_dates[:] = [text, _at_digit_runs(FULL_DATE_RE, text, _FULL_DATE_RUNS.__contains__)]
    found: list[re.Match[str]] = _last_dates[1]  # type: ignore[assignment]
    return found


_AGE_DATE_KEYS = ("år", "mnd", "måned", "månad", "eleven", "gutten", "guten", "jenta", "barnet", "babyen", "alder",
                  "age")
# "Barnet, 150319, er 7": six digits (DDMMYY) set off by commas right after the word for the child
_CHILD_SIX_DIGITS_RE = re.compile(
    r"(?i:(?<!\w)(?:eleven|gutten|guten|jenta|barnet|babyen|the[ \t]+child))[ \t]*,[ \t]*"
    r"(?P<d>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2})(?=[ \t]*[,)]|[ \t]*$|\.(?:\s|$))"
)
_CHILD_WORDS = ("eleven", "gutten", "guten", "jenta", "barnet", "babyen", "child")
# the words _CHILD_SIX_DIGITS_RE's matches start with ("the child")
_CHILD_SIX_OPENERS = ("eleven", "gutten", "guten", "jenta", "barnet", "babyen", "the")
# "15 March 2019 born": a date with the word for birth after it
_BORN_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*\(?(?i:born)(?!\w)")
# a Norwegian identity number after its name, in any grouping ("fnr 1503815 0094"): ten to
# twelve digits with single separators (one digit too many or too few is a typo of one)
NATIONAL_ID_CUE_RE = re.compile(
    r"(?i:f\.?[ \t]?nr|fødselsnr|fødselsnummer(?:et)?|fodselsnummer|d-?nr|d-?nummer(?:et)?)\.?[ \t]*:?[ \t]*"
    r"(?:er[ \t]+)?(?P<id>\d(?:[ .\-]?\d){9,11})(?![\d])"
)
_NATIONAL_ID_KEYS = ("fnr", "f.nr", "f nr", "fødselsn", "fodselsn", "d-nr", "dnr", "d-numm", "dnumm")


def six_digit_year(digits: str, this_year: int) -> int:
    """The year of six digits read as DDMMYY: the latest that is not after `this_year`."""
    year = int(digits[4:])
    return year + (2000 if 2000 + year <= this_year else 1900)


def full_date_year(match: re.Match[str], this_year: int) -> int | None:
    """The year of a date found by FULL_DATE_RE (a two-digit year made whole), or None when its
    day or month is out of range."""
    numbers = [int(n) for n in _NUMBERS_RE.findall(match.group())]
    raw = _NUMBERS_RE.findall(match.group())
    if len(numbers) == 2:  # "30. november 2016"
        day, month, year, digits = numbers[0], 1, numbers[1], 4
    elif len(raw[0]) == 4:  # "2016-11-30"
        year, month, day, digits = numbers[0], numbers[1], numbers[2], 4
    else:
        day, month, year, digits = numbers[0], numbers[1], numbers[2], len(raw[2])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if digits == 2:
        year += 2000 if 2000 + year <= this_year else 1900
    return year


def date_year(match: re.Match[str], this_year: int) -> int:
    """The year of a date found by DATE_RIGHT_AFTER_NAME_RE (a two-digit year made whole)."""
    raw = match.group("year") or match.group("year2") or match.group("year3") or match.group("year4")
    year = int(raw)
    if len(raw) == 2:
        year += 2000 if 2000 + year <= this_year else 1900
    return year

# Every pattern that starts with a digit starts with `\d(?<!\d\d)` rather than `(?<!\d)\d`: a
# pattern that opens with a character class lets the regex engine skip ahead fast (1 MB < 1 s).
NATIONAL_ID_RE = re.compile(
    r"\d(?<!\d\d)(?:\d{5}[ \-–]?\d{5}|\d\.\d{2}\.\d{2}[ \-]?\d{5}|\d{3}[ .]\d{2}[ .]\d{5}|\d{11,})(?!\d)"
)
# any 11 digits with single separators: replaced when the checksum is valid, or when the first
# six digits are a date of birth (identity numbers issued from 2032 have other check digits)
NATIONAL_ID_LOOSE_RE = re.compile(r"\d(?<!\d\d)(?:[ .\-]?\d){10}(?!\d)")
_ID_GROUPING_RE = re.compile(
    r"\d{2}(?P<s>[ .\-]?)\d{2}(?P=s)\d{2}[ .\-]?(?:\d{5}|\d{3}[ .\-]?\d{2})|\d{3} \d{3} \d{3} \d{2}"
)
# Swedish personnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, "+" after 100) and Danish CPR (DDMMYY-NNNN):
# written with the hyphen they are replaced when the date part is a date; after a cue
# ("personnummer", "pnr", "CPR-nr.") in any of their forms
FOREIGN_ID_RE = re.compile(r"\d(?<!\d\d)(?:\d{5}|\d{7})[\-+]\d{4}(?![\d\-])")
# ten digits on their own, not after a "+" or a digit group ("+45 0501101234" is a phone)
FOREIGN_ID_TOGETHER_RE = re.compile(r"[0-3](?<![\d+./\-][0-3])(?<![\d] [0-3])\d{9}(?![\d./\-]?\d)")
FOREIGN_ID_CUE_RE = re.compile(
    r"(?i:personnummer|personnumret|personnr|pers\.?[ \t]?nr|p-?nr|cpr(?:-?nr|-?nummer|-?nummeret)?"
    r"|personal[ \t]+identity[ \t]+number)\.?[ \t]*:?[ \t]*[^\d\n]{0,25}?"
    r"(?P<id>(?:19|20)?\d{6}[ \-+]?\d{4})(?![\d\-])"
)
# the number of an identity document, of any country, after the word for it: "Ukrainsk ID-kort
# oppgitt: 3312507749", "passnummer FX 1234567", "skattenummer 1234567890"
DOCUMENT_ID_CUE_RE = re.compile(
    # not inside a placeholder: "[ID-NUMBER] 41234567" is an identity number and a phone
    r"(?<!\[)(?i:(?:id-?kort(?:et)?|id-?nr|id-?nummer(?:et)?|id|identitetsnummer(?:et)?|identitetskort(?:et)?"
    r"|id-?dokument(?:et)?|passnummer(?:et)?|passnr|pass(?=[ \t]*(?:nr|:))|legitimasjon(?:en)?|skattenummer(?:et)?"
    r"|rnokpp|pesel|personal[ \t]+code|passport(?:[ \t]+(?:number|no))?|nhs[ \t]+(?:number|no)"
    r"|national[ \t]+insurance[ \t]+(?:number|no)|social[ \t]+security[ \t]+(?:number|no))(?![\w])\.?)"
    r"[ \t]*:?(?:(?!tlf|tel|mob|ring|nr[ .:])[^\d\n,;]){0,25}?"
    r"(?:nr\.?[ \t]*:?[ \t]*)?"
    r"(?P<id>(?<![\w])(?:[A-Z]{1,2}[ ]?)?\d(?:[ \-]?\d){5,13})(?![\d\w])"
)
_DOCUMENT_KEYS = ("id-", "id:", "id ", "idnr", "identitet", "passnr", "passnummer", "pass nr", "pass:",
                  "legitimasjon", "skattenummer", "rnokpp", "pesel", "personal code", "passport", "nhs ",
                  "national insurance", "social security")
_FOREIGN_KEYS = ("personn", "pers.", "pers nr", "persnr", "pnr", "p-nr", "cpr", "personal identity")

# "41 234 567" and "41234 567" are written too (an amount "12 345 678 kr" is not a phone)
_NO_BODY = (
    r"(?:\d{3}(?P<s1>[ .\-]?)\d{2}(?P=s1)\d{3}"
    r"|\d{2}(?P<s2>[ .\-]?)\d{2}(?P=s2)\d{2}(?P=s2)\d{2}"
    r"|\d{4}(?P<s3>[ .\-]?)\d{4}"
    r"|\d{3} \d{5}|\d{3} \d{3} \d{2}|\d{2} \d{3} \d{3}|\d{5} \d{3})"
)
_NO_BODY_REST = (  # the same groupings with the first digit already consumed
    r"(?:\d{2}(?P<s1>[ .\-]?)\d{2}(?P=s1)\d{3}"
    r"|\d(?P<s2>[ .\-]?)\d{2}(?P=s2)\d{2}(?P=s2)\d{2}"
    r"|\d{3}(?P<s3>[ .\-]?)\d{4}"
    r"|\d{2} \d{5}|\d{2} \d{3} \d{2}|\d \d{3} \d{3}|\d{4} \d{3})"
)
_MONEY_BEFORE = re.compile(r"(?i:kr\.?|nok|kroner|beløp(?:et)?:?|sum:?)[ \t]*\Z")
_MONEY_AFTER = re.compile(r"(?i:[ \t]*(?:kr\b|kroner|nok\b|,-|\.-))")
PHONE_NO_RE = re.compile(rf"\d(?<![\d+]\d){_NO_BODY_REST}(?!\d)")
# "+47 (0) 412 34 567": the trunk zero in brackets that some write after the country code
PHONE_NO_PREFIXED_RE = re.compile(
    rf"(?:\+[ \t]?47|(?<![\w+])00[ \t]?47|\((?:\+|00)?47\))(?:[ \t]?\(0\))?[ .\-]?(?P<body>{_NO_BODY})(?!\d)"
)
# eight digits in an odd grouping of spaces ("41 2345 67", "4 1 2 3 4 5 6 7"): a Norwegian
# number starts with 2-9; a longer run of digit groups is no phone
PHONE_ODD_RE = re.compile(r"[2-9](?<![\d+.,\-/][2-9])(?<!\d [2-9])(?: ?\d){7}(?!\d)(?! \d)")
# a case, archive or reference number: "Ref: 12345678", "saksnr. 2025 1234", "org.nr. 974589095"
_REFERENCE_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:ref|refnr|referanse|referansenr|referansenummer|sak|saksnr|saksnummer|sak[ \t]nr"
    r"|journalnr|journalpost|journalpostnr|arkivsak|arkivsaksnr|arkivnr|dok|dokumentnr|dok\.nr|org\.nr|orgnr"
    r"|organisasjonsnummer|løpenr|løpenummer|vedtak|vedtaksnr|kid|faktura|fakturanr|ordrenr|kundenr)"
    r"\.?(?:[ \t]*(?:nr|no)\.?)?[ \t]*[:#]?[ \t]*)\Z"
)
# "4790011223", "47 900 11 223": the country code without its "+" or "00"
PHONE_NO_CC_RE = re.compile(rf"4(?<![\w+.,/\-]4)7[ ]?(?P<body>{_NO_BODY})(?![\d.,/\-]?\d)")
# a full date: a labelled "number" that is a date is no phone ("Far ringte 11.03.2025")
_FULL_DATE_RE = re.compile(rf"{_D}[ \t]?[./\-][ \t]?{_M}[ \t]?[./\-][ \t]?(?:\d{{4}}|\d{{2}})")
# an area code in brackets ("+44 (0)20 7946 0000") belongs to the number; a closing bracket
# with no opening one ("(+49 151 23456789)") belongs to the text
PHONE_INTL_RE = re.compile(
    r"[+0](?<![\w+][+0])(?:(?<=\+)|0[ ]?)(?!47)[1-9]\d{0,2}(?:[ .\-]?(?:\(\d{1,5}\)|\d{1,5})){2,6}(?!\d)"
)
# a foreign number written as at home, with its trunk zero: Swedish "070-482 19 63", "08-123 456 78",
# British "07700 900123" (a Norwegian number never starts with 0; "0047 …" is found above)
PHONE_TRUNK_RE = re.compile(
    r"0(?<![\w+.,/\-]0)[1-9]\d{0,3}(?:[ ]?-[ ]?|[ ])\d{2,6}(?:[ \-]\d{2,4}){0,3}(?![\d.,/\-]?\d)"
)
PHONE_LABEL_RE = re.compile(
    r"(?<!\w)(?:tlf|tel|telefon(?:nummer|nr)?|mobil(?:nummer|nr|telefon)?|mob|mobilnr|phone|sms|ring(?:e|er|te|de)?"
    r"|nås[ \t]+på|treffes[ \t]+på|mobile(?:[ \t]+(?:number|no))?|(?:tele)?phone[ \t]+(?:number|no)|cell)"
    r"\.?[ \t]*(?::|på|nr\.?|is)?[ \t]*(?P<num>\+?\(?\d[\d .\-()]{3,18}\d)",
    re.IGNORECASE,
)

# the top-level domain may run into digits ("ola@eksempel.no41234567"), never into letters; an
# address written to fool a robot goes too ("mona.sand [at] eksempel punktum no", "alfakrøll")
_EMAIL_DOT = r"(?:\.|[ \t]+(?:punktum|dot|prikk)[ \t]+|[ \t]?[\[(](?:punktum|dot|prikk)[\])][ \t]?)"
# "ola.nordmann82 at eksempel dot no": a bare "at" only after a local part with a dot, a digit
# or an underscore ("sa at skolen.no" is a sentence)
EMAIL_AT_RE = re.compile(
    r"(?<![\w.+\-])(?=[\w+\-]*[._\d])[\w.+\-]+[ \t]+at[ \t]+"
    rf"[\w\-]+(?:{_EMAIL_DOT}[\w\-]+)*{_EMAIL_DOT}[^\W\d_]{{2,}}(?![^\W\d])",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+(?:@|[ \t]?\((?:at|a)\)[ \t]?|[ \t]?\[(?:at|a)\][ \t]?|[ \t]@[ \t]"
    r"|[ \t]+(?:alfakrøll|krøllalfa)[ \t]+)"
    rf"[\w\-]+(?:{_EMAIL_DOT}[\w\-]+)*{_EMAIL_DOT}[^\W\d_]{{2,}}(?![^\W\d])"
)

_STREET_SUFFIX = (
    r"(?:veien|vegen|veiene|vei|veg|gata|gate|gaten|gt\.|(?<!a)vn\.|stien|stigen|stig|sti|bakken|bakke|brekka|brekke|lia|lii"
    r"|svingen|sving|tunet|tun|plassen|plass|ringen|ring|alléen|allé|alle|kroken|krok|haugen|jordet|jorde"
    r"|løkka|løkken|myra|myren|åsen|torget|torg|grenda|grend|kleiva|tråkket|tråkk|vangen|bråten|enga|engen"
    r"|hagen|moen|sletta|sletten|skogen|tangen|berget|kollen|høgda|feltet|parken|bryggen|brygga|kaia|kaien"
    r"|promenaden|lunden|gløtten|gården|garden|teigen|setra|veita|smuget|passasjen|terrassen|terrasse|utsikten"
    r"|vollen|sundet|stubben|lykkja|linna|rud|rudvegen|gutu|gutua|hallen|ringvei|ringveg|strand|stranda"
    # Swedish and Danish streets: "Kungsgatan 14", "Sveavägen 12", "Nørregade 3", "Strandvej 8"
    r"|gatan|vägen|väg|gränd|gränden|gade|vej|vænget)"
)
_UNIT_AFTER = (
    r"(?![ \t]*(?:%|prosent|år|åra|års|kr|km|m\b|min|minutt|minutter|timer|time|timar|ganger|gonger|gang|dager|dagar"
    r"|dag|uker|veker|uke|veke|måneder|månader|trinn|klasse|klassetrinn|elever|elevar|barn|stk|kg|cm|mm|°)(?!\w))"
)
# A number that goes on as a date ("Evaluering 30.06.2025", "Markering 17. mai", "… 2025-06-30")
# is a date after a word that happens to end like a street name, never a house number.
_NOT_A_DATE = rf"(?!\d)(?![ \t]?[./][ \t]?\d)(?!-\d{{1,2}}-\d)(?!\.?[ \t]*{_MONTHS}(?!\w))"
_HOUSE = (
    rf"\d{{1,4}}{_NOT_A_DATE}{_UNIT_AFTER}"
    rf"(?:[ \t]?[A-Ha-h](?![\w]))?(?:[ \t]?[-–][ \t]?\d{{1,4}})?(?:,?[ \t]*[HhUuKkLl]\d{{4}})?"
    # the floor: "Storgata 5 B, 2. etg", "… 3. etasje"
    # (the full stop of "etg." is the abbreviation's before a comma or a small letter, else the sentence's)
    r"(?:,?[ \t]*\d{1,2}\.?[ \t]?(?:etg\b(?:\.(?=[ \t]*[,a-zæøå]))?|(?:etasje|etasjen|etage)\b))?"
    # "Hovdelia 3, underetasje", "Lia 4, sokkel": the flat in the house
    r"(?:,?[ \t]*(?:underetasje|underetasjen|underetg\.?|kjeller|kjellar|kjelleren|kjellaren|sokkel|sokkelen"
    r"|sokkeletasje|sokkelleilighet|sokkelhusvære|loftet|loft|basement)(?![\w]))?"
)
_HOUSE_NR = r"(?:[Nn]r\.?[ \t]*)?"  # "Storgata nr 5", "skolevegen nr. 8"
# a postcode, Norwegian or Danish, Swedish ("411 19") or Polish ("80-827"), and the place after it
# ("Göteborg", "Nes på Hedmarken")
_POSTCODE = r"(?:\d{4}|\d{3}[ ]\d{2}|\d{2}-\d{3})"
_PLACE_AFTER_POSTCODE = r"[A-ZÆØÅÄÖ][\wæøå\-]+(?:[ ][A-ZÆØÅ][\wæøå\-]+|[ ]på[ ]Hedmarken)?"
_POSTPLACE = rf"(?:[ \t]*,?[ \t]*{_POSTCODE}[ \t]+{_PLACE_AFTER_POSTCODE})?"
_QUALIFIER = r"(?:(?:Nedre|Øvre|Søndre|Søre|Nordre|Vestre|Østre|Austre|Store|Lille|Gamle|Nye|Vesle|St\.|Sankt)[ \t]+)?"
ADDRESS_RE = re.compile(
    rf"(?<![\w])(?P<street>{_QUALIFIER}(?:[A-ZÆØÅ][\wæøåé'\-]*?{_STREET_SUFFIX}"
    # "Bakken 11", "Lia 2": the street ending alone, as a street's whole name (weak: needs a cue)
    r"|(?-i:[BLHTMSKJ])(?=[a-zæøå])(?i:akken|ia|augen|unet|oen|letta|letten|kogen|roken|ordet|ollen|ii)"
    rf"|(?:[A-ZÆØÅ][\wæøåé.'\-]*[ \t]+){{1,3}}"
    r"(?:gate|gata|gaten|gt\.|vei|veien|veg|vegen|allé|plass|torg|bakke|sti|ring|terrasse))"
    rf")[ \t]+{_HOUSE_NR}{_HOUSE}{_POSTPLACE}"
)
# "ul. Długa 15/3, 80-827 Gdańsk": a Polish street (ulica) with its house and flat
FOREIGN_STREET_RE = re.compile(
    r"(?<![\w])(?:ul|al|os|pl)\.[ \t]*[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż\-]+(?:[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż\-]+){0,2}"
    r"[ \t]+\d{1,4}[A-Za-z]?(?:[ \t]?/[ \t]?\d{1,4})?(?![\w/])"
    rf"{_POSTPLACE}"
)
# "skolevegen 8", "storgata 12b", "nygata 3a": a street written in lower case, with one of the
# endings that only streets have, a stem of two letters or more and a house number
_LOWER_STREET_SUFFIX = (
    r"(?:veien|vegen|vei|veg|gata|gate|gaten|stien|stigen|svingen|tunet|bakken|lia|alléen|allé|brekka"
    r"|(?<![aeo])vn\.?)"  # "hamarvn 4a", "trysilvn. 12"; not "navn 12", "havn 3", "stevn"
)
_LOWER_QUALIFIERS = r"(?:nedre|øvre|søndre|nordre|vestre|østre|store|lille|gamle|nye)"
# "nedre gate 5": a direction and the word for a street, with a house number, is a street name
_QUALIFIED_STREET = rf"{_LOWER_QUALIFIERS}[ \t]+(?:gate|gata|vei|veg|veien|vegen)"
LOWER_STREET_RE = re.compile(
    rf"(?<![\w])(?P<street>(?:{_LOWER_QUALIFIERS}[ \t]+)?"
    rf"[a-zæøå][a-zæøåé\-]+?{_LOWER_STREET_SUFFIX}|{_QUALIFIED_STREET})"
    rf"[ \t]+{_HOUSE_NR}{_HOUSE}{_POSTPLACE}"
)
_QUALIFIED_STREET_RE = re.compile(_QUALIFIED_STREET)
# "Nordre Hovin gard", "Søndre Bakke gård, 2345 Ådalsbruk": a farm name is an address
FARM_RE = re.compile(
    rf"(?<![\w])(?P<street>{_QUALIFIER}[A-ZÆØÅ][\wæøåé'\-]*(?:[ \t]+[A-ZÆØÅ][\wæøåé'\-]*)?)[ \t]+(?:gard|gård)(?!\w)"
    rf"(?:[ \t]+(?:nr\.?[ \t]*)?\d{{1,4}}(?!\d))?{_POSTPLACE}"
)
# "bur hjå far på Lundgard, Fluberg": a farm or a house named after "på", then a comma and a
# known place (a village, a town): the place where a family lives
FARM_PLACE_RE = re.compile(
    r"på(?<![^\W\d_]på)[ \t]+(?P<value>[A-ZÆØÅ][\wæøåé'\-]+[ \t]*,[ \t]*(?P<place>[A-ZÆØÅ][\wæøåé\-]+))"
)
POSTBOX_RE = re.compile(
    r"(?<![\w])(?:[Pp]ostboks|[Pp]ostb\.|[Pp]b\.?|P\.?[ \t]?O\.?[ \t]?[Bb]ox)[ \t]*\d{1,5}(?!\d)"
    # "Postboks 322 Sentrum, 2402 Elverum": the place of the box office, then postcode and place
    r"(?:[ \t]+(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Jeg|Eg|Og|Men|Som|Til|Fra|Frå|Med)(?!\w))"
    r"[A-ZÆØÅ][\wæøå\-]+(?:(?=[ \t]*,?[ \t]*\d{4}[ \t])|(?![ \t]+[a-zæøå])))?"
    rf"{_POSTPLACE}"
)
ADDRESS_LABEL_RE = re.compile(
    r"(?i:\b(?:adresse|adressa|adr\.|postadresse|bostedsadresse|bustadadresse|address))[ \t]*:[ \t]*"
    r"(?P<value>[^\n;]+?)[ \t]*(?=$|[\n;]|,?[ \t]+(?i:tlf|telefon|mobil|e-post|epost|e-mail|email)\b)",
    re.MULTILINE,
)
ADDRESS_LIVES_RE = re.compile(
    r"(?i:\b(?:bor|bur|bodde|budde|bosatt|busett|flyttet|flytta|flytter|flyttar|lives)[ \t]+(?:i|på|til|at))[ \t]+"
    # "bur på Stensby, 2340 Løten": a place with a postcode is an address, number or not
    r"(?P<value>(?:[A-ZÆØÅ][\wæøåé'\-]*[ \t]+)?[A-ZÆØÅ][\wæøåé'\-]*[ \t]*,?[ \t]*\d{4}[ \t]+"
    r"(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Dette|Jeg|Eg|Og|Men|Som|Da|Då|Etter|Før|Nå|No)(?!\w))"
    r"[A-ZÆØÅ][\wæøå\-]+"
    rf"|{_QUALIFIER}[A-ZÆØÅ][\wæøåé.'\-]*(?:[ \t]+[A-ZÆØÅa-zæøå][\wæøåé.'\-]*){{0,2}}"
    # "flyttet til Norge i 2015": a year is no house number
    rf"[ \t]+(?!(?:19|20)\d\d(?!\d)){_HOUSE}{_POSTPLACE}"
    rf"|{_QUALIFIER}[A-ZÆØÅ][\wæøåé'\-]*?{_STREET_SUFFIX}(?![\w]))"
)

# --------------------------------------------------------------------------- the scrubber


def _valid_id(digits: str) -> str | None:
    """'checksum' for a valid fødselsnummer/D-/H-number, 'synthetic' for a test number, else None."""
    if len(digits) != 11:
        return None
    if digits.isascii() and not _check_digits_ok(digits):
        return None  # the cheap test first: stdnum and the synthetic rule check the same two digits
    from stdnum.no import fodselsnummer  # imported only when a candidate turns up

    if fodselsnummer.is_valid(digits):
        return "checksum"
    month = int(digits[2:4])
    if 81 <= month <= 92:  # synthetic numbers (month + 80) used by test registers
        return "synthetic" if _check_digits_ok(digits) else None
    return None


def _date_digits(day: int, month: int) -> bool:
    """Day and month of an identity number: plain, D-number (day + 40), H-number (month + 40),
    synthetic test number (month + 80)."""
    if day > 40:
        day -= 40
    for offset in (0, 40, 80):
        if 1 <= month - offset <= 12:
            return 1 <= day <= 31
    return False


def _dated_id(digits: str) -> bool:
    """An 11-digit number whose first six digits are a date (DDMMYY): an identity number, whatever
    its check digits."""
    return len(digits) == 11 and _date_digits(int(digits[:2]), int(digits[2:4]))


def _foreign_date(digits: str) -> bool:
    """The date part of a Swedish (YYMMDD, YYYYMMDD) or Danish (DDMMYY) number is a date."""
    if len(digits) == 12:
        return digits[:2] in ("19", "20") and 1 <= int(digits[4:6]) <= 12 and 1 <= int(digits[6:8]) <= 91
    if len(digits) != 10:
        return False
    a, b, c = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    swedish = 1 <= b <= 12 and 1 <= c <= 91  # samordningsnummer: day + 60
    danish = 1 <= a <= 31 and 1 <= b <= 12
    return swedish or danish


def _check_digits_ok(digits: str) -> bool:
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k1 = (11 - sum(w * int(d) for w, d in zip(w1, digits, strict=False))) % 11
    k2 = (11 - sum(w * int(d) for w, d in zip(w2, digits, strict=False))) % 11
    return str(k1) == digits[9] and str(k2) == digits[10]


class Spans:
    """Accepted spans, kept sorted and non-overlapping (bisect, so 1 MB stays fast)."""

    def __init__(self, protected: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.items: list[tuple[int, int, str, str]] = []
        for s, e in protected:
            self._insert((s, e, "", ""))

    def _insert(self, item: tuple[int, int, str, str]) -> None:
        i = bisect_left(self.starts, item[0])
        self.starts.insert(i, item[0])
        self.items.insert(i, item)

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        # the span starting before `end` with the greatest start is the only one that can overlap
        # from the left, as spans never overlap each other
        return not (i and self.items[i - 1][1] > start)

    def add(self, start: int, end: int, kind: str, reason: str) -> bool:
        if start >= end or not self.free(start, end):
            return False
        self._insert((start, end, kind, reason))
        return True

    def widen(self, start: int, end: int, kind: str, reason: str) -> bool:
        """Add the span, or, when it overlaps one accepted span of the same kind alone, make that
        one cover both: " 20 00 00 10 0000" is one number whether read from the left or the right."""
        if self.add(start, end, kind, reason):
            return True
        i = bisect_left(self.starts, end)
        hits = [j for j in range(max(0, i - 2), min(len(self.items), i + 1))
                if self.items[j][0] < end and self.items[j][1] > start]
        if len(hits) != 1 or self.items[hits[0]][2] != kind:
            return False
        j = hits[0]
        old_start, old_end, _, old_reason = self.items.pop(j)
        self.starts.pop(j)
        new = (min(start, old_start), max(end, old_end))
        if not self.free(*new):
            self._insert((old_start, old_end, kind, old_reason))
            return False
        self._insert((new[0], new[1], kind, old_reason))
        return True

    def replaced(self) -> list[tuple[int, int, str, str]]:
        return [item for item in self.items if item[2]]

    def blocked(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _, _ in self.items]


_DIGIT_GROUP_BEFORE = re.compile(r"\d+[ .\-]\Z")
_DIGIT_GROUP_AFTER = re.compile(r"[ .\-]\d+")
# the minutes of a time before a number's first digit ("14.00 41 23 45 67" holds no "0041")
_MINUTES_BEFORE = re.compile(r"\d[.:]\Z")
# a time of day right before a number: "ring etter kl 15 93441208" (the hour is no part of the
# phone), "kl. 14.00 41 23 45 67" (nor are the minutes)
_CLOCK_WORD = r"(?<!\w)(?i:kl\.?|klokka|klokken)[ \t]*"
_CLOCK_IN_NUMBER = re.compile(
    _CLOCK_WORD + r"(?P<time>\d{1,2}[.:]\d{2}(?:[\-–]\d{1,2}[.:]\d{2})?)[ \t]+(?=\d)"
)
_CLOCK_BEFORE = re.compile(_CLOCK_WORD + r"\d{1,2}(?:[.:]\d{2})?(?:[\-–]\d{1,2}(?:[.:]\d{2})?)?[ \t]+\Z")


def _digit_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a phone span over digit groups joined to it by one space, dot or hyphen.

    "0000 2000 0000" holds a phone number somewhere; which eight digits it is cannot be known,
    so all of it goes; not a time of day before it ("kl 15 93441208").
    """
    while not _CLOCK_BEFORE.search(text, max(0, start - 20), start):
        m = _DIGIT_GROUP_BEFORE.search(text, max(0, start - 20), start)
        if not m or (m.start() > 0 and text[m.start() - 1].isalnum()):
            break
        start = m.start()
    while True:
        m = _DIGIT_GROUP_AFTER.match(text, end)
        if not m or (m.end() < len(text) and text[m.end()].isalnum()):
            break
        end = m.end()
    # a number that took the minutes of a time of day ("kl. 14.00 41 23 45 67"): the time stays
    clock = _CLOCK_IN_NUMBER.search(text, max(0, start - 12), end)
    if clock and clock.start() < start < clock.end("time") and sum(c.isdigit() for c in text[clock.end() : end]) >= 8:
        start = clock.end()
    return start, end


def _is_year_or_time_pair(body: str) -> bool:
    digits = re.sub(r"\D", "", body)
    if len(digits) != 8 or not re.fullmatch(r"\d{4}[ .\-]?\d{4}", body):
        return False
    a, b = int(digits[:4]), int(digits[4:])
    # a period such as "2024-2027", or a case or reference number written year-number
    # ("Saksnr. 2025-1234"): nobody writes a Norwegian phone number 4-4 with a hyphen starting
    # with a year. "20251234" or "2025 1234" could be a phone number, and a phone number left in
    # is worse than a reference replaced; after "tlf" … the labelled rule takes it first.
    years = "-" in body and 1900 <= a <= 2099
    # opening hours such as "0830-1600"; a Norwegian phone number never starts with 0 or 1,
    # so a range from 20:00 on could be one and is left to the phone rule
    times = a < 2000 and a % 100 < 60 and b // 100 < 24 and b % 100 < 60 and "-" in body
    return years or times


_BIRTH_KEYS = (
    "født",
    "fødd",
    "fodt",
    "fødsels",
    "fodsels",
    "fdato",
    "bursdag",
    "fyll",
    "dob",
    "born",
    "birthday",
    "date of birth",
    "f.",
)
_PHONE_KEYS = ("tlf", "tel", "telefon", "mobil", "mob", "phone", "sms", "ring", "nås på", "treffes på")
_ADDRESS_LABEL_KEYS = ("adresse", "adressa", "adr.", "postadresse", "bostedsadresse", "bustadadresse", "address")
_LIVES_KEYS = ("bor ", "bur ", "bodde ", "budde ", "bosatt ", "busett ", "flytt", "lives ")
_POSTBOX_KEYS = ("postboks", "postb.", "pb", "p.o", "po box")
# ("vn." of "Trysilvn." but not of "navn.", "havn.": the lookbehind goes, ADDRESS_RE keeps it)
_STREET_WORD_ENDINGS = tuple(
    ending.removeprefix("(?<!a)") for ending in _STREET_SUFFIX.strip("(?:)").replace("\\.", ".").split("|")
)
# a lower-case street shortened without its full stop ("hamarvn 4a"): tried as a street only by
# LOWER_STREET_RE, whose look-behind keeps "navn 12" and "havn 3" out
_LOWER_STREET_WORD_ENDINGS = ("vn",)
_HOUSE_NUMBER_STREET_ENDINGS = _STREET_WORD_ENDINGS + _LOWER_STREET_WORD_ENDINGS


# street-like endings that ordinary nouns share ("Endring", "Vurdering", "Parkeringsplass"):
# such a word and a number make an address only with other evidence
_WEAK_STREET_ENDINGS = ("ring", "ringen", "plass")
_KIN_AT_HOME = (
    r"(?:mor|mora|moren|far|faren|mamma|pappa|tante|tanta|onkel|onkelen|bestemor|bestefar|besteforeldre"
    r"|besteforeldrene|besteforeldra|mormor|morfar|farmor|farfar|fosterforeldre|fosterforeldrene)"
)
_POSTCODE_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*\d{4}[ \t]+[A-ZÆØÅ]")
_ADDRESS_CUE_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:(?:bor|bur|bodde|budde|bodd|budd|bosatt|busett|flytta|flyttet|flytter|flyttar|lives)"
    # "bor hos far i …", "Hos mor i Bakken 11 er …": the home of whom the child stays with
    rf"(?:[ \t]+hos[ \t]+{_KIN_AT_HOME})?|hos[ \t]+{_KIN_AT_HOME}"
    # "overnatta hjå nabokona Gerd i Lia 4", "sover hos kameraten Ali i …": whom one stays with, and where
    r"|(?:hos|hjå)[ \t]+[^\W\d_]+[ \t]+[A-ZÆØÅ][^\W\d_]*|adressen?"
    r"|adressa|adr\.|postadresse|bostedsadresse|bustadadresse|address)(?:[ \t]+(?:i|på|til|at|er|var))?)"
    r"[ \t]*:?[ \t]*$"
)


def _weak_street(words: list[str]) -> bool:
    """The street part is an ordinary noun that only ends like a street name."""
    last = words[-1].lower()
    if len(words) >= 2 and words[-2].lower().endswith("s"):
        return False  # "Wessels plass 2", "Youngs plass 1"
    return last.endswith(_WEAK_STREET_ENDINGS) or last in shipped_lists().words


def _address_evidence(text: str, m: re.Match[str]) -> bool:
    """A postcode after the number, or "bor i", "adresse:" … before the street."""
    house = re.match(r"[ \t]+\d{1,4}(?:[ \t]?[A-Ha-h](?!\w))?", text[m.end("street") : m.end()])
    if house and _POSTCODE_AFTER_RE.match(text, m.end("street") + house.end()):
        return True
    if _POSTCODE_AFTER_RE.match(text, m.end()):
        return True  # "Vestre vei 3, 2. etg., 2406 Elverum": after the floor
    return bool(_ADDRESS_CUE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()))


def _keyword_hits(low: str, keys: Iterable[str]) -> list[int]:
    """Start offsets of `keys` in the lower-cased text, at the start of a word (fast str.find)."""
    return sorted(i for key in keys for i in _all_finds(low, key)
                  if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "._"))


def _street_number_candidates(text: str) -> list[int]:
    """Offsets of house numbers that follow a word ending like a street name ("…veien 12")."""
    found = []
    for m in _at_digit_runs(_HOUSE_NUMBER_RE, text):  # a digit after a blank starts a run
        p = m.start()
        before = text[max(0, p - 40) : p - 1].rsplit(None, 2)  # the last two words are enough
        if len(before) > 1 and before[-1].lower() in ("nr", "nr."):  # "Storgata nr 5"
            before.pop()
        if before and before[-1].lower().endswith(_HOUSE_NUMBER_STREET_ENDINGS):
            found.append(p)
    return found


# a number after a word, or after an abbreviation's full stop ("Storgt. 5", "Storgata nr. 5")
_HOUSE_NUMBER_RE = re.compile(r"\d(?<=[^\W\d_][ \t]\d)|\d(?<=[^\W\d_]\.[ \t]\d)")


def fold_lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: fall back to ASCII folding
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def find_structured(text: str, spans: Spans, vocab: Vocab) -> str:
    """Add every identifier and address of `text` to `spans` (first found wins an overlap);
    returns the text in lower case, for the other finders."""
    low = fold_lower(text)
    if "sentralbord" in low or "servicetorg" in low:
        for board in _SWITCHBOARD_RE.finditer(text):
            spans.add(board.start("num"), board.end("num"), "", "")  # a service's switchboard is no person's phone
    find_identifiers(text, low, spans)
    if any(c in text for c in "0123456789"):
        _find_street_addresses(text, low, spans, vocab)
        for p in _keyword_hits(low, ("ul.", "al.", "os.", "pl.")):
            street = FOREIGN_STREET_RE.match(text, p)
            if street:
                spans.add(street.start(), street.end(), "address", "street")
    _find_farms(text, low, spans)
    _find_labelled_addresses(text, low, spans, vocab)
    if "borettslag" in low or "sameie" in low or "brl" in low:
        for flat in HOUSING_FLAT_RE.finditer(text):
            if flat.group("block") or flat.group("flat"):
                spans.add(flat.start(), flat.end(), "address", "flat")
    if any(c in text for c in "0123456789"):
        _find_cued_streets(text, low, spans, vocab)
        _address_tails(text, spans)
        # a farm before its postcode first: the postcode and place alone would take the place of it
        _find_places_before_postcodes(text, spans, vocab)
        _find_postcode_places(text, spans, vocab)
    _address_tails(text, spans)
    for cue in _PROPERTY_CUE_RE.finditer(low):  # one scan of the text for every cue
        m = PROPERTY_RE.match(text, cue.start())
        if m:
            # the farm's name right before its numbers goes with them: "Hov Gnr. 45 Bnr. 3"
            # (a place or a name, not an ordinary word: «Eiendom g.nr 12» keeps «Eiendom»)
            farm = _FARM_BEFORE_NUMBERS_RE.search(text, max(0, m.start() - 40), m.start())
            if farm is not None:
                lists, last = shipped_lists(), farm.group("farm").split()[-1].lower()
                if last not in lists.proper and (last in lists.lexicon or last in lists.words):
                    farm = None
            spans.add(farm.start() if farm else m.start(), m.end(), "address", "property")
    # last, so that a farm written with its street and postcode is one address already
    for p in _keyword_hits(low, ("garden ", "gården ", "gardsbruket ", "småbruket ")):
        named = FARM_NAMED_AFTER_RE.match(text, p)
        if named and named.group("farm").split()[-1].lower() not in shipped_lists().words:
            spans.add(named.start("farm"), named.end(), "address", "farm")  # "bur på garden Nordre Gihle"
    return low


_LOCAL_PART_HINT = re.compile(r"[._\d]")
_TWO_GAPS_RE = re.compile(r"\d \d{1,6} \d")


def _windows(text: str, hits: Iterable[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """The stretches of `text` from `before` characters before each hit to `after` after it,
    overlapping ones merged (the hits in text order)."""
    merged: list[list[int]] = []
    for start, end in hits:
        a, b = max(0, start - before), min(len(text), end + after)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _finditer_near(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """`pattern`'s matches in the `windows` of `text`, for a pattern that can only match near the
    hits the windows were made around: far cheaper than a scan of a long text. A match that ends
    closer than 3 characters to a window's end, where the text was cut, is left out (a cut can
    make a lookahead pass that the whole text would fail); the windows are wide enough that no
    real match comes that close."""
    found = []
    for a, b in windows:
        for m in pattern.finditer(text, a, b):
            if m.end() <= b - 3 or b == len(text):
                found.append(m)
    return found


def _matches_at_words(pattern: re.Pattern[str], text: str, low: str, words: Iterable[str]) -> list[re.Match[str]]:
    """`pattern`'s matches in `text`, for a pattern whose every match starts with one of `words`
    (in any case): tried only where `low` (the text in lower case) holds one of them, which is
    far cheaper than a scan of a long text and finds the same matches (non-overlapping, in text
    order, as finditer)."""
    return _matches_at(pattern, text, sorted({i for word in words for i in _all_finds(low, word)}))


def _matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """`pattern`'s matches in `text`, for a pattern whose every match starts at one of `starts`
    (in text order): tried only there, the same matches as finditer (non-overlapping, in text
    order), far cheaper than a scan of a long text."""
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m:
            found.append(m)
            end = max(m.end(), at + 1)  # an empty match is not tried again at the same place
    return found


_DIGITS_RE = re.compile(r"\d+")
# the last text, its runs of digits as (start, end), and the starts of its runs by their length
_last_digit_runs: list[object] = [None, [], {}]


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of digits in `text`; the last text's are kept, as each number
    pattern asks."""
    if _last_digit_runs[0] is not text:
        runs = [m.span() for m in _DIGITS_RE.finditer(text)]
        by_size: dict[int, list[int]] = {}
        for start, end in runs:
            by_size.setdefault(end - start, []).append(start)
        _last_digit_runs[:] = [text, runs, by_size]
    found: list[tuple[int, int]] = _last_digit_runs[1]  # type: ignore[assignment]
    return found


def _at_digit_runs(
    pattern: re.Pattern[str], text: str, size_fits: Callable[[int], bool] = lambda size: True
) -> list[re.Match[str]]:
    """`pattern`'s matches, for a pattern whose every match starts a run of digits (it opens with
    a digit and a look-behind that no digit stands before it), tried only at the runs whose
    length `size_fits`: the lengths the pattern's first group of digits can have."""
    _digit_runs(text)
    by_size: dict[int, list[int]] = _last_digit_runs[2]  # type: ignore[assignment]
    starts = sorted(chain.from_iterable(at for size, at in by_size.items() if size_fits(size)))
    return _matches_at(pattern, text, starts)


def _all_finds(text: str, needle: str) -> list[int]:
    """The start of every occurrence of `needle` in `text`, in text order (str.find)."""
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _literal_hits(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each of `needles` in `text`, in text order (str.find)."""
    return sorted((i, i + len(needle)) for needle in needles for i in _all_finds(text, needle))


def _odd_phones(text: str) -> list[re.Match[str]]:
    """PHONE_ODD_RE's matches, looked for only near digits with two gaps ("41 2345 67"): a
    match holds such a stretch and is at most 15 characters long, so a window of 20 characters
    either side of it holds the match and what its lookarounds read."""
    # a stretch opens with the last digit of a run
    gaps = _matches_at(_TWO_GAPS_RE, text, [end - 1 for _, end in _digit_runs(text)])
    windows = _windows(text, (m.span() for m in gaps), 20, 20)
    return _finditer_near(PHONE_ODD_RE, text, windows)


# the marks an e-mail address written to fool a robot holds instead of "@" (EMAIL_RE's
# alternatives, which are all lower case)
_EMAIL_AT_MARKS = ("(at)", "[at]", "(a)", "[a]", "alfakrøll", "krøllalfa")
# EMAIL_RE's match around its "@" or mark: the local part before it (80 characters are more than
# any address holds), the domain after it
_EMAIL_BEFORE, _EMAIL_AFTER = 80, 260


def find_identifiers(text: str, low: str, spans: Spans) -> None:
    """E-mail addresses, identity numbers, birth dates after a cue and phone numbers."""
    if " punktum " in low or " dot " in low or " prikk " in low:
        _find_spelt_emails(text, low, spans)  # first: "ola dot hansen krøllalfa …" goes whole
        _find_spelt_domains(text, low, spans)  # "kari at example dot no"
    # around each "@" or a mark for it ("mehmet.kaya(a)eksempel.com", "alfakrøll")
    marks = _literal_hits(text, ("@", *_EMAIL_AT_MARKS))
    if marks:
        for m in _finditer_near(EMAIL_RE, text, _windows(text, marks, _EMAIL_BEFORE, _EMAIL_AFTER)):
            spans.add(m.start(), m.end(), "email", "email")
    if " at " in low:  # "haider.rasul82 at eksempel dot no"
        at = low.find(" at ")
        while at != -1:
            begin = max(low.rfind(" ", 0, at), low.rfind("\n", 0, at)) + 1
            local = low[begin:at]
            if local and _LOCAL_PART_HINT.search(local):
                found = EMAIL_AT_RE.match(text, begin)
                if found:
                    spans.add(found.start(), found.end(), "email", "email")
            at = low.find(" at ", at + 4)
    if any(c in text for c in "0123456789"):
        # the first group of digits: "15.", "1503 ", "150381 ", all eleven, or more
        for m in _at_digit_runs(NATIONAL_ID_RE, text, lambda size: size in (2, 4, 6) or size >= 11):
            digits = re.sub(r"\D", "", m.group())
            if len(digits) == 12 and digits.startswith("0047") and digits[4] in "2345679":
                continue  # "004741234567": a phone number with the country code, found below
            reason = (_valid_id(digits) if len(digits) == 11 else None) or "digits"
            start, end = m.start(), m.end()
            if reason == "digits":
                # "000000 20000 000": a run of digit groups with no valid number in it holds a
                # number somewhere, as a phone's run does (`_digit_run`): all of it goes
                start, end = _digit_run(text, start, end)
            spans.add(start, end, "national_id", reason)
        for m in _at_digit_runs(NATIONAL_ID_LOOSE_RE, text):
            digits = re.sub(r"\D", "", m.group())
            # a dated number in the groupings of an identity number; after "+" it is an
            # international phone number ("+48 512 345 678")
            dated = (
                _dated_id(digits)
                and _ID_GROUPING_RE.fullmatch(m.group()) is not None
                and text[max(0, m.start() - 1) : m.start()] != "+"
            )
            valid = _valid_id(digits) or ("digits" if dated else None)
            if valid:
                start, end = _digit_run(text, m.start(), m.end()) if valid == "digits" else (m.start(), m.end())
                spans.add(start, end, "national_id", valid)
        for p in _keyword_hits(low, _FOREIGN_KEYS):
            cued = FOREIGN_ID_CUE_RE.match(text, p)
            if cued:
                spans.add(cued.start("id"), cued.end("id"), "national_id", "foreign")
        _find_document_numbers(text, low, spans)
        if "-" in text or "+" in text:
            for m in _at_digit_runs(FOREIGN_ID_RE, text, (6, 8).__contains__):  # the date before the hyphen
                if _foreign_date(re.sub(r"\D", "", m.group())):
                    spans.add(m.start(), m.end(), "national_id", "foreign")
        # a Danish CPR number written together ("0501101234"): ten digits whose first six are a
        # date (DDMMYY); no Norwegian phone or identity number has ten digits
        for m in _at_digit_runs(FOREIGN_ID_TOGETHER_RE, text, (10).__eq__):
            digits = m.group()
            if 1 <= int(digits[:2]) <= 31 and 1 <= int(digits[2:4]) <= 12:
                spans.add(m.start(), m.end(), "national_id", "foreign")
        for p in _keyword_hits(low, _NATIONAL_ID_KEYS):
            cued = NATIONAL_ID_CUE_RE.match(text, p)
            if cued:
                spans.add(cued.start("id"), cued.end("id"), "national_id", "digits")
        _find_cued_births(text, low, spans)
        if " år " in low or "turns " in low or "turned " in low:
            for m in _matches_at_words(AGE_REACHED_RE, text, low, _AGE_REACHED_VERBS):
                spans.add(m.start("date"), m.end("date"), "birth_date", "labelled")
        born = "born" in low
        child_six = "," in text and any(key in low for key in _CHILD_WORDS)
        if born or child_six:
            from datetime import date

            today_year = date.today().year
            for m in full_dates(text) if born else ():
                year = full_date_year(m, today_year) if _BORN_AFTER_RE.match(text, m.end()) else None
                if year is not None and year <= today_year:
                    spans.add(m.start(), m.end(), "birth_date", "labelled")
            for m in _matches_at_words(_CHILD_SIX_DIGITS_RE, text, low, _CHILD_SIX_OPENERS) if child_six else ():
                if six_digit_year(m.group("d"), today_year) < today_year:
                    spans.add(m.start("d"), m.end("d"), "birth_date", "after_name")
        if ("(" in text or "," in text) and any(key in low for key in _AGE_DATE_KEYS):
            this_year = 0
            for m in full_dates(text):
                j = m.start() - 1
                while j > 0 and text[j] in " \t":
                    j -= 1
                if j < 0 or text[j] not in "(,":
                    continue  # the cheap test first: an age is followed by a bracket or a comma
                if not AGE_BEFORE_DATE_RE.search(text, max(0, m.start() - 24), m.start()):
                    continue
                if not this_year:
                    from datetime import date

                    this_year = date.today().year
                year = full_date_year(m, this_year)
                if year is not None and year < this_year:
                    spans.add(m.start(), m.end(), "birth_date", "after_name")
        for p in _keyword_hits(low, _PHONE_KEYS):
            label = PHONE_LABEL_RE.match(text, p)
            if not label:
                continue
            num = label.group("num").rstrip(" .-(")
            count = sum(c.isdigit() for c in num)
            if _public_number(num):
                continue  # "Vi ringer 116 111": a helpline, never a person's phone
            if 5 <= count <= 15 and not re.fullmatch(r"\d{1,2}[.:]\d{2}", num) and not _FULL_DATE_RE.fullmatch(num):
                start = label.start("num")
                # the pattern stops after 20 characters: the digits that go on belong to it
                # ("tlf 0000) 0047 412 34 567")
                end = start + len(num)
                while end < len(text) and text[end].isdigit():
                    end += 1
                spans.add(*_digit_run(text, start, end), "phone", "labelled")
        if "47" in text:
            # the country code is within 6 characters before the number ("(+47) (0) 412 34 567")
            near_47 = _windows(text, _literal_hits(text, ("47",)), 8, 40)
            for m in _finditer_near(PHONE_NO_PREFIXED_RE, text, near_47):
                spans.add(m.start(), m.end(), "phone", "norwegian")
        # international numbers before the Norwegian groupings: "+45 20 12 34 56" is one Danish
        # number, not "+45" and a Norwegian 2-2-2-2
        # a match opens with "+" or with a "0" that starts a run of digits (no word character before it)
        # (not the minutes of a time: "kl. 14.00 41 23 45 67" is no "0041" for Switzerland)
        zeros = [start for start, _ in _digit_runs(text)
                 if text[start] == "0" and not _MINUTES_BEFORE.search(text, max(0, start - 3), start)]
        intl_starts = sorted([*_all_finds(text, "+"), *zeros])
        for m in _matches_at(PHONE_INTL_RE, text, intl_starts):
            count = sum(c.isdigit() for c in m.group())
            if 8 <= count <= 15:
                spans.add(m.start(), m.end(), "phone", "international")
        for m in _matches_at(PHONE_TRUNK_RE, text, zeros):
            if not 9 <= sum(c.isdigit() for c in m.group()) <= 12 or _FULL_DATE_RE.fullmatch(m.group()):
                continue
            if _REFERENCE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue
            if _MONEY_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _MONEY_AFTER.match(text, m.end()):
                continue
            spans.add(m.start(), m.end(), "phone", "international")
        if "47" in text:
            for m in PHONE_NO_CC_RE.finditer(text):
                if _REFERENCE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                    continue
                if _MONEY_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _MONEY_AFTER.match(text, m.end()):
                    continue
                spans.add(m.start(), m.end(), "phone", "norwegian")
        # the first group of a grouping ("41 23 45 67", "412 34 567", "4123 4567", "41234 567") or all eight
        for m in _at_digit_runs(PHONE_NO_RE, text, (2, 3, 4, 5, 8).__contains__):
            if _is_year_or_time_pair(m.group()):
                continue
            if " " in m.group() and (
                _MONEY_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _MONEY_AFTER.match(text, m.end())
            ):
                continue  # "kr 12 345 678", "41 234 567 kroner": an amount
            if _REFERENCE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue  # "Ref: 12345678", "saksnr. 2025 1234": a reference number
            spans.widen(*_digit_run(text, m.start(), m.end()), "phone", "norwegian")
        for m in _odd_phones(text):
            if m.group().count(" ") < 2:
                continue  # "4123 4567" and the usual groupings are found above
            if _MONEY_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _MONEY_AFTER.match(text, m.end()):
                continue
            if _REFERENCE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue
            spans.add(m.start(), m.end(), "phone", "norwegian")
    else:
        _find_cued_births(text, low, spans)  # "født tredje mars": a date in words, no digit in it


_AND_FULL_DATE_RE = re.compile(
    r"[ \t]*(?:,|og|and|&)[ \t]*(?P<date>\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2}))(?![\d./\-]?\d)"
)


def _find_cued_births(text: str, low: str, spans: Spans) -> None:
    """A date after a birth cue ("født 12.03.2015", "fødd tredje mars", "f. 3/4-16")."""
    for p in _keyword_hits(low, _BIRTH_KEYS):
        birth = BIRTH_RE.match(text, p)
        if birth and not _cohort_year(text, p, birth):
            spans.add(birth.start("date"), birth.end("date"), "birth_date", "labelled")
            # "Fødde 14.12.1988 og 02.07.1985": a second full date joined to it is a birth date too
            end = birth.end("date")
            while (more := _AND_FULL_DATE_RE.match(text, end)) is not None:
                spans.add(more.start("date"), more.end("date"), "birth_date", "labelled")
                end = more.end("date")


# "dei bur i lia 2": a street ending alone in lower case, its house number after "bor i", "bur på"
_BARE_STREETS = frozenset(
    {"bakken", "lia", "lii", "tunet", "haugen", "moen", "jordet", "sletta", "brekka", "kroken", "svingen", "ringen",
     "åsen"}
)
_LIVES_IN_BARE_STREET_RE = re.compile(
    r"(?i:(?<!\w)(?:bor|bur|bodde|budde|bodd|budd)[ \t]+(?:i|på))[ \t]+"
    rf"(?P<street>(?:{'|'.join(sorted(_BARE_STREETS))})[ \t]+{_HOUSE})"
)


# a room or a part of a building and its number: "Møte hos rektor Berg i Rom 3" is no address
_ROOM_WORDS = frozenset({"rom", "sal", "salen", "hus", "huset", "bygg", "bygget", "avdeling", "etasje", "møterom"})
# "sover hos kameraten Ali i Leiret 12", "Hjemmebesøk hos familien Haugen, Haugen 11": a place and a
# house number where one stays with someone
_STAYS_AT_NUMBER_RE = re.compile(
    r"(?i:hos|hjå)[ \t]+[^\W\d_]+(?:[ \t]+[A-ZÆØÅ][^\W\d_]*)?(?:[ \t]+(?:i|på)|[ \t]*,)[ \t]+"
    rf"(?P<street>(?P<place>[A-ZÆØÅ][\wæøåé'\-]+)[ \t]+{_HOUSE})"
)


def _find_street_addresses(text: str, low: str, spans: Spans, vocab: Vocab) -> None:
    for p in _keyword_hits(low, ("hos ", "hjå ")):
        stay = _STAYS_AT_NUMBER_RE.match(text, p)
        place = stay.group("place").lower() if stay else ""
        # a word in the list names no street, but the street endings used alone do ("Haugen 11")
        if stay and place not in _ROOM_WORDS and (place not in shipped_lists().words or place in _BARE_STREETS):
            spans.add(stay.start("street"), _lower_postplace_end(text, stay.end()), "address", "street")
    for p in _keyword_hits(low, ("bor ", "bur ", "bodde ", "budde ", "bodd ", "budd ")):
        bare = _LIVES_IN_BARE_STREET_RE.match(text, p)
        if bare:
            spans.add(bare.start("street"), _lower_postplace_end(text, bare.end()), "address", "street")
    for p in _keyword_hits(low, _POSTBOX_KEYS):
        box = POSTBOX_RE.match(text, p)
        if box:
            spans.add(box.start(), box.end(), "address", "postbox")
    for p in _street_number_candidates(text):
        for m in ADDRESS_RE.finditer(text, max(0, p - 70), min(len(text), p + 60)):
            if not (m.start() < p < m.end()):
                continue
            words = WORD_RE.findall(m.group("street"))
            if words and words[-1].lower() in vocab.singles:
                continue  # a vocabulary word followed by a number is not a street
            if words and _weak_street(words) and not _address_evidence(text, m):
                continue  # "Endring 3", "Parkeringsplass 4": a noun and a number
            if _office_before(text, m.start()):
                spans.add(m.start(), m.end(), "", "")  # a service's premises are nobody's home
                break
            spans.add(m.start(), _lower_postplace_end(text, m.end()), "address", "street")
            break
        else:
            for lower in LOWER_STREET_RE.finditer(text, max(0, p - 40), min(len(text), p + 60)):
                if lower.start() < p < lower.end():
                    # "gamle kongevei 3": the qualifier goes with the street, not checked as a word
                    street = lower.group("street").rsplit(None, 1)[-1]
                    if _lower_street(street, vocab) or _QUALIFIED_STREET_RE.fullmatch(lower.group("street")):
                        spans.add(lower.start(), _lower_postplace_end(text, lower.end()), "address", "street")
                    break


# "Skolevegen 8, 2850 lena": a postcode and its place written in lower case after an address
_LOWER_POSTPLACE_RE = re.compile(r"[ \t]*,?[ \t]*\d{4}[ \t]+([a-zæøå][a-zæøå\-]+)(?![\w])")
# "hamarvn 4a 2406.": a postcode alone after an address, at the end of a sentence or a line (not a
# year: 1900–2099 are left, as "Storgata 5 2024" is too)
_BARE_POSTCODE_RE = re.compile(r"[ \t]*,?[ \t]*(\d{4})(?![\d\w])(?=[ \t]*(?:[.;!?)]|\r?\n|$))")


def _lower_postplace_end(text: str, end: int) -> int:
    """The end of an address, with a postcode and a lower-case place after it when one follows
    (a place that is no ordinary word: "2850 lena", not "2000 elever")."""
    m = _LOWER_POSTPLACE_RE.match(text, end)
    if m is None:
        bare = _BARE_POSTCODE_RE.match(text, end)
        if bare is not None and not 1900 <= int(bare.group(1)) <= 2099:
            return bare.end(1)
        return end
    lists = shipped_lists()
    place = m.group(1)
    if place in lists.words and place not in lists.proper and place not in lists.names:
        return end
    return m.end()


# "gnr 12 bnr 3", "gnr. 12/3", "g.nr 12, b.nr 3", "gårdsnummer 12, bruksnummer 3": the farm and
# title numbers of a property identify a home as a street address does
PROPERTY_RE = re.compile(
    r"(?<![\w.])(?i:g\.?[ \t]?nr|gårdsnr|gardsnr|gårdsnummer|gardsnummer)\.?[ \t]*\d{1,4}(?!\d)"
    r"(?:[ \t]*/[ \t]*\d{1,4}(?:[ \t]*/[ \t]*\d{1,4})?"
    r"|[ \t]*,?[ \t]*(?:og[ \t]+)?(?i:b\.?[ \t]?nr|bruksnr|bruksnummer)\.?[ \t]*\d{1,4}(?!\d))?"
    r"(?:[ \t]*,?[ \t]*(?i:f\.?[ \t]?nr|s\.?[ \t]?nr|festenr|seksjonsnr)\.?[ \t]*\d{1,4}(?!\d))?"
)

# a capitalised word (or two) right before a property's numbers, not after a full stop
_FARM_BEFORE_NUMBERS_RE = re.compile(
    r"(?<![\w.])(?P<farm>[A-ZÆØÅ][a-zæøå]+(?:[ \t][A-ZÆØÅ][a-zæøå]+)?)"
    # "Hov søndre, gnr. 88 bnr. 3": the farm's part by its direction, then a comma
    r"(?:[ \t]+(?:søndre|nordre|østre|vestre|øvre|nedre|søre|austre|midtre|mellom))?[ \t]*,?[ \t]+\Z"
)
_PROPERTY_CUE_RE = re.compile(r"g(?<![\w.]g)(?:\.?[ \t]?nr|[aå]rdsn)")

# "Kontakt skolen: sentralbord 62 56 40 00": the number of a service's switchboard, said so
_SWITCHBOARD_RE = re.compile(
    r"(?i:sentralbord(?:et)?|servicetorg(?:et)?)(?:[ \t]+(?i:på|er|til|tlf\.?))?[ \t]*:?[ \t]*"
    r"(?P<num>(?:\+47[ \t]?)?\d{2}(?:[ \t]?\d{2}){3})(?!\d)"
)
# the public numbers that are never a person's phone: emergency (110, 112, 113), the helplines
# for children and for violence (116 111, 116 006, 116 117 legevakt), and 02800 (Alarmtelefonen)
_PUBLIC_NUMBERS = frozenset({"110", "112", "113", "116111", "116117", "116006", "116123", "02800"})


def _public_number(num: str) -> bool:
    return "".join(c for c in num if c.isdigit()) in _PUBLIC_NUMBERS


# "kari punktum nordmann at example.invalid", "ola dot hansen krøllalfa eksempel punktum no": an
# e-mail address spelt out, with a spelt dot in the part before "at"
EMAIL_SPELT_RE = re.compile(
    r"(?<![\w.+\-])[\w+\-]+(?:[ \t]+(?i:punktum|dot|prikk)[ \t]+[\w+\-]+)+"
    r"[ \t]+(?i:at|krøllalfa|alfakrøll)[ \t]+"
    rf"[\w\-]+(?:{_EMAIL_DOT}[\w\-]+)*{_EMAIL_DOT}[^\W\d_]{{2,}}(?![^\W\d])",
)


_SPELT_DOTS = ("punktum ", "dot ", "prikk ")


def _find_spelt_emails(text: str, low: str, spans: Spans) -> None:
    if " at " not in low and "krøllalfa" not in low and "alfakrøll" not in low:
        return
    last = -1
    for p in _keyword_hits(low, _SPELT_DOTS):
        # the address stands around a spelt dot: look only there
        for m in EMAIL_SPELT_RE.finditer(text, max(last, p - 80), min(len(text), p + 200)):
            spans.add(m.start(), m.end(), "email", "email")
            last = m.end()


# "kari at example dot no": a bare "at" after a one-word local part, when the dot before the
# top-level domain is spelt out too ("sa at skolen.no" and "sa at nok, punktum" are sentences)
EMAIL_AT_SPELT_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+[ \t]+at[ \t]+[\w\-]+(?:[ \t]+(?:punktum|dot|prikk)[ \t]+[\w\-]+)*"
    r"[ \t]+(?:punktum|dot|prikk)[ \t]+(?:no|com|net|org|se|dk|fi|is|de|uk|eu|nu|io|info|invalid)(?![^\W\d])",
    re.IGNORECASE,
)


def _find_spelt_domains(text: str, low: str, spans: Spans) -> None:
    """Looked for only before a spelt dot, where such an address can stand."""
    if " at " not in low:
        return
    last = -1
    for p in _keyword_hits(low, _SPELT_DOTS):
        at = low.rfind(" at ", max(0, p - 80), p)
        if at < 0 or at < last:
            continue
        begin = max(low.rfind(" ", 0, at), low.rfind("\n", 0, at), low.rfind("\t", 0, at)) + 1
        m = EMAIL_AT_SPELT_RE.match(text, begin)
        local = low[begin:at]
        # "sa at skolen dot no": a verb or a small word before "at" makes it the conjunction
        conjunction = local in FUNCTION_WORDS or local in HUMAN_VERBS or local in SUBJECT_VERBS
        if m and m.end() > at and not conjunction:
            spans.add(m.start(), m.end(), "email", "email")
            last = m.end()


def _lower_street(word: str, vocab: Vocab) -> bool:
    """A lower-case word with a street ending is a street unless it is an ordinary word."""
    return word not in shipped_lists().words and word not in vocab.singles and "-" not in word.strip("-")


def _find_farms(text: str, low: str, spans: Spans) -> None:
    if "på " in low:
        lists = shipped_lists()
        for m in FARM_PLACE_RE.finditer(text):
            p = m.start()
            before = low[max(0, p - 40) : p]
            if not any(key in before for key in _LIVES_KEYS):
                continue  # "møttes på Kremmerhuset, Hamar" is a meeting place
            farm = WORD_RE.findall(m.group("value"))[0].lower()
            place = m.group("place").lower()
            # the place is a known one and the name before it is neither a place nor a word
            if place in lists.proper and farm not in lists.proper and farm not in lists.words:
                spans.add(m.start("value"), m.end("value"), "address", "farm")
    if "gard" not in low and "gård" not in low:
        return
    for p in _keyword_hits(low, ("gard", "gård")):
        for m in FARM_RE.finditer(text, max(0, p - 60), min(len(text), p + 60)):
            if not m.start() < p < m.end():
                continue
            words = WORD_RE.findall(m.group("street"))
            if words and not all(w.lower() in _FUNCTION_CAPS for w in words):
                # the direction in lower case before it is part of the farm's name ("nedre Hoel gard")
                qualifier = _LOWER_QUALIFIER_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())
                spans.add(qualifier.start() if qualifier else m.start(), m.end(), "address", "farm")
            break


# "Ho bur på garden Nordre Gihle saman med far": the farm's name after the word for the farm
FARM_NAMED_AFTER_RE = re.compile(
    r"(?i:garden|gården|gardsbruket|småbruket)[ \t]+"
    rf"(?P<farm>{_QUALIFIER}(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Jeg|Eg|Og|Men|Som)(?!\w))[A-ZÆØÅ][\wæøåé'\-]+"
    r"(?:[ \t]+[A-ZÆØÅ][\wæøåé'\-]+)?)"
    rf"{_POSTPLACE}"
)
_LOWER_QUALIFIER_BEFORE_RE = re.compile(
    r"(?<![\w])(?:nedre|øvre|søndre|søre|nordre|vestre|østre|austre|store|lille|vesle)[ \t]+\Z"
)
# capitalised words before "gård" that do not name a farm ("Den gården", "På gård …")
_FUNCTION_CAPS = frozenset(
    [
        "den",
        "det",
        "denne",
        "dette",
        "en",
        "ei",
        "et",
        "ein",
        "eit",
        "på",
        "i",
        "til",
        "fra",
        "frå",
        "ved",
        "vår",
        "min",
        "din",
        "hans",
        "hennes",
    ]
)


# a sentence after the address on the line of its label: a full stop after a number or a word
# of three letters or more (not "St. Olavs gate", "Storgata 3 B. Inngang bak"), then a
# capitalised word and a word in lower case
_SENTENCE_AFTER_ADDRESS_RE = re.compile(
    # "… Løten. Anbefaler Oppfølgingstjenesten …": a sentence after it, whatever its second word
    r"(?<![^\W\d_])(?P<last>\d+|[^\W\d_]{3,})[.!?](?=[ \t]+(?:[A-ZÆØÅ][a-zæøå]*[ \t]+[a-zæøå]"
    r"|[A-ZÆØÅ][a-zæøå]{3,}[ \t]+[A-ZÆØÅ][a-zæøå]))"
)
# a place after a comma at the very end of a labelled address: ", elverum", ", Elverum."
_PLACE_TAIL_RE = re.compile(r"\d[A-Za-z]?[ \t]*,[ \t]*(?P<place>[^\W\d_][\wæøå\-]*)[ \t]*\.?\Z")
_ABBREVIATIONS = frozenset({"gt", "pb", "pr", "nr", "bl.a", "ca", "evt", "inkl", "ref", "vedr", "postb", "att"})


def _find_labelled_addresses(text: str, low: str, spans: Spans, vocab: Vocab) -> None:
    for p in _keyword_hits(low, _ADDRESS_LABEL_KEYS):
        label = ADDRESS_LABEL_RE.match(text, p)
        if not label:
            continue
        value = label.group("value")
        stop = _SENTENCE_AFTER_ADDRESS_RE.search(value)
        if stop and stop.group("last").lower() not in _ABBREVIATIONS:
            value = value[: stop.end("last")]  # "Adresse: STORGATA 12 B, 2408 ELVERUM. Far skrev den selv …"
        if any(c.isdigit() for c in value) or any(w[0].isupper() for w in WORD_RE.findall(value)):
            start, end = label.start("value"), label.start("value") + len(value)
            if not spans.add(start, end, "address", "labelled"):
                # its street found first: the place after a comma goes with it ("adresse:
                # hagevegen nr 4, elverum"), not what follows the address
                tail = _PLACE_TAIL_RE.search(text, start, end)
                if tail is not None:
                    spans.widen(start, tail.end("place"), "address", "labelled")
    for p in _keyword_hits(low, _LIVES_KEYS):
        m = ADDRESS_LIVES_RE.match(text, p)
        if not m:
            _postcode_home(text, p, spans)
            _qualified_home(text, p, spans, vocab)
            continue
        value = m.group("value")
        if not any(c.isdigit() for c in value):
            words = WORD_RE.findall(value)
            if not words or words[-1].lower() in vocab.singles:
                continue
            if len(words) == 1 and words[0].lower() in shipped_lists().proper:
                continue  # "far bor i Somalia", "flytta til Italia": a country or a town
        spans.add(m.start("value"), m.end("value"), "address", "labelled")


# a postcode and its place set off after a comma, at the start of a line or after "til", "i",
# "på" … ("Øvre Bjørnstad, 2861 Landåsbygda", "sendt til 2870 Dokka"): an address whatever the
# place, known or not
POSTCODE_PLACE_RE = re.compile(
    r"\d(?<![\w.,:/\-]\d)\d{3}(?![\d.,:/\-])[ \t]+(?P<place>[A-ZÆØÅ][\wæøå\-]+)(?:[ ][A-ZÆØÅ][\wæøå\-]+)?"
)
_POSTCODE_BEFORE_RE = re.compile(r"(?:(?P<comma>,)|^|\n|(?i:(?<![^\W\d_])(?:til|i|på|fra|frå|ved)))[ \t]*\Z")
_PLACE_END_RE = re.compile(r"[ \t]*(?:$|[\n\r.,;:!?)»\"])")
# "Søndre Land kommune, 2860 Hov", "org.nr. 974 123 456, 2408 Elverum", "Terningen Arena, 2406
# Elverum": the postal place of a municipality, a firm or a building people meet in is nobody's home
_ORGANISATION_BEFORE_RE = re.compile(
    r"(?:(?i:(?<![^\W\d_])(?:fylkes)?kommunen?|org\.?[ \t]*nr\.?:?[ \t]*\d{3}[ \t]?\d{3}[ \t]?\d{3}|arena|hallen?"
    r"|senter(?:et)?|rådhus(?:et)?|skole|skule|barnehage|helsestasjon(?:en)?|sjukehus(?:et)?|sykehus(?:et)?|kirke"
    r"|kyrkje|bibliotek(?:et)?)|[ \t](?:AS|ASA|SA|IL|BA))[ \t]*\Z"
)
# "uke 12, 2026", "12. mars, 2026": what a year follows
_WEEK_OR_DATE_BEFORE_RE = re.compile(
    rf"(?i:(?:uke|veke|week)[ \t]+\d{{1,2}}|\d{{1,2}}\.?[ \t]*{_MONTHS}|{_MONTHS})[ \t]*\Z"
)


def _ends_as_place(text: str, m: re.Match[str], vocab: Vocab) -> bool:
    """The capitalised word after a postcode (`m` ends with it) can be its place: a known place, a
    word no lexicon knows, or an ordinary word that ends the phrase ("2864 Fall.")."""
    lists = shipped_lists()
    place = next(w for w in WORD_RE.findall(m.group()) if not w.isdigit()).lower()
    known = place in lists.proper or place in vocab.singles
    return known or place not in lists.lexicon or bool(_PLACE_END_RE.match(text, m.end()))


def _find_postcode_places(text: str, spans: Spans, vocab: Vocab) -> None:
    lists = shipped_lists()
    for m in _at_digit_runs(POSTCODE_PLACE_RE, text, (4).__eq__):
        before = _POSTCODE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        if before is None:
            continue
        place = m.group("place").lower()
        if place in FUNCTION_WORDS or place in SUBJECT_VERBS or re.fullmatch(_MONTHS, place):
            continue  # "i 2861 De …" is no place
        known = place in lists.proper or place in vocab.singles
        if place in lists.words and not known:
            continue  # "til 2000 Elever": a count and a word
        if not _ends_as_place(text, m, vocab):
            continue  # ", 0830 Lunsj med foreldra": a time and a word ("Lundgard, 2864 Fall." is a place)
        if 1900 <= int(m.group()[:4]) <= _this_year() + 1 and (
            not (before.group("comma") and known and _PLACE_END_RE.match(text, m.end()))
            or _WEEK_OR_DATE_BEFORE_RE.search(text, max(0, before.start() - 20), before.start())
        ):
            continue  # "flyttet hit i 2019 Løten var ny", "møte i uke 12, 2026 Hamar": a year
        if before.group("comma") and _ORGANISATION_BEFORE_RE.search(text, max(0, before.start() - 40), before.start()):
            continue
        spans.add(m.start(), m.end(), "address", "labelled")


# "bor hos far på Nordre Bjørnstad", "bur på Lille Bakken": a place named with a direction or a
# size after living at it is where a family lives (a municipality such as "Vestre Toten" or
# "Nordre Land" is a known place and stays); "Nordre [name]" anywhere is one too, found where
# the scanner finds the name (`qualified_place`)
_QUALIFIERS = r"(?:Nordre|Søndre|Søre|Østre|Austre|Vestre|Øvre|Nedre|Midtre|Ytre|Indre|Store|Lille|Vesle)"
QUALIFIED_HOME_RE = re.compile(
    r"(?i:bor|bur|bodde|budde|bosatt|busett)(?:[ \t]+[^\W\d_]+){0,3}?[ \t]+(?:på|i)[ \t]+"
    rf"(?P<value>{_QUALIFIERS}[ \t]+(?P<w>[A-ZÆØÅ][\wæøåé'\-]+))"
)
_DIRECTION_BEFORE_RE = re.compile(
    r"(?<![\w])(?:Nordre|Søndre|Søre|Østre|Austre|Vestre|Øvre|Nedre|Midtre|Ytre|Indre)[ \t]+\Z"
)


_AT_FARM_RE = re.compile(r"(?<![^\W\d_])(?i:på)[ \t]+\Z")


def _qualified_home(text: str, p: int, spans: Spans, vocab: Vocab) -> None:
    m = QUALIFIED_HOME_RE.match(text, p)
    if m is None:
        return
    w = m.group("w").lower()
    lists = shipped_lists()
    if w in vocab.singles:
        return  # "bor på Vestre Toten", "bur i Nordre Land": a municipality
    if w in lists.proper and not (
        # a place that is a word too, as farm names are, with a direction after living «på» it is
        # a farm ("bor på Øvre Hov", "bor hos far på Nordre Nes"); not a town ("bor i Ytre Hvaler")
        (w in lists.words or w in lists.lexicon)
        and _AT_FARM_RE.search(text, m.start(), m.start("value")) is not None
    ):
        return
    spans.add(m.start("value"), m.end("value"), "address", "farm")


def qualified_place(text: str, start: int) -> int:
    """Where a direction before the name at `start` begins ("Nordre Bjørnstad": a farm or a
    place, an address rather than "Nordre [NAVN]"), or -1."""
    if start < 5 or text[start - 1] not in " \t" or text[start - 2] != "e":
        return -1  # every direction ends in "e": the cheap test first
    m = _DIRECTION_BEFORE_RE.search(text, max(0, start - 10), start)
    return m.start() if m else -1


# "de fleste født i 2025", "alle barn født i 2019", "mange av elevane er fødde i 2012": the year of
# a group counted together is a cohort, nobody's date of birth (a day or a month with it, or a
# person before it, "Ola er født i 2015", "begge er født i 2016", stays a birth date)
_COHORT_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:(?:de|dei)[ \t]+fleste|alle|mange|flere|fleire|ingen|halvparten|flertallet|fleirtalet"
    r"|majoriteten|kullet|årskullet|barnekullet|most|many|several|all|none|half)"  # "most children born in 2015"
    r"(?:[ \t]+(?:av|blant|of)[ \t]+[^\W\d_]+)?(?:[ \t]+[^\W\d_]+)?(?:[ \t]+(?:som|er|var|blir|ble|vert|vart"
    r"|who|are|were)){0,2})"
    r"[ \t]+\Z"
)
_BARE_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _cohort_year(text: str, cue: int, birth: re.Match[str]) -> bool:
    return _BARE_YEAR_RE.fullmatch(birth.group("date")) is not None and bool(
        _COHORT_BEFORE_RE.search(text, max(0, cue - 50), cue)
    )


# "gamal adresse Kroken 4", "Adressa i medlemslista: Kroken 4": a street without a street's ending
# ("Kroken", "Tunet", "Bakken" are endings alone) is an address with a house number after a word
# for an address
ADDRESS_CUE_STREET_RE = re.compile(
    r"(?i:adressen?|adressa|adr\.?|postadresse|bostedsadresse|bustadadresse|gateadresse|address)"
    # "adressa i medlemslista: …", "adressen til Kari er …"
    r"(?:(?:[ \t]+[^\W\d_]+){0,3}?(?:[ \t]*:|[ \t]+(?i:er|var|blir|vert|til|i|på)(?![\w])))?[ \t]+"
    rf"(?P<value>{_QUALIFIER}[A-ZÆØÅ][\wæøåé'\-]*(?:[ \t]+[A-ZÆØÅ][\wæøåé'\-]*){{0,2}}"
    rf"[ \t]+(?!(?:19|20)\d\d(?!\d)){_HOUSE}{_POSTPLACE})"
)


def _find_cued_streets(text: str, low: str, spans: Spans, vocab: Vocab) -> None:
    for p in _keyword_hits(low, ("adress", "adr.", "postadresse", "bostedsadresse", "bustadadresse", "gateadresse")):
        m = ADDRESS_CUE_STREET_RE.match(text, p)
        if m is None:
            continue
        words = WORD_RE.findall(m.group("value"))
        if words and words[0].lower() not in vocab.singles and words[0].lower() not in _FUNCTION_CAPS:
            spans.add(m.start("value"), _lower_postplace_end(text, m.end("value")), "address", "street")


# "Kroken 4, 2340 Løten", "Øvre Prøverud, 2345 Ådalsbruk", "Prøverud, 2345 Ådalsbruk": a street
# with a house number, or a farm or a place (with a comma), before a postcode and its place is an
# address whatever its ending; a word that is an ordinary word or a known place needs the number
# or a direction ("Hjemmebesøk, 2345 Ådalsbruk" is a heading)
_POSTCODE_PLACE_RE = re.compile(
    r"\d(?<![\w.,]\d)\d{3}(?=[ \t]+"
    r"(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Dette|Jeg|Eg|Og|Men|Som|Da|Då|Etter|Før|Nå|No)(?!\w))"
    r"[A-ZÆØÅ][\wæøå\-]+)"
)
_PLACE_BEFORE_POSTCODE_RE = re.compile(
    rf"(?<![\w.])(?<!\d[ \t])(?P<value>(?P<q>{_QUALIFIERS}[ \t]+)?"
    r"[A-ZÆØÅ][\wæøåé'\-]+(?:[ \t]+[A-ZÆØÅ][\wæøåé'\-]+){0,2}"
    r"(?:[ \t]+(?P<house>\d{1,4}(?:[ \t]?[A-Ha-h])?))?)[ \t]*(?P<comma>,)?[ \t]*\Z"
)
_PLACE_AFTER_POSTCODE_RE = re.compile(r"\d{4}[ \t]+[A-ZÆØÅ][\wæøå\-]+(?:[ ][A-ZÆØÅ][\wæøå\-]+)?")


def _find_places_before_postcodes(text: str, spans: Spans, vocab: Vocab) -> None:
    lists = shipped_lists()
    for code in _at_digit_runs(_POSTCODE_PLACE_RE, text, (4).__eq__):
        p = code.start()
        if not spans.free(p, p + 4):
            continue
        m = _PLACE_BEFORE_POSTCODE_RE.search(text, max(0, p - 60), p)
        if m is None or not (m.group("house") or m.group("comma")) or (m.group("house") or "").startswith("0"):
            continue  # "Frammøte 0800, 0830 Lunsj": a time is no house number
        place = _PLACE_AFTER_POSTCODE_RE.match(text, p)
        if place is None or not _ends_as_place(text, place, vocab):
            continue  # ", 0830 Lunsj med foreldra": a time and a word
        words = [w.lower() for w in WORD_RE.findall(text, m.end("q") if m.group("q") else m.start(), m.end("value"))]
        if not words or words[0] in _FUNCTION_CAPS or any(w in vocab.singles for w in words):
            continue
        if not m.group("house") and not m.group("q") and any(
            w in lists.words or w in lists.lexicon or w in lists.proper or w in lists.names for w in words
        ):
            continue  # "Hjemmebesøk, 2345 Ådalsbruk", "Hamar, 2317 Hamar": no farm's name
        spans.add(m.start("value"), place.end(), "address", "street")


_COUNTRIES = (
    r"(?:Norge|Noreg|Sverige|Danmark|Finland|Island|Polen|Litauen|Latvia|Estland|Tyskland|Ukraina|Russland"
    r"|Syria|Irak|Iran|Afghanistan|Somalia|Eritrea|Etiopia|Sudan|Tyrkia|Thailand|Filippinene|Norway|Sweden"
    r"|Denmark|Poland|Lithuania|Germany|Ukraine)"
)
# "Bakkevegen 3, Fall", "Sentrumsvegen 5, leil. 12", "Søre Bjørnstad, Heradsbygd": what follows an
# address after a comma goes with it: the number of a flat, a postcode and place, or a place
# that ends the sentence or the line
_ADDRESS_TAIL_RE = re.compile(
    r"[ \t]*,[ \t]*(?:"
    r"(?i:leil(?:ighet|egheit|igheit)?\.?(?:[ \t]*nr\.?)?|lgh\.?|hybel(?:[ \t]*nr\.?)?|flat(?:[ \t]*no\.?)?)[ \t]*"
    r"(?:\d{1,4}(?:[ \t]?[A-Za-z](?![\w]))?|[HhUuKkLl]\d{4})(?![\w])"
    r"|[HhUuKkLl]\d{4}(?![\w])"
    rf"|{_POSTCODE}[ \t]+(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Dette|Jeg|Eg|Og|Men|Som)(?!\w))"
    rf"{_PLACE_AFTER_POSTCODE}"
    r"|(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Dette|Jeg|Eg|Og|Men|Som|Ring|Tlf|Mob|Mobil|Telefon)(?!\w))"
    # a country after the address is said about it, not part of it ("…, 411 19 Göteborg, Sverige.")
    rf"(?!{_COUNTRIES}(?!\w))"
    r"[A-ZÆØÅ][\wæøå\-]+(?:[ \t][A-ZÆØÅ][\wæøå\-]+)?(?=[ \t]*(?:[.;!?)]|\r?\n|$))"
    r")"
)


def address_end(text: str, end: int) -> int:
    """The end of the address that ends at `end`, with the flat, postcode or place after it."""
    for _ in range(3):
        m = _ADDRESS_TAIL_RE.match(text, end)
        if m is None:
            break
        end = m.end()
    # "storgata 21 b, løten.": a known place written in lower case, ending the sentence or line
    lower = _LOWER_PLACE_TAIL_RE.match(text, end)
    if lower is not None and lower.group("place") in shipped_lists().proper:
        end = lower.end("place")
    return end


_LOWER_PLACE_TAIL_RE = re.compile(r"[ \t]*,[ \t]*(?P<place>[a-zæøå][a-zæøå\-]+)(?=[ \t]*(?:[.;!?)]|\r?\n|$))")


def _address_tails(text: str, spans: Spans) -> None:
    if "," not in text:
        return
    for start, end, kind, reason in [item for item in spans.items if item[2] == "address"]:
        head = _ADDRESS_HEAD_RE.search(text, max(0, start - 60), start) if "," in text[start - 2 : start] else None
        if head and spans.free(head.start("place"), head.end("place")):
            # "til Fluberg, Lauvhaugvegen 21", "Address: Nordre Vestad, Vestadvegen 202": the place
            # written before the street, after a word that says where, is part of the address
            spans.widen(head.start("place"), end, kind, reason)
            start = head.start("place")
        if text[end : end + 1] in (",", " ", "\t"):
            longer = address_end(text, end)
            if longer > end:
                spans.widen(start, longer, kind, reason)


def _office_before(text: str, start: int) -> bool:
    """A service's premises are named right before the street at `start` (`_OFFICE_BEFORE_RE`)."""
    window = text[max(0, start - 60) : start]
    low = window.lower()
    if not any(cue in low for cue in _OFFICE_CUES):
        return False  # the cheap test first
    return _OFFICE_BEFORE_RE.search(window) is not None


_OFFICE_CUES = ("lokal", "kontor", "senter", "rådhus", "flytt", "til i", "til på", "nav", "ppt", "bup")
# a flat in a housing cooperative, its block or its number given: "Vestbyen borettslag, blokk C, leil. 12"
# (the cooperative alone, "Vestbyen borettslag", is a place many live at)
HOUSING_FLAT_RE = re.compile(
    r"[A-ZÆØÅ][\wæøå\-]+(?:[ \t][A-ZÆØÅ][\wæøå\-]+)?[ \t]+(?i:borettslag|boligsameie|sameie|brl\.?)"
    r"(?P<block>,?[ \t]*(?i:blokk|bygg|bygning|oppgang|inngang)[ \t]+[A-ZÆØÅ0-9]{1,3}(?![\w]))?"
    r"(?P<flat>,?[ \t]*(?i:leil(?:ighet|egheit)?\.?(?:[ \t]*nr\.?)?|husnr\.?)[ \t]*[A-Za-z]?\d{1,5}(?![\d]))?"
)
# the premises of a service before their street: "Oppmøte i NAV-lokalene i Storgata 23", "møtte på
# NAV Elverum, Torggata 3", "Familiens hus har flyttet til Kirkegata 1", "kontoret ligger i …"
_OFFICE_BEFORE_RE = re.compile(
    r"(?:(?i:(?<![^\W\d_])(?:NAV-)?(?:lokalene|lokala|kontoret|kontora|kontorene|senteret|rådhuset)"
    r"(?:[ \t]+(?:våre|sine|deira|deres|hennar|hans))?[ \t]+(?:ligger[ \t]+|ligg[ \t]+)?(?:i|på)"
    r"|(?<![^\W\d_])(?:kontoret|tjenesten|tenesta|senteret|helsestasjonen|barnevernet|barnevernstjenesten"
    r"|barnevernstenesta|familiens[ \t]+hus)[ \t]+(?:har[ \t]+)?(?:flyttet|flytta|flytter|flyttar)[ \t]+"
    r"(?:til|inn[ \t]+i)"
    r"|(?<![^\W\d_])(?:holder|held)[ \t]+til[ \t]+(?:i|på))"
    r"|(?<![\w-])(?:NAV|PPT|BUP)(?:[ \t]+(?:har[ \t]+)?(?:flyttet|flytta)[ \t]+til|[ \t][A-ZÆØÅ][\wæøå]+[ \t]*,))"
    r"[ \t]*\Z"
)
# a place of one or two capitalised words before the comma of a street address, right after a word
# that says where («til», «på», «ved», «på gården», «Adresse:», "at", "Address:"); not a heading ("Hjemmebesøk,
# 2345 Ådalsbruk")
_ADDRESS_HEAD_RE = re.compile(
    r"(?<![\w])(?i:til|på|paa|ved|i|fra|frå|at|in|adresse:?|adr\.?:?|address:?|bor|gården|garden)[ \t]+"
    r"(?P<place>(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Jeg|Eg)(?!\w))[A-ZÆØÅ][\wæøå\-]+(?:[ \t][A-ZÆØÅ][\wæøå\-]+)?)"
    r"[ \t]*,[ \t]*\Z"
)


# "Rv. 3", "rv 25", "Fv. 222", "E6", "E 16", "riksveg 3": a road and its number, no house number or
# name; with the place on it ("Rv. 3 ved Grundset", "E6 forbi Kolomoen") it says where
# something happened on the road, not where anybody lives. Digits that go on after it ("E 900 12
# 345", "E 0047-20000000") are no road's number, nor is one that opens with a zero.
ROAD_RE = re.compile(
    r"(?<![\w.])(?:[RrFfKk]v\.?[ \t]?|E[ \t]?(?=\d)|(?i:riksv|fylkesv|europav)e[ig](?:en)?[ \t]+)"
    r"[1-9]\d{0,3}(?![\d,.\-/]\d)(?![ \t]*\d)(?![\w])"
    r"(?:[ \t]+(?:ved|nær|forbi|gjennom|mellom|over|utenfor|(?:sør|nord|øst|vest|aust)[ \t]+for)[ \t]+"
    r"(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Jeg|Eg)(?!\w))"
    r"(?P<place>[A-ZÆØÅ][\wæøå\-]+)(?:[ \t]+og[ \t]+[A-ZÆØÅ][\wæøå\-]+)?)?"
)


# where a road's number may stand: literal letters first, so that the engine skips ahead fast
_ROAD_HINT_RE = re.compile(r"v\.?[ \t]?\d|E[ \t]?\d|ve[ig](?:en)?[ \t]+\d")


def road_references(text: str) -> list[tuple[int, int]]:
    """The roads of `text` with their numbers and the place on them ("Rv. 3 ved Grundset")."""
    found: list[tuple[int, int]] = []
    for hint in _ROAD_HINT_RE.finditer(text):
        p = hint.start()
        if found and p < found[-1][1]:
            continue
        # "Rv", "fv" start one letter before the v; "E6" at it; "riksveg", "fylkesvei", "europaveg"
        for start in (p - 1, p, p - 4, p - 6):
            m = ROAD_RE.match(text, start) if start >= 0 else None
            if m and m.start() <= p < m.end():
                end = m.end()
                if m.group("place") and m.group("place").lower() in shipped_lists().given:
                    end = m.start("place")  # "på E6 ved Ola Nordmann sin gård": a person at the road
                    while text[end - 1] in " \t":
                        end -= 1
                    end -= len(text[:end].rsplit(None, 1)[-1])  # the word before the place
                    while text[end - 1] in " \t":
                        end -= 1
                found.append((m.start(), end))
                break
    return found


# "bur i 2866 Enger", "flytta til 2040 Kløfta": a postcode and its place after living or moving
POSTCODE_HOME_RE = re.compile(
    r"(?i:(?<!\w)(?:bor|bur|bodde|budde|bosatt|busett|flyttet|flytta|flytter|flyttar|lives)[ \t]+(?:i|på|til|at))"
    r"[ \t]+(?P<value>(?P<code>\d{4})(?!\d)[ \t]+"
    r"(?!(?:Han|Hun|Ho|De|Dei|Vi|Me|Det|Den|Dette|Jeg|Eg|Og|Men|Som|Da|Då|Etter|Før|Nå|No)(?!\w))"
    r"(?P<place>[A-ZÆØÅ][\wæøå\-]+)(?:[ ][A-ZÆØÅ][\wæøå\-]+)?)"
)


def _postcode_home(text: str, p: int, spans: Spans) -> None:
    m = POSTCODE_HOME_RE.match(text, p)
    if m is None:
        return
    if 1900 <= int(m.group("code")) <= _this_year() and m.group("place").lower() not in shipped_lists().proper:
        return  # "flyttet i 2015 Ola og mor …": a year, then a sentence goes on
    spans.add(m.start("value"), m.end("value"), "address", "labelled")


def _this_year() -> int:
    from datetime import date

    return date.today().year


def _find_document_numbers(text: str, low: str, spans: Spans) -> None:
    """An identity document's number after the word for it: six digits or more, any grouping."""
    for p in _keyword_hits(low, _DOCUMENT_KEYS):
        m = DOCUMENT_ID_CUE_RE.match(text, p)
        if m:
            spans.add(m.start("id"), m.end("id"), "national_id", "foreign")
