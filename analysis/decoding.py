"""Bytes to text: the encoding of a file, and the check that it is English prose."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from analysis.config import load_lexicon


class SkipFile(Exception):
    """Raised inside the reader when a file must be left out; the message is the reason."""


@dataclass(frozen=True)
class _Language:
    language: dict[str, Any]  # corpus.yaml's ``language``: sample_chars, min_english_share
    function_words: frozenset[str]


@functools.cache
def language() -> _Language:
    """The language settings of the corpus lexicon, once per process."""
    cs = load_lexicon("corpus")["language"]
    return _Language(cs, frozenset(w.lower() for w in cs["english_function_words"]))


_MULTI_BYTE = re.compile(r"^(?:utf|gb|big5|cp93|cp949|cp950|euc|shift_jis|iso2022|hz|johab)")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the encoding charset-normalizer finds.

    Raises :class:`SkipFile` for empty, binary, undecodable or non-English files.
    """
    if not data.strip():
        raise SkipFile("empty file")
    head = data[:65536]
    if b"\x00" in head:
        raise SkipFile("binary file (NUL bytes)")
    utf8 = False
    try:
        text = data.decode("utf-8-sig")
        utf8 = True
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise SkipFile("cannot be decoded as text (no encoding fits)") from None
        text = str(best)
        if not _MULTI_BYTE.match(best.encoding):
            # On short English texts the detector guesses among Latin code pages almost at
            # random (cp1257 for a Latin-1 page); English web pages that are not UTF-8 are
            # windows-1252 in practice (what browsers read "latin-1" as), so prefer it.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    if utf8 and len(data) <= 65536:
        # the whole text is the sample, and in UTF-8 a control character is one byte that
        # no other character's bytes hold: counted on the bytes in C (a regex scan of the
        # text cost more than the rest of the decoding, per document)
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROLS.findall(text, 0, 65536))
    if controls > 0.05 * min(len(text), 65536):
        raise SkipFile("binary file (control characters)")
    _check_english(text)
    return text


def read_scan_digits(text: str) -> str:
    """``text`` with a scan's letters misread for digits read as the digits: "l0O" 100,
    "2,3OO" 2300, "l986" 1986, "I6 INTERNATIONAL ORGANIZATIONS" 16. A token is repaired when
    it holds digits and no letters but l, I and O, set apart from words; a section number
    ("II.3") is not. Same length: every offset stays that of the file's character."""
    if _SCAN_HINT.search(text) is None:  # most files have none: one quick pass
        return text
    return _SCAN_NUMBER.sub(_scan_digits, text)


def _scan_digits(m: re.Match[str]) -> str:
    token = m.group(0)
    if not any(c in "lIO" for c in token) or _SECTION_NUMBER.match(token):
        return token
    return token.translate(_SCAN_LETTERS)


# a letter l, I or O beside a digit (or one apart by a group's comma or a decimal point)
_SCAN_HINT = re.compile(r"\d[,.]?[lIO]|[lIO][,.]?\d")
# (a clock time's colon too: "8:OO-ll:3O" is 8:00-11:30)
_SCAN_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?=[\dlIO,.:]*\d)[\dlIO](?:[\dlIO,.:]*[\dlIO])?(?![A-Za-z0-9])"
)
_SECTION_NUMBER = re.compile(r"[IVX]+[.\-]\d")  # "II.3", "I-2": a roman part's section
_SCAN_LETTERS = str.maketrans("lIO", "110")

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # ord < 32 but \t \n \f \r
_CONTROL_BYTES = bytes([*range(0, 9), 0x0B, *range(0x0E, 0x20)])  # the same, as bytes
_ASCII = bytes(range(128))
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# bytes -> lower-case ASCII letters, everything else a blank (UTF-8: non-ASCII is >= 0x80)
_LETTER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


def _check_english(text: str) -> None:
    cfg = language()
    sample = text[: cfg.language["sample_chars"]]
    # Letters: ASCII ones counted on the UTF-8 bytes in C, the (few) others one by one.
    data = sample.encode("utf-8", "surrogatepass")
    n_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    # the non-ASCII characters, in order: their UTF-8 bytes are exactly the bytes >= 0x80
    rest = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    letters = [ch for ch in rest if ch.isalpha()]
    n_letters += len(letters)
    if not n_letters:
        raise SkipFile("no words in it")
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F)
    if non_latin > 0.3 * n_letters:
        script = "Chinese" if any("\u4e00" <= ch <= "\u9fff" for ch in letters) else "non-Latin"
        raise SkipFile(f"not in English ({script} script)")
    # the [A-Za-z]+ words, lower-cased, as bytes
    words = data.translate(_LETTER_BYTES).split()
    share = sum(map(_function_words_bytes(cfg.function_words).__contains__, words)) / max(
        len(words), 1
    )
    if share < cfg.language["min_english_share"]:
        raise SkipFile(f"not in English (only {share:.0%} common English words)")


@functools.cache
def _function_words_bytes(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words if w.isascii())
