"""A stress imaging study named by its tracer or method ("adenosine Myoview SPECT", "stress
thallium", "dobutamine stress echo") is a test ordered, like "stress test"; a drug named
alone ("adenosine") is not."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.em import level_visit

ORDERED = """CHIEF COMPLAINT: Chest tightness on walking uphill.
HISTORY OF PRESENT ILLNESS: A 64-year-old man with two months of exertional chest tightness.
IMPRESSION: Exertional chest pain, rule out coronary disease.
PLAN: Adenosine Myoview SPECT, a fasting lipid panel and a sleep study.
Return after the tests.
"""

DRUG_ONLY = """CHIEF COMPLAINT: Chest tightness on walking uphill.
HISTORY OF PRESENT ILLNESS: A 64-year-old man with two months of exertional chest tightness.
IMPRESSION: Exertional chest pain.
PLAN: He had adenosine with his last procedure and tolerated it. A sleep study.
Return as needed.
"""


def test_stress_imaging_by_tracer_counts_as_tests() -> None:
    level = level_visit(analyze(ORDERED), patient_status="new")
    assert level is not None
    assert level["mdm"]["data"] == "moderate"  # three distinct tests ordered


def test_a_drug_named_alone_is_no_test() -> None:
    level = level_visit(analyze(DRUG_ONLY), patient_status="new")
    assert level is not None
    assert level["mdm"]["data"] == "minimal"
