"""Two procedures worth the same work to within 1% (bilateral maxillary antrostomies at 150%
against a septoplasty): the major operation with its 90-day package is listed first. A
clearly larger code keeps its place. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_septoplasty_before_bilateral_antrostomies() -> None:
    note = (
        "PROCEDURE PERFORMED: Septoplasty, bilateral endoscopic maxillary antrostomy with "
        "removal of tissue.\n"
        "DESCRIPTION: With the endoscope the maxillary ostium was enlarged on each side and "
        "polypoid tissue was removed from both maxillary sinuses. A mucoperichondrial flap was "
        "raised and the deviated cartilage and a bony spur were resected.\n"
    )
    codes = _codes(note)
    assert codes[:2] == ["30520", "31267"]


def test_bilateral_total_ethmoidectomy_stays_first() -> None:
    note = (
        "PROCEDURE PERFORMED: Septoplasty, bilateral endoscopic total ethmoidectomy.\n"
        "DESCRIPTION: The anterior and posterior ethmoid cells were opened on both sides to the "
        "skull base. The deviated septal cartilage was resected under a flap.\n"
    )
    codes = _codes(note)
    assert codes[0] == "31255"
