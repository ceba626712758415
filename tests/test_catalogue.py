"""Core tests: loading, validation messages and filtering, without the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from bti_cli.catalogue import loader as catalogue
from bti_cli.errors import DataError, InputError

FIXTURE = Path(__file__).parent / "fixtures" / "mini.toml"
BASE = FIXTURE.read_text(encoding="utf-8")

# (what is broken, text to find, replacement, the exact problem line reported)
BROKEN = [
    ("unknown key", 'status = "planned"', 'status = "planned"\ncolour = "blue"',
     "broken.toml:56 measures[1].colour: unknown key"),
    ("missing field", 'name = "Sosial ferdighetstrening"\n', "",
     "broken.toml:43 measures[1].name: missing required field"),
    ("dangling service id", 'service = "skole"\ntarget_group = "Elever', 'service = "tannlege"\ntarget_group = "Elever',
     "broken.toml:48 measures[1].service: unknown service id 'tannlege'"),
    ("duplicate id", 'id = "sosial-ferdighetstrening"', 'id = "foreldreveiledning"',
     "broken.toml:44 measures[1].id: duplicate id 'foreldreveiledning' (first used in measures[0])"),
    ("impossible ages", "age_min = 10\nage_max = 12", "age_min = 12\nage_max = 10",
     "broken.toml:43 measures[1]: age_min (12) is greater than age_max (10)"),
    ("age out of range", "age_max = 12", "age_max = 30",
     "broken.toml:51 measures[1].age_max: must be at most 25"),
    ("unknown area key", 'areas = ["parenting-interaction"]', 'areas = ["happiness"]',
     "broken.toml:39 measures[0].areas: unknown concern area 'happiness'"),
    ("unknown tier", 'tiers = ["indicated"]', 'tiers = ["targeted"]',
     "broken.toml:47 measures[1].tiers[0]: must be one of: 'universal', 'selective', 'indicated'"),
    ("TOML syntax", 'frequency = "Månedlig"', 'frequency = "Månedlig',
     "broken.toml:63 (syntax): Illegal character '\\n'"),
    ("bad municipality number", 'number = "9999"', 'number = "99"',
     "broken.toml:7 municipality.number: does not have the right form (pattern ^\\d{4}$)"),
    ("empty tiers", 'tiers = ["indicated"]', "tiers = []",
     'broken.toml:47 measures[1].tiers: a direct measure (purpose = "direct") needs at least one tier'),
    ("unknown status", 'status = "planned"', 'status = "maybe"',
     "broken.toml:55 measures[1].status: must be one of: 'active', 'planned', 'developing', 'partial'"),
    ("wrong type", "age_min = 10", 'age_min = "ten"',
     "broken.toml:50 measures[1].age_min: must be a whole number"),
    ("arena level out of range", "levels = [0, 1, 2]", "levels = [0, 1, 7]",
     "broken.toml:64 arenas[0].levels[2]: must be at most 3"),
    ("coordinator with unknown service",
     'service = "skole"\nsource = { file = "test.txt", section = "5',
     'service = "ukjent"\nsource = { file = "test.txt", section = "5',
     "broken.toml:73 coordinators[0].service: unknown service id 'ukjent'"),
]


@pytest.mark.parametrize(("what", "find", "replace", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file_reports_file_line_field(what, find, replace, expected):
    from bti_cli import i18n

    i18n.set_language("en")  # the language of the expected lines
    assert BASE.count(find) == 1, what
    with pytest.raises(DataError) as info:
        catalogue.parse_catalogue(BASE.replace(find, replace), "broken.toml")
    assert info.value.problems == [expected]
    assert info.value.exit_code == 3


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", ["broken.toml:56 measures[1].colour: ukjent nøkkel", "broken.toml er ikke en gyldig kommunefil."]),
        ("nn", ["broken.toml:56 measures[1].colour: ukjend nøkkel", "broken.toml er ikkje ei gyldig kommunefil."]),
    ],
)
def test_validation_messages_follow_the_language(lang, expected):
    from bti_cli import i18n

    i18n.set_language(lang)
    with pytest.raises(DataError) as info:
        text = BASE.replace('status = "planned"', 'status = "planned"\ncolour = "blue"')
        catalogue.parse_catalogue(text, "broken.toml")
    assert info.value.problems == expected[:1] and info.value.message == expected[1]


def test_every_problem_is_reported_not_only_the_first():
    text = BASE.replace('status = "planned"', 'status = "maybe"').replace("age_max = 12", "age_max = 30")
    with pytest.raises(DataError) as info:
        catalogue.parse_catalogue(text, "broken.toml")
    assert len(info.value.problems) == 2


def test_fixture_loads():
    loaded = catalogue.load(data=FIXTURE)
    assert loaded.catalogue.municipality.slug == "testby"
    assert len(loaded.version_hash) == 16


def test_missing_data_file_is_input_error(tmp_path):
    with pytest.raises(InputError):
        catalogue.load(data=tmp_path / "nope.toml")


def test_unknown_municipality_names_the_shipped_ones():
    with pytest.raises(InputError) as info:
        catalogue.load("atlantis")
    assert "loten" in info.value.hint


@pytest.mark.parametrize("slug", ["loten", "sondre-land", "elverum"])
def test_shipped_catalogues_validate(slug):
    cat = catalogue.load(slug).catalogue
    assert cat.municipality.slug == slug
    assert cat.measures, "a shipped catalogue has measures"
    assert {m.service for m in cat.measures} <= {s.id for s in cat.services}


def test_shipped_list():
    assert catalogue.shipped_municipalities() == ["elverum", "loten", "sondre-land"]


@pytest.fixture
def mini():
    return catalogue.load(data=FIXTURE).catalogue.model_dump(mode="json")


def ids(measures):
    return [m["id"] for m in measures]


def test_filter_by_age(mini):
    assert ids(catalogue.filter_measures(mini, age=4)) == ["foreldreveiledning"]
    assert ids(catalogue.filter_measures(mini, age=11)) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, age=20)) == []


def test_filter_by_tier_area_status(mini):
    assert ids(catalogue.filter_measures(mini, tiers=["selective"])) == ["foreldreveiledning"]
    assert ids(catalogue.filter_measures(mini, areas=["behaviour"])) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, statuses=["planned"])) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, tiers=["universal", "indicated"])) == [
        "foreldreveiledning",
        "sosial-ferdighetstrening",
    ]


def test_filters_combine_with_and(mini):
    assert ids(catalogue.filter_measures(mini, tiers=["universal"], areas=["behaviour"])) == []


def test_search_ignores_case_and_accents(mini):
    assert ids(catalogue.filter_measures(mini, search="SOSKENGRUPPE")) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, search="søskengruppe")) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, search="icdp")) == ["foreldreveiledning"]


def test_service_by_id_or_name(mini):
    assert ids(catalogue.filter_measures(mini, services=["skole"])) == ["sosial-ferdighetstrening"]
    assert ids(catalogue.filter_measures(mini, services=["barneskole"])) == ["sosial-ferdighetstrening"]
    with pytest.raises(InputError):
        catalogue.filter_measures(mini, services=["tannlege"])


def test_plain_load_is_cached_and_matches_validated(tmp_path):
    first = catalogue.load_plain(data=FIXTURE)
    assert first.data == catalogue.load(data=FIXTURE).catalogue.model_dump(mode="json")
    cached = list((tmp_path / "cache").glob("catalogue-*.json"))
    assert len(cached) == 1
    assert catalogue.load_plain(data=FIXTURE) == first


def test_plain_load_revalidates_an_edited_file(tmp_path):
    copy = tmp_path / "copy.toml"
    copy.write_text(BASE)
    catalogue.load_plain(data=copy)
    copy.write_text(BASE.replace('status = "planned"', 'status = "maybe"'))
    with pytest.raises(DataError):
        catalogue.load_plain(data=copy)


def test_plain_load_survives_a_corrupt_cache(tmp_path):
    catalogue.load_plain(data=FIXTURE)
    for path in (tmp_path / "cache").glob("catalogue-*.json"):
        path.write_text("{not json")
    assert catalogue.load_plain(data=FIXTURE).data["municipality"]["slug"] == "testby"


def test_vocabulary_validates():
    vocab = catalogue.load_vocabulary()
    assert len(vocab.areas) == 18
    assert "acute-crisis" in vocab.areas
    assert vocab.model_dump(mode="json") == catalogue.vocabulary_data()


def test_fold():
    assert catalogue.fold("Ærlig Søknad på Café") == "aerlig soknad pa cafe"


def test_locate_dotted_tables():
    text = "schema_version = 1\n[areas.language]\nnb = 'x'\n"
    assert catalogue.locate(text, ("areas", "language")) == 2
    assert catalogue.locate(text, ("schema_version",)) == 1


LOCATE_TEXT = """schema_version = 2
[municipality]
name = "Testvik"
sources = [
  { file = "a.txt" },
]

