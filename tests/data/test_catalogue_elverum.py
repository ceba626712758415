"""Checks for the Elverum catalogue (data/elverum.toml).

EXPECTED is written by hand from the seed (003_e0b37af50196586c.txt, the tables
"Universelle tiltak", "Selektive tiltak" and "Indikative tiltak"): one pair per table row,
in table order, with the measure name as the source spells it. It is the evidence that no
measure was dropped when transcribing.
"""

from __future__ import annotations

import re
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
    used = {m.service for m in catalogue.measures} | {s for m in catalogue.measures for s in m.shared_with}
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


# ----------------------------------------------------------------------------- second edition
#
# The seed's rows as printed (Tiltak, tier, Målgruppe, Status), keyed by the catalogue id each
# row belongs to. Rows of the same offer in several tiers share an id.
SEED_ROWS: list[tuple[str, str, str, str]] = [
    # Universelle tiltak
    ("svangerskapsomsorgen", U, "Gravide", "I gang"),
    ("godt-samliv", U, "Førstegangsfødende", "I gang"),
    ("pals", U, "6-13 år", "I gang"),
    ("circle-of-security", U, "Foreldre i barnehage", "I gang"),
    ("tilvenningsmodell-barnehage", U, "Barn som starter i barnehage", "I gang"),
    ("psykologisk-forstehjelp", U, "8-18 år", "I gang"),
    ("fritt-fram", U, "Hele befolkningen", "I gang"),
    ("stine-sofies-barnehagepakke", U, "3-6 år", "Påbegynt implementering"),
    ("stine-sofies-foreldrepakke", U, "Foresatte", "I gang"),
    ("handlingsplan-trygt-og-godt-barnehagemiljo", U, "1-5 år", "I gang"),
    ("spraksprell", U, "Barn i barnehagealder", "I gang"),
    ("ulike-program-sosial-kompetanse", U, "Barn i barnehagealder", "I gang"),
    ("helsestasjon-for-ungdom", U, "13-24 år", "I gang"),
    ("leksehjelp", U, "6-13 år", "I gang"),
    ("2-arskontroll-i-barnehage", U, "Alle 2 åringer i kommunen", "I gang"),
    ("4-arskontroll-i-barnehage", U, "Alle 4 åringer i kommunen", "I gang"),
    ("overgang-barnehage-skole", U, "Alle 6 åringer", "I gang"),
    ("leseplan", U, "1-13 år", "Planlagt revidert"),
    ("foreldremoter-barnehage", U, "Foreldre 1-5 år", "I gang"),
    ("foreldresamtaler-om-barnets-utvikling", U, "Foreldre 1-5 år", "I gang"),
    ("utviklingssamtaler", U, "6-13 år", "I gang"),
    ("gratis-sfo", U, "1.-2.trinn", "I gang"),
    ("apne-moteplasser", U, "Foreldre i ulike aldre", "I gang"),
    ("videomateriell-pa-flere-sprak", U, "Sped- og småbarnsforeldre", "I gang"),
    ("miljoterapeut-i-skole", U, "6-16 år", "Delvis"),
    ("dembra", U, "13-16 år", "I gang"),
    ("icdp-foresatte-barnehage", U, "Foresatte barnehage", "Planlagt"),
    ("slt", U, "Flere", "I gang"),
    ("skolestartundersokelse", U, "1. trinn", "I gang"),
    ("vektmaling-oppfolging", U, "3.trinn", "I gang"),
    ("undervisning-puberteten", U, "5.trinn", "I gang"),
    ("undervisning-seksualitet-identitet-grenser-nettvett", U, "6.trinn", "I gang"),
    ("bedre-tverrfaglig-innsats", U, "0-25 år", "I gang + under utvikling og implementering"),
    ("rad-og-veiledning-barnevern", U, "Foresatte", "I gang + under utvikling"),
    ("barnetalsperson", U, "Kommunen", "I gang"),
    ("aktiv-ung", U, "13-18 år", "I gang"),
    ("ungdommens-hus", U, "10-20 år", "I gang"),
    ("informasjon-nok-elverum", U, "Alle", "I gang"),
    ("systemtiltak-organisasjon-og-kompetanseutvikling", U, "Ansatte i barnehage og grunnskolen", "I gang"),
    ("tint-turning-in-to-teens", U, "Foresatte til 12 åringer", "Planlagt"),
    # Selektive tiltak
    ("icdp-introduksjonsprogram", S, "Foreldre i introduksjonsprogram", "I gang"),
    ("flexid-kurskonsept", S, "Unge med flerkulturell bakgrunn", "I gang"),
    ("flexid-foreldregruppe", S, "Foreldre til unge med flerkulturell bakgrunn", "I gang + under utvikling"),
    ("systemtiltak-individ-og-gruppe", S, "Ansatte i barnehage", "I gang"),
    ("systemtiltak-organisasjon-og-kompetanseutvikling", S, "Ansatte i barnehage og grunnskolen", "I gang"),
    ("bti-fagmote-barnehage", S, "Ansatte i barnehage", "I gang"),
    ("bti-fagmote-skole", S, "Ansatte i skole", "Planlagt"),
    ("visma-flyt-samspill", S, "Aktørene i laget rundt barn og unge", "I gang"),
    ("foreldresamtaler-hoyt-konfliktniva", S, "Foreldre 1-5 år", "I gang"),
    ("okonomisk-stotte-aktivitet", S, "Barn i lavinntektsfamilier", "I gang"),
    ("lekeressurs", S, "Unge i fare for utenforskap", "I gang"),
    ("redusert-foreldrebetaling", S, "Barn i lavinntektsfamilier", "I gang"),
    ("gratis-kjernetid", S, "Barn i lavinntektsfamilier", "I gang"),
    ("kvalifiseringsprogram", S, "Foresatte", "I gang"),
    ("gjeldsradgivning", S, "Foresatte", "I gang"),
    ("frivillig-og-tvungen-forvaltning", S, "Foresatte", "I gang"),
    ("rad-og-veiledning-nav-16-18", S, "16-18 år", "I gang"),
    ("ips-individual-placement-and-support", S, "16+", "I gang"),
    ("slt", S, "Barn, unge, foresatte, ansatte, frivillige.", "I gang + under utvikling"),
    ("erfaringskonsulent", S, "Barn og unge med risiko for å utvikle rusproblem", "I gang + under utvikling"),
    ("rad-og-veiledning-barnevern", S, "Foresatte", "I gang + under utvikling"),
    # Indikative tiltak
    ("spesialpedagogisk-hjelp-barnehage", I, "1-5 år", "I gang"),
    ("miljoterapi", I, "0-18 år", "I gang + under utvikling"),
    ("spesialundervisning", I, "6-16 år", "I gang"),
    ("alternative-undervisningsarenaer-13-16", I, "13-16 år Liatunet og Oasen", "I gang"),
    ("alternative-undervisningsarenaer-6-13", I, "6-13 år", "Under utvikling"),
    ("ressursteam-ungdomsskolen", I, "13-16 år Støttesystem for lærere", "I gang"),
    ("ansvarsgruppe", I, "Alle aldre", "I gang"),
    ("barnekoordinator", I, "Fra før fødsel - 18 år", "I gang"),
    ("individuell-plan", I, "Alle aldre", "I gang"),
    ("selvmordsforebyggende-kurs", I, "Ansatte i kommunale tjenester", "I gang"),
    ("kommunepsykolog", I, "Barn, unge foresatte, ansatte i tjenester", "I gang"),
    ("bistand-til-livsopphold", I, "Foresatte", "I gang"),
    ("veiledning-foreldre-barn-med-autisme", I, "Foreldre til barn med autisme", "I gang"),
    ("avlastning", I, "Foresatte", "I gang"),
    ("stottekontakt", I, "Barn og ungdom", "I gang"),
    ("startlan", I, "Foresatte i lavinntektsfamilier", "I gang"),
    ("bpa", I, "Basert på kriterier", "I gang"),
    ("psykososialt-kriseteam", I, "Barn og foresatte i akutt krise", "I gang"),
    ("oppfolging-skolehelsetjenesten", I, "Barn og foresatte", "I gang"),
    ("slt", I, "Barn, unge, foresatte, ansatte, frivillige.", "I gang + under utvikling"),
    ("erfaringskonsulent", I, "Barn og unge med rusproblem", "I gang + under utvikling"),
    ("rad-og-veiledning-barnevern", I, "Foreldre", "I gang + under utvikling"),
    ("mst-multisystemisk-terapi", I, "Familier til barn fra 11 år", "I gang Planlagt"),
    ("besokshjem", I, "Barn og ungdom", "I gang"),
    ("tilsynsforer-i-hjemmet", I, "Foreldre", "I gang"),
    ("uro-samtale", I, "Foreldre", "Planlagt implementert"),
    ("terapeutisk-konflikthandtering", I, "Barn og unge", "I gang"),
    ("veiledning-om-atferdsvansker", I, "Ansatte i barnehage og skole", "I gang"),
    ("tibir-pmto", I, "Foreldre", "Planlagt"),
]

