"""Long-lived tables load with the collector paused, and are frozen out of later collections."""

from __future__ import annotations

import gc

import pytest

from agentkit.coding.static_data import static_load


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
