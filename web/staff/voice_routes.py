"""Staff views for communication needs and the child's voice (issue 16).

Each view parses its form, calls one ``sar.intake.voice`` use case, commits and goes back to the
"Communication and the child's views" section at the top of the case page
(:func:`web.staff.common.form_post`). :func:`voice_context` builds that section's values.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from sar.core.db import utcnow
from sar.core.errors import NotFound
from sar.intake import parties, voice
from sar.models import CHILD_VIEWS, FORMATS, PREFERRED_CHANNELS, CaseTask
from sar.release import entitlement
from web.auth import current_user, staff_required
from web.portal.forms import Select
from web.staff import bp
from web.staff.common import errors_or, form_post, load, settings

ANCHOR = "voice"
FORMAT_CHOICES = [("", "Not recorded (standard)")] + [(f, voice.FORMAT_LABELS[f].capitalize()) for f in FORMATS]
CHANNEL_LABELS = {"portal": "Portal", "email": "E-mail", "post": "Post"}
CHANNEL_CHOICES = [("", "Not recorded")] + [(c, CHANNEL_LABELS[c]) for c in PREFERRED_CHANNELS]
VIEW_LABELS = {"consents": "Agrees to the parent seeing the records",
               "refuses": "Does not want the parent to see the records",
               "partial": "Agrees to part, not all",
               "not_sought": "Views not sought (say why)"}
VIEW_CHOICES = [(v, VIEW_LABELS[v]) for v in CHILD_VIEWS]


class CommunicationForm(FlaskForm):
    preferred_language = StringField("Preferred language (code, e.g. en, cy, pl)",
                                     validators=[Optional(), Length(max=35)])
    interpreter_needed = BooleanField("Needs an interpreter")
    interpreter_language = StringField("Interpreter language (if different)", validators=[Optional(), Length(max=35)])
    preferred_format = Select("Preferred format", choices=FORMAT_CHOICES)
    preferred_channel = Select("Preferred channel", choices=CHANNEL_CHOICES)
    advocate_name = StringField("Advocate or representative who helps them", validators=[Optional(), Length(max=200)])
    advocate_contact = StringField("Their contact details", validators=[Optional(), Length(max=1000)])
    advocate_email = StringField("Their e-mail address", validators=[Optional(), Length(max=320)])
    advocate_copy = BooleanField("Send them a copy of every e-mailed letter (the person asked for this)")


class TaskForm(FlaskForm):
    due_on = DateField("Due by (leave empty for the default)", validators=[Optional()])


class TaskDoneForm(FlaskForm):
    note = StringField("What was done (e.g. the booking reference)", validators=[Length(min=1, max=1000)])


class ChildViewsForm(FlaskForm):
    age = IntegerField("Age (if no date of birth is recorded)", validators=[Optional(), NumberRange(0, 17)])
    competent = Select("Competence (rulebook T-4)", choices=[("yes", "Competent to decide for themselves"),
                                                             ("no", "Not competent")])
    understanding = TextAreaField("How understanding was judged", validators=[Optional(), Length(max=4000)])
    views = Select("The child's views", choices=VIEW_CHOICES)
    views_text = TextAreaField("In the child's own words (or why not sought)", validators=[Optional(),
                                                                                            Length(max=4000)])
    not_to_share = TextAreaField("What the child does not want shared", validators=[Optional(), Length(max=4000)])
    no_parent_contact = BooleanField("The child asks that the parent is not consulted")
    best_interests = TextAreaField("Why release is still in the child's best interests (only if they refuse)",
                                   validators=[Optional(), Length(max=4000)])


def voice_context(db, req) -> dict:
    """The top-of-page section: each party's needs, open tasks and the child's standing assessment."""
    return {
        "voice_parties": [voice.communication_summary(p) for p in req.parties if p.role != "third_party"],
        "voice_tasks": voice.open_tasks(db, req),
        "child_applies": entitlement.child_rule_applies(req),
        "child_age_unknown": entitlement.age_unknown(req),
        "child_assessment": entitlement.current_assessment(req),
        "child_problems": entitlement.child_problems(req),
        "child_view_labels": VIEW_LABELS,
        "format_choices": FORMAT_CHOICES,
        "channel_choices": CHANNEL_CHOICES,
        "task_form": TaskForm(),
        "task_done_form": TaskDoneForm(),
        "child_views_form": ChildViewsForm(),
        "competence_age": settings().child_competence_age,
    }


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


@bp.route("/requests/<reference>/parties/<int:party_id>/interpreter", methods=["POST"])
@staff_required
def arrange_interpreter(reference: str, party_id: int):
    """We will arrange an interpreter: record the booking as a task with a due date."""
    req = load(reference, audited=False)
    form = TaskForm()

    def action(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        return voice.arrange_interpreter(db, party, actor=current_user(), now=utcnow(), settings=settings(),
                                         due_on=form.due_on.data)
    return form_post(form, action, req=req, anchor=ANCHOR, invalid=errors_or("Check the date."),
                     success=lambda task: f"Task added: {task.title}, due {task.due_on:%d %b %Y}.")


@bp.route("/requests/<reference>/parties/<int:party_id>/format-task", methods=["POST"])
@staff_required
def accessible_format_task(reference: str, party_id: int):
    """Ask the council's provider for audio or Braille letters: a task with a due date."""
    req = load(reference, audited=False)
    form = TaskForm()

    def action(db):
        party = parties.get_party(db, req, party_id, actor=current_user())
        return voice.request_accessible_format(db, party, actor=current_user(), now=utcnow(), settings=settings(),
                                               due_on=form.due_on.data)
    return form_post(form, action, req=req, anchor=ANCHOR, invalid=errors_or("Check the date."),
                     success=lambda task: f"Task added: {task.title}, due {task.due_on:%d %b %Y}.")


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
