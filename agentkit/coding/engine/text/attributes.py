"""Attributes coding rules depend on: side, approach, sizes, counts and spine levels.

All functions take a :class:`~agentkit.coding.engine.text.document.Document` and a character
range, and return findings with offsets into the original note, so a rule can quote them.
Regular expressions here use only bounded repetition: each match attempt does a constant
amount of work, so any input is processed in linear time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from agentkit.coding.engine.text.phrases import PhraseSet, PhraseSyntaxError
from agentkit.coding.engine.yaml_data import YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.engine.text.document import Document

__all__ = [
    "APPROACHES",
    "Approach",
    "Number",
    "Side",
    "Site",
    "Size",
    "SpineLevel",
    "approaches",
    "areas",
    "converted_to_open",
    "count_before",
    "foramen_count",
    "interspace_count",
    "numbered_span",
    "numbers",
    "ordinal_after",
    "paired_sites",
    "patient_age",
    "sides",
    "sides_summary",
    "sizes",
    "spine_levels",
]

ATTRIBUTES_FILE = Path(__file__).resolve().parent.parent / "data" / "attributes.yaml"
APPROACHES = ("laparoscopic", "open", "endoscopic", "arthroscopic", "thoracoscopic", "percutaneous")


@dataclass(frozen=True, slots=True)
class Side:
    side: str  # right | left | bilateral
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Site:
    """A paired body part as written ("ankle", "rotator cuff"), by the part it belongs to."""

    site: str
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class Approach:
    approach: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Size:
    """A measurement; ``dims_cm`` holds each dimension (or both ends of a range) in cm.
    An area told as such ("3520 cm2", "450 sq cm") has no dimensions, only ``area_cm2``."""

    dims_cm: tuple[float, ...]
    start: int
    end: int
    area_cm2: float | None = None

    @property
    def largest_cm(self) -> float:
        return max(self.dims_cm) if self.dims_cm else math.sqrt(self.area_cm2 or 0.0)


@dataclass(frozen=True, slots=True)
class Number:
    value: int
    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class SpineLevel:
    """``first``..``last`` as written (``C5``-``C6``; ``last`` == ``first`` for one vertebra)."""

    first: str
    last: str
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    sides: PhraseSet[str]
    left_verb_after: frozenset[str]
    left_verb_before: frozenset[str]
    right_not_before: frozenset[str]
    not_operated_after: frozenset[str]
    eye_words: frozenset[str]
    eye_prefixes: tuple[str, ...]
    eye_note_sentences: int
    os_not_after: frozenset[str]
    os_not_before: frozenset[str]
    letter_slot_after: frozenset[str]
    approaches: PhraseSet[str]
    numbers: PhraseSet[int]
    sites: PhraseSet[str]
    # cues that the side just before them is another note's service ("... which will be
    # dictated separately"), and how many words before the cue they reach
    elsewhere: PhraseSet[str] = field(default_factory=PhraseSet)
    elsewhere_window: int = 12
    # the operation told again on the second side (a sided service becomes bilateral)
    other_side: PhraseSet[str] = field(default_factory=PhraseSet)


def _phrases(src: str, mapping: YamlMap, what: str) -> PhraseSet[str]:
    out: PhraseSet[str] = PhraseSet()
    for key, items in mapping.items():
        if not isinstance(items, list):
            raise DataFileError(
                src, f"{what}.{key}: expected a list of phrases", line_of(mapping, key)
            )
        for i, phrase in enumerate(items):
            try:
                out.add(str(phrase), str(key))
            except PhraseSyntaxError as exc:
                raise DataFileError(src, str(exc), line_of(items, i)) from exc
    return out


def load_vocabulary(path: Path = ATTRIBUTES_FILE) -> _Vocabulary:
    data = load_yaml(path)
    src = str(path)
    if not isinstance(data, YamlMap):
        raise DataFileError(src, "expected a mapping with laterality, approach, numbers", 1)
    lat = data.get("laterality")
    app = data.get("approach")
    nums = data.get("numbers")
    if (
        not isinstance(lat, YamlMap)
        or not isinstance(app, YamlMap)
        or not isinstance(nums, YamlMap)
    ):
        raise DataFileError(src, "needs laterality:, approach: and numbers: mappings", 1)
    side_keys = (
        "right",
        "left",
        "bilateral",
        "eye_right",
        "eye_left",
        "eye_bilateral",
        "letter_right",
        "letter_left",
    )
    side_map = YamlMap({k: lat[k] for k in side_keys if k in lat})
    side_map.key_lines = lat.key_lines
    bad = [k for k in app if k not in APPROACHES]
    if bad:
        raise DataFileError(
            src,
            f"approach: unknown approach {bad[0]!r}; use {', '.join(APPROACHES)}",
            line_of(app, bad[0]),
        )
    eye_words = lat.get("eye_words", [])
    eye_note = lat.get("eye_note_sentences", 3)
    if not isinstance(eye_words, list) or not isinstance(eye_note, int) or eye_note < 1:
        raise DataFileError(
            src,
            "laterality: eye_words needs a list of words, eye_note_sentences a whole number",
            line_of(lat, "eye_words" if "eye_words" in lat else "eye_note_sentences"),
        )
    site_map = data.get("paired_sites", YamlMap())
    if not isinstance(site_map, YamlMap):
        raise DataFileError(src, "paired_sites: expected a mapping of body parts", 1)
    elsewhere_window = lat.get("elsewhere_window", 12)
    if not isinstance(elsewhere_window, int) or not 1 <= elsewhere_window <= 30:
        raise DataFileError(
            src,
            "laterality: elsewhere_window needs a whole number from 1 to 30",
            line_of(lat, "elsewhere_window"),
        )
    elsewhere_map = YamlMap({"elsewhere": lat.get("elsewhere_after", [])})
    elsewhere_map.key_lines = {"elsewhere": lat.key_lines.get("elsewhere_after", 1)}
    other_map = YamlMap(
        {
            "other_side": lat.get("other_side_repeat", []),
            "other_side_named": lat.get("other_side_named", []),
        }
    )
    other_map.key_lines = {
        "other_side": lat.key_lines.get("other_side_repeat", 1),
        "other_side_named": lat.key_lines.get("other_side_named", 1),
    }
    numbers: PhraseSet[int] = PhraseSet()
    for phrase, value in nums.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise DataFileError(
                src, f"numbers: {phrase!r} needs a whole number", line_of(nums, phrase)
            )
        try:
            numbers.add(phrase, value)
        except PhraseSyntaxError as exc:
            raise DataFileError(src, str(exc), line_of(nums, phrase)) from exc
    return _Vocabulary(
        sides=_phrases(src, side_map, "laterality"),
        left_verb_after=frozenset(str(w) for w in lat.get("left_is_verb_after", [])),
        left_verb_before=frozenset(str(w) for w in lat.get("left_is_verb_before", [])),
        right_not_before=frozenset(str(w) for w in lat.get("right_not_side_before", [])),
        not_operated_after=frozenset(str(w) for w in lat.get("not_operated_side_after", [])),
        eye_words=frozenset(str(w) for w in eye_words if not str(w).endswith("*")),
        eye_prefixes=tuple(str(w)[:-1] for w in eye_words if str(w).endswith("*")),
        eye_note_sentences=eye_note,
        os_not_after=frozenset(str(w) for w in lat.get("os_not_side_after", [])),
        os_not_before=frozenset(str(w) for w in lat.get("os_not_side_before", [])),
        letter_slot_after=frozenset(str(w) for w in lat.get("letter_slot_after", [])),
        approaches=_phrases(src, app, "approach"),
        numbers=numbers,
        sites=_phrases(src, site_map, "paired_sites"),
        elsewhere=_phrases(src, elsewhere_map, "laterality.elsewhere_after"),
        elsewhere_window=elsewhere_window,
        other_side=_phrases(src, other_map, "laterality.other_side_repeat"),
    )


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    return load_vocabulary()


def _token_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    return doc.tokens.index_at_or_after(start), doc.tokens.index_before(end)


def sides(doc: Document, start: int = 0, end: int | None = None) -> list[Side]:
    """Laterality words in ``[start, end)``, skipping 'left' the verb and 'right angle'.

    Read once per span of a note: the stages ask for the sides of the same sentences and
    statements again (about a quarter of the calls)."""
    end = len(doc.text) if end is None else end
    memo: dict[tuple[int, int], tuple[Side, ...]] | None = doc.memo.get("attributes.sides")
    if memo is None:
        memo = doc.memo["attributes.sides"] = {}
    found = memo.get((start, end))
    if found is None:
        found = memo[(start, end)] = tuple(_sides(doc, start, end))
    return list(found)


def _sides(doc: Document, start: int, end: int) -> list[Side]:
    voc = vocabulary()
    lo, hi = _token_range(doc, start, end)
    norms, t = doc.tokens.norms, doc.tokens
    out: list[Side] = []
    covered = -1
    matches = voc.sides.find_all(norms, lo, hi)
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    # the side said last before "... will be dictated separately" (with a side word right
    # before it: "bilateral right") belongs to another note's service
    elsewhere: set[int] = set()
    for cue in voc.elsewhere.find_all(norms, lo, hi):
        near = [m for m in matches if 0 <= cue.start - m.end <= voc.elsewhere_window]
        if near:
            last = max(near, key=lambda m: m.start)
            elsewhere.add(last.start)
            elsewhere.update(m.start for m in near if last.start - 1 <= m.end <= last.start)
    for m in matches:
        if m.start < covered:
            continue
        if m.start in elsewhere:
            continue
        word = norms[m.start]
        prev = norms[m.start - 1] if m.start > 0 else ""
        nxt = norms[m.end] if m.end < len(norms) else ""
        if (
            m.payload == "left"
            and m.end - m.start == 1
            and (prev in voc.left_verb_after or nxt in voc.left_verb_before)
            and not (
                prev == "and"
                and nxt not in voc.left_verb_before
                and (
                    any(o.payload == "right" and 0 < m.start - o.end <= 12 for o in matches)
                    # "mammogram and left breast ultrasound": a paired body part follows
                    or any(
                        s.start == m.end
                        for s in voc.sites.find_all(norms, m.end, min(len(norms), m.end + 3))
                    )
                )
            )
        ):
            continue
        if m.payload == "right" and m.end - m.start == 1 and nxt in voc.right_not_before:
            continue
        prev2 = norms[m.start - 2] if m.start > 1 else ""
        if prev in voc.not_operated_after or f"{prev2} {prev}" in voc.not_operated_after:
            continue
        if word in ("rt", "lt") and not nxt:
            continue
        if m.end - m.start == 1 and _template_pair(doc, m.start):
            continue  # "right/left eye": an unfilled dictation template, not a side
        side = m.payload
        if side.startswith("letter_"):
            # "R knee", "Side: L": a letter is a side only before a paired body part or in a
            # laterality slot
            if prev not in voc.letter_slot_after and not any(
                s.start == m.end
                for s in voc.sites.find_all(norms, m.end, min(len(norms), m.end + 4))
            ):
                continue
            side = side[7:]
        elif side.startswith("eye_"):
            # OD / OS / OU: a side only about the eyes; "per os", "os calcis" are not
            if word == "os" and (prev in voc.os_not_after or nxt in voc.os_not_before):
                continue
            if not _about_eyes(doc, m.start):
                continue
            side = side[4:]
        covered = m.end
        out.append(Side(side, t.starts[m.start], t.ends[m.end - 1]))
    return out


def _is_eye_word(word: str, voc: _Vocabulary) -> bool:
    return word in voc.eye_words or word.startswith(voc.eye_prefixes)


def _about_eyes(doc: Document, i: int) -> bool:
    """Is token ``i`` (OD/OS/OU) about the eyes: its sentence has an eye word, or the note
    has eye words in several sentences (an eye clinic's note: "Foreign body OS."). The
    note is read once, and only when it writes one of these abbreviations."""
    voc = vocabulary()
    norms = doc.tokens.norms
    sent = doc.sentence_at(doc.tokens.starts[i])
    if sent is not None and any(_is_eye_word(w, voc) for w in norms[sent.tok_lo : sent.tok_hi]):
        return True
    eye_note: bool | None = doc.memo.get("attributes.eye_note")
    if eye_note is None:
        count = 0
        for s in doc.sentences:
            if any(_is_eye_word(w, voc) for w in norms[s.tok_lo : s.tok_hi]):
                count += 1
                if count >= voc.eye_note_sentences:
                    break
        eye_note = count >= voc.eye_note_sentences
        doc.memo["attributes.eye_note"] = eye_note
    return eye_note


_SIDE_WORDS = frozenset({"right", "left", "rt", "lt"})


def _template_pair(doc: Document, i: int) -> bool:
    """Is token ``i`` one half of ``right/left`` (or ``left/right``)?"""
    t = doc.tokens
    for j in (i - 1, i + 1):
        if 0 <= j < len(t.norms) and t.norms[j] in _SIDE_WORDS and t.norms[j] != t.norms[i]:
            a, b = (j, i) if j < i else (i, j)
            if doc.text[t.ends[a] : t.starts[b]].strip() == "/":
                return True
    return False


def paired_sites(doc: Document, start: int = 0, end: int | None = None) -> list[Site]:
    """The paired body parts named in ``[start, end)`` (``paired_sites`` of attributes.yaml),
    longest first where two overlap."""
    end = len(doc.text) if end is None else end
    lo, hi = _token_range(doc, start, end)
    t = doc.tokens
    matches = vocabulary().sites.find_all(t.norms, lo, hi)
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Site] = []
    covered = -1
    for m in matches:
        if m.start < covered:
            continue
        covered = m.end
        out.append(Site(m.payload, t.starts[m.start], t.ends[m.end - 1], m.start, m.end))
    return out


def sides_summary(found: list[Side]) -> str | None:
    """'right', 'left', 'bilateral' or None; right and left together count as bilateral."""
    kinds = {s.side for s in found}
    if not kinds:
        return None
    if "bilateral" in kinds or {"right", "left"} <= kinds:
        return "bilateral"
    return next(iter(kinds))


def approaches(doc: Document, start: int = 0, end: int | None = None) -> list[Approach]:
    """Approach words (laparoscopic, open, endoscopic, ...) in ``[start, end)``."""
    end = len(doc.text) if end is None else end
    lo, hi = _token_range(doc, start, end)
    t = doc.tokens
    return [
        Approach(m.payload, t.starts[m.start], t.ends[m.end - 1])
        for m in vocabulary().approaches.find_all(t.norms, lo, hi)
    ]


def converted_to_open(doc: Document) -> bool:
    """True when the note documents a conversion from a scope to an open procedure."""
    for i in range(len(doc.sentences)):
        for cue in doc.cues(i):
            if cue.status == "converted":
                return True
    return False


_NUM = r"(?:\d{1,4}(?:\.\d{1,3})?|\.\d{1,3})"
_SEP = r"[ \t]{0,3}(?:x|X|by|×|\*)[ \t]{0,3}"
_RANGE = r"[ \t]{0,3}(?:-|–|to)[ \t]{0,3}"
_UNIT = r"(cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?)(?![A-Za-z²]|\^?2\b)"
# a unit may also follow each dimension: "15 cm x 15 cm", "6 centimeters by 5 centimeters"
_DIM_UNIT = r"(?:[ \t]{0,3}(?:cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?)(?![A-Za-z]))?"
_SIZE = re.compile(
    rf"(?<![\w.])({_NUM}){_DIM_UNIT}(?:{_SEP}({_NUM}){_DIM_UNIT})?(?:{_SEP}({_NUM}))?"
    rf"(?:{_RANGE}({_NUM}))?[ \t]{{0,3}}-?[ \t]{{0,2}}{_UNIT}",
    re.IGNORECASE,
)


# A size followed within three words by an implant or an instrument measures that device
# ("a 15 x 20 cm composite mesh", "a 6.4 cm Ventralex patch"), not the defect, lesion or wound.
_DEVICE_AFTER = re.compile(
    r"(?:[\s,]+(?!and\b|or\b|with\b)[\w/-]+){0,2}?[\s,]+(?:piece\s+of\s+)?"
    r"(?:mesh|patch|plug|graft|stent|balloon|catheter|sheath|needle|trocar|cannula|drain|"
    r"port|dilator|bougie|scope|endoscope|blade|implant|expander|prosthesis)\b",
    re.IGNORECASE,
)


def sizes(doc: Document, start: int = 0, end: int | None = None) -> list[Size]:
    """Measurements in cm or mm (``1.5 cm``, ``2 x 3 cm``, ``2 cm x 3 cm``, ``5-mm``,
    ``1 to 2 cm``), in cm; the size of a device named just after it (mesh, patch, graft,
    stent ...) is not one."""
    end = len(doc.text) if end is None else end
    out: list[Size] = []
    for m in _SIZE.finditer(doc.text, start, end):
        if _DEVICE_AFTER.match(doc.text, m.end(), min(len(doc.text), m.end() + 60)):
            continue
        unit = m.group(5).lower()
        factor = 0.1 if unit.startswith("m") else 1.0
        dims = tuple(round(float(g) * factor, 4) for g in m.group(1, 2, 3, 4) if g is not None)
        out.append(Size(dims, m.start(), m.end()))
    return out


# An area told in square units: "3520 cm2", "450 sq cm", "1,200 square centimeters", "80 cm²".
_AREA = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d{1,3})?)[ \t]{0,3}"
    r"(?:(sq\.?|square)[ \t]{0,3}(cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?)"
    r"|(cm|mm)[ \t]?(?:2|²|\^2))(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def areas(doc: Document, start: int = 0, end: int | None = None) -> list[Size]:
    """Areas told in square units (a graft or wound of "3520 cm2"), in sq cm."""
    end = len(doc.text) if end is None else end
    out: list[Size] = []
    for m in _AREA.finditer(doc.text, start, end):
        unit = (m.group(3) or m.group(4)).lower()
        factor = 0.01 if unit.startswith("m") else 1.0
        value = round(float(m.group(1).replace(",", "")) * factor, 4)
        out.append(Size((), m.start(), m.end(), area_cm2=value))
    return out


_TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


def numbers(doc: Document, start: int = 0, end: int | None = None) -> list[Number]:
    """Counts written in digits (up to 3) or words (``two``, ``a single``) in ``[start, end)``."""
    end = len(doc.text) if end is None else end
    lo, hi = _token_range(doc, start, end)
    t = doc.tokens
    out: list[Number] = []
    words = {m.start: m for m in vocabulary().numbers.find_all(t.norms, lo, hi)}
    i = lo
    while i < hi:
        word = t.norms[i]
        if word.isdigit() and len(word) <= 3:
            out.append(Number(int(word), t.starts[i], t.ends[i], i, i + 1))
        elif i in words:
            m = words[i]
            value, last = m.payload, m
            # a compound of tens and units ("twenty-two", "thirty one") is one count
            unit = words.get(m.end)
            if value in _TENS and unit is not None and 1 <= unit.payload <= 9:
                value, last = value + unit.payload, unit
            out.append(Number(value, t.starts[m.start], t.ends[last.end - 1], m.start, last.end))
            i = last.end
            continue
        i += 1
    return out


def count_before(doc: Document, token_index: int, max_gap: int = 3) -> Number | None:
    """The count written just before the word at ``token_index`` ("two small polyps"), within
    the same sentence."""
    lo = max(0, token_index - max_gap - 3)
    sent = (
        doc.sentence_at(doc.tokens.starts[token_index]) if token_index < len(doc.tokens) else None
    )
    if sent is not None:
        lo = max(lo, sent.tok_lo)
    sentence_lo = lo
    norms = doc.tokens.norms
    found = [
        _whole_decimal(doc.text, n)
        for n in numbers(doc, doc.tokens.starts[sentence_lo], doc.tokens.starts[token_index])
        if token_index - n.token_end <= max_gap
        # a measurement is not a count: "a 3 mm punch biopsy", "a 16 French catheter"
        and not (n.token_end < len(norms) and norms[n.token_end] in _MEASURE_UNITS)
        and (
            not _list_marker(doc.text, n)
            # a duration may be a decimal ("a 95.5-hour study"); a decimal before anything
            # else is a size ("2.5 keratoses" is no count)
            or (norms[token_index] in _TIME_UNITS and _decimal_fraction(doc.text, n))
        )
        # the count of another noun joined before it: "two lesions and a punch biopsy"
        and not any(norms[i] in _JOINERS for i in range(n.token_end, token_index))
    ]
    return found[-1] if found else None


_TIME_UNITS = frozenset(
    {"hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "day", "days"}
)
_DECIMAL_BEFORE = re.compile(r"(\d{1,3})\.$")


def _decimal_fraction(text: str, n: Number) -> bool:
    """The digits after the point of a decimal ("95.5-hour study" reads "5" last)."""
    return _DECIMAL_BEFORE.search(text, max(0, n.start - 4), n.start) is not None


def _whole_decimal(text: str, n: Number) -> Number:
    """A decimal read as the count of what follows is rounded up ("a 95.5-hour EEG" is more
    than 84 hours, "12.5 hours" more than 12): CPT's time bands are "more than" thresholds."""
    m = _DECIMAL_BEFORE.search(text, max(0, n.start - 4), n.start)
    if m is None:
        return n
    whole = int(m.group(1)) + (1 if int(text[n.start : n.end]) > 0 else 0)
    return Number(whole, m.start(1), n.end, n.token_start, n.token_end)


_JOINERS = frozenset({"and", "or", "plus", "with"})


def _list_marker(text: str, n: Number) -> bool:
    """ "4." or "4)" opening a line is an item number, and "2.5" a decimal, not a count."""
    if n.start > 1 and text[n.start - 1] == "." and text[n.start - 2].isdigit():
        return True
    if n.end >= len(text) or text[n.end] not in ".)":
        return False
    if n.end + 1 < len(text) and text[n.end + 1].isdigit():
        return True
    line_start = text.rfind("\n", 0, n.start) + 1
    return not text[line_start : n.start].strip()


_MEASURE_UNITS = frozenset(
    [
        "mm",
        "cm",
        "millimeter",
        "millimeters",
        "centimeter",
        "centimeters",
        "french",
        "fr",
        "mg",
        "mcg",
        "ml",
        "cc",
        "gauge",
        "g",
        "gram",
        "grams",
        "kg",
        "degree",
        "degrees",
        "percent",
        "mmhg",
    ]
)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}


