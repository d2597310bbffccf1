"""Neurodiagnostic rules: NCS by a stated count or the studies a results list names, limited vs
complete EMG with NCS, EMG alone by limbs, extended and long-term EEG by stated length, and no
study billed from a visit note."""

from __future__ import annotations

from agentkit.coding.engine.coder import code_cpt


def _lines(note: str) -> dict[str, int]:
    return {p["code"]: p["units"] for p in code_cpt(note)["procedures"]}


def test_stated_number_of_studies_picks_the_ncs_range_and_emg_units_per_limb() -> None:
    note = (
        "ELECTRODIAGNOSTIC REPORT\n"
        "REFERRAL: Hand paresthesias, worse when driving.\n"
        "NERVE CONDUCTION STUDIES: Six nerve conduction studies were performed. The right median "
        "sensory latency is prolonged. Ulnar responses and F waves are normal.\n"
        "NEEDLE EMG: Needle EMG was performed on the right arm with a concentric needle and "
        "showed normal motor units.\n"
        "IMPRESSION: Mild right carpal tunnel syndrome.\n"
    )
    lines = _lines(note)
    assert lines.get("95909") == 1
    assert lines.get("95886") == 1
    assert not {"95907", "95908", "95910", "95860"} & lines.keys()


def test_nerve_studies_without_a_stated_number_get_no_ncs_range() -> None:
    note = (
        "NERVE CONDUCTION REPORT\n"
        "NERVE CONDUCTION STUDIES: Motor and sensory latencies, amplitudes and velocities are "
        "normal in the left leg. The H reflex is present.\n"
        "IMPRESSION: Normal study of the left leg.\n"
    )
    lines = _lines(note)
    assert not {"95907", "95908", "95909", "95910", "95911", "95912", "95913"} & lines.keys()


def test_limited_emg_with_ncs_replaces_the_complete_study() -> None:
    note = (
        "EMG AND NERVE CONDUCTION REPORT\n"
        "INDICATION: Numb lateral thigh.\n"
        "NERVE CONDUCTION STUDIES: Two sensory nerves were studied in the right leg; the lateral "
        "femoral cutaneous response is absent.\n"
        "NEEDLE EMG: A limited needle EMG examination of the right leg was performed and was "
        "normal.\n"
        "IMPRESSION: Right meralgia paresthetica.\n"
    )
    lines = _lines(note)
    assert lines.get("95907") == 1
    assert lines.get("95885") == 1
    assert "95886" not in lines


def test_emg_alone_of_three_limbs_and_extended_eeg() -> None:
    emg = (
        "ELECTROMYOGRAPHY REPORT\n"
        "PROCEDURE: Needle EMG was performed on three extremities, both legs and the left arm, "
        "using a concentric needle. It showed chronic reinnervation in L5 muscles.\n"
        "IMPRESSION: Bilateral chronic L5 radiculopathy.\n"
    )
    assert _lines(emg) == {"95863": 1}
    eeg = (
        "EEG REPORT\n"
        "TECHNIQUE: Digital EEG with 70 minutes of recording using the 10-20 system. "
        "Hyperventilation was performed.\n"
        "DESCRIPTION: The background shows a 10 Hz alpha rhythm. Stage 2 sleep with sleep "
        "spindles is recorded. No epileptiform activity.\n"
        "IMPRESSION: Normal awake and asleep EEG.\n"
    )
    assert _lines(eeg) == {"95813": 1}


def test_a_visit_note_that_mentions_past_studies_bills_none_of_them() -> None:
    note = (
        "NEUROLOGY CLINIC VISIT\n"
        "HISTORY OF PRESENT ILLNESS: Follow-up of epilepsy. Her EEG last month showed sharp "
        "waves during sleep, and four nerve conduction studies last year were normal.\n"
        "EXAMINATION: Alert and oriented, strength full.\n"
        "ASSESSMENT AND PLAN: Focal epilepsy, continue current medication. Repeat EEG later.\n"
    )
    lines = _lines(note)
    studies = {"95812", "95813", "95816", "95819", "95822", "95907", "95908", "95885", "95886"}
    assert not studies & lines.keys()


