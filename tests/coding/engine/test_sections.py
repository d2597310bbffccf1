"""Section headings as real notes write them."""

from __future__ import annotations

from agentkit.coding.engine import analyze, kind_of_heading


def _kinds(note: str) -> list[tuple[str, str]]:
    doc = analyze(note)
    return [(s.kind, note[s.start : s.end].strip()) for s in doc.sections]


def test_capital_headings_with_inline_text() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right inguinal hernia.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE PERFORMED: Open repair of right inguinal hernia with mesh.\n"
        "DESCRIPTION OF PROCEDURE: The patient was brought to the operating room.\n"
    )
    assert _kinds(note) == [
        ("preop_dx", "Right inguinal hernia."),
        ("postop_dx", "Same."),
        ("procedure", "Open repair of right inguinal hernia with mesh."),
        ("description", "The patient was brought to the operating room."),
    ]


def test_mixed_case_and_headings_on_their_own_line() -> None:
    note = (
        "Indications:\nChronic knee pain.\nFindings\nTorn medial meniscus.\n"
        "Assessment/Plan: Follow up.\n"
    )
    assert [k for k, _ in _kinds(note)] == ["indications", "findings", "assessment"]


def test_unknown_capital_heading_is_other_and_unknown_mixed_case_is_text() -> None:
    note = "PROCEDURE: Cath.\nLEFT MAIN CORONARY ARTERY: Normal.\nPatient was given: fentanyl.\n"
    kinds = _kinds(note)
    assert kinds[0][0] == "procedure"
    assert kinds[1] == ("other", "Normal.\nPatient was given: fentanyl.")


def test_text_before_the_first_heading_is_body() -> None:
    assert _kinds("Seen today for cough.\nPLAN: rest.")[0] == ("body", "Seen today for cough.")


def test_times_and_ratios_are_not_headings() -> None:
    assert [k for k, _ in _kinds("Arrived at 10:30 today.\nRatio 1:2 noted.")] == ["body"]


def test_heading_keywords_fall_back_for_unlisted_variants() -> None:
    assert kind_of_heading("Post-Operative Diagnoses") == "postop_dx"
    assert kind_of_heading("PRE-PROCEDURE DIAGNOSIS") == "preop_dx"
    assert kind_of_heading("Indications for Colonoscopy") == "indications"
    assert kind_of_heading("Procedure(s) Performed") == "procedure"
    assert kind_of_heading("DETAILS OF THE OPERATION") == "description"
    assert kind_of_heading("Zebra") is None


def test_sentences_of_a_known_heading_exclude_the_heading_words() -> None:
    doc = analyze("PROCEDURE: Colonoscopy.\nLEFT HEART CATHETERIZATION: done.")
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "Colonoscopy."
    assert "LEFT HEART CATHETERIZATION: done." in texts


def test_instructions_after_the_procedure_are_the_plan_not_a_procedure_list() -> None:
    note = (
        "The knee was injected with 40 mg of triamcinolone.\n"
        "POST PROCEDURE INSTRUCTIONS: Report any redness or fever.\n"
        "NARRATIVE OF PROCEDURE: The needle was withdrawn."
    )
    assert [kind for kind, _ in _kinds(note)] == ["body", "plan", "description"]


def test_an_unheaded_technique_paragraph_after_the_indication_is_the_technique() -> None:
    text = (
        "INDICATION: Staging of colon cancer.\n\n"
        "PET imaging was performed from the skull base to the thighs after 12 mCi of FDG.\n\n"
        "FINDINGS: No abnormal uptake.\n"
    )
    kinds = [(s.kind, s.heading) for s in analyze(text).sections]
    assert kinds == [
        ("indications", "INDICATION"),
        ("technique", ""),
        ("findings", "FINDINGS"),
    ]


def test_a_second_indication_paragraph_stays_the_indication() -> None:
    text = (
        "INDICATIONS: Chest pain.\n\n"
        "The patient had a prior stress test that was equivocal.\n\n"
        "FINDINGS: Normal.\n"
    )
    assert [s.kind for s in analyze(text).sections] == ["indications", "findings"]


def test_an_impression_slash_diagnosis_heading_alone_on_its_line() -> None:
    # an office template's "IMPRESSION / DIAGNOSIS" heading without a colon
    assert kind_of_heading("IMPRESSION / DIAGNOSIS") == "assessment"
    doc = analyze(
        "EXAM: Tender uterus.\n\nIMPRESSION / DIAGNOSIS\n1. Endometritis.\n\nPLAN: Rest.\n"
    )
    kinds = [s.kind for s in doc.sections if "Endometritis" in doc.text[s.start : s.end]]
    assert kinds == ["assessment"]
