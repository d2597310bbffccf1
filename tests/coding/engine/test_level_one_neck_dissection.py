"""A neck dissection the procedure list limits to level I is the suprahyoid lymphadenectomy
(38700), not a selective neck dissection (38724); each keeps its own side when the other neck
has a wider dissection. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_level_one_on_one_side_and_levels_two_to_four_on_the_other() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Metastatic squamous cell carcinoma to cervical nodes.\n"
        "PROCEDURES:\n1. Right neck dissection, level I.\n"
        "2. Left selective neck dissection, levels II through IV.\n"
        "DESCRIPTION: The submental and submandibular nodes were removed on the right, "
        "preserving the marginal mandibular nerve. On the left the nodes of levels II to IV "
        "were dissected off the jugular vein and sent.\n"
    )
    found = _codes(note)
    assert found.get("38700") == ["RT"]
    assert found.get("38724") == ["LT"]


def test_a_level_one_step_of_a_wider_dissection_is_not_38700() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Oral cavity carcinoma.\n"
        "PROCEDURE: Left selective neck dissection, levels I-III.\n"
        "DESCRIPTION: The level I dissection was begun by freeing the submandibular gland, "
        "then levels II and III were dissected off the jugular vein.\n"
    )
    found = _codes(note)
    assert found.get("38724") == ["LT"]
    assert "38700" not in found


def test_a_numbered_axillary_dissection_is_no_level() -> None:
    note = (
        "PROCEDURE PERFORMED:\n1. Left axillary dissection.\n"
        "DESCRIPTION: The axillary nodes were removed en bloc.\n"
    )
    assert "38700" not in _codes(note)
