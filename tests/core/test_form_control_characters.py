"""`reject_control_characters_in`: a public form refuses pasted control characters in each text field at once."""

from django import forms

from core.public_forms import reject_control_characters_in

MESSAGE = "Tekst zawiera niedozwolone znaki sterujące."


class NoteForm(forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea, required=False)
    code = forms.CharField(max_length=3, required=False)

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, ["title", "body", "code"])
        return cleaned


def test_every_text_field_with_a_control_character_gets_its_own_error():
    form = NoteForm({"title": "Koncert\x1b[31m", "body": "Linia 1\r\nLinia 2\tz tabulatorem", "code": "a\x07"})
    assert not form.is_valid()
    assert form.errors == {"title": [MESSAGE], "code": [MESSAGE]}


def test_line_breaks_and_tabs_pass_and_a_field_refused_already_keeps_its_own_error():
    form = NoteForm({"title": "Koncert\n\tplenerowy", "body": "", "code": "za długi\x07"})
    assert not form.is_valid()
    assert list(form.errors) == ["code"]
    assert MESSAGE not in form.errors["code"]
