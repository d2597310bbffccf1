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


# titles that end in "..., left side" / "unspecified side" ("Unspecified ovarian cyst, left
# side", "Pelvic and perineal pain unspecified side") name no part: an ovarian cyst's side is
# not the side of pelvic pain
_NO_PART: Final = frozenset({"side", "sided"})


def _sided_parts(title: str) -> list[tuple[str, str]]:
    return [
        (m.group(1), m.group(2)) for m in _SIDED_PART.finditer(title) if m.group(2) not in _NO_PART
    ]


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
        if part in _NO_PART:
            continue
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


_RIGHT_WORD: Final = re.compile(r"\bright\b")


def plural_part(tail: str) -> str | None:
    """A title's tail with the last word of its part in the plural (" carotid artery" ->
    " carotid arteries"; " vertebral artery, ..." -> " vertebral arteries, ...")."""
    m = re.match(r"(\s+(?:\w+\s+)*?)(\w+)(?=$|,)", tail)
    if m is None:
        return None
    word = m.group(2)
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        plural = word[:-1] + "ies"
    elif word.endswith(("s", "x", "ch", "sh")):
        plural = word + "es"
    else:
        plural = word + "s"
    return m.group(1) + plural + tail[m.end() :]


def bilateral_of_pairs(codes: list[str], icd: Any) -> dict[str, tuple[str, str]]:
    """Bilateral code -> (right code, left code) for each condition the note codes on the
    right and on the left with codes that differ only by the side, where the tabular list has
    a code for both sides ("Occlusion and stenosis of right carotid artery" with "... of left
    carotid artery": "... of bilateral carotid arteries"). Guideline I.B.13: the bilateral code
    where one exists. Codes with a 7th character (injuries by episode) are left alone."""
    have = set(codes)
    out: dict[str, tuple[str, str]] = {}
    for code in codes:
        rec = icd.get(code)
        if rec is None or rec.kind == "extension" or rec.parent is None or not rec.billable:
            continue
        title = rec.description
        for m in _RIGHT_WORD.finditer(title):
            head, tail = title[: m.start()], title[m.end() :]
            titles: dict[str, str] = {}
            for sib in icd.children(rec.parent):
                r = icd.get(sib)
                if r is not None:
                    titles[r.description] = r.code
            left = titles.get(head + "left" + tail)
            if left is None or left not in have:
                continue
            part = re.match(r"\s+\w+", tail)
            for rest in (tail, tail[part.end() :] if part else None, plural_part(tail)):
                both = titles.get(head + "bilateral" + rest) if rest is not None else None
                if both is not None and icd.is_billable(both):
                    out.setdefault(both, (code, left))
                    break
    return out