# Not direct help for a child: staff courses and guidance (competence); models, tools, plans and
# meetings of the system (system). Everything else is direct help.
COMPETENCE = {"selvmordsforebyggende-kurs", "veiledning-om-atferdsvansker"}
SYSTEM = {
    "bedre-tverrfaglig-innsats", "slt", "barnetalsperson", "leseplan", "handlingsplan-trygt-og-godt-barnehagemiljo",
    "systemtiltak-organisasjon-og-kompetanseutvikling", "systemtiltak-individ-og-gruppe", "bti-fagmote-barnehage",
    "bti-fagmote-skole", "visma-flyt-samspill", "ressursteam-ungdomsskolen",
    "informasjon-nok-elverum",  # information on web pages: not help one plans for a child
}
# Målgruppe cells without a number: the age the setting converts to (barnehage 1–5, SFO 1.–4. trinn).
CONVERTED_AGES = {
    "svangerskapsomsorgen": (0, 0), "godt-samliv": (0, 0), "circle-of-security": (1, 5),
    "tilvenningsmodell-barnehage": (1, 5), "spraksprell": (1, 5), "ulike-program-sosial-kompetanse": (1, 5),
    "videomateriell-pa-flere-sprak": (0, 3), "icdp-foresatte-barnehage": (1, 5), "redusert-foreldrebetaling": (1, 9),
    "gratis-kjernetid": (1, 5),
    "lekeressurs": (1, 5),  # «Unge i fare for utenforskap», but the kindergartens' measure
}


