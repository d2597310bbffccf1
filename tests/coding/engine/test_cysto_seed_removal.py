"""A brachytherapy seed found in the urethra or the bladder at the implant's closing
cystoscopy and grasped out is part of the implant (55875 is "with or without cystoscopy", and
its stray seed is no separate foreign body); a seed removed through the cystoscope at a later
session, or another foreign body, is 52310. Synthetic notes."""

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


def test_a_seed_grasped_at_the_implant_is_part_of_it() -> None:
    codes = _codes(
        NOTE.format(
            end="One seed lay in the prostatic urethra and was grasped and removed with forceps."
        )
    )
    assert "55875" in codes and "52310" not in codes


def test_a_migrated_seed_removed_weeks_later_is_52310() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Migrated brachytherapy seed in the bladder.\n"
        "PROCEDURE: Cystoscopy with removal of foreign body.\n"
        "DESCRIPTION: Three weeks after his seed implant, the cystoscope was passed and a seed "
        "lying on the bladder floor was grasped with forceps and removed.\n"
    )
    assert _codes(note) == ["52310"]


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
