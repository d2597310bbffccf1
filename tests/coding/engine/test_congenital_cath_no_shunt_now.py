"""A congenital heart catheterization whose own oximetry shows no intracardiac or residual
shunt (the defect treated, blood now flowing in series) is coded with the normal-connections
codes (93596, 93593), whatever defect the history names; a lasting single-ventricle
circulation stays abnormal, and a study that tells no such finding keeps 93597.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_HISTORY = (
    "HISTORY: A 17-year-old with pulmonary atresia treated in infancy by surgical valvotomy "
    "and an aortopulmonary shunt, later balloon valvuloplasty.\n"
)
_CATH = (
    "PROCEDURE: A wedge catheter was advanced from the femoral vein through the right heart to "
    "the branch pulmonary arteries. A pigtail catheter was advanced from the femoral artery "
    "retrograde to the left ventricle. Flows were calculated by the Fick method.\n"
)


def test_no_intracardiac_shunt_on_oximetry_is_93596() -> None:
    note = (
        _HISTORY
        + _CATH
        + (
            "DISCUSSION: Saturations showed no evidence of intracardiac shunt. Right ventricular "
            "pressure was one half systemic.\n"
        )
    )
    assert _codes(note)[0] == "93596"


def test_without_a_no_shunt_finding_keeps_93597() -> None:
    note = _HISTORY + _CATH + "DISCUSSION: Right ventricular pressure was one half systemic.\n"
    assert _codes(note)[0] == "93597"


def test_single_ventricle_stays_abnormal() -> None:
    note = (
        "HISTORY: A 12-year-old with tricuspid atresia after a Fontan operation.\n"
        + _CATH
        + "DISCUSSION: There was no evidence of residual shunt at the fenestration.\n"
    )
    assert _codes(note)[0] == "93597"
