"""Concept-rule files: the bundled ones load and emit real codes; bad ones fail with file:line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from agentkit.coding.datafile import bundled
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, bundled_ruleset, load_ruleset
from agentkit.errors import DataFileError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "engine" / "rules"
COMMON = RULES_DIR / "common.yaml"


def _cms_codes() -> set[str]:
    """Every HCPCS/CPT code number in the CMS physician fee schedule file shipped in the package."""
    codes: set[str] = set()
    with gzip.open(bundled("pfs_indicators.tsv.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            codes.add(line.split("\t", 1)[0])
    return codes


def test_every_bundled_rule_file_loads() -> None:
    rs = bundled_ruleset()
    assert len(rs.families) >= 15
    assert len(rs.codes) >= 300
    for family in (
        "gi_endoscopy",
        "general_surgery",
        "hernia",
        "breast_thyroid",
        "ent",
        "eye",
        "ortho",
        "spine",
        "pain",
        "cardiology",
        "pulmonary",
        "urology",
        "obgyn",
        "skin",
        "radiology",
    ):
        assert family in rs.families


def test_every_code_a_rule_emits_is_a_real_cpt_code() -> None:
    cms = _cms_codes()
    unknown = sorted(c for c in bundled_ruleset().codes if c not in cms)
    assert unknown == []


def test_supersedes_and_addon_primaries_name_real_codes() -> None:
    cms = _cms_codes()
    for rule in bundled_ruleset().rules:
        for code in (*rule.supersedes, *rule.addon_of):
            assert code in cms, f"{rule.file}:{rule.line} {rule.code} names unknown {code}"


@pytest.mark.parametrize(
    ("name", "line", "fragment"),
    [
        ("bad_unknown_key.yaml", 5, "did you mean 'supersedes'"),
        ("bad_code.yaml", 3, "is not a CPT code"),
        ("bad_concept.yaml", 6, "unknown concept @scopes (did you mean @scope?)"),
        ("bad_phrase.yaml", 6, "cannot start or end with a gap"),
        ("bad_size.yaml", 5, "size_cm must be [min, max]"),
        ("bad_volume.yaml", 5, "volume_ml min/max must be mL"),
        ("bad_duplicate.yaml", 5, "duplicate key 'triggers'"),
        ("bad_loop.yaml", 3, "loop"),
        ("bad_common_words.yaml", 4, "common words"),
        ("bad_family_name.yaml", 1, "must match the file name"),
        ("bad_yaml.yaml", 5, "YAML syntax error"),
    ],
)
def test_bad_rule_files_name_the_file_line_and_fix(name: str, line: int, fragment: str) -> None:
    with pytest.raises(DataFileError) as err:
        load_ruleset([COMMON, FIXTURES / name])
    assert err.value.path.endswith(name)
    assert err.value.line == line
    assert fragment in str(err.value)


def test_fixture_family_loads_with_common_concepts() -> None:
    rs = load_ruleset([COMMON, FIXTURES / "good_family.yaml"])
    assert rs.contexts["good_family"] == ("good_family.scope_a", "good_family.scope_b")
    rule = next(r for r in rs.rules if r.code == "64484")
    assert rule.count is not None and rule.count.levels and rule.units == "count_minus:1"
    assert rule.line is not None and rule.file.endswith("good_family.yaml")
