"""The one table from a plan's own status words to a catalogue status.

A measure or arena keeps the seed's words in `status_words` ("I gang", "I gang + under
utvikling", "Planlagt" …) next to its `status`; validation checks that the two agree with this
table, and words the table does not know are an error (add them here, with a comment saying
where they come from and why they map as they do). Matching ignores case and spacing.
Empty words (the plan has no status column or word for the row) leave the status free.

Statuses: active (the offer runs), developing (being built, not yet running as described),
planned (not started), partial (runs in part of the service or area only).
"""

from __future__ import annotations

STATUS_WORDS: dict[str, str] = {
    # Elverum (003) "Status" column
    "i gang": "active",
    # runs today and is being developed further: it runs, so active (the words keep the nuance)
    "i gang + under utvikling": "active",
    "i gang + under utvikling og implementering": "active",
    # MST: bought from an external provider today; certifying own staff is planned
    "i gang planlagt": "active",
    # Leseplan: the plan exists; a revision is planned
    "planlagt revidert": "active",
    "planlagt": "planned",
    # Uro-samtale: "planlagt implementert" = planned to be implemented
    "planlagt implementert": "planned",
    "påbegynt implementering": "developing",
    "under utvikling": "developing",
    "delvis": "partial",
    # Søndre Land (002) "Status" column of VEDLEGG 1
    # "Påbegynt" (begun): the work has started, the offer is not yet running as described
    "påbegynt": "developing",
    # EPDS, NBO: "2023 – utvikle tiltak" = the measure is being developed in 2023
    "2023 – utvikle tiltak": "developing",
    # Støtte og avlastning i hjemmet: planned together with the region
    "planlagt regionalt": "planned",
    # Barne- og familiekoordinator, individuell plan: to come in 2023 (the plan is from March 2023)
    "2023": "planned",
    # Løten (000/001) has no status column: the words are the row's own, quoted from its text
    # Brannforebygging (001 6.1): "vil lage et forebyggende opplegg" (not started)
    "vil lage": "planned",
    # RPH (000): "Utvikles og implemeteres i ROP-tjenesten i perioden 2023 -2025" (the seed's spelling)
    "utvikles og implemeteres": "developing",
    "utvikles og implementeres": "developing",
    # FIT (000): "Implementeres i helsestasjonstjenesten … i prioden 2022 - 2025"
    "implementeres": "developing",
    # HOPP (000, 001 7.3): "Prosjektet startet i 2017 og er fremdeles aktivt"
    "fremdeles aktivt": "active",
}


def normalise(words: str) -> str:
    """Case- and space-insensitive form of status words: '  I gang +  under utvikling' → 'i gang + under utvikling'."""
    return " ".join(words.casefold().split())


def status_for(words: str) -> str | None:
    """The status the table gives for `words`; None for empty words.

    Raises KeyError for words the table does not know.
    """
    key = normalise(words)
    if not key:
        return None
    return STATUS_WORDS[key]
