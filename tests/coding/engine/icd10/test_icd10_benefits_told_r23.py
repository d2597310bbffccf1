"""The benefits of a procedure told to the patient or the parents ("the benefits are easier
hygiene and fewer urinary tract infections") name what the procedure may prevent, not a
condition the patient has: like the risks beside them, they are not coded. A routine newborn
circumcision with a normal postoperative finding is then Z41.2. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_CIRC = (
    "PROCEDURE: Circumcision.\n"
    "PREOPERATIVE DIAGNOSIS: Normal newborn male.\n"
    "POSTOPERATIVE DIAGNOSIS: Normal newborn male.\n"
    "INDICATIONS: The parents request circumcision. {}\n"
    "TECHNIQUE: A dorsal penile block was given. A Mogen clamp was applied and the foreskin was"
    " excised. Hemostasis was good.\n"
)


def test_benefits_named_before_a_circumcision_are_not_diagnoses() -> None:
    told = (
        "The risks and benefits were discussed. Its benefits include easier hygiene and fewer"
        " urinary tract infections."
    )
    assert _codes(_CIRC.format(told)) == ["Z41.2"]
    told = "The benefits of circumcision are a lower rate of urinary tract infections."
    assert _codes(_CIRC.format(told)) == ["Z41.2"]


def test_infections_the_patient_had_are_still_coded() -> None:
    # trap: the urinary tract infections the child had are his history
    told = "He has had recurrent urinary tract infections."
    assert _codes(_CIRC.format(told)) == ["Z87.440"]
