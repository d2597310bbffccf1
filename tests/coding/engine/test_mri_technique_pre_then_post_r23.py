"""An MRI whose technique lists the plain sequences and then the contrast ones ("Sagittal T1,
axial T2 and FLAIR images were obtained, followed by post-contrast T1 images after gadolinium")
is the study without and with contrast (brain 70553), not with contrast only 70552; a study
done only after contrast stays 70552."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

_END = (
    "HISTORY: Headaches.\n"
    "FINDINGS: No mass, hemorrhage or abnormal enhancement.\n"
    "IMPRESSION: Normal MRI of the brain.\n"
)


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_plain_sequences_then_post_contrast_is_70553() -> None:
    note = (
        "EXAM: MRI brain.\n"
        "TECHNIQUE: Sagittal T1, axial T2, FLAIR and diffusion-weighted images were obtained, "
        "followed by post-contrast T1 images after 12 mL of gadolinium.\n" + _END
    )
    assert codes(note) == ["70553"]


def test_contrast_only_stays_70552() -> None:
    note = "EXAM: MRI brain with contrast only.\n" + _END
    assert codes(note) == ["70552"]
