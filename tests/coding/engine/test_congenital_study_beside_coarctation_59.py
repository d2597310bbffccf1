"""A congenital right and left heart study before a balloon dilation of a coarctation takes 59 when
no earlier catheter study is told (CPT lets the diagnostic congenital study be reported with
33894-33897 then), and a central line left in place beside a heart catheterization takes 59 (an
NCCI pair with indicator 1)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

COARCT = """HISTORY: A 5-month-old with severe native coarctation of the aorta found on
echocardiogram; no earlier catheterization.
PROCEDURE: Cardiac catheterization and balloon angioplasty of coarctation of the aorta. A 4-French
double lumen central venous catheter was inserted in the left femoral vein and sutured in place
for postoperative access. A wedge catheter was advanced from the right femoral vein through the
right heart to the branch pulmonary arteries. A pigtail catheter was advanced retrograde from
the right femoral artery to the ascending aorta and left ventricle. Pressures and Fick flows
were measured. A descending aortogram showed a discrete coarctation. A 6 mm balloon was advanced
across the coarctation and inflated with loss of the waist. The gradient fell from 30 to 8 mmHg.
DIAGNOSES: Coarctation of the aorta. Bicuspid aortic valve.
"""


def _lines(note: str) -> list[str]:
    return [
        p["code"] + "".join("-" + m for m in p["modifiers"]) for p in code_cpt(note)["procedures"]
    ]


def test_congenital_study_before_a_coarctation_balloon_takes_59_and_so_does_the_central_line() -> (
    None
):
    assert _lines(COARCT) == ["33897", "93596-59", "36555-59"]


def test_an_earlier_catheter_study_keeps_the_congenital_study_bundled() -> None:
    note = COARCT.replace(
        "no earlier catheterization.", "a prior catheterization last month measured the gradient."
    )
    assert _lines(note) == ["33897", "93596", "36555-59"]
