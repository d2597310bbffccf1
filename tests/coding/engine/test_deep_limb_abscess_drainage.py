"""A limb abscess or hematoma drained below the fascia (in the muscle, under the periosteum) is
the region's deep incision code (23030 ... 28002); a skin-level collection stays 10060/10061/
10140; an infected bursa drained is the region's bursa code; a joint opened by arthrotomy and
a bursa excised keep their own codes."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> list[tuple[str, list[str]]]:
    return [(p["code"], p["modifiers"]) for p in code_cpt(note)["procedures"]]


def _codes(note: str) -> list[str]:
    return [code for code, _ in _lines(note)]


def test_intramuscular_thigh_abscess_is_27301() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Right thigh abscess.\n"
        "PROCEDURE PERFORMED: Incision and drainage of right thigh abscess.\n"
        "DESCRIPTION: Through a 6 cm lateral incision the fascia lata was incised and an "
        "abscess within the vastus lateralis muscle was opened, draining 80 mL of pus. The "
        "cavity was irrigated and packed."
    )
    assert _lines(note) == [("27301", ["RT"])]


def test_deep_calf_hematoma_evacuated_is_27603() -> None:
    note = (
        "PROCEDURE PERFORMED: Evacuation of left calf hematoma.\n"
        "DESCRIPTION: The deep fascia of the posterior calf was opened and an organized "
        "hematoma in the gastrocnemius was evacuated. A drain was left."
    )
    assert _lines(note) == [("27603", ["LT"])]


def test_region_told_in_the_diagnosis_with_a_repeat_washout() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left distal femoral subperiosteal abscess.\n"
        "OPERATION: Repeat irrigation and debridement of the above.\n"
        "DESCRIPTION: The prior incision was reopened down through the iliotibial band to "
        "the abscess cavity, which was irrigated with six liters of saline. Drains were "
        "placed and the fascia closed."
    )
    assert _lines(note) == [("27301", ["LT"])]


def test_subcutaneous_forearm_abscess_stays_a_skin_drainage() -> None:
    note = (
        "PROCEDURE PERFORMED: Incision and drainage of left forearm abscess.\n"
        "DESCRIPTION: A 2 cm subcutaneous abscess of the volar forearm was incised and "
        "drained of pus, and the cavity was packed."
    )
    codes = _codes(note)
    assert "25028" not in codes
    assert codes == ["10061"]


def test_septic_olecranon_bursa_drained_is_23931() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Septic olecranon bursitis, right elbow.\n"
        "PROCEDURE PERFORMED: Incision and drainage of right olecranon bursa.\n"
        "DESCRIPTION: The bursa was incised and purulent fluid drained; a wick was left."
    )
    assert _lines(note) == [("23931", ["RT"])]


def test_infected_bursa_excised_is_the_excision() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Infected olecranon bursitis, left elbow.\n"
        "PROCEDURE PERFORMED: 1. Incision and drainage, left elbow. 2. Excision of the "
        "olecranon bursa, left elbow.\n"
        "DESCRIPTION: Purulent fluid was drained and the bursa was excised in full."
    )
    codes = _codes(note)
    assert "24105" in codes
    assert "23931" not in codes


def test_septic_knee_through_an_arthrotomy_is_not_a_deep_abscess() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Septic right knee.\n"
        "PROCEDURE PERFORMED: Right knee arthrotomy with incision and drainage.\n"
        "DESCRIPTION: A medial parapatellar arthrotomy was made, pus was drained from the "
        "joint below the fascia and the joint was irrigated."
    )
    codes = _codes(note)
    assert "27301" not in codes
    assert "27310" in codes


def test_septic_olecranon_bursitis_is_the_infective_bursitis_code() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Septic olecranon bursitis, right elbow.\n"
        "PROCEDURE PERFORMED: Incision and drainage of right olecranon bursa.\n"
        "DESCRIPTION: The bursa was incised and purulent fluid drained; a wick was left."
    )
    diagnoses = [d["code"] for d in code_cpt(note)["diagnoses"]]
    assert diagnoses == ["M71.121"]


def test_olecranon_bursitis_without_infection_stays_m70() -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Chronic olecranon bursitis, left elbow.\n"
        "PROCEDURE PERFORMED: Excision of the olecranon bursa, left elbow.\n"
        "DESCRIPTION: The thickened bursa was excised; no purulence was seen."
    )
    diagnoses = [d["code"] for d in code_cpt(note)["diagnoses"]]
    assert diagnoses == ["M70.22"]


def test_deep_gluteal_abscess_through_the_fascia_is_26990_alone() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Deep left gluteal abscess.\n"
        "PROCEDURE PERFORMED: Incision and drainage of deep left gluteal abscess.\n"
        "DESCRIPTION: Through a 5 cm incision the gluteal fascia was opened and an abscess "
        "within the gluteus maximus was drained of 150 mL of pus. The cavity was irrigated "
        "and packed."
    )
    codes = _codes(note)
    assert codes == ["26990"]
    assert "10180" not in codes