def ordinal_after(doc: Document, token_index: int) -> int | None:
    """A number or Roman numeral right after a word ("stage II", "level 3"), else None."""
    if token_index >= len(doc.tokens):
        return None
    word = doc.tokens.norms[token_index]
    if word.isdigit() and len(word) <= 2:
        return int(word)
    return _ROMAN.get(word)


_SPAN_WORDS = {
    w: i + 1
    for i, ws in enumerate(
        [
            ("one", "first"),
            ("two", "second"),
            ("three", "third"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth"),
        ]
    )
    for w in ws
}
_SPAN_ITEM = r"(?:[Tt][ \t]?)?(?<![\d.,])\d{1,2}(?:st|nd|rd|th)?(?![\d.,]\d)|" + "|".join(
    sorted(_SPAN_WORDS, key=len, reverse=True)
)
# a dose, volume or time is no run of numbered structures ("5-10 mL", "10 to 15 minutes")
_SPAN_NOT_UNIT = (
    r"(?![ \t]*(?:%|(?:percent|mg|mcg|ml|cc|cm|mm|min|mins|minutes|sec|seconds|hours|units)\b))"
)
_SPAN_RANGE = re.compile(
    rf"\b({_SPAN_ITEM})[ \t]*(?:-|–|to|through|thru)[ \t]*(?:the[ \t]+)?({_SPAN_ITEM})\b"
    + _SPAN_NOT_UNIT,
    re.I,
)
_SPAN_LIST = re.compile(
    rf"\b((?:(?:{_SPAN_ITEM})[ \t]*,[ \t]*)*(?:{_SPAN_ITEM})[ \t]*,?[ \t]*(?:and|&)[ \t]+"
    rf"(?:the[ \t]+)?(?:{_SPAN_ITEM}))\b" + _SPAN_NOT_UNIT,
    re.I,
)


def _span_value(item: str) -> int | None:
    word = item.lower().strip()
    digits = re.match(r"(?:t[ \t]?)?(\d+)", word)
    value = int(digits.group(1)) if digits else _SPAN_WORDS.get(word)
    return value if value is not None and 1 <= value <= 12 else None


def numbered_span(doc: Document, start: int, end: int) -> int | None:
    """How many numbered structures in a row a sentence names, counting both ends: a range
    ("the fourth to the tenth intercostal spaces" is 7, "spaces four to eight" 5, "T4-T8" 5)
    or a list ("the fifth, sixth, and seventh intercostal nerves" is 3). Ribs, interspaces
    and nerve levels are numbered 1 to 12; None when the sentence names no such run."""
    text = doc.text[start:end]
    best: int | None = None
    for m in _SPAN_RANGE.finditer(text):
        a, b = _span_value(m.group(1)), _span_value(m.group(2))
        if a is not None and b is not None and 1 <= b - a <= 11:
            best = max(best or 0, b - a + 1)
    for m in _SPAN_LIST.finditer(text):
        items = re.findall(_SPAN_ITEM, m.group(1), re.I)
        values = {v for v in (_span_value(i) for i in items) if v is not None}
        if len(values) >= 2:
            best = max(best or 0, len(values))
    return best


_SPINE = re.compile(
    r"(?<![A-Za-z0-9])([CTLS])[ \t]?(\d{1,2})"
    r"(?:[ \t]{0,2}(?:-|–|/|to|through|thru)[ \t]{0,2}([CTLS])?[ \t]?(\d{1,2})"
    r"|([CTLS])(\d))?(?![0-9])"
)
_SPINE_ORDER = (
    [f"C{i}" for i in range(1, 8)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)]
    + ["S1", "S2"]
)
_SPINE_INDEX = {v: i for i, v in enumerate(_SPINE_ORDER)}


