"""A catheter taken from one groin into the arteries of the other leg is a selective
catheterization of the abdominal aorta's branches, reported once at the deepest order its tip
reached: common iliac 36245, external iliac 36246, common femoral or beyond 36247. The same
leg's iliac and femoral arteries are reached without selection; a revascularization includes
its catheter work; a wire is not the catheter.
"""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

ACCESS = (
    "PROCEDURES: Abdominal aortogram with bilateral lower extremity runoff.\n"
    "DESCRIPTION: The right common femoral artery was accessed and a 5-French sheath placed."
    " A flush catheter was advanced into the abdominal aorta and an aortogram was performed."
)


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_catheter_in_the_other_legs_external_iliac() -> None:
    note = ACCESS + (
        " A glidewire was directed into the left iliac system and the catheter was then"
        " advanced into the left external iliac artery and runoff images of the left leg were"
        " obtained.\n"
    )
    assert "36246" in codes(note)
    assert not {"36245", "36247"} & set(codes(note))


def test_deepest_order_wins_and_contralateral_is_told() -> None:
    note = ACCESS + (
        " The catheter was advanced into the left common iliac artery and then over the wire"
        " the catheter was advanced into the contralateral superficial femoral artery.\n"
    )
    found = codes(note)
    assert "36247" in found
    assert not {"36245", "36246"} & set(found)


def test_same_side_or_wire_only_is_not_selective() -> None:
    # the right leg's arteries from the right groin: no selection
    note = ACCESS + " The catheter was then positioned in the right external iliac artery.\n"
    assert not {"36245", "36246", "36247"} & set(codes(note))
    # only the wire went to the other leg
    note = ACCESS + (
        " Through the flush catheter a glidewire was then advanced into the left superficial"
        " femoral artery.\n"
    )
    assert not {"36245", "36246", "36247"} & set(codes(note))


def test_revascularization_includes_the_catheter_work() -> None:
    note = ACCESS + (
        " The catheter was advanced into the left external iliac artery. A 6 mm balloon was"
        " inflated across the left external iliac artery stenosis and a stent was deployed.\n"
    )
    found = codes(note)
    assert "37221" in found
    assert not {"36245", "36246", "36247"} & set(found)