[plan]
title = "Plan"

[[plan.links]]
url = "x"

[[measures]]
id = "a"
text.nb = "A"

[[measures]]
id = "b"
areas = ["learning"]

[[process.steps]]
id = "s1"

[[process.steps.questions]]
id = "q1"

[[process.steps.questions]]
id = "q2"
kind = "text"

[[process.steps]]
id = "s2"
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        (("schema_version",), 1),
        (("municipality", "name"), 3),
        (("municipality", "sources", 0, "file"), 4),  # an inline array: the key's line
        (("municipality", "nosuch"), 2),  # a missing key: its table's header
        (("plan", "links", 0, "url"), 12),  # [[plan.links]]
        (("measures", 0, "text", "nb"), 16),  # a dotted key
        (("measures", 1, "areas", 0), 20),
        (("measures", 1), 18),
        (("measures", 7, "id"), 1),  # no such element
        (("process", "steps", 0, "questions", 1, "kind"), 30),
        (("process", "steps", 1, "id"), 33),
        (("process", "steps", 1, "questions", 0), 32),  # s2 has no questions: the step's header
        (("arenas",), 1),
    ],
)
def test_one_locator_finds_the_line_of_a_field_path(loc, line):
    from bti_cli.catalogue.validation import TomlLines

    assert TomlLines(LOCATE_TEXT).locate(loc) == line
    assert catalogue.locate(LOCATE_TEXT, loc) == line


