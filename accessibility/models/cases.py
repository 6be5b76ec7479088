"""The accessibility coordinator's cases: requests for accessibility and demands for digital accessibility.

DOMAIN.md §G: the City Hall has two parallel procedures, with the same shape and different clocks and complaint
paths. A request for accessibility (ustawa z 19.07.2019 o zapewnianiu dostępności osobom ze szczególnymi potrzebami,
art. 30–31) concerns an architectural or information-communication barrier: answered within 14 days, complaint to
the Prezes Zarządu PFRON. A demand for digital accessibility (ustawa z 4.04.2019 o dostępności cyfrowej stron
internetowych i aplikacji mobilnych podmiotów publicznych, art. 18) concerns a page or an element of the portal:
answered within 7 days, complaint to the entity and then to the Rzecznik Praw Obywatelskich. Both may be extended
with a notice to at most 2 months from filing, or answered with alternative access; a request without contact data
is left without consideration. Both are cases (`core.models.Case`), opened by the public forms.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.fieldsets import Fieldset
from core.models import Case
from core.workflow import Transition, Workflow


class ContactMethod(models.TextChoices):
    """The preferred way to be contacted (DOMAIN.md §G.2, art. 30 ust. 3 pkt 3)."""

    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
    POST = "post", _("letter by post")
    EPUAP = "epuap", _("ePUAP")
    PJM = "pjm", _("video in Polish Sign Language (PJM)")


class BarrierKind(models.TextChoices):
    """The kind of barrier a request for accessibility names (DOMAIN.md §G.2, art. 30 ust. 3 pkt 2)."""

    ARCHITECTURAL = "architectural", _("architectural")
    INFO_COMM = "info_comm", _("information and communication")


class AccessibilityStatus(models.TextChoices):
    """The states both procedures share (DOMAIN.md §G.2, §G.4)."""

    RECEIVED = "received", pgettext_lazy("accessibility status", "received")
    EXTENDED = "extended", _("delay notified: new date set")
    ENSURED = "ensured", _("accessibility ensured")
    ALTERNATIVE = "alternative", _("alternative access provided")
    LEFT_UNCONSIDERED = "left_unconsidered", _("left without consideration")


def accessibility_workflow(prefix: str) -> Workflow:
    """The one transition table of both procedures (DOMAIN.md §G.2 states; §G.4 the same for the digital demand)."""
    Status = AccessibilityStatus
    services = "accessibility.services"
    open_statuses = {Status.RECEIVED, Status.EXTENDED}
    return Workflow(
        action_prefix=prefix,
        transitions=[
            Transition(
                "extend",
                source={Status.RECEIVED},
                target=Status.EXTENDED,
                label=_("Notify the delay and the new date"),
                guard=f"{services}.accessibility_case_check_extend",
                effect=f"{services}.on_accessibility_case_extend",
                note_to_applicant=True,
                note_message=f"{services}.accessibility_case_message_extend",
            ),
            Transition(
                "ensure",
                source=open_statuses,
                target=Status.ENSURED,
                label=_("Accessibility ensured: send the answer"),
                guard=f"{services}.accessibility_case_check_ensure",
                closes_case=True,
                effect=f"{services}.on_accessibility_case_answer",
                note_to_applicant=True,
                note_message=f"{services}.accessibility_case_message_answer",
            ),
            Transition(
                "alternative",
                source=open_statuses,
                target=Status.ALTERNATIVE,
                label=_("Provide alternative access: send the answer"),
                guard=f"{services}.accessibility_case_check_alternative",
                closes_case=True,
                effect=f"{services}.on_accessibility_case_answer",
                note_to_applicant=True,
                note_message=f"{services}.accessibility_case_message_answer",
            ),
            Transition(
                "leave_unconsidered",
                source={Status.RECEIVED},
                target=Status.LEFT_UNCONSIDERED,
                label=_("Leave without consideration (no contact data)"),
                guard=f"{services}.accessibility_case_check_leave_unconsidered",
                closes_case=True,
            ),
        ],
    )


class AccessibilityCase(Case):
    """What a request for accessibility and a demand for digital accessibility share: the applicant, the contact data,
    the preferred contact and solution, the clocks' stamps and the answer."""

    Status = AccessibilityStatus
    OPEN_STATUSES = (AccessibilityStatus.RECEIVED, AccessibilityStatus.EXTENDED)
    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0630"}
    PERSONAL_DATA_FIELDS = ("applicant_name", "contact_email", "contact_phone", "contact_address")
    APPLICANT_NAME_FIELDS = ("applicant_name",)
    APPLICANT_EMAIL_FIELD = "contact_email"
    CONTACT_FIELDS = ("contact_email", "contact_phone", "contact_address")

    applicant_name = models.CharField(_("first name and surname or name"), max_length=200)
    is_representative = models.BooleanField(
        _("I file it as the legal representative of a person with special needs"), default=False
    )
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_address = models.CharField(_("postal address"), max_length=300, blank=True)
    contact_method = models.CharField(
        _("preferred way of contact"), max_length=20, choices=ContactMethod, default=ContactMethod.EMAIL
    )

    received_on = models.DateField(_("received on"), editable=False)
    extended_to = models.DateField(
        _("new date of the answer"),
        null=True,
        blank=True,
        help_text=_("Fill in before notifying a delay: at most 2 months from the filing."),
    )
    delay_reason = models.TextField(
        _("reason of the delay"), max_length=3000, blank=True, help_text=_("Printed in the notice of the delay.")
    )
    answer = models.TextField(
        _("what was done"),
        max_length=5000,
        blank=True,
        help_text=_("Printed in the answer: how accessibility was ensured, or the alternative access offered."),
    )
    delay_notified_on = models.DateField(_("delay notified on"), null=True, blank=True, editable=False)
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=30, choices=AccessibilityStatus, default=AccessibilityStatus.RECEIVED, editable=False
    )

    class Meta:
        abstract = True

    @property
    def has_contact_data(self) -> bool:
        """Art. 30 ust. 3 pkt 1 of the 19.07.2019 act: without contact data the case cannot be answered."""
        return any((getattr(self, name) or "").strip() for name in self.CONTACT_FIELDS)

    def clean(self):
        super().clean()
        if self.extended_to and self.received_on and self.extended_to < self.received_on:
            raise ValidationError({"extended_to": _("The new date must not be before the filing.")})


