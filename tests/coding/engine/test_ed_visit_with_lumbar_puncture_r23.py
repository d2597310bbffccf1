"""An emergency record whose history is headed only HISTORY but tells the patient brought to
the emergency department (or sent for further evaluation), with a MEDICAL DECISION MAKING
section and a PROCEDURE NOTE of a lumbar puncture: the ED visit is billed beside the minor
procedure, with modifier 25. Critical care time told as "less than 30 minutes" is no critical
care (99291 needs 30 minutes or more). A lumbar puncture may be told by the spinal fluid it
obtained. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_ED = (
    "HISTORY: This 3-week-old boy presents to the children's emergency department, sent from an"
    " outside clinic for further evaluation of fever to 101.5 and poor feeding since this"
    " morning.\n"
    "PAST MEDICAL HISTORY: Term birth, no complications.\n"
    "REVIEW OF SYSTEMS: Fussy, decreased feeding, no cough, no rash.\n"
    "PHYSICAL EXAMINATION: Temperature 38.6, pulse 170. Anterior fontanelle soft and flat."
    " Lungs clear. Abdomen soft.\n"
    "MEDICAL DECISION MAKING: A febrile neonate needs a full sepsis evaluation. Blood and urine"
    " cultures were sent and ampicillin and gentamicin were started intravenously.\n"
    "PROCEDURE NOTE: After consent from the parents, the infant was held in the lateral"
    " position, the back was prepped and draped, and a 22-gauge spinal needle was placed at the"
    " L4-L5 interspace. Clear spinal fluid was obtained and sent for studies. The infant"
    " tolerated it well. He is admitted to the pediatric ward. Critical care time was less than"
    " 30 minutes.\n"
)


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_ed_visit_billed_beside_its_lumbar_puncture() -> None:
    lines = _lines(_ED)
    assert lines[1:] == [("62270", [])]
    assert lines[0][0].startswith("9928") and lines[0][1] == ["25"]


def test_critical_care_under_thirty_minutes_is_no_critical_care() -> None:
    assert "99291" not in [c for c, _ in _lines(_ED)]
    # ... while 45 minutes told is critical care
    timed = _ED.replace("less than 30 minutes", "45 minutes")
    assert _lines(timed)[0] == ("99291", ["25"])


def test_operative_note_of_a_lumbar_puncture_bills_no_visit() -> None:
    # trap: a procedure note with its own diagnosis headings is no visit
    note = (
        "PREOPERATIVE DIAGNOSIS: Suspected meningitis.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Lumbar puncture.\n"
        "DESCRIPTION: The patient presents to the emergency department with fever and neck"
        " stiffness. A spinal needle was placed at L3-L4 and clear spinal fluid was obtained.\n"
    )
    assert _lines(note) == [("62270", [])]
