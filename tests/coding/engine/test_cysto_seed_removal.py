"""A brachytherapy seed found in the urethra or the bladder at the closing cystoscopy and
grasped out is a foreign body removed through the cystoscope (52310); the check cystoscopy
that finds no seed is part of the implant. Synthetic notes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


NOTE = (
    "POSTOPERATIVE DIAGNOSIS: Adenocarcinoma of the prostate.\n"
    "PROCEDURE: Prostate brachytherapy with iodine-125 seeds and cystoscopy.\n"
    "DESCRIPTION: Under transrectal ultrasound guidance 20 needles were placed through the "
    "perineal template and 64 seeds were implanted in the prostate. At the end, cystoscopy "
    "was done. {end}\n"
)


def test_a_seed_grasped_from_the_urethra_is_52310() -> None:
    codes = _codes(
        NOTE.format(
            end="One seed lay in the prostatic urethra and was grasped and removed with forceps."
        )
    )
    assert "55875" in codes and "52310" in codes


def test_no_seed_in_the_bladder_is_no_removal() -> None:
    codes = _codes(
        NOTE.format(end="No seeds were seen in the urethra or the bladder and none were removed.")
    )
    assert "55875" in codes and "52310" not in codes


def test_foreign_objects_plural_in_the_list() -> None:
    note = (
        "PROCEDURE: Cystoscopy and removal of foreign objects from the bladder.\n"
        "DESCRIPTION: The cystoscope was passed and two fragments of a broken catheter were "
        "grasped with forceps and taken out.\n"
    )
    assert "52310" in _codes(note)
