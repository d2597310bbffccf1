"""The coding checks specs name, run on a spec output through a CheckContext."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from agentkit.checks.claim_from_output import claim_from_output
from agentkit.checks.registry import CheckContext, get_check
from agentkit.spec.fields import FieldSpec


@pytest.fixture(autouse=True)
def _coding_dir(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("AGENTKIT_CODING_DIR", str(tmp_path_factory.getbasetemp() / "coding-checks"))


class Line(BaseModel):
    code: str
    modifiers: list[str] = []
    units: int = 1


class Dx(BaseModel):
    code: str


class Output(BaseModel):
    procedures: list[Line] = []
    diagnoses: list[Dx] = []


class Patient(BaseModel):
    sex: str | None = None
    age: int | None = None


class Inputs(BaseModel):
    note: str = "synthetic note"
    date_of_service: date | None = None
    patient: Patient | None = None


OUTPUT_FIELDS = {
    "procedures": FieldSpec(
        type="list",
        items=FieldSpec(
            type="object",
            fields={
                "code": FieldSpec(type="cpt"),
                "modifiers": FieldSpec(type="list", items=FieldSpec(type="modifier")),
                "units": FieldSpec(type="integer"),
            },
        ),
    ),
    "diagnoses": FieldSpec(
        type="list", items=FieldSpec(type="object", fields={"code": FieldSpec(type="icd10cm")})
    ),
}


def context(
    procedures: list[dict[str, object]],
    diagnoses: list[str] = (),  # type: ignore[assignment]
    dos: date | None = date(2024, 8, 1),
    sex: str | None = None,
    age: int | None = None,
) -> CheckContext:
    output = Output(
        procedures=[Line.model_validate(p) for p in procedures],
        diagnoses=[Dx(code=c) for c in diagnoses],
    )
    return CheckContext(
        spec_name="cpt_coding",
        inputs=Inputs(date_of_service=dos),
        output=output,
        output_fields=OUTPUT_FIELDS,
        input_fields={},
        date_of_service=dos,
        patient_sex=sex,
        patient_age=age,
    )


def run(name: str, ctx: CheckContext, **options: object) -> list[tuple[str, str | None, bool]]:
    check = get_check(name)
    assert check is not None, name
    opts = check.options_model.model_validate(options)
    return [(f.severity, f.path, f.reask) for f in check.run(ctx, opts)]


def test_every_coding_check_is_registered_with_options() -> None:
    for name in (
        "codes_exist",
        "ncci_ptp",
        "mue",
        "addon_has_primary",
        "modifiers_valid",
        "icd10cm_valid",
        "excludes1",
        "age_sex",
        "medical_necessity",
    ):
        check = get_check(name)
        assert check is not None and check.description
        assert "setting" in check.options_model.model_fields


def test_options_are_validated() -> None:
    check = get_check("ncci_ptp")
    assert check is not None
    assert check.options_model.model_validate({"setting": "hospital"}).setting == "hospital"  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        check.options_model.model_validate({"setting": "office"})
    with pytest.raises(ValidationError):
        check.options_model.model_validate({"settings": "hospital"})


def test_claim_is_built_from_the_output_with_paths() -> None:
    ctx = context(
        [{"code": "47562"}, {"code": "20610", "modifiers": ["59", "LT"], "units": 2}],
        ["K80.20"],
        sex="female",
        age=54,
    )
    claim = claim_from_output(ctx)
    assert [(ln.code, ln.modifiers, ln.units, ln.path) for ln in claim.lines] == [
        ("47562", (), 1, "procedures[0].code"),
        ("20610", ("59", "LT"), 2, "procedures[1].code"),
    ]
    assert [(d.code, d.path) for d in claim.diagnoses] == [("K80.20", "diagnoses[0].code")]
    assert (claim.sex, claim.age, claim.date_of_service) == ("F", 54, date(2024, 8, 1))
    assert claim_from_output(ctx) is claim  # built once per context


def test_ncci_ptp_points_at_the_column_2_line_and_reasks() -> None:
    ctx = context([{"code": "47562"}, {"code": "49320"}])
    assert run("ncci_ptp", ctx) == [("error", "procedures[1].code", True)]
    ctx = context([{"code": "45385"}, {"code": "45380"}])
    assert run("ncci_ptp", ctx) == [("error", "procedures[1].modifiers", True)]
    ctx = context([{"code": "45385"}, {"code": "45380", "modifiers": ["XS"]}])
    assert run("ncci_ptp", ctx) == [("info", "procedures[1].modifiers", False)]


def test_setting_option_selects_the_hospital_tables() -> None:
    ctx = context([{"code": "00142"}, {"code": "99213", "modifiers": ["25"]}])
    assert run("ncci_ptp", ctx) == [("error", "procedures[1].code", True)]
    assert run("ncci_ptp", ctx, setting="hospital") == [("info", "procedures[1].modifiers", False)]


def test_mue_points_at_units() -> None:
    ctx = context([{"code": "64483", "units": 2}])
    assert run("mue", ctx) == [("error", "procedures[0].units", True)]


def test_addon_and_modifier_checks() -> None:
    ctx = context([{"code": "11045"}, {"code": "47562", "modifiers": ["50"]}])
    assert run("addon_has_primary", ctx) == [("error", "procedures[0].code", True)]
    assert run("modifiers_valid", ctx) == [("error", "procedures[1].modifiers", True)]


def test_codes_exist_warns_for_codes_outside_the_codebook_and_errors_for_bad_icd() -> None:
    ctx = context([{"code": "99999"}, {"code": "47562"}], ["K80.29", "K80.20"])
    assert run("codes_exist", ctx) == [
        ("warning", "procedures[0].code", False),
        ("error", "diagnoses[0].code", True),
    ]


def test_diagnosis_checks() -> None:
    ctx = context([{"code": "99213"}], ["E11", "E10.9", "N40.0"], sex="female", age=40)
    assert run("icd10cm_valid", ctx) == [("error", "diagnoses[0].code", True)]
    assert run("excludes1", ctx) == [("error", "diagnoses[1].code", True)]
    assert run("age_sex", ctx) == [("error", "diagnoses[2].code", False)]


def test_medical_necessity_is_a_warning() -> None:
    ctx = context([{"code": "93880"}], ["R42"])
    assert run("medical_necessity", ctx) == [("warning", "procedures[0].code", False)]


def test_severity_and_reask_overrides_apply() -> None:
    ctx = context([{"code": "47562"}, {"code": "49320"}])
    assert run("ncci_ptp", ctx, severity="warning") == [("warning", "procedures[1].code", False)]
    assert run("ncci_ptp", ctx, reask=False) == [("error", "procedures[1].code", False)]


def test_empty_output_gives_no_findings() -> None:
    ctx = context([], [])
    for name in ("codes_exist", "ncci_ptp", "mue", "age_sex"):
        assert run(name, ctx) == []


def test_root_level_code_like_em_level() -> None:
    class EmOutput(BaseModel):
        code: str

    ctx = CheckContext(
        spec_name="em_level",
        inputs=Inputs(),
        output=EmOutput(code="99999"),
        output_fields={"code": FieldSpec(type="cpt")},
        input_fields={},
        date_of_service=date(2024, 8, 1),
    )
    assert run("codes_exist", ctx) == [("warning", "code", False)]


def test_bundled_cpt_spec_runs_the_coding_checks(repo: Path) -> None:
    import agentkit

    spec = agentkit.compile_spec(repo / "specs" / "cpt_coding.yaml")
    inputs = spec.Input(
        note="Laparoscopic cholecystectomy. Diagnostic laparoscopy.",
        date_of_service=date(2024, 8, 1),
        patient={"sex": "male", "age": 50},
    )
    output = spec.Output(
        procedures=[
            {
                "code": "47562",
                "modifiers": [],
                "units": 1,
                "evidence": "Laparoscopic cholecystectomy",
                "confidence": 0.9,
                "rationale": "Gallbladder removed laparoscopically.",
            },
            {
                "code": "49320",
                "modifiers": [],
                "units": 1,
                "evidence": "Diagnostic laparoscopy",
                "confidence": 0.9,
                "rationale": "Diagnostic look.",
            },
        ],
        diagnoses=[
            {"code": "K80.20", "evidence": "Laparoscopic cholecystectomy", "confidence": 0.9},
            {"code": "N83.201", "evidence": "Diagnostic laparoscopy", "confidence": 0.5},
        ],
    )
    found = {(f.check, f.path) for f in spec.run_checks(inputs, output)}
    assert found == {("ncci_ptp", "procedures[1].code"), ("age_sex", "diagnoses[1].code")}
