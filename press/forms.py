"""The public accreditation form and the clerks' CSV import form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fieldsets import FieldsetsFormMixin, fieldset_fields
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, reject_control_characters_in
from press.models import Accreditation

TEXT_FIELDS = ("full_name", "outlet_name", "role", "press_card_number", "phone", "crew", "equipment")


class AccreditationForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """A journalist asks to be accredited to a press conference (DOMAIN.md §F.2)."""

    fieldsets = Accreditation.APPLICANT_FIELDSETS
    field_order = fieldset_fields(Accreditation.APPLICANT_FIELDSETS)

    class Meta:
        model = Accreditation
        fields = fieldset_fields(Accreditation.APPLICANT_FIELDSETS)
        help_texts = {
            "press_card_number": _("Optional; the number of your press card (legitymacja prasowa)."),
            "email": _("We will send the decision to this address."),
            "phone": _("Optional, for contact on the day of the conference."),
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "outlet_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": TelInput(attrs={"autocomplete": "tel"}),
            "crew": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
            "equipment": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        error_messages = {
            "full_name": {"required": _("Enter your first name and surname.")},
            "outlet_name": {"required": _("Enter the media outlet you work for.")},
            "role": {"required": _("Enter your role, e.g. reporter or photographer.")},
            "email": {"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        }

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, TEXT_FIELDS)
        return cleaned


class ContactsImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: nazwa, email, telefon, redakcja, tematyka, listy (separated by |), podstawa_prawna (e or a), "
            "zrodlo_danych. Comma or semicolon, UTF-8 or Windows-1250."
        ),
    )
