"""The organiser's forms: "Zgłoś wydarzenie" and the same event's details changed after the department asked.

Everything an organiser knows goes onto the Event's own fields (`EventDetailsForm.event_fields`): audience,
admission and prices, ticket or registration link, the accessibility of the programme and several dates. The
image is the exception: it is checked by content and kept with the case as a private document until the clerk
accepts the submission (`events.services.on_submission_accept` then makes it the event's public image).
"""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import EMPTY, CaseChangesForm
from core.fieldsets import FieldsetsFormMixin
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, datetime_widget, reject_control_characters_in
from core.uploads import IMAGE_KINDS, ValidatedFileField
from events.models import Category, Event, EventSubmission, Venue

TEXT_FIELDS = ("title", "lead", "description", "organiser_name", "image_alt_text", "image_credit")
CONTACT_TEXT_FIELDS = ("contact_name", "contact_phone")
#: Dates an organiser may give besides the first one; a longer series is described in the text [K].
MORE_DATES = 5
#: "For whom" choices and the Event field each one sets.
AUDIENCE_FIELDS = {
    "children": "for_children",
    "youth": "for_youth",
    "seniors": "for_seniors",
    "families": "for_families",
}
ACCESSIBILITY_FIELDS = ("sign_language_interpreter", "audio_description")
IMAGE_MAX_BYTES = 10 * 1024 * 1024
PRICE_MAX = Decimal("99999.99")


def _price_field(label):
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_value=PRICE_MAX,
        max_digits=7,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "invalid": _("Enter the price in złoty, e.g. 25 or 12,50."),
            "max_decimal_places": _("Give the price to the grosz: at most 2 digits after the comma."),
            "min_value": _("The price cannot be negative."),
        },
    )


def description_as_text(html: str) -> str:
    """The organiser's plain text back from the description kept as paragraphs (the inverse of `linebreaks`)."""
    from html import unescape

    text = re.sub(r"<br\s*/?>", "\n", html or "")
    text = re.sub(r"</p>\s*<p>", "\n\n", text)
    return unescape(strip_tags(text)).strip()


def more_date_names(n: int) -> tuple[str, str]:
    return f"starts_at_{n}", f"ends_at_{n}"


DETAILS_ORDER = [
    "title",
    "lead",
    "description",
    "category",
    "organiser_name",
    "image",
    "image_alt_text",
    "image_credit",
    "starts_at",
    "ends_at",
    *[name for n in range(2, MORE_DATES + 2) for name in more_date_names(n)],
    "venue",
    "audiences",
    "admission",
    "price_from",
    "price_to",
    "ticket_url",
    *ACCESSIBILITY_FIELDS,
]


