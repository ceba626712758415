"""Name lists of the scrubber: the shipped given names, surnames, ordinary words and proper
non-names (data/names/), and the small word sets that give a name its context (role and name
triggers, verbs people do, function words, noun endings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# --------------------------------------------------------------------------- word lists

WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_WORD_SPLIT_RE = re.compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)")


def _read_list(name: str) -> list[str]:
    from bti_cli.datafiles import data_dir

    text = (data_dir() / "names" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class NameLists:
    given: frozenset[str]  # lower case
    surnames: frozenset[str]
    names: frozenset[str]  # given | surnames
    words: frozenset[str]  # ordinary words (lower case)
    proper: frozenset[str]  # capitalised non-names (lower case)
    strict_given: frozenset[str]  # given names that are not ordinary words: found in lower case too
    domain: tuple[str, ...]  # built-in domain vocabulary entries (as written)
    # common words of a large frequency list (data/names/lexicon.txt), less every listed name:
    # not a name by capitals alone, but without the hand list's other uses (street words …)
    lexicon: frozenset[str] = frozenset()
    # titles of books, films and series (data/names/titles.txt): kept as whole phrases only
    titles: tuple[str, ...] = ()
    # well-known artists and bands (data/names/artists.txt): kept only after a listening cue
    artists: tuple[str, ...] = ()


@cache
def shipped_lists() -> NameLists:
    given = frozenset(n.lower() for n in _read_list("given.txt"))
    surnames = frozenset(n.lower() for n in _read_list("surnames.txt"))
    words = frozenset(w.lower() for w in _read_list("words.txt"))
    proper = frozenset(w.lower() for w in _read_list("proper.txt"))
    common = frozenset(_read_list("lexicon.txt"))
    # a given name that is an ordinary word too, by the hand list or by the frequency list
    # ("frost", "håp", "kalle"), is a name in lower case only with a cue ("onkel rune")
    # an English word that is a given name too ("grace", "joy", "faith") likewise
    strict = frozenset(
        g for g in given if g not in words and g not in common and len(g) >= 3 and g not in ENGLISH_WORD_NAMES
    )
    names = given | surnames
    lexicon = common - names - words
    domain = tuple(_read_list("domain.txt"))
    return NameLists(
        given, surnames, names, words, proper, strict, domain, lexicon,
        tuple(_read_list("titles.txt")), tuple(_read_list("artists.txt")),
    )


def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The shipped given names and surnames (lower case), for tests and tools."""
    lists = shipped_lists()
    return lists.given, lists.surnames


