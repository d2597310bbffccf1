"""An EGD note whose only account of the balloon dilation is its postoperative diagnosis
("esophageal ring, dilated with a balloon to 15 mm") documents the dilation as done: 43249.
A dilation recommended in that line is not done. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_NOTE = (
    "PROCEDURE PERFORMED: Esophagogastroduodenoscopy.\n"
    "PREPROCEDURE DIAGNOSIS: Dysphagia to solids.\n"
    "POSTPROCEDURE DIAGNOSIS: Schatzki ring of the distal esophagus, {}.\n"
    "PROCEDURE: Consent was obtained after the risks were explained. Conscious sedation was"
    " given and the patient was monitored throughout.\n"
)


def test_balloon_dilation_told_in_the_postoperative_diagnosis() -> None:
    assert _codes(_NOTE.format("dilated with a balloon to 15 mm")) == ["43249"]


def test_dilation_to_be_done_later_is_not_coded() -> None:
    # trap: the dilation is planned, not done
    assert "43249" not in _codes(_NOTE.format("will need balloon dilation at a later date"))
