"""What a thoracic operation or an arthroscopy includes: the joint's own injection, the
double-lumen endotracheal tube and the bronchoscope that checks it, lung nodules felt and stapled
out (no bronchoscopic excision), and the approach the procedure line names (a thoracotomy that
used the thoracoscope for a view is open)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_arthroscopy_includes_injecting_its_joint() -> None:
    # an unheaded narrative that never says "arthroscopy": the camera and portals tell it
    note = (
        "PROCEDURE IN DETAIL: The patient was placed in the beach-chair position and the "
        "shoulder was prepped and draped. We then injected the glenohumeral joint with 50 cc "
        "of sterile saline. A posterior portal was made and the camera was placed through the "
        "cannula. An anterior portal was made. There was a SLAP tear at the biceps anchor. The "
        "superior labrum was repaired to the glenoid with two suture anchors. The portals were "
        "closed with nylon.\n"
    )
    assert codes(note) == ["29807"]


def test_injection_without_arthroscopy_is_reported() -> None:
    note = (
        "PROCEDURE: Right shoulder joint injection.\n"
        "DESCRIPTION: Under sterile technique the glenohumeral joint was injected with 40 mg "
        "of triamcinolone and lidocaine. He tolerated the procedure well.\n"
    )
    assert codes(note) == ["20610"]


def test_double_lumen_endotracheal_tube_is_no_central_line_nor_bronchoscopy() -> None:
    note = (
        "PROCEDURE: Right thoracotomy with wedge resections of three nodules and bronchoscopy "
        "to confirm placement of the double-lumen endotracheal tube.\n"
        "DESCRIPTION: A 58-year-old. The sixth interspace was entered. Based on the CT the "
        "tumors were palpated and each was excised with a stapled wedge resection.\n"
    )
    found = codes(note)
    assert "36556" not in found and "31640" not in found and "31622" not in found
    assert found[0] == "32505"


def test_thoracotomy_decortication_with_a_thoracoscopic_view_is_open() -> None:
    note = (
        "PROCEDURE: Left thoracotomy, total decortication.\n"
        "DESCRIPTION: A posterolateral thoracotomy was made through the sixth interspace. With "
        "the aid of the thoracoscope for a view, the peel was removed and a total decortication "
        "of the whole lung was performed.\n"
    )
    assert codes(note) == ["32220"]


def test_thoracoscopic_decortication_stays_thoracoscopic() -> None:
    note = (
        "PROCEDURE: Left VATS total decortication.\n"
        "DESCRIPTION: Three ports were placed and the thoracoscope introduced. The fibrinous "
        "peel was removed from the whole lung, a total decortication.\n"
    )
    assert codes(note) == ["32652"]
