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
    ("barnehage", "HOPP", U),
    ("helsestasjon", "Cos-p kurs (trygghetssirkelen)", S),
]

# Projects of 7.1/7.2 and 000 that stand in no tier table: the seed gives them no tier.
UNTIERED_PROJECTS: dict[str, str] = {
    "bedre-tverrfaglig-samhandling-bts": "system",
    "inkluderende-barnehage-og-skolemiljo": "competence",
    "fit-feedback-informed-treatment": "system",
}

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
        if item.source.basis.value == "plan":
            assert item.source.file in files, f"{item.id}: source file {item.source.file} not in sources"
        else:
            assert item.source.ref, f"{item.id}: a {item.source.basis.value} source without ref"


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




def test_untiered_projects_are_not_direct_help(catalogue):
    by_id = {m.id: m for m in catalogue.measures}
    for mid, purpose in UNTIERED_PROJECTS.items():
        assert by_id[mid].tiers == [], f"{mid}: the seed places it in no tier table"
        assert by_id[mid].purpose.value == purpose


# --------------------------------------------------------------------------- arenas
#
# Every row of the section-8 meeting tables as the seed gives it: (section, meeting, participants,
# frequency). "NAV (Under NAV …)" is a sub-heading inside the 8.5 table, not a meeting; "Kontaktmøte
# skole og PPT" stands in both 8.2 and 8.3 and is one arena. The other rows are 54 meetings: 52
# leadership and system meetings (004: BTS's kommunedirektør- and virksomhetsledernivå) and the two
# contact meetings with PPT, where kindergartens and schools bring children for discussion.
SECTION_8: list[tuple[str, str, str, str]] = [
    (
        "8.1",
        "Kommunedirektørens ledermøte",
        "Kommunedirektør, kommunalsjefer for oppvekst, samfunnsutvikling og helse og mestring",
        "Ukentlig",
    ),
    (
        "8.1",
        "Kommunedirektørens utvidet ledermøte",
        "Kommunedirektør, kommunalsjefer for oppvekst, helse og mestring samt samfunnsutvikling. Virksomhetsledere",
        "12 ganger årlig",
    ),
    (
        "8.2",
        "Oppvekstmøter",
        "Kommunalsjef oppvekst, rådgivere oppvekst, virksomhetsledere i oppvekst, SLT-koordinator og avdelingsledere "
        "ved behov",
        "4 ganger årlig",
    ),
    (
        "8.2",
        "Rektormøter",
        "Kommunalsjef oppvekst, rådgivere oppvekst, virksomhetsledere skole og PPT ved behov",
        "6-10 ganger årlig",
    ),
    (
        "8.2",
        "Styremøter",
        "Kommunalsjef oppvekst, rådgivere oppvekst, virksomhetsledere barnehage og PPT ved behov.",
        "6-10 ganger årlig",
    ),
    (
        "8.2",
        "Barn, ungdom og familie (BUF), ledermøte",
        "Virksomhetsleder Barn ungdom og familie, Avdelingsledere for Helse og familie tjenesten, Barneverntjenesten "
        "og PPT",
        "Hver andre uke",
    ),
    (
        "8.2",
        "Interkommunalt samarbeidsmøte",
        "Ledere og virksomhetsledere for helsestasjonen i Stange, Hamar, Ringsaker og Løten",
        "4 ganger årlig",
    ),
    (
        "8.2",
        "Samarbeidsmøte hjemmebaserte tjenester",
        "Virksomhetsledere hjemmebaserte tjenester og BUF. Avdelingsledere og ansatte ved behov",
        "4 ganger årlig eller ved behov",
    ),
    (
        "8.2",
        "Samarbeidsmøte med NAV",
        "Barnevernleder, virksomhetsleder NAV og virksomhetsleder BUF",
        "4 ganger årlig",
    ),
    (
        "8.2",
        "Samarbeidsmøte med politi",
        "Virksomhetsleder BUF, ansatte barneverntjenesten, SLT koordinator, Politikontak Løten",
        "8-12 ganger årlig",
    ),
    (
        "8.2",
        "Etterretningsbrief politi",
        "Interkommunal etterretningsbrief med representanter fra Stange, Hamar, Ringsaker og Løten. Politi, SLT "
        "koordinatorer, barnevern, konfliktrådet",
        "Politiet innkaller ved behov",
    ),
    (
        "8.2",
        "Samarbeidsmøte tildelingsteam",
        "Virksomhetsledere hjemmebaserte tjenester, BUF og avdelingsleder tildelingsteamet",
        "Ved behov",
    ),
    (
        "8.2",
        "Veiledningsteam",
        "To veiledere fra Bufdir, barnevernleder og stedfortreder. Ansatte, virksomhetsleder, kommunalsssjef, "
        "kommunedirektør og ordfører innkalles ved behov.",
        "6-8 ganger årlig over to år",
    ),
    (
        "8.2",
        "Driftsutvalget",
        "Politiske representanter, kommunalssjefer, kommunedirektør og andre ved behov",
        "Ved behov",
    ),
    (
        "8.2",
        "Styringsgruppemøte team UNG",
        "Virksomhetsledere Stange, Hamar, Ringsaker, Løten samt enhetsleder BUP Hamar",
        "4 ganger årlig",
    ),
    (
        "8.2",
        "Samarbeidsutvalget",
        "Politisk representant, virksomhetsleder Barn ungdom og familie, representanter for Helse og familie "
        "tjenesten, barnevernet, rådet for mennesker med nedsatt funksjonsevne, FAU og ungdomsrådet",
        "4 ganger årlig",
    ),
    (
        "8.2",
        "Kontaktmøte skole og PPT",
        "Spes.ped koordinator, rektor/ass.rektor",
        "Månedlig",
    ),
    (
        "8.3",
        "SLT- styringsgruppemøte",
        "Ordfører, kommunedirektør, kommunalsjef oppvekst, slt-koordinator, politistasjon sjef, politikontakt",
        "4 ganger årlig",
    ),
    (
        "8.3",
        "Interkommunalt SLT, nettverksmøte",
        "SLT- koordinatorer fra Stange, Hamar, Ringsaker, Løten",
        "ukentlig",
    ),
    (
        "8.3",
        "Unge i regionen (Interkommunalt Hamar, Ringsaker, Stange og Løten)",
        "SLT, politi, ungdom og utekontakter.",
        "8-10 ganger årlig",
    ),
    (
        "8.3",
        "RROVE ressursgruppe radikalisering og voldelig ekstremisme",
        "Politikontakter i lillehammer, hamar og gjøvik. Radikaliseringsansvarlig i innlandet politidistrikt og PST "
        "innlandet. SlT koordinatorer i Løten, Hamar, Ringsaker og Lillehammer.",
        "4 ganger årlig",
    ),
    (
        "8.3",
        "SLT samlinger",
        "SLT koordinatorer i Norge",
        "4 ganger i året",
    ),
    (
        "8.3",
        "Hopp koordinator møte",
        "Barnehagene har koordinatorer (totalt 9) som er pådrivere for forebyggende arbeid i sin barnehage. De møtes "
        "sammen med 1-2 representanter fra Helse-og familietjenesten for å dele erfaringer, støtte hverandre i "
        "arbeidet og videreutvikle det forbyggende arbeidet i Løten",
        "4 ganger i året",
    ),
    (
        "8.3",
        "KORUS nettverksmøter",
        "",
        "3 ganger i året",
    ),
    (
        "8.3",
        "Kontaktmøte barnehage og PPT",
        "Styrer og evt. pedagogiske ledere v/behov",
        "Hver sjettede uke",
    ),
    (
        "8.3",
        "Kontaktmøte skole og PPT",
        "Spes.ped koordinator, rektor/ass.rektor",
        "Månedlig",
    ),
    (
        "8.4",
        "Helse- og mestrings møte",
        "Kommunalsjef helse og mestring, rådgivere helse og mestring, virksomhetsleder helsetunet, virksomhetsleder "
        "hjemmebaserte tjenester.",
        "annenhver uke",
    ),
    (
        "8.4",
        "Ledermøte hjemmebaserte tjenester",
        "Virksomhetsledere hjemmebaserte tjenester, avdelingsleder forebygging og mestring, avdelingsleder "
        "hjemmesykepleien, avdelingsleder Løten virke, avdelingsleder Tilrettelagte tjenester",
        "Ukentlig",
    ),
    (
        "8.4",
        "Samarbeidsmøte med NAV",
        "Virksomhetsledere for hjemmebaserte tjenester og NAV",
        "2 ganger årlig",
    ),
    (
        "8.4",
        "Samarbeidsmøte med BUF",
        "Virksomhetsledere hjemmebaserte tjenester og BUF. Avdelingsledere og ansatte ved behov",
        "4 ganger årlig eller ved behov",
    ),
    (
        "8.4",
        "Ledermøte Løten helsetun",
        "Virksomhetsleder Løten helsetun, avdelingsleder demens, avdelingsleder for avdeling 1 og 2, avdelingsleder "
        "kjøkken, systemansvarlig og resepsjonsansatt",
        "ukentlig",
    ),
    (
        "8.4",
        "Samarbeidsmøte Hjemmebaserte tjenester og Løten helsetun",
        "Virksomhetsledere og avdelingsledere",
        "4 ganger årlig",
    ),
    (
        "8.4",
        "Samarbeidsutvalget",
        "Politisk representant, eldrerådet, Løten Frivilligsentral, virksomhetsledere for hjemmebaserte tjenester og "
        "Løten helsetun",
        "4 ganger årlig",
    ),
    (
        "8.4",
        "Boligtildelingsmøter",
        "Avdelingsleder Forebygging og mestring, saksbehandler fra Tildelingsteam, virksomhetsleder NAV og "
        "avdelingsleder eiendom",
        "Annenhver uke",
    ),
    (
        "8.4",
        "Stabs møte Løten Helsetun",
        "Systemansvarlig, resepsjon ansatt, fagutviklings sykepleier, virksomhetsleder Hjemmebaserte tjenester og "
        "Løten Helsetun",
        "1 gang pr mnd",
    ),
    (
        "8.5",
        "Samfunnsutviklingsmøter",
        "Kommunalsjef samfunnsutvikling. Rådgiver samfunnsutvikling og virksomhetsledere samfunnsutvikling",
        "Annenhver uke",
    ),
    (
        "8.5",
        "NAV (Under NAV ligger også flyktningstjenesten samt rus og psykisk helseteam)",
        "",
        "",
    ),
    (
        "8.5",
        "Samarbeidsmøte oppfølgingstjenesten (OT)",
        "Ungdomsteam ved NAV Løten, Rus og psykisk helseteam (ROP), avdelingsleder og kontaktperson i OT",
        "",
    ),
    (
        "8.5",
        "Samarbeidsmøte hjemmebaserte tjenester",
        "Virksomhetsledere for hjemmebaserte tjenester og NAV",
        "2 ganger årlig",
    ),
    (
        "8.5",
        "Samarbeidsmøte SYFA senteret",
        "Avdelingsledere ved lokalkontor i Hamarregionen og avdelingsleder SYFA",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "BAR ledermøte",
        "NAV ledere i Hamar regionen",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "Møte med FACT",
        "",
        "2 ganger årlig",
    ),
    (
        "8.5",
        "Samarbeidsmøter med flykningstjenesten og voksenopplæringen",
        "Aktuelle veiledere og avdelingsledere. Virksomhetsleder er med ved behov.",
        "annenhver uke",
    ),
    (
        "8.5",
        "Samarbeidsmøte med barneverntjenesten",
        "Virksomhetsleder NAV, barnevernleder og virksomhetsleder BUF",
        "4 ganger årlig",
    ),
    (
        "8.5",
        "Samarbeidsmøter for tiltaket arbeid med støtte (AMS)",
        "",
        "2 ganger årlig",
    ),
    (
        "8.5",
        "Fagmøte med jobbspesialister i AMS",
        "Jobbspesialister og avdelingsleder",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "Interkommunalt ledermøte NAV innlandet",
        "Enhetsledere/virksomhetsledere",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "Regionale samarbeidsmøter for flyktningstjenestene",
        "",
        "",
    ),
    (
        "8.5",
        "Samarbeidsmøter med fylkeskommune/karriere innlandet",
        "Markedskontakter og aktuelle veiledere i regionen",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "Markedsmøter",
        "Veiledere arbeidsrettet oppfølging, tiltakskontakt i NAV (Fylkesleddet), opplæringskoordinator, "
        "jobbspesialist AMS og IPS, markedskontaktm og ledergruppe",
        "10-12 ganger årlig",
    ),
    (
        "8.5",
        "Samarbeidsmøter med IPS",
        "Ledere i Hamarregionen og lede for IPS",
        "4 ganger årlig",
    ),
    (
        "8.5",
        "Samarbeidsmøter ROP og IPS",
        "",
        "",
    ),
    (
        "8.5",
        "Samarbeidsmøter ROP og DPS/ Kriseteam",
        "",
        "",
    ),
    (
        "8.5",
        "Samarbeidsutvalget NAV",
        "",
        "2 ganger årlig",
    ),
    (
        "8.5",
        "Regionalt ressurscenter om vold, traumatisk stress o selvmordsforebygging",
        "",
        "",
    ),
    (
        "8.5",
        "Interkommunalt etikknnettverk",
        "Ansatte fra Løten, Stange og Ringsaker",
        "",
    ),
]

