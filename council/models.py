"""The Economic Council of the Mayor (Rada Gospodarcza przy Prezydencie Miasta, DOMAIN.md §I.1).

An advisory body created by the Mayor's order (zarządzenie) with its regulamin: its members are appointed and dismissed
by the Mayor's orders and serve for the Mayor's term; the department serves it (invitations, minutes, documents). A
sitting has an agenda, invitations e-mailed to the members, an attendance list and minutes approved at the next
sitting; the council adopts opinions by vote and sends them to the Mayor. The public page shows the composition, the
sittings and the published opinions; the members' private contacts stay internal.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.html import SanitisedHTMLField
from core.models import TimeStampedModel


class CouncilTerm(TimeStampedModel):
    """A term of the council, which follows the Mayor's term (DOMAIN.md §I.1 [V-sec S20]).

    The council is created by the Mayor's order with its regulamin; its members serve until the term ends.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. “2024–2029”."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("The end of the Mayor's term; empty while it lasts.")
    )
    establishing_order = models.CharField(
        _("Mayor's order establishing the council"),
        max_length=100,
        help_text=_("E.g. “Zarządzenie nr 512/2024 Prezydenta Miasta Ruda Śląska z dnia 3 czerwca 2024 r.”."),
    )
    mayor_email = models.EmailField(
        _("e-mail of the Mayor's office"), help_text=_("The council's opinions are sent to this address.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("term of the council")
        verbose_name_plural = _("terms of the council")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="council_term_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not be before the start.")})


class CouncilRole(models.TextChoices):
    """The members' functions, elected at the first sitting (DOMAIN.md §I.1 [V-sec S20])."""

    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice-chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", pgettext_lazy("council", "member")


#: Functions one serving member at a time holds in a term [K: the regulamin elects one chair and one secretary].
SINGLE_ROLES = (CouncilRole.CHAIR, CouncilRole.SECRETARY)
ROLE_ORDER = {role: position for position, role in enumerate(CouncilRole.values)}


class CouncilMemberQuerySet(models.QuerySet):
    def serving(self, on=None):
        """Members appointed by `on` (today) and not dismissed by then."""
        day = on or timezone.localdate()
        return self.filter(appointed_on__lte=day).filter(Q(dismissed_on__isnull=True) | Q(dismissed_on__gt=day))


class CouncilMember(TimeStampedModel):
    """A member of the council, appointed and dismissed by the Mayor's order (DOMAIN.md §I.1 [V-sec S20]).

    The name, the organisation and the function are public; the e-mail and the phone are internal (they receive the
    invitations).
    """

    term = models.ForeignKey(CouncilTerm, verbose_name=_("term"), on_delete=models.PROTECT, related_name="members")
    full_name = models.CharField(_("first name and surname"), max_length=200)
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_("E.g. “Izba Przemysłowo-Handlowa w Rudzie Śląskiej”.")
    )
    role = models.CharField(_("function"), max_length=20, choices=CouncilRole, default=CouncilRole.MEMBER)
    email = models.EmailField(_("e-mail (internal)"), help_text=_("Invitations are sent here; never public."))
    phone = models.CharField(_("phone (internal)"), max_length=30, blank=True)
    appointed_on = models.DateField(_("appointed on"))
    appointment_order = models.CharField(
        _("appointing order"), max_length=100, help_text=_("Number of the Mayor's order, e.g. “512/2024”.")
    )
    appointment_order_date = models.DateField(_("date of the appointing order"))
    dismissed_on = models.DateField(_("dismissed on"), null=True, blank=True)
    dismissal_order = models.CharField(_("dismissing order"), max_length=100, blank=True)
    dismissal_order_date = models.DateField(_("date of the dismissing order"), null=True, blank=True)

    objects = CouncilMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member of the council")
        verbose_name_plural = _("members of the council")
        ordering = ["term", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dismissed_on__isnull=True) | Q(dismissed_on__gte=F("appointed_on")),
                name="council_member_dismissed_after_appointed",
            ),
            models.CheckConstraint(
                condition=Q(dismissed_on__isnull=True, dismissal_order="")
                | Q(dismissed_on__isnull=False, dismissal_order__gt="", dismissal_order_date__isnull=False),
                name="council_member_dismissed_by_order",
            ),
            models.UniqueConstraint(
                fields=["term", "role"],
                condition=Q(dismissed_on__isnull=True, role__in=["chair", "secretary"]),
                name="council_one_chair_and_secretary",
            ),
        ]

    def __str__(self):
        return self.full_name

    def clean(self):
        errors = {}
        if self.dismissed_on and self.appointed_on and self.dismissed_on < self.appointed_on:
            errors["dismissed_on"] = _("The dismissal must not be before the appointment.")
        if self.dismissed_on and not (self.dismissal_order and self.dismissal_order_date):
            errors["dismissal_order"] = _("A member is dismissed by the Mayor's order: enter its number and date.")
        if not self.dismissed_on and (self.dismissal_order or self.dismissal_order_date):
            errors["dismissed_on"] = _("Enter the day of the dismissal.")
        if self.term_id and self.appointed_on:
            term = self.term
            if self.appointed_on < term.starts_on or (term.ends_on and self.appointed_on > term.ends_on):
                errors["appointed_on"] = _("The appointment must fall within the term of the council.")
        if self.role in SINGLE_ROLES and not self.dismissed_on and self.term_id:
            holder = (
                CouncilMember.objects.filter(term_id=self.term_id, role=self.role, dismissed_on__isnull=True)
                .exclude(pk=self.pk)
                .first()
            )
            if holder:
                errors["role"] = _("%(name)s already holds this function.") % {"name": holder.full_name}
        if errors:
            raise ValidationError(errors)