def spine_levels(doc: Document, start: int = 0, end: int | None = None) -> list[SpineLevel]:
    """Vertebrae and interspaces as written: ``C5-C6``, ``C5-6``, ``L5-S1``, ``C4 through C7``."""
    end = len(doc.text) if end is None else end
    out: list[SpineLevel] = []
    for m in _SPINE.finditer(doc.text, start, end):
        first = f"{m.group(1)}{int(m.group(2))}"
        second_letter, second = m.group(3), m.group(4)
        if m.group(6) is not None:  # "L5S1", "L4L5": the second vertebra written without a hyphen
            second_letter, second = m.group(5), m.group(6)
        digits = m.group(2)
        if first not in _SPINE_INDEX and second is None and len(digits) == 2:
            # "L45", "C56": dictated shorthand for the interspace L4-L5, C5-C6
            first = f"{m.group(1)}{digits[0]}"
            if int(digits[1]) == int(digits[0]) + 1:
                second = digits[1]
        if first not in _SPINE_INDEX:
            continue
        last = first
        if second is not None:
            cand = f"{second_letter or m.group(1)}{int(second)}"
            if cand in _SPINE_INDEX and _SPINE_INDEX[cand] > _SPINE_INDEX[first]:
                last = cand
        out.append(SpineLevel(first, last, m.start(), m.end()))
    return out


