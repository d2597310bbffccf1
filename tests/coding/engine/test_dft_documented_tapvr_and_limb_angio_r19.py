"""Round 19 cardiovascular lines. Defibrillation threshold testing at an ICD implant (93641) is
coded when the body tells the testing (an arrhythmia induced, a shock and its energy), not from
the operation list alone. A complete repair of total anomalous pulmonary venous return on bypass
is 33730, which includes the atrial septal defect closed in it. A femoral-popliteal angiogram
named beside a cerebral angiogram is the limb study 75710."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_ICD = """PROCEDURES: 1. Implantation of a dual chamber ICD. 2. Defibrillation threshold testing.
DESCRIPTION: The left subclavian vein was accessed and atrial and ventricular defibrillator
leads were positioned under fluoroscopy with good sensing and pacing thresholds. A pocket was
made in the left pectoral area and the generator was connected and placed in it.
"""


def test_dft_named_only_in_the_list_is_not_coded() -> None:
    codes = _codes(_ICD)
    assert "33249" in codes
    assert "93641" not in codes


def test_dft_told_in_the_body_is_coded() -> None:
    note = _ICD + (
        "Ventricular fibrillation was induced with a shock on T and was terminated by a 15 joule"
        " shock delivered by the device.\n"
    )
    codes = _codes(note)
    assert "33249" in codes and "93641" in codes


def test_tapvr_repair_includes_the_asd() -> None:
    note = """OPERATION: 1. Repair of total anomalous pulmonary venous connection. 2. Closure of
atrial septal defect with autologous pericardial patch.
DESCRIPTION: Median sternotomy. Cardiopulmonary bypass was instituted and the aorta cross clamped.
The pulmonary venous confluence was opened and anastomosed to the back of the left atrium, the
vertical vein was ligated, and the atrial septal defect was closed with a pericardial patch.
"""
    codes = _codes(note)
    assert codes[0] == "33730"
    assert "33641" not in codes


def test_femoral_popliteal_angiogram_is_the_limb_study() -> None:
    note = """PROCEDURES: 1. Bilateral carotid angiogram. 2. Left femoral-popliteal angiogram.
DESCRIPTION: The right common femoral artery was punctured and a sheath placed. Both common
carotid arteries were selectively catheterized and imaged including the intracranial
circulation. The catheter was then positioned to image the left femoral and popliteal arteries.
"""
    codes = _codes(note)
    assert "75710" in codes
