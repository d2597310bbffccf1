"""A total laryngectomy done with a neck dissection of any extent (radical, modified, or selective
levels II-IV) is the combined code 31365 (round 19); the neck dissection is not dropped and not
reported on its own line beside it. A laryngectomy with no neck dissection stays 31360."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_selective_levels_with_total_laryngectomy_is_31365() -> None:
    note = """OPERATION: Total laryngectomy and left selective neck dissection, levels II
through IV.
DESCRIPTION: An apron incision was made and subplatysmal flaps raised. The left level II, III and
IV nodal tissue was dissected off the jugular vein, preserving the accessory nerve, and sent.
The larynx was then removed, the pharynx closed in layers and an end tracheostoma fashioned.
"""
    codes = _codes(note)
    assert "31365" in codes
    assert "31360" not in codes and "38724" not in codes


def test_laryngectomy_without_neck_dissection_is_31360() -> None:
    note = """OPERATION: Total laryngectomy.
DESCRIPTION: An apron incision was made. The strap muscles were divided, the hyoid freed and the
larynx removed from above downward. The pharynx was closed and a tracheostoma created.
"""
    codes = _codes(note)
    assert "31360" in codes
    assert "31365" not in codes
