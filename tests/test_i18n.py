"""Every user-facing text exists in bokmål, nynorsk and English, and the language of a run is
settled before the command line is parsed."""

from __future__ import annotations

import re
import string
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from bti_cli import i18n

LANGS = {"nb", "nn", "en"}
# what a text looks like before somebody wrote it
PLACEHOLDER = re.compile(r"^\s*(todo|fixme|tbd|xxx+|\?+|…|\.\.\.|-+|nb|nn|en)\s*[.:!]?\s*$", re.IGNORECASE)


def fields(text: str) -> set[str]:
    """The `{name}` fields of a str.format text (`{value!r}` → value). A text with braces that
    are not fields (a TOML example) is shown as it is, never formatted: it has no fields."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return set()
    names = [name.split(".")[0].split("[")[0] for name in names]
    return set(names) if all(name.isidentifier() for name in names) else set()


def locale_entries() -> list[tuple[str, str, dict]]:
    entries = []
    for domain in i18n.domains():
        for key, entry in i18n.load_domain(domain).items():
            entries.append((domain, key, entry))
    return entries


def problems_of(where: str, entry: dict, key: str | None = None) -> list[str]:
    """What is wrong with one {nb, nn, en} table."""
    problems = []
    if not isinstance(entry, dict):
        return [f"{where}: not a table of nb/nn/en"]
    missing = LANGS - set(entry)
    if missing:
        problems.append(f"{where}: missing {', '.join(sorted(missing))}")
    for lang in sorted(LANGS & set(entry)):
        text = entry[lang]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{lang}: empty")
        elif PLACEHOLDER.match(text) or (key is not None and "_" in key and text.strip() == key):
            problems.append(f"{where}.{lang}: placeholder text {text!r}")
    if "nb" in entry and isinstance(entry["nb"], str):
        expected = fields(entry["nb"])
        for lang in ("nn", "en"):
            if isinstance(entry.get(lang), str) and fields(entry[lang]) != expected:
                problems.append(
                    f"{where}.{lang}: fields {sorted(fields(entry[lang]))} differ from nb {sorted(expected)}"
                )
    return problems


def test_there_are_locale_files():
    assert {"catalogue", "cli", "config"} <= set(i18n.domains())


def test_every_locale_entry_has_three_languages_and_the_same_fields():
    problems = []
    for domain, key, entry in locale_entries():
        problems += problems_of(f"{domain}.{key}", entry, key)
        if isinstance(entry, dict):
            extra = set(entry) - LANGS
            if extra:
                problems.append(f"{domain}.{key}: unknown languages {sorted(extra)}")
    assert not problems, "\n".join(problems)


def test_the_check_catches_what_it_should():
    # the test above would be worthless if problems_of found nothing wrong here
    assert problems_of("x", {"nb": "Hei {name}", "nn": "Hei", "en": "Hi {name}"})  # nn lacks {name}
    assert problems_of("x", {"nb": "Hei", "nn": "Hei"})  # no en
    assert problems_of("x", {"nb": "Hei", "nn": "", "en": "Hi"})  # empty
    assert problems_of("x", {"nb": "TODO", "nn": "Hei", "en": "Hi"})  # placeholder
    assert problems_of("col_name", {"nb": "Navn", "nn": "Namn", "en": "col_name"}, "col_name")  # the key itself
    assert problems_of("x", {"nb": "{a} og {b}", "nn": "{a} og {b}", "en": "{a} and {c}"})
    assert not problems_of("x", {"nb": "{value!r} er ukjent", "nn": "{value!r} er ukjend", "en": "{value!r} unknown"})


def test_every_text_formats_with_the_fields_of_its_bokmaal_text():
    for domain, key, entry in locale_entries():
        values = {name: "x" for name in fields(entry["nb"])}
        for lang in LANGS:
            assert i18n.t(f"{domain}.{key}", lang, **values) if values else i18n.t(f"{domain}.{key}", lang)


def labelled_tables(node, where: str = ""):
    """Every table below `node` that holds a language key: the texts of the process file."""
    if isinstance(node, dict):
        if LANGS & set(node):
            yield where, node
            return
        for key, value in node.items():
            yield from labelled_tables(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = value.get("id", i) if isinstance(value, dict) else i
            yield from labelled_tables(value, f"{where}[{label}]")


DATA = Path(str(resources.files("bti_cli") / "data"))


@pytest.mark.parametrize("name", ["process.toml", "areas.toml"])
def test_every_text_of_the_shipped_process_and_vocabulary_has_three_languages(name):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} is not written yet")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    tables = list(labelled_tables(data))
    assert tables, f"{name} has no texts"
    problems = []
    for where, table in tables:
        problems += problems_of(f"{name}:{where}", {k: v for k, v in table.items() if k in LANGS})
    assert not problems, "\n".join(problems)


def test_labelled_tables_finds_a_missing_language():
    data = {"steps": [{"id": "s1", "text": {"nb": "Hei", "nn": "Hei"}, "options": [{"label": {"nb": "a"}}]}]}
    found = dict(labelled_tables(data))
    assert set(found) == {"steps[s1].text", "steps[s1].options[0].label"}
    assert problems_of("t", found["steps[s1].text"])


# --------------------------------------------------------------------------- the language of a run


def test_early_language_prefers_the_option_then_env_then_config(monkeypatch, tmp_path):
    assert i18n.early_language([]) == "nb"
    (tmp_path / "config.toml").write_text('lang = "nn"\n')
    assert i18n.early_language(["measures", "list"]) == "nn"
    monkeypatch.setenv("BTI_LANG", "en")
    assert i18n.early_language(["measures", "list"]) == "en"
    assert i18n.early_language(["--lang", "nb", "measures"]) == "nb"
    assert i18n.early_language(["measures", "list", "--lang=nn"]) == "nn"
    # the last one wins, as it does when click parses the options
    assert i18n.early_language(["--lang", "nb", "measures", "list", "--lang", "nn"]) == "nn"


def test_early_language_skips_what_is_not_a_language(monkeypatch, tmp_path):
    monkeypatch.setenv("BTI_LANG", "en")
    assert i18n.early_language(["--lang", "de"]) == "en"
    assert i18n.early_language(["--lang"]) == "en"
    # after `--` the words are arguments, not options
    assert i18n.early_language(["scrub", "--", "--lang", "nn"]) == "en"
    monkeypatch.delenv("BTI_LANG")
    (tmp_path / "config.toml").write_text("lang = ")  # broken: the command reports it
    assert i18n.early_language([]) == "nb"


def test_h_remembers_every_language_so_a_help_text_can_change_language():
    i18n.set_language("nn")
    text = i18n.h("cli.opt_no_input")
    assert text == i18n.t("cli.opt_no_input", "nn")
    i18n.set_language("en")
    assert i18n.localise(text) == "Never prompt; fail with a clear message instead."
    i18n.set_language("nb")
    assert i18n.localise(i18n.t("cli.opt_no_input", "en")) == i18n.t("cli.opt_no_input", "nb")
    assert i18n.localise("Some text bti does not know.") == "Some text bti does not know."
    assert i18n.localise(None) is None


def test_alias_translates_typers_own_words():
    i18n.alias("cli.help_option", "Show this message and exit.")
    i18n.set_language("nn")
    assert i18n.localise("Show this message and exit.") == "Vis denne hjelpa og avslutt."


def test_help_from_sets_the_docstring():
    @i18n.help_from("catalogue.help_coordinators")
    def command():
        """English."""

    assert command.__doc__ == i18n.t("catalogue.help_coordinators")


def test_an_unknown_language_is_a_translated_usage_error():
    from bti_cli.errors import UsageError

    i18n.set_language("en")
    with pytest.raises(UsageError) as caught:
        i18n.set_language("klingon")
    assert "nb, nn, en" in caught.value.message and "klingon" not in caught.value.message
