"""A colonoscopy that removes one polyp with the snare and ablates the others (fulguration,
APC) treats different lesions by different techniques: the snare removal 45385 is kept beside
the ablation 45388 with modifier 59. A snare tip used only to obliterate polyps, or an
ablation of the tissue the snare left at the same site, is the one service. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


_HEAD = (
    "PREOPERATIVE DIAGNOSIS: History of adenomatous polyps.\n"
    "POSTOPERATIVE DIAGNOSIS: Colon polyps.\n"
    "PROCEDURE: Colonoscopy.\n"
    "DESCRIPTION: The colonoscope was advanced to the cecum, identified by the appendiceal"
    " orifice. "
)


def test_one_polyp_snared_and_others_ablated() -> None:
    note = _HEAD + (
        "A 9 mm sigmoid polyp was removed with a hot snare and retrieved. Three diminutive"
        " rectal polyps were ablated with argon plasma coagulation. The scope was withdrawn.\n"
    )
    assert sorted(_lines(note)) == [("45385", ["59"]), ("45388", [])]


def test_snare_tip_used_to_obliterate_is_the_ablation_alone() -> None:
    # trap: the snare is only the tool of the ablation
    note = _HEAD + (
        "Two tiny rectal polyps were obliterated using the tip of the electrocautery snare."
        " The scope was withdrawn.\n"
    )
    assert _lines(note) == [("45388", [])]


def test_residual_tissue_ablated_after_the_snare_keeps_no_59() -> None:
    # trap: the ablation treats the margins of the same polypectomy
    note = _HEAD + (
        "A 2 cm flat polyp of the ascending colon was removed piecemeal with a snare. The"
        " margins of the polypectomy site were ablated with argon plasma coagulation.\n"
    )
    assert ("45385", ["59"]) not in _lines(note)
