"""A delivery note dictated as bare narrative (no headings, typed "other") tells the delivery's
complications in its story like a note with headings does: a laceration, a nuchal cord. A
cesarean told without its name (a bladder flap, a lower-segment uterine incision) is never the
uncomplicated vaginal delivery O80."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> list[str]:
    return [d["code"] for d in code_diagnoses(analyze(note))]


def test_a_tear_told_in_a_headless_delivery_story_is_coded() -> None:
    note = (
        "This 31-year-old woman at 39 weeks came in with regular contractions and progressed"
        " well with an epidural. She pushed for forty minutes and had a spontaneous vaginal"
        " delivery of a healthy girl. The placenta followed intact. A second-degree perineal"
        " tear was repaired with 3-0 Vicryl. Blood loss was 300 mL.\n"
    )
    found = codes(note)
    assert "O70.1" in found and "Z37.0" in found
    assert "O80" not in found


def test_a_cesarean_told_without_its_name_is_not_o80() -> None:
    note = (
        "The abdomen was opened through a transverse incision. A bladder flap was created and"
        " a transverse incision was made in the lower uterine segment. The infant was delivered"
        " from a vertex position and handed to the pediatric team; the placenta was removed."
        " The uterine incision was closed in two layers and the abdomen closed.\n"
    )
    assert "O80" not in codes(note)
