"""Medicare Code Editor (MCE) age and sex edits for ICD-10-CM, and the manifestation list.

A diagnosis that only fits a newborn, a child, a pregnancy, an adult, a woman or a man conflicts
with the patient's age or sex when those are known. Manifestation codes ("in diseases
classified elsewhere") may not be the first-listed diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agentkit.coding.datafile import read_tsv
from agentkit.coding.versions import DataVersion
from agentkit.errors import DataFileError
from agentkit.result import Finding

if TYPE_CHECKING:  # pragma: no cover
    from agentkit.coding.claim import Claim
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["AGE_RULES", "MCE_EDITS", "MceLists", "check_age_sex", "load_mce_tsv"]

#: edit name -> (lowest age, highest age, wording)
AGE_RULES: dict[str, tuple[int, int, str]] = {
    "newborn": (0, 0, "a newborn (age 0)"),
    "pediatric": (0, 17, "a child (age 0-17)"),
    "maternity": (9, 64, "a pregnancy (age 9-64)"),
    "adult": (15, 124, "an adult (age 15-124)"),
}
MCE_EDITS = frozenset({*AGE_RULES, "female", "male", "manifestation"})


@dataclass(frozen=True)
class MceLists:
    """MCE edits by dotted ICD-10-CM code."""

    by_code: dict[str, frozenset[str]]
    version: DataVersion

    def edits(self, code: str) -> frozenset[str]:
        return self.by_code.get(code, frozenset())


def load_mce_tsv(path: Path, version: DataVersion) -> MceLists:
    """Read agentkit's MCE layout: ``code`` (dotted) and ``edit`` (see MCE_EDITS)."""
    out: dict[str, set[str]] = {}
    for line, row in read_tsv(path, ("code", "edit")):
        edit = row["edit"].lower()
        if edit not in MCE_EDITS:
            raise DataFileError(
                str(path), f"unknown MCE edit {row['edit']!r}; use one of {sorted(MCE_EDITS)}", line
            )
        out.setdefault(row["code"].upper(), set()).add(edit)
    return MceLists({k: frozenset(v) for k, v in out.items()}, version)


def check_age_sex(claim: Claim, kb: CodingKnowledge) -> list[Finding]:
    """Diagnoses that conflict with the patient's age or sex (only when those are known)."""
    lists = kb.mce
    if lists is None or (claim.sex is None and claim.age is None):
        return []
    findings: list[Finding] = []
    source = lists.version.label
    for dx in claim.diagnoses:
        edits = lists.edits(dx.code)
        if not edits:
            continue
        if claim.sex == "M" and "female" in edits:
            findings.append(_sex(dx.code, dx.path, "female", source))
        elif claim.sex == "F" and "male" in edits:
            findings.append(_sex(dx.code, dx.path, "male", source))
        if claim.age is None:
            continue
        for edit in sorted(edits & AGE_RULES.keys()):
            lo, hi, who = AGE_RULES[edit]
            if not lo <= claim.age <= hi:
                findings.append(
                    Finding(
                        check="age_sex",
                        severity="error",
                        message=(
                            f"{dx.code} is a diagnosis for {who}, but the patient is "
                            f"{claim.age}. Check the code or the patient's age."
                        ),
                        path=dx.path,
                        codes=(dx.code,),
                        source=f"{source}, {edit} age edit",
                    )
                )
    return findings


def _sex(code: str, path: str | None, only: str, source: str) -> Finding:
    patient = "male" if only == "female" else "female"
    return Finding(
        check="age_sex",
        severity="error",
        message=(
            f"{code} applies only to {only} patients, but the patient is {patient}. "
            "Check the code or the patient's recorded sex."
        ),
        path=path,
        codes=(code,),
        source=f"{source}, {only}-only diagnosis",
    )
