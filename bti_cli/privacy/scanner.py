"""The name scanner: finds personal names in one text, word by word, from capitals, the name
lists, the domain vocabulary and the words around them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import contains, eq, itemgetter

from bti_cli.privacy.names import (
    _INFLECTION,
    _NONFINAL_ABBR,
    _NOUN_ENDINGS,
    _OPENERS,
    _SENTENCE_END,
    _WORD_SPLIT_RE,
    AMBIGUOUS_LOWER,
    ENGLISH_AUXILIARIES,
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_KIN,
    ENGLISH_SMALL_WORD_NAMES,
    ENGLISH_VERBS,
    ENGLISH_WORD_NAMES,
    FUNCTION_WORDS,
    HEDGES,
    HUMAN_VERBS,
    NAME_TRIGGERS,
    ROLE_TRIGGERS,
    SIGN_OFFS,
    SUBJECT_VERBS,
    TALK_VERBS,
    WORD_RE,
    NameLists,
    _words,
    shipped_lists,
)
from bti_cli.privacy.patterns import _all_finds, _finditer_near, _literal_hits, _matches_at, _windows, fold_lower
from bti_cli.privacy.vocabulary import Vocab

# the end of a note label before a colon: "Telefonnotat:", "Møtereferat:", "Samtale med:"
_NOTE_LABEL_RE = re.compile(
    r"(?i:notat|notatet|referat|referatet|samtale|samtalen|logg|loggføring|melding|beskjed|henvendelse"
    r"|innringer|innringar|deltakere|deltakarar|stede|stades|tilstede|med|fra|frå|observasjon|observert|kontakt"
    # the labels of a list of people in minutes and referrals: "Forfall:", "Foresatte:", "Barn:"
    r"|forfall|referent|foresatte|føresette|foreldre|barn|elev|namn|navn|kopi|møtt|deltok)"
    r"[ \t]*:[ \t\u00a0\"«“'(]*$"
)

_NAME, _NEVER = 1, -1
# one capital or more, each but the last with its full stop: "K", "O.N" (before the last stop)
_DOTTED_INITIALS_RE = re.compile(r"[A-ZÆØÅ]\.[A-ZÆØÅ]")
_SIGN_OFF_BEFORE_RE = re.compile(r"(?i:(?<!\w)(?:hilsen|helsing|mvh|signert|underskrevet|referent))[ \t]*[:,]?[ \t]+\Z")
# "Sol og Frost er søsken", "Ask and Eik are twins": two persons that the note calls kin or friends
# (the kin word is found first, then the pair before it: one fast search of the text)
_KIN_AFTER_RE = re.compile(
    r" (?:er|var|blir|are|were) (?:tvillingar|tvillinger|søsken|halvsøsken|brødre|brør|søstre|systrer"
    r"|bestevenner|bestevener|twins|siblings|brothers|sisters)(?!\w)"
)
_AGE_MARK_RE = re.compile(r"[(,][ \t]*\d")  # where an age after a name may begin: "(9)", ", 2 år"
_PAIR_BEFORE_RE = re.compile(r"(?<![\w-])([A-ZÆØÅ][^\W\d_]+) (?:og|and) ([A-ZÆØÅ][^\W\d_]+)\Z")
_ADDRESS_WORDS = _words("kjære kjaere dear takk thanks hei hallo")
# "Frost, Håkon – 9. trinn", "Eik, Ola (9)": a list line "Surname, Given" with a class or an age
_INVERTED_NAME_RE = re.compile(
    r"^[ \t]*([A-ZÆØÅ][^\W\d_]+), ([A-ZÆØÅ][^\W\d_]+)(?=[ \t]*(?:[–—-][ \t]*\d|\([ \t]*\d|,[ \t]*\d))",
    re.MULTILINE,
)
# one capital initial and its full stop right before a name, and the word before that, if any
_LEADING_INITIAL_RE = re.compile(
    r"(?:(?<!\w)(?P<before>[^\W\d_]+)[ \t]+|(?<![\w.])[ \t]*|[\s(\[/,:;«\"“–-][ \t]*)"
    r"(?<![\w.])(?P<initial>[A-ZÆØÅ]\.[ \t]?)\Z"
)
_INITIAL_CUES = ROLE_TRIGGERS | NAME_TRIGGERS | SIGN_OFFS | _words(
    "og eller v ved med til fra frå hos hjå and with av by"  # "Logget av R. Hole"
)
_LONGEST_ABBR = max(map(len, _NONFINAL_ABBR))
_GAP_NAME = re.compile(r"[ \-]|[ ]?[A-ZÆØÅ]\.[ ]?")
_INITIAL_GAP = re.compile(r"\.[ ]?")


# inside a line, after a full stop, a given name that is also a word opens the sentence as its
# subject only before a verb that a person does ("Tur i skogen. Eik ville ikke gå"), not before
# one that a thing or the weather does as well ("Det var kaldt. Sol er viktig", "Storm kom inn")
_DOING_VERBS = SUBJECT_VERBS - _words(
    """
    er var har hadde skal skulle kan kunne må måtte fikk får fekk blir ble vert vart virker verkar
    viser mangler manglar trenger treng går gikk gjekk kommer kjem kom faller fell falt datt ligger
    ligg lå låg sitter sit satt sat
    """
)


class Scanner:
    """Name detection over one text.

    Words are kept in parallel lists (start, end, text, lower case); `state[i]` is 1 for a name,
    -1 for a word that can never be one (inside a vocabulary phrase or an already replaced
    span), 0 otherwise. Only capitalised words, words after a trigger, and given names in
    lower case are looked at closely, so 1 MB of text takes well under a second.
    """

    def __init__(
        self,
        text: str,
        vocab: Vocab,
        lists: NameLists,
        blocked: list[tuple[int, int]],
        known_names: frozenset[str] = frozenset(),
    ):
        self.text = text
        # name words found in earlier texts of the same sitting: their capitalised uses here are
        # names, as later uses of a name found in this text are (pass 3)
        self.known_names = known_names
        self.vocab = vocab
        self.lists = lists
        self.blocked = blocked  # sorted, non-overlapping spans already replaced or protected
        self.blocked_starts = [b[0] for b in blocked]
        self._line_cache: dict[int, bool] = {}
        self._vocab_cache: dict[str, bool] = {}
        self._profiles: dict[str, tuple[int, bool, bool, bool, bool]] = {}
        self._compounds: dict[str, bool] = {}
        self._role_words: dict[str, bool] = {}
        self._nynorsk: dict[str, bool] = {}
        self._ordinary: dict[str, bool] = {}
        self._nouns: dict[str, bool] = {}
        self._verbs: dict[str, bool] = {}
        self._quotes = "«" in text or "“" in text or "„" in text or '"' in text
        # split() with a capturing group gives [gap, word, gap, word, …, gap]; the running sum
        # of the piece lengths gives every offset, all in C (much faster than finditer)
        pieces = _WORD_SPLIT_RE.split(text)
        offsets = list(accumulate(map(len, pieces)))
        self.words = pieces[1::2]
        # the text between word i - 1 and word i, for 0 < i < len(words): text[ends[i - 1] : starts[i]]
        # without a new slice each time it is asked
        self.gaps = pieces[0::2]
        self.starts = offsets[0:-1:2]
        self.ends = offsets[1::2]
        self.lows = list(map(str.lower, self.words))
        # words[i][0].isupper() for every word, computed in C (the passes ask it of every word)
        self.capitalised = list(map(str.isupper, map(itemgetter(0), self.words)))
        # every word's index, made once: `_where` takes them from here, not from count(), which
        # makes a new int for every word each time
        self.indices = list(range(len(self.words)))
        self.state = [0] * len(self.words)
        self.reason: dict[int, str] = {}
        self.weak: set[int] = set()
        self._particle_at: list[int] | None = None
        self._genitive_bases: set[str] = set()  # "nilofar" of "Nilofars mor": the name without its «s»
        self._cue_at: list[int] | None = None  # the words of `_LATER_CUES`, found in one pass

    def _where(self, flags: Iterable[object]) -> list[int]:
        """The indices of the words whose flags are true (one flag per word), in order: found in C,
        far cheaper than a comprehension over every word of a long text."""
        return list(compress(self.indices, flags))

    # ---- small predicates
    def in_vocab(self, low: str) -> bool:
        cached = self._vocab_cache.get(low)
        if cached is None:
            cached = self._vocab_cache[low] = self._in_vocab(low)
        return cached

    def _in_vocab(self, low: str) -> bool:
        singles = self.vocab.singles
        if low in singles:
            return True
        for suffix in _INFLECTION:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] in singles:
                return True
        if "-" in low:
            parts = low.split("-")
            # "ppt-kontoret", and "ungdoms-los-kurset" after the vocabulary word "ungdoms-los"
            return any(part in singles for part in parts) or any(
                "-".join(parts[:k]) in singles for k in range(2, len(parts))
            )
        # compounds that start with a vocabulary word: "helsestasjonstilbudet"
        for i in range(min(len(low) - 3, 24), 4, -1):
            head = low[:i]
            if head in singles:
                rest = low[i:]
                if rest[0] in "se" and self.known_word(rest[1:]):
                    return True
                if self.known_word(rest):
                    return True
        return False

    def known_word(self, low: str) -> bool:
        if len(low) < 3:
            return False
        words, singles, lexicon = self.lists.words, self.vocab.singles, self.lists.lexicon
        if low in words or low in singles or low in lexicon:
            return True
        for suffix in _INFLECTION:
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = low[: -len(suffix)]
                if stem in words or stem in singles or stem in lexicon:
                    return True
        return low.endswith(_NOUN_ENDINGS) or self._participle(low)

    def _participle(self, low: str) -> bool:
        """A past participle of a verb in «-ere» ("signert", "henviserte"), known by its verb; a
        surname may end so too ("Sukprasert", "Seifert"), and a surname has no such verb."""
        if low.endswith("ert"):
            stem = low[:-3]
        elif low.endswith("erte"):
            stem = low[:-4]
        else:
            return False
        return len(stem) >= 3 and (stem + "ere" in self.lists.lexicon or stem + "ere" in self.lists.words)

    def listed(self, low: str) -> bool:
        names = self.lists.names
        if low in names:
            return True
        if low.endswith(("'s", "’s")):
            return low[:-2] in names
        # "Thi" is a given name, "This" is no genitive of it: a function word is none
        if (
            low.endswith("s")
            and len(low) > 3
            and low[:-1] in names
            and low not in self.lists.words
            and low not in FUNCTION_WORDS
        ):
            return True
        if "-" in low:
            return all(p in names for p in low.split("-"))
        return False

    def _compound(self, low: str) -> bool:
        """A compound of two common words ("Insulinpumpe", "Norskkurs", "Foreldremøtet"), not
        of the words that farm names and surnames are made of ("Myrvang", "Solberg")."""
        if low in self.lists.names or low.endswith(_SURNAME_HEADS):
            return False
        common = self.lists.lexicon
        words = self.lists.words
        for k in range(len(low) - 4, 2, -1):
            tail = low[k:]
            if tail not in common and tail not in words:
                continue
            head = low[:k]
            if head in common or head in words:
                return True
            if head[-1] in "se" and len(head) > 3 and (head[:-1] in common or head[:-1] in words):
                return True
        return False

    def hand_ordinary(self, low: str) -> bool:
        """An ordinary word of the hand-made list (words.txt), a place, an institution or a brand."""
        lists = self.lists
        if low in lists.words or low in lists.proper:
            return True
        if "-" in low:
            return low.index("-") == 1 or all(p in lists.words or p in lists.proper for p in low.split("-"))
        # a medicine by the ending of its active substance ("Dicillin", "Omeprazol", "Ibuprofen")
        return len(low) >= 7 and low.endswith(_MEDICINE_ENDINGS) and low not in lists.names

    def talk_context(self, i: int) -> bool:
        """The word follows talking to or meeting someone: "ringte Fossen", "snakket med Fossen"."""
        if not i or self.gaps[i] != " ":
            return False
        before = self.lows[i - 1]
        if before in TALK_VERBS:
            # "ringte Fossen", "møtte Fossen"; not "avtalt Heimebesøk", "samtale Torsdag"
            return before not in _TALK_NOUNS
        return (
            before in ("med", "hos", "til")
            and i >= 2
            and self.lows[i - 2] in TALK_VERBS
            and self.gaps[i - 1] == " "
        )

    def ordinary(self, low: str) -> bool:
        """An ordinary word (of the hand list or the large lexicon, or a compound of two of its
        words), place, institution or brand (not a name by capitals alone)."""
        found = self._ordinary.get(low)
        if found is None:
            found = self._ordinary[low] = self._is_ordinary(low)
        return found

    def _is_ordinary(self, low: str) -> bool:
        lists = self.lists
        if low in lists.words or low in lists.proper or low in lists.lexicon:
            return True
        if len(low) >= 7 and low.endswith(_MEDICINE_ENDINGS) and low not in lists.names:
            return True  # a medicine ("Dicillin"), as `hand_ordinary` says
        if len(low) >= 8 and "-" not in low:
            found = self._compounds.get(low)
            if found is None:
                found = self._compounds[low] = self._compound(low)
            if found:
                return True
        if "-" in low:
            if low.index("-") == 1:  # D-nummer, E-post, T-skjorte, A-laget
                return True
            return all(p in lists.words or p in lists.proper or p in lists.lexicon for p in low.split("-"))
        if low[-1:] == "s" and low[:-1] in lists.proper and low[:-1] not in lists.names:
            return True  # the genitive of a place or a diagnosis: "Hamars", "Aspergers"
        for ending in ("a", "en"):
            stem = low[: -len(ending)]
            if low.endswith(ending) and len(stem) >= 4 and stem in lists.proper and stem not in lists.names:
                return True  # the definite form of a place: "over Heradsbygda", "i Hedmarken"
        if len(low) >= 6 and low[-3:] in _SHORT_TAILS:
            head = low[:-3]
            if head in lists.lexicon or head in lists.words:
                return True  # a compound with a short last word: "Møterom", "Skoletid", "Lesebok"
        return self._nynorsk_word(low)

    def _nynorsk_word(self, low: str) -> bool:
        """A nynorsk form of a word the lists know in bokmål ("vanskar", "tilbod", "heimebesøk",
        "vidaregåande"): the lexicon is mostly bokmål."""
        found = self._nynorsk.get(low)
        if found is None:
            found = False
            if len(low) >= 5 and low not in self.lists.names:
                lists = self.lists
                for form in _bokmal_forms(low):
                    if form in lists.words or form in lists.lexicon or (len(form) >= 8 and self._compound(form)):
                        found = True
                        break
            self._nynorsk[low] = found
        return found

    def looks_like_common_noun(self, low: str) -> bool:
        found = self._nouns.get(low)
        if found is None:
            found = self._nouns[low] = self._looks_like_common_noun(low)
        return found

    def _looks_like_common_noun(self, low: str) -> bool:
        # a building, a shop or a place in nature named as a compound in the definite form
        # ("Nordlyshallen", "Mjøsbadet", "Kremmerhuset", "Hunderfossen"): surnames do not end so
        if low.endswith(_PLACE_ENDINGS) and any(low.endswith(e) and len(low) >= len(e) + 3 for e in _PLACE_ENDINGS):
            return "-" not in low
        if "-" in low or low.endswith(("sen", "son", "ssen", "sson")):
            return False  # Eksempelsen, Karlsson: surnames, not nouns
        if len(low) >= 15:
            return True
        if len(low) >= 7 and (low.endswith(_NOUN_ENDINGS) or self._participle(low)):
            return True
        if len(low) >= 7 and low.endswith("a") and low[:-1] in self.lists.lexicon and not self.listed(low):
            return True  # a nynorsk plural definite: "Småtrolla", a kindergarten's department
        return self._plural_definite(low) or self._forest_name(low)

    def _plural_definite(self, low: str) -> bool:
        """The plural definite of a common noun ("Spirene", "Maurene", "Knøttane"): a
        kindergarten department or a group, not a person (a listed name such as Helene is one)."""
        if len(low) < 6 or not low.endswith(("ene", "ane")) or self.listed(low):
            return False
        stem = low[:-3]
        common = self.lists.lexicon
        words = self.lists.words
        return any(s in common or s in words for s in (stem, stem + "e", stem + "a")) and stem not in self.lists.names

    def _definite_thing(self, low: str) -> bool:
        """The definite form of a common noun that is no listed name and no farm word ("taxien",
        "maten", "drosja", "skyssen"; not "Fossen", "Berget", which are surnames too)."""
        if len(low) < 4 or self.listed(low) or low.endswith(_SURNAME_HEADS) or self._definite_person(low):
            return False
        common, words = self.lists.lexicon, self.lists.words
        for ending in ("ene", "ane", "en", "et", "a"):
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                stem = low[: -len(ending)]
                if stem in self.lists.names:
                    return False
                if stem in common or stem in words or stem + "e" in common or stem + "e" in words:
                    return True
        return False

    def _forest_name(self, low: str) -> bool:
        """A wood named after what lives in it ("Trollskogen", "Eventyrskogen", "Bjørneskogen"),
        not a farm name of a direction or a size ("Nordskogen", "Storskogen" are surnames); a
        hill, a slope or a meadow of the trolls, the squirrels or the berries ("Trollhaugen",
        "Ekornlia", "Blåbærbakken"): a kindergarten's place, no farm."""
        if low.endswith(_FARM_TAILS) and not self.listed(low):
            for tail in _FARM_TAILS:
                if low.endswith(tail):
                    head = low[: -len(tail)]
                    if head in _FAIRY_HEADS or (head[-1:] in "se" and head[:-1] in _FAIRY_HEADS):
                        return True
        if not low.endswith(("skogen", "skauen")) or len(low) < 10 or self.listed(low):
            return False
        head = low[:-6]
        if head[-1:] in "se" and len(head) > 4 and head[:-1] in self.lists.lexicon:
            head = head[:-1]
        return (
            (head in self.lists.lexicon or head in self.lists.words)
            and head not in _FARM_PREFIXES
            and head not in self.lists.names
            and not head.endswith(_SURNAME_HEADS)
        )

    def is_blocked(self, i: int) -> bool:
        if not self.blocked:
            return False
        j = bisect_left(self.blocked_starts, self.ends[i])
        return bool(j) and self.blocked[j - 1][1] > self.starts[i]

    # ---- where a word stands
    def sentence_start(self, start: int) -> bool:
        text = self.text
        i = start - 1
        while i >= 0 and text[i] in _OPENERS:
            i -= 1
        if i < 0:
            return True
        c = text[i]
        if c == "\n" or c == "\r":
            return self._line_starts_sentence(i)
        if self._quotes and start - i > 1 and not text[i + 1 : start].isspace() and self._opens_quotation(i + 1, start):
            return True  # «Same som alle andre»: a quotation begins a sentence of its own
        if c in _SENTENCE_END:
            if c == ".":
                j = i
                # a word longer than every abbreviation is neither one nor an initial: its last
                # letters say as much as all of it
                while j > 0 and i - j <= _LONGEST_ABBR and (text[j - 1].isalpha() or text[j - 1] == "."):
                    j -= 1
                word = text[j:i]
                if word and word.lower() in _NONFINAL_ABBR:
                    return False
                if len(word) == 1 and word.isupper() and not text[j - 1 : j].isdigit():
                    # an initial: "K. Nordmann"; a class glued to its grade is none ("Ola Nes,
                    # 9B. Fødselsdato: …" ends a sentence)
                    return False
                if len(word) == 3 and _DOTTED_INITIALS_RE.fullmatch(word) and _SIGN_OFF_BEFORE_RE.search(
                    text, max(0, j - 16), j
                ):
                    return False  # initials that sign a note: "Hilsen O.N. Nes" ("etter K.B. Neste møte" ends one)
            return True
        return False

    def _opens_quotation(self, begin: int, start: int) -> bool:
        """An opening quotation mark stands in text[begin:start] and the quotation that it opens
        holds more than one word (one quoted word, «Kari», is a name or a term, not a sentence)."""
        text = self.text
        gap = text[begin:start]
        for mark, close in (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"')):
            if mark in gap:
                at = begin + gap.rfind('"')
                if mark == '"' and (at and not text[at - 1].isspace() and text[at - 1] not in "(:" or
                                    text.find('"', start, start + 400) < 0):
                    return False  # a straight quote opens one only after a blank and when it is closed
                end = text.find(close, start, start + 400)
                quoted = text[start : end if end >= 0 else min(len(text), start + 80)]
                return " " in quoted.strip()
        return False

    def _line_starts_sentence(self, newline_at: int) -> bool:
        text = self.text
        end = newline_at
        if text[end] == "\n" and end > 0 and text[end - 1] == "\r":
            end -= 1
        begin = text.rfind("\n", 0, end) + 1
        previous = text[begin:end].rstrip()
        if not previous.strip():
            return True
        last = previous[-1]
        if last in _SENTENCE_END:
            return True
        # hard-wrapped prose: a long line that ends in a lower-case word or a comma
        return not (len(previous) >= 40 and (last.islower() or last == ","))

    def after_note_label(self, start: int) -> bool:
        """The word at `start` follows the colon of a note label ("Telefonnotat:", "Samtale med:")."""
        begin = max(0, start - 40)
        if self.text.find(":", begin, start) == -1:
            return False  # the cheap test first: every label ends in a colon
        return bool(_NOTE_LABEL_RE.search(self.text, begin, start))

    def heading_line(self, pos: int) -> bool:
        """A title-cased line ("Møte Med Foreldre Og Skole"): capitals carry no information."""
        text = self.text
        begin = text.rfind("\n", 0, pos) + 1
        cached = self._line_cache.get(begin)
        if cached is not None:
            return cached
        end = text.find("\n", pos)
        words = WORD_RE.findall(text, begin, len(text) if end < 0 else end)
        caps = [w for w in words if w[0].isupper()]
        result = len(words) >= 3 and len(caps) >= 0.6 * len(words) and self._title_cased(caps[1:])
        self._line_cache[begin] = result
        return result

    def _title_cased(self, caps: list[str]) -> bool:
        """An ordinary word among the capitalised words of a line shows it is a title; a given
        name that is a word too ("Inga", "Liv", "Per") does not: a line of people has many
        capitals ("Føresette: Aslak Hætta og Inga Marja Utsi")."""
        words, names = self.lists.words, self.lists.names
        return any(w.lower() in words and w.lower() not in names for w in caps)

    def set_name(self, i: int, reason: str) -> None:
        self.state[i] = _NAME
        self.reason[i] = reason

    # ---- the passes
    def run(self) -> list[tuple[int, int, str]]:
        text, lists = self.text, self.lists
        n = len(self.words)
        if not n:
            return []
        self._protect_phrases()
        self._protect_characters()
        words, lows, state, starts, ends, gaps = self.words, self.lows, self.state, self.starts, self.ends, self.gaps
        name_triggers, role_triggers = NAME_TRIGGERS, ROLE_TRIGGERS
        strict_given = lists.strict_given
        # pass 1: each word on its own. Only capitalised words, lower-case given names and words
        # after a trigger need a closer look; the index lists are built in C-speed comprehensions.
        triggers = name_triggers | role_triggers
        look = set(self._where(self.capitalised))
        # one pass over the words for every cue (the cues are few, the words many)
        after_one = triggers | _ABBR_TRIGGERS.keys()
        after_two = name_triggers | TALK_VERBS  # "heter visstnok Ronny", "prata med per"
        cues = _cue_words(strict_given)
        listen_at: list[int] = []
        for i in self._where(map(cues.__contains__, lows)):
            low = lows[i]
            if low in strict_given:
                look.add(i)
            if low in after_one:
                look.add(i + 1)
            if low in after_two or (low in role_triggers and i + 1 < n and lows[i + 1] in _POSSESSIVES):
                look.add(i + 2)  # "prata med per", "læraren hennar, siv, …"
            if low in _THANKS:
                look.add(i + 1)  # "ok takk liv, kjem innom"
            if low in _CONTACT_VERBS:
                look.add(i + 1)  # "ring per på …"
                if i + 2 < n and lows[i + 1] == "tilbake" and lows[i + 2] == "til":
                    look.add(i + 3)  # "ring tilbake til per – bestefar til …"
            elif low in _CONTACT_VIA:
                look.add(i + 2)  # "send til liv i morgen"
            elif low in _LISTEN_CUES:
                listen_at.append(i)  # "lytte til Taylor Swift"
        # "Mahmoud al-Khatib", "Familien el-Amin" (tried only at a hyphen or an apostrophe)
        for joint in _matches_at(_PREFIXED_NAME_RE, text, [at for at, _ in _literal_hits(text, ("-", "'", "’"))]):
            at = joint.start()
            i = bisect_left(ends, at) if at else n
            # the word holding the hyphen starts with a lower-case particle
            if (
                i < n
                and starts[i] < at < ends[i]
                and words[i][0].islower()
                and lows[i].split(text[at], 1)[0] in _NAME_PREFIXES
                and not self.is_blocked(i)
                # "ba'd al-Eid": the article before a feast or a place is no name's particle
                and not self._particle_before_thing(lows[i].split(text[at], 1)[1])
                and not self.in_phrase(i)
            ):
                self.set_name(i, "capitalised")
        if listen_at and lists.artists:
            self._protect_artists(listen_at)
        hyphenated = set(self._hyphenated_given_candidates()) if "-" in text else set()
        look |= hyphenated
        look.discard(n)
        look.discard(n + 1)
        for i in sorted(look):
            if state[i]:
                continue
            trigger = None
            if i:
                p = lows[i - 1]
                if (p in triggers and state[i - 1] != _NAME and _TRIGGER_GAP.fullmatch(text, ends[i - 1], starts[i])
                        # "Navn\tRolle\tTlf": a table's heads, a tab between, name no one
                        and not (p in name_triggers and "\t" in gaps[i] and ":" not in gaps[i])):
                    trigger = "name" if p in name_triggers else "role"
                elif p == "v" and gaps[i] in ("/ ", "/") and words[i][0].isupper() and lows[i] not in lists.proper:
                    trigger = "name"  # "PPT v/ Roar": the person at the service (v/ = ved)
                elif p in _ABBR_TRIGGERS and gaps[i] in (". ", ".", " ", ".: ", ": "):
                    trigger = _ABBR_TRIGGERS[p]  # "dr. Berg", "Sign. EH"
                elif p not in _TWO_WORD_CUE_ENDS:
                    pass  # the cheap test first: neither rule below can apply after this word
                elif i >= 2 and gaps[i - 1] == " " and gaps[i] == " ":
                    before = lows[i - 2]
                    if p in HEDGES and before in name_triggers and state[i - 2] != _NAME:
                        trigger = "name"
                    elif p in ("med", "hos") and before in TALK_VERBS:
                        trigger = "talk"
                    elif p == "til" and before in _PARENT_WORDS and words[i][0].isupper():
                        trigger = "child"  # "Far til Håp kom innom": the child of the parent
                elif (
                    i >= 2
                    and p in _POSSESSIVES
                    and lows[i - 2] in role_triggers
                    and state[i - 2] != _NAME
                    and gaps[i - 1] == " "
                    and gaps[i] == ", "
                    and text[ends[i] : ends[i] + 1] in (",", ")", ".")
                ):
                    trigger = "role"  # "læraren hennar, siv, og mor …": a name set off by commas
            if trigger is None and words[i][0].islower() and self._contact_before(i):
                trigger = "contact"  # "ring per på …", "spør liv om …", "snakk med tor i morgen"
            if trigger is None and i and lows[i - 1] in _THANKS and words[i][0].islower():
                trigger = "thanks"  # "ok takk liv, kjem innom"
            if trigger is None and not words[i][0].isupper() and lows[i] not in strict_given and i not in hyphenated:
                continue
            if self.is_blocked(i):
                state[i] = _NEVER
                continue
            self._classify(i, trigger)
        if "c/o" in text or "C/O" in text:
            self._care_of()
        self._particles()
        if "(" in text:
            self._lower_children_with_age()
        if " til " in text:
            self._kin_til_lower_names()
        self._lower_given_opening_line()
        self._genitive_before_kin()
        if "f." in self.text or "fødd" in self.text or "født" in self.text:
            self._before_birth_cue()
        # pass 2: neighbours of names, "Ola K. Nordmann", "Nordmann, Ola", "Zyrafa og Ola"
        # (the rules only ever add names, so after the first round only the words near a new
        # name need another look: the result is the same as looking at every word again)
        candidates = [i for i in self._where(self.capitalised) if not state[i] and len(words[i]) > 1]
        is_candidate = set(candidates)
        pending = candidates
        while pending:
            changed_at = []
            for i in pending:
                if not state[i] and self._adjacent(i):
                    self.set_name(i, "adjacent")
                    changed_at.append(i)
            near = {j for c in changed_at for j in range(c - 3, c + 4)}
            pending = sorted(j for j in near if j in is_candidate and not state[j])
        self._siblings_and_inverted_names()
        self._lower_names_by_relation()
        # a listed surname in lower case right after a lower-case name is the rest of it, even
        # when it is a word too ("mvh kari nordmann", "hilsen mona berg", "onkel rune dal")
        surnames = lists.surnames
        for i in [i for i in self._where(map(eq, state, repeat(_NAME))) if i < n - 1 and words[i][0].islower()]:
            j = i + 1
            if (
                not state[j]
                and words[j][0].islower()
                and lows[j] in surnames
                and text[ends[i] : starts[j]] == " "
                and not self.in_vocab(lows[j])
                and not self.is_blocked(j)
            ):
                self.set_name(j, "adjacent")
        # a given name that is a function word elsewhere, capitalised inside a sentence right
        # after a name, is the rest of it: "Nguyen Van An" (English "an" is never capitalised there)
        function_names, capitalised = _given_function_words()
        function_at = [j for j in self._where(map(function_names.__contains__, lows)) if j] if any(
            c in text for c in capitalised) else []
        for j in function_at:
            if (
                state[j] != _NAME
                and state[j - 1] == _NAME
                and words[j][:1].isupper()
                and text[ends[j - 1] : starts[j]] == " "
                and not self.sentence_start(starts[j])
                and not self.is_blocked(j)
            ):
                self.set_name(j, "adjacent")
        self._family_surnames()
        # pass 3: every other use of a name found once, here or in an earlier text of the sitting
        names_at = self._where(map(eq, state, repeat(_NAME)))
        found = {lows[i] for i in names_at if len(lows[i]) > 2}
        # a two-letter name the note gives by a cue ("kalt Mo", "heter Bo"): again only before a verb
        found |= {lows[i] for i in names_at if len(lows[i]) == 2 and self.reason.get(i) == "context"
                  and words[i][0].isupper() and words[i][1].islower()}
        known = self.known_names - found
        if found or known:
            found -= self._found_without_evidence()
            found |= {f[:-1] for f in found if f.endswith("s") and f[:-1] in lists.names}
            found |= self._genitive_bases
            words_list, lexicon = lists.words, lists.lexicon
            # a use is the word or its genitive ("Olas")
            uses = self._where(map((found | {f + "s" for f in found}).__contains__, lows))
            if known:
                # a name known from before only in capitals ("Dal er best"; not "en dal")
                uses = sorted({
                    *uses,
                    *(i for i, low in enumerate(lows) if words[i][0].isupper() and (
                        low in known or (low[-1:] == "s" and low[:-1] in known))),
                })
            phrase_only = self.vocab.phrase_only
            # a name the writer wrote in lower case ("mamma til aksel") is the name again in lower
            # case before a verb ("aksel har vondt"), word or not; not "3 timer per uke"
            written_lower = {lows[i] for i in names_at if words[i][0].islower()}
            repeated: list[int] = []
            for i in uses:
                if state[i] and not (
                    # "Nok snakker godt norsk" after "kalt Nok": a word that survives only inside
                    # a phrase ("Nok Elverum") is the name once it is one
                    state[i] == _NEVER
                    and lows[i] in phrase_only
                    and not self.in_phrase(i)
                    and words[i][0].isupper()
                    and not self.is_blocked(i)
                ):
                    continue
                low = lows[i]
                if (
                    (words[i][0].isupper()
                     # "Will Jensen" … "we will keep", "Sunny (15)" … "a sunny day": an English word in lower case
                     or (low not in words_list and low not in lexicon and low not in ENGLISH_WORD_NAMES
                         and low not in ENGLISH_SMALL_WORD_NAMES)
                     or (low in written_lower and (self._verb_follows(i) or self._child_of_parent(i))))
                    and (len(low) > 2 or self._short_name_before_verb(i))
                    and not self.is_blocked(i)
                    and (not self.in_vocab(low) or (words[i][0].isupper() and low in self.vocab.phrase_only))
                    and not self._plain_word_opening(i)
                ):
                    self.set_name(i, "repeated")
                    repeated.append(i)
            if repeated:
                self._given_before_repeated(repeated)
        self._particles()
        named = self._where(map(eq, state, repeat(_NAME)))
        # a capitalised word between two names is one of them, even when it is a word of the
        # vocabulary by its inflection only ("Maria Cristina Dela Cruz")
        pairs = zip(named, named[1:], strict=False)
        between = [j + 1 for j, k in pairs if k == j + 2 and self._between_names(j + 1)]
        if between:
            for i in between:
                self.set_name(i, "adjacent")
            named = sorted(named + between)
        fronts = [i for k in named if k >= 2 and self._given_and_middle_before(k) for i in (k - 2, k - 1)]
        if fronts:
            for i in fronts:
                self.set_name(i, "adjacent")
            named = sorted(set(named + fronts))
        # merge neighbouring name words into one span
        spans: list[tuple[int, int, str]] = []
        for i in named:
            if spans:
                s, e, r = spans[-1]
                if _GAP_NAME.fullmatch(text, e, starts[i]) or (
                    len(words[i - 1]) == 1 and _INITIAL_GAP.fullmatch(text, e, starts[i])
                ):
                    spans[-1] = (s, ends[i], r)
                    continue
            spans.append((starts[i], ends[i], self.reason.get(i, "capitalised")))
        # a shortened surname after a name: "Ola N.", "Sofie A."
        for k, (s, e, r) in enumerate(spans):
            m = _TRAILING_INITIAL.match(text, e) or (text[s].islower() and self._lower_trailing_initial(s, e))
            if m and not self.is_blocked_span(e, m.end()):
                spans[k] = (s, m.end(), r)
        spans = [self._leading_initial(s, e, r) if "." in text[s - 2 : s] else (s, e, r) for s, e, r in spans]
        spans = [
            self._whole_token(s, e, r) if text[e : e + 1] in _GLUED or text[s - 1 : s] == "_" else (s, e, r)
            for s, e, r in spans
        ]
        # "Kristiansen-familien", "Hansen-familiens", "Nes-familien": a listed name, a place or
        # an unknown word joined to the word for the family names the family; the name goes, the
        # family word stays
        for i in self._where(map(contains, lows, repeat("-"))):
            head, _, tail = lows[i].partition("-")
            if state[i] == _NAME or not words[i][0].isupper():
                continue
            family = tail.startswith(_FAMILY_WORDS)
            if (
                (family or self._after_name_before_model(i, tail))
                and (head in lists.names or (family and self._family_name_head(i, head, tail)))
                and not self.in_vocab(head)
                and not self.is_blocked(i)
            ):
                spans.append((starts[i], starts[i] + len(head), "adjacent"))
        spans.sort()
        return spans

    def _family_name_head(self, i: int, head: str, tail: str) -> bool:
        """The capitalised word before "-familien" is the family's surname when it is a place
        that is a word too, as farm names are ("Nes-familien", "Hov-familia"), or a word the lists
        do not know ("Zyrafa-familien"); not a common noun ("Foster-familien", "Verts-familien",
        "Bonus-familien": a foster family), a brand or a town only ("Skyss-familien", "Oslo-familien"),
        nor capitals ("FN-familien")."""
        if len(head) < 2 or not self.words[i][1 : len(head)].islower() or head in FUNCTION_WORDS:
            return False
        lexicon, words = self.lists.lexicon, self.lists.words
        if head in self.lists.proper:
            return head in words or head in lexicon
        return not (
            self.known_word(head)
            or head + tail in lexicon
            or head + tail in words
            or head + "familie" in lexicon
            or any(head + ending in lexicon for ending in ("en", "er", "et"))  # "bonusen"
            or head in _DIRECTION_HEADS
        )

    def _siblings_and_inverted_names(self) -> None:
        """Two capitalised words that the note calls siblings, twins or friends ("Sol og Frost er
        søsken, 5 og 8") are two persons, words or not; a capitalised word before a comma and a
        given name found a name, with a class or an age after them ("Frost, Håkon – 9. trinn"),
        is the surname of a list line "Surname, Given"; and a capitalised word before a listed
        surname found a name, with an age after them ("Håp Lund (9)"), is the given name."""
        text, words, lows, state, starts = self.text, self.words, self.lows, self.state, self.starts
        n = len(words)
        hits: list[int] = []
        if " og " in text or " and " in text:
            for kin in _KIN_AFTER_RE.finditer(text):
                m = _PAIR_BEFORE_RE.search(text, max(0, kin.start() - 80), kin.start())
                if m is None:
                    continue
                for g in (1, 2):
                    i = bisect_left(starts, m.start(g))
                    if i < n and starts[i] == m.start(g):
                        hits.append(i)
        if "," in text:
            for m in _matches_at(_INVERTED_NAME_RE, text, _line_starts(text)):
                i = bisect_left(starts, m.start(1))
                j = i + 1
                if (
                    j < n
                    and starts[i] == m.start(1)
                    and starts[j] == m.start(2)
                    and state[j] == _NAME
                    and lows[j] in self.lists.given
                    and self.line_start(starts[i])
                    and lows[i] not in self.lists.words  # "Takk, Håkon – 9. trinn var flinke"
                    and lows[i] not in _ADDRESS_WORDS
                ):
                    hits.append(i)
        if "(" in text or " år" in text or " mnd" in text:
            # "Håp Lund (9)", "Håp Ellingsen, 2 år": a capitalised word right before a listed
            # surname found a name, with an age after the two, is the given name, a word or not
            surnames, ends = self.lists.surnames, self.ends
            for mark in _AGE_MARK_RE.finditer(text):
                end = mark.start()
                while end and text[end - 1] in " \t":
                    end -= 1
                j = bisect_left(ends, end)
                if not (0 < j < n and ends[j] == end and state[j] == _NAME and lows[j] in surnames):
                    continue
                i = j - 1
                if (
                    words[i][0].isupper()
                    and text[self.ends[i] : starts[j]] == " "
                    and (_AGE_AFTER.match(text, end) or _AGE_SET_OFF.match(text, end))
                    and not self.in_vocab(lows[i])
                    and lows[i] not in self.lists.proper
                ):
                    hits.append(i)
        for i in hits:
            low = lows[i]
            if (
                not state[i]
                and low not in FUNCTION_WORDS
                and low not in ROLE_TRIGGERS
                and low not in _GREETINGS
                and not self.is_blocked(i)
            ):
                self.set_name(i, "context")

    def _leading_initial(self, start: int, end: int, reason: str) -> tuple[int, int, str]:
        """"T. Lund har takka ja", "S. Storm (mor)", "v/ K. Dal": the initial of a given name right
        before a surname found a name is part of that name, unless an ordinary word that is no cue
        for a person stands before it ("klasse B. Lund", "Gruppe B. Dal ringte")."""
        text = self.text
        m = _LEADING_INITIAL_RE.search(text, max(0, start - 40), start)
        if m is None or self.is_blocked_span(m.start("initial"), start):
            return start, end, reason
        before = m.group("before")
        if before:
            low = before.lower()
            if low not in _INITIAL_CUES and (before[0].islower() or self.known_word(low)):
                return start, end, reason
        return m.start("initial"), end, reason

    def _given_before_repeated(self, repeated: list[int]) -> None:
        """A given name that is a word too, left open before a word that turned out a name only
        by its use elsewhere ("Per Dal og Liv Dal er samde": "Dal" is known a name by "Liv Dal"),
        is the given name of that person: the neighbours are looked at once more."""
        state, text, words, lows = self.state, self.text, self.words, self.lows
        for j in repeated:
            i = j - 1
            if (
                i >= 0
                and not state[i]
                and i in self.weak
                and lows[i] in self.lists.given
                and lows[i] not in ROLE_TRIGGERS
                and lows[i] not in FUNCTION_WORDS
                and words[j][0].isupper()
                and text[self.ends[i] : self.starts[j]] == " "
                and not self.is_blocked(i)
            ):
                self.set_name(i, "adjacent")

    def _plain_word_opening(self, i: int) -> bool:
        """An ordinary word that is no listed name, opening a sentence before a word in lower
        case that is no verb, is the word there, whatever a name of it elsewhere in the note:
        "Frost i januar gjør at bussen er sen" beside "Ola Frost i 5A" ("Frost sa at …",
        "Frost og Ola kom" are the person still)."""
        low, n = self.lows[i], len(self.lows)
        if (
            i + 1 >= n
            or not self.words[i][0].isupper()
            or (low not in self.lists.words and low not in self.lists.lexicon)
            or self.text[self.ends[i] : self.starts[i + 1]] != " "
            or not self.words[i + 1][0].islower()
            or not self.sentence_start(self.starts[i])
        ):
            return False
        nxt = self.lows[i + 1]
        if _FIXED_EXPRESSION_RE.match(self.text, self.starts[i]):
            return True  # «Lykke til med dagen!», "Dag for dag": a saying, whatever child is called so
        if nxt in ("og", "eller"):
            # a name that is a word too, with a plain word after «og»: the word ("Storm og glatte vegar")
            return self._joined_to_plain_word(i + 2)
        verb_after = nxt in HUMAN_VERBS or nxt in SUBJECT_VERBS or nxt in _AUXILIARIES or self.verb_form(nxt)
        if low in _OUR and not verb_after and nxt not in _PARENT_WORDS and nxt not in FUNCTION_WORDS:
            return True  # "Vår vurdering er …", "Vår avtale:" beside a girl named Vår: the pronoun
        if self.listed(low):
            return False
        return not (
            nxt in HUMAN_VERBS
            or nxt in SUBJECT_VERBS
            or nxt in _AUXILIARIES
            or self.verb_form(nxt)
        )

    def _joined_to_plain_word(self, j: int) -> bool:
        """The word after «og» is a plain word in lower case ("Storm og glatte vegar", "Sol og
        fint vær", "Liv og røre"): not a person ("Frost og Ola", "Storm og bror sa", "Liv og eg",
        "Ask og støttekontakten Jørn")."""
        if j >= len(self.words) or self.text[self.ends[j - 1] : self.starts[j]] != " ":
            return False
        low = self.lows[j]
        return (
            self.words[j][0].islower()
            and low not in FUNCTION_WORDS
            and low not in ROLE_TRIGGERS
            and low not in _KIN_BEFORE_TIL
            and low not in self.lists.given
            and not self._role_or_compound(low)
            and not any(low.removesuffix(end) in ROLE_TRIGGERS for end in ("en", "a", "et", "ane", "ene", "ar", "er"))
            and low not in HUMAN_VERBS
            and low not in SUBJECT_VERBS
            and not self.verb_form(low)
        )

    def _lower_children_with_age(self) -> None:
        """A given name in lower case, even one that is a word too, with an age in brackets and
        then a verb is a child ("vesle ask (4) sov dårleg", "– vilje (5): søv"); the word for a
        person with an age ("jenta (14) har") is no name."""
        lows, words, state, ends, given = self.lows, self.words, self.state, self.ends, self.lists.given
        for m in _AGE_IN_RE.finditer(self.text):
            i = bisect_left(ends, m.start()) - 1
            gap = self.text[ends[i] : m.start()] if i >= 0 else "x"
            if gap and not gap.isspace():
                continue  # the word right before the bracket only
            low = lows[i]
            if (
                state[i] == 0
                and words[i][0].islower()
                and low in given
                and low not in FUNCTION_WORDS
                and low not in ROLE_TRIGGERS
                and not self.in_vocab(low)
                and not self.is_blocked(i)
                and self._age_then_verb(i)
            ):
                self.set_name(i, "context")

    def _whole_token(self, start: int, end: int, reason: str) -> tuple[int, int, str]:
        """A name with what is glued to it: the apostrophe of a genitive after s, x or z ("Kari
        Nes' far"), and the rest of a user name that holds it ("tobias_2009", "kari.n_07"), which
        points at the person as the name does."""
        text = self.text
        c = text[end : end + 1]
        if (
            c in ("'", "’")
            and text[end - 1] in "sxzSXZ"
            and text[start - 1 : start] not in ("'", "‘")
            and _GENITIVE_NEXT.match(text, end + 1)
        ):
            return start, end + 1, reason
        if c == "_" or c.isdigit() or text[start - 1 : start] == "_":
            m = _HANDLE_AFTER.match(text, end)
            b = _HANDLE_BEFORE.search(text, max(0, start - 30), start)
            new_start, new_end = (b.start() if b else start), (m.end() if m else end)
            if not self.is_blocked_span(new_start, start) and not self.is_blocked_span(end, new_end):
                return new_start, new_end, reason
        return start, end, reason

    def _found_without_evidence(self) -> set[str]:
        """The words taken for a name only because they opened a sentence beside another
        capitalised word, while they are ordinary words ("Middag Zorbo og pizza"): their other
        uses are not repeated as a name ("Middag klokka fem")."""
        lows, state, lists = self.lows, self.state, self.lists
        weak_only: dict[str, bool] = {}
        for i in [i for i in self.weak if state[i] == _NAME]:
            low = lows[i]
            weak_only[low] = weak_only.get(low, True) and (
                self.reason.get(i) == "adjacent"
                and not self.listed(low)
                and (low in lists.words or low in lists.lexicon)
                and i + 1 < len(lows)
                and state[i + 1] == _NAME
                and self.reason.get(i + 1) == "capitalised"
            )
        unproven = {low for low, only in weak_only.items() if only}
        if not unproven:
            return unproven
        # a word found once with evidence of its own is repeated as before
        uses = self._where(map(unproven.__contains__, lows))
        proven = {lows[i] for i in uses if state[i] == _NAME and i not in self.weak}
        return unproven - proven

    def _family_surnames(self) -> None:
        """"takk fra familien berg", "hilsen familia moen": a listed surname in lower case right
        after the word for the family is the family's name, even when it is a word too."""
        lows, words, state, text = self.lows, self.words, self.state, self.text
        surnames, n = self.lists.surnames, len(lows)
        # the few places of the word, found by one search of the text
        at = [bisect_left(self.starts, m.end()) for m in _FAMILY_HEAD_RE.finditer(text)]
        for i in [i for i in at if 0 < i < n and lows[i - 1] in _FAMILY_HEADS]:
            low = lows[i]
            if (
                not state[i]
                and words[i][0].islower()
                and low in surnames
                and low not in FUNCTION_WORDS
                and low not in SUBJECT_VERBS
                and low not in HUMAN_VERBS
                and text[self.ends[i - 1] : self.starts[i]] == " "
                and not self.in_vocab(low)
                and not self.is_blocked(i)
            ):
                self.set_name(i, "context")
        # "Familien Hov: Gunn Hov (mor) og Sverre Hov (far)": the family of the persons named with
        # that surname in the note, even when the word is a place too
        heads = [bisect_left(self.starts, m.end()) for m in _FAMILY_HEAD_CAPITAL_RE.finditer(text)]
        heads = [
            i for i in heads if 0 < i < n and lows[i - 1] in _FAMILY_HEADS and self.starts[i] == self.ends[i - 1] + 1
        ]
        if heads:
            surnames_found = self._surnames_found()
            for i in heads:
                if (
                    state[i] != _NAME
                    and lows[i] in surnames_found
                    and text[self.ends[i - 1] : self.starts[i]] == " "
                    and not self.is_blocked(i)
                ):
                    self.set_name(i, "context")
            for i in heads:
                # "tilvisinga for familien Sand", "Familien Vik kom": a capitalised word right after
                # the word for the family is its surname, an ordinary word too or not (not a place,
                # a service, a role or a word that opens a clause)
                low = lows[i]
                if (
                    state[i] != _NAME
                    and len(low) > 2
                    and words[i][1:].islower()
                    and low not in self.lists.proper
                    and low not in FUNCTION_WORDS
                    and low not in ROLE_TRIGGERS
                    and low not in SUBJECT_VERBS
                    and low not in HUMAN_VERBS
                    and not self.in_vocab(low)
                    and not self.is_blocked(i)
                ):
                    self.set_name(i, "context")

    def _surnames_found(self) -> set[str]:
        """The words found a name right after a found given name ("Gunn Hov"): surnames of the note."""
        lows, state, text, starts, ends = self.lows, self.state, self.text, self.starts, self.ends
        given = self.lists.given
        return {
            lows[k]
            for k in self._where(map(eq, state, repeat(_NAME)))
            if k
            and state[k - 1] == _NAME
            and lows[k - 1] in given
            and text[ends[k - 1] : starts[k]] == " "
        }

    def _lower_names_by_relation(self) -> None:
        """A lower-case given name that is a word too is the person where a relation says so:
        before «sin»/«si»/«sitt»/«sine» and a word for a person ("sol sin bror"), or joined by «og»
        to a lower-case name before a verb ("tiril og ask ble ikke henta"); "sol og vind" stays."""
        lows, words, state, text, n = self.lows, self.words, self.state, self.text, len(self.words)
        given = self.lists.given
        for k in self._where(map(_RELATION_WORDS.__contains__, lows)):
            if k == 0 or k + 1 >= n:
                continue
            j = k - 1
            if state[j] or not words[j][0].islower() or lows[j] not in given or self.in_vocab(lows[j]):
                continue
            if text[self.ends[j] : self.starts[k]] != " " or text[self.ends[k] : self.starts[k + 1]] != " ":
                continue
            if lows[k + 1] in ROLE_TRIGGERS and not self.is_blocked(j):
                self.set_name(j, "context")
        # "tiril og ask ble": the name before «og», a verb after the word
        for k in self._where(map(eq, lows, repeat("og"))):
            if k == 0 or k + 2 >= n:
                continue
            j = k + 1
            if state[k - 1] != _NAME or not words[k - 1][0].islower() or state[j] or not words[j][0].islower():
                continue
            if lows[j] not in given or self.in_vocab(lows[j]) or self.is_blocked(j):
                continue
            if text[self.ends[k] : self.starts[j]] != " " or text[self.ends[j] : self.starts[j + 1]] != " ":
                continue
            verb = lows[j + 1]
            if verb in HUMAN_VERBS or verb in SUBJECT_VERBS or verb in _AUXILIARIES:
                self.set_name(j, "adjacent")

    def _care_of(self) -> None:
        """The capitalised words after «c/o» up to a comma or the line's end are the person the
        post goes through ("bor c/o Ionela Marin, Hovsbakken 4"), not a place or a word."""
        text, words, lows, state, starts = self.text, self.words, self.lows, self.state, self.starts
        n = len(words)
        for at, _ in _literal_hits(text, ("c/o", "C/O", "C/o")):  # the cheap test first
            m = _CARE_OF_RE.match(text, at)
            if m is None:
                continue
            i = bisect_left(starts, m.end())
            for j in range(i, min(n, i + 3)):
                if j > i and text[self.ends[j - 1] : starts[j]] != " ":
                    break
                if state[j] == _NAME:
                    continue
                if not words[j][0].isupper() or self.in_vocab(lows[j]) or self.is_blocked(j):
                    break
                self.set_name(j, "context")

    def _before_birth_cue(self) -> None:
        """The capitalised word right before «, f. 26.11.26» or «(født 3.4.2019)» is the person born
        then ("Gutt Luka, f. 26.11.26"), a word or not; not a word for a person or a role ("Gutt, f.
        …") or one of the vocabulary."""
        lows, words, state, starts = self.lows, self.words, self.state, self.starts
        text = self.text
        for m in _BIRTH_CUE_AFTER_RE.finditer(text):
            at = m.start()
            while at and text[at - 1] in " \t":
                at -= 1  # "Luka , f. …": the word ends before the blanks
            i = bisect_left(starts, at) - 1
            if i < 0 or state[i] or not words[i][0].isupper() or self.ends[i] != at:
                continue
            low = lows[i]
            if (low in FUNCTION_WORDS or low in ROLE_TRIGGERS or low in _PERSON_NOUNS or self.in_vocab(low)
                    or self.is_blocked(i) or len(low) < 2):
                continue
            self.set_name(i, "context")

    def _genitive_before_kin(self) -> None:
        """A capitalised genitive before a word for kin ("Nilofars mor", "Yonas' bror") is whose kin
        it is: a person, unless the word is one of the language ("Elevens far", "Hans mor")."""
        lows, words, state, gaps = self.lows, self.words, self.state, self.gaps
        n = len(lows)
        for j in self._cue_hits(_GENITIVE_KIN):
            i = j - 1
            if i < 0 or state[i] or gaps[j] != " " or not words[i][0].isupper():
                continue
            low = lows[i]
            if len(low) < 4 or not low.endswith("s") or j >= n:
                continue
            base = low[:-1]
            if self.known_word(base) or self.known_word(low) or self.in_vocab(base) or self.in_vocab(low):
                continue
            if self.hand_ordinary(base) or self.hand_ordinary(low) or self.is_blocked(i):
                continue
            self.set_name(i, "context")
            self._genitive_bases.add(base)

    def _particles(self) -> None:
        """Particles between two names: "Omar bin Ali", "Lotte van der Berg"; before a name, the
        particles that are no Norwegian words: "Familien van der Berg"."""
        text, lows, state, starts, ends = self.text, self.lows, self.state, self.starts, self.ends
        n = len(lows)
        if self._particle_at is None:
            self._particle_at = [i for i in self._where(map(_PARTICLES.__contains__, lows)) if 0 < i < n - 1]
        for i in self._particle_at:
            if state[i] == 0 and (state[i - 1] == _NAME or lows[i] in _LEADING_PARTICLES):
                # one space between the words; before a leading particle any gap ("M. van Dijk")
                leading = lows[i] in _LEADING_PARTICLES
                j = i
                while j < n and lows[j] in _PARTICLES and state[j] == 0 and (
                        (j == i and leading) or text[ends[j - 1] : starts[j]] == " "):
                    j += 1
                if j < n and state[j] == _NAME and text[ends[j - 1] : starts[j]] == " ":
                    for k in range(i, j):
                        self.set_name(k, "adjacent")
                elif (
                    j < n
                    and state[j] != _NAME
                    and state[i - 1] == _NAME
                    and text[ends[i - 1] : starts[i]] == " "
                    and text[ends[j - 1] : starts[j]] == " "
                    and self.words[j][0].isupper()
                    and lows[j] not in FUNCTION_WORDS
                    and lows[j] not in ROLE_TRIGGERS
                    # "Berg-de Jong": a surname joined to the next one's particle is judged by itself
                    and not self.in_vocab(lows[j].split("-")[0] if lows[j].endswith(_HYPHEN_PARTICLES) else lows[j])
                    and not self.is_blocked(j)
                ):
                    # "Eva Marie de Lange": after a name, a particle and a capitalised word are its
                    # surname, even a word ("lange", which after the article «de» was read as a noun)
                    for k in range(i, j + 1):
                        self.set_name(k, "adjacent")
            elif state[i] == 0 and lows[i] in _FOREIGN_PARTICLES and state[i - 1] == 0 and state[i + 1] != _NEVER:
                # "Angelo dela Cruz", "Yusuf bin Salleh": a particle no Norwegian word is, between two
                # capitalised words that are no words of the domain, joins a name of three parts
                names = (i - 1, i + 1)
                if all(
                    self.words[k][0].isupper()
                    and lows[k] not in FUNCTION_WORDS
                    and lows[k] not in ROLE_TRIGGERS
                    and not self.in_vocab(lows[k])
                    and not self.is_blocked(k)
                    for k in names
                ) and text[ends[i - 1] : starts[i]] == " " and text[ends[i] : starts[i + 1]] == " ":
                    for k in (i - 1, i, i + 1):
                        self.set_name(k, "adjacent")

    def _after_sign_off_line(self, pos: int) -> bool:
        """The line before the one at `pos` ends with a sign-off ("Mvh", "Med vennlig hilsen,")."""
        text = self.text
        begin = text.rfind("\n", 0, pos)
        if begin <= 0:
            return False
        previous = text[text.rfind("\n", 0, begin) + 1 : begin].strip(" \t\r,.!").lower()
        last = previous.rsplit(None, 1)[-1] if previous else ""
        return last in SIGN_OFFS or last == "vh"

    def _between_names(self, i: int) -> bool:
        text, starts, ends = self.text, self.starts, self.ends
        return (
            self.words[i][0].isupper()
            and not self.in_phrase(i)
            and self.lows[i] not in self.vocab.singles
            and self.lows[i] not in FUNCTION_WORDS
            and text[ends[i - 1] : starts[i]] == " "
            and text[ends[i] : starts[i + 1]] == " "
            and not self.is_blocked(i)
        )

    def in_phrase(self, i: int) -> bool:
        """The word is inside a vocabulary phrase ("Marte Meo", "Nok Elverum"); asked rarely, so
        found again here rather than kept by _protect_phrases."""
        lows, n = self.lows, len(self.lows)
        for j in range(max(0, i - 8), i + 1):
            for seq in self.vocab.phrases.get(lows[j], ()):
                size = len(seq)
                if j + size <= i or j + size > n:
                    continue
                if all(lows[j + k] == seq[k] for k in range(1, size - 1)):
                    last = lows[j + size - 1]
                    if _phrase_end(last, seq[-1]):
                        return True
        return False

    def is_blocked_span(self, start: int, end: int) -> bool:
        j = bisect_left(self.blocked_starts, end)
        return bool(j) and self.blocked[j - 1][1] > start

    def line_start(self, start: int) -> bool:
        """The word at `start` opens a line (after bullets, dashes or quotes) or the text."""
        i = start - 1
        while i >= 0 and self.text[i] in _OPENERS:
            i -= 1
        return i < 0 or self.text[i] in "\n\r"

    def _protect_phrases(self) -> None:
        """Words inside a vocabulary phrase ("Marte Meo", "Sped- og småbarnsteam") are never names."""
        phrases = self.vocab.phrases
        lows, state = self.lows, self.state
        n = len(lows)
        resume = 0  # a phrase found is skipped whole: its words open no phrase of their own
        # only the words that open a phrase are looked at (found in one C-speed pass)
        for i in self._where(map(phrases.__contains__, lows)):
            if i < resume:
                continue
            for seq in phrases[lows[i]]:
                size = len(seq)
                # the last word may be inflected or begin a compound ("Vestly avlastningen",
                # "Stine Sofies Stiftelse Foreldrepakke-kurset")
                if i + size > n:
                    continue
                # the words between (none in a phrase of two), the first of them the cheap test first
                if size > 2 and (lows[i + 1] != seq[1] or tuple(lows[i + 1 : i + size - 1]) != seq[1:-1]):
                    continue
                last = lows[i + size - 1]
                if _phrase_end(last, seq[-1]):
                    for j in range(i, i + size):
                        state[j] = _NEVER
                    resume = i + size
                    break
        self._protect_eponyms()
        self._protect_per()
        self._protect_storms()
        self._protect_departments()
        if "the " in self.text:
            self._protect_after_the()

    def _protect_artists(self, cues: list[int]) -> None:
        """A listed artist or band right after a listening cue, and each one of a list after it
        ("lytte til Taylor Swift og Sigrid", "fan av Karpe"): what is listened to, no person.
        Only the gazetteer's entries: anyone else after the cue is judged as any other word."""
        text, lows, state, starts, ends = self.text, self.lows, self.state, self.starts, self.ends
        n = len(lows)
        artists = _artist_index(self.lists.artists)
        for i in cues:
            j = i + 1
            if j < n and lows[j] == "mye" and lows[i] not in ("fan", "fans"):
                j += 1  # "hører mye på Karpe"
            if j + 1 >= n or lows[j] not in _LISTEN_CUES[lows[i]]:
                continue
            if any(text[ends[k] : starts[k + 1]] not in (" ", "\t") for k in range(i, j + 1)):
                continue
            j += 1
            while j < n:
                size = next(
                    (
                        len(seq)
                        for seq in artists.get(lows[j], ())
                        if j + len(seq) <= n and all(lows[j + k] == seq[k] for k in range(len(seq)))
                    ),
                    0,
                )
                if not size or self.is_blocked_span(starts[j], ends[j + size - 1]):
                    break
                for k in range(j, j + size):
                    state[k] = _NEVER
                j += size
                if j >= n:
                    break
                gap = text[ends[j - 1] : starts[j]]
                if gap in (" ", ", ") and lows[j] in ("og", "eller") and j + 1 < n:
                    j += 1
                elif gap != ", ":
                    break

    def _protect_characters(self) -> None:
        """The characters of a book, a story or a film after the word for it and "om" or "der"
        ("leser fortellinger om Albert Åberg og Karsten og Petra", "boka der Gubben hjelper
        Albert", "filmen om Elsa"), to the end of the sentence: people of the story, not of the
        case. A word with an age, or after a role word or "med", "for", "hos" ("med Emma (5)",
        "for mor Kari"), or after the clause of the story ends with a comma ("…, sa Kari"), is
        still judged as any other word."""
        text = self.text
        lows, words, state, starts, ends = self.lows, self.words, self.state, self.starts, self.ends
        n = len(lows)
        for i in [i for i in self._where(map(_STORY_LINKS.__contains__, lows)) if i]:
            k = i - 1
            if lows[k] in ("handler", "handlar") and k >= 2 and lows[k - 1] == "som":
                k -= 2  # "boka som handler om …"
            if lows[k] not in _STORY_NOUNS or any(text[ends[m] : starts[m + 1]] != " " for m in range(k, i)):
                continue
            j = i + 1
            while j < n:
                if words[j][0].isupper() and not state[j] and not self.is_blocked(j):
                    before = lows[j - 1] if j else ""
                    if not (
                        before in ROLE_TRIGGERS
                        or before in _STORY_PERSON_BEFORE
                        or _AGE_AFTER.match(text, ends[j])
                    ):
                        state[j] = _NEVER
                if j + 1 >= n:
                    break
                gap = text[ends[j] : starts[j + 1]]
                if any(c in _STORY_END for c in gap) or ("," in gap and not words[j + 1][0].isupper()):
                    break  # the sentence ends, or a clause after a comma ("…, sa Kari") begins
                j += 1

    def _protect_per(self) -> None:
        """"Per i dag", "per uke", "per 1. mars": the preposition, even in a note about a Per."""
        lows, state, text, ends, starts = self.lows, self.state, self.text, self.ends, self.starts
        n = len(lows)
        for i in [i for i in self._where(map(eq, lows, repeat("per"))) if i < n - 1]:
            if state[i]:
                continue
            if i and lows[i - 1] in _PERSON_BEFORE and text[ends[i - 1] : starts[i]] == " ":
                continue  # "prata med per i går" is a Per
            nxt = lows[i + 1]
            next_to = text[ends[i] : starts[i + 1]] == " "
            if _PER_DATE_RE.match(text, ends[i]) or next_to and (
                nxt in _PER_OBJECTS or (nxt == "i" and i + 2 < n and lows[i + 2] in _PER_I_OBJECTS)
            ):
                state[i] = _NEVER

    def _protect_after_the(self) -> None:
        """Capitalised words right after English «the» name a thing, a place or a service ("the
        Family Centre", "the Youth Clinic"), not a person; a listed name stays one ("the Hansen
        family" names the Hansens), and so does a plural no lexicon knows ("the Andersons")."""
        lows, words, state, gaps = self.lows, self.words, self.state, self.gaps
        n = len(lows)
        for i in self._cue_hits(_THE):
            j = i + 1
            while j < n and gaps[j] == " " and words[j][0].isupper() and not state[j] and not self.listed(lows[j]):
                if lows[j].endswith("s") and not self.known_word(lows[j]):
                    break  # "the Andersons": a family named by its surname
                state[j] = _NEVER
                j += 1

    def _cue_hits(self, cues: frozenset[str]) -> list[int]:
        """The indices of the words of `cues` (one of `_LATER_CUES`' sets), from one scan of the text
        for all of them."""
        if self._cue_at is None:
            self._cue_at = self._where(map(_LATER_CUES.__contains__, self.lows))
        lows = self.lows
        return [i for i in self._cue_at if lows[i] in cues]

    def _particle_before_thing(self, tail: str) -> bool:
        """The word after a name's particle and its hyphen is a place or a feast ("al-Eid"), no name."""
        return tail in self.lists.proper and tail not in self.lists.names

    def _protect_departments(self) -> None:
        """A kindergarten's or a base's department after it, in brackets or after a comma
        ("barnehagen (Fjellsol)", "Fagerlund barnehage, Småtrolla"): a place, unless a listed name
        ("barnehagen (Kari)" says who called)."""
        lows, words, state, gaps = self.lows, self.words, self.state, self.gaps
        n = len(lows)
        for i in self._cue_hits(_DEPARTMENT_CUES):
            j = i + 1
            if (
                j < n
                and gaps[j] in (" (", ", ")
                and words[j][0].isupper()
                and not state[j]
                and not self.listed(lows[j])
                # the name ends there: "(Fjellsol):", ", Småtrolla." (not ", Zyrafa svarte")
                and self.text[self.ends[j] : self.ends[j] + 1] in ("", ".", ",", ")", ":", ";")
            ):
                state[j] = _NEVER

    def _protect_storms(self) -> None:
        """A storm's name right after the word for it ("ekstremværet Ingunn", "stormen Gyda"): the
        weather service names storms with given names, and a storm is no person."""
        lows, words, state, text, ends, starts = self.lows, self.words, self.state, self.text, self.ends, self.starts
        n = len(lows)
        for i in self._cue_hits(_STORM_WORDS):
            j = i + 1
            if j < n and not state[j] and words[j][0].isupper() and text[ends[i] : starts[j]] == " ":
                state[j] = _NEVER

    def _protect_eponyms(self) -> None:
        """A disease named after its describer ("Crohns sykdom", "Aspergers syndrom") is no person.
        A listed name ("Karis sykdom", "Williams syndrom") or a word after a capitalised one
        ("Ola Hansens sykdom") stays a name: which it is cannot be told, and a name must go."""
        lows, words, state, names = self.lows, self.words, self.state, self.lists.names
        # the few words before "sykdom", "syndrom" …, found by one search of the text
        starts = self.starts
        # a match starts one letter before "ykdom", "jukdom" …: tried only there
        tails = sorted(at - 1 for at, _ in _literal_hits(self.text, _EPONYM_TAILS) if at)
        at = [bisect_left(starts, m.start()) for m in _matches_at(_EPONYM_NEXT_RE, self.text, tails)]
        for i in [j - 1 for j in at if 0 < j < len(lows) and lows[j].startswith(_EPONYM_NEXT)]:
            if (
                words[i][0].isupper()
                and not state[i]
                and not (i and words[i - 1][0].isupper())
            ):
                low = lows[i]
                if low not in names and low.removesuffix("s") not in names:
                    state[i] = _NEVER

    def _classify(self, i: int, trigger: str | None) -> None:
        low, word, lists = self.lows[i], self.words[i], self.lists
        if len(word) == 1:
            return
        if not word[0].isupper():
            if (
                trigger == "name"
                and self.lows[i - 1] in _LOWERCASE_NAME_TRIGGERS
                and low not in lists.words
                and low not in ENGLISH_AUXILIARIES  # "no name is written down"
                and low not in ENGLISH_FUNCTION_WORDS
                and not self.in_vocab(low)
                and (low in lists.given or not self.known_word(low))
            ):
                self.set_name(i, "context")
            elif (
                low in lists.strict_given
                and low not in lists.proper
                and not self.in_vocab(low)
                and not self._month_after_day(i)
                and not self._describes_the_weather(i)
                and not (low == "else" and i and self.lows[i - 1] in _ELSE_BEFORE)
            ):
                self.set_name(i, "lowercase_name" if trigger is None else "context")
            elif trigger in ("role", "talk") and self._lower_given_after(i, trigger):
                self.set_name(i, "context")
            elif (
                trigger == "role"
                and low in lists.surnames
                and low not in lists.words
                and low not in lists.lexicon
                and not self.in_vocab(low)
                and self.text[self.ends[i - 1] : self.starts[i]] == " "
            ):
                self.set_name(i, "context")  # "Lærer hansen så det", "far olsen ringte": a listed surname
            elif (
                trigger == "role"
                and low in lists.surnames
                and low not in FUNCTION_WORDS
                and not self.in_vocab(low)
                and self.text[self.ends[i - 1] : self.starts[i]] == " "
                and i + 1 < len(self.lows)
                and self.gaps[i + 1] == " "
                and self.words[i + 1][0].islower()
                and (self.lows[i + 1] in HUMAN_VERBS or self.verb_form(self.lows[i + 1]))
            ):
                self.set_name(i, "context")  # "kontaktlærer bakke beklaget": a surname that is a word, doing
            elif trigger == "thanks" and self._thanked(i):
                self.set_name(i, "context")  # "ok takk liv, kjem innom": the one thanked
            elif (trigger == "name" and self._signs_off_line(i)) or (trigger == "contact" and self._contacted(i)):
                self.set_name(i, "context")  # "mvh per" ending a line; "ring per på [TELEFON]"
            elif "-" in low and self._hyphenated_given(i, trigger):
                self.set_name(i, "lowercase_name" if trigger is None else "context")
            elif trigger == "name" and self._lower_initials_after_sign_off(i):
                self.set_name(i, "initials")  # "mvh tm", "Med vennlig hilsen, ab"
            return
        if (
            trigger == "role"
            and self.lows[i - 1] in _ENGLISH_TITLES
            and word[1:].islower()
            and low not in FUNCTION_WORDS
            and not self.in_vocab(low)
            and not self.is_blocked(i)
        ):
            self.set_name(i, "context")  # "Mrs Hov", "Mr Lund": the surname after the title, a place or a word too
            return
        # "Hr. Olsen": the title stays; "Fnr", "Pnr": the label of a number
        if low in _ABBR_TRIGGERS or self._unit_or_abbreviation(i) or (low[-2:] == "nr" and _number_label(low)):
            self.state[i] = _NEVER
            return
        if low in ENGLISH_FUNCTION_WORDS:
            self.state[i] = _NEVER  # "The child …" after a long line read as wrapped prose: no name
            return
        if low == "even" and i + 1 < len(self.lows) and self.lows[i + 1] in _EVEN_ADVERB_NEXT and (
                self.gaps[i + 1] == " "):
            self.state[i] = _NEVER  # "Even so, Even was upset": the adverb first, then the boy
            return
        if ("'" in low or "’" in low) and re.split("['’]", low, maxsplit=1)[0] in ENGLISH_FUNCTION_WORDS:
            self.state[i] = _NEVER  # "I'm", "It's", "That's": a word and its contraction
            return
        if low in _ENGLISH_COUNTED and trigger is None and _NUMBER_AFTER_RE.match(self.text, self.ends[i]):
            self.state[i] = _NEVER  # "Student: Elias, Year 9 / 9A", "Room 118": a school year or a room
            return
        if low == "dag" and trigger is None and _DAY_NUMBER_AFTER_RE.match(self.text, self.ends[i]):
            self.state[i] = _NEVER  # "Dag 3 i tilvenning": the third day, not Dag (a «Dag 12 år» is the person)
            return
        if low in ENGLISH_VERBS and i + 1 < len(self.lows) and self.lows[i + 1] in _ENGLISH_AFTER_VERB:
            self.state[i] = _NEVER  # "Lives with uncle": the verb, not the genitive of Live
            return
        if "-" in word and word.rsplit("-", 1)[1] in _SPEAKER_TAILS:
            self.state[i] = _NEVER  # "English-speaking", "Somali-talende": who speaks what, no name
            return
        if "-" in low:
            head, tail = low.split("-", 1)
            if (head in lists.proper and head not in lists.names and tail not in lists.names
                    and (tail in lists.lexicon or tail in lists.words)):
                self.state[i] = _NEVER  # "Sámediggi-materiell", "Hamar-kontoret": a thing of a place
                return
        mode, listed, vocab, ordinary, noun = self._profile(word)
        if (
            not listed
            and len(low) <= 4
            and word[1:].islower()
            and not _HAS_VOWEL_RE.search(unicodedata.normalize("NFD", low))
            # "Elias Kr.", "Ola Nordmann Jr.": a shortened part of the name before it
            and not (i and self.words[i - 1][0].isupper() and self.gaps[i] == " ")
        ):
            self.state[i] = _NEVER  # "Hs kjem", "Ktl ringte": a role written short; a name has a vowel
            return
        if trigger == "child":
            # a capitalised word after "mor til", "far til" inside a sentence is the child, even
            # an ordinary word ("Far til Håp", "mor til Storm"); a place, a service or a role is
            # judged as any other word ("far til Hamar", "mor til Eleven")
            if not (
                mode
                or vocab
                or low in lists.proper
                or low in FUNCTION_WORDS
                or low in ROLE_TRIGGERS
                or self._definite_person(low)
                or self._definite_thing(low)  # "far til Byen"
                or self.sentence_start(self.starts[i])
            ):
                self.set_name(i, "context")
                return
            trigger = None
        if trigger is not None and not listed and low.endswith(_SERVICE_ENDINGS) and len(low) >= 10:
            self.state[i] = _NEVER  # "Tolk (Tolketjenesten, tigrinja)": a service after a role, no person
            return
        if listed or trigger is not None:
            pass
        elif self.text[self.ends[i] : self.ends[i] + 1] in _DIGITS or (
            self.text[self.starts[i] - 1 : self.starts[i]] in _DIGITS_DASH and self._glued_to_digit(i)
        ):
            return  # "Vg1", "Covid19": a grade or a code; still a name where it is one elsewhere
        elif self._role_words.get(low) or (low not in self._role_words and self._role_or_compound(low)):
            self.state[i] = _NEVER  # "Mannen sa …", "Skyss-kontoret" (see below)
            return
        elif self._after_word_that_says_thing(i):
            # "Mannen sa …", "Bibliotekaren sier …", "Elevane seier …": the definite form of a
            # word for a person is that person's role, not a name; "Skyss-kontoret",
            # "Kvello-malen": a hyphenated compound whose last part is a common noun; "Gran
            # Canaria", "Burger King", "Red Bull": the second word of a place or a brand; "en App",
            # "flere Tiktok-videoer": a word after an article or a quantifier is a noun
            self.state[i] = _NEVER
            return
        if mode:  # abbreviations (PPT, BUP) and mixed case (iPad, McDonald): names only when listed
            if (mode == 1 and word.isupper() and trigger is None and i and self.lows[i - 1] in _DETERMINERS
                    and self.words[i - 1].isupper() and self.gaps[i] == " "
                    and (low in lists.words or low in lists.lexicon)):
                self.state[i] = _NEVER  # "EN DAG I UKA" in a note written in capitals: the word after an article
                return
            if mode == 1:
                self.set_name(i, "name_list")
            elif (
                trigger == "name"
                and (self.lows[i - 1] in SIGN_OFFS or self.lows[i - 1] in _ABBR_TRIGGERS)
                and word.isupper()
                and 2 <= len(word) <= 3
                and not self.in_vocab(low)
            ):
                self.set_name(i, "initials")  # "Hilsen TM"
            elif (
                trigger == "role"
                and word.isupper()
                and 2 <= len(word) <= 3
                and _LINE_END_AFTER_RE.match(self.text, self.ends[i])
                # after a person's role even a common abbreviation (KS, the municipalities'
                # association) is initials; a service (PPT, BUP, NAV) or a word of the vocabulary is not
                and word not in _NOT_INITIALS
                and word not in _INSTITUTION_ABBR
                and low not in domain_abbreviations()
                and not self.in_vocab(low)
                and low not in self.lists.words
            ):
                self.set_name(i, "initials")  # "– helsesøster KS" ending a note: who wrote it
            elif mode == 2 and self._initials_opening_sentence(i):
                self.set_name(i, "initials")  # "SD ringte, …": a person's initials, not PPT, NAV
            elif mode == 2 and (self._initials_in_present_list(i) or self._initials_joined_before_verb(i)):
                self.set_name(i, "initials")  # "Til stede: KN, TS og PPT.", "KN og TS var til stede"
            elif mode == 2:
                self.state[i] = _NEVER
            return
        if "-" in low and not vocab and not listed and self._double_surname(i):
            self.set_name(i, "context")  # "Storm Dal-Nes ringte", "Familien Dal-Nes flytter"
            g = i - 1
            if (
                g >= 0
                and self.words[g][0].isupper()
                and self.lows[g] in lists.given
                and self.text[self.ends[g] : self.starts[i]] == " "
                and not self.in_vocab(self.lows[g])
                and not self.is_blocked(g)
            ):
                self.set_name(g, "adjacent")  # "…, Storm Dal-Nes, tok over": the given name too
            return
        if (low in _ENGLISH_MONTHS and trigger not in ("name", "role", "child") and self._english_month_date(i)
                and not self._age_then_verb(i)):  # "April (4) told Bo …" is the girl
            self.state[i] = _NEVER  # "ends in May", "until August", "Monday 3 May": a date
            return
        if low in _WEEKDAY_ABBREVIATIONS and trigger not in ("name", "role", "child") and (
                _WEEKDAY_DATE_AFTER_RE.match(self.text, self.ends[i])):
            self.state[i] = _NEVER  # "Date: Thu 20 Mar 2026 14:02": the weekday of a date, not the name Thu
            return
        if low in _NORWEGIAN_WEEKDAY_ABBREVIATIONS and (
            _NUMERIC_DATE_AFTER_RE.match(self.text, self.ends[i])
            # "Tir 18.03", "Ons 19.03 kl 12": without the full stop, only a shortening that is no name
            or (low not in _WEEKDAY_NAMES and _NUMERIC_DATE_OR_TIME_AFTER_RE.match(self.text, self.ends[i]))
        ):
            self.state[i] = _NEVER  # "Tor. 6.11: Tor (7 år) kom heim …": Thursday, then the boy
            return
        if low in _WEEKDAY_ABBREVIATIONS and _CLOCK_AFTER_RE.match(self.text, self.ends[i]):
            self.state[i] = _NEVER  # "Mon 10:02 Dad: Hi …": an SMS thread's day and time
            return
        if low in ENGLISH_KIN and low not in _ENGLISH_TITLES and low != "dr" and word[1:].islower():
            self.state[i] = _NEVER  # "Dad: Hi, this is Ahmad", "Mum said": the parent, no name
            return
        if (low in ENGLISH_VERBS and low not in ENGLISH_SMALL_WORD_NAMES and i + 1 < len(self.lows)
                and self.gaps[i + 1] == " " and self.lows[i + 1] in _ENGLISH_OBJECTS):
            self.state[i] = _NEVER  # "16:05 Told mum when …", "Called dad": the verb, the writer's
            return
        if low in _MONTH_ABBREVIATIONS and trigger not in ("name", "role", "child") and self._abbreviated_month(i):
            self.state[i] = _NEVER  # "4 Feb", "Jan 12", "13. jan": a date, not the name Jan
            return
        if trigger == "name":
            if self._names_a_pet(i):
                self.state[i] = _NEVER  # "en hund som heter Bamse": an animal's name is no personal data
                return
            if not listed and self._names_a_thing(i):
                self.state[i] = _NEVER  # "Kurset heter Sinnemestring", "en app som heter Kahoot"
                return
            # "kalt Nok": a word that survives only inside a phrase ("Nok Elverum") is a name here
            if listed or not self.in_vocab(low) or low in self.vocab.phrase_only:
                self.set_name(i, "context")
            return
        if trigger == "role" and low.endswith("isk") and not listed:
            self.state[i] = _NEVER  # "far Eritreisk": an adjective of a country, not a name
            return
        if trigger == "role" and not listed and self._department_after_leader(i):
            self.state[i] = _NEVER  # "pedagogisk leder Solsikken": the department, not a person
            return
        if trigger == "role" and (
            listed or not (vocab or (ordinary and self.hand_ordinary(low))) or self._place_as_surname(i)
        ):
            self.set_name(i, "context")
            return
        if vocab:
            if low in _MONTH_NAMES and ((listed and self._month_used_as_name(i)) or self._age_then_verb(i)):
                self.set_name(i, "capitalised")  # "August er …", "April (4) told Bo": the child
            else:
                self.state[i] = _NEVER
            return
        if low not in FUNCTION_WORDS and self._age_then_verb(i):
            # "Håp (4) har slått seg", "- Vilje (5): sovnar": a word with an age in brackets
            # and then a verb is a child, whatever else the word means
            self.set_name(i, "context")
            return
        if low in _NATURE_WORDS and self._beside_nature_word(i):
            self.state[i] = _NEVER  # "Snø hele natta, Storm og kulde", "Eik og bjørk"
            return
        if low in _SEASON_WORDS and _IN_THE_AIR_RE.match(self.text, self.ends[i]):
            self.state[i] = _NEVER  # "Vår i lufta i dag": the season in the air, not a child
            return
        if (
            self._names_institution(i)
            or ("-" in low and self._club_spelling(low))
            or (i + 1 < len(self.words) and "-" in self.words[i + 1] and self._names_a_model(i))
        ):
            # "Lyngstad skole", "Vang barnehage", "Løten IL", "Frøya kommune": a place;
            # "Sondre Land-modellen": a model named after a place; "Ham-Kam": a club
            self.state[i] = _NEVER
            return
        if self._place_of_institution(i):
            self.state[i] = _NEVER  # "Ungdomsklubben på Lund", "skolen i Moelv": the place it is at
            return
        if not listed and (self._place_context(i) or self._beside_a_place(i) or self._after_thing_verb(i)):
            # "ferie i Sjusjøen", "flyttet til Kirkenær": a place; "spiller Valorant", "bruker
            # snus og Vape", "laster ned Threads": a game, an app or a product
            self.state[i] = _NEVER
            return
        at_start = self.sentence_start(self.starts[i]) or (
            # a label that opens a line ("Saksliste: 1) …", "Funn: …") says nothing by its capital
            self.text[self.ends[i] : self.ends[i] + 1] == ":" and self.line_start(self.starts[i])
        )
        if not at_start:
            if listed:
                self.set_name(i, "name_list")
                return
            if ordinary or noun:
                # a surname like a farm name has a noun's ending too: "Sander Rønningen"
                surname_like = (
                    not noun
                    or low.endswith(_SURNAME_HEADS)
                    # after a given name found as one, a capitalised word with a noun's ending
                    # is a surname too ("Hanne Grøtting", "Ola Kvisling")
                    or (i and self.lows[i - 1] in self.lists.given and self.reason.get(i - 1) == "name_list")
                )
                spaced = i and self.gaps[i] == " "
                if surname_like and low not in FUNCTION_WORDS and (
                    (spaced and self.state[i - 1] == _NAME) or self._after_initial(i)
                ):
                    self.set_name(i, "adjacent")  # a surname that is a word too: "Emma Sofie Dal", "I. Nes"
                elif (
                    not noun
                    and spaced
                    and low not in FUNCTION_WORDS
                    and self.state[i - 1] == 0
                    and self.words[i - 1][0].isupper()
                ):
                    pass  # "Geir Ove Nes": decided with its neighbour, when "Ove" is known a name
                elif not noun and not self.hand_ordinary(low):
                    # a word of the large lexicon only, capitalised inside a sentence: a surname
                    # that is a word too ("Vi ringte Fossen") when someone is talked to, and
                    # left to its neighbours otherwise ("Fossen sa at …", "Ola og Fossen")
                    if self.talk_context(i):
                        self.set_name(i, "context")
                    else:
                        self.weak.add(i)
                elif noun and self.talk_context(i) and self._plural_definite(low):
                    self.set_name(i, "context")  # "Vi ringte Bakkene": a surname, not "Spirene lekte"
                else:
                    self.state[i] = _NEVER
                return
            if not self.heading_line(self.starts[i]):
                self.set_name(i, "capitalised")
                return
        # start of a sentence (or a title-cased line): capitals say nothing
        if listed and low not in lists.words and low not in lists.proper:
            self.set_name(i, "name_list")
        elif listed and low in lists.given and (
            self.after_note_label(self.starts[i]) or _BIRTH_AFTER_NAME_RE.match(self.text, self.ends[i])
        ):
            # "Telefonnotat: Tor ringte": a given name right after a note label is a name even
            # when it is an ordinary word too ("tor", "liv", "per"); so is one before a date of
            # birth, with its surname or not ("Lin Dal f. 07.10.2018", "Liv (født 2015)")
            self.set_name(i, "name_list")
        elif not listed and self.verb_form(low):
            self.state[i] = _NEVER  # "Drikker Red Bull …", "Kjøpte sko", "Spelar Roblox": a verb
        elif listed or not (noun or (ordinary and self.hand_ordinary(low))):
            # left to its neighbours ("Zyrafa sa at …"); a word of the large lexicon is one
            # too, but never by an auxiliary alone ("Astma har …")
            self.weak.add(i)

    def _verb_follows(self, i: int) -> bool:
        """A finite verb right after the word, with one space between ("Nes ringte", "Hov er")."""
        j = i + 1
        if j >= len(self.words) or self.text[self.ends[i] : self.starts[j]] != " ":
            return False
        nxt = self.lows[j]
        return nxt in HUMAN_VERBS or nxt in SUBJECT_VERBS or (
            self.words[j][0].islower() and nxt not in FUNCTION_WORDS and self.verb_form(nxt)
        )

    def _place_as_surname(self, i: int) -> bool:
        """A place right after a role or kinship word is a person's surname before a verb
        ("Helsesykepleier Nes ringte", "Rektor Hov er enig", "Far Hov kom") and where the name
        ends: the end of the sentence or the line, a comma, «og», «i dag», a bracket ("Møte med
        far Hov.", "Til stede: far Hov, mor Nes.", "Snakket med far Hov i dag."); "rektor på Hov",
        "skolen på Nes" have a preposition between and never come here."""
        low = self.lows[i]
        return (
            low in self.lists.proper
            and "-" not in low
            and self.text[self.ends[i - 1] : self.starts[i]] == " "
            and not self.in_vocab(low)
            and (
                self._verb_follows(i)
                or (
                    # after an interpreter the word is the language ("tolk Somali."), in an English
                    # note a nationality ("the mother Ethiopian.")
                    self.lows[i - 1] not in _INTERPRETERS
                    and self.lows[i - 1] not in ENGLISH_KIN
                    and _NAME_SLOT_END_RE.match(self.text, self.ends[i]) is not None
                )
            )
        )

    def _initials_opening_sentence(self, i: int) -> bool:
        """Two capitals that open a sentence before a verb are a person's initials ("SD ringte");
        a known abbreviation (PPT, BUP, NAV, SFO, TUT, SLT, IL, OK …) is not."""
        return (
            len(self.words[i]) == 2
            and self._unknown_capitals(i)
            and self.sentence_start(self.starts[i])
            and self._verb_follows(i)
        )

    def _unknown_capitals(self, i: int) -> bool:
        """Two or three capitals that are no known abbreviation: not a service, an agency or a
        word of the vocabulary (PPT, BUP, NAV, SFO, OT, UDI, IL, OK …; a municipality's own
        acronyms are in its vocabulary), nor a word written in capitals ("MOR", "OG")."""
        word, low = self.words[i], self.lows[i]
        return (
            2 <= len(word) <= 3
            and word.isupper()
            and word not in _NOT_INITIALS
            and word not in _INSTITUTION_ABBR
            and word not in _COMMON_TWO_LETTER_ABBR
            and word not in _COMMON_THREE_LETTER_ABBR
            and low not in domain_abbreviations()
            and low not in self.lists.words
            and low not in self.lists.lexicon
            and low not in FUNCTION_WORDS
            and low not in ROLE_TRIGGERS
            and not self.in_vocab(low)
        )

    def _initials_in_present_list(self, i: int) -> bool:
        """Two or three capitals that are no known abbreviation, as an item of a list of who took
        part ("Til stede: KN, TS og PPT.", "Forfall: mor, GH"), are a person's initials."""
        text, start = self.text, self.starts[i]
        begin = text.rfind("\n", 0, start) + 1
        if text.find(":", begin, start) == -1:
            return False  # every such label ends in a colon
        label = None
        for label in _PRESENT_LABEL_RE.finditer(text, begin, start):  # noqa: B007 (the last one)
            pass
        if label is None or _SENTENCE_BREAK_RE.search(text, label.end(), start):
            return False
        item = _LIST_ITEM_BEFORE_RE.search(text, max(label.end() - 1, start - 5), start) is not None or (
            # "PPT (JOH)", "kontaktlærer (HBS)": the initials in brackets after a role or a service
            i > 0
            and text[self.ends[i - 1] : start] in (" (", "(")
            and (self.lows[i - 1] in ROLE_TRIGGERS or self.in_vocab(self.lows[i - 1]))
        )
        return item and _LIST_ITEM_AFTER_RE.match(text, self.ends[i]) is not None and self._unknown_capitals(i)

    def _initials_joined_before_verb(self, i: int) -> bool:
        """Capitals joined by «og» (and commas) before a verb, each of two or three letters, are
        persons where they are no known abbreviation ("KN og TS var til stede", "PPT og KN
        møtte"); "PPT og BUP er enige" names two services."""
        if not self._unknown_capitals(i):
            return False
        first = last = i
        joined = False
        while True:
            step = self._next_capitals(first, -1)
            if not step:
                break
            first += step
            joined = joined or step == -2
        while True:
            step = self._next_capitals(last, 1)
            if not step:
                break
            last += step
            joined = joined or step == 2
        return joined and self._verb_follows(last)

    def _next_capitals(self, k: int, direction: int) -> int:
        """How far the next word of capitals in a list stands from word k (1 after a comma, 2
        after «og»; negative before it), or 0 when none is joined to it."""
        words, lows, text, starts, ends, n = self.words, self.lows, self.text, self.starts, self.ends, len(self.words)
        near, far = k + direction, k + 2 * direction
        if 0 <= near < n and _capitals(words[near]):
            a, b = min(k, near), max(k, near)
            return direction if text[ends[a] : starts[b]] == ", " else 0
        if 0 <= far < n and lows[near] == "og" and _capitals(words[far]):
            a, b = min(k, far), max(k, far)
            return 2 * direction if text[ends[a] : starts[near]] == " " == text[ends[near] : starts[b]] else 0
        return 0

    def _double_surname(self, i: int) -> bool:
        """A double surname of two words or places ("Dal-Nes"): each part capitalised, before a
        verb, after a given name or after the word for the family ("Storm Dal-Nes ringte",
        "Familien Dal-Nes flytter"); not a route or a region of two places ("Hamar-Elverum",
        "Nord-Norge") nor a known place or word."""
        word, low, lists = self.words[i], self.lows[i], self.lists
        if not _DOUBLE_SURNAME_RE.fullmatch(word) or low in lists.proper or low in lists.words:
            return False
        parts = low.split("-")
        if parts[0] in _DIRECTION_HEADS or any(p in FUNCTION_WORDS or p in self.vocab.singles for p in parts):
            return False
        # a part the frequency list knows goes with a listed surname ("Haugen-Tvete")
        if not all(p in lists.surnames or p in lists.words or p in lists.proper
                   or (p in lists.lexicon and any(q in lists.surnames for q in parts)) for p in parts):
            return False
        if not any(p in lists.surnames or p in lists.words for p in parts):
            return False  # two towns: a route
        if self._verb_follows(i):
            return True
        if not i or self.text[self.ends[i - 1] : self.starts[i]] != " ":
            return False
        before = self.lows[i - 1]
        return before in _FAMILY_HEADS or (self.words[i - 1][0].isupper() and before in lists.given)

    def _kin_til_lower_names(self) -> None:
        """A lower-case given name that is a word too after a kinship word and «til», before a
        verb, a comma or the end of the sentence, is the child ("Mora til eik ringte", "Faren til
        sol, …", "Bror til ask har gått ut"); "til sol og varme", "ble til ask" have no kin."""
        lows, words, text, state, n = self.lows, self.words, self.text, self.state, len(self.words)
        for k in self._where(map(eq, lows, repeat("til"))):
            i = k + 1
            if not k or i >= n or state[i] or lows[k - 1] not in _KIN_BEFORE_TIL:
                continue
            if text[self.ends[k - 1] : self.starts[k]] != " " or text[self.ends[k] : self.starts[i]] != " ":
                continue
            low = lows[i]
            if (
                not words[i][0].islower()
                or low not in self.lists.given
                or low in FUNCTION_WORDS
                or low in self.lists.proper
                or self.in_vocab(low)
                or self.is_blocked(i)
            ):
                continue
            partner = self._lower_partner(i)
            if self._ends_kin_name(i) or partner:
                self.set_name(i, "context")
            if partner:
                self.set_name(partner, "context")  # "mor til storm og fjell ringte": two children

    def _lower_given_opening_line(self) -> None:
        """A given name that is a word too, in lower case at the start of a line of a note written
        in lower case, is the child when what follows says what a person does or how a person is
        ("lykke var blid i dag", "ask lekte ute"): a verb of a person, or «er»/«var» and a word for a
        mood or health; "lykke til med møtet", "storm var det i natt" say nothing of a person."""
        text, lows, words, starts, ends, state = self.text, self.lows, self.words, self.starts, self.ends, self.state
        given = self.lists.given
        n = len(words)
        for opening in _matches_at(_LOWER_LINE_START_RE, text, _line_starts(text)):
            i = bisect_left(starts, opening.end())
            if i + 1 >= n or starts[i] != opening.end() or state[i]:
                continue
            low = lows[i]
            if (
                low not in given
                or low in FUNCTION_WORDS
                or low in AMBIGUOUS_LOWER
                or low in ROLE_TRIGGERS
                or low in self.lists.proper
                or len(low) < 3
                or text[ends[i] : starts[i + 1]] != " "
                or self.in_vocab(low)
                or self.is_blocked(i)
            ):
                continue
            verb = lows[i + 1]
            person = verb in HUMAN_VERBS and (low not in _NATURE_WORDS or verb not in _WEATHER_CAN)
            if (
                not person
                and verb in _COPULAS
                and i + 2 < n
                and text[ends[i + 1] : starts[i + 2]] == " "
                and lows[i + 2] in _PERSON_STATES
            ):
                person = True
            if not person and _CLASS_AFTER.match(text, ends[i]):
                person = True  # "storm i 8B kom på kontoret": a pupil named by the class
            if person:
                self.set_name(i, "context")

    def _ends_kin_name(self, i: int) -> bool:
        """A name after «mor til» ends here: a comma or the end of the sentence, a verb or a time."""
        after = self.text[self.ends[i] : self.ends[i] + 1]
        timed = _WHEN_AFTER_RE.match(self.text, self.ends[i]) is not None  # "mamma til aksel kl 0830"
        return after in (",", ".", "!", "?", ";", "") or self._verb_follows(i) or timed

    def _lower_partner(self, i: int) -> int:
        """The index of a second lower-case word joined by «og» to the child's name after «mor
        til» ("mor til storm og fjell ringte"), where the name ends after it; 0 when there is none.
        A word for a person, a place or a word of the vocabulary is no such name ("mor til ask og
        far", "mor til sol og venner" has no verb after it)."""
        lows, words, text = self.lows, self.words, self.text
        j = i + 2
        if (
            j >= len(words)
            or lows[i + 1] != "og"
            or text[self.ends[i] : self.starts[i + 1]] != " "
            or text[self.ends[i + 1] : self.starts[j]] != " "
        ):
            return 0
        low = lows[j]
        if (
            self.state[j]
            or not words[j][0].islower()
            or len(low) < 3
            or low in FUNCTION_WORDS
            or low in ROLE_TRIGGERS
            or low in _KIN_BEFORE_TIL
            or low in self.lists.proper
            or self.in_vocab(low)
            or self.is_blocked(j)
        ):
            return 0
        return j if self._ends_kin_name(j) else 0

    def _age_then_verb(self, i: int) -> bool:
        if "(" not in self.text[self.ends[i] : self.ends[i] + 3]:
            return False  # the cheap test first: no bracket, no age
        low = self.lows[i]
        if low in ROLE_TRIGGERS or low in _SIBLING_ORDER or low in _PERSON_NOUNS:
            # "Jenta (14) har …", "Eldste (15) går …", "Gutt (13) har …": the person is named elsewhere
            return False
        if len(low) < 3:
            return False
        if (
            low.endswith((*_DEFINITE_ENDINGS, "a"))
            and low not in self.lists.given
            and (self.ordinary(low) or self.known_word(low) or self.looks_like_common_noun(low))
        ):
            return False  # "Gruppene (4) har …", "Klassa (3) var …": a plural or definite noun and a count
        m = _AGE_AFTER.match(self.text, self.ends[i])
        if not m:
            return False
        if m.group().rstrip(" \t)")[-1:].isalpha() and low not in self.lists.given and (
            self.ordinary(low) or self.looks_like_common_noun(low)
        ):
            return False  # "Møterom (2B) er ledig": a class or a room's number after a word, no pupil
        verb = _VERB_AFTER.match(self.text, m.end())

        def given_or_no_word() -> bool:
            return low in self.lists.given or not (self.ordinary(low) or self.looks_like_common_noun(low))

        if verb is None:
            # "barna Abdirahman (15), Ayaan (12), Hamda (9), …": one of a list of children with ages
            after = _NEXT_CHILD_RE.match(self.text, m.end())
            return after is not None and after.group(1).lower() in self.lists.given and given_or_no_word()
        if verb.group(1) is None:  # "- Vilje (5): …", a list of children; not "- Samtale (2): …"
            return given_or_no_word() or self._child_list_nearby(self.starts[i])
        said = verb.group(1).lower()
        if said in ("og", "eller"):
            # "Håp (6) og storebror Sverre (9) …": two people with their ages; "Nor (10 dagar) og
            # mor …": a baby and its parent
            line_end = self.text.find("\n", m.end())
            rest = self.text[m.end() : len(self.text) if line_end < 0 else min(line_end, m.end() + 40)]
            parent = _WORD_AFTER_AND.match(self.text, verb.end())
            return _AGE_IN_RE.search(rest) is not None or (
                parent is not None and parent.group(1).lower() in _PARENT_WORDS and m.group().rstrip(" )").endswith(
                    _BABY_AGE_UNITS))
        return said in _AGE_VERBS

    def _child_list_nearby(self, pos: int) -> bool:
        """A line next to this one lists a child by a given name and an age ("- Tiril (5): …")."""
        text = self.text
        begin = text.rfind("\n", 0, pos) + 1
        before = text.rfind("\n", 0, max(0, begin - 1)) + 1
        end = text.find("\n", pos)
        after = len(text) if end < 0 else text.find("\n", end + 1)
        lines = [text[before : max(before, begin - 1)]]
        if end >= 0:
            lines.append(text[end + 1 : len(text) if after < 0 else after])
        for line in lines:
            m = _CHILD_LINE.match(line)
            if m and m.group(1).lower() in self.lists.given:
                return True
        return False

    def _place_context(self, i: int) -> bool:
        """A word after "i", or after moving to or from ("flyttet til", "kom fra"): a place
        (a person is with, at or from someone, never in them)."""
        if not i or self.gaps[i] != " ":
            return False
        before = self.lows[i - 1]
        if before == "i":
            return not (i >= 2 and self.lows[i - 2] in _FOND_OF)  # "glad i Zyrafa"
        if before == "på":  # "hytta på Sjusjøen", "var på Legoland"; not "passet på Zyrafa"
            return i >= 2 and self.lows[i - 2] in _BEING_AT and self.gaps[i - 1] == " "

        return (
            before in _PLACE_PREPOSITIONS
            and i >= 2
            and self.lows[i - 2] in _MOTION_VERBS
            and self.gaps[i - 1] == " "
        )

    def _given_and_middle_before(self, k: int) -> bool:
        """A given name that is a word too and a place or surname before a name: "Tone Hov Sletten",
        "Liv Nes Berg" (each of the first two would stay alone; before a surname they are the name)."""
        lows, words, state, gaps, lists = self.lows, self.words, self.state, self.gaps, self.lists
        g, m = k - 2, k - 1
        return (
            gaps[k] == " "
            and gaps[m] == " "
            and words[m][0].isupper()
            and words[g][0].isupper()
            and state[g] != _NAME
            and state[m] != _NAME
            and lows[g] in lists.given
            and lows[g] not in ROLE_TRIGGERS
            and lows[g] not in FUNCTION_WORDS
            and (lows[m] in lists.proper or lows[m] in lists.surnames)
            and not self.in_vocab(lows[g])
            and not self.in_vocab(lows[m])
            and not self.is_blocked(g)
            and not self.is_blocked(m)
            and not (g and state[g - 1] == _NAME and gaps[g] == " ")
        )

    def _describes_the_weather(self, i: int) -> bool:
        """A lower-case word right before the weather it describes: "sol, linn vind og minus åtte"."""
        j = i + 1
        return (
            j < len(self.lows)
            and self.words[j][0].islower()
            and self.lows[j] in _WEATHER_NOUNS
            and self.text[self.ends[i] : self.starts[j]] == " "
        )

    def _beside_nature_word(self, i: int) -> bool:
        """A tree, a season or the weather that is a name too, listed with another such word in
        lower case ("Storm og kulde", "Eik og bjørk", "regn og Storm"); two capitalised ones may
        be two children ("Vår og Sol er tvillingar")."""
        text, lows, words, starts, ends = self.text, self.lows, self.words, self.starts, self.ends
        n = len(lows)
        for j, k in ((i + 2, i + 1), (i - 2, i - 1)):
            if 0 <= j < n and lows[k] in ("og", "eller") and words[j][0].islower() and lows[j] in _NATURE_WORDS:
                a, b = (i, k) if k > i else (k, i)
                c, d = (k, j) if j > k else (j, k)
                if text[ends[a] : starts[b]] == " " and text[ends[c] : starts[d]] == " ":
                    return True
        for j in (i + 1, i - 1):
            if 0 <= j < n and words[j][0].islower() and lows[j] in _NATURE_WORDS:
                a, b = (i, j) if j > i else (j, i)
                if text[ends[a] : starts[b]] == ", ":
                    return True
        return False

    def _place_of_institution(self, i: int) -> bool:
        """A capitalised word after "på" or "i" after a club, school or centre in the definite form
        ("Ungdomsklubben på Lund", "barnehagen i Moelv"): the place it is at, even a listed name."""
        lows, gaps = self.lows, self.gaps
        if i < 2 or lows[i - 1] not in ("på", "i") or gaps[i] != " ":
            return False
        if gaps[i - 1] != " ":
            return False
        before = lows[i - 2]
        return before.endswith(_INSTITUTION_ENDINGS) and before not in ROLE_TRIGGERS and not self.listed(before)

    def _names_a_pet(self, i: int) -> bool:
        """"en hund som heter Bamse", "Katten hennes heiter Pus": the name is an animal's."""
        lows = self.lows
        if i < 2 or lows[i - 1] not in _NAMING_VERBS:
            return False
        k = i - 2
        if lows[k] == "som" and k:
            k -= 1
        if lows[k] in _POSSESSIVES and k:
            k -= 1  # "hunden deres heter …"
        return lows[k] in _PET_NOUNS

    def _signs_off_line(self, i: int) -> bool:
        """A lower-case given name that is a word too, one space after a sign-off and ending its
        line ("mvh per", "helsing tor."): a signature; not "mvh. per e-post"."""
        lows, text = self.lows, self.text
        if lows[i - 1] not in SIGN_OFFS or text[self.ends[i - 1] : self.starts[i]] != " ":
            return False
        if lows[i] not in self.lists.given or lows[i] in FUNCTION_WORDS or self._vocab_not_month(lows[i]):
            return False
        return _LINE_END_RE.match(text, self.ends[i]) is not None

    def _vocab_not_month(self, low: str) -> bool:
        """A vocabulary word other than a month ("mai" signing off or called is a Mai)."""
        return low not in _ALL_MONTHS and self.in_vocab(low)

    def _contact_before(self, i: int) -> bool:
        """A verb of contacting someone right before ("ring", "spør") or before "til"/"med"
        ("send til", "snakk med")."""
        lows, text, starts, ends = self.lows, self.text, self.starts, self.ends
        if not i or text[ends[i - 1] : starts[i]] != " ":
            return False
        if lows[i - 1] in _CONTACT_VERBS:
            return True
        if (
            i >= 3
            and lows[i - 1] == "til"
            and lows[i - 2] == "tilbake"
            and lows[i - 3] in _CONTACT_VERBS
            and text[ends[i - 3] : starts[i - 1]] == " tilbake "
        ):
            return True  # "ring tilbake til per – …"
        return (
            i >= 2
            and lows[i - 1] in ("til", "med", "me")  # "prata me per": dialect «me» is «med»
            and lows[i - 2] in _CONTACT_VIA
            and text[ends[i - 2] : starts[i - 1]] == " "
        )

    def _contacted(self, i: int) -> bool:
        """A lower-case given name that is a word too after a verb of contact, before "på" and a
        phone number, "om" or "i morgen" ("ring per på [TELEFON]", "spør liv om møtet"); not "ring
        per telefon"."""
        low, text, lists = self.lows[i], self.text, self.lists
        if low not in lists.given or low in FUNCTION_WORDS or low in lists.proper or self._vocab_not_month(low):
            return False
        m = _CONTACT_FOLLOW_RE.match(text, self.ends[i])
        if m is None:
            # "ring tilbake til per – bestefar til …": the person, said who it is
            return i + 1 < len(self.lows) and self.lows[i + 1] in ROLE_TRIGGERS and (
                text[self.ends[i] : self.starts[i + 1]] in (" – ", " — ", " - ", ", ")
            )
        if m.group(1) is None:
            return True  # "om …", "i morgen"
        at = m.end()
        return at < len(text) and (text[at].isdigit() or text[at] == "+" or self.is_blocked_span(at, at + 1))

    def _glued_to_digit(self, i: int) -> bool:
        """The word touches a digit ("Vg1", "Covid19", "6-Ukerskontroll"): never a name."""
        text, start = self.text, self.starts[i]
        if text[self.ends[i] : self.ends[i] + 1] in _DIGITS:
            return True
        before = text[start - 2 : start] if start >= 2 else " " + text[:start]
        return before[1:] in _DIGITS or (before[1:] == "-" and before[:1] in _DIGITS)

    def _after_institution(self, i: int) -> bool:
        """The word names the school, club or centre that the word before it is
        ("Danseskolen Pirouette", "Ungdomsklubben Tårnet", "Fritidsklubben Bølgen")."""
        if not i or self.gaps[i] != " " or not self.words[i - 1][0].isupper():
            return False
        before = self.lows[i - 1]
        return before.endswith(_INSTITUTION_ENDINGS) and before not in ROLE_TRIGGERS and not self.listed(before)

    def _role_or_compound(self, low: str) -> bool:
        found = self._role_words.get(low)
        if found is None:
            found = self._role_words[low] = self._definite_person(low) or self._noun_compound(low)
        return found

    def _names_a_thing(self, i: int) -> bool:
        """"heter" or "kalles" names a course, a group, an app or a programme, not a person:
        "Kurset heter …", "Gruppa heiter …", "et tilbud som heter …", "appen kalles …"."""
        lows = self.lows
        if i < 2 or lows[i - 1] not in _NAMING_VERBS:
            return False
        subject = lows[i - 2]
        if subject == "som" and i >= 3:
            subject = lows[i - 3]
        return subject in _THING_NOUNS

    def _after_determiner(self, i: int) -> bool:
        """The word follows an article or a quantifier ("en App", "ei Jakke", "flere Kahoots"):
        a noun; not "En Zyrafa ringte", "en Zyrafa Hassan" (someone by the name)."""
        lows, gaps = self.lows, self.gaps
        if not i or lows[i - 1] not in _DETERMINERS or gaps[i] != " ":
            return False
        if i + 1 < len(lows) and gaps[i + 1] == " ":
            nxt = self.words[i + 1]
            return not (nxt[0].isupper() or lows[i + 1] in HUMAN_VERBS or lows[i + 1] in SUBJECT_VERBS)
        return True

    def _after_word_that_says_thing(self, i: int) -> bool:
        """The word before says this one is a thing or a place (one space between): an article or
        a quantifier (`_after_determiner`), a listed place, brand or club that is no name ("Gran
        Canaria", "Burger King"), or a school or club in the definite form (`_after_institution`)."""
        if not i or self.gaps[i] != " ":
            return False
        if _AGE_AFTER.match(self.text, self.ends[i]):
            return False  # "Barna Nova (6) og Leo (3)": a word with an age is a person, no place's
        before = self.lows[i - 1]
        if before in _DETERMINERS:
            return self._after_determiner(i)
        if not self.words[i - 1][0].isupper() or self.state[i - 1] == _NAME:
            return False
        if before in self.lists.proper:
            # "Barna Yara og Omar": the definite word for people («barna», also a place) names
            # those people next, no place's second word
            return not self.listed(before) and not self._definite_person(before)
        return self._after_institution(i)

    def _noun_compound(self, low: str) -> bool:
        """A hyphenated word whose last part is a common noun and whose parts are no listed names
        ("skyss-kontoret", "kvello-malen", "tiktok-kontoen"); not a double name ("Hansen-Dal",
        "Anne-Lise") or a particle ("al-Khatib")."""
        if "-" not in low:
            return False
        parts = low.split("-")
        last = parts[-1]
        if len(last) < 4 or any(p in self.lists.names for p in parts) or parts[0] in _NAME_PREFIXES:
            return False
        lexicon, words = self.lists.lexicon, self.lists.words
        if last in lexicon or last in words or _definite_of_e_noun(last, lexicon):
            return True
        return any(
            last.endswith(e) and last[: -len(e)] in lexicon and len(last) - len(e) >= 3 for e in _DEFINITE_ENDINGS
        )

    @staticmethod
    def _person_compound(st: str) -> bool:
        """A compound whose last word is a word for a person, after a first word of three letters
        or more ("tannlege", "kantinedame", "klassekamerat"); not a name that ends so after one or
        two letters ("Ilunga", read as "il" + "unge")."""
        if not st.endswith(_PERSON_NOUN_TAILS):
            return False
        return any(st.endswith(tail) and len(st) - len(tail) >= 3 for tail in _PERSON_NOUN_TAILS)

    def _definite_person(self, low: str) -> bool:
        """The definite form of a word for a person: "mannen", "bibliotekaren", "elevane",
        "ungdommen", "foreldra"; the stem is a known word for a person or an agent noun of the
        lexicon ("bibliotekar", "sjåfør"), not the word of a farm name ("Fossen", "Sæteren")."""
        if len(low) < 5 or not low.endswith(_DEFINITE_PERSON_ENDINGS):
            return False
        lexicon, words = self.lists.lexicon, self.lists.words
        for ending in _DEFINITE_PERSON_ENDINGS:
            if not low.endswith(ending):
                continue
            stem = low[: -len(ending)]
            if len(stem) < 3:
                continue
            if ending == "n" and not stem.endswith("e"):
                continue
            stems = [stem, stem + "e"]  # "dama" of "dame", "venninna" of "venninne"
            if len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "ungdommen", "gutten"
            for st in stems:
                if st.endswith("familie"):
                    # "Fosterfamilien", "Storfamilien": a family is people; "Hansenfamilien",
                    # "Nesfamilien" name one
                    head = st[:-7].rstrip("-")
                    return not head or not (head in self.lists.names or head in self.lists.proper)
                if st in _PERSON_NOUNS or (len(st) >= 6 and self._person_compound(st)):
                    return True  # "mannen", "tannlegen", "kantinedama", "klassekameratene"
                if (
                    len(st) >= 5
                    and st.endswith(_AGENT_ENDINGS)
                    and not st.endswith(_SURNAME_HEADS)
                    and (st in lexicon or st in words or self._nynorsk_word(st))
                    and st not in self.lists.names
                ):
                    return True
        return False

    def _after_thing_verb(self, i: int) -> bool:
        """The word is the object of a verb that takes things, not people ("spiller Valorant",
        "bruker Snapchat", "laster ned Threads", "ser på Netflix", "heier på Brann", "tar
        Melatonin"), alone or later in a list after it ("bruker snus og Vape"); not when a word
        that takes a person follows ("tar Zyrafa med", "ser på Zyrafa som …")."""
        lows, gaps = self.lows, self.gaps
        if i + 1 < len(lows) and gaps[i + 1] == " " and lows[i + 1] in _PERSON_OBJECT_NEXT:
            return False
        j = i
        for _ in range(4):
            if j < 1:
                return False
            gap = gaps[j]
            if gap == " ":
                before = lows[j - 1]
                if before in _THING_VERBS:
                    return self._subject_before(j - 1)
                if before in _THING_PARTICLES and j >= 2 and gaps[j - 1] == " ":
                    return (lows[j - 2], before) in _THING_VERB_PAIRS and self._subject_before(j - 2)
                if before in _PRONOUNS and j >= 2 and gaps[j - 1] == " ":
                    return lows[j - 2] in _THING_VERBS  # "Om kvelden spiller han Valorant"
                if self.words[j - 1][0].isupper() and self.state[j - 1] == _NEVER and not self.listed(before):
                    j -= 1  # "spelar Brawl Stars": the first word of a title of two
                    continue
                if before not in ("og", "eller") or j < 2 or gaps[j - 1] not in (" ", ", "):
                    return False
                j -= 2  # "snus og Vape": the item before "og"
            elif gap == ", ":
                j -= 1  # "Snapchat, TikTok": the item before the comma
                if self.state[j] == _NAME or self.listed(lows[j]):
                    return False
                continue
            else:
                return False
            # an item of the list is an ordinary word or a known non-name, never a name
            if self.state[j] == _NAME or self.listed(lows[j]):
                return False
        return False

    def _subject_before(self, k: int) -> bool:
        """The verb at `k` has its subject before it ("han spiller …", "gutten bruker …", "Ola
        spiller …", "har lastet ned …"), so what follows it is its object; after a fronted word
        the subject follows the verb ("I dag spiller Zyrafa …", "Bruker Zyrafa …?")."""
        if not k or self.words[k][0].isupper():
            return self._note_verb(k)
        gap = self.text[self.ends[k - 1] : self.starts[k]]
        if gap != " ":
            return _AGE_GAP_RE.fullmatch(gap) is not None  # "Per Dal (13) spiller …"
        before = self.lows[k - 1]
        if before in _SUBJECT_WORDS or before in ROLE_TRIGGERS or self.state[k - 1] == _NAME:
            return True
        if self.words[k - 1][0].isupper():
            # a name or a noun as the subject ("Zyrafa spiller …"), not a fronted adverb ("Nå bruker …")
            return before not in FUNCTION_WORDS and not self.hand_ordinary(before)
        return self._definite_person(before) or before in _PERSON_NOUNS

    def _lower_initials_after_sign_off(self, i: int) -> bool:
        """Two or three lower-case letters after a sign-off, ending the line or the sentence
        ("mvh tm", "hilsen kh."): someone's initials; an ordinary word stays ("mvh oss")."""
        low, lists = self.lows[i], self.lists
        if self.lows[i - 1] not in SIGN_OFFS or not 2 <= len(low) <= 3 or not low.isalpha():
            return False
        if low in lists.words or low in lists.lexicon or low in NAME_TRIGGERS or low in _NOT_END_INITIALS:
            return False
        return _LINE_OR_SENTENCE_END.match(self.text, self.ends[i]) is not None

    def _department_after_leader(self, i: int) -> bool:
        """A kindergarten department or a school's base after the word for its leader
        ("pedagogisk leder Solsikken", "leiar Stjerna", "leder Blåbærtuva"): a thing of nature
        that departments are named after (a flower, an animal, a berry, a star, a tree), alone
        or ending a compound, in the definite form; never a farm or terrain word that surnames
        are made of (Haugen, Bakken, Kroken, Lyngen) or a listed name (Bjørnen, Ulven)."""
        if self.lows[i - 1] not in _UNIT_LEADERS:
            return False
        low = self.lows[i]
        if "-" in low or low.endswith(_SURNAME_HEADS):
            return False
        names, words = self.lists.names, self.lists.words
        for ending in ("en", "et", "na", "a", "n"):
            stem = low[: -len(ending)]
            if not low.endswith(ending) or len(stem) < 3:
                continue
            for base in (stem, stem + "e"):
                # a given name that is the thing's word too ("bjørk": «leiar Bjørka») still names it
                unnamed = base not in names or (base in words and base not in self.lists.surnames)
                if unnamed and (base in _DEPARTMENT_WORDS or base.endswith(_DEPARTMENT_THINGS)):
                    return True
        return False

    def verb_form(self, low: str) -> bool:
        """A present or past form of a known verb ("drikker", "kjøpte", "snakket", "spelar",
        "hoppa"): its infinitive, the stem with -e or -a, is a common word. A listed name is
        asked of the caller first (Berte, Marte)."""
        found = self._verbs.get(low)
        if found is None:
            found = self._verbs[low] = _is_verb_form(low, self.lists)
        return found

    def _note_verb(self, k: int) -> bool:
        """A capitalised verb opening a line or a sentence of a note, with no question mark
        after it on its line, leaves its subject out ("Drikker Red Bull før skolen", "Spiller
        Valorant hele natta"): what follows is its object; a question puts the subject after it
        ("Bruker Zyrafa briller?")."""
        if not self.sentence_start(self.starts[k]) or not self.verb_form(self.lows[k]):
            return False
        text = self.text
        end = text.find("\n", self.ends[k])
        return "?" not in text[self.ends[k] : len(text) if end < 0 else end]

    def _role_in_brackets(self, i: int) -> bool:
        role = _ROLE_AFTER_RE.match(self.text, self.ends[i])
        return role is not None and role.group(1).lower() in ROLE_TRIGGERS

    def _after_initial(self, i: int) -> bool:
        """The word follows an initial already replaced: "Kontaktlærer I. Nes"."""
        return (
            i > 0
            and len(self.words[i - 1]) == 1
            and self.words[i - 1].isupper()
            and self.text[self.ends[i - 1] : self.starts[i]] == ". "
            and self.is_blocked(i - 1)
            and self._initial_span_ends(self.ends[i - 1] + 1)
        )

    def _initial_span_ends(self, end: int) -> bool:
        """The blocked span before `end` ends there, with the initial's full stop (an initial
        replaced as one: "I.", "B.-M."), rather than before it (the letter of an address:
        "Storgata 41 A. Tlf …")."""
        j = bisect_left(self.blocked_starts, end)
        return bool(j) and self.blocked[j - 1][1] == end

    def _beside_a_place(self, i: int) -> bool:
        """The word is listed with a place: "frå Hov og Fluberg", "Hamar, Fluberg og Odnes",
        "på Leikland og i Badeland"."""
        text, lows, words, starts, ends = self.text, self.lows, self.words, self.starts, self.ends
        if (
            i >= 2
            and lows[i - 1] in ("og", "eller")
            and self.state[i - 2] != _NAME
            and text[ends[i - 2] : starts[i - 1]] == " "
            and text[ends[i - 1] : starts[i]] == " "
            and words[i - 2][0].isupper()
            and self._place_word(lows[i - 2])
        ):
            return True
        # the place after: "Leikland og i Badeland", "Leikland eller Tusenfryd"
        j = i + 2
        if j >= len(lows) or lows[i + 1] not in ("og", "eller") or text[ends[i] : starts[i + 1]] != " ":
            return False
        if lows[j] in ("i", "på") and j + 1 < len(lows) and text[ends[j] : starts[j + 1]] == " ":
            j += 1
        return text[ends[j - 1] : starts[j]] == " " and words[j][0].isupper() and self._place_word(lows[j])

    def _place_word(self, low: str) -> bool:
        """A listed place or brand that is no name, or a place named as a compound in the definite
        form ("Fotballbanen", "Nordlyshallen")."""
        if low in self.lists.proper:
            return not self.listed(low)
        return low.endswith(_PLACE_ENDINGS) and self.looks_like_common_noun(low) and not self.listed(low)

    def _names_institution(self, i: int) -> bool:
        """The word names a school, kindergarten, club or church before the lower-case word
        for it ("Lyngstad skole", "Solsikken barnehage", "Vang kyrkje", "Løten IL")."""
        j = i + 1
        if j >= len(self.words):
            return False
        nxt = self.words[j]
        if nxt not in _INSTITUTION_NOUNS and nxt not in _INSTITUTION_ABBR and nxt not in _PLACE_NOUNS:
            return False
        return self.text[self.ends[i] : self.starts[j]] == " "

    def _names_a_model(self, i: int) -> bool:
        """The word names a model, a method or a project together with the capitalised compound
        after it ("Sondre Land-modellen", "Nord Fron-prosjektet"): a place, not a person."""
        j = i + 1
        if j >= len(self.words) or "-" not in self.words[j] or self.text[self.ends[i] : self.starts[j]] != " ":
            return False
        head, dash, tail = self.words[j].partition("-")
        # "Kari Hansen-prosjektet": a project named after a person is no place
        return (
            bool(dash)
            and head[:1].isupper()
            and tail.lower().startswith(_MODEL_TAILS)
            and not self.listed(head.lower())
        )

    def _after_name_before_model(self, i: int, tail: str) -> bool:
        """"Kari Hansen-prosjektet": a compound for a model or project right after a found name
        is named after that person (the surname goes, the model word stays)."""
        return (
            tail.startswith(_MODEL_TAILS)
            and i > 0
            and self.state[i - 1] == _NAME
            and self.text[self.ends[i - 1] : self.starts[i]] == " "
        )

    def _club_spelling(self, low: str) -> bool:
        """"Ham-Kam" for the listed club "HamKam": a hyphenated word whose parts written together
        are a listed place or club, and that is no name by its parts."""
        base = re.sub("['’]s?$", "", low)  # "Ham-Kam's summer camp": the club's
        return "-" in base and base.replace("-", "") in self.lists.proper and not self.listed(base)

    def _hyphenated_given_candidates(self) -> list[int]:
        """The lower-case hyphenated words whose parts are all listed given names ("trine-lise")."""
        given, lows, words, starts, ends = self.lists.given, self.lows, self.words, self.starts, self.ends
        found: list[int] = []
        for m in _INNER_HYPHEN_RE.finditer(self.text):  # few hyphens: look only at their words
            i = bisect_left(ends, m.start())
            if (
                i < len(words)
                and starts[i] < m.start()
                and (not found or found[-1] != i)
                and words[i][0].islower()
                and all(p in given for p in lows[i].split("-"))
            ):
                found.append(i)
        return found

    def _hyphenated_given(self, i: int, trigger: str | None) -> bool:
        """"trine-lise", "siv-anita": a lower-case hyphenated word whose parts are all listed given
        names is a name, after a cue ("mvh", "hilsen", a role word, "ringte til") or when one
        part is a given name that is no ordinary word."""
        low, lists = self.lows[i], self.lists
        if "-" not in low:
            return False
        parts = low.split("-")
        if len(parts) < 2 or not all(p in lists.given for p in parts) or self.in_vocab(low):
            return False
        if trigger is not None or any(p in lists.strict_given and p not in lists.proper for p in parts):
            return True
        return i > 0 and self.lows[i - 1] in _PERSON_BEFORE and self.text[self.ends[i - 1] : self.starts[i]] == " "

    def _lower_trailing_initial(self, start: int, end: int) -> re.Match[str] | None:
        """"mona s.": a lower-case letter and a dot after a lower-case name is its shortened
        surname, as "Mona S." is."""
        if not self.text[start : start + 1].islower():
            return None
        m = _LOWER_TRAILING_INITIAL.match(self.text, end)
        if m is None:
            # "tar med sak nora s + oliver", "beskjed til tone b, fatima": the letter without its
            # full stop, before a comma, a plus or the end of the line
            letter = _LOWER_TRAILING_LETTER.match(self.text, end)
            return letter if letter is not None and letter.group(1) not in _ONE_LETTER_WORDS else None
        # "traff kevin og mats o. v/ idrettsparken": "o" and "e" are words too, but not before a
        # full stop that the sentence goes on after
        word = m.group(1) in _ONE_LETTER_WORDS and not (
            m.group(1) in "oe" and _SENTENCE_GOES_ON.match(self.text, m.end()))
        return None if word else m

    def _unit_or_abbreviation(self, i: int) -> bool:
        """The name of a kindergarten department or a school's base ("avdeling Blåklokka",
        "basen Maurtua"), or a word shortened inside an abbreviation ("Pers.nr.")."""
        text, end = self.text, self.ends[i]
        if end + 1 < len(text) and text[end] == "." and text[end + 1].islower():
            return True
        if not i or self.lows[i - 1] not in _UNIT_WORDS:
            return False
        if self.lows[i - 1].startswith("barnehage") and self.listed(self.lows[i]):
            return False  # "i barnehagen Emma går i": a child, not a kindergarten
        if text[self.ends[i - 1] : self.ends[i - 1] + 1] == "." and self.lows[i - 1] != "avd":
            return False  # "tur med gruppa. Liv Sol Hansen (5) …": the sentence ended ("avd. Blåklokka" has not)
        return _UNIT_GAP.fullmatch(text, self.ends[i - 1], self.starts[i]) is not None

    def _profile(self, word: str) -> tuple[int, bool, bool, bool, bool]:
        """What a capitalised word is, whatever its place: computed once per distinct word.

        (mode, listed, vocabulary, ordinary, common noun); mode 1: an all-capitals or mixed-case
        word that is a listed name, 2: an abbreviation, 3: other mixed case, 0: a normal word.
        """
        found = self._profiles.get(word)
        if found is not None:
            return found
        low = word.lower()
        listed = self.listed(low)
        rest = word[1:]
        mode = 0
        head = word.split("-", 1)[0]
        if "-" in word and len(head) >= 2 and head.isupper() and not listed:
            found = (2, listed, False, False, False)  # "CPR-nummer", "BTI-møte", "PPT-rådgiver"
            self._profiles[word] = found
            return found
        if word.isupper() or (rest != rest.lower() and "-" not in word and "'" not in word):
            if low in self.lists.proper and not word.isupper():
                mode = 3  # "McDonalds", "PlayStation": a brand that holds a name
            elif listed and (not word.isupper() or (len(word) >= 3 and not self.in_vocab(low))):
                mode = 1
            else:
                mode = 2 if word.isupper() else 3
            found = (mode, listed, False, False, False)
        else:
            # a listed name is vocabulary only when it is a vocabulary word itself ("Julie" ≠ "juli"+e)
            vocab = (low in self.vocab.singles) if listed else self.in_vocab(low)
            found = (0, listed, vocab, self.ordinary(low), self.looks_like_common_noun(low))
        self._profiles[word] = found
        return found

    def _lower_given_after(self, i: int, trigger: str) -> bool:
        """A lower-case given name that is also a word, after a role word ("onkel rune") or after
        talking with someone ("prata med per i går")."""
        low, lists = self.lows[i], self.lists
        if low not in lists.given and (trigger != "role" or self.lows[i - 1] not in _GENITIVE_KIN):
            return False  # the cheap test first: a listed given name, or a word after kin
        if low in FUNCTION_WORDS or low in lists.proper or self.in_vocab(low):
            return False
        after = self.text[self.ends[i] : self.ends[i] + 12]
        nxt = self.lows[i + 1] if i + 1 < len(self.words) else ""
        gap = self.text[self.ends[i] : self.starts[i + 1]] if nxt else ""
        ends_phrase = not nxt or gap.strip(" \t") != "" or _TALK_FOLLOW.match(after) is not None
        verb_follows = gap == " " and (nxt in HUMAN_VERBS or nxt in SUBJECT_VERBS or nxt in ENGLISH_VERBS)
        if low not in lists.given:
            # "far somchai henter": a word no list or lexicon knows between a word for kin and a verb
            # is the kin's name (not "mor nås på", "farfar ringde om": a verb the lexicon lacks)
            return (
                trigger == "role"
                and self.lows[i - 1] in _GENITIVE_KIN
                and len(low) >= 3
                and not self.known_word(low)
                and not self.hand_ordinary(low)
                and verb_follows
            )
        # "prata med per nes": a listed surname after it makes it a person's name
        surname_follows = gap == " " and nxt in lists.surnames and nxt not in FUNCTION_WORDS
        if trigger == "talk":
            return ends_phrase or verb_follows or surname_follows
        if self.lows[i - 1] in ENGLISH_KIN and (low in ENGLISH_WORD_NAMES or low in ENGLISH_SMALL_WORD_NAMES):
            # "her mother can come", "his sister even said no"; "her uncle mark shouts" is a Mark
            # "aunt rose came", "with her aunt grace." are a Rose and a Grace
            return low not in ENGLISH_SMALL_WORD_NAMES and nxt not in ENGLISH_SMALL_WORD_NAMES and (
                surname_follows or verb_follows or (ends_phrase and low not in ENGLISH_VERB_NAMES)
            )
        if low in AMBIGUOUS_LOWER:
            return verb_follows or ends_phrase or surname_follows
        return True

    def _month_used_as_name(self, i: int) -> bool:
        """Capitalised "August" is a boy's name unless a day or a year stands beside it."""
        start, end = self.starts[i], self.ends[i]
        if self._month_beside_month(i):
            return False
        before = self.text[max(0, start - 8) : start]
        after = self.text[end : end + 6]
        return not (re.search(r"(\d\.?|\b[iI])\s*$", before) or re.match(r"\s*(\d|[:–-])", after))

    def _english_month_date(self, i: int) -> bool:
        """An English month that is a given name too ("May", "June", "April", "August") is a date
        beside a day number or a year ("3 May", "June 2024", "the 3rd of May"), after a date word
        ("in May", "until August", "next June", "the end of May"), in a span ("from May to
        June") or joined to another month."""
        text, lows, start, end = self.text, self.lows, self.starts[i], self.ends[i]
        if _DAY_BEFORE_RE.search(text, max(0, start - 12), start) or _DAY_OR_YEAR_AFTER_RE.match(text, end):
            return True
        if self._month_beside_month(i):
            return True
        if not i or text[self.ends[i - 1] : start] != " ":
            return False
        before = lows[i - 1]
        if before == "by":
            prior = lows[i - 2] if i >= 2 else ""
            return not (prior.endswith(("ed", "en")) or prior in ENGLISH_VERBS or prior in _BY_AFTER_VERB)
        if before in _ENGLISH_DATE_WORDS:
            return True
        if before == "of":
            return i >= 2 and lows[i - 2] in _BEFORE_OF_MONTH
        if before == "from":
            if any(w in _SPAN_ENDS for w in lows[i + 1 : i + 4]):
                return True
            # "… in the kindergarten from May.", "from June onwards": the start of a period; not
            # "a message from May.", "heard from June,"
            ends_clause = text[end : end + 1] in (".", ",", ";", "") or (i + 1 < len(lows) and lows[i + 1] in _ONWARDS)
            return ends_clause and not (i >= 2 and lows[i - 2] in _FROM_SOMEONE)
        return False

    def _abbreviated_month(self, i: int) -> bool:
        """A month's short form right beside a day number or a year ("4 Feb", "13. jan", "Jan 12",
        "Mar 2026"), not beside an age ("Jan, 12 år", "Jan (12)")."""
        text, start, end = self.text, self.starts[i], self.ends[i]
        return bool(_ABBR_DAY_BEFORE_RE.search(text, max(0, start - 6), start)
                    or _ABBR_DAY_AFTER_RE.match(text, end))

    def _month_after_day(self, i: int) -> bool:
        """"13. jan", "Tirsdag 6. jan", "20 jan": a lower-case month or its abbreviation right after
        a day number is the month of a date, not the name Jan."""
        if self.lows[i] not in _MONTH_WORDS:
            return False
        start = self.starts[i]
        return _DAY_NUMBER_BEFORE_RE.search(self.text, max(0, start - 6), start) is not None

    def _month_beside_month(self, i: int) -> bool:
        """"Mai og juni", "april–mai", "fra juni til August": a month joined to another month by
        "og", "eller", "til" or a dash is a month."""
        text, lows, starts, ends = self.text, self.lows, self.starts, self.ends
        j = i + 2
        if (
            j < len(lows)
            and lows[i + 1] in _MONTH_JOINS
            and lows[j] in _ALL_MONTHS
            and text[ends[i] : starts[i + 1]] == " "
            and text[ends[i + 1] : starts[j]] == " "
        ):
            return True
        k = i - 2
        if (
            k >= 0
            and lows[i - 1] in _MONTH_JOINS
            and lows[k] in _ALL_MONTHS
            and text[ends[k] : starts[i - 1]] == " "
            and text[ends[i - 1] : starts[i]] == " "
        ):
            return True
        gap_after = text[ends[i] : starts[i + 1]] if i + 1 < len(lows) else ""
        if gap_after.strip(" \t") in ("–", "-", "—") and gap_after and lows[i + 1] in _ALL_MONTHS:
            return True
        gap_before = text[ends[i - 1] : starts[i]] if i else ""
        return bool(gap_before) and gap_before.strip(" \t") in ("–", "-", "—") and lows[i - 1] in _ALL_MONTHS

    def _short_name_before_verb(self, i: int) -> bool:
        """A two-letter name of the note again, capitalised before a verb a person does ("… (kalt
        Mo). Mo snakker lite norsk"): short words are names again only so."""
        words, lows = self.words, self.lows
        return (
            len(words[i]) == 2
            and words[i][0].isupper()
            and words[i][1].islower()
            and i + 1 < len(lows)
            and self.gaps[i + 1] == " "
            and (lows[i + 1] in HUMAN_VERBS or lows[i + 1] in SUBJECT_VERBS)
        )

    def _child_of_parent(self, i: int) -> bool:
        """The word after «far til», «mor til»: the child («Far til ask (Leif) fekk beskjed»)."""
        return (
            i >= 2
            and self.lows[i - 1] == "til"
            and self.lows[i - 2] in _PARENT_WORDS
            and self.gaps[i] == " "
            and self.gaps[i - 1] == " "
        )

    def _thanked(self, i: int) -> bool:
        """A lower-case given name right after «takk» (the trigger "thanks") and before a comma or the
        end of a sentence."""
        low = self.lows[i]
        return (
            self.gaps[i] == " "
            and low in self.lists.given
            and low not in FUNCTION_WORDS
            and low not in self.lists.proper
            and not self.in_vocab(low)
            and self.text[self.ends[i] : self.ends[i] + 1] in (",", "!", ".", "")
        )

    def _picked_up(self, j: int) -> bool:
        """«blir henta», «ble levert»: what is done to a child taken to or from somewhere."""
        lows = self.lows
        return (
            lows[j] in _PASSIVE_AUXILIARIES
            and j + 1 < len(lows)
            and lows[j + 1] in _TAKEN_PARTICIPLES
            and self.gaps[j + 1] == " "
        )

    def _opens_sentence_after_full_stop(self, i: int) -> bool:
        """The word opens a sentence inside a line, after a full stop: "… kl 1610. Eik blir henta"."""
        start = self.starts[i]
        return bool(i) and self.text[start - 2 : start] == ". " and self.sentence_start(start)

    def _adjacent(self, i: int) -> bool:
        low = self.lows[i]
        if self.in_vocab(low) or self.is_blocked(i):
            return False
        weak = i in self.weak
        listed = self.listed(low)
        text, state, starts, ends, gaps = self.text, self.state, self.starts, self.ends, self.gaps
        n = len(self.words)
        if (
            i
            and i - 1 in self.weak
            and state[i - 1] == 0
            and self.lows[i - 1] in self.lists.given
            and self.lows[i - 1] not in ROLE_TRIGGERS
            and gaps[i] == " "
            and low not in FUNCTION_WORDS
            and _AGE_AFTER.match(text, ends[i])
            and not self.looks_like_common_noun(low)
        ):
            self.set_name(i - 1, "adjacent")
            return True  # "Per Nes (14) spiller …", "Liv Dal (9) sa …": a child named in full
        if (
            i
            and state[i - 1] == _NAME
            and gaps[i] == " "
            and low not in FUNCTION_WORDS
            and not self.looks_like_common_noun(low)
            and not self.sentence_start(starts[i])
            and not self.heading_line(starts[i])
        ):
            return True  # a short surname that is a word too: "Emma Sofie Dal", "Jonas Nes"
        if weak and low in self.lists.given and low not in ROLE_TRIGGERS:
            # "Storm (5) slo …"; at the start of a line "Liv er en blid jente", "Vår har …";
            # a kinship word that is a name too is the kin ("Bror går på ungdomsskolen")
            if self._given_then_word_surname(i):
                self.set_name(i + 1, "adjacent")
                return True  # "Liv Nes ringte", "Per Eng, far, …": both words are words too
            end = ends[i]
            if _AGE_AFTER.match(text, end) or _CLASS_AFTER.match(text, end) or _AGE_SET_OFF.match(text, end):
                return True  # "Storm (5) slo", "Siv i 2. klasse", "Lin, 8 år, får …"
            if i + 2 < n and self.lows[i + 1] in ("og", "eller") and state[i + 2] == _NAME:
                return True  # "Vår og Sol er tvillingar"
            if i + 1 < n and state[i + 1] == _NAME and gaps[i + 1] == "/":
                return True  # "Tor/Gunnhild ønsker …": two parents written as one pair
            if (
                i + 3 < n
                and self.lows[i + 1] in ("og", "eller")
                and self.lows[i + 2] in ROLE_TRIGGERS
                and (self.lows[i + 3] in HUMAN_VERBS or self.lows[i + 3] in SUBJECT_VERBS)
                and text[ends[i] : starts[i + 3]] == " " + self.words[i + 1] + " " + self.words[i + 2] + " "
                and self.line_start(starts[i])
            ):
                return True  # "Liv og mor kom", "Storm og bror sa": a child and the kin
            # "Hei Birk!", "Hei. Birk vil ikkje …": a greeting names the one greeted or spoken of
            greeted = i and self.lows[i - 1] in _GREETINGS and gaps[i] in (" ", ", ", ". ", "! ")
            if greeted and gaps[i] in (" ", ", "):
                return True
            if self.line_start(starts[i]) and self._after_sign_off_line(starts[i]):
                return True  # "Mvh\nTor": the name under a sign-off
            if (
                i + 1 < n
                and (self.lows[i + 1] in SUBJECT_VERBS or self.lows[i + 1] in ENGLISH_AUXILIARIES)
                and gaps[i + 1] == " "
                and (
                    greeted
                    or self.line_start(starts[i])
                    or (
                        (self.lows[i + 1] in _DOING_VERBS or self._picked_up(i + 1))
                        and self._opens_sentence_after_full_stop(i)
                    )
                )
                and not (
                    low in _SEASON_WORDS
                    and (_SEASON_COMES_RE.match(text, ends[i]) or _SEASON_ARRIVES_RE.match(text, ends[i]))
                )
            ):
                return True  # not "Vår er komen, og …", "Sol er her!": the season, the weather
        if not (weak or listed or not (self.ordinary(low) or self.looks_like_common_noun(low))):
            return False
        if i and state[i - 1] == _NAME and _GAP_NAME.fullmatch(text, ends[i - 1], starts[i]):
            return True
        if (weak or listed) and low not in ROLE_TRIGGERS and (
            "(" in text[ends[i] : ends[i] + 40] or (i and len(self.words[i - 1]) == 1)
        ):
            if self._role_in_brackets(i):
                return True  # "Tiril (eleven)"
            if (
                i + 1 < n
                and self.words[i + 1][0].isupper()
                and gaps[i + 1] == " "
                and not self.in_vocab(self.lows[i + 1])
                and self._role_in_brackets(i + 1)
            ):
                self.set_name(i + 1, "adjacent")
                return True  # "Per Nes (far) ønsker …"
            if self._after_initial(i):
                return True
        # an initial between: "Ola K. Nordmann"
        if (
            i >= 2
            and len(self.words[i - 1]) == 1
            and self.words[i - 1].isupper()
            and state[i - 2] == _NAME
            and _INITIAL_GAP.fullmatch(text, ends[i - 1], starts[i])
            and gaps[i - 1] == " "  # not "Ola Nes, 9B. Fødselsdato": a class
        ):
            self.set_name(i - 1, "adjacent")
            return True
        if (
            i + 1 < n
            and state[i + 1] == _NAME
            and (self.words[i + 1][0].isupper() or self.lows[i + 1] in _LEADING_PARTICLES)
            and low not in ROLE_TRIGGERS  # "Fru Hansen": the title stays
            and low not in ENGLISH_FUNCTION_WORDS  # "Then Jack hit him", "When Rose came"
        ):
            # "Zyrafa Hassan", "Nordmann, Ola" – but not "Kontakt Kari": a word before a given
            # name is taken only when that name can be a surname, or when it is listed itself
            gap = gaps[i + 1]
            following = self.lows[i + 1]
            surname_like = (
                following in self.lists.surnames
                or following not in self.lists.given
                or (following in _LEADING_PARTICLES and not self.words[i + 1][0].isupper())  # "Pieter van der Berg"
            )
            if (
                gap in (" ", "-", ", ")
                and (weak or self.sentence_start(starts[i]))
                and (listed or surname_like or gap == ", ")
                and (listed or gap != ", " or not self.ordinary(low))  # not "Eldste, Rojin Baran"
            ):
                return True
        if weak and i + 1 < n and low not in FUNCTION_WORDS:
            nxt = self.lows[i + 1]
            # "Zyrafa og Ola …"
            if nxt in ("og", "eller") and i + 2 < n and state[i + 2] == _NAME:
                return True
            # "Zyrafa sa at …", "Per kom …"; not "Bror sa at …", nor a thing that comes or goes
            # ("Taxien kom ikke", "Maten kom sent", "Bussen gikk")
            if (
                # an English verb after a listed name only ("Rune picks her up", "Dal said yes";
                # not "Police came", "He said no")
                (nxt in HUMAN_VERBS or (nxt in ENGLISH_VERBS and listed))
                and gaps[i + 1] == " "
                and low not in ROLE_TRIGGERS
                and not (nxt in _COMING_VERBS and self._definite_thing(low))
            ):
                return True
            # "Zyrafa har vondt …": an unknown short word that is no ordinary word and has no
            # noun ending, before an auxiliary verb
            if (
                nxt in _AUXILIARIES
                and gaps[i + 1] == " "
                and not listed
                and not self.ordinary(low)
                and not self.known_word(low)  # "Papira er leverte": an inflected word
                and 3 <= len(low) <= 10
                and "-" not in low
                and not low.endswith(_DEFINITE_ENDINGS)
                and not self.looks_like_common_noun(low)
            ):
                return True
        return False

    def _given_then_word_surname(self, i: int) -> bool:
        """A given name that is a word too ("Liv", "Per", "Tor"), opening a sentence, and then a
        capitalised word that is an ordinary word of the kind surnames are made of and no listed
        surname ("Nes", "Eng", "Li"), before a verb, a comma, a colon, "og" and a capital or an age: a person named in
        full ("Liv Nes ringte", "Per Eng, far, …", "Siv Li: …"). Inside a sentence the given name
        is found by its capital and the surname beside it; at the start both capitals say
        nothing, but the second word's does."""
        j = i + 1
        text, lows = self.text, self.lows
        if j + 1 >= len(lows) or self.state[j] or text[self.ends[i] : self.starts[j]] != " ":
            return False
        word, low = self.words[j], lows[j]
        if (
            len(low) < 2
            # a farm or nature word as surnames are made of ("Nes", "Eng", "Li", "Sand", "Ås");
            # not "Per Telefon", "Per Post", "Tale Norsk", "Eik Kafe"
            or not low.endswith(_SURNAME_HEADS)
            or not word[0].isupper()
            or not word[1:].islower()
            or lows[i] in FUNCTION_WORDS  # "Vår Frue", "Vår Herre": "our"
            or low in FUNCTION_WORDS
            or low in ROLE_TRIGGERS
            or low in _INSTITUTION_NOUNS
            or low in _PLACE_NOUNS
            or self.in_vocab(low)
            or self.is_blocked(j)
            or self.looks_like_common_noun(low)
            or self._definite_thing(low)
            or self.verb_form(low)
            or not self.sentence_start(self.starts[i])
        ):
            return False
        end = self.ends[j]
        if _CLASS_AFTER.match(text, end):
            return True  # "Siv Li i 2. klasse"
        if text[end : end + 1] in (",", ":") or _AGE_AFTER.match(text, end):
            # a title-cased line ("Sol Og Vind:") is none, but "Tor Sand: ringte" is short, not one
            return not self.heading_line(self.starts[i]) or self.words[j + 1][0].islower()
        if text[end : self.starts[j + 1]] != " " or not self.words[j + 1][0].islower():
            return False  # "Sol Og Vind": a title
        nxt = lows[j + 1]
        if nxt in HUMAN_VERBS or nxt in SUBJECT_VERBS or nxt in ENGLISH_VERBS or nxt in ENGLISH_AUXILIARIES:
            return True
        return (
            nxt in ("og", "eller")
            and j + 2 < len(lows)
            and self.words[j + 2][0].isupper()
            and text[self.ends[j + 1] : self.starts[j + 2]] == " "
        )


# nynorsk spellings and their bokmål forms: inside a word, and at its end
_NN_INSIDE = (
    ("heime", "hjemme"),
    ("heim", "hjem"),
    ("vidare", "videre"),
    ("skule", "skole"),
    ("tilbod", "tilbud"),
    ("sjuk", "syk"),
)
_NN_ENDINGS = (
    ("ande", "ende"),
    ("ane", "ene"),
    ("ar", "er"),
    ("leg", "lig"),
    ("lege", "lige"),
    ("ast", "es"),
    ("inga", "ingen"),
    ("tenesta", "tjenesten"),
    ("teneste", "tjeneste"),
)


def _capitals(word: str) -> bool:
    """A word of two or three capitals ("KN", "PPT")."""
    return 2 <= len(word) <= 3 and word.isupper()


def _bokmal_forms(low: str) -> list[str]:
    """The bokmål forms a nynorsk word may have: each rule alone, then all of them together."""
    forms: list[str] = []
    every = low
    for nn, nb in _NN_INSIDE:
        if nn in low:
            forms.append(low.replace(nn, nb))
            every = every.replace(nn, nb)
    for nn, nb in _NN_ENDINGS:
        if low.endswith(nn):
            forms.append(low[: -len(nn)] + nb)
            every = every[: -len(nn)] + nb
            break
    if every != low and every not in forms:
        forms.append(every)
    return forms


def _phrase_end(last: str, end: str) -> bool:
    """The last word of a text matches the last word of a phrase: the same, inflected or the
    head of a compound ("Vestly avlastningen"), or joined by a hyphen ("Marte Meo-veiledning")."""
    return last == end or (len(end) >= 4 and last.startswith(end)) or last.startswith(end + "-")


# "læraren hennar", "faren hans", "mora deira": a role word and whose it is
# a date of birth after a name, or after a name and one more capitalised word (its surname)
_BIRTH_AFTER_NAME_RE = re.compile(
    r"(?:[ \t][A-ZÆØÅ][^\W\d_]*(?:-[A-ZÆØÅ][^\W\d_]*)?)?[ \t]*,?[ \t]*\(?[ \t]*"
    r"(?:f\.|født|fødd|fodt)[ \t]*:?[ \t]*\d"
)
# a parent or a guardian "til" a child: "Far til Håp", "foreldra til Storm"
_PARENT_WORDS = _words(
    """
    mor mora moren mamma mammaen far faren pappa pappaen forelder forelderen foreldre foreldrene
    foreldra føresette føresatte foresatte verge vergen stemor stefar stemora stefaren fostermor
    fostermora fosterfar fosterfaren bonusmor bonusfar bonusmamma bonuspappa
    """
)
_KIN_BEFORE_TIL = _PARENT_WORDS | _words(
    """
    bror broren brora søster søstera søsteren syster systera storebror lillebror storesøster
    lillesøster halvbror halvsøster
    """
)
_DOUBLE_SURNAME_RE = re.compile(r"[A-ZÆØÅ][a-zæøå]+-[A-ZÆØÅ][a-zæøå]+")
# two-letter abbreviations that open a sentence before a verb in notes and are no person:
# barnevernet, helsestasjonen, PP-tjenesten, the press, the state, a country, a department
_COMMON_TWO_LETTER_ABBR = frozenset(
    {"BV", "HS", "PP", "FN", "KS", "HR", "IT", "UK", "UD", "VG", "DN", "NH", "KD", "HO", "LO", "SV", "AP", "KR", "FO"}
)
# three-letter abbreviations of agencies and things a note names, no person ("Til stede: mor, UDI")
_COMMON_THREE_LETTER_ABBR = frozenset(
    {"UDI", "UNE", "FHI", "PST", "NRK", "IKT", "HMS", "IUP", "KRL", "USA", "SMS", "PDF"}
)
# the label of a list of who took part, and what opens and ends an item of it
_PRESENT_LABEL_RE = re.compile(
    r"(?i:(?<![^\W\d_])(?:til[ \t]?stede|til[ \t]?stades|deltakere|deltakarar|deltagere|deltok|møtt"
    r"|frammøtte|fremmøtte|forfall|present|attendees|kopi(?:[ \t]til)?))[ \t]*:"
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?;](?:[ \t]|$)")
_LIST_ITEM_BEFORE_RE = re.compile(r"(?::|,|[ \t]og|[ \t]/)[ \t]*\Z")
_LIST_ITEM_AFTER_RE = re.compile(r"[ \t]*(?:$|[\n\r.,;()/]|og(?![^\W\d_])|eller(?![^\W\d_]))")
# what follows an English verb and never a genitive ("Lives with", "Works at", "Stays in")
_ENGLISH_AFTER_VERB = _words("with at in on alone together here there for to from by near")
# the lower-case last part of a compound that says which language or country a person is of
_SPEAKER_TAILS = _words(
    "speaking talking born based talende snakkende språklig språkleg språklige språklege født fødd fødde fødte"
)
_DIRECTION_HEADS = _words("nord sør syd øst aust vest midt nordre søndre østre vestre ytre indre øvre nedre")
_POSSESSIVES = _words("hans hennes hennar hennar deres deira dets sin si sitt mitt min mi vår vårt")
# the second words of the cues of two words in pass 1 ("heter visstnok", "prata med", "far til",
# "læraren hennar,")
_TWO_WORD_CUE_ENDS = HEDGES | _POSSESSIVES | {"med", "hos", "til"}
_CHILD_LINE = re.compile(r"[ \t]*[-–•*]?[ \t]*([^\W\d_]+)[ \t]*\([ \t]*\d{1,2}[ \t]*\)[ \t]*:")
_GREETINGS = _words("hei hallo heisann hi hey")


@lru_cache(maxsize=4)
def _cue_words(strict_given: frozenset[str]) -> frozenset[str]:
    """The words that make the scanner look at themselves or at the words after them."""
    return (
        strict_given | NAME_TRIGGERS | ROLE_TRIGGERS | _ABBR_TRIGGERS.keys() | TALK_VERBS
        | _CONTACT_VERBS | _CONTACT_VIA | _LISTEN_CUES.keys() | _THANKS
    )
# a season or the weather that is a given name too, and its coming: "Vår er komen, og …",
# "Sommer er her!", "Sol er på veg"; not "Vår er komen heim" (a girl come home)
_SEASON_WORDS = _words("vår sommar sommer haust høst vinter sol storm snø regn")
# the start of a line that opens with a small letter (after bullets, dashes or quotes)
_LOWER_LINE_START_RE = re.compile(r"(?m)^[ \t\-–•*«\"]*(?=[a-zæøå])")
_COPULAS = _words("er var e va ble blei vart vert")
# what a storm, the sun or a tree can do too ("storm slo inn", "sol kom fram")
_WEATHER_CAN = _words("slo kom kjem gikk gjekk løp sprang sparket sparka")
# how a person is: "lykke var blid", "eik er sjuk"
_PERSON_STATES = _words(
    """
    blid glad trist lei sint sur sliten trøtt trøytt syk sjuk redd stille urolig uroleg rolig roleg
    fornøgd fornøyd oppspilt lystig bekymra bekymret nervøs utrygg frisk borte heime hjemme
    """
)
# English «else» after an indefinite word ("before anything else", "or else"): the word, not Else
_ELSE_BEFORE = _words(
    "anything something nothing everything anyone someone everyone nobody anybody somebody or what who where"
)
_THANKS = _words("takk thanks")
# «Eik blir henta av bestemor»: a child is fetched, brought or followed; a tree or the weather is not
_PASSIVE_AUXILIARIES = _words("blir ble blei vart vert")
_TAKEN_PARTICIPLES = _words("henta hentet levert fulgt følgd kjørt køyrd køyrt")
# «vår» (our) opening a sentence before a noun is the pronoun, even in a note about a girl named Vår
_OUR = _words("vår vårt våre")
# a vowel, with or without its accent ("Hêvî", "Zoë"): a short capitalised word without one ("Hs",
# "Ktl", "Pl") is an abbreviation, not a name (a listed name without one, "Ng", is still a name)
_HAS_VOWEL_RE = re.compile(r"[aeiouyæøå]")
# the weather an adjective describes ("linn vind", "mild luft")
_WEATHER_NOUNS = _words("vind vinden vêr vær været vêret luft lufta luften regn regnet snø snøen bris")
# trees, plants, seasons and the weather: "Storm og kulde", "Eik og bjørk" are no children
_NATURE_WORDS = _SEASON_WORDS | _words(
    """
    vind kulde varme frost tåke sludd hagl torden lyn sommarvêr uvær uvêr skodde
    eik bjørk gran furu osp or rogn hegg selje lønn ask alm lind hassel pil lyng mose siv
    """
)
# "Vår kommer tidlig i år", "Vinter kom seint", "Sol is shining": the season, the weather arrives
# (not "Vår kommer på skolen")
_SEASON_ARRIVES_RE = re.compile(
    r" (?:kommer|kjem|kom) (?:nok |vel |visst )?(?:(?:tidlig|tidleg|sent|seint)(?!\w)"
    # "Vår kom tidleg i dag", "Sol kom seint til barnehagen": a season comes early in a year, not
    # early today or to a place; that is the child
    r"(?! (?:i dag|i går|i morgon|i morgen|i kveld|til|på|fra|frå|hit|heim|hjem)(?!\w))"
    r"|snart|brått|plutselig|plutseleg|endelig|endeleg|igjen|att|i år|i fjor)(?!\w)"
    r"| (?:is|was) (?:coming|here|over|back|shining|setting|rising|forecast)(?!\w)"  # "Storm is coming"
)
# "Vår i lufta", "Snø i lufta": the season or the weather is in the air
_IN_THE_AIR_RE = re.compile(r" i (?:lufta|luften|lufti)(?!\w)")
_SEASON_COMES_RE = re.compile(
    r" (?:er|var|har) (?:endeleg |endelig |no |nå |snart |her )?"
    r"(?:komen|kommet|komme|kome|her|på veg|på vei|over|tilbake|i lufta|i anmarsj)"
    r"(?=[ \t]*(?:[.,!;:…]|$|\n| og | men | med | i dag| i år| igjen))"
)
_AGE_IN_RE = re.compile(r"\([ \t]*\d{1,2}[ \t]*(?:år)?[ \t]*(?:,[^()\n]{1,14})?\)")
_NEXT_CHILD_RE = re.compile(r"[ \t]*,[ \t]*([A-ZÆØÅ][^\W\d_]+)[ \t]*\([ \t]*\d{1,2}[ \t]*(?:år)?[ \t]*\)")
_WORD_AFTER_AND = re.compile(r"[ \t]+([^\W\d_]+)")
_BABY_AGE_UNITS = ("uker", "uke", "veker", "veke", "dager", "dagar", "døgn", "mnd", "mnd.", "måneder", "månader")
# "Siv i 2. klasse har …", "Liv går i 3. trinn", "Storm i 8B kom": a child named by a given name that is a word too
_CLASS_AFTER = re.compile(
    r"[ \t]+(?:i|på|går[ \t]+i|går[ \t]+på|gjeng[ \t]+i|gjeng[ \t]+på|begynte[ \t]+i|byrja[ \t]+i)[ \t]+"
    r"(?:\d{1,2}\.[ \t]*(?:klasse|klassetrinn|trinn|kl\.)|\d{1,2}[A-Ea-e](?![\w]))"
)
_VERB_AFTER = re.compile(r"[ \t]*(?::|[ \t]([^\W\d_]+))")
_AGE_VERBS = HUMAN_VERBS | SUBJECT_VERBS | ENGLISH_VERBS | ENGLISH_AUXILIARIES
# shortened titles and sign-offs written with a full stop: "dr. Berg", "Sign. EH"
_ABBR_TRIGGERS = {
    "dr": "role",
    "doktor": "role",
    "prof": "role",
    "hr": "role",
    "fr": "role",
    "frk": "role",
    "mr": "role",  # "Dear Ms. Aas", "Mr Khan": the English titles
    "mrs": "role",
    "ms": "role",
    "sign": "name",
}
_ENGLISH_TITLES = frozenset({"mr", "mrs", "ms"})
# the words of a relation after a person's name: "sol sin bror", "Kari si mor"
_RELATION_WORDS = frozenset({"sin", "si", "sitt", "sine"})
# «c/o» before the person the post goes through
_CARE_OF_RE = re.compile(r"(?<!\w)(?i:c/o)[ \t]+")
# nothing but blanks to the end of the line
_LINE_END_AFTER_RE = re.compile(r"[ \t]*(?:\r?\n|\Z)")
# sayings that open with a given name that is a word too: «Lykke til (med …)!», "Dag for dag",
# "Dag ut og dag inn"
_FIXED_EXPRESSION_RE = re.compile(
    r"(?:Lykke[ \t]+til(?=[ \t]*(?:(?:med|i|på|videre)\b|[!.,»”\"]|$))"
    r"|Dag[ \t]+(?:for[ \t]+dag|ut[ \t]+og[ \t]+dag[ \t]+inn)(?!\w))"
)
# a surname joined by a hyphen to the particle of the next one: "Berg-de Jong"
_HYPHEN_PARTICLES = ("-de", "-van", "-von", "-der", "-den", "-la", "-le", "-da", "-di", "-del")
# the small words inside a name, taken only between two names
_LEADING_PARTICLES = _words("van von bin ibn bint binti al el dos das della ter ten zu")
# a surname with a particle joined by a hyphen or an apostrophe: "al-Khatib", "el-Amin", "d'Souza"
# what follows the preposition "per" ("per nå", "per uke", "per i dag"); a Per is never followed by these
_PER_OBJECTS = frozenset({"nå", "no", "dags", "dato", "uke", "veke", "måned", "månad", "år", "time", "dag", "gang",
                          "person", "elev", "barn", "stykk", "stk", "døgn", "semester", "termin", "skoleår"})
_PER_I_OBJECTS = frozenset({"dag", "går", "fjor", "år", "morgen"})
# the words for a named storm (met.no names the strong ones: "ekstremværet Hans", 2023)
_STORM_WORDS = frozenset({"ekstremværet", "ekstremvêret", "uværet", "uvêret", "stormen", "orkanen", "ekstremvær",
                          "ekstremvêr", "hurricane"})
_THE = frozenset({"the"})
_PERSON_BEFORE = frozenset({"med", "og", "til", "fra", "frå", "hos", "hjå", "ved", "som", "heter", "heiter"})
_PER_DATE_RE = re.compile(r" \d{1,2}\. ?[a-zæøå]")  # "per 1. mars"
# "familjen": Swedish; "Bakke-guttene": the Bakke boys, the family's children; "Hussein-saken": the case
# of the person of that name
_FAMILY_WORDS = (
    "familie", "familia", "familiane", "familj", "guttene", "gutane", "jentene", "ungene", "ungane", "søsknene",
    "sysknene", "saken", "saka",
)
# the word after a describer's name in a diagnosis ("Crohns sykdom", "Duchennes muskeldystrofi")
_EPONYM_NEXT = ("sykdom", "sjukdom", "syndrom", "muskeldystrofi")
_EPONYM_NEXT_RE = re.compile(r"[sSmM](?:ykdom|jukdom|yndrom|uskeldystrofi)")
_EPONYM_TAILS = ("ykdom", "jukdom", "yndrom", "uskeldystrofi")
_PREFIXED_NAME_RE = re.compile(r"[-'’](?=[A-ZÆØÅ])")
# which of the siblings: "Eldste (15) går i 9A", "Yngste (3) …" (a word for the child, as "Jenta" is)
_SIBLING_ORDER = _words("eldste yngste mellomste minste største eldest youngest oldest")
_NAME_PREFIXES = _words("al el ul ad ar as at az an ash bin ibn abu abd bint d o mc van von di de da")
# a role in brackets after a name: "Per Nes (far)", "Kari (helsesykepleier)"
_ROLE_AFTER_RE = re.compile(r"[ \t]*\([ \t]*([^\W\d_]+)[ \t]*[),]")
# the endings of active substances (INN stems): no given name or surname ends so
_MEDICINE_ENDINGS = (
    "cillin", "mycin", "micin", "floxacin", "oksacin", "prazol", "azol", "tidin", "statin", "sartan", "olol",
    "dipin", "azepam", "triptan", "profen", "fenac", "lukast", "semid", "formin", "gliptin", "cetamol",
    "fenidat", "metason", "sonid", "oxetin", "alopram", "tralin",
)
# a birth date's cue and its date right after a word: ", f. 26.11.26", " (født 3.4.2019)"
_BIRTH_CUE_AFTER_RE = re.compile(r"[,(][ \t]*(?:f\.|født|fødd|fdt\.?)[ \t]*\d{1,2}[./]\d{1,2}[./]\d{2,4}")
# the endings of a service's name: no person is called so
_SERVICE_ENDINGS = ("tjenesten", "tjenestene", "tenesta", "tenestene", "kontoret", "senteret", "teamet", "etaten")
# the words after which a kindergarten's department is named ("barnehagen (Fjellsol)")
_DEPARTMENT_CUES = _words("barnehage barnehagen barnehagar barnehager avdeling avdelinga avdelingen base basen")
# the kin a genitive before them belongs to ("Nilofars mor")
_GENITIVE_KIN = _PARENT_WORDS | _words(
    """
    bror broren brør søster søstera søsteren storebror lillebror storesøster lillesøster halvbror halvsøster
    søsken søskena søsknene besteforeldre farmor farfar mormor morfar onkel tante kusine fetter
    """
)
# every cue of the later protections and finders, looked for in one scan (`Scanner._cue_hits`)
_LATER_CUES = _STORM_WORDS | _DEPARTMENT_CUES | _GENITIVE_KIN | _THE
# particles of names that are no Norwegian (or English) words
_FOREIGN_PARTICLES = _words("bin ibn bint binti van von dela delos della dos del")
_PARTICLES = _words(
    "bin ibn bint binti van von der den de al el da di du dos das del della dela delos la le ter ten zu af"
)
# the lower-case word for an institution after its name: "Lyngstad skole", "Vang barnehage"
_INSTITUTION_NOUNS = _words(
    """
    skole skule skoler skular barneskole barneskule ungdomsskole ungdomsskule oppvekstsenter
    oppvekstsenter barnehage barnehagar barnehager friskole friskule vgs videregående kirke kyrkje
    menighet sokn idrettslag sykehus sjukehus legesenter legekontor helsesenter asylmottak mottak
    """
)
_INSTITUTION_ABBR = frozenset({"IL", "IF", "SK", "FK", "BK", "VGS", "SFO", "AKS"})
# "glad i", "forelsket i": a person after "i"
_FOND_OF = _words("glad glade forelsket forelska forelsk betatt interessert hekta hektet vill")
# "var på Legoland", "hytta på Sjusjøen", "handlet på Europris": a place after "på"
_BEING_AT = _words(
    """
    var vært vore vori er bor bur bodde budde sitter sit satt sat handlet handla handler handlar hytta
    hytte hytter ferie
    ferien tur turen jobber jobbar jobbet jobba arbeider arbeidar trener trenar trente trena
    """
)
# the last parts of farm names and the surnames made of them: "Myrvang", "Solberg", "Haugland"
_SURNAME_HEADS = tuple(
    sorted(_words(
    """
    berg berget land landet vik vika viken dal dalen stad rud ruud heim hjem by bye lie li lia haug haugen
    bakken bakke vang vangen strand stranden nes nesset mo moen voll vollen vold sæter seter set gard gård
    garden gården holm holmen tun eng enga engen ås åsen fjell fjellet sand sanden lund lunden hus huset
    seth mark marka bø bråten skog skogen sletta sletten løkken løkka gren strøm qvist ström stein steinen
    kvist myr myra myren tveit tveiten bekk bekken nes næs aas øy øya øyen tangen hagen hage brekke
    brekka rønning rønningen sveen sve vold volden eide eid toft tofte bu plass plassen skar skaret
    mann man stedt feldt gaard rød rud lien li
    """
    ))
)
_PLACE_ENDINGS = (
    "hallen",
    "badet",
    "senteret",
    "sentret",
    "torget",
    "huset",
    "skipet",
    "parken",
    "butikken",
    "kafeen",
    "kiosken",
    "stadion",
    "arenaen",
    "klubben",
    "museet",
    "biblioteket",
    "kinoen",
    "hotellet",
    "stasjonen",
    "banen",
    "fossen",
    "fjellet",
    "sjøen",
    "odden",
    "landet",
    # a day, an event or a trip in the definite form ("Skidagen", "Vinterferien", "Fotballcupen")
    "dagen",
    "dagane",
    "dagene",
    "festen",
    "turen",
    "leiren",
    "ferien",
    "kvelden",
    "stevnet",
    "cupen",
    "kampen",
    "treningen",
    # a kindergarten department or a place in nature named as a compound ("Blåbærtuva",
    # "Maurtua", "Revehiet", "Ekornreiret", "Eventyrkroken"): no surname ends so
    "tua",
    "tuva",
    "tuene",
    "hiet",
    "reiret",
    "redet",
    "kroken",
)
# verbs that things do too: "Taxien kom ikke", "Bussen gikk"
_COMING_VERBS = _words("kom kjem kommer komme gikk gjekk går henta hentet henter hentar")
# the hills, slopes and meadows of farm names, and the trolls, animals and berries that name a
# kindergarten's place after them ("Trollhaugen", "Ekornlia", "Blåbærbakken")
_FARM_TAILS = ("haugen", "toppen", "lia", "lii", "bakken", "dalen", "berget", "tjernet", "myra", "enga", "engen")
_FAIRY_HEADS = _words(
    """
    troll eventyr nisse alv hulder dverg tusse tomte ekorn kongle maur marihøne sommerfugl humle
    bie frosk rumpetroll blåbær tyttebær multe bringebær jordbær smørblomst blåklokke kløver
    grevling ugle spett
    """
)
# the first parts of farm names of a direction, a size or an age ("Nordskogen", "Storskogen")
_FARM_PREFIXES = _words("nord sør syd øst aust vest midt stor lille litle nedre øvre ytre indre ny nye gammel gamle")
_AGE_GAP_RE = re.compile(r"[ \t]*\([ \t]*\d{1,2}[ \t]*(?:år)?[ \t]*\)[ \t]*")
_PRONOUNS = _words("han hun ho hen de dei vi me eg jeg du dere dykk")
# words before a verb that make it the verb of its subject: pronouns, "som", auxiliaries, "å"
_SUBJECT_WORDS = _words(
    """
    han hun ho hen de dei vi me eg jeg du man ein dere dykk som og å har hadde vil ville skal skulle
    kan kunne må måtte får fikk fekk pleier pleiar begynt begynte byrja mange flere fleire alle
    noen nokre nokon begge ungdom ungdommer ungdomar elever elevar gutter gutar jenter barn unge
    ikke ikkje også òg ofte mye mykje bare berre
    """
)
_NAMING_VERBS = _words("heter heiter het hette kalles kallast kalt kalla")
# what is listened to follows these, with the word after them: "lytte til Taylor Swift", "hører på
# Karpe", "fan av Sigrid", "konsert med Kygo"
# the word for a book, a story or a film, then what it is about: "fortellinger om", "boka der"
_STORY_NOUNS = _words(
    """
    bildebok bildeboka bildeboken bildebøker bildebøkene lydbok lydboka lydboken bok boka boken bøker
    bøkene bøkane fortelling fortellinga fortellingen fortellinger fortellingene forteljing forteljinga
    forteljingar forteljingane eventyr eventyret eventyra eventyrene eventyrane film filmen filmer filmene
    filmane tegneserie tegneserien teikneserie teikneserien serie serien barne-tv barne-tv-serien
    """
)
_STORY_LINKS = _words("om der hvor kor")
# the words before a real person beside a story: "leste med Emma", "las for Ola", "hos Kari"
_STORY_PERSON_BEFORE = _words("med for hos til fra frå av sammen saman heter heiter")
_STORY_END = frozenset(".!?;:\n\r")
_LISTEN_CUES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_words("lytte lytter lyttar lytta lyttet høre hører hørte høyre høyrer høyrde"), ("til", "på")),
    **dict.fromkeys(_words("fan fans"), ("av",)),
    **dict.fromkeys(_words("konsert konserten"), ("med", "til")),
}


