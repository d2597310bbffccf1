"""A symptom told as "history of" in a procedure's indication ("a child with a history of
diarrhea") is the complaint the procedure works up, coded when the note has no diagnosis
that explains it (a symptom has no personal-history code); a past disease keeps its
history code, a denied one is nothing, and headache is part of hydrocephalus. Synthetic
notes written for these tests."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


def scope(reason: str) -> str:
    return (
        "PROCEDURE: Esophagogastroduodenoscopy with biopsies.\n"
        f"INDICATIONS: {reason}\n"
        "FINDINGS: Normal esophagus, stomach and duodenum. Biopsies taken.\n"
        "IMPRESSION: Normal upper endoscopy.\n"
    )


def test_symptom_told_as_history_is_the_reason() -> None:
    assert icd(scope("A 6-year-old with a history of chronic diarrhea and weight loss.")) == [
        "R19.7",
        "R63.4",
    ]


def test_past_disease_and_denied_symptom() -> None:
    assert icd(scope("A 60-year-old with a history of gastric cancer.")) == ["Z85.028"]
    assert icd(scope("Dyspepsia. No history of diarrhea or bleeding.")) == ["R10.13"]


def test_a_visit_history_is_unchanged() -> None:
    note = (
        "CHIEF COMPLAINT: Follow up.\n"
        "HISTORY OF PRESENT ILLNESS: She has a history of diarrhea last year, now resolved.\n"
        "ASSESSMENT: Hypertension, stable.\n"
        "PLAN: Continue lisinopril.\n"
    )
    assert icd(note) == ["I10"]


def test_headache_is_part_of_hydrocephalus() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Aqueductal stenosis with hydrocephalus.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Endoscopic third ventriculostomy.\n"
        "INDICATIONS: A long history of headaches and an enlarging head circumference.\n"
    )
    assert "R51.9" not in icd(note)
