"""Versioning: which data set is in force on a date of service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from agentkit.coding import codeset_versions, knowledge
from agentkit.coding.versions import DataVersion, fiscal_year_range, quarter_range, select_in_force


@dataclass(frozen=True)
class Src:
    version: DataVersion


def v(label: str, lo: date | None, hi: date | None, bundled: bool = True) -> Src:
    return Src(DataVersion("ncci_ptp", label, lo, hi, bundled=bundled))


Q3_24 = v("2024 Q3 bundled", date(2024, 7, 1), date(2024, 9, 30))
Q1_26 = v("2026 Q1", date(2026, 1, 1), date(2026, 3, 31), bundled=False)
Q3_24_IMPORTED = v("2024 Q3 imported", date(2024, 7, 1), date(2024, 9, 30), bundled=False)


@pytest.mark.parametrize(
    ("dos", "label", "covers"),
    [
        (date(2024, 8, 1), "2024 Q3 imported", True),  # imported beats bundled
        (date(2026, 2, 1), "2026 Q1", True),
        (date(2025, 6, 1), "2024 Q3 imported", False),  # latest started before the date
        (date(2026, 11, 1), "2026 Q1", False),
        (date(2020, 1, 1), "2024 Q3 bundled", False),  # nothing earlier: the earliest one
    ],
)
def test_select_in_force(dos: date, label: str, covers: bool) -> None:
    chosen, ok = select_in_force([Q3_24, Q1_26, Q3_24_IMPORTED], dos)
    assert chosen is not None and chosen.version.label == label and ok is covers


def test_select_in_force_with_nothing() -> None:
    assert select_in_force([], date(2024, 1, 1)) == (None, False)


def test_calendar_helpers() -> None:
    assert quarter_range(2024, 3) == (date(2024, 7, 1), date(2024, 9, 30))
    assert quarter_range(2024, 4) == (date(2024, 10, 1), date(2024, 12, 31))
    assert fiscal_year_range(2026) == (date(2025, 10, 1), date(2026, 9, 30))
    with pytest.raises(ValueError):
        quarter_range(2024, 5)


def test_bundled_versions_for_a_covered_date() -> None:
    kb = knowledge(date(2024, 8, 1))
    labels = {ver.kind: (ver.label, covers) for ver, covers in kb.versions()}
    assert labels["ncci_ptp"] == ("NCCI PTP practitioner 2024 Q3 (v30.2, bundled subset)", True)
    assert labels["mue"] == ("NCCI MUE practitioner 2024 Q3", True)
    assert labels["icd10cm"][1] is False  # the bundled tabular is FY2026
    assert {ver.kind for ver in kb.stale()} == {"icd10cm", "aoc"}


def test_knowledge_is_cached_per_date_and_setting() -> None:
    assert knowledge(date(2024, 8, 1)) is knowledge(date(2024, 8, 1))
    assert knowledge(date(2024, 8, 1)) is not knowledge(date(2024, 8, 1), "hospital")
    # tables are shared between bundles
    assert knowledge(date(2024, 8, 1)).cpt is knowledge(date(2024, 8, 2)).cpt
    with pytest.raises(ValueError, match="setting"):
        knowledge(date(2024, 8, 1), "office")  # type: ignore[arg-type]


def test_codeset_versions_for_traces() -> None:
    versions = codeset_versions(date(2024, 8, 1))
    assert versions["ncci_ptp"] == "NCCI PTP practitioner 2024 Q3 (v30.2, bundled subset)"
    assert versions["icd10cm"].endswith("(not covering 2024-08-01)")
    assert set(versions) == {"cpt", "hcpcs", "icd10cm", "pfs", "ncci_ptp", "mue", "aoc", "mce"}


def test_importing_makes_a_new_bundle(coding_fixtures: Path, store_dir: Path) -> None:
    before = knowledge(date(2026, 8, 1))
    from agentkit.coding.importers.ncci_mue import import_ncci_mue

    import_ncci_mue(coding_fixtures / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv")
    after = knowledge(date(2026, 8, 1))
    assert after is not before
    assert after.mue is not None and after.mue.version.label == "NCCI MUE practitioner 2026 Q3"
    assert "mue" not in {ver.kind for ver in after.stale()}
