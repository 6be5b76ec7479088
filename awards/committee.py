"""The committee of an awards call (u.o.p.d.k. art. 7a ust. 3, art. 7b ust. 3; DOMAIN.md §D.2, §D.3), on the kernel's
committee mechanism (core.committee), as the grants competition uses it. Re-exported by awards.models.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models import AwardApplication, AwardCall
from core.committee.models import (
    CommitteeAssignmentBase,
    CommitteeMemberBase,
    CommitteeScoreBase,
    points_not_negative,
)
from core.models import TimeStampedModel

# The committee ----------------------------------------------------------------------------------------------------
# The kernel's committee (core.committee), as the grants competition uses it: the Prezydent appoints a committee by
# zarządzenie, which gives its opinion on each application; the opinion does not bind him (DOMAIN.md §D.2, §D.3).

#: [K] The scale of a member's points on an application (the council's resolution names none; 0–10 is the custom).
COMMITTEE_MAX_POINTS = 10


class AwardCommittee(TimeStampedModel):
    """The committee of a call, appointed by the Prezydent's order (zarządzenie).

    u.o.p.d.k. art. 7a ust. 3 and art. 7b ust. 3: the council's resolution sets the procedure, which in the cities
    read has the Prezydent appoint a committee by zarządzenie to give its opinion on the applications; the opinion
    does not bind him, and he grants by his own order (`AwardApplication.decision_number`) (DOMAIN.md §D.2 [V
    Jastrzębie, Gorzów, Cieszyn]). Applications are assigned to members only once the order is recorded.
    """

    call = models.OneToOneField(AwardCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="committee")
    order_number = models.CharField(
        _("number of the Mayor's order appointing the committee"),
        max_length=60,
        help_text=_("E.g. ZP.0050.120.2026"),
    )
    order_date = models.DateField(_("date of the Mayor's order appointing the committee"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("appointment of the committee")
        verbose_name_plural = _("appointments of the committee")
        ordering = ["-order_date", "pk"]

    def __str__(self):
        return self.order_number


class AwardCommitteeMember(CommitteeMemberBase):
    """A member of a call's committee: its chair, a member, or an expert with an advisory voice.

    The council's resolution (u.o.p.d.k. art. 7a/7b ust. 3; DOMAIN.md §D) names who sits [K]; an expert's points
    are shown to the clerk but not counted in the ranking, as in a grants committee (u.d.p.p. art. 15 ust. 2e).
    """

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        MEMBER = "member", _("member")
        EXPERT = "expert", _("expert with an advisory voice")

    ADVISORY_ROLES = frozenset({Role.EXPERT})

    call = models.ForeignKey(
        AwardCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="committee_members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="award_committees"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)

    class Meta:
        verbose_name = _("member of an awards committee")
        verbose_name_plural = _("members of awards committees")
        ordering = ["call", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="award_committee_member_once")]


class AwardAssignment(CommitteeAssignmentBase):
    """An application given to a member to score, with the member's declaration of impartiality (k.p.a. art. 24).

    A member who declares a conflict of interest does not score the application (`core.committee.services`).
    """

    CASE_FIELD = "application"

    member = models.ForeignKey(
        AwardCommitteeMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="assignments"
    )
    application = models.ForeignKey(
        AwardApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="committee_assignments",
    )

    class Meta:
        verbose_name = _("application assigned to a member")
        verbose_name_plural = _("applications assigned to members")
        ordering = ["member", "application"]
        constraints = [
            models.UniqueConstraint(fields=["member", "application"], name="award_assignment_once"),
        ]

    def __str__(self):
        return f"{self.member} — {self.application.case_mark}"


class AwardScore(CommitteeScoreBase):
    """A member's points (0–`COMMITTEE_MAX_POINTS`) and opinion on one assigned application.

    The committee's opinion (DOMAIN.md §D.2: "opinia nie jest wiążąca"): the ranking is the mean of the points of
    the members with a vote; an expert's are shown, not counted.
    """

    assignment = models.OneToOneField(
        AwardAssignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="score"
    )
    comment = models.TextField(_("opinion"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("committee member's score")
        verbose_name_plural = _("committee members' scores")
        ordering = ["assignment"]
        constraints = [points_not_negative("award_score_not_negative")]

    def __str__(self):
        return f"{self.assignment}: {self.points}"


class AwardInterview(TimeStampedModel):
    """The committee's interview with a candidate: when and where (DOMAIN.md §D.2 [V Jastrzębie, Gorzów]).

    Optional: the council's resolution may provide for it [K]. The applicant is told through the case's message on
    the tracking page (`awards.services.interview_schedule`), again when it moves.
    """

    application = models.OneToOneField(
        AwardApplication, verbose_name=_("application"), on_delete=models.CASCADE, related_name="interview"
    )
    starts_at = models.DateTimeField(_("date and time of the interview"))
    place = models.CharField(
        _("place of the interview"),
        max_length=300,
        help_text=_("E.g. Urząd Miasta, pl. Jana Pawła II 6, sala 212"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interview with the committee")
        verbose_name_plural = _("interviews with the committee")
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.application.case_mark}: {timezone.localtime(self.starts_at):%d.%m.%Y %H:%M}"
