"""Modifier edits: existence, bilateral, E/M, distinct-service, components, surgical team."""

from __future__ import annotations

from datetime import date

import pytest

from agentkit.coding import Claim, scrub

DOS = date(2024, 8, 1)


def mods(codes: str, setting: str = "practitioner") -> list[tuple[str, tuple[str, ...]]]:
    claim = Claim.from_codes(codes, date_of_service=DOS, setting=setting)  # type: ignore[arg-type]
    return [(f.severity, f.codes) for f in scrub(claim, ["modifiers_valid"])]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        # unknown modifier
        ("47562-ZZ", [("error", ("47562", "ZZ"))]),
        # 50: bilateral indicator 1 allows it, 0/2/9 do not
        ("64483-50", []),
        ("69436-50", []),
        ("47562-50", [("error", ("47562", "50"))]),  # indicator 0
        ("55250-50", [("error", ("55250", "50"))]),  # indicator 2: already bilateral
        ("99213-50", [("error", ("99213", "50"))]),  # indicator 9
        ("64483-50-RT", [("error", ("64483", "50", "RT"))]),
        ("64483-50x2", [("warning", ("64483", "50"))]),
        ("64483-RT-LT", [("warning", ("64483", "RT", "LT"))]),
        # 25 on E/M only, and only with another service that day
        ("20610, 99213-25", []),
        ("99213-25", [("warning", ("99213", "25"))]),
        ("20610-25, 99213", [("error", ("20610", "25"))]),
        ("92014-25, 67028", []),
        # 57 with a major (090-day) procedure
        ("99223-57, 47562", []),
        ("99223-57", [("warning", ("99223", "57"))]),
        ("47562-57", [("error", ("47562", "57"))]),
        # 59 and the X{EPSU} modifiers
        ("45385, 45380-59", [("warning", ("45380", "59"))]),
        ("45385, 45380-XS", []),
        ("45385, 45380-59-XS", [("error", ("45380", "59", "XS"))]),
        ("20610, 99213-59", [("error", ("99213", "59"))]),
        # professional / technical components
        ("71046-26", []),
        ("88305-TC", []),
        ("99213-26", [("error", ("99213", "26"))]),  # PC/TC indicator 0
        ("93010-26", [("error", ("93010", "26"))]),  # already professional only
        ("71046-26-TC", [("error", ("71046", "26", "TC"))]),
        # assistant at surgery
        ("47562-80", []),
        ("45378-80", [("error", ("45378", "80"))]),  # assistant indicator 1
        ("47562-AS", []),
        # multiple procedure and add-ons
        ("11042, 11045-51", [("error", ("11045", "51"))]),
        # anatomic modifiers that contradict each other
        ("26055-F5-FA", [("error", ("26055", "FA", "F5"))]),
        ("26055-RT-FA", [("error", ("26055", "FA", "RT"))]),
        # reduced / discontinued, repeats, lab repeats, ABN modifiers
        ("45378-52-53", [("error", ("45378", "52", "53"))]),
        ("99213-53", [("error", ("99213", "53"))]),
        ("71046-76", [("warning", ("71046", "76"))]),
        ("71046, 71046-76", []),
        ("85025-91", []),
        ("71046-91", [("error", ("71046", "91"))]),
        ("93880-GA-GZ", [("error", ("93880", "GA", "GZ"))]),
        ("47562-RT-RT", [("warning", ("47562", "RT"))]),
    ],
)
def test_modifier_rules(codes: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert mods(codes) == expected


def test_findings_point_at_the_modifiers_and_cite_the_indicator() -> None:
    claim = Claim.from_codes("47562-50", date_of_service=DOS)
    [f] = scrub(claim, ["modifiers_valid"])
    assert f.path == "procedures[0].modifiers"
    assert f.source == "Medicare PFS indicators 2024 July (RVU24C), bilateral surgery indicator 0"
    assert "Modifier 50 is not allowed on 47562" in f.message


def test_more_than_four_modifiers_is_a_warning() -> None:
    found = mods("26055-F5-F6-F7-F8-F9")
    assert ("warning", ("26055",)) in found


def test_assistant_modifiers_are_not_judged_on_hospital_claims() -> None:
    assert mods("45378-80", setting="hospital") == []


def test_terminated_modifier_is_an_error_on_later_dates() -> None:
    from dataclasses import replace

    from agentkit.coding.codesets.modifiers import ModifierInfo, ModifierSet
    from agentkit.coding.edits.modifier_rules import check_modifiers
    from agentkit.coding.knowledge import CodingKnowledge
    from agentkit.coding.versions import DataVersion

    kb = CodingKnowledge(DOS)
    base = kb.modifiers
    old = ModifierInfo("GD", "other", "Units above the MUE", "HCPCS", terminated=date(2019, 12, 31))
    kb.__dict__["modifiers"] = base.merged_with(
        ModifierSet([old], DataVersion("modifiers", "test"))
    )
    [f] = check_modifiers(Claim.from_codes("20610-GD", date_of_service=DOS), kb)
    assert f.severity == "error" and "ended 2019-12-31" in f.message
    kb2 = CodingKnowledge(date(2019, 6, 1))
    kb2.__dict__["modifiers"] = kb.modifiers
    claim = replace(Claim.from_codes("20610-GD"), date_of_service=date(2019, 6, 1))
    assert check_modifiers(claim, kb2) == []
