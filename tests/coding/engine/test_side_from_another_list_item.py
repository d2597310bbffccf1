"""A side written at the head of one item of a procedure list ("Left hydrocelectomy,
cystopyelogram, bladder biopsy") belongs to that item; when the narrative names this
service's own side ("bilateral pyelograms were obtained") that side wins. A list whose head
side is not contradicted keeps it for every item ("Right knee arthroscopy, partial medial
meniscectomy"). Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_bilateral_pyelograms_do_not_take_the_hydrocele_side() -> None:
    note = (
        "OPERATION: Left hydrocelectomy, cystopyelogram, and bladder biopsy.\n"
        "PROCEDURE IN DETAIL: Through a transverse scrotal incision the hydrocele sac was "
        "opened, everted and sutured behind the testis. Cystoscopy was then done; the bladder "
        "mucosa was normal. Bilateral pyelograms were obtained using a cone-tip catheter and "
        "were normal. A cold cup biopsy of the bladder dome was taken.\n"
    )
    found = _lines(note)
    assert found["55040"] == ["LT"]
    assert found["52005"] == []
    assert "52204" in found


def test_a_list_head_side_still_covers_its_items() -> None:
    note = (
        "PROCEDURE PERFORMED: Right knee arthroscopy, partial medial meniscectomy.\n"
        "DETAILS: The arthroscope was introduced through standard portals. A tear of the "
        "posterior horn of the medial meniscus was trimmed back to a stable rim with a shaver "
        "and basket forceps.\n"
    )
    found = _lines(note)
    # nothing names the meniscectomy's own side: the list's side stays
    assert found["29881"] == ["RT"]
