"""Which statements the diagnosis coder reads, and the tabular word index underneath."""

from __future__ import annotations

from agentkit.coding import knowledge
from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10.lexicon import lexicon
from agentkit.coding.engine.icd10.statements import (
    is_same_as_above,
    section_plan,
    statements_of,
)
from agentkit.coding.engine.icd10.tabular_index import parse_title, tabular_index
from agentkit.coding.engine.note_type import note_type


def _plan(note: str) -> list[tuple[str, list[str]]]:
    doc = analyze(note)
    return [
        (role, [doc.sections[i].kind for i in secs])
        for role, secs in section_plan(doc, note_type(doc))
    ]


def test_procedure_note_reads_postop_first_then_preop_then_indication() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Abdominal pain.\nPOSTOPERATIVE DIAGNOSIS: Appendicitis.\n"
        "PROCEDURE: Appendectomy.\nINDICATIONS: Pain.\nDESCRIPTION OF PROCEDURE: Done.\n"
    )
    plan = _plan(note)
    assert plan[0] == ("primary", ["postop_dx"])
    assert ("fallback", ["preop_dx"]) in plan
    assert ("fallback", ["indications"]) in plan


def test_visit_note_reads_the_assessment() -> None:
    note = (
        "CHIEF COMPLAINT: Cough.\nHISTORY OF PRESENT ILLNESS: Cough for a week.\n"
        "PHYSICAL EXAMINATION: Clear lungs.\nASSESSMENT: Acute bronchitis.\nPLAN: Rest.\n"
    )
    assert _plan(note)[0] == ("primary", ["assessment"])


def test_same_as_above_is_a_pointer() -> None:
    doc = analyze("PREOPERATIVE DIAGNOSIS: Phimosis.\nPOSTOPERATIVE DIAGNOSIS: Same as above.\n")
    post = next(s for s in doc.sections if s.kind == "postop_dx")
    assert is_same_as_above(doc, post)
    assert _plan(doc.text)[0] == ("primary", ["preop_dx"])


def test_statements_split_on_lines_numbers_and_semicolons() -> None:
    note = "DIAGNOSES:\n1. Hypertension.\n2. Type 2 diabetes; obesity.\n3. Gout\n"
    doc = analyze(note)
    secs = [i for i, s in enumerate(doc.sections) if s.kind == "diagnosis"]
    texts = [doc.text[st.start : st.end].strip(" .") for st in statements_of(doc, secs)]
    assert texts == ["1. Hypertension", "2. Type 2 diabetes", "obesity", "3. Gout"]


def test_title_parsing_separates_required_optional_and_excluded_words() -> None:
    lex = lexicon()
    t = parse_title("Calculus of gallbladder with acute cholecystitis without obstruction", lex)
    assert t.required == {"calculus", "gallbladder", "acute", "cholecystitis"}
    assert "obstruction" in t.excluded
    t = parse_title("Essential (primary) hypertension", lex)
    assert t.required == {"hypertension"} and "primary" in t.optional
    t = parse_title("Carpal tunnel syndrome, right upper limb", lex)
    assert t.side == "right" and "right" not in t.required
    t = parse_title("Malignant neoplasm of bronchus and lung", lex)
    assert t.any_of == {"bronchus", "lung"}


def test_tabular_match_prefers_the_most_specific_title() -> None:
    index = tabular_index(knowledge(None).icd10cm)
    lex = lexicon()

    def best(words: str, side: str | None = None) -> str:
        ws = [w for tok in words.split() for w in lex.words(tok)]
        return index.match(ws, side, soft=lex.soft)[0].code

    assert best("acute cholecystitis") == "K81.0"
    assert best("chronic cholecystitis") == "K81.1"
    assert best("cholecystitis") == "K81.9"  # acute is never assumed
    assert best("ganglion wrist", "left") == "M67.432"
    assert best("ganglion wrist") == "M67.439"  # unspecified side when none is said
    assert best("mitral regurgitation") == "I34.0"  # not the congenital title
    assert best("lateral malleolus fracture", "left") == "S82.62"  # displaced assumed


def test_same_plus_more_reads_the_preoperative_diagnosis_too() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Symptomatic cholelithiasis.\n"
        "POSTOPERATIVE DIAGNOSIS: Same plus adhesions.\n"
        "PROCEDURE: Laparoscopic cholecystectomy with lysis of adhesions.\n"
    )
    assert _plan(note)[0] == ("primary", ["preop_dx", "postop_dx"])
    plain = note.replace("Same plus adhesions.", "Same.")
    assert _plan(plain)[0] == ("primary", ["preop_dx"])


def test_a_report_title_tells_a_screening_reason() -> None:
    from agentkit.coding.engine.icd10 import code_diagnoses

    note = (
        "EXAM: Bilateral screening mammogram.\n"
        "FINDINGS: Scattered fibroglandular densities. No suspicious mass.\n"
        "IMPRESSION: BI-RADS 1, negative.\n"
    )
    assert [d["code"] for d in code_diagnoses(analyze(note))] == ["Z12.31"]
