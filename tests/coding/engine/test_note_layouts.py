"""How notes are laid out changes nothing about what was done: SOAP notes dictated with
``S -`` / ``P -``, a plan that tells the work in the past tense, a procedure list that calls a
service attempted or failed, and a narrative that names services the list does not."""

from __future__ import annotations

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.cpt.coder import code_procedures

SOAP_DASH = """S - A 70-year-old man with a painful ingrown nail of the right great toe.

O - The lateral border of the right great toenail is incurvated with granulation tissue.

A - Onychocryptosis, right hallux.

P - After a digital block, the lateral border of the right great toenail was avulsed and the
nail plate removed. The patient tolerated the procedure well. He will return in two weeks.
"""


def _kind_at(note: str, words: str) -> str:
    doc = analyze(note)
    start = note.index(words)
    sent = doc.sentence_at(start)
    assert sent is not None
    return sent.section_kind


def test_dash_headings_of_a_soap_note_are_sections() -> None:
    assert _kind_at(SOAP_DASH, "painful ingrown") == "hpi"
    assert _kind_at(SOAP_DASH, "incurvated") == "exam"
    assert _kind_at(SOAP_DASH, "Onychocryptosis") == "assessment"
    assert _kind_at(SOAP_DASH, "digital block") == "plan"


def test_mixed_case_words_before_a_dash_are_not_a_heading() -> None:
    note = "Left - sided chest pain for two days.\nIMPRESSION - Costochondritis."
    assert _kind_at(note, "sided chest") == "body"
    assert _kind_at(note, "Costochondritis") == "impression"


def test_a_plan_told_in_the_past_tense_documents_work_done() -> None:
    doc = analyze(SOAP_DASH)
    done = SOAP_DASH.index("avulsed")
    assert assertion_of(doc, done, done + len("avulsed")).status == "present"
    later = SOAP_DASH.index("return in two weeks")
    assert assertion_of(doc, later, later + 6).status == "hypothetical"
    plain = "ASSESSMENT: Ingrown nail.\nPLAN: Avulsion of the nail border next week."
    doc = analyze(plain)
    at = plain.index("Avulsion")
    assert assertion_of(doc, at, at + 8).status == "hypothetical"


def test_a_minor_procedure_told_in_the_plan_is_the_service_not_a_visit() -> None:
    codes = [p["code"] for p in code_cpt(SOAP_DASH)["procedures"]]
    assert codes and codes[0] == "11730"
    assert not any(c.startswith("992") for c in codes)


def test_attempted_or_failed_services_in_the_list_are_not_completed() -> None:
    note = (
        "PROCEDURE PERFORMED: Laparoscopic cholecystectomy with attempted intraoperative "
        "cholangiogram.\nPOSTOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
        "DESCRIPTION: The cystic duct was clipped. The catheter could not be passed into the "
        "cystic duct and cholangiography was abandoned. The gallbladder was removed from the "
        "liver bed and extracted through the umbilical port."
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["47562"]


def test_a_study_done_before_the_procedure_is_history() -> None:
    note = "The patient had already a transesophageal echocardiogram showing no thrombus."
    doc = analyze(note)
    at = note.index("transesophageal")
    assert assertion_of(doc, at, at + 15).status == "historical"


def test_a_narrative_step_outside_the_listed_families_is_not_coded() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Loop colostomy after sigmoid perforation.\n"
        "PROCEDURE: Takedown of loop colostomy with colorraphy.\n"
        "DESCRIPTION OF PROCEDURE: An elliptical incision of 1.5 cm margins was made around the "
        "stoma and carried down to the fascia. The bowel was freed from the abdominal wall and "
        "the colotomy was closed in two layers. The bowel was returned to the abdomen and the "
        "fascia closed."
    )
    result = code_procedures(analyze(note))
    assert [ln.code for ln in result.lines] == ["44620"]
    unlisted = [a for a in result.alternatives if "outside the procedures" in a["why"]]
    assert unlisted and all(a["evidence"] in note for a in unlisted)


def test_a_service_the_list_names_in_general_words_is_kept() -> None:
    note = (
        "PROCEDURE: Skin biopsy of a scalp lesion.\nINDICATION: Changing pigmented lesion.\n"
        "PROCEDURE NOTE: After local anesthesia, a 4 mm punch biopsy of the scalp lesion was "
        "obtained and sent to pathology. The defect was closed with a single suture."
    )
    assert "11104" in [p["code"] for p in code_cpt(note)["procedures"]]
