"""Public forms of the coordinator: the request for accessibility and the demand for digital accessibility."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accessibility.models import AccessibilityCase, AccessibilityRequest, DigitalAccessibilityDemand
from core.fieldsets import Fieldset, FieldsetsFormMixin, fieldset_fields
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, reject_control_characters_in
from core.uploads import VIDEO_KINDS, VIDEO_MAX_BYTES, ValidatedFileField

CONTACT_WIDGETS = {
    "applicant_name": forms.TextInput(attrs={"autocomplete": "name"}),
    "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
    "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
    "contact_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
    "contact_method": forms.RadioSelect,
}
CONTACT_HELP = {
    "contact_email": _("We will write to this address about your case."),
    "contact_phone": _("Optional."),
    "contact_address": _("Optional: for an answer by post."),
}


class AccessibilityCaseForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """What both forms share: the contact data (at least one way), the preferred contact and the PJM video.

    Ustawa z 19.07.2019 art. 30 ust. 3 pkt 1 (DOMAIN.md §G.2): without contact data the case is left without
    consideration, so the form asks for at least one contact rather than accept a case it could never answer.
    Art. 30 ust. 4 [V-sec]: the request may be filed as a recording in Polish Sign Language.
    """

    video = ValidatedFileField(
        label=_("Recording in Polish Sign Language (PJM)"),
        required=False,
        allowed_kinds=VIDEO_KINDS,
        max_bytes=VIDEO_MAX_BYTES,
        help_text=_("Optional: MP4 or WebM, up to 50 MB. You may sign what you would write in the fields below."),
    )
    text_fields: tuple[str, ...] = ("applicant_name", "contact_address")

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, self.text_fields)
        if not any((cleaned.get(name) or "").strip() for name in AccessibilityCase.CONTACT_FIELDS):
            self.add_error(
                "contact_email",
                forms.ValidationError(
                    _("Give an e-mail, a phone number or a postal address: without them we cannot answer."),
                    code="no_contact",
                ),
            )
        method = cleaned.get("contact_method")
        needed = {"email": "contact_email", "phone": "contact_phone", "post": "contact_address"}.get(method)
        if needed and not (cleaned.get(needed) or "").strip() and needed not in self.errors:
            self.add_error(needed, _("Fill this in to be contacted the way you chose."))
        return cleaned


class AccessibilityRequestForm(AccessibilityCaseForm):
    """ "Wniosek o zapewnienie dostępności" (ustawa z 19.07.2019 art. 30; DOMAIN.md §G.2)."""

    class Meta:
        model = AccessibilityRequest
        fields = fieldset_fields(AccessibilityRequest.APPLICANT_FIELDSETS)
        widgets = {
            **CONTACT_WIDGETS,
            "barrier_kind": forms.RadioSelect,
            "barrier_description": forms.Textarea(attrs={"rows": 4}),
            "factual_interest": forms.Textarea(attrs={"rows": 3}),
            "preferred_solution": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = CONTACT_HELP

    fieldsets = (*AccessibilityRequest.APPLICANT_FIELDSETS, Fieldset(_("Polish Sign Language"), ("video",)))
    text_fields = (
        *AccessibilityCaseForm.text_fields,
        "barrier_place",
        "barrier_description",
        "factual_interest",
        "preferred_solution",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("barrier_kind", "contact_method"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]


class DigitalAccessibilityDemandForm(AccessibilityCaseForm):
    """ "Żądanie zapewnienia dostępności cyfrowej" (ustawa z 4.04.2019 art. 18; DOMAIN.md §G.4)."""

    class Meta:
        model = DigitalAccessibilityDemand
        fields = fieldset_fields(DigitalAccessibilityDemand.APPLICANT_FIELDSETS)
        widgets = {
            **CONTACT_WIDGETS,
            "page_url": forms.URLInput(attrs={"inputmode": "url"}),
            "problem": forms.Textarea(attrs={"rows": 4}),
            "preferred_alternative": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = CONTACT_HELP

    fieldsets = (*DigitalAccessibilityDemand.APPLICANT_FIELDSETS, Fieldset(_("Polish Sign Language"), ("video",)))
    text_fields = (*AccessibilityCaseForm.text_fields, "element", "problem", "preferred_alternative")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_method"].choices = [c for c in self.fields["contact_method"].choices if c[0]]
