"""Which finger or toe a service names, for the CMS digit modifiers (FA-F9, TA-T9).

A procedure on one digit is reported with the digit's modifier rather than RT/LT. The words
and the code lists live in ``data/digits.yaml`` so a coder can extend them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from agentkit.coding.engine.data_paths import DATA_DIR
from agentkit.coding.engine.text.document import Document
from agentkit.coding.engine.yaml_data import load_yaml
from agentkit.errors import DataFileError

__all__ = ["DigitTable", "digit_modifier", "digit_table", "digits_named"]

_PATH = DATA_DIR / "digits.yaml"


@dataclass(frozen=True)
class DigitTable:
    """The digit codes, the words for each digit and the modifier grid."""

    finger_codes: frozenset[str]
    toe_codes: frozenset[str]
    words: dict[str, tuple[tuple[tuple[str, ...], int], ...]]  # kind -> ((words, digit), ...)
    modifiers: dict[str, dict[str, tuple[str, ...]]]  # kind -> side -> 5 modifiers


def _phrases(raw: object, kind: str) -> tuple[tuple[tuple[str, ...], int], ...]:
    if not isinstance(raw, dict):
        raise DataFileError(str(_PATH), f"'{kind}' must map digit numbers 1-5 to word lists")
    out: list[tuple[tuple[str, ...], int]] = []
    for key, words in raw.items():
        digit = int(str(key))
        if not 1 <= digit <= 5 or not isinstance(words, list):
            raise DataFileError(str(_PATH), f"'{kind}': digit {key} needs a list of words")
        out.extend((tuple(str(w).lower().split()), digit) for w in words)
    # longest phrases first, so "index finger" is read before "index"
    out.sort(key=lambda p: -len(p[0]))
    return tuple(out)


@lru_cache(maxsize=1)
def digit_table() -> DigitTable:
    """Load ``data/digits.yaml`` once."""
    data = load_yaml(_PATH)
    if not isinstance(data, dict):
        raise DataFileError(str(_PATH), "must be a mapping")
    mods = data.get("modifiers")
    if not isinstance(mods, dict):
        raise DataFileError(str(_PATH), "'modifiers' must map finger/toe to left/right lists")
    grid: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind in ("finger", "toe"):
        sides = mods.get(kind)
        if not isinstance(sides, dict):
            raise DataFileError(str(_PATH), f"'modifiers.{kind}' is missing")
        grid[kind] = {}
        for side in ("left", "right"):
            row = sides.get(side)
            if not isinstance(row, list) or len(row) != 5:
                raise DataFileError(str(_PATH), f"'modifiers.{kind}.{side}' needs 5 modifiers")
            grid[kind][side] = tuple(str(m) for m in row)
    return DigitTable(
        finger_codes=frozenset(str(c) for c in data.get("finger_codes", [])),
        toe_codes=frozenset(str(c) for c in data.get("toe_codes", [])),
        words={
            "finger": _phrases(data.get("fingers"), "fingers"),
            "toe": _phrases(data.get("toes"), "toes"),
        },
        modifiers=grid,
    )


_TOE_WORDS = frozenset({"toe", "toes", "hallux", "foot", "feet"})
_FINGER_WORDS = frozenset(
    {"finger", "fingers", "thumb", "thumbs", "hand", "hands", "digit", "digits"}
)


_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5,
}  # fmt: skip
_RANGE_WORDS = frozenset({"through", "thru", "to"})
_LIST_WORDS = frozenset({"and", "or", "through", "thru", "to"})
_HEADS = {
    "toe": frozenset({"toe", "toes", "metatarsophalangeal", "mtp", "mpj", "mtpj", "digits"}),
    "finger": frozenset({"finger", "fingers", "digits"}),
}

# one ordinal before a plural digit word names that digit of both feet or hands
_PLURAL_HEADS = frozenset({"toes", "fingers", "digits"})


def _ordinal_run(norms: tuple[str, ...], i: int, hi: int, kind: str) -> tuple[int, set[int]]:
    """Ordinals listed before one digit word: 'second, third, and fourth toes', '2nd-4th
    toes', 'second through fifth digits' (a range fills in), or one ordinal before a plural
    ('bilateral fifth toes'). Returns (tokens read, digits), or (0, empty) when no digit word
    ends the run, or a single ordinal ends in a singular one (the digit table reads those)."""
    found: list[int] = []
    ranged = False
    j = i
    while j < hi and j - i < 10:
        w = norms[j]
        if w in _ORDINALS:
            digit = _ORDINALS[w]
            if ranged and found and found[-1] < digit:
                found.extend(range(found[-1] + 1, digit))
            found.append(digit)
            ranged = False
        elif w in _LIST_WORDS and found:
            ranged = w in _RANGE_WORDS
        else:
            break
        j += 1
    if not found or j >= hi or norms[j] not in _HEADS[kind]:
        return 0, set()
    if len(found) < 2 and norms[j] not in _PLURAL_HEADS:
        return 0, set()  # one ordinal names a digit only as 'fifth toes' (of both feet)
    if norms[j] == "digits":
        near = norms[max(0, i - 4) : min(hi, j + 5)]
        is_toe = any(w in _TOE_WORDS for w in near)
        if is_toe != (kind == "toe"):
            return 0, set()
    return j + 1 - i, set(found)


_BARE_FINGERS = frozenset({"long", "ring", "index", "middle", "small", "little"})


def _finger_word_follows(norms: tuple[str, ...], j: int, hi: int) -> bool:
    """A finger word within two words, or after a list of bare finger names joined by 'and'
    / 'or' ('index and middle fingers')."""
    if any(w in _FINGER_WORDS for w in norms[j : min(hi, j + 2)]):
        return True
    k = j
    while k < hi and k - j < 6 and norms[k] in _BARE_FINGERS | _LIST_WORDS:
        k += 1
    return k > j and k < hi and norms[k] in _FINGER_WORDS


def digits_named(
    doc: Document, start: int, end: int, kind: str, *, foot_only: bool = False
) -> set[int]:
    """The digits (1-5) of ``kind`` ('finger' or 'toe') named in ``[start, end)``.
    ``foot_only``: the service is done only on toes, so 'second digit' names a toe with no
    toe or foot word near it."""
    table = digit_table()
    t = doc.tokens
    lo, hi = t.index_at_or_after(start), t.index_before(end)
    norms = t.norms
    found: set[int] = set()
    i = lo
    while i < hi:
        hit = None
        for words, digit in table.words[kind]:
            n = len(words)
            if i + n <= hi and tuple(norms[i : i + n]) == words:
                hit = (n, digit)
                break
        if hit is None:
            if norms[i] in _ORDINALS:
                n, listed = _ordinal_run(norms, i, hi, kind)
                if n:
                    found |= listed
                    i += n
                    continue
            i += 1
            continue
        n, digit = hit
        # a bare "long", "ring" or "index" names a finger only when a finger word follows soon,
        # also across a list of them ("index and middle fingers")
        bare = kind == "finger" and n == 1 and norms[i] in _BARE_FINGERS
        if bare and not _finger_word_follows(norms, i + 1, hi):
            i += 1
            continue
        if (
            kind == "finger"
            and "digit" in words
            and any(w in _TOE_WORDS for w in norms[i + n : min(hi, i + n + 4)])
        ):
            i += n
            continue
        if (
            kind == "toe"
            and "digit" in words
            and not foot_only
            and not any(w in _TOE_WORDS for w in norms[max(lo, i - 4) : min(hi, i + n + 4)])
        ):
            i += n
            continue
        found.add(digit)
        i += n
    return found


def digit_modifier(code: str, side: str, found_finger: set[int], found_toe: set[int]) -> str | None:
    """The digit modifier for ``code`` on ``side`` when exactly one digit is named, else None."""
    table = digit_table()
    if side not in ("left", "right"):
        return None
    if code in table.finger_codes and len(found_finger) == 1 and not found_toe:
        return table.modifiers["finger"][side][next(iter(found_finger)) - 1]
    if code in table.toe_codes and len(found_toe) == 1 and not found_finger:
        return table.modifiers["toe"][side][next(iter(found_toe)) - 1]
    return None
