"""Staff views for communication needs and the child's voice (issue 16).

Each view parses its form, calls one ``sar.intake.voice`` use case, commits and goes back to the
"Communication and the child's views" section at the top of the case page
(:func:`web.staff.common.form_post`). :func:`web.staff.sections.voice_context` builds that section's values.
"""

from __future__ import annotations

from sar.confidentiality import parent_contact
from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.intake import parties, voice
from sar.models import CaseTask
from web.auth import current_user, staff_required
from web.staff import bp
from web.staff.common import errors_or, form_post, load, settings
from web.staff.sections import (
    ANCHOR,
    ChildViewsForm,
    CommunicationForm,
    ParentContactOverrideForm,
    TaskDoneForm,
    TaskForm,
)


@bp.route("/requests/<reference>/parties/<int:party_id>/communication", methods=["POST"])
@staff_required
def party_communication(reference: str, party_id: int):
    """Record one party's language, interpreter, format, channel and advocate."""
    req = load(reference, audited=False)
    form = CommunicationForm()

    def action(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        return voice.set_communication(
            db, party, actor=current_user(), now=utcnow(), preferred_language=form.preferred_language.data,
            interpreter_needed=form.interpreter_needed.data, interpreter_language=form.interpreter_language.data,
            preferred_format=form.preferred_format.data or None, preferred_channel=form.preferred_channel.data or None,
            advocate_name=form.advocate_name.data, advocate_contact=form.advocate_contact.data,
            advocate_email=form.advocate_email.data, advocate_copy=form.advocate_copy.data)
    return form_post(form, action, req=req, anchor=ANCHOR, invalid=errors_or("Check the communication form."),
                     success=lambda party: f"Communication needs for {party.name} saved.")


def _party_task(reference: str, party_id: int, use_case):
    """Add a task for one party (``use_case`` is the ``sar.intake.voice`` function) with the form's due date."""
    req = load(reference, audited=False)
    form = TaskForm()

    def action(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        return use_case(db, party, actor=current_user(), now=utcnow(), settings=settings(), due_on=form.due_on.data)
    return form_post(form, action, req=req, anchor=ANCHOR, invalid=errors_or("Check the date."),
                     success=lambda task: f"Task added: {task.title}, due {task.due_on:%d %b %Y}.")


@bp.route("/requests/<reference>/parties/<int:party_id>/interpreter", methods=["POST"])
@staff_required
def arrange_interpreter(reference: str, party_id: int):
    """We will arrange an interpreter: record the booking as a task with a due date."""
    return _party_task(reference, party_id, voice.arrange_interpreter)


@bp.route("/requests/<reference>/parties/<int:party_id>/format-task", methods=["POST"])
@staff_required
def accessible_format_task(reference: str, party_id: int):
    """Ask the council's provider for audio or Braille letters: a task with a due date."""
    return _party_task(reference, party_id, voice.request_accessible_format)


@bp.route("/requests/<reference>/tasks/<int:task_id>/done", methods=["POST"])
@staff_required
def task_done(reference: str, task_id: int):
    """Mark a task done with a note."""
    req = load(reference, audited=False)
    form = TaskDoneForm()

    def action(db):
        task = db.get(CaseTask, task_id)
        if task is None or task.request_id != req.id:
            raise NotFound("no such task on this request")
        return voice.complete_task(db, task, actor=current_user(), now=utcnow(), note=form.note.data)
    return form_post(form, action, req=req, anchor=ANCHOR, invalid=errors_or("Say what was done."),
                     success="Task done.")


@bp.route("/requests/<reference>/child-views", methods=["POST"])
@staff_required
def child_views(reference: str):
    """Record the child's competence and views (rulebook T-4)."""
    req = load(reference, audited=False)
    form = ChildViewsForm()
    return form_post(
        form,
        lambda db: voice.assess_child(
            db, req, actor=current_user(), now=utcnow(), settings=settings(), competent=form.competent.data == "yes",
            views=form.views.data, age=form.age.data, understanding=form.understanding.data or "",
            views_text=form.views_text.data or "", not_to_share=form.not_to_share.data or "",
            no_parent_contact=form.no_parent_contact.data, best_interests=form.best_interests.data or ""),
        req=req, anchor=ANCHOR, invalid=errors_or("Check the child's views form."),
        success="The child's competence and views are recorded.")


@bp.route("/requests/<reference>/parent-contact-override", methods=["POST"])
@staff_required
def parent_contact_override(reference: str):
    """A manager records the exceptional circumstances in which the child's parents are consulted after all."""
    req = load(reference, audited=False)
    form = ParentContactOverrideForm()
    return form_post(
        form,
        lambda db: parent_contact.override(db, req, ground=form.ground.data, reason=form.reason.data or "",
                                           actor=current_user(), now=utcnow(), settings=settings()),
        req=req, anchor=ANCHOR, invalid=errors_or("Check the override form."),
        success="Override recorded: the child's parents may now be consulted.")
