"""The investor's public inquiry form (DOMAIN.md §I.2)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fieldsets import Fieldset, FieldsetsFormMixin, fieldset_fields
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, reject_control_characters_in
from promotion.models import InvestmentSite, InvestorInquiry


class SiteChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, site):
        return site.name


class InvestorInquiryForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """ "Zapytanie inwestora": the company, the contact person, what the investment needs and the sites it concerns."""

    sites = SiteChoiceField(
        label=_("Investment sites you ask about"),
        queryset=InvestmentSite.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional: leave empty to ask about any site that fits."),
    )

    class Meta:
        model = InvestorInquiry
        fields = fieldset_fields(InvestorInquiry.APPLICANT_FIELDSETS)
        widgets = {
            "company_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
            "needed_area_ha": forms.NumberInput(attrs={"inputmode": "decimal", "min": "0", "step": "0.01"}),
            "needs": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "contact_email": _("We will write to this address about your inquiry."),
            "contact_phone": _("Optional."),
            "needed_area_ha": _("Optional."),
        }

    fieldsets = (*InvestorInquiry.APPLICANT_FIELDSETS, Fieldset(_("Investment sites"), ("sites",)))
    text_fields = ("company_name", "country", "contact_name", "sector", "needs")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = InvestmentSite.objects.published().only("pk", "name").order_by("name", "pk")

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean_needed_area_ha(self):
        area = self.cleaned_data.get("needed_area_ha")
        if area is not None and area <= 0:
            raise forms.ValidationError(_("Give the area in hectares, more than 0."), code="area")
        return area

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, self.text_fields)
        return cleaned
