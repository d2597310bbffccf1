"""A lung or chest wall tumor resected en bloc with part of the diaphragm adds the diaphragm
resection (39560 sutured, 39561 patched); a tumor-bearing portion of the liver cut out with
it is a partial hepatectomy (47120), not a wedge biopsy; a chest wall tumor with ribs
removed and the gap closed with mesh is 21602. A hiatal hernia repair is no diaphragm
resection. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_lobectomy_with_en_bloc_diaphragm_and_liver() -> None:
    note = (
        "PROCEDURES: Right thoracotomy, right lower lobectomy with en bloc resection of "
        "diaphragm and portion of liver.\n"
        "DESCRIPTION: Through the seventh interspace the lower lobe vessels and bronchus were "
        "divided. The invaded diaphragm was cut out with a margin and the involved liver dome "
        "was wedged out with cautery. The diaphragm was closed primarily with Prolene.\n"
    )
    codes = _codes(note)
    assert codes[0] == "47120"
    assert {"32480", "39560"} <= set(codes)
    assert "39561" not in codes


def test_diaphragm_patched_is_39561() -> None:
    note = (
        "PROCEDURES: Left lower lobectomy by thoracotomy with partial resection of the left "
        "diaphragm.\n"
        "DESCRIPTION: The lower lobe was removed. A 6 cm segment of diaphragm invaded by tumor "
        "was excised and the defect in the diaphragm was closed with a Gore-Tex patch.\n"
    )
    codes = _codes(note)
    assert "39561" in codes
    assert "39560" not in codes


def test_chest_wall_resection_with_mesh_is_21602() -> None:
    note = (
        "PROCEDURE: Resection of right chest wall tumor with ribs 6 and 7, chest wall "
        "reconstruction with Marlex mesh.\n"
    )
    codes = _codes(note)
    assert "21602" in codes
    assert "21601" not in codes


def test_hiatal_hernia_is_no_diaphragm_resection() -> None:
    note = (
        "PROCEDURE: Laparoscopic repair of paraesophageal hiatal hernia with resection of the "
        "hernia sac and closure of the diaphragm crura, Nissen fundoplication.\n"
    )
    codes = _codes(note)
    assert "39560" not in codes
    assert "39561" not in codes
