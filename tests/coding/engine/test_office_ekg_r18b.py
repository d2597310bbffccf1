"""Office electrocardiogram (round 18b): an EKG whose reading a SOAP or office note tells among
its findings ("EKG shows atrial fibrillation, rate 104") was recorded and read at the visit -
93000 beside the E/M. A tracing from another time ("the EKG from the hospital showed") is not,
and a hospital or emergency note's EKG is the facility's own tracing (never the global 93000)."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_office_ekg_read_in_the_objective_is_coded() -> None:
    note = """S: Returns for follow-up of atrial fibrillation; ran out of diltiazem a week ago and
feels his heart racing.
O: Pulse 112, irregular. Lungs clear. No edema.
EKG shows atrial fibrillation with a ventricular rate of 110, no acute ST changes.
A: Atrial fibrillation with rapid ventricular response off rate control.
P: Resume diltiazem 120 mg daily. Recheck in one week.
"""
    codes = _codes(note)
    assert "93000" in codes
    assert codes[0].startswith("9921")


def test_ekg_from_another_time_is_not_coded() -> None:
    note = """S: Returns for follow-up of atrial fibrillation. Feels well.
O: Pulse 72, regular. Lungs clear.
The EKG from his hospital stay last month showed atrial fibrillation with a rate of 120.
A: Paroxysmal atrial fibrillation, now in sinus rhythm by pulse.
P: Continue metoprolol 25 mg twice daily. Recheck in three months.
"""
    assert "93000" not in _codes(note)


def test_inpatient_consult_ekg_is_the_hospitals() -> None:
    note = """REASON FOR CONSULTATION: Palpitations. She was admitted last night with
dehydration and cardiology consult was requested.
PHYSICAL EXAMINATION: Regular rhythm, no murmur. Lungs clear.
EKG shows sinus rhythm with normal intervals.
IMPRESSION: Palpitations with a normal EKG. Telemetry review, TSH, echocardiogram.
"""
    assert "93000" not in _codes(note)