@lru_cache(maxsize=4)
def _artist_index(artists: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The gazetteer's entries by their first word, the longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for entry in artists:
        seq = tuple(w.lower() for w in WORD_RE.findall(entry))
        if seq:
            index.setdefault(seq[0], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


# animals a note may name: their names are no personal data ("en hund som heter Bamse")
_PET_NOUNS = _words(
    """
    hund hunden hunder hundane hundene bikkje bikkja valp valpen katt katten katter kattane kattene pus
    pusen kattunge kattungen kanin kaninen kaniner hest hesten hester ponni ponnien marsvin marsvinet
    hamster hamsteren undulat undulaten papegøye papegøyen fisk fisken gullfisk gullfisken
    kjæledyr kjæledyret kjæledyra kjæledyrene dyr dyret
    """
)
# verbs of contacting someone, before the person ("ring per på …") or before "til"/"med" ("send til")
_CONTACT_VERBS = _words("ring ringe ringer ringar ringte ringde spør spørre spurte spurde")
_CONTACT_VIA = _words(
    "send sende sender sendte snakk snakke snakkes snakker snakket snakka snakkar prat prate prater pratet prata pratar"
)
# what follows the person contacted: "på" and a number, "om …", "i morgen"
# a time after a person: "… til aksel kl 0830", "… i går"
_WHEN_AFTER = r"kl(?:\.|okka|okken)?(?!\w)|i (?:går|gar|dag|morgon|morgen)(?!\w)"
_WHEN_AFTER_RE = re.compile(rf" (?:{_WHEN_AFTER})")
_CONTACT_FOLLOW_RE = re.compile(
    r" (?:på (?:telefon|telefonen|tlf|mobil|mobilen|teams|messenger)(?!\w)"
    # "ringte per på nav": the person at the service it works at; "ring per tilbake"
    r"|på (?:nav|skolen|skulen|jobb|jobben|kontoret|helsestasjonen|barnehagen|bup|ppt|barnevernet)(?!\w)"
    r"|tilbake(?!\w)|(på) (?=\S)|om(?!\w)"
    rf"|{_WHEN_AFTER})"
)
# the rest of a line after a signature: closing punctuation only
_LINE_END_RE = re.compile(r"[ \t]*[.!]?[ \t]*(?:\r?\n|$)")
# things that have a name of their own: "Kurset heter Sinnemestring", "ei gruppe som heiter Stjerna"
_THING_NOUNS = _words(
    """
    kurs kurset tiltak tiltaket program programmet gruppe gruppa gruppen gruppene app appen appar
    apper spill spillet spel spelet tilbud tilbudet tilbod tilbodet prosjekt prosjektet klubb
    klubben lag laget leir leiren film filmen serie serien bok boka boken kanal kanalen metode
    metoden modell modellen verktøy verktøyet skjema skjemaet kampanje kampanjen opplegg opplegget
    programserie nettside nettsida nettsiden side sida siden butikk butikken kor koret korps
    korpset band bandet rom rommet romma rommene møterom møterommet møteromma møterommene avdeling
    avdelinga avdelingen avdelingene base basen
    """
)
# articles and quantifiers: what follows them is a noun ("en App", "eit Nettbrett", "mange Likes")
_DETERMINERS = _words(
    "en ei et ein eit noen nokre nokon mange flere fleire fleste denne dette disse desse hver hvert kvar kvart"
)
# talk words whose object, without "med", is a thing: "avtalt Heimebesøk", "samtale Torsdag"
_TALK_NOUNS = frozenset(_words("avtale avtalt samtale samtalen samtaler møte møtet kontakt"))
_DIGITS = frozenset("0123456789")
_DIGITS_DASH = frozenset("0123456789-")
# short nouns that end compounds ("møterom", "skoletid", "fagdag"), never a surname's ending
_SHORT_TAILS = _words("rom tid dag fag bok mat tur lek sak")
# a school, club or centre in the definite form, before its name: "Danseskolen Pirouette"
_INSTITUTION_ENDINGS = tuple(
    _words(
        """
        skolen skulen klubben laget senteret sentret koret korpset barnehagen hallen huset kafeen
        butikken teateret kyrkja kirka kirken stua
        """
    )
)
# the endings of the definite forms of a noun ("mannen", "jenta", "elevane", "barna", "foreldrene")
_DEFINITE_PERSON_ENDINGS = ("ene", "ane", "en", "et", "a", "ne", "na", "n")
# words for a person whose definite form may begin a sentence ("Mannen sa …", "Elevane seier …")
_PERSON_NOUNS = _words(
    """
    mann menn kvinne kvinner dame damer herre gutt gutter gut gutar jente jenter elev elever
    barn ungdom ungdommer unge ungar unger venn venner nabo naboer sjef vakt lege prest politi
    politimann tolk betjent foreldre forelder søsken tvilling tvillingar tvillinger fremmed
    framand person personer menneske folk gjest gjester kunde kundar kunder klient pasient
    kamerat kameratar kamerater venninne venninner kompis kompisar kompiser kokk dame damer
    personal personale venn venner nabo naboer pedagog pedagoger pedagogar
    """
)
# the same words as the last part of a compound: "tannlege", "kantinedame", "klassekamerat"
_PERSON_NOUN_TAILS = tuple(sorted(w for w in _PERSON_NOUNS if len(w) >= 4))
# the endings of agent nouns: "bibliotekar", "trener", "sjåfør", "miljøterapeut", "psykolog"
_AGENT_ENDINGS = ("ar", "er", "ør", "ist", "ent", "ant", "log", "eut", "iker", "or")
# verbs whose object is a thing (a game, an app, a medicine, a team), never a person by itself
_THING_VERBS = _words(
    """
    spiller spilte spilt spille spelar speler spela spelte spelt spele gamer gamet gama
    bruker brukte brukt bruke brukar bruka installerer installerte installert installere
    strømmer strømmet streamer streamet vaper vapet snuser
    drikker drakk drukket drikk drikke drikk drikka spiser spiste spist spise et eter åt
    røyker røykte røykt røyke røykjer
    leser leste lest lese les las lesar lesa
    """
)
# two words: "laster ned X", "ser på X", "heier på X"
_THING_VERB_PAIRS = frozenset(
    (verb, particle)
    for verb, particle in (
        *((v, "ned") for v in _words("laster lastet lasta last laste lastar")),
        *((v, "på") for v in _words("ser så sett såg heier heiet heia heiar")),
    )
)
_THING_PARTICLES = frozenset({"ned", "på"})
# a word after the object that makes it a person: "ser på Zyrafa som …", "spiller med …"
_PERSON_OBJECT_NEXT = _words("som med sammen saman ut inn hjem heim til opp fordi")
# "flyttet til Kirkenær", "kom fra Flisa", "reiste til Hafjell"
_PLACE_PREPOSITIONS = _words("til fra frå mot")
_MOTION_VERBS = _words(
    """
    flytte flytter flyttet flytta flyttar flytte reise reiser reiste reist reisa dro drar drog
    kom kommer kjem komme kommet komen reiste flykta flyktet flyktar rømte rømde
    tur turen turar turer
    """
)
# words before the name of a unit or a room, never a person: "avdeling Blåklokka", "på basen
# Maurtua", "Barnehagen Trollskogen", "Møterom Fjellet"
_UNIT_WORDS = _words(
    """
    avdeling avdelinga avdelingen avd base basen gruppa gruppen gruppe barnehagen barnehage
    møterom møterommet grupperom grupperommet
    """
)
_UNIT_GAP = re.compile(r"\.?[ \t]+[\"«“']?")
# "Ola N.", and without the dot at the end of a line or before a comma: "hilsen lærer Berit S"
_TRAILING_INITIAL = re.compile(r"[ ][A-ZÆØÅ](?:\.(?![\w])|(?=[ \t]*(?:$|[\n\r,;])))")
_LOWER_TRAILING_INITIAL = re.compile(r"[ ]([a-zæøå])\.(?![\w])")
_LOWER_TRAILING_LETTER = re.compile(r"[ ]([a-zæøå])(?=[ \t]*(?:[,;+/)]|\r?\n|$))")
_ONE_LETTER_WORDS = frozenset("iåeo")  # "i", "å", nynorsk "e", "o": words, not initials
_SENTENCE_GOES_ON = re.compile(r"[ \t]+[a-zæøå]")
_INNER_HYPHEN_RE = re.compile(r"-(?<=[a-zæøå]-)(?=[a-zæøå])")
# the words for a place before which a capitalised word is that place ("Frøya kommune")
_PLACE_NOUNS = _words("kommune kommunes fylke fylkes fylkeskommune fylkeskommunes by bygd bygda")
# the tails of a compound named after a place: "Sondre Land-modellen", "Nord Fron-prosjektet"
_MODEL_TAILS = tuple(_words("modell metode prosjekt program ordning satsing tilbud løft"))
_AGE_AFTER = re.compile(
    # a class alone in the brackets names a pupil as an age does: "Yara (5A)", "Lykke (3A) har …"
    r"[ \t]*\([ \t]*(?:ca\.?[ \t]*)?\d{1,2}(?:[A-Ea-e](?=[ \t]*\)))?"
    r"(?:[ \t]*(?:år|mnd\.?|måneder|månader|md\.?|uker|uke|veker|veke|dager|dagar|døgn))?"
    # the class after the age: "Hêvî (8, 3. trinn)", "(14, 9B)"
    r"(?:[ \t]*,[ \t]*(?:\d{1,2}\.?[ \t]*(?:trinn|klasse|kl\.?|steg)|\d{1,2}[A-Da-d]|vg\d))?[ \t]*\)"
)
# "Lin, 8 år, får …", "Vår, 7 mnd.": an age set off by commas after a given name that is a word too
_AGE_SET_OFF = re.compile(r"[ \t]*,[ \t]*\d{1,2}[ \t]*(?:år|mnd\.?|måneder|månader)(?!\w)")
# after "prata med per": a time, a place or a topic ("i friminuttet", "om helga", "på tlf")
_TALK_FOLLOW = re.compile(
    r"[ \t]+(?:i|på|om|etter|før|førre|forrige|sist|ved|under|etterpå|fordi|sidan|siden|da|då|no|nå)(?!\w)"
)
# initials: "O.N.", "K. H.", "A.-K.", and a signature "/TM" or "– KB" at the end of a line
INITIALS_RE = re.compile(r"[A-ZÆØÅ](?<![\w.][A-ZÆØÅ])\.(?:[ ]?|-)[A-ZÆØÅ]\.(?:[ ]?[A-ZÆØÅ]\.)?(?![\w])")
SIGNATURE_RE = re.compile(r"/(?<![\w/]/)[A-ZÆØÅ]{2,3}(?=[ \t]*(?:$|\n|\r|[ \t]\d))")
# a signature after a slash set off by spaces at the end of a line ("Kari Nes (helsesykepleier)
# / KN"), and initials with a slash before the colon of a note's heading ("Notat /GM: …")
SPACED_SIGNATURE_RE = re.compile(r"/(?<=[ \t]/)[ \t](?P<sig>[A-ZÆØÅ]{2,3})(?=[ \t]*(?:$|\n|\r))")
HEADING_SIGNATURE_RE = re.compile(r"/(?P<sig>[A-ZÆØÅ]{2,3}):")
_HEADING_BEFORE_RE = re.compile(r"(?:^|\n|(?i:(?<![^\W\d_])[^\W\d_]*(?:notat|referat|logg)[ \t]+))\Z")
LOWER_SIGNATURE_RE = re.compile(r"/(?<=[ \t\n]/)([a-zæøå]{2,3})(?=[ \t]*(?:$|\n|\r))")
# initials handing a case over, on either side of an arrow: "Overlevering /mh → /ts:"
_HANDOVER_SIGNATURE_RE = re.compile(
    r"(?<![\w/])(?P<sig>/[a-zæøåA-ZÆØÅ]{2,3})(?=[ \t]*(?:→|->))|(?:→|->)[ \t]*(?P<sig2>/[a-zæøåA-ZÆØÅ]{2,3})(?![\w/])"
)
# "/mh, helsesøster" ending a line: the initials and the writer's role
_LOWER_SIGNATURE_ROLE_RE = re.compile(r"/(?<=[ \t\n]/)([a-zæøå]{2,3}),[ \t]*([^\W\d_]+)(?=[ \t]*(?:$|\n|\r))")
_UNITS = _words("år dag uke mnd md kr km t mm cm kg stk pers gang time min sek døgn veke")
DASH_SIGNATURE_RE = re.compile(
    r"[–—-](?<![^\s][–—-])[ \t]?(?P<sig>[A-ZÆØÅ]{2,3}|[A-ZÆØÅ][a-zæøå]?\.(?:[ ]?|-)[A-ZÆØÅ]\.)(?=[ \t]*(?:$|\n|\r))"
)
# a note signed with capitals alone on its last line, after a line of its own: "…\nKRN"
# (after "Ref.", "Referent:" or "Referat:" too: the minute-taker, "Ref. AHL", "Referat: MEL")
_LAST_LINE_INITIALS_RE = re.compile(
    r"(?<=\n)[ \t]*(?:(?i:ref\.?|referent|referat|skrevet[ \t]+av|skrive[ \t]+av)[ \t]*:?[ \t]*)?"
    r"(?P<sig>[A-ZÆØÅ]{2,3})\s*\Z"
)
# one initial after a kinship or role word, "til" between or not: "Mor til A. ringte", "eleven K."
_INITIAL_THEN_VERB_RE = re.compile(r"[A-ZÆØÅ]\.[ \t]+(?P<verb>[a-zæøå]+)")
# capitals after a sign-off, ending the line or the quotation: "mvh OM»", "Hilsen AV" (PPT stays)
_SIGN_OFF_CAPITALS_RE = re.compile(
    r"(?<![^\W\d_])(?i:mvh|hilsen|helsing|med vennlig hilsen|venleg helsing)[ \t,]+"
    r"(?P<sig>[A-ZÆØÅ]{2,3})(?=[ \t]*(?:$|\r?\n|[»”\"]|[.!](?:[ \t]*(?:$|\r?\n))))",
    re.MULTILINE,
)
_SIGN_OFF_KEYS = ("mvh", "hilsen", "helsing", "med vennlig", "venleg")
# a line of a person's capitals and a role: "GH, helsesjukepleiar" under a note
_INITIALS_AND_ROLE_LINE_RE = re.compile(
    r"^[ \t]*(?P<sig>[A-ZÆØÅ]{2,3}),[ \t]*(?P<role>[^\W\d_]+)[ \t]*$", re.MULTILINE
)
_QUOTE_NAME_SIGNATURE_RE = re.compile(r"[.!?][ \t]+(?P<sig>[A-ZÆØÅ][a-zæøå]{1,14})[ \t]*\Z")
_QUOTE_SIGNATURE_RE = re.compile(r"[.!?][ \t]+(?P<sig>[A-ZÆØÅ]{2,3})[ \t]*\Z")
_LONE_INITIAL_RE = re.compile(r"[A-ZÆØÅ](?<= [A-ZÆØÅ])\.(?![\w.])(?! [A-ZÆØÅ]\.)")
_WORDS_BEFORE_RE = re.compile(r"([^\W\d_]+)(?: (til))?:? \Z")
# «og» or «eller» and a person's initials of two letters or more after a lone initial ("M. og J.H.")
_AND_INITIALS_AFTER_RE = re.compile(r" (?:og|eller|and|or) [A-ZÆØÅ]\.[ ]?[A-ZÆØÅ]\.")
# a role's initials in brackets: "kontaktlærer (GH)", "Kontaktlærar (AKH)"
_ROLE_INITIALS_RE = re.compile(r"\((?P<sig>[A-ZÆØÅ]{2,3})\)")
# roles written short in minutes: "ktl" (kontaktlærer), "hsp"/"hsjp" (helsesykepleier), "ped.l."
_ROLE_SHORT = _words("ktl hsp hsjp hs helsesr ped.l ped.leder pl spes.ped spesped ass fagarb sfo-leder")
# initials, a dash and the role: "KH – ktl", "TH – kontaktlærer"
_INITIALS_DASH_ROLE_RE = re.compile(
    r"(?<![\w./-])(?P<sig>[A-ZÆØÅ]{2,3})[ \t]+[–—-][ \t]+(?P<role>[^\W\d_][\w.\-]*)"
)
_WORD_BEFORE_BRACKET_RE = re.compile(r"([^\W\d_]+)[ \t]*\Z")
# a signature in lower case after a dash ending a line: "ok fra meg. -ms"
# a note signed with lower-case initials alone at its end: "… men noterer. ev"
# lower-case initials ending a note after its last sentence or alone on its last line ("… i morgen. kh", "\nhb")
END_INITIALS_RE = re.compile(r"(?:(?<=[.!?][ \t])|(?<=\n))[a-zæøå]{2,3}(?=\s*\Z)")
# capitals ending a note after its last sentence: "Sendt bekymringsmelding. MK"
_END_CAPITALS_RE = re.compile(r"(?<=[.!?][ \t])(?P<sig>[A-ZÆØÅ]{2,3})(?:/(?P<sig2>[A-ZÆØÅ]{2,3}))?\s*\Z")
# a listed given name alone on a note's last line, a dash before it or not: "\nLine", "\n– Tor"
_LAST_LINE_NAME_RE = re.compile(r"(?<=\n)[ \t]*(?P<dash>[–—-][ \t]*)?(?P<sig>[A-ZÆØÅ][a-zæøå]{1,15})\s*\Z")
# a weekday's short form alone on a line ("Tor" for torsdag) signs nothing; after a dash it does
_WEEKDAY_SHORT = _words("man tir tirs ons tor tors fre lør søn sun")
_NOT_END_INITIALS = _words("ok ja nei mvh osv mm etc evt ps nb")
LOWER_DASH_SIGNATURE_RE = re.compile(r"[–—-](?<=[ \t\n][–—-])[ \t]?(?P<sig>[a-zæøå]{2,3})(?=[ \t]*(?:$|\n|\r))")
# a signature in capitals that spells an abbreviation written only in lower case ("kl." is the
# clock): "– KL" ending a note is who wrote it
_CAPITALS_NOT_ABBREVIATION = frozenset({"KL"})
_NOT_INITIALS = frozenset({"PS", "NB", "AS", "EU", "US", "OK", "TV", "PO", "IE", "EG", "AD", "BC", "PC", "DS"})


# who wrote a note, by initials after "av" or "by", in any case: "notat av IHL", "Skrevet av: KB",
# "ført av ihl", "SKREVET AV ØB", "typed in by MP" (tried only where the word stands; the word before
# it is checked apart)
_WRITTEN_BY_RE = re.compile(
    r"(?:(?i:av)(?<=[ \t](?i:av))|(?i:by)(?<=[ \t](?i:by)))[ \t]*:?[ \t]+"
    r"(?P<sig>[A-ZÆØÅ]{2,3}|[a-zæøå]{2,3})(?![\w@-]|\.\w)"
)
_WRITTEN_WORDS = _words(
    """
    notat notatet notert skrevet skrive skriven skreve ført førd referat referatet referert logget
    loggført registrert dokumentert
    note notes written typed noted recorded minuted signed entered logged
    """
)
# the word before "av"/"by", past a particle ("typed in by MP", "skrevet ned av KB")
_WORD_BEFORE_AV_RE = re.compile(r"([^\W\d_]+)(?:[ \t]+(?:in|up|down|inn|ned))?[ \t]+\Z")


def _written_by_initials(text: str, vocab: Vocab | None, folded: str) -> list[tuple[int, int]]:
    """"notat av IHL", "skrevet av kb": the initials of who wrote the note; not a service or a
    word ("notat av PPT", "skrevet av meg", "ført av mor")."""
    lists = shipped_lists()
    singles = vocab.singles if vocab is not None else frozenset()
    found = []
    # the pattern is tried only where " av" or " by" stands, in any case (found by str.find in
    # `folded`, the text in lower case)
    starts = sorted(at + 1 for key in (" av", "\tav", " by", "\tby") for at in _all_finds(folded, key))
    for m in _matches_at(_WRITTEN_BY_RE, text, starts):
        sig = m.group("sig")
        low = sig.lower()
        if sig in _NOT_INITIALS or low in singles or low in ROLE_TRIGGERS or low in FUNCTION_WORDS:
            continue
        if sig.islower() and (low in lists.words or low in lists.lexicon or low in _UNITS):
            continue
        before = _WORD_BEFORE_AV_RE.search(text, max(0, m.start() - 20), m.start())
        if before and before.group(1).lower() in _WRITTEN_WORDS:
            found.append((m.start("sig"), m.end("sig")))
    return found


def find_initials(text: str, vocab: Vocab | None = None, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of initials and signatures ("O.N.", "K. H.", "/TM", "– KB" ending a line); a
    vocabulary abbreviation after a dash stays ("Samarbeid med helsestasjon – PPT")."""
    found = []
    singles = vocab.singles if vocab is not None else frozenset()
    # every match of INITIALS_RE and _LONE_INITIAL_RE has its capital right before a full stop,
    # and every signature after a dash starts at the dash: tried only there
    before_dots = [at - 1 for at in _all_finds(text, ".") if at and text[at - 1].isupper()]
    if "." in text:
        for m in _matches_at(INITIALS_RE, text, before_dots):
            letters = "".join(c for c in m.group() if c.isalpha())
            # "O.K." is a word ("Det er O.K."), but initials after a sign-off ("Hilsen O.K. Nes")
            if letters not in _NOT_INITIALS or _SIGN_OFF_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
                found.append((m.start(), m.end()))
    if "/" in text:
        found += [(m.start(), m.end()) for m in SIGNATURE_RE.finditer(text)]
        lists = shipped_lists()
        headings = [
            m for m in HEADING_SIGNATURE_RE.finditer(text)
            if _HEADING_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        ]
        for m in (*SPACED_SIGNATURE_RE.finditer(text), *headings):
            sig = m.group("sig")
            low = sig.lower()
            if sig not in _NOT_INITIALS and low not in singles and low not in lists.words and low not in lists.lexicon:
                found.append((m.start("sig"), m.end("sig")))  # not "helsestasjon / PPT"
        if " /" in text or "\n/" in text:
            words = shipped_lists().words
            given = shipped_lists().given
            for m in LOWER_SIGNATURE_RE.finditer(text):
                sig = m.group(1)
                if (sig not in words or sig in given) and sig not in _UNITS:
                    found.append((m.start(), m.end()))  # "Skrevet av /kh", "/siv"
            if "→" in text or "->" in text:
                near_arrows = _windows(text, _literal_hits(text, ("→", "->")), 8, 10)
                for m in _finditer_near(_HANDOVER_SIGNATURE_RE, text, near_arrows):
                    group = "sig" if m.group("sig") else "sig2"
                    if m.group(group)[1:].lower() not in _UNITS:
                        found.append((m.start(group), m.end(group)))  # "Overlevering /mh → /ts"
            for m in _LOWER_SIGNATURE_ROLE_RE.finditer(text):
                if m.group(2).lower() in ROLE_TRIGGERS and m.group(1) not in _UNITS:
                    found.append((m.start(), m.end(1)))  # "/ah, helsesjukepleiar"
    if "–" in text or "—" in text or "- " in text or "-" in text:
        dashes = [at for at, _ in _literal_hits(text, ("–", "—", "-"))]
        for m in _matches_at(DASH_SIGNATURE_RE, text, dashes):
            letters = "".join(c for c in m.group("sig") if c.isalpha())
            abbreviation = letters.lower() in singles and letters not in _CAPITALS_NOT_ABBREVIATION
            if letters not in _NOT_INITIALS and not abbreviation:
                found.append((m.start("sig"), m.end("sig")))
        lists = shipped_lists()
        for m in _matches_at(LOWER_DASH_SIGNATURE_RE, text, dashes):
            sig = m.group("sig")
            if (sig not in lists.words and sig not in lists.lexicon and sig not in _UNITS and sig not in singles
                    and sig not in _ROLE_SHORT):  # "OB – hsp": a role written short
                found.append((m.start("sig"), m.end("sig")))
    if "." in text:
        for m in _matches_at(_LONE_INITIAL_RE, text, before_dots):
            before = _WORDS_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before and (before.group(1).lower() in ROLE_TRIGGERS or before.group(1).lower() in NAME_TRIGGERS):
                found.append((m.start(), m.end()))  # "Mor til A. ringte", "Referent: B. Hov"
            elif _AND_INITIALS_AFTER_RE.match(text, m.end()):
                found.append((m.start(), m.end()))  # "M. og J.H. tar lua hans": one of two persons
        # "K. ringte fra bv, …": a lone initial opening a line before a verb a person does
        for at in before_dots:
            if at == 0 or text[at - 1] == "\n":
                opening = _INITIAL_THEN_VERB_RE.match(text, at)
                if opening is not None and opening.group("verb") in HUMAN_VERBS:
                    found.append((at, at + 2))
    if "»" in text or "”" in text or '"' in text:
        # "… Kan OT ta kontakt? VS»": a quoted message signed with initials before its closing mark
        lists = shipped_lists()
        for close, _ in _literal_hits(text, ("»", "”", '"')):
            signed = _QUOTE_SIGNATURE_RE.search(text, max(0, close - 8), close)
            if signed is None:
                named = _QUOTE_NAME_SIGNATURE_RE.search(text, max(0, close - 24), close)
                if named is not None and named.group("sig").lower() in lists.given:
                    found.append((named.start("sig"), named.end("sig")))  # «… Ser henne mandag. Tone»
                continue
            sig = signed.group("sig")
            low = sig.lower()
            if sig not in _NOT_INITIALS and low not in singles and low not in lists.words and low not in lists.lexicon:
                found.append((signed.start("sig"), signed.end("sig")))
    if folded is None:
        folded = fold_lower(text)  # `fold_lower(text)`, given by a caller that has it already
    sign_offs = sorted({i for key in _SIGN_OFF_KEYS for i in _all_finds(folded, key)})
    if sign_offs:
        for m in _matches_at(_SIGN_OFF_CAPITALS_RE, text, sign_offs):
            sig = m.group("sig")
            # a service in the vocabulary stays ("mvh PPT"); a small word in capitals is initials
            service = sig.lower() in singles and sig.lower() not in FUNCTION_WORDS
            if sig not in _NOT_INITIALS and not service:
                found.append((m.start("sig"), m.end("sig")))  # "mvh OM»": initials that spell a word
    for m in _INITIALS_AND_ROLE_LINE_RE.finditer(text) if ",\n" in text or ", " in text else ():
        sig = m.group("sig")
        if (m.group("role").lower() in ROLE_TRIGGERS and sig not in _NOT_INITIALS and sig.lower() not in singles
                and sig.lower() not in domain_abbreviations() and sig not in _INSTITUTION_ABBR):
            found.append((m.start("sig"), m.end("sig")))  # "GH, helsesjukepleiar" signing a note
    end = END_INITIALS_RE.search(text, max(0, len(text) - 8))
    if end:
        sig, lists = end.group(), shipped_lists()
        if not (
            sig in lists.words
            or sig in lists.lexicon
            or sig in _UNITS
            or sig in singles
            or sig in NAME_TRIGGERS
            or sig in _NOT_END_INITIALS
        ):
            found.append((end.start(), end.end()))
    if "(" in text:
        for m in _ROLE_INITIALS_RE.finditer(text):
            sig = m.group("sig")
            role = _WORD_BEFORE_BRACKET_RE.search(text, max(0, m.start() - 30), m.start())
            if not role or (role.group(1).lower() not in ROLE_TRIGGERS and role.group(1).lower() not in _ROLE_SHORT):
                continue
            if sig not in _NOT_INITIALS and sig.lower() not in singles:
                found.append((m.start("sig"), m.end("sig")))  # "Referent: ktl (MB)"
    if "–" in text or " - " in text:
        for m in _INITIALS_DASH_ROLE_RE.finditer(text):
            sig, short = m.group("sig"), m.group("role").lower().rstrip(".")
            # a role, or the service one comes from in capitals ("AL – PPT")
            service = m.group("role").isupper() and short in singles
            known = sig.lower() in singles or sig.lower() in domain_abbreviations() or sig in _INSTITUTION_ABBR
            if (short in ROLE_TRIGGERS or short in _ROLE_SHORT or service) and sig not in _NOT_INITIALS and not known:
                found.append((m.start("sig"), m.end("sig")))  # "Til stede: KH – ktl, OB – hsp"
    end_sig = _LAST_LINE_INITIALS_RE.search(text, max(0, len(text) - 24))
    if end_sig:
        sig = end_sig.group("sig")
        if sig not in _NOT_INITIALS and sig.lower() not in singles and sig.lower() not in shipped_lists().words:
            found.append((end_sig.start("sig"), end_sig.end("sig")))  # a note signed "KRN" on its last line
    end_caps = _END_CAPITALS_RE.search(text, max(0, len(text) - 12))
    if end_caps:
        # "… bekymringsmelding. MK"; two who wrote it, "… uanmeldt. IL/KB", are initials even when
        # one of them spells a club's abbreviation («IL»); a service stays ("PPT/NAV")
        pair = end_caps.group("sig2") is not None
        for group in ("sig", "sig2") if pair else ("sig",):
            sig = end_caps.group(group)
            if (sig not in _NOT_INITIALS and sig.lower() not in singles and sig.lower() not in domain_abbreviations()
                    and (pair or sig not in _INSTITUTION_ABBR)):
                found.append((end_caps.start(group), end_caps.end(group)))
    last_name = _LAST_LINE_NAME_RE.search(text, max(0, len(text) - 24))
    if last_name:
        sig = last_name.group("sig").lower()
        weekday = sig in _WEEKDAY_SHORT and not last_name.group("dash")
        if sig in shipped_lists().given and sig not in singles and not weekday:
            found.append((last_name.start("sig"), last_name.end("sig")))  # a note signed with a given name
    if " av" in text or " by" in text or " AV" in text or " BY" in text:
        found += _written_by_initials(text, vocab, folded)
    found += _initials_after_cue(text)
    found += _initials_again(text, found, singles)
    # the longest of two spans at one start ("A.-K. Holm": "A.-K.", not the lone initial "A.")
    found.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _initials_again(text: str, found: list[tuple[int, int]], singles: frozenset[str]) -> list[tuple[int, int]]:
    """Initials found once are the same person's wherever else they stand in the note ("KH – ktl" …
    "Ansvar: KH ringer hjem"), unless they spell a word, a service or a club."""
    sigs = {
        sig for sig in (text[a:b] for a, b in found)
        if 2 <= len(sig) <= 3 and sig.isalpha() and sig.isupper() and sig not in _NOT_INITIALS
        and sig.lower() not in singles and sig.lower() not in domain_abbreviations() and sig not in _INSTITUTION_ABBR
    }
    if not sigs:
        return []
    taken = {a for a, _ in found}
    again = re.compile(r"(?<![\w/.])(?:" + "|".join(sorted(sigs)) + r")(?![\w])")
    return [(m.start(), m.end()) for m in again.finditer(text) if m.start() not in taken]


_GLUED = frozenset("'’_0123456789")
# a genitive apostrophe is followed by the thing owned: "Nes' far", "Hans' bror"
_GENITIVE_NEXT = re.compile(r"[ \t]+[a-zæøå]")
# the rest of a user name around a name in it: "tobias_2009", "x_kari_x"
_HANDLE_AFTER = re.compile(r"(?:[\w]|\.(?=\w))+")
_HANDLE_BEFORE = re.compile(r"(?<![\w.])(?:\w|\.(?=\w))+\Z")


def _number_label(low: str) -> bool:
    """The shortened label of a number ("Fnr", "Pnr", "Hnr", "Tlfnr", "Orgnr"): "nr" after a
    consonant ends no name, so such a word before an identity number or a phone is no person."""
    return len(low) >= 3 and low.endswith("nr") and low[-3] not in _VOWELS


_VOWELS = frozenset("aeiouyæøåéèáàäöü")


# a user name after the word for one ("Nick: «tobias_2009»", "brukernavnet er kari.n07") or
# after an at sign ("@tobias_2009" on its own, not an e-mail address)
_HANDLE_CUE_RE = re.compile(
    r"(?i:(?<![\w])(?:nick(?:name|navn|namn)?(?:et|en)?|brukernavn(?:et)?|brukarnamn(?:et)?|username|user"
    r"|gamertag(?:en)?|profilnavn(?:et)?|profilnamn(?:et)?)"
    r"(?:[ \t]+(?:hans|hennes|hennar|hens|deres|deira|mitt|ditt|sitt))?)"
    r"(?P<gap>[ \t]*(?::|=|er|var|heter|heiter)?[ \t]*)(?P<quote>[«\"“'(]?)[ \t]*"
    r"(?P<h>@?\w(?:[\w.\-]*\w)?)"
)
_AT_HANDLE_RE = re.compile(r"@(?<![\w.+\-]@)(?P<h>[^\W\d_][\w.]*\w|[^\W\d_])(?![\w@])")
_HANDLE_KEYS = ("nick", "brukernavn", "brukarnamn", "username", "user", "gamertag", "profilnavn", "profilnamn")


def find_handles(text: str, low: str) -> list[tuple[int, int]]:
    """Spans of user names: after a word for one, the token that follows when it is written like
    a user name (a digit, "_", "." or "@" in it), stands in quotes or after a colon and is no
    ordinary word; and a word after an at sign that no e-mail address holds."""
    found: list[tuple[int, int]] = []
    if any(key in low for key in _HANDLE_KEYS):
        lists = shipped_lists()
        for p in _word_starts(low, _HANDLE_KEYS):
            m = _HANDLE_CUE_RE.match(text, p)
            if m is None:
                continue
            handle = m.group("h")
            marked = any(c.isdigit() or c in "_.@" for c in handle)
            set_off = bool(m.group("quote")) or ":" in m.group("gap") or "=" in m.group("gap")
            plain = handle.lower()
            if marked or (set_off and plain not in lists.words and plain not in lists.lexicon
                          and plain not in FUNCTION_WORDS):
                found.append((m.start("h"), m.end("h")))
    if "@" in text:
        found += [(m.start(), m.end()) for m in _AT_HANDLE_RE.finditer(text)]
    return sorted(found)


# a word with capitals inside it ("KariNordmann", "NordmannKari", "OlaNordmann2016")
_GLUED_RE = re.compile(r"(?<![\w])[A-ZÆØÅ][a-zæøåéü]+(?:[A-ZÆØÅ][a-zæøåéü]+)+(?![^\W\d_])")
_CAPITAL_PART_RE = re.compile(r"[A-ZÆØÅ][a-zæøåéü]+")
# a capital right after a small letter (every _GLUED_RE match holds one; the capital first, as
# capitals are rare, so that the engine skips ahead fast), and the run of such letters before it,
# where a match would start
_CAPITAL_AFTER_SMALL_RE = re.compile(r"[A-ZÆØÅ](?<=[a-zæøåéü][A-ZÆØÅ])")
_LETTERS_BEFORE_RE = re.compile(r"[A-ZÆØÅa-zæøåéü]*\Z")


def _glued_words(text: str) -> list[re.Match[str]]:
    """_GLUED_RE's matches, tried only at the start of a word with a capital inside it: the same
    matches as a scan of the whole text, far cheaper."""
    starts = []
    for inner in _CAPITAL_AFTER_SMALL_RE.finditer(text):
        small = inner.start() - 1
        run = _LETTERS_BEFORE_RE.search(text, max(0, small - 200), small)
        starts.append(run.start() if run else small)  # the word's first letter (in text order)
    return _matches_at(_GLUED_RE, text, starts)


# a word written with a space after each letter ("K a r i", "N o r d m a n n"): three letters or
# more, each alone between blanks
_TWO_SPACED_RE = re.compile(r" [^\W\d_] [^\W\d_]")
_ONE_LETTER_BEFORE_RE = re.compile(r"(?<![^\s(«\"'])[^\W\d_]")
_SPACED_LETTERS_RE = re.compile(r"(?<![^\s(«\"'])[^\W\d_](?: [^\W\d_]){2,}(?![^\s.,;:!?)»\"'])")


def find_spaced_names(text: str) -> list[tuple[int, int]]:
    """Spans of a name written with a space after each letter ("Eleven heter K a r i", "K a r i
    N o r d m a n n"): the letters make a listed given name or surname that is no ordinary word
    ("i n n", "a b c" stay)."""
    found: list[tuple[int, int]] = []
    if " " not in text:
        return found
    lists = shipped_lists()
    starts = []
    for pair in _TWO_SPACED_RE.finditer(text):  # two one-letter words in a row: rare in prose
        at = pair.start() + 1
        while at >= 2 and text[at - 1] == " " and _ONE_LETTER_BEFORE_RE.match(text, at - 2):
            at -= 2  # back to the first letter of the run
        starts.append(at)
    for m in _matches_at(_SPACED_LETTERS_RE, text, sorted(set(starts))):
        letters = m.group().split(" ")
        # the longest run of the letters from the first that is a name: "O l a i dag" is Ola and «i»
        for size in range(len(letters), 2, -1):
            word = "".join(letters[:size]).lower()
            if word in lists.names and word not in lists.words and word not in FUNCTION_WORDS:
                found.append((m.start(), m.start() + 2 * size - 1))
                break
    return found


def find_glued_names(text: str) -> list[tuple[int, int]]:
    """Spans of a given name and a surname (or two names) written as one word with the capitals
    kept ("KariNordmann", "NordmannKari"): every part a listed name, one of them a given name. A
    brand or a word with capitals inside it (PowerPoint, YouTube) has parts that are no names."""
    found: list[tuple[int, int]] = []
    if not any(c.isupper() for c in text[1:]):
        return found
    lists = shipped_lists()
    for m in _glued_words(text):
        parts = [p.lower() for p in _CAPITAL_PART_RE.findall(m.group())]
        if all(p in lists.names and p not in lists.words and p not in FUNCTION_WORDS for p in parts) and any(
                p in lists.given for p in parts):
            found.append((m.start(), m.end()))
    return found


def _line_starts(text: str) -> list[int]:
    """Where each line of `text` begins (where a pattern's "^" can match, in MULTILINE mode)."""
    return [0, *(at + 1 for at in _all_finds(text, "\n"))]


def _word_starts(low: str, keys: tuple[str, ...]) -> list[int]:
    """Where `keys` begin a word of the lower-cased text (str.find: fast)."""
    return sorted(i for key in keys for i in _all_finds(low, key) if i == 0 or not low[i - 1].isalnum())


# "heter ola" names a person even in lower case; "kalt stygge ting" does not
_LOWERCASE_NAME_TRIGGERS = frozenset(["heter", "heiter", "het", "hette", "navn", "namn", "name", "named"])
_AUXILIARIES = _words("har hadde er var skal skulle vil ville kan kunne må måtte fikk får fekk")
_DEFINITE_ENDINGS = ("en", "et", "ene", "ane", "er", "ar", "ing", "het", "else", "skap", "sjon", "tet")
_TRIGGER_GAP = re.compile(r"[ \t]*[:(,«\"“']?[ \t]*")
_MONTH_NAMES = frozenset({"april", "mai", "juni", "juli", "august"})


@lru_cache(maxsize=1)
def _given_function_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Given names that are function words elsewhere ("Nguyen Van An", "Per Hans", "Ola Jo"),
    and their capitalised forms (for a fast test of a text)."""
    words = shipped_lists().given & FUNCTION_WORDS
    return words, tuple(sorted(w.capitalize() for w in words))
_ENGLISH_MONTHS = _words("january february march april may june july august september october november december")
_ALL_MONTHS = (
    _words("januar februar mars april mai juni juli august september oktober november desember") | _ENGLISH_MONTHS
)
_MONTH_JOINS = _words("og eller til and or to until till through")
# words before an English month that make it a date: "in May", "until August", "next June"
_ENGLISH_DATE_WORDS = _words("in on by until till since next last early late mid during through throughout")
# "the end of May", "the 3rd of June": a month after "of" is a date after these only
_BEFORE_OF_MONTH = _words("end start beginning middle half rest month")
# "from May": a date when a span follows ("from May to June", "from May until the summer")
_SPAN_ENDS = _words("to until till through")
_ONWARDS = _words("on onwards onward")
# "a message from May": what comes from a person
_FROM_SOMEONE = _words(
    "message messages letter letters call calls text texts email emails e-mail mail note notes card"
    " heard got received hear get receive came come comes news greetings answer reply"
)
# "picked up by June", "hit by May": "by" after a verb names the one who did it
_BY_AFTER_VERB = _words("hit met seen bitten set put cut kept left brought caught taught told")
_DAY_BEFORE_RE = re.compile(r"\d(?:st|nd|rd|th)?\.?(?: of)?\s*$")
# the short forms of the months that are given names too or read as one (Jan, Mar …), beside a
# day number or a year only
_MONTH_ABBREVIATIONS = _words("jan feb mar apr jun jul aug sep sept oct okt nov dec des")
# English words for what is counted by a number after it ("Year 9", "Grade 4", "Room 118")
_ENGLISH_COUNTED = _words("year grade class room week level form floor unit")
_NUMBER_AFTER_RE = re.compile(r"[ \t]\d")
# ("Observasjon i barnehagen, Dag 3." ends a sentence with the day; "Dag 3.5" or "Dag 12,5" are no day)
_DAY_NUMBER_AFTER_RE = re.compile(r"[ \t]\d{1,2}(?!\d|[.,]\d|:\d)(?![ \t]*(?:år|mnd|måneder|månader)(?!\w))")
# English weekdays shortened as an e-mail's date shows them ("Thu 20 Mar 2026", "Mon, 3 Feb"):
# a weekday when a day number and a month follow
_WEEKDAY_ABBREVIATIONS = _words("mon tue wed thu fri sat sun")
# English «even» as an adverb before these ("Even so", "Even if", "Even though")
_EVEN_ADVERB_NEXT = _words("so if though when then more less better worse after before now today")
# the same in Norwegian before a day and a month in figures: "Tor. 6.11:", "Ons. 12/3"
_NORWEGIAN_WEEKDAY_ABBREVIATIONS = _words("man tir tirs ons tor tors fre lør søn")
_NUMERIC_DATE_AFTER_RE = re.compile(r"\.[ \t]*\d{1,2}[./]\d{1,2}(?!\d)")
_NUMERIC_DATE_OR_TIME_AFTER_RE = re.compile(r"\.?[ \t]+\d{1,2}[./:]\d{1,2}(?!\d)")
_WEEKDAY_NAMES = _words("tor tors")  # the one shortening that is a given name too
_CLOCK_AFTER_RE = re.compile(r",?[ \t]+\d{1,2}[:.]\d{2}(?!\d)")
# whom an English verb of the writer's at the start of a line is about ("Told mum", "Called dad")
_ENGLISH_OBJECTS = _words("mum mom dad mother father him her them the parents school staff")
_WEEKDAY_DATE_AFTER_RE = re.compile(
    r",?[ \t]+\d{1,2}(?:st|nd|rd|th)?\.?[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?!\w)"
)
_ABBR_DAY_BEFORE_RE = re.compile(r"(?<![\d.,])\d{1,2}(?:st|nd|rd|th)?\.?[ \t]*$")
# a day after the month ends there, or at a colon that opens a log line ("Jan 12: Home visit"), or
# at the comma before a year ("Jan 12, 2026"); not in a time ("Jan 12:30") or before an age
_ABBR_DAY_AFTER_RE = re.compile(
    r"\.?[ \t]+\d{1,4}(?:(?![\d.,:])|(?=:(?!\d))|(?=,[ \t]*\d{4}(?!\d)))(?![ \t]*(?:år|års|years?|yrs?|y\.o\.))"
)
_DAY_OR_YEAR_AFTER_RE = re.compile(r",?\s*\d")
# English word names that are verbs too: after a kinship word a name only before a verb or a
# surname ("her mother will.", "the father rose." end a phrase as a verb does)
ENGLISH_VERB_NAMES = _words("will rose mark bill grant chase may")
# a month in lower case or its short form, and the day number right before it: "13. jan", "6 jan"
_MONTH_WORDS = _ALL_MONTHS | _MONTH_ABBREVIATIONS
_DAY_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.,:])(?:0?[1-9]|[12]\d|3[01])(?:\.[ \t]?|[ \t])\Z")


def _definite_of_e_noun(low: str, lexicon: frozenset[str]) -> bool:
    """The definite or plural form of a noun that ends in -e ("bamsen", "bamsar", "kosene" of
    "bamse", "kose"): the lexicon lists the noun, often not each of its forms."""
    for ending in ("ne", "n", "r", "t"):
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 4 and stem.endswith("e") and stem in lexicon:
            return True
    return False


# present and past endings of verbs (bokmål and nynorsk): "drikker", "spelar", "snakket",
# "kjøpte", "prøvde", "hoppa"
_VERB_ENDINGS = ("er", "ar", "et", "te", "de", "a")


def _is_verb_form(low: str, lists: NameLists) -> bool:
    if low in lists.names or len(low) < 5 or "-" in low:
        return False
    common = lists.lexicon
    for ending in _VERB_ENDINGS:
        if not low.endswith(ending):
            continue
        stem = low[: -len(ending)]
        if len(stem) < 3:
            continue
        for infinitive in (stem + "e", stem + "a"):
            known = infinitive in common or infinitive in lists.words
            if infinitive != low and known and infinitive not in lists.names:
                return True
    return False

# the words for the leader of a kindergarten department or a base, before its name
_UNIT_LEADERS = _words("leder lederen leiar leiaren")
_FAMILY_HEADS = _words("familien familia fam")
_FAMILY_HEAD_RE = re.compile(r"am(?:ilien|ilia)? (?=[a-zæøå])")
_FAMILY_HEAD_CAPITAL_RE = re.compile(r"am(?:ilien|ilia)? (?=[A-ZÆØÅ])")  # "Familien Hov: Gunn Hov (mor)"
# after initials: the end of the line or of the sentence
_LINE_OR_SENTENCE_END = re.compile(r"[ \t]*(?:$|[\n\r.,!])")
# where a surname after a role word ends: the end of the text, a line or a sentence, a comma, a
# bracket, «og», or «i dag» and its kin ("Møte med far Hov.", "far Hov (45)", "far Hov og mor Nes")
_NAME_SLOT_END_RE = re.compile(
    r"[ \t]*(?:$|[\n\r.,;!?()])|[ \t]+(?:og|i (?:dag|går|morgen|morgon|kveld))(?![^\W\d_])"
)
_INTERPRETERS = _words("tolk tolken")
# two or three letters before the slash of a reference ("ref. kh/01.12"): someone's initials
_REF_INITIALS_RE = re.compile(r"ref\.?[ \t]*([a-zæøåA-ZÆØÅ]{2,3})(?=/)", re.IGNORECASE)


def _initials_after_cue(text: str) -> list[tuple[int, int]]:
    """Initials in a reference; an ordinary word or an abbreviation of the domain there stays
    ("ref. sak/2024", "ref. BUP/12"). Looked for only where "ref" stands before a slash."""
    if "/" not in text:
        return []
    found: list[tuple[int, int]] = []
    lists = shipped_lists()
    for cue in ("ref", "Ref", "REF"):
        at = text.find(cue)
        while at != -1:
            if text[at + 3 : at + 4] in (".", " ", "\t") and (at == 0 or not text[at - 1].isalnum()):
                m = _REF_INITIALS_RE.match(text, at)
                if m:
                    sig = m.group(1)
                    low = sig.lower()
                    if not (
                        low in lists.words
                        or low in lists.lexicon
                        or low in NAME_TRIGGERS
                        or (sig.isupper() and (sig in _NOT_INITIALS or low in domain_abbreviations()))
                    ):
                        found.append((m.start(1), m.end(1)))
            at = text.find(cue, at + 3)
    return found


@lru_cache(maxsize=1)
def domain_abbreviations() -> frozenset[str]:
    """The built-in abbreviations of the domain vocabulary (PPT, BUP, NAV …), lower case."""
    from bti_cli.privacy.vocabulary import builtin_vocabulary

    return frozenset(w.lower() for w in builtin_vocabulary() if w.isupper() and 2 <= len(w) <= 4)


# the things of nature kindergarten departments and school bases are named after, in the
# indefinite form: flowers, plants, animals, birds, insects, berries, trees, the sky and the tales
_DEPARTMENT_WORDS = frozenset(
    _words(
        """
        solsikke blåklokke kvitveis hvitveis prestekrage løvetann rose tulipan lilje fiol kløver
        smørblomst blåveis marikåpe nøkkerose vannlilje sisselrot kongle mose
        marihøne humle bie sommarfugl sommerfugl maur maurtue tue tuve meitemark snegl
        ekorn rev hare elg hjort rådyr gaupe grevling pinnsvin mus frosk padde
        ugle kråke meis spurv svale måke trost lerke due svane and kylling
        sel hval delfin krabbe sjøstjerne
        stjerne stjerneskudd måne regnbue sky skye himmel
        blåbær tyttebær molte multe bringebær jordbær kirsebær eple plomme nøtt hasselnøtt
        eik bjørk furu gran rogn selje lønn osp hassel lind alm einer
        troll nisse tomte dverg alv drage
        """
    )
)
# a compound ends in one of the longer ones ("Blåbærtuva", "Kvitveisen"); a short one ("rev",
# "mus") is the whole word, so that "Rasmusen" is no "mus"
_DEPARTMENT_THINGS = tuple(sorted(w for w in _DEPARTMENT_WORDS if len(w) >= 4))
