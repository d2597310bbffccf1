"""Concepts matched in groups give the rules the same mentions as one matcher of them all."""

from __future__ import annotations

from agentkit.coding.engine import analyze
from agentkit.coding.engine.cpt.concept_groups import TRIGGER_GROUP
from agentkit.coding.engine.cpt.matcher import NoteFacts, match_rules
from agentkit.coding.engine.cpt.ruleset import RULES_DIR, _expand_concepts, load_ruleset
from agentkit.coding.engine.text.phrases import PhraseSet

NOTE = (
    "PREOPERATIVE DIAGNOSIS: Recurrent right inguinal hernia.\n"
    "PROCEDURE PERFORMED: Right inguinal hernia repair with mesh; colonoscopy with snare "
    "polypectomy of two polyps.\n"
    "DESCRIPTION: The hernia sac was reduced and a mesh placed. The colonoscope was advanced "
    "to the cecum. Two polyps were removed with a hot snare. No biopsies were taken."
)


def test_groups_hold_each_concept_once_and_triggers_first() -> None:
    rs = load_ruleset([RULES_DIR / "common.yaml", RULES_DIR / "hernia.yaml"])
    groups = rs.groups
    assert next(iter(groups.matchers)) == TRIGGER_GROUP
    triggers = {k for rule in rs.rules for k in rule.triggers}
    assert triggers and all(groups.group_of[k] == TRIGGER_GROUP for k in triggers)
    others = set(groups.group_of) - triggers
    assert others and all(groups.group_of[k] == rs.concepts[k].family for k in others)


def test_mentions_are_those_of_one_matcher_of_every_concept() -> None:
    rs = load_ruleset()
    doc = analyze(NOTE)
    facts = NoteFacts(doc, rs)
    # the reference: one matcher of every concept, built from the rules as before groups
    everything: PhraseSet[str] = PhraseSet()
    for key, texts in _expand_concepts(rs.concepts).items():
        for p in texts:
            everything.add(p, key)
    expected: dict[str, list[tuple[int, int, str, str]]] = {}
    for m in doc.find(everything):
        concept = rs.concepts[m.payload]
        if concept.sections is None or m.section_kind in concept.sections:
            expected.setdefault(m.payload, []).append((m.start, m.end, m.phrase, m.status))
    assert expected
    for key, want in expected.items():
        got = [(m.start, m.end, m.phrase, m.status) for m in facts.of(key)]
        assert got == want, key
    assert set(facts.by_concept) == set(expected)


def test_a_family_is_matched_only_when_a_rule_asks_for_one_of_its_concepts() -> None:
    rs = load_ruleset()
    facts = NoteFacts(analyze(NOTE), rs)
    family_concept = next(
        k for k, g in rs.groups.group_of.items() if g == "hernia" and k.startswith("hernia.")
    )
    assert facts._matched == {TRIGGER_GROUP}
    facts.of(family_concept)
    assert facts._matched == {TRIGGER_GROUP, "hernia"}
    _, hits = match_rules(analyze(NOTE), rs)
    assert "45385" in {h.code for h in hits}
