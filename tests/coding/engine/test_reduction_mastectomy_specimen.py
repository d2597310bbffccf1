"""The tissue a breast reduction takes is sometimes dictated as the 'reduction mastectomy'
(specimen): that is the reduction mammaplasty (19318), not a simple mastectomy (19303)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_reduction_mastectomy_specimen_is_no_mastectomy() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Symptomatic macromastia.\n"
        "PROCEDURE: Bilateral reduction mammaplasty, inferior pedicle.\n"
        "DESCRIPTION: A 38-year-old woman. The pedicles were de-epithelialized and the medial and"
        " lateral flaps raised. The reduction mastectomy tissue was removed from each side,"
        " weighed at 640 g on the right and 610 g on the left, and sent to pathology. The"
        " nipples were inset and the incisions closed in layers.\n"
    )
    assert "19318" in codes and "19303" not in codes


def test_a_simple_mastectomy_is_still_coded() -> None:
    codes = _codes(
        "PREOPERATIVE DIAGNOSIS: Ductal carcinoma in situ of the left breast.\n"
        "PROCEDURE: Left simple mastectomy.\n"
        "DESCRIPTION: A 61-year-old woman. An elliptical incision was made around the nipple,"
        " flaps were raised to the clavicle and inframammary fold and the breast was removed off"
        " the pectoralis fascia.\n"
    )
    assert codes == ["19303"]
