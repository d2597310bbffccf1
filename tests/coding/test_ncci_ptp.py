"""NCCI PTP edits, with real pairs from the CMS practitioner and hospital tables."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, knowledge, scrub
from agentkit.coding.edits.ncci_ptp import PtpTable, date_int
from agentkit.coding.versions import DataVersion

DOS = date(2024, 8, 1)


def ptp(codes: str, dos: date = DOS, setting: str = "practitioner") -> list:  # type: ignore[type-arg]
    claim = Claim.from_codes(codes, date_of_service=dos, setting=setting)  # type: ignore[arg-type]
    return scrub(claim, ["ncci_ptp"])


@pytest.mark.parametrize(
    ("codes", "severity", "column_1", "column_2", "indicator"),
    [
        # modifier indicator 0: never together
        ("47563, 47562", "error", "47563", "47562", "0"),
        ("47562, 49320", "error", "47562", "49320", "0"),
        ("43239, 43235", "error", "43239", "43235", "0"),
        ("44970, 49320", "error", "44970", "49320", "0"),
        ("45380, 45378", "error", "45380", "45378", "0"),
        # indicator 0 cannot be bypassed, even with 59
        ("47563, 47562-59", "error", "47563", "47562", "0"),
        # modifier indicator 1 without a modifier
        ("45385, 45380", "error", "45385", "45380", "1"),
        ("29880, 29881", "error", "29880", "29881", "1"),
        ("93458, 93454", "error", "93458", "93454", "1"),
        ("27447, 20610", "error", "27447", "20610", "1"),
        ("20610, 99213", "error", "20610", "99213", "1"),
        # indicator 1 with an NCCI-associated modifier on the column-2 code: allowed (a note)
        ("45385, 45380-59", "info", "45385", "45380", "1"),
        ("45385, 45380-XS", "info", "45385", "45380", "1"),
        ("20610, 99213-25", "info", "20610", "99213", "1"),
        ("29880-RT, 29881-LT", "info", "29880", "29881", "1"),
        ("64483, 20610-XU", "info", "64483", "20610", "1"),
        # the same anatomic modifier on both lines is the same site: not a bypass
        ("29880-RT, 29881-RT", "error", "29880", "29881", "1"),
    ],
)
def test_ptp_pairs(codes: str, severity: str, column_1: str, column_2: str, indicator: str) -> None:
    findings = ptp(codes)
    assert len(findings) == 1, findings
    f = findings[0]
    assert (f.severity, f.codes) == (severity, (column_1, column_2))
    assert f.source.startswith("NCCI PTP practitioner 2024 Q3")
    assert f.source.endswith(f"modifier indicator {indicator}")
    assert column_2 in f.message and column_1 in f.message


def test_paths_point_at_the_column_2_line() -> None:
    [f] = ptp("49320, 47562")
    assert f.path == "procedures[0].code"  # 49320 is column 2, listed first
    [f] = ptp("45385, 45380")
    assert f.path == "procedures[1].modifiers"  # indicator 1: the fix is a modifier
    assert "59 or XE/XS/XP/XU" in f.message


def test_same_site_message_explains_why() -> None:
    [f] = ptp("29880-RT, 29881-RT")
    assert "same site" in f.message


def test_the_modifier_must_be_on_the_column_2_code() -> None:
    [f] = ptp("45385-59, 45380")
    assert f.severity == "error"


@pytest.mark.parametrize("codes", ["47562, 99999", "99213, 36415", "47562, 66984", "47562"])
def test_pairs_without_an_edit_pass(codes: str) -> None:
    assert [f for f in ptp(codes) if f.severity != "info"] == []


def test_deleted_edits_do_not_fire_after_their_deletion_date() -> None:
    # 45385 + 64412: modifier indicator 0, deleted 2015-12-31 (no active row)
    assert [f.severity for f in ptp("45385, 64412", dos=date(2015, 6, 1))] == ["error"]
    assert ptp("45385, 64412", dos=date(2016, 1, 1)) == []
    assert ptp("45385, 64412", dos=DOS) == []


def test_indicator_9_rows_are_ignored() -> None:
    kb = knowledge(DOS)
    assert kb.ptp is not None
    edit = kb.ptp.lookup("11042", "11001", date(1995, 6, 1))
    assert edit is not None and edit.modifier_indicator == 9
    assert ptp("11042, 11001", dos=date(1995, 6, 1)) == []


def test_setting_picks_the_hospital_table() -> None:
    # 00142 + 99213: practitioner indicator 0, outpatient hospital indicator 1
    [prac] = ptp("00142, 99213-25")
    assert prac.severity == "error" and prac.source.endswith("indicator 0")
    [hosp] = ptp("00142, 99213-25", setting="hospital")
    assert hosp.severity == "info" and hosp.source.startswith("NCCI PTP hospital 2024 Q3")


def _table(rows: list[tuple[str, str, bool, int, int, int, str]]) -> PtpTable:
    return PtpTable.from_raw(rows, DataVersion("ncci_ptp", "test", setting="practitioner"))


def test_table_lookup_respects_effective_and_deletion_dates() -> None:
    table = _table(
        [
            ("0001U", "0438U", False, 20250101, 99991231, 1, "Misuse"),
            ("0001U", "0029U", False, 20180701, 20260630, 1, "Misuse"),
            ("0001A", "90473", False, 20220101, 20220101, 9, "Manual"),
        ]
    )
    assert table.lookup("0001U", "0438U", date(2024, 12, 31)) is None  # not yet effective
    assert table.lookup("0001U", "0438U", date(2025, 1, 1)) is not None
    assert table.lookup("0001U", "0029U", date(2026, 6, 30)) is not None
    assert table.lookup("0001U", "0029U", date(2026, 7, 1)) is None  # deleted
    assert table.lookup("0029U", "0001U", date(2020, 1, 1)) is None  # order matters
    assert table.lookup("9999X", "0001U", date(2020, 1, 1)) is None


def test_table_sorts_unsorted_input_and_round_trips_its_payload() -> None:
    rows = [
        ("99213", "36591", False, 0, 99991231, 0, "b"),
        ("11042", "11001", True, 19960101, 19960101, 9, "a"),
        ("47563", "47562", False, 0, 99991231, 0, "c"),
        ("11042", "0213T", False, 0, 99991231, 1, "a"),
    ]
    table = _table(rows)
    assert [(e.column_1, e.column_2) for e in table.rows()] == [
        ("11042", "0213T"),
        ("11042", "11001"),
        ("47563", "47562"),
        ("99213", "36591"),
    ]
    again = PtpTable.from_payload(table.to_payload(), table.version)
    edit = again.lookup("11042", "11001", date(1996, 1, 1))
    assert edit is not None and edit.existed_before_1996 and edit.rationale == "a"
    assert edit.effective == date(1996, 1, 1) and edit.deletion == date(1996, 1, 1)
    found = {(e.column_1, e.column_2) for e in again.pairs_among(["47562", "47563", "99213"], DOS)}
    assert found == {("47563", "47562")}


def test_overlapping_rows_prefer_the_narrower_window() -> None:
    # the bundled subset has no effective dates: an active row and a row deleted in 2019 overlap
    table = _table(
        [
            ("20610", "99213", False, 0, 99991231, 1, "active"),
            ("20610", "99213", False, 0, 20191231, 0, "old"),
        ]
    )
    assert table.lookup("20610", "99213", date(2019, 6, 1)).rationale == "old"  # type: ignore[union-attr]
    assert table.lookup("20610", "99213", date(2020, 6, 1)).rationale == "active"  # type: ignore[union-attr]


def test_date_int() -> None:
    assert date_int(date(2024, 7, 1), 0) == 20240701
    assert date_int(None, 7) == 7
