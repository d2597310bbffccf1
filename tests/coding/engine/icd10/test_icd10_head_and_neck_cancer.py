"""'Squamous cell carcinoma of the head and neck' names a cancer of the upper aerodigestive
tract without its site: C76.0 (Neoplasm, head, face, neck NEC, malignant), not the skin of the
neck (C44.42). A skin cancer told at a site keeps its skin code. Synthetic notes written for
these tests."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_head_and_neck_squamous_cancer_is_c76() -> None:
    got = codes("POSTOPERATIVE DIAGNOSIS: Squamous cell carcinoma of the head and neck.\n")
    assert got == ["C76.0"]
    assert codes("ASSESSMENT: Head and neck cancer, for a feeding tube.\n") == ["C76.0"]


def test_skin_cancer_at_a_site_is_unchanged() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Squamous cell carcinoma, left cheek.\n"
        "HEAD AND NECK: Normocephalic, no adenopathy.\n"
    )
    assert codes(note) == ["C44.329"]
