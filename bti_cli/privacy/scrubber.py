"""The scrubber: finds personal data in Norwegian free text and replaces it with placeholders.

`scrub(text, vocabulary=…)` returns the scrubbed text and one `Replacement` per span it
replaced (kind, offsets in the original text, placeholder, and a short reason code). It finds

- identity numbers (fødselsnummer, D- and H-numbers, validated with python-stdnum), and every
  other run of 11 digits, written together or with a space, hyphen or dots after the date;
- phone numbers: Norwegian 8-digit numbers in the usual groupings, with +47 / 0047, numbers
  after "tlf"/"mobil"/"ring", and international numbers (+46 …, 0048 …);
- e-mail addresses (also "ola(at)eksempel.no");
- street addresses (street + number, optional letter, postcode and place), postal boxes, and
  whatever follows "Adresse:" on its line;
- dates of birth after "født", "fødd", "f.", "fødselsdato", "bursdag(en) hennes er", "fyller år" …,
  and a date in brackets right after a name; ordinary dates of meetings and deadlines stay;
- personal names: a capitalised word inside a sentence that is not domain vocabulary, a place,
  an institution or an ordinary word; at the start of a sentence, a name from the shipped lists
  of given names and surnames (after a note label such as "Telefonnotat:" even a given name that
  is an ordinary word too: "Tor", "Liv"); words after "mor", "far", "eleven", "helsesykepleier", "heter" …;
  a capitalised word next to a found name; and every later use of a name found once.

Domain vocabulary (service, measure and arena names, roles, place names of the catalogue,
months, weekdays, abbreviations) always survives. The core never prints or logs: the originals
stay in the returned `Replacement` objects (hidden from their repr) and nowhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

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
    "lowercase_name",  # name
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
def _placeholder_re() -> re.Pattern[str]:
    from bti_cli.i18n import LANGUAGES

    texts = {p for lang in LANGUAGES for p in placeholders(lang).values()}
    return re.compile("|".join(re.escape(p) for p in sorted(texts, key=len, reverse=True)))


# --------------------------------------------------------------------------- word lists

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_WORD_SPLIT_RE = re.compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)")


def _read_list(name: str) -> list[str]:
    from bti_cli.datafiles import data_dir

    text = (data_dir() / "names" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class _Lists:
    given: frozenset[str]  # lower case
    surnames: frozenset[str]
    names: frozenset[str]  # given | surnames
    words: frozenset[str]  # ordinary words (lower case)
    proper: frozenset[str]  # capitalised non-names (lower case)
    strict_given: frozenset[str]  # given names that are not ordinary words: found in lower case too
    domain: tuple[str, ...]  # built-in domain vocabulary entries (as written)


@cache
def _lists() -> _Lists:
    given = frozenset(n.lower() for n in _read_list("given.txt"))
    surnames = frozenset(n.lower() for n in _read_list("surnames.txt"))
    words = frozenset(w.lower() for w in _read_list("words.txt"))
    proper = frozenset(w.lower() for w in _read_list("proper.txt"))
    strict = frozenset(g for g in given if g not in words and len(g) >= 3)
    return _Lists(given, surnames, given | surnames, words, proper, strict, tuple(_read_list("domain.txt")))


def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped given names and surnames (lower case), for tests and tools."""
    lists = _lists()
    return lists.given, lists.surnames


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    singles: frozenset[str]  # lower-case single words that survive
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word → word sequences, longest first


def _is_listed_name(low: str, lists: _Lists) -> bool:
    if low in lists.names:
        return True
    if "-" in low:
        parts = low.split("-")
        return all(p in lists.names for p in parts)
    return False


@lru_cache(maxsize=16)
def _compile_vocab(extra: frozenset[str]) -> _Vocab:
    lists = _lists()
    singles: set[str] = set()
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for entry in (*_builtin_vocabulary(), *extra):
        words = tuple(w.lower() for w in WORD_RE.findall(entry))
        if not words:
            continue
        if len(words) == 1:
            singles.add(words[0])
            continue
        phrases.setdefault(words[0], set()).add(words)
        for w in words:
            # a single word of a phrase survives alone too, unless it is a personal name
            # ("Marte Meo" survives as a phrase; "Marte" alone is still a name)
            if not _is_listed_name(w, lists) and len(w) > 1:
                singles.add(w)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()}
    return _Vocab(frozenset(singles), ordered)


