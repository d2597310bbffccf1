"""The 7th character of a fracture code follows the encounter and how the fracture heals.

Guideline I.C.19.a/c: routine healing after treatment is D, delayed healing G, nonunion K,
malunion P; an open fracture followed up takes its open variant; a visit "status post ORIF"
of a fracture is the fracture in its healing phase (not an aftercare Z code).
"""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.icd10 import code_diagnoses


def codes(note: str) -> set[str]:
    return {d["code"] for d in code_diagnoses(analyze(note))}


def clinic(assessment: str, history: str = "She is seen back in the orthopedic clinic.") -> str:
    return (
        "CHIEF COMPLAINT: Recheck.\n"
        f"HISTORY OF PRESENT ILLNESS: {history}\n"
        f"ASSESSMENT: {assessment}\n"
        "PLAN: Recheck with x-rays in a month.\n"
    )


def test_healing_problems_give_k_p_g() -> None:
    assert codes(clinic("Nonunion of the left distal radius fracture.")) == {"S52.502K"}
    assert codes(clinic("Right tibial shaft fracture, malunited.")) == {"S82.201P"}
    assert codes(clinic("Fracture of the right fifth metatarsal with delayed union.")) == {
        "S92.351G"
    }
    # said without the word fracture
    assert codes(clinic("Scaphoid non-union, right wrist.")) == {"S62.001K"}


def test_nonunion_operated_on_keeps_k_in_the_operative_note() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Nonunion of a left clavicle fracture.\n"
        "POSTOPERATIVE DIAGNOSIS: Same.\n"
        "PROCEDURE: Open treatment of the clavicle nonunion with plate and bone graft.\n"
        "DESCRIPTION: The left shoulder girdle was prepped and draped in sterile fashion.\n"
    )
    assert codes(note) == {"S42.002K"}


def test_status_post_fixation_at_follow_up_is_the_fracture_with_d() -> None:
    assert codes(clinic("Status post ORIF of a right bimalleolar ankle fracture.")) == {"S82.841D"}
    # named in the history only, the assessment saying nothing codable
    history = "Six weeks s/p intramedullary nailing of a left femoral shaft fracture."
    assert codes(clinic("Doing well.", history)) == {"S72.302D"}
    # the treatment told after the fracture, a replacement included
    replaced = clinic("Status post left femoral neck fracture and hemiarthroplasty.")
    assert "S72.002D" in codes(replaced)
    # an open fracture followed up: its open variant for the subsequent encounter
    open_one = clinic("Type II open left tibial shaft fracture, s/p irrigation and nailing.")
    assert codes(open_one) == {"S82.202E"}


def test_no_follow_up_code_for_an_old_or_new_injury() -> None:
    # fixed many years ago: the fracture is long healed and not coded as an injury
    old = clinic("Status post ORIF of a left ankle fracture in 2009. Left ankle arthritis.")
    assert not any(c.startswith("S82") for c in codes(old))
    # "30-year-old" is an age, not a date long past: the visit follows up the fixation
    assert codes(
        clinic("Right distal radius fracture.", "A 30-year-old s/p ORIF of the fracture.")
    ) == {"S52.501D"}
    # a new fracture at its first visit stays A; a nonunion denied is no K
    fresh = clinic("Left distal radius fracture. No displacement.", "She fell this morning.")
    assert codes(fresh) == {"S52.502A"}
    denied = clinic("Right tibial shaft fracture, no evidence of nonunion.", "Cast on.")
    assert [c[:7] for c in codes(denied)] == ["S82.201"]
    assert not any(c.endswith("K") for c in codes(denied))


def test_a_sequela_is_the_injury_it_is_said_with() -> None:
    # an MRI that finds a new sprain and tear, and the sequela of an old sprain elsewhere:
    # the new injuries are initial encounters, not late effects
    note = (
        "EXAM: MRI of the right ankle.\n"
        "IMPRESSION:\n"
        "1. Partial high ankle sprain of the anterior tibiofibular ligament, right.\n"
        "2. Full-thickness split tear of the peroneus brevis tendon.\n"
        "3. Thickened lateral ligaments, the sequela of a remote ankle sprain.\n"
    )
    got = codes(note)
    assert "S93.431A" in got and not any(c.endswith("S") for c in got)
    # said with the injury, it is its sequela
    assert codes(clinic("Sequela of a left distal radius fracture.")) == {"S52.502S"}


def test_a_laceration_seen_again_while_it_heals_is_a_subsequent_encounter() -> None:
    note = clinic(
        "Scalp laceration from a fall, healing.",
        "He returns after the emergency visit last week. The scalp laceration appears to be "
        "healing well without signs of infection.",
    )
    assert codes(note) == {"S01.01XD"}
    # the visit that repairs it is the initial encounter, whatever it says of healing later
    note = clinic(
        "Scalp laceration from a fall.",
        "He fell today and cut his scalp. Wound care to promote healing was explained.",
    )
    assert codes(note) == {"S01.01XA"}
