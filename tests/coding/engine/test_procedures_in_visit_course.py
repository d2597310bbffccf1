"""A minor procedure the emergency or office clinician performs, told as done in the course of
the visit (ED COURSE, COURSE IN THE ER), is coded beside the visit, whose E/M then carries
modifier 25; the same words in the history, in a plan for later or in an examination finding
are no service of this visit."""

from __future__ import annotations

from typing import Any

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    out: list[dict[str, Any]] = code_cpt(note)["procedures"]
    return [(p["code"], p["modifiers"]) for p in out]


_VISIT = (
    "CHIEF COMPLAINT: Fell off a bicycle.\n"
    "HISTORY OF PRESENT ILLNESS: A 25-year-old woman fell from her bicycle an hour ago and"
    " struck her chin on the pavement. No loss of consciousness, no neck pain.{history}\n"
    "PHYSICAL EXAMINATION: Alert. There is a gaping wound beneath the chin. Teeth intact."
    " Cervical spine nontender.\n"
    "{course}"
    "ASSESSMENT: Chin laceration after a fall.\n"
    "PLAN: {plan}\n"
)


def test_a_laceration_closed_in_the_ed_course_is_coded_beside_the_visit_with_25() -> None:
    note = _VISIT.format(
        history="",
        course=(
            "ED COURSE: After lidocaine infiltration the 2 cm chin laceration was irrigated"
            " and closed with interrupted 6-0 nylon sutures.\n"
        ),
        plan="Suture removal in five days.",
    )
    lines = _lines(note)
    assert ("12011", []) in lines
    assert lines[0][0].startswith("9928") and lines[0][1] == ["25"]


def test_a_repair_told_only_in_the_history_or_planned_is_not_coded() -> None:
    note = _VISIT.format(
        history=" She had a forearm laceration repaired with sutures last year.",
        course="",
        plan="She will return tomorrow for closure of the chin laceration by plastic surgery.",
    )
    codes = [c for c, _ in _lines(note)]
    assert not any(c.startswith("120") for c in codes)
    assert codes and codes[0].startswith("992")


def test_an_abscess_drained_in_the_er_course_is_coded() -> None:
    note = (
        "CHIEF COMPLAINT: Painful lump on the thigh.\n"
        "HISTORY OF PRESENT ILLNESS: A 40-year-old man with three days of a tender swelling"
        " of the left thigh, no fever.\n"
        "PHYSICAL EXAMINATION: A 3 cm fluctuant, tender abscess of the lateral left thigh"
        " with surrounding redness.\n"
        "COURSE IN THE ER: The abscess was incised and drained under local anesthesia and"
        " the cavity was packed with gauze.\n"
        "ASSESSMENT: Abscess of the left thigh.\n"
        "PLAN: Warm soaks, packing removal in two days.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "10060" in codes


def test_an_examination_finding_alone_is_no_procedure() -> None:
    note = (
        "CHIEF COMPLAINT: Painful lump on the thigh.\n"
        "HISTORY OF PRESENT ILLNESS: A 40-year-old man with three days of a tender swelling"
        " of the left thigh.\n"
        "PHYSICAL EXAMINATION: A 3 cm fluctuant, tender abscess of the lateral left thigh.\n"
        "ED COURSE: Vital signs remained stable. He was given oral cephalexin.\n"
        "ASSESSMENT: Abscess of the left thigh.\n"
        "PLAN: He will return tomorrow for incision and drainage in the surgery clinic.\n"
    )
    codes = [c for c, _ in _lines(note)]
    assert "10060" not in codes
    assert codes and codes[0].startswith("9928")


def test_a_wound_explored_without_finding_a_foreign_body_is_no_removal() -> None:
    note = _VISIT.format(
        history="",
        course=(
            "ED COURSE: The chin wound was explored and no foreign body was seen. The 2 cm"
            " chin laceration was then irrigated and closed with simple sutures.\n"
        ),
        plan="Suture removal in five days.",
    )
    codes = [c for c, _ in _lines(note)]
    assert "10120" not in codes
    assert "12011" in codes


def test_a_repair_the_ed_course_tells_as_done_before_or_elsewhere_is_not_coded() -> None:
    for told in (
        "ED COURSE: The 2 cm chin laceration had been closed with sutures at an urgent care"
        " three days ago; the sutures were left in place.\n",
        "ED COURSE: The 2 cm chin laceration was sutured at another hospital, and the wound"
        " was cleaned and dressed here.\n",
    ):
        note = _VISIT.format(history="", course=told, plan="Wound care.")
        assert not any(c.startswith("120") for c, _ in _lines(note))