@cache
def _builtin_vocabulary() -> frozenset[str]:
    """domain.txt plus the labels of concern areas and work arenas (areas.toml), in nb/nn/en."""
    import tomllib

    from bti_cli.datafiles import data_dir

    words = set(_lists().domain)
    try:
        raw = tomllib.loads((data_dir() / "areas.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):  # the built-in words still apply without areas.toml
        raw = {}
    for table in ("areas", "work_arenas"):
        for labels in (raw.get(table) or {}).values():
            if isinstance(labels, dict):
                words.update(v for v in labels.values() if isinstance(v, str))
    return frozenset(words)


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def domain_vocabulary(catalogue: Any = None) -> frozenset[str]:
    """Words and phrases that must survive scrubbing.

    `catalogue` is a bti_cli.catalogue.models.Catalogue (or a catalogue.Loaded / catalogue.Plain / the
    plain dict of one; None for the built-in words only). Returned: the catalogue's service,
    measure and arena names, coordinator roles, service areas, municipality and county names
    (as whole phrases), the capitalised words of its descriptions, target groups and
    participants (single words, personal names left out), the concern areas and work arenas of
    areas.toml, plus the built-in roles, services, programmes, months, weekdays and
    abbreviations.
    """
    lists = _lists()
    vocab: set[str] = set(_builtin_vocabulary())
    if catalogue is None:
        return frozenset(vocab)
    cat = catalogue
    for wrapper in ("catalogue", "data"):  # catalogue.Loaded, catalogue.Plain
        inner = _field(cat, wrapper)
        if inner is not None and not isinstance(inner, (str, int)):
            cat = inner
            break
    meta = _field(cat, "municipality") or {}
    phrases: list[str] = [_field(meta, "name") or "", _field(meta, "county") or ""]
    free: list[str] = []
    for s in _field(cat, "services") or ():
        phrases += [_field(s, "name"), _field(s, "area"), _field(s, "id")]
        free.append(_field(s, "description") or "")
    for m in _field(cat, "measures") or ():
        phrases += [_field(m, "name"), _field(m, "id")]
        free += [_field(m, "description") or "", _field(m, "target_group") or "", _field(m, "age_note") or ""]
    for a in _field(cat, "arenas") or ():
        phrases += [_field(a, "name"), _field(a, "id")]
        free += [_field(a, "description") or "", *(_field(a, "participants") or ())]
    for c in _field(cat, "coordinators") or ():
        phrases += [_field(c, "role"), _field(c, "id")]
        free += [_field(c, "description") or "", _field(c, "conditions") or ""]
    vocab.update(p for p in phrases if p)
    for text in free:
        for word in WORD_RE.findall(text):
            if word[0].isupper() and not _is_listed_name(word.lower(), lists):
                vocab.add(word)
    return frozenset(vocab)


# --------------------------------------------------------------------------- patterns

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:\d{4}|\d{2})"
_MONTHS = (
    r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
    r"|january|february|march|june|july|october|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|des|dec)"
)
_DATE = (
    rf"(?:{_D}[ \t]?[./\-][ \t]?{_M}[ \t]?[./\-][ \t]?{_Y}"  # 12.03.2015 · 3/4-2016 · 12-03-15
    rf"|\d{{4}}-{_M}-{_D}"  # 2015-03-12
    rf"|{_D}\.?[ \t]*{_MONTHS}\.?(?:[ \t]*,?[ \t]*\d{{4}})?"  # 12. mars 2015 · 3 april
    rf"|{_MONTHS}\.?[ \t]+{_D}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}"  # March 12, 2015
    rf"|{_MONTHS}\.?[ \t]+\d{{4}}"  # mars 2015
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
    r"|fyll(?:er|ar|te|de|e)[ \t]+(?:\d{1,2}[ \t]+)?år(?!\w))"
)
BIRTH_RE = re.compile(
    r"(?<![\w.])(?:(?:født|fødd|fødde|fodt|fødselsdato|fødselsår|fodselsdato|fdato"
    r"|dob|born|birthday|date[ \t]+of[ \t]+birth)(?!\w)"
    rf"|{_BIRTHDAY}|f\.[ \t]?d\.|f\.[ \t]?dato|f\.)"
    r"(?:[ \t]*:)?(?:[ \t]*(?:den|d\.|i|on|the|ca\.?)(?!\w))?[ \t]*"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
DATE_AFTER_NAME_RE = re.compile(
    rf"[ \t]*(?:\([ \t]*(?:f\.[ \t]*|født[ \t]+|fødd[ \t]+)?(?P<a>{_DATE})[ \t]*\)"
    rf"|,[ \t]*(?:f\.[ \t]*|født[ \t]+|fødd[ \t]+)(?P<b>{_DATE}))",
    re.IGNORECASE,
)

# Every pattern that starts with a digit starts with `\d(?<!\d\d)` rather than `(?<!\d)\d`: a
# pattern that opens with a character class lets the regex engine skip ahead fast (1 MB < 1 s).
NATIONAL_ID_RE = re.compile(
    r"\d(?<!\d\d)(?:\d{5}[ \-–]?\d{5}|\d\.\d{2}\.\d{2}[ \-]?\d{5}|\d{3}[ .]\d{2}[ .]\d{5}|\d{11,})(?!\d)"
)
# any 11 digits with single separators: replaced only when the checksum is valid
NATIONAL_ID_LOOSE_RE = re.compile(r"\d(?<!\d\d)(?:[ .\-]?\d){10}(?!\d)")

_NO_BODY = (
    r"(?:\d{3}(?P<s1>[ .\-]?)\d{2}(?P=s1)\d{3}"
    r"|\d{2}(?P<s2>[ .\-]?)\d{2}(?P=s2)\d{2}(?P=s2)\d{2}"
    r"|\d{4}(?P<s3>[ .\-]?)\d{4}"
    r"|\d{3} \d{5}|\d{3} \d{3} \d{2})"
)
_NO_BODY_REST = (  # the same groupings with the first digit already consumed
    r"(?:\d{2}(?P<s1>[ .\-]?)\d{2}(?P=s1)\d{3}"
    r"|\d(?P<s2>[ .\-]?)\d{2}(?P=s2)\d{2}(?P=s2)\d{2}"
    r"|\d{3}(?P<s3>[ .\-]?)\d{4}"
    r"|\d{2} \d{5}|\d{2} \d{3} \d{2})"
)
PHONE_NO_RE = re.compile(rf"\d(?<![\d+]\d){_NO_BODY_REST}(?!\d)")
PHONE_NO_PREFIXED_RE = re.compile(rf"(?:\+[ \t]?47|(?<![\w+])00[ \t]?47|\(\+?47\))[ .\-]?(?P<body>{_NO_BODY})(?!\d)")
PHONE_INTL_RE = re.compile(r"[+0](?<![\w+][+0])(?:(?<=\+)|0)(?!47)[1-9]\d{0,2}(?:[ .\-]?\(?\d{1,5}\)?){2,6}(?!\d)")
PHONE_LABEL_RE = re.compile(
    r"(?<!\w)(?:tlf|tel|telefon(?:nummer|nr)?|mobil(?:nummer|nr|telefon)?|mob|mobilnr|phone|sms|ring(?:e|er|te|de)?"
    r"|nås[ \t]+på|treffes[ \t]+på)\.?[ \t]*(?::|på|nr\.?)?[ \t]*(?P<num>\+?\(?\d[\d .\-()]{3,18}\d)",
    re.IGNORECASE,
)

EMAIL_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+(?:@|[ \t]?\((?:at|a)\)[ \t]?|[ \t]?\[(?:at|a)\][ \t]?|[ \t]@[ \t])"
    r"[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?!\w)"
)

_STREET_SUFFIX = (
    r"(?:veien|vegen|veiene|vei|veg|gata|gate|gaten|gt\.|stien|stigen|stig|sti|bakken|bakke|brekka|brekke|lia|lii"
    r"|svingen|sving|tunet|tun|plassen|plass|ringen|ring|alléen|allé|alle|kroken|krok|haugen|jordet|jorde"
    r"|løkka|løkken|myra|myren|åsen|torget|torg|grenda|grend|kleiva|tråkket|tråkk|vangen|bråten|enga|engen"
    r"|hagen|moen|sletta|sletten|skogen|tangen|berget|kollen|høgda|feltet|parken|bryggen|brygga|kaia|kaien"
    r"|promenaden|lunden|gløtten|gården|garden|teigen|setra|veita|smuget|passasjen|terrassen|terrasse|utsikten"
    r"|vollen|sundet|stubben|lykkja|linna|rud|rudvegen|gutu|gutua|hallen|ringvei|ringveg|strand|stranda)"
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
)
_POSTPLACE = r"(?:[ \t]*,?[ \t]*\d{4}[ \t]+[A-ZÆØÅ][\wæøå\-]+(?:[ ][A-ZÆØÅ][\wæøå\-]+)?)?"
_QUALIFIER = r"(?:(?:Nedre|Øvre|Søndre|Nordre|Vestre|Østre|Store|Lille|Gamle|Nye|Vesle|St\.|Sankt)[ \t]+)?"
ADDRESS_RE = re.compile(
    rf"(?<![\w])(?P<street>{_QUALIFIER}(?:[A-ZÆØÅ][\wæøåé'\-]*?{_STREET_SUFFIX}"
    rf"|(?:[A-ZÆØÅ][\wæøåé.'\-]*[ \t]+){{1,3}}"
    r"(?:gate|gata|gaten|gt\.|vei|veien|veg|vegen|allé|plass|torg|bakke|sti|ring|terrasse))"
    rf")[ \t]+{_HOUSE}{_POSTPLACE}"
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
    rf"(?P<value>{_QUALIFIER}[A-ZÆØÅ][\wæøåé.'\-]*(?:[ \t]+[A-ZÆØÅa-zæøå][\wæøåé.'\-]*){{0,2}}"
    rf"[ \t]+{_HOUSE}{_POSTPLACE}"
    rf"|{_QUALIFIER}[A-ZÆØÅ][\wæøåé'\-]*?{_STREET_SUFFIX}(?![\w]))"
)

# --------------------------------------------------------------------------- name context


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_TRIGGERS = _words(
    """
    mor mora moren mammaen mamma far faren pappa pappaen søster syster søsteren systera bror broren
    sønn sønnen son sonen datter datteren dotter dottera eleven elev barnet gutten guten jenta
    babyen onkel onkelen tante tanta tanten bestemor bestefar mormor morfar farmor farfar oldemor
    oldefar stemor stefar halvbror halvsøster halvsyster fosterfar fostermor fostermora kusine
    kusina fetter nabo naboen venn vennen venninne venninna venninnen kjæreste kjæresten kamerat
    kameraten klassekamerat klassekameraten lærer læreren lærar læraren kontaktlærer kontaktlæreren
    kontaktlærar kontaktlæraren rektor rektoren helsesykepleier helsesykepleieren helsesjukepleiar
    helsesøster jordmor jordmora fastlege fastlegen lege legen psykolog psykologen saksbehandler
    saksbehandleren sakshandsamar assistent assistenten miljøarbeider miljøarbeideren miljøarbeidar
    pedagog spesialpedagog barnehagelærer barnehagelærar styrer styreren styrar rådgiver rådgiveren
    rådgjevar koordinator koordinatoren barnekoordinator kontaktperson kontaktpersonen støttekontakt
    avlaster verge vergen tolk tolken leder lederen leiar leiaren kollega kollegaen politibetjent
    herr fru frk søskenbarn svigerinne svoger samboer sambuar
    """
)
NAME_TRIGGERS = _words(
    """
    heter heiter het hette kalt kalla kallenavn kallenamn navn namn name named hilsen helsing mvh
    signert underskrevet
    """
)
HUMAN_VERBS = _words(
    """
    sa sier seier forteller fortalte fortel fortalde gråt gråter græt ler lo smiler smilte smilar
    lekte leker leikar leika spiste sov sover slo sparket sparka kom kjem gikk gjekk løp sprang
    svarte svara spurte spurde nekter nektet nekta nektar liker likte likar ønsker ønsket ynskjer
    ynskte forklarte forklarer forklarar trives trivst bor bur bodde budde ropte ropar roper skrek
    skreik ringte ringde ringer ringjer ringa
    """
)
# words that begin sentences and are never names there ("Ho sa …" is "she said")
FUNCTION_WORDS = _words(
    """
    ho han hun hen eg jeg du vi me de dei dere dykk det den dette disse desse ein en ei et eit min
    mi mitt mine din di ditt dine sin si sitt sine hans hennes hennar vår vårt våre deira deres alle
    ingen noen nokon nokre mange få begge kven hvem kva hva kor hvor når da då så men og eller om at
    som i på til av for med fra frå ved hos etter før under over mellom mot uten utan gjennom jo nei
    ja ikke ikkje også òg bare berre kanskje nå no her der le do
    """
)
# abbreviations whose full stop does not end a sentence
_NONFINAL_ABBR = _words(
    """
    bl.a f.eks dvs ca jf jfr kl nr mht ifm iht evt pga ift vha ref tlf mob adr f ang vedr st pr mm
    ev
    """
)
_NOUN_ENDINGS = (
    "sjon",
    "sjonen",
    "sjonar",
    "sjoner",
    "ing",
    "ingen",
    "ingar",
    "inger",
    "ingene",
    "het",
    "heten",
    "heita",
    "else",
    "elsen",
    "skap",
    "skapet",
    "tjeneste",
    "tjenesten",
    "tenesta",
    "kontoret",
    "loven",
    "lova",
    "møte",
    "møtet",
    "plan",
    "planen",
    "team",
    "teamet",
    "gruppe",
    "gruppa",
    "gruppen",
    "messig",
    "lig",
    "lige",
    "leg",
    "lege",
    "isk",
    "iske",
    "ende",
    "ert",
    "erte",
    "itet",
    "iteten",
    "ologi",
    "avdeling",
    "tilbud",
    "tilbudet",
    "arbeid",
    "arbeidet",
    "senter",
    "senteret",
    "skole",
    "skolen",
    "skule",
    "skulen",
    "hage",
    "barnehage",
    "barnehagen",
    "sak",
    "saken",
    "leder",
    "lederen",
    "rapport",
    "skjema",
    "dokument",
)
_INFLECTION = ("ene", "ane", "ens", "ets", "en", "et", "er", "ar", "a", "e", "s", "r", "n", "t", "es")
_OPENERS = " \t\u00a0«»\"“”„'‘’([{*•·–—-"
_SENTENCE_END = ".!?:;…"


# the end of a note label before a colon: "Telefonnotat:", "Møtereferat:", "Samtale med:"
_NOTE_LABEL_RE = re.compile(
    r"(?i:notat|notatet|referat|referatet|samtale|samtalen|logg|loggføring|melding|beskjed|henvendelse"
    r"|innringer|innringar|deltakere|deltakarar|stede|med|fra|frå|observasjon|observert|kontakt)"
    r"[ \t]*:[ \t\u00a0\"«“'(]*$"
)

_NAME, _NEVER = 1, -1
_GAP_NAME = re.compile(r"[ \-]|[ ]?[A-ZÆØÅ]\.[ ]?")
_INITIAL_GAP = re.compile(r"\.[ ]?")


class _Scanner:
    """Name detection over one text.

    Words are kept in parallel lists (start, end, text, lower case); `state[i]` is 1 for a name,
    -1 for a word that can never be one (inside a vocabulary phrase or an already replaced
    span), 0 otherwise. Only capitalised words, words after a trigger, and given names in
    lower case are looked at closely, so 1 MB of text takes well under a second.
    """

    def __init__(self, text: str, vocab: _Vocab, lists: _Lists, blocked: list[tuple[int, int]]):
        self.text = text
        self.vocab = vocab
        self.lists = lists
        self.blocked = blocked  # sorted, non-overlapping spans already replaced or protected
        self.blocked_starts = [b[0] for b in blocked]
        self._line_cache: dict[int, bool] = {}
        self._vocab_cache: dict[str, bool] = {}
        self._profiles: dict[str, tuple[int, bool, bool, bool, bool]] = {}
        # split() with a capturing group gives [gap, word, gap, word, …, gap]; the running sum
        # of the piece lengths gives every offset, all in C (much faster than finditer)
        pieces = _WORD_SPLIT_RE.split(text)
        offsets = list(accumulate(map(len, pieces)))
        self.words = pieces[1::2]
        self.starts = offsets[0:-1:2]
        self.ends = offsets[1::2]
        self.lows = [w.lower() for w in self.words]
        self.state = [0] * len(self.words)
        self.reason: dict[int, str] = {}
        self.weak: set[int] = set()

    # ---- small predicates
    def in_vocab(self, low: str) -> bool:
        cached = self._vocab_cache.get(low)
        if cached is None:
            cached = self._vocab_cache[low] = self._in_vocab(low)
        return cached

    def _in_vocab(self, low: str) -> bool:
        singles = self.vocab.singles
        if low in singles:
            return True
        for suffix in _INFLECTION:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] in singles:
                return True
        if "-" in low:
            return any(part in singles for part in low.split("-"))
        # compounds that start with a vocabulary word: "helsestasjonstilbudet"
        for i in range(min(len(low) - 3, 24), 4, -1):
            head = low[:i]
            if head in singles:
                rest = low[i:]
                if rest[0] in "se" and self.known_word(rest[1:]):
                    return True
                if self.known_word(rest):
                    return True
        return False

    def known_word(self, low: str) -> bool:
        if len(low) < 3:
            return False
        words, singles = self.lists.words, self.vocab.singles
        if low in words or low in singles:
            return True
        for suffix in _INFLECTION:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = low[: -len(suffix)]
                if stem in words or stem in singles:
                    return True
        return low.endswith(_NOUN_ENDINGS)

    def listed(self, low: str) -> bool:
        names = self.lists.names
        if low in names:
            return True
        if low.endswith(("'s", "’s")):
            return low[:-2] in names
        if low.endswith("s") and len(low) > 3 and low[:-1] in names and low not in self.lists.words:
            return True
        if "-" in low:
            return all(p in names for p in low.split("-"))
        return False

    def ordinary(self, low: str) -> bool:
        """An ordinary word, place, institution or brand (not a name by capitals alone)."""
        if low in self.lists.words or low in self.lists.proper:
            return True
        if "-" in low:
            if low.index("-") == 1:  # D-nummer, E-post, T-skjorte, A-laget
                return True
            return all(p in self.lists.words or p in self.lists.proper for p in low.split("-"))
        return False

    @staticmethod
    def looks_like_common_noun(low: str) -> bool:
        if "-" in low or low.endswith(("sen", "son", "ssen", "sson")):
            return False  # Eksempelsen, Karlsson: surnames, not nouns
        if len(low) >= 15:
            return True
        return len(low) >= 7 and low.endswith(_NOUN_ENDINGS)

    def is_blocked(self, i: int) -> bool:
        if not self.blocked:
            return False
        j = bisect_left(self.blocked_starts, self.ends[i])
        return bool(j) and self.blocked[j - 1][1] > self.starts[i]

    # ---- where a word stands
    def sentence_start(self, start: int) -> bool:
        text = self.text
        i = start - 1
        while i >= 0 and text[i] in _OPENERS:
            i -= 1
        if i < 0:
            return True
        c = text[i]
        if c == "\n" or c == "\r":
            return self._line_starts_sentence(i)
        if c in _SENTENCE_END:
            if c == ".":
                j = i
                while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                    j -= 1
                word = text[j:i]
                if word and word.lower() in _NONFINAL_ABBR:
                    return False
                if len(word) == 1 and word.isupper():
                    return False  # an initial: "K. Nordmann"
            return True
        return False

    def _line_starts_sentence(self, newline_at: int) -> bool:
        text = self.text
        end = newline_at
        if text[end] == "\n" and end > 0 and text[end - 1] == "\r":
            end -= 1
        begin = text.rfind("\n", 0, end) + 1
        previous = text[begin:end].rstrip()
        if not previous.strip():
            return True
        last = previous[-1]
        if last in _SENTENCE_END:
            return True
        # hard-wrapped prose: a long line that ends in a lower-case word or a comma
        return not (len(previous) >= 40 and (last.islower() or last == ","))

    def after_note_label(self, start: int) -> bool:
        """The word at `start` follows the colon of a note label ("Telefonnotat:", "Samtale med:")."""
        return bool(_NOTE_LABEL_RE.search(self.text, max(0, start - 40), start))

    def heading_line(self, pos: int) -> bool:
        """A title-cased line ("Møte Med Foreldre Og Skole"): capitals carry no information."""
        text = self.text
        begin = text.rfind("\n", 0, pos) + 1
        cached = self._line_cache.get(begin)
        if cached is not None:
            return cached
        end = text.find("\n", pos)
        words = WORD_RE.findall(text, begin, len(text) if end < 0 else end)
        caps = [w for w in words if w[0].isupper()]
        result = (
            len(words) >= 3 and len(caps) >= 0.6 * len(words) and any(w.lower() in self.lists.words for w in caps[1:])
        )
        self._line_cache[begin] = result
        return result

    def set_name(self, i: int, reason: str) -> None:
        self.state[i] = _NAME
        self.reason[i] = reason

    # ---- the passes
    def run(self) -> list[tuple[int, int, str]]:
        text, lists = self.text, self.lists
        n = len(self.words)
        if not n:
            return []
        self._protect_phrases()
        words, lows, state, starts, ends = self.words, self.lows, self.state, self.starts, self.ends
        name_triggers, role_triggers = NAME_TRIGGERS, ROLE_TRIGGERS
        strict_given = lists.strict_given
        # pass 1: each word on its own. Only capitalised words, lower-case given names and words
        # after a trigger need a closer look; the index lists are built in C-speed comprehensions.
        triggers = name_triggers | role_triggers
        look = {i for i, w in enumerate(words) if w[0].isupper()}
        look.update(i for i, low in enumerate(lows) if low in strict_given)
        look.update(i + 1 for i, low in enumerate(lows) if low in triggers)
        look.discard(n)
        for i in sorted(look):
            if state[i]:
                continue
            trigger = None
            if i:
                p = lows[i - 1]
                if p in triggers and state[i - 1] != _NAME and _TRIGGER_GAP.fullmatch(text, ends[i - 1], starts[i]):
                    trigger = "name" if p in name_triggers else "role"
            if trigger is None and not words[i][0].isupper() and lows[i] not in strict_given:
                continue
            if self.is_blocked(i):
                state[i] = _NEVER
                continue
            self._classify(i, trigger)
        # pass 2: neighbours of names, "Ola K. Nordmann", "Nordmann, Ola", "Zyrafa og Ola"
        candidates = [i for i in range(n) if not state[i] and words[i][0].isupper() and len(words[i]) > 1]
        changed = True
        while changed and candidates:
            changed = False
            for i in candidates:
                if not state[i] and self._adjacent(i):
                    self.set_name(i, "adjacent")
                    changed = True
        # pass 3: every other use of a name found once
        found = {lows[i] for i in range(n) if state[i] == _NAME and len(lows[i]) > 2}
        if found:
            found |= {f[:-1] for f in found if f.endswith("s") and f[:-1] in lists.names}
            words_list = lists.words
            for i in range(n):
                if state[i]:
                    continue
                low = lows[i]
                if (
                    (low in found or (low.endswith("s") and low[:-1] in found))
                    and (words[i][0].isupper() or low not in words_list)
                    and len(low) > 2
                    and not self.is_blocked(i)
                    and not self.in_vocab(low)
                ):
                    self.set_name(i, "repeated")
        # merge neighbouring name words into one span
        spans: list[tuple[int, int, str]] = []
        for i in range(n):
            if state[i] != _NAME:
                continue
            if spans:
                s, e, r = spans[-1]
                if _GAP_NAME.fullmatch(text, e, starts[i]) or (
                    len(words[i - 1]) == 1 and _INITIAL_GAP.fullmatch(text, e, starts[i])
                ):
                    spans[-1] = (s, ends[i], r)
                    continue
            spans.append((starts[i], ends[i], self.reason.get(i, "capitalised")))
        return spans

    def _protect_phrases(self) -> None:
        """Words inside a vocabulary phrase ("Marte Meo", "Sped- og småbarnsteam") are never names."""
        phrases = self.vocab.phrases
        lows, state = self.lows, self.state
        n = len(lows)
        i = 0
        while i < n:
            seqs = phrases.get(lows[i])
            if seqs:
                for seq in seqs:
                    size = len(seq)
                    if i + size <= n and all(lows[i + j] == seq[j] for j in range(1, size)):
                        for j in range(i, i + size):
                            state[j] = _NEVER
                        i += size - 1
                        break
            i += 1

    def _classify(self, i: int, trigger: str | None) -> None:
        low, word, lists = self.lows[i], self.words[i], self.lists
        if len(word) == 1:
            return
        if not word[0].isupper():
            if (
                trigger == "name"
                and self.lows[i - 1] in _LOWERCASE_NAME_TRIGGERS
                and low not in lists.words
                and not self.in_vocab(low)
            ):
                self.set_name(i, "context")
            elif low in lists.strict_given and low not in lists.proper and not self.in_vocab(low):
                self.set_name(i, "lowercase_name" if trigger is None else "context")
            return
        mode, listed, vocab, ordinary, noun = self._profile(word)
        if mode:  # abbreviations (PPT, BUP) and mixed case (iPad, McDonald): names only when listed
            if mode == 1:
                self.set_name(i, "name_list")
            elif mode == 2:
                self.state[i] = _NEVER
            return
        if trigger == "name":
            if listed or not self.in_vocab(low):
                self.set_name(i, "context")
            return
        if trigger == "role" and (listed or not (vocab or ordinary)):
            self.set_name(i, "context")
            return
        if vocab:
            if listed and low in _MONTH_NAMES and self._month_used_as_name(i):
                self.set_name(i, "capitalised")
            else:
                self.state[i] = _NEVER
            return
        at_start = self.sentence_start(self.starts[i])
        if not at_start:
            if listed:
                self.set_name(i, "name_list")
                return
            if ordinary or noun:
                self.state[i] = _NEVER
                return
            if not self.heading_line(self.starts[i]):
                self.set_name(i, "capitalised")
                return
        # start of a sentence (or a title-cased line): capitals say nothing
        if listed and low not in lists.words and low not in lists.proper:
            self.set_name(i, "name_list")
        elif listed and low in lists.given and self.after_note_label(self.starts[i]):
            # "Telefonnotat: Tor ringte": a given name right after a note label is a name even
            # when it is an ordinary word too ("tor", "liv", "per")
            self.set_name(i, "name_list")
        elif listed or not (ordinary or noun):
            self.weak.add(i)

    def _profile(self, word: str) -> tuple[int, bool, bool, bool, bool]:
        """What a capitalised word is, whatever its place: computed once per distinct word.

        (mode, listed, vocabulary, ordinary, common noun); mode 1: an all-capitals or mixed-case
        word that is a listed name, 2: an abbreviation, 3: other mixed case, 0: a normal word.
        """
        found = self._profiles.get(word)
        if found is not None:
            return found
        low = word.lower()
        listed = self.listed(low)
        rest = word[1:]
        mode = 0
        if word.isupper() or (rest != rest.lower() and "-" not in word and "'" not in word):
            if listed and (not word.isupper() or (len(word) >= 3 and not self.in_vocab(low))):
                mode = 1
            else:
                mode = 2 if word.isupper() else 3
            found = (mode, listed, False, False, False)
        else:
            # a listed name is vocabulary only when it is a vocabulary word itself ("Julie" ≠ "juli"+e)
            vocab = (low in self.vocab.singles) if listed else self.in_vocab(low)
            found = (0, listed, vocab, self.ordinary(low), self.looks_like_common_noun(low))
        self._profiles[word] = found
        return found

    def _month_used_as_name(self, i: int) -> bool:
        """Capitalised "August" is a boy's name unless a day or a year stands beside it."""
        start, end = self.starts[i], self.ends[i]
        before = self.text[max(0, start - 8) : start]
        after = self.text[end : end + 6]
        return not (re.search(r"(\d\.?|\b[iI])\s*$", before) or re.match(r"\s*(\d|[:–-])", after))

    def _adjacent(self, i: int) -> bool:
        low = self.lows[i]
        if self.in_vocab(low) or self.is_blocked(i):
            return False
        weak = i in self.weak
        listed = self.listed(low)
        if not (weak or listed or not (self.ordinary(low) or self.looks_like_common_noun(low))):
            return False
        text, state, starts, ends = self.text, self.state, self.starts, self.ends
        n = len(self.words)
        if i and state[i - 1] == _NAME and _GAP_NAME.fullmatch(text, ends[i - 1], starts[i]):
            return True
        # an initial between: "Ola K. Nordmann"
        if (
            i >= 2
            and len(self.words[i - 1]) == 1
            and self.words[i - 1].isupper()
            and state[i - 2] == _NAME
            and _INITIAL_GAP.fullmatch(text, ends[i - 1], starts[i])
        ):
            self.set_name(i - 1, "adjacent")
            return True
        if i + 1 < n and state[i + 1] == _NAME and self.words[i + 1][0].isupper():
            # "Zyrafa Hassan", "Nordmann, Ola" – but not "Kontakt Kari": a word before a given
            # name is taken only when that name can be a surname, or when it is listed itself
            gap = text[ends[i] : starts[i + 1]]
            following = self.lows[i + 1]
            surname_like = following in self.lists.surnames or following not in self.lists.given
            if (
                gap in (" ", "-", ", ")
                and (weak or self.sentence_start(starts[i]))
                and (listed or surname_like or gap == ", ")
            ):
                return True
        if weak and i + 1 < n and low not in FUNCTION_WORDS:
            nxt = self.lows[i + 1]
            # "Zyrafa og Ola …"
            if nxt in ("og", "eller") and i + 2 < n and state[i + 2] == _NAME:
                return True
            # "Zyrafa sa at …", "Per kom …"
            if nxt in HUMAN_VERBS and text[ends[i] : starts[i + 1]] == " ":
                return True
            # "Zyrafa har vondt …": an unknown short word that is no ordinary word and has no
            # noun ending, before an auxiliary verb
            if (
                nxt in _AUXILIARIES
                and text[ends[i] : starts[i + 1]] == " "
                and not listed
                and not self.ordinary(low)
                and 3 <= len(low) <= 10
                and "-" not in low
                and not low.endswith(_DEFINITE_ENDINGS)
                and not self.looks_like_common_noun(low)
            ):
                return True
        return False


