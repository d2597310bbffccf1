"""Modifier edits: does each modifier exist, fit its code and agree with the rest of the line?

The rules combine the modifier list (``codesets/modifiers.py``), the CMS fee-schedule payment
indicators (bilateral, PC/TC, assistant, co- and team surgery) and the codebook (E/M or not,
add-on or not). Each finding names the rule it applied.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from agentkit.coding.codesets.modifiers import DISTINCT_SERVICE_MODIFIERS
from agentkit.result import Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim, ClaimLine
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["check_modifiers", "is_em_code"]

_CPT_RULES = "CPT modifier guidelines"
_NCCI_MANUAL = "NCCI Policy Manual, ch. I (modifiers)"
_MAX_MODIFIERS = 4

# E/M-type services that also take modifier 25 / 57 (besides the 99202-99499 E/M section)
_OTHER_EM = frozenset({"92002", "92004", "92012", "92014", "G0402", "G0438", "G0439", "G0463"})


def is_em_code(code: str, kb: CodingKnowledge) -> bool:
    """An evaluation and management service (codebook section E/M, 99202-99499, eye exams)."""
    entry = kb.cpt.get(code)
    if entry is not None and entry.section:
        return entry.is_em or code in _OTHER_EM
    return code in _OTHER_EM or (code.isdigit() and 99202 <= int(code) <= 99499)


def _indicator(code: str, kb: CodingKnowledge, field: str) -> str:
    entry = kb.cpt.get(code)
    value = getattr(entry, field, None) if entry is not None else None
    if value:
        return str(value)
    ind = kb.fee_schedule.get(code)
    return str(getattr(ind, field, "") or "") if ind is not None else ""


def _is_add_on(code: str, kb: CodingKnowledge) -> bool:
    entry = kb.cpt.get(code)
    if entry is not None and entry.add_on:
        return True
    if kb.aoc is not None and kb.aoc.is_add_on(code):
        return True
    ind = kb.fee_schedule.get(code)
    return ind is not None and ind.global_days == "ZZZ"


class _Collector:
    def __init__(self, kb: CodingKnowledge) -> None:
        self.findings: list[Finding] = []
        self.pfs = kb.fee_schedule.version.label

    def add(
        self, line: ClaimLine, severity: Severity, message: str, source: str, *mods: str
    ) -> None:
        self.findings.append(
            Finding(
                check="modifiers_valid",
                severity=severity,
                message=message,
                path=line.modifiers_path,
                codes=(line.code, *mods),
                source=source,
            )
        )


def check_modifiers(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Every modifier rule, line by line (lines of one date of service)."""
    out = _Collector(kb)
    codes_today = Counter(line.code for line in claim.lines)
    non_em_today = [ln for ln in claim.lines if not is_em_code(ln.code, kb)]
    major_today = [ln for ln in claim.lines if _indicator(ln.code, kb, "global_days") == "090"]
    for line in claim.lines:
        _known(line, kb, out)
        mods = set(line.modifiers)
        em = is_em_code(line.code, kb)
        _bilateral(line, mods, kb, out)
        _sides(line, kb, out)
        _em_modifiers(line, mods, em, non_em_today, major_today, out)
        _distinct(line, mods, em, out)
        _components(line, mods, kb, out)
        _surgical_team(line, mods, kb, claim.setting, out)
        if "51" in mods and _is_add_on(line.code, kb):
            out.add(
                line,
                "error",
                f"{line.code} is an add-on code: add-on codes are exempt from the multiple "
                "procedure reduction, so modifier 51 does not belong on it.",
                _CPT_RULES,
                "51",
            )
        if {"52", "53"} <= mods:
            out.add(
                line,
                "error",
                f"{line.code} has both 52 (reduced) and 53 (discontinued): use the one the note "
                "supports.",
                _CPT_RULES,
                "52",
                "53",
            )
        if "53" in mods and em:
            out.add(
                line,
                "error",
                f"Modifier 53 is not used with evaluation and management services such as "
                f"{line.code}.",
                _CPT_RULES,
                "53",
            )
        if "22" in mods and em:
            out.add(
                line,
                "error",
                f"Modifier 22 is for procedures, not E/M services such as {line.code} (use "
                "prolonged-service time instead).",
                _CPT_RULES,
                "22",
            )
        if mods & {"76", "77"} and codes_today[line.code] < 2:
            mod = "76" if "76" in mods else "77"
            out.add(
                line,
                "warning",
                f"Modifier {mod} marks a repeat of {line.code}, but the claim shows no other "
                f"{line.code} on this date of service.",
                _CPT_RULES,
                mod,
            )
        if "91" in mods and not _is_lab(line.code, kb):
            out.add(
                line,
                "error",
                f"Modifier 91 (repeat clinical laboratory test) applies only to laboratory "
                f"codes, not {line.code}.",
                _CPT_RULES,
                "91",
            )
        if {"GA", "GZ"} <= mods:
            out.add(
                line,
                "error",
                "GA (an ABN is on file) and GZ (no ABN, denial expected) contradict each other.",
                "CMS ABN modifier instructions",
                "GA",
                "GZ",
            )
    return out.findings


