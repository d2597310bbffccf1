"""Cardiac and vascular reports read by their variant: a CT of the heart for the calcium score
alone is 75571 (the calcium score had been read as a coronary CT angiogram, 75574), a CCTA with
its calcium score stays 75574; a limited transthoracic echo titled under EXAM: is 93308 (the
title line had not counted as limited, giving the complete study 93307); a carotid duplex of
one named side whose report reads no artery of the other is the unilateral study 93882, while
a report reading both sides stays 93880."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def test_calcium_score_alone_is_75571() -> None:
    note = (
        "EXAM: CT coronary calcium score.\n"
        "HISTORY: Family history of coronary disease.\n"
        "FINDINGS: The Agatston score is 112, mostly in the left anterior descending artery.\n"
        "IMPRESSION: Moderate coronary calcification.\n"
    )
    assert lines(note) == [("75571", [])]


def test_ccta_with_calcium_score_is_75574() -> None:
    note = (
        "EXAM: Coronary CT angiography.\n"
        "TECHNIQUE: Calcium scoring and coronary CTA were performed on a dual-source scanner "
        "after 80 mL of intravenous contrast, with 3D postprocessing.\n"
        "FINDINGS: Calcium score 45. Mild plaque in the proximal left anterior descending "
        "artery without stenosis.\n"
        "IMPRESSION: Mild nonobstructive coronary disease.\n"
    )
    assert lines(note) == [("75574", [])]


def test_limited_echo_titled_under_exam() -> None:
    note = (
        "EXAM: Limited transthoracic echocardiogram.\n"
        "INDICATION: Follow-up of a pericardial effusion.\n"
        "FINDINGS: A small circumferential pericardial effusion without tamponade physiology. "
        "The ejection fraction is 60%.\n"
        "IMPRESSION: Small pericardial effusion, unchanged.\n"
    )
    assert lines(note) == [("93308", [])]


def test_one_sided_carotid_duplex() -> None:
    right = (
        "EXAM: Right carotid duplex.\n"
        "INDICATION: Follow-up after right carotid endarterectomy.\n"
        "FINDINGS: The right internal carotid artery peak systolic velocity is 95 cm/s with no "
        "recurrent plaque.\n"
        "IMPRESSION: Patent right endarterectomy site.\n"
    )
    assert lines(right) == [("93882", ["RT"])]
    both = (
        "EXAM: Right carotid duplex.\n"
        "FINDINGS: The right internal carotid artery velocity is 95 cm/s. The left ICA "
        "velocity is 80 cm/s.\n"
        "IMPRESSION: No stenosis.\n"
    )
    assert lines(both) == [("93880", [])]
