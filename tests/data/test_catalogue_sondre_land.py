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
    assert (by_id["drive"].age_min, by_id["drive"].age_max) == (12, 25)  # "ungdom i alderen 12 – 25 år"
    assert (by_id["fontenehuset"].age_min, by_id["fontenehuset"].age_max) == (16, None)  # "fra 16 år og oppover"
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


# ----------------------------------------------------------------------------- second edition
#
# Hand-written from the seed, row by row. purpose: D direct help, C staff competence, S system work.
# ages: (age_min, age_max) as the row gives them or as its setting converts (barnehage 1–5,
# grunnskole 1.–10. trinn 6–15, n. trinn n+5); None where the row gives no age. words: the
# "Status" cell as printed ("" for a blank cell and for the prose-only measures of 3) and VEDLEGG 2).
D, C, SY = "direct", "competence", "system"
ROWS: dict[str, tuple[str, tuple[int | None, int | None], str, str, set[str]]] = {
    # UNIVERSELLE TILTAK
    "svangerskapsomsorgen": (D, (0, 0), "I gang", "active", {"pregnant", "guardians"}),  # gravide og partnere
    "svangerskapskurs": (D, (0, 0), "I gang", "active", {"pregnant", "guardians"}),
    # "gravide og barselkvinner": after the birth too
    "epds": (D, (0, 0), "2023 – utvikle tiltak", "developing", {"pregnant", "guardians", "infant"}),
    "helsestasjonsprogrammet": (D, (0, 5), "I gang", "active", {"infant", "child", "guardians"}),  # "Alle barn 0–5 år"
    "i-trygge-hender": (D, (0, 0), "I gang", "active", {"infant", "guardians", "family"}),  # familier med nyfødt barn
    "nbo": (D, (0, 0), "2023 – utvikle tiltak", "developing", {"infant", "guardians"}),  # "barnets første tre måneder"
    "barnehage": (D, (1, 5), "I gang", "active", {"child", "guardians"}),
    # "Planen er et verktøy for alle barnehager"
    "plan-trygt-godt-barnehagemiljo": (SY, (1, 5), "I gang", "active", {"child", "staff"}),
    "helsestasjonens-barnehagekontakt": (D, (1, 5), "I gang", "active", {"child", "guardians", "staff"}),
    "spesialpedagog-i-barnehagene": (D, (1, 5), "I gang", "active", {"child", "staff"}),
    "overgangslaerer": (D, (5, 6), "Påbegynt", "developing", {"child"}),
    "begynneropplaering": (D, (6, 9), "Påbegynt", "developing", {"child"}),
    "skole": (D, (6, 15), "I gang", "active", {"child", "youth"}),
    "plan-trygt-godt-skolemiljo": (SY, (6, 15), "I gang", "active", {"child", "youth", "staff"}),
    "miljoterapeut-og-psykososial-radgiver": (D, (6, 15), "I gang", "active", {"child", "youth"}),
    "leseveiledning-og-klasselesekurs": (D, (6, 15), "I gang", "active", {"child", "youth", "staff"}),
    "trygg-oppvekst": (D, (6, 15), "I gang", "active", {"child", "youth"}),
    "fysak": (D, (6, 15), "I gang", "active", {"child", "youth"}),
    "foreldresamarbeid": (D, (1, 15), "I gang", "active", {"guardians"}),
    "skolehelsetjenesten": (D, (6, 13), "I gang", "active", {"child", "youth", "guardians"}),  # 1. and 8. trinn
    "ppt-i-det-ordinaere-tilbudet": (D, (1, 15), "I gang", "active", {"child", "youth", "staff"}),
    "ungdomsklubben-sluket": (D, (None, None), "I gang", "active", {"youth"}),
    "foreldreveiledning-cos-p": (D, (None, None), "I gang", "active", {"guardians"}),
    "cos-p-kurs": (D, (None, None), "", "active", {"guardians"}),  # blank cell; "langt flere foreldre enn i dag"
    "cos-kompetanseheving": (C, (None, None), "", "active", {"staff"}),  # blank cell; "har gjennomgått"
    # 3) KOMPETANSEUTVIKLING (prose)
    "re-komp": (C, (None, None), "", "active", {"staff"}),
    "de-komp": (C, (None, None), "", "active", {"staff"}),
    "kompetanseloftet": (C, (None, None), "", "active", {"staff"}),
    # SELKTERTE TILTAK
    "tverrfaglig-droftingsteam": (D, (0, 18), "I gang", "active", {"staff", "guardians", "family"}),  # "0-18 år"
    "flyt": (D, (15, 15), "I gang", "active", {"youth"}),  # 10.trinnselever
    "slt": (SY, (None, None), "I gang", "active", {"child", "youth"}),  # "samordning av … tiltak"
    "oppfolging-psykisk-strev": (D, (6, 18), "I gang", "active", {"child", "youth"}),  # skolealder
    "kartlegging-faglige-sosiale-utfordringer": (D, (1, 15), "I gang", "active", {"child", "youth"}),
    "helsestasjon-for-ungdom": (D, (None, None), "I gang", "active", {"youth"}),
    "ungdoms-los": (D, (12, 16), "", "active", {"child", "youth", "family"}),  # blank cell; 7. trinn … vgs
    "familiebasen": (D, (0, 5), "I gang", "active", {"pregnant", "infant", "child", "guardians", "family"}),
    "veiledning-med-psykolog": (C, (None, None), "I gang", "active", {"staff"}),  # veiledninger med ansatte
    "stotte-og-avlastning-i-hjemmet": (D, (0, 5), "Planlagt regionalt", "planned", {"family", "guardians"}),
    # INDIKERTE TILTAK
    "ansvarsgrupper": (D, (None, None), "I gang", "active", {"child", "youth", "family"}),
    "fastlegetjenesten": (D, (None, None), "I gang", "active", {"child", "youth"}),
    # "hos den gravide eller hos en nybakt mor": after the birth too
    "epds-stottesamtaler-henvisning": (D, (0, 0), "I gang", "active", {"pregnant", "guardians", "infant"}),
    "barne-og-familiekoordinator-individuell-plan": (D, (None, None), "2023", "planned", {"child", "youth", "family"}),
    "tiltak-i-barnevernet": (D, (None, None), "I gang", "active", {"child", "youth", "family"}),
    "drive": (D, (12, 25), "I gang", "active", {"youth"}),  # "ungdom i alderen 12 – 25 år"
    # VEDLEGG 2: REGIONALT SAMARBEID (prose)
    "nok-gjovik-hjelpetilbud": (D, (None, None), "", "active", {"child", "youth", "family"}),
    "nok-gjovik-veiledning-fagpersoner": (C, (None, None), "", "active", {"staff"}),
    "fontenehuset": (D, (16, None), "", "active", {"youth"}),  # "fra 16 år og oppover"
    "konfliktradet-reaksjoner": (D, (None, None), "", "active", {"youth"}),
    "familievernet-behandling-radgivning": (D, (None, None), "", "active", {"family", "guardians"}),
    "habiliteringstjenesten": (D, (None, None), "", "active", {"child", "youth", "family"}),
}