def interspace_count(levels: list[SpineLevel]) -> int:
    """Distinct interspaces (C5-C6 is one; C4 through C7 is three) among ``levels``.

    Vertebrae named only one by one ("screws at T11 and L1", "L4, L5 and S1 pedicle screws")
    span the interspaces between the highest and the lowest: a construct or a fusion joins
    every vertebra between its end ones."""
    spaces: set[int] = set()
    singles: list[int] = []
    for lv in levels:
        a, b = _SPINE_INDEX[lv.first], _SPINE_INDEX[lv.last]
        spaces.update(range(a, b))
        if a == b:
            singles.append(a)
    if not spaces and len(set(singles)) >= 2:
        spaces.update(range(min(singles), max(singles)))
    return len(spaces)


def foramen_count(levels: list[SpineLevel]) -> int:
    """Distinct foramina (nerve-root levels) among ``levels``: an interspace is its foramen and
    a single vertebra the foramen below it, where its lumbar root exits ("L4 and L5" are two,
    like "L4-5 and L5-S1"; "right L5, L5-S1 foramen" is one)."""
    spaces: set[int] = set()
    for lv in levels:
        a, b = _SPINE_INDEX[lv.first], _SPINE_INDEX[lv.last]
        spaces.update(range(a, b) if b > a else (a,))
    return len(spaces)


