"""An operation told with no diagnosis anywhere reports the condition it can only treat: a
carotid endarterectomy the carotid stenosis (I65.2-, the side from its own line), a coronary
bypass native coronary atherosclerosis (I25.10), a pericardial window or pericardiocentesis a
pericardial effusion (I31.39); two such operations in one list report both. Synthetic
notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_CEA_AND_CABG = """OPERATIVE PROCEDURE
1. Endarterectomy of the right internal carotid artery with a bovine patch closure.
2. Coronary artery bypass grafting x2, left internal mammary artery to the LAD and a saphenous
vein graft to the first diagonal.

DESCRIPTION: Under general anesthesia the neck and chest were prepped. The carotid was opened,
the plaque removed and the patch sewn in. Sternotomy was made, bypass was instituted and both
grafts were completed. The patient went to the unit in stable condition.
"""

_LEFT_CEA = """PROCEDURE: Left carotid endarterectomy with shunt.

DESCRIPTION: An incision was made along the left sternocleidomastoid. The bifurcation was
controlled, a shunt placed, the plaque removed and the arteriotomy closed with a patch.
"""

_CEA_WITH_DIAGNOSIS = """PREOPERATIVE DIAGNOSIS: Symptomatic left internal carotid artery stenosis.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Left carotid endarterectomy with patch angioplasty.
"""

_CABG_WITH_DIAGNOSIS = """POSTOPERATIVE DIAGNOSIS: Ischemic cardiomyopathy.
PROCEDURE: Coronary artery bypass grafting x3.
"""

_WINDOW = """OPERATION: Subxiphoid pericardial window.

DESCRIPTION: Under general anesthesia an incision was made over the xiphoid, the pericardium was
opened and straw-colored fluid drained. A drain was left in the pericardial space.
"""

_WINDOW_TAMPONADE = """POSTOPERATIVE DIAGNOSIS: Cardiac tamponade.
OPERATION: Subxiphoid pericardial window.
"""


def test_endarterectomy_and_bypass_without_a_diagnosis_report_both_reasons() -> None:
    found = _icd(_CEA_AND_CABG)
    assert "I65.21" in found and "I25.10" in found


def test_endarterectomy_takes_its_own_side() -> None:
    assert _icd(_LEFT_CEA) == ["I65.22"]


def test_a_written_diagnosis_is_coded_instead() -> None:
    assert _icd(_CEA_WITH_DIAGNOSIS) == ["I65.22"]
    found = _icd(_CABG_WITH_DIAGNOSIS)
    assert "I25.5" in found and "I25.10" not in found


def test_pericardial_window_without_a_diagnosis_is_an_effusion() -> None:
    assert _icd(_WINDOW) == ["I31.39"]
    found = _icd(_WINDOW_TAMPONADE)
    assert "I31.4" in found and "I31.39" not in found
