"""PCI told as a sequence in one sentence ("the diagonal was predilated with a balloon and
thereafter a stent was deployed in the mid LAD"): each step names its own vessel, so the branch
treated by balloon alone adds 92921 with the artery's modifier beside the stented trunk's
92928. The words that precede a branch are read within its own sentence, so a wire parked in
the branch at the end of the sentence before does not make it a landmark. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, tuple[list[str], int]]:
    return {p["code"]: (p["modifiers"], p["units"]) for p in code_cpt(note)["procedures"]}


_HEAD = (
    "PROCEDURES PERFORMED: Left heart catheterization, coronary angiography, PCI of the left "
    "anterior descending artery.\n"
    "TECHNIQUE: A 6-French sheath was placed in the right femoral artery. A guide engaged the "
    "left coronary artery and one wire was passed into the LAD and a second wire was advanced "
    "into the first diagonal branch. "
)


def test_a_branch_ballooned_then_the_trunk_stented_adds_92921() -> None:
    note = _HEAD + (
        "The first diagonal was predilated using a 2.0 mm balloon at 8 atmospheres and thereafter "
        "a 3.0 x 18 mm drug-eluting stent was deployed in the mid LAD.\n"
        "RESULTS: LAD stenosis reduced from 90% to 0%; diagonal from 85% to 30%.\n"
    )
    found = _lines(note)
    assert found["92928"] == (["LD"], 1)
    assert found["92921"] == (["LD"], 1)
    assert "92929" not in found


def test_a_branch_stented_in_its_own_step_adds_92929() -> None:
    note = _HEAD + (
        "A 2.5 x 12 mm drug-eluting stent was deployed in the first diagonal and then a "
        "3.0 x 18 mm drug-eluting stent was deployed in the mid LAD.\n"
    )
    found = _lines(note)
    assert found["92928"] == (["LD"], 1)
    assert found["92929"] == (["LD"], 1)


def test_one_step_naming_the_trunk_and_the_branch_stays_one_artery() -> None:
    note = _HEAD + (
        "The diagonal was protected with a wire and a 3.0 x 18 mm drug-eluting stent was "
        "deployed in the mid LAD.\n"
    )
    found = _lines(note)
    assert found["92928"] == (["LD"], 1)
    assert "92921" not in found
    assert "92929" not in found
