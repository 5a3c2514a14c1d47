"""Vietnamese text: normalisation, folded search keys and collation keys.

Users type on phones with different keyboards (Telex, VNI, pasted NFD text),
so every stored text is NFC, every searchable name has a folded key
("Sà Vọng", "SÀ VỌNG", "sa vong" → "sa vong") and a sort key that orders
names as Vietnamese lists do (given name first, a < ă < â, d < đ, …).
"""

import unicodedata

__all__ = ["fold", "given_name_sort_key", "nfc", "vietnamese_sort_key"]


def nfc(value: str) -> str:
    """NFC-normalise and strip; inner runs of white space become one space."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def fold(value: str) -> str:
    """The search key: no diacritics, đ → d, case-folded, single spaces.

    "Hoà" and "Hòa" (old and new tone placement) fold to the same key.
    """
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


# Vietnamese alphabet order; foreign letters (f, j, w, z) slot in where Latin puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: index + 10 for index, letter in enumerate(_ALPHABET)}
# Tone marks, the secondary level: none < huyền < hỏi < ngã < sắc < nặng (dictionary order).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_QUALITY = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn


def _letters(word: str) -> list[tuple[str, int]]:
    """Split a word into (base letter with its vowel quality, tone) pairs."""
    result: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFC", word.casefold()):
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = 0
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark == "\u0302":
                base = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
            elif mark == "\u0306":
                base = "ă" if base == "a" else base
            elif mark == "\u031b":
                base = {"o": "ơ", "u": "ư"}.get(base, base)
        result.append((base, tone))
    return result


def vietnamese_sort_key(value: str) -> str:
    """A key of digits only, so byte order, SQLite and PostgreSQL collations all agree.

    Each letter is two digits (10–42, digits and other characters 50+ and 99);
    words are separated by "00" so a shorter word sorts first; tones come after
    all letters, as a tie-breaker only.
    """
    primary: list[str] = []
    tones: list[str] = []
    for word in nfc(value).split(" "):
        for base, tone in _letters(word):
            if base in _LETTER_RANK:
                primary.append(f"{_LETTER_RANK[base]:02d}")
            elif base.isdigit():
                primary.append(f"{50 + int(base):02d}")
            elif base.isalpha():
                primary.append("98")
            else:
                continue
            tones.append(str(tone))
        primary.append("00")
    return "".join(primary) + "0" + "".join(tones)


def given_name_sort_key(full_name: str) -> str:
    """Sort key for a person: given name (last word) first, then the full name, as Vietnamese lists do."""
    words = nfc(full_name).split(" ")
    given = words[-1] if words and words[0] else ""
    return vietnamese_sort_key(given) + "000" + vietnamese_sort_key(full_name)
