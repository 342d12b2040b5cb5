"""Indonesian text analysis for the search index, the same at index and query time.

Two analyzers: ``indonesian`` (lowercase, stopwords removed, Sastrawi stem)
for recall, and ``exact`` (lowercase only) for phrases and exact wording. The
stem function is a module-level, cached function: Whoosh pickles analyzers
into the index, and a bound stemmer object would be pickled with its whole
dictionary (DESIGN.md section 8).
"""
from __future__ import annotations

from functools import lru_cache

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

from .lexicon import stopwords

# Words, numbers with their letter ("5a", "22e"), and slashed numbers as one token
# ("2/pmk.07/2022" is split on the slash to "2", "pmk", "07", "2022").
TOKEN_PATTERN = r"\w+(?:[-']\w+)*"


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


def indonesian():
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1)
            | StemFilter(stemfn=stem, cachesize=None))


def exact():
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()


def terms(text: str, analyzer=None) -> list[str]:
    """The tokens a text is indexed as (for tests and --explain)."""
    analyzer = analyzer or indonesian()
    return [t.text for t in analyzer(text)]
