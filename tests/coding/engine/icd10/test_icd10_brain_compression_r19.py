"""ICD-10-CM: the mass effect or midline shift a brain lesion exerts is compression of the
brain (G93.5), not on another organ; "arthritis" told beside the arthritis the patient has is
that arthritis; an ulnar nerve operation with no diagnosis names the ulnar neuropathy.
Synthetic notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_mass_effect_and_midline_shift_of_a_brain_lesion() -> None:
    assert "G93.5" in codes(
        "EXAM: CT head without contrast.\n"
        "IMPRESSION: Large right subdural hematoma with mass effect and 8 mm leftward midline "
        "shift.\n"
    )
    assert "G93.5" in codes(
        "POSTOPERATIVE DIAGNOSIS: Left parietal brain tumor with surrounding edema and mass "
        "effect.\nPROCEDURE: Left parietal craniotomy for resection of tumor.\n"
    )


def test_no_mass_effect_or_mass_effect_elsewhere() -> None:
    assert "G93.5" not in codes(
        "EXAM: CT head.\nIMPRESSION: Small old lacunar infarct. No mass effect or midline shift.\n"
    )
    assert "G93.5" not in codes(
        "EXAM: CT abdomen.\nIMPRESSION: Pancreatic head mass with mass effect on the bile duct.\n"
    )


def test_mass_effect_on_the_soft_tissues_or_a_nerve_root_is_not_the_brain() -> None:
    for told in (
        "Large multinodular goiter with mass effect on the surrounding soft tissues.",
        "Disc extrusion at L5-S1 with mass effect on the left S1 nerve root.",
    ):
        assert "G93.5" not in codes(f"EXAM: MRI.\nIMPRESSION: {told}\n"), told


def test_arthritis_beside_the_known_arthritis_is_not_a_second_code() -> None:
    got = codes(
        "ASSESSMENT:\n1. Rheumatoid arthritis.\n"
        "2. Flare of arthritis since stopping methotrexate.\n"
    )
    assert got == ["M06.9"]
    assert codes("ASSESSMENT:\n1. Arthritis of several joints.\n") == ["M19.90"]


def test_an_ulnar_nerve_transposition_without_a_diagnosis() -> None:
    note = (
        "PROCEDURE: Anterior subcutaneous ulnar nerve transposition.\n"
        "PROCEDURE IN DETAIL: The arm was prepped and draped. The ulnar nerve was freed from "
        "the cubital tunnel and moved anterior to the medial epicondyle.\n"
    )
    assert codes(note) == ["G56.20"]