def test_no_measure_without_a_row(catalogue: Catalogue) -> None:
    assert {m.id for m in catalogue.measures} == set(ROWS)


@pytest.mark.parametrize("mid", sorted(ROWS))
def test_measure_purpose_ages_status_audience(catalogue: Catalogue, mid: str) -> None:
    purpose, ages, words, status, audience = ROWS[mid]
    m = next(m for m in catalogue.measures if m.id == mid)
    assert m.purpose.value == purpose
    assert (m.age_min, m.age_max) == ages
    assert m.status_words == words
    assert m.status.value == status
    assert {a.value for a in m.audience} == audience


def test_prose_measures_say_the_plan_gives_no_tier(catalogue: Catalogue) -> None:
    """3) KOMPETANSEUTVIKLING and VEDLEGG 2 have no tier table: the judged tier is marked as such."""
    prose = {
        m.id for m in catalogue.measures
        if "KOMPETANSEUTVIKLING" in m.source.section or "VEDLEGG 2" in m.source.section
    }
    prose -= {"cos-kompetanseheving"}  # that one is a row of the universal table as well
    assert prose == {
        "re-komp", "de-komp", "kompetanseloftet", "nok-gjovik-hjelpetilbud", "nok-gjovik-veiledning-fagpersoner",
        "fontenehuset", "konfliktradet-reaksjoner", "familievernet-behandling-radgivning", "habiliteringstjenesten",
    }
    for m in catalogue.measures:
        if m.id in prose:
            assert m.source.note and "gir ikke tiltaksnivå" in m.source.note, m.id


