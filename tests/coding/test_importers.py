"""Importers, on small files in the exact CMS layouts (headers, quoting, encodings, dates)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from agentkit.coding import Claim, knowledge, scrub
from agentkit.coding.codesets.cpt import bundled_codebook
from agentkit.coding.codesets.icd10cm import Icd10cmCodeSet
from agentkit.coding.codesets.modifiers import is_known_modifier
from agentkit.coding.datafile import bundled, parse_date
from agentkit.coding.importers.cpt_ama import import_ama_cpt, read_ama_cpt
from agentkit.coding.importers.hcpcs_anweb import import_hcpcs_anweb, read_anweb
from agentkit.coding.importers.icd10cm_tabular import build_index, import_icd10cm, parse_code_refs
from agentkit.coding.importers.mce import import_mce
from agentkit.coding.importers.ncci_aoc import import_ncci_aoc, read_aoc_file
from agentkit.coding.importers.ncci_mue import import_ncci_mue, read_mue_file
from agentkit.coding.importers.ncci_ptp import import_ncci_ptp, infer_ptp_release, read_ptp_file
from agentkit.coding.importers.pfs_rvu import import_pfs_rvu
from agentkit.coding.importers.xlsx import read_xlsx_rows
from agentkit.coding.store import list_datasets, load_payload, remove_dataset
from agentkit.coding.versions import DataVersion, ncci_version_quarter
from agentkit.errors import DataFileError

# ---------------------------------------------------------------------------------- NCCI PTP


def test_ptp_txt_layout(coding_fixtures: Path, store_dir: Path) -> None:
    stored, table = import_ncci_ptp([coding_fixtures / "ccipra-v322r0-f1.txt"])
    v = stored.version
    assert (v.label, v.setting, v.effective_from, v.effective_to) == (
        "NCCI PTP practitioner 2026 Q3",
        "practitioner",
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    assert len(table) == 18 and stored.rows == 18
    edit = table.lookup("0001U", "0438U", date(2025, 6, 1))
    assert edit is not None and edit.effective == date(2025, 1, 1) and edit.deletion is None
    assert edit.rationale == "Misuse of Column Two code with Column One code"
    assert table.lookup("0001U", "0438U", date(2024, 12, 31)) is None  # not yet effective
    assert table.lookup("0001U", "0029U", date(2026, 7, 1)) is None  # deleted 2026-06-30
    assert stored.path.is_relative_to(store_dir)


def test_imported_ptp_is_used_for_its_quarter_and_cited(
    coding_fixtures: Path, store_dir: Path
) -> None:
    import_ncci_ptp([coding_fixtures / "ccipra-v322r0-f1.txt"])
    kb = knowledge(date(2026, 8, 1))
    assert kb.ptp is not None and kb.ptp.version.label == "NCCI PTP practitioner 2026 Q3"
    assert not kb.ptp.version.bundled
    [f] = scrub(Claim.from_codes("0001U, 0030U", date_of_service=date(2026, 8, 1)), ["ncci_ptp"])
    assert f.source == "NCCI PTP practitioner 2026 Q3, modifier indicator 1"
    # 2024 claims still use the bundled 2024 Q3 table, which covers them
    assert knowledge(date(2024, 8, 1)).ptp.version.bundled  # type: ignore[union-attr]
    # indicator 9 rows never fire
    assert (
        scrub(Claim.from_codes("0001A, 90473", date_of_service=date(2022, 1, 1)), ["ncci_ptp"])
        == []
    )


def test_ptp_csv_export_with_wrapped_header(coding_fixtures: Path, store_dir: Path) -> None:
    stored, table = import_ncci_ptp([coding_fixtures / "ccioph-v302r0-f1.csv"])
    assert (
        stored.version.label == "NCCI PTP hospital 2024 Q3" and stored.version.setting == "hospital"
    )
    assert len(table) == 4
    edit = table.lookup("47562", "49320", date(2024, 8, 1))
    assert edit is not None and edit.existed_before_1996 and edit.modifier_indicator == 0
    assert edit.effective == date(1996, 1, 1)
    assert table.lookup("45385", "64412", date(2016, 1, 1)) is None


def test_ptp_bad_rows_name_the_line(tmp_path: Path, store_dir: Path) -> None:
    bad = tmp_path / "ccipra-v302r0-f1.txt"
    bad.write_text(
        "Column 1\tColumn 2\n"
        "47562\t49320\t*\t19960101\t*\t0\tok\n"
        "47563\t47562\t\t19960101\t*\t5\tbad\n",
        encoding="latin-1",
    )
    with pytest.raises(DataFileError, match=r"ccipra-v302r0-f1.txt:3: modifier indicator '5'"):
        import_ncci_ptp([bad])
    empty = tmp_path / "ccipra-v302r0-f2.txt"
    empty.write_text("just a title\n", encoding="latin-1")
    with pytest.raises(DataFileError, match="no PTP edit rows"):
        list(read_ptp_file(empty))
    unknown = tmp_path / "edits.txt"
    unknown.write_text("47562\t49320\t*\t19960101\t*\t0\tok\n", encoding="latin-1")
    with pytest.raises(DataFileError, match="cannot tell the setting"):
        import_ncci_ptp([unknown])


@pytest.mark.parametrize(
    ("name", "setting", "quarter"),
    [
        ("ccipra-v302r0-f1.txt", "practitioner", (2024, 3)),
        ("ccioph-v322r0-f4.txt", "hospital", (2026, 3)),
        ("ccipra-v310r0-f2.TXT", "practitioner", (2025, 1)),
    ],
)
def test_ptp_release_from_file_name(name: str, setting: str, quarter: tuple[int, int]) -> None:
    assert infer_ptp_release(name) == (setting, quarter)
    assert ncci_version_quarter("30.2") == (2024, 3)


# ---------------------------------------------------------------------------------- MUE


def test_mue_csv_with_quoted_multiline_notice(coding_fixtures: Path, store_dir: Path) -> None:
    path = coding_fixtures / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"
    assert b"\xae" in path.read_bytes()  # the Latin-1 registered sign, as CMS publishes it
    stored, table = import_ncci_mue(path)
    v = stored.version
    assert (v.label, v.setting, v.effective_from, v.effective_to) == (
        "NCCI MUE practitioner 2026 Q3",
        "practitioner",
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    assert len(table) == 6
    entry = table.get("0009U")
    assert entry is not None and (entry.value, entry.mai, entry.rationale) == (
        2,
        3,
        "Nature of Analyte",
    )
    assert table.get("0001U").mai == 2  # type: ignore[union-attr]
    assert knowledge(date(2026, 8, 1)).mue.version.label == "NCCI MUE practitioner 2026 Q3"  # type: ignore[union-attr]


def test_mue_reader_also_reads_the_bundled_layout() -> None:
    entries = list(read_mue_file(bundled("ncci_mue_practitioner.tsv.gz")))
    assert len(entries) > 14000
    assert any(e.code == "11045" and e.value == 12 and e.mai == 3 for e in entries)


def test_mue_errors(tmp_path: Path, store_dir: Path) -> None:
    bad = tmp_path / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"
    bad.write_text("HCPCS/CPT Code,MUE,MAI,Rationale\n11045,twelve,3,Data\n", encoding="latin-1")
    with pytest.raises(DataFileError, match=r":2: MUE value 'twelve'"):
        import_ncci_mue(bad)
    dme = tmp_path / "MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv"
    dme.write_text("A4550,1,2 Date of Service Edit: Policy,Policy\n", encoding="latin-1")
    with pytest.raises(DataFileError, match="DME"):
        import_ncci_mue(dme)


# ---------------------------------------------------------------------------------- add-on codes


def test_aoc_spreadsheet_export_with_julian_dates(coding_fixtures: Path, store_dir: Path) -> None:
    stored, table = import_ncci_aoc(coding_fixtures / "AOC_V2025Q1-MCR.csv")
    v = stored.version
    assert (v.label, v.effective_from, v.effective_to) == (
        "NCCI add-on code edits 2025 Q1",
        date(2025, 1, 1),
        date(2025, 3, 31),
    )
    assert len(table) == 8
    [edit] = [e for e in table.edits_for("22614", date(2024, 1, 1)) if e.primary == "22630"]
    assert edit.effective == date(2012, 1, 1) and edit.deletion == date(
        2024, 6, 30
    )  # Julian 2024182
    assert [e.primary for e in table.edits_for("22614", date(2025, 1, 1))] == ["22612"]
    found = scrub(
        Claim.from_codes("22630, 22614", date_of_service=date(2025, 2, 1)), ["addon_has_primary"]
    )
    assert [f.source for f in found] == ["NCCI add-on code edits 2025 Q1, add-on edit type 1"]


def test_aoc_xlsx_is_read_directly(coding_fixtures: Path, tmp_path: Path) -> None:
    rows = [
        line.split(",")
        for line in (coding_fixtures / "AOC_V2025Q1-MCR.csv").read_text().splitlines()
    ]
    xlsx = tmp_path / "AOC_V2025Q1-MCR.xlsx"
    _write_xlsx(xlsx, rows)
    assert read_xlsx_rows(xlsx).__next__()[:3] == [
        "Add-on Code",
        "AOC_DEL_DT_JULIAN",
        "Primary Code",
    ]
    edits = list(read_aoc_file(xlsx))
    assert len(edits) == 8 and edits[0].add_on == "11045" and edits[0].effective == date(2011, 1, 1)


def test_aoc_file_without_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "AOC_V2025Q1-MCR.csv"
    path.write_text("Code,Other\n11045,11042\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="Add-on Code"):
        list(read_aoc_file(path))


# ---------------------------------------------------------------------------------- HCPCS


def test_hcpcs_anweb_csv(coding_fixtures: Path, store_dir: Path) -> None:
    path = coding_fixtures / "HCPC2026_OCT_ANWEB.csv"
    records = list(read_anweb(path))
    mods = {r.code: r for r in records if r.is_modifier}
    codes = {r.code: r for r in records if not r.is_modifier}
    assert set(mods) == {"A1", "AA", "AM", "AS", "GD", "JG"}  # leading spaces stripped
    assert (
        mods["GD"].terminated == date(2019, 12, 31)
        and mods["AM"].long == "Physician, team member service"
    )
    assert set(codes) == {"A0425", "G2211", "J1030", "J1100"}
    g2211 = codes["G2211"]
    assert g2211.long.startswith("Visit complexity inherent") and g2211.long.endswith(
        "new or established)"
    )
    assert "(add-on code, list separately" in g2211.long
    stored, hcpcs = import_hcpcs_anweb(path)
    assert (
        stored.version.label == "HCPCS Level II 2026 Oct"
        and stored.version.effective_from == date(2026, 10, 1)
    )
    assert hcpcs.get("J1030").terminated == date(2024, 3, 31)  # type: ignore[union-attr]
    kb = knowledge(date(2026, 11, 1))
    assert kb.hcpcs.version.label == "HCPCS Level II 2026 Oct"
    assert kb.modifiers.get("GD").terminated == date(2019, 12, 31)  # type: ignore[union-attr]
    [f] = scrub(
        Claim.from_codes("20610-GD", date_of_service=date(2026, 11, 1)), ["modifiers_valid"]
    )
    assert "ended 2019-12-31" in f.message
    assert is_known_modifier("GD")


def test_hcpcs_anweb_fixed_width(tmp_path: Path) -> None:
    def record(
        code: str, seq: str, recid: str, long: str, short: str = "", added: str = "", term: str = ""
    ) -> str:
        line = f"{code:<5}{seq:<5}{recid}{long:<80}{short:<28}"
        line = line.ljust(268) + f"{added:<8}{'':<8}{term:<8}N"
        return line

    path = tmp_path / "HCPC2026_JAN_ANWEB_v2.txt"
    path.write_text(
        "\n".join(
            [
                record(
                    "J1100",
                    "00100",
                    "3",
                    "Injection, dexamethasone sodium phosphate, 1 mg",
                    "Dexamethasone sodium phos",
                    "19820101",
                ),
                record(
                    "   RT",
                    "00100",
                    "7",
                    "Right side (used to identify procedures performed on the right side of the",
                    "Right side",
                    "19870101",
                ),
                record("   RT", "00200", "8", "body)"),
            ]
        )
        + "\n",
        encoding="latin-1",
    )
    records = list(read_anweb(path))
    assert [(r.code, r.is_modifier) for r in records] == [("J1100", False), ("RT", True)]
    assert records[1].long.endswith("right side of the body)")
    assert records[0].added == date(1982, 1, 1)


# ---------------------------------------------------------------------------------- ICD-10-CM


def test_icd10cm_tabular_and_order_file_of_another_year(
    coding_fixtures: Path, store_dir: Path
) -> None:
    xml = coding_fixtures / "icd10cm_tabular_2025.xml"
    order = coding_fixtures / "icd10cm_order_2025.txt"
    version, data = import_icd10cm(xml, order)
    assert (version.label, version.effective_from, version.effective_to) == (
        "ICD-10-CM FY2025",
        date(2024, 10, 1),
        date(2025, 9, 30),
    )
    icd = Icd10cmCodeSet(data, version)
    assert icd.is_billable("E11.A") and not icd.is_billable("E11")
    assert icd.requires_7th("S72.001") and icd.get("S72.001").seven_chr == {  # type: ignore[union-attr]
        "A": "initial encounter for closed fracture",
        "D": "subsequent encounter for closed fracture with routine healing",
    }
    assert icd.get("S72.001S") is None  # defined in the XML but not in the order file
    assert icd.get("S72.001D").description.startswith("Fracture of unspecified part")  # type: ignore[union-attr]
    assert icd.get("E10").inclusion_terms == ("juvenile onset diabetes",)  # type: ignore[union-attr]
    kb = knowledge(date(2025, 3, 1))
    assert kb.icd10cm.version.label == "ICD-10-CM FY2025"
    found = scrub(
        Claim.from_codes("", dx="E11.A, E10.9", date_of_service=date(2025, 3, 1)),
        ["excludes1", "codes_exist"],
    )
    assert [f.source for f in found] == ["ICD-10-CM FY2025, Excludes1 at E11"]
    # the bundled FY2026 tabular still judges 2026 dates
    assert knowledge(date(2026, 5, 1)).icd10cm.version.bundled


def test_icd10cm_xml_alone_accepts_every_defined_seventh_character(coding_fixtures: Path) -> None:
    data = build_index(coding_fixtures / "icd10cm_tabular_2025.xml")
    icd = Icd10cmCodeSet(data, DataVersion("icd10cm", "t"))
    assert icd.get("S72.001S") is not None
    assert icd.get("S72.001A").description == (  # type: ignore[union-attr]
        "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture"
    )


def test_icd10cm_order_file_alone(coding_fixtures: Path) -> None:
    data = build_index(order_file=coding_fixtures / "icd10cm_order_2026.txt")
    icd = Icd10cmCodeSet(data, DataVersion("icd10cm", "order only"))
    assert icd.is_billable("A00.0") and not icd.is_billable("A00")
    assert icd.get("M54.51").description == "Vertebrogenic low back pain"  # type: ignore[union-attr]
    assert icd.children("M54.5") == ["M54.50", "M54.51", "M54.59"]
    assert icd.get("M54.52") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("00001 A00     2 Cholera\n", "order-file layout"),
        ("A00 Cholera\n", "order-file layout"),
    ],
)
def test_icd10cm_order_file_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "icd10cm_order_2025.txt"
    path.write_text(content, encoding="ascii")
    with pytest.raises(DataFileError, match=message):
        build_index(order_file=path)


def test_icd10cm_xml_errors(tmp_path: Path) -> None:
    path = tmp_path / "icd10cm_tabular_2025.xml"
    path.write_text("<other/>", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ICD10CM\.tabular"):
        build_index(path)
    path.write_text("<ICD10CM.tabular><chapter>", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a readable tabular XML"):
        build_index(path)


@pytest.mark.parametrize(
    ("note", "refs"),
    [
        ("type 1 diabetes mellitus (E10.-)", [("E10", "E10")]),
        ("gestational diabetes (O24.4-)", [("O244", "O244")]),
        ("neonatal diabetes mellitus (P70.2)", [("P702", "P702")]),
        ("certain infectious and parasitic diseases (A00-B99)", [("A00", "B99")]),
        ("alcohol use (F10.1-, F10.2-)", [("F101", "F101"), ("F102", "F102")]),
        ("diabetes NOS (without a code)", []),
        ("genetic disorder (QA0.-)", [("QA0", "QA0")]),
    ],
)
def test_excludes_note_code_references(note: str, refs: list[tuple[str, str]]) -> None:
    assert parse_code_refs(note) == refs


# ---------------------------------------------------------------------------------- CPT (AMA)


def test_ama_cpt_extends_the_codebook(coding_fixtures: Path, store_dir: Path) -> None:
    stored, book = import_ama_cpt(coding_fixtures / "LONGULT_2026_TEST.txt")
    assert stored.version.label == "CPT 2026 (AMA data file)"
    chole = book.get("47562")
    assert chole is not None and chole.description.startswith("TEST DESCRIPTOR 47562")
    assert chole.source == "ama" and chole.global_days == "090" and "lap chole" in chole.synonyms
    assert book.get("99999") is not None and book.get("0591T").section == "Category III"  # type: ignore[union-attr]
    assert len(book) == len(bundled_codebook()) + 2  # 99999 and 0591T added, 47562 extended
    kb = knowledge(date(2026, 3, 1))
    assert kb.cpt.get("99999") is not None
    assert scrub(Claim.from_codes("99999", date_of_service=date(2026, 3, 1)), ["codes_exist"]) == []


def test_ama_cpt_replace_mode_and_delimited_layout(coding_fixtures: Path, store_dir: Path) -> None:
    entries = list(read_ama_cpt(coding_fixtures / "ClinicianDescriptor_2026_TEST.txt"))
    assert [(e.code, e.description) for e in entries] == [
        ("47562", "TEST CLINICIAN DESCRIPTOR for 47562"),
        ("99999", "TEST CLINICIAN DESCRIPTOR for 99999"),
    ]
    _, book = import_ama_cpt(coding_fixtures / "ClinicianDescriptor_2026_TEST.txt", mode="replace")
    assert len(book) == 2 and book.get("29881") is None


def test_ama_cpt_unreadable_file(tmp_path: Path, store_dir: Path) -> None:
    path = tmp_path / "LONGULT.txt"
    path.write_text("nothing useful here\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no CPT codes found"):
        import_ama_cpt(path)


# ---------------------------------------------------------------------------------- PFS, MCE


def test_pfs_rvu_file_with_stacked_header(coding_fixtures: Path, store_dir: Path) -> None:
    stored, ind = import_pfs_rvu(coding_fixtures / "PPRRVU2026_Jul_nonQPP.csv")
    assert stored.version.label == "Medicare PFS indicators 2026 Jul"
    assert stored.version.effective_from == date(2026, 7, 1)
    assert len(ind) == 3
    row = ind.get("00142")
    assert row is not None and (row.status, row.global_days, row.bilateral, row.pctc) == (
        "J",
        "XXX",
        "9",
        "9",
    )
    assert (
        knowledge(date(2026, 8, 1)).fee_schedule.version.label == "Medicare PFS indicators 2026 Jul"
    )


def test_mce_lists_with_mce_titles(coding_fixtures: Path, store_dir: Path) -> None:
    stored, lists = import_mce(coding_fixtures / "mce_fy2025_lists.tsv")
    assert stored.version.label == "Medicare Code Editor FY2025"
    assert lists.edits("N40.0") == frozenset({"male", "adult"})
    assert lists.edits("G63") == frozenset({"manifestation"})
    found = scrub(
        Claim.from_codes("", dx="Z12.4", date_of_service=date(2025, 2, 1), sex="M"), ["age_sex"]
    )
    assert [f.source for f in found] == ["Medicare Code Editor FY2025, female-only diagnosis"]


# ---------------------------------------------------------------------------------- store


def test_store_lists_replaces_and_removes_datasets(coding_fixtures: Path, store_dir: Path) -> None:
    path = coding_fixtures / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"
    import_ncci_mue(path)
    import_ncci_mue(path)  # the same label replaces, not duplicates
    [ds] = list_datasets("mue", "practitioner")
    assert ds.rows == 6 and ds.version.source == path.name
    assert remove_dataset("mue", ds.version.label, "practitioner")
    assert list_datasets("mue") == []
    assert not remove_dataset("mue", ds.version.label, "practitioner")


def test_corrupt_prepared_index_is_a_clear_error(coding_fixtures: Path, store_dir: Path) -> None:
    stored, _ = import_ncci_mue(coding_fixtures / "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv")
    (stored.path / "data.pickle").write_bytes(b"not a pickle")
    with pytest.raises(DataFileError, match="re-import"):
        load_payload(stored)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240701", date(2024, 7, 1)),
        ("2024-07-01", date(2024, 7, 1)),
        ("07/01/2024", date(2024, 7, 1)),
        ("2024183", date(2024, 7, 1)),
        ("*", None),
        ("", None),
    ],
)
def test_cms_date_formats(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_bad_dates_are_data_errors() -> None:
    with pytest.raises(DataFileError, match="not a date"):
        parse_date("2024-13-45", source="f.tsv", line=3)


# ---------------------------------------------------------------------------------- helpers


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    """A minimal .xlsx: shared strings for text, numbers as numbers, one empty cell skipped."""
    strings: list[str] = []
    cells_xml = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if value == "":
                continue
            if value.isdigit() and r > 1:
                cells.append(
                    f'<c r="{ref}"><v>{value}.0</v></c>'
                    if c == 5
                    else f'<c r="{ref}"><v>{value}</v></c>'
                )
            else:
                strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        cells_xml.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<worksheet xmlns="{ns}"><sheetData>{"".join(cells_xml)}</sheetData></worksheet>'
    shared = f'<sst xmlns="{ns}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", shared)
