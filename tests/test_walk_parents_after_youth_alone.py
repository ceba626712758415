"""A young person who consented alone: the walkthrough's measures for the parents come after the
others and say why (a QA reader saw parent guidance offered first to a 16-year-old whose parents
were not in the consent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_session import _session

SERVICES = ["skolehelsetjenesten", "helsestasjon", "kommunen", "rop-tjenesten", "nav"]


def _measures(cases_dir: Path, by: list[str], age: int = 16):
    from bti_cli.i18n import set_language
    from bti_cli.walkthrough import process as engine

    set_language("en")
    session = _session(cases_dir, [])
    step = session.proc.required_step("l2-meeting")
    answers = {"subject": "youth", "age": age, "arena": "school-health",
               "areas": ["mental-health", "parenting-interaction"],
               "consent": {"given": True, "by": by, "services": SERVICES, "until": "2099-05-01"}}
    spec = session.spec(engine.Ask(step, step.question("measures"), 2),
                        engine.Position(level=2, phase="start", answers=answers))
    return session, spec.choices


REASON = "for the parents: the young person consented alone, so ask them first whether the parents are to take part"


@pytest.mark.parametrize("age", [16, 17, 18])
def test_measures_for_the_parents_come_after_the_others_when_the_youth_consented_alone(cases_dir, age):
    from bti_cli.catalogue.suggest import for_the_parents

    session, choices = _measures(cases_dir, ["youth"], age)
    by_id = {m.id: m for m in session.cat.measures}
    held = [i for i, c in enumerate(choices) if REASON in (c.detail or "")]
    assert held, "a measure for the parents says why it comes later"
    # the ranked ones for the young person first, then those for the parents, together
    assert held == list(range(held[0], held[-1] + 1))
    assert held[0] >= 5
    assert not any(for_the_parents(by_id[c.value]) for c in choices[:held[0]])
    assert all(for_the_parents(by_id[choices[i].value]) for i in held)


def test_with_the_guardians_in_the_consent_nothing_is_held_back(cases_dir):
    _, choices = _measures(cases_dir, ["guardians", "youth"])
    assert not any(REASON in (c.detail or "") for c in choices)
    # ICDP (parent guidance) is among the first offered when the parents consented too
    assert "icdp-foreldreveiledning" in [c.value for c in choices[:8]]


def test_what_counts_as_for_the_parents():
    from bti_cli.catalogue import loader
    from bti_cli.catalogue.suggest import for_the_parents

    by_id = {m.id: m for m in loader.load("loten").catalogue.measures}
    assert for_the_parents(by_id["icdp-foreldreveiledning"])      # audience: guardians
    assert for_the_parents(by_id["flyktningetjenesten"])          # audience: family
    assert not for_the_parents(by_id["introduksjonsprogrammet"])  # guardians and youth
    assert not for_the_parents(by_id["ungteam-loten"])
