from django import forms
from django.utils.translation import gettext_lazy as _

from core.public_cases import PublicCaseForm
from core.public_forms import reject_control_characters
from events.models import Category, EventSubmission, Venue


class EventSubmissionForm(PublicCaseForm, forms.ModelForm):
    """ "Zgłoś wydarzenie": an organiser proposes an event for the city's calendar."""

    title = forms.CharField(label=_("Title of the event"), max_length=200)
    lead = forms.CharField(label=_("In one sentence"), max_length=300)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all(), empty_label=None)
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.all(),
        help_text=_("If the venue is missing, name it in the description."),
    )
    starts_at = forms.DateTimeField(
        label=_("Start"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    ends_at = forms.DateTimeField(
        label=_("End"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    organiser_name = forms.CharField(label=_("Organiser"), max_length=200)
    is_free = forms.BooleanField(label=_("Free admission"), required=False, initial=True)
    ticket_url = forms.URLField(label=_("Tickets or registration (link)"), required=False)

    class Meta:
        model = EventSubmission
        fields = ["contact_name", "contact_email", "contact_phone"]
        help_texts = {
            "contact_email": _("We will write to this address about your submission."),
            "contact_phone": _("Optional."),
        }

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "lead", "description", "organiser_name", "contact_name"):
            try:
                reject_control_characters(cleaned.get(name, ""))
            except forms.ValidationError as error:
                self.add_error(name, error)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The end must not be before the start."))
        return cleaned