class CouncilSittingQuerySet(models.QuerySet):
    def public(self):
        """Sittings residents may see: those whose invitations were sent."""
        return self.filter(invitations_sent_at__isnull=False)


class CouncilSitting(TimeStampedModel):
    """A sitting of the council: its number in the term, date, place and agenda, the attendance and the minutes.

    The minutes (protokół) are approved at the next sitting (DOMAIN.md §I.1 [V-sec S20]); once approved, their PDF is
    published with the sitting.
    """

    term = models.ForeignKey(CouncilTerm, verbose_name=_("term"), on_delete=models.PROTECT, related_name="sittings")
    number = models.PositiveIntegerField(_("number"), help_text=_("The sitting's number in the term, e.g. 7."))
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200, help_text=_("E.g. “Urząd Miasta, sala 213”."))
    agenda = models.TextField(_("agenda"), help_text=_("One item a line."))
    invitations_sent_at = models.DateTimeField(_("invitations sent at"), null=True, blank=True, editable=False)
    attendees = models.ManyToManyField(
        CouncilMember,
        verbose_name=_("present"),
        blank=True,
        related_name="sittings_attended",
        help_text=_("The attendance list: the members present."),
    )
    minutes = SanitisedHTMLField(
        _("minutes"), blank=True, help_text=_("The course of the sitting; the PDF of the minutes is made from it.")
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        verbose_name=_("minutes approved at the sitting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_minutes",
        editable=False,
    )

    objects = CouncilSittingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sitting of the council")
        verbose_name_plural = _("sittings of the council")
        ordering = ["-starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="council_sitting_number_unique"),
        ]
        indexes = [models.Index(fields=["invitations_sent_at", "starts_at"], name="council_sitting_public_idx")]

    def __str__(self):
        return _("Sitting no. %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("council:sitting_detail", kwargs={"pk": self.pk})

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    def has_taken_place(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())


class CouncilInvitation(models.Model):
    """An invitation to a sitting e-mailed to a member through the outbox: who was invited, to which address, when."""

    sitting = models.ForeignKey(
        CouncilSitting, verbose_name=_("sitting"), on_delete=models.CASCADE, related_name="invitations"
    )
    member = models.ForeignKey(CouncilMember, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+")
    email = models.EmailField(_("e-mail"))
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation to a sitting")
        verbose_name_plural = _("invitations to sittings")
        ordering = ["sitting", "member__full_name"]
        constraints = [models.UniqueConstraint(fields=["sitting", "member"], name="council_invitation_once")]

    def __str__(self):
        return f"{self.member} — {self.sitting}"


class CouncilOpinionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class CouncilOpinion(TimeStampedModel):
    """An opinion (stanowisko) of the council adopted by vote at a sitting and sent to the Mayor (DOMAIN.md §I.1).

    The votes for, against and abstaining are recorded; the opinion is adopted by a simple majority (more for than
    against) of the members present, with at least half of the serving members present [K: the usual rule of the
    regulaminy, S20]. Only an adopted opinion is sent to the Mayor and published.
    """

    sitting = models.ForeignKey(
        CouncilSitting, verbose_name=_("sitting"), on_delete=models.PROTECT, related_name="opinions"
    )
    number = models.CharField(_("number"), max_length=30, help_text=_("E.g. “3/2026”."))
    subject = models.CharField(
        _("subject"), max_length=300, help_text=_("E.g. “on the draft programme of support for entrepreneurs”.")
    )
    text = SanitisedHTMLField(_("text of the opinion"))
    votes_for = models.PositiveSmallIntegerField(_("votes for"))
    votes_against = models.PositiveSmallIntegerField(_("votes against"))
    votes_abstaining = models.PositiveSmallIntegerField(_("abstaining"))
    adopted = models.BooleanField(_("adopted"), editable=False)
    sent_to_mayor_at = models.DateTimeField(_("sent to the Mayor at"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)

    objects = CouncilOpinionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("opinion of the council")
        verbose_name_plural = _("opinions of the council")
        ordering = ["-sitting__starts_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["sitting", "number"], name="council_opinion_number_unique"),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(adopted=True), name="council_opinion_published_adopted"
            ),
        ]

    def __str__(self):
        return _("Opinion no. %(number)s %(subject)s") % {"number": self.number, "subject": self.subject}

    def get_absolute_url(self):
        return reverse("council:sitting_detail", kwargs={"pk": self.sitting_id}) + f"#stanowisko-{self.pk}"

    @property
    def votes_cast(self) -> int:
        return self.votes_for + self.votes_against + self.votes_abstaining
