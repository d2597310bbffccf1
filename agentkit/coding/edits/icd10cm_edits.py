"""ICD-10-CM edits: codes that are reportable, complete, correctly sequenced and not mutually
excluded by an Excludes1 note.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim, Diagnosis
    from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = [
    "acute_and_chronic",
    "check_diagnosis_codes_exist",
    "check_excludes1",
    "check_icd10cm_valid",
    "excludes1_note",
    "may_be_unrelated",
]


def check_diagnosis_codes_exist(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Each diagnosis must be a code of the ICD-10-CM version in force."""
    icd = kb.icd10cm
    findings = []
    for dx in claim.diagnoses:
        if not dx.well_formed:
            findings.append(
                Finding(
                    check="codes_exist",
                    severity="error",
                    message=(
                        f"{dx.code!r} is not an ICD-10-CM code (codes look like K80.20 or E11.9)."
                    ),
                    path=dx.path,
                    codes=(dx.code,),
                    source=icd.version.label,
                )
            )
        elif icd.get(dx.code) is None:
            hint = icd.suggest(dx.code)
            tail = f" Did you mean {hint} (with the placeholder X)?" if hint else ""
            if not icd.version.covers(kb.dos):
                tail += (
                    f" (That version does not cover {kb.dos.isoformat()}: if the code is valid "
                    "then, import that year's tabular.)"
                )
            findings.append(
                Finding(
                    check="codes_exist",
                    severity="error",
                    message=(
                        f"{dx.code} is not a valid ICD-10-CM code in {icd.version.label}.{tail}"
                    ),
                    path=dx.path,
                    codes=(dx.code,),
                    source=icd.version.label,
                )
            )
    return findings