SUB_HEADINGS = {"NAV (Under NAV ligger også flyktningstjenesten samt rus og psykisk helseteam)"}
# the seed's typos, corrected in the arena's name (the description says so)
SEED_SPELLING = {
    "Regionalt ressurscenter om vold, traumatisk stress o selvmordsforebygging":
        "Regionalt ressurscenter om vold, traumatisk stress og selvmordsforebygging",
    "Interkommunalt etikknnettverk": "Interkommunalt etikknettverk",
}
# the tables where a child's case is discussed, with the levels (the plan gives none: BTI model)
CASE_TABLES: dict[str, list[int]] = {
    "anonym-drofting-barnevern": [0, 1, 2, 3],
    "sped-og-smabarnsteam": [1, 2],
    "but": [1, 2],
    "tut": [1, 2],
    "fort": [2, 3],
    "ungteam-loten": [0, 1, 2, 3],
    "ansvarsgruppe": [3],
    "kontaktmote-skole-og-ppt": [1, 2],
    "kontaktmote-barnehage-og-ppt": [1, 2],
}


def _meeting(catalogue, section: str, name: str):
    name = SEED_SPELLING.get(name, name)
    hits = [a for a in catalogue.arenas if a.name == name and section in a.source.section]
    assert len(hits) == 1, f"{section} {name!r}: {len(hits)} arenas"
    return hits[0]


