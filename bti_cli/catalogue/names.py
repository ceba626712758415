"""Names for a catalogue's ids: what a person reads where a case file or an index row holds an id.

`Names` turns the ids of measures, services, arenas and baton-holder roles into the names the
municipality's catalogue gives them ("kontaktlaerer" → "Kontaktlærer"), also for an earlier id
kept as an alias. An id the catalogue does not know (an entry since removed, a case from a
municipality this installation does not ship) reads as itself with spaces for hyphens and a
capital first letter ("helsesykepleier-skolehelsetjenesten" → "Helsesykepleier
skolehelsetjenesten"), never as an error; a role written as free text is shown as written.

One lookup for every view that shows a case to a person: `bti cases show`, `bti cases list`,
`bti due` (and its calendar entries) and the family summary. Machine formats keep the ids.

Core module: never prints; `for_municipality` reads the compiled catalogue, once per run.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue, Measure

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def readable(key: str) -> str:
    """An id nobody knows any more, readable: hyphens become spaces, the first letter a capital.
    Anything that is not an id (a role written as free text) is returned as it is."""
    if not _SLUG.match(key):
        return key
    text = key.replace("-", " ")
    return text[:1].upper() + text[1:]


class Names:
    """The names of one catalogue's ids; `Names(None)` when no catalogue could be read (every id
    then reads through `readable`)."""

    def __init__(self, catalogue: Catalogue | None = None, *, data: dict[str, Any] | None = None) -> None:
        self.catalogue = catalogue
        # the municipality whose catalogue this is (None: no catalogue)
        self.slug: str | None = None
        self.municipality_name: str | None = None
        # measure id → model (the family summary reads its service too); from plain data: None
        self.measures: dict[str, Measure] = {}
        self._measures: dict[str, str] = {}
        self._services: dict[str, str] = {}
        self._arenas: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._role_words: dict[str, str] = {}
        if catalogue is not None:
            self.slug = catalogue.municipality.slug
            self.municipality_name = catalogue.municipality.name
            for m in catalogue.measures:
                for key in (m.id, *m.aliases):
                    self.measures.setdefault(key, m)
                    self._measures.setdefault(key, m.name)
            self._add(self._services, ((s.id, s.name, ()) for s in catalogue.services))
            self._add(self._arenas, ((a.id, a.name, a.aliases) for a in catalogue.arenas))
            self._add(self._roles, ((c.id, c.role, c.aliases) for c in catalogue.coordinators))
        elif data is not None:
            self.slug = data.get("municipality", {}).get("slug")
            self.municipality_name = data.get("municipality", {}).get("name")
            self._add(self._measures, ((m["id"], m["name"], m.get("aliases") or ())
                                       for m in data.get("measures", [])))
            self._add(self._services, ((s["id"], s["name"], ()) for s in data.get("services", [])))
            self._add(self._arenas, ((a["id"], a["name"], a.get("aliases") or ()) for a in data.get("arenas", [])))
            self._add(self._roles, ((c["id"], c["role"], c.get("aliases") or ())
                                    for c in data.get("coordinators", [])))
        from bti_cli.catalogue.loader import fold

        self._role_words = {fold(role): role for role in self._roles.values()}

    @staticmethod
    def _add(into: dict[str, str], items: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        for key, name, aliases in items:
            into[key] = name
            for alias in aliases:
                into.setdefault(alias, name)

    def measure(self, key: str | None) -> str:
        return self._name(self._measures, key)

    def municipality(self, slug: str | None) -> str:
        """The municipality's name ("loten" → "Løten") when this is its catalogue."""
        if slug and slug == self.slug and self.municipality_name:
            return self.municipality_name
        return readable(slug) if slug else ""

    def service(self, key: str | None) -> str:
        return self._name(self._services, key)

    def has_service(self, key: str | None) -> bool:
        """Whether the catalogue names a service with this id."""
        return bool(key) and key in self._services

    def arena(self, key: str | None) -> str:
        return self._name(self._arenas, key)

    def role(self, value: str | None) -> str:
        """A baton holder's or an employee's role: the catalogue's name for a coordinator id (or
        one of its earlier ids), the catalogue's spelling of a role typed by hand
        ("kontaktlærer" → "Kontaktlærer"), else the role as it was written."""
        if not value:
            return ""
        if value in self._roles:
            return self._roles[value]
        from bti_cli.catalogue.loader import fold

        return self._role_words.get(fold(value)) or readable(value)

    def owner(self, value: str | None) -> str:
        """A measure's owner (`measure_owners`): a service's name for a service id, else a role's."""
        if value and value in self._services:
            return self._services[value]
        return self.role(value)

    @staticmethod
    def _name(names: dict[str, str], key: str | None) -> str:
        if not key:
            return ""
        return names.get(key) or readable(key)


_for_municipality: dict[str | None, Names] = {}


def for_municipality(slug: str | None) -> Names:
    """The names of a shipped municipality's catalogue (the compiled copy: fast), once per run;
    `Names(None)` when there is no such catalogue or it cannot be read."""
    if slug not in _for_municipality:
        from bti_cli.errors import BtiError

        names = Names(None)
        if slug:
            from bti_cli.catalogue import loader

            with contextlib.suppress(BtiError, OSError, ValueError, KeyError):
                names = Names(data=loader.load_plain(slug).data)
        _for_municipality[slug] = names
    return _for_municipality[slug]


def forget() -> None:
    """Forget the names read in this run (a new run, e.g. in tests)."""
    _for_municipality.clear()


__all__ = ["Names", "for_municipality", "forget", "readable"]
