"""The user config file (TOML in the platform's config dir): reading it, checking and writing a
setting. Where the files live is `bti_cli.paths`.

Precedence everywhere: a command-line option, then its environment variable, then the
config file, then the built-in default.

Imports `bti_cli.paths`, `bti_cli.errors`, `bti_cli.i18n` and, to check a municipality or an arena,
`bti_cli.catalogue.loader`; none of these imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bti_cli.errors import DataError
from bti_cli.paths import config_path

CONFIG_KEYS = ("municipality", "lang", "cases_dir", "arena", "role")


def _key_lines(text: str) -> dict[str, int]:
    """The line on which each top-level key (or table) of a TOML text is set."""
    import tomllib

    lines: dict[str, int] = {}
    table = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):  # a table: its name is a key of the file; what follows is inside it
            name = stripped.strip("[] \t").split(".")[0].strip().strip('"\'')
            lines.setdefault(name, number)
            table = True
            continue
        if table or not stripped or stripped.startswith("#") or "=" not in stripped:
            continue
        head = stripped.split("=", 1)[0].strip()
        try:
            key = next(iter(tomllib.loads(f"{head} = 0")))
        except (ValueError, StopIteration):
            continue
        lines.setdefault(key, number)
    return lines


def _unknown_problems(path: Path, data: dict[str, Any], text: str) -> list[str]:
    """One `file:line message` for each key bti does not know. The key itself is never shown: it is
    free text ("kari_nordmann"), so it is named by its line."""
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import shown_path

    if all(key in CONFIG_KEYS for key in data):
        return []
    lines = _key_lines(text)
    known = ", ".join(CONFIG_KEYS)
    shown = shown_path(path)
    unknown = sorted((lines.get(key, 1), key) for key in data if key not in CONFIG_KEYS)
    return [f"{shown}:{line} {t('config.unknown_key_problem', line=line, known=known)}" for line, _ in unknown]


def read_raw() -> tuple[dict[str, Any], list[str]]:
    """The config file's settings as they stand ({} when there is none), and one problem line for
    each unknown key; DataError for a file that is not TOML."""
    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}, []
    import tomllib

    try:
        data = tomllib.loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError: tomllib is imported only when there is a file
        raise _broken(path, exc) from None
    return data, _unknown_problems(path, data, text)


def _error_line(exc: Exception) -> int | None:
    """The line a TOML error is on (tomllib says "(at line N, column M)")."""
    import re

    found = re.search(r"at line (\d+)", str(exc))
    return int(found.group(1)) if found else None


def _broken(path: Path, exc: Exception, hint: str | None = None) -> DataError:
    """The config file is not TOML: its path and the line, never what the line holds (a role
    typed there may be a name; tomllib's own message can quote a character of it)."""
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import shown_path

    shown = shown_path(path)
    line = _error_line(exc)
    detail = (f"{shown}:{line} {t('config.bad_toml_line', line=line)}" if line is not None
              else f"{shown}: {t('config.bad_toml_somewhere')}")
    return DataError(t("config.bad_toml", path=shown), [detail], hint=hint or t("config.fix_hint"))


def _without_key(text: str, key: str) -> str | None:
    """The text of a config file that is not TOML, with the top-level lines that set `key` taken
    out, when what is left is valid TOML; None otherwise (nothing is guessed: a value that runs
    over several lines, or an error elsewhere, is left for the user to mend)."""
    import tomllib

    kept, removed, table = [], False, False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("["):
            table = True
        head = stripped.split("=", 1)[0].strip().strip('"\'') if "=" in stripped else None
        if not table and head == key:
            removed = True
            continue
        kept.append(line)
    rest = "".join(kept)
    try:
        tomllib.loads(rest)
    except ValueError:
        return None
    return rest if removed else None


def read_config(*, strict: bool = True) -> dict[str, Any]:
    """The config file's settings ({} when there is none); DataError for broken TOML or a key
    bti does not know. With `strict=False` (the `bti config` commands, so that a user can mend
    the file with bti) unknown keys are left out instead."""
    data, problems = read_raw()
    if problems and strict:
        from bti_cli.i18n import t
        from bti_cli.privacy.guard import shown_path

        raise DataError(t("config.unknown_keys", path=shown_path(config_path())), problems,
                        hint=t("config.unknown_fix_hint"))
    return {key: value for key, value in data.items() if key in CONFIG_KEYS}


def allowed_values(key: str) -> list[str] | None:
    """The values `key` may take, when it takes one of a list (lang, municipality, arena)."""
    if key == "lang":
        from bti_cli.i18n import LANGUAGES

        return list(LANGUAGES)
    if key == "municipality":
        from bti_cli.catalogue.loader import shipped_municipalities

        return list(shipped_municipalities())
    if key == "arena":
        from bti_cli.catalogue.loader import vocabulary_data

        return list(vocabulary_data()["work_arenas"])
    return None


def setting_problem(key: str, value: Any) -> str | None:
    """What is wrong with a stored setting (a hand-edited file), in words that never repeat the
    value; None when it can be used. The rules of `check_setting`."""
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import found_kinds, has_controls, kind_labels, role_has_letters, role_kinds, shown_path

    if not isinstance(value, str):
        return t("config.problem_not_text")
    if has_controls(value):  # a hand-edited file (`bti config set` strips them)
        return t("config.problem_controls")
    allowed = allowed_values(key)
    if allowed is not None:
        return None if value in allowed else t("config.problem_choices", choices=", ".join(allowed))
    if key == "cases_dir":
        expanded = str(Path(value).expanduser())
        if shown_path(expanded) != expanded:
            kinds: list[str] = []
            for part in Path(expanded).parts:
                kinds += [k for k in found_kinds(part) if k not in kinds]
            # the folder is used (as BTI_CASES_DIR would be), but its name is never shown
            return t("config.problem_personal_path", kinds=kind_labels(kinds) or t("config.kind_personal_data"))
    if key == "role":
        if not value.strip():
            return t("config.problem_empty")
        if not role_has_letters(value):
            return t("config.problem_no_letters")
        kinds = role_kinds(value)
        if kinds:
            return t("config.problem_personal", kinds=kind_labels(kinds))
    return None


def setting_line(key: str) -> int:
    """The line of the config file on which `key` is set (1 when it cannot be told)."""
    try:
        text = config_path().read_text(encoding="utf-8")
    except OSError:
        return 1
    return _key_lines(text).get(key, 1)


def check_stored(key: str, value: Any) -> None:
    """DataError (the config file is wrong: exit 3) naming the file, the line and the setting,
    never the value, when the stored `value` of `key` cannot be used."""
    problem = setting_problem(key, value)
    if problem is None:
        return
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import shown_path

    shown = shown_path(config_path())
    raise DataError(t("config.bad_setting", key=key, path=shown), [f"{shown}:{setting_line(key)} {key}: {problem}"],
                    hint=t("config.setting_fix_hint", key=key))


def check_setting(key: str, value: str) -> str | int:
    """The value to store for `key`, or UsageError/InputError saying why it cannot be used."""
    from bti_cli.errors import InputError, UsageError
    from bti_cli.i18n import t
    from bti_cli.privacy.guard import check_path, check_text, role_has_letters, strip_controls

    # control characters (a terminal escape pasted with a path) are never stored: what is shown
    # as saved is what is stored
    value = strip_controls(value)
    if key not in CONFIG_KEYS:  # never repeated: a key is free text ("kari_nordmann")
        raise UsageError(t("config.unknown_key"), hint=t("config.known_keys", keys=", ".join(CONFIG_KEYS)))
    if "\n" in value or "\t" in value:
        # a setting is one line: a line break or tab pasted into a path or a role is refused, not
        # stored to break every message that shows it
        raise InputError(t("config.bad_value", key=key, reason=t("config.one_line")))
    allowed = allowed_values(key)  # lang, municipality, arena: one of a list
    if allowed is not None and value not in allowed:
        reason = " | ".join(allowed) if key == "lang" else ", ".join(allowed)
        raise InputError(t("config.bad_value", key=key, reason=reason))
    if key == "cases_dir":
        value = check_path(str(Path(value).expanduser().resolve()), what=t("config.what_cases_dir"))
    if key == "role":
        # the role goes on every event of the case log, which is append-only: never a person
        value = check_text(value, what=t("config.what_role"), role=True).strip()
        if not value:
            raise InputError(t("config.bad_value", key=key, reason="''"))
        if not role_has_letters(value):
            raise InputError(t("config.bad_value", key=key, reason=t("config.problem_no_letters")))
    return value


def write_setting(key: str, value: str | None) -> str | int | None:
    """Set (or with None remove) one key in the config file, atomically. Returns the stored value."""
    import tomli_w

    if value is None and key in CONFIG_KEYS:
        mended = _unset_in_broken(key)
        if mended is not None:
            return _write(mended)
    data, _ = read_raw()  # a file with errors can still be mended with bti: unknown keys are kept
    if value is None:
        if key not in CONFIG_KEYS and key not in data:
            check_setting(key, "")
        data.pop(key, None)
        stored = None
    else:
        stored = check_setting(key, value)
        data[key] = stored
    return _write(tomli_w.dumps(data), stored)


def _unset_in_broken(key: str) -> str | None:
    """`bti config unset KEY` on a config file that is not TOML: the file without the lines
    that set KEY, when that mends it (the broken line was that setting); None when the file is
    valid TOML (the ordinary way) or there is none. A file the unset cannot mend is refused with
    the line to fix, its content never shown."""
    import tomllib

    path = config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        tomllib.loads(text)
        return None
    except ValueError as exc:
        mended = _without_key(text, key)
        if mended is None:
            from bti_cli.i18n import t

            raise _broken(path, exc, hint=t("config.unset_broken_hint", key=key)) from None
        return mended


def _write(text: str, stored: str | int | None = None) -> str | int | None:
    from bti_cli import fileio
    from bti_cli.errors import InputError
    from bti_cli.i18n import t

    path = config_path()
    # only the folders it makes are 0700: an existing one is the user's (`BTI_CONFIG` in a
    # project folder), its mode as they set it; the file itself is 0600
    fileio.ensure_dir(path.parent, tighten_existing=False)
    try:
        fileio.atomic_write(path, text.encode("utf-8"))
    except fileio.NotRegularFile:
        raise InputError(t("config.not_regular")) from None
    except OSError as exc:
        raise InputError(t("config.unwritable", reason=exc.strerror or type(exc).__name__)) from None
    return stored

