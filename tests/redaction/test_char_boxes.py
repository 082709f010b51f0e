"""PageText packs its character boxes (issue 11: a large bundle's pages are held whole while its cast is decided)."""

from __future__ import annotations

import pickle
import tracemalloc

import pytest

from redaction.types import Box, CharBoxes, PageText


def _boxes(n: int) -> list[Box | None]:
    return [None if i % 7 == 6 else Box(i * 0.5, 10.125, i * 0.5 + 4.25, 19.875) for i in range(n)]


def test_reads_like_the_tuple_it_replaces():
    boxes = _boxes(30)
    page = PageText(0, "x" * 30, tuple(boxes), 595.0, 842.0)
    assert isinstance(page.char_boxes, CharBoxes)
    assert len(page.char_boxes) == 30
    assert list(page.char_boxes) == boxes
    assert page.char_boxes == tuple(boxes)
    assert page.char_boxes[6] is None and page.char_boxes[-1] == boxes[-1]
    assert page.char_boxes[3:9] == tuple(boxes[3:9])
    assert page.char_boxes[5] == Box(2.5, 10.125, 6.75, 19.875)  # exact coordinates, not rounded
    with pytest.raises(IndexError):
        page.char_boxes[30]
    assert pickle.loads(pickle.dumps(page)) == page
    assert hash(page) == hash(PageText(0, "x" * 30, boxes, 595.0, 842.0))


def test_different_boxes_differ():
    boxes = _boxes(10)
    moved = [*boxes[:4], Box(99.0, 10.125, 100.0, 19.875), *boxes[5:]]
    assert PageText(0, "y" * 10, boxes, 1.0, 1.0) != PageText(0, "y" * 10, moved, 1.0, 1.0)
    assert CharBoxes(boxes) != CharBoxes(boxes[:9])
    with pytest.raises(ValueError):
        PageText(0, "y" * 9, boxes, 1.0, 1.0)


def test_a_page_costs_tens_of_bytes_a_character():
    text = "z" * 20_000
    tracemalloc.start()
    try:
        boxes = _boxes(20_000)  # as an extractor makes them, one Box a character
        page = PageText(0, text, tuple(boxes), 595.0, 842.0)
        first = boxes[0]
        del boxes  # the page must not keep the Box objects alive
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert page.char_boxes[0] == first
    # A tuple of Box objects held about 200 bytes a character (object, four floats); packed: 32.
    assert held / 20_000 < 40


def _old_normalise(text: str) -> tuple[str, list[int]]:
    """``redaction.text.normalise`` as it was before its index was packed (kept here to compare)."""
    import unicodedata

    from redaction.text import _SIMPLE

    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = _SIMPLE.get(ch)
        if rep is None:
            rep = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
            if not rep:
                rep = " "
        out.append(rep)
        index.extend([i] * len(rep))
    index.append(len(text))
    return "".join(out), index


@pytest.mark.parametrize("text", [
    "", "Plain page text\nsecond line.", "Tab\there \u2019quoted\u2019 \ufb01le \u00bd done",
    "\ufb03x", "caf\u00e9 \u2013 ok", "\u00a0lead", "tail\u00ad",
])
def test_normalise_maps_offsets_as_before(text):
    from redaction.text import normalise

    norm, index = normalise(text)
    old_norm, old_index = _old_normalise(text)
    assert norm == old_norm
    assert list(index) == old_index


def test_normalise_holds_no_list_for_a_plain_page():
    from redaction.text import normalise

    _, index = normalise("x" * 50_000)
    assert isinstance(index, range)
    _, index = normalise("\u2019" + "x" * 50_000)
    assert not isinstance(index, list) and index.itemsize == 8
