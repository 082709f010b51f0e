"""Page sections the case page and the view modules share (issue 16's "Communication and the child's views").

Kept apart from the view modules so that ``routes`` (the case page) and ``voice_routes`` (its POSTs) both import
it and never each other: the section's anchor, choice labels, forms and :func:`voice_context`.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

from sar.confidentiality import parent_contact
from sar.intake import voice
from sar.models import CHILD_VIEWS, FORMATS, PREFERRED_CHANNELS
from sar.release import entitlement
from web.portal.forms import Select
from web.staff.common import settings

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


class ParentContactOverrideForm(FlaskForm):
    """A manager's override of a competent child's request that the parents are not consulted."""

    ground = Select("Exceptional circumstances", choices=[(g, g.replace("_", " ").capitalize())
                                                           for g in parent_contact.OVERRIDE_GROUNDS])
    reason = TextAreaField("Why the parents must be consulted after all", validators=[Length(max=4000)])


def voice_context(db, req) -> dict:
    """The top-of-page section: each party's needs, open tasks and the child's standing assessment."""
    return {
        "voice_parties": [voice.communication_summary(p) for p in req.parties if p.role != "third_party"],
        "voice_tasks": voice.open_tasks(db, req),
        "child_applies": entitlement.child_rule_applies(req),
        "child_age_unknown": entitlement.age_unknown(req),
        # Why the data subject is taken to be a child (date of birth, recorded age, looked-after ...).
        "child_evidence": entitlement.child_evidence(req.party("data_subject"), req.received_on)[1],
        "child_assessment": entitlement.current_assessment(req),
        "child_problems": entitlement.child_problems(req),
        "child_view_labels": VIEW_LABELS,
        "format_choices": FORMAT_CHOICES,
        "channel_choices": CHANNEL_CHOICES,
        "task_form": TaskForm(),
        "task_done_form": TaskDoneForm(),
        "child_views_form": ChildViewsForm(),
        "competence_age": settings().child_competence_age,
        # The child's request that the parents are not consulted (banner at the top; sar enforces it).
        "parent_contact": parent_contact.status(db, req, settings=settings()),
        "parent_contact_form": ParentContactOverrideForm(),
    }
