"""An EGD note whose only account of the work is its postprocedure diagnosis, telling the
esophageal stricture as dilated with a balloon, is the EGD with balloon dilation (43249); a
stricture only found, or a colon stricture dilated at a combined exam, is not."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_stricture_dilated_in_the_postprocedure_diagnosis() -> None:
    note = (
        "PROCEDURE PERFORMED: Upper endoscopy.\n"
        "PREPROCEDURE DIAGNOSIS: Dysphagia to solids.\n"
        "POSTPROCEDURE DIAGNOSIS: Schatzki ring of the distal esophagus, dilated with a "
        "balloon to 15 mm.\n"
        "HISTORY: Two months of food sticking. Consent obtained after risks were reviewed.\n"
    )
    assert codes(note) == ["43249"]


def test_stricture_only_found_is_no_dilation() -> None:
    note = (
        "PROCEDURE PERFORMED: Upper endoscopy.\n"
        "POSTPROCEDURE DIAGNOSIS: Distal esophageal stricture, to be dilated next week.\n"
        "HISTORY: Two months of food sticking. Consent obtained after risks were reviewed.\n"
    )
    assert "43249" not in codes(note)


def test_colon_stricture_dilated_is_not_an_esophageal_dilation() -> None:
    note = (
        "PROCEDURES PERFORMED: Upper endoscopy and colonoscopy.\n"
        "POSTPROCEDURE DIAGNOSIS: Sigmoid colon stricture, dilated with balloon to 18 mm.\n"
        "DESCRIPTION: The EGD was normal to the second part of the duodenum. The colonoscope "
        "was passed to the cecum.\n"
    )
    assert "43249" not in codes(note)
