#!/usr/bin/env python3
"""Write data/names/lexicon.txt: common Norwegian words that are not personal names.

The scrubber takes a capitalised word inside a sentence for a name unless it knows the word;
its own short list (data/names/words.txt) cannot know every ordinary word a note may capitalise
("Uke 12", "Hjemmebesøk: …", "Kommentar"). This script takes the most frequent Norwegian words
of the `wordfreq` package (bokmål; it has no separate nynorsk list, but its sources hold
nynorsk text too) and leaves out

- every word of the shipped name lists (data/names/given.txt, surnames.txt): a word that is
  also a name keeps the scrubber's context rules ("Liv", "Storm", "Dal");
- every word that is at least as frequent in one of several other languages as in Norwegian:
  personal names of many origins are used in every language ("Mohammed", "Oliwia", "Tomasz"),
  while a Norwegian common word is rare elsewhere, unless it takes Norwegian noun endings
  (a loanword: "film", "filmen", "filmer");
- every word used in one form only (a name, a place or a brand rather than a word), the
  genitive of a name ("Eriks"), a word beside its patronymic ("Lauritz", "Lauritzen"), and a
  patronymic surname ("Kristoffersen", "Bentsen"), and words with "aa" (old spellings live on in
  names: "Aamodt");
- words shorter than three letters, and words with digits or other non-letters.

wordfreq is a build tool only (`pip install wordfreq`), never a runtime dependency; its data
is CC-BY-SA 4.0, so the file written carries that licence and the attribution in its header.

    python scripts/build_lexicon.py [--size 40000] [--ratio 1.0]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "data" / "names"
# languages whose frequent words are names or loanwords rather than Norwegian words
OTHER_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "fi", "cs", "ro", "hu", "id", "fil")
_LETTERS = re.compile(r"[a-zæøåäöüéèáàóòôêç]+(?:-[a-zæøåäöüéèáàóòôêç]+)?")

HEADER = """\
# Common Norwegian words that are not personal names, lower case, one a line: a capitalised
# word found here is not taken for a name by its capital alone (context still decides).
# Written by scripts/build_lexicon.py (--size {size} --ratio {ratio}) from the Norwegian word
# list of wordfreq {version} (https://github.com/rspeer/wordfreq), less every shipped given name
# and surname and every word as frequent in another language. Do not edit by hand: re-run the
# script.
#
# Licence: this file is derived from wordfreq's data and is licensed under the Creative Commons
# Attribution-ShareAlike 4.0 licence (CC-BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/),
# unlike the rest of bti (MIT). wordfreq's data (c) Robyn Speer and contributors, built from
# Wikipedia, OpenSubtitles, SUBTLEX, NewsCrawl, GlobalVoices, Reddit, Twitter and the Google
# Books Ngrams; see wordfreq's README for the sources and their licences.
"""


def read_names() -> set[str]:
    names: set[str] = set()
    for file in ("given.txt", "surnames.txt"):
        for line in (NAMES / file).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(line.lower())
    return names


# endings of inflected forms: a common word is used in several of them ("abonnement",
# "abonnementet", "abonnementer"; "absurd", "absurde"), a name or a place in one ("Aamodt")
_FORMS = ("", "e", "en", "et", "er", "ene", "ane", "a", "ar", "t", "r", "n", "te", "de", "ere", "est", "este", "ing")
_NOUN_FORMS = ("en", "et", "er", "ene")
_PATRONYMIC = ("sen", "son", "ssen", "sson", "datter", "dotter", "dottir")


def _stems(word: str) -> list[str]:
    return [word[: len(word) - len(end)] for end in _FORMS if word.endswith(end) and len(word) - len(end) >= 3]


def build(size: int, ratio: float) -> list[str]:
    import wordfreq

    names = read_names()
    pool = [w for w in wordfreq.top_n_list("nb", size * 4, wordlist="large") if _LETTERS.fullmatch(w)]
    known = set(pool)
    forms: dict[str, set[str]] = {}
    for word in pool:
        if word.endswith("s") and word[:-1] in known:
            continue  # a genitive ("Eriks") is no form of a word
        for stem in _stems(word):
            forms.setdefault(stem, set()).add(word)
    kept: list[str] = []
    for word in pool:
        if len(kept) >= size:
            break
        if len(word) < 3 or "aa" in word:  # "Aamodt", "Aasen": old spellings live on in names
            continue
        if word in names or any(part in names for part in word.split("-")):
            continue
        if any(word.endswith(end) and word[: -len(end)] in names for end in _PATRONYMIC):
            continue  # "Kristoffersen", "Abrahamsen": a surname made of a given name
        # a noun in -s keeps its Norwegian forms: "kurs", "kurset", "kursene" beside "kursen"
        neuter_s = word.endswith("s") and word + "et" in known and word + "ene" in known
        if word.endswith("s") and (word[:-1] in names or (word[:-1] + "sen" in known and not neuter_s)):
            continue  # the genitive of a name: "Eriks", "Mads"
        if not neuter_s and any(word + end in known for end in ("sen", "ssen", "son", "sson", "sdatter")):
            continue  # a given name: "Lauritz" beside "Lauritzen", "Gregers" beside "Gregersen"
        if (word.endswith(("sen", "zen", "son")) and word[:-3] in known) or (
            word.endswith(("ssen", "sson")) and word[:-4] in known
        ):
            continue  # "Bentsen", "Kjeldsen": a patronymic of a name the lists lack
        if not any(len(forms.get(stem, ())) >= 2 for stem in _stems(word)):
            continue  # used in one form only: a name, a place or a brand rather than a word
        own = wordfreq.word_frequency(word, "nb", wordlist="large")
        # a loanword is a Norwegian noun too when it takes Norwegian endings ("filmen",
        # "filmer"; "muslimen", "muslimer"), which a name of another language does not
        # ("elektriker", "elektrikeren", "elektrikerne": a trade or a role in -er)
        loanword = len(word) >= 4 and (
            sum(word + end in known for end in _NOUN_FORMS) >= 2
            or (word.endswith("er") and word + "en" in known and word + "ne" in known)
        )
        if not loanword and any(wordfreq.word_frequency(word, lang) >= own * ratio for lang in OTHER_LANGUAGES):
            continue
        kept.append(word)
    return sorted(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40000, help="number of words to keep")
    parser.add_argument("--ratio", type=float, default=1.0, help="leave out a word this frequent elsewhere")
    parser.add_argument("--output", type=Path, default=NAMES / "lexicon.txt")
    args = parser.parse_args(argv)
    try:
        import wordfreq
    except ImportError:
        print("wordfreq is needed to build the lexicon: pip install wordfreq", file=sys.stderr)
        return 1
    words = build(args.size, args.ratio)
    version = getattr(wordfreq, "__version__", "3")
    header = HEADER.format(size=args.size, ratio=args.ratio, version=version)
    args.output.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
