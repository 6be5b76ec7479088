"""The public registration form of a meeting."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_forms import PublicFormMixin, TelInput, clean_phone_number, reject_control_characters_in
from meetings.models import MeetingRegistration

TEXT_FIELDS = ("full_name", "needs")


class MeetingRegistrationForm(PublicFormMixin, forms.ModelForm):
    class Meta:
        model = MeetingRegistration
        fields = ["full_name", "email", "phone", "needs"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": TelInput(attrs={"autocomplete": "tel"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "email": _("Optional: we write only if the meeting changes."),
            "phone": _("Optional."),
        }

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, TEXT_FIELDS)
        return cleaned
