"""A patient education handout (headings asked as questions, the reader called "you") tells
what an operation is, not one done: no procedure and no diagnosis. A clinical note that quotes
one question, or addresses a patient in a letter, is still coded. Synthetic texts."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_HANDOUT = (
    "GLAUCOMA is a disease of the optic nerve, usually with raised pressure in the eye.\n\n"
    "WHAT ARE THE SYMPTOMS?\n"
    "Most people have none at first. Your side vision is lost slowly, and you may not notice.\n\n"
    "HOW IS IT TREATED?\n"
    "Eye drops lower the pressure. If drops are not enough, your doctor may suggest laser"
    " trabeculoplasty or a trabeculectomy, in which a new drainage channel is made in the eye.\n\n"
    "WHAT IS INVOLVED WITH TRABECULECTOMY SURGERY?\n"
    "This surgery is performed under local anesthesia as an outpatient.\n\n"
    "WHAT SHOULD YOU EXPECT AFTER SURGERY?\n"
    "You will use drops for several weeks and see your doctor the next day.\n"
)


def test_handout_is_not_coded() -> None:
    claim = code_cpt(_HANDOUT)
    assert claim == {"procedures": [], "diagnoses": []}


def test_operative_note_with_one_question_is_coded() -> None:
    # trap: an operative note is coded even when it addresses the reader once
    note = (
        "PREOPERATIVE DIAGNOSIS: Primary open-angle glaucoma, right eye.\n"
        "PROCEDURE: Trabeculectomy with mitomycin C, right eye.\n"
        "DESCRIPTION: A fornix-based conjunctival flap was raised, a scleral flap was made and a"
        " sclerostomy was created. The flap was closed with releasable sutures. Your patient"
        " tolerated it well; would you see her in one week?\n"
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["66170"]
