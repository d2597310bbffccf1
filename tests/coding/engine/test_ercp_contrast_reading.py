"""The endoscopist's reading of the ERCP contrast study, reported as a result of its own
(findings or impression), is its radiological supervision and interpretation: the cholangiogram
74328, the pancreatogram 74329, both 74330. Contrast told only as injected to guide the work, a
duct that could not be entered, and an operative cholangiogram at a cholecystectomy are not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

HEAD = """PROCEDURE: Endoscopic retrograde cholangiopancreatography with sphincterotomy.
INDICATION: Choledocholithiasis on ultrasound.
DESCRIPTION: The duodenoscope was passed to the second part of the duodenum and the papilla was
identified. The bile duct was cannulated with a sphincterotome and contrast was injected. A
biliary sphincterotomy was performed.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_cholangiogram_reported_in_findings_is_74328() -> None:
    note = HEAD + (
        "FINDINGS:\n1. Cholangiogram shows a dilated common bile duct with a 9 mm stone.\n"
        "2. The pancreatic duct could not be cannulated.\n"
    )
    codes = _codes(note)
    assert "74328" in codes
    assert "74329" not in codes and "74330" not in codes


def test_both_ducts_read_is_74330() -> None:
    note = HEAD + (
        "FINDINGS:\n1. Cholangiogram shows a normal caliber bile duct.\n"
        "2. Pancreatogram shows a normal main pancreatic duct.\n"
    )
    codes = _codes(note)
    assert "74330" in codes
    assert "74328" not in codes and "74329" not in codes


def test_contrast_told_only_in_the_narrative_adds_no_reading() -> None:
    note = HEAD + "The cholangiogram after the sweep was clear.\n"
    assert not {"74328", "74329", "74330"} & set(_codes(note))


def test_operative_cholangiogram_at_cholecystectomy_is_no_ercp_reading() -> None:
    note = (
        "PROCEDURE: Laparoscopic cholecystectomy with intraoperative cholangiogram.\n"
        "DESCRIPTION: The cystic duct was cannulated and the gallbladder was removed. A prior ERCP "
        "had cleared the duct.\n"
        "FINDINGS: The cholangiogram showed free flow into the duodenum.\n"
    )
    assert not {"74328", "74329", "74330"} & set(_codes(note))
