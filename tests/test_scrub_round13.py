"""Round 13 of the scrubber (issue 16), from what a fresh-eyes reader typed and saw stored: a
given name that is a word too (Liv, Per, Tor, Sol, Siv, Ask) and a short surname that is a word
too (Dal, Nes, Eng, Li) opening a sentence are a person; so is a given name left open before a
surname known a name only by its use elsewhere in the note ("Per Dal og Liv Dal er samde"). All
names are fictitious. The ordinary words stay: "Sol skinte", "Vår kommer", "Liv og helse",
"Per i dag", "Per uke", "Dal og fjell", "Torsdag"."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from scrub_cases import out
from typer.testing import CliRunner

from bti_cli.cli.app import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "answers"
CASE_RE = re.compile(r"BTI-\d{4}-[0-9A-Z]{5}")






# ordinary words that must stay, in every test below
MUST_STAY = [
    "Sol skinte hele dagen.",
    "Vår kommer tidlig i år.",
    "Vinter kom seint i år.",
    "Liv og helse er tema på foreldremøtet.",
    "Per i dag er det ingen bekymring.",
    "Per uke får han to timer.",
    "Dal og fjell var tema på turen.",
    "Torsdag er det møte.",
    "Vår Herre er god, sa han.",
    "Vår Frue kirke ligger i byen.",
    "Liv Og Helse Er Tema",
    "Sol Og Vind:",
]


@pytest.mark.parametrize("text", MUST_STAY)
def test_ordinary_words_stay(text, vocab):
    assert out(text, vocab) == text


def test_the_reader_lines_through_the_command():
    text = (
        "Liv Dal ringte i dag.\n"
        "Liv Dal, mor, ringte.\n"
        "Per Dal sier at det går bra.\n"
        "Liv Dal og Ola Testesen er enige.\n"
        "Liv Dal: ringte om gutten.\n"
        "Per Dal er fornøyd.\n"
    )
    result = CliRunner().invoke(app, ["scrub"], input=text)
    assert result.exit_code == 0
    assert result.output == (
        "[NAVN] ringte i dag.\n"
        "[NAVN], mor, ringte.\n"
        "[NAVN] sier at det går bra.\n"
        "[NAVN] og [NAVN] er enige.\n"
        "[NAVN]: ringte om gutten.\n"
        "[NAVN] er fornøyd.\n"
    )
    # in a note about no Liv Dal the words stay (in one about her, "Liv" and "Dal" go everywhere)
    plain = "Sol skinte. Vår kommer. Liv og helse. Per i dag. Per uke. Dal og fjell. Torsdag.\n"
    result = CliRunner().invoke(app, ["scrub"], input=plain)
    assert result.exit_code == 0
    assert result.output == plain


@pytest.mark.parametrize(
    "text",
    [
        "Liv Dal ringte i dag.",
        "Tor Dal ringte i dag.",
        "Sol Dal sa nei.",
        "Siv Dal kom i dag.",
        "Ask Dal kom i dag.",
        "Vår Dal kom i dag.",
        "Det er rolig. Liv Dal sier at det går bra.",
        "I dag kom Liv Dal.",
        "Kari Dal ringte i dag.",
    ],
)
def test_dal_is_a_surname(text, vocab):
    """Dal is a listed surname (as Dahl, Dale, Dalen): a given name before it is the person."""
    scrubbed = out(text, vocab)
    assert "Dal" not in scrubbed and "Liv" not in scrubbed and "Tor" not in scrubbed and "Sol" not in scrubbed
    assert "Siv" not in scrubbed and "Ask" not in scrubbed and "Vår" not in scrubbed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Liv Nes ringte i dag.", "[NAVN] ringte i dag."),
        ("Per Eng sier nei.", "[NAVN] sier nei."),
        ("Siv Li, mor, ringte.", "[NAVN], mor, ringte."),
        ("Tor Sand: ringte om gutten.", "[NAVN]: ringte om gutten."),
        ("Liv Nes og Ola Testesen er enige.", "[NAVN] og [NAVN] er enige."),
        ("Liv Nes (9) sa nei.", "[NAVN] (9) sa nei."),
        ("Siv Li i 2. klasse har det fint.", "[NAVN] i 2. klasse har det fint."),
        ("Det går bra. Per Eng er fornøyd.", "Det går bra. [NAVN] er fornøyd."),
        # must stay: no capital on the second word, a title, a school, "our"
        ("Liv og helse er viktig.", "Liv og helse er viktig."),
        ("Ask Skole har ferie.", "Ask Skole har ferie."),
        ("Sol Skinte i dag.", "Sol Skinte i dag."),
        ("Per Uke kom.", "Per Uke kom."),
        ("Liv Sand Og Vind:", "Liv Sand Og Vind:"),
        ("Vår Herre er god.", "Vår Herre er god."),
        # must stay: a word that no surname is made of
        ("Per Telefon sa hun ja.", "Per Telefon sa hun ja."),
        ("Per Post kommer brevet.", "Per Post kommer brevet."),
        ("Tale Norsk er et kurs.", "Tale Norsk er et kurs."),
        ("Eik Kafe har åpent.", "Eik Kafe har åpent."),
    ],
)
def test_a_given_name_and_a_word_surname_open_a_sentence(text, expected, vocab):
    """Both words are words too; the second one's capital, inside the sentence, says a name."""
    assert out(text, vocab) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Per Dal og Liv Dal er samde.", "[NAMN] og [NAMN] er samde."),
        ("Per Nes og Liv Nes er samde.", "[NAMN] og [NAMN] er samde."),
        ("Per Nes i 5B. I dag kom Liv Nes.", "[NAMN] i 5B. I dag kom [NAMN]."),
        ("Liv Nes. Vi snakka med Per Nes.", "[NAMN]. Vi snakka med [NAMN]."),
        # a class names a pupil (round 36: «Storm i 8B»); before it nothing named "Nes" a person here
        ("Per Nes i 5B.", "[NAMN] i 5B."),
        ("Per i dag er Liv Nes her. Per uke kjem ho to gonger.",
         "Per i dag er [NAMN] her. Per uke kjem ho to gonger."),
    ],
)
def test_a_given_name_before_a_surname_known_from_elsewhere(text, expected, vocab):
    """The surname is found a name by its other use only after its neighbours were looked at:
    they are looked at once more."""
    assert out(text, vocab, lang="nn") == expected


