"""ICD-10-CM side shared by the diagnoses of one body part (guideline I.B.13).

A note often tells the side once for a part and then names a second condition of that part
without it: "Right shoulder pain ... mild evidence of impingement", a preoperative list with
"Rotator cuff tear, left" beside "Impingement syndrome", a history of right knee pain beside
"patellofemoral malalignment". The side documented for the part is the side of each of its
conditions, so a code the reader left at "unspecified <part>" takes the side of the other coded
diagnoses whose tabular titles name the same part on one side - only when they all name the same
side (two sides told leave it unspecified: the note may treat each side for another condition).
The part is read from the tabular titles, not the note, so it needs no anatomy vocabulary.
"""

from __future__ import annotations

import re
from typing import Any, Final

_UNSPECIFIED_PART: Final = re.compile(
    r"\bunspecified ([a-z][a-z ]*?)(?=,|$|\s+(?:with|without|not)\b)"
)
_SIDED_PART: Final = re.compile(r"\b(right|left) ([a-z][a-z ]*?)(?=,|$|\s+(?:with|without|not)\b)")


def _sided_parts(title: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _SIDED_PART.finditer(title)]


def _side_siblings(code: str, icd: Any) -> tuple[str, dict[str, str]] | None:
    """The part an unspecified-side code names and its siblings by side ("right" -> code)."""
    rec = icd.get(code)
    if rec is None:
        return None
    seventh = ""
    base = rec
    if rec.kind == "extension" and rec.parent:
        base, seventh = icd.get(rec.parent), code[-1]
    if base is None or base.parent is None:
        return None
    title = base.description
    titles: dict[str, str] = {}
    for sib in icd.children(base.parent):
        r = icd.get(sib)
        if r is not None:
            titles[r.description] = r.code
    for m in _UNSPECIFIED_PART.finditer(title):
        part = m.group(1)
        by_side: dict[str, str] = {}
        for side in ("right", "left"):
            sib_code = titles.get(title[: m.start()] + side + " " + part + title[m.end() :])
            if sib_code is None:
                continue
            if seventh:
                plain = sib_code.replace(".", "")
                plain = plain + "X" * (6 - len(plain)) + seventh
                sib_code = f"{plain[:3]}.{plain[3:]}"
            if icd.is_billable(sib_code):
                by_side[side] = sib_code
        if len(by_side) == 2:
            return part, by_side
    return None


def side_of_same_part(codes: list[str], icd: Any) -> dict[str, str]:
    """Unspecified-side code -> its sided sibling, for the codes whose part the note's other
    coded diagnoses tell on exactly one side."""
    told: dict[str, set[str]] = {}
    for code in codes:
        rec = icd.get(code)
        if rec is None:
            continue
        for side, part in _sided_parts(rec.description):
            told.setdefault(part, set()).add(side)
    if not told:
        return {}
    out: dict[str, str] = {}
    for code in codes:
        found = _side_siblings(code, icd)
        if found is None:
            continue
        part, by_side = found
        sides = told.get(part, set())
        if len(sides) == 1:
            out[code] = by_side[next(iter(sides))]
    return out
