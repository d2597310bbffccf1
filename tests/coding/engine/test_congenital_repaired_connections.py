"""A tetralogy after a complete two-ventricle repair (right ventricle to pulmonary artery conduit)
has blood flowing in the normal sequence: a congenital right and left heart catheterization is
93596 (normal native connections), not 93597; an unrepaired tetralogy, or a single ventricle
palliated to a Fontan, keeps 93597."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

REPAIRED = """HISTORY: A 12-year-old boy with tetralogy of Fallot, palliated in infancy with a
Blalock-Taussig shunt, then complete repair with a right ventricle to pulmonary artery conduit at
age two. Echocardiogram shows conduit stenosis.
PROCEDURE: Cardiac catheterization. A 6-French catheter was advanced from the right femoral vein
through the right atrium and right ventricle across the conduit into the branch pulmonary
arteries. A pigtail catheter was passed retrograde from the right femoral artery to the ascending
aorta and left ventricle. Right ventricular pressure was 60% of systemic.
DIAGNOSES: Tetralogy of Fallot, status post repair. Conduit stenosis.
"""

UNREPAIRED = """HISTORY: A 3-month-old girl with tetralogy of Fallot and hypercyanotic spells,
before surgical repair.
PROCEDURE: Cardiac catheterization. A 4-French catheter was advanced from the right femoral vein
through the right atrium and right ventricle into the main pulmonary artery. A pigtail catheter
was passed retrograde from the femoral artery to the ascending aorta and left ventricle.
"""

FONTAN_AFTER_REPAIR_WORDS = REPAIRED.replace(
    "Blalock-Taussig shunt, then", "Blalock-Taussig shunt, then a Glenn and a Fontan, then"
)


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_repaired_tetralogy_with_a_conduit_is_normal_connections() -> None:
    codes = _codes(REPAIRED)
    assert "93596" in codes and "93597" not in codes


def test_unrepaired_tetralogy_is_abnormal_connections() -> None:
    codes = _codes(UNREPAIRED)
    assert "93597" in codes and "93596" not in codes


def test_a_fontan_stays_abnormal_connections() -> None:
    codes = _codes(FONTAN_AFTER_REPAIR_WORDS)
    assert "93597" in codes and "93596" not in codes
