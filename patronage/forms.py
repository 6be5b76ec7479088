"""Public forms of the duty: the patronage application, the symbols request and the report after the event."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import CaseChangesForm
from core.fieldsets import Fieldset, FieldsetsFormMixin, fieldset_fields
from core.filters import DATE_WIDGET_ATTRS
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, reject_control_characters_in
from core.uploads import IMAGE_KINDS, MultipleValidatedFileField, ValidatedFileField
from patronage.deadlines import PATRONAGE_APPLICATION_DAYS_BEFORE, patronage_application_is_late
from patronage.models import PatronageApplication, SymbolUseRequest

DATE_WIDGET = forms.DateInput(DATE_WIDGET_ATTRS, "%Y-%m-%d")
CONTACT_WIDGETS = {
    "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
    "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
    "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
}
PATRONAGE_MAX_DRAFTS = 5
REPORT_MAX_PHOTOS = 10


class PatronageApplicationForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """ "Wniosek o Honorowy Patronat Prezydenta Miasta": every field of DOMAIN.md §E.1 and its attachments.

    An application later than 30 days before the event is received and marked late (the clerk decides); the
    page says so before the organiser sends it (`is_late`), it is never refused by the form.
    """

    programme_file = ValidatedFileField(
        label=_("Detailed programme (file)"), required=False, help_text=_("Optional if written above.")
    )
    drafts = MultipleValidatedFileField(
        label=_("Drafts of promotional materials with the patronage logo"),
        required=False,
        max_files=PATRONAGE_MAX_DRAFTS,
        help_text=_("For approval: posters, invitations, banners. You may also send them later."),
    )

    class Meta:
        model = PatronageApplication
        fields = fieldset_fields(PatronageApplication.APPLICANT_FIELDSETS)
        widgets = {
            **CONTACT_WIDGETS,
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "scope": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "programme": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "contact_email": _("We will write to this address about your application."),
            "contact_phone": _("Optional."),
            "starts_on": _("Apply at least 30 days before this day. A cyclic event applies for each edition."),
            "permits_confirmed": _("E.g. the mass-event permit or the owner's consent to use the place."),
        }

    fieldsets = (
        *PatronageApplication.APPLICANT_FIELDSETS,
        Fieldset(_("Attachments"), ("programme_file", "drafts")),
    )
    text_fields = (
        "organiser_name",
        "organiser_address",
        "contact_name",
        "event_name",
        "venue",
        "description",
        "programme",
        "edition",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_late = False
        self.fields["scope"].choices = [choice for choice in self.fields["scope"].choices if choice[0]]

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on < timezone.localdate():
            raise forms.ValidationError(_("The event must not have started already."), code="past")
        return starts_on

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, self.text_fields)
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day must not be before the first."))
        if cleaned.get("is_cyclic") and not (cleaned.get("edition") or "").strip():
            self.add_error("edition", _("For a cyclic event, say which edition you apply for."))
        if not cleaned.get("permits_confirmed"):
            self.add_error("permits_confirmed", _("Confirm that the event will have every permit it requires."))
        if starts_on:
            self.is_late = patronage_application_is_late(timezone.localdate(), starts_on)
        return cleaned

    @property
    def late_days(self) -> int:
        return PATRONAGE_APPLICATION_DAYS_BEFORE


class SymbolUseRequestForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """ "Wniosek o zgodę na używanie herbu, flagi, logo lub barw miasta" (DOMAIN.md §E.2), with the design file."""

    design = ValidatedFileField(
        label=_("Graphic design of the intended use"),
        help_text=_("PDF, JPEG, PNG or WebP, up to 10 MB: how the symbol will look on the product or medium."),
    )

    class Meta:
        model = SymbolUseRequest
        fields = fieldset_fields(SymbolUseRequest.APPLICANT_FIELDSETS)
        widgets = {
            **CONTACT_WIDGETS,
            "symbol": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "period_from": DATE_WIDGET,
            "period_to": DATE_WIDGET,
        }
        help_texts = {
            "contact_email": _("We will write to this address about your request."),
            "contact_phone": _("Optional."),
        }

    fieldsets = (*SymbolUseRequest.APPLICANT_FIELDSETS, Fieldset(_("Design"), ("design",)))
    text_fields = ("applicant_name", "applicant_address", "contact_name", "purpose", "medium")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["symbol"].choices = [choice for choice in self.fields["symbol"].choices if choice[0]]

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean_period_to(self):
        period_to = self.cleaned_data["period_to"]
        if period_to < timezone.localdate():
            raise forms.ValidationError(_("The period of use must not have ended already."), code="past")
        return period_to

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, self.text_fields)
        period_from, period_to = cleaned.get("period_from"), cleaned.get("period_to")
        if period_from and period_to and period_to < period_from:
            self.add_error("period_to", _("The end of the use must not be before its start."))
        return cleaned


class PatronageReportForm(CaseChangesForm):
    """The organiser's report with photos after the patronised event, sent from the tracking link (DOMAIN.md §E.1).

    Reached while the report is awaited (core.applicant_changes); sending it performs "report_sent". The photos come
    with a free licence for the city's use (Trzebinia's regulamin), which the organiser must grant.
    """

    template_name = "patronage/includes/report_fields.html"
    multipart = True

    report_text = forms.CharField(
        label=_("Short report"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
        help_text=_("How the event went: the number of participants, what happened, where the patronage was shown."),
    )
    photos = MultipleValidatedFileField(
        label=_("Photos"),
        allowed_kinds=IMAGE_KINDS,
        max_files=REPORT_MAX_PHOTOS,
        help_text=_("JPEG, PNG or WebP, at most 10 photos."),
    )
    licence = forms.BooleanField(
        label=_(
            "I grant the City of Ruda Śląska a free, non-exclusive licence to use the photos in its promotion, "
            "with the author named, and I have the right to grant it."
        ),
        error_messages={"required": _("The photos can be accepted only with the licence for the city.")},
    )

    @classmethod
    def initial_from(cls, case) -> dict:
        return {"report_text": case.report_text}

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, ("report_text",))
        return cleaned

    def apply(self, case) -> None:
        from patronage.services.applications import application_report_attach

        application_report_attach(
            application=case, report_text=self.cleaned_data["report_text"], photos=self.cleaned_data["photos"]
        )