# --------------------------------------------------------------------------- name context


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_TRIGGERS = _words(
    """
    mor mora moren mammaen mamma far faren pappa pappaen søster syster søsteren systera bror broren
    sønn sønnen son sonen datter datteren dotter dottera eleven elev barnet gutten guten jenta
    babyen onkel onkelen tante tanta tanten bestemor bestefar mormor morfar farmor farfar oldemor
    oldefar stemor stefar halvbror halvsøster halvsyster fosterfar fostermor fostermora kusine
    kusina fetter nabo naboen venn vennen venninne venninna venninnen kjæreste kjæresten kamerat
    kameraten klassekamerat klassekameraten lærer læreren lærar læraren kontaktlærer kontaktlæreren
    kontaktlærar kontaktlæraren rektor rektoren helsesykepleier helsesykepleieren helsesjukepleiar
    helsesøster jordmor jordmora fastlege fastlegen lege legen psykolog psykologen saksbehandler
    saksbehandleren sakshandsamar assistent assistenten miljøarbeider miljøarbeideren miljøarbeidar
    pedagog spesialpedagog barnehagelærer barnehagelærar styrer styreren styrar rådgiver rådgiveren
    rådgjevar koordinator koordinatoren barnekoordinator kontaktperson kontaktpersonen støttekontakt
    avlaster verge vergen tolk tolken leder lederen leiar leiaren kollega kollegaen politibetjent
    herr fru frk søskenbarn svigerinne svoger samboer sambuar samboeren sambuaren kjærast
    kjærasten ekskjæreste ekskjæresten ekskjærast ekskjærasten eksmann eksmannen ekskone
    ekskona eksen typen kompis kompisen bestevenn bestevennen bestevenninne bestevenninna
    bestevenninnen bestekompis bestekompisen
    besta bestemora bestemoren bestefaren mormora mormoren morfaren farmora farmoren farfaren
    oldemora oldefaren moster mostera mosteren morbror morbroren farbror farbroren storebror
    storebroren lillebror lillebroren storesøster storesøstera lillesøster lillesøstera storesyster
    veslesyster veslebror stebror stesøster stesyster svigermor svigerfar tanta onkelen
    bonusmor bonusfar bonusmamma bonuspappa bonusbror bonussøster bonussyster bonusmora bonusfaren
    """
)
# the same words in English, for a note written in English ("her uncle rune", "aunt Liv"): the
# scrubber is not told the language of a note. None is a Norwegian word.
ENGLISH_KIN = _words(
    """
    uncle aunt auntie grandma grandpa granny grandad grandmother grandfather grandson granddaughter
    mum mom mummy mommy dad daddy mother father brother sister daughter cousin nephew niece
    stepfather stepmother stepdad stepmum stepmom stepbrother stepsister halfbrother halfsister
    boyfriend girlfriend friend neighbour neighbor teacher
    mr mrs ms mx dr
    """
)
ROLE_TRIGGERS = ROLE_TRIGGERS | ENGLISH_KIN
# given names that are English words too: after an English kinship word in lower case a name
# only when a verb or a surname follows ("her uncle mark shouts"), and never when the word is a
# verb or a small word there ("her mother can come", "his sister even said no", "mother rose")
ENGLISH_WORD_NAMES = _words(
    """
    mark max van grace rim joy faith mercy angel rose will hope bill dawn ray summer holly ivy lily
    daisy iris violet grant frank guy pat sue penny carol robin sandy jack jean chase may june april
    august amber hazel heather pearl ruby crystal honey star sky river rowan autumn sunny
    """
)
ENGLISH_SMALL_WORD_NAMES = _words("can said long even hung bent ask my")
NAME_TRIGGERS = _words(
    """
    heter heiter het hette kalt kalla kalles kallast kallenavn kallenamn navn namn name named hilsen
    helsing mvh signert underskrevet referent signatur
    """
)
# sign-offs before a signature: "Hilsen TM" names a person by initials
SIGN_OFFS = _words("hilsen helsing mvh signert underskrevet referent signatur")
# hedging words between "heter" and the name: "heter visstnok Ronny"
HEDGES = _words(
    """
    visstnok visst vel nok kanskje egentlig eigentleg muligens moglegvis angivelig antakelig trolig
    truleg sannsynligvis faktisk forresten også òg bare berre jo liksom
    """
)
# "prata med per", "snakket med dag om …": a lower-case given name after talking to someone
TALK_VERBS = _words(
    """
    prata pratet prater pratar snakket snakka snakker snakkar snakke samtale samtalen samtaler møte
    møtet møtte ringte ringde avtale avtalt kontakt
    """
)
# verbs that, right after a given name that is also a word at the start of a line, make it the
# subject: "Liv er en blid jente", "Tone har ringt"
SUBJECT_VERBS = _words(
    """
    er var har hadde skal skulle vil ville kan kunne må måtte fikk får fekk blir ble vert vart
    biter beit bit dytter dyttar slår slo slår sparker gråter græt begynte begynner byrja sluttet
    slutta går gikk gjekk virker verkar viser synes syns tenker tenkjer føler kjenner trenger
    treng mangler manglar fortalte fortalde forteller fortel seier sier sa
    gret grein gråt åt et spiser spiste et eter bet biter kastet kasta kaster kastar dyttet dytta
    sparket sparka løper sprang springer spring hoppet hoppa datt falt faller fell sovnet sovna
    sover søv sov sitter sit satt sat ligger ligg lå låg leker leiker lekte leika tisset tissa
    kommer kjem kom gikk går ville nekter nektar nektet nekta ønsker ynskjer trives trivst liker
    likar likte elsker savner saknar snakker snakkar pratar prater bor bur bodde budde
    mener meiner mente meinte tror trur trodde trudde vet veit visste ønsket ynskte
    tar tek tok
    """
)
# given names that are also everyday function words or verbs in lower case ("mor tor ikke",
# "skal far bo", "ringte mor per telefon"): after a role word only when a verb follows
AMBIGUOUS_LOWER = _words("per tor bo mai dag vil ser kan sol")
HUMAN_VERBS = _words(
    """
    sa sier seier forteller fortalte fortel fortalde gråt gråter græt ler lo smiler smilte smilar
    lekte leker leikar leika spiste sov sover slo sparket sparka kom kjem gikk gjekk løp sprang
    svarte svara spurte spurde nekter nektet nekta nektar liker likte likar ønsker ønsket ynskjer
    ynskte forklarte forklarer forklarar trives trivst bor bur bodde budde ropte ropar roper skrek
    skreik ringte ringde ringer ringjer ringa henta hentet henter hentar
    gøymde gjemte gjemmer gøymer
    """
)
# English verbs a person does, after a name in a note written in English ("Rune picks her up",
# "Dal said yes"); none is a Norwegian word ("is", "hit", "ran", "bed" are left out)
ENGLISH_VERBS = _words(
    """
    says said tells told asks asked calls called phones phoned shouts shouted yells yelled screams
    screamed cries cried laughs laughed smiles smiled picks picked feels felt wants wanted likes liked
    loves loved hates hated lives lived plays played comes came goes went gets got answers answered
    replies replied explains explained refuses refused thinks thought knows knew kicks kicked sleeps
    slept eats walks walked visits visited needs needed helps helped talks talked brings brought
    takes took drives drove works worked attends attended struggles struggled seems seemed becomes
    became starts started stops stopped writes wrote reads stays stayed moves moved misses missed
    worries worried agrees agreed believes believed wishes wished hopes hoped tries tried runs
    """
)
# English auxiliaries: after a given name that is a word too, at the start of a line only ("Liv is
# happy at school"), as the Norwegian ones ("Liv er …")
ENGLISH_AUXILIARIES = _words("is was has had will can does did")
# words that begin sentences and are never names there ("Ho sa …" is "she said")
FUNCTION_WORDS = _words(
    """
    ho han hun hen eg jeg du vi me de dei dere dykk det den dette disse desse ein en ei et eit min
    mi mitt mine din di ditt dine sin si sitt sine hans hennes hennar vår vårt våre deira deres alle
    ingen noen nokon nokre mange få begge kven hvem kva hva kor hvor når da då så men og eller om at
    som i på til av for med fra frå ved hos etter før under over mellom mot uten utan gjennom jo nei
    ja ikke ikkje også òg bare berre kanskje nå no her der le do
    """
)
# pronouns of the dialects, written as spoken ("Dæm ville ha turnering", "Je ringte NAV", "far
# hass", Hedmark's "Hæn sa at hæn itte orkar"): words that begin sentences as the written pronouns
# do, never names there
DIALECT_PRONOUNS = _words(
    """
    je æ æg dæm dem døm dom demm dæmm hu hæ dæ mæ sæ dokker dåkker dåkk dokk økk åkk oss
    hass hænnes hænnar dæmmes demmes hæn hænn itte ittno nån nåen
    """
)
# the same idea in English, for a note written in English ("This helps a lot", "Today the home
# visit went well"): words that begin sentences and are never names there. "my" and "even" are
# left out, being given names too ("My sa …", "Even ringte")
ENGLISH_FUNCTION_WORDS = _words(
    """
    this that these those there here what when where why how which who whom whose today yesterday
    tomorrow tonight please also then now maybe perhaps yes no our their his her its we they she he
    it i you your me us them him the a an and but or so if as after before since because although
    though however unfortunately luckily later earlier sometimes usually often both all some many
    most each every another other such while until unless whether nobody everyone someone anyone
    everything nothing something otherwise meanwhile instead still already again finally next last
    not never always only just once
    hi hello hey dear thanks thank regards cheers
    with without on of from about into onto upon at to for by in
    """
)
FUNCTION_WORDS = FUNCTION_WORDS | DIALECT_PRONOUNS | ENGLISH_FUNCTION_WORDS
# abbreviations whose full stop does not end a sentence
_NONFINAL_ABBR = _words(
    """
    bl.a f.eks dvs ca jf jfr kl nr mht ifm iht evt pga ift vha ref tlf mob adr f ang vedr st pr mm
    ev dr prof sign hr fr frk mtp iflg
    """
)
_NOUN_ENDINGS = (
    "sjon",
    "sjonen",
    "sjonar",
    "sjoner",
    "ing",
    "ingen",
    "ingar",
    "inger",
    "ingene",
    "het",
    "heten",
    "heita",
    "else",
    "elsen",
    "skap",
    "skapet",
    "tjeneste",
    "tjenesten",
    "tenesta",
    "kontoret",
    "loven",
    "lova",
    "møte",
    "møtet",
    "plan",
    "planen",
    "team",
    "teamet",
    "gruppe",
    "gruppa",
    "gruppen",
    "messig",
    "lig",
    "lige",
    "leg",
    "lege",
    "isk",
    "iske",
    "ende",
    "itet",
    "iteten",
    "ologi",
    "avdeling",
    "tilbud",
    "tilbudet",
    "arbeid",
    "arbeidet",
    "senter",
    "senteret",
    "skole",
    "skolen",
    "skule",
    "skulen",
    "hage",
    "barnehage",
    "barnehagen",
    "sak",
    "saken",
    "leder",
    "lederen",
    "rapport",
    "skjema",
    "dokument",
)
_INFLECTION = ("ene", "ane", "ens", "ets", "en", "et", "er", "ar", "a", "e", "s", "r", "n", "t", "es")
_OPENERS = " \t\u00a0«»\"“”„'‘’([{*•·–—-☐☑☒✓✔✗✘▪◦‣○●■□►➢➤"
_SENTENCE_END = ".!?:;…"
