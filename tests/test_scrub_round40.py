"""Round 40 of the scrubber, from tests/corpus/notes_blind37.txt (minutes, attendee lists, handovers and
pasted tables), measured once before it was read. All persons are fictitious."""

from __future__ import annotations

import pytest
from scrub_cases import out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # initials before a dash and a role, a role written short, or the service one comes from
        ("Til stede: KH – ktl, OB – hsp, AL – PPT, mor", "Til stede: [NAVN] – ktl, [NAVN] – hsp, [NAVN] – PPT, mor"),
        ("Til stede:\nTH – kontaktlærer\nPPT – rådgiver", "Til stede:\n[NAVN] – kontaktlærer\nPPT – rådgiver"),
        ("NAV – PPT samarbeid", "NAV – PPT samarbeid"),
        ("BUP – henvisning sendt", "BUP – henvisning sendt"),
        # initials in brackets after a role written short
        ("Referent: ktl (MB)", "Referent: ktl ([NAVN])"),
        # the same initials elsewhere in the note
        ("Til stede: KH – ktl, OB – hsp\nAnsvar: KH ringer hjem fredag.",
         "Til stede: [NAVN] – ktl, [NAVN] – hsp\nAnsvar: [NAVN] ringer hjem fredag."),
        # a role written short ending a line is no lower-case signature; initials are
        ("Til stede: OB – hsp\nNeste møte fredag.", "Til stede: [NAVN] – hsp\nNeste møte fredag."),
        ("ok fra meg. -ms", "ok fra meg. -[NAVN]"),
        # a table's heads, a tab between them
        ("Navn\tRolle\tTlf\nHege Strand\thelsesykepleier\t62 43 11 90",
         "Navn\tRolle\tTlf\n[NAVN]\thelsesykepleier\t[TELEFON]"),
        ("Rolle\tNavn\tOppmøtt\nMor\tCamilla Øien\tja", "Rolle\tNavn\tOppmøtt\nMor\t[NAVN]\tja"),
        ("Navn: Kari", "Navn: [NAVN]"),
        ("Navn:\tKari Hansen", "Navn:\t[NAVN]"),
    ],
)
def test_round40(text, expected, vocab):
    assert out(text, vocab) == expected
