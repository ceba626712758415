"""Checks for the Elverum catalogue (data/elverum.toml).

EXPECTED is written by hand from the seed (003_e0b37af50196586c.txt, the tables
"Universelle tiltak", "Selektive tiltak" and "Indikative tiltak"): one pair per table row,
in table order, with the measure name as the source spells it. It is the evidence that no
measure was dropped when transcribing.
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    from bti_cli.catalogue.models import Catalogue
except ImportError:  # running without the package installed
    sys.path.insert(0, str(ROOT))
    from bti_cli.catalogue.models import Catalogue

DATA = ROOT / "data"
FILE = DATA / "elverum.toml"
SEED = "003_e0b37af50196586c.txt"

U, S, I = "universal", "selective", "indicated"  # noqa: E741

EXPECTED: list[tuple[str, str]] = [
    # Universelle tiltak (40 rows)
    ("Svangerskapsomsorgen", U),
    ("Godt samliv", U),
    ("(PALS) Positiv atferd, støttende læringsmiljø og samhandling", U),
    ("Circle of Security (COS)", U),
    ("Tilvenningsmodell barnehage", U),
    ("Psykologisk førstehjelp", U),
    ("Fritt fram – utleieordning av utstyr til fritid", U),
    ("Stine Sofies Stiftelse Barnehagepakke", U),
    ("Stine Sofies Stiftelse Foreldrepakke", U),
    ("Handlingsplan for et trygt og godt barnehagemiljø", U),
    ("Språksprell", U),
    ("Ulike program – fremme sosial kompetanse", U),
    ("Helsestasjon for ungdom", U),
    ("Leksehjelp", U),
    ("2-årskontroll i barnehage", U),
    ("4-årskontroll i barnehage", U),
    ("Overgang barnehage-skole", U),
    ("Leseplan", U),
    ("Foreldremøter barnehage", U),
    ("Foreldresamtaler om barnets utvikling", U),
    ("Utviklingssamtaler", U),
    ("Gratis SFO 15 timer pr. uke", U),
    ("Åpne møteplasser Foreldrekafe, Babysang, Informasjonsmøter og kurs, Nettverkstilbud", U),
    ("Videomateriell på flere språk – I trygge hender m.m.", U),
    ("Miljøterapeut i skole", U),
    ("DEMBRA Demokratisk beredskap mot rasisme og antisemittisme", U),
    ("ICDP (International Child Development Program)", U),
    ("Samordningsmodell for lokale, forebyggende tiltak mot rus og kriminalitet (SLT)", U),
    ("Skolestartundersøkelse", U),
    ("Vektmåling oppfølging ved behov", U),
    ("Undervisning og samtale om puberteten", U),
    ("Undervisning og samtale om seksualitet, identitet, grenser og nettvett", U),
    ("Bedre tverrfaglig innsats", U),
    ("Råd og veiledning", U),
    ("Barnetalsperson", U),
    ("Aktiv ung", U),
    ("Ungdommens hus", U),
    ("Informasjon om Nok Elverum sitt tilbud på nettsider", U),
    ("Systemtiltak Organisasjon- og kompetanseutvikling", U),
    ("Turning in to Teens (TINT)", U),
    # Selektive tiltak (21 rows)
    ("ICDP (International Child Development Program)", S),
    ("Flexid – Kurskonsept", S),
    ("Flexid foreldregruppe", S),
    ("Systemtiltak individ og gruppe", S),
    ("Systemtiltak Organisasjon- og kompetanseutvikling", S),
    ("Bedre tverrfaglig innsats (BTI) fagmøte barnehage", S),
    ("Bedre tverrfaglig innsats (BTI) fagmøte skole", S),
    ("Visma flyt samspill", S),
    ("Foreldresamtaler familier med høyt konfliktnivå", S),
    ("Økonomisk støtte til deltakelse i aktivitet", S),
    ("Lekeressurs", S),
    ("Redusert foreldrebetaling barnehage og SFO", S),
    ("Gratis kjernetid", S),
    ("Kvalifiseringsprogram", S),
    ("Gjeldsrådgivning", S),
    ("Frivillig og tvungen forvaltning", S),
    ("Råd og veiledning", S),  # 16-18 år, NAV i Elverum
    ("IPS (Individual placement and support)", S),
    ("Samordningsmodell for lokale, forebyggende tiltak mot rus og kriminalitet (SLT)", S),
    ("Erfaringskonsulent", S),
    ("Råd og veiledning", S),  # foresatte, Barneverntjenesten
    # Indikative tiltak (29 rows)
    ("Spesialpedagogisk hjelp i barnehage etter vedtak", I),
    ("Miljøterapi", I),
    ("Spesialundervisning", I),
    ("Alternative undervisningsarenaer", I),  # 13-16 år, Liatunet og Oasen
    ("Alternative undervisningsarenaer", I),  # 6-13 år, under utvikling
    ("Ressursteam ungdomsskolen", I),
    ("Ansvarsgruppe", I),
    ("Barnekoordinator", I),
    ("Individuell plan", I),
    ("Selvmondsforebyggende kurs", I),  # spelled so in the source
    ("Kommunepsykolog – observasjon, samtale og veiledning", I),
    ("Bistand til livsopphold", I),
    ("Veiledning", I),  # foreldre til barn med autisme, Habiliteringstjenesten
    ("Avlastning", I),
    ("Støttekontakt", I),
    ("Startlån", I),
    ("BPA (brukerstyrt personlig assistent)", I),
    ("Psykososialt kriseteam", I),
    ("Oppfølging etter behov avdekket i program for skolehelsetjenesten", I),
    ("SLT", I),
    ("Erfaringskonsulent", I),
    ("Råd og veiledning", I),
    ("Multi systemisk terapi (MST)", I),
    ("Besøkshjem", I),
    ("Tilsynsfører i hjemmet", I),
    ("Uro-samtale", I),
    ("Terapeutisk konflikthåndtering (TKH)", I),
    ("Veiledning til tjenester om atferdsvansker", I),
    ("TIBIR (tidlig innsats for barn i risiko)/PMTO (behandlingsmetode)", I),
]

# Offers that share a name but are distinct rows: the catalogue must keep them apart.
DISTINCT = {
    ("ICDP (International Child Development Program)", frozenset({U, S})): 2,
    ("Alternative undervisningsarenaer", frozenset({I})): 2,
}


@pytest.fixture(scope="module")
def raw() -> dict:
    with FILE.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def catalogue(raw: dict) -> Catalogue:
    return Catalogue.model_validate(raw)


@pytest.fixture(scope="module")
def vocabulary() -> dict:
    with (DATA / "areas.toml").open("rb") as fh:
        return tomllib.load(fh)


def _tiers(measure) -> set[str]:
    return {t.value if hasattr(t, "value") else str(t) for t in measure.tiers}


def test_validates(catalogue: Catalogue) -> None:
    meta = catalogue.municipality
    assert meta.slug == "elverum"
    assert meta.number == "3420"
    assert meta.name == "Elverum"
    assert [s.file for s in meta.sources] == [SEED]


def test_ids_unique(catalogue: Catalogue) -> None:
    for kind in ("services", "measures", "arenas", "coordinators"):
        ids = [x.id for x in getattr(catalogue, kind)]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes, f"duplicate {kind} ids: {dupes}"


def test_references_resolve(catalogue: Catalogue, vocabulary: dict) -> None:
    services = {s.id for s in catalogue.services}
    areas = set(vocabulary["areas"])
    work_arenas = set(vocabulary["work_arenas"])
    for m in catalogue.measures:
        assert m.service in services, f"measure {m.id}: unknown service {m.service}"
        unknown = set(m.areas) - areas
        assert not unknown, f"measure {m.id}: unknown areas {unknown}"
        assert m.source.file == SEED
    for a in catalogue.arenas:
        assert set(a.services) <= services, f"arena {a.id}: unknown services"
        assert set(a.areas) <= areas, f"arena {a.id}: unknown areas"
    for c in catalogue.coordinators:
        assert c.service is None or c.service in services, f"coordinator {c.id}"
        wa = {w.value if hasattr(w, "value") else str(w) for w in c.arenas}
        assert wa <= work_arenas, f"coordinator {c.id}: unknown work arenas {wa - work_arenas}"


def test_every_service_is_used(catalogue: Catalogue) -> None:
    used = {m.service for m in catalogue.measures}
    used |= {s for a in catalogue.arenas for s in a.services}
    used |= {c.service for c in catalogue.coordinators if c.service}
    assert {s.id for s in catalogue.services} <= used


@pytest.mark.parametrize(("name", "tier"), sorted(set(EXPECTED)))
def test_expected_measure_present(catalogue: Catalogue, name: str, tier: str) -> None:
    want = Counter(EXPECTED)[(name, tier)]
    hits = [
        m for m in catalogue.measures
        if name.casefold() in m.name.casefold() and tier in _tiers(m)
    ]
    assert len(hits) >= want, f"{name!r} ({tier}): expected {want}, found {[m.id for m in hits]}"


def test_tier_counts_match_seed_tables(catalogue: Catalogue) -> None:
    # Each table row maps to exactly one (measure, tier); merged offers carry several tiers.
    expected = Counter(tier for _, tier in EXPECTED)
    actual = Counter(t for m in catalogue.measures for t in _tiers(m))
    assert actual == expected
    assert expected == {U: 40, S: 21, I: 29}


def test_same_name_different_offers_kept_apart(catalogue: Catalogue) -> None:
    for (name, tiers), n in DISTINCT.items():
        hits = [m for m in catalogue.measures if m.name == name and _tiers(m) & tiers]
        assert len(hits) == n, f"{name}: {[m.id for m in hits]}"
    rad = [m for m in catalogue.measures if m.name == "Råd og veiledning"]
    assert {m.service for m in rad} == {"barneverntjenesten", "nav-elverum"}


def test_ages_and_statuses_spot_checks(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    assert (by_id["pals"].age_min, by_id["pals"].age_max) == (6, 13)
    assert (by_id["gratis-sfo"].age_min, by_id["gratis-sfo"].age_max) == (6, 7)
    assert (by_id["barnekoordinator"].age_min, by_id["barnekoordinator"].age_max) == (0, 18)
    assert by_id["svangerskapsomsorgen"].age_min == 0
    status = {k: by_id[k].status.value for k in (
        "miljoterapeut-i-skole", "stine-sofies-barnehagepakke", "bti-fagmote-skole",
        "icdp-foresatte-barnehage", "alternative-undervisningsarenaer-6-13", "uro-samtale",
        "tibir-pmto", "tint-turning-in-to-teens", "spesialundervisning",
    )}
    assert status == {
        "miljoterapeut-i-skole": "partial",
        "stine-sofies-barnehagepakke": "developing",
        "bti-fagmote-skole": "planned",
        "icdp-foresatte-barnehage": "planned",
        "alternative-undervisningsarenaer-6-13": "developing",
        "uro-samtale": "planned",
        "tibir-pmto": "planned",
        "tint-turning-in-to-teens": "planned",
        "spesialundervisning": "active",
    }


def test_coordinators_cover_levels_and_arenas(catalogue: Catalogue) -> None:
    levels = {lvl for c in catalogue.coordinators for lvl in c.levels}
    assert levels == {1, 2, 3}
    arenas = {
        w.value if hasattr(w, "value") else str(w)
        for c in catalogue.coordinators for w in c.arenas
    }
    assert {"kindergarten", "school", "health-station", "school-health", "nav", "leisure"} <= arenas
    roles = {c.role for c in catalogue.coordinators}
    assert {"Pedagogisk leder", "Kontaktlærer", "Helsesykepleier", "Barnekoordinator"} <= roles
