"""Plain films an office or clinic visit takes and reads at the visit ("x-rays taken today show
...") are billed beside the visit by the radiology rules (body part, views, side), the E/M
first; films planned, ordered, brought from elsewhere or dated earlier are not, and neither are
films told in an emergency department or hospital note (the facility's radiologist bills them)."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _office(
    films: str, plan: str = "Ice, ibuprofen and home exercises. Return in 4 weeks."
) -> list[str]:
    note = (
        "CHIEF COMPLAINT: Right foot pain.\n"
        "HISTORY OF PRESENT ILLNESS: A 52-year-old woman comes to the office with six weeks of"
        " pain over the right forefoot when walking, worse in dress shoes.\n"
        "PHYSICAL EXAMINATION: Tender over the second metatarsal head of the right foot. No"
        " swelling. Pulses are palpable.\n"
        f"{films}"
        "ASSESSMENT: Metatarsalgia, right foot.\n"
        f"PLAN: {plan}\n"
    )
    out: list[dict[str, Any]] = code_cpt(note, patient={"age": 52})["procedures"]
    return [p["code"] + "".join("-" + m for m in p["modifiers"]) for p in out]


def test_office_films_taken_today_and_read_are_coded_after_the_visit() -> None:
    codes = _office(
        "X-RAYS: Three views of the right foot were taken in the office today and show no"
        " fracture or arthritis.\n"
    )
    assert codes[0].startswith("992")
    assert "73630-RT" in codes


def test_a_soap_plan_telling_the_films_done_today_is_coded() -> None:
    codes = _office(
        "",
        plan="We did two views of the left shoulder x-rays today, which show no abnormality."
        " Ice and ibuprofen.",
    )
    assert codes[0].startswith("992")
    assert "73030-LT" in codes


def test_films_to_be_taken_are_not_coded() -> None:
    codes = _office(
        "",
        plan="X-rays of the right foot, three views, will be taken today before she leaves.",
    )
    assert not [c for c in codes if c.startswith("7")]


def test_films_brought_from_elsewhere_or_dated_earlier_are_not_coded() -> None:
    for films in (
        "X-RAYS: Three views of the right foot from the emergency room were reviewed today and"
        " show no fracture.\n",
        "X-RAYS: Three views of the right foot taken 05/02/2026 were reviewed today and show no"
        " fracture.\n",
    ):
        codes = _office(films)
        assert not [c for c in codes if c.startswith("7")], films


def test_unread_films_are_not_coded() -> None:
    codes = _office("X-RAYS: Three views of the right foot were taken today.\n")
    assert not [c for c in codes if c.startswith("7")]


def test_a_hospital_note_does_not_bill_the_chest_film() -> None:
    note = (
        "PROGRESS NOTE, HOSPITAL DAY 3\n"
        "SUBJECTIVE: The patient remains admitted on the medical floor with pneumonia, still"
        " coughing, on intravenous ceftriaxone and azithromycin.\n"
        "OBJECTIVE: Temperature 37.9. Crackles at the right base.\n"
        "A chest x-ray obtained today shows a persistent right lower lobe infiltrate.\n"
        "ASSESSMENT: Right lower lobe pneumonia.\n"
        "PLAN: Continue intravenous antibiotics. Likely discharge in 2 days.\n"
    )
    out = code_cpt(note, patient={"age": 70})["procedures"]
    assert not [p for p in out if p["code"].startswith("71")]


def test_views_told_in_a_soap_plan_sentence_count() -> None:
    codes = _office(
        "",
        plan="We did three views of the right foot today and they show no stress fracture."
        " Stiff-soled shoes.",
    )
    assert "73630-RT" in codes


def test_films_taken_at_another_doctors_office_are_not_coded() -> None:
    codes = _office(
        "X-RAYS: Three views of the right foot were taken today at her primary care doctor's"
        " office and show no fracture.\n"
    )
    assert not [c for c in codes if c.startswith("7")]
