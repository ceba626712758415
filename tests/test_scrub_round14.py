"""Round 14 of the scrubber: notes written in English for an English-speaking family were
over-scrubbed ("[NAME] helps a lot.", "The [NAME] period ends in [NAME].", "moved here from
[NAME]"). English function words opening a sentence, English months and weekdays as dates, common
English words that are given names too in lower case, and English names of countries stay; the
names beside them still go. All names, phones and addresses are fictitious."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bti_cli.cli.app import app
from bti_cli.privacy.scrubber import scrub


def out(text: str) -> str:
    return scrub(text, lang="en").text


@pytest.mark.parametrize(
    "text",
    [
        "This helps a lot.",
        "This week was hard.",
        "Notes.\nThis is the second visit.",
        "That was a good meeting with the school.",
        "Those two incidents were reported.",
        "Today the home visit went well.",
        "Then we agreed on a new plan.",
        "Also the older sibling needs support.",
    ],
)
def test_english_function_word_opening_a_sentence_stays(text):
    assert out(text) == text


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Then Jack hit him.", "Jack"),
        ("Today Grace said no.", "Grace"),
        ("When Rose came home she cried.", "Rose"),
        ("This morning Grace Miller called.", "Grace Miller"),
    ],
)
def test_name_after_english_function_word_goes(text, gone):
    result = out(text)
    assert gone not in result
    assert result.split()[0] == text.split()[0]  # the function word itself stays


@pytest.mark.parametrize(
    "text",
    [
        "They moved here from Poland last year.",
        "The grandmother stayed in Ukraine.",
        "They fled Iraq and lived in Germany and Sweden before Norway.",
        "She worked in Romania and Denmark.",
        "An aunt in the Philippines and cousins in Congo.",
        "The family came from Syria via Lebanon.",
        "The father is Eritrean and the mother Ethiopian.",
    ],
)
def test_english_country_and_nationality_stay(text):
    assert out(text) == text


def test_english_country_lists_hold_no_name():
    from bti_cli.privacy.names import shipped_lists

    lists = shipped_lists()
    for country in ("poland", "ukraine", "sweden", "germany", "denmark", "philippines", "congo", "iraq"):
        assert country in lists.proper and country not in lists.names


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Grace Miller moved here from Poland last year.", "Grace Miller"),
        ("Daniel Novak (8) came from Ukraine in May 2024.", "Daniel Novak"),
    ],
)
def test_name_beside_a_country_goes(text, gone):
    result = out(text)
    assert gone.split()[-1] not in result
    assert "Poland" in result or "Ukraine" in result


@pytest.mark.parametrize(
    "text",
    [
        "The grace period ends soon.",
        "He said there is no joy at home.",
        "It is a matter of faith for the family.",
        "The lily in the window has died.",
        "Her mother rose from the chair.",
        "Her mother will come tomorrow.",
    ],
)
def test_english_word_that_is_a_given_name_stays_in_lower_case(text):
    assert out(text) == text


@pytest.mark.parametrize(
    "text, gone",
    [
        ("aunt rose came to the meeting.", "rose"),
        ("We went with her aunt grace.", "grace"),
        ("Her uncle mark shouts at the children.", "mark"),
        ("Her cousin joy came along.", "joy"),
        ("Grace Miller called about the appointment.", "Grace"),
    ],
)
def test_english_word_name_after_a_kinship_word_or_capitalised_goes(text, gone):
    assert gone not in out(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "The grace period ends in May.",
        "Their landlord has given notice until August.",
        "We will meet again on Monday 3 May.",
        "We met on 3 June.",
        "The meeting is in June 2025.",
        "At the end of May we meet.",
        "From May to June the boy was calm.",
        "Since April the boy is calmer.",
        "We will follow up by June.",
        "Next Tuesday the mother has a doctor's appointment.",
    ],
)
def test_english_month_beside_a_date_word_stays(text):
    assert out(text) == text


@pytest.mark.parametrize(
    "text, gone",
    [
        ("May (5) cried when the mother left.", "May"),
        ("June (5) cried.", "June"),
        ("Thanks for today.\nMvh June", "June"),
        ("Mum May called about the visit.", "May"),
        ("The boy was hit by May.", "May"),
        ("A card from June arrived.", "June"),
    ],
)
def test_english_month_with_a_name_cue_goes(text, gone):
    assert gone not in out(text)


@pytest.mark.parametrize(
    "text, gone",
    [
        ("Ivy (3) has a rash.", "Ivy"),
        ("Daisy said her dad hits her.", "Daisy"),
        ("Jack (9) and Lily (6) were at the meeting.", "Jack"),
        ("Holly Johnson from the school phoned.", "Holly"),
        ("aunt holly came to the meeting.", "holly"),
    ],
)
def test_english_given_name_that_is_a_word_goes_as_a_name(text, gone):
    assert gone not in out(text).split()


@pytest.mark.parametrize(
    "text",
    [
        "The mother had some ivy in the window.",
        "We want to be frank with the parents.",
        "She sang a carol with the children.",
        "The beach was sandy.",
    ],
)
def test_english_given_name_that_is_a_word_stays_in_lower_case(text):
    assert out(text) == text


def test_bti_scrub_lang_en_keeps_an_english_note():
    note = "This helps a lot.\nThe grace period ends in May.\nThey moved here from Poland last year.\n"
    result = CliRunner().invoke(app, ["scrub", "--lang", "en"], input=note)
    assert result.exit_code == 0, result.output
    assert result.stdout == note
    leaky = "Grace Miller called. Rose (7) said no.\nMvh June\n"
    result = CliRunner().invoke(app, ["scrub", "--lang", "en"], input=leaky)
    assert result.exit_code == 0, result.output
    assert "[NAME] called" in result.stdout and "Grace" not in result.stdout
    assert "Rose" not in result.stdout and "June" not in result.stdout
