"""Near-duplicates in a bundle (issue 17): proposed from real PDFs and converted e-mails, confirmed by a reviewer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from redaction import pdf_convert
from sar.bundle import documents, duplicates
from sar.core.errors import ValidationError
from sar.models import PageMark
from sar.release import packs
from tests import formats_factory as ff
from tests.redaction.test_duplicates import LETTER, OTHER
from tests.sar._docs import add_pdf, make_team, sar_request


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def req(session, settings, now, team):
    return sar_request(session, settings, team, now)


def test_the_same_letter_twice_is_proposed_then_confirmed_and_left_out_of_the_pack(session, settings, now, team,
                                                                                  req):
    first = add_pdf(session, req, team, now, settings, LETTER, OTHER, filename="letter.pdf")
    again = add_pdf(session, req, team, now, settings, LETTER.upper() + " ", filename="letter-copy.pdf")
    [prop] = duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now)
    assert (prop.kind, prop.bundle_item_id, prop.page, prop.of_item_id, prop.of_page) == (
        "page", again.id, 0, first.id, 0)
    assert session.scalars(select(PageMark)).all() == []  # nothing is left out before a reviewer confirms
    assert duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now) == []
    duplicates.decide_duplicate(session, req, prop.id, "confirmed", actor=team.officer, now=now)
    [mark] = session.scalars(select(PageMark)).all()
    assert (mark.bundle_item_id, mark.page, mark.mark) == (again.id, 0, "duplicate")
    assert mark.reason == "duplicate of letter.pdf page 1"
    with pytest.raises(ValidationError, match="already confirmed"):
        duplicates.decide_duplicate(session, req, prop.id, "rejected", actor=team.officer, now=now)
    pack = packs.build_pack(session, req, actor=team.officer, now=now, settings=settings)
    assert pack.page_count == 2


def test_a_rejected_proposal_leaves_the_page_in(session, settings, now, team, req):
    add_pdf(session, req, team, now, settings, LETTER, filename="a.pdf")
    add_pdf(session, req, team, now, settings, LETTER + " PS.", filename="b.pdf")
    [prop] = duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now)
    duplicates.decide_duplicate(session, req, prop.id, "rejected", actor=team.officer, now=now)
    assert session.scalars(select(PageMark)).all() == []
    assert duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now) == []


def test_an_email_quoted_in_its_reply_is_proposed_as_quoted(session, settings, now, team, req):
    first = pdf_convert.convert(ff.eml(sender="a@council.example", to="b@example.org", cc="", subject="Contact",
                                       body=LETTER), "first.eml")
    reply = pdf_convert.convert(ff.eml(sender="b@example.org", to="a@council.example", cc="", subject="Re: Contact",
                                       body="Saturday suits me.\n\nYou wrote:\n" + "\n".join(
                                           "> " + line for line in LETTER.split(". "))), "reply.eml")
    items = []
    for name, raw, conv in (("first.eml", b"first", first), ("reply.eml", b"reply", reply)):
        items.append(documents.add_converted(session, req, original=raw, original_media_type="message/rfc822",
                                             converted_pdf=conv.pdf, page_count=conv.page_count, filename=name,
                                             actor=team.officer, now=now, settings=settings))
    props = duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now)
    assert [(p.kind, p.bundle_item_id, p.of_item_id) for p in props] == [("quoted", items[0].id, items[1].id)]


def test_finding_duplicates_runs_as_a_background_job(session, settings, now, team, req):
    from sqlalchemy.orm import sessionmaker

    from sar.bundle import jobs
    from sar.core.errors import Conflict

    add_pdf(session, req, team, now, settings, LETTER, filename="a.pdf")
    add_pdf(session, req, team, now, settings, LETTER.upper(), filename="b.pdf")
    job = duplicates.start_duplicate_job(session, req, actor=team.officer, now=now)
    with pytest.raises(Conflict, match="already being looked for"):
        duplicates.start_duplicate_job(session, req, actor=team.officer, now=now)
    session.flush()
    factory = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    assert jobs.run_job(factory, job.id, settings=settings, now_fn=lambda: now) == "done"
    session.expire_all()
    assert job.message == "1 possible duplicate to check"
    assert len(duplicates.list_duplicates(session, req, status="proposed")) == 1


def _drawing(seed: int, shift: int = 0) -> bytes:
    """A page of scribbles (no text OCR can read), like a child's drawing or a handwritten form."""
    import io
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(img)
    for _ in range(25):
        x, y = rng.randrange(40, 560), rng.randrange(40, 800)
        draw.ellipse((x + shift, y + shift, x + shift + rng.randrange(30, 160), y + shift + rng.randrange(30, 160)),
                     outline=0, width=6)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(75, 75))
    return buf.getvalue()


def test_a_rescanned_page_without_text_is_matched_by_its_picture(session, settings, now, team, req):
    for name, data in (("drawing.png", _drawing(1)), ("other.png", _drawing(2)), ("drawing-rescan.png",
                                                                                  _drawing(1, shift=2))):
        out = pdf_convert.convert(data, name)
        documents.add_converted(session, req, original=data, original_media_type="image/png", converted_pdf=out.pdf,
                                page_count=out.page_count, filename=name, actor=team.officer, now=now,
                                settings=settings)
    items = documents.list_bundle(session, req)
    props = duplicates.propose_duplicates(session, req, settings=settings, actor=team.officer, now=now)
    assert [(p.bundle_item_id, p.of_item_id) for p in props] == [(items[2].id, items[0].id)]