def _is_lab(code: str, kb: CodingKnowledge) -> bool:
    entry = kb.cpt.get(code)
    if entry is not None and entry.section:
        return entry.section == "Pathology/Lab"
    return code.isdigit() and 80000 <= int(code) <= 89999


def _known(line: ClaimLine, kb: CodingKnowledge, out: _Collector) -> None:
    counts = Counter(line.modifiers)
    for mod, n in counts.items():
        info = kb.modifiers.get(mod)
        if info is None:
            out.add(
                line,
                "error",
                f"{mod} is not a CPT or HCPCS Level II modifier (on {line.code}).",
                kb.modifiers.version.label,
                mod,
            )
        elif not info.in_force(kb.dos):
            when = (
                f"ended {info.terminated.isoformat()}"
                if info.terminated and kb.dos > info.terminated
                else f"starts {info.effective.isoformat() if info.effective else '?'}"
            )
            out.add(
                line,
                "error",
                f"Modifier {mod} is not valid on {kb.dos.isoformat()} (it {when}).",
                kb.modifiers.version.label,
                mod,
            )
        if n > 1:
            out.add(
                line,
                "warning",
                f"Modifier {mod} is listed {n} times on {line.code}.",
                _CPT_RULES,
                mod,
            )
    if len(line.modifiers) > _MAX_MODIFIERS:
        out.add(
            line,
            "warning",
            f"{line.code} has {len(line.modifiers)} modifiers; a claim line holds "
            f"{_MAX_MODIFIERS} (use 99 and list the rest if the payer asks for it).",
            "CMS-1500 / 837P claim format",
        )


_BILATERAL_TEXT = {
    "0": "bilateral indicator 0: a bilateral procedure does not apply to this code",
    "2": "bilateral indicator 2: the code already describes both sides",
    "9": "bilateral indicator 9: the bilateral concept does not apply",
}


def _bilateral(line: ClaimLine, mods: set[str], kb: CodingKnowledge, out: _Collector) -> None:
    bilat = _indicator(line.code, kb, "bilateral")
    source = f"{out.pfs}, bilateral surgery indicator {bilat or '?'}"
    if "50" in mods:
        if bilat in _BILATERAL_TEXT:
            fix = (
                "report it once without 50"
                if bilat == "2"
                else "do not report 50; if the note documents both sides, follow the payer's "
                "rule for the second side"
            )
            out.add(
                line,
                "error",
                f"Modifier 50 is not allowed on {line.code} ({_BILATERAL_TEXT[bilat]}); {fix}.",
                source,
                "50",
            )
        if mods & {"RT", "LT"}:
            out.add(
                line,
                "error",
                f"{line.code} has 50 together with RT/LT: 50 already means both sides; drop "
                "RT and LT.",
                source,
                "50",
                *sorted(mods & {"RT", "LT"}),
            )
        if line.units > 1:
            out.add(
                line,
                "warning",
                f"{line.code}-50 is reported with {line.units} units; a bilateral procedure is "
                "reported once, with 1 unit, on Medicare practitioner claims.",
                source,
                "50",
            )
    elif {"RT", "LT"} <= mods:
        if bilat == "1":
            out.add(
                line,
                "warning",
                f"{line.code} has both RT and LT on one line: report a bilateral procedure once "
                "with modifier 50.",
                source,
                "RT",
                "LT",
            )
        elif bilat == "2":
            out.add(
                line,
                "warning",
                f"{line.code} already describes both sides (bilateral indicator 2); RT and LT "
                "are not needed.",
                source,
                "RT",
                "LT",
            )


def _sides(line: ClaimLine, kb: CodingKnowledge, out: _Collector) -> None:
    sides: dict[str, list[str]] = {}
    for mod in line.modifiers:
        info = kb.modifiers.get(mod)
        if info is not None and info.side:
            sides.setdefault(info.side, []).append(mod)
    if len(sides) > 1 and not ({"RT", "LT"} >= set(sides["left"] + sides["right"])):
        out.add(
            line,
            "error",
            f"{line.code} mixes left-side ({', '.join(sides['left'])}) and right-side "
            f"({', '.join(sides['right'])}) anatomic modifiers on one line; one line is one "
            "site.",
            _NCCI_MANUAL,
            *sides["left"],
            *sides["right"],
        )


def _em_modifiers(
    line: ClaimLine,
    mods: set[str],
    em: bool,
    non_em_today: list[ClaimLine],
    major_today: list[ClaimLine],
    out: _Collector,
) -> None:
    for mod, what in (
        ("25", "a separately identifiable E/M service on the day of a procedure"),
        ("57", "the visit where the decision for major surgery was made"),
        ("24", "an unrelated E/M visit during a postoperative period"),
    ):
        if mod not in mods:
            continue
        if not em:
            alt = (
                " (for a procedure, 59 or XE/XS/XP/XU marks a distinct service)"
                if mod == "25"
                else ""
            )
            out.add(
                line,
                "error",
                f"Modifier {mod} ({what}) belongs on an evaluation and management code, not on "
                f"{line.code}{alt}.",
                _CPT_RULES,
                mod,
            )
        elif mod == "25" and not non_em_today:
            out.add(
                line,
                "warning",
                f"{line.code}-25: modifier 25 is only needed when a procedure or other service "
                "is reported on the same date, and the claim has none.",
                _CPT_RULES,
                mod,
            )
        elif mod == "57" and not major_today:
            out.add(
                line,
                "warning",
                f"{line.code}-57: modifier 57 is for the decision for a major (090-day global) "
                "procedure, and the claim has none on this date.",
                _CPT_RULES,
                mod,
            )


