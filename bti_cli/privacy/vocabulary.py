"""Domain vocabulary: the words and phrases that always survive scrubbing (service, measure and
arena names of the catalogue, roles, places, months, abbreviations, concern areas).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from bti_cli.privacy.names import WORD_RE, NameLists, shipped_lists

# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Vocab:
    singles: frozenset[str]  # lower-case single words that survive
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word → word sequences, longest first
    # the singles that survive only as a word of a phrase ("nok" of "Nok Elverum"): after "heter"
    # or "kalt" such a capitalised word is a name ("kalt Nok")
    phrase_only: frozenset[str] = frozenset()


def is_listed_name(low: str, lists: NameLists) -> bool:
    if low in lists.names:
        return True
    if low.endswith("s") and low[:-1] in lists.given and low not in lists.words:
        return True  # a genitive: "Sofies" of "Stine Sofies Stiftelse"
    if "-" in low:
        parts = low.split("-")
        return all(p in lists.names for p in parts)
    return False


@lru_cache(maxsize=16)
def compile_vocab(extra: frozenset[str]) -> Vocab:
    lists = shipped_lists()
    singles: set[str] = set()
    entries: set[str] = set()
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for entry in (*builtin_vocabulary(), *extra):
        words = tuple(w.lower() for w in WORD_RE.findall(entry))
        if not words:
            continue
        if len(words) == 1:
            singles.add(words[0])
            entries.add(words[0])
            continue
        phrases.setdefault(words[0], set()).add(words)
        if _dotted_abbreviation(entry):
            continue  # "bl.a.", "f.eks.": "bl" alone is no word ("– BL" signs a note)
        for w in words:
            # a single word of a phrase survives alone too, unless it is a personal name
            # ("Marte Meo" survives as a phrase; "Marte" alone is still a name)
            if not is_listed_name(w, lists) and len(w) > 1:
                singles.add(w)
    # a title ("Emil i Lønneberget", "Karius og Baktus") survives as a whole; its words alone
    # are judged as any other word ("Emil (7) lo", "Karius (6) slo" are children)
    for title in lists.titles:
        words = tuple(w.lower() for w in WORD_RE.findall(title))
        if len(words) > 1:
            phrases.setdefault(words[0], set()).add(words)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()}
    return Vocab(frozenset(singles), ordered, frozenset(singles - entries))


def _dotted_abbreviation(entry: str) -> bool:
    """An abbreviation of several shortened words, each with its full stop ("bl.a.", "f.eks.")."""
    parts = entry.strip().rstrip(".").split(".")
    return len(parts) > 1 and all(p.isalpha() and len(p) <= 4 for p in parts)


@cache
def builtin_vocabulary() -> frozenset[str]:
    """domain.txt plus the labels of concern areas and work arenas (areas.toml), in nb/nn/en."""
    import tomllib

    from bti_cli.datafiles import data_dir

    words = set(shipped_lists().domain)
    try:
        raw = tomllib.loads((data_dir() / "areas.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):  # the built-in words still apply without areas.toml
        raw = {}
    for table in ("areas", "work_arenas"):
        for labels in (raw.get(table) or {}).values():
            if isinstance(labels, dict):
                # a label of one word that is a given name too (nynorsk "Anna", other) would let
                # every Anna through: it is no domain word
                words.update(
                    v for v in labels.values()
                    if isinstance(v, str) and not (" " not in v and v.lower() in shipped_lists().given)
                )
    words.update(shipped_catalogue_names())
    return frozenset(words)


@cache
def shipped_catalogue_names() -> frozenset[str]:
    """The names of every shipped municipality's services, measures, arenas and coordinator
    roles (data/compiled/*.json), so that a note about a measure of another municipality keeps
    its name whichever catalogue the scrubber was given."""
    import json

    from bti_cli.datafiles import data_dir

    names: set[str] = set()
    for path in sorted((data_dir() / "compiled").glob("*.json")):
        try:
            cat = json.loads(path.read_text(encoding="utf-8")).get("data") or {}
        except (OSError, ValueError, AttributeError):  # a damaged copy: the catalogue given still applies
            continue
        names.update(_catalogue_phrases(cat))
    return frozenset(names)


def _catalogue_phrases(cat: Any) -> list[str]:
    """The names, roles, areas and ids of one catalogue, and its municipality and county."""
    meta = _field(cat, "municipality") or {}
    phrases: list[str] = [_field(meta, "name") or "", _field(meta, "county") or ""]
    for s in _field(cat, "services") or ():
        phrases += [_field(s, "name"), _field(s, "area"), _field(s, "id")]
    for m in _field(cat, "measures") or ():
        phrases += [_field(m, "name"), _field(m, "id")]
    for a in _field(cat, "arenas") or ():
        phrases += [_field(a, "name"), _field(a, "id")]
    for c in _field(cat, "coordinators") or ():
        phrases += [_field(c, "role"), _field(c, "id")]
    return [p for p in phrases if isinstance(p, str) and p]


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
    abbreviations, and the service, measure and arena names and roles of every shipped
    municipality (a note may name another municipality's measure).
    """
    lists = shipped_lists()
    vocab: set[str] = set(builtin_vocabulary())
    if catalogue is None:
        return frozenset(vocab)
    cat = catalogue
    for wrapper in ("catalogue", "data"):  # catalogue.Loaded, catalogue.Plain
        inner = _field(cat, wrapper)
        if inner is not None and not isinstance(inner, (str, int)):
            cat = inner
            break
    free: list[str] = []
    for s in _field(cat, "services") or ():
        free.append(_field(s, "description") or "")
    for m in _field(cat, "measures") or ():
        free += [_field(m, "description") or "", _field(m, "target_group") or "", _field(m, "age_note") or ""]
    for a in _field(cat, "arenas") or ():
        free += [_field(a, "description") or "", *(_field(a, "participants") or ())]
    for c in _field(cat, "coordinators") or ():
        free += [_field(c, "description") or "", _field(c, "conditions") or ""]
    vocab.update(_catalogue_phrases(cat))
    for text in free:
        for word in WORD_RE.findall(text):
            if word[0].isupper() and not is_listed_name(word.lower(), lists):
                vocab.add(word)
    return frozenset(vocab)
