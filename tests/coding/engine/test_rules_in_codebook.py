"""Every code the offline coder's rules can emit is described in the bundled CPT codebook.

Without a codebook row, `codes_exist` warns "not in the loaded CPT codebook" about our own
coder's answer, and resolution loses the row's work RVU (principal-first order), global days
(modifier 25) and add-on flag. A new rule therefore needs a codebook row in the same change.
"""

from __future__ import annotations

from datetime import date

from agentkit.coding import Claim, scrub
from agentkit.coding.codesets.cpt import bundled_codebook
from agentkit.coding.engine.cpt.ruleset import bundled_ruleset

DOS = date(2024, 8, 1)  # inside the bundled fee-schedule and NCCI releases


def test_every_rule_code_has_a_codebook_row_in_force() -> None:
    book = bundled_codebook()
    problems = []
    for rule in bundled_ruleset().rules:
        entry = book.get(rule.code)
        if entry is None:
            problems.append(f"{rule.file}:{rule.line} {rule.code} is not in cpt_codebook.tsv")
        elif entry.terminated is not None:
            problems.append(
                f"{rule.file}:{rule.line} {rule.code} was retired on {entry.terminated}"
            )
    assert problems == []


def test_rule_add_ons_are_add_ons_in_the_codebook() -> None:
    book = bundled_codebook()
    for rule in bundled_ruleset().rules:
        entry = book.get(rule.code)
        assert entry is not None
        if rule.addon_of:
            assert entry.add_on, f"{rule.file}:{rule.line} {rule.code}"


def test_codes_exist_accepts_everything_the_rules_can_emit() -> None:
    codes = sorted(bundled_ruleset().codes)
    claim = Claim.from_codes(", ".join(codes), date_of_service=DOS)
    assert len(claim.lines) == len(codes)
    assert scrub(claim, ["codes_exist"]) == []


def test_codes_exist_still_warns_about_a_code_missing_from_the_codebook() -> None:
    # 0042T is a real CMS code number the starter codebook does not carry: the check above
    # passes because the rows exist, not because the warning went away.
    assert bundled_codebook().get("0042T") is None
    findings = scrub(Claim.from_codes("0042T", date_of_service=DOS), ["codes_exist"])
    assert [(f.severity, f.codes) for f in findings] == [("warning", ("0042T",))]
    assert "not in the loaded CPT codebook" in findings[0].message