def check_icd10cm_valid(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Headers that are not billable, codes missing their 7th character, a manifestation first."""
    icd = kb.icd10cm
    findings = []
    for position, dx in enumerate(claim.diagnoses):
        rec = icd.get(dx.code) if dx.well_formed else None
        if rec is None:
            continue  # codes_exist reports it
        if rec.requires_7th:
            chars = ", ".join(f"{c} {m}" for c, m in list(rec.seven_chr.items())[:6])
            example = _with_seventh(rec.code, next(iter(rec.seven_chr), "A"))
            findings.append(
                Finding(
                    check="icd10cm_valid",
                    severity="error",
                    message=(
                        f"{rec.code} needs a 7th character for the encounter or episode ({chars}"
                        f"{', ...' if len(rec.seven_chr) > 6 else ''}); e.g. {example}, with the "
                        "placeholder X where the code is shorter than six characters."
                    ),
                    path=dx.path,
                    codes=(rec.code,),
                    source=f"{icd.version.label}, 7th character required",
                )
            )
        elif not rec.billable:
            options = icd.billable_descendants(rec.code, limit=6)
            findings.append(
                Finding(
                    check="icd10cm_valid",
                    severity="error",
                    message=(
                        f"{rec.code} ({rec.description}) is a category header, not a billable "
                        f"code; report a code to the highest specificity documented"
                        + (f", such as {', '.join(options)}" if options else "")
                        + "."
                    ),
                    path=dx.path,
                    codes=(rec.code, *options),
                    source=f"{icd.version.label}, non-billable header",
                )
            )
        if position == 0 and kb.mce is not None and "manifestation" in kb.mce.edits(rec.code):
            first = _code_first_note(icd, rec.code)
            findings.append(
                Finding(
                    check="icd10cm_valid",
                    severity="error",
                    message=(
                        f"{rec.code} is a manifestation code and cannot be listed first; sequence "
                        "the underlying condition before it"
                        + (f" ({first})" if first else "")
                        + "."
                    ),
                    path=dx.path,
                    codes=(rec.code,),
                    source=f"{kb.mce.version.label}, manifestation as first-listed diagnosis",
                )
            )
    return findings


def _with_seventh(code: str, char: str) -> str:
    key = code.replace(".", "")
    full = key + "X" * (6 - len(key)) + char
    return f"{full[:3]}.{full[3:]}"


def _code_first_note(icd: Icd10cmCodeSet, code: str) -> str:
    for key in icd.ancestors(code):
        rec = icd.get(key) if not key.startswith(("section:", "chapter:")) else None
        if rec is not None and rec.code_first:
            return "code first " + "; ".join(rec.code_first[:2])
    return ""


def _covered(code_key: str, lo: str, hi: str) -> bool:
    return code_key[: len(lo)] >= lo and code_key[: len(hi)] <= hi


def excludes1_note(icd: Icd10cmCodeSet, a: str, b: str) -> str | None:
    """The tabular key of the Excludes1 note in force for ``a`` that excludes ``b``, or None.

    A note that excludes part of ``a``'s own family ("E11 Excludes1 ..." seen from E11.9) is not
    about ``b`` against ``a``. The offline coder and the claim edit both ask this."""
    b_key = b.replace(".", "")
    a_chain = [k for k in icd.ancestors(a) if not k.startswith(("section:", "chapter:"))]
    for lo, hi, where in icd.excludes1_refs(a):
        if _covered(b_key, lo, hi) and not any(_covered(k, lo, hi) for k in a_chain):
            return where
    return None


_ACUTE = frozenset({"acute", "subacute"})


def acute_and_chronic(icd: Icd10cmCodeSet, a: str, b: str) -> bool:
    """One code is the acute form and the other the chronic form of a condition: guideline
    I.B.8 codes both ("acute and chronic gastritis" is K29.00 and K29.50), whatever a
    same-category or an Excludes1 "X NOS" note says of the pair."""
    ra, rb = icd.get(a), icd.get(b)
    if ra is None or rb is None:
        return False

    def form(title: str) -> str:
        words = set(re.findall(r"[a-z]+", title.lower()))
        acute, chronic = bool(words & _ACUTE), "chronic" in words
        return "acute" if acute and not chronic else "chronic" if chronic and not acute else ""

    fa, fb = form(ra.description), form(rb.description)
    return bool(fa and fb and fa != fb)


# chapters whose Excludes1 notes name the same condition in another setting (pregnancy, the
# newborn, a congenital form): never two unrelated conditions
_CONTEXT_CHAPTERS = ("O", "P", "Q")
# an ectopic or molar pregnancy or other abnormal product of conception (O00-O02) codes no
# complication: what complicates it is O08.-, so the Excludes1 of another chapter against
# "... complicating ectopic or molar pregnancy (O00-O07, O08.0)" (N70-N77) is about O08, and
# pelvic adhesions found at the laparoscopy for a tubal pregnancy are a condition of their own
_ABORTIVE_NO_COMPLICATION = ("O00", "O01", "O02")
# the organism or cause of a condition coded elsewhere (RSV B97.4 beside RSV bronchiolitis)
_CAUSE_CODES = ("B95", "B96", "B97")


def may_be_unrelated(icd: Icd10cmCodeSet, a: str, b: str) -> bool:
    """Two codes an Excludes1 note separates that can still be two unrelated conditions,
    reported together by guideline I.A.12.a: they sit in different blocks of the tabular list
    (a rectocele N81.6 and a post-hysterectomy vault prolapse N99.3; ARDS J80 and respiratory
    failure J96.-). Never a sign or symptom (I.B.5: it is part of the condition), nor a pair
    where one code is the pregnancy, newborn or congenital form, nor the organism (B95-B97) of
    the other. Whether the two ARE unrelated
    is a fact of the note: the coder requires them read from different words of it."""
    if "R" in (a[:1], b[:1]) or a.startswith(_CAUSE_CODES) or b.startswith(_CAUSE_CODES):
        return False
    if (a[:1] in _CONTEXT_CHAPTERS) != (b[:1] in _CONTEXT_CHAPTERS) and not (
        a.startswith(_ABORTIVE_NO_COMPLICATION) or b.startswith(_ABORTIVE_NO_COMPLICATION)
    ):
        return False

    def block(code: str) -> str:
        return next((k for k in icd.ancestors(code) if k.startswith("section:")), code[:3])

    return block(a) != block(b)


def check_excludes1(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Two diagnoses on the claim that an Excludes1 note says never go together.

    The acute and the chronic form of one condition are not flagged (I.B.8); a pair that may be
    two unrelated conditions (I.A.12.a, :func:`may_be_unrelated`) is a warning: only the note
    can tell, and the offline coder reports such a pair only when read from different words."""
    icd = kb.icd10cm
    valid: list[Diagnosis] = [
        d for d in claim.diagnoses if d.well_formed and icd.get(d.code) is not None
    ]
    findings: list[Finding] = []
    reported: set[frozenset[str]] = set()
    notes_used: set[tuple[str, str]] = set()  # (excluded code, note location): report once
    for a in valid:
        if not icd.excludes1_refs(a.code):
            continue
        for b in valid:
            if b.code == a.code or frozenset((a.code, b.code)) in reported:
                continue
            where = excludes1_note(icd, a.code, b.code)
            if where is None or acute_and_chronic(icd, a.code, b.code):
                continue
            if (b.code, where) in notes_used:
                continue  # E11 and E11.9 both sit under E11's note: one finding for b
            lo_hi = next(
                (
                    (lo, hi)
                    for lo, hi, w in icd.excludes1_refs(a.code)
                    if w == where and _covered(b.code.replace(".", ""), lo, hi)
                ),
                None,
            )
            note = _matching_note(icd, where, *lo_hi) if lo_hi else ""
            unrelated = may_be_unrelated(icd, a.code, b.code)
            findings.append(
                Finding(
                    check="excludes1",
                    severity="warning" if unrelated else "error",
                    message=(
                        f"{a.code} and {b.code} are "
                        + (
                            "reported together only as unrelated"
                            if unrelated
                            else "not reported together"
                        )
                        + f": an Excludes1 note "
                        f"at {icd.display_key(where)} excludes {b.code}"
                        + (f" ('{note}')" if note else "")
                        + (
                            ". Report both only if the note documents two unrelated conditions "
                            "(ICD-10-CM guideline I.A.12.a)."
                            if unrelated
                            else ". Keep the code the note documents (unless the two conditions "
                            "are unrelated, per ICD-10-CM guideline I.A.12.a)."
                        )
                    ),
                    path=b.path,
                    codes=(a.code, b.code),
                    source=f"{icd.version.label}, Excludes1 at {icd.display_key(where)}",
                )
            )
            reported.add(frozenset((a.code, b.code)))
            notes_used.add((b.code, where))
    return findings


def _matching_note(icd: Icd10cmCodeSet, where: str, lo: str, hi: str) -> str:
    from agentkit.coding.importers.icd10cm_tabular import parse_code_refs

    for note in icd.excludes1_notes(where):
        if (lo, hi) in parse_code_refs(note):
            return note
    return ""
