"""A lymphoproliferative disorder after a transplant is D47.Z1 however the prefix is written
("posttransplant", "post-transplant") or abbreviated (PTLD), not the unspecified lymphoid
neoplasm D47.9. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def _codes(item: str) -> list[str]:
    note = f"CHIEF COMPLAINT: Follow up.\nASSESSMENT:\n1. {item}\nPLAN: Rituximab today.\n"
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_ptld_however_written() -> None:
    for item in (
        "Posttransplant lymphoproliferative disorder.",
        "Post-transplant lymphoproliferative disease.",
        "PTLD after her liver transplant.",
    ):
        found = _codes(item)
        assert "D47.Z1" in found and "D47.9" not in found, (item, found)
