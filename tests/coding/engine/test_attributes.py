"""Laterality, approach, sizes, counts and spine levels, with offsets into the note."""

from __future__ import annotations

from agentkit.coding.engine import (
    analyze,
    approaches,
    converted_to_open,
    count_before,
    foramen_count,
    interspace_count,
    numbers,
    sides,
    sides_summary,
    sizes,
    spine_levels,
)


def test_sides_skip_left_the_verb_and_right_angle_clamps() -> None:
    note = "Right knee. The drain was left in place. A right-angle clamp was used. Left wrist."
    doc = analyze(note)
    found = sides(doc)
    assert [(s.side, note[s.start : s.end]) for s in found] == [
        ("right", "Right"),
        ("left", "Left"),
    ]


def test_bilateral_forms() -> None:
    for text in ("Bilateral myringotomy.", "Tubes placed in both ears.", "Right and left ears."):
        assert sides_summary(sides(analyze(text))) == "bilateral", text
    assert sides_summary(sides(analyze("Right ear. Left ear."))) == "bilateral"
    assert sides_summary(sides(analyze("Right ear."))) == "right"
    assert sides_summary(sides(analyze("The ear."))) is None


def test_approaches_and_conversion() -> None:
    doc = analyze("Laparoscopic appendectomy was converted to open appendectomy.")
    assert {a.approach for a in approaches(doc)} == {"laparoscopic", "open"}
    assert converted_to_open(doc)
    assert not converted_to_open(analyze("Laparoscopic appendectomy."))


def test_sizes_in_centimetres() -> None:
    note = "A 1.5 x 2 cm lesion, a 5-mm polyp, a 1 to 2 cm nodule and 12 millimeters."
    found = sizes(analyze(note))
    assert [s.dims_cm for s in found] == [(1.5, 2.0), (0.5,), (1.0, 2.0), (1.2,)]
    assert found[0].largest_cm == 2.0
    assert note[found[1].start : found[1].end] == "5-mm"


def test_numbers_and_count_before_a_noun() -> None:
    doc = analyze("Two small polyps and 3 biopsies.")
    assert [n.value for n in numbers(doc)] == [2, 3]
    polyps = doc.tokens.norms.index("polyps")
    found = count_before(doc, polyps)
    assert found is not None and found.value == 2
    assert count_before(doc, 0) is None


def test_a_count_joined_to_another_noun_is_not_the_next_ones() -> None:
    doc = analyze("Shave biopsies of two lesions and punch biopsy of the leg.")
    punch = doc.tokens.norms.index("punch")
    assert count_before(doc, punch) is None
    doc = analyze("Two punch biopsies were taken.")
    found = count_before(doc, doc.tokens.norms.index("punch"))
    assert found is not None and found.value == 2


def test_a_compound_number_word_is_one_count() -> None:
    doc = analyze("Twenty-two skin tags and thirty one warts, then twenty lesions.")
    assert [n.value for n in numbers(doc)] == [22, 31, 20]
    tags = doc.tokens.norms.index("skin")
    found = count_before(doc, tags)
    assert found is not None and found.value == 22


def test_measurements_list_numbers_and_decimals_are_not_counts() -> None:
    doc = analyze("FINDINGS:\n4. A 3 mm punch biopsy.\nA lesion of 2.5 cm x 2 lesions.\n")
    norms = doc.tokens.norms
    assert count_before(doc, norms.index("punch")) is None  # "4." item, "3 mm" size
    lesions = len(norms) - 1 - norms[::-1].index("lesions")
    found = count_before(doc, lesions)
    assert found is not None and found.value == 2
    doc = analyze("Size 2.5 keratoses treated.")
    assert count_before(doc, doc.tokens.norms.index("keratoses")) is None


def test_spine_levels_and_interspaces() -> None:
    doc = analyze("Discectomy at C5-C6 and C6-7; fusion C4 through C7. L5-S1 normal.")
    levels = spine_levels(doc)
    assert [(lv.first, lv.last) for lv in levels] == [
        ("C5", "C6"),
        ("C6", "C7"),
        ("C4", "C7"),
        ("L5", "S1"),
    ]
    assert interspace_count(levels[:2]) == 2
    assert interspace_count(levels[:3]) == 3


def test_foramina_count_single_vertebrae_as_their_own_level() -> None:
    roots = spine_levels(analyze("Transforaminal injections at the left L4 and L5 foramina."))
    assert interspace_count(roots) == 1  # the one interspace between the two vertebrae ...
    assert foramen_count(roots) == 2  # ... but two nerve-root levels
    spaces = spine_levels(analyze("Needles at L4-5 and L5-S1; the L5 root was outlined."))
    assert foramen_count(spaces) == 2


def test_vertebrae_named_one_by_one_span_the_interspaces_between_them() -> None:
    """A construct told by its end vertebrae joins every interspace between them."""
    doc = analyze("Pedicle screws were placed at T11 and L1. Rods were seated.")
    assert interspace_count(spine_levels(doc)) == 2  # T11-T12 and T12-L1
    doc = analyze("Screws at L3, L4, L5 and S1.")
    assert interspace_count(spine_levels(doc)) == 3
    # a written interspace is counted as written: a vertebra beside it adds no span
    doc = analyze("Fusion at L4-L5 with screws in L4 and L5; the L2 fracture was old.")
    assert interspace_count(spine_levels(doc)) == 1


def test_spine_level_shorthand_without_hyphen() -> None:
    """Dictated "L45" and "L5S1" name the interspaces L4-L5 and L5-S1; "T12" stays a vertebra."""
    doc = analyze("Fusion at L45 and L5S1. Fracture of T12. Disc at C56.")
    levels = spine_levels(doc)
    assert [(lv.first, lv.last) for lv in levels] == [
        ("L4", "L5"),
        ("L5", "S1"),
        ("T12", "T12"),
        ("C5", "C6"),
    ]
    assert interspace_count(levels[:2]) == 2


def test_side_abbreviations_and_letters_next_to_a_body_part() -> None:
    doc = analyze("Pain in the R. knee and (L) shoulder; RLE edema; LUE weakness; Side: R.")
    assert [s.side for s in sides(doc)] == ["right", "left", "right", "left", "right"]


def test_a_letter_without_a_body_part_is_no_side() -> None:
    doc = analyze("Disk bulge at L4-5. She drank 2 L of fluid. R/O fracture.")
    assert sides(doc) == []
