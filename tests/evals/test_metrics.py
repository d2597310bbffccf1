"""Scoring: per-case comparison and suite metrics, checked against hand-computed numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.evals.code_fields import CodeFamily, code_families
from agentkit.evals.metrics import MetricsAccumulator, score_case
from agentkit.spec.compiler import compile_spec


@pytest.fixture
def fams(mini_spec: Path) -> list[CodeFamily]:
    return code_families(compile_spec(mini_spec).output_fields)


def _p(*lines: tuple[str, list[str], int]) -> list[dict[str, object]]:
    return [{"code": c, "modifiers": m, "units": u} for c, m, u in lines]


def test_exact_answer_passes(fams: list[CodeFamily]) -> None:
    expected = {
        "procedures": [{"code": "45385"}, {"code": "45380", "modifiers": ["59"]}],
        "diagnoses": [{"code": "K63.5"}],
    }
    output = {
        "procedures": _p(("45385", [], 1), ("45380", ["59"], 1)),
        "diagnoses": [{"code": "K63.5"}],
    }
    score = score_case("c", [], fams, expected, output)
    assert score.passed and score.exact
    assert score.families["procedures"].tp == 2


def test_misses_additions_modifiers_units_and_primary(fams: list[CodeFamily]) -> None:
    expected = {
        "procedures": [
            {"code": "47562", "modifiers": [], "units": 1},
            {"code": "49320", "modifiers": ["59"]},
        ]
    }
    output = {
        "procedures": _p(("49320", [], 2), ("47562", [], 1), ("47563", [], 1)),
        "diagnoses": [{"code": "K80.20"}],
    }
    score = score_case("c", [], fams, expected, output)
    proc = score.families["procedures"]
    assert (proc.tp, proc.fp, proc.fn) == (2, 1, 0)
    assert proc.added == ["47563"] and proc.missed == []
    assert proc.primary_checked and not proc.primary_ok  # 47562 should come first
    assert (proc.modifiers_checked, proc.modifiers_ok) == (2, 1)
    assert (proc.units_checked, proc.units_ok) == (1, 1)  # units only where stated
    assert "diagnoses" not in score.families  # not stated in expected: not compared
    assert not score.passed


def test_duplicate_codes_count_as_a_multiset(fams: list[CodeFamily]) -> None:
    expected = {"procedures": [{"code": "11042"}, {"code": "11042", "modifiers": ["59"]}]}
    output = {"procedures": _p(("11042", ["59"], 1))}
    proc = score_case("c", [], fams, expected, output).families["procedures"]
    assert (proc.tp, proc.fp, proc.fn) == (1, 0, 1)
    assert proc.modifiers_ok == proc.modifiers_checked == 1  # matched to the 59 line


def test_failed_call_and_other_fields(fams: list[CodeFamily]) -> None:
    score = score_case(
        "c",
        ["t"],
        fams,
        {"procedures": [{"code": "47562"}]},
        None,
        error=RuntimeError("route failed"),
    )
    assert not score.passed and score.error == "route failed"
    assert score.families["procedures"].fn == 1
    em = score_case(
        "c",
        [],
        [],
        {"basis": "time", "mdm": {"level": "moderate"}},
        {"basis": "MDM", "mdm": {"level": "moderate", "risk": "low"}},
    )
    assert em.field_diffs == ["basis: expected 'time', got 'MDM'"]


def test_suite_metrics_by_hand(fams: list[CodeFamily]) -> None:
    acc = MetricsAccumulator()
    # case 1: perfect (procedures 47562; diagnoses K80.20)
    s1 = score_case(
        "a",
        ["x"],
        fams,
        {"procedures": [{"code": "47562"}], "diagnoses": [{"code": "K80.20"}]},
        {"procedures": _p(("47562", [], 1)), "diagnoses": [{"code": "K80.20"}]},
    )
    s1.answered, s1.review = True, "auto_accepted"
    # case 2: 45380 swapped for 45385, extra 45378; dx right
    s2 = score_case(
        "b",
        ["x", "y"],
        fams,
        {"procedures": [{"code": "45385"}], "diagnoses": [{"code": "K63.5"}]},
        {"procedures": _p(("45380", [], 1), ("45378", [], 1)), "diagnoses": [{"code": "K63.5"}]},
    )
    s2.answered, s2.review, s2.error_findings = True, "needs_review", 1
    # case 3: the call failed
    s3 = score_case(
        "c", [], fams, {"procedures": [{"code": "47562"}]}, None, error=RuntimeError("down")
    )
    for s in (s1, s2, s3):
        acc.add(s)
    m = acc.metrics()
    # codes: TP = 47562, K80.20, K63.5 = 3; FP = 45380, 45378 = 2; FN = 45385, 47562 = 2
    assert m["micro.precision"] == round(3 / 5, 6)
    assert m["micro.recall"] == round(3 / 5, 6)
    assert m["micro.f1"] == round(3 / 5, 6)
    # per code F1: 47562 2*1/(2+0+1)=2/3; K80.20 1; K63.5 1; 45385 0; 45380 0; 45378 0
    assert m["macro.f1"] == round((2 / 3 + 1 + 1) / 6, 6)
    # precision over produced codes: 47562 1, K80.20 1, K63.5 1, 45380 0, 45378 0
    assert m["macro.precision"] == round(3 / 5, 6)
    # recall over expected codes: 47562 1/2, K80.20 1, K63.5 1, 45385 0
    assert m["macro.recall"] == round(2.5 / 4, 6)
    assert m["exact_match"] == round(1 / 3, 6)
    assert m["pass_rate"] == round(1 / 3, 6)
    assert m["failure_rate"] == round(1 / 3, 6)
    assert m["error_finding_rate"] == 0.5 and m["review_rate"] == 0.5  # of answered cases
    assert m["procedures.primary_accuracy"] == round(1 / 3, 6)
    assert m["diagnoses.micro.f1"] == 1.0
    assert m["modifier_accuracy"] is None  # nothing stated
    confusion = acc.confusion()
    assert ("procedures:45385->45380", 1) in confusion["swapped"]
    assert dict(confusion["missed"])["procedures:47562"] == 1
    assert acc.tag_pass_rates() == {"x": 0.5, "y": 0.0}
