"""An open graft repair of a thoracoabdominal aortic aneurysm is 33877 (the visceral arteries
reattached are part of it); a stent graft of the same aneurysm is not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_thoracoabdominal_aneurysm_replaced_with_a_graft_is_33877() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Crawford type II thoracoabdominal aortic aneurysm.\n"
        "OPERATION: Repair of thoracoabdominal aortic aneurysm with a 24 mm Dacron graft, "
        "reimplantation of the celiac, superior mesenteric and renal arteries.\n"
        "DESCRIPTION: Through a thoracoabdominal incision the aorta was clamped on left heart "
        "bypass, the aneurysm opened and the graft sewn in. The visceral arteries were sewn to "
        "the graft as an island."
    )
    assert _codes(note) == ["33877"]


def test_a_stent_graft_of_a_thoracoabdominal_aneurysm_is_not_the_open_repair() -> None:
    note = (
        "PROCEDURE: Endovascular repair of thoracoabdominal aortic aneurysm with a branched "
        "stent graft.\n"
        "DESCRIPTION: Both femoral arteries were accessed and the endograft was deployed."
    )
    assert "33877" not in _codes(note)
