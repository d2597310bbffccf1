"""An anemia that sent the patient to the endoscope stays coded beside what the scope found
when that finding does not bleed (guideline IV.D: the reason for the procedure). Synthetic
notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_EGD = """PREOPERATIVE DIAGNOSIS: {reason}
POSTOPERATIVE DIAGNOSIS: {finding}
PROCEDURE: Esophagogastroduodenoscopy.
DESCRIPTION: The endoscope was passed into the esophagus and advanced to the second portion of
the duodenum. {detail} The scope was withdrawn.
"""


def _codes(finding: str, detail: str, reason: str = "Anemia.") -> list[str]:
    note = _EGD.format(reason=reason, finding=finding, detail=detail)
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_anemia_stays_beside_gastritis_without_bleeding() -> None:
    found = _codes("Mild antral gastritis.", "Patchy antral erythema without bleeding.")
    assert "D64.9" in found and any(c.startswith("K29") for c in found)


def test_iron_deficiency_anemia_stays_beside_duodenitis() -> None:
    found = _codes("Duodenitis.", "Erythema of the duodenal bulb.", "Iron deficiency anemia.")
    assert "D50.9" in found and any(c.startswith("K29.8") for c in found)
