"""'Impingement' alone is the shoulder's impingement syndrome (M75.4-) only when nothing says
another structure is impinged: a disc impinging a nerve root, a mass impinging a bronchus, a
nerve's impingement syndrome are not shoulder disease. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_shoulder_impingement_is_coded() -> None:
    assert _codes("ASSESSMENT: Impingement syndrome, left shoulder.\n") == ["M75.42"]
    note = "POSTOPERATIVE DIAGNOSIS: Partial rotator cuff tear with impingement, right.\n"
    assert any(c.startswith("M75.4") for c in _codes(note))


def test_impinged_root_or_bronchus_is_not_shoulder_impingement() -> None:
    note = (
        "IMPRESSION: Disc protrusion at L4-L5 with impingement of the traversing right L5 "
        "nerve root.\n"
    )
    assert not any(c.startswith("M75") for c in _codes(note))
    note = "IMPRESSION: Right hilar mass with impingement on the right lower lobe bronchus.\n"
    assert not any(c.startswith("M75") for c in _codes(note))
    note = "DIAGNOSIS: Left superior gluteal nerve impingement syndrome.\n"
    assert not any(c.startswith("M75") for c in _codes(note))
