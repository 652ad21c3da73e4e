"""English words: their British and American spellings, and whether a string is a word.

``is_word`` asks pyspellchecker's word list (words of subtitles and books with their
frequencies), so that a word a print page broke over two lines ("univer-" / "sities") is
joined again only when the joined form is a word, while a compound broken at its hyphen
("government-" / "sponsored") keeps it. A library's list, not ours: no list of English words
is written here. The list is American; a British spelling is looked up in its American form.
"""

from __future__ import annotations

from functools import lru_cache

# British/American spellings by their endings: each word of a word class (indicators.yaml) is
# also written the other way, and a British word is looked up in its American form
_SPELLINGS = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("our", "or"),
    ("ours", "ors"),
    ("llor", "lor"),
    ("lled", "led"),
    ("lling", "ling"),
)


def spellings(word: str) -> set[str]:
    """``word`` in British and American spelling ("centre"/"center", "programme"/"program")."""
    out = {word}
    for gb, us in _SPELLINGS:
        for a, b in ((gb, us), (us, gb)):
            if word.endswith(a) and len(word) > len(a) + 2:
                out.add(word[: -len(a)] + b)
    return out


@lru_cache(maxsize=1)
def _words():
    # heavy: loading the list takes ~0.4 s, paid only by a run that meets a broken word
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


def is_word(word: str) -> bool:
    """True when ``word`` (any case, either spelling) is in the English word list."""
    words = _words()
    return any(w in words for w in spellings(word.lower()))
