"""A case write-up (CC / HX / EXAM / COURSE, no assessment) is presented for the study it
features, told in its course with a date and a finding: the most valued imaging study it tells
as done here is coded - not an outside or earlier study, not the screens of a work-up list, and
an MRI told with contrast enhancement is the plain series followed by the contrast series."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_HEAD = """CC: Right arm weakness.

HX: This 61 y/o RHM noted clumsiness of the right hand for two weeks. {hx}

PMH: Hypertension.

EXAM: Mild right pronator drift. Reflexes 3+ on the right.

COURSE: {course}
"""


def _codes(hx: str, course: str) -> list[str]:
    note = _HEAD.format(hx=hx, course=course)
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_mri_told_in_the_course_is_the_study() -> None:
    assert _codes(
        "He had no headache.",
        "CBC, ESR and EKG were unremarkable. Brain MRI, 3/4/95, revealed a 2 cm mass in the"
        " left frontal lobe with surrounding edema. He was referred to neurosurgery.",
    ) == ["70551"]


def test_an_enhancing_lesion_makes_it_the_contrast_mri() -> None:
    assert _codes(
        "He had no headache.",
        "MRI of the brain, 3/4/95, showed a left frontal mass. The lesion enhanced"
        " peripherally after gadolinium.",
    ) == ["70553"]


def test_an_outside_study_and_a_normal_work_up_list_are_not_the_write_up_s() -> None:
    # the outside MRI is someone else's; the chest and abdominal CTs were screens
    assert _codes(
        "An outside MRI of the brain showed a left frontal mass.",
        "Chest and abdominal CT scans were negative. HCT on admission, 3/5/95, revealed a"
        " left frontal hypodensity with mass effect.",
    ) == ["70450"]


def test_a_hematocrit_is_no_head_ct() -> None:
    # "Hct 38%" is a blood count; with no study told, the write-up bills nothing
    assert _codes("He had no headache.", "Hgb 12.9, Hct 38%, platelets normal.") == []


def test_a_visit_note_reading_its_history_codes_no_study() -> None:
    note = """CHIEF COMPLAINT: Follow-up of a brain tumor.

HISTORY OF PRESENT ILLNESS: Brain MRI, 3/4/95, revealed a 2 cm left frontal mass.

ASSESSMENT: Left frontal glioma, stable.

PLAN: Repeat MRI in three months.
"""
    codes = [p["code"] for p in code_cpt(note)["procedures"]]
    assert not any(c.startswith("7") for c in codes)


def test_an_mri_named_by_its_brain_finding_is_a_brain_mri() -> None:
    assert _codes(
        "He had no headache.",
        "MRI, 3/4/95, revealed enlargement of the lateral ventricles without a mass.",
    ) == ["70551"]


def test_a_write_up_study_is_always_a_reviewer_s_call() -> None:
    # the study is inferred from the story, not from a report of it: low confidence
    note = _HEAD.format(
        hx="He had no headache.",
        course="Brain MRI, 3/4/95, revealed a 2 cm mass in the left frontal lobe.",
    )
    (proc,) = code_cpt(note)["procedures"]
    assert proc["code"] == "70551"
    assert proc["confidence"] < 0.85