def test_section_8_meetings_as_the_seed_gives_them(catalogue):
    meetings = {}
    for section, name, participants, frequency in SECTION_8:
        if name in SUB_HEADINGS:
            assert not any(a.name == name for a in catalogue.arenas)
            continue
        arena = _meeting(catalogue, section, name)
        meetings[arena.id] = arena
        assert ", ".join(arena.participants) == participants, arena.id
        assert arena.frequency == frequency, arena.id
        assert ("participants" in arena.unstated) == (participants == ""), arena.id
        assert ("frequency" in arena.unstated) == (frequency == ""), arena.id
        if arena.id in CASE_TABLES:
            assert arena.kind.value == "case" and arena.levels == CASE_TABLES[arena.id]
        else:
            assert arena.kind.value == "system", f"{arena.id} is a leadership or system meeting"
            assert arena.levels == [] and not arena.anonymous and not arena.without_consent
    assert len(meetings) == 54
    assert sum(a.kind.value == "system" for a in meetings.values()) == 52
    blank = sorted(a.id for a in meetings.values() if "participants" in a.unstated)
    assert len(blank) == 8, blank  # eight rows with an empty participants cell


def test_case_tables_kind_levels_and_sources(catalogue):
    cases = {a.id: a for a in catalogue.arenas if a.kind.value == "case"}
    assert set(cases) == set(CASE_TABLES)
    for aid, levels in CASE_TABLES.items():
        arena = cases[aid]
        assert arena.levels == levels, aid
        assert arena.levels_basis == "bti" and arena.source.note, f"{aid}: the plan gives no BTI level; say so"
    assert {a.id for a in catalogue.arenas} == set(cases) | {
        a.id for a in catalogue.arenas if a.kind.value == "system"
    }
    # participants only as the seed names them; silence is explicit
    assert cases["sped-og-smabarnsteam"].participants == ["PPT"]
    assert cases["but"].participants == ["PPT"]
    assert cases["tut"].participants == ["PPT", "Utekontakten"]
    assert cases["ansvarsgruppe"].participants == ["Barneverntjenesten", "Fastlege"]
    for arena in cases.values():
        assert (arena.frequency == "") == ("frequency" in arena.unstated), arena.id


