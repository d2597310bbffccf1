"""Nerve conduction studies counted from the nerves a results list names need the words of an
electrodiagnostic study in the note (latency, amplitude, conduction velocity, EMG ...): an
operative story that names a nerve with "sensory" ("the dorsal ulnar sensory branches were
retracted") is no study. A results list with its latencies is still counted."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def codes(note: str) -> list[str]:
    return [p["code"] for p in code_cpt(note)["procedures"]]


def test_sensory_branches_retracted_at_an_operation_are_no_study() -> None:
    note = (
        "PREOPERATIVE DIAGNOSIS: Dorsal ganglion, right wrist.\n"
        "DESCRIPTION OF PROCEDURE: The patient was placed supine and the right arm was prepped "
        "and draped. A transverse "
        "incision was made over the dorsal wrist mass. The dorsal ulnar sensory branches and "
        "the radial sensory branches were dissected and retracted out of the field. The cyst "
        "was traced to the scapholunate ligament and excised. The skin was closed.\n"
    )
    assert not [c for c in codes(note) if c.startswith("959")]


def test_results_list_with_latencies_is_counted() -> None:
    note = (
        "NERVE CONDUCTION STUDIES:\n"
        "Right median sensory: peak latency 4.2 ms, amplitude 12 uV.\n"
        "Right ulnar sensory: peak latency 2.9 ms, amplitude 20 uV.\n"
        "Right median motor: distal latency 5.1 ms, amplitude 6 mV, conduction velocity 50 m/s.\n"
        "IMPRESSION: Right median neuropathy at the wrist, moderate.\n"
    )
    assert "95908" in codes(note)