_AGE = re.compile(
    # "14-1/2-year-old" is 14: a fraction after the whole number is skipped
    r"(?<![0-9/])([0-9]{1,3})(?:[ \t-][0-9]/[0-9])?"
    r"(?:[ \t-]{0,2}|[ \t]?-[ \t]?)(year|yr|month|mo|week|wk|day)s?"
    r"(?:[ \t-]{0,2}|[ \t]?-[ \t]?)old",
    re.IGNORECASE,
)
_AGE_SHORT = re.compile(r"(?<![0-9A-Za-z])([0-9]{1,3})[ \t]?(?:y/?o|yo)(?![A-Za-z])", re.IGNORECASE)


# A patient named by an age word and no number ("the infant", "this toddler", "a young
# child"): the years the word usually means, enough for the age limits of the codes.
_AGE_WORDS = {"newborn": 0, "neonate": 0, "infant": 0, "baby": 0, "toddler": 2, "child": 6}
_AGE_WORD = re.compile(
    r"\b(?:this|the|a|an|our)\s+(?:(?:little|young|healthy|pleasant|small)\s+)?"
    r"(newborn|neonate|infant|baby|toddler|child)\b(?!hood)",
    re.IGNORECASE,
)


# An age told of someone else ("born to a 22-year-old G1 mother", "his 80-year-old wife"): the
# relative named right after the age, before any word for the patient.
_RELATIVES = frozenset(
    [
        "mom",
        "mother",
        "father",
        "dad",
        "sister",
        "brother",
        "sibling",
        "siblings",
        "wife",
        "husband",
        "spouse",
        "partner",
        "son",
        "daughter",
        "grandmother",
        "grandfather",
        "grandma",
        "grandpa",
        "aunt",
        "uncle",
        "cousin",
        "parent",
        "parents",
        "caregiver",
        "boyfriend",
        "girlfriend",
        "fiance",
        "fiancee",
    ]
)
_PATIENT_WORDS = frozenset(
    [
        "woman",
        "man",
        "male",
        "female",
        "boy",
        "girl",
        "patient",
        "gentleman",
        "lady",
        "infant",
        "child",
        "baby",
        "newborn",
        "toddler",
        "adolescent",
        "teenager",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")


def told_of_a_relative(words_after: Sequence[str]) -> bool:
    """Do the (up to three) words after an age name a relative before a word for the patient?"""
    for w in words_after[:3]:
        w = w.lower()
        if w in _PATIENT_WORDS:
            return False
        if w in _RELATIVES:
            return True
    return False


def _first_own_age(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    for m in pattern.finditer(text):
        if not told_of_a_relative(_WORD.findall(text[m.end() : m.end() + 40])):
            return m
    return None


def patient_age(doc: Document) -> int | None:
    """Age in whole years from the first "63-year-old" / "18-month-old" / "45 y/o" (months,
    weeks and days count as 0 or the whole years they make) not told of a relative."""
    m = _first_own_age(_AGE, doc.text)
    if m is not None:
        value, unit = int(m.group(1)), m.group(2).lower()
        if unit in ("year", "yr"):
            return value if value <= 130 else None
        if unit in ("month", "mo"):
            return value // 12
        return 0
    m = _first_own_age(_AGE_SHORT, doc.text)
    if m is not None and int(m.group(1)) <= 130:
        return int(m.group(1))
    m = _AGE_WORD.search(doc.text)
    if m is not None:
        return _AGE_WORDS[m.group(1).lower()]
    return None
