"""The Løten catalogue (data/loten.toml) against its source plan.

EXPECTED below was written by reading the seed "Forebyggende plan for omsorgsvikt og
atferdsvansker 2024 - 2027" (001_4bed2ebef2aec75f.txt) section by section: every row of the
tier tables in 6.1 / 6.2 / 6.3 and every offer named in the prose paragraphs under a service
heading. Each entry is (service id, name substring as the source spells it, tier). If a
measure is dropped, renamed beyond recognition or loses a tier, this test names it.
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path

import pytest

from bti_cli.catalogue.models import Catalogue, Tier

DATA = Path(__file__).resolve().parents[2] / "data"
CATALOGUE_FILE = DATA / "loten.toml"
AREAS_FILE = DATA / "areas.toml"

U, S, IND = "universal", "selective", "indicated"

EXPECTED: list[tuple[str, str, str]] = [
    # ---------------- 6.1 Universiell forebygging barn og unge ----------------
    # Fastlege (prose)
    ("fastlege", "Fastlege", U),
    # Skolelege (prose)
    ("skolelege", "Aksjonsgruppe skolefravær", U),
    ("skolelege", "Helsekontroller for alle barn i 1.klasse", U),
    # Jordmortjeneste (prose + table)
    ("jordmortjeneste", "svangerskapskontroller", U),
    ("jordmortjeneste", "Screening EPDS", U),
    ("jordmortjeneste", "Funksjonssirkel", U),
    ("jordmortjeneste", "Rusforebygging i svangerskapet", U),
    ("jordmortjeneste", "Kartlegging av risiko for vold", U),
    ("jordmortjeneste", "Fødselsforberedende kurs", U),
    ("jordmortjeneste", "Voldsforebygging i svangerskapet", U),
    # Helsestasjon (table)
    ("helsestasjon", "NBO utdanning", U),
    ("helsestasjon", "Hjemmebesøk til alle nybakte foreldre", U),
    ("helsestasjon", "Ammekyndig helsestasjon", U),
    ("helsestasjon", "Barselgrupper", U),
    ("helsestasjon", "Ansvarlig helsesykepleier", U),
    ("helsestasjon", "Gruppekonsultasjoner", U),
    ("helsestasjon", "Tverrfaglig samarbeid med fysioterapeut", U),
    ("helsestasjon", "Tverrfaglig samarbeid med tannpleier", U),
    ("helsestasjon", "Tverrfaglig samarbeid med barnehagene ifbm. 4 års kontakten", U),
    ("helsestasjon", "Cos-p kurs (trygghetssirkelen)", U),
    # Skolehelsetjenesten (table)
    ("skolehelsetjenesten", "Støttesamtaler hos helsesykepleier", U),
    ("skolehelsetjenesten", "1.trinns-kontakt med helsesykepleier og lege", U),
    ("skolehelsetjenesten", "Psykologisk førstehjelp", U),
    ("skolehelsetjenesten", "Gruppevirksomhet i skolen", U),
    ("skolehelsetjenesten", "Helsesamtale i 8.trinn", U),
    ("skolehelsetjenesten", "Undervisning i skolen", U),
    ("skolehelsetjenesten", "Tverrfaglig samarbeid med lærere", U),
    ("skolehelsetjenesten", "Helsestasjon for ungdom", U),
    # Barnehage (prose + table)
    ("barnehage", "Handlingsplan for godt psykososialt barnehagemiljø", U),
    ("barnehage", "Felles satsningsområder", U),
    ("barnehage", "NIVÅ 1. Kartlegging og identifisering", U),
    ("barnehage", "Språkstimulering", U),
    ("barnehage", "De utrolige Årene (DUÅ) barnehageprogram", U),
    ("barnehage", "HOPP", U),
    ("barnehage", "Grønne tanker", U),
    ("barnehage", "Overgangsrutiner barnehage", U),
    # Barneskole (table)
    ("barneskole", "Pedagogisk analyse", U),
    ("barneskole", "SFO", U),
    ("barneskole", "Hjem- skolesamarbeid", U),
    ("barneskole", "Overgangsrutiner barneskole/ ungdomsskole", U),
    ("barneskole", "Foreldremøter", U),
    ("barneskole", "Kompetanseløftet/inkludering", U),
    # Ungdomsskole (table)
    ("ungdomsskole", "MOT", U),
    ("ungdomsskole", "Foreldremøter", U),
    ("ungdomsskole", "Møte med Politiet", U),
    ("ungdomsskole", "Delbart", U),
    ("ungdomsskole", "Aktiv Russ", U),
    ("ungdomsskole", "Elevsamtaler", U),
    ("ungdomsskole", "Utviklingssamtaler", U),
    ("ungdomsskole", "Elevundersøkelsen", U),
    ("ungdomsskole", "Sosiogram/kartlegging", U),
    ("slt", "UngData", U),  # listed under Ungdomsskole, "Oppvekst ved SLT-kordinator"
    ("ungdomsskole", "Skole-hjem samarbeid", U),
    ("ungdomsskole", "Brannforebygging", U),
    # Barne- og ungdomsordinator/SLT (prose + table)
    ("slt", "Samordning av lokale rus- og kriminalitetsforebyggende tiltak", U),
    ("slt", "Ungdommens hus", U),
    ("slt", "Åpen Hall", U),
    ("slt", "Utekontakten", U),
    ("slt", "Ferieklubben", U),
    ("slt", "BUA", U),
    # Kultur og frivillighet (table)
    ("kultur-og-frivillighet", "Løten Folkebibliotek", U),
    ("kultur-og-frivillighet", "Kulturskolen", U),
    ("kultur-og-frivillighet", "Idrettskolen", U),
    ("kultur-og-frivillighet", "Bygdekino", U),
    ("kultur-og-frivillighet", "Kulturkalender", U),
    ("kultur-og-frivillighet", "Egenorganisert aktivitet", U),
    ("kultur-og-frivillighet", "Løten idrettspark", U),
    # Lag og foreninger (table; the rows name several offers)
    ("lag-og-foreninger", "Løten Røde Kors", U),
    ("lag-og-foreninger", "RØFF", U),
    ("lag-og-foreninger", "BARK", U),
    ("lag-og-foreninger", "Løten Frivilligsentral", U),
    ("lag-og-foreninger", "Knøttetreff", U),
    ("lag-og-foreninger", "Skravletrillen", U),
    ("lag-og-foreninger", "Løten Skaperverksted", U),
    ("lag-og-foreninger", "Kodeklubben", U),
    ("lag-og-foreninger", "Allvørskafé", U),
    # NAV (table)
    ("nav", "Arbeidsrettet oppfølging", U),
    ("nav", "Flykningetjenesten", U),
    ("nav", "Foreldreveiledning", U),
    ("nav", "Introduksjonsprogrammet", U),
    # Barnevern (table)
    ("barnevern", "Råd og veiledning fra saksbehandler og familierapeut", U),
    # ---------------- 6.2 Selektiv forebygging ----------------
    # Fastlege (prose)
    ("fastlege", "skolefravær", S),
    # Skolelege (prose)
    ("skolelege", "Konsultasjon ved bekymring", S),
    # Jordmortjeneste (table)
    ("jordmortjeneste", "Ekstrakontakter", S),
    ("jordmortjeneste", "Overføringsmøter mellom gravid-jordmor-helsesykepleier", S),
    ("jordmortjeneste", "Screening EPDS", S),
    ("jordmortjeneste", "Rusproblematikk i svangerskapet", S),
    ("jordmortjeneste", "Fattigdomsproblematikk/barn som pårørende", S),
    # Helsestasjon (table)
    ("helsestasjon", "Ekstrakontakter", S),
    ("helsestasjon", "Marte Meo veiledning", S),
    ("helsestasjon", "DUÅ kurs", S),
    ("helsestasjon", "Psykolog/familieveileder", S),
    ("helsestasjon", "Sped og småbarnsteam", S),
    # Skolehelsetjeneste (table)
    ("skolehelsetjenesten", "Ekstrakontakter", S),
    ("skolehelsetjenesten", "Marte Meo veiledning", S),
    ("skolehelsetjenesten", "CosP-kurs", S),
    ("skolehelsetjenesten", "DUÅ kurs", S),
    ("skolehelsetjenesten", "Psykolog/familieveileder", S),
    ("skolehelsetjenesten", "BUT", S),
    ("skolehelsetjenesten", "TUT", S),
    # Barnehage (table)
    ("barnehage", "NIVÅ 2. Kartlegging og identifisering", S),
    # Barneskole (table)
    ("barneskole", "Kartlegging og identifisering", S),
    ("barneskole", "Spesialpedagogikk", S),
    ("barneskole", "Foreldresamarbeid", S),
    # Ungdomsskole (table)
    ("ungdomsskole", "Gruppesamtale", S),
    ("ungdomsskole", "Henvising/rådgivning PPT", S),
    ("ungdomsskole", "Henvising/rådgivning BUP", S),
    ("ungdomsskole", "Tverrfaglig ungdomsteam", S),
    # NAV (table; the ROP team is organised under NAV)
    ("rop-tjenesten", "Rus og psykisk helsestjeneste", S),
    ("rop-tjenesten", "Rask psykisk helsehjelp", S),
    ("nav", "Barn som pårørende", S),
    ("nav", "Oppfølgingstjenesten", S),
    # Pedagogisk-/psykologisk tjeneste i Løten (table)
    ("ppt", "Tidlig innsats og forebygging", S),
    ("ppt", "Råd og veiledning", S),
    ("ppt", "Tverrsektorielt samarbeid", S),
    ("ppt", "Kompetanse- og organisasjonsutvikling", S),
    ("ppt", "Utredning", S),
    ("ppt", "Sakkyndige vurderinger av særskilte behov", S),
    ("ppt", "Oppfølging av vedtak i barnehage", S),
    # ROP-tjenesten (table)
    ("rop-tjenesten", "Barn som pårørende", S),
    # Barne- og ungdomskoordinator/SLT (table)
    ("slt", "FORT", S),
    ("slt", "Ungdommens hus", S),
    ("slt", "Åpen hall", S),
    ("slt", "Utekontakten", S),
    # Helsestasjonen (table)
    ("helsestasjon", "4-årskontrollen i helsestasjonen er flyttet ut i barnehagen", S),
    # Barnevern (table)
    ("barnevern", "Råd og veiledning", S),
    ("barnevern", "COS-P", S),
    ("barnevern", "Veiledning til samarbeidspartnere", S),
    ("barnevern", "Trygg Base", S),
    # ---------------- 6.3 Indikativ forebygging barn og unge ----------------
    # Introduction (prose)
    ("kommunen", "koordinator/barnekoordinator", IND),
    ("kommunen", "Individuell plan", IND),
    # Fastlege (prose)
    ("fastlege", "Henvising til BUP", IND),
    ("fastlege", "Samarbeid m barnevern", IND),
    ("fastlege", "Ansvarsgrupper", IND),
    ("fastlege", "Medisinsk ansvarlig for b/U psykisk helse", IND),
    ("fastlege", "Oppfølging av helseplager", IND),
    # Helsestasjon (table)
    ("helsestasjon", "Ungteam Løten", IND),
    ("helsestasjon", "Psykolog/familieveileder", IND),
    # NAV (table)
    ("nav", "Råd og veiledning", IND),
    ("nav", "Arbeidsrettet oppfølging", IND),
    ("rop-tjenesten", "Rask psykisk helsehjelp", IND),
    ("nav", "Introduksjonsprogrammet", IND),
    ("nav", "Økonomisk sosialhjelp", IND),
    # Barnehage (prose)
    ("barnehage", "Tett samarbeid med foreldre", IND),
    ("barnehage", "Tiltaksplaner rettet mot enkeltbarn", IND),
    ("barnehage", "IOP der PPT har gjort sakkyndig tilråding", IND),
    ("barnehage", "Samarbeid med andre faginstanser", IND),
    # Barneskole (prose)
    ("barneskole", "Tett samarbeid skole-foresatte", IND),
    ("barneskole", "Spes.ped.", IND),
    # Ungdomsskole (table)
    ("ungdomsskole", "Elevsamtaler", IND),
    ("ungdomsskole", "Utviklingssamtaler", IND),
    ("ungdomsskole", "Elevundersøkelsen", IND),
    ("ungdomsskole", "Sosiogram/kartlegging", IND),
    ("ungdomsskole", "Tverrfaglig ungdomsteam", IND),
    ("ungdomsskole", "Individuell opplæringsplan (IOP)", IND),
    ("ungdomsskole", "Pedagogisk analyse", IND),
    ("ungdomsskole", "Skole-hjem samarbeid", IND),
    # Barne- og ungdoms koordinator/SLT (prose + table)
    ("slt", "Følge opp enkelt ungdommer, foresatte og nettverk", IND),
    ("slt", "Konfliktrådet", IND),
    ("slt", "FORT", IND),
    ("slt", "Ungdommens hus", IND),
    ("slt", "Åpen hall", IND),
    ("slt", "Parenthood RUS", IND),
    ("slt", "Utekontakten", IND),
    # Barnevern (table)
    ("barnevern", "Cos-P", IND),
    ("barnevern", "Råd og veiledning fra kontaktperson og familierapeut", IND),
    ("barnevern", "PYC", IND),
    ("barnevern", "Besøkshjem", IND),
    ("barnevern", "Støttekontakt", IND),
    ("barnevern", "Frivillig plassering utenfor hjemmet", IND),
    ("barnevern", "Tilsyn i hjemmet", IND),
    ("barnevern", "Økonomisk bistand", IND),
    ("barnevern", "Urinprøver/rusprøver", IND),
    ("barnevern", "Nettverksarbeid", IND),
    ("barnevern", "MST", IND),
    ("barnevern", "Oppfølging i bolig", IND),
    ("barnevern", "Miljøarbeider i hjemmet", IND),
    ("barnevern", "Trygg Base", IND),
    ("barnevern", "Deltakelse i ansvarsgrupper", IND),
    ("barnevern", "Veiledning til samarbeidspartnere", IND),
    ("barnevern", "Familieråd", IND),
]

# Projects (section 7 and 000_…) that are offers, and the selective COS-P group at the
# health station described in 000_… ("også som et selektivt gruppetilbud").
EXPECTED_PROJECTS: list[tuple[str, str, str]] = [
    ("kommunen", "Bedre tverrfaglig samhandling (BTS)", U),
    ("kommunalsjef-oppvekst", "Inkluderende barnehage- og skolemiljø", U),
    ("barnehage", "HOPP", U),
    ("helsestasjon", "FIT (Feedback Informed Treatment)", S),
    ("helsestasjon", "Cos-p kurs (trygghetssirkelen)", S),
]

# Teams named as arenas in the plan, and every meeting row of the section 8 tables.
EXPECTED_ARENAS: list[str] = [
    "BUT",
    "TUT",
    "Sped- og småbarnsteam",
    "FORT",
    "Ungteam",
    "Ansvarsgruppe",
    # 8.1
    "Kommunedirektørens ledermøte",
    "Kommunedirektørens utvidet ledermøte",
    # 8.2
    "Oppvekstmøter",
    "Rektormøter",
    "Styremøter",
    "Barn, ungdom og familie (BUF), ledermøte",
    "Interkommunalt samarbeidsmøte",
    "Samarbeidsmøte hjemmebaserte tjenester",
    "Samarbeidsmøte med NAV",
    "Samarbeidsmøte med politi",
    "Etterretningsbrief politi",
    "Samarbeidsmøte tildelingsteam",
    "Veiledningsteam",
    "Driftsutvalget",
    "Styringsgruppemøte team UNG",
    "Samarbeidsutvalget",
    "Kontaktmøte skole og PPT",
    # 8.3
    "SLT- styringsgruppemøte",
    "Interkommunalt SLT, nettverksmøte",
    "Unge i regionen",
    "RROVE",
    "SLT samlinger",
    "Hopp koordinator møte",
    "KORUS nettverksmøter",
    "Kontaktmøte barnehage og PPT",
    # 8.4
    "Helse- og mestrings møte",
    "Ledermøte hjemmebaserte tjenester",
    "Samarbeidsmøte med BUF",
    "Ledermøte Løten helsetun",
    "Samarbeidsmøte Hjemmebaserte tjenester og Løten helsetun",
    "Boligtildelingsmøter",
    "Stabs møte Løten Helsetun",
    # 8.5
    "Samfunnsutviklingsmøter",
    "Samarbeidsmøte oppfølgingstjenesten (OT)",
    "Samarbeidsmøte SYFA senteret",
    "BAR ledermøte",
    "Møte med FACT",
    "Samarbeidsmøter med flykningstjenesten og voksenopplæringen",
    "Samarbeidsmøte med barneverntjenesten",
    "Samarbeidsmøter for tiltaket arbeid med støtte (AMS)",
    "Fagmøte med jobbspesialister i AMS",
    "Interkommunalt ledermøte NAV innlandet",
    "Regionale samarbeidsmøter for flyktningstjenestene",
    "Samarbeidsmøter med fylkeskommune/karriere innlandet",
    "Markedsmøter",
    "Samarbeidsmøter med IPS",
    "Samarbeidsmøter ROP og IPS",
    "Samarbeidsmøter ROP og DPS/ Kriseteam",
    "Samarbeidsutvalget NAV",
    "Regionalt ressurscenter om vold",
    "Interkommunalt etikknettverk",
]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


@pytest.fixture(scope="module")
def raw() -> dict:
    with CATALOGUE_FILE.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def catalogue(raw) -> Catalogue:
    return Catalogue.model_validate(raw)


@pytest.fixture(scope="module")
def vocabulary() -> dict:
    with AREAS_FILE.open("rb") as fh:
        return tomllib.load(fh)


def test_validates(catalogue):
    assert catalogue.municipality.slug == "loten"
    assert catalogue.municipality.number == "3412"
    assert catalogue.municipality.name == "Løten"


def test_ids_unique(catalogue):
    for kind in ("services", "measures", "arenas", "coordinators"):
        ids = [item.id for item in getattr(catalogue, kind)]
        assert len(ids) == len(set(ids)), f"duplicate {kind} ids"


def test_references_resolve(catalogue, vocabulary):
    service_ids = {s.id for s in catalogue.services}
    area_keys = set(vocabulary["areas"])
    arena_keys = set(vocabulary["work_arenas"])
    for m in catalogue.measures:
        assert m.service in service_ids, f"measure {m.id}: unknown service {m.service}"
        assert set(m.areas) <= area_keys, f"measure {m.id}: unknown areas {set(m.areas) - area_keys}"
    for a in catalogue.arenas:
        assert set(a.services) <= service_ids, f"arena {a.id}: unknown services"
        assert set(a.areas) <= area_keys, f"arena {a.id}: unknown areas"
    for c in catalogue.coordinators:
        assert c.service is None or c.service in service_ids, f"coordinator {c.id}: unknown service"
        assert {w.value for w in c.arenas} <= arena_keys


def test_sources_name_listed_documents(catalogue):
    files = {s.file for s in catalogue.municipality.sources}
    for item in [*catalogue.services, *catalogue.measures, *catalogue.arenas, *catalogue.coordinators]:
        assert item.source.file in files, f"{item.id}: source file {item.source.file} not in sources"


def test_services_carry_kommunalsjefomrade(catalogue):
    areas = {s.id: s.area for s in catalogue.services}
    assert areas["fastlege"] == "Helse og mestring"
    assert areas["nav"] == "Samfunnsutvikling"
    assert areas["kultur-og-frivillighet"] == "Samfunnsutvikling"
    for sid in ("helsestasjon", "barnehage", "barneskole", "ungdomsskole", "barnevern", "ppt", "slt"):
        assert areas[sid] == "Oppvekst"


@pytest.mark.parametrize(("service", "name", "tier"), EXPECTED + EXPECTED_PROJECTS)
def test_expected_measure_present(catalogue, service, name, tier):
    hits = [
        m for m in catalogue.measures if m.service == service and _fold(name) in _fold(m.name) and Tier(tier) in m.tiers
    ]
    assert hits, f"no {tier} measure named like {name!r} for service {service!r}"


def test_every_tier_has_measures(catalogue):
    for tier in Tier:
        assert sum(tier in m.tiers for m in catalogue.measures) >= 40


@pytest.mark.parametrize("name", EXPECTED_ARENAS)
def test_expected_arena_present(catalogue, name):
    assert any(_fold(name) in _fold(a.name) for a in catalogue.arenas), f"arena {name!r} missing"


def test_anonymous_arena_is_ungteam(catalogue):
    by_id = {a.id: a for a in catalogue.arenas}
    assert by_id["ungteam-loten"].anonymous is True
    assert 0 in by_id["ungteam-loten"].levels
    assert by_id["ansvarsgruppe"].levels == [3]


def test_coordinators_cover_arenas_and_level_3(catalogue):
    covered = {w.value for c in catalogue.coordinators if set(c.levels) & {1, 2} for w in c.arenas}
    assert {"kindergarten", "school", "health-station", "school-health", "nav", "leisure"} <= covered
    level3 = {c.role for c in catalogue.coordinators if 3 in c.levels}
    assert {"Koordinator", "Barnekoordinator", "Koordinerende enhet", "Ansvarsgruppe"} <= level3
    assert not any(c.arenas for c in catalogue.coordinators if c.role == "Barnekoordinator")


def test_ages_and_notes(catalogue):
    by_id = {m.id: m for m in catalogue.measures}
    assert (by_id["sfo"].age_min, by_id["sfo"].age_max) == (6, 9)
    assert (by_id["helsestasjon-for-ungdom"].age_min, by_id["helsestasjon-for-ungdom"].age_max) == (13, 20)
    assert (by_id["ungteam-loten"].age_min, by_id["ungteam-loten"].age_max) == (12, 16)
    assert by_id["svangerskapskontroller"].age_min == 0
    assert "pregnant" in {a.value for a in by_id["svangerskapskontroller"].audience}
    for m in catalogue.measures:
        if m.age_note:
            assert m.age_min is not None, f"{m.id}: age_note without ages"


def test_statuses(catalogue):
    by_id = {m.id: m for m in catalogue.measures}
    assert by_id["brannforebygging"].status.value == "planned"
    assert by_id["utekontakten"].status.value == "developing"
    assert by_id["ungteam-loten"].status.value == "developing"
