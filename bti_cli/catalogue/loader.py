"""Load and validate municipality data; pure query and filter functions.

Validation problems are reported as `file:line field: message`, so a municipality can
maintain its own file without reading Python.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bti_cli.catalogue.validation import TomlLines, format_problem, pydantic_errors
from bti_cli.errors import DataError, InputError
from bti_cli.i18n import t
from bti_cli.privacy.guard import shown_path

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue, Vocabulary

DEFAULT_MUNICIPALITY = "loten"
_RESERVED = {"areas", "process"}


# --------------------------------------------------------------------------- locating lines


def locate(text: str, loc: Sequence[str | int]) -> int:
    """Best-effort 1-based line of a field path like ('measures', 3, 'age_min') in TOML text
    (`validation.TomlLines`; index the text once when there are many paths)."""
    return TomlLines(text).locate(loc)


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Loaded:
    catalogue: Catalogue
    path: str
    version_hash: str


def shipped_dir():
    from bti_cli.datafiles import data_dir

    return data_dir()


def shipped_municipalities() -> list[str]:
    return sorted(
        p.name[:-5] for p in shipped_dir().iterdir() if p.name.endswith(".toml") and p.name[:-5] not in _RESERVED
    )


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    import tomllib

    from bti_cli import fileio

    try:
        raw = tomllib.loads(text)
    except RecursionError:
        raw = None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = m.group(1) if m else "1"
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        # the parser's own words (`detail`) stay as they are, after a translated sentence
        # the file as every other line shows it (a file named after a person is not repeated)
        problem = f"{shown_path(name)}:{line} ({t('catalogue.v_syntax')}): {detail}"
        raise DataError(t("catalogue.v_not_toml", name=shown_path(name)), [problem]) from None
    if raw is None or fileio.nested_deeper_than(raw, MAX_DATA_DEPTH):
        problem = f"{shown_path(name)}:1 ({t('catalogue.v_file')}): {t('catalogue.v_too_deep', depth=MAX_DATA_DEPTH)}"
        raise DataError(t("catalogue.v_not_toml", name=shown_path(name)), [problem])
    return raw


def _located(errors: Iterable[tuple[Sequence[str | int], str]], text: str, name: str) -> list[str]:
    """`file:line field: message` for (field path, message) pairs found in `text`."""
    lines = TomlLines(text)
    return [format_problem(name, lines.locate(loc), loc, message) for loc, message in errors]


def check_references(cat: Catalogue, vocabulary: Vocabulary) -> list[tuple[tuple, str]]:
    """Cross-field checks pydantic cannot do alone: ids, references, vocabularies."""
    problems: list[tuple[tuple, str]] = []
    service_ids = {s.id for s in cat.services}
    area_keys = set(vocabulary.areas)

    for kind in ("services", "measures", "arenas", "coordinators"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(cat, kind)):
            if item.id in seen:
                first = f"{kind}[{seen[item.id]}]"
                problems.append(((kind, i, "id"), t("catalogue.v_duplicate_id", id=repr(item.id), first=first)))
            else:
                seen[item.id] = i
    for i, m in enumerate(cat.measures):
        if m.service not in service_ids:
            problems.append((("measures", i, "service"), t("catalogue.v_unknown_service", id=repr(m.service))))
        for area in m.areas:
            if area not in area_keys:
                problems.append((("measures", i, "areas"), t("catalogue.v_unknown_area", area=repr(area))))
        if m.only_when_area is not None and m.only_when_area not in area_keys:
            problems.append((("measures", i, "only_when_area"),
                             t("catalogue.v_unknown_area", area=repr(m.only_when_area))))
        if m.only_when_area is not None and not m.only_when:
            problems.append((("measures", i, "only_when_area"), t("catalogue.v_only_when_area_alone")))
    for i, a in enumerate(cat.arenas):
        for sid in a.services:
            if sid not in service_ids:
                problems.append((("arenas", i, "services"), t("catalogue.v_unknown_service", id=repr(sid))))
        for area in a.areas:
            if area not in area_keys:
                problems.append((("arenas", i, "areas"), t("catalogue.v_unknown_area", area=repr(area))))
        if a.age_min is not None and a.age_max is not None and a.age_min > a.age_max:
            problems.append((("arenas", i, "age_min"), t("catalogue.v_age_order")))
    for i, c in enumerate(cat.coordinators):
        if c.service is not None and c.service not in service_ids:
            problems.append((("coordinators", i, "service"), t("catalogue.v_unknown_service", id=repr(c.service))))
    from bti_cli.catalogue.checks import check_second_edition

    problems += check_second_edition(cat, vocabulary)
    return problems


def _controls_in(node: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The paths of the keys and texts of a parsed data file that hold a control or invisible
    character (`privacy.controls`; a carriage return of a file saved with CRLF line ends is no
    such character here)."""
    from bti_cli.privacy.controls import has_controls

    if isinstance(node, str):
        if has_controls(node.replace("\r", "")):
            yield loc
    elif isinstance(node, dict):
        for key, value in node.items():
            if has_controls(str(key)):
                yield (*loc, key)
            yield from _controls_in(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _controls_in(value, (*loc, i))


def parse_catalogue(text: str, name: str, raw: dict[str, Any] | None = None) -> Catalogue:
    """Validate catalogue text (`raw`: its parsed TOML, when already parsed); raise DataError
    listing every problem with its line."""
    from pydantic import ValidationError

    from bti_cli.catalogue.models import Catalogue

    if raw is None:
        raw = _parse_toml(text, name)
    controls = list(_controls_in(raw))
    if controls:  # a name with ESC]0;… would retitle the terminal of whoever lists the measures
        raise DataError(t("catalogue.v_invalid_file", name=shown_path(name)),
                        _located([(loc, t("catalogue.v_control")) for loc in controls], text, name))
    try:
        cat = Catalogue.model_validate(raw)
    except ValidationError as exc:
        problems = _located(pydantic_errors(exc), text, name)
        raise DataError(t("catalogue.v_invalid_file", name=shown_path(name)), problems) from None
    refs = check_references(cat, load_vocabulary())
    if refs:
        raise DataError(t("catalogue.v_invalid_file", name=shown_path(name)), _located(refs, text, name))
    return cat


@cache
def load_vocabulary() -> Vocabulary:
    text = (shipped_dir() / "areas.toml").read_text(encoding="utf-8")
    return parse_vocabulary(text, "areas.toml")


def parse_vocabulary(text: str, name: str) -> Vocabulary:
    """Validate the text of an areas vocabulary; raise DataError listing every problem with its line."""
    from pydantic import ValidationError

    from bti_cli.catalogue.models import Vocabulary

    try:
        return Vocabulary.model_validate(_parse_toml(text, name))
    except ValidationError as exc:
        raise DataError(
            t("catalogue.v_invalid_vocabulary", name=shown_path(name)), _located(pydantic_errors(exc), text, name)
        ) from None


def file_kind(raw: dict[str, Any]) -> str | None:
    """What a parsed data file is, by its top-level tables: "municipality", "process", "areas"
    or None (not a bti data file)."""
    if "municipality" in raw or "services" in raw or "measures" in raw:
        return "municipality"
    if "steps" in raw or "levels" in raw:
        return "process"
    if "areas" in raw or "work_arenas" in raw:
        return "areas"
    return None


MAX_DATA_BYTES = 64 << 20  # a municipality with 20,000 measures is ~10 MiB
MAX_DATA_DEPTH = 24  # tables and arrays in a data file nest a handful of levels


def _read(path: Path) -> str:
    from bti_cli import fileio

    shown = shown_path(path)  # a file named after a person is not repeated
    try:
        return fileio.read_text_capped(path, MAX_DATA_BYTES)
    except fileio.TooLarge:
        problem = f"{shown}:1 ({t('catalogue.v_file')}): {t('catalogue.v_too_large', mib=MAX_DATA_BYTES >> 20)}"
        raise DataError(t("catalogue.err_data_too_large", path=shown), [problem]) from None
    except FileNotFoundError:
        raise InputError(t("catalogue.err_no_data_file", path=shown)) from None
    except IsADirectoryError:
        raise InputError(t("catalogue.err_data_is_folder", path=shown)) from None
    except UnicodeDecodeError:
        problem = f"{shown}:1 ({t('catalogue.v_file')}): {t('catalogue.v_not_utf8')}"
        raise DataError(t("catalogue.err_data_not_utf8", path=shown), [problem]) from None
    except OSError as exc:
        raise InputError(t("catalogue.err_data_unreadable", path=shown,
                           reason=exc.strerror or type(exc).__name__)) from None


def _source_text(municipality: str | None, data: str | Path | None) -> tuple[str, str]:
    """(text, display name) of the catalogue from `--data PATH`, else the shipped one."""
    if data is not None:
        path = Path(data)
        return _read(path), str(path)
    slug = municipality or DEFAULT_MUNICIPALITY
    check_municipality(slug)
    return (shipped_dir() / f"{slug}.toml").read_text(encoding="utf-8"), f"{slug}.toml"


def check_municipality(slug: str) -> None:
    """InputError when `slug` names no shipped municipality; the slug is not repeated (it is
    whatever was typed, a surname in lower case too), the shipped ones are listed."""
    if slug in _RESERVED or not (shipped_dir() / f"{slug}.toml").is_file():
        known = ", ".join(shipped_municipalities())
        raise InputError(
            t("catalogue.err_unknown_municipality"), hint=t("catalogue.hint_unknown_municipality", known=known)
        )


def _digest(text: str) -> str:
    """The catalogue version recorded in case files: the first 16 hex digits of its SHA-256."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load(municipality: str | None = None, data: str | Path | None = None) -> Loaded:
    """The validated pydantic catalogue (for the walkthrough and validation)."""
    text, name = _source_text(municipality, data)
    return load_text(text, name)


def load_text(text: str, name: str, raw: dict[str, Any] | None = None) -> Loaded:
    """The validated catalogue of a file's `text` (`raw`: its parsed TOML, when already parsed)."""
    return Loaded(parse_catalogue(text, name, raw), name, _digest(text))


# the catalogues loaded in this run, by (municipality, file): the command that loaded one and the
# case index (which replays that municipality's cases) use the same, maybe from a `--data` file
_loaded_in_run: dict[tuple[str | None, str], Loaded] = {}


def load_once(municipality: str | None = None, data: str | Path | None = None) -> Loaded:
    """`load`, once per run for each municipality and file."""
    key = (municipality, str(data))
    if key not in _loaded_in_run:
        _loaded_in_run[key] = load(municipality, data)
    return _loaded_in_run[key]


def loaded_in_run(municipality: str) -> Loaded | None:
    """The catalogue of `municipality` that this run loaded already (`load_once`), else None."""
    return next((loaded for loaded in _loaded_in_run.values()
                 if loaded.catalogue.municipality.slug == municipality), None)


def forget_loaded() -> None:
    """Forget the catalogues of this run (a new run, e.g. in tests)."""
    _loaded_in_run.clear()


@dataclass(frozen=True)
class Plain:
    """A validated catalogue as plain JSON data: what the listing commands need, fast.

    `data` is `Catalogue.model_dump(mode="json")`; `vocabulary` the same for areas.toml.
    """

    data: dict[str, Any]
    vocabulary: dict[str, Any]
    path: str
    version_hash: str

    @property
    def name(self) -> str:
        return self.data["municipality"]["name"]


def _cache_dir() -> Path:
    from bti_cli.paths import cache_dir

    return cache_dir()


def _text_key(raw: bytes, vocab_raw: bytes) -> str:
    """CRC-32 and length of a catalogue and of areas.toml: what identifies a validated copy."""
    return f"{zlib.crc32(raw):08x}{len(raw):x}-{zlib.crc32(vocab_raw):08x}{len(vocab_raw):x}"


def _vocabulary_text() -> str:
    return (shipped_dir() / "areas.toml").read_text(encoding="utf-8")


def compiled_payload(municipality: str) -> dict[str, Any]:
    """The validated copy of a shipped catalogue as written to `data/compiled/<slug>.json`
    by `scripts/compile_catalogues.py` (a test checks the shipped copies are current)."""
    text, name = _source_text(municipality, None)
    vocab_text = _vocabulary_text()
    cat = parse_catalogue(text, name)
    return {
        "key": _text_key(text.encode("utf-8"), vocab_text.encode("utf-8")),
        "data": cat.model_dump(mode="json"),
        "vocabulary": load_vocabulary().model_dump(mode="json"),
        "version_hash": _digest(text),
    }


def load_plain(municipality: str | None = None, data: str | Path | None = None) -> Plain:
    """Like `load`, but served from a validated copy when the file is unchanged.

    Validating with pydantic costs more than all the rest of a listing command. A shipped
    catalogue comes with its validated copy (`data/compiled/<slug>.json`), so even the first
    run is fast; any other file (or a shipped one edited in place) is validated once and kept in
    the user cache folder. Both copies are keyed by the CRC-32 and length of the catalogue and
    areas.toml texts (an edit that keeps both has a 1 in 4 billion chance), the cache also by
    the bti version; the catalogue's SHA-256 version is computed at validation and kept with
    the copy. A broken or missing copy is simply rebuilt.
    """
    import json

    from bti_cli import __version__

    text, name = _source_text(municipality, data)
    vocab_text = _vocabulary_text()
    key = _text_key(text.encode("utf-8"), vocab_text.encode("utf-8"))
    copies = [_cache_dir() / f"catalogue-{__version__}-{key}.json"]
    if data is None:
        copies.insert(0, shipped_dir() / "compiled" / f"{municipality or DEFAULT_MUNICIPALITY}.json")
    for copy in copies:
        try:
            cached = json.loads(copy.read_text(encoding="utf-8"))
            if cached.get("key", key) == key:
                return Plain(cached["data"], cached["vocabulary"], name, cached["version_hash"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
    cat = parse_catalogue(text, name)
    plain = Plain(cat.model_dump(mode="json"), load_vocabulary().model_dump(mode="json"), name, _digest(text))
    cache_file = copies[-1]
    try:
        from bti_cli import fileio

        fileio.ensure_dir(cache_file.parent)
        payload = {"key": key, "data": plain.data, "vocabulary": plain.vocabulary, "version_hash": plain.version_hash}
        fileio.atomic_write(cache_file, json.dumps(payload).encode("utf-8"))
    except OSError:
        pass  # a read-only home is no reason to fail; we validate again next time
    return plain


# --------------------------------------------------------------------------- queries
#
# Query functions work on plain JSON data (Plain.data, or Catalogue.model_dump(mode="json")).


def fold(text: str) -> str:
    """Lower-case, accent-free form for searching: 'Søskengruppe' → 'soskengruppe'."""
    text = text.casefold().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches_words(query: str, text: str) -> bool:
    """Every word of `query` is in `text`, accents and case ignored, as a part of a word too, so
    a Norwegian compound is found by its parts: "lese" finds "Leseveiledning", "veiledning"
    finds "foreldreveiledning"."""
    words = fold(query).split()
    haystack = fold(text)
    return bool(words) and all(word in haystack for word in words)


# a measure that is not running yet: its period is the time the plan gives for building it
BUILDING_STATUSES = ("planned", "developing")


def _this_year(year: int | None) -> int:
    if year is None:
        import datetime

        return datetime.date.today().year
    return year


def period_ended(period: dict[str, Any] | None, year: int | None = None, status: str | None = None) -> bool:
    """True when a running measure's period (`{"start", "end", "years"}`) ended before `year`
    (default: this year). A period with no end year never ends. The period of a measure still
    being built (`status` planned or developing) is its build period: when it has passed, the
    measure is due (see `period_due`), not ended ("utvikles og implementeres i perioden
    2023–2025" does not mean the offer stops in 2025)."""
    if not period or period.get("end") is None or status in BUILDING_STATUSES:
        return False
    return int(period["end"]) < _this_year(year)


def period_due(period: dict[str, Any] | None, status: str, year: int | None = None) -> int | None:
    """The year by which the plan said a planned or developing measure would be in place, when
    that year has passed (so it may well run now; the plan cannot say); None otherwise. The year
    is the period's end, or its start when the plan gives only the year it was to come."""
    if not period or status not in BUILDING_STATUSES:
        return None
    last = period.get("end") if period.get("end") is not None else period.get("start")
    if last is None or int(last) >= _this_year(year):
        return None
    return int(last)


def age_fits(age: int, age_min: int | None, age_max: int | None) -> bool:
    return (age_min is None or age_min <= age) and (age_max is None or age <= age_max)


def find_service(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    """A service by id, or by a unique case- and accent-insensitive part of its name."""
    for s in data["services"]:
        if s["id"] == key:
            return s
    wanted = fold(key)
    hits = [s for s in data["services"] if wanted in fold(s["name"]) or wanted == fold(s["id"])]
    return hits[0] if len(hits) == 1 else None


def resolve_services(data: dict[str, Any], keys: Iterable[str]) -> set[str]:
    ids = set()
    for key in keys:
        service = find_service(data, key)
        if service is None:
            known = ", ".join(s["id"] for s in data["services"])
            raise InputError(t("catalogue.err_unknown_service"), hint=t("catalogue.hint_services", known=known))
        ids.add(service["id"])
    return ids


def filter_measures(
    data: dict[str, Any],
    *,
    services: Iterable[str] = (),
    tiers: Iterable[str] = (),
    age: int | None = None,
    areas: Iterable[str] = (),
    statuses: Iterable[str] = (),
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Measures matching every given filter (values within one filter are alternatives)."""
    service_ids = resolve_services(data, services) if services else None
    tier_set = set(tiers)
    area_set = set(areas)
    status_set = set(statuses)
    needle = fold(search) if search else None
    result = []
    for m in data["measures"]:
        if service_ids is not None and m["service"] not in service_ids:
            continue
        if tier_set and not tier_set.intersection(m["tiers"]):
            continue
        if age is not None and not age_fits(age, m.get("age_min"), m.get("age_max")):
            continue
        if area_set and not area_set.intersection(m["areas"]):
            continue
        if status_set and m["status"] not in status_set:
            continue
        if needle and not matches_words(needle, f"{m['name']} {m['description']} {m.get('target_group', '')}"):
            continue
        result.append(m)
    return result


def get_measure(data: dict[str, Any], measure_id: str) -> dict[str, Any]:
    """A measure by id or by one of its earlier ids (`aliases`)."""
    for m in data["measures"]:
        if m["id"] == measure_id or measure_id in (m.get("aliases") or ()):
            return m
    wanted = fold(measure_id)
    close = [m["id"] for m in data["measures"] if wanted in fold(m["id"] + " " + m["name"])][:5]
    hint = t("catalogue.hint_did_you_mean", choices=", ".join(close)) if close else t("catalogue.hint_see_measures")
    raise InputError(t("catalogue.err_no_measure"), hint=hint)


@cache
def vocabulary_data() -> dict[str, Any]:
    """areas.toml as plain data (validated by `load_vocabulary` in tests and `data validate`)."""
    import tomllib

    return tomllib.loads((shipped_dir() / "areas.toml").read_text(encoding="utf-8"))


def area_label(key: str, lang: str | None = None) -> str:
    from bti_cli.i18n import pick

    labels = vocabulary_data()["areas"].get(key)
    return pick(labels, lang) if labels else key


def work_arena_label(key: str, lang: str | None = None) -> str:
    from bti_cli.i18n import pick

    labels = vocabulary_data()["work_arenas"].get(key)
    return pick(labels, lang) if labels else key


def measure_row(m: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The public JSON row of a measure (keys documented in docs/coordinator-guide.md)."""
    service_names = {s["id"]: s["name"] for s in data["services"]}
    return {
        "id": m["id"],
        "name": m["name"],
        "tiers": list(m["tiers"]),
        "service": m["service"],
        "service_name": service_names.get(m["service"], m["service"]),
        "target_group": m.get("target_group", ""),
        "age_min": m.get("age_min"),
        "age_max": m.get("age_max"),
        "age_note": m.get("age_note"),
        "audience": list(m["audience"]),
        "areas": list(m["areas"]),
        "status": m["status"],
        "status_words": m.get("status_words", ""),
        "purpose": m.get("purpose", "direct"),
        "period": m.get("period"),
        "ended": period_ended(m.get("period"), status=m["status"]),
        "due": period_due(m.get("period"), m["status"]),
        "shared_with": list(m.get("shared_with") or []),
        "only_when": m.get("only_when", ""),
        "only_when_area": m.get("only_when_area"),
        "aliases": list(m.get("aliases") or []),
        "description": m["description"],
        "source": {k: v for k, v in m["source"].items() if v is not None},
    }


def source_text(source: dict[str, Any]) -> str:
    """A source for people: 'file › section' for the plan, else the basis and its reference."""
    if source.get("basis", "plan") == "plan":
        text = f"{source['file']} › {source['section']}"
    else:
        text = f"{t('catalogue.basis_' + source['basis'])}: {source['ref']}"
    return f"{text} ({source['note']})" if source.get("note") else text
