"""The coding knowledge one note is coded with, looked up once per note.

``agentkit.coding.knowledge(dos)`` checks the coding data directory on disk each time (so that
an import is seen at once); the stages of one note ask for it several times, and all of them
should see the same data anyway.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from agentkit.coding.engine.text.document import Document

if TYPE_CHECKING:
    from agentkit.coding.knowledge import CodingKnowledge

__all__ = ["note_knowledge"]


def note_knowledge(doc: Document, dos: date | None) -> CodingKnowledge:
    """``knowledge(dos)`` as first looked up for ``doc``."""
    key = f"knowledge:{dos.isoformat() if dos is not None else ''}"
    found: CodingKnowledge | None = doc.memo.get(key)
    if found is None:
        from agentkit.coding.knowledge import knowledge

        found = knowledge(dos)
        doc.memo[key] = found
    return found
