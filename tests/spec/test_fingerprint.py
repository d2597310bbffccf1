"""A fingerprint changes with meaning (rules, fields, templates), not with formatting."""

from __future__ import annotations

from pathlib import Path

import agentkit

GOOD = Path(__file__).parent.parent / "fixtures" / "specs" / "good" / "visit_summary.yaml"


def _fp(tmp_path: Path, text: str, name: str = "s.yaml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return agentkit.compile_spec(path).fingerprint


def test_fingerprint_is_a_sha256(tmp_path: Path) -> None:
    fp = _fp(tmp_path, GOOD.read_text())
    assert len(fp) == 64 and int(fp, 16) >= 0


def test_comments_blank_lines_and_yaml_style_do_not_change_it(tmp_path: Path) -> None:
    original = GOOD.read_text()
    base = _fp(tmp_path, original)
    commented = "# a new comment\n\n" + original.replace(
        "title: Summarise a visit", "title: Summarise a visit   # trailing comment"
    )
    assert _fp(tmp_path, commented, "b.yaml") == base
    flow_to_block = original.replace(
        "  note: {type: text, min: 1, description: The note.}",
        "  note:\n    description: The note.\n    type: text\n    min: 1",
    )
    assert _fp(tmp_path, flow_to_block, "c.yaml") == base
    rewrapped = original.replace(
        "  Pick the procedure codes a note documents and quote the words that support each one.",
        "  Pick the procedure codes a note documents\n  and quote the words that support each one.",
    )
    assert _fp(tmp_path, rewrapped, "d.yaml") == base
    rules_rewrapped = original.replace(
        "  - Code only what was done.", "  - Code only what\n    was done."
    )
    assert _fp(tmp_path, rules_rewrapped, "e.yaml") == base


def test_changing_a_rule_field_or_template_changes_it(tmp_path: Path) -> None:
    original = GOOD.read_text()
    base = _fp(tmp_path, original)
    rule = original.replace("Code only what was done.", "Code only what was completed.")
    field = original.replace(
        "units: {type: integer, min: 1, default: 1}", "units: {type: integer, min: 1, default: 2}"
    )
    template = original + "prompt:\n  user: |\n    {{ inputs.note | fence('note') }}\n"
    check = original.replace(
        "checks: [quotes_in_source, no_duplicate_codes]", "checks: [quotes_in_source]"
    )
    fps = {_fp(tmp_path, t, f"{i}.yaml") for i, t in enumerate([rule, field, template, check])}
    assert base not in fps and len(fps) == 4
