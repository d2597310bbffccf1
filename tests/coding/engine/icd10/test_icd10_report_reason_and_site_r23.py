"""Reading a diagnostic report's reason and findings:
- a bare "Pain." as the reason for a study of a limb takes the part and side the title names
  (a left lower extremity duplex is pain in the left leg M79.605, a right hand film M79.641),
  not limb pain unspecified;
- facet arthrosis is spondylosis of the region (M47.816 lumbar), not site unspecified;
- a palpable abnormality of the breast is a breast lump (N63.1-/N63.2-);
- a test report's REFERRING DIAGNOSIS is the question asked, not a diagnosis: the report's
  interpretation is coded.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def test_bare_pain_takes_the_limb_part_from_the_title() -> None:
    duplex = (
        "EXAM: Ultrasound left lower extremity, duplex venous.\n"
        "REASON FOR EXAM: Pain.\n"
        "FINDINGS: The femoral and popliteal veins compress normally with normal flow.\n"
        "IMPRESSION: No deep venous thrombosis of the left lower extremity.\n"
    )
    assert _icd(duplex) == ["M79.605"]
    hand = (
        "EXAM: Three views of the right hand.\n"
        "REASON FOR EXAM: Pain.\n"
        "FINDINGS: No fracture or dislocation.\n"
        "IMPRESSION: Normal right hand.\n"
    )
    assert _icd(hand) == ["M79.641"]
    knee = (
        "EXAM: Two views of the left knee.\n"
        "REASON FOR EXAM: Pain.\n"
        "FINDINGS: No fracture or effusion.\n"
        "IMPRESSION: Normal left knee.\n"
    )
    assert _icd(knee) == ["M25.562"]


def test_lumbar_facet_arthrosis_is_lumbar_spondylosis() -> None:
    note = (
        "EXAM: CT of the lumbar spine without contrast.\n"
        "REASON FOR EXAM: Low back pain.\n"
        "FINDINGS: At L3-4 and L4-5 there is bilateral facet arthrosis without canal stenosis.\n"
        "IMPRESSION: Facet arthrosis of the lower lumbar spine.\n"
    )
    codes = _icd(note)
    assert "M47.816" in codes
    assert "M47.819" not in codes


def test_palpable_breast_abnormality_is_a_lump() -> None:
    note = (
        "EXAM: Right diagnostic mammogram and right breast ultrasound.\n"
        "HISTORY: Palpable abnormality in the right breast.\n"
        "FINDINGS: Scattered fibroglandular tissue. No mass at the palpable site.\n"
        "IMPRESSION: No mammographic or sonographic correlate for the palpable finding. "
        "BI-RADS 1.\n"
    )
    assert _icd(note) == ["N63.10"]


def test_referring_diagnosis_is_the_question_not_the_answer() -> None:
    note = (
        "REFERRING DIAGNOSIS: Motor neuron disease.\n"
        "HISTORY: A 70-year-old man with weakness of both hands.\n"
        "SUMMARY: Median and ulnar motor amplitudes are reduced on the right with slowing "
        "across the elbow. Needle EMG of the right arm showed normal motor units.\n"
        "INTERPRETATION: Abnormal study. There is evidence of a right ulnar neuropathy at the "
        "elbow. There is no electrodiagnostic evidence of motor neuron disease.\n"
    )
    codes = _icd(note)
    assert "G56.21" in codes
    assert "G12.20" not in codes
