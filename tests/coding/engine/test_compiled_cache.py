"""Compiled rule data is reused between processes and never loaded stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentkit.coding.engine.compiled_cache import KEEP_PER_NAME, cache_dir, load_or_compile


def test_compiled_once_then_loaded_and_recompiled_when_a_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "rules.yaml"
    source.write_text("a: 1\n")
    code = tmp_path / "compiler.py"
    code.write_text("# v1\n")
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"value": len(calls)}

    first = load_or_compile("demo", [source], [code], build, dict)
    again = load_or_compile("demo", [source], [code], build, dict)
    assert first == again == {"value": 1} and len(calls) == 1
    assert len(list((tmp_path / "cache").glob("demo-*.pickle"))) == 1

    source.write_text("a: 2\n")
    assert load_or_compile("demo", [source], [code], build, dict) == {"value": 2}
    code.write_text("# v2\n")
    assert load_or_compile("demo", [source], [code], build, dict) == {"value": 3}


def test_unwritable_cache_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setenv("AGENTKIT_CACHE_DIR", str(blocker / "cache"))
    source = tmp_path / "rules.yaml"
    source.write_text("a: 1\n")
    assert load_or_compile("demo", [source], [], lambda: [1, 2], list) == [1, 2]
    assert cache_dir() == blocker / "cache"


def test_a_damaged_cache_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENTKIT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "rules.yaml"
    source.write_text("a: 1\n")
    load_or_compile("demo", [source], [], lambda: {"ok": True}, dict)
    (target,) = tmp_path.glob("demo-*.pickle")
    target.write_bytes(b"not a pickle")
    assert load_or_compile("demo", [source], [], lambda: {"ok": "again"}, dict) == {"ok": "again"}


def test_only_the_newest_entries_of_a_name_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTKIT_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "rules.yaml"
    other = tmp_path / "other.yaml"
    other.write_text("b: 1\n")
    load_or_compile("other", [other], [], lambda: {"other": True}, dict)
    for version in range(KEEP_PER_NAME + 3):
        source.write_text(f"a: {version}\n")
        value = {"v": version}
        assert load_or_compile("demo", [source], [], value.copy, dict) == value
    kept = list((tmp_path / "cache").glob("demo-*.pickle"))
    assert len(kept) == KEEP_PER_NAME
    # the newest compilation is among those kept: it loads without compiling again
    newest = load_or_compile("demo", [source], [], lambda: {"v": -1}, dict)
    assert newest == {"v": KEEP_PER_NAME + 2}
    # entries of another name are not touched
    assert len(list((tmp_path / "cache").glob("other-*.pickle"))) == 1
