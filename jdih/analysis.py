"""Indonesian text analysis for the search index, the same at index and query time.

Four analyzers over one tokenizer:

- ``indonesian``: lowercase, bound morphemes joined to their word ("antar
  waktu" -> "antarwaktu", as the spelling rules write it), stopwords removed,
  Sastrawi stem. For recall: "penggantian", "pengganti" and "digantikan" all
  become "ganti".
- ``exact``: lowercase only, every word kept. For exact wording and the
  vocabulary behind "Maksud Anda".
- ``pairs``: the ``exact`` tokens as overlapping word pairs ("calon terpilih",
  "terpilih mengundurkan"), with positions. A quoted phrase is a sequence of
  pairs at consecutive positions, so a phrase query intersects the short
  posting lists of rare pairs instead of checking the positions of two common
  words in every clause that has both (Whoosh's slow path).
- ``stem_pairs``: the ``indonesian`` tokens as pairs, without positions: a
  proximity signal that survives inflection ("pengganti antarwaktu" and
  "penggantian antarwaktu" are both "ganti antarwaktu").

The stem function is a module-level, cached function: Whoosh pickles analyzers
into the index, and a bound stemmer object would be pickled with its whole
dictionary (DESIGN.md section 8). Filters are module-level classes for the
same reason.
"""
from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

from .lexicon import stopwords

# Words, numbers with their letter ("5a", "22e"), and words with inner hyphens
# or apostrophes ("undang-undang", "ban-pt") as one token. A slashed number is
# split on the slash ("2/pmk.07/2022" -> "2", "pmk", "07", "2022").
TOKEN_PATTERN = r"\w+(?:[-']\w+)*"

# Bound morphemes that the spelling rules (PUEBI) write joined to the next word
# but people often type apart or hyphenated: "antar waktu", "antar-parlemen",
# "pasca pemilu", "non aktif", "sub bagian". Joined in the ``indonesian``
# analyzer only (``exact`` keeps what was written).
BOUND_PREFIXES = frozenset({"antar", "pasca", "pra", "non", "sub", "swa", "multi", "semi", "supra"})

PAIR_SEPARATOR = " "


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Sastrawi stem of one lower-case word; numbers and short words are kept."""
    if len(word) < 4 or not word.isalpha():
        return word
    # Sastrawi treats "-" reduplication itself; it returns '' for some inputs.
    return _stemmer().stem(word) or word


def join_bound(word: str) -> str:
    """'antar-parlemen' -> 'antarparlemen'; other words unchanged."""
    head, sep, rest = word.partition("-")
    if sep and head in BOUND_PREFIXES and rest.isalpha():
        return head + rest
    return word


class BoundMorphemeFilter(Filter):
    """Join a bound morpheme to the word after it: 'antar' 'waktu' -> 'antarwaktu'."""

    def __eq__(self, other):
        return other and self.__class__ is other.__class__

    def __call__(self, tokens):
        pending = None
        for t in tokens:
            text = join_bound(t.text)
            if pending is not None:
                if text.isalpha():
                    t.text = pending.text + text
                    if t.chars and pending.chars:
                        t.startchar = pending.startchar
                    pending = None
                    yield t
                    continue
                yield pending
                pending = None
            if text in BOUND_PREFIXES:
                pending = t.copy()
                continue
            t.text = text
            yield t
        if pending is not None:
            yield pending


class PairFilter(Filter):
    """Overlapping word pairs: 'a b c' -> 'a b', 'b c' (positions of the second word)."""

    def __eq__(self, other):
        return other and self.__class__ is other.__class__

    def __call__(self, tokens):
        prev = None
        for t in tokens:
            text = t.text
            if prev is not None:
                t.text = prev + PAIR_SEPARATOR + text
                yield t
            prev = text


def indonesian():
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | BoundMorphemeFilter()
            | StopFilter(stoplist=stopwords(), minsize=1) | StemFilter(stemfn=stem, cachesize=None))


def exact():
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()


def pairs():
    return exact() | PairFilter()


def stem_pairs():
    return indonesian() | PairFilter()


def terms(text: str, analyzer=None) -> list[str]:
    """The tokens a text is indexed as (for tests and --explain)."""
    analyzer = analyzer or indonesian()
    return [t.text for t in analyzer(text)]


def exact_words(text: str) -> list[str]:
    return terms(text, exact())


def pair_terms(words: list[str]) -> list[str]:
    """The pair tokens of a word sequence (as ``pairs``/``stem_pairs`` index them)."""
    return [a + PAIR_SEPARATOR + b for a, b in zip(words, words[1:])]
