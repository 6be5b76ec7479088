from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Feedback
from core.public_cases import PublicCaseForm
from core.public_forms import reject_control_characters


class FeedbackForm(PublicCaseForm, forms.ModelForm):
    """ "Prześlij opinię": a free-text opinion about the portal or a page of it."""

    class Meta:
        model = Feedback
        fields = ["message", "page_path", "contact_email"]
        labels = {
            "message": _("Your opinion"),
            "contact_email": _("E-mail address (optional)"),
        }
        help_texts = {
            "message": _("At most 5,000 characters. Please do not include personal data of other people."),
            "contact_email": _("Give it only if you want an answer."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
            "page_path": forms.HiddenInput,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "message": {
                "required": _("Please write your opinion."),
                "max_length": _("The opinion may have at most %(limit_value)d characters (it has %(show_value)d)."),
            },
            "contact_email": {"invalid": _("Enter a valid e-mail address, e.g. jan.kowalski@example.pl.")},
        }

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        reject_control_characters(message)
        if not message:
            raise forms.ValidationError(_("Please write your opinion."), code="required")
        return message

    def clean_page_path(self):
        path = self.cleaned_data.get("page_path", "")
        # Only a path on this site is kept; anything else (an external URL, a script) is dropped.
        if not path.startswith("/") or path.startswith("//") or any(not ch.isprintable() for ch in path):
            return ""
        return path.split("?")[0].split("#")[0][:500]