class EventDetailsForm(forms.Form):
    """What an organiser tells about the event; shared by the submission form and the form for changes.

    The first date is `starts_at`/`ends_at`; up to MORE_DATES further dates are `starts_at_2`/`ends_at_2`, …
    (plain fields, so the form works without JavaScript and every error links to its input).
    """

    title = forms.CharField(label=_("Title of the event"), max_length=200)
    lead = forms.CharField(label=_("In one sentence"), max_length=300)
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.all(), empty_label=None)
    organiser_name = forms.CharField(label=_("Organiser"), max_length=200)
    image = ValidatedFileField(
        label=_("Image (optional)"),
        allowed_kinds=IMAGE_KINDS,
        max_bytes=IMAGE_MAX_BYTES,
        required=False,
        help_text=_("A photo or poster: JPEG, PNG or WebP, at most 10 MB. Shown after the department accepts it."),
    )
    image_alt_text = forms.CharField(
        label=_("What the image shows"),
        max_length=250,
        required=False,
        help_text=_("For people who cannot see it, e.g. “Brass band on the stage of MCK”. Needed with an image."),
    )
    image_credit = forms.CharField(
        label=_("Photo credit"),
        max_length=200,
        required=False,
        help_text=_("Who took the photo or made the poster, e.g. Jan Kowalski."),
    )
    starts_at = forms.DateTimeField(label=_("Start"), widget=datetime_widget())
    ends_at = forms.DateTimeField(label=_("End"), required=False, widget=datetime_widget())
    venue = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.all(),
        help_text=_("If the venue is missing, name it in the description."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        required=False,
        choices=[
            ("children", _("children")),
            ("youth", _("young people")),
            ("seniors", _("seniors")),
            ("families", _("families")),
        ],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for an event for everyone."),
    )
    admission = forms.ChoiceField(
        label=_("Admission"),
        choices=Event.PriceKind.choices,
        initial=Event.PriceKind.FREE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether admission is free or paid.")},
    )
    price_from = _price_field(_("Price (or the lowest price) in zł"))
    price_to = _price_field(_("Highest price in zł"))
    ticket_url = forms.URLField(
        label=_("Tickets or registration (link)"), required=False, max_length=200, assume_scheme="https"
    )
    sign_language_interpreter = forms.BooleanField(label=_("Polish Sign Language interpreter"), required=False)
    audio_description = forms.BooleanField(label=_("Audio description"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(2, MORE_DATES + 2):
            start, end = more_date_names(n)
            self.fields[start] = forms.DateTimeField(
                label=_("Start (date %(n)d)") % {"n": n}, required=False, widget=datetime_widget()
            )
            self.fields[end] = forms.DateTimeField(
                label=_("End (date %(n)d)") % {"n": n}, required=False, widget=datetime_widget()
            )
        if not self.is_bound:
            self.initial.setdefault("admission", Event.PriceKind.FREE)
        # The order of the page and of the error summary: the event, its image, dates and place, for whom,
        # admission, accessibility, then whatever a subclass adds (contact, a comment).
        self.order_fields(DETAILS_ORDER)

    # Template helpers -----------------------------------------------------------------------------------------

    def more_dates(self):
        """The further dates' bound fields in pairs, with their number: [(2, start, end), …]."""
        return [(n, self[more_date_names(n)[0]], self[more_date_names(n)[1]]) for n in range(2, MORE_DATES + 2)]

    def accessibility_fields(self):
        return [self[name] for name in ACCESSIBILITY_FIELDS]

    def more_dates_open(self) -> bool:
        """Show the further dates unfolded when one of them is filled in (or wrong)."""
        names = [name for n in range(2, MORE_DATES + 2) for name in more_date_names(n)]
        if self.is_bound:
            return any(self.data.get(self.add_prefix(name)) for name in names) or any(
                name in self.errors for name in names
            )
        return any(self.initial.get(name) for name in names)

    # Cleaning -------------------------------------------------------------------------------------------------

    def _check_start(self, name):
        value = self.cleaned_data.get(name)
        if value is not None and value <= timezone.now():
            self.add_error(name, forms.ValidationError(_("The start must be in the future."), code="past"))

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("The start must be in the future."), code="past")
        return starts_at

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, TEXT_FIELDS)
        self._clean_dates(cleaned)
        self._clean_admission(cleaned)
        if (
            cleaned.get("image")
            and not (cleaned.get("image_alt_text") or "").strip()
            and "image_alt_text" not in self.errors
        ):
            self.add_error("image_alt_text", _("Describe what the image shows (alternative text)."))
        return cleaned

    def _clean_dates(self, cleaned):
        pairs = [("starts_at", "ends_at")] + [more_date_names(n) for n in range(2, MORE_DATES + 2)]
        for start_name, end_name in pairs:
            starts_at, ends_at = cleaned.get(start_name), cleaned.get(end_name)
            if start_name != "starts_at":
                if ends_at and not starts_at and start_name not in self.errors:
                    self.add_error(start_name, _("Give the start of this date, or clear its end."))
                self._check_start(start_name)
            if starts_at and ends_at and ends_at < starts_at:
                self.add_error(end_name, _("The end must not be before the start."))

    def _clean_admission(self, cleaned):
        paid = cleaned.get("admission") == Event.PriceKind.PAID
        price_from, price_to = cleaned.get("price_from"), cleaned.get("price_to")
        if not paid:
            for name in ("price_from", "price_to"):
                if cleaned.get(name) is not None:
                    self.add_error(name, _("Free admission has no price: choose paid admission or clear the price."))
            return
        if price_from is None and "price_from" not in self.errors:
            self.add_error("price_from", _("Give the price of a ticket (the lowest, if there are several)."))
        elif price_to is not None and price_from is not None and price_to < price_from:
            self.add_error("price_to", _("The highest price must not be lower than the lowest."))

    # What the form gives the event ----------------------------------------------------------------------------

    def occurrences(self) -> list[tuple]:
        """The dates given, first date first, each (start, end or None); empty rows are skipped."""
        data = self.cleaned_data
        dates = [(data["starts_at"], data.get("ends_at"))]
        for n in range(2, MORE_DATES + 2):
            start, end = more_date_names(n)
            if data.get(start):
                dates.append((data[start], data.get(end)))
        return dates

    def event_fields(self) -> dict:
        """The Event's fields as the organiser filled them (plain text escaped; paragraphs kept)."""
        data = self.cleaned_data
        description = (data.get("description") or "").strip()
        paid = data["admission"] == Event.PriceKind.PAID
        link = data.get("ticket_url") or ""
        audiences = set(data.get("audiences") or ())
        return {
            "title": data["title"],
            "lead": data["lead"],
            # The organiser sends plain text: escape it (no markup of theirs reaches the page), keep paragraphs.
            "description": linebreaks(description, autoescape=True) if description else "",
            "category": data["category"],
            "venue": data["venue"],
            "organiser_name": data["organiser_name"],
            "image_credit": (data.get("image_credit") or "").strip(),
            "price_kind": data["admission"],
            "price_from": data.get("price_from") if paid else None,
            "price_to": data.get("price_to") if paid else None,
            "ticket_url": link if paid else "",
            "registration_url": "" if paid else link,
            **{field: key in audiences for key, field in AUDIENCE_FIELDS.items()},
            **{name: bool(data.get(name)) for name in ACCESSIBILITY_FIELDS},
        }

    @staticmethod
    def initial_from_event(event: Event) -> dict:
        """The form's initial values from an event (the inverse of `event_fields`, for changing a submission)."""
        occurrences = list(event.occurrences.order_by("starts_at", "pk"))
        paid = event.price_kind == Event.PriceKind.PAID
        initial = {
            "title": event.title,
            "lead": event.lead,
            "description": description_as_text(event.description),
            "category": event.category_id,
            "venue": event.venue_id,
            "organiser_name": event.organiser_name,
            "image_credit": event.image_credit,
            "admission": event.price_kind,
            "price_from": event.price_from,
            "price_to": event.price_to,
            "ticket_url": event.ticket_url if paid else event.registration_url,
            "audiences": [key for key, field in AUDIENCE_FIELDS.items() if getattr(event, field)],
            **{name: getattr(event, name) for name in ACCESSIBILITY_FIELDS},
        }
        for n, occurrence in enumerate(occurrences[: MORE_DATES + 1], start=1):
            start, end = ("starts_at", "ends_at") if n == 1 else more_date_names(n)
            initial[start] = timezone.localtime(occurrence.starts_at)
            initial[end] = timezone.localtime(occurrence.ends_at) if occurrence.ends_at else None
        return initial


