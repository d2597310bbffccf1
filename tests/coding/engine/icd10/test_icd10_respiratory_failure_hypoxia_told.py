"""An acute (or unspecified) respiratory failure whose hypoxia the note tells elsewhere - the
hospital course, the history - is the failure with hypoxia (J96.01, J96.21, J96.91). A denied
hypoxia, one told only as past, or a hypoxic brain injury does not type it. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_LIST = "DISCHARGE DIAGNOSES:\n1. Acute respiratory failure.\n2. Pneumonia.\n"


def test_hypoxia_told_in_the_hospital_course() -> None:
    note = (
        _LIST
        + "HOSPITAL COURSE: He arrived short of breath, hypoxic on room air, put on 4 liters.\n"
    )
    assert _codes(note) == ["J96.01", "J18.9"]


def test_denied_hypoxia_leaves_the_failure_unspecified() -> None:
    note = _LIST + "HOSPITAL COURSE: He arrived short of breath but was never hypoxic.\n"
    assert _codes(note) == ["J96.00", "J18.9"]


def test_hypoxic_brain_injury_is_not_the_failure_s_kind() -> None:
    note = (
        "DISCHARGE DIAGNOSES:\n1. Acute respiratory failure.\n2. Cardiac arrest.\n"
        "HOSPITAL COURSE: An MRI after the arrest showed hypoxic ischemic brain injury.\n"
    )
    assert "J96.00" in _codes(note)


def test_past_hypoxia_in_the_medical_history_does_not_count() -> None:
    note = _LIST + "PAST MEDICAL HISTORY: Hypoxia during an operation years ago.\n"
    assert _codes(note)[0] == "J96.00"
