"""Forms for the staff workspace."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

import deadlines
from deadlines import REGIMES
from sar.core.db import LONDON
from sar.models import CHANNELS
from web.portal.forms import REQUESTER_TYPES, Select

CHANNEL_LABELS = {
    "portal": "Portal",
    "email": "E-mail",
    "letter": "Letter",
    "phone": "Phone call",
    "in_person": "In person",
    "api": "API",
    "social_media": "Social media",
}
CLOCK_EVENT_LABELS = {
    "id_requested": "Proof of identity requested",
    "id_received": "Proof of identity received",
    "authority_requested": "Authority requested",
    "authority_received": "Authority received",
    "clarification_requested": "Clarification requested",
    "clarification_received": "Clarification received",
    "fee_notice": "Fee notice sent",
    "fee_paid": "Fee paid",
    "extended": "Time limit extended",
}


def regime_choices(blank: bool = False) -> list[tuple[str, str]]:
    from deadlines.rules import REGIME_LABELS

    out = [(r, REGIME_LABELS.get(r, r)) for r in REGIMES]
    return ([("", "Decide from the text (triage)")] if blank else []) + out


class LogRequestForm(FlaskForm):
    channel = Select(
        "How did it arrive?",
        choices=[(c, CHANNEL_LABELS.get(c, c)) for c in CHANNELS if c not in ("portal", "api")],
    )
    received_at = DateTimeLocalField("Date and time received", format="%Y-%m-%dT%H:%M", validators=[DataRequired()])
    requester_name = StringField("Requester's name", validators=[DataRequired(), Length(max=200)])
    requester_email = EmailField("Requester's e-mail", validators=[Optional(), Length(max=320)])
    requester_type = Select("Who is asking?", choices=[("", "Not known")] + REQUESTER_TYPES, validators=[Optional()])
    subject_name = StringField("Data subject's name (if different)", validators=[Optional(), Length(max=200)])
    subject_dob = DateField("Data subject's date of birth", validators=[Optional()])
    description = TextAreaField("The request, in the requester's words", validators=[DataRequired(), Length(max=50000)])
    regime = Select("Regime", choices=regime_choices(blank=True), validators=[Optional()])
    assign_to_me = BooleanField("Assign to me", default=True)

    def received_at_utc(self) -> datetime:
        value = self.received_at.data
        return value.replace(tzinfo=LONDON).astimezone(UTC)


class OverrideForm(FlaskForm):
    regime = Select("Correct regime", choices=regime_choices())
    reason = TextAreaField("Reason for the override", validators=[DataRequired(), Length(max=2000)])


class ClockEventForm(FlaskForm):
    kind = Select("Event", choices=[(k, CLOCK_EVENT_LABELS.get(k, k)) for k in deadlines.EVENT_KINDS])
    on = DateField("Date it happened", validators=[DataRequired()])
    reason = StringField("Note", validators=[Optional(), Length(max=2000)])


class AssignForm(FlaskForm):
    officer_id = Select("Assigned officer", coerce=int, choices=[], validate_choice=False)


class TransitionForm(FlaskForm):
    to = Select("Move to")
    reason = StringField("Reason", validators=[DataRequired(), Length(max=2000)])


class UploadForm(FlaskForm):
    # Any format sar.bundle.conversion reads (the server decides by content): PDF, Word, e-mail, images, ...
    file = FileField("Document", validators=[FileRequired("Choose a file to upload.")])
    purpose = Select(
        "What is it?",
        choices=[
            ("case_record", "Case record (goes into the response)"),
            ("identity_evidence", "Proof of identity (internal)"),
            ("authority_evidence", "Proof of authority (internal)"),
            ("request_letter", "The request letter (internal)"),
        ],
    )
    title = StringField("Title in the released pack", validators=[Optional(), Length(max=200)])


class TitleForm(FlaskForm):
    """The title a document is released under; blank means "Document N"."""

    title = StringField("Title in the released pack", validators=[Optional(), Length(max=200)])


class MoveForm(FlaskForm):
    item_id = HiddenField(validators=[DataRequired()])
    direction = HiddenField(validators=[DataRequired()])


class RemoveForm(FlaskForm):
    reason = StringField("Reason for removing", validators=[DataRequired(), Length(max=2000)])


class PostForm(FlaskForm):
    """Only the CSRF token: for views that read their fields from ``request.form`` themselves."""


class NoteForm(FlaskForm):
    """A form with only the CSRF token and an optional note (start proposals, release)."""

    note = TextAreaField("Note", validators=[Optional(), Length(max=4000)])


class DecideForm(FlaskForm):
    status = HiddenField(validators=[DataRequired()])
    reason = StringField("Reason", validators=[Optional(), Length(max=2000)])
    code = Select("Exemption code", validators=[Optional()], validate_choice=False)


class ManualBoxForm(FlaskForm):
    """A box drawn on the review page; fields are prefixed ``manual-`` (the page has several forms)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "manual")
        super().__init__(*args, **kwargs)

    boxes = HiddenField("Box", validators=[DataRequired("Draw a box on the page first.")])
    code = Select("Exemption code", validate_choice=False, validators=[DataRequired()])
    reason = StringField("Reason", validators=[DataRequired(), Length(max=2000)])