CONTACT_FIELDS = forms.fields_for_model(
    EventSubmission,
    fields=EventSubmission.PERSONAL_DATA_FIELDS,
    help_texts={
        "contact_email": _("We will write to this address about your submission."),
        "contact_phone": _("Optional."),
    },
    widgets={
        "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
        "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
    },
)


class ContactFieldsMixin(FieldsetsFormMixin, forms.Form):
    """The organiser's contact (not published), with the model's labels and limits, in the model's one group."""

    fieldsets = EventSubmission.APPLICANT_FIELDSETS

    contact_name = CONTACT_FIELDS["contact_name"]
    contact_email = CONTACT_FIELDS["contact_email"]
    contact_phone = CONTACT_FIELDS["contact_phone"]

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, CONTACT_TEXT_FIELDS)
        return cleaned


class EventSubmissionForm(PublicCaseForm, ContactFieldsMixin, EventDetailsForm, forms.ModelForm):
    """ "Zgłoś wydarzenie": an organiser proposes an event for the city's calendar."""

    class Meta:
        model = EventSubmission
        fields = ["contact_name", "contact_email", "contact_phone"]


class SubmissionChangesForm(CaseChangesForm, ContactFieldsMixin, EventDetailsForm):
    """The organiser changes the submitted event after the department asked for changes (core.applicant_changes).

    Everything the submission form asked can be changed, the dates and the image included; the event is still a
    draft nobody sees, so its dates are replaced as a whole.
    """

    template_name = "events/includes/submission_changes_fields.html"
    multipart = True

    @classmethod
    def initial_from(cls, case) -> dict:
        return {
            **EventDetailsForm.initial_from_event(case.event),
            "image_alt_text": case.image_alt_text,
            "contact_name": case.contact_name,
            "contact_email": case.contact_email,
            "contact_phone": case.contact_phone,
        }

    @classmethod
    def extra_snapshot(cls, case) -> list[tuple[str, str, str]]:
        document = case.image_document
        return [("image", _("Image"), (document.original_name or str(document)) if document else EMPTY)]

    def current_image(self) -> str:
        document = self.case.image_document
        return (document.original_name or str(document)) if document else ""

    def clean(self):
        cleaned = super().clean()
        has_image = cleaned.get("image") or self.case.image_document_id
        if has_image and not (cleaned.get("image_alt_text") or "").strip() and "image_alt_text" not in self.errors:
            self.add_error("image_alt_text", _("Describe what the image shows (alternative text)."))
        return cleaned

    def apply(self, case) -> None:
        from events.services import submission_changes_apply

        data = self.cleaned_data
        submission_changes_apply(
            submission=case,
            event_fields=self.event_fields(),
            occurrences=self.occurrences(),
            contact={name: data.get(name) or "" for name in ("contact_name", "contact_email", "contact_phone")},
            image=data.get("image"),
            image_alt_text=(data.get("image_alt_text") or "").strip(),
        )
