"""The canonical text of case files: bti's renderer is tomli_w's layout for every event shape,
it is faithful (tomllib reads back exactly the tables), the quick reader takes every file bti
writes and never reads anything tomllib would read otherwise, and no changed byte of a case file
gets past `verify` or the index because of it."""

from __future__ import annotations

import json
import tomllib

import pytest
import tomli_w
from bti_case_factory import make_case, measure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bti_cli.caselog import canonical, log
from bti_cli.caselog.index import Index


def same(a, b) -> bool:
    """Equal, in the same order and of the same types (True is not 1, "1" is not 1)."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


# every value type a case file holds (models.AnswerValue and the header/event fields)
scalars = st.one_of(st.text(), st.integers(-(2**63), 2**63 - 1), st.booleans())
flat = st.one_of(scalars, st.lists(scalars, max_size=4))
keys = st.one_of(st.sampled_from(log.EVENT_KEYS + ("x-1", "m_2", "")), st.text(max_size=8))
sub_tables = st.dictionaries(keys, flat, max_size=4)
hashes = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


@st.composite
def event_tables(draw, long: bool | None = None):
    table = draw(st.dictionaries(keys, st.one_of(flat, sub_tables), max_size=7))
    if long if long is not None else draw(st.booleans()):  # as every real event: two hashes
        table.pop("prev_hash", None)
        table.pop("hash", None)
        table["prev_hash"] = draw(hashes)
        table["hash"] = draw(hashes)
    return table


def in_file_order(table: dict) -> dict:
    """The order a file holds (and tomllib reads): the values first, then the sub-tables."""
    return {**{k: v for k, v in table.items() if not isinstance(v, dict)},
            **{k: v for k, v in table.items() if isinstance(v, dict)}}


header_tables = st.dictionaries(keys.filter(lambda k: k != "events"), flat, max_size=7)


@settings(max_examples=400, deadline=None)
@given(table=event_tables())
def test_an_event_is_rendered_as_tomli_w_renders_it(table):
    assert canonical.render_event(table) == "\n" + tomli_w.dumps({"events": [table]})


@settings(max_examples=200, deadline=None)
@given(table=header_tables)
def test_a_header_is_rendered_as_tomli_w_renders_it(table):
    assert canonical.render_header(table) == canonical.FILE_COMMENT + tomli_w.dumps(table)


@settings(max_examples=300, deadline=None)
@given(header=header_tables, events=st.lists(event_tables(long=True), max_size=4))
def test_the_rendering_is_faithful_and_read_back_quickly(header, events):
    """tomllib reads back exactly the tables (the property the quick reader relies on), and the
    quick reader takes the file too: every file bti writes is on the fast path. (An event short
    enough for tomli_w to write inline, `events = [{ … }]`, is never in a case file — each has
    two 64-digit hashes — and the quick reader never reads that form.)"""
    events = [in_file_order(event) for event in events]
    text = canonical.render_tables(header, events)
    assert same(tomllib.loads(text), {**header, "events": events} if events else header)
    got = canonical.read_tables(text)
    assert got is not None and same(got, (header, events))


@pytest.mark.parametrize("header", [{" = ": "x"}, {'a" = b': "y", "k": "v = w"}, {"\\ = ": 1}, {"=": True}])
def test_a_quoted_key_holding_the_separator_is_on_the_fast_path(header):
    """Found by the random profile: `" = " = "x"` was split inside the key, so the quick reader
    declined a file bti wrote (tomllib then read it, correctly but slowly)."""
    text = canonical.render_tables(header, [])
    assert canonical.read_tables(text) == (header, [])


def _tomllib_tables(text: str):
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return data


@settings(max_examples=500, deadline=None)
@given(header=header_tables, events=st.lists(event_tables(long=True), min_size=1, max_size=3),
       at=st.integers(0, 10**6), change=st.sampled_from(["flip", "delete", "insert", "space", "crlf"]),
       char=st.characters(codec="utf-8"))
def test_the_quick_reader_reads_what_tomllib_reads_or_nothing(header, events, at, change, char):
    text = canonical.render_tables(header, events)
    at %= len(text)
    if change == "flip":
        text = text[:at] + char + text[at + 1:]
    elif change == "delete":
        text = text[:at] + text[at + 1:]
    elif change == "insert":
        text = text[:at] + char + text[at:]
    elif change == "space":
        text = text[:at] + " " + text[at:]
    else:
        text = text.replace("\n", "\r\n", 1)
    got = canonical.read_tables(text)
    if got is not None:
        header_read, events_read = got
        assert same(_tomllib_tables(text), {**header_read, "events": events_read})


# --------------------------------------------------------------------------- whole case files


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample") / "cases"
    case = make_case(folder, measures={"leksehjelp": measure("barneskole", "selective")},
                     baton_holder="kontaktlaerer", evaluation_date="2026-04-20", notify=True, decision="notify")
    return case, (folder / f"{case}.toml").read_bytes()


def _other_byte(byte: int) -> int:
    """A plausible edit of one ASCII byte: another hex digit, digit or letter, else a neighbour."""
    char = chr(byte)
    for alphabet in ("0123456789abcdef", "0123456789", "abcdefghijklmnopqrstuvwxyz"):
        if char in alphabet:
            return ord(alphabet[(alphabet.index(char) + 1) % len(alphabet)])
    return byte ^ 0x01


def _parse_slowly(raw: bytes, case: str, monkeypatch) -> list[str]:
    with monkeypatch.context() as patch:
        patch.setattr(canonical, "read_tables", lambda text: None)
        return log.parse_case(raw, case).problems


def test_every_changed_byte_is_found_by_verify_as_before(sample, monkeypatch):
    """Each byte of a real case file changed in turn: `verify` reports every one, with exactly
    the problems the tomllib path reports (the quick reader changes no outcome)."""
    case, raw = sample
    assert canonical.read_tables(raw.decode("utf-8")) is not None  # the file is on the fast path
    assert log.parse_case(raw, case).problems == []
    checked = 0
    for at, byte in enumerate(raw):
        if byte >= 0x80 or byte == 0x0A:  # multi-byte characters and line ends: see below
            continue
        changed = raw[:at] + bytes([_other_byte(byte)]) + raw[at + 1:]
        problems = log.parse_case(changed, case).problems
        assert problems, f"byte {at} changed and not found"
        assert problems == _parse_slowly(changed, case, monkeypatch), at
        checked += 1
    assert checked > len(raw) * 0.9
    for changed in (raw.replace(b"\n", b"\r\n", 1), raw.replace(b"\n\n", b"\n", 1), raw[:-1], raw + b"\n"):
        problems = log.parse_case(changed, case).problems
        assert problems and problems == _parse_slowly(changed, case, monkeypatch)


def test_changed_bytes_are_problems_of_the_index_rebuild(tmp_path, sample):
    """The index built cold from changed files (one folder per change, bytes all over the file)
    serves none of them and names each as a problem."""
    case, raw = sample
    positions = [at for at, byte in enumerate(raw) if byte < 0x80 and byte != 0x0A][::29]
    for number, at in enumerate(positions):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / f"{case}.toml").write_bytes(raw[:at] + bytes([_other_byte(raw[at])]) + raw[at + 1:])
        with Index.open(folder) as idx:
            problems = idx.refresh().problems
            assert [p.case_id for p in problems] == [case], at
            assert list(idx.export_rows()) == []
    assert len(positions) > 50


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_case_with_any_answer_values_is_read_on_the_fast_path(tmp_path_factory, data):
    """Whatever values the writer accepts, the file it writes is read back by the quick reader
    (so the speed holds for every case) and verifies."""
    folder = tmp_path_factory.mktemp("values")
    case = log.CaseLog.create(folder, municipality="loten", catalogue_version="c", process_version="p")
    text_values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
    small = st.one_of(text_values, st.integers(0, 2**31), st.booleans())
    flat_values = st.one_of(small, st.lists(small, max_size=3))
    answer = st.one_of(flat_values, st.dictionaries(st.text(max_size=6), flat_values, max_size=3))
    values = data.draw(st.lists(answer, min_size=1, max_size=4))
    for value in values:
        try:
            case.append(level=1, step="l1-plan", kind="answer", question="q", value=value)
        except Exception:  # noqa: BLE001 - the guard refuses values that look like personal data
            continue
    raw = case.path.read_bytes()
    assert canonical.read_tables(raw.decode("utf-8")) is not None
    assert log.verify_file(case.path).ok
