"""Every user-facing text exists in bokmål, nynorsk and English, and the language of a run is
settled before the command line is parsed."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from bti_cli import i18n
from bti_cli.datafiles import data_dir

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


def test_every_text_formats_with_a_value_it_does_not_use():
    # a caller may pass more values than a text uses (the validation messages do): a literal
    # brace in a text («en tabell { … }») then broke str.format and crashed `bti data validate`
    for domain, key, entry in locale_entries():
        values = {name: "x" for name in fields(entry["nb"])}
        for lang in LANGS:
            assert i18n.t(f"{domain}.{key}", lang, **values, not_in_the_text="x")


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


DATA = data_dir()


@pytest.mark.parametrize("name", ["process.toml", "areas.toml"])
def test_every_text_of_the_shipped_process_and_vocabulary_has_three_languages(name):
    path = DATA / name
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


# --------------------------------------------------------------------------- no text outside the locale files

PACKAGE = Path(i18n.__file__).parent
# two words of prose in a string literal: a sentence somebody wrote in one language only
PROSE = re.compile(r"[^\W\d_]{2,}[ ,']+[^\W\d_]{2,}")
LOOKUPS = {"t", "h", "help_from", "alias", "entry"}


def _user_facing_errors() -> set[str]:
    """The exceptions whose message a user reads: bti's own, and those bti turns into one."""
    from bti_cli import errors

    names = {
        name for name, value in vars(errors).items() if isinstance(value, type) and issubclass(value, errors.BtiError)
    }
    # ConditionError and AnswerError messages are shown as they are; BadParameter is click's
    return names | {"CaseBusy", "CaseChanged", "ConditionError", "AnswerError", "BadParameter"}


def _literal(node) -> str | None:
    """The text a str literal or f-string spells out itself (without its {fields})."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    return None


def untranslated(source: str, errors: set[str]) -> list[tuple[int, str]]:
    """(line, text) of every message written into the code instead of a locale file: the message
    or hint of a user-facing error, a problem line (`problems.append`), or printed text.
    A pydantic validator's ValueError is user-facing too (it ends up in `bti data validate`)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        texts = []
        if name in errors or name == "ValueError" and "model_validator" in source:
            texts = [*node.args, *(k.value for k in node.keywords if k.arg in ("hint", "message"))]
        elif name == "append" and isinstance(func.value, ast.Name) and func.value.id in ("problems", "out"):
            texts = [e for arg in node.args for e in (arg.elts if isinstance(arg, ast.Tuple) else [arg])]
        elif name in ("print", "echo", "say", "show"):
            texts = list(node.args)
        for text in filter(None, map(_literal, texts)):
            if PROSE.search(text):
                found.append((node.lineno, text))
    return found


def test_every_message_comes_from_the_locale_files():
    """A message typed into the code exists in one language only: it must be a locale key."""
    errors = _user_facing_errors()
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in untranslated(path.read_text(encoding="utf-8"), errors):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}")
    assert not problems, "\n".join(problems)


def test_the_scan_finds_a_message_in_one_language():
    errors = _user_facing_errors()
    code = '''
def f(path, key):
    raise InputError(f"No such data file: {path}")
    raise UsageError(t("cli.x"), hint="See the help.")
    problems.append((("steps", 1), "unknown key"))
    err().print("Saved it.")
    raise InputError(t("catalogue.err_no_data_file", path=path))
    problems.append(f"{path}:{key} {t('catalogue.v_unknown_key')}")
    raise RuntimeError("an internal error a user never reads")
'''
    assert [line for line, _ in untranslated(code, errors)] == [3, 4, 5, 6]
    validator = "@model_validator(mode='after')\ndef f(self):\n    raise ValueError('age is wrong')\n"
    assert untranslated(validator, errors) == [(3, "age is wrong")]


def _keys_in(source: str) -> list[tuple[int, str]]:
    """(line, key) of every literal key handed to t, h, help_from, alias or entry."""
    import ast

    keys = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in LOOKUPS and literal and re.fullmatch(r"[a-z_]+\.[A-Za-z0-9_-]+", first.value):
                keys.append((node.lineno, first.value))
    return keys


def test_every_key_the_code_asks_for_exists_in_all_three_languages():
    problems = []
    count = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, key in _keys_in(path.read_text(encoding="utf-8")):
            count += 1
            try:
                texts = i18n.entry(key)
            except (KeyError, FileNotFoundError):
                problems.append(f"{path.name}:{line}: {key} is in no locale file")
                continue
            missing = LANGS - {lang for lang, text in texts.items() if isinstance(text, str) and text.strip()}
            if missing:
                problems.append(f"{path.name}:{line}: {key} lacks {', '.join(sorted(missing))}")
    assert count > 300, "the scan found too few keys to be looking in the right place"
    assert not problems, "\n".join(problems)


def test_the_key_scan_reads_calls_with_literal_keys_only():
    code = 'x = t("walk.welcome", municipality=m)\ny = h("cli.opt_lang")\nz = t(f"catalogue.tier_{k}")\nw = t(v)\n'
    assert _keys_in(code) == [(1, "walk.welcome"), (2, "cli.opt_lang")]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_validation_message_in_each_language(lang):
    from bti_cli.catalogue import loader as catalogue
    from bti_cli.errors import DataError

    i18n.set_language(lang)
    text = (Path(__file__).parent / "fixtures" / "mini.toml").read_text(encoding="utf-8")
    with pytest.raises(DataError) as caught:
        catalogue.parse_catalogue(text.replace('service = "skole"', 'service = "tannlege"', 1), "x.toml")
    expected = i18n.t("catalogue.v_unknown_service", lang, id="'tannlege'")
    assert caught.value.problems[0].endswith(expected)
    assert caught.value.message == i18n.t("catalogue.v_invalid_file", lang, name="x.toml")


def test_a_singular_entry_has_a_plural_entry_with_the_same_fields():
    problems = []
    for domain, key, entry in locale_entries():
        if not key.endswith("_one") or not isinstance(entry, dict):
            continue
        base = i18n.load_domain(domain).get(key[: -len("_one")])
        if not isinstance(base, dict):
            problems.append(f"{domain}.{key}: no plural entry {key[: -len('_one')]}")
            continue
        for lang in sorted(LANGS & set(entry) & set(base)):
            if fields(entry[lang]) != fields(base[lang]):
                problems.append(f"{domain}.{key}.{lang}: fields {sorted(fields(entry[lang]))} "
                                f"differ from the plural {sorted(fields(base[lang]))}")
    assert not problems, "\n".join(problems)


def test_count_one_picks_the_singular_entry():
    assert i18n.t("export.list_title", "nb", count=1) == "1 sak"
    assert i18n.t("export.list_title", "nb", count=2) == "2 saker"
    assert i18n.t("export.list_title", "en", count=0) == "0 cases"
    assert i18n.t("catalogue.title_measures", "en", municipality="Elverum", count=1) == "Elverum: 1 measure"
    # an entry without a singular form is used as it is
    assert i18n.t("catalogue.title_group", "en", group="x", count=1) == "x (1)"
