"""Rebuild the compact CMS-derived data files shipped in ``agentkit/coding/data/``.

Maintainers run this when the shared research data is refreshed::

    python scripts/build_bundled_coding_data.py [--shared /work/shared/data]

It reads the public CMS tables re-serialised in ``shared/data`` (see its SOURCES.md) and writes
the bundled subsets in agentkit's own TSV layouts (documented in docs/coding-knowledge.md). It
also refreshes the CMS-owned columns of ``cpt_codebook.tsv`` (global days, bilateral, multiple
procedure and assistant indicators, add-on type and primaries) and refuses a codebook code that
the fee-schedule file does not know. Descriptions, synonyms and RVUs in the codebook are
hand-written and left untouched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agentkit.coding.datafile import bundled, read_tsv, write_tsv  # noqa: E402

CMS_NOTE = (
    "Public CMS data re-serialised by scripts/build_bundled_coding_data.py; do not hand-edit,\n"
    "re-run the script or import the current CMS file (docs/coding-knowledge.md)."
)

# --------------------------------------------------------------------------- modifier categories
_HCPCS_MODIFIER_CATEGORY: dict[str, str] = {}
for _m in ["E1", "E2", "E3", "E4", "FA", "TA", "LC", "LD", "LM", "RC", "RI", "RT", "LT"]:
    _HCPCS_MODIFIER_CATEGORY[_m] = "anatomic"
for _i in range(1, 10):
    _HCPCS_MODIFIER_CATEGORY[f"F{_i}"] = "anatomic"
    _HCPCS_MODIFIER_CATEGORY[f"T{_i}"] = "anatomic"
_HCPCS_MODIFIER_CATEGORY.update(
    {m: "distinct_service" for m in ["XE", "XP", "XS", "XU"]}
    | {"TC": "component", "AS": "assistant_surgeon"}
    | {m: "anesthesia" for m in ["AA", "AD", "G8", "G9", "QK", "QS", "QX", "QY", "QZ"]}
    | {m: "anesthesia" for m in ["P1", "P2", "P3", "P4", "P5", "P6"]}
    | {m: "telehealth" for m in ["GT", "GQ", "FQ", "FR", "G0"]}
    | {m: "payer_liability" for m in ["GA", "GU", "GX", "GY", "GZ", "GK", "GL"]}
    | {m: "drug" for m in ["JW", "JZ", "JG", "TB", "JA", "JB", "JC", "JD", "JE", "JF", "JK", "JL"]}
    | {m: "drug" for m in ["KO", "KP", "KQ", "EA", "EB", "EC", "EJ"]}
    | {m: "therapy" for m in ["GN", "GO", "GP", "CO", "CQ", "KX"]}
    | {m: "teaching" for m in ["GC", "GE", "GR"]}
    | {m: "laboratory" for m in ["QW", "QP", "L1"]}
    | {m: "evaluation_management" for m in ["FS", "FT", "AI"]}
    | {
        m: "imaging"
        for m in ["CT", "FX", "FY", "MA", "MB", "MC", "MD", "ME", "MF", "MG", "MH", "QQ"]
    }
    | {m: "clinical_trial" for m in ["Q0", "Q1"]}
    | {m: "ambulance" for m in ["GM", "QL", "QM", "QN"]}
    | {m: "never_event" for m in ["PA", "PB", "PC"]}
)


# Which side of the body an anatomic modifier names (digits, eyelids and RT/LT).
_SIDE: dict[str, str] = {m: "left" for m in ["LT", "FA", "F1", "F2", "F3", "F4", "TA", "T1", "T2"]}
_SIDE.update({m: "left" for m in ["T3", "T4", "E1", "E2"]})
_SIDE.update({m: "right" for m in ["RT", "F5", "F6", "F7", "F8", "F9", "T5", "T6", "T7", "T8"]})
_SIDE.update({m: "right" for m in ["T9", "E3", "E4"]})


def _hcpcs_modifier_category(code: str) -> str:
    if code in _HCPCS_MODIFIER_CATEGORY:
        return _HCPCS_MODIFIER_CATEGORY[code]
    if code[0] == "H":
        return "behavioral_health_program"
    if code[0] == "U" and code[1] in "123456789ABCD":
        return "medicaid_level_of_care"
    if code[0] == "K":
        return "dmepos"
    if code[0] == "A" and code[1].isdigit():
        return "dmepos"
    return "other"


def build_modifiers(shared: Path) -> None:
    rows: dict[str, list[str]] = {}
    for _, r in read_tsv(shared / "hcpcs-level2-modifiers-2024.tsv", ["modifier", "description"]):
        code = r["modifier"].upper()
        if code in rows:  # CMS lists a few modifiers under two northstar groups; keep one
            continue
        category = _hcpcs_modifier_category(code)
        side = _SIDE.get(code, "")
        bypass = "Y" if category in ("anatomic", "distinct_service") else ""
        rows[code] = [code, category, side, bypass, r["description"], "", ""]
    write_tsv(
        bundled("modifiers_hcpcs.tsv"),
        ["modifier", "category", "side", "ptp_bypass", "description", "effective", "terminated"],
        [rows[k] for k in sorted(rows)],
        "HCPCS Level II modifiers, CMS 2024 file (descriptions are CMS public text).\n"
        "category, side and ptp_bypass (an NCCI-associated modifier that can bypass a PTP edit\n"
        "with modifier indicator 1) are agentkit's columns used by the edits; edit if needed.",
    )


def build_hcpcs(shared: Path) -> None:
    out = []
    for _, r in read_tsv(shared / "hcpcs-level2-2024.tsv", ["hcpcs_code"]):
        out.append(
            [
                r["hcpcs_code"],
                r["short_description"],
                r["long_description"],
                r["date_added"],
                r["date_term"],
                r["action"],
                r["date_action"],
                r["cov"],
                r["betos"],
            ]
        )
    write_tsv(
        bundled("hcpcs_level2.tsv.gz"),
        [
            "code",
            "short_description",
            "long_description",
            "added",
            "terminated",
            "action",
            "action_effective",
            "coverage",
            "betos",
        ],
        out,
        "HCPCS Level II codes, CMS HCPC2024_JUL_ANWEB (all A-V codes incl. terminated ones).\n"
        + CMS_NOTE,
    )


PFS_COLUMNS = {
    "HCPCS": "code",
    "MOD": "modifier",
    "STATUS CODE": "status",
    "PCTC IND": "pctc",
    "GLOB DAYS": "global_days",
    "MULT PROC": "multiple_procedure",
    "BILAT SURG": "bilateral",
    "ASST SURG": "assistant",
    "CO SURG": "co_surgery",
    "TEAM SURG": "team_surgery",
    "ENDO BASE": "endo_base",
}


def build_pfs(shared: Path) -> dict[str, dict[str, str]]:
    out = []
    by_code: dict[str, dict[str, str]] = {}
    for _, r in read_tsv(shared / "pfs-rvu-indicators-2024-07.tsv", list(PFS_COLUMNS)):
        row = {new: r[old] for old, new in PFS_COLUMNS.items()}
        out.append([row[c] for c in PFS_COLUMNS.values()])
        if not row["modifier"]:
            by_code[row["code"]] = row
    write_tsv(
        bundled("pfs_indicators.tsv.gz"),
        list(PFS_COLUMNS.values()),
        out,
        "Medicare Physician Fee Schedule payment-policy indicators, RVU24C (July 2024).\n"
        "No descriptors and no RVUs. " + CMS_NOTE,
    )
    return by_code


def build_ptp(shared: Path) -> None:
    header = [
        "column_1",
        "column_2",
        "existed_before_1996",
        "effective_date",
        "deletion_date",
        "modifier_indicator",
        "rationale",
    ]
    for setting, name in (("practitioner", "practitioner"), ("hospital", "hospital")):
        out = []
        for _, r in read_tsv(
            shared / f"ncci-ptp-{name}-sample.tsv",
            ["column_1", "column_2", "deletion_date", "modifier_indicator"],
        ):
            out.append(
                [
                    r["column_1"],
                    r["column_2"],
                    "",  # not in the source: unknown, never inferred
                    "",  # not in the source: unknown, never inferred
                    r["deletion_date"],
                    r["modifier_indicator"],
                    r["ptp_edit_rationale"],
                ]
            )
        write_tsv(
            bundled(f"ncci_ptp_{setting}.tsv.gz"),
            header,
            out,
            f"NCCI PTP edits, {setting}, v30.2 (effective 2024-07-01): the subset of pairs around\n"
            "common procedures. existed_before_1996 and effective_date are blank because the\n"
            "re-serialised source lacks them. " + CMS_NOTE,
        )


def build_mue(shared: Path) -> None:
    for setting, label, column in (
        ("practitioner", "practitioner", "Practitioner Services MUE Values"),
        ("hospital", "hospital", "Outpatient Hospital Services MUE Values"),
    ):
        out = []
        for _, r in read_tsv(shared / f"ncci-mue-{label}-2024q3.tsv", ["HCPCS/CPT Code", column]):
            mai = r["MUE Adjudication Indicator"].split(" ", 1)[0]
            out.append([r["HCPCS/CPT Code"], r[column], mai, r["MUE Rationale"]])
        write_tsv(
            bundled(f"ncci_mue_{setting}.tsv.gz"),
            ["code", "mue_value", "mai", "rationale"],
            out,
            f"NCCI MUE table, {setting} services, effective 2024-07-01. " + CMS_NOTE,
        )


def build_aoc(shared: Path) -> dict[str, tuple[str, list[str]]]:
    out = []
    by_addon: dict[str, tuple[str, list[str]]] = {}
    for _, r in read_tsv(shared / "ncci-aoc-2024q3.tsv", ["add_on_code", "primary_code"]):
        out.append([r["add_on_code"], r["primary_code"], r["aoc_edit_type"], "", ""])
        _kind, prims = by_addon.setdefault(r["add_on_code"], (r["aoc_edit_type"], []))
        prims.append(r["primary_code"])
    write_tsv(
        bundled("ncci_aoc.tsv.gz"),
        ["add_on_code", "primary_code", "edit_type", "effective_date", "deletion_date"],
        out,
        "NCCI add-on code edits in force mid-2024 (active pairs only; CCCCC = primaries\n"
        "defined by the Medicare contractor). " + CMS_NOTE,
    )
    return by_addon


_MCE_RULES = {
    "Perinatal/Newborn (Age 0 Only)": "newborn",
    "Pediatric (Ages 0-17)": "pediatric",
    "Maternity (Ages 9-64)": "maternity",
    "Adult (Ages 15-124)": "adult",
    "Female Only": "female",
    "Male Only": "male",
    "Manifestation (Not Allowed as Principal Diagnosis)": "manifestation",
}


def build_mce(shared: Path) -> None:
    out = []
    unknown: set[str] = set()
    for _, r in read_tsv(shared / "mce-age-sex-edits-v41.1.tsv", ["icd10cm_code", "conflict_rule"]):
        rule = _MCE_RULES.get(r["conflict_rule"])
        if rule is None:
            unknown.add(r["conflict_rule"])
            continue
        out.append([r["icd10cm_code"], rule])
    if unknown:
        raise SystemExit(f"unknown MCE rules: {sorted(unknown)}")
    write_tsv(
        bundled("mce_edits.tsv.gz"),
        ["code", "edit"],
        out,
        "Medicare Code Editor v41.1 (FY2024) age, sex and manifestation lists for ICD-10-CM.\n"
        + CMS_NOTE,
    )


def refresh_codebook(pfs: dict[str, dict[str, str]], aoc: dict[str, tuple[str, list[str]]]) -> None:
    path = bundled("cpt_codebook.tsv")
    text = path.read_text(encoding="utf-8")
    comments = [ln for ln in text.splitlines() if ln.startswith("#")]
    rows = list(read_tsv(path, ["code"]))
    header = next(ln for ln in text.splitlines() if ln and not ln.startswith("#")).split("\t")
    problems = []
    seen = set()
    out = []
    for line, row in rows:
        code = row["code"]
        if code in seen:
            problems.append(f"line {line}: {code} listed twice")
        seen.add(code)
        ind = pfs.get(code)
        if ind is None:
            if not row.get("terminated"):
                problems.append(
                    f"line {line}: {code} is not in the July 2024 fee-schedule file "
                    "(give it a 'terminated' date or remove it)"
                )
        else:
            row["global_days"] = ind["global_days"]
            row["bilateral"] = ind["bilateral"]
            row["multiple_procedure"] = ind["multiple_procedure"]
            row["assistant"] = ind["assistant"]
        if code in aoc:
            kind, prims = aoc[code]
            row["add_on"] = "Y"
            row["addon_type"] = kind
            row["primaries"] = " ".join(sorted(set(prims)))
        elif row.get("global_days") == "ZZZ":
            row["add_on"] = "Y"
        out.append([row.get(h, "") for h in header])
    if problems:
        raise SystemExit("cpt_codebook.tsv:\n  " + "\n  ".join(problems))
    out.sort(key=lambda r: r[0])
    write_tsv(path, header, out, "\n".join(c[2:] for c in comments))
    print(f"cpt_codebook.tsv: {len(out)} codes refreshed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--codebook-only", action="store_true")
    args = parser.parse_args()
    shared: Path = args.shared
    if not shared.is_dir():
        raise SystemExit(f"{shared} is not a directory of the shared CMS data")
    if not args.codebook_only:
        build_modifiers(shared)
        build_hcpcs(shared)
        build_ptp(shared)
        build_mue(shared)
        build_mce(shared)
    pfs = build_pfs(shared)
    aoc = build_aoc(shared)
    if bundled("cpt_codebook.tsv").exists():
        refresh_codebook(pfs, aoc)
    print("bundled data written to", bundled(""))


if __name__ == "__main__":
    main()
