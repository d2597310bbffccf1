"""Code sets: the CPT starter codebook, HCPCS Level II, ICD-10-CM, modifiers, PFS indicators."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agentkit.coding import knowledge
from agentkit.coding.codesets.cpt import CODEBOOK_COLUMNS, bundled_codebook, load_codebook
from agentkit.coding.codesets.fee_schedule import bundled_fee_schedule
from agentkit.coding.codesets.hcpcs import bundled_hcpcs
from agentkit.coding.codesets.icd10cm import bundled_icd10cm
from agentkit.coding.codesets.modifiers import bundled_modifiers, is_known_modifier
from agentkit.coding.datafile import bundled, read_tsv
from agentkit.errors import DataFileError
from agentkit.types import Modifier

# ---------------------------------------------------------------------------------- CPT codebook


def test_codebook_has_at_least_400_codes_across_every_section() -> None:
    book = bundled_codebook()
    assert len(book) >= 400
    sections = {e.section for e in book}
    assert {"E/M", "Surgery", "Radiology", "Pathology/Lab", "Medicine"} <= sections
    categories = {e.category for e in book if e.section == "Surgery"}
    for system in (
        "Digestive",
        "Musculoskeletal",
        "Integumentary",
        "Cardiovascular",
        "Respiratory",
        "Urinary",
        "Female genital",
        "Eye and ocular adnexa",
        "Auditory system",
    ):
        assert system in categories


def test_every_codebook_code_is_a_real_cms_code_or_is_marked_retired() -> None:
    pfs = bundled_fee_schedule()
    for entry in bundled_codebook():
        assert entry.description and entry.section and entry.category
        if entry.terminated is None:
            assert entry.code in pfs, f"{entry.code} is not in the CMS fee-schedule file"
        else:
            assert entry.code not in pfs


def test_codebook_indicators_match_the_cms_fee_schedule() -> None:
    pfs = bundled_fee_schedule()
    for entry in bundled_codebook():
        ind = pfs.get(entry.code)
        if ind is None:
            continue
        assert (entry.global_days, entry.bilateral, entry.multiple_procedure, entry.assistant) == (
            ind.global_days or None,
            ind.bilateral or None,
            ind.multiple_procedure or None,
            ind.assistant or None,
        ), entry.code


def test_add_on_codes_carry_their_ncci_primaries() -> None:
    book = bundled_codebook()
    debridement = book.get("11045")
    assert debridement is not None and debridement.add_on and debridement.primaries == ("11042",)
    assert debridement.global_days == "ZZZ" and debridement.addon_type == "1"
    critical = book.get("99292")
    assert critical is not None and critical.primaries == ("99291",)
    fusion = book.get("22614")
    assert fusion is not None and "22612" in fusion.primaries and "22633" in fusion.primaries
    for entry in book:
        if entry.global_days == "ZZZ":
            assert entry.add_on, entry.code


def test_codebook_rvus_are_plausible_and_order_principal_procedures() -> None:
    book = bundled_codebook()
    for entry in book:
        if entry.work_rvu is not None:
            assert 0 <= entry.work_rvu < 120, entry.code

    def rvu(code: str) -> float:
        entry = book.get(code)
        assert entry is not None and entry.work_rvu is not None
        return entry.work_rvu

    assert rvu("27447") > rvu("29881") > rvu("20610")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("laparoscopic cholecystectomy with cholangiogram", "47563"),
        ("knee arthroscopy medial meniscectomy", "29881"),
        ("colonoscopy snare polypectomy", "45385"),
        ("carpal tunnel release", "64721"),
        ("cataract phacoemulsification with IOL", "66984"),
        ("lumbar transforaminal epidural", "64483"),
        ("ear tubes", "69436"),
    ],
)
def test_codebook_search_finds_the_right_code(query: str, expected: str) -> None:
    found = [e.code for e in bundled_codebook().search(query, limit=3)]
    assert expected in found, found


def test_search_terms_cover_descriptions_and_synonyms() -> None:
    terms = set(bundled_codebook().search_terms())
    assert ("47562", "lap chole") in terms
    assert ("47562", "Laparoscopic cholecystectomy") in terms


def test_retired_codes_say_when() -> None:
    book = bundled_codebook()
    ventral = book.get("49560")
    assert ventral is not None and ventral.terminated == date(2022, 12, 31)
    assert ventral.in_force(date(2022, 6, 1)) and not ventral.in_force(date(2023, 1, 1))


def test_codebook_file_has_the_documented_columns() -> None:
    header = next(
        ln
        for ln in bundled("cpt_codebook.tsv").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    )
    assert tuple(header.split("\t")) == CODEBOOK_COLUMNS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("code\tdescription\n4756\tShort code\n", "not a CPT code"),
        ("code\tdescription\n47562\tA\n47562\tB\n", "listed twice"),
        ("code\tdescription\n47562\t\n", "no description"),
        ("code\tdescription\twork_rvu\n47562\tA\tten\n", "not a number"),
        ("code\tsynonyms\n47562\tx\n", "lacks column"),
    ],
)
def test_codebook_errors_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "book.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_codebook(path)
    assert "book.tsv" in str(info.value)


# ---------------------------------------------------------------------------------- HCPCS


def test_hcpcs_codes_with_validity_dates() -> None:
    hcpcs = bundled_hcpcs()
    assert len(hcpcs) > 7000 and hcpcs.complete
    j1030 = hcpcs.get("J1030")
    assert j1030 is not None and j1030.terminated == date(2024, 3, 31)
    assert not j1030.in_force(date(2024, 8, 1)) and j1030.in_force(date(2024, 1, 15))
    g2211 = hcpcs.get("G2211")
    assert (
        g2211 is not None
        and g2211.in_force(date(2024, 8, 1))
        and "visit" in g2211.short_description.lower()
    )


# ---------------------------------------------------------------------------------- ICD-10-CM


@pytest.mark.parametrize(
    ("code", "billable", "requires_7th", "kind"),
    [
        ("K80.20", True, False, "subcategory"),
        ("k8020", True, False, "subcategory"),
        ("E11", False, False, "category"),
        ("E11.9", True, False, "subcategory"),
        ("I10", True, False, "category"),
        ("S72.001", False, True, "subcategory"),
        ("S72.001A", True, False, "extension"),
        ("S02.0XXA", True, False, "extension"),
        ("T36.0X1A", True, False, "extension"),
        ("QA0.0101", True, False, "subcategory"),  # FY2026's new QA0 category
    ],
)
def test_icd10cm_lookup(code: str, billable: bool, requires_7th: bool, kind: str) -> None:
    rec = bundled_icd10cm().get(code)
    assert rec is not None
    assert (rec.billable, rec.requires_7th, rec.kind) == (billable, requires_7th, kind)


@pytest.mark.parametrize("code", ["K80.29", "E11.99", "S72.001Z", "S02.0A", "XX1", "U99", "QB0"])
def test_icd10cm_invalid_codes(code: str) -> None:
    assert bundled_icd10cm().get(code) is None


def test_icd10cm_notes_descriptions_and_seventh_characters() -> None:
    icd = bundled_icd10cm()
    e11 = icd.get("E11")
    assert e11 is not None and e11.description == "Type 2 diabetes mellitus"
    assert any("E10" in note for note in e11.excludes1)
    assert any("Z79.4" in note for note in e11.use_additional)
    fracture = icd.get("S72.001")
    assert (
        fracture is not None and fracture.seven_chr["A"] == "initial encounter for closed fracture"
    )
    assert icd.get("S72.001A").description.endswith("initial encounter for closed fracture")  # type: ignore[union-attr]
    assert icd.suggest("S02.0A") == "S02.0XXA"
    assert "E11.9" in icd.billable_descendants("E11", limit=50)


def test_icd10cm_agrees_with_the_packaged_code_list() -> None:
    """Every code of the official April 2026 list is valid here, with the right billable flag."""
    from agentkit.coding.codesets.icd10cm import _package_data_dir

    listed = (_package_data_dir() / "code-list-April-2026.txt").read_text(encoding="utf-8").split()
    icd = bundled_icd10cm()
    checked = 0
    for code in listed:
        if "-" in code or not code[0].isalpha() or len(code) < 3:
            continue  # chapters and blocks
        rec = icd.get(code)
        assert rec is not None, code
        checked += 1
    assert checked > 90000
    assert sum(1 for _ in icd.codes(billable_only=True, include_extensions=True)) > 70000


def test_icd10cm_search_terms_only_propose_billable_codes() -> None:
    icd = bundled_icd10cm()
    sample = list(icd.search_terms())
    assert ("K80.20", "Calculus of gallbladder without cholecystitis without obstruction") in sample
    assert all(icd.is_billable(code) for code, _ in sample[:5000])
    assert any(
        term == "Hypertension (arterial) (benign) (essential) (malignant) (primary) (systemic)"
        or "hypertension" in term.lower()
        for code, term in sample
        if code == "I10"
    )


def test_icd10cm_prepared_index_is_cached_on_disk() -> None:
    from agentkit.coding.codesets import icd10cm

    icd10cm.bundled_icd10cm.cache_clear()
    first = icd10cm.bundled_icd10cm()  # built, or loaded from this session's data directory
    cache = icd10cm._cache_path(icd10cm._package_data_dir() / "icd10c-tabular-April-1-2026.xml")
    assert cache.is_file()
    icd10cm.bundled_icd10cm.cache_clear()
    second = icd10cm.bundled_icd10cm()  # now certainly from the prepared index
    assert second is not first and len(second) == len(first)
    assert second.get("S72.001A") == first.get("S72.001A")


# ---------------------------------------------------------------------------------- modifiers


@pytest.mark.parametrize(
    "code",
    [
        "25",
        "59",
        "50",
        "26",
        "TC",
        "RT",
        "LT",
        "XS",
        "XE",
        "XP",
        "XU",
        "FA",
        "GA",
        "80",
        "AS",
        "76",
        "rt",
    ],
)
def test_known_modifiers(code: str) -> None:
    assert is_known_modifier(code)


@pytest.mark.parametrize("code", ["ZZ", "00", "5", "RTL"])
def test_unknown_modifiers(code: str) -> None:
    assert not is_known_modifier(code)


def test_modifier_type_validates_against_the_list() -> None:
    from pydantic import TypeAdapter, ValidationError

    adapter = TypeAdapter(Modifier)
    assert adapter.validate_python(" xs ") == "XS"
    with pytest.raises(ValidationError, match="not a CPT or HCPCS Level II modifier"):
        adapter.validate_python("ZZ")


def test_modifier_categories_sides_and_ptp_bypass() -> None:
    mods = bundled_modifiers()
    assert mods.get("59").category == "distinct_service"  # type: ignore[union-attr]
    assert {m.code for m in mods.in_category("distinct_service")} == {"59", "XE", "XP", "XS", "XU"}
    assert mods.get("RT").side == "right" and mods.get("FA").side == "left"  # type: ignore[union-attr]
    assert mods.get("25").ptp_bypass and mods.get("XS").ptp_bypass  # type: ignore[union-attr]
    assert not mods.get("26").ptp_bypass  # type: ignore[union-attr]
    cpt_rows = list(read_tsv(bundled("modifiers_cpt.tsv"), ("modifier", "description")))
    assert len(cpt_rows) >= 40


def test_knowledge_exposes_every_code_set() -> None:
    kb = knowledge(date(2024, 8, 1))
    assert kb.cpt.get("47562") is not None
    assert kb.hcpcs.get("J1100") is not None
    assert kb.icd10cm.get("K80.20") is not None
    assert kb.modifiers.get("59") is not None
    assert kb.fee_schedule.get("64483").bilateral == "1"  # type: ignore[union-attr]
    assert "26" in kb.fee_schedule.priced_modifiers("71046")


def test_unknown_hcpcs_is_an_error_only_while_the_file_covers_the_date() -> None:
    from agentkit.coding import Claim, scrub

    [now] = scrub(Claim.from_codes("J9998", date_of_service=date(2024, 8, 1)), ["codes_exist"])
    assert now.severity == "error"
    [later] = scrub(Claim.from_codes("J9998", date_of_service=date(2026, 8, 1)), ["codes_exist"])
    assert later.severity == "warning" and "import the current HCPCS file" in later.message
