"""An adjacent tissue transfer over 30 sq cm, at any site, is 14301 once plus 14302 for each
further 30 sq cm (or part of it) beyond 60; at 30 sq cm or less the site codes stay."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, int]]:
    return [(p["code"], p["units"]) for p in code_cpt(note)["procedures"]]


def _note(size: str) -> str:
    return (
        "PREOPERATIVE DIAGNOSIS: Squamous cell carcinoma of the upper back.\n"
        f"PROCEDURE: Excision on the upper back with advancement flap closure, defect {size}.\n"
        "DESCRIPTION: The tumor was excised with 1 cm margins. Bilateral advancement flaps were "
        "raised, advanced into the defect and closed in layers.\n"
    )


def test_defect_between_30_and_60_sq_cm_is_14301_alone() -> None:
    assert lines(_note("8 x 6 cm")) == [("14301", 1)]


def test_each_further_30_sq_cm_beyond_60_adds_one_unit_of_14302() -> None:
    # 14 x 10 = 140 sq cm: 80 beyond 60 is 2.7 blocks of 30, so 3 units
    assert lines(_note("14 x 10 cm")) == [("14301", 1), ("14302", 3)]


def test_a_small_trunk_flap_keeps_its_site_code() -> None:
    assert lines(_note("4 x 5 cm")) == [("14001", 1)]
