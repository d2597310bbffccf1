"""A laparoscopic operation CPT gives no laparoscopic code for is the organ's unlisted
laparoscopy code: a liver cyst excised or unroofed through the scope 47379, a colon lesion
removed by a stapled wedge of the wall 44238. A laparoscopic liver biopsy, a colectomy and a
colonoscopic polypectomy keep their own codes, and an open operation never takes these."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_a_liver_cyst_unroofed_at_a_laparoscopic_cholecystectomy() -> None:
    note = (
        "PROCEDURES PERFORMED: 1. Laparoscopic cholecystectomy. 2. Laparoscopic unroofing of a"
        " liver cyst.\n"
        "DESCRIPTION: Pneumoperitoneum was established through a Hasson port and three more"
        " trocars placed. The gallbladder was removed after clipping the cystic duct and"
        " artery. A 5 cm simple cyst of the left lobe of the liver was unroofed with the"
        " harmonic scalpel and its wall sent to pathology.\n"
    )
    assert _codes(note) == ["47562", "47379"]


def test_a_laparoscopic_liver_biopsy_is_not_unlisted() -> None:
    note = (
        "PROCEDURE PERFORMED: Diagnostic laparoscopy with liver biopsy.\n"
        "DESCRIPTION: Through an umbilical trocar the abdomen was insufflated. A liver lesion"
        " was seen on the right lobe and a wedge biopsy of the liver lesion was excised with"
        " cautery.\n"
    )
    assert "47379" not in _codes(note)


def test_a_cecal_polyp_stapled_off_through_the_laparoscope() -> None:
    note = (
        "PROCEDURE: Laparoscopic wedge resection of a cecal polyp.\n"
        "DESCRIPTION: Three trocars were placed and pneumoperitoneum established. The tattooed"
        " cecal polyp was lifted with a Babcock and a linear stapler fired across the cecal wall"
        " beneath it; the specimen was removed through the umbilical port.\n"
    )
    assert _codes(note) == ["44238"]


def test_a_laparoscopic_right_colectomy_is_its_own_code() -> None:
    note = (
        "PROCEDURE: Laparoscopic right hemicolectomy for a cecal mass.\n"
        "DESCRIPTION: Five trocars were placed. The right colon was mobilized and the cecal mass"
        " resected with the terminal ileum; a stapled ileocolic anastomosis was made.\n"
    )
    codes = _codes(note)
    assert "44205" in codes and "44238" not in codes


def test_an_open_excision_of_a_liver_cyst_is_not_the_laparoscopic_unlisted_code() -> None:
    note = (
        "PROCEDURE: Exploratory laparotomy and excision of a liver cyst.\n"
        "DESCRIPTION: Through an upper midline laparotomy the cyst of the left lobe of the liver"
        " was excised with cautery.\n"
    )
    assert "47379" not in _codes(note)
