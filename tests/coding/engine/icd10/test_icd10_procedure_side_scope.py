"""The procedure's side gives a diagnosis its side only when it is the side of the part
treated: the vein a port or line goes in by ('via the left subclavian vein') is an access
route, and a primary cancer called metastatic is treated at its metastasis (a lung wedge, a
port), so neither sides the primary organ. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses

_PORT = """PREOPERATIVE DIAGNOSIS: Carcinoma of the ovary.
POSTOPERATIVE DIAGNOSIS: Carcinoma of the ovary.
PROCEDURE: Placement of an implantable venous access port via the {side} subclavian vein.
DESCRIPTION: The chest was prepped and draped. The vein was accessed with one pass, a wire was
passed and a pocket was made below the clavicle. The catheter was tunneled and positioned at
the cavoatrial junction under fluoroscopy. The port flushed well.
"""

_WEDGE = """PREOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.
POSTOPERATIVE DIAGNOSIS: Metastatic renal cell carcinoma.
PROCEDURE: Left thoracoscopic wedge resection of two pulmonary nodules.
DESCRIPTION: After double-lumen intubation the left chest was entered and two nodules of the
lower lobe were removed with a stapler. A chest tube was left.
"""

_NEPHRECTOMY = """PREOPERATIVE DIAGNOSIS: Renal cell carcinoma.
POSTOPERATIVE DIAGNOSIS: Renal cell carcinoma.
PROCEDURE: Left laparoscopic radical nephrectomy.
DESCRIPTION: The left kidney was mobilized, the hilum stapled and the specimen removed intact.
"""


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_the_port_access_vein_does_not_side_the_cancer() -> None:
    found = _codes(_PORT.format(side="left"))
    assert "C56.9" in found and "C56.2" not in found


def test_a_metastatic_primary_takes_no_side_from_the_metastasis_operation() -> None:
    found = _codes(_WEDGE)
    assert "C64.9" in found and "C64.2" not in found


def test_the_operated_organ_still_gives_its_side() -> None:
    assert "C64.2" in _codes(_NEPHRECTOMY)


_TUBES = """PREOPERATIVE DIAGNOSIS: Tympanic membrane atelectasis.
POSTOPERATIVE DIAGNOSIS: Tympanic membrane atelectasis.
PROCEDURE: Bilateral myringotomy with ventilation tube placement.
HISTORY: A 9-year-old with {history}, taken to the operating room for tubes.
DESCRIPTION: Under mask anesthesia a radial myringotomy was made in each ear and a ventilation
tube was placed on each side.
"""


def test_a_disease_told_on_one_side_keeps_it_at_a_bilateral_procedure() -> None:
    found = _codes(_TUBES.format(history="severe left tympanic membrane atelectasis"))
    assert "H73.892" in found and "H73.893" not in found


def test_a_disease_told_without_a_side_takes_the_bilateral_procedure() -> None:
    found = _codes(_TUBES.format(history="recurrent ear infections"))
    assert "H73.893" in found