def test_anonymous_consultation_always_possible(catalogue):
    anonymous = {a.id: a for a in catalogue.arenas if a.anonymous}
    assert set(anonymous) == {"anonym-drofting-barnevern", "ungteam-loten"}
    barnevern = anonymous["anonym-drofting-barnevern"]
    assert barnevern.name == "Anonym drøfting med barnevernstjenesten"
    assert barnevern.levels == [0, 1, 2, 3] and barnevern.without_consent
    assert barnevern.age_min is None and barnevern.age_max is None, "for every child"
    assert barnevern.source.basis.value == "bti" and barnevern.source.ref
    ungteam = anonymous["ungteam-loten"]
    assert (ungteam.age_min, ungteam.age_max) == (12, 16)
    assert ungteam.source.file.startswith("000_"), "000 names the anonymised discussions"


# --------------------------------------------------------------------------- measures

COMPETENCE = {"nbo-utdanning", "kompetanseloftet-inkludering", "inkluderende-barnehage-og-skolemiljo",
              "kompetanse-og-organisasjonsutvikling-ppt"}
SYSTEM = {"bedre-tverrfaglig-samhandling-bts", "slt-samordning", "aksjonsgruppe-skolefravaer",
          "pedagogisk-analyse-barneskole", "pedagogisk-analyse-ungdomsskole",
          "handlingsplan-psykososialt-barnehagemiljo",
          "overgangsrutiner-barnehage-barneskole-sfo", "overgangsrutiner-barneskole-ungdomsskole", "elevundersokelsen",
          "ungdata", "tverrfaglig-samarbeid-med-laerere", "tverrsektorielt-samarbeid-ppt",
          "fit-feedback-informed-treatment", "barn-som-parorende-nav"}
