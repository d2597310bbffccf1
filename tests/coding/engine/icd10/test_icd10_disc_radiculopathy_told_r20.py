"""A displaced disc whose radiculopathy the note tells only in its story - leg pain in a
nerve root's distribution, sciatica, pain shooting down the arm, or the disc found pressing on a
root - is the disc disorder with radiculopathy (M51.1- / M50.1-; index: Compression, nerve root,
due to disc disorder). Denied radiating pain, a report's clinical history, or an operation that
frees a root without saying the disc pressed on it leave the plain displacement code.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_LUMBAR = """PREOPERATIVE DIAGNOSIS: Herniated disc, L4-L5 on the right.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Right L4-L5 microdiscectomy.
HISTORY: A 41-year-old carpenter with {story} for six weeks, not better with therapy.
DESCRIPTION OF PROCEDURE: Under general anesthesia the patient was positioned prone. A
laminotomy was made at L4-L5 on the right and the disc material was removed. The wound was
closed in layers.
"""


def test_leg_pain_in_a_root_distribution_told_in_the_history() -> None:
    codes = _icd(_LUMBAR.format(story="low back pain shooting down the right leg to the foot"))
    assert "M51.16" in codes
    assert "M51.26" not in codes


def test_the_disc_found_pressing_on_the_root() -> None:
    note = _LUMBAR.format(story="low back pain") + (
        "FINDINGS: A large extruded disc fragment compressing the traversing L5 nerve root.\n"
    )
    assert "M51.16" in _icd(note)


def test_denied_radiating_pain_keeps_the_displacement_code() -> None:
    codes = _icd(_LUMBAR.format(story="axial back pain; he denies radiating pain"))
    assert "M51.26" in codes
    assert "M51.16" not in codes


def test_a_report_history_is_not_the_radiologist_diagnosis() -> None:
    note = """EXAM: MRI of the lumbar spine without contrast.
HISTORY: Back pain radiating down the left leg.
FINDINGS: At L4-L5 there is a small central disc protrusion. The neural foramina are patent.
IMPRESSION: Small central disc protrusion at L4-L5.
"""
    codes = _icd(note)
    assert "M51.16" not in codes


def test_a_radiologist_seeing_the_disc_touch_a_root_does_not_diagnose_radiculopathy() -> None:
    note = """EXAM: MRI of the lumbar spine without contrast.
HISTORY: Low back pain.
FINDINGS: At L5-S1 a right paracentral disc extrusion displaces the traversing S1 nerve root.
IMPRESSION: L5-S1 disc extrusion.
"""
    codes = _icd(note)
    assert "M51.17" not in codes


def test_cervical_disc_with_arm_pain_in_the_history() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Disc herniation C5-C6.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Anterior cervical discectomy and fusion, C5-C6.
HISTORY: A 52-year-old woman with neck pain radiating into the left arm and numbness of the
thumb for three months.
DESCRIPTION OF PROCEDURE: Through a right anterior neck incision the C5-C6 disc was removed and
an interbody graft and plate were placed.
"""
    codes = _icd(note)
    assert "M50.122" in codes
    assert "M50.222" not in codes


def test_freeing_a_root_in_the_operation_says_nothing_about_radiculopathy() -> None:
    note = """PREOPERATIVE DIAGNOSIS: Disc herniation C6-C7.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Anterior cervical discectomy and fusion, C6-C7.
DESCRIPTION OF PROCEDURE: The C6-C7 disc was removed. A foraminotomy was done and at its end
there was no remaining compression of the C7 nerve root. A graft and plate were placed.
"""
    codes = _icd(note)
    assert "M50.223" in codes
    assert "M50.123" not in codes