def _seed_ages(target: str) -> tuple[int | None, int | None]:
    """The ages a Målgruppe cell prints: 'N-M år', 'N+', 'fra N år', 'Alle N åringer', 'N. trinn'."""
    if target.startswith("Fra før fødsel"):
        return (0, int(re.search(r"(\d+) år", target).group(1)))
    if m := re.fullmatch(r"(\d+)\.-(\d+)\.\s*trinn", target):
        return (int(m.group(1)) + 5, int(m.group(2)) + 5)
    if m := re.fullmatch(r"(\d+)\.\s*trinn", target):
        return (int(m.group(1)) + 5, int(m.group(1)) + 5)
    if m := re.search(r"(\d+)-(\d+) år", target):
        return (int(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"(\d+)\+", target) or re.search(r"fra (\d+) år", target):
        return (int(m.group(1)), None)
    if m := re.search(r"(\d+) åringer", target):
        return (int(m.group(1)), int(m.group(1)))
    return (None, None)


def _rows_by_id() -> dict[str, list[tuple[str, str, str]]]:
    rows: dict[str, list[tuple[str, str, str]]] = {}
    for mid, tier, target, words in SEED_ROWS:
        rows.setdefault(mid, []).append((tier, target, words))
    return rows


def test_seed_rows_cover_every_measure_and_tier(catalogue: Catalogue) -> None:
    rows = _rows_by_id()
    assert {m.id for m in catalogue.measures} == set(rows)
    for m in catalogue.measures:
        assert sorted(_tiers(m)) == sorted(tier for tier, _, _ in rows[m.id]), m.id


@pytest.mark.parametrize("mid", sorted(_rows_by_id()))
def test_measure_status_ages_purpose_audience(catalogue: Catalogue, mid: str) -> None:
    from bti_cli.catalogue.status_words import status_for

    m = next(m for m in catalogue.measures if m.id == mid)
    rows = _rows_by_id()[mid]
    # status: the seed's words, and one status for every row of the offer
    assert m.status_words in {words for _, _, words in rows}
    assert {status_for(words) for _, _, words in rows} == {m.status.value}
    # ages: as the Målgruppe cell prints them, else the setting's conversion, else none
    target = rows[0][1]
    expected = _seed_ages(target)
    if expected == (None, None):
        expected = CONVERTED_AGES.get(mid, (None, None))
    assert (m.age_min, m.age_max) == expected, target
    # purpose
    purpose = "competence" if mid in COMPETENCE else "system" if mid in SYSTEM else "direct"
    assert m.purpose.value == purpose
    # audience: whom the Målgruppe cell names
    audience = {a.value for a in m.audience}
    cell = " ".join(target for _, target, _ in rows).casefold()
    if "gravide" in cell or "fødsel" in cell:
        assert "pregnant" in audience
    if any(w in cell for w in ("foreldre", "foresatte")):
        assert audience & {"guardians", "family"}
    if "ansatte" in cell or "støttesystem for lærere" in cell:
        assert "staff" in audience
    if "sped" in cell:
        assert "infant" in audience
    if purpose == "direct" and re.fullmatch(r"\d+-\d+ år", target):
        assert ("child" in audience) == (m.age_min <= 12), target
        assert ("youth" in audience) == (m.age_max >= 14), target


def test_age_caps_lifted_to_what_the_plan_says(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    assert (by_id["helsestasjon-for-ungdom"].age_min, by_id["helsestasjon-for-ungdom"].age_max) == (13, 24)
    assert (by_id["bedre-tverrfaglig-innsats"].age_min, by_id["bedre-tverrfaglig-innsats"].age_max) == (0, 25)
    assert by_id["helsestasjon-for-ungdom"].age_note is None  # no cut to explain any more


def test_i_trygge_hender_is_about_violence(catalogue: Catalogue) -> None:
    video = next(m for m in catalogue.measures if m.id == "videomateriell-pa-flere-sprak")
    assert "violence-abuse" in video.areas


def test_shared_services_as_the_ansvarlig_cell_names_them(catalogue: Catalogue) -> None:
    by_id = {m.id: m for m in catalogue.measures}
    expected = {
        "overgang-barnehage-skole": ("barnehagene", ["grunnskolene"]),  # "Barnehagene og barneskolene"
        "leseplan": ("barnehagene", ["grunnskolene"]),
        "foreldremoter-barnehage": ("barnehagene", ["forebyggende-enhet", "barneverntjenesten"]),
        "apne-moteplasser": ("barnehagene", ["forebyggende-enhet", "frivillig-sektor"]),
        "bti-fagmote-barnehage": ("barnehagene", ["ppt", "barneverntjenesten", "forebyggende-enhet"]),
        "bti-fagmote-skole": ("grunnskolene", ["ppt", "barneverntjenesten", "forebyggende-enhet"]),
        "flexid-kurskonsept": ("grunnskolene", ["laeringscenteret"]),
        "redusert-foreldrebetaling": ("barnehagene", ["sfo"]),
        "rad-og-veiledning-nav-16-18": ("nav-elverum", ["oppfolgingstjenesten"]),
        "ips-individual-placement-and-support": ("nav-elverum", ["psykisk-helse"]),
        "miljoterapi": ("forebyggende-enhet", ["barneverntjenesten"]),
        "spesialundervisning": ("grunnskolene", []),
    }
    for mid, (service, shared) in expected.items():
        assert (by_id[mid].service, by_id[mid].shared_with) == (service, shared), mid
    regional = {s.id for s in catalogue.services if s.regional}
    assert regional == {"habiliteringstjenesten", "oppfolgingstjenesten"}
    # the one school the plan names by name (PALS at Frydenlund skole, not at «Grunnskolene»)
    assert {s.id for s in catalogue.services if s.unit} == {"frydenlund-skole"}


# The arenas the seed names (its own overview of arenas is an image missing from the text): the
# two BTI fagmøter, the ressursteam and the ansvarsgruppe of the tables, plus the anonymous
# consultation with barnevern. The text names no leadership or system meeting.
CASE_TABLES = {
    "bti-fagmote-barnehage": ([1, 2], "active", "I gang"),
    "ressursteam-ungdomsskolen": ([1, 2], "active", "I gang"),
    "ansvarsgruppe": ([3], "active", "I gang"),
    "anonym-drofting-barnevern": ([0, 1, 2, 3], "active", ""),
    "bti-fagmote-skole": ([1, 2], "planned", "Planlagt"),
}
SYSTEM_MEETINGS: set[str] = set()


def test_arenas_by_kind_and_level(catalogue: Catalogue) -> None:
    by_id = {a.id: a for a in catalogue.arenas}
    assert set(by_id) == set(CASE_TABLES) | SYSTEM_MEETINGS
    for aid, (levels, status, words) in CASE_TABLES.items():
        a = by_id[aid]
        assert a.kind.value == "case", aid
        assert a.levels == levels, aid
        assert (a.status.value, a.status_words) == (status, words), aid
        assert a.levels_basis == "bti" and a.source.note, aid  # the plan gives no levels
    assert by_id["bti-fagmote-barnehage"].participants == ["Barnehage", "PPT", "Barnevern", "Forebyggende enhet"]
    assert by_id["ressursteam-ungdomsskolen"].participants == []  # "Støttesystem for lærere" only
    assert set(by_id["ansvarsgruppe"].unstated) == {"participants", "frequency"}
    assert all("frequency" in a.unstated for a in catalogue.arenas if a.id != "anonym-drofting-barnevern")


def test_a_planned_arena_comes_after_every_running_one(catalogue: Catalogue) -> None:
    statuses = [a.status.value for a in catalogue.arenas]
    assert "planned" in statuses
    assert statuses.index("planned") > max(i for i, s in enumerate(statuses) if s == "active")


def test_only_the_barnevern_consultation_is_anonymous(catalogue: Catalogue) -> None:
    anonymous = [a for a in catalogue.arenas if a.anonymous]
    assert [a.id for a in anonymous] == ["anonym-drofting-barnevern"]
    assert anonymous[0].without_consent and anonymous[0].source.basis.value == "law"


def test_coordinators_by_basis(catalogue: Catalogue) -> None:
    basis = {c.id: c.source.basis.value for c in catalogue.coordinators}
    assert basis == {
        "pedagogisk-leder": "bti", "kontaktlaerer": "bti", "helsesykepleier": "bti", "jordmor": "bti",
        "veileder-nav": "bti", "ansatt-fritid-kultur": "bti", "kontaktperson-barnevern": "bti",
        "radgiver-ppt": "bti", "enhetsleder": "bti",
        "koordinator-individuell-plan": "law", "koordinerende-enhet": "law",
        "barnekoordinator": "plan", "ansvarsgruppe": "plan",  # rows of Indikative tiltak
    }
    by_id = {c.id: c for c in catalogue.coordinators}
    assert (by_id["barnekoordinator"].age_max, by_id["barnekoordinator"].areas) == (18, ["disability-long-term-needs"])
    assert [s.value for s in by_id["jordmor"].subjects] == ["pregnant"]
    assert by_id["ansvarsgruppe"].person is False
    # a unit is never a baton holder; the statutory coordinator (§ 7-2) serves every long-term need
    assert by_id["koordinerende-enhet"].person is False
    assert by_id["koordinator-individuell-plan"].areas == []


def test_plan_facts(catalogue: Catalogue) -> None:
    plan = catalogue.plan
    assert plan is not None and plan.names_bti is True
    assert plan.period is None and plan.adopted is None and plan.evaluation is None  # the seed gives none
    who = {r.what: r.who for r in plan.responsibilities}
    assert who["Koordinere og samordne utviklingsarbeid på tvers av sektorer"] == "Sektorleder barnehage"
    assert who["Visma flyt samspill"] == "Barnehagesjef er ansvarlig for koordinering"
    assert len(who) == 5
    assert [link.url for link in plan.links] == ["https://www.bedreinnsats.no"]
    assert plan.indicators == []
    phones = {c.kind.value: c.phone for c in catalogue.contacts}
    assert phones == {
        "barnevern": None, "barnevernvakt": None, "emergency": "112", "police": "02800", "helpline": "116 111",
    }
    assert {k: s.basis.value for k, s in catalogue.settings_sources.items()} == {
        "consent_age_log": "bti", "consent_age_health": "law",
        "decision_deadline_days": "bti", "evaluation_interval_days": "bti",
    }


def test_validates_on_the_command_line(cli) -> None:
    result = cli("data", "validate", str(FILE))
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_suggest_always_offers_the_anonymous_consultation(cli, level: int) -> None:
    import json

    result = cli("suggest", "-m", "elverum", "-l", str(level), "-a", "7", "--arena", "school", "-k", "arena",
                 "-f", "json")
    assert result.exit_code == 0, result.stderr
    ids = [row["id"] for row in json.loads(result.stdout)]
    assert "anonym-drofting-barnevern" in ids
    if level == 0:
        assert ids == ["anonym-drofting-barnevern"]


def test_areas_the_rows_name(catalogue: Catalogue) -> None:
    """A concern the Målgruppe cell or the name states is an area; one it does not state is not invented."""
    by_id = {m.id: m for m in catalogue.measures}
    cues = {"lavinntekt": "low-income-housing", "flerkulturell": "minority-integration",
            "introduksjonsprogram": "minority-integration", "autisme": "disability-long-term-needs",
            "rusproblem": "substance-use", "konfliktnivå": "parenting-interaction"}
    for mid, _tier, target, _words in SEED_ROWS:
        for cue, area in cues.items():
            if cue in target.casefold():
                assert area in by_id[mid].areas, (mid, cue)
    # the rows say only "Barn i lavinntektsfamilier" / "1.-2.trinn"
    assert by_id["gratis-kjernetid"].areas == ["low-income-housing"]
    assert by_id["gratis-sfo"].areas == ["social-inclusion-leisure"]
