"""Records attached to any case: status history, messages, private documents, information clauses."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import workflow as case_workflow
from core.html import SanitisedHTMLField
from core.models.base import TimeStampedModel


def private_storage():
    return storages["private"]


class StatusChange(models.Model):
    """One row per workflow transition: who moved which record from which status to which, when and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=100, help_text=_("Dotted code, e.g. core.feedback.answer"))
    from_status = models.CharField(_("from status"), max_length=40)
    to_status = models.CharField(_("to status"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"], name="status_change_record_idx")]

    def __str__(self):
        return f"{self.action_label()}: {self.from_status_label()} → {self.to_status_label()}"

    def _record_model(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    def action_label(self) -> str:
        """The action in words ("Accept the submission"), never its dotted code."""
        return case_workflow.action_label(self.action)

    def from_status_label(self) -> str:
        return case_workflow.status_label(self._record_model(), self.from_status)

    def to_status_label(self) -> str:
        return case_workflow.status_label(self._record_model(), self.to_status)


class CaseMessage(models.Model):
    """A message in a case's conversation, shown on the applicant's private tracking page."""

    class Author(models.TextChoices):
        CLERK = "clerk", _("department")
        APPLICANT = "applicant", _("applicant")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    author_kind = models.CharField(_("author"), max_length=20, choices=Author)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("clerk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case message")
        verbose_name_plural = _("case messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"], name="case_message_case_idx")]

    def __str__(self):
        return self.body[:60]


class PrivateDocument(models.Model):
    """A document of a case (an applicant's attachment or a letter the department issued).

    Stored in private storage under a random name and served only by a permission-checked view.
    """

    class Kind(models.TextChoices):
        ATTACHMENT = "attachment", _("applicant's attachment")
        LETTER = "letter", _("letter or decision")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    file = models.FileField(_("file"), storage=private_storage, upload_to="documents/", max_length=200)
    original_name = models.CharField(_("original file name"), max_length=120, blank=True)
    mime_type = models.CharField(_("type"), max_length=60)
    size = models.PositiveIntegerField(_("size in bytes"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="private_document_case_idx")]

    def __str__(self):
        return self.description or self.original_name or self.file.name


class InformationClause(TimeStampedModel):
    """A version of the GDPR information clause (art. 13 RODO, DOMAIN.md §J.3) shown on a public form.

    Versions are never edited once shown: a change is a new version, and each case keeps the one its
    applicant saw.
    """

    class LegalBasis(models.TextChoices):
        LEGAL_OBLIGATION = "art6_1_c", _("art. 6(1)(c) GDPR — legal obligation")
        PUBLIC_TASK = "art6_1_e", _("art. 6(1)(e) GDPR — public task")
        CONSENT = "art6_1_a", _("art. 6(1)(a) GDPR — consent")
        CONTRACT = "art6_1_b", _("art. 6(1)(b) GDPR — contract")

    form_key = models.CharField(
        _("form"), max_length=100, help_text=_("Form the clause belongs to, e.g. core.feedback")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=LegalBasis)
    text = SanitisedHTMLField(_("text of the clause"))
    valid_from = models.DateField(_("valid from"))

    class Meta:
        verbose_name = _("information clause")
        verbose_name_plural = _("information clauses")
        ordering = ["form_key", "-version"]
        constraints = [models.UniqueConstraint(fields=["form_key", "version"], name="info_clause_unique_version")]

    def __str__(self):
        return gettext("%(form)s, version %(version)s") % {"form": self.form_name(), "version": self.version}

    def form_name(self) -> str:
        """The form's name in words: the name of the case it opens ("Zgłoszenie wydarzenia"), not its key."""
        model = case_workflow.case_model(self.form_key)
        return capfirst(model._meta.verbose_name) if model is not None else gettext("form")


class OutboxMessage(models.Model):
    """An e-mail waiting to be sent, committed together with the record that caused it.

    A task sends it after commit; a failure is recorded and retried with backoff, and a row that
    is sent is never sent again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed for good")

    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # Extra headers of this message only, e.g. a newsletter's List-Unsubscribe (RFC 2369, RFC 8058).
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return self.subject


class RetentionAction(models.Model):
    """What the retention purge did to a closed case (DOMAIN.md §J.4), kept for the archive's records."""

    case_mark = models.CharField(_("case mark"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    archival_category = models.CharField(_("archival category"), max_length=5)
    fields_cleared = models.JSONField(_("fields cleared"), default=list)
    documents_deleted = models.PositiveIntegerField(_("documents deleted"), default=0)
    performed_at = models.DateTimeField(_("performed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("retention action")
        verbose_name_plural = _("retention actions")
        ordering = ["-performed_at"]

    def __str__(self):
        return self.case_mark


class PublicImage(models.Model):
    """An image shown on public pages: re-encoded without EXIF, with WebP and JPEG renditions and alt text.

    A withheld image (a press photo under embargo) keeps its original and renditions in the private
    storage, outside MEDIA_ROOT, so no public address exists until its owner publishes it
    (`core.public_images.public_image_publish` moves the files to public media under fresh names). Public
    templates never render a withheld image; clerks see it through a permission-checked preview.
    """

    image = models.ImageField(_("image"), upload_to="images/")
    withheld = models.BooleanField(
        _("withheld until publication"),
        default=False,
        editable=False,
        help_text=_("Kept in private storage, without a public address, until the press release is published."),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it, e.g. “Orchestra on the stage of MCK”."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    renditions = models.JSONField(_("renditions"), default=list, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("public image")
        verbose_name_plural = _("public images")
        ordering = ["-created_at"]

    def __str__(self):
        return self.alt_text


class WorkerHeartbeat(models.Model):
    """The last sign of life of one task worker process (`manage.py task_worker`), for the health check.

    The worker writes its row when it starts and every WORKER_HEARTBEAT_SECONDS after; `/health/` fails
    when no worker has written for HEALTH_WORKER_MAX_SILENCE. Rows of workers gone for a week are removed.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("task worker heartbeat")
        verbose_name_plural = _("task worker heartbeats")
        ordering = ["-beat_at"]

    def __str__(self):
        return f"{self.hostname}:{self.pid}"
