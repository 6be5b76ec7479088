from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models.cases import Case
from core.workflow import Transition, Workflow


class Feedback(Case):
    """An opinion sent through "Prześlij opinię" (DOMAIN.md §F.5).

    Purpose-limited: the e-mail address is kept only when the sender wants an answer, and it is
    the only personal datum retention clears.
    """

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in_progress", _("in progress")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed without an answer")

    CASE_KIND_DEFAULTS = {"unit": "KSP", "jrwa": "0005"}
    PERSONAL_DATA_FIELDS = ("contact_email",)
    # An opinion names nobody: the list of cases finds it by its e-mail, when the sender left one.
    APPLICANT_NAME_FIELDS = ()
    APPLICANT_EMAIL_FIELD = "contact_email"
    CASE_OPENED_SUBJECT = _("Your opinion has been received — %(mark)s")

    message = models.TextField(_("opinion"), max_length=5000)
    page_path = models.CharField(
        _("page the opinion is about"),
        max_length=500,
        blank=True,
        help_text=_("Address on this portal, e.g. /wydzial/"),
    )
    contact_email = models.EmailField(_("e-mail for the answer"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW, editable=False)

    history = HistoricalRecords()

    workflow = Workflow(
        action_prefix="core.feedback",
        transitions=[
            Transition("take", source={Status.NEW}, target=Status.IN_PROGRESS, label=_("Take up")),
            Transition(
                "answer",
                source={Status.NEW, Status.IN_PROGRESS},
                target=Status.ANSWERED,
                label=_("Mark as answered"),
                closes_case=True,
            ),
            Transition(
                "close",
                source={Status.NEW, Status.IN_PROGRESS},
                target=Status.CLOSED,
                label=_("Close without an answer"),
                closes_case=True,
                note_required=True,
            ),
            Transition(
                "reopen",
                source={Status.ANSWERED, Status.CLOSED},
                target=Status.IN_PROGRESS,
                label=_("Reopen"),
                reopens_case=True,
            ),
        ],
    )

    class Meta:
        verbose_name = _("opinion")
        verbose_name_plural = _("opinions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="feedback_status_created_idx")]

    def __str__(self):
        return f"{self.case_mark}: {self.message[:60]}"