class EntityForm(FlaskForm):
    text = HiddenField(validators=[DataRequired()])
    status = HiddenField(validators=[DataRequired()])
    code = Select("Exemption code", validate_choice=False, validators=[Optional()])
    reason = StringField("Reason", validators=[Optional(), Length(max=2000)])


class PageMarkForm(FlaskForm):
    """A whole-page decision; fields are prefixed ``mark-``."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "mark")
        super().__init__(*args, **kwargs)

    mark = Select(
        "Whole page",
        choices=[
            ("disclose", "Disclose (clear mark)"),
            ("withheld", "Withhold"),
            ("duplicate", "Duplicate"),
            ("not_relevant", "Not relevant"),
        ],
    )
    code = Select("Exemption code", validate_choice=False, validators=[Optional()])
    reason = StringField("Reason", validators=[Optional(), Length(max=2000)])


class ApproveForm(FlaskForm):
    pack_sha256 = HiddenField(validators=[DataRequired(), Length(min=64, max=64)])
    comments = TextAreaField("Comments (optional)", validators=[Optional(), Length(max=4000)])


class ReturnForm(FlaskForm):
    comments = TextAreaField("What needs to change?", validators=[DataRequired(), Length(max=4000)])


PARTY_ROLE_LABELS = [
    ("third_party", "Third party (someone in the records)"),
    ("representative", "Representative (solicitor, parent, attorney ...)"),
    ("data_subject", "Data subject (only if none yet)"),
]
EVIDENCE_STATUS_LABELS = [
    ("requested", "Requested"),
    ("received", "Received"),
    ("verified", "Verified"),
    ("rejected", "Rejected"),
    ("not_required", "Not required"),
]
EVIDENCE_KIND_LABELS = [("identity", "Proof of identity"), ("authority", "Proof of authority")]
DISCLOSE_LABELS = [("redact", "Redact (withhold from the requester)"), ("disclose", "Disclose")]


class AddPartyForm(FlaskForm):
    """A party added after intake; fields are prefixed ``party-`` (the case page has many forms)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "party")
        super().__init__(*args, **kwargs)

    role = Select("Role", choices=PARTY_ROLE_LABELS)
    name = StringField("Full name", validators=[DataRequired(), Length(max=200)])
    relationship = StringField("Relationship to the subject", validators=[Optional(), Length(max=100)])
    capacity = StringField("Capacity (representatives)", validators=[Optional(), Length(max=50)])
    decision = Select("Disclose or redact (third parties)", choices=DISCLOSE_LABELS)
    dob = DateField("Date of birth", validators=[Optional()])
    email = EmailField("E-mail", validators=[Optional(), Length(max=320)])
    phone = StringField("Phone", validators=[Optional(), Length(max=50)])
    aliases = StringField("Other names (aliases), separated by commas", validators=[Optional(), Length(max=2000)])
    identifiers = StringField("Reference numbers (NHS number ...), separated by commas",
                              validators=[Optional(), Length(max=2000)])


class PartyDecisionForm(FlaskForm):
    decision = Select("Decision", choices=DISCLOSE_LABELS)


class PartyNamesForm(FlaskForm):
    aliases = StringField("Other names (aliases), separated by commas", validators=[Optional(), Length(max=2000)])
    identifiers = StringField("Reference numbers, separated by commas", validators=[Optional(), Length(max=2000)])


class EvidenceStatusForm(FlaskForm):
    kind = Select("Evidence", choices=EVIDENCE_KIND_LABELS)
    status = Select("New status", choices=EVIDENCE_STATUS_LABELS)
    note = StringField("Note (required when rejecting)", validators=[Optional(), Length(max=2000)])


class EvidenceUploadForm(FlaskForm):
    """Upload evidence for a chosen party; fields are prefixed ``evidence-``."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "evidence")
        super().__init__(*args, **kwargs)

    party_id = Select("Whose evidence?", coerce=int, choices=[], validate_choice=False)
    kind = Select("Evidence", choices=EVIDENCE_KIND_LABELS)
    file = FileField("PDF document", validators=[FileRequired("Choose a PDF file to upload.")])


# The cast of a bundle (issue 11; views in web.staff.cast_routes).
CORRECTION_LABELS = {
    "merge": "Merge: the other name is the same person",
    "split": "Split: this alias is someone else",
    "role": "Change the role (e.g. mark a professional)",
    "alias": "Add an alias",
    "add": "Add a known person from the case record",
    "remove": "Remove from the confirmed cast",
}
ROLE_LABELS = {"subject": "Data subject", "professional": "Professional (staff)",
               "third_party": "Third party (redact)", "disclosed": "Disclosed (known to the requester)"}


class CastCorrectionForm(FlaskForm):
    """One correction to the cast (``sar.bundle.cast.CORRECTIONS``)."""

    kind = Select("Correction", choices=list(CORRECTION_LABELS.items()), validators=[DataRequired()])
    name = StringField("Person", validators=[DataRequired(), Length(max=200)])
    other = StringField("Other name (merge)", validators=[Optional(), Length(max=200)])
    alias = StringField("Alias (split or add alias)", validators=[Optional(), Length(max=200)])
    role = Select("Role", choices=[("", "—")] + list(ROLE_LABELS.items()), validators=[Optional()])
    relationship = StringField("Relationship or job", validators=[Optional(), Length(max=200)])
