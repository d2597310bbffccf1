"""Two vascular laboratory studies that had no rule: a transcranial Doppler study (93886
complete, 93888 limited) and a duplex of the aorta, iliac vessels, vena cava or an aortic
bypass graft (93978 complete, 93979 limited - not also an ultrasound of the abdomen). A leg's
arterial duplex that starts at the iliac arteries stays the extremity study, and an operative
note that names a duplex in its history codes no study."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_transcranial_doppler_complete_and_limited() -> None:
    complete = (
        "TRANSCRANIAL DOPPLER STUDY\n"
        "INDICATION: Sickle cell disease, annual screening.\n"
        "FINDINGS: Time-averaged mean velocities in both middle, anterior and posterior "
        "cerebral arteries and the basilar artery are normal.\n"
        "IMPRESSION: Normal transcranial Doppler.\n"
    )
    assert codes(complete) == ["93886"]
    limited = (
        "EXAM: Limited transcranial Doppler of the left middle cerebral artery.\n"
        "HISTORY: Vasospasm surveillance after subarachnoid hemorrhage.\n"
        "FINDINGS: Left MCA mean velocity 150 cm/s.\n"
        "IMPRESSION: Moderate vasospasm of the left MCA.\n"
    )
    assert codes(limited) == ["93888"]


def test_aortoiliac_duplex_complete_and_limited() -> None:
    complete = (
        "EXAM: Aortoiliac duplex.\n"
        "HISTORY: Follow-up of an abdominal aortic aneurysm.\n"
        "FINDINGS: The infrarenal aorta measures 4.2 cm. Both common iliac arteries are "
        "patent with triphasic flow.\n"
        "IMPRESSION: Stable infrarenal aortic aneurysm.\n"
    )
    assert codes(complete) == ["93978"]
    limited = (
        "EXAM: Limited duplex of the abdominal aorta.\n"
        "HISTORY: Aneurysm.\n"
        "FINDINGS: The infrarenal aorta measures 3.3 cm.\n"
        "IMPRESSION: Small infrarenal aneurysm.\n"
    )
    assert codes(limited) == ["93979"]


def test_leg_arterial_duplex_from_the_iliacs_stays_93925() -> None:
    note = (
        "EXAM: Bilateral lower extremity arterial duplex.\n"
        "HISTORY: Claudication.\n"
        "FINDINGS: Duplex from the common iliac arteries to the ankles. Both superficial "
        "femoral arteries have monophasic flow.\n"
        "IMPRESSION: Bilateral superficial femoral artery disease.\n"
    )
    assert codes(note) == ["93925"]


def test_operative_note_naming_a_duplex_codes_no_study() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Aortoiliac occlusive disease.\n"
        "PROCEDURE: Aortobifemoral bypass graft.\n"
        "INDICATIONS: An aortoiliac duplex last month showed occlusion of both common iliac "
        "arteries.\n"
        "DESCRIPTION: Through a midline incision the infrarenal aorta was exposed and a "
        "bifurcated graft sewn end to side, then tunneled to both groins.\n"
    )
    got = codes(note)
    assert "93978" not in got
    assert "93979" not in got
