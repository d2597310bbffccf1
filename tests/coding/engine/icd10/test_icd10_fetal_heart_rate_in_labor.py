"""A fetal heart rate abnormality in labor is O76 (index: Delivery, complicated by, fetal heart
rate abnormality); before labor (a cesarean for a tracing found on the monitor, the patient
not in labor) it stays maternal care, O36.83-. Fetal distress told with the decelerations is
O76 too (O77.9 Excludes1 O76). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_decelerations_in_labor_at_cesarean() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Term pregnancy, nonreassuring fetal heart tracing.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "INDICATIONS: She came in with spontaneous labor and was augmented with oxytocin. "
        "At 6 cm she had repeated late decelerations that did not resolve with position "
        "changes.\n"
        "DESCRIPTION: A viable female infant was delivered from a vertex position.\n"
    )
    codes = _codes(note)
    assert "O76" in codes
    assert not any(c.startswith("O36.83") for c in codes)
    assert "Z37.0" in codes


def test_vaginal_delivery_with_decelerations() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSES:\n"
        "1. Intrauterine pregnancy at 39 weeks.\n"
        "2. Fetal bradycardia.\n"
        "PROCEDURE: Vacuum-assisted vaginal delivery.\n"
        "DESCRIPTION: The vacuum was applied and a live male infant was delivered over an "
        "intact perineum.\n"
    )
    codes = _codes(note)
    assert "O76" in codes
    assert not any(c.startswith("O36.83") for c in codes)


def test_tracing_before_labor_stays_maternal_care() -> None:
    # trap: she was not in labor; the tracing on the monitor led to the cesarean
    note = (
        "PREOPERATIVE DIAGNOSIS: Pregnancy at 38 weeks, nonreassuring fetal heart tones.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Repeat low transverse cesarean section.\n"
        "INDICATIONS: She came in for a scheduled repeat cesarean and was not in labor. The "
        "monitor showed minimal variability with subtle late decelerations.\n"
        "DESCRIPTION: A viable male infant was delivered.\n"
    )
    codes = _codes(note)
    assert "O36.8330" in codes
    assert "O76" not in codes


def test_fetal_distress_told_as_decelerations() -> None:
    note = (
        "FINAL DIAGNOSES: Delivered pregnancy, fetal distress.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "SUMMARY: She was pushing for two hours when prolonged decelerations to the 70s "
        "began, and a live infant was delivered by cesarean.\n"
    )
    codes = _codes(note)
    assert "O76" in codes
    assert "O77.9" not in codes


def test_fetal_distress_without_heart_rate_story() -> None:
    note = (
        "FINAL DIAGNOSES: Delivered pregnancy, fetal distress.\n"
        "PROCEDURE: Primary low transverse cesarean section.\n"
        "SUMMARY: Scalp pH was low in active labor and a live infant was delivered by "
        "cesarean.\n"
    )
    codes = _codes(note)
    assert "O77.9" in codes
    assert "O76" not in codes
