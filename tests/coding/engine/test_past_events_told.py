"""Past care told in a note is history, not today's service: care had from another doctor
("has seen Dr. Lee for an epidural steroid injection"), a time ago a few words after the
procedure ("at L5-S1 about six weeks ago"), the operation recovered from ("one-day postop
from"), the result of an earlier operation seen at the examination; a study the note says is
indicated is not yet done. Today's service keeps its status."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def _status(note: str, mention: str) -> str:
    doc = analyze(note)
    i = note.index(mention)
    return assertion_of(doc, i, i + len(mention)).status


@pytest.mark.parametrize(
    ("note", "mention", "status"),
    [
        (
            "He has seen Dr. Lee for an epidural steroid injection, which helped.",
            "epidural steroid injection",
            "historical",
        ),
        (
            "She had an epidural steroid injection at L5-S1 about 6 weeks ago.",
            "epidural steroid injection",
            "historical",
        ),
        (
            "He had septoplasty surgery for a deviated nasal septum about two months ago.",
            "septoplasty",
            "historical",
        ),
        (
            "The patient is one-day postop from a laparoscopic cholecystectomy.",
            "laparoscopic cholecystectomy",
            "historical",
        ),
        (
            "The left eardrum is intact, showing a successful tympanoplasty.",
            "tympanoplasty",
            "historical",
        ),
        (
            "It was indicated at this time to perform a polysomnogram.",
            "polysomnogram",
            "hypothetical",
        ),
        # today's service and a complaint up to now stay present
        (
            "The patient was seen today for an epidural steroid injection.",
            "epidural steroid injection",
            "present",
        ),
        ("Low back pain since about two weeks ago.", "Low back pain", "present"),
    ],
)
def test_past_and_planned_care_statuses(note: str, mention: str, status: str) -> None:
    assert _status(note, mention) == status


def test_a_note_telling_an_earlier_tympanoplasty_does_not_bill_it() -> None:
    note = (
        "The boy had tympanoplasty surgery for a perforation of the left ear about two months"
        " ago. Today his right ear hurts. The left eardrum is intact, showing a successful"
        " tympanoplasty. The right eardrum is red and bulging."
    )
    assert "69631" not in [p["code"] for p in code_cpt(note)["procedures"]]
