"""Intracranial injuries take the loss of consciousness the note tells: told (9), denied or the
patient awake at the scene (0), not told at all (A, status unknown). A subdural hematoma the note
tells came after a blow to the head is the traumatic one (S06.5-), and the unspecified head
injury of the complaint gives way to it. A concussion only called likely is not coded.
Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _icd(note: str) -> list[str]:
    return [d["code"] for d in code_cpt(note)["diagnoses"]]


_TBI = """CHIEF COMPLAINT: Fall.
HISTORY OF PRESENT ILLNESS: A 70-year-old woman slipped on ice and struck her forehead. {story}
She has a mild headache and no vomiting.
ASSESSMENT: Traumatic brain injury.
PLAN: Observation overnight with neurologic checks.
"""


def test_a_denied_loss_of_consciousness_is_a_brain_injury_without_one() -> None:
    codes = _icd(_TBI.format(story="She denies loss of consciousness."))
    assert "S06.9X0A" in codes
    assert "S06.9XAA" not in codes and "S06.9X9A" not in codes
    assert "S06.9X0A" in _icd(_TBI.format(story="She did not lose consciousness."))


def test_an_untold_or_told_loss_of_consciousness_is_unchanged() -> None:
    assert "S06.9XAA" in _icd(_TBI.format(story="Her daughter brought her in."))
    assert "S06.9X9A" in _icd(_TBI.format(story="She lost consciousness for a minute."))


_SDH = """PREOPERATIVE DIAGNOSIS: Acute right subdural hematoma.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Right craniotomy for evacuation of subdural hematoma.
INDICATIONS: An 81-year-old man on warfarin {story} He became drowsy and CT showed a right
subdural hematoma with midline shift.
DESCRIPTION OF PROCEDURE: A right frontotemporal craniotomy was made and the clot was removed.
"""


def test_a_subdural_hematoma_after_a_blow_to_the_head_is_traumatic() -> None:
    codes = _icd(_SDH.format(story="fell in his bathroom two days ago and hit his head."))
    assert "S06.5XAA" in codes
    assert "I62.01" not in codes


def test_the_loss_of_consciousness_of_that_injury_is_read_too() -> None:
    story = "fell down the stairs striking his head and was briefly unconscious."
    assert "S06.5X9A" in _icd(_SDH.format(story=story))


def test_a_subdural_hematoma_with_no_trauma_told_stays_nontraumatic() -> None:
    codes = _icd(_SDH.format(story="had a sudden severe headache at rest, with no trauma."))
    assert "I62.01" in codes
    assert not any(c.startswith("S06") for c in codes)


def test_an_epidural_hematoma_awake_at_the_scene_is_without_loss_of_consciousness() -> None:
    note = """HISTORY OF PRESENT ILLNESS: A 19-year-old was struck on the side of the head by a
baseball. He was awake at the scene and walked to the ambulance.
IMPRESSION: Epidural hematoma, left temporal.
PLAN: Neurosurgery consultation.
"""
    assert "S06.4X0A" in _icd(note)
    assert "S06.4XAA" in _icd(note.replace("He was awake at the scene and walked", "He walked"))


def test_a_concussion_called_likely_is_not_coded() -> None:
    note = """HISTORY OF PRESENT ILLNESS: An 80-year-old woman fell backward and hit her head on a
door frame. There was no loss of consciousness. She was briefly confused.
ASSESSMENT: Head injury. It is likely she sustained a concussion, now resolved.
PLAN: Discharge home with her family.
"""
    codes = _icd(note)
    assert "S09.90XA" in codes
    assert not any(c.startswith("S06.0") for c in codes)
