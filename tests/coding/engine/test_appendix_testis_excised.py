"""A torsed or calcified appendix testis cut off and sent to pathology is an extraparenchymal
lesion of the testis excised (54512, sided); one only cauterized at its base during a
scrotal operation is not coded. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, list[str]]:
    return {p["code"]: p["modifiers"] for p in code_cpt(note)["procedures"]}


def test_torsed_appendix_testis_excised() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Torsion of the left appendix testis.\n"
        "PROCEDURE: Left scrotal exploration and excision of torsed appendix testis.\n"
        "DESCRIPTION: Through a left hemiscrotal incision the testis was delivered; it was not "
        "twisted. A dark, infarcted appendix testis at the upper pole was excised with cautery "
        "and sent to pathology.\n"
    )
    found = _lines(note)
    assert found.get("54512") == ["LT"]


def test_cauterized_appendix_testis_is_not_coded() -> None:
    note = (
        "PROCEDURE: Right hydrocelectomy.\n"
        "DESCRIPTION: The hydrocele sac was opened and everted behind the testis. The appendix "
        "testis was cauterized at its base. The testis was returned to the scrotum.\n"
    )
    found = _lines(note)
    assert "54512" not in found
    assert found.get("55040") == ["RT"]
