"""A biopsy of a lesion that is then removed at the same endoscopy is part of the removal (CPT:
only the removal is reported); a biopsy of a different lesion keeps its own line with 59. At an
EGD, a lift injected under a lesion before its snare removal is reported with it (43236 with
43251), as at a colonoscopy (45381 with 45385)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt

COLON = """PROCEDURE: Colonoscopy with polypectomy.
INDICATION: Surveillance after adenomatous polyps.
DESCRIPTION: The colonoscope was advanced to the cecum, identified by the appendiceal orifice. """

EGD = """PROCEDURE: Esophagogastroduodenoscopy with polypectomy.
INDICATION: Gastric polyp seen on a prior study.
DESCRIPTION: The gastroscope was passed into the second part of the duodenum, which was normal. """


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_polyp_biopsied_then_snared_is_the_snare_removal_alone() -> None:
    note = COLON + (
        "In the sigmoid colon a 9 mm sessile polyp was seen. It was first biopsied and then "
        "removed with a cold snare. The rest of the colon was normal."
    )
    assert _codes(note) == ["45385"]


def test_biopsy_taken_before_removal_in_the_same_sentence() -> None:
    note = COLON + (
        "A 12 mm polyp in the ascending colon was removed with a hot snare after a biopsy was "
        "taken from its surface."
    )
    assert _codes(note) == ["45385"]


def test_biopsy_of_a_different_lesion_keeps_its_line() -> None:
    note = COLON + (
        "A 10 mm polyp of the transverse colon was removed with a snare. A patch of erythematous "
        "mucosa in the rectum was biopsied with cold forceps."
    )
    assert _codes(note) == ["45385", "45380"]


def test_biopsy_then_scope_removed_is_still_a_biopsy() -> None:
    note = EGD.replace("with polypectomy", "with biopsy") + (
        "Biopsies were taken from the antrum for Helicobacter testing, and then the scope was "
        "removed."
    )
    assert "43239" in _codes(note)


def test_egd_lift_before_snare_adds_the_submucosal_injection() -> None:
    note = EGD + (
        "A 14 mm sessile polyp of the gastric body was lifted with a submucosal injection of "
        "saline and removed with a hot snare."
    )
    assert _codes(note) == ["43251", "43236"]


def test_egd_epinephrine_to_stop_bleeding_is_no_submucosal_injection() -> None:
    note = EGD + (
        "A 10 mm antral polyp was removed with a snare. Active bleeding from the site was "
        "controlled by injection of epinephrine into the base."
    )
    assert "43236" not in _codes(note)