@pytest.mark.parametrize(
    ("lang", "replace", "expected"),
    [
        ("nb", "age_max = 30", "broken.toml:51 measures[1].age_max: må være høyst 25"),
        ("nn", "age_max = 30", "broken.toml:51 measures[1].age_max: må vere høgst 25"),
        ("nb", 'age_max = "tolv"', "broken.toml:51 measures[1].age_max: må være et heltall"),
        ("nn", "age_max = 12.5", "broken.toml:51 measures[1].age_max: må vere eit heiltal"),
    ],
)
def test_pydantic_messages_are_translated(lang, replace, expected):
    from bti_cli import i18n

    i18n.set_language(lang)
    with pytest.raises(DataError) as info:
        catalogue.parse_catalogue(BASE.replace("age_max = 12", replace), "broken.toml")
    assert info.value.problems == [expected]
    assert not any("Input should" in p or "should have" in p for p in info.value.problems)


@pytest.mark.parametrize("slug", ["loten", "sondre-land", "elverum"])
def test_shipped_compiled_copy_is_current(slug):
    """Fails after an edit of a shipped catalogue or areas.toml: run scripts/compile_catalogues.py."""
    import json

    path = catalogue.shipped_dir() / "compiled" / f"{slug}.json"
    shipped = json.loads(path.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(catalogue.compiled_payload(slug))), (
        f"{path.name} is out of date: run scripts/compile_catalogues.py"
    )


def test_shipped_catalogue_is_served_from_its_compiled_copy(tmp_path):
    plain = catalogue.load_plain("elverum")
    assert plain.data == catalogue.load("elverum").catalogue.model_dump(mode="json")
    assert plain.version_hash == catalogue.load("elverum").version_hash
    assert not list((tmp_path / "cache").glob("catalogue-*.json"))  # nothing validated, nothing cached


def test_a_stale_compiled_copy_is_not_used(tmp_path, monkeypatch):
    import json
    import shutil

    data = tmp_path / "data"
    shutil.copytree(catalogue.shipped_dir(), data)
    copy = data / "compiled" / "elverum.json"
    stale = json.loads(copy.read_text(encoding="utf-8"))
    stale["data"]["measures"] = []
    stale["key"] = "0-0"
    copy.write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(catalogue, "shipped_dir", lambda: data)
    assert len(catalogue.load_plain("elverum").data["measures"]) == 84
