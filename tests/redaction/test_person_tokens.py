"""People in transcripts and messages (redaction.speakers, redaction.hyphenated), through the real engine.

One positive and one negative row per rule, on invented pages: a speaker label or a handle that
nothing places is redacted everywhere and listed as unresolved (fail closed); the subject's and a
professional's labels stay; form fields are not speakers.
"""

import pytest

from redaction.hyphenated import whole_hyphenated
from redaction.speakers import RULES, handle_parts, is_handle, speaker_labels
from tests.redaction.engine_support import context, make_doc, propose, redacted_texts, surviving

pytestmark = pytest.mark.slow

CHAT = """Messages copied from the young person's phone on 02/03/2024
Kestrelgram is not a platform; this is a plain chat export
[02/03/2024, 21:10] Zephyrine: are u coming out
[02/03/2024, 21:12] Lorcan: cant, grounded
[02/03/2024, 21:14] Zephyrine: ok
[02/03/2024, 21:15] Quillon: my cousin teodor can get u
[02/03/2024, 21:16] Tamsin Baptiste: Lorcan, it is Tamsin, please call me back
[02/03/2024, 21:20] Lorcan: my brother said no
Copied by Tamsin Baptiste, Social Worker.
"""

HANDLES = """Screenshots shown to the worker, typed up 05/03/2024
Instagram - conversation with qv1nn.moss
qv1nn.moss: u still up
lorcan.h: yeh
qv1nn.moss: delete this
lorcan.h: ok done
Lorcan said the picture snapshot_2.png was from Instagram and he no longer uses it.
He added that on TikTok he only follows dj.w0lfie and a cooking channel.
"""

FORM = """Visit record
Date: 04/03/2024
Outcome: home visit completed
Action: review in two weeks
Lorcan was seen alone and talked about Zephyrine and the park.
"""

NAMES = """Case note 06/03/2024
Lorcan said Anna-Louise Prendeville is a friend from the youth club. Anna-Louise was worried about him.
Mary-Beth Quennell, Family Support Worker, visited with Tamsin Baptiste. Mary-Beth agreed to call on Friday.
Lorcan described the film as an Anglo-Irish drama.
"""


@pytest.fixture(scope="module")
def run():
    docs = [make_doc("chat.pdf", CHAT), make_doc("handles.pdf", HANDLES), make_doc("form.pdf", FORM),
            make_doc("names.pdf", NAMES)]
    plans = propose(*docs, ctx=context())
    return {d.name: (d, p) for d, p in zip(docs, plans, strict=True)}


def _left(run, name):
    doc, plan = run[name]
    return surviving(doc, plan)


def _status(run, who):
    cast = run["chat.pdf"][1].cast
    return {c["name"]: c["status"] for c in cast}.get(who)


def test_rules_are_named():
    assert {r.id for r in RULES} == {"speaker-label", "speaker-handle", "platform-handle-nearby",
                                     "relation-apposition", "saved-contact-name", "message-addressee"}


# -- speaker-label ---------------------------------------------------------------------------------

def test_speaker_label_of_an_unplaced_person_is_redacted_everywhere_and_unresolved(run):
    assert "Zephyrine" not in _left(run, "chat.pdf")
    # The same person named in another document of the bundle goes too.
    assert "Zephyrine" not in _left(run, "form.pdf")
    assert _status(run, "Zephyrine") == "unresolved"


def test_speaker_labels_of_subject_and_professional_stay_and_form_fields_are_not_speakers(run):
    left = _left(run, "chat.pdf")
    assert "Lorcan: cant" in left and "Tamsin Baptiste: Lorcan" in left
    form = _left(run, "form.pdf")
    assert "Date:" in form and "Outcome: home visit completed" in form and "Action: review" in form
    assert speaker_labels("Date: today\nOutcome: done\nAction: none\n", lambda w: True) == []


# -- speaker-handle --------------------------------------------------------------------------------

def test_third_party_handle_label_is_redacted_everywhere(run):
    assert "qv1nn.moss" not in _left(run, "handles.pdf")
    assert "qv1nn.moss" in {c["name"] for c in run["handles.pdf"][1].cast}


def test_subjects_own_handle_stays(run):
    assert _left(run, "handles.pdf").count("lorcan.h") == 2
    assert handle_parts("j0hn.sm1th") == ["john", "smith"]


# -- platform-handle-nearby ------------------------------------------------------------------------

def test_handle_on_a_platform_line_is_redacted(run):
    assert "conversation with" in _left(run, "handles.pdf")
    assert "Instagram - conversation with qv1nn.moss" not in _left(run, "handles.pdf")


def test_handle_named_only_in_prose_on_a_platform_line_is_redacted(run):
    left = _left(run, "handles.pdf")
    assert "dj.w0lfie" not in left and "only follows" in left and "cooking channel" in left


def test_file_names_and_words_on_a_platform_line_are_not_handles(run):
    assert "snapshot_2.png" in _left(run, "handles.pdf")
    assert not is_handle("snapshot_2.png") and not is_handle("e.g") and is_handle("qv1nn.moss")


# -- relation-apposition ---------------------------------------------------------------------------

def test_lower_case_name_after_a_relative_on_a_message_line_is_redacted(run):
    left = _left(run, "chat.pdf")
    assert "teodor" not in left and "my cousin" in left


def test_ordinary_word_after_a_relative_stays(run):
    assert "my brother said no" in _left(run, "chat.pdf")


# -- hyphenated-name -------------------------------------------------------------------------------

def test_hyphenated_given_name_of_a_third_party_is_one_name_tracked_alone(run):
    left = _left(run, "names.pdf")
    assert "Anna-Louise" not in left and "Louise" not in left and "Prendeville" not in left


def test_hyphenated_professional_name_and_hyphenated_words_stay(run):
    left = _left(run, "names.pdf")
    assert "Mary-Beth Quennell, Family Support Worker" in left and "Mary-Beth agreed" in left
    assert "Anglo-Irish drama" in left
    assert "Mary-Beth" not in " ".join(redacted_texts(run["names.pdf"][1]))


def test_whole_hyphenated_widens_a_span_cut_at_the_hyphen():
    text = "met Anna-Louise Prendeville and Ruth Carr-Ives"
    s = text.index("Louise")
    assert whole_hyphenated(text, s, s + len("Louise Prendeville")) == (text.index("Anna"), s + 18)
    s = text.index("Ruth")
    assert whole_hyphenated(text, s, s + len("Ruth Carr")) == (s, len(text))


def test_whole_hyphenated_leaves_lower_case_prefixes_and_whole_spans():
    text = "since mid-March Orla Finch"
    s = text.index("March")
    assert whole_hyphenated(text, s, s + 5) == (s, s + 5)
    s = text.index("Orla")
    assert whole_hyphenated(text, s, len(text)) == (s, len(text))
