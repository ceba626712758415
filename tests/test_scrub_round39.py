"""Round 39 of the scrubber, from tests/corpus/notes_blind34.txt (school, PPT and child welfare),
measured once before it was read. All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a class alone in brackets names a pupil, as an age does; not after an ordinary word
        ("Yara (5A) sa til SFO at hun er sulten.", "[NAVN] (5A) sa til SFO at hun er sulten."),
        ("Samtale: Lykke (3A) har hatt fravær.", "Samtale: [NAVN] (3A) har hatt fravær."),
        ("Møterom (2B) er ledig.", "Møterom (2B) er ledig."),
        ("Gruppene (4A) var ute.", "Gruppene (4A) var ute."),
        # two who signed after the last sentence; two services stay
        ("Neste besøk uanmeldt. IL/KB", "Neste besøk uanmeldt. [NAVN]/[NAVN]"),
        ("Sendt til BUP. PPT/NAV", "Sendt til BUP. PPT/NAV"),
        # learning tools in the lists
        ("Utredet med WISC-V og Logos.", "Utredet med WISC-V og Logos."),
        ("Eleven jobber godt med Salaby og Multi.", "Eleven jobber godt med Salaby og Multi."),
    ],
)
def test_round39(text, expected, vocab):
    assert out(text, vocab) == expected
