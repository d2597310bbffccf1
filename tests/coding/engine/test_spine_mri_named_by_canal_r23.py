"""A spine MRI ordered by the CPT-style name of the spinal canal and its contents ("MRI SPINAL
CORD CERVICAL WITHOUT CONTRAST", "MRI of the thoracic spinal cord") is the spine MRI of that
region (72141, 72157 ...). A brain MRI whose technique images the upper cervical cord is no
spine MRI."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


_BODY = (
    "\nCLINICAL: Neck pain radiating to the right arm.\n"
    "FINDINGS: At C5-6 a disk osteophyte complex flattens the ventral thecal sac. The cord "
    "signal is normal.\n"
    "IMPRESSION: Disk osteophyte complex at C5-6 without cord compression.\n"
)


def test_spinal_cord_cervical_without_contrast() -> None:
    assert codes("EXAM:MRI SPINAL CORD CERVICAL WITHOUT CONTRAST" + _BODY) == ["72141"]


def test_thoracic_spinal_cord_with_and_without_contrast() -> None:
    note = "EXAM: MRI of the thoracic spinal cord without and with contrast." + _BODY
    assert codes(note) == ["72157"]


def test_brain_mri_imaging_the_upper_cord_is_no_spine_mri() -> None:
    note = (
        "EXAM: MRI brain without contrast.\n"
        "TECHNIQUE: Sagittal T1 images of the brain and the upper cervical spinal cord were "
        "obtained with axial FLAIR and diffusion images.\n"
        "FINDINGS: No acute infarct. The craniocervical junction is normal.\n"
        "IMPRESSION: Normal brain MRI.\n"
    )
    assert codes(note) == ["70551"]
