"""The concepts of the rule files, matched in groups so that a note pays only for what it uses.

A note names the triggers of a few dozen rules out of thousands; only those rules are
evaluated, and they ask for the concepts of their own family (the qualifiers, anatomy and
modifiers) and the shared ones. So the triggers of every rule are one phrase matcher, run on
every note, and the other concepts one matcher per family (the family whose file defines
them), run on a note the first time one of its concepts is asked for. A concept's mentions
are the same as from one matcher of everything: matching is per phrase, and a group holds
all the phrases of its concepts in their order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from agentkit.coding.engine.text.phrases import PhraseSet

__all__ = ["TRIGGER_GROUP", "ConceptGroups"]

#: The group of the concepts that trigger rules (a concept that triggers no rule belongs to
#: the group of its family).
TRIGGER_GROUP = "~triggers"


@dataclass
class ConceptGroups:
    """Phrase matchers by group, and the group of each concept key."""

    matchers: dict[str, PhraseSet[str]] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, concepts: Iterable[tuple[str, Iterable[str], str]]) -> ConceptGroups:
        """From ``(concept key, its expanded phrases, its group)`` in concept order."""
        groups = cls({TRIGGER_GROUP: PhraseSet()})
        for key, phrases, group in concepts:
            matcher = groups.matchers.setdefault(group, PhraseSet())
            for phrase in phrases:
                matcher.add(phrase, key)
            groups.group_of[key] = group
        return groups
