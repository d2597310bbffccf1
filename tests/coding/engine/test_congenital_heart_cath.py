"""A heart catheterization of a heart with a congenital defect is coded from the congenital
family (93593-93597, by the sides reached and whether blood takes its normal pathway), with the
congenital add-ons, never with the adult codes 93451-93461; an adult coronary study keeps the
adult code, and an open repair with bypass bills no catheterization."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

ADULT_CODES = {f"934{n}" for n in range(51, 62)}

VSD_CATH = """HISTORY: A 4-year-old girl with a moderate perimembranous ventricular septal defect
and a murmur, brought for hemodynamic assessment before surgical closure.
PROCEDURE: Cardiac catheterization. Under sedation a 5-French catheter was introduced in the right
femoral vein and advanced to the right atrium, right ventricle and branch pulmonary arteries.
Pulmonary artery pressures were 30/12. A 4-French pigtail catheter was passed retrograde from the
right femoral artery to the ascending aorta and left ventricle. Cineangiograms were obtained with
injection in the left ventricle. Saturations showed a left-to-right shunt with a Qp:Qs of 1.8.
"""

FONTAN_CATH = """HISTORY: A 9-year-old boy with hypoplastic left heart syndrome, palliated with a
Norwood operation, a bidirectional Glenn and a fenestrated Fontan, referred for rising pressures.
PROCEDURE: Cardiac catheterization. A 6-French catheter was advanced from the right femoral vein
through the Fontan conduit into the branch pulmonary arteries; mean Fontan pressure was 16 mmHg.
Injection in the right pulmonary artery showed mild stenosis.
"""

ADULT_CORONARY = """PROCEDURE: Left heart catheterization, selective coronary angiography, left
ventriculography.
DESCRIPTION: The right femoral artery was accessed. A JL4 catheter engaged the left main and a JR4
the right coronary artery. Left ventriculogram showed an ejection fraction of 55%. LVEDP 14.
No ventricular septal defect. The left anterior descending has a 50% stenosis.
"""


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_septal_defect_cath_reaching_both_sides_is_the_congenital_right_and_left_code() -> None:
    codes = _codes(VSD_CATH)
    assert "93596" in codes  # normal native connections
    assert "93565" in codes  # the left ventricular injection, the congenital add-on
    assert not ADULT_CODES & set(codes)


def test_a_single_ventricle_palliation_is_abnormal_connections_with_the_pulmonary_addon() -> None:
    codes = _codes(FONTAN_CATH)
    assert "93594" in codes  # right heart only, through the Fontan pathway
    assert "93568" in codes
    assert not ADULT_CODES & set(codes)


def test_an_adult_coronary_study_with_no_congenital_defect_keeps_the_adult_code() -> None:
    codes = _codes(ADULT_CORONARY)
    assert "93458" in codes
    assert not {"93593", "93594", "93595", "93596", "93597", "93563"} & set(codes)
