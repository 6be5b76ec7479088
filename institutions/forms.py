"""The public form of the register: a request for an extract (wniosek o wydanie odpisu), DOMAIN.md §A.5."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import CaseChangesForm
from core.public_cases import PublicCaseForm
from core.public_forms import reject_control_characters
from core.uploads import JPEG, PDF, PNG, ValidatedFileField
from institutions.models import CulturalInstitution, ExtractRequest

MAX_COPIES = 5
TEXT_FIELDS = ("applicant_name", "applicant_address")


class InstitutionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.entry_no}. {obj.full_name}"


class ExtractRequestFieldsForm(forms.ModelForm):
    """What a request for an extract says: which institution, which extract, how many copies, to whom and how.

    Shared by the request form and the form correcting a request the department asked to correct.
    """

    institution = InstitutionChoiceField(
        label=_("Institution"),
        queryset=CulturalInstitution.objects.registered().order_by("entry_no"),
        empty_label=_("— choose an institution —"),
        error_messages={
            "required": _("Choose the institution the extract is about."),
            "invalid_choice": _("Choose an institution from the list."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind of extract"),
        choices=ExtractRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the full or the abridged extract.")},
    )
    copies = forms.IntegerField(
        label=_("Number of copies"),
        min_value=1,
        max_value=MAX_COPIES,
        initial=1,
        error_messages={
            "min_value": _("Ask for at least one copy."),
            "max_value": _("Ask for at most %(limit_value)s copies in one request."),
            "invalid": _("Enter the number of copies as a whole number."),
        },
    )
    delivery = forms.ChoiceField(
        label=_("How should we deliver the extract?"),
        choices=ExtractRequest.Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the extract should be delivered.")},
    )
    field_order = [
        "institution",
        "kind",
        "copies",
        "applicant_name",
        "applicant_address",
        "contact_email",
        "delivery",
    ]

    class Meta:
        model = ExtractRequest
        fields = ["institution", "kind", "copies", "applicant_name", "applicant_address", "contact_email", "delivery"]
        labels = {
            "applicant_name": _("Name and surname or name of the organisation"),
            "applicant_address": _("Postal address"),
            "contact_email": _("E-mail"),
        }
        help_texts = {
            "applicant_address": _("Street and number, postal code and town: we send the extract there."),
            "contact_email": _("Optional, unless you want the extract electronically."),
        }
        widgets = {
            "applicant_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "applicant_address": forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "applicant_name": {"required": _("Enter your name or the name of your organisation.")},
            "applicant_address": {"required": _("Enter the postal address.")},
            "contact_email": {"invalid": _("Enter an e-mail address such as jan.kowalski@example.pl.")},
        }

    def clean(self):
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            try:
                reject_control_characters(cleaned.get(name, ""))
            except forms.ValidationError as error:
                self.add_error(name, error)
        if cleaned.get("delivery") == ExtractRequest.Delivery.ELECTRONIC and not cleaned.get("contact_email"):
            self.add_error("contact_email", _("Enter the e-mail address the electronic extract should be sent to."))
        return cleaned


class ExtractRequestForm(PublicCaseForm, ExtractRequestFieldsForm):
    """ "Wniosek o odpis z rejestru instytucji kultury": anyone may ask; no reason needs to be given."""

    fee_proof = ValidatedFileField(
        label=_("Proof of payment of the stamp duty"),
        allowed_kinds=[PDF, JPEG, PNG],
        required=False,
        help_text=_(
            "Optional now: the department counts the pages and tells you the amount on the case's page, where you "
            "can send the proof later."
        ),
    )

    field_order = [*ExtractRequestFieldsForm.field_order, "fee_proof"]


class ExtractChangesForm(CaseChangesForm, ExtractRequestFieldsForm):
    """The applicant corrects the request after the department asked for corrections (core.applicant_changes)."""

    template_name = "institutions/includes/extract_changes_fields.html"

    class Media:
        css = {"all": ["institutions/register.css"]}

    @classmethod
    def initial_from(cls, case) -> dict:
        names = [name for name in ExtractRequestFieldsForm._meta.fields if name != "institution"]
        return {name: getattr(case, name) for name in names} | {"institution": case.institution_id}

    def apply(self, case) -> None:
        from institutions.services import extract_request_changes_apply

        extract_request_changes_apply(
            request=case, fields={name: self.cleaned_data[name] for name in ExtractRequestFieldsForm._meta.fields}
        )
