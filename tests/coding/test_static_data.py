"""Long-lived tables load with the collector paused, and are frozen out of later collections;
a note is coded with the collector paused."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from agentkit.coding.engine import coder
from agentkit.coding.static_data import collector_paused, static_load


def test_the_collector_is_paused_while_loading_and_restored_after() -> None:
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    with static_load():
        assert not gc.isenabled()
        with static_load():  # loaders call other loaders
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost load restores it
        table = [(str(i), i) for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen_before + len(table)


def test_a_failing_load_still_restores_the_collector() -> None:
    with pytest.raises(ValueError), static_load():
        raise ValueError("bad data file")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        with static_load():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_note_is_coded_with_the_collector_paused_and_it_runs_again_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    real = coder.cpt_result

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(coder, "cpt_result", spy)
    coder.code_cpt("PROCEDURE: Colonoscopy with snare polypectomy.")
    assert seen == [False]
    assert gc.isenabled()


def test_a_load_inside_a_paused_block_is_frozen_and_the_collector_restored() -> None:
    frozen_before = gc.get_freeze_count()
    with collector_paused():
        with static_load():
            table = [(str(i), i) for i in range(1000)]
        assert not gc.isenabled()  # the note goes on with the collector paused
        assert gc.get_freeze_count() >= frozen_before + len(table)
    assert gc.isenabled()


def test_a_failing_note_still_restores_the_collector() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad note")
    assert gc.isenabled()


def test_what_is_kept_for_the_notes_being_coded_is_dropped_when_none_is() -> None:
    from agentkit.coding import static_data
    from agentkit.coding.engine.text import note_ranges

    calls: list[bool] = []
    static_data.when_no_note_is_coded(lambda: calls.append(gc.isenabled()))
    try:
        with collector_paused():
            with collector_paused():
                pass
            assert calls == []  # a block still runs: nothing dropped yet
        assert calls == [False]  # dropped before the collector runs again
    finally:
        static_data._on_last_exit.pop()
    with collector_paused():
        coder.code_cpt("PROCEDURE: Colonoscopy with snare polypectomy. " * 20)
        assert note_ranges._RECENT  # a note's word sets, kept while notes are coded
    assert note_ranges._RECENT == []
