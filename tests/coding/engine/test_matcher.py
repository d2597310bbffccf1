"""Rule matching: contexts, specificity, sizes, counts, age, note types, listed services."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine import analyze
from agentkit.coding.engine.cpt.matcher import match_rules
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, RuleSet, load_ruleset

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "engine" / "rules"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_ruleset([RULES_DIR / "common.yaml", FIXTURES / "good_family.yaml"])


def _codes(note: str, rs: RuleSet, age: int | None = None) -> set[str]:
    _, hits = match_rules(analyze(note), rs, age)
    return {h.code for h in hits}


def test_trigger_belongs_to_the_nearest_procedure_context(rules: RuleSet) -> None:
    note = (
        "PROCEDURE: Alphascopy and betascopy.\n"
        "DESCRIPTION: The alphascope was passed. Biopsies of the antrum were taken. "
        "Then the betascope was inserted. The mucosa was normal."
    )
    assert _codes(note, rules) == {"43235", "43239", "45378"}


def test_negated_and_planned_triggers_do_not_fire(rules: RuleSet) -> None:
    note = "PROCEDURE: Alphascopy.\nDESCRIPTION: No biopsies were taken. Will biopsy next time."
    assert _codes(note, rules) == {"43235"}


def test_history_and_plan_sections_do_not_document_performance(rules: RuleSet) -> None:
    note = "PAST SURGICAL HISTORY: Alphascopy with biopsy.\nPLAN: Betascopy."
    assert _codes(note, rules) == set()


def test_size_ranges_pick_the_variant(rules: RuleSet) -> None:
    assert "11401" in _codes("Excision of a 0.8 cm lesion of the back.", rules)
    assert "11400" not in _codes("Excision of a 0.8 cm lesion of the back.", rules)
    _, hits = match_rules(analyze("Excision of the lesion of the back."), rules)
    small = next(h for h in hits if h.code == "11400")
    assert small.size_missing


def test_levels_give_add_on_units(rules: RuleSet) -> None:
    _, hits = match_rules(analyze("Right transforaminal injection at L4-5 and L5-S1."), rules)
    addon = next(h for h in hits if h.code == "64484")
    assert addon.count == 2
    assert {h.code for h in match_rules(analyze("Transforaminal at L5-S1."), rules)[1]} == {"64483"}


def test_age_from_input_or_note_and_adult_assumed(rules: RuleSet) -> None:
    assert _codes("Grabectomy.", rules, age=7) == {"42820"}
    assert _codes("A 7-year-old boy. Grabectomy was done.", rules) == {"42820"}
    _, hits = match_rules(analyze("Grabectomy."), rules)
    assert [h.code for h in hits] == ["42821"] and hits[0].age_assumed


def test_note_type_limits_rules(rules: RuleSet) -> None:
    radiology = "EXAM: CT of the head.\nTECHNIQUE: Head scan, axial images.\nIMPRESSION: Normal."
    visit = "CHIEF COMPLAINT: Headache.\nHPI: Head scan was normal.\nEXAM: Alert.\nPLAN: Rest."
    assert "70450" in _codes(radiology, rules)
    assert "70450" not in _codes(visit, rules)


def test_listed_services_come_from_the_procedure_list(rules: RuleSet) -> None:
    assert "10060" in _codes("PROCEDURE: Minor thing.\nDESCRIPTION: Done.", rules)
    assert "10060" not in _codes(
        "PROCEDURE: Alphascopy.\nDESCRIPTION: A minor thing was done too.", rules
    )


def test_anatomy_in_the_sentence_picks_the_scope_when_no_scope_is_named() -> None:
    from agentkit.coding.engine.coder import code_cpt

    note = (
        "PROCEDURES: EGD and colonoscopy.\n"
        "DESCRIPTION: The upper endoscope was passed to the duodenum; the mucosa was normal. "
        "The colonoscope was then advanced to the cecum.\n"
        "IMPRESSION: Scalloped duodenal folds, biopsied."
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["45378", "43239"]


def test_imaging_report_bills_other_services_only_when_named() -> None:
    from agentkit.coding.engine.coder import code_cpt

    note = (
        "EXAM: CT abdomen and pelvis with contrast.\n"
        "TECHNIQUE: Helical images after intravenous contrast.\n"
        "FINDINGS: The patient is status post cholecystectomy. Clips in the gallbladder fossa; "
        "the appendix is surgically absent after appendectomy.\n"
        "IMPRESSION: No acute process."
    )
    assert [p["code"] for p in code_cpt(note)["procedures"]] == ["74177"]


def test_contrast_named_with_the_study_outranks_the_rest_of_the_report() -> None:
    from agentkit.coding.engine.coder import code_cpt

    plain = (
        "EXAM: CT of the abdomen and pelvis without contrast.\n"
        "TECHNIQUE: Axial images. No venous access could be established for intravenous "
        "contrast material.\n"
        "IMPRESSION: No acute process."
    )
    assert [p["code"] for p in code_cpt(plain)["procedures"]] == ["74176"]
    untitled = (
        "EXAM: CT of the abdomen and pelvis.\n"
        "TECHNIQUE: Axial images after 100 mL of intravenous Omnipaque.\n"
        "IMPRESSION: No acute process."
    )
    assert [p["code"] for p in code_cpt(untitled)["procedures"]] == ["74177"]


def test_uterine_weight_in_grams_picks_the_hysterectomy_variant() -> None:
    rs = load_ruleset([RULES_DIR / "common.yaml", RULES_DIR / "obgyn.yaml"])
    base = "PROCEDURE: Total laparoscopic hysterectomy.\nFINDINGS: Fibroid uterus."
    assert "58570" in _codes(base, rs)  # no weight told: the 250 g or less code
    assert "58572" not in _codes(base, rs)
    heavy = _codes(base + " The uterus weighed 410 grams.", rs)
    assert "58572" in heavy and "58570" not in heavy
    light = _codes(base + " The uterus weighed 180 gm.", rs)
    assert "58570" in light and "58572" not in light


def test_repair_lengths_told_in_one_sentence_are_added() -> None:
    rs = load_ruleset([RULES_DIR / "common.yaml", RULES_DIR / "skin.yaml"])
    both = (
        "PROCEDURE: Laceration repair.\nDESCRIPTION: A 2.4 cm forearm laceration and a 1.5 cm "
        "hand laceration were irrigated and closed with simple interrupted 5-0 nylon sutures."
    )
    assert "12002" in _codes(both, rs) and "12001" not in _codes(both, rs)
    deep = (
        "PROCEDURE: Laceration repair.\nDESCRIPTION: A 2 cm forearm laceration, 1 cm deep, was "
        "closed with simple interrupted 5-0 nylon sutures."
    )
    assert "12001" in _codes(deep, rs) and "12002" not in _codes(deep, rs)


def test_a_denial_inside_a_gap_phrase_is_no_service_done() -> None:
    from agentkit.coding.engine.coder import code_cpt

    def codes(note: str) -> set[str]:
        return {p["code"] for p in code_cpt(note)["procedures"]}

    failed = "PROCEDURE: Cystoscopy.\nDESCRIPTION: The left ureteral stent could not be removed."
    assert "52332" not in codes(failed) and "52310" not in codes(failed)
    done = "PROCEDURE: Cystoscopy.\nDESCRIPTION: The left ureteral stent was grasped and removed."
    assert "52310" in codes(done)
