"""A transesophageal echo adds color flow mapping (93325) only when color is told; valves graded
"by Doppler" are the spectral Doppler add-on (93320) alone."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

HEAD = """EXAM: Transesophageal echocardiogram.
REASON: Atrial fibrillation before a planned cardioversion.
PROCEDURE: After topical anesthesia and sedation the transesophageal probe was passed into the
esophagus and views of the heart were obtained.
"""

SPECTRAL = (
    HEAD
    + """FINDINGS: Normal left ventricular size and function. The left atrial appendage is
free of thrombus. Doppler interrogation shows moderate mitral regurgitation and mild aortic
insufficiency.
IMPRESSION: No appendage thrombus. Moderate mitral regurgitation.
"""
)

COLOR = (
    HEAD
    + """FINDINGS: Normal left ventricular size and function. The left atrial appendage is
free of thrombus. Color flow Doppler shows moderate mitral regurgitation. The interatrial septum
is intact by color flow.
IMPRESSION: No appendage thrombus. Moderate mitral regurgitation.
"""
)


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_regurgitation_graded_by_doppler_is_spectral_doppler_only() -> None:
    assert _codes(SPECTRAL) == ["93312", "93320"]


def test_color_flow_told_adds_the_color_mapping_code() -> None:
    assert _codes(COLOR) == ["93312", "93320", "93325"]
