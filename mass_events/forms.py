"""Public forms of the mass-events duty: the permit application, the notification and the permit guide."""

from typing import NamedTuple

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.applicant_changes import CaseChangesForm
from core.fieldsets import Fieldset, FieldsetsFormMixin, fieldset_fields
from core.public_cases import PublicCaseForm
from core.public_forms import TelInput, clean_phone_number, datetime_widget, reject_control_characters_in
from core.uploads import MultipleValidatedFileField, ValidatedFileField
from mass_events.deadlines import Timeliness, artistic_event_notification_is_late, mass_event_application_timeliness
from mass_events.models import EventNotification, EventType, MassEventPermitApplication, OpinionBody, VenueKind

# (field name, description stored with the document, label, required)
PERMIT_ATTACHMENTS = [
    ("opinion_police", "Opinia Komendanta Miejskiego Policji", _("Opinion of the police"), False),
    ("opinion_fire", "Opinia Komendanta Miejskiego PSP", _("Opinion of the fire service"), False),
    ("opinion_medical", "Opinia dysponenta ratownictwa medycznego", _("Opinion of the medical dispatcher"), False),
    (
        "opinion_sanitary",
        "Opinia Państwowego Powiatowego Inspektora Sanitarnego",
        _("Opinion of the sanitary inspector"),
        False,
    ),
    (
        "site_plan",
        "Plan graficzny obiektu (terenu) z opisem",
        _("Graphic plan of the object or area with its description"),
        True,
    ),
    (
        "regulations",
        "Regulamin imprezy i regulamin obiektu (terenu)",
        _("Rules of the event and of the object or area"),
        True,
    ),
    (
        "fire_instruction",
        "Instrukcja postępowania w przypadku pożaru",
        _("Instruction in case of fire or other local threat"),
        True,
    ),
    ("insurance", "Polisa ubezpieczenia OC organizatora", _("Third-party liability insurance policy"), False),
    ("fee_proof", "Dowód uiszczenia opłaty skarbowej", _("Proof of payment of the stamp duty (82 zł)"), True),
]
PERMIT_MAX_OTHER_FILES = 5
# Every file the form invites fits in one request: Django's DATA_UPLOAD_MAX_NUMBER_FILES (settings) and nginx's
# client_max_body_size 55m (deploy/nginx/portal.conf) are set from these two numbers.
PERMIT_MAX_FILES = len(PERMIT_ATTACHMENTS) + PERMIT_MAX_OTHER_FILES
PERMIT_MAX_TOTAL_BYTES = 50 * 1024 * 1024
# The file field of each body's opinion: the file sent there fills that body's line of the opinions checklist.
OPINION_ATTACHMENTS = {
    "opinion_police": OpinionBody.POLICE,
    "opinion_fire": OpinionBody.FIRE,
    "opinion_medical": OpinionBody.MEDICAL,
    "opinion_sanitary": OpinionBody.SANITARY,
}


class PermitAttachment(NamedTuple):
    """A file sent with the application: its description, the validated file and, for an opinion, its body."""

    description: str
    file: object
    opinion_body: str = ""


def permit_attachments_sent(cleaned_data) -> list[PermitAttachment]:
    """Every attachment in a permit form's cleaned data, in the form's order; an opinion names its body."""
    sent = [
        PermitAttachment(description, cleaned_data[name], OPINION_ATTACHMENTS.get(name, ""))
        for name, description, _label, _required in PERMIT_ATTACHMENTS
        if cleaned_data.get(name)
    ]
    sent += [PermitAttachment("Inny załącznik", file) for file in cleaned_data.get("other_attachments") or []]
    return sent


def permit_attachments_too_large(attachments: list[PermitAttachment]) -> str | None:
    """The error to show when the files together exceed PERMIT_MAX_TOTAL_BYTES (one request), else None."""
    total = sum(attachment.file.upload.original_size for attachment in attachments)
    if total <= PERMIT_MAX_TOTAL_BYTES:
        return None
    return _(
        "All attachments together may have at most %(max_size)s; you chose %(size)s. Make the biggest "
        "files smaller (e.g. scan them at a lower resolution) and choose them again."
    ) % {"max_size": filesizeformat(PERMIT_MAX_TOTAL_BYTES), "size": filesizeformat(total)}


class UnechoedTextInput(forms.TextInput):
    """A text input that never renders its value back (like PasswordInput(render_value=False), but visible).

    For the security manager's PESEL: a page shown after an error must not carry the number (caches, shoulder
    surfing, screenshots of error pages).
    """

    def format_value(self, value):
        return None


