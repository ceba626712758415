"""Søndre Land catalogue (data/sondre-land.toml) against its seed.

EXPECTED is written by hand from seed 002_9efe179c1f36b8b5.txt ("VEDLEGG 1: TILTAKSOVERSIKT",
every row of the three tier tables, plus the offers described in prose under
"3) KOMPETANSEUTVIKLING" and "VEDLEGG 2: REGIONALT SAMARBEID"): it is the evidence that no
measure was dropped.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from bti_cli.catalogue.models import Catalogue

DATA = Path(__file__).resolve().parents[2] / "data"
FILE = DATA / "sondre-land.toml"
SEED = "002_9efe179c1f36b8b5.txt"

# (name substring as the seed spells it, tier)
EXPECTED: list[tuple[str, str]] = [
    # UNIVERSELLE TILTAK
    ("Svangerskapsomsorgen", "universal"),
    ("Svangerskapskurs", "universal"),
    ("EPDS", "universal"),
    ("Helsestasjonsprogrammet", "universal"),
    ("I trygge hender", "universal"),
    ("NBO", "universal"),
    ("Barnehage", "universal"),
    ("Plan for et trygt og godt barnehagemiljø", "universal"),
    ("Helsestasjonens barnehagekontakt", "universal"),
    ("Spesialpedagog i barnehagene", "universal"),
    ("Overgangslærer", "universal"),
    ("Begynneropplæring", "universal"),
    ("Skole", "universal"),
    ("Plan for trygt og godt skolemiljø", "universal"),
    ("Miljøterapeut og psykososial rådgiver", "universal"),
    ("Leseveiledning og klasselesekurs i skole", "universal"),
    ("Trygg Oppvekst", "universal"),
    ("FYSAK", "universal"),
    ("Foreldresamarbeid", "universal"),
    ("Skolehelsetjenesten", "universal"),
    ("PPT i det ordinære tilbudet i barnehage og skole", "universal"),
    ("Ungdomsklubben SLUKET", "universal"),
    ("Foreldreveiledning", "universal"),
    ("COS-P-kurs", "universal"),
    ("COS kompetanseheving for barnehage- og skoleansatte", "universal"),
    # 3) KOMPETANSEUTVIKLING (prose; tier judged)
    ("Re-komp", "universal"),
    ("De-komp", "universal"),
    ("Kompetanseløftet", "universal"),
    # SELKTERTE TILTAK
    ("Tverrfaglig drøftingsteam", "selective"),
    ("Flyt", "selective"),
    ("SLT", "selective"),
    ("Oppfølging av barn og unge i skolealder med psykisk strev", "selective"),
    ("Kartlegging av barn med faglige og/eller sosiale utfordringer", "selective"),
    ("Helsestasjon for ungdom (HFU)", "selective"),
    ("Ungdoms-LOS", "selective"),
    ("Familiebasen", "selective"),
    ("Veiledning med psykolog", "selective"),
    ("Støtte og avlastning i hjemmet", "selective"),
    # INDIKERTE TILTAK
    ("Ansvarsgrupper", "indicated"),
    ("Fastlegetjenesten", "indicated"),
    ("Familiebasen", "indicated"),
    ("EPDS - Støttesamtaler eller henvisning videre", "indicated"),
    ("Barne- og familiekoordinator, individuell plan", "indicated"),
    ("Tiltak i barnevernet", "indicated"),
    ("DRIVE", "indicated"),
    # VEDLEGG 2: REGIONALT SAMARBEID (prose; tiers judged)
    ("Nok.Gjøvik – hjelpetilbud", "indicated"),
    ("Nok.Gjøvik – veiledning", "selective"),
    ("Fontenehuset", "selective"),
    ("Fontenehuset", "indicated"),
    ("ungdomsstraff", "indicated"),
    ("familievernet", "selective"),
    ("Habiliteringstjenesten", "indicated"),
]

EXPECTED_ARENAS = [
    "Kontaktmøter",
    "Tverrfaglig drøftingsteam",
    "SLT koordineringsgruppe",
    "politiråd",
    "Nettverk for tidlig innsats og forebygging",
    "Interkommunalt barnevern",
    "Ansvarsgruppe",
    "Tverrfaglig Familieteam",
]


@pytest.fixture(scope="module")
def raw() -> dict:
    with FILE.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def catalogue(raw: dict) -> Catalogue:
    return Catalogue.model_validate(raw)


@pytest.fixture(scope="module")
def vocab() -> dict:
    with (DATA / "areas.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_validates_and_metadata(catalogue: Catalogue) -> None:
    m = catalogue.municipality
    assert m.slug == "sondre-land"
    assert m.name == "Søndre Land"
    assert m.number == "3447"
    assert m.county == "Innlandet"
    assert [s.file for s in m.sources] == [SEED]


def test_ids_unique(catalogue: Catalogue) -> None:
    for kind in ("services", "measures", "arenas", "coordinators"):
        ids = [item.id for item in getattr(catalogue, kind)]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes, f"duplicate {kind} ids: {dupes}"


def test_references_resolve(catalogue: Catalogue, vocab: dict) -> None:
    services = {s.id for s in catalogue.services}
    areas = set(vocab["areas"])
    work_arenas = set(vocab["work_arenas"])
    for m in catalogue.measures:
        assert m.service in services, (m.id, m.service)
        assert set(m.areas) <= areas, (m.id, set(m.areas) - areas)
        assert m.source.file == SEED, m.id
    for a in catalogue.arenas:
        assert set(a.services) <= services, (a.id, set(a.services) - services)
        assert set(a.areas) <= areas, (a.id, set(a.areas) - areas)
    for c in catalogue.coordinators:
        assert c.service is None or c.service in services, (c.id, c.service)
        assert {w.value for w in c.arenas} <= work_arenas, c.id
    for s in catalogue.services:
        assert s.source.file == SEED, s.id


@pytest.mark.parametrize(("name", "tier"), EXPECTED, ids=[f"{n}-{t}" for n, t in EXPECTED])
def test_expected_measure_present(catalogue: Catalogue, name: str, tier: str) -> None:
    hits = [m for m in catalogue.measures if name.casefold() in m.name.casefold()]
    assert hits, f"no measure named like {name!r}"
    assert any(tier in {t.value for t in m.tiers} for m in hits), (
        f"{name!r} found ({[m.id for m in hits]}) but not in tier {tier}"
    )


def test_no_unexpected_measures(catalogue: Catalogue) -> None:
    """Every catalogue measure is accounted for by some EXPECTED entry (no invented measures)."""
    names = {n.casefold() for n, _ in EXPECTED}
    for m in catalogue.measures:
        assert any(n in m.name.casefold() for n in names), m.name


def test_tier_counts(catalogue: Catalogue) -> None:
    per_tier = Counter(t.value for m in catalogue.measures for t in m.tiers)
    # 25 table rows + 3 competence offers; 10 rows + 2 regional; 7 rows + 4 regional
    assert per_tier == {"universal": 28, "selective": 13, "indicated": 11}


def test_epds_are_two_distinct_offers(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    assert [t.value for t in by_id["epds"].tiers] == ["universal"]
    assert [t.value for t in by_id["epds-stottesamtaler-henvisning"].tiers] == ["indicated"]


def test_familiebasen_is_one_entry_in_two_tiers(catalogue: Catalogue) -> None:
    hits = [m for m in catalogue.measures if m.name == "Familiebasen"]
    assert len(hits) == 1
    assert {t.value for t in hits[0].tiers} == {"selective", "indicated"}


def test_statuses_follow_the_plan(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    assert by_id["nbo"].status.value == "developing"  # "2023 – utvikle tiltak"
    assert by_id["overgangslaerer"].status.value == "developing"  # "Påbegynt"
    assert by_id["stotte-og-avlastning-i-hjemmet"].status.value == "planned"  # "Planlagt regionalt"
    assert by_id["svangerskapsomsorgen"].status.value == "active"  # "I gang"


def test_ages_from_the_plan(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    assert (by_id["helsestasjonsprogrammet"].age_min, by_id["helsestasjonsprogrammet"].age_max) == (0, 5)
    assert (by_id["flyt"].age_min, by_id["flyt"].age_max) == (15, 15)
    assert (by_id["tverrfaglig-droftingsteam"].age_min, by_id["tverrfaglig-droftingsteam"].age_max) == (0, 18)
    assert by_id["drive"].age_min == 12 and by_id["drive"].age_note
    for m in catalogue.measures:
        if "pregnant" in {a.value for a in m.audience} and m.age_min is not None:
            assert m.age_min == 0, m.id


def test_arenas_present(catalogue: Catalogue) -> None:
    names = [a.name for a in catalogue.arenas]
    for expected in EXPECTED_ARENAS:
        assert any(expected.casefold() in n.casefold() for n in names), expected
    by_id = {a.id: a for a in catalogue.arenas}
    assert by_id["ansvarsgruppe"].levels == [3]
    assert "Hver andre uke" in by_id["tverrfaglig-droftingsteam"].frequency


def test_coordinators_cover_work_arenas_and_level_3(catalogue: Catalogue) -> None:
    covered = {w.value for c in catalogue.coordinators if {1, 2} & set(c.levels) for w in c.arenas}
    assert {"kindergarten", "school", "health-station", "school-health", "nav", "leisure"} <= covered
    level3 = {c.role for c in catalogue.coordinators if 3 in c.levels}
    assert "Barne- og familiekoordinator" in level3
    assert any("Koordinerende enhet" in r for r in level3)
    assert any("Ansvarsgruppe" in r for r in level3)
    for c in catalogue.coordinators:
        assert c.role[:1].isupper(), c.id  # roles, never personal names
