"""The catalogue's second edition: every new rule reported as `file:line field: message`, exit 3,
and a first-edition file still valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from bti_cli.catalogue import loader as catalogue
from bti_cli.catalogue.status_words import STATUS_WORDS, normalise, status_for
from bti_cli.errors import DataError

FIXTURES = Path(__file__).parent / "fixtures"
BASE = (FIXTURES / "mini2.toml").read_text(encoding="utf-8")
ANON = 'id = "anonym-drofting-barnevern"'

# (what is broken, text to find, replacement, the exact problem line reported)
BROKEN = [
    ("unknown basis", 'source = { basis = "law", ref = "nasjonalt nødnummer" }',
     'source = { basis = "rumour", ref = "nasjonalt nødnummer" }',
     "broken.toml:42 contacts[0].source.basis: must be one of: 'plan', 'bti', 'law'"),
    ("bti source without ref", 'source = { basis = "bti", ref = "BTI-veilederen: den som står barnet nærmest" }',
     'source = { basis = "bti" }',
     'broken.toml:130 coordinators[0].source: a source with basis "bti" needs ref (the guidance, or act and section)'),
    ("law source without ref", 'source = { basis = "law", ref = "nasjonalt nødnummer" }',
     'source = { basis = "law", note = "112" }',
     'broken.toml:42 contacts[0].source: a source with basis "law" needs ref (the guidance, or act and section)'),
    ("plan source without section",
     'source = { file = "test.txt", section = "5 Stafettholder" }\n\n[[coordinators]]\nid = "ansvarsgruppe"',
     'source = { file = "test.txt" }\n\n[[coordinators]]\nid = "ansvarsgruppe"',
     'broken.toml:138 coordinators[1].source: a source with basis "plan" needs both file and section'),
    ("unstated field with a value", 'participants = []\n', 'participants = ["PPT"]\n',
     "broken.toml:109 arenas[1].participants: participants is listed in unstated (the plan is silent) but has a "
     "value: leave it empty"),
    ("empty field not listed as unstated", 'unstated = ["participants", "frequency"]', 'unstated = ["participants"]',
     "broken.toml:111 arenas[1].frequency: frequency is empty: write what the plan says, or list the field in "
     "unstated"),
    ("unknown unstated field", 'unstated = ["participants", "frequency"]',
     'unstated = ["participants", "frequency", "colour"]',
     "broken.toml:112 arenas[1].unstated[2]: must be one of: 'participants', 'frequency', 'services', 'levels', "
     "'description'"),
    ("status disagreeing with its words", 'status = "planned"\nstatus_words = "Planlagt"',
     'status = "active"\nstatus_words = "Planlagt"',
     'broken.toml:90 measures[1].status: the status disagrees with status_words; the status table gives "planned"'),
    ("unknown status words", 'status_words = "I gang"', 'status_words = "Snart kanskje"',
     "broken.toml:77 measures[0].status_words: the status words are not in the status table "
     "(bti_cli/catalogue/status_words.py); add them there"),
    ("system arena with levels", 'kind = "system"\n', 'kind = "system"\nlevels = [3]\n',
     'broken.toml:120 arenas[2].levels: a system arena (kind = "system") serves no BTI level: levels must be []'),
    ("system arena taking anonymous cases", 'kind = "system"\n', 'kind = "system"\nanonymous = true\n',
     "broken.toml:120 arenas[2].anonymous: a system arena takes no cases, anonymous or not"),
    ("case arena without levels", "levels = [1, 2]\nsource", "source",
     'broken.toml:106 arenas[1].levels: a case arena needs at least one BTI level (levels_basis = "bti" when the '
     "plan gives none)"),
    ("levels by the BTI model without a note", 'note = "planen oppgir ikke nivå"', 'note = ""',
     'broken.toml:102 arenas[0].levels_basis: levels_basis = "bti" needs a source.note saying that the plan gives '
     "no levels"),
    ("unknown arena kind", 'kind = "system"', 'kind = "leadership"',
     "broken.toml:119 arenas[2].kind: must be one of: 'case', 'system'"),
    ("no anonymous consultation", "anonymous = true\n", "anonymous = false\n",
     "broken.toml:1 arenas: the file needs at least one case arena with anonymous = true for levels 0–3 "
     "(anonymous consultation with barnevern)"),
    ("anonymous arena for some levels only", "levels = [0, 1, 2, 3]", "levels = [0, 1]",
     "broken.toml:1 arenas: the file needs at least one case arena with anonymous = true for levels 0–3 "
     "(anonymous consultation with barnevern)"),
    ("setting without a source", "decision_deadline_days = { basis", "# decision_deadline_days = { basis",
     "broken.toml:13 settings.decision_deadline_days: the setting has no source in [settings_sources] (plan, bti "
     "or law)"),
    ("source of an unknown setting", "[settings_sources]\n",
     '[settings_sources]\nbedtime = { basis = "bti", ref = "x" }\n',
     "broken.toml:16 settings_sources.bedtime: unknown setting (see [settings])"),
    ("unknown purpose", 'purpose = "competence"', 'purpose = "fun"',
     "broken.toml:88 measures[1].purpose: must be one of: 'direct', 'competence', 'system'"),
    ("unknown audience", 'audience = ["staff"]', 'audience = ["pets"]',
     "broken.toml:87 measures[1].audience[0]: must be one of: 'child', 'youth', 'guardians', 'pregnant', 'staff', "
     "'family', 'infant'"),
    ("age above 25", "age_max = 6", "age_max = 26", "broken.toml:73 measures[0].age_max: must be at most 25"),
    ("period ending before it starts", "period = { start = 2022, end = 2025 }", "period = { start = 2022, end = 2020 }",
     "broken.toml:78 measures[0].period: the period ends (2020) before it starts (2022)"),
    ("shared with an unknown service", 'shared_with = ["barnevern"]', 'shared_with = ["tannlege"]',
     "broken.toml:71 measures[0].shared_with: unknown service id 'tannlege'"),
    ("shared with its own service", 'shared_with = ["barnevern"]', 'shared_with = ["helsestasjon"]',
     "broken.toml:71 measures[0].shared_with: shared_with lists only services other than service"),
    ("alias that is an id", 'aliases = ["kompetanse"]', 'aliases = ["foreldreveiledning"]',
     "broken.toml:92 measures[1].aliases: the alias 'foreldreveiledning' is already an id or another alias"),
    ("coordinator with an unknown area", 'areas = ["disability-long-term-needs"]', 'areas = ["weather"]',
     "broken.toml:145 coordinators[2].areas: unknown concern area 'weather'"),
    ("coordinator with an unknown subject", 'subjects = ["pregnant"]', 'subjects = ["pets"]',
     "broken.toml:136 coordinators[1].subjects[0]: must be one of: 'child', 'youth', 'guardians', 'pregnant', "
     "'staff', 'family', 'infant'"),
    ("plan not naming BTI without a note", 'title = "Testplan for forebygging"',
     'title = "Testplan for forebygging"\nnames_bti = false',
     "broken.toml:19 plan: when names_bti = false, model_note must say how the plan's model maps onto the tiers "
     "and BTI levels"),
    ("link that is not a web address", 'url = "https://bedreinnsats.no"', 'url = "bedreinnsats"',
     "broken.toml:28 plan.links[0].url: does not have the right form (pattern ^https?://\\S+$)"),
    ("contact phone that is not a number", 'phone = "112"', 'phone = "ring oss"',
     "broken.toml:41 contacts[0].phone: does not have the right form (pattern ^\\+?[0-9][0-9 ]{1,14}[0-9]$)"),
    ("unknown contact kind", 'kind = "emergency"', 'kind = "friend"',
     "broken.toml:39 contacts[0].kind: must be one of: 'barnevern', 'barnevernvakt', 'police', 'emergency', "
     "'helpline', 'municipality'"),
    ("direct measure without a tier", 'tiers = ["universal", "selective"]', "tiers = []",
     'broken.toml:69 measures[0].tiers: a direct measure (purpose = "direct") needs at least one tier'),
    ("empty period", "period = { start = 2022, end = 2025 }", "period = {}",
     "broken.toml:78 measures[0].period: the period needs start, end or years"),
    ("schema version from the future", "schema_version = 2", "schema_version = 3",
     "broken.toml:2 schema_version: must be at most 2"),
]


def test_the_second_edition_fixture_is_valid():
    cat = catalogue.parse_catalogue(BASE, "mini2.toml")
    untiered = BASE.replace('tiers = ["universal"]\n', "tiers = []\n")  # a competence measure may have none
    assert catalogue.parse_catalogue(untiered, "m.toml").measures[1].tiers == []
    anon = cat.arenas[0]
    assert anon.anonymous and anon.without_consent, "without_consent follows anonymous by default"
    assert cat.arenas[1].without_consent is False
    assert cat.plan is not None and str(cat.plan.adopted.date) == "2024-05-29"
    assert cat.coordinators[2].person is False


@pytest.mark.parametrize(("what", "find", "replace", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_new_rule_reports_file_line_field(what, find, replace, expected):
    from bti_cli import i18n

    i18n.set_language("en")
    assert BASE.count(find) == 1, what
    with pytest.raises(DataError) as info:
        catalogue.parse_catalogue(BASE.replace(find, replace), "broken.toml")
    assert info.value.problems == [expected]
    assert info.value.exit_code == 3


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_new_rules_speak_the_language(lang):
    from bti_cli import i18n

    i18n.set_language(lang)
    with pytest.raises(DataError) as info:
        catalogue.parse_catalogue(BASE.replace('kind = "system"\n', 'kind = "system"\nlevels = [3]\n'), "b.toml")
    assert info.value.problems == [
        {"nb": 'b.toml:120 arenas[2].levels: en systemarena (kind = "system") har ingen BTI-nivåer: '
               "levels skal være []",
         "nn": 'b.toml:120 arenas[2].levels: ein systemarena (kind = "system") har ingen BTI-nivå: levels skal vere []',
         }[lang]
    ]


def test_first_edition_files_stay_valid_without_the_second_editions_duties():
    """schema_version 1: no [settings_sources], an empty frequency not listed, no anonymous arena."""
    first = (FIXTURES / "mini.toml").read_text(encoding="utf-8").replace("anonymous = true", "anonymous = false")
    cat = catalogue.parse_catalogue(first.replace('frequency = "Månedlig"', 'frequency = ""'), "mini.toml")
    assert cat.schema_version == 1
    assert cat.arenas[0].kind.value == "case" and cat.arenas[0].status.value == "active"
    assert cat.measures[0].purpose.value == "direct" and cat.measures[0].status_words == ""


def test_status_words_match_whatever_the_case_and_spacing():
    assert status_for("  I GANG +   under  utvikling ") == "active"
    assert status_for("Planlagt") == "planned"
    assert status_for("") is None
    with pytest.raises(KeyError):
        status_for("snart")
    assert all(key == normalise(key) for key in STATUS_WORDS), "table keys are in normal form"
    assert set(STATUS_WORDS.values()) <= {"active", "planned", "developing", "partial"}


def test_data_validate_exits_3_on_a_second_edition_rule(tmp_path, cli):
    bad = tmp_path / "kommune.toml"
    bad.write_text(BASE.replace('kind = "system"\n', 'kind = "system"\nlevels = [3]\n'), encoding="utf-8")
    result = cli("data", "validate", str(bad), "--lang", "en")
    assert result.exit_code == 3
    assert f"{bad}:120 arenas[2].levels: a system arena" in result.stderr


def test_the_json_schema_knows_the_second_edition(cli):
    import json

    schema = json.loads(cli("data", "schema").stdout)
    arena = schema["$defs"]["Arena"]["properties"]
    assert {"kind", "levels_basis", "without_consent", "unstated", "status", "status_words"} <= set(arena)
    measure = schema["$defs"]["Measure"]["properties"]
    assert {"purpose", "status_words", "period", "shared_with", "aliases"} <= set(measure)
    assert {"settings_sources", "plan", "contacts"} <= set(schema["properties"])
    assert schema["$defs"]["Source"]["properties"]["basis"]


@pytest.mark.parametrize(
    ("source", "lang", "expected"),
    [
        (None, "nb", "BTI-modellen anbefaler at avgjørelsen tas innen 14 dager etter at undringen oppsto; "
                     "planen setter ingen egen frist."),
        (None, "nn", "BTI-modellen tilrår at avgjerda vert teken innan 14 dagar etter at undringa oppstod; "
                     "planen set ingen eigen frist."),
        (None, "en", "The BTI model recommends deciding within 14 days of the concern arising; the plan sets no "
                     "deadline of its own."),
        ('{ file = "test.txt", section = "4.2 Frister" }', "nb",
         "Planen setter fristen: avgjørelsen tas senest 14 dager etter at undringen oppsto (4.2 Frister)."),
        ('{ basis = "law", ref = "en tenkt lov § 1" }', "en",
         "The law sets the deadline (en tenkt lov § 1): decide at the latest 14 days after the concern arose."),
    ],
)
def test_the_walkthrough_words_the_deadline_by_its_source(source, lang, expected):
    from bti_cli import i18n
    from bti_cli.walkthrough import process

    text = BASE
    if source is not None:
        old = [line for line in BASE.splitlines() if line.startswith("decision_deadline_days = { basis")][0]
        text = BASE.replace(old, f"decision_deadline_days = {source}")
    i18n.set_language(lang)
    proc = process.load(catalogue.parse_catalogue(text, "k.toml"))
    intro = process.format_text(i18n.pick(proc.step("l0-decide").intro, lang), proc)
    assert intro == expected


def test_the_walkthrough_says_it_on_screen(cli, cases_dir):
    result = cli("start", "--no-input", "--answers", "examples/answers/level3.toml", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "The BTI model recommends deciding within 14 days" in " ".join(result.stdout.split())
    assert "Decide at the latest" not in result.stdout, "never worded as the municipality's own rule"


def test_level_0_offers_the_anonymous_consultation_for_any_child(cli, cases_dir, tmp_path):
    """A 9-year-old at level 0 (no consent yet): the walkthrough offers barnevern's anonymous consultation."""
    from pathlib import Path

    answers = (Path(__file__).parents[1] / "examples" / "answers" / "level1.toml").read_text(encoding="utf-8")
    answers = answers.replace("anonymous_consultation = false\n",
                              'anonymous_consultation = true\nanonymous_arena = "anonym-drofting-barnevern"\n')
    path = tmp_path / "answers.toml"
    path.write_text(answers, encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Anonym drøfting med barnevernstjenesten" in result.stdout
    wrong = answers.replace('anonymous_arena = "anonym-drofting-barnevern"', 'anonymous_arena = "driftsutvalget"')
    path.write_text(wrong, encoding="utf-8")
    refused = cli("start", "--no-input", "--answers", str(path), "--lang", "en")
    assert refused.exit_code != 0, "a system meeting is no choice"


def test_the_walkthrough_says_once_that_a_plan_does_not_name_bti(cli, cases_dir, tmp_path):
    # level 0 closed, valid in every catalogue (the example level-1 file picks Løten's measures,
    # which an answers file for Søndre Land now refuses before anything is written)
    from walk_answers import level0

    answers = tmp_path / "level0.toml"
    answers.write_text(level0() + '[l0-decide]\ndecision = "close"\n[close]\nclosing_reason = "concern-gone"\n'
                       'closing_note = "Ingen videre bekymring."\n', encoding="utf-8")
    args = ("start", "--no-input", "--answers", str(answers), "--lang", "en")
    sondre_land = cli(*args, "-m", "sondre-land")
    assert sondre_land.exit_code == 0, sondre_land.stderr
    words = " ".join(sondre_land.stdout.split())
    assert words.count("The municipality's plan does not name BTI") == 1
    loten = cli(*args, "-m", "loten")
    assert loten.exit_code == 0, loten.stderr
    assert "does not name BTI" not in loten.stdout