# (status, the seed's words) where the seed words one; every other measure runs ("active", "")
STATUSES = {
    "brannforebygging": ("planned", "vil lage"),
    "rask-psykisk-helsehjelp": ("developing", "Utvikles og implemeteres"),
    "fit-feedback-informed-treatment": ("developing", "Implementeres"),
    "hopp-helsefremmende-oppvekst": ("active", "fremdeles aktivt"),
}
PERIODS = {
    "fit-feedback-informed-treatment": {"start": 2022, "end": 2025, "years": None},
    "rask-psykisk-helsehjelp": {"start": 2023, "end": 2025, "years": None},
    "ungteam-loten": {"start": None, "end": None, "years": 4},
    "hopp-helsefremmende-oppvekst": {"start": 2017, "end": None, "years": None},
    "inkluderende-barnehage-og-skolemiljo": {"start": 2022, "end": None, "years": None},
}
SHARED_WITH = {
    "fit-feedback-informed-treatment": ["barnevern", "rop-tjenesten"],
    "ungteam-loten": ["bup"],
    "ferieklubben": ["lag-og-foreninger"],
    "barselgrupper": ["lag-og-foreninger"],
    "aktiv-russ": ["politiet"],
    "delbart": ["politiet"],
    "mote-med-politiet": ["politiet"],
    "1-trinns-kontakt": ["skolelege"],
    "tverrfaglig-ungdomsteam-ungdomsskole": ["slt", "politiet"],
    "4-arskontrollen-i-barnehagen": ["barnehage"],
    "tverrfaglig-samarbeid-barnehagene-4-arskontakten": ["barnehage"],
    "fattigdomsproblematikk-barn-som-parorende-jordmor": ["nav"],
    "overforingsmoter-gravid-jordmor-helsesykepleier": ["helsestasjon"],
    "allvorskafe": ["ungdomsskole"],
}
# (audience, age_min, age_max) of measures whose subject or ages the review found wrong or new
SUBJECTS = {
    "svangerskapskontroller": ({"pregnant"}, None, None),
    "screening-epds": ({"pregnant"}, None, None),
    "fodselsforberedende-kurs": ({"pregnant", "guardians"}, None, None),
    "hjemmebesok-nybakte-foreldre": ({"guardians", "family", "infant"}, 0, 0),
    "gruppekonsultasjoner": ({"guardians", "infant"}, 0, 1),
    "tverrfaglig-samarbeid-fysioterapeut": ({"infant", "guardians"}, 0, 0),
    "ansvarlig-helsesykepleier": ({"infant", "child", "guardians"}, 0, 5),
    "knottetreff": ({"infant", "child", "guardians"}, 0, 5),
    "sfo": ({"child"}, 6, 9),
    "helsestasjon-for-ungdom": ({"youth"}, 13, 20),
    "ungteam-loten": ({"child", "youth", "family"}, 12, 16),
    "rask-psykisk-helsehjelp": ({"youth", "guardians"}, 16, None),
    "oppfolgingstjenesten": ({"youth"}, 16, 21),
    "roff-loten-rode-kors": ({"youth"}, 13, 17),
    "fit-feedback-informed-treatment": ({"staff"}, None, None),
    "nbo-utdanning": ({"staff"}, 0, 0),
    # BUP is the specialist service for children and young people under 18 (the plan gives no age)
    "henvising-til-bup-fastlege": ({"child", "youth"}, None, 17),
}


