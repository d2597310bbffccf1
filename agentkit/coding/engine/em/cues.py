"""The cue lists of the E/M leveler (``data/mdm.yaml``), loaded and checked.

A coder maintains the words that mean "prescription drug management" or "independent
historian"; this module turns each list into a phrase matcher and reports a mistake as a
DataFileError with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from agentkit.coding.engine.text.phrases import PhraseSet, PhraseSyntaxError
from agentkit.coding.engine.text.sections import SECTION_KINDS
from agentkit.coding.engine.yaml_data import YamlList, YamlMap, line_of, load_yaml
from agentkit.errors import DataFileError

__all__ = ["MDM_FILE", "Cues", "cues", "load_cues"]

MDM_FILE = Path(__file__).resolve().parent / "data" / "mdm.yaml"

_GROUPS: dict[str, tuple[str, ...]] = {
    "setting": (
        "emergency",
        "emergency_weak",
        "outpatient_next",
        "hospital",
        "hospital_plan",
        "subsequent",
        "admit_decision",
        "discharge_plan",
        "not_a_visit",
        "office",
        "nursing_facility",
        "nursing_admission",
        "preventive",
        "other_record",
        "consultation",
    ),
    "patient_status": ("new_explicit", "new", "established", "last_visit", "history_unchanged"),
    "problems": (
        "threat",
        "benign_lead",
        "exacerbation",
        "off_goal",
        "stable",
        "chronic",
        "new_uncertain",
        "side_effect",
        "hedged",
        "cancer_care",
        "elsewhere",
        "escalation",
        "failed",
        "systemic",
        "self_limited",
        "acute",
    ),
    "data": (
        "tests",
        "not_tests",
        "not_reviewed",
        "not_reviewed_before",
        "external_notes",
        "historian",
        "accompanied",
        "interpretation",
        "result_told",
        "discussion",
    ),
    "risk": ("high", "moderate", "low", "minimal"),
    "eye_exam": ("acuity", "pressure", "slit_lamp", "fundus", "dilated", "sensorimotor"),
    "separate": ("drug_management", "not_drugs"),
}


@dataclass(frozen=True)
class Cues:
    """One phrase matcher per cue group; payload ``(name, item index)``."""

    sections: dict[str, frozenset[str]]
    groups: dict[str, PhraseSet[tuple[str, int]]]
    chronic_codes: tuple[str, ...]

    def matcher(self, group: str) -> PhraseSet[tuple[str, int]]:
        return self.groups[group]


def _phrase_list(
    items: Any, name: str, into: PhraseSet[tuple[str, int]], src: str, line: int | None
) -> None:
    if not isinstance(items, YamlList) or not items:
        raise DataFileError(src, f"{name}: expected a non-empty list of phrases", line)
    for i, phrase in enumerate(items):
        try:
            into.add(str(phrase), (name, i))
        except PhraseSyntaxError as exc:
            raise DataFileError(src, f"{name}: {exc}", line_of(items, i)) from exc


def load_cues(path: Path = MDM_FILE) -> Cues:
    """Read ``mdm.yaml``; every mistake names the file and line."""
    src = str(path)
    data = load_yaml(path)
    if not isinstance(data, YamlMap):
        raise DataFileError(src, "expected a mapping of cue groups", 1)
    groups: dict[str, PhraseSet[tuple[str, int]]] = {}
    for group, names in _GROUPS.items():
        raw = data.get(group)
        if not isinstance(raw, YamlMap):
            raise DataFileError(
                src, f"{group}: expected a mapping with {', '.join(names)}", line_of(data, group)
            )
        phrases: PhraseSet[tuple[str, int]] = PhraseSet()
        for name in names:
            if name not in raw:
                raise DataFileError(src, f"{group}: missing list {name!r}", line_of(raw))
            _phrase_list(raw[name], name, phrases, src, line_of(raw, name))
        unknown = set(raw) - set(names)
        if unknown:
            first = sorted(unknown)[0]
            raise DataFileError(
                src,
                f"{group}: unknown list {first!r}; expected {', '.join(names)}",
                line_of(raw, first),
            )
        groups[group] = phrases
    raw_sec = data.get("sections")
    if not isinstance(raw_sec, YamlMap):
        raise DataFileError(src, "sections: expected problems/data/risk lists", 1)
    sections: dict[str, frozenset[str]] = {}
    for key in ("problems", "data", "risk"):
        kinds = raw_sec.get(key)
        if not isinstance(kinds, list) or any(k not in SECTION_KINDS for k in kinds):
            raise DataFileError(
                src,
                f"sections.{key}: expected a list of section kinds "
                f"({', '.join(sorted(SECTION_KINDS))})",
                line_of(raw_sec, key),
            )
        sections[key] = frozenset(str(k) for k in kinds)
    chronic = data.get("chronic_codes", YamlList())
    if not isinstance(chronic, list):
        raise DataFileError(src, "chronic_codes: expected a list", line_of(data, "chronic_codes"))
    return Cues(sections, groups, tuple(str(c).upper() for c in chronic))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The bundled cue file, loaded once (and kept compiled between processes)."""
    from agentkit.coding.engine.compiled_cache import load_or_compile

    here = Path(__file__).resolve()
    return load_or_compile(
        "em-cues", [MDM_FILE], [here, here.parent.parent / "text" / "phrases.py"], load_cues, Cues
    )
