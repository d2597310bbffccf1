"""A splinter or other foreign body the clinician removes at an office or emergency visit, told in
the past tense under a TREATMENT or PROCEDURE heading or in the clinic's course, is a service
done (10120 under the skin, 28190 from the foot), not a plan; the same words told as a plan for
later are not."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _codes(told: str, site: str = "left heel") -> list[str]:
    note = (
        "CHIEF COMPLAINT: Something stuck in the skin.\n"
        f"HISTORY OF PRESENT ILLNESS: A 16-year-old girl stepped on a deck board barefoot"
        f" yesterday and feels a sliver in the {site}.\n"
        f"PHYSICAL EXAMINATION: A thin dark foreign object is visible under the skin of the"
        f" {site}, with slight surrounding redness.\n"
        f"{told}"
        f"ASSESSMENT: Foreign body in the skin of the {site}.\n"
        "PLAN: Warm soaks. Return for spreading redness.\n"
    )
    out: list[dict[str, Any]] = code_cpt(note, patient={"age": 16})["procedures"]
    return [p["code"] for p in out]


def test_a_splinter_removed_under_a_treatment_heading_is_coded() -> None:
    codes = _codes(
        "TREATMENT: After skin cleansing and a drop of lidocaine, the wooden splinter was lifted"
        " out with a needle tip and fine forceps.\n"
    )
    assert "28190" in codes


def test_a_foreign_body_removed_in_the_clinic_course_is_coded() -> None:
    codes = _codes(
        "CLINIC COURSE: The skin over it was nicked with a blade and the splinter was"
        " extracted whole.\n"
    )
    assert "28190" in codes


def test_a_splinter_removed_from_the_forearm_is_a_subcutaneous_foreign_body_removal() -> None:
    codes = _codes(
        "PROCEDURE: A small incision was made over the splinter and it was removed intact.\n",
        site="right forearm",
    )
    assert "10120" in codes


def test_a_removal_planned_for_later_is_not_coded() -> None:
    codes = _codes("TREATMENT: We will remove the splinter after two days of soaking.\n")
    assert not any(c in ("28190", "10120") for c in codes)


def test_the_side_of_a_visit_service_comes_from_its_assessment() -> None:
    note = (
        "CHIEF COMPLAINT: Splinter.\n"
        "HISTORY OF PRESENT ILLNESS: A 50-year-old gardener got a thorn in his arm today.\n"
        "PHYSICAL EXAMINATION: A thorn tip is visible under the skin of the forearm.\n"
        "PROCEDURE: After local anesthesia a small incision was made and the thorn was removed"
        " with forceps.\n"
        "ASSESSMENT: Foreign body of the skin of the right forearm, removed.\n"
        "PLAN: Keep clean and dry.\n"
    )
    lines = [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]
    assert ("10120", ["RT"]) in lines