def test_purposes(catalogue):
    for m in catalogue.measures:
        expected = "competence" if m.id in COMPETENCE else "system" if m.id in SYSTEM else "direct"
        assert m.purpose.value == expected, m.id
        if expected == "direct":
            assert m.tiers, f"{m.id}: direct help stands in a tier table"


def test_statuses_and_words(catalogue):
    for m in catalogue.measures:
        assert (m.status.value, m.status_words) == STATUSES.get(m.id, ("active", "")), m.id
    assert all(a.status.value == "active" for a in catalogue.arenas)


def test_periods_and_shared_services(catalogue):
    for m in catalogue.measures:
        period = m.period.model_dump() if m.period else None
        assert period == PERIODS.get(m.id), m.id
        assert m.shared_with == SHARED_WITH.get(m.id, []), m.id


def test_subjects_and_ages(catalogue):
    by_id = {m.id: m for m in catalogue.measures}
    for mid, (audience, lo, hi) in SUBJECTS.items():
        m = by_id[mid]
        assert ({a.value for a in m.audience}, m.age_min, m.age_max) == (audience, lo, hi), mid
    for m in catalogue.measures:
        if "pregnant" in {a.value for a in m.audience}:
            assert m.age_min is None and m.age_note is None, f"{m.id}: a pregnancy has no age in the seed"
        if m.age_note:
            assert m.age_min is not None or m.age_max is not None, f"{m.id}: age_note without ages"
    assert by_id["miljoarbeider-i-hjemmet"].areas == ["parenting-interaction"]


def test_regional_partners(catalogue):
    assert {s.id for s in catalogue.services if s.regional} == {"bup", "politiet"}


# --------------------------------------------------------------------------- coordinators