# "heter ola" names a person even in lower case; "kalt stygge ting" does not
_LOWERCASE_NAME_TRIGGERS = frozenset(["heter", "heiter", "het", "hette", "navn", "namn", "name", "named"])
_AUXILIARIES = _words("har hadde er var skal skulle vil ville kan kunne må måtte fikk får fekk")
_DEFINITE_ENDINGS = ("en", "et", "ene", "ane", "er", "ar", "ing", "het", "else", "skap", "sjon", "tet")
_TRIGGER_GAP = re.compile(r"[ \t]*[:(,]?[ \t]*")
_MONTH_NAMES = frozenset({"april", "mai", "juni", "juli", "august"})


# --------------------------------------------------------------------------- the scrubber


def _valid_id(digits: str) -> str | None:
    """'checksum' for a valid fødselsnummer/D-/H-number, 'synthetic' for a test number, else None."""
    if len(digits) != 11:
        return None
    from stdnum.no import fodselsnummer  # imported only when a candidate turns up

    if fodselsnummer.is_valid(digits):
        return "checksum"
    month = int(digits[2:4])
    if 81 <= month <= 92:  # synthetic numbers (month + 80) used by test registers
        return "synthetic" if _check_digits_ok(digits) else None
    return None


def _check_digits_ok(digits: str) -> bool:
    w1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
    w2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    k1 = (11 - sum(w * int(d) for w, d in zip(w1, digits, strict=False))) % 11
    k2 = (11 - sum(w * int(d) for w, d in zip(w2, digits, strict=False))) % 11
    return str(k1) == digits[9] and str(k2) == digits[10]


