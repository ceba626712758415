"""Round 34 of the scrubber, from tests/corpus/notes_blind26.txt (an ordinary week written blind with
an eye on the words that must stay, measured once before it was read): initials after «Signatur:»
(«Signatur: MH»; «Signatur: PPT» stays) and a day's number ending a sentence («…, Dag 3.»; «Dag 12:30
kom han» and «Dag 3.5» are no day). All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rask psykisk helsehjelp er tilbudt. Signatur: MH", "Rask psykisk helsehjelp er tilbudt. Signatur: [NAVN]"),
        ("Signatur: Kari Hansen", "Signatur: [NAVN]"),
        ("Signatur: PPT", "Signatur: PPT"),
        ("Signatur mangler på skjemaet.", "Signatur mangler på skjemaet."),
        ("Observasjon i barnehagen, Dag 3. Lekeressurs brukt.", "Observasjon i barnehagen, Dag 3. Lekeressurs brukt."),
        ("Dag (4) sov. Dag 12:30 kom han.", "[NAVN] (4) sov. [NAVN] 12:30 kom han."),
        ("Dag (4) sov. Dag 3.5 kom han.", "[NAVN] (4) sov. [NAVN] 3.5 kom han."),
    ],
)
def test_signatures_and_days(text, expected, vocab):
    assert out(text, vocab) == expected