def test_shared_services_as_the_ansvar_cell_names_them(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    expected = {
        "svangerskapskurs": ("helsestasjonstjenester", ["familievernkontoret"]),
        "helsestasjonsprogrammet": ("helsestasjonstjenester", ["helse-og-omsorg"]),
        "helsestasjonens-barnehagekontakt": ("helsestasjonstjenester", ["barnehage"]),
        "overgangslaerer": ("barnehage", ["skole"]),
        "foreldresamarbeid": ("barnehage", ["skole"]),  # "Barnehage / Skole"
        "trygg-oppvekst": ("skole", ["skolehelsetjenesten"]),
        "tverrfaglig-droftingsteam": ("tverrfaglig-droftingsteam", ["barnevernstjenesten", "bup"]),
        "slt": ("slt", ["politiet"]),  # "SLT-koordinator / Politikontakt"
        "oppfolging-psykisk-strev": ("helsestasjonstjenester", ["skole", "ppt"]),
        "kartlegging-faglige-sosiale-utfordringer": ("ppt", ["barnehage", "skole"]),
        "ungdoms-los": ("skole", ["bufdir"]),
        "familiebasen": ("helsestasjonstjenester", ["ppt", "nav", "barnehage", "helse-og-omsorg"]),
        "fastlegetjenesten": ("fastlegetjenesten", []),
    }
    for mid, (service, shared) in expected.items():
        assert (by_id[mid].service, by_id[mid].shared_with) == (service, shared), mid


def test_regional_partners(catalogue: Catalogue) -> None:
    regional = {s.id for s in catalogue.services if s.regional}
    assert regional == {
        "bup", "fodeavdelingene", "krisesenteret", "nok-gjovik", "fontenehuset", "konfliktradet",
        "familievernkontoret", "habiliteringstjenesten", "tannhelsetjenesten", "bufdir",
    }
    nok = next(s for s in catalogue.services if s.id == "nok-gjovik")
    assert "barneskolene i Gjøvik" in nok.description


# The arenas the seed names, by kind. Case tables: (levels, participants or None when the seed is
# silent). The plan never names BTI, so every case table's levels follow the BTI model.
CASE_TABLES = {
    "kontaktmoter": ([1, 2], ["Helsesykepleier", "PP-tjeneste", "Pedagoger", "Skole-/barnehageledelse"]),
    "tverrfaglig-droftingsteam": ([1, 2], None),  # "fagpersoner fra ulike tjenesteområder" + BUP, barnevern
    "ansvarsgruppe": ([3], []),  # "en gruppe på kommunalt nivå"
    "tverrfaglig-familieteam": ([2], []),  # TFT, members not named
    "anonym-drofting-barnevern": ([0, 1, 2, 3], None),  # always possible (law/BTI), not in the plan
}
SYSTEM_MEETINGS = {
    "slt-koordineringsgruppe",  # "månedlige møter i SLT koordineringsgruppe"
    "felles-regionalt-politirad",  # "Politiråd består av kommuneledelse, politisk ledelse, …"
    "nettverk-tidlig-innsats",  # one of the "fem tverrfaglige nettverk" of the administration
    "interkommunalt-barnevern",  # "starter i første rekke på kommunalsjefnivå"
}


def test_arenas_by_kind_and_level(catalogue: Catalogue) -> None:
    by_id = {a.id: a for a in catalogue.arenas}
    assert set(by_id) == set(CASE_TABLES) | SYSTEM_MEETINGS
    for aid, (levels, participants) in CASE_TABLES.items():
        a = by_id[aid]
        assert a.kind.value == "case", aid
        assert a.levels == levels, aid
        assert a.levels_basis == "bti" and a.source.note, aid
        if participants is not None:
            assert a.participants == participants, aid
    for aid in SYSTEM_MEETINGS:
        a = by_id[aid]
        assert a.kind.value == "system", aid
        assert a.levels == [], aid
        assert not a.anonymous and not a.without_consent, aid
    assert by_id["felles-regionalt-politirad"].participants == [
        "Kommuneledelse", "Politisk ledelse", "Politikontakt", "SLT-koordinator",
    ]
    assert by_id["slt-koordineringsgruppe"].frequency == "Månedlig"
    assert by_id["tverrfaglig-droftingsteam"].frequency.startswith("Hver andre uke")
    assert by_id["nettverk-tidlig-innsats"].age_max == 25  # "0 – 25 år"


def test_silence_is_explicit(catalogue: Catalogue) -> None:
    unstated = {a.id: set(a.unstated) for a in catalogue.arenas if a.unstated}
    assert unstated == {
        "kontaktmoter": {"frequency"},
        "felles-regionalt-politirad": {"frequency"},
        "nettverk-tidlig-innsats": {"participants", "frequency"},
        "interkommunalt-barnevern": {"frequency"},
        "ansvarsgruppe": {"participants", "frequency"},
        "tverrfaglig-familieteam": {"participants", "frequency"},
    }


def test_only_the_barnevern_consultation_is_anonymous(catalogue: Catalogue) -> None:
    anonymous = [a for a in catalogue.arenas if a.anonymous]
    assert [a.id for a in anonymous] == ["anonym-drofting-barnevern"]
    a = anonymous[0]
    assert a.name == "Anonym drøfting med barnevernstjenesten"
    assert a.without_consent and a.source.basis.value == "law" and a.source.ref
    tft = next(a for a in catalogue.arenas if a.id == "tverrfaglig-familieteam")
    assert not tft.without_consent  # "dersom den gravide samtykker"


def test_no_source_cites_the_missing_handlingsforlop(raw: dict) -> None:
    """'5) HANDLINGSFORLØP' has no content in the seed: nothing may cite it as its section."""
    for kind in ("services", "measures", "arenas", "coordinators"):
        for item in raw.get(kind, []):
            assert "HANDLINGSFORLØP" not in item["source"].get("section", ""), item["id"]


def test_coordinators_by_basis(catalogue: Catalogue) -> None:
    basis = {c.id: c.source.basis.value for c in catalogue.coordinators}
    assert basis == {
        "pedagogisk-leder": "bti", "kontaktlaerer": "bti", "helsesykepleier-helsestasjon": "bti",
        "jordmor": "bti", "helsesykepleier-skolehelsetjenesten": "bti", "nav-veileder": "bti",
        "kultur-ungdomsarbeider": "bti", "kontaktperson-ppt": "bti", "kontaktperson-barnevern": "bti",
        "enhetsleder": "bti",
        "barne-og-familiekoordinator": "plan",  # VEDLEGG 1, indikerte tiltak
        "koordinator-individuell-plan": "law", "koordinerende-enhet": "law",
        "ansvarsgruppe": "plan",
    }
    by_id = {c.id: c for c in catalogue.coordinators}
    assert [a.value for a in by_id["jordmor"].subjects] == ["pregnant"]
    assert by_id["ansvarsgruppe"].person is False
    assert by_id["barne-og-familiekoordinator"].areas == ["disability-long-term-needs"]
    # a group and a unit are never a baton holder; the statutory coordinator (§ 7-2) serves every
    # long-term need, not only disability
    assert by_id["koordinerende-enhet"].person is False
    assert by_id["koordinator-individuell-plan"].areas == []
    assert all(c.person for c in catalogue.coordinators if c.id not in ("ansvarsgruppe", "koordinerende-enhet"))


def test_settings_name_their_source(catalogue: Catalogue) -> None:
    sources = catalogue.settings_sources
    assert {k: s.basis.value for k, s in sources.items()} == {
        "consent_age_log": "bti", "consent_age_health": "law",
        "decision_deadline_days": "bti", "evaluation_interval_days": "bti",
    }
    assert "pasient- og brukerrettighetsloven § 4-3" in sources["consent_age_health"].ref


def test_plan_facts(catalogue: Catalogue) -> None:
    plan = catalogue.plan
    assert plan is not None and plan.names_bti is False
    for words in ("helhetlig innsatstrapp", "5) HANDLINGSFORLØP", "tiltakspyramiden", "nivå 0–1", "nivå 3"):
        assert words in plan.model_note, words
    assert plan.period is None and plan.adopted is None  # the seed gives neither
    assert "minst en gang i året" in plan.evaluation
    figures = {(i.name.split(" i forhold")[0], i.year): i.baseline for i in plan.indicators if i.year}
    # Søndre Land's row of the three barnevern tables in UTFORDRINGSBILDE
    assert figures == {
        ("Andel barn med barnevernstiltak", 2018): "5,6", ("Andel barn med barnevernstiltak", 2019): "5,7",
        ("Andel barn med barnevernstiltak", 2020): "4,8", ("Andel barn med barnevernstiltak", 2021): "5,4",
        ("Antall barn med hjelpetiltak", 2019): "23", ("Antall barn med hjelpetiltak", 2020): "20",
        ("Antall barn med hjelpetiltak", 2021): "28", ("Antall barn med hjelpetiltak", 2022): "23",
        ("Andel barn med undersøkelser", 2019): "5", ("Andel barn med undersøkelser", 2020): "6,2",
        ("Andel barn med undersøkelser", 2021): "7,8",
        ("Andel barn i lavinntektsfamilier", 2022): "høyere enn landsgjennomsnittet",
    }
    comparison = next(i.comparison for i in plan.indicators if i.year == 2018)
    assert comparison == {"Gjøvik": "5,0", "Nordre Land": "7,3"}
    assert all(link.url.startswith("https://") for link in plan.links)


def test_contacts_only_numbers_that_may_be_given(catalogue: Catalogue) -> None:
    phones = {c.kind.value: c.phone for c in catalogue.contacts}
    assert phones == {
        "barnevern": None, "barnevernvakt": None, "emergency": "112", "police": "02800", "helpline": "116 111",
    }
    for c in catalogue.contacts:
        if c.phone:
            assert c.source.basis.value in {"bti", "law"}
        else:
            assert "ikke oppgitt" in (c.note or "")


def test_validates_on_the_command_line(cli) -> None:
    result = cli("data", "validate", str(FILE))
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_suggest_offers_no_system_meeting_and_always_the_anonymous_consultation(cli, level: int) -> None:
    import json

    result = cli("suggest", "-m", "sondre-land", "-l", str(level), "-a", "9", "-k", "arena", "-f", "json")
    assert result.exit_code == 0, result.stderr
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert "anonym-drofting-barnevern" in ids
    assert not set(ids) & SYSTEM_MEETINGS
    if level == 0:
        assert ids == ["anonym-drofting-barnevern"]


def test_areas_are_what_the_rows_describe(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    # "tilhørighet, mestringsfølelse … beskyttelsesfaktorer": nothing about crime
    assert by_id["drive"].areas == ["social-inclusion-leisure", "mental-health"]
    # "småbarnsfamilier som er i en sårbar fase": no income or parental illness named
    assert by_id["stotte-og-avlastning-i-hjemmet"].areas == ["parenting-interaction"]
    assert by_id["tiltak-i-barnevernet"].areas == ["violence-abuse", "parenting-interaction"]
    for mid in ("helsestasjonsprogrammet", "i-trygge-hender", "skolehelsetjenesten", "helsestasjon-for-ungdom"):
        assert "violence-abuse" in by_id[mid].areas, mid  # each row names vold, overgrep og omsorgssvikt
