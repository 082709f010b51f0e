"""Forms for the requester portal."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    DateField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

#: Who is asking, in the requester's words → the triage's requester type.
REQUESTER_TYPES = [
    ("data_subject", "I am asking for information about myself"),
    ("parent", "I am a parent or carer asking about my child"),
    ("solicitor", "I am a solicitor or representative acting for someone"),
    ("member_of_public", "I am a member of the public (Freedom of Information / environmental information)"),
    ("journalist", "I am a journalist or researcher"),
    ("police", "I am from the police"),
    ("court", "I am from a court"),
    ("childrens_guardian", "I am a children's guardian (Cafcass / Cafcass Cymru)"),
    ("regulator", "I am from a regulator or inspectorate"),
]


def options(pairs):
    """``(value, label)`` pairs as ``SelectChoice`` objects (WTForms 3.3 deprecates tuple choices)."""
    if pairs is None or callable(pairs):
        return pairs
    return [p if isinstance(p, SelectChoice) else SelectChoice(p[0], p[1]) for p in pairs]


class Select(SelectField):
    """A SelectField that takes ``(value, label)`` pairs, at construction or assigned later."""

    def __init__(self, label=None, validators=None, choices=None, **kwargs) -> None:
        super().__init__(label, validators, choices=options(choices), **kwargs)

    choices = SelectField.choices.setter(lambda self, value: SelectField.choices.fset(self, options(value)))


PDF_ONLY = FileAllowed(["pdf"], "Upload a PDF file. Save or scan your document as PDF first.")


class RegisterForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired(), Length(max=200)])
    email = EmailField("E-mail address", validators=[DataRequired(), Length(max=320)])
    password = PasswordField("Create a password", validators=[DataRequired(), Length(min=10, max=500)])
    confirm = PasswordField(
        "Confirm your password",
        validators=[DataRequired(), EqualTo("password", "The passwords do not match.")],
    )


class NewRequestForm(FlaskForm):
    requester_type = Select("Who are you?", choices=REQUESTER_TYPES, validators=[DataRequired()])
    description = TextAreaField("What information do you want?", validators=[DataRequired(), Length(min=10, max=20000)])
    subject_name = StringField(
        "Full name of the person the information is about", validators=[Optional(), Length(max=200)]
    )
    subject_dob = DateField("Their date of birth", validators=[Optional()])
    identity_document = FileField("Proof of identity (optional, PDF)", validators=[PDF_ONLY])
    authority_document = FileField("Proof of authority to act for them (optional, PDF)", validators=[PDF_ONLY])

    def validate_subject_name(self, field: StringField) -> None:
        if self.requester_type.data in ("parent", "solicitor") and not (field.data or "").strip():
            raise ValidationError("Give the name of the person you are asking about.")