def test_listed_nerve_studies_are_counted_once_each_with_their_side() -> None:
    note = (
        "ELECTRODIAGNOSTIC REPORT\n"
        "NERVE CONDUCTION STUDIES:\n"
        "1. Left ulnar sensory response: latency 3.1 ms, amplitude 18 uV.\n"
        "2. Right ulnar sensory response: latency 3.0 ms, amplitude 20 uV.\n"
        "3. Left ulnar motor response: latency 2.9 ms, velocity 55 m/s.\n"
        "4. Right ulnar motor response: latency 3.0 ms, velocity 57 m/s.\n"
        "5. Left median motor response: latency 3.6 ms.\n"
        "NEEDLE EMG: Needle EMG of the left arm using a concentric needle was normal.\n"
        "IMPRESSION: Normal ulnar motor responses; no left ulnar neuropathy.\n"
    )
    lines = _lines(note)
    # five different studies (the impression's unsided 'ulnar motor' repeats a listed one)
    assert lines.get("95909") == 1
    assert lines.get("95886") == 1
    assert not {"95907", "95908", "95910"} & lines.keys()


def test_a_narrative_study_with_needle_emg_keeps_both_lines_for_review() -> None:
    note = (
        "EMG REPORT\n"
        "NERVE CONDUCTION STUDIES: Motor and sensory distal latencies, amplitudes and "
        "conduction velocities are normal in both legs.\n"
        "NEEDLE EMG: Needle EMG was performed on the right leg using a concentric needle and "
        "showed fibrillations in S1 muscles.\n"
        "IMPRESSION: Right S1 radiculopathy.\n"
    )
    procs = {p["code"]: p for p in code_cpt(note)["procedures"]}
    assert set(procs) == {"95910", "95886"}
    assert procs["95910"]["confidence"] < 0.85  # the number of studies is a guess: review


def test_long_term_eeg_by_stated_hours_and_video() -> None:
    video = (
        "VIDEO EEG MONITORING REPORT\n"
        "DESCRIPTION: About 30 hours of continuous video EEG monitoring were recorded. The "
        "background shows a 9 Hz alpha rhythm; sleep spindles are present.\n"
        "IMPRESSION: Normal long-term video EEG; no events captured.\n"
    )
    assert _lines(video) == {"95720": 1}
    ambulatory = (
        "AMBULATORY EEG REPORT\n"
        "DESCRIPTION: 48 hours of ambulatory EEG recording without video. The background is a "
        "10 Hz alpha rhythm with occasional left temporal sharp waves.\n"
        "IMPRESSION: Abnormal ambulatory EEG.\n"
    )
    assert _lines(ambulatory) == {"95721": 1}


def test_non_limb_muscles_and_repetitive_stimulation_are_their_own_lines() -> None:
    note = (
        "ELECTRODIAGNOSTIC REPORT\n"
        "REFERRAL: Progressive weakness and slurred speech.\n"
        "NERVE CONDUCTION STUDIES: Eight nerve conduction studies were performed in the right "
        "arm and leg. Repetitive nerve stimulation of the right ulnar nerve showed no decrement.\n"
        "NEEDLE EMG: Needle EMG was performed on both legs, the thoracic "
        "paraspinal muscles and the tongue with a concentric needle; fasciculations and "
        "fibrillations were seen in all regions.\n"
        "IMPRESSION: Widespread active and chronic denervation in three regions.\n"
    )
    lines = _lines(note)
    assert lines.get("95910") == 1
    assert lines.get("95887") == 1
    assert lines.get("95937") == 1
    assert lines.get("95886") == 2


def test_evoked_potential_reports_by_limbs_and_no_code_for_intraoperative_monitoring() -> None:
    both = (
        "SOMATOSENSORY EVOKED POTENTIAL REPORT\n"
        "TECHNIQUE: Median nerve SSEPs were recorded at Erb's point, the cervical spine and the "
        "scalp; posterior tibial nerve SSEPs were recorded at the popliteal fossa and the scalp.\n"
        "FINDINGS: The N20 and P37 latencies are normal and symmetric.\n"
        "IMPRESSION: Normal upper and lower limb somatosensory evoked potentials.\n"
    )
    assert _lines(both) == {"95938": 1}
    vep = (
        "VISUAL EVOKED POTENTIAL REPORT\n"
        "TECHNIQUE: Pattern reversal VEPs with a checkerboard stimulus, each eye tested.\n"
        "IMPRESSION: Prolonged P100 latency on the left, consistent with left optic neuropathy.\n"
    )
    assert _lines(vep) == {"95930": 1}
    surgery = (
        "PROCEDURE: L4-L5 laminectomy.\n"
        "DESCRIPTION: Baseline SSEPs and MEPs were obtained by the neuromonitoring technologist "
        "and intraoperative monitoring remained stable. The L4 lamina was removed and the thecal "
        "sac decompressed.\n"
    )
    assert not {"95925", "95926", "95938", "95939"} & _lines(surgery).keys()