def _distinct(line: ClaimLine, mods: set[str], em: bool, out: _Collector) -> None:
    x_mods = sorted(mods & DISTINCT_SERVICE_MODIFIERS)
    if "59" in mods and x_mods:
        out.add(
            line,
            "error",
            f"{line.code} has 59 together with {', '.join(x_mods)}: use one distinct-service "
            "modifier (the X modifier, which is more specific).",
            _NCCI_MANUAL,
            "59",
            *x_mods,
        )
    elif "59" in mods and not em:
        out.add(
            line,
            "warning",
            f"{line.code}-59: when the service is distinct because of a separate encounter "
            "(XE), a separate structure or site (XS), a different practitioner (XP) or an "
            "unusual non-overlapping service (XU), that X modifier is more precise than 59.",
            _NCCI_MANUAL,
            "59",
        )
    if em and (mods & ({"59"} | DISTINCT_SERVICE_MODIFIERS)):
        used = sorted(mods & ({"59"} | DISTINCT_SERVICE_MODIFIERS))
        out.add(
            line,
            "error",
            f"{', '.join(used)} is not used on an E/M service such as {line.code}; a "
            "separately identifiable visit takes modifier 25.",
            _NCCI_MANUAL,
            *used,
        )


_PCTC_TEXT = {
    "0": "a physician service that has no professional/technical split",
    "2": "already a professional-component-only code",
    "3": "already a technical-component-only code",
    "4": "a global test with separate codes for its professional and technical parts",
    "5": "an incident-to service",
    "7": "a physical therapy service",
    "8": "a physician interpretation code",
    "9": "a service where the professional/technical concept does not apply",
}


def _components(line: ClaimLine, mods: set[str], kb: CodingKnowledge, out: _Collector) -> None:
    if {"26", "TC"} <= mods:
        out.add(
            line,
            "error",
            f"{line.code} has both 26 and TC: that is the global service; report it without "
            "either, or bill the two components on separate claims.",
            _CPT_RULES,
            "26",
            "TC",
        )
        return
    ind = kb.fee_schedule.get(line.code)
    if ind is None or not ind.pctc:
        return
    source = f"{out.pfs}, PC/TC indicator {ind.pctc}"
    if "26" in mods and ind.pctc not in ("1", "6"):
        out.add(
            line,
            "error",
            f"Modifier 26 does not apply to {line.code}: it is "
            f"{_PCTC_TEXT.get(ind.pctc, 'not split into components')}.",
            source,
            "26",
        )
    if "TC" in mods and ind.pctc != "1":
        out.add(
            line,
            "error",
            f"Modifier TC does not apply to {line.code}: it is "
            f"{_PCTC_TEXT.get(ind.pctc, 'not split into components')}.",
            source,
            "TC",
        )


def _surgical_team(
    line: ClaimLine, mods: set[str], kb: CodingKnowledge, setting: str, out: _Collector
) -> None:
    assist = mods & {"80", "81", "82", "AS"}
    if assist and setting == "practitioner":
        ind = _indicator(line.code, kb, "assistant")
        source = f"{out.pfs}, assistant at surgery indicator {ind or '?'}"
        mod = sorted(assist)[0]
        if ind == "1":
            out.add(
                line,
                "error",
                f"An assistant at surgery ({mod}) is not paid for {line.code} (assistant "
                "indicator 1: statutory payment restriction).",
                source,
                mod,
            )
        elif ind == "9":
            out.add(
                line,
                "error",
                f"The assistant-at-surgery concept does not apply to {line.code} (indicator 9).",
                source,
                mod,
            )
        elif ind == "0":
            out.add(
                line,
                "warning",
                f"An assistant at surgery ({mod}) on {line.code} is paid only with documentation "
                "that it was medically necessary (assistant indicator 0).",
                source,
                mod,
            )
    pfs_row = kb.fee_schedule.get(line.code)
    if pfs_row is None:
        return
    for mod, value, what in (
        ("62", pfs_row.co_surgery, "co-surgery"),
        ("66", pfs_row.team_surgery, "team surgery"),
    ):
        if mod not in mods or not value:
            continue
        source = f"{out.pfs}, {what} indicator {value}"
        if value in ("0", "9"):
            out.add(
                line,
                "error",
                f"Modifier {mod} ({what}) is not permitted for {line.code} ({what} indicator "
                f"{value}).",
                source,
                mod,
            )
        elif value == "1":
            out.add(
                line,
                "warning",
                f"Modifier {mod} ({what}) on {line.code} needs documentation of medical "
                f"necessity ({what} indicator 1).",
                source,
                mod,
            )
