"""Resolution: most specific wins, NCCI pairs, add-ons, units, laterality modifiers, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.coder import code_cpt
from agentkit.coding.engine.cpt.knowledge_view import knowledge_view
from agentkit.coding.engine.cpt.matcher import match_rules
from agentkit.coding.engine.cpt.resolve import Line, resolve
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, RuleSet, load_ruleset

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "engine" / "rules"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_ruleset([RULES_DIR / "common.yaml", FIXTURES / "good_family.yaml"])


def _lines(note: str, rs: RuleSet) -> list[Line]:
    facts, hits = match_rules(analyze(note), rs)
    return resolve(facts, hits, knowledge_view(None))


def _claim(note: str) -> list[str]:
    return [
        p["code"]
        + "".join(f"-{m}" for m in p["modifiers"])
        + (f"x{p['units']}" if p["units"] > 1 else "")
        for p in code_cpt(note)["procedures"]
    ]


def test_most_specific_code_supersedes_the_diagnostic_one(rules: RuleSet) -> None:
    lines = _lines("PROCEDURE: Alphascopy with biopsy.", rules)
    assert [ln.code for ln in lines] == ["43239"]


def test_add_on_without_its_primary_is_dropped_and_units_follow_levels(rules: RuleSet) -> None:
    lines = _lines("Left transforaminal injection L3-4, L4-5 and L5-S1.", rules)
    assert [(ln.code, ln.units) for ln in lines] == [("64483", 1), ("64484", 2)]


def test_sides_give_rt_lt_and_bilateral_gives_50(rules: RuleSet) -> None:
    assert _lines("Right carpal tunnel release.", rules)[0].modifiers == ["RT"]
    assert _lines("Left carpal tunnel release.", rules)[0].modifiers == ["LT"]
    assert _lines("Bilateral carpal tunnel release.", rules)[0].modifiers == ["50"]
    missing = _lines("Carpal tunnel release.", rules)[0]
    assert missing.modifiers == [] and missing.side_missing


def test_contradicting_sides_are_flagged(rules: RuleSet) -> None:
    note = (
        "POSTOPERATIVE DIAGNOSIS: Left carpal tunnel syndrome.\n"
        "PROCEDURE: Right carpal tunnel release."
    )
    line = _lines(note, rules)[0]
    assert line.modifiers == ["RT"] and line.side_conflict


def test_reduced_service_modifier_unless_documented(rules: RuleSet) -> None:
    assert _lines("Widgetomy was done.", rules)[0].modifiers == ["52"]
    assert _lines("A block was given. Widgetomy was done.", rules)[0].modifiers == []


def test_bundled_claims_with_real_rules() -> None:
    snare_and_biopsy = (
        "PROCEDURE: Colonoscopy with snare polypectomy and cold biopsy.\n"
        "DESCRIPTION: The colonoscope was advanced to the cecum. A 1 cm sigmoid polyp was removed "
        "with a hot snare. A separate flat lesion in the ascending colon was biopsied."
    )
    assert _claim(snare_and_biopsy) == ["45385", "45380-59"]
    assert _claim("PROCEDURE: Laparoscopic cholecystectomy with intraoperative cholangiogram.") == [
        "47563"
    ]


def test_principal_procedure_first_by_work_value() -> None:
    note = (
        "PROCEDURES: 1. Right carpal tunnel release. 2. Right total knee arthroplasty.\n"
        "DESCRIPTION: Both procedures were completed."
    )
    assert _claim(note)[0].startswith("27447")


def test_converted_laparoscopic_case_is_coded_open() -> None:
    note = (
        "PROCEDURE: Laparoscopic cholecystectomy converted to open cholecystectomy.\n"
        "DESCRIPTION: Dense adhesions prevented safe dissection, so the case was converted to an "
        "open procedure through a right subcostal incision and the gallbladder was removed."
    )
    assert _claim(note) == ["47600"]


def test_each_service_takes_the_side_written_next_to_it() -> None:
    assert _claim("PROCEDURE: Left orchiectomy, scrotal exploration, right orchiopexy.") == [
        "54640-RT",
        "54520-LT",
    ]


def test_coronary_vessel_modifier_comes_from_the_treated_vessel() -> None:
    note = (
        "PROCEDURES: Left heart catheterization with coronary angiography. Stent to the proximal "
        "right coronary artery.\n"
        "DESCRIPTION: The LAD and circumflex had mild disease. The right coronary artery had a "
        "90% proximal stenosis and a drug-eluting stent was deployed with an excellent result."
    )
    claim = _claim(note)
    assert claim[0] == "92928-RC"
    assert "93458-59" in claim


def test_pci_in_two_major_coronary_arteries_is_one_base_code_each() -> None:
    note = (
        "PROCEDURE: Left heart catheterization, coronary angiography and stenting of the mid "
        "right coronary artery and the distal circumflex.\n"
        "DESCRIPTION: A 3.0 x 18 mm stent was deployed in the mid right coronary artery and a "
        "2.5 x 15 mm stent was deployed in the distal circumflex with excellent results."
    )
    claim = _claim(note)
    assert "92928-RC" in claim and "92928-LC" in claim
    assert not any(code.startswith("92929") for code in claim)


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("circumflex and the right coronary artery", ["92928-LC", "92928-RC"]),
        ("right coronary artery and the circumflex", ["92928-RC", "92928-LC"]),
    ],
)
def test_arteries_stented_in_one_clause_keep_the_order_they_are_told(
    told: str, expected: list[str]
) -> None:
    # one order on every run, whatever the process's hash seed
    note = (
        "PROCEDURE PERFORMED: Percutaneous coronary intervention.\n"
        f"DESCRIPTION: Drug-eluting stents were placed in the {told} with good results."
    )
    assert [c for c in _claim(note) if c.startswith("9292")] == expected


def test_arteries_only_angiogrammed_in_the_procedure_list_are_not_treated() -> None:
    note = (
        "PROCEDURES: Selective coronary angiography of the left main, LAD and circumflex, "
        "stenting of the mid right coronary artery.\n"
        "DESCRIPTION: Mild disease of the LAD and circumflex. A drug-eluting stent was deployed "
        "in the mid right coronary artery with TIMI 3 flow."
    )
    claim = _claim(note)
    assert [c for c in claim if c.startswith("9292")] == ["92928-RC"]


def test_sizes_can_come_from_where_the_defect_is_described() -> None:
    note = (
        "PROCEDURE: Repair of recurrent incisional hernia with mesh.\n"
        "DESCRIPTION: The fascial defect measured 6 x 5 cm and the contents were reduced."
    )
    assert _claim(note) == ["49615"]


def test_bilateral_surgery_is_valued_at_both_sides_when_choosing_the_principal() -> None:
    # tubes in both ears (2 x one ear at 150%) outrank an adenoidectomy worth more than one ear
    note = (
        "PROCEDURE PERFORMED: Bilateral myringotomy with tympanostomy tube placement and "
        "adenoidectomy.\nThe patient is a 6-year-old child."
    )
    assert _claim(note)[:2] == ["69436-50", "42830"]
