"""A procedure told with a past time ("six weeks ago", "last month") is history, not today's
work; a time span up to now ("for the last month") keeps a condition current."""

from __future__ import annotations

import pytest

from agentkit.coding.engine import analyze, assertion_of
from agentkit.coding.engine.coder import code_cpt


def _status(note: str, mention: str) -> str:
    doc = analyze(note)
    i = note.index(mention)
    return assertion_of(doc, i, i + len(mention)).status


@pytest.mark.parametrize(
    ("note", "mention"),
    [
        ("He had a tympanoplasty about six weeks ago.", "tympanoplasty"),
        ("He had a steroid injection done last month.", "steroid injection"),
        ("She had a screening colonoscopy performed last year.", "colonoscopy"),
        ("Three months ago she underwent a knee arthroscopy.", "knee arthroscopy"),
        ("Last year he was treated with a cortisone injection.", "cortisone injection"),
        ("She had a hysterectomy in 2003.", "hysterectomy"),
    ],
)
def test_a_dated_past_procedure_is_historical(note: str, mention: str) -> None:
    assert _status(note, mention) == "historical"


@pytest.mark.parametrize(
    ("note", "mention"),
    [
        ("Knee pain for the last month.", "Knee pain"),
        ("Headaches over the past year.", "Headaches"),
        ("Low back pain since two weeks ago.", "Low back pain"),
        # an earlier result that is the reason for today's study
        ("Indication: Abnormal exercise stress test last month.", "Abnormal exercise stress test"),
    ],
)
def test_a_span_up_to_now_keeps_the_condition_current(note: str, mention: str) -> None:
    assert _status(note, mention) == "present"


def test_an_earlier_onset_does_not_reach_todays_procedure() -> None:
    note = (
        "Two weeks ago he developed pain in the right knee and today we performed an "
        "arthrocentesis of the right knee."
    )
    assert _status(note, "arthrocentesis") == "present"
    assert "20610" in [p["code"] for p in code_cpt(note)["procedures"]]


def test_the_cpt_reader_skips_a_procedure_done_last_month() -> None:
    past = "Last month he was treated with a steroid injection of the right knee."
    now = "He was treated with a steroid injection of the right knee today."
    assert "20610" not in [p["code"] for p in code_cpt(past)["procedures"]]
    assert "20610" in [p["code"] for p in code_cpt(now)["procedures"]]
