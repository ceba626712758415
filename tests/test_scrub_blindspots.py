"""The scrubber's blind spots of issue 16, one rule each, with the words next to them that must
stay (no new over-scrubbing). Whole notes of the same kinds are in tests/corpus/notes_blindspots.txt."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bti_cli.catalogue import loader as catalogue
from bti_cli.privacy.scrubber import domain_vocabulary, scrub


@pytest.fixture(scope="module", params=["loten", "sondre-land", "elverum"])
def vocab(request):
    return domain_vocabulary(catalogue.load(request.param).catalogue)


def out(text: str, vocab=()) -> str:
    return scrub(text, vocabulary=vocab, lang="nb").text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emma Sofie Dal går i 3. klasse.", "[NAVN] går i 3. klasse."),
        ("Samtale med Jonas Nes i dag.", "Samtale med [NAVN] i dag."),
        ("Far, Lars Hov, kom ikke.", "Far, [NAVN], kom ikke."),
        ("Guten Aksel Dal fortel at han søv dårleg.", "Guten [NAVN] fortel at han søv dårleg."),
        # an ordinary word after a name in lower case stays
        ("Emma gikk til dal og fjell.", "[NAVN] gikk til dal og fjell."),
        # a capitalised word that starts a new sentence after a name stays
        ("Vi snakket med Emma. Dal og fjell er fint.", "Vi snakket med [NAVN]. Dal og fjell er fint."),
    ],
)
def test_a_short_surname_that_is_a_word_goes_with_the_given_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Møte med O.N. og mor.", "Møte med [NAVN] og mor."),
        ("Barnet (J. K., 6 år) er redd.", "Barnet ([NAVN], 6 år) er redd."),
        ("Ola N. sier at han er lei seg.", "[NAVN] sier at han er lei seg."),
        ("Vi snakket med Per H. om det.", "Vi snakket med [NAVN] om det."),
        ("Referat fra møtet.\nMvh\n/TM", "Referat fra møtet.\nMvh\n[NAVN]"),
        ("Hilsen TM", "Hilsen [NAVN]"),
        # abbreviations that look like initials stay
        ("P.S. Husk møtet. N.B. tolk.", "P.S. Husk møtet. N.B. tolk."),
        ("Henvist til BUP/PPT i dag.", "Henvist til BUP/PPT i dag."),
    ],
)
def test_initials_shortened_names_and_signatures(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm (5) slo en annen gutt.", "[NAVN] (5) slo en annen gutt."),
        ("Liv er en blid jente.", "[NAVN] er en blid jente."),
        ("- Lykke (4) vil ikke spise", "- [NAVN] (4) vil ikke spise"),
        ("Notat.\nTone er mor til eleven.", "Notat.\n[NAVN] er mor til eleven."),
        ("Vår og Sol er tvillinger.", "[NAVN] og [NAVN] er tvillinger."),
        # the same words as words stay
        ("Storm og regn hele dagen.", "Storm og regn hele dagen."),
        ("Vår vurdering er at saken løftes.", "Vår vurdering er at saken løftes."),
        ("Han sier at liv er viktig.", "Han sier at liv er viktig."),
    ],
)
def test_a_given_name_that_is_a_word_at_the_start_of_a_line(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guten seier at onkel rune passar han.", "Guten seier at onkel [NAVN] passar han."),
        ("Vi prata med per i går.", "Vi prata med [NAVN] i går."),
        ("Jenta er hos tante liv i helgene.", "Jenta er hos tante [NAVN] i helgene."),
        ("Han sa at broren even slår ham.", "Han sa at broren [NAVN] slår ham."),
        ("Onkel per kom i går.", "Onkel [NAVN] kom i går."),
        # function words and verbs stay
        ("Mor ringte far per telefon.", "Mor ringte far per telefon."),
        ("Mor tor ikke si ifra.", "Mor tor ikke si ifra."),
        ("Far skal far bo hos?", "Far skal far bo hos?"),
        ("Jenta vår er glad.", "Jenta vår er glad."),
        ("De leker med stein og pinner.", "De leker med stein og pinner."),
    ],
)
def test_lower_case_names_that_are_words_after_a_kinship_or_role_word(text, expected):
    assert out(text) == expected


def test_a_birth_date_right_after_a_name():
    assert out("Sofie Andersen, 30.11.2016, 3. klasse") == "[NAVN], [FØDSELSDATO], 3. klasse"
    assert out("Elev: Mathilde Karlsen 14.02.2013") == "Elev: [NAVN] [FØDSELSDATO]"
    # a date of this year after a name is a meeting, not a birth
    this_year = date.today().year
    assert out(f"Møte med Kari Hansen 12.03.{this_year} kl. 10") == f"Møte med [NAVN] 12.03.{this_year} kl. 10"
    # a date after a time word stays
    assert out("Møte 12.03.2016 om saken.") == "Møte 12.03.2016 om saken."


@pytest.mark.parametrize(
    "written",
    [
        "30.11.2016",
        "30/11-16",
        "30.11.16",
        "30/11/2016",
        "30-11-2016",
        "30. november 2016",
        "30 nov. 2016",
        "2016-11-30",
    ],
)
def test_a_birth_date_right_after_a_name_in_every_written_form(written):
    assert out(f"Sofie Andersen, {written}, 3. klasse") == "[NAVN], [FØDSELSDATO], 3. klasse"
    assert out(f"Elev: Sofie Andersen {written}") == "Elev: [NAVN] [FØDSELSDATO]"


def test_a_date_of_this_year_after_a_name_stays_in_every_written_form():
    yy = date.today().year % 100
    for written in (f"12.03.{yy:02d}", f"12/3-{yy:02d}", f"12. mars {2000 + yy}", f"{2000 + yy}-03-12"):
        assert out(f"Møte med Kari Hansen {written} om saken.") == f"Møte med [NAVN] {written} om saken."
    # a period after a name is two dates, not a birth date
    assert out("Kari Hansen 30.11.2016-12.12.2016 var borte.") == "[NAVN] 30.11.2016-12.12.2016 var borte."
    # a day and a month only: no year, no birth date
    assert out("Ola Hansen 3. mai kom ikke.") == "[NAVN] 3. mai kom ikke."


@pytest.mark.parametrize(
    "text",
    [
        "Personnummer 160312-1234 fra Sverige.",
        "Svensk personnummer: 20160312-1234",
        "CPR-nr.: 1203161234",
        "Barnet har dansk CPR-nummer 120316-1234.",
        "Jenta har svensk pnr 150807-4321.",
        "Nummeret 160312-1234 står i papirene.",  # written with a hyphen, even without a cue
    ],
)
def test_swedish_and_danish_identity_numbers(text):
    result = scrub(text, lang="nb")
    assert [r.kind for r in result.replacements] == ["national_id"], result.text
    assert "1234" not in result.text and "4321" not in result.text


def test_a_period_or_a_number_whose_first_six_digits_are_no_date_stays():
    assert out("Planen gjelder 2024-2027.") == "Planen gjelder 2024-2027."
    assert out("Tiltaket varer 999999-1234 dager.") == "Tiltaket varer 999999-1234 dager."


@pytest.mark.parametrize("number", ["15033251234", "150332 51239", "15.03.32 51230", "150 332 512 30", "551232 12345"])
def test_identity_numbers_with_new_check_digits_go(number):
    """Numbers issued from 2032 have other check digits: the date part is enough."""
    result = scrub(f"Fnr {number} er nytt.", lang="nb")
    assert result.text == "Fnr [FØDSELSNUMMER] er nytt.", result.text


def test_an_international_phone_with_a_date_like_start_stays_a_phone():
    assert [r.kind for r in scrub("Ring +48 512 345 678 i dag.").replacements] == ["phone"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far (+49 151 23456789) bor i Tyskland.", "Far ([TELEFON]) bor i Tyskland."),
        ("Mor (+48 512 345 678) ringte.", "Mor ([TELEFON]) ringte."),
        ("Ring +44 (0)20 7946 0000 i dag.", "Ring [TELEFON] i dag."),
    ],
)
def test_a_bracket_closing_the_text_around_a_foreign_phone_stays(text, expected):
    """Only a bracket the number opened belongs to it: "(+49 …)" keeps its closing bracket."""
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Familien bur i skolevegen 8.", "Familien bur i [ADRESSE]."),
        ("De bor i storgata 12b sammen med mormor.", "De bor i [ADRESSE] sammen med mormor."),
        ("Mor har flyttet til bakkelia 14.", "Mor har flyttet til [ADRESSE]."),
        ("Familien bor på Nordre Hovin gard.", "Familien bor på [ADRESSE]."),
        ("Adresse: Søndre Bakke gård, 2345 Ådalsbruk", "Adresse: [ADRESSE]"),
        ("Han bor på Østre Li gård utenfor sentrum.", "Han bor på [ADRESSE] utenfor sentrum."),
        # ordinary words with a street ending and a number stay
        ("Vi hadde en samtale 2 ganger.", "Vi hadde en samtale 2 ganger."),
        ("Det var på gården 3 dager.", "Det var på gården 3 dager."),
        ("Den gården er stor.", "Den gården er stor."),
    ],
)
def test_lower_case_streets_and_farm_addresses(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Foreldrene får tilbud om Sterk og klar i høst.",
        "Sterk og klar passer for foreldre til ungdom.",
        "Ho sa at ho ikkje ville heim.",
        "Jenta kom for seint. Ho hadde ikkje ete.",
        "Kari, Ho og Per",  # "Ho" is the nynorsk pronoun, never a surname
        "Tlf: ukjent",
        "Tlf Hansen er ikke riktig.",
        "Familien flyttet fra Göteborg til Hedmarken.",
        "Far bor i København, mor i Warszawa.",
        "Familien kom fra Aleppo via Istanbul.",
        "Barnet har dansk CPR-nummer.",
    ],
)
def test_words_that_must_stay(text, vocab):
    result = scrub(text, vocabulary=vocab, lang="nb")
    kept = {"Sterk", "Ho", "Tlf", "Göteborg", "Hedmarken", "København", "Warszawa", "Aleppo", "Istanbul", "CPR"}
    for r in result.replacements:
        assert not any(w in r.original for w in kept), (text, r.original)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Broren heter visstnok Ronny.", "Broren heter visstnok [NAVN]."),
        ("Far heter visst Geir.", "Far heter visst [NAVN]."),
        ("Naboen het vel Terje.", "Naboen het vel [NAVN]."),
        ("Gutten heter egentlig Kristoffer.", "Gutten heter egentlig [NAVN]."),
    ],
)
def test_hedging_words_are_not_swallowed_into_the_name(text, expected):
    assert out(text) == expected


def test_the_command_scrubs_the_blind_spots(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(
        "Storm (5) og Emma Sofie Dal leker sammen. Onkel rune ringte.\n"
        "Familien bor på Nordre Hovin gard og har tilbud om Sterk og klar.\n"
        "Personnummer 160312-1234. Hilsen O.N.\n",
        encoding="utf-8",
    )
    result = cli("scrub", str(note), "-m", "loten")
    assert result.exit_code == 0, result.stderr
    for secret in ("Storm", "Dal", "rune", "Hovin", "160312", "O.N."):
        assert secret not in result.stdout
    assert "Sterk og klar" in result.stdout


# --------------------------------------------------------------------------- found by property runs


@pytest.mark.parametrize(
    "text",
    [
        "TLF0000) 0047 200 00 000 ",  # a cue glued to digits, then +47 written 0047
        "tlf 0000) 0047 412 34 567",
        "Mobil: (0047) 412 34 567.",
        "Ring +47 (0) 412 34 567 etter kl. 16.",
        "Far: +47 (0) 412 34 567, etter kl. 16.",
        "Far: (0047) 41234567",
    ],
)
def test_a_phone_with_a_country_prefix_and_odd_punctuation_goes_whole(text):
    result = scrub(text, lang="nb")
    assert not any(c.isdigit() for c in result.text.replace("16", "")), result.text
    assert {r.kind for r in result.replacements} == {"phone"}


@pytest.mark.parametrize(
    "text",
    ["0(at)0.no11831783321", "ola(at)eksempel.no11831783321 ", "kari@eksempel.no41234567"],
)
def test_what_the_scrubber_leaves_the_guard_never_refuses(text):
    from bti_cli.privacy.guard import personal_data_kinds

    result = scrub(text, lang="nb")
    assert personal_data_kinds(result.text) == [], result.text
    assert "@" not in result.text and "(at)" not in result.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case or reference number written year-number is no phone (a Norwegian phone number
        # is eight digits in pairs or 3-2-3, or four and four with a space)
        ("Saksnr. 2025-1234 i arkivet.", "Saksnr. 2025-1234 i arkivet."),
        ("Ref. 2024-0456, se journalen.", "Ref. 2024-0456, se journalen."),
        ("Sak 1998-1234 er avsluttet.", "Sak 1998-1234 er avsluttet."),
        # the same digits with a phone cue, or not starting with a year, are a phone
        ("Tlf. 2025-1234", "Tlf. [TELEFON]"),
        ("Ring 2025 1234 i dag.", "Ring [TELEFON] i dag."),
        ("Nummeret er 4125-1234.", "Nummeret er [TELEFON]."),
        ("Nummeret er 2025 1234.", "Nummeret er [TELEFON]."),
        ("Nummeret er 1899-1234.", "Nummeret er [TELEFON]."),
        ("Nummeret er 2100-1234.", "Nummeret er [TELEFON]."),
    ],
)
def test_a_year_and_a_number_is_a_reference_not_a_phone(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun går på avdeling Blåklokka.", "Hun går på avdeling Blåklokka."),
        ("Eleven er på basen «Maurtua» om morgenen.", "Eleven er på basen «Maurtua» om morgenen."),
        ("Pers.nr. ikke oppgitt.", "Pers.nr. ikke oppgitt."),
        # the name of a person after the department stays a name
        ("Avdeling Blåklokka: Emma gråt.", "Avdeling Blåklokka: [NAVN] gråt."),
    ],
)
def test_a_department_name_or_an_abbreviation_is_no_person(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De har flyttet til nygata 3a.", "De har flyttet til [ADRESSE]."),
        ("Mor bor i ringvegen 14.", "Mor bor i [ADRESSE]."),
        ("Vi gikk lia 3 ganger.", "Vi gikk lia 3 ganger."),
    ],
)
def test_a_lower_case_street_with_a_short_stem(text, expected):
    assert out(text) == expected


# every name of a service, measure, arena and role of every shipped municipality, in running
# text: at the start of a note, after a verb, after a preposition, in a list line, before a verb
_CONTEXTS = (
    "{x}",
    "{x} starter i høst.",
    "Mor ønsker {x}.",
    "Familien får tilbud om {x} fra januar.",
    "- {x} (4 ganger)",
    "Tiltak: {x}",
    "Vi har drøftet saken med {x}.",
    "Henvist til {x} i dag.",
    "Eleven går på {x}.",
    "Kontaktlærer og {x} har snakket sammen.",
    "Tolk var med. {x} er orientert.",
    "Mor sier {x} var bra.",
)


def _catalogue_names(slug):
    cat = catalogue.load(slug).catalogue
    return (
        [s.name for s in cat.services]
        + [m.name for m in cat.measures]
        + [a.name for a in cat.arenas]
        + [c.role for c in cat.coordinators]
    )


@pytest.mark.parametrize("slug", ["loten", "sondre-land", "elverum"])
@pytest.mark.parametrize("given", ["own", "loten", "none"])
def test_every_catalogue_name_survives_in_running_text(slug, given):
    """With its own catalogue, with another municipality's, or with none (a note may name the
    measure of the municipality a family moved from)."""
    vocabulary = {
        "own": domain_vocabulary(catalogue.load(slug).catalogue),
        "loten": domain_vocabulary(catalogue.load("loten").catalogue),
        "none": domain_vocabulary(),
    }[given]
    lost = []
    for name in _catalogue_names(slug):
        text = "\n".join(c.format(x=name) for c in _CONTEXTS)
        result = scrub(text, vocabulary=vocabulary, lang="nb")
        lost += [(name, r.original) for r in result.replacements]
    assert lost == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place is where one is, goes to or comes from; a building named as a compound
        ("Familien har hytte på Sjusjøen.", "Familien har hytte på Sjusjøen."),
        ("Mor flyttet til Kirkenær i fjor.", "Mor flyttet til Kirkenær i fjor."),
        ("Han kom fra Zyrafabyen i går.", "Han kom fra Zyrafabyen i går."),
        ("De var på ferie i Zyrafaland.", "De var på ferie i Zyrafaland."),
        ("Eleven trener i Nordlyshallen.", "Eleven trener i Nordlyshallen."),
        ("Vi møttes på Kremmerhuset.", "Vi møttes på Kremmerhuset."),
        ("Klassen var på tur til Hunderfossen.", "Klassen var på tur til Hunderfossen."),
        # a person after the same little words stays a name
        ("Hun er glad i Zyrafa.", "Hun er glad i [NAVN]."),
        ("Far passet på Zyrafa hele dagen.", "Far passet på [NAVN] hele dagen."),
        ("Melding fra Zyrafa kom i dag.", "Melding fra [NAVN] kom i dag."),
        ("Vi ringte Fossen i går.", "Vi ringte [NAVN] i går."),
    ],
)
def test_a_place_that_is_no_address_stays(text, expected):
    assert out(text) == expected


# --------------------------------------------------------------------------- found on notes_blind2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drøftet med styrer.\n– KB\n", "Drøftet med styrer.\n– [NAVN]\n"),
        ("Vi snakker med foreldrene. – A.-K.", "Vi snakker med foreldrene. – [NAVN]"),
        ("Notert kl. 11.05. - SK", "Notert kl. 11.05. - [NAVN]"),
        ("Referat: A.-K. og mor møttes.", "Referat: [NAVN] og mor møttes."),
        # an abbreviation of the vocabulary after a dash stays, and so does a dash inside words
        ("Samarbeid med helsestasjon – PPT", "Samarbeid med helsestasjon – PPT"),
        ("Henvist til BUT-PPT", "Henvist til BUT-PPT"),
        ("Alt er OK – OK", "Alt er OK – OK"),
        ("Skrevet av /kh", "Skrevet av [NAVN]"),
        ("Mvh\n/kh\n", "Mvh\n[NAVN]\n"),
        ("Det koster 30 kr /mnd", "Det koster 30 kr /mnd"),
    ],
)
def test_a_signature_after_a_dash_ends_the_line(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Håp (4) har slått seg mye i det siste.", "[NAVN] (4) har slått seg mye i det siste."),
        ("Vilje (5) er aggressiv mot dei minste.", "[NAVN] (5) er aggressiv mot dei minste."),
        ("Bjørk (8) sa til assistenten at hun er redd.", "[NAVN] (8) sa til assistenten at hun er redd."),
        ("- Håp (5): søv.\n- Tiril (5): grin.", "- [NAVN] (5): søv.\n- [NAVN] (5): grin."),
        ("Zyrafa (6) gråt ved levering.", "[NAVN] (6) gråt ved levering."),
        # a person named by role, a count of things or of groups stays
        ("Jenta (14) har eit merke på kinnet.", "Jenta (14) har eit merke på kinnet."),
        ("Gruppene (4) har møttes.", "Gruppene (4) har møttes."),
        ("Tvillingene (4) har det fint.", "Tvillingene (4) har det fint."),
        ("- Samtale (2): mor og far.", "- Samtale (2): mor og far."),
        ("- Samtale (2): mor\n- Møte (1): far", "- Samtale (2): mor\n- Møte (1): far"),
        # the same words without an age are words
        ("Håp er viktig for familien.", "Håp er viktig for familien."),
        ("Vilje til endring er tydelig.", "Vilje til endring er tydelig."),
        ("Tro og håp.", "Tro og håp."),
    ],
)
def test_a_word_with_an_age_in_brackets_and_a_verb_is_a_child(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prata med per i friminuttet i dag.", "Prata med [NAVN] i friminuttet i dag."),
        ("Vi snakket med dag om helga.", "Vi snakket med [NAVN] om helga."),
        ("Ho seier at ekskjærasten, ståle, truga henne.", "Ho seier at ekskjærasten, [NAVN], truga henne."),
        ("Snakket med far per telefon.", "Snakket med far per telefon."),
    ],
)
def test_lower_case_names_after_talking_and_after_an_ex(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far: Omar bin Ali, mor: Rania Al-Khatib.", "Far: [NAVN], mor: [NAVN]."),
        ("Mor (Lotte van der Berg) er nederlandsk.", "Mor ([NAVN]) er nederlandsk."),
        ("Kari de Vries ringte.", "[NAVN] ringte."),
        # the same small words elsewhere stay
        ("Emma og Ola da de kom hjem.", "[NAVN] og [NAVN] da de kom hjem."),
    ],
)
def test_particles_inside_a_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mor har egen e-post: mona.sand [at] eksempel punktum no.",
        "Skriv til ola alfakrøll eksempel.no i dag.",
        "far.test (at) eksempel dot com",
    ],
)
def test_an_email_address_written_to_fool_a_robot(text):
    result = scrub(text, lang="nb")
    assert [r.kind for r in result.replacements] == ["email"], result.text
    assert "eksempel" not in result.text


def test_an_ordinary_sentence_with_punktum_stays():
    assert out("Mor sa at eksempel punktum no var nede.") == "Mor sa at eksempel punktum no var nede."


@pytest.mark.parametrize(
    "text",
    [
        "Hennes fødselsdato er 14.12.2012.",
        "Fødselsdato/år: 2012",
        "Fødselsdatoen var 14.12.2012.",
        "Fødselsdato 3. mai -15",
        "Han er født 3. mai '15.",
    ],
)
def test_a_birth_date_after_the_cue_and_a_verb(text):
    result = scrub(text, lang="nb")
    assert [r.kind for r in result.replacements] == ["birth_date"]
    assert not any(c.isdigit() for c in result.text), result.text


@pytest.mark.parametrize("slug", ["loten", "sondre-land", "elverum"])
def test_every_catalogue_name_survives_inflected_or_in_a_compound(slug):
    """"Vestly avlastningen", "Ungdoms-LOS-kurset", "(Stine Sofies Stiftelse Foreldrepakke)"."""
    vocabulary = domain_vocabulary(catalogue.load(slug).catalogue)
    lost = []
    for name in _catalogue_names(slug):
        forms = (f"{name}-kurset", f"{name}en", f"{name}s tilbud", f"«{name}»", f"({name})", name.lower())
        text = "\n".join(c.format(x=f) for f in forms for c in ("Mor ønsker {x} i høst.", "{x} starter i høst."))
        lost += [(name, r.original) for r in scrub(text, vocabulary=vocabulary, lang="nb").replacements]
    assert lost == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fastlege dr. Berg er informert.", "Fastlege dr. [NAVN] er informert."),
        ("Vi tok kontakt med dr. Lie i går.", "Vi tok kontakt med dr. [NAVN] i går."),
        ("Sign. EH", "Sign. [NAVN]"),
        ("Sign.: KB", "Sign.: [NAVN]"),
        ("Sign. PPT", "Sign. PPT"),  # a service, not a person
        ("Lærer: Hr. Olsen", "Lærer: Hr. [NAVN]"),  # the title stays
    ],
)
def test_a_name_after_a_shortened_title_or_sign_off(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize("text", ["Tlf. 004741234567", "Ring 004791234567 nå."])
def test_a_phone_with_0047_written_together_is_a_phone(text):
    assert [r.kind for r in scrub(text, lang="nb").replacements] == ["phone"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nummer 41 234 567.", "Nummer [TELEFON]."),
        ("Nummer 41234 567.", "Nummer [TELEFON]."),
        ("Far: +47 41 234 567", "Far: [TELEFON]"),
        # an amount in the same groups stays
        ("Gjeld kr 12 345 678 til banken.", "Gjeld kr 12 345 678 til banken."),
        ("Arven var 12 345 678 kroner.", "Arven var 12 345 678 kroner."),
    ],
)
def test_a_phone_in_two_three_three_groups(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Far bur på Stensby, 2340 Løten.", "Far bur på [ADRESSE]."),
        ("Mor bor på Nordre Li 2345 Ådalsbruk nå.", "Mor bor på [ADRESSE] nå."),
        # a place without a postcode or number stays
        ("Han bor på Vestad, rett ved skolen.", "Han bor på Vestad, rett ved skolen."),
        ("De bor i Løten.", "De bor i Løten."),
        # a year after the place is no house number
        ("Familien flyttet til Norge i 2015 fra Syria.", "Familien flyttet til Norge i 2015 fra Syria."),
        ("De flytta til Løten 2018. Etter det gikk det bra.", "De flytta til Løten 2018. Etter det gikk det bra."),
        ("Bor i Norge, 2015 Han kom", "Bor i Norge, 2015 Han kom"),
    ],
)
def test_a_place_with_a_postcode_after_bor_is_an_address(text, expected):
    assert out(text) == expected


# --------------------------------------------------------------------------- the large lexicon


def test_the_lexicon_holds_no_listed_name_and_carries_its_licence():
    from bti_cli.datafiles import data_dir
    from bti_cli.privacy.names import _read_list, shipped_lists

    lists = shipped_lists()
    raw = {w.lower() for w in _read_list("lexicon.txt")}
    assert len(raw) > 20000  # a real frequency list, not a hand list
    assert raw & lists.names == set()  # a word that is also a name keeps the context rules
    header = (data_dir() / "names" / "lexicon.txt").read_text(encoding="utf-8")[:1500]
    assert "CC-BY-SA 4.0" in header and "wordfreq" in header and "scripts/build_lexicon.py" in header


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capitalised ordinary words that the hand list (words.txt) does not know
        (
            "Han spiller Fotball på lørdager og Håndball på tirsdager.",
            "Han spiller Fotball på lørdager og Håndball på tirsdager.",
        ),
        ("Eleven viser Fremgang i norsk og matte.", "Eleven viser Fremgang i norsk og matte."),
        ("Barnet har Eksem og Allergi mot nøtter.", "Barnet har Eksem og Allergi mot nøtter."),
        ("Hun fortalte om Krangling hjemme og Bråk på bussen.", "Hun fortalte om Krangling hjemme og Bråk på bussen."),
        # at the start of a sentence before an auxiliary: a word, not a child
        ("Astma har vært et tema lenge.", "Astma har vært et tema lenge."),
        # the same kind of word as a surname is still found by what stands around it
        ("Vi ringte Lyng i går.", "Vi ringte [NAVN] i går."),
        ("Kontaktlærer snakket med Lyng om saken.", "Kontaktlærer snakket med [NAVN] om saken."),
        ("Lyng sa at han ville hjem.", "[NAVN] sa at han ville hjem."),
        ("Emma og Lyng lekte sammen.", "[NAVN] og [NAVN] lekte sammen."),
        ("Møte med Ola Lyng på skolen.", "Møte med [NAVN] på skolen."),
        ("Mor Lyng kom ikke.", "Mor [NAVN] kom ikke."),
    ],
)
def test_a_capitalised_common_word_stays_unless_a_person_is_meant(text, expected):
    from bti_cli.privacy.names import shipped_lists

    lists = shipped_lists()
    for word in ("fotball", "håndball", "fremgang", "eksem", "allergi", "krangling", "bråk", "astma", "lyng"):
        assert word in lists.lexicon and word not in lists.words  # what this test is about
    assert out(text) == expected


@pytest.mark.parametrize(
    "name", ["Zeynep", "Tomasz", "Wiktor", "Dawit", "Senait", "Hodan", "Parisa", "Thanh", "Chinedu", "Yara", "Kian"]
)
def test_the_lexicon_hides_no_given_name_of_another_origin(name):
    from bti_cli.privacy.names import shipped_lists

    assert name.lower() not in shipped_lists().lexicon
    assert out(f"Vi har hatt samtale med {name} og mor.") == "Vi har hatt samtale med [NAVN] og mor."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jenta går på Lyngstad skole.", "Jenta går på Lyngstad skole."),
        ("Han går i Solsikken barnehage.", "Han går i Solsikken barnehage."),
        ("Hun trener med Vang IL og går i Vang kyrkje.", "Hun trener med Vang IL og går i Vang kyrkje."),
        # the child beside the school is still a name
        ("Jonas Lyngstad går på Vang skole.", "[NAVN] går på Vang skole."),
    ],
)
def test_the_name_of_a_school_or_club_stays(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # eight digits in odd groupings of spaces
        ("Far: 41 2345 67", "Far: [TELEFON]"),
        ("Far: 4 1 2 3 4 5 6 7", "Far: [TELEFON]"),
        ("Far: 41 234 56 7 etter kl. 16", "Far: [TELEFON] etter kl. 16"),
        ("Far: 412 345 67.", "Far: [TELEFON]."),
        # not an amount, a count or a longer run of numbers
        ("Gjeld kr 4 1 2 3 4 5 6 7 til banken.", "Gjeld kr 4 1 2 3 4 5 6 7 til banken."),
        ("Rekka 1 2 3 4 5 6 7 8 9 ble lest høyt.", "Rekka 1 2 3 4 5 6 7 8 9 ble lest høyt."),
        ("Hun fikk 12 av 15 poeng i uke 12.", "Hun fikk 12 av 15 poeng i uke 12."),
    ],
)
def test_a_phone_in_odd_groupings(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sak 2025/1234 er opprettet.", "Sak 2025/1234 er opprettet."),
        ("Viser til ref. 24/5567 og sak 2024/12345.", "Viser til ref. 24/5567 og sak 2024/12345."),
        ("Ref: 12345678", "Ref: 12345678"),
        ("Saksnr. 2025 1234 i arkivet.", "Saksnr. 2025 1234 i arkivet."),
        ("Journalpostnr 41234567 gjelder gutten.", "Journalpostnr 41234567 gjelder gutten."),
        ("Arkivsak 2023/5561 og dok.nr. 12.", "Arkivsak 2023/5561 og dok.nr. 12."),
        # the same digits without the cue, or after another word, are a phone
        ("Far: 41234567", "Far: [TELEFON]"),
        ("Ref. samtale med mor, 41 23 45 67.", "Ref. samtale med mor, [TELEFON]."),
        ("Referat: mor ringte fra 41234567.", "Referat: mor ringte fra [TELEFON]."),
        ("Saken: tlf 41234567", "Saken: tlf [TELEFON]"),
    ],
)
def test_a_case_or_reference_number_is_no_phone(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mor til A. ringte i dag.", "Mor til [NAVN] ringte i dag."),
        ("Eleven K. har fått tilbud.", "Eleven [NAVN] har fått tilbud."),
        ("Samtale med far til B. i dag.", "Samtale med far til [NAVN] i dag."),
        # a letter that is no person stays
        ("Vi bruker plan A. Det virker.", "Vi bruker plan A. Det virker."),
        ("Vedlegg A. er sendt.", "Vedlegg A. er sendt."),
        ("Han går i klasse 5A. Mor er med.", "Han går i klasse 5A. Mor er med."),
    ],
)
def test_one_initial_after_a_role_word(text, expected):
    assert out(text) == expected


# --------------------------------------------------------------------------- found on notes_blind3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kinship word that is a given name too, and the nynorsk word for children
        ("Bror går på ungdomsskolen i Løten.", "Bror går på ungdomsskolen i Løten."),
        ("Bror sa at han var lei.", "Bror sa at han var lei."),
        ("Born bur no hjå far.", "Born bur no hjå far."),
        # a word before a name and a comma is no inverted name when it is a word
        ("Eldste, Rojin Baran, går i 5C.", "Eldste, [NAVN], går i 5C."),
        ("Baran, Rojin går i 5C.", "[NAVN], [NAVN] går i 5C."),
        # a place listed with a place
        ("Elevar frå Hov og Zyrafaby får buss.", "Elevar frå Hov og Zyrafaby får buss."),
        ("Emma og Zyrafa leker.", "[NAVN] og [NAVN] leker."),
    ],
)
def test_words_that_look_like_names_in_blind3(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mahmoud al-Khatib (21.08.2012) kom fra Syria.", "[NAVN] ([FØDSELSDATO]) kom fra Syria."),
        ("Familien el-Amin har flyttet.", "Familien [NAVN] har flyttet."),
        ("Familien van der Berg flyttet fra Nederland.", "Familien [NAVN] flyttet fra Nederland."),
        ("Per Nes (far) ønsker referat.", "[NAVN] (far) ønsker referat."),
        ("Kontaktlærer I. Nes bruker skolens telefon.", "Kontaktlærer [NAVN] [NAVN] bruker skolens telefon."),
        # the same small words as Norwegian words stay
        ("Vi skal se de andre i morgen, da er alle der.", "Vi skal se de andre i morgen, da er alle der."),
        ("Bror (far) kom ikke.", "Bror (far) kom ikke."),
    ],
)
def test_names_with_particles_roles_and_initials(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("E-post haider.rasul82 at eksempel dot no.", "E-post [E-POST]."),
        ("Skriv til mona_s at eksempel.no i dag.", "Skriv til [E-POST] i dag."),
        # "at" is a Norwegian word
        ("Hun sa at eksempel.no var nede.", "Hun sa at eksempel.no var nede."),
        ("Mor sa at han dot ikke var der.", "Mor sa at han dot ikke var der."),
    ],
)
def test_an_email_written_with_at_and_dot(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Born bur no hjå far på Lundgard, Fluberg.", "Born bur no hjå far på [ADRESSE]."),
        ("Mor bor på Nyhus, Løten nå.", "Mor bor på [ADRESSE] nå."),
        # a meeting place, and a list of places, stay
        ("Vi møttes på Kremmerhuset, Hamar.", "Vi møttes på Kremmerhuset, Hamar."),
        ("De bor på Hamar, Elverum og Løten.", "De bor på Hamar, Elverum og Løten."),
    ],
)
def test_a_farm_and_a_village_where_someone_lives(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound of two common words, a noun in -s, a diagnosis or a medicine
        ("Guten brukar Insulinpumpe på skulen.", "Guten brukar Insulinpumpe på skulen."),
        ("Mor går på Norskkurs om kvelden.", "Mor går på Norskkurs om kvelden."),
        ("Eleven tek Buss til Skulen.", "Eleven tek Buss til Skulen."),
        ("Han har Diabetes og Autisme og får Ritalin.", "Han har Diabetes og Autisme og får Ritalin."),
        # a surname made of the words of a farm name is still a name
        ("Vi snakket med Myrvang og Steinmann i dag.", "Vi snakket med [NAVN] og [NAVN] i dag."),
        ("Lærer Hoffmann og rektor Grønvold var der.", "Lærer [NAVN] og rektor [NAVN] var der."),
        ("Samtale med Kari Sandbakken og Ola Fjellstad.", "Samtale med [NAVN] og [NAVN]."),
    ],
)
def test_compounds_diagnoses_and_nouns_in_s_stay(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Barnehagen Trollskogen melder bekymring.", "Barnehagen Trollskogen melder bekymring."),
        ("I barnehagen Emma går i er det fint.", "I barnehagen [NAVN] går i er det fint."),
    ],
)
def test_the_name_of_a_kindergarten_after_the_word(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trades and nationalities in -er that other languages share
        ("Han ønsker å bli Rørlegger eller Elektriker.", "Han ønsker å bli Rørlegger eller Elektriker."),
        ("Familien er Pakistaner og Iraker.", "Familien er Pakistaner og Iraker."),
        ("Far er Musiker og jobber mye.", "Far er Musiker og jobber mye."),
        # a name in -er is still a name
        ("Samboer til mor, Roger, er ny i familien.", "Samboer til mor, [NAVN], er ny i familien."),
        ("Vi snakket med Oliver og Peter i dag.", "Vi snakket med [NAVN] og [NAVN] i dag."),
    ],
)
def test_trades_and_nationalities_stay(text, expected):
    assert out(text) == expected


# --------------------------------------------------------------------------- unseen notes (round 4)
# Mechanisms found on notes written without a view of the code (tests/corpus/notes_blind5.txt,
# notes_blind6.txt): each rule with the words beside it that must stay.

THIS_YEAR = date.today().year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign number is one number, not a country code and a Norwegian 2-2-2-2
        ("Far kan nåast på +45 20 12 34 56 i dag.", "Far kan nåast på [TELEFON] i dag."),
        ("Ring 0046 70 123 45 67.", "Ring [TELEFON]."),
        # the country code without "+" or "00"
        ("Melding frå 4790011223: kjem ikkje.", "Melding frå [TELEFON]: kjem ikkje."),
        ("Nytt nummer 47 900 11 223.", "Nytt nummer [TELEFON]."),
        # … but not a count, an amount or a reference number
        ("Det er 47 elever på trinnet.", "Det er 47 elever på trinnet."),
        ("Beløp: kr 4712345678.", "Beløp: kr 4712345678."),
        ("Ref. 4712345678 i arkivet.", "Ref. 4712345678 i arkivet."),
        # a date after "ringte" is the day of the call, not a number
        ("Far ringte 11.03.2025 og var sint.", "Far ringte 11.03.2025 og var sint."),
        ("Mor ringte 03.11.25 om kvelden.", "Mor ringte 03.11.25 om kvelden."),
        ("Far ringte 41234567 i går.", "Far ringte [TELEFON] i går."),
        # the public numbers and case numbers stay
        ("Ring 112, 113, 116 111 eller 02800. Sak 2025/1234, ref. 24/5567.",
         "Ring 112, 113, 116 111 eller 02800. Sak 2025/1234, ref. 24/5567."),
    ],
)
def test_phones_with_country_codes_and_dates_after_a_cue(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "address",
    [
        "vicky.hellum [at] gmail [dot] com",
        "ola(at)eksempel(dot)no",
        "kari.n [at] eksempel (punktum) no",
    ],
)
def test_an_email_with_the_dot_in_brackets(address):
    assert out(f"Hun skriver fra {address} i kveld.") == "Hun skriver fra [E-POST] i kveld."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date right after an age or the word for a child is the birth date
        ("Gut, 10 år (22.06.2015), 5. trinn.", "Gut, 10 år ([FØDSELSDATO]), 5. trinn."),
        ("Eleven (12 år, 03.04.2013) har fravær.", "Eleven (12 år, [FØDSELSDATO]) har fravær."),
        ("Gutten (03.04.2013) sa lite.", "Gutten ([FØDSELSDATO]) sa lite."),
        ("Barnet, 4 år, 1. mai 2021, går i barnehagen.", "Barnet, 4 år, [FØDSELSDATO], går i barnehagen."),
        # an age alone, and a meeting date after a count of years, stay
        ("Eleven (14) har 30 % fravær siden 12.03.2025.", "Eleven (14) har 30 % fravær siden 12.03.2025."),
        ("Jenta er 12 år. Møte 12.03.2025 kl. 10.", "Jenta er 12 år. Møte 12.03.2025 kl. 10."),
    ],
)
def test_a_date_after_an_age_is_a_birth_date(text, expected):
    assert out(text) == expected


def test_a_date_after_an_age_of_this_year_stays_and_of_last_year_goes():
    # a birth date lies in the past; on the edge, last year's date goes and this year's stays
    assert out(f"Babyen, 3 mnd, 02.01.{THIS_YEAR - 1}, sover dårlig.") == (
        "Babyen, 3 mnd, [FØDSELSDATO], sover dårlig."
    )
    assert out(f"Babyen, 3 mnd, 02.01.{THIS_YEAR}, sover dårlig.") == (
        f"Babyen, 3 mnd, 02.01.{THIS_YEAR}, sover dårlig."
    )


def test_a_date_two_years_back_on_the_line_of_a_name_is_a_birth_date():
    # "Barn: Ola Nordmann, 5. trinn, 12.03.2014": not right after the name, but on its line
    two, one = THIS_YEAR - 2, THIS_YEAR - 1
    assert out(f"Barn: Ola Nordmann, 5. trinn, 12.03.{two}") == "Barn: [NAVN], 5. trinn, [FØDSELSDATO]"
    assert out(f"- Emma Hansen, Løten skole, 1. mai {two}") == "- [NAVN], Løten skole, [FØDSELSDATO]"
    # last year's date on the line of a name is as likely a meeting: it stays (right after a
    # name it still goes, see test_a_birth_date_right_after_a_name_in_every_written_form)
    assert out(f"Barn: Ola Nordmann, 5. trinn, 12.03.{one}") == f"Barn: [NAVN], 5. trinn, 12.03.{one}"
    # a meeting, a move, a deadline or a second date of a period stays, however old
    for cue in ("møte", "flyttet hit", "vedtak fra", "siden", "innen", "Sendt:"):
        text = f"Ola Hansen, {cue} 12.03.{two}."
        assert out(text) == f"[NAVN], {cue} 12.03.{two}.", cue
    assert out(f"Ola Hansen var borte 01.02.{two} og 14.03.{two}.") == (
        f"[NAVN] var borte [FØDSELSDATO] og 14.03.{two}."
    )
    # a date on a line without a name stays
    assert out(f"Tiltaket starta 12.03.{two}.") == f"Tiltaket starta 12.03.{two}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials and a surname that is a word, after a sign-off or in a list of people
        ("Neste møte 12.06.2025. Referent: B. Hov", "Neste møte 12.06.2025. Referent: [NAVN] [NAVN]"),
        ("Referent: H. Eng", "Referent: [NAVN] [NAVN]"),
        # a role's initials in brackets; an abbreviation in brackets stays
        ("Til stede: rektor, kontaktlærer (GH) og mor.", "Til stede: rektor, kontaktlærer ([NAVN]) og mor."),
        ("Kontaktlærar (AKH) skreiv ned orda hans.", "Kontaktlærar ([NAVN]) skreiv ned orda hans."),
        ("Saken er meldt til barnevernet (BUP er informert).", "Saken er meldt til barnevernet (BUP er informert)."),
        ("Rådgiver (PPT) deltar.", "Rådgiver (PPT) deltar."),
        # signatures in lower case: after a dash, after a slash (also a given name that is a
        # word), and alone at the end of a note
        ("ok fra meg. -ms", "ok fra meg. -[NAVN]"),
        ("snakket med far i telefonen. /siv", "snakket med far i telefonen. [NAVN]"),
        ("ikkje bekymring, men noterer. ev", "ikkje bekymring, men noterer. [NAVN]"),
        ("Alt er i orden. ok", "Alt er i orden. ok"),
        ("Sjekk prosent- og kr-beløp", "Sjekk prosent- og kr-beløp"),
    ],
)
def test_initials_and_signatures_in_minutes_and_messages(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # given names that are words, at the start of a list line or a note, before a verb,
        # a class or another child with an age
        ("- Sol gret då ho vart henta.", "- [NAVN] gret då ho vart henta."),
        ("Siv i 2. klasse har byrja å tisse på seg.", "[NAVN] i 2. klasse har byrja å tisse på seg."),
        ("Håp (6) og storebror Sverre (9) er bekymret.", "[NAVN] (6) og storebror [NAVN] (9) er bekymret."),
        ("«Hei. Birk vil ikkje på skulen.»", "«Hei. [NAVN] vil ikkje på skulen.»"),
        ("Hei Liv! Takk for sist.", "Hei [NAVN]! Takk for sist."),
        # the same words as words stay
        ("Sol og regn i dag, så vi var inne.", "Sol og regn i dag, så vi var inne."),
        ("Håp er viktig for familien.", "Håp er viktig for familien."),
        ("Tiltak (3) og møter (2) er avtalt.", "Tiltak (3) og møter (2) er avtalt."),
        # a short surname that is a word, after a given name that is known only from its neighbour
        ("Føresette: Geir Ove Nes (far), Lillemor Nes (mor).", "Føresette: [NAVN] (far), [NAVN] (mor)."),
        ("Guten (Sander Rønningen, 11) sa lite.", "Guten ([NAVN], 11) sa lite."),
        # a word between two names, and a name before a particle
        ("Mor, Maria Cristina Dela Cruz, ringte.", "Mor, [NAVN], ringte."),
        ("Foresatte: Pieter van der Berg, Ilse van der Berg-Moen", "Foresatte: [NAVN], [NAVN]"),
        # a genitive of a given name; a word that survives only in a phrase, used as a name
        ("Sofies mor ringte i dag.", "[NAVN] mor ringte i dag."),
        ("Mor (kalt Nok) sier at hun er nok sliten. Nok snakker godt norsk.",
         "Mor (kalt [NAVN]) sier at hun er nok sliten. [NAVN] snakker godt norsk."),
        ("Vi har gitt informasjon om Nok Elverum sitt tilbud på nettsider.",
         "Vi har gitt informasjon om Nok Elverum sitt tilbud på nettsider."),
        # a lower-case name in quotes after a kinship word
        ("Barnet seier «onkel ken» om han.", "Barnet seier «onkel [NAVN]» om han."),
    ],
)
def test_names_in_unseen_positions(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title stays before the name
        ("Fru Hansen mener det er tull.", "Fru [NAVN] mener det er tull."),
        ("Herr Olsen kom ikke.", "Herr [NAVN] kom ikke."),
        # an inflected word before "er" is no child ("papira" of "papir")
        ("I papira frå NAV står det lite. Papira er leverte tilbake.",
         "I papira frå NAV står det lite. Papira er leverte tilbake."),
        # a verb after "navn" is no name; a name after "navn" is
        ("Ingen navn ført i referatet.", "Ingen navn ført i referatet."),
        ("Barnets navn ola står på lappen.", "Barnets navn [NAVN] står på lappen."),
        # countries, municipalities, eponyms of diagnoses and tests
        ("Ana er frå Filippinane og mor frå Kautokeino.", "[NAVN] er frå Filippinane og mor frå Kautokeino."),
        ("Gutten har Asperger og fikk Carlsten lesetest.", "Gutten har Asperger og fikk Carlsten lesetest."),
        ("Far bor i Somalia, ingen kontakt.", "Far bor i Somalia, ingen kontakt."),
        ("Far bor i Storgata 5, 2317 Hamar.", "Far bor i [ADRESSE]."),
    ],
)
def test_titles_inflected_words_and_places_stay(text, expected):
    assert out(text) == expected


def test_the_command_scrubs_unseen_minutes(cli, tmp_path):
    note = tmp_path / "referat.txt"
    two = THIS_YEAR - 2
    note.write_text(
        "Referat ansvarsgruppe 28.01.2025.\n"
        f"Barn: Ola Nes, 5. trinn, 12.03.{two}\n"
        "Til stede: mor, kontaktlærer (GH), Koordinator/barnekoordinator.\n"
        "Far kan nåast på +45 20 12 34 56 eller vicky.hellum [at] gmail [dot] com.\n"
        "Neste møte 29.04.2025 kl. 09.00. Referent: A. Lund\n",
        encoding="utf-8",
    )
    result = cli("scrub", str(note), "-m", "loten")
    assert result.exit_code == 0, result.stderr
    for secret in ("Ola", "Nes", f"12.03.{two}", "GH", "+45", "20 12 34 56", "vicky", "A.", "Lund"):
        assert not re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", result.stdout), secret
    for kept in ("28.01.2025", "Koordinator/barnekoordinator", "29.04.2025 kl. 09.00", "Referent:"):
        assert kept in result.stdout, kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name under a sign-off, alone on its line, even a given name that is a word
        ("Mvh\nTor", "Mvh\n[NAVN]"),
        ("Med vennlig hilsen,\nSol Hansen", "Med vennlig hilsen,\n[NAVN]"),
        ("Fyll ut skjema.\nTor", "Fyll ut skjema.\nTor"),
        # a title with a full stop before a surname that is a word; a weekday's short form stays
        ("Kontaktlærer Fr. Berg og Frk. Hansen kom.", "Kontaktlærer Fr. [NAVN] og Frk. [NAVN] kom."),
        ("Fr. 12.03 er fri.", "Fr. 12.03 er fri."),
        # languages, faiths and country adjectives are no names
        ("Far er Eritreisk og snakker Somali og Pashto.", "Far er Eritreisk og snakker Somali og Pashto."),
        ("Mor er med i Jehovas vitner.", "Mor er med i Jehovas vitner."),
        # a season or part of a year after a birth cue; a season alone stays
        ("Hun er født høsten 2016.", "Hun er født høsten [FØDSELSDATO]."),
        ("Han er fødd i slutten av mars 2015.", "Han er fødd i slutten av [FØDSELSDATO]."),
        ("Det var tøft høsten 2016.", "Det var tøft høsten 2016."),
        # "00 46": the international prefix written with a space
        ("Mor har nummer 00 46 70 123 45 67.", "Mor har nummer [TELEFON]."),
    ],
)
def test_sign_offs_titles_languages_seasons(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second street in lower case close after the first, and a qualifier in lower case
        ("Han bor i storgata 5, hun i kirkevegen 12b og bestemor i gamle kongevei 3.",
         "Han bor i [ADRESSE], hun i [ADRESSE] og bestemor i [ADRESSE]."),
        ("Vi går tur i lia 3 ganger i uka.", "Vi går tur i lia 3 ganger i uka."),
        # a given name that is a verb too stays in lower case
        ("La maten tine over natta. Tine kom i dag.", "La maten tine over natta. [NAVN] kom i dag."),
    ],
)
def test_lower_case_streets_in_a_row_and_a_name_that_is_a_verb(text, expected):
    assert out(text) == expected


# --------------------------------------------------------------------------- sentence-initial adverbs

ADVERB_LINES = [
    "Heldigvis er mor med på møtet.",
    "Dessverre kom ikkje far.",
    "Vanlegvis er han roleg i timane.",
    "Vanligvis er hun blid om morgenen.",
    "Nyleg kom familien til bygda.",
    "Etterpå gråt han lenge.",
    "Dessuten har skolen meldt fravær.",
    "Imidlertid sa helsesykepleier at det går bedre.",
    "Naturligvis var mor lei seg.",
]


@pytest.mark.parametrize("line", ADVERB_LINES)
def test_an_adverb_that_begins_a_sentence_stays(line):
    """Found by an acceptance check: "Heldigvis er mor …" became "[NAVN] er mor …". Adverbs are used
    in one form only, so the common-word lexicon (built from wordfreq) has none of them."""
    assert scrub(line).text == line
    assert scrub("24 " + line).text == "24 " + line


def test_a_name_after_an_adverb_still_goes(cli, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Dessverre kom ikkje Ola Hansen. Heldigvis ringte Amina Yusuf i går.\n", encoding="utf-8")
    result = cli("scrub", str(note))
    assert result.exit_code == 0, result.stderr
    assert "Dessverre kom ikkje" in result.stdout and "Heldigvis ringte" in result.stdout
    for secret in ("Ola", "Hansen", "Amina", "Yusuf"):
        assert secret not in result.stdout


@pytest.mark.parametrize("text", [" 20 00 00 10 0000", "ring 20 00 00 10 0000 i dag", "41 23 45 67 0046"])
def test_a_phone_read_two_ways_goes_whole(text):
    """Found by the property test's random profile: "00 10 0000" was taken for a foreign number
    first, and the Norwegian "20 00 00 10" that overlaps it was dropped, leaving "20 00"."""
    out = scrub(text).text
    assert not re.search(r"\d", out), out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han har Crohns sykdom og er mye borte.", "Han har Crohns sykdom og er mye borte."),
        ("Ho har Aspergers syndrom, seier mor.", "Ho har Aspergers syndrom, seier mor."),
        ("Crohns sjukdom gjer ho trøytt.", "Crohns sjukdom gjer ho trøytt."),
        ("Han har Duchennes muskeldystrofi.", "Han har Duchennes muskeldystrofi."),
        # a listed name before the disease, or a name before it, stays a name
        ("Karis sykdom er verre.", "[NAVN] sykdom er verre."),
        ("Ola Hansens sykdom er verre.", "[NAVN] sykdom er verre."),
        ("Han har Williams syndrom.", "Han har [NAVN] syndrom."),
    ],
)
def test_a_disease_named_after_its_describer_stays(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han bruker Medikinet og Melatonin.", "Han bruker Medikinet og Melatonin."),
        ("Hun fikk Sertralin av fastlegen i mars.", "Hun fikk Sertralin av fastlegen i mars."),
        ("Han spiller Roblox og bygger Lego.", "Han spiller Roblox og bygger Lego."),
        ("Han heier på Rosenborg og Vålerenga.", "Han heier på Rosenborg og Vålerenga."),
        # next to a given name, the same word is a surname
        ("Kari Rosenborg ringte i dag.", "[NAVN] ringte i dag."),
        ("Han heter Ola Medikinet.", "Han heter [NAVN]."),
    ],
)
def test_medicines_games_and_clubs_stay_unless_they_follow_a_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jonas Berg, 05 03 14, går i 6. klasse.", "[NAVN], [FØDSELSDATO], går i 6. klasse."),
        ("Kari Nes, 5 3 2014.", "[NAVN], [FØDSELSDATO]."),
        # a phone number after a name is a phone; this year's date is a meeting
        ("Kari Berg, 12 03 45 67 er nummeret.", "[NAVN], [TELEFON] er nummeret."),
        (f"Kari Berg, 12 03 {date.today().year % 100:02d} møte.", f"[NAVN], 12 03 {date.today().year % 100:02d} møte."),
    ],
)
def test_a_spaced_date_after_a_name_and_a_comma_is_a_birth_date(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Per Olsen var med. Per i dag er det ingen bekymring.", "[NAVN] var med. Per i dag er det ingen bekymring."),
        ("Per Olsen kom. Per nå går det bedre, to timer per uke.",
         "[NAVN] kom. Per nå går det bedre, to timer per uke."),
        ("Møte med Per Olsen. Per 1. mars er alt på plass.", "Møte med [NAVN]. Per 1. mars er alt på plass."),
        # the name itself still goes, also before an age
        ("Per Olsen ringte. Per sa at han var lei.", "[NAVN] ringte. [NAVN] sa at han var lei."),
        ("Per Olsen kom. Per, 12 år, går bra.", "[NAVN] kom. [NAVN], 12 år, går bra."),
        ("Per Olsen kom. Per 12 år går bra.", "[NAVN] kom. [NAVN] 12 år går bra."),
    ],
)
def test_the_preposition_per_stays_in_a_note_about_a_per(text, expected):
    assert out(text) == expected


# ---- unknown capitalised words that their surroundings show to be no person (issue 16, blind sets 7-8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word joined to a number is a grade, a code or a form
        ("Hun går Vg2 på Hamar.", "Hun går Vg2 på Hamar."),
        ("Han har hatt Covid19 og Influensa A.", "Han har hatt Covid19 og Influensa A."),
        ("Han var på 4-Årskontroll i fjor.", "Han var på 4-Årskontroll i fjor."),
        # a listed name glued to a number still goes in its other uses, with the rest of the
        # user name it is part of (round 8)
        ("Zyrafa Hassan sa at Zyrafa2 er brukernavnet.", "[NAVN] sa at [NAVN] er brukernavnet."),
    ],
)
def test_a_word_joined_to_a_number_is_no_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi ringte i går. Kvinnen sa at hun var tante.", "Vi ringte i går. Kvinnen sa at hun var tante."),
        ("Sjåføren sier at han gråt på bussen.", "Sjåføren sier at han gråt på bussen."),
        ("Frisøren fortalte at jenta var lei seg.", "Frisøren fortalte at jenta var lei seg."),
        ("Ungdommane seier at dei er redde.", "Ungdommane seier at dei er redde."),
        ("Guttene sa at de var lei.", "Guttene sa at de var lei."),
        # a surname that is the definite form of a place word still goes, and so does a name
        ("Vi ringte Fossen i går.", "Vi ringte [NAVN] i går."),
        ("Kvinnen heter Sæteren.", "Kvinnen heter [NAVN]."),
        ("Sjåføren, Ola Nes, sa at han gråt.", "Sjåføren, [NAVN], sa at han gråt."),
    ],
)
def test_the_definite_form_of_a_word_for_a_person_is_no_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han spiller Valorant hver natt.", "Han spiller Valorant hver natt."),
        ("Dei spelar Brawl Stars i friminuttet.", "Dei spelar Brawl Stars i friminuttet."),
        ("Hun bruker Threads, Snapchat og BeReal.", "Hun bruker Threads, Snapchat og BeReal."),
        ("Flere bruker snus og Zyn.", "Flere bruker snus og Zyn."),
        ("Han har lastet ned Wattpad.", "Han har lastet ned Wattpad."),
        ("Hun ser på Twitch om kvelden.", "Hun ser på Twitch om kvelden."),
        ("Han heier på Brann og Molde.", "Han heier på Brann og Molde."),
        ("Gutten drikker Monster og Red Bull.", "Gutten drikker Monster og Red Bull."),
        # a person after the same verbs still goes: listed, or with a word that takes a person
        ("Han spiller Fortnite med Zyrafa.", "Han spiller Fortnite med [NAVN]."),
        ("Vi heier på Emma når hun løper.", "Vi heier på [NAVN] når hun løper."),
        ("Hun ser på Zyrafa som en venn.", "Hun ser på [NAVN] som en venn."),
        ("Mor bruker Kari Hansen som barnevakt.", "Mor bruker [NAVN] som barnevakt."),
        ("Han spiller Minecraft og Ola Nes ser på.", "Han spiller Minecraft og [NAVN] ser på."),
    ],
)
def test_the_object_of_a_verb_that_takes_things_is_no_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hun ringte Posten-kontoret og Ruter-appen.", "Hun ringte Posten-kontoret og Ruter-appen."),
        ("Vi brukte Tras-skjemaet og Kvello-rapporten.", "Vi brukte Tras-skjemaet og Kvello-rapporten."),
        ("Vi bruker Marte Meo-metoden.", "Vi bruker Marte Meo-metoden."),
        # a double name or a name with a particle still goes
        ("Mor, Linda Strand-Kvisling, ringte.", "Mor, [NAVN], ringte."),
        ("Gutten heter Ahmed al-Rashid.", "Gutten heter [NAVN]."),
        ("Vi snakket med Anne-Lise i dag.", "Vi snakket med [NAVN] i dag."),
    ],
)
def test_a_hyphenated_word_ending_in_a_common_noun_is_no_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Familien var på ferie på Gran Canaria.", "Familien var på ferie på Gran Canaria."),
        ("Hun jobber på Burger King og McDonalds.", "Hun jobber på Burger King og McDonalds."),
        ("Jenta går på Danseskolen Pirouette.", "Jenta går på Danseskolen Pirouette."),
        ("Dei har vore på Leikland og i Badeland.", "Dei har vore på Leikland og i Badeland."),
        ("Han var med på Skidagen i mars.", "Han var med på Skidagen i mars."),
        # a name after a place or a role word still goes
        ("Vi var i Hamar. Zyrafa Hassan ble med.", "Vi var i Hamar. [NAVN] ble med."),
        ("Treneren Ola Nes sier at han er flink.", "Treneren [NAVN] sier at han er flink."),
    ],
)
def test_the_second_word_of_a_place_a_brand_or_a_club_is_no_name(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Han sa: «Samma for meg, Bro».", "Han sa: «Samma for meg, Bro»."),
        ("Hun svarte «Chill, det går fint».", "Hun svarte «Chill, det går fint»."),
        ("Kari Nes ringte på den nye skolen i dag.\nSaksliste: fravær og lekser.",
         "[NAVN] ringte på den nye skolen i dag.\nSaksliste: fravær og lekser."),
        # a name that opens a quotation still goes, and so does one quoted alone
        ("Han sa: «Zyrafa slo meg i dag».", "Han sa: «[NAVN] slo meg i dag»."),
        ("Han kaller henne «Zyrafa».", "Han kaller henne «[NAVN]»."),
    ],
)
def test_a_quotation_and_a_label_begin_a_sentence(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Helsestasjon: fått Rotarix dose 2 og Pneumokokk.", "Helsestasjon: fått Rotarix dose 2 og Pneumokokk."),
        ("Han har hatt Korona og Vannkopper.", "Han har hatt Korona og Vannkopper."),
        ("Mor gir henne Phenergan og Nurofen.", "Mor gir henne Phenergan og Nurofen."),
        ("Vi anbefaler Nurse Family Partnership.", "Vi anbefaler Nurse Family Partnership."),
    ],
)
def test_vaccines_medicines_and_programmes_stay(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storgata 12 B. Tlf: 41 22 33 44.", "[ADRESSE]. Tlf: [TELEFON]."),
        ("Per Dal (12) spiller mye.", "[NAVN] (12) spiller mye."),
        ("Liv Nes (9) sover dårlig.", "[NAVN] (9) sover dårlig."),
        ("Møtet ble ledet av Marit Kvisling i dag.", "Møtet ble ledet av [NAVN] i dag."),
        ("Møte med rektoren hans, bjørn, og far.", "Møte med rektoren hans, [NAVN], og far."),
        ("Kontaktlærer B.-M. Dal følger opp.", "Kontaktlærer [NAVN] [NAVN] følger opp."),
        ("Vi ringer mor i morgen.\n– Th. K.", "Vi ringer mor i morgen.\n– [NAVN]"),
        ("Vi ringer mor i morgen.\nTRB\n", "Vi ringer mor i morgen.\n[NAVN]\n"),
        ("E-post: ola.nes(a)eksempel.no", "E-post: [E-POST]"),
        # a known abbreviation on the last line stays, and a place's word after a name is a word
        ("Saken meldes videre.\nPPT", "Saken meldes videre.\nPPT"),
        ("Far til rektoren hans, per, sier nei.", "Far til rektoren hans, [NAVN], sier nei."),
    ],
)
def test_names_signatures_and_addresses_in_new_positions(text, expected):
    assert out(text) == expected


def test_the_command_keeps_apps_roles_and_vaccines_and_scrubs_the_names(cli, tmp_path):
    note = tmp_path / "notat.txt"
    note.write_text(
        "Helsestasjon, 4-månederskontroll. Fått Rotavirus dose 2 og Pneumokokk.\n"
        "Per Dal (13) spiller Valorant om natta. Sjåføren sier at han sover på bussen.\n"
        "Mor bruker Ruter-appen. E-post mor: kari.dal(a)eksempel.no\n"
        "SKR\n",
        encoding="utf-8",
    )
    result = cli("scrub", str(note), "-m", "loten")
    assert result.exit_code == 0, result.stderr
    for secret in ("Per", "Dal", "kari.dal", "SKR"):
        assert not re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", result.stdout), secret
    for kept in ("Rotavirus", "Pneumokokk", "Valorant", "Sjåføren", "Ruter-appen", "4-månederskontroll"):
        assert kept in result.stdout, kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nynorsk forms of words the lexicon knows in bokmål
        ("Jenta har Vanskar med Lesing.", "Jenta har Vanskar med Lesing."),
        ("Han har fått Tilbod om Leirskule.", "Han har fått Tilbod om Leirskule."),
        ("Ho har byrja på Vidaregåande.", "Ho har byrja på Vidaregåande."),
        ("Helsesjukepleiar har Ope kontor.", "Helsesjukepleiar har Ope kontor."),
        ("Me har avtalt Heimebesøk på fredag.", "Me har avtalt Heimebesøk på fredag."),
        # the genitive of a diagnosis or a place, a noun after an article
        ("Guten har Aspergers og ADHD.", "Guten har Aspergers og ADHD."),
        ("Han har lastet ned en App og ei Klokke.", "Han har lastet ned en App og ei Klokke."),
        # a name after the same words still goes
        ("Me har avtalt med Zyrafa at ho kjem.", "Me har avtalt med [NAVN] at ho kjem."),
        ("Han ringte Steinar i går.", "Han ringte [NAVN] i går."),
        ("Ho møtte Zyrafa Hassan på skulen.", "Ho møtte [NAVN] på skulen."),
    ],
)
def test_nynorsk_forms_genitives_and_nouns_after_an_article(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurset heter Sinnemestring og går over ti uker.", "Kurset heter Sinnemestring og går over ti uker."),
        ("Ho er med i ei gruppe som heiter Stjerna.", "Ho er med i ei gruppe som heiter Stjerna."),
        ("Han bruker en app som heter Kahoot.", "Han bruker en app som heter Kahoot."),
        ("Ho har Fri på fredag.", "Ho har Fri på fredag."),
        ("Han trener på Stampesletta og på Fotballbanen.", "Han trener på Stampesletta og på Fotballbanen."),
        # a person, a kin or a friend after "heter" still goes, and so does a listed name
        ("Gutten heter Zyrafa og jenta heter Liv.", "Gutten heter [NAVN] og jenta heter [NAVN]."),
        ("Bestevenninna heiter Zyrafa.", "Bestevenninna heiter [NAVN]."),
        ("Kurset heter Emma.", "Kurset heter [NAVN]."),
        ("Han går på Zyrafa hele tida, sier mor.", "Han går på [NAVN] hele tida, sier mor."),
    ],
)
def test_a_course_a_group_or_an_app_named_after_heter_and_a_place_in_a_list(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a fronted word the subject follows the verb: a name there still goes
        ("I friminuttet spiller Zyrafa alene.", "I friminuttet spiller [NAVN] alene."),
        ("Hjemme ser på Zyrafa mye TV.", "Hjemme ser på [NAVN] mye TV."),
        ("En Zyrafa ringte og spurte etter eleven.", "En [NAVN] ringte og spurte etter eleven."),
        # the object after the subject stays
        ("Om kvelden spiller han Valorant.", "Om kvelden spiller han Valorant."),
        ("Han liker å spille Valorant.", "Han liker å spille Valorant."),
        ("Jenta som bruker Snapchat mye, er lei seg.", "Jenta som bruker Snapchat mye, er lei seg."),
        ("Innkalling. Stad: Kommunehuset, Møterom Fjellet.", "Innkalling. Stad: Kommunehuset, Møterom Fjellet."),
        ("Skulen nyttar Robust ungdom og mer Voksenstøtte.", "Skulen nyttar Robust ungdom og mer Voksenstøtte."),
    ],
)
def test_a_verb_before_its_subject_and_rooms_and_short_compounds(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tannlegen ringte og sa at de hadde sett skader.",
        "Kantinedama sa at hun ikke hadde penger.",
        "Klassekameratene ler av ham.",
        "Kompisane seier at han har slutta.",
        "Personalet forteller at jenta gråt.",
        "Sjukepleiaren sa at mor var trøytt.",
        "Tilsette seier at barnet er trygt.",
    ],
)
def test_a_word_for_a_person_in_a_compound_or_in_nynorsk_is_no_name(text):
    assert out(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tannlegen, Kari Nes, ringte.", "Tannlegen, [NAVN], ringte."),
        ("Kompisen heter Zyrafa.", "Kompisen heter [NAVN]."),
        ("Zyrafa sa at kompisen var lei.", "[NAVN] sa at kompisen var lei."),
    ],
)
def test_a_name_beside_a_word_for_a_person_still_goes(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date of a talk, an entry or an event after a name stays
        ("Samtale med Kari Nes 14.03.2023 om fraværet.", "Samtale med [NAVN] 14.03.2023 om fraværet."),
        ("Kari Nes, 23.04.2024: Eleven har det bedre.", "[NAVN], 23.04.2024: Eleven har det bedre."),
        ("Stafettlogg startet 10.10.2023, stafettholder Kari Nes.",
         "Stafettlogg startet 10.10.2023, stafettholder [NAVN]."),
        ("Ola Nes hadde siste fravær 12.12.2023.", "[NAVN] hadde siste fravær 12.12.2023."),
        # a birth date set off after a name still goes, on such a line too
        ("Samtale med Sofie Andersen, 30.11.2016, 3. klasse.", "Samtale med [NAVN], [FØDSELSDATO], 3. klasse."),
        ("Barn: Ola Nordmann 12.03.2014", "Barn: [NAVN] [FØDSELSDATO]"),
        ("Sofie Andersen 30.11.2016 går i 3. klasse.", "[NAVN] [FØDSELSDATO] går i 3. klasse."),
    ],
)
def test_a_date_of_an_event_after_a_name_stays_and_a_birth_date_goes(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed surname in lower case after a lower-case name is the rest of it
        ("mvh kari nordmann", "mvh [NAVN]"),
        ("hilsen ola hansen", "hilsen [NAVN]"),
        ("prata med per om kvelden.", "prata med [NAVN] om kvelden."),
        # a given name that is a word, at the start, before "meiner"/"mener": the subject
        ("Gry meiner Emil treng meir tid.", "[NAVN] meiner [NAVN] treng meir tid."),
        ("Håp mener vi er viktig.", "Håp mener vi er viktig."),
        # a name joined to the word for the family
        ("Kristiansen-familien har flyttet hit.", "[NAVN]-familien har flyttet hit."),
        ("Hansen-familiens hus brant.", "[NAVN]-familiens hus brant."),
        ("Skyss-familien av busser.", "Skyss-familien av busser."),
        # a Danish CPR number written together; a phone with a country code stays a phone
        ("Bror har 0501101234 fra Danmark.", "Bror har [FØDSELSNUMMER] fra Danmark."),
        ("Ring +45 0501101234.", "Ring [TELEFON]."),
        ("Ref 9912345678", "Ref 9912345678"),
        # a municipality of two words whose first word is a surname too
        ("Far bor på Vestre Toten.", "Far bor på Vestre Toten."),
        ("Møtet var med Ola Vestre.", "Møtet var med [NAVN]."),
    ],
)
def test_signatures_family_compounds_danish_numbers_and_two_word_places(text, expected):
    assert out(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Han har Dom for vold.", "Far sitter på Ilseng.", "Ho har vore på Leikland."],
)
def test_a_word_the_lexicon_leaves_out_and_a_place_after_sitting_stay(text):
    assert out(text) == text
