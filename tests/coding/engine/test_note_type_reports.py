"""Notes that open like a visit (history, examination) but are not an E/M visit: an
electrodiagnostic study's report, bills the study; a therapist's evaluation with its plan of
care and goals is no physician visit."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.note_type import note_type

EMG_REPORT = """HISTORY: A 52-year-old woman with numbness of the right hand at night.
PHYSICAL EXAMINATION: Positive Tinel sign at the right wrist. Strength normal.
NERVE CONDUCTION STUDIES: Right median sensory latency prolonged. Right ulnar sensory normal.
Right median motor distal latency prolonged. Right ulnar motor normal.
NEEDLE EMG: Needle examination of the right abductor pollicis brevis, first dorsal
interosseous, biceps and triceps was normal.
IMPRESSION: Moderate right carpal tunnel syndrome without denervation.
"""

THERAPY_EVALUATION = """DIAGNOSIS: Right knee osteoarthritis.
SUBJECTIVE: The patient reports pain climbing stairs and standing longer than ten minutes.
OBJECTIVE: Knee flexion 100 degrees, extension lacks 5 degrees. Quadriceps strength 4/5.
ASSESSMENT: Decreased range of motion and strength limiting stairs and walking.
PLAN: Therapeutic exercise and manual therapy twice a week for six weeks.
SHORT-TERM GOALS: Independent with a home exercise program in two weeks.
LONG-TERM GOALS: Climb one flight of stairs without pain.
"""


def test_an_electrodiagnostic_report_is_a_test_report_not_a_visit() -> None:
    assert note_type(analyze(EMG_REPORT)) == "radiology"
    codes = [p["code"] for p in code_cpt(EMG_REPORT)["procedures"]]
    assert not any(c.startswith("992") for c in codes)


def test_a_therapists_evaluation_is_not_an_em_visit() -> None:
    assert note_type(analyze(THERAPY_EVALUATION)) == "other"
    codes = [p["code"] for p in code_cpt(THERAPY_EVALUATION)["procedures"]]
    assert not any(c.startswith("992") for c in codes)


SPINE_FILMS = """EXAM: Lumbar spine.
HISTORY: Low back pain after a fall.
FINDINGS: Frontal and lateral views show normal alignment. Vertebral body heights and disc
spaces are preserved. No fracture.
IMPRESSION: Negative lumbar spine.
"""


def test_a_one_line_exam_title_over_findings_is_a_report_not_a_visit() -> None:
    assert note_type(analyze(SPINE_FILMS)) == "radiology"
    codes = [p["code"] for p in code_cpt(SPINE_FILMS)["procedures"]]
    assert not any(c.startswith("99") for c in codes)
    assert "72100" in codes


POSTOP_PROGRESS = """Second postoperative day after right hemicolectomy.
The patient walked twice in the hall and is passing flatus. The incision is clean and dry.
Continue clear liquids and remove the urinary catheter this afternoon.
"""

STATUS_POST_OPERATIVE_REPORT = """PREOPERATIVE DIAGNOSIS: Wound hematoma, status post thyroidectomy
yesterday.
POSTOPERATIVE DIAGNOSIS: Same.
PROCEDURE: Evacuation of neck hematoma.
DESCRIPTION: The incision was reopened, the clot was evacuated and the wound was irrigated
and closed.
"""


def test_a_postoperative_day_note_bills_no_operation() -> None:
    # the operation it follows is in its global period; the note is a progress visit
    doc = analyze(POSTOP_PROGRESS)
    assert note_type(doc) == "visit"
    codes = [p["code"] for p in code_cpt(POSTOP_PROGRESS)["procedures"]]
    assert "44160" not in codes


def test_an_operative_report_after_an_operation_stays_one() -> None:
    assert note_type(analyze(STATUS_POST_OPERATIVE_REPORT)) == "procedure"