class _Spans:
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

    def replaced(self) -> list[tuple[int, int, str, str]]:
        return [item for item in self.items if item[2]]

    def blocked(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _, _ in self.items]


_DIGIT_GROUP_BEFORE = re.compile(r"\d+[ .\-]$")
_DIGIT_GROUP_AFTER = re.compile(r"[ .\-]\d+")


def _digit_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a phone span over digit groups joined to it by one space, dot or hyphen.

    "0000 2000 0000" holds a phone number somewhere; which eight digits it is cannot be known,
    so all of it goes.
    """
    while True:
        m = _DIGIT_GROUP_BEFORE.search(text, max(0, start - 20), start)
        if not m or (m.start() > 0 and text[m.start() - 1].isalnum()):
            break
        start = m.start()
    while True:
        m = _DIGIT_GROUP_AFTER.match(text, end)
        if not m or (m.end() < len(text) and text[m.end()].isalnum()):
            break
        end = m.end()
    return start, end


def _is_year_or_time_pair(body: str) -> bool:
    digits = re.sub(r"\D", "", body)
    if len(digits) != 8 or not re.fullmatch(r"\d{4}[ .\-]?\d{4}", body):
        return False
    a, b = int(digits[:4]), int(digits[4:])
    # a period such as "2024-2027"; "20002000" or "2000 2000" could be a phone number, and
    # a phone number left in is worse than a period replaced
    years = "-" in body and 1900 <= a < b <= 2099 and b - a <= 10
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
_STREET_WORD_ENDINGS = tuple(_STREET_SUFFIX.strip("(?:)").replace("\\.", ".").split("|"))


# street-like endings that ordinary nouns share ("Endring", "Vurdering", "Parkeringsplass"):
# such a word and a number make an address only with other evidence
_WEAK_STREET_ENDINGS = ("ring", "ringen", "plass")
_POSTCODE_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*\d{4}[ \t]+[A-ZÆØÅ]")
_ADDRESS_CUE_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:bor|bur|bodde|budde|bosatt|busett|flytta|flyttet|flytter|flyttar|lives|adressen?"
    r"|adressa|adr\.|postadresse|bostedsadresse|bustadadresse|address)(?:[ \t]+(?:i|på|til|at|er|var))?)"
    r"[ \t]*:?[ \t]*$"
)


def _weak_street(words: list[str]) -> bool:
    """The street part is an ordinary noun that only ends like a street name."""
    last = words[-1].lower()
    if len(words) >= 2 and words[-2].lower().endswith("s"):
        return False  # "Wessels plass 2", "Youngs plass 1"
    return last.endswith(_WEAK_STREET_ENDINGS) or last in _lists().words


def _address_evidence(text: str, m: re.Match[str]) -> bool:
    """A postcode after the number, or "bor i", "adresse:" … before the street."""
    house = re.match(r"[ \t]+\d{1,4}(?:[ \t]?[A-Ha-h](?!\w))?", text[m.end("street") : m.end()])
    if house and _POSTCODE_AFTER_RE.match(text, m.end("street") + house.end()):
        return True
    return bool(_ADDRESS_CUE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()))


def _keyword_hits(low: str, keys: Iterable[str]) -> list[int]:
    """Start offsets of `keys` in the lower-cased text, at the start of a word (fast str.find)."""
    hits = []
    for key in keys:
        i = low.find(key)
        while i != -1:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "._"):
                hits.append(i)
            i = low.find(key, i + 1)
    hits.sort()
    return hits


def _street_number_candidates(text: str) -> list[int]:
    """Offsets of house numbers that follow a word ending like a street name ("…veien 12")."""
    found = []
    for m in _HOUSE_NUMBER_RE.finditer(text):
        p = m.start()
        before = text[max(0, p - 40) : p - 1].split()
        if before and before[-1].lower().endswith(_STREET_WORD_ENDINGS):
            found.append(p)
    return found


_HOUSE_NUMBER_RE = re.compile(r"\d(?<=[^\W\d_][ \t]\d)")


def _structured(text: str, spans: _Spans, vocab: _Vocab) -> None:
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: fall back to ASCII folding
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if "@" in text:
        at = text.find("@")
        while at != -1:
            for m in EMAIL_RE.finditer(text, max(0, at - 80), at + 260):
                spans.add(m.start(), m.end(), "email", "email")
            at = text.find("@", at + 1)
    if "(at)" in low or "[at]" in low:
        for m in EMAIL_RE.finditer(text):
            spans.add(m.start(), m.end(), "email", "email")
    if any(c in text for c in "0123456789"):
        for m in NATIONAL_ID_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            reason = (_valid_id(digits) if len(digits) == 11 else None) or "digits"
            spans.add(m.start(), m.end(), "national_id", reason)
        for m in NATIONAL_ID_LOOSE_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            reason = _valid_id(digits)
            if reason:
                spans.add(m.start(), m.end(), "national_id", reason)
        for p in _keyword_hits(low, _BIRTH_KEYS):
            m = BIRTH_RE.match(text, p)
            if m:
                spans.add(m.start("date"), m.end("date"), "birth_date", "labelled")
        for p in _keyword_hits(low, _PHONE_KEYS):
            m = PHONE_LABEL_RE.match(text, p)
            if not m:
                continue
            num = m.group("num").rstrip(" .-(")
            count = sum(c.isdigit() for c in num)
            if 5 <= count <= 15 and not re.fullmatch(r"\d{1,2}[.:]\d{2}", num):
                start = m.start("num")
                spans.add(start, start + len(num), "phone", "labelled")
        if "47" in text:
            for m in PHONE_NO_PREFIXED_RE.finditer(text):
                spans.add(m.start(), m.end(), "phone", "norwegian")
        for m in PHONE_NO_RE.finditer(text):
            if _is_year_or_time_pair(m.group()):
                continue
            spans.add(*_digit_run(text, m.start(), m.end()), "phone", "norwegian")
        for m in PHONE_INTL_RE.finditer(text):
            count = sum(c.isdigit() for c in m.group())
            if 8 <= count <= 15:
                spans.add(m.start(), m.end(), "phone", "international")
        for p in _keyword_hits(low, _POSTBOX_KEYS):
            m = POSTBOX_RE.match(text, p)
            if m:
                spans.add(m.start(), m.end(), "address", "postbox")
        for p in _street_number_candidates(text):
            for m in ADDRESS_RE.finditer(text, max(0, p - 70), min(len(text), p + 60)):
                if not (m.start() < p < m.end()):
                    continue
                words = WORD_RE.findall(m.group("street"))
                if words and words[-1].lower() in vocab.singles:
                    continue  # a vocabulary word followed by a number is not a street
                if words and _weak_street(words) and not _address_evidence(text, m):
                    continue  # "Endring 3", "Parkeringsplass 4": a noun and a number
                spans.add(m.start(), m.end(), "address", "street")
                break
    for p in _keyword_hits(low, _ADDRESS_LABEL_KEYS):
        m = ADDRESS_LABEL_RE.match(text, p)
        if not m:
            continue
        value = m.group("value")
        if any(c.isdigit() for c in value) or any(w[0].isupper() for w in WORD_RE.findall(value)):
            spans.add(m.start("value"), m.end("value"), "address", "labelled")
    for p in _keyword_hits(low, _LIVES_KEYS):
        m = ADDRESS_LIVES_RE.match(text, p)
        if not m:
            continue
        value = m.group("value")
        if not any(c.isdigit() for c in value):
            words = WORD_RE.findall(value)
            if not words or words[-1].lower() in vocab.singles:
                continue
        spans.add(m.start("value"), m.end("value"), "address", "labelled")


def scrub(text: str, *, vocabulary: Iterable[str] = (), lang: str | None = None) -> ScrubResult:
    """Replace personal data in `text`; domain `vocabulary` (see domain_vocabulary) survives.

    Placeholders are in `lang` (default: the current language of bti_cli.i18n). Offsets of
    the replacements refer to the original text. Line breaks are never touched.
    """
    from bti_cli.i18n import get_language

    if not text:
        return ScrubResult(text, [])
    lang = lang or get_language()
    marks = placeholders(lang)
    vocab = _compile_vocab(vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary))
    lists = _lists()
    protected = [(m.start(), m.end()) for m in _placeholder_re().finditer(text)] if "[" in text else []
    spans = _Spans(protected)
    _structured(text, spans, vocab)
    scanner = _Scanner(text, vocab, lists, spans.blocked())
    name_spans = scanner.run()
    for start, end, reason in name_spans:
        spans.add(start, end, "name", reason)
        # a date in brackets right after a name is a date of birth: "Ola (12.03.2015)"
        m = DATE_AFTER_NAME_RE.match(text, end)
        if m:
            group = "a" if m.group("a") else "b"
            spans.add(m.start(group), m.end(group), "birth_date", "after_name")
    items = spans.replaced()
    out: list[str] = []
    replacements: list[Replacement] = []
    pos = 0
    for start, end, kind, reason in items:
        # never swallow a line break: split a span that crosses one
        piece = text[start:end]
        if "\n" in piece or "\r" in piece:
            stripped = piece.split("\n")[0].rstrip("\r")
            end = start + len(stripped)
            if end <= start:
                continue
        out.append(text[pos:start])
        out.append(marks[kind])
        replacements.append(Replacement(kind, start, end, marks[kind], text[start:end], reason))
        pos = end
    out.append(text[pos:])
    return ScrubResult("".join(out), replacements)


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
    "placeholders",
    "positions",
    "scrub",
]
