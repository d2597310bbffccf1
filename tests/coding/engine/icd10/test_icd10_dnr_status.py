"""A do-not-resuscitate status documented anywhere in the note (a CODE STATUS line, the plan,
a discharge diagnosis list; "DNR" or "Do not resuscitate") is Z66; "Full code" is none, and
"do not resuscitate" is the order's name, not a denial."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_NOTE = """ASSESSMENT: 1. Congestive heart failure, compensated. 2. Osteoarthritis of the knees.
CODE STATUS: {status}
PLAN: Continue furosemide 20 mg daily.
"""


def codes(status: str) -> set[str]:
    return {d["code"] for d in code_cpt(_NOTE.format(status=status))["diagnoses"]}


def test_dnr_in_the_code_status_is_z66() -> None:
    assert "Z66" in codes("DNR, healthcare proxy.")
    assert "Z66" in codes("Do not resuscitate, palliative care orders in place.")


def test_full_code_is_not_z66() -> None:
    assert "Z66" not in codes("Full code.")