class AccessibilityRequest(AccessibilityCase):
    """A request for accessibility (wniosek o zapewnienie dostępności) of an architectural or information-communication
    barrier.

    Ustawa z 19.07.2019 art. 30 (who and what: contact data, the barrier, the preferred contact and way of ensuring
    accessibility; a PJM video may carry it) and art. 31 (14 days, at most 2 months with a notice, alternative access
    where ensuring accessibility is impossible or significantly hindered); art. 32: a complaint to the Prezes Zarządu
    PFRON within 30 days (DOMAIN.md §G.2).
    """

    CASE_OPENED_SUBJECT = _("Your request for accessibility has been received — %(mark)s")

    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The applicant"),
            ("applicant_name", "is_representative", "contact_email", "contact_phone", "contact_address"),
            description=_("Give at least one way to reach you: without contact data we cannot consider the request."),
        ),
        Fieldset(
            _("The barrier"),
            ("barrier_kind", "barrier_place", "barrier_description", "factual_interest"),
        ),
        Fieldset(_("Your preferences"), ("contact_method", "preferred_solution")),
    )

    barrier_kind = models.CharField(
        _("kind of barrier"), max_length=20, choices=BarrierKind, default=BarrierKind.ARCHITECTURAL
    )
    barrier_place = models.CharField(
        _("where the barrier is"),
        max_length=300,
        help_text=_("E.g. the building and its entrance, a service or a document of the City Hall."),
    )
    barrier_description = models.TextField(_("what makes access difficult"), max_length=5000)
    factual_interest = models.TextField(
        _("what you want to do or use"),
        max_length=3000,
        help_text=_("E.g. to file an application in person, to take part in a meeting."),
    )
    preferred_solution = models.TextField(
        _("preferred way of ensuring accessibility"), max_length=3000, blank=True, help_text=_("Optional.")
    )

    history = HistoricalRecords()
    workflow = accessibility_workflow("accessibility.request")

    class Meta:
        verbose_name = _("request for accessibility")
        verbose_name_plural = _("requests for accessibility")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gte=models.F("received_on")),
                name="accessibility_request_extension_after_filing",
            ),
        ]
        indexes = [models.Index(fields=["status", "received_on"], name="a11y_request_status_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.barrier_place}"


class DigitalAccessibilityDemand(AccessibilityCase):
    """A demand for digital accessibility (żądanie zapewnienia dostępności cyfrowej) of a page or an element of the
    portal, or of its information in an alternative form.

    Ustawa z 4.04.2019 art. 18 (the requester's data, the page or element, the contact method, the preferred
    alternative form; 7 days, at most 2 months with a notice, alternative access where the demand is
    disproportionate), art. 19 (left without consideration without contact data) and art. 20 (a complaint to the
    entity, then to the Rzecznik Praw Obywatelskich) (DOMAIN.md §G.4).
    """

    CASE_OPENED_SUBJECT = _("Your demand for digital accessibility has been received — %(mark)s")

    APPLICANT_FIELDSETS = (
        Fieldset(
            _("The requester"),
            ("applicant_name", "is_representative", "contact_email", "contact_phone", "contact_address"),
            description=_("Give at least one way to reach you: without contact data we cannot consider the demand."),
        ),
        Fieldset(_("The page or element"), ("page_url", "element", "problem")),
        Fieldset(_("Your preferences"), ("contact_method", "preferred_alternative")),
    )

    page_url = models.URLField(
        _("address of the page"), max_length=500, help_text=_("Copy it from the browser's address bar.")
    )
    element = models.CharField(
        _("element of the page"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the form's date field, the PDF with the programme, the map."),
    )
    problem = models.TextField(_("what is not accessible"), max_length=5000)
    preferred_alternative = models.TextField(
        _("preferred alternative form of the information"),
        max_length=3000,
        blank=True,
        help_text=_("Optional. E.g. a text file, a phone call, a recording."),
    )

    history = HistoricalRecords()
    workflow = accessibility_workflow("accessibility.demand")

    class Meta:
        verbose_name = _("demand for digital accessibility")
        verbose_name_plural = _("demands for digital accessibility")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(extended_to__isnull=True) | Q(extended_to__gte=models.F("received_on")),
                name="digital_demand_extension_after_filing",
            ),
        ]
        indexes = [models.Index(fields=["status", "received_on"], name="a11y_demand_status_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.page_url}"
