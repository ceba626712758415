"""The services a baton holder's role belongs to: the one rule the consent check reads.

A catalogue role (`kontaktlaerer`, "Helsesykepleier (skolehelsetjenesten)") belongs to the
service the catalogue gives it, or to none. A role typed as free text ("PPT", "helsesykepleier på
helsestasjonen") belongs to the services it names: a service's id or name (or a part of the name
in brackets or after a slash: "BUF", "SLT"), case and accents ignored, also inside the text and
with a Norwegian ending ("helsestasjonen"). When it names no service, the catalogue roles it names
count ("jordmor", "helsesykepleier": the role's name without its bracket). A text that names
nothing known belongs to no service, and the consent rule (`walkthrough.process.consent_covers`)
cannot check it. The walkthrough's baton question and `bti cases handover` both ask here.

Core module: no printing; imports only the catalogue's loader (for `fold`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bti_cli.catalogue.models import Catalogue

# the endings a Norwegian noun takes in a sentence ("helsestasjonen", "barnehagen", "skolens")
_ENDINGS = r"(?:en|et|a|ene|ane|er|ar|s|ens|ets|n|t|ne|r)?"
# older or everyday names of a catalogue role, read as the role's name
_SYNONYMS = (
    ("skolehelsesøster", "helsesykepleier skolehelsetjenesten"),
    ("skolesykepleier", "helsesykepleier skolehelsetjenesten"),
    ("helsesøster", "helsesykepleier"),
)
# a term this short is matched as a whole word only ("nav", not "navn"; "ppt", "bup", "slt")
_SHORT = 4


def _terms(name: str) -> list[str]:
    """A name and its parts in brackets or around a slash: "Barn, ungdom og familie (BUF)" →
    the whole, "Barn, ungdom og familie", "BUF"; a part cut before a hyphen ("Pedagogisk-") is
    not a term of its own."""
    parts = [name, *re.split(r"[()/]", name)]
    out = []
    for part in parts:
        part = part.strip(" ,;")
        if len(part) >= 3 and not part.endswith("-") and part not in out:
            out.append(part)
    return out


def _pattern(term: str) -> str:
    from bti_cli.catalogue.loader import fold

    folded = re.escape(fold(term).replace("-", " "))
    ending = "" if len(term) <= _SHORT else _ENDINGS
    return rf"(?<!\w){folded}{ending}(?!\w)"


@lru_cache(maxsize=32)
def _compiled(terms: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(_pattern(term)), service) for term, service in terms)


def _service_terms(cat: Catalogue) -> tuple[tuple[str, str], ...]:
    terms: list[tuple[str, str]] = []
    for service in cat.services:
        if not service.consent_recipient:  # a placeholder for all or several services: no consent names it
            continue
        for term in (service.id, *_terms(service.name)):
            terms.append((term, service.id))
    return tuple(terms)


def _role_terms(cat: Catalogue) -> tuple[tuple[str, str], ...]:
    known = {s.id for s in cat.services if s.consent_recipient}
    terms: list[tuple[str, str]] = []
    for coordinator in cat.coordinators:
        if coordinator.service in known:
            for term in (coordinator.id, *coordinator.aliases, *_terms(coordinator.role)):
                terms.append((term, coordinator.service))
    return tuple(terms)


def services_named(cat: Catalogue, text: str) -> list[str]:
    """The ids of the services a role typed as free text names, in catalogue order; [] when it
    names none. Services named directly win over roles named ("helsesykepleier på
    helsestasjonen" is the health station's, not the school health service's)."""
    from bti_cli.catalogue.loader import fold

    folded = " ".join(fold(text).replace("-", " ").split())
    if not folded:
        return []
    for old, new in _SYNONYMS:  # "helsesøster", the title before 2019, is a helsesykepleier
        folded = re.sub(rf"(?<!\w){re.escape(fold(old))}{_ENDINGS}(?!\w)", fold(new), folded)
    for terms in (_service_terms(cat), _role_terms(cat)):
        found: list[str] = []
        for pattern, service in _compiled(terms):
            if service not in found and pattern.search(folded):
                found.append(service)
        if found:
            order = [s.id for s in cat.services]
            return sorted(found, key=order.index)
    return []


def role_services(cat: Catalogue, role: str | None) -> list[str]:
    """The services of a baton holder's role: a catalogue role's own service ([] when it has
    none), else the services the text names (`services_named`)."""
    from bti_cli.catalogue.suggest import find_coordinator

    if not role:
        return []
    coordinator = find_coordinator(cat, role)
    if coordinator is not None:
        return [coordinator.service] if coordinator.service else []
    return services_named(cat, role)


__all__ = ["role_services", "services_named"]


def group_role(cat: Catalogue, role: str | None) -> str | None:
    """The name of the catalogue role `role` is (its id or its name), when that role is a group
    (`person = false`: an ansvarsgruppe): the baton is held by one person's role, never a group
    (BTI.md, the baton holder). None for any other role."""
    if not role:
        return None
    from bti_cli.catalogue.suggest import find_coordinator

    found = find_coordinator(cat, role.strip())
    return found.role if found is not None and not found.person else None
