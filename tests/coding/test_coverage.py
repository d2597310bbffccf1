"""Medical necessity: coverage policy files and their warning-level check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agentkit.coding import Claim, ClaimLine, Diagnosis, scrub
from agentkit.coding.edits.coverage import CoveragePolicy, load_policies, load_policy
from agentkit.errors import DataFileError

DOS = date(2024, 8, 1)


def necessity(codes: str, dx: str) -> list:  # type: ignore[type-arg]
    return scrub(Claim.from_codes(codes, dx=dx, date_of_service=DOS), ["medical_necessity"])


def test_sample_policy_is_bundled() -> None:
    policies = load_policies()
    ids = [p.policy for p in policies.policies]
    assert "SAMPLE-CAROTID-DUPLEX" in ids
    assert list(policies.for_code("93880", DOS))


@pytest.mark.parametrize(
    ("dx", "findings"),
    [
        ("I65.21", 0),
        ("G45.9", 0),
        ("R42", 1),
        ("R42, Z86.73", 0),
        ("", 1),
    ],
)
def test_carotid_duplex_needs_a_covered_diagnosis(dx: str, findings: int) -> None:
    found = necessity("93880", dx)
    assert len(found) == findings
    for f in found:
        assert f.severity == "warning" and f.check == "medical_necessity"
        assert "SAMPLE-CAROTID-DUPLEX" in f.message and f.path == "procedures[0].code"
        assert f.source is not None and f.source.startswith("LCD SAMPLE-CAROTID-DUPLEX")


def test_codes_outside_any_policy_are_not_judged() -> None:
    assert necessity("47562", "R42") == []


def test_diagnosis_pointers_limit_the_diagnoses_considered() -> None:
    claim = Claim(
        lines=(ClaimLine("93880", path="procedures[0].code", diagnosis_pointers=(2,)),),
        diagnoses=(Diagnosis("I65.21"), Diagnosis("R42")),
        date_of_service=DOS,
    )
    [f] = scrub(claim, ["medical_necessity"])
    assert "(R42)" in f.message


@pytest.mark.parametrize(
    ("entry", "covered", "not_covered"),
    [
        ("I65.-", "I65.21", "I66.01"),
        ("I63.0-I63.9", "I63.512", "I64"),
        ("R09.89", "R09.89", "R09.81"),
        ("Z86.73", "Z86.73", "Z86.7"),
    ],
)
def test_policy_code_entries(entry: str, covered: str, not_covered: str) -> None:
    policy = CoveragePolicy(
        policy="T", title="t", procedures=("93880",), covered_diagnoses=(entry,)
    )
    assert policy.covers(covered) and not policy.covers(not_covered)


def test_bad_policy_files_name_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "policy: X\ntitle: t\nprocedures: [93880]\ncovered_diagnoses: [not-a-code]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="covered_diagnoses"):
        load_policy(path)
    path.write_text(
        "policy: X\ntitle: t\nprocedures: [93880]\ncovered_diagnoses: [I65.-]\nextra: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="extra"):
        load_policy(path)


def test_user_policies_are_read_from_the_coding_dir(store_dir: Path) -> None:
    folder = store_dir / "coverage"
    folder.mkdir(parents=True)
    (folder / "vitd.yaml").write_text(
        "policy: TEST-VITD\ntitle: Vitamin D testing\ntype: NCD\neffective: 2020-01-01\n"
        "procedures: ['82306']\ncovered_diagnoses: [E55.-, N18.-]\n",
        encoding="utf-8",
    )
    [f] = necessity("82306", "Z00.00")
    assert f.source is not None and f.source.startswith("NCD TEST-VITD")
    assert necessity("82306", "E55.9") == []