ENGLISH_NAMES = [
    ("Her uncle rune shouts.", "Her uncle {} shouts."),
    ("Wants aunt liv there", "Wants aunt {} there"),
    ("aunt liv came", "aunt {} came"),
    ("Her uncle mark shouts.", "Her uncle {} shouts."),
    ("Uncle Rune came by.", "Uncle {} came by."),
    ("Her aunt Liv came.", "Her aunt {} came."),
    ("Rune picks her up every day.", "{} picks her up every day."),
    ("Rune feels safe in the breaks", "{} feels safe in the breaks"),
    ("Dal said yes.", "{} said yes."),
    ("Liv Dal called from the school.", "{} called from the school."),
    ("Liv Nes called from the school.", "{} called from the school."),
    ("Liv is happy at school.", "{} is happy at school."),
]
ENGLISH_STAYS = [
    "Her mother can come on Monday.",
    "His father said no.",
    "Her sister even said no.",
    "Her mother rose early.",
    "Her mother will call.",
    "Her mother and father came to the meeting.",
    "Mother says she is tired.",
    "Dad said yes.",
    "Mum called the school.",
    "She visits her grandmother every Sunday.",
    "He said no.",
    "Police came at nine.",
    "Staff said no.",
    "Everyone agrees.",
    "Sol is shining today.",
    "Storm is coming tonight.",
    "Per day he sleeps six hours.",
    "My friend per day is tired.",
]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_english_names_through_the_command(lang):
    """A note written in English, scrubbed as English and as bokmål (the scrubber is not told
    the language of a note): lower-case names after English kinship words, and a listed name
    before an English verb at a sentence start, go; the English words stay."""
    mark = "[NAME]" if lang == "en" else "[NAVN]"
    text = "\n".join([t for t, _ in ENGLISH_NAMES] + ENGLISH_STAYS) + "\n"
    result = CliRunner().invoke(app, ["scrub", "--lang", lang], input=text)
    assert result.exit_code == 0
    expected = "\n".join([e.format(mark) for _, e in ENGLISH_NAMES] + ENGLISH_STAYS) + "\n"
    assert result.output == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH_NAMES)
def test_english_names_one_by_one(text, expected, vocab):
    assert out(text, vocab, lang="en") == expected.format("[NAME]")


@pytest.mark.parametrize("text", ENGLISH_STAYS)
def test_english_words_stay_one_by_one(text, vocab):
    assert out(text, vocab, lang="en") == text


READER_TEXT = (
    "Liv Dal ringte i dag. Liv Dal, mor, ringte. Per Dal sier at det går bra. "
    "Liv Nes og Ola Testesen er enige. Her uncle rune shouts. Rune picks her up every day."
)
# the fictitious names, as whole words (the words "liv", "per" are left to the other tests)
READER_NAMES = re.compile(r"\b(?:Liv|Dal|Per|Nes|Ola|Testesen|[Rr]une)\b")


def _stored_names(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            found += [f"{path.name}: {m.group(0)}" for m in READER_NAMES.finditer(text)]
    return found


def test_a_free_text_answer_of_the_walkthrough_stores_no_name(cli, cases_dir, tmp_path):
    """The reader's names typed as the observations of `bti start --no-input --answers`, and as
    the reason of `bti cases discard` (refused): the case file and the log hold none of them."""
    import tomli_w

    data = tomllib.loads((EXAMPLES / "level1.toml").read_text(encoding="utf-8"))
    data["l0-concrete"]["observations"] = READER_TEXT
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    result = cli("start", "--no-input", "--answers", str(answers))
    assert result.exit_code == 0, result.output
    stored = "".join(p.read_bytes().decode("utf-8", "replace") for p in cases_dir.rglob("*") if p.is_file())
    assert "[NAVN] ringte i dag" in stored  # the answer is stored, scrubbed
    assert not _stored_names(cases_dir)
    case = CASE_RE.search(result.stdout).group(0)
    # a reason with a name in it is refused (it was stored as typed when the name was missed)
    result = cli("cases", "discard", case, "--reason", "Per Dal ringte og sa at det var feil sak", "--no-input")
    assert result.exit_code == 1 and "personopplysninger" in result.output
    assert "Per" not in result.output and "Dal" not in result.output
    assert not _stored_names(cases_dir)