# The organiser's contact and the event's dates, as both public forms ask for them.
ORGANISED_EVENT_WIDGETS = {
    "starts_at": datetime_widget(),
    "ends_at": datetime_widget(),
    "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
    "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
    "contact_phone": TelInput(attrs={"autocomplete": "tel"}),
}


class OrganisedEventForm(FieldsetsFormMixin, PublicCaseForm, forms.ModelForm):
    """What the permit application and the notification forms share (models.OrganisedEventCase).

    The dates typed in the date-time widget (the start in the future, the end not before it), a checked phone
    number, and no control characters in the free text of `text_fields`.
    """

    # Free text that may not carry control characters: the shared fields here, each form adds its own.
    text_fields: tuple[str, ...] = (
        "organiser_name",
        "organiser_address",
        "correspondence_address",
        "contact_name",
        "event_name",
        "venue",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["ends_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("The start must be in the future."), code="past")
        return starts_at

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean(self):
        cleaned = super().clean()
        reject_control_characters_in(self, self.text_fields)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The end must not be before the start."))
        return cleaned


class MassEventPermitApplicationForm(OrganisedEventForm):
    """ "Wniosek o wydanie zezwolenia na imprezę masową": every field of DOMAIN.md §B.3 and its attachments.

    An application less than 30 days before the event (u.b.i.m. art. 25 ust. 1, 1a) is accepted only after the
    organiser confirms the warning shown on the first send (`late_confirmed`).
    """

    # Longer than 11 on purpose: people type PESEL with spaces; the model's validator checks the 11 digits.
    security_manager_pesel = forms.CharField(
        label=_("security manager's PESEL"),
        max_length=20,
        help_text=_("11 digits. Required by u.b.i.m. art. 26 ust. 1; never published."),
        error_messages={"required": _("Enter the security manager's PESEL.")},
        widget=UnechoedTextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    late_confirmed = forms.BooleanField(
        label=_("I understand the warning and want to send the application anyway"), required=False
    )
    other_attachments = MultipleValidatedFileField(
        label=_("Other attachments"),
        required=False,
        max_files=PERMIT_MAX_OTHER_FILES,
        help_text=_(
            "E.g. the schedule of cyclic events, the instruction for stewards, a power of attorney or a KRS extract."
        ),
    )

    class Meta:
        model = MassEventPermitApplication
        fields = fieldset_fields(MassEventPermitApplication.APPLICANT_FIELDSETS)
        widgets = {
            "organiser_kind": forms.RadioSelect,
            "event_type": forms.RadioSelect,
            "venue_kind": forms.RadioSelect,
            "programme": forms.Textarea(attrs={"rows": 5}),
            "threats": forms.Textarea(attrs={"rows": 4}),
            "shortened_deadline_justification": forms.Textarea(attrs={"rows": 3}),
            **ORGANISED_EVENT_WIDGETS,
            "security_manager_phone": TelInput(),
        }
        help_texts = {
            "contact_email": _("We will write to this address about your application."),
            "security_manager_licence": _("Required for a high-risk event."),
            "shortened_deadline_justification": _(
                "Only if the event starts in less than 30 days: explain the exceptional circumstances "
                "(u.b.i.m. art. 25 ust. 1a)."
            ),
            "cctv": _("Cameras or sound recording (u.b.i.m. art. 11)."),
        }

    include_after = {"shortened_deadline_justification": "mass_events/includes/late_warning.html"}
    text_fields = (
        *OrganisedEventForm.text_fields,
        "programme",
        "threats",
        "security_manager_name",
        "security_manager_certificate",
        "security_manager_licence",
        "shortened_deadline_justification",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timeliness = None
        for name, _description, label, required in PERMIT_ATTACHMENTS:
            self.fields[name] = ValidatedFileField(label=label, required=required)
        self.fields["insurance"].help_text = _("Required when entry is paid.")
        for name in ("organiser_kind", "event_type", "venue_kind"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]
        if self.is_bound and (self.data.get(self.add_prefix("security_manager_pesel")) or "").strip():
            pesel = self.fields["security_manager_pesel"]
            pesel.help_text = format_lazy(
                "{} {}", _("For your safety the PESEL is not shown again: please type it once more."), pesel.help_text
            )

    max_files = PERMIT_MAX_FILES

    @property
    def needs_late_confirmation(self) -> bool:
        return self.timeliness not in (None, Timeliness.ON_TIME)

    @property
    def max_total_size(self) -> str:
        return filesizeformat(PERMIT_MAX_TOTAL_BYTES)

    def get_fieldsets(self):
        attachments = Fieldset(
            _("Attachments"),
            (*(name for name, *_rest in PERMIT_ATTACHMENTS), "other_attachments"),
            description=_(
                "PDF, JPEG, PNG or WebP, up to 10 MB each; at most %(max_files)s files and %(max_size)s together. If "
                "an opinion has not come yet, send the application without it: we will ask for it."
            )
            % {"max_files": self.max_files, "max_size": self.max_total_size},
        )
        return (*MassEventPermitApplication.APPLICANT_FIELDSETS, attachments)

    def clean_security_manager_phone(self):
        return clean_phone_number(self.cleaned_data.get("security_manager_phone"))

    def clean_security_manager_pesel(self):
        # People type PESEL with spaces or dashes; the validator then sees the 11 digits.
        return "".join((self.cleaned_data.get("security_manager_pesel") or "").split()).replace("-", "")

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        places_total, available = cleaned.get("places_total"), cleaned.get("places_available")
        if places_total is not None and available is not None and available > places_total:
            self.add_error(
                "places_available", _("The organiser cannot make available more places than the object has.")
            )
        if cleaned.get("high_risk") and not cleaned.get("security_manager_licence"):
            self.add_error(
                "security_manager_licence",
                _("For a high-risk event give the security manager's licence number (u.b.i.m. art. 26 ust. 1)."),
            )
        if cleaned.get("paid_entry") and not cleaned.get("insurance"):
            self.add_error("insurance", _("With paid entry, attach the organiser's liability insurance policy."))
        total_size_error = permit_attachments_too_large(self.attachments())
        if total_size_error:
            self.add_error(None, total_size_error)
        if starts_at:
            self.timeliness = mass_event_application_timeliness(
                timezone.localdate(), starts_at, justification=cleaned.get("shortened_deadline_justification", "")
            )
            if self.needs_late_confirmation and not cleaned.get("late_confirmed"):
                if self.timeliness == Timeliness.SHORTENED:
                    message = _(
                        "The event starts in less than 30 days. The application can be handled on the shortened "
                        "14-day track only in an exceptional case you have justified; the Prezydent may refuse "
                        "the permit if the safety checks cannot be made in time. Tick the box to send it anyway."
                    )
                else:
                    message = _(
                        "The application is late: it should be filed at least 30 days before the event (14 days "
                        "in an exceptional, justified case). We will still receive it and mark it as late, but the "
                        "permit may be refused. Tick the box to send it anyway."
                    )
                self.add_error("late_confirmed", message)
        return cleaned

    def attachments(self) -> list[PermitAttachment]:
        """Every attachment sent, in the order of the form; an opinion names the body that issued it."""
        return permit_attachments_sent(self.cleaned_data)


class PermitCompletionForm(CaseChangesForm):
    """The organiser completes the application the department called to complete (k.p.a. art. 64 § 2).

    Reached from the tracking link while the completion is awaited (core.applicant_changes): the missing opinions
    and attachments, each in the field of the application form, plus others; an opinion fills its body's line of
    the checklist (`mass_events.services.permits.permit_completion_attach`). At least one file must be sent.
    """

    template_name = "mass_events/includes/completion_fields.html"
    multipart = True

    other_attachments = MultipleValidatedFileField(
        label=_("Other attachments"), required=False, max_files=PERMIT_MAX_OTHER_FILES
    )

    def __init__(self, data=None, files=None, *, case, **kwargs):
        super().__init__(data, files, case=case, **kwargs)
        for name, _description, label, _required in PERMIT_ATTACHMENTS:
            self.fields[name] = ValidatedFileField(label=label, required=False)

    @classmethod
    def initial_from(cls, case) -> dict:
        return {}

    def attachment_fields(self):
        return [self[name] for name, *_rest in PERMIT_ATTACHMENTS]

    def clean(self):
        cleaned = super().clean()
        total_size_error = permit_attachments_too_large(permit_attachments_sent(cleaned))
        if total_size_error:
            self.add_error(None, total_size_error)
        return cleaned

    def apply(self, case) -> None:
        from mass_events.services.permits import permit_completion_attach

        permit_completion_attach(application=case, attachments=permit_attachments_sent(self.cleaned_data))


class CertificateDeliveryForm(CaseChangesForm):
    """The organiser sends the certificate the department demanded for a notified event (u.o.p.d.k. art. 34).

    Reached from the tracking link while the certificate is awaited (core.applicant_changes); sending it performs
    "certificate_delivered", which stamps the delivery day the 30 days and the ban deadline run from.
    """

    template_name = "mass_events/includes/certificate_fields.html"
    multipart = True

    certificate = ValidatedFileField(
        label=_("Certificate that the premises and devices meet the requirements"),
        help_text=_("Issued by the competent authority (e.g. the building or fire inspection). PDF, JPEG or PNG."),
    )

    @classmethod
    def initial_from(cls, case) -> dict:
        return {}

    def apply(self, case) -> None:
        from mass_events.services.notifications import notification_certificate_attach

        notification_certificate_attach(notification=case, certificate=self.cleaned_data["certificate"])


class PermitGuideForm(forms.Form):
    """ "Czy potrzebuję zezwolenia?": three questions answered on the server (a GET form, works without JavaScript)."""

    event_type = forms.ChoiceField(
        label=_("What kind of event is it?"), choices=EventType.choices, widget=forms.RadioSelect
    )
    venue_kind = forms.ChoiceField(
        label=_("Where will it take place?"),
        choices=[
            *VenueKind.choices,
            (
                "cultural_building",
                _("a theatre, opera, philharmonic, cinema, museum, library, culture house or gallery"),
            ),
        ],
        widget=forms.RadioSelect,
    )
    places = forms.IntegerField(
        label=_("How many places will be made available?"),
        min_value=0,
        max_value=1_000_000,
        help_text=_("The number of places fixed by the building and fire regulations that you make available."),
    )
    high_risk = forms.BooleanField(
        label=_("It is a high-risk sports event"),
        required=False,
        help_text=_(
            "E.g. when the police expect a risk of violence. In a sports hall or other building such an event is "
            "a mass event from 200 places (u.b.i.m. art. 3 pkt 3)."
        ),
    )


class EventNotificationForm(OrganisedEventForm):
    """ "Zawiadomienie o imprezie": the contents of u.o.p.d.k. art. 34 (DOMAIN.md §B.5), with optional attachments.

    A notification later than 30 days before the event is received and marked late; the organiser confirms the
    warning first (`late_confirmed`), as on the permit application.
    """

    late_confirmed = forms.BooleanField(
        label=_("I understand the warning and want to send the notification anyway"), required=False
    )
    attachments = MultipleValidatedFileField(
        label=_("Attachments"),
        required=False,
        max_files=5,
        help_text=_("E.g. the programme or the owner's consent to use the place. Optional."),
    )

    class Meta:
        model = EventNotification
        fields = fieldset_fields(EventNotification.APPLICANT_FIELDSETS)
        widgets = {
            **ORGANISED_EVENT_WIDGETS,
            "safety_measures": forms.Textarea(attrs={"rows": 4}),
            "accessibility_measures": forms.Textarea(attrs={"rows": 4}),
            "cycle_description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "contact_email": _("We will write to this address about your notification."),
            "contact_phone": _("Optional."),
            "cycle_description": _("For a cyclic event: its dates in the year. One notification covers them all."),
        }

    fieldsets = (*EventNotification.APPLICANT_FIELDSETS, Fieldset(_("Attachments"), ("attachments",)))
    include_after = {"ends_at": "mass_events/includes/late_warning.html"}
    text_fields = (
        *OrganisedEventForm.text_fields,
        "event_type",
        "character",
        "safety_measures",
        "accessibility_measures",
        "cycle_description",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_late = None

    @property
    def needs_late_confirmation(self) -> bool:
        return bool(self.is_late)

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        if cleaned.get("is_cyclic") and not cleaned.get("cycle_description", "").strip():
            self.add_error("cycle_description", _("For a cyclic event, list the dates of the cycle."))
        if starts_at:
            self.is_late = artistic_event_notification_is_late(timezone.localdate(), starts_at)
            if self.is_late and not cleaned.get("late_confirmed"):
                self.add_error(
                    "late_confirmed",
                    _(
                        "The notification is late: it should be made at least 30 days before the event "
                        "(u.o.p.d.k. art. 34). We will still receive it and mark it as late. Tick the box to send "
                        "it anyway."
                    ),
                )
        return cleaned
