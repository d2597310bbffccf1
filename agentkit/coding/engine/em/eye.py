"""Ophthalmological examination codes for an eye visit (92002/92004, 92012/92014).

An ophthalmologist may report an office visit with the eye examination codes instead of the
office E/M codes; the house rules use them for an eye doctor's examination. The examination is
recognised by its elements (``eye_exam`` in ``data/mdm.yaml``): visual acuity, the eye pressure,
the slit lamp and the fundus. It is comprehensive when the fundus is examined through a dilated
pupil along with the anterior segment and the sensorimotor examination or eye pressure (the
complete visual system), intermediate otherwise.
"""

from __future__ import annotations

from agentkit.coding.engine.em.cues import Cues, cues
from agentkit.coding.engine.text.document import Document, assertion_of

__all__ = ["eye_exam_code"]

_CODES = {
    ("new", False): "92002",
    ("new", True): "92004",
    ("established", False): "92012",
    ("established", True): "92014",
}


def _elements(doc: Document, c: Cues) -> set[str]:
    """The eye examination elements the note documents (not negated, not a family's)."""
    t = doc.tokens
    found: set[str] = set()
    for m in c.matcher("eye_exam").find_all(t.norms):
        s, e = t.starts[m.start], t.ends[m.end - 1]
        if assertion_of(doc, s, e).status in ("present", "historical", "uncertain"):
            found.add(m.payload[0])
    return found


def eye_exam_code(doc: Document, status: str, c: Cues | None = None) -> str | None:
    """The eye examination code of an office visit whose examination is an eye doctor's
    (visual acuity, with the eye pressure or the slit lamp, and three of acuity, pressure, slit
    lamp and fundus), else None."""
    found = _elements(doc, c or cues())
    core = found & {"acuity", "pressure", "slit_lamp", "fundus"}
    if "acuity" not in found or not found & {"pressure", "slit_lamp"} or len(core) < 3:
        return None
    comprehensive = {"dilated", "fundus", "slit_lamp"} <= found and bool(
        found & {"pressure", "sensorimotor"}
    )
    return _CODES[("new" if status == "new" else "established", comprehensive)]
