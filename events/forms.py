import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.public_cases import PublicCaseForm
from core.public_forms import reject_control_characters
from events.models import Category, EventSubmission, Venue

DATETIME_WIDGET_FORMAT = "%Y-%m-%dT%H:%M"
# Digits with the usual separators; a leading + for foreign numbers. Anything else is a typo or junk.
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-]{5,28}$")
TEXT_FIELDS = ("title", "lead", "description", "organiser_name", "contact_name", "contact_phone")


class TelInput(forms.TextInput):
    input_type = "tel"


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_WIDGET_FORMAT)


class EventSubmissionForm(PublicCaseForm, forms.ModelForm):
    """ "Zgłoś wydarzenie": an organiser proposes an event for the city's calendar."""

    title = forms.CharField(label=_("Title of the event"), max_length=200)
    lead = forms.CharField(label=_("In one sentence"), max_length=300)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all(), empty_label=None)
    organiser_name = forms.CharField(label=_("Organiser"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Start"), widget=_datetime_widget())
    ends_at = forms.DateTimeField(label=_("End"), required=False, widget=_datetime_widget())
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.all(),
        help_text=_("If the venue is missing, name it in the description."),
    )
    is_free = forms.BooleanField(label=_("Free admission"), required=False, initial=True)
    ticket_url = forms.URLField(label=_("Tickets or registration (link)"), required=False, max_length=200)

    # The order of the page (and of the error summary): the event, date and place, admission, contact.
    field_order = [
        "title",
        "lead",
        "description",
        "category",
        "organiser_name",
        "starts_at",
        "ends_at",
        "venue",
        "is_free",
        "ticket_url",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]

    class Meta:
        model = EventSubmission
        fields = ["contact_name", "contact_email", "contact_phone"]
        help_texts = {
            "contact_email": _("We will write to this address about your submission."),
            "contact_phone": _("Optional."),
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
        }

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("The start must be in the future."), code="past")
        return starts_at

    def clean_contact_phone(self):
        phone = self.cleaned_data.get("contact_phone", "").strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number using digits, spaces and the signs + ( ) - only."), code="phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            try:
                reject_control_characters(cleaned.get(name, ""))
            except forms.ValidationError as error:
                self.add_error(name, error)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The end must not be before the start."))
        return cleaned