def test_coordinators_by_source(catalogue):
    by_id = {c.id: c for c in catalogue.coordinators}
    plan_named = {"koordinator", "barnekoordinator", "ansvarsgruppe"}
    for c in catalogue.coordinators:
        basis = c.source.basis.value
        if c.id in plan_named:
            assert basis == "plan", c.id
        else:
            assert basis in {"bti", "law"} and c.source.ref, f"{c.id}: no plan names it as baton holder"
    assert by_id["koordinerende-enhet"].source.basis.value == "law"
    assert not by_id["ansvarsgruppe"].person and not by_id["koordinerende-enhet"].person
    assert [s.value for s in by_id["jordmor"].subjects] == ["pregnant"]
    assert (by_id["ansvarlig-helsesykepleier"].age_min, by_id["ansvarlig-helsesykepleier"].age_max) == (0, 5)
    assert by_id["barnekoordinator"].areas == ["disability-long-term-needs"]
    # 001 6.3: "Alle barn og unge som har behov for koordinerte tjenester ... over en lengre periode"
    assert by_id["koordinator"].areas == []


# --------------------------------------------------------------------------- rules and plan facts


def test_no_rule_is_presented_as_the_plans(catalogue):
    sources = catalogue.settings_sources
    assert set(sources) == set(catalogue.settings.model_fields_set)
    assert all(src.basis.value != "plan" for src in sources.values()), "no seed gives a deadline or consent age"
    assert sources["decision_deadline_days"].basis.value == "bti"
    assert sources["evaluation_interval_days"].basis.value == "bti"
    assert sources["consent_age_health"].basis.value == "law"
    assert "pasient- og brukerrettighetsloven § 4-3" in sources["consent_age_health"].ref
    assert sources["consent_age_log"].basis.value == "bti"
    assert "standard" in sources["consent_age_log"].note


def test_plan_facts(catalogue):
    plan = catalogue.plan
    assert plan.names_bti and plan.period.start == 2024 and plan.period.end == 2027
    adopted = (str(plan.adopted.date), plan.adopted.by, plan.adopted.ref)
    assert adopted == ("2024-05-29", "kommunestyret", "sak 18/24")
    assert "evalueres årlig" in plan.evaluation
    fhi = {i.name: (i.baseline, i.comparison) for i in plan.indicators if i.year == 2024}
    assert fhi == {
        "Levekårsutsatte barn": ("13 %", {"Innlandet": "12 %", "Norge": "11 %"}),
        "Uførepensjon 18-29 år": ("3,70 %", {"Innlandet": "2,90 %", "Norge": "2,20 %"}),
        "Ungdomsskoleelever som deltar på fritidsaktiviteter": ("53 %", {"Innlandet": "59 %", "Norge": "60 %"}),
        "Gjennomføring av videregående skole": ("76 %", {"Innlandet": "80 %", "Norge": "80 %"}),
        "Ungdom/unge voksne (15-24 år) med psykiske symptomer og lidelser":
            ("22 %", {"Innlandet": "17,80 %", "Norge": "17,60 %"}),
        "Barn med barnevernstiltak": ("5,30 %", {"Innlandet": "4,50 %", "Norge": "3,50 %"}),
    }
    assert {link.url for link in plan.links} <= {
        "https://www.fhi.no/sys/sok/?term=oppvekstprofil", "https://www.ks.no/utenforregnskapet",
        "https://0-24-samarbeidet.udir.no/dokumenter/", "https://heckmanequation.org/resource/the-heckmancurve/",
        "https://psykologisk.no/2022/11/slik-kan-kommunen-hjelpe-barn-unge-og-familier-pa-best-mulig-mate/",
    }, "only addresses that appear in the seed"


def test_contacts_only_the_seeds_and_national_numbers(catalogue):
    phones = {c.phone: c for c in catalogue.contacts if c.phone}
    assert set(phones) == {"62 56 40 00", "112", "02800", "116 111"}
    assert phones["62 56 40 00"].source.basis.value == "plan"
    for number in ("112", "02800", "116 111"):
        assert phones[number].source.basis.value in {"law", "bti"}
    kinds = {c.kind.value: c for c in catalogue.contacts}
    assert kinds["barnevern"].phone is None and "ikke oppgitt" in kinds["barnevern"].note
    assert kinds["barnevernvakt"].phone is None
